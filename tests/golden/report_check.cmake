# report_check.cmake: runs `malcon-replay SAVE --report DIR` and checks the after-action report:
# DIR/report.md equals the committed expectation byte for byte (MALCON_GOLDEN_UPDATE=1 in the
# environment rewrites it: read the diff before committing), DIR/timeline.png is a PNG of
# 1600x1000 that is not an empty frame, and the tool's usual output is still the golden
# replay's (the report is an addition, never a change).
# -DTOOL=<malcon-replay> -DSCRIPT=<save> -DCONTENT=<root> -DEXPECTED=<report.md>
# -DEXPECTED_OUT=<NAME.expected> -DWORK=<dir>
include(${CMAKE_CURRENT_LIST_DIR}/../png_size.cmake)
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${TOOL} ${SCRIPT} --content ${CONTENT} --report ${WORK}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "malcon-replay --report exited with ${rc}\n${err}")
endif()
file(READ ${EXPECTED_OUT} want_out)
if(NOT out STREQUAL want_out)
  message(FATAL_ERROR "malcon-replay's output changed with --report")
endif()
if(NOT EXISTS ${WORK}/report.md OR NOT EXISTS ${WORK}/timeline.png)
  message(FATAL_ERROR "no report.md or timeline.png in ${WORK}\n${err}")
endif()
if("$ENV{MALCON_GOLDEN_UPDATE}" AND NOT "$ENV{MALCON_GOLDEN_UPDATE}" STREQUAL "0")
  file(COPY_FILE ${WORK}/report.md ${EXPECTED})
  message(STATUS "updated ${EXPECTED}")
endif()
file(READ ${WORK}/report.md got)
file(READ ${EXPECTED} want)
if(NOT got STREQUAL want)
  execute_process(COMMAND diff -u ${EXPECTED} ${WORK}/report.md OUTPUT_VARIABLE d)
  message(FATAL_ERROR "report.md differs from ${EXPECTED} "
                      "(MALCON_GOLDEN_UPDATE=1 regenerates it):\n${d}")
endif()
set(png ${WORK}/timeline.png)
malcon_png_size(${png} w h)
file(SIZE ${png} bytes)
if(NOT w EQUAL 1600 OR NOT h EQUAL 1000 OR bytes LESS 20000)
  message(FATAL_ERROR "${png} is ${w}x${h}, ${bytes} bytes (want 1600x1000, a real chart)")
endif()
message(STATUS "report.md as expected; timeline.png ${w}x${h}, ${bytes} bytes")
