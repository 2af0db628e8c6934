/* fuzz_common.c: the base content of the fuzz targets, read once from the repository. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef MALCON_FUZZ_CONTENT
#error "MALCON_FUZZ_CONTENT (the repository root) must be defined"
#endif

static const char *const fuzz_names[FUZZ_SET_FILES] = {"cards/roles.yaml", "cards/terminals.yaml",
                                                       "cards/events.yaml", "cards/actions.yaml",
                                                       "scenarios/tutorial.yaml"};

_Noreturn void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    abort();
}

/* Reads root/rel for set slot i; the scenario of the tiny set has its own name. */
static void fuzz_read(data_file *f, const char *root, const char *rel, const char *name)
{
    core_err err = {0};
    char *path = data_path_join(root, rel);
    size_t len = 0;
    char *text = data_read_file(path, DATA_MAX_FILE_BYTES, &len, &err);
    if (!text) {
        fprintf(stderr, "fuzz: cannot read %s\n", path);
        abort();
    }
    free(path);
    core_err_free(&err);
    *f = (data_file){name, text, len};
}

const data_file *fuzz_content(fuzz_set which)
{
    static data_file sets[2][FUZZ_SET_FILES];
    static int ready[2];
    if (!ready[which]) {
        for (int i = 0; i < FUZZ_SET_FILES; i++) {
            if (which == FUZZ_SHIPPED)
                fuzz_read(&sets[which][i], MALCON_FUZZ_CONTENT, fuzz_names[i], fuzz_names[i]);
            else
                fuzz_read(&sets[which][i], MALCON_FUZZ_CONTENT "/tests/fixtures/tiny",
                          i == 4 ? "scenarios/tiny.yaml" : fuzz_names[i],
                          i == 4 ? "scenarios/tiny.yaml" : fuzz_names[i]);
        }
        ready[which] = 1;
    }
    return sets[which];
}

const ruleset *fuzz_ruleset(void)
{
    static ruleset *rs;
    if (!rs) {
        core_err err = {0};
        rs = data_load(MALCON_FUZZ_CONTENT, &err);
        if (!rs) {
            for (size_t i = 0; i < err.count; i++) {
                char *line = core_err_format(&err, i);
                fprintf(stderr, "%s\n", line);
                free(line);
            }
            fuzz_fail("the shipped content loads");
        }
        core_err_free(&err);
    }
    return rs;
}
