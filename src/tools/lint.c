/* lint.c: malcon-lint: checks the content (cards and scenarios) and prints every problem
 * GCC-style, or prints the content schema. Exit 1 on any error. */
#include "data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void lint_usage(FILE *f)
{
    fputs("usage: malcon-lint [--content DIR] [--schema] [--quiet]\n"
          "  Loads cards/*.yaml and scenarios/*.yaml, prints every error and warning as\n"
          "  'file:line:col: error: message' on stderr and a summary on stdout.\n"
          "  Exit status: 0 when there is no error (warnings allowed), 1 otherwise.\n"
          "  --content DIR  content root (default: $MALCON_CONTENT or the built-in one)\n"
          "  --schema       print the schema of every content file and exit\n"
          "  --quiet        print only the messages, no summary\n"
          "  --help         this text\n",
          f);
}

/* Sets every scenario up with the default setup, as the game would: content that loads but
 * cannot start a game is still broken. Returns the number of problems found. */
static size_t lint_scenarios(const ruleset *rs, const char *root, core_err *err)
{
    size_t bad = 0;
    for (size_t i = 0; i < rs->n_scenarios; i++) {
        game_setup su;
        setup_default(&su, rs, (int)i, 1);
        char why[RULES_WHY_MAX] = "";
        game_state *s = state_new(rs, (int)i, &su, why, sizeof why);
        if (!s) {
            char *file = NULL;
            core_str p = {0};
            core_str_printf(&p, "scenarios/%s.yaml", rs->scenarios[i].id);
            file = data_path_join(root, core_str_cstr(&p));
            core_err_add(err, ERR_VALUE, LVL_ERROR, file, 0, 0,
                         "scenario '%s' cannot be set up: %s", rs->scenarios[i].id, why);
            free(file);
            core_str_free(&p);
            bad++;
        }
        state_free(s);
    }
    return bad;
}

int main(int argc, char **argv)
{
    const char *root = NULL;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--content") == 0 && i + 1 < argc) {
            root = argv[++i];
        } else if (strcmp(argv[i], "--schema") == 0) {
            char *text = data_schema_text();
            fputs(text, stdout);
            free(text);
            return 0;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            lint_usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "malcon-lint: unknown option '%s'\n", argv[i]);
            lint_usage(stderr);
            return 2;
        }
    }
    if (!root)
        root = data_default_root();

    core_err err = {.max_items = 1000};
    ruleset *rs = data_load(root, &err);
    if (rs)
        lint_scenarios(rs, root, &err);
    size_t errors = core_err_errors(&err);
    size_t warnings = 0;
    for (size_t i = 0; i < err.count; i++) {
        char *line = core_err_format(&err, i);
        fprintf(stderr, "%s\n", line);
        free(line);
        if (err.items[i].level == LVL_WARNING)
            warnings++;
    }
    if (err.dropped)
        fprintf(stderr, "malcon-lint: %zu more errors not shown\n", err.dropped);
    if (!quiet) {
        if (errors == 0 && rs)
            printf("content OK: %zu roles, %zu actions, %zu events, %zu kinds, %zu scenarios\n",
                   rs->n_roles, rs->n_actions, rs->n_events, rs->n_kinds, rs->n_scenarios);
        if (errors || warnings)
            printf("%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                   warnings == 1 ? "" : "s");
    }
    ruleset_free(rs);
    core_err_free(&err);
    return errors ? 1 : 0;
}
