# screenshot_check.cmake: runs `malcon --screenshot` for one screen, language and size, and checks
# that the PNG exists with the asked size (read from its IHDR chunk).
# -DMALCON=<exe> -DOUT=<png> -DSCREEN=<name> -DLANG=<ja|en> -DSIZE=<WxH> [-DEXTRA="args;..."]
include(${CMAKE_CURRENT_LIST_DIR}/../png_size.cmake)
file(REMOVE ${OUT})
execute_process(COMMAND ${MALCON} --screenshot ${OUT} --size ${SIZE} --screen ${SCREEN}
                        --lang ${LANG} ${EXTRA}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "malcon exited with ${rc}\n${out}\n${err}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "no screenshot at ${OUT}\n${out}\n${err}")
endif()
malcon_png_size(${OUT} w h)
string(REPLACE "x" ";" want ${SIZE})
list(GET want 0 ww)
list(GET want 1 wh_)
if(NOT w EQUAL ww OR NOT h EQUAL wh_)
  message(FATAL_ERROR "${OUT} is ${w}x${h}, not ${SIZE}")
endif()
file(SIZE ${OUT} bytes)
if(bytes LESS 20000)
  message(FATAL_ERROR "${OUT} is only ${bytes} bytes: an empty frame?")
endif()
message(STATUS "${OUT}: ${w}x${h}, ${bytes} bytes")
