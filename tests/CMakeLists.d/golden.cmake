# tests/CMakeLists.d/golden.cmake: golden replays (malcon-replay output diffed against
# tests/golden/*.expected), malcon-sim determinism and the bot's unit tests (tests/tools).
# (malcon-lint on broken content is tested in lint.cmake.)
#
# To regenerate an expectation after an intended rules change (say so in the commit message):
#   MALCON_GOLDEN_UPDATE=1 ctest -R golden_   then read the diff before committing it.
set(MALCON_GOLDEN_DIR ${CMAKE_CURRENT_SOURCE_DIR}/golden)

if(TARGET malcon-replay)
  # One test per script (public viewer), plus one per extra viewer whose expectation exists:
  # NAME.<viewer>.expected (viewer: facilitator, or role-<id> for role:<id>).
  file(GLOB golden_scripts CONFIGURE_DEPENDS ${MALCON_GOLDEN_DIR}/*.malcon)
  foreach(script ${golden_scripts})
    get_filename_component(name ${script} NAME_WE)
    add_test(NAME golden_${name}
             COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:malcon-replay> -DSCRIPT=${script}
                     -DEXPECTED=${MALCON_GOLDEN_DIR}/${name}.expected
                     -DCONTENT=${MALCON_CONTENT_DIR} -DVIEWER=public
                     -P ${MALCON_GOLDEN_DIR}/golden_compare.cmake)
    set_tests_properties(golden_${name} PROPERTIES LABELS golden)
    file(GLOB viewer_expected CONFIGURE_DEPENDS ${MALCON_GOLDEN_DIR}/${name}.*.expected)
    foreach(exp ${viewer_expected})
      get_filename_component(tail ${exp} NAME)
      string(REGEX REPLACE "^${name}\\.(.*)\\.expected$" "\\1" vname ${tail})
      string(REGEX REPLACE "^role-" "role:" varg ${vname})
      add_test(NAME golden_${name}_${vname}
               COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:malcon-replay> -DSCRIPT=${script}
                       -DEXPECTED=${exp} -DCONTENT=${MALCON_CONTENT_DIR} -DVIEWER=${varg}
                       -P ${MALCON_GOLDEN_DIR}/golden_compare.cmake)
      set_tests_properties(golden_${name}_${vname} PROPERTIES LABELS golden)
    endforeach()
  endforeach()

  # A script that breaks must be reported as FILE:line N: reason, exit 1, nothing on stdout.
  add_test(NAME golden_replay_bad_script
           COMMAND ${CMAKE_COMMAND}
                   "-DCMD=$<TARGET_FILE:malcon-replay>;${MALCON_GOLDEN_DIR}/bad/bad_move.malcon;--content;${MALCON_CONTENT_DIR}"
                   -DEXPECT_RC=1 "-DEXPECT_STDERR=bad_move.malcon:line 8: unknown action"
                   -DEXPECT_QUIET=ON -P ${MALCON_GOLDEN_DIR}/golden_expect_fail.cmake)
  set_tests_properties(golden_replay_bad_script PROPERTIES LABELS golden)
endif()

if(TARGET malcon-sim)
  # Same arguments, same output: two runs must match byte for byte (and succeed).
  foreach(sc tutorial standard)
    add_test(NAME golden_sim_deterministic_${sc}
             COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:malcon-sim>
                     "-DARGS=--scenario;${sc};--games;40;--seed;7;--content;${MALCON_CONTENT_DIR}"
                     -P ${MALCON_GOLDEN_DIR}/golden_twice.cmake)
    set_tests_properties(golden_sim_deterministic_${sc} PROPERTIES LABELS golden)
  endforeach()
  # A simulated game, printed as an action script, replays to the same end.
  if(TARGET malcon-replay)
    add_test(NAME golden_sim_script_replays
             COMMAND ${CMAKE_COMMAND} -DSIM=$<TARGET_FILE:malcon-sim>
                     -DREPLAY=$<TARGET_FILE:malcon-replay> -DCONTENT=${MALCON_CONTENT_DIR}
                     -DSCENARIO=hard -DSEED=8 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/golden_work
                     -P ${MALCON_GOLDEN_DIR}/golden_sim_replay.cmake)
    set_tests_properties(golden_sim_script_replays PROPERTIES LABELS golden)
  endif()
endif()

if(TARGET malcon_bot)
  malcon_add_tests(tools malcon_bot malcon_data)
endif()
