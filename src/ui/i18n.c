/* i18n.c: a small reader for gettext PO catalogues, and the lookup of UI strings in them. */
#include "i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A catalogue file larger than this is not a UI catalogue. */
#define I18N_MAX_BYTES (4 * 1024 * 1024)

/* Context and msgid are stored as one key "ctx\004msgid" (gettext's own convention), so a
 * context lookup is the same binary search as a plain one. */
#define I18N_CTX_SEP '\004'

typedef struct i18n_msg {
    char *key; /* "msgid" or "ctx\004msgid" */
    char *ctx; /* the context alone, or NULL */
    char *str;
} i18n_msg;

struct i18n {
    i18n_msg *msgs; /* sorted by key */
    size_t n;
    size_t cap;
};

/* The parser's position in the text. */
typedef struct po_reader {
    const char *s;
    size_t n, i;
    int line, col; /* of s[i], 1-based */
    const char *name;
    core_err *err;
    int errors;
} po_reader;

/* One entry while it is being read. */
typedef struct po_entry {
    core_str ctx, id, str;
    bool has_ctx, has_id, has_str, plural, fuzzy, obsolete;
    int line; /* where it started, for duplicate reports */
} po_entry;

static void po_error(po_reader *r, int line, int col, const char *msg, const char *arg)
{
    r->errors++;
    core_err_add(r->err, ERR_SYNTAX, LVL_ERROR, r->name, line, col, "%s%s%s", msg, arg ? ": " : "",
                 arg ? arg : "");
}

static void po_advance(po_reader *r)
{
    if (r->s[r->i] == '\n') {
        r->line++;
        r->col = 1;
    } else {
        r->col++;
    }
    r->i++;
}

static void po_skip_blanks(po_reader *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r'))
        po_advance(r);
}

static void po_skip_line(po_reader *r)
{
    while (r->i < r->n && r->s[r->i] != '\n')
        po_advance(r);
    if (r->i < r->n)
        po_advance(r);
}

/* Reads one "..." string with C escapes, appending to out. False on a syntax error. */
static bool po_string(po_reader *r, core_str *out)
{
    if (r->i >= r->n || r->s[r->i] != '"') {
        po_error(r, r->line, r->col, "expected a quoted string", NULL);
        return false;
    }
    po_advance(r);
    while (r->i < r->n && r->s[r->i] != '"') {
        char c = r->s[r->i];
        if (c == '\n') {
            po_error(r, r->line, r->col, "unterminated string", NULL);
            return false;
        }
        if (c != '\\') {
            core_str_append(out, &c, 1);
            po_advance(r);
            continue;
        }
        int line = r->line, col = r->col;
        po_advance(r);
        if (r->i >= r->n) {
            break;
        }
        char e = r->s[r->i], v;
        switch (e) {
        case 'n':
            v = '\n';
            break;
        case 't':
            v = '\t';
            break;
        case 'r':
            v = '\r';
            break;
        case 'a':
            v = '\a';
            break;
        case 'b':
            v = '\b';
            break;
        case 'f':
            v = '\f';
            break;
        case 'v':
            v = '\v';
            break;
        case '\\':
            v = '\\';
            break;
        case '"':
            v = '"';
            break;
        case '\'':
            v = '\'';
            break;
        case '?':
            v = '?';
            break;
        default:
            if (e >= '0' && e <= '7') { /* up to three octal digits */
                int o = 0;
                for (int k = 0; k < 3 && r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '7';
                     k++) {
                    o = o * 8 + (r->s[r->i] - '0');
                    po_advance(r);
                }
                if (o == 0 || o > 255) {
                    po_error(r, line, col, "bad octal escape", NULL);
                    return false;
                }
                char b = (char)o;
                core_str_append(out, &b, 1);
                continue;
            }
            char bad[3] = {'\\', e, '\0'};
            po_error(r, line, col, "unknown escape", bad);
            return false;
        }
        core_str_append(out, &v, 1);
        po_advance(r);
    }
    if (r->i >= r->n) {
        po_error(r, r->line, r->col, "unterminated string", NULL);
        return false;
    }
    po_advance(r); /* closing quote */
    return true;
}

