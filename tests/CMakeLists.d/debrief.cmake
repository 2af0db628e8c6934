# tests/CMakeLists.d/debrief.cmake: solo practice, the records, the debrief, the replay viewer
# and the after-action report. The unit tests (tests/app/test_solo.c, test_records.c,
# test_report.c, test_debrief.c) come with app.cmake's glob; here: offscreen screenshots in both
# languages (build/screenshots/debrief_*.png, solo_*, records_*, replay_*: look at them), and
# `malcon-replay --report` against the committed report (golden_report_*: regenerate with
# MALCON_GOLDEN_UPDATE=1 ctest -R golden_ and read the diff).
set(debrief_golden ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(debrief_game ${debrief_golden}/standard_facilitated.malcon)

if(TARGET malcon)
  # name|screen|size|extra arguments (,-separated)|MALCON_PREF_DIR ("" for none)
  set(debrief_shots
      "solo|solo|1920x1080||"
      "solo|solo|1280x720||"
      "records|records|1920x1080||${MALCON_FIXTURES}/records"
      "replay|replay|1920x1080|--load,${debrief_game}|"
      "debrief_won|debrief|1280x720|--load,${MALCON_FIXTURES}/tutorial_won.malcon|")
  foreach(page 1 2 3 4 5 6)
    list(APPEND debrief_shots "debrief_p${page}|debrief|1920x1080|--load,${debrief_game},--page,${page}|")
  endforeach()
  foreach(shot ${debrief_shots})
    string(REPLACE "|" ";" parts "${shot}")
    list(GET parts 0 name)
    list(GET parts 1 screen)
    list(GET parts 2 size)
    list(GET parts 3 extra)
    list(GET parts 4 pref)
    string(REPLACE "," ";" extra "${extra}")
    foreach(lang ja en)
      malcon_add_screenshot(NAME debrief_shot_${name}_${lang}_${size}
                            PNG ${name}_${lang}_${size} SCREEN ${screen} LANG ${lang}
                            SIZE ${size} LABELS app screenshot PREF "${pref}" ARGS ${extra})
    endforeach()
  endforeach()
endif()

if(TARGET malcon-replay AND TARGET malcon_app)
  add_test(NAME golden_report_standard_facilitated
           COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:malcon-replay> -DSCRIPT=${debrief_game}
                   -DCONTENT=${MALCON_CONTENT_DIR}
                   -DEXPECTED=${debrief_golden}/standard_facilitated.report.md
                   -DEXPECTED_OUT=${debrief_golden}/standard_facilitated.expected
                   -DWORK=${CMAKE_BINARY_DIR}/report_work/standard_facilitated
                   -P ${debrief_golden}/report_check.cmake)
  set_tests_properties(golden_report_standard_facilitated PROPERTIES LABELS golden
                       ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy")
endif()
