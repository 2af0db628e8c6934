# tests/CMakeLists.d/board.cmake: offscreen screenshots of the board screen (the unit tests in
# tests/app/test_board*.c are built by app.cmake with the other app tests): a new standard game
# (the computer facilitator fast-forwards to the first player's turn) and a mid-game position
# loaded from tests/fixtures/board_midgame.malcon (face-up cards, counts, an event, markers),
# in both languages at 1920x1080 and 1280x720. The check script is the app's (PNG exists, right
# size, not empty).
if(TARGET malcon AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
  foreach(kind new mid)
    if(kind STREQUAL "new")
      set(extra "--scenario;standard;--seed;3")
    else()
      set(extra "--load;${MALCON_FIXTURES}/board_midgame.malcon")
    endif()
    foreach(lang ja en)
      foreach(size 1920x1080 1280x720)
        malcon_add_screenshot(NAME board_shot_${kind}_${lang}_${size}
                              PNG board_${kind}_${lang}_${size} SCREEN board LANG ${lang}
                              SIZE ${size} LABELS app screenshot ARGS ${extra})
      endforeach()
    endforeach()
  endforeach()
endif()