/* Reads the string after a keyword and any continuation lines ("..." alone on a line). */
static bool po_strings(po_reader *r, core_str *out, bool obsolete)
{
    po_skip_blanks(r);
    if (!po_string(r, out))
        return false;
    for (;;) {
        po_skip_blanks(r);
        if (r->i < r->n && r->s[r->i] != '\n' && r->s[r->i] != '#') {
            po_error(r, r->line, r->col, "unexpected text after the string", NULL);
            return false;
        }
        if (r->i < r->n && r->s[r->i] == '#' && !obsolete) {
            po_error(r, r->line, r->col, "unexpected text after the string", NULL);
            return false;
        }
        po_skip_line(r);
        /* A continuation line starts with optional blanks then a quote ("#~ " when obsolete). */
        size_t j = r->i;
        if (obsolete) {
            if (j + 1 < r->n && r->s[j] == '#' && r->s[j + 1] == '~')
                j += 2;
            else
                return true;
        }
        while (j < r->n && (r->s[j] == ' ' || r->s[j] == '\t'))
            j++;
        if (j >= r->n || r->s[j] != '"')
            return true;
        while (r->i < j)
            po_advance(r);
        if (!po_string(r, out))
            return false;
    }
}

static int i18n_cmp(const void *a, const void *b)
{
    return strcmp(((const i18n_msg *)a)->key, ((const i18n_msg *)b)->key);
}

static char *i18n_key(const char *ctx, const char *msgid)
{
    if (!ctx)
        return core_strdup(msgid);
    core_str k = {0};
    core_str_puts(&k, ctx);
    core_str_append(&k, &(char){I18N_CTX_SEP}, 1);
    core_str_puts(&k, msgid);
    return core_str_take(&k);
}

/* Validates a finished entry and keeps it when it is a usable translation. */
static void po_finish(po_reader *r, i18n *t, po_entry *e)
{
    if (!e->has_id && !e->has_ctx && !e->has_str)
        goto done;
    if (!e->has_id || !e->has_str) {
        po_error(r, e->line, 1, e->has_id ? "msgid without msgstr" : "msgstr without msgid", NULL);
        goto done;
    }
    const char *id = core_str_cstr(&e->id), *str = core_str_cstr(&e->str);
    const char *parts[3] = {core_str_cstr(&e->ctx), id, str};
    for (int k = 0; k < 3; k++) {
        size_t len = strlen(parts[k]);
        if (core_utf8_check(parts[k], len) != len) {
            po_error(r, e->line, 1, "invalid UTF-8 in entry", NULL);
            goto done;
        }
    }
    /* Left out: the header (msgid ""), fuzzy and obsolete entries, untranslated ones. */
    if (!*id || e->fuzzy || e->obsolete || !*str)
        goto done;
    core_grow((void **)&t->msgs, &t->cap, t->n + 1, sizeof *t->msgs);
    t->msgs[t->n].key = i18n_key(e->has_ctx ? core_str_cstr(&e->ctx) : NULL, id);
    t->msgs[t->n].ctx = e->has_ctx ? core_strdup(core_str_cstr(&e->ctx)) : NULL;
    t->msgs[t->n].str = core_strdup(str);
    t->n++;
done:
    core_str_free(&e->ctx);
    core_str_free(&e->id);
    core_str_free(&e->str);
    *e = (po_entry){0};
}

/* Checks the header's charset: the game reads UTF-8 only. */
static void po_check_header(po_reader *r, const char *header, int line)
{
    const char *ct = strstr(header, "charset=");
    if (!ct)
        return;
    ct += strlen("charset=");
    if (strncmp(ct, "UTF-8", 5) != 0 && strncmp(ct, "utf-8", 5) != 0)
        po_error(r, line, 1, "the catalogue must be UTF-8 (Content-Type charset)", NULL);
}

