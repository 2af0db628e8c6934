# tests/CMakeLists.d/designer.cmake: the designer pipeline's programs end to end (the unit
# tests tests/app/test_reload.c, test_packs.c and test_sheet.c are built by app.cmake):
# malcon-sheet renders the shipped content to A4 sheets in both languages (file names, page
# counts, 2480x3508 PNGs), and with a content pack (tests/fixtures/pack: one event more).
if(TARGET malcon-sheet)
  set(sheet_dir ${CMAKE_BINARY_DIR}/sheets)
  foreach(lang ja en)
    set(pack "")
    if(lang STREQUAL "en")
      set(pack "-DPACK=${MALCON_FIXTURES}/pack")
    endif()
    add_test(NAME designer_sheet_${lang}
             COMMAND ${CMAKE_COMMAND} -DSHEET=$<TARGET_FILE:malcon-sheet>
                     -DOUT=${sheet_dir}/${lang} -DLANG=${lang} ${pack}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/app/sheet_check.cmake)
    set_tests_properties(designer_sheet_${lang} PROPERTIES LABELS "app;designer" TIMEOUT 120
                         ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_AUDIODRIVER=dummy")
  endforeach()
endif()
