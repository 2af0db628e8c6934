# tests/CMakeLists.d/console.cmake: the facilitator console (the unit tests tests/app/test_console*.c
# are built by app.cmake with the other app tests): offscreen screenshots of `--screen facilitator`
# (a new standard game of seed 3 at setup, and the mid-game fixture) in both languages at
# 1920x1080 and 1280x720, checked by the app's script (PNG, size, not empty); and the Xvfb
# end-to-end run with both windows (tests/e2e/console.sh), skipped (77) only without Xvfb/xdotool.
if(TARGET malcon AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
  foreach(kind new mid)
    if(kind STREQUAL "new")
      set(extra "--scenario;standard;--seed;3")
    else()
      set(extra "--load;${MALCON_FIXTURES}/board_midgame.malcon")
    endif()
    foreach(lang ja en)
      foreach(size 1920x1080 1280x720)
        malcon_add_screenshot(NAME console_shot_${kind}_${lang}_${size}
                              PNG facilitator_${kind}_${lang}_${size} SCREEN facilitator
                              LANG ${lang} SIZE ${size} LABELS app screenshot console
                              ARGS ${extra})
      endforeach()
    endforeach()
  endforeach()

  add_test(NAME e2e_console
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/console.sh $<TARGET_FILE:malcon>
                   ${CMAKE_BINARY_DIR}/e2e-console)
  set_tests_properties(e2e_console PROPERTIES LABELS "e2e;console" SKIP_RETURN_CODE 77
                       TIMEOUT 300)
endif()