i18n *i18n_parse(const char *text, size_t len, const char *name, core_err *err)
{
    assert(text || len == 0);
    assert(err);
    po_reader r = {text, len, 0, 1, 1, name ? name : "<memory>", err, 0};
    i18n *t = core_alloc(sizeof *t);
    po_entry e = {0};
    /* Which string a keyword opens; continuation lines are read with it. */
    while (r.i < r.n) {
        po_skip_blanks(&r);
        if (r.i >= r.n)
            break;
        const char *p = r.s + r.i;
        size_t rest = r.n - r.i;
        if (*p == '\n') {
            po_advance(&r);
            continue;
        }
        bool obsolete = false;
        if (*p == '#') {
            if (rest >= 2 && p[1] == ',') {
                /* Flags: a new entry starts here when the previous one is complete. */
                if (e.has_str)
                    po_finish(&r, t, &e);
                size_t eol = 0;
                while (eol < rest && p[eol] != '\n')
                    eol++;
                char *flags = core_strndup(p, eol);
                if (strstr(flags, "fuzzy"))
                    e.fuzzy = true;
                free(flags);
                po_skip_line(&r);
                continue;
            }
            if (rest >= 2 && p[1] == '~') {
                obsolete = true;
                po_advance(&r);
                po_advance(&r);
                po_skip_blanks(&r);
                p = r.s + r.i;
                rest = r.n - r.i;
                if (!rest || *p == '\n' || *p == '"' || *p == '|') {
                    po_skip_line(&r);
                    continue;
                }
            } else {
                po_skip_line(&r); /* translator, extracted, reference, previous comments */
                continue;
            }
        }
        static const char *const keywords[] = {"msgctxt", "msgid_plural", "msgid", "msgstr[",
                                               "msgstr"};
        int kw = -1;
        size_t kwlen = 0;
        for (int k = 0; k < 5; k++) {
            size_t l = strlen(keywords[k]);
            if (rest >= l && memcmp(p, keywords[k], l) == 0 &&
                (keywords[k][l - 1] == '[' || rest == l || p[l] == ' ' || p[l] == '\t' ||
                 p[l] == '"')) {
                kw = k;
                kwlen = l;
                break;
            }
        }
        if (kw < 0) {
            size_t l = 0;
            while (l < rest && l < 20 && p[l] != '\n' && p[l] != ' ')
                l++;
            char *word = core_strndup(p, l);
            po_error(&r, r.line, r.col, "unknown keyword", word);
            free(word);
            po_skip_line(&r);
            continue;
        }
        int kline = r.line;
        for (size_t k = 0; k < kwlen; k++)
            po_advance(&r);
        core_str scratch = {0};
        core_str *dst = &scratch;
        switch (kw) {
        case 0: /* msgctxt: always opens a new entry */
            if (e.has_ctx || e.has_id || e.has_str) {
                if (!e.has_str)
                    po_error(&r, kline, 1, "msgctxt inside an unfinished entry", NULL);
                po_finish(&r, t, &e);
            }
            e.has_ctx = true;
            e.line = e.line ? e.line : kline;
            e.obsolete = e.obsolete || obsolete;
            dst = &e.ctx;
            break;
        case 2: /* msgid */
            if (e.has_str)
                po_finish(&r, t, &e);
            if (e.has_id)
                po_error(&r, kline, 1, "a second msgid in one entry", NULL);
            e.has_id = true;
            e.line = e.line ? e.line : kline;
            e.obsolete = e.obsolete || obsolete;
            dst = &e.id;
            break;
        case 1: /* msgid_plural: the singular msgid is the key */
            if (!e.has_id || e.has_str)
                po_error(&r, kline, 1, "msgid_plural must follow a msgid", NULL);
            e.plural = true;
            break;
        case 3: { /* msgstr[n]: keep form 0 */
            size_t j = r.i;
            int idx = 0;
            while (j < r.n && r.s[j] >= '0' && r.s[j] <= '9')
                idx = idx * 10 + (r.s[j++] - '0');
            if (j >= r.n || r.s[j] != ']' || j == r.i || !e.plural) {
                po_error(&r, kline, 1, "bad msgstr[n]", NULL);
                po_skip_line(&r);
                continue;
            }
            while (r.i <= j)
                po_advance(&r);
            if (!e.has_id)
                po_error(&r, kline, 1, "msgstr without msgid", NULL);
            if (idx == 0) {
                e.has_str = true;
                dst = &e.str;
            }
            break;
        }
        case 4: /* msgstr */
            if (!e.has_id || e.has_str)
                po_error(&r, kline, 1, "msgstr without msgid", NULL);
            if (e.plural)
                po_error(&r, kline, 1, "a plural entry needs msgstr[n]", NULL);
            e.has_str = true;
            dst = &e.str;
            break;
        default:
            break;
        }
        if (!po_strings(&r, dst, obsolete))
            po_skip_line(&r);
        core_str_free(&scratch);
        /* The header is the entry with an empty msgid. */
        if (dst == &e.str && e.has_id && !e.id.len && !e.has_ctx)
            po_check_header(&r, core_str_cstr(&e.str), kline);
    }
    if (e.has_id && !e.has_str) {
        po_error(&r, r.line, r.col, "msgid without msgstr at the end of the file", NULL);
        core_str_free(&e.ctx);
        core_str_free(&e.id);
    } else {
        po_finish(&r, t, &e);
    }
    if (t->n > 1) /* qsort may not be given a NULL array, even empty */
        qsort(t->msgs, t->n, sizeof *t->msgs, i18n_cmp);
    for (size_t k = 1; k < t->n; k++) {
        if (strcmp(t->msgs[k - 1].key, t->msgs[k].key) == 0) {
            char *shown = core_strdup(t->msgs[k].key);
            for (char *c = shown; *c; c++)
                if (*c == I18N_CTX_SEP)
                    *c = '|';
            po_error(&r, 0, 0, "duplicate msgid", shown);
            free(shown);
        }
    }
    if (r.errors) {
        i18n_free(t);
        return NULL;
    }
    return t;
}

