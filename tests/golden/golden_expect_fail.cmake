# golden_expect_fail.cmake: runs CMD (a list: program and arguments) and checks that it fails
# with exit code EXPECT_RC, that stderr contains every string of the list EXPECT_STDERR, and
# that nothing was printed on stdout when EXPECT_QUIET is set (a bad input must be reported,
# never crash or pass).
foreach(v CMD EXPECT_RC EXPECT_STDERR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "golden_expect_fail.cmake: -D${v}=... is required")
  endif()
endforeach()
execute_process(COMMAND ${CMD} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "expected exit ${EXPECT_RC}, got ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(want ${EXPECT_STDERR})
  string(FIND "${err}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "stderr does not contain '${want}':\n${err}")
  endif()
endforeach()
if(EXPECT_QUIET AND NOT out STREQUAL "")
  message(FATAL_ERROR "a failed run must print nothing on stdout:\n${out}")
endif()
