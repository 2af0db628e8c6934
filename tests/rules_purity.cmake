# rules_purity.cmake: fails when the rules archive calls anything outside a pure allowlist
# (memory, strings, formatting into buffers, sorting, asserts) or defines writable globals.
execute_process(COMMAND nm -A ${LIB} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
set(allowed
  malloc calloc realloc free memcpy memmove memset memcmp memchr strlen strcmp strncmp strchr
  strrchr strstr strcpy strncpy strtol strtoll strtoul strtoull snprintf vsnprintf qsort abort
  __assert_fail __stack_chk_fail isalnum isalpha isdigit isspace tolower toupper __ctype_b_loc
  __ctype_tolower_loc __ctype_toupper_loc _GLOBAL_OFFSET_TABLE_ strspn strcspn bsearch
  __isoc99_sscanf __isoc23_strtol __isoc23_strtoll __isoc23_strtoul __isoc23_strtoull
  __memcpy_chk __memset_chk __snprintf_chk __vsnprintf_chk __strcpy_chk __strncpy_chk)
# Const tables of pointers sit in .data.rel.ro under PIE ("d" to nm): read-only after
# relocation, so they are not writable globals. Collect them from the section-aware listing.
execute_process(COMMAND nm -A -f sysv ${LIB} OUTPUT_VARIABLE sysv RESULT_VARIABLE rc)
string(REPLACE "\n" ";" sysv_lines "${sysv}")
set(relro "")
foreach(line ${sysv_lines})
  if(line MATCHES ":([A-Za-z0-9_.]+) *\\|[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|\\.data\\.rel\\.ro")
    list(APPEND relro ${CMAKE_MATCH_1})
  endif()
endforeach()
string(REPLACE "\n" ";" lines "${out}")
# Functions defined by the archive's own members are internal calls, whatever their prefix.
set(defined "")
foreach(line ${lines})
  if(line MATCHES ":[0-9a-f]+ T ([A-Za-z0-9_.]+)$")
    list(APPEND defined ${CMAKE_MATCH_1})
  endif()
endforeach()
set(bad "")
foreach(line ${lines})
  # "archive:member.o:                 U symbol" or "...: 0000 T symbol"
  if(line MATCHES ":[ ]+U ([A-Za-z0-9_.@]+)$")
    set(sym ${CMAKE_MATCH_1})
    string(REGEX REPLACE "@.*" "" sym "${sym}")
    if(sym MATCHES "^(core_|rules_|state_|move_|match_|log_buf_|ruleset_|scenario_|ml_|setup_|route_|track_|flag_|target_|effect_|__asan|__ubsan|__sanitizer)")
      continue()
    endif()
    list(FIND allowed ${sym} idx)
    list(FIND defined ${sym} def_idx)
    if(idx EQUAL -1 AND def_idx EQUAL -1)
      list(APPEND bad "calls ${sym}")
    endif()
  elseif(line MATCHES ":[0-9a-f]+ [DdBb] ([A-Za-z0-9_.]+)$")
    set(gsym ${CMAKE_MATCH_1}) # a later MATCHES would reset CMAKE_MATCH_1
    list(FIND relro ${gsym} ro_idx)
    if(ro_idx EQUAL -1 AND NOT gsym MATCHES "^(__odr_asan|\\.L|___asan|__asan)")
      list(APPEND bad "writable global ${gsym}")
    endif()
  endif()
endforeach()
if(bad)
  list(REMOVE_DUPLICATES bad)
  message(FATAL_ERROR "the rules library is not pure:\n  ${bad}")
endif()
message(STATUS "rules library is pure")
