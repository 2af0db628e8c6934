# golden_twice.cmake: runs TOOL with ARGS twice; both runs must succeed and print the same bytes
# (malcon-sim's promise: same arguments, same output).
if(NOT DEFINED TOOL OR NOT DEFINED ARGS)
  message(FATAL_ERROR "golden_twice.cmake: -DTOOL=... and -DARGS=a;b;c are required")
endif()
foreach(run 1 2)
  execute_process(COMMAND ${TOOL} ${ARGS} OUTPUT_VARIABLE out${run} ERROR_VARIABLE err${run}
                  RESULT_VARIABLE rc${run})
  if(NOT rc${run} EQUAL 0)
    message(FATAL_ERROR "run ${run}: ${TOOL} ${ARGS} exited ${rc${run}}:\n${err${run}}${out${run}}")
  endif()
endforeach()
if(out1 STREQUAL "")
  message(FATAL_ERROR "${TOOL} printed nothing")
endif()
if(NOT out1 STREQUAL out2 OR NOT err1 STREQUAL err2)
  message(FATAL_ERROR "two runs with the same arguments differ:\n--- run 1\n${out1}${err1}"
                      "--- run 2\n${out2}${err2}")
endif()
message(STATUS "identical output:\n${out1}")
