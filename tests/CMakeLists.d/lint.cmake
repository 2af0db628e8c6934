# tests/CMakeLists.d/lint.cmake: malcon-lint end to end (exit status, GCC-style messages, summary).
if(TARGET malcon-lint)
  set(lint_check ${CMAKE_CURRENT_SOURCE_DIR}/data/lint_check.cmake)
  # The shipped content is clean.
  add_test(NAME lint_shipped_content
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint>
                   -DARGS=--content\;${MALCON_CONTENT_DIR} -DWANT_RC=0
                   "-DWANT_OUT=^content OK: [0-9]+ roles" -P ${lint_check})
  # The tiny fixture: exact counts.
  add_test(NAME lint_tiny_fixture
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint>
                   -DARGS=--content\;${MALCON_FIXTURES}/tiny -DWANT_RC=0
                   "-DWANT_OUT=content OK: 2 roles, 4 actions, 3 events, 2 kinds, 1 scenarios"
                   -P ${lint_check})
  # A broken tree: exit 1, every message located, warnings included, a count on stdout.
  add_test(NAME lint_broken_fixture
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint>
                   -DARGS=--content\;${MALCON_FIXTURES}/broken -DWANT_RC=1
                   "-DWANT_ERR=cards/roles.yaml:7:9: error: 'ap' is 12, out of range 0..9"
                   "-DWANT_ERR2=cards/roles.yaml:8:10: warning: 'art' file"
                   "-DWANT_OUT=^5 errors, 1 warning" -P ${lint_check})
  add_test(NAME lint_schema
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint> -DARGS=--schema -DWANT_RC=0
                   "-DWANT_OUT=EFFECT VOCABULARY" -P ${lint_check})
  add_test(NAME lint_bad_option
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint> -DARGS=--bogus -DWANT_RC=2
                   "-DWANT_ERR=unknown option '--bogus'" -P ${lint_check})
  set_tests_properties(lint_shipped_content lint_tiny_fixture lint_broken_fixture lint_schema
                       lint_bad_option PROPERTIES LABELS data)
endif()
