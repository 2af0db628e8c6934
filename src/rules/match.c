/* match.c: a game record on top of the rules: states after every move, the full log, undo,
 * and the save text (settings plus move lines, as in Tatham's puzzles). */
#include "rules_internal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct match {
    const ruleset *rs;
    game_state *setup;   /* the position at setup */
    game_state **states; /* states[i]: after move i */
    char **lines;        /* lines[i]: move i's canonical text */
    bool *undoable;      /* undoable[i]: move i may be taken back */
    size_t *log_start;   /* log_start[i]: where move i's entries begin */
    size_t n, cap;
    log_buf log;
};

match *match_new(const ruleset *rs, int sc, const game_setup *su, char *why, size_t why_n)
{
    game_state *s = state_new(rs, sc, su, why, why_n);
    if (!s)
        return NULL;
    match *m = core_calloc(1, sizeof *m);
    m->rs = rs;
    m->setup = s;
    return m;
}

void match_free(match *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        state_free(m->states[i]);
        free(m->lines[i]);
    }
    free(m->states);
    free(m->lines);
    free(m->undoable);
    free(m->log_start);
    state_free(m->setup);
    log_buf_free(&m->log);
    free(m);
}

const game_state *match_state(const match *m)
{
    return m->n ? m->states[m->n - 1] : m->setup;
}

bool match_play(match *m, const move *mv, char *why, size_t why_n)
{
    const game_state *cur = match_state(m);
    if (!rules_check(cur, mv, why, why_n))
        return false;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        m->states = core_realloc(m->states, cap * sizeof *m->states);
        m->lines = core_realloc(m->lines, cap * sizeof *m->lines);
        m->undoable = core_realloc(m->undoable, cap * sizeof *m->undoable);
        m->log_start = core_realloc(m->log_start, cap * sizeof *m->log_start);
        m->cap = cap;
    }
    size_t start = m->log.count;
    bool undo = false;
    game_state *next = rules_apply(cur, mv, &m->log, &undo, why, why_n);
    assert(next);
    m->states[m->n] = next;
    m->lines[m->n] = move_format(cur, mv);
    m->undoable[m->n] = undo;
    m->log_start[m->n] = start;
    m->n++;
    return true;
}

bool match_play_line(match *m, const char *line, char *why, size_t why_n)
{
    move mv;
    if (!move_parse(match_state(m), line, &mv, why, why_n))
        return false;
    return match_play(m, &mv, why, why_n);
}

bool match_can_undo(const match *m)
{
    return m->n > 0 && m->undoable[m->n - 1];
}

bool match_undo(match *m)
{
    if (!match_can_undo(m))
        return false;
    m->n--;
    state_free(m->states[m->n]);
    free(m->lines[m->n]);
    m->log.count = m->log_start[m->n];
    return true;
}

size_t match_moves(const match *m)
{
    return m->n;
}

const char *match_move_line(const match *m, size_t i)
{
    assert(i < m->n);
    return m->lines[i];
}

const log_buf *match_log(const match *m)
{
    return &m->log;
}

size_t match_log_start(const match *m, size_t i)
{
    assert(i <= m->n);
    return i < m->n ? m->log_start[i] : m->log.count;
}

const game_state *match_state_at(const match *m, size_t i)
{
    if (i == (size_t)-1)
        return m->setup;
    assert(i < m->n);
    return m->states[i];
}

/* ---- save text ---- */

/* Player names are one word in the save: blanks, '%' and control bytes are %XX-encoded. */
static void match_put_name(core_str *o, const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (*p <= 0x20 || *p == '%' || *p == 0x7f)
            core_str_printf(o, "%%%02X", *p);
        else
            core_str_append(o, (const char *)p, 1);
    }
}

char *match_save_text(const match *m)
{
    const game_state *s = m->setup;
    const game_setup *su = &s->setup;
    core_str o = {0};
    core_str_puts(&o, "malcon-save 1\n");
    core_str_printf(&o, "content %016llx\n", (unsigned long long)m->rs->hash);
    core_str_printf(&o, "scenario %s\n", state_scenario(s)->id);
    core_str_printf(&o, "seed %llu\n", (unsigned long long)su->seed);
    core_str_printf(&o, "mode %s\n", su->mode == MODE_SOLO ? "solo" : "workshop");
    core_str_printf(&o, "option private %s\n", su->private_info ? "on" : "off");
    core_str_printf(&o, "option open %s\n", su->open_info ? "on" : "off");
    for (int p = 0; p < su->n_players; p++) {
        core_str_puts(&o, "player ");
        match_put_name(&o, su->player[p]);
        for (size_t r = 0; r < m->rs->n_roles && r < 32; r++)
            if (su->holds[p] & (1u << r))
                core_str_printf(&o, " %s", m->rs->roles[r].id);
        core_str_puts(&o, "\n");
    }
    core_str_puts(&o, "moves\n");
    for (size_t i = 0; i < m->n; i++)
        core_str_printf(&o, "%s\n", m->lines[i]);
    return core_str_take(&o);
}

