/* fuzz_loader.c: libFuzzer target for the YAML content loader (data_load_mem).
 *
 * Input: one selector byte, then the text of one content file. The selector's bits 0-2 pick the
 * file the text replaces (0 roles, 1 terminals, 2 events, 3 actions, 4 the scenario; 6: it is
 * added as cards/debrief.yaml, 5 and 7: as a second scenario), bit 3 the base set the other
 * files come from (0: the shipped content, 1: the tiny fixture). Invariants: no crash, leak or
 * undefined behaviour; a ruleset comes back exactly when no error was reported; every message is
 * located in a file; and loaded content always fits the rules: every scenario can start and be
 * played a while. */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

enum { FUZZ_MAX_LEGAL = 512, FUZZ_PLAY_MOVES = 200 };

/* Plays scenario sc of rs for a while with moves picked by a small LCG from seed: content the
 * loader accepted must never make the rules refuse their own legal moves. */
static void fuzz_play(const ruleset *rs, int sc, uint32_t seed)
{
    game_setup su;
    setup_default(&su, rs, sc, seed);
    char why[RULES_WHY_MAX] = "";
    game_state *s = state_new(rs, sc, &su, why, sizeof why);
    if (!s)
        fuzz_fail("content the loader accepted starts a game (state_new refused it)");
    move *legal = malloc(FUZZ_MAX_LEGAL * sizeof *legal);
    for (int i = 0; i < FUZZ_PLAY_MOVES && rules_outcome(s) == OUT_ONGOING; i++) {
        size_t n = rules_legal_moves(s, legal, FUZZ_MAX_LEGAL);
        if (n == 0)
            fuzz_fail("an ongoing game has a legal move");
        if (n > FUZZ_MAX_LEGAL)
            n = FUZZ_MAX_LEGAL;
        seed = seed * 1664525u + 1013904223u;
        if (!rules_apply_inplace(s, &legal[(seed >> 8) % n], NULL, NULL, why, sizeof why))
            fuzz_fail("a move from rules_legal_moves applies");
    }
    free(legal);
    state_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned slot = data[0] & 7u;
    fuzz_set set = (data[0] & 8u) ? FUZZ_TINY : FUZZ_SHIPPED;
    data_file files[FUZZ_SET_FILES + 1];
    memcpy(files, fuzz_content(set), FUZZ_SET_FILES * sizeof files[0]);
    size_t n = FUZZ_SET_FILES;
    /* a copy of exactly the input's bytes, so that reading past its end is caught */
    size_t len = size - 1;
    char *text = malloc(len ? len : 1);
    memcpy(text, data + 1, len);
    if (slot < FUZZ_SET_FILES)
        files[slot] = (data_file){files[slot].name, text, len};
    else if (slot == 6)
        files[n++] = (data_file){"cards/debrief.yaml", text, len};
    else
        files[n++] = (data_file){"scenarios/fuzz.yaml", text, len};

    core_err err = {0};
    ruleset *rs = data_load_mem(files, n, NULL, &err);
    if ((rs != NULL) != (core_err_errors(&err) == 0))
        fuzz_fail("a ruleset comes back exactly when there is no error");
    for (size_t i = 0; i < err.count; i++) {
        const core_err_item *it = &err.items[i];
        if (!it->file || !it->msg || !*it->msg || it->line < 0 || it->col < 0)
            fuzz_fail("every message names its file and is located");
        char *line = core_err_format(&err, i);
        free(line);
    }
    if (rs) {
        uint32_t seed = 2166136261u;
        for (size_t i = 0; i < size; i++)
            seed = (seed ^ data[i]) * 16777619u;
        for (size_t sc = 0; sc < rs->n_scenarios; sc++)
            fuzz_play(rs, (int)sc, seed);
    }
    ruleset_free(rs);
    core_err_free(&err);
    free(text);
    return 0;
}
