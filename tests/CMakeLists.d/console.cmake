# tests/CMakeLists.d/console.cmake: the facilitator console (the unit tests tests/app/test_console*.c
# are built by app.cmake with the other app tests): offscreen screenshots of `--screen facilitator`
# (a new standard game of seed 3 at setup, and the mid-game fixture) in both languages at
# 1920x1080 and 1280x720, checked by the app's script (PNG, size, not empty); and the Xvfb
# end-to-end run with both windows (tests/e2e/console.sh), skipped (77) only without Xvfb/xdotool.
if(TARGET malcon AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
  set(console_shot_dir ${CMAKE_BINARY_DIR}/screenshots)
  file(MAKE_DIRECTORY ${console_shot_dir})
  foreach(kind new mid)
    if(kind STREQUAL "new")
      set(extra "--scenario;standard;--seed;3")
    else()
      set(extra "--load;${MALCON_FIXTURES}/board_midgame.malcon")
    endif()
    foreach(lang ja en)
      foreach(size 1920x1080 1280x720)
        set(name console_shot_${kind}_${lang}_${size})
        add_test(NAME ${name}
                 COMMAND ${CMAKE_COMMAND} -DMALCON=$<TARGET_FILE:malcon>
                         -DOUT=${console_shot_dir}/facilitator_${kind}_${lang}_${size}.png
                         -DSCREEN=facilitator -DLANG=${lang} -DSIZE=${size} "-DEXTRA=${extra}"
                         -P ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
        set_tests_properties(${name} PROPERTIES LABELS "app;screenshot;console" ENVIRONMENT
                             "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy")
      endforeach()
    endforeach()
  endforeach()

  add_test(NAME e2e_console
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/console.sh $<TARGET_FILE:malcon>
                   ${CMAKE_BINARY_DIR}/e2e-console)
  set_tests_properties(e2e_console PROPERTIES LABELS "e2e;console" SKIP_RETURN_CODE 77
                       TIMEOUT 300)
endif()