/* The header read so far. */
typedef struct save_header {
    int scenario; /* -1 until given */
    uint64_t seed;
    int mode; /* -1: default */
    int priv; /* -1: default */
    int open; /* -1: default */
    int n_players;
    char player[RULES_MAX_PLAYERS][RULES_NAME_MAX];
    uint32_t holds[RULES_MAX_PLAYERS];
} save_header;

static int match_hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Splits a line in place into at most max words; returns the count, or max + 1 when there
 * are more. */
static int match_words(char *p, char **w, int max)
{
    int n = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        if (n == max)
            return max + 1;
        w[n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

/* Reads one header line (words w[0..n)); false with a reason on error. */
static bool match_header_line(const ruleset *rs, save_header *h, char **w, int n,
                              bool *hash_mismatch, char *why, size_t why_n)
{
    const char *k = w[0];
    if (strcmp(k, "malcon-save") == 0) {
        if (n != 2 || strcmp(w[1], "1") != 0)
            return text_fail(why, why_n, "unsupported save version (this game reads 1)");
        return true;
    }
    if (strcmp(k, "content") == 0) {
        if (n != 2 || strlen(w[1]) != 16)
            return text_fail(why, why_n, "'content' takes a 16-digit hex hash");
        uint64_t v = 0;
        for (int i = 0; i < 16; i++) {
            int d = match_hex(w[1][i]);
            if (d < 0)
                return text_fail(why, why_n, "'content' takes a 16-digit hex hash");
            v = v << 4 | (uint64_t)d;
        }
        if (v != rs->hash && hash_mismatch)
            *hash_mismatch = true;
        return true;
    }
    if (strcmp(k, "scenario") == 0) {
        if (n != 2)
            return text_fail(why, why_n, "'scenario' takes one id");
        h->scenario = ruleset_scenario(rs, w[1]);
        if (h->scenario < 0)
            return text_fail(why, why_n, "unknown scenario '%.40s'", w[1]);
        return true;
    }
    if (strcmp(k, "seed") == 0) {
        size_t len = n == 2 ? strlen(w[1]) : 0;
        if (len == 0 || len > 20)
            return text_fail(why, why_n, "'seed' takes a number");
        uint64_t v = 0;
        for (size_t i = 0; i < len; i++) {
            if (w[1][i] < '0' || w[1][i] > '9')
                return text_fail(why, why_n, "'seed' takes a number");
            uint64_t d = (uint64_t)(w[1][i] - '0');
            if (v > (UINT64_MAX - d) / 10)
                return text_fail(why, why_n, "the seed is too large");
            v = v * 10 + d;
        }
        h->seed = v;
        return true;
    }
    if (strcmp(k, "mode") == 0) {
        if (n == 2 && strcmp(w[1], "workshop") == 0)
            h->mode = MODE_WORKSHOP;
        else if (n == 2 && strcmp(w[1], "solo") == 0)
            h->mode = MODE_SOLO;
        else
            return text_fail(why, why_n, "'mode' is workshop or solo");
        return true;
    }
    if (strcmp(k, "option") == 0) {
        if (n != 3 || (strcmp(w[2], "on") != 0 && strcmp(w[2], "off") != 0))
            return text_fail(why, why_n, "'option' takes a name and on or off");
        int on = strcmp(w[2], "on") == 0;
        if (strcmp(w[1], "private") == 0)
            h->priv = on;
        else if (strcmp(w[1], "open") == 0)
            h->open = on;
        else
            return text_fail(why, why_n, "unknown option '%.40s' (private, open)", w[1]);
        return true;
    }
    if (strcmp(k, "player") == 0) {
        if (n < 3)
            return text_fail(why, why_n, "'player' takes a name and at least one role");
        if (h->n_players == RULES_MAX_PLAYERS)
            return text_fail(why, why_n, "more than %d players", RULES_MAX_PLAYERS);
        char *name = h->player[h->n_players];
        size_t len = 0;
        for (const char *p = w[1]; *p; p++) {
            char c = *p;
            if (c == '%') {
                int hi = match_hex(p[1]), lo = hi >= 0 ? match_hex(p[2]) : -1;
                if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
                    return text_fail(why, why_n, "bad %%-escape in a player name");
                c = (char)(hi * 16 + lo);
                p += 2;
            }
            if (len + 1 >= RULES_NAME_MAX)
                return text_fail(why, why_n, "player name too long (at most %d bytes)",
                                 RULES_NAME_MAX - 1);
            name[len++] = c;
        }
        name[len] = '\0';
        /* An escape may spell a byte the text itself could not hold ("%EC"): the name is shown
         * to people and saved again as it is, so it must be UTF-8 once decoded. */
        if (core_utf8_check(name, len) != len)
            return text_fail(why, why_n, "a player name is not UTF-8 text once decoded");
        uint32_t holds = 0;
        for (int i = 2; i < n; i++) {
            int r = ruleset_role(rs, w[i]);
            if (r < 0 || r >= RULES_MAX_ROLES)
                return text_fail(why, why_n, "unknown role '%.40s'", w[i]);
            holds |= 1u << r;
        }
        h->holds[h->n_players++] = holds;
        return true;
    }
    return text_fail(why, why_n, "unknown header line '%.40s'", k);
}

static bool match_is_header(const char *k)
{
    static const char *const keys[] = {"malcon-save", "content", "scenario", "seed",
                                       "mode",        "option",  "player"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(k, keys[i]) == 0)
            return true;
    return false;
}

/* Builds the match once the header is complete. */
static match *match_from_header(const ruleset *rs, const save_header *h, int line, char *why,
                                size_t why_n)
{
    if (h->scenario < 0) {
        text_fail(why, why_n, "line %d: no 'scenario' line before the moves", line);
        return NULL;
    }
    game_setup su;
    setup_default(&su, rs, h->scenario, h->seed);
    if (h->mode >= 0) {
        su.mode = (game_mode)h->mode;
        su.private_info = su.mode == MODE_WORKSHOP;
    }
    if (h->priv >= 0)
        su.private_info = h->priv;
    if (h->open >= 0)
        su.open_info = h->open;
    if (h->n_players > 0) {
        su.n_players = h->n_players;
        memcpy(su.player, h->player, sizeof su.player);
        memcpy(su.holds, h->holds, sizeof su.holds);
    }
    char sub[RULES_WHY_MAX];
    match *m = match_new(rs, h->scenario, &su, sub, sizeof sub);
    if (!m)
        text_fail(why, why_n, "line %d: %s", line, sub);
    return m;
}

match *match_load_text(const ruleset *rs, const char *text, bool *hash_mismatch, char *why,
                       size_t why_n)
{
    assert(rs);
    if (hash_mismatch)
        *hash_mismatch = false;
    if (!text) {
        text_fail(why, why_n, "line 1: empty save");
        return NULL;
    }
    /* Names and reasons are shown to people: a text that is not UTF-8 is refused at its line
     * and column, never drawn as garbage. */
    size_t text_len = strlen(text), bad = core_utf8_check(text, text_len);
    if (bad != text_len) {
        int bad_line = 1, bad_col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (text[i] == '\n') {
                bad_line++;
                bad_col = 1;
            } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
                bad_col++;
            }
        }
        text_fail(why, why_n, "line %d: invalid UTF-8 at column %d", bad_line, bad_col);
        return NULL;
    }
    save_header h;
    memset(&h, 0, sizeof h);
    h.scenario = -1;
    h.mode = h.priv = h.open = -1;
    match *m = NULL;
    bool in_moves = false;
    int line_no = 0;
    const char *p = text;
    char sub[RULES_WHY_MAX];
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        line_no++;
        char *line = core_strndup(p, len);
        p = end ? end + 1 : p + len;
        /* Trim blanks (and a CR from CRLF files). */
        char *b = line;
        while (*b == ' ' || *b == '\t' || *b == '\r')
            b++;
        size_t bl = strlen(b);
        while (bl > 0 && (b[bl - 1] == ' ' || b[bl - 1] == '\t' || b[bl - 1] == '\r'))
            b[--bl] = '\0';
        bool ok = true;
        if (bl == 0 || b[0] == ';') {
            /* comment or blank */
        } else if (!in_moves) {
            char *copy = core_strdup(b);
            char *w[40];
            int n = match_words(copy, w, 39);
            if (n > 0 && n <= 39 && strcmp(w[0], "moves") == 0 && n == 1) {
                in_moves = true;
            } else if (n > 0 && match_is_header(w[0])) {
                if (n > 39)
                    ok = text_fail(sub, sizeof sub, "too many words");
                else
                    ok = match_header_line(rs, &h, w, n, hash_mismatch, sub, sizeof sub);
                if (!ok)
                    text_fail(why, why_n, "line %d: %s", line_no, sub);
            } else {
                in_moves = true; /* an action script: the first move line ends the header */
            }
            free(copy);
            if (ok && in_moves) {
                m = match_from_header(rs, &h, line_no, why, why_n);
                ok = m != NULL;
                if (ok && strcmp(b, "moves") != 0 && !match_play_line(m, b, sub, sizeof sub))
                    ok = text_fail(why, why_n, "line %d: %s", line_no, sub);
            }
        } else if (!match_play_line(m, b, sub, sizeof sub)) {
            ok = text_fail(why, why_n, "line %d: %s", line_no, sub);
        }
        free(line);
        if (!ok) {
            match_free(m);
            return NULL;
        }
    }
    if (!in_moves) {
        m = match_from_header(rs, &h, line_no + 1, why, why_n);
    }
    return m;
}
