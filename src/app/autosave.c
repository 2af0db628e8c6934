/* autosave.c: the game in progress saved after every move (match save text, written
 * atomically) and brought back by "Continue"; a corrupt file is kept aside as .bad. */
#include "app.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A save is a few hundred lines; anything far bigger is not ours. */
#define AUTOSAVE_MAX_BYTES (4 * 1024 * 1024)

autosave_status autosave_check(const char *path, const ruleset *rs, match **out, char *why,
                               size_t why_n)
{
    assert(rs);
    if (out)
        *out = NULL;
    if (why && why_n)
        why[0] = '\0';
    if (!path)
        return AUTOSAVE_NONE;
    FILE *f = fopen(path, "rb");
    if (!f)
        return AUTOSAVE_NONE;
    fclose(f);

    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(path, AUTOSAVE_MAX_BYTES, &len, &err);
    match *m = NULL;
    char reason[RULES_WHY_MAX] = "";
    if (!text) {
        if (err.count)
            snprintf(reason, sizeof reason, "%s", err.items[0].msg);
        else
            snprintf(reason, sizeof reason, "cannot be read");
    } else if (len != strlen(text) || core_utf8_check(text, len) != len) {
        snprintf(reason, sizeof reason, "not a text file");
    } else {
        m = match_load_text(rs, text, NULL, reason, sizeof reason);
    }
    free(text);
    core_err_free(&err);

    if (!m) {
        /* Keep the file for a bug report, but out of the way so the title works next time. */
        char *bad = core_alloc(strlen(path) + 5);
        sprintf(bad, "%s.bad", path);
        remove(bad);
        rename(path, bad);
        free(bad);
        if (why)
            snprintf(why, why_n, "%s", reason);
        return AUTOSAVE_BAD;
    }
    autosave_status st =
        rules_outcome(match_state(m)) == OUT_ONGOING ? AUTOSAVE_OK : AUTOSAVE_FINISHED;
    if (out && st == AUTOSAVE_OK)
        *out = m;
    else
        match_free(m);
    return st;
}

bool autosave_write(const char *path, const match *m)
{
    assert(m);
    if (!path)
        return false;
    char *text = match_save_text(m);
    bool ok = data_write_atomic(path, text, strlen(text));
    free(text);
    return ok;
}

void autosave_remove(const char *path)
{
    if (path)
        remove(path);
}
