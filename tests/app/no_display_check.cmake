# no_display_check.cmake: with no display at all, malcon says so plainly and exits 2.
# -DMALCON=<exe>
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                        --unset=SDL_VIDEODRIVER ${MALCON} --lang en
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 20)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "malcon exited with '${rc}', not 2\n${out}\n${err}")
endif()
if(NOT err MATCHES "no display")
  message(FATAL_ERROR "malcon did not say there is no display:\n${err}")
endif()
message(STATUS "no display: exit 2, '${err}'")
