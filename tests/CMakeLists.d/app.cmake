# tests/CMakeLists.d/app.cmake: the app's tests: unit tests (tests/app/test_*.c, linked to
# malcon_app), offscreen screenshots of the title, setup, settings and end screens in both
# languages at 1280x720 and 1920x1080, and the Xvfb end-to-end run of the tutorial.
if(TARGET malcon_app)
  malcon_add_tests(app malcon_app)

  foreach(screen title setup settings end)
    set(extra "")
    if(screen STREQUAL "end")
      set(extra "--load;${MALCON_FIXTURES}/tutorial_won.malcon")
    endif()
    foreach(lang ja en)
      foreach(size 1280x720 1920x1080)
        malcon_add_screenshot(NAME app_shot_${screen}_${lang}_${size}
                              PNG ${screen}_${lang}_${size} SCREEN ${screen} LANG ${lang}
                              SIZE ${size} LABELS app screenshot ARGS ${extra})
      endforeach()
    endforeach()
  endforeach()

  # With no display, malcon says so and exits 2 (tools/play and a workshop laptop rely on it).
  add_test(NAME app_no_display
           COMMAND ${CMAKE_COMMAND} -DMALCON=$<TARGET_FILE:malcon>
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/app/no_display_check.cmake)
  set_tests_properties(app_no_display PROPERTIES LABELS app)

  # The end-to-end run: the real binary in a real X window under Xvfb, driven by xdotool.
  # Skipped (77) only when Xvfb or xdotool is missing.
  add_test(NAME e2e_tutorial
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/tutorial.sh $<TARGET_FILE:malcon>
                   ${CMAKE_BINARY_DIR}/e2e)
  set_tests_properties(e2e_tutorial PROPERTIES LABELS e2e SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
