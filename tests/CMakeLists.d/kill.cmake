# tests/CMakeLists.d/kill.cmake: the "nothing lost" end-to-end test: the real game, played with
# seeded random keys under Xvfb, killed with SIGKILL at random moments and continued each time
# (tests/e2e/kill_resume.sh). Skipped (77) only when Xvfb or xdotool is missing.
if(TARGET malcon AND TARGET malcon-replay)
  add_test(NAME e2e_kill_resume
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/kill_resume.sh $<TARGET_FILE:malcon>
                   $<TARGET_FILE:malcon-replay> ${CMAKE_BINARY_DIR}/e2e-kill)
  set_tests_properties(e2e_kill_resume PROPERTIES LABELS e2e SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()
