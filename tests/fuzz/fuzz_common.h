/* fuzz_common.h: what the fuzz targets share: the shipped and tiny content read once, a loaded
 * ruleset, and a loud abort that names the broken invariant. */
#ifndef MALCON_FUZZ_COMMON_H
#define MALCON_FUZZ_COMMON_H

#include "data.h"

#include <stddef.h>
#include <stdint.h>

/* The five content files of a set, in this order: roles, terminals, events, actions, scenario. */
#define FUZZ_SET_FILES 5

/* A content set read from disk once: shipped (the repository's cards and the tutorial scenario)
 * or tiny (tests/fixtures/tiny). Aborts when the files cannot be read: a fuzz run without its
 * base content would test nothing. */
typedef enum fuzz_set { FUZZ_SHIPPED = 0, FUZZ_TINY } fuzz_set;
const data_file *fuzz_content(fuzz_set which);

/* The shipped content loaded into a ruleset (once; never freed). Aborts when it does not load. */
const ruleset *fuzz_ruleset(void);

/* Prints "fuzz: invariant broken: <what>" and aborts, so libFuzzer keeps the input. */
_Noreturn void fuzz_fail(const char *what);

/* One fuzz input, as libFuzzer calls it (defined by each target). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
