# tests/CMakeLists.d/ui.cmake: the UI layer's tests (tests/ui/test_*.c), when the UI is built.
if(TARGET malcon_ui)
  malcon_add_tests(ui malcon_ui malcon_data)
  # The SDL render test loads its screenshot back and the glyph test opens the font itself, so
  # the UI tests (only they, never src/app) get SDL's include paths.
  find_package(SDL2 CONFIG REQUIRED)
  find_package(SDL2_ttf CONFIG REQUIRED)
  find_package(SDL2_image CONFIG REQUIRED)
  file(GLOB ui_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_*.c)
  foreach(src ${ui_tests})
    get_filename_component(name ${src} NAME_WE)
    target_link_libraries(ui_${name} PRIVATE SDL2::SDL2 SDL2_ttf::SDL2_ttf SDL2_image::SDL2_image)
  endforeach()

  # The shipped catalogue must be a valid PO file for every gettext tool translators use.
  find_program(MALCON_MSGFMT msgfmt)
  if(MALCON_MSGFMT)
    add_test(NAME ui_msgfmt_check
             COMMAND ${MALCON_MSGFMT} --check -o /dev/null
                     ${CMAKE_SOURCE_DIR}/assets/i18n/ja.po)
    set_tests_properties(ui_msgfmt_check PROPERTIES LABELS ui)
  endif()
endif()
