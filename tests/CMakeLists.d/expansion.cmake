# tests/CMakeLists.d/expansion.cmake: offscreen screenshots of the board of an eight-player
# workshop (tests/fixtures/board_eight.malcon: the four scenario roles and the four expansion
# roles that join a larger group), so the team strip's two columns render in both languages at
# 1920x1080 and 1280x720. The check script is the app's (PNG exists, right size, not empty).
if(TARGET malcon AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
  set(eight_shot_dir ${CMAKE_BINARY_DIR}/screenshots)
  file(MAKE_DIRECTORY ${eight_shot_dir})
  foreach(lang ja en)
    foreach(size 1920x1080 1280x720)
      set(name board_shot_eight_${lang}_${size})
      add_test(NAME ${name}
               COMMAND ${CMAKE_COMMAND} -DMALCON=$<TARGET_FILE:malcon>
                       -DOUT=${eight_shot_dir}/board_eight_${lang}_${size}.png -DSCREEN=board
                       -DLANG=${lang} -DSIZE=${size}
                       "-DEXTRA=--load;${MALCON_FIXTURES}/board_eight.malcon"
                       -P ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
      set_tests_properties(${name} PROPERTIES LABELS "app;screenshot" ENVIRONMENT
                           "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy")
    endforeach()
  endforeach()
endif()
