# tests/CMakeLists.d/guide.cmake: the designer guides (cards/README.md, scenarios/README.md)
# name every field, effect argument and effect that `malcon-lint --schema` prints.
if(TARGET malcon-lint)
  add_test(NAME guide_names_schema
           COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:malcon-lint>
                   -DCARDS=${PROJECT_SOURCE_DIR}/cards/README.md
                   -DSCENARIOS=${PROJECT_SOURCE_DIR}/scenarios/README.md
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/guide_schema.cmake)
  set_tests_properties(guide_names_schema PROPERTIES LABELS tools)
endif()
