/* autosave.c: the game in progress saved after every move (match save text, written
 * atomically, the previous copy kept as .prev) and brought back by "Continue"; a corrupt or
 * truncated file is kept aside as .bad and the previous copy offered instead. */
#define _POSIX_C_SOURCE 200809L /* link */

#include "app.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A save is a few hundred lines; anything far bigger is not ours. */
#define AUTOSAVE_MAX_BYTES (4 * 1024 * 1024)
/* The first line of every autosave: how many moves follow, so that a file cut short at a line
 * boundary (which would still parse, a few moves short) is found out. Files without it (saves
 * and scripts written by hand) are read as they are. */
#define AUTOSAVE_HEAD "; malcon autosave: "

/* path + suffix (caller frees). */
static char *autosave_name(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    char *s = core_alloc(n + k + 1);
    memcpy(s, path, n);
    memcpy(s + n, suffix, k + 1);
    return s;
}

/* The autosave's text: the move count line, then the match's save text (caller frees). */
static char *autosave_text(const match *m)
{
    char *save = match_save_text(m);
    core_str text = {0};
    core_str_printf(&text, AUTOSAVE_HEAD "%zu moves\n", match_moves(m));
    core_str_puts(&text, save);
    free(save);
    return core_str_take(&text);
}

/* Reads and loads the save at path: the match, or NULL with why. *missing is set when there
 * is no file at all. */
static match *autosave_load(const char *path, const ruleset *rs, bool *missing, char *why,
                            size_t why_n)
{
    *missing = false;
    struct stat st; /* not opened to look: a named pipe would block */
    if (stat(path, &st) != 0) {
        *missing = true;
        return NULL;
    }
    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(path, AUTOSAVE_MAX_BYTES, &len, &err);
    match *m = NULL;
    if (!text) {
        snprintf(why, why_n, "%s", err.count ? err.items[0].msg : "cannot be read");
    } else if (len == 0) {
        snprintf(why, why_n, "the file is empty");
    } else if (len != strlen(text) || core_utf8_check(text, len) != len) {
        snprintf(why, why_n, "not a text file");
    } else {
        m = match_load_text(rs, text, NULL, why, why_n);
        unsigned long long want = 0;
        if (m && strncmp(text, AUTOSAVE_HEAD, strlen(AUTOSAVE_HEAD)) == 0 &&
            sscanf(text + strlen(AUTOSAVE_HEAD), "%llu", &want) == 1 &&
            want != (unsigned long long)match_moves(m)) {
            snprintf(why, why_n, "the file is cut short: %zu of %llu moves", match_moves(m), want);
            match_free(m);
            m = NULL;
        }
    }
    free(text);
    core_err_free(&err);
    return m;
}

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
    char reason[RULES_WHY_MAX] = "";
    bool missing = false;
    match *m = autosave_load(path, rs, &missing, reason, sizeof reason);
    if (missing)
        return AUTOSAVE_NONE;
    bool recovered = false;
    if (!m) {
        /* Keep the file for a bug report, but out of the way so the title works next time. */
        char *bad = autosave_name(path, ".bad");
        remove(bad);
        rename(path, bad);
        free(bad);
        /* The copy written before the last save: one move earlier, and complete. */
        char *prev = autosave_name(path, ".prev");
        char ignored[RULES_WHY_MAX];
        bool no_prev = false;
        m = autosave_load(prev, rs, &no_prev, ignored, sizeof ignored);
        if (m && rules_outcome(match_state(m)) == OUT_ONGOING) {
            /* put it back as the autosave, so that Continue (and the next check) finds it */
            char *text = autosave_text(m);
            if (data_write_atomic(path, text, strlen(text)))
                recovered = true;
            free(text);
        }
        free(prev);
        if (!recovered) {
            match_free(m);
            if (why)
                snprintf(why, why_n, "%s", reason);
            return AUTOSAVE_BAD;
        }
    }
    autosave_status st =
        rules_outcome(match_state(m)) == OUT_ONGOING ? AUTOSAVE_OK : AUTOSAVE_FINISHED;
    if (recovered && why)
        snprintf(why, why_n, "%s", reason);
    if (out && st == AUTOSAVE_OK)
        *out = m;
    else
        match_free(m);
    return st;
}

/* Keeps the current autosave (the last complete one) as path.prev before it is replaced: a
 * second name for the same file, so there is no moment without a complete autosave. With no
 * current file, an older .prev (another game's) is removed. */
static void autosave_keep_prev(const char *path)
{
    char *prev = autosave_name(path, ".prev");
    unlink(prev);
    if (access(path, F_OK) == 0 && link(path, prev) != 0) {
        /* no hard links here (some file systems): a copy does as well */
        core_err err = {0};
        size_t len = 0;
        char *text = data_read_file(path, AUTOSAVE_MAX_BYTES, &len, &err);
        if (text)
            (void)data_write_atomic(prev, text, len);
        free(text);
        core_err_free(&err);
    }
    free(prev);
}

bool autosave_write(const char *path, const match *m)
{
    assert(m);
    if (!path)
        return false;
    char *text = autosave_text(m);
    autosave_keep_prev(path);
    bool ok = data_write_atomic(path, text, strlen(text));
    free(text);
    return ok;
}

void autosave_remove(const char *path)
{
    if (!path)
        return;
    remove(path);
    char *prev = autosave_name(path, ".prev");
    remove(prev);
    free(prev);
}
