/* fuzz_save.c: libFuzzer target for the save-file parser (match_load_text), with the shipped
 * content.
 *
 * Input: the text of a save or an action script. Invariants: no crash or undefined behaviour;
 * a refused text says why ("line N: ..."); only UTF-8 text loads; a loaded game saves to a text
 * that loads back to the
 * same game (same moves, same save text, same state hash), and undo never crashes. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ruleset *rs = fuzz_ruleset();
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    char why[RULES_WHY_MAX] = "";
    bool mismatch = false;
    match *m = match_load_text(rs, text, &mismatch, why, sizeof why);
    if (!m) {
        if (strncmp(why, "line ", 5) != 0)
            fuzz_fail("a refused save says which line");
        free(text);
        return 0;
    }
    if (core_utf8_check(text, strlen(text)) != strlen(text))
        fuzz_fail("a loaded save is UTF-8 (names and reasons are shown to people)");
    char *saved = match_save_text(m);
    match *back = match_load_text(rs, saved, NULL, why, sizeof why);
    if (!back) {
        fprintf(stderr, "%s\n---\n%s\n", why, saved);
        fuzz_fail("a saved game loads back");
    }
    char *saved2 = match_save_text(back);
    if (strcmp(saved, saved2) != 0)
        fuzz_fail("save(load(save(g))) == save(g)");
    if (match_moves(m) != match_moves(back) ||
        state_hash(match_state(m)) != state_hash(match_state(back)))
        fuzz_fail("a saved game loads back to the same position");
    for (int i = 0; i < 3 && match_can_undo(back); i++)
        if (!match_undo(back))
            fuzz_fail("undo succeeds when match_can_undo says so");
    free(saved2);
    match_free(back);
    free(saved);
    match_free(m);
    free(text);
    return 0;
}