i18n *i18n_load(const char *po_path, core_err *err)
{
    assert(po_path && err);
    struct stat st; /* a named pipe would block the open forever */
    if (stat(po_path, &st) == 0 && !S_ISREG(st.st_mode)) {
        core_err_add(err, ERR_IO, LVL_ERROR, po_path, 0, 0, "not a regular file");
        return NULL;
    }
    FILE *f = fopen(po_path, "rb");
    if (!f) {
        core_err_add(err, ERR_IO, LVL_ERROR, po_path, 0, 0, "cannot open the catalogue");
        return NULL;
    }
    core_str buf = {0};
    char chunk[8192];
    size_t got;
    bool too_big = false;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf.len + got > I18N_MAX_BYTES) {
            too_big = true;
            break;
        }
        core_str_append(&buf, chunk, got);
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    i18n *t = NULL;
    if (too_big)
        core_err_add(err, ERR_LIMIT, LVL_ERROR, po_path, 0, 0, "the catalogue is larger than %d MB",
                     I18N_MAX_BYTES >> 20);
    else if (bad)
        core_err_add(err, ERR_IO, LVL_ERROR, po_path, 0, 0, "cannot read the catalogue");
    else
        t = i18n_parse(core_str_cstr(&buf), buf.len, po_path, err);
    core_str_free(&buf);
    return t;
}

const char *i18n_pget(const i18n *t, const char *ctx, const char *msgid)
{
    if (!t || !msgid || !*msgid || t->n == 0)
        return msgid;
    char *key = i18n_key(ctx, msgid);
    i18n_msg probe = {key, NULL, NULL};
    const i18n_msg *m = bsearch(&probe, t->msgs, t->n, sizeof *t->msgs, i18n_cmp);
    free(key);
    return m ? m->str : msgid;
}

const char *i18n_get(const i18n *t, const char *msgid)
{
    return i18n_pget(t, NULL, msgid);
}

size_t i18n_count(const i18n *t)
{
    return t ? t->n : 0;
}

void i18n_entry(const i18n *t, size_t i, const char **ctx, const char **msgid, const char **msgstr)
{
    assert(t && i < t->n);
    const i18n_msg *m = &t->msgs[i];
    const char *sep = strchr(m->key, I18N_CTX_SEP);
    if (ctx)
        *ctx = m->ctx;
    if (msgid)
        *msgid = sep ? sep + 1 : m->key;
    if (msgstr)
        *msgstr = t->msgs[i].str;
}

void i18n_free(i18n *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->msgs[i].key);
        free(t->msgs[i].ctx);
        free(t->msgs[i].str);
    }
    free(t->msgs);
    free(t);
}
