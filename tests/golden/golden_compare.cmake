# golden_compare.cmake: runs malcon-replay on SCRIPT (viewer VIEWER, content CONTENT) and compares
# its output with EXPECTED, printing a unified diff on mismatch. With the environment variable
# MALCON_GOLDEN_UPDATE=1 it rewrites EXPECTED instead (for intended rules changes only).
foreach(v TOOL SCRIPT EXPECTED CONTENT VIEWER)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "golden_compare.cmake: -D${v}=... is required")
  endif()
endforeach()

execute_process(COMMAND ${TOOL} ${SCRIPT} --content ${CONTENT} --viewer ${VIEWER}
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "malcon-replay ${SCRIPT} --viewer ${VIEWER} exited ${rc}:\n${errors}")
endif()
if(NOT errors STREQUAL "")
  message(FATAL_ERROR "malcon-replay wrote to stderr (a golden script must replay cleanly):\n"
                      "${errors}")
endif()

if("$ENV{MALCON_GOLDEN_UPDATE}" STREQUAL "1")
  file(WRITE ${EXPECTED} "${actual}")
  message(STATUS "golden: rewrote ${EXPECTED}")
  return()
endif()

if(NOT EXISTS ${EXPECTED})
  message(FATAL_ERROR "golden: ${EXPECTED} does not exist (MALCON_GOLDEN_UPDATE=1 creates it)")
endif()
file(READ ${EXPECTED} expected)
if(actual STREQUAL expected)
  return()
endif()

get_filename_component(base ${EXPECTED} NAME)
set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/${base}.actual)
file(WRITE ${actual_file} "${actual}")
find_program(DIFF diff)
if(DIFF)
  execute_process(COMMAND ${DIFF} -u ${EXPECTED} ${actual_file} OUTPUT_VARIABLE delta)
  message("${delta}")
else()
  message("expected:\n${expected}\nactual:\n${actual}")
endif()
message(FATAL_ERROR "golden: malcon-replay output differs from ${EXPECTED} "
                    "(actual output kept in ${actual_file})")
