/* fuzz_move.c: libFuzzer target for the move-line parser (move_parse) and its round trip with
 * move_format.
 *
 * Input: one move line. It is parsed in one of several game states (the shipped content: the
 * standard scenario at setup and after every move of a facilitated golden game; the input's
 * length picks which). Invariants: no crash or undefined behaviour; a refused line always says
 * why; a parsed move formats to a line that parses back to the same move and formats to the
 * same text again; checking and applying it never crashes. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MALCON_FUZZ_CONTENT
#error "MALCON_FUZZ_CONTENT (the repository root) must be defined"
#endif

static match *fuzz_game;

/* The facilitated golden game: every override kind, every phase. */
static const match *fuzz_match(void)
{
    if (fuzz_game)
        return fuzz_game;
    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(MALCON_FUZZ_CONTENT "/tests/golden/standard_facilitated.malcon", 0,
                                &len, &err);
    if (!text)
        fuzz_fail("the golden game can be read");
    char why[RULES_WHY_MAX] = "";
    fuzz_game = match_load_text(fuzz_ruleset(), text, NULL, why, sizeof why);
    if (!fuzz_game) {
        fprintf(stderr, "%s\n", why);
        fuzz_fail("the golden game loads");
    }
    free(text);
    core_err_free(&err);
    return fuzz_game;
}

static bool fuzz_same_move(const move *a, const move *b)
{
    return a->kind == b->kind && a->role == b->role && a->action == b->action &&
           a->target[0] == b->target[0] && a->target[1] == b->target[1] && a->value == b->value &&
           a->event == b->event && strcmp(a->reason, b->reason) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const match *m = fuzz_match();
    size_t n_states = match_moves(m) + 1;
    const game_state *s = match_state_at(m, (size % n_states) - 1); /* -1: at setup */

    char *line = malloc(size + 1);
    memcpy(line, data, size);
    line[size] = '\0';
    move mv, again;
    char why[RULES_WHY_MAX] = "";
    if (!move_parse(s, line, &mv, why, sizeof why)) {
        if (!why[0])
            fuzz_fail("a refused line says why");
        free(line);
        return 0;
    }
    char *text = move_format(s, &mv);
    if (!move_parse(s, text, &again, why, sizeof why)) {
        fprintf(stderr, "line '%s' formatted as '%s': %s\n", line, text, why);
        fuzz_fail("a formatted move parses");
    }
    if (!fuzz_same_move(&mv, &again)) {
        fprintf(stderr, "line '%s' formatted as '%s'\n", line, text);
        fuzz_fail("parse(format(m)) == m");
    }
    char *text2 = move_format(s, &again);
    if (strcmp(text, text2) != 0) {
        fprintf(stderr, "'%s' then '%s'\n", text, text2);
        fuzz_fail("format is stable");
    }
    if (rules_check(s, &mv, why, sizeof why)) {
        log_buf log = {0};
        game_state *next = rules_apply(s, &mv, &log, NULL, why, sizeof why);
        if (!next)
            fuzz_fail("a move rules_check accepts applies");
        for (size_t i = 0; i < log.count; i++) {
            free(rules_log_format(next, &log.items[i], LANG_JA));
            free(rules_log_format(next, &log.items[i], LANG_EN));
        }
        state_free(next);
        log_buf_free(&log);
    }
    free(text2);
    free(text);
    free(line);
    return 0;
}
