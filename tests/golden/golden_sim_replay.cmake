# golden_sim_replay.cmake: a game played by malcon-sim (SIM) and printed with --script must
# replay in malcon-replay (REPLAY) to the same outcome and score that --verbose reports.
# Arguments: SIM, REPLAY, CONTENT, SCENARIO, SEED, WORK (a scratch folder).
foreach(v SIM REPLAY CONTENT SCENARIO SEED WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "golden_sim_replay.cmake: -D${v}=... is required")
  endif()
endforeach()
set(common --scenario ${SCENARIO} --games 1 --seed ${SEED} --content ${CONTENT})
execute_process(COMMAND ${SIM} ${common} --verbose OUTPUT_VARIABLE summary RESULT_VARIABLE rc1)
execute_process(COMMAND ${SIM} ${common} --script OUTPUT_VARIABLE script RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "malcon-sim failed (${rc1}, ${rc2}):\n${summary}")
endif()
# "game seed N: <outcome>, score T (R), rounds ..."
if(NOT summary MATCHES "game seed ${SEED}: ([^\n]*), score ([0-9]+) \\(")
  message(FATAL_ERROR "no game line in malcon-sim --verbose output:\n${summary}")
endif()
set(want_outcome "${CMAKE_MATCH_1}")
set(want_total "${CMAKE_MATCH_2}")
file(MAKE_DIRECTORY ${WORK})
set(file ${WORK}/sim_${SCENARIO}_${SEED}.malcon)
file(WRITE ${file} "${script}")
execute_process(COMMAND ${REPLAY} ${file} --content ${CONTENT} OUTPUT_VARIABLE out
                ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "malcon-replay ${file} exited ${rc}:\n${err}")
endif()
string(FIND "${out}" "\noutcome: ${want_outcome}\n" at_outcome)
string(REGEX MATCH "; total ([0-9]+), rank" _ "${out}")
if(at_outcome LESS 0 OR NOT CMAKE_MATCH_1 STREQUAL want_total)
  message(FATAL_ERROR "the replay of ${file} differs from the simulated game "
                      "(${want_outcome}, ${want_total}):\n${out}")
endif()
