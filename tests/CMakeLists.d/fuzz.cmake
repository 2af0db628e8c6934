# tests/CMakeLists.d/fuzz.cmake: the fuzz targets (tests/fuzz/fuzz_*.c: the YAML loader, the
# move-line parser, the save parser).
#
# Ordinary builds: each target is linked with a small main (tests/fuzz/replay_main.c) and run
# by CTest over its committed corpus (tests/fuzz/corpus/<target>/), so every seed and every
# input a fuzzer ever found stays a regression test, under the sanitizers too.
#
# MALCON_FUZZ=ON (a separate build with CC=clang, see tests/fuzz/smoke.sh): the same sources
# become libFuzzer programs, with the core, rules and data code instrumented for coverage.
# MALCON_LIBYAML_SRC names an unpacked libyaml source tree (Debian's `apt-get source libyaml`):
# it is compiled into the loader target, instrumented, since Debian's libyaml is not. Without
# it the loader target links Debian's libyaml and says so.
option(MALCON_FUZZ "Build the libFuzzer targets (clang only)" OFF)
set(MALCON_LIBYAML_SRC "" CACHE PATH "Unpacked libyaml sources compiled into the fuzz targets")

set(fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
set(fuzz_targets loader move save)

if(NOT MALCON_FUZZ)
  foreach(t ${fuzz_targets})
    add_executable(fuzz_replay_${t} ${fuzz_dir}/fuzz_${t}.c ${fuzz_dir}/fuzz_common.c
                                    ${fuzz_dir}/replay_main.c)
    set_target_properties(fuzz_replay_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                      ${CMAKE_BINARY_DIR}/tests)
    target_include_directories(fuzz_replay_${t} PRIVATE ${fuzz_dir})
    target_compile_definitions(fuzz_replay_${t} PRIVATE
                               MALCON_FUZZ_CONTENT="${MALCON_CONTENT_DIR}")
    target_link_libraries(fuzz_replay_${t} PRIVATE malcon_data)
    add_test(NAME fuzz_corpus_${t} COMMAND fuzz_replay_${t} ${fuzz_dir}/corpus/${t})
    set_tests_properties(fuzz_corpus_${t} PROPERTIES LABELS fuzz)
  endforeach()
  return()
endif()

if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "MALCON_FUZZ=ON needs clang (libFuzzer): configure with CC=clang")
endif()

# Coverage for everything the targets reach (the sanitizers come from MALCON_SANITIZE or here).
set(fuzz_flags -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
               -fno-sanitize-recover=undefined)
foreach(lib malcon_core malcon_rules)
  target_compile_options(${lib} PRIVATE ${fuzz_flags})
endforeach()

# The data layer is compiled into each target (not linked from malcon_data) so that the loader
# can run on an instrumented libyaml.
file(GLOB fuzz_data_src CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/data/*.c)
if(MALCON_LIBYAML_SRC AND EXISTS ${MALCON_LIBYAML_SRC}/src/api.c)
  file(GLOB fuzz_yaml_src ${MALCON_LIBYAML_SRC}/src/*.c)
  add_library(fuzz_yaml STATIC ${fuzz_yaml_src})
  target_include_directories(fuzz_yaml PUBLIC ${MALCON_LIBYAML_SRC}/include
                                       PRIVATE ${MALCON_LIBYAML_SRC}/src)
  target_compile_definitions(fuzz_yaml PUBLIC YAML_DECLARE_STATIC
                             PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2
                                     YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
  # libyaml is GNU C (strdup): in strict C17 an undeclared strdup would truncate pointers.
  set_target_properties(fuzz_yaml PROPERTIES C_EXTENSIONS ON)
  target_compile_options(fuzz_yaml PRIVATE ${fuzz_flags} -w -Werror=implicit-function-declaration)
  set(fuzz_yaml_lib fuzz_yaml)
  message(STATUS "fuzz: libyaml compiled in from ${MALCON_LIBYAML_SRC}")
else()
  set(fuzz_yaml_lib PkgConfig::YAML)
  message(WARNING "fuzz: no libyaml sources (MALCON_LIBYAML_SRC): the loader target links "
                  "Debian's uninstrumented libyaml, so the fuzzer sees little of the parser")
endif()

foreach(t ${fuzz_targets})
  add_executable(fuzz_${t} ${fuzz_dir}/fuzz_${t}.c ${fuzz_dir}/fuzz_common.c ${fuzz_data_src})
  set_target_properties(fuzz_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  target_include_directories(fuzz_${t} PRIVATE ${fuzz_dir} ${PROJECT_SOURCE_DIR}/src/data)
  target_compile_definitions(fuzz_${t} PRIVATE MALCON_FUZZ_CONTENT="${MALCON_CONTENT_DIR}"
                                               MALCON_CONTENT_DIR="${MALCON_CONTENT_DIR}")
  target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined
                                           -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_${t} PRIVATE malcon_rules ${fuzz_yaml_lib})
endforeach()
