# tests/CMakeLists.d/expansion.cmake: offscreen screenshots of the board of an eight-player
# workshop (tests/fixtures/board_eight.malcon: the four scenario roles and the four expansion
# roles that join a larger group), so the team strip's two columns render in both languages at
# 1920x1080 and 1280x720. The check script is the app's (PNG exists, right size, not empty).
if(TARGET malcon AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshot_check.cmake)
  foreach(lang ja en)
    foreach(size 1920x1080 1280x720)
      malcon_add_screenshot(NAME board_shot_eight_${lang}_${size}
                            PNG board_eight_${lang}_${size} SCREEN board LANG ${lang}
                            SIZE ${size} LABELS app screenshot
                            ARGS --load ${MALCON_FIXTURES}/board_eight.malcon)
    endforeach()
  endforeach()
endif()
