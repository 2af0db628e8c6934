/* ynode.c: builds the YAML node tree from libyaml events, checking encoding, limits, aliases and
 * duplicate keys on the way (libyaml itself accepts duplicate keys and aliases). */
#include "ynode.h"

#include "data.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct ynode_builder {
    const char *file;
    core_err *err;
    ynode *root;
    ynode *stack[DATA_MAX_DEPTH];
    int depth;
} ynode_builder;

void ynode_free(ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        ynode_free(n->kids[i]);
    free(n->kids);
    free(n->text);
    free(n);
}

void ynode_position(const char *text, size_t off, int *line, int *col)
{
    const unsigned char *s = (const unsigned char *)text;
    int l = 1, c = 1;
    size_t i = 0;
    /* libyaml skips a byte-order mark without counting it as a column. */
    if (off >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    for (; i < off; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
            l++;
            c = 1;
        } else if (s[i] == '\r') {
            /* the '\r' of "\r\n": the '\n' ends the line */
        } else if ((s[i] & 0xC0) != 0x80) {
            c++; /* count characters, not continuation bytes */
        }
    }
    *line = l;
    *col = c;
}

static ynode *ynode_new(const ynode_builder *b, ynode_type t, yaml_mark_t pos)
{
    ynode *n = core_alloc(sizeof *n);
    n->type = t;
    n->file = b->file;
    n->line = (int)pos.line + 1;
    n->col = (int)pos.column + 1;
    return n;
}

static void ynode_error(ynode_builder *b, core_err_code code, yaml_mark_t pos, const char *msg)
{
    core_err_add(b->err, code, LVL_ERROR, b->file, (int)pos.line + 1, (int)pos.column + 1, "%s",
                 msg);
}

/* Appends n to the open container (or makes it the root), enforcing the item limit. */
static void ynode_add(ynode_builder *b, ynode *n)
{
    if (b->depth == 0) {
        if (!b->root)
            b->root = n;
        else
            ynode_free(n); /* cannot happen within one document; be safe */
        return;
    }
    ynode *p = b->stack[b->depth - 1];
    bool new_item = p->type == YN_SEQ || p->n % 2 == 0;
    size_t items = p->type == YN_SEQ ? p->n : p->n / 2;
    if (new_item && items >= DATA_MAX_ITEMS && !p->bad) {
        core_err_add(b->err, ERR_LIMIT, LVL_ERROR, b->file, n->line, n->col,
                     "too many entries: at most %d are allowed in one %s", DATA_MAX_ITEMS,
                     p->type == YN_SEQ ? "list" : "mapping");
        p->bad = true;
    }
    core_grow((void **)&p->kids, &p->cap, p->n + 1, sizeof *p->kids);
    p->kids[p->n++] = n;
}

/* Drops the later of two equal scalar keys (reported), so mappers see each key once. */
static void ynode_dedupe(ynode_builder *b, ynode *m)
{
    size_t w = 0;
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        ynode *k = m->kids[i];
        const ynode *first = NULL;
        if (k->type == YN_SCALAR) {
            for (size_t j = 0; j < w; j += 2) {
                const ynode *o = m->kids[j];
                if (o->type == YN_SCALAR && o->len == k->len &&
                    memcmp(o->text, k->text, k->len) == 0) {
                    first = o;
                    break;
                }
            }
        }
        if (first) {
            core_err_add(b->err, ERR_DUPLICATE_KEY, LVL_ERROR, b->file, k->line, k->col,
                         "duplicate key '%s' (first given at line %d)", k->text, first->line);
            ynode_free(m->kids[i]);
            ynode_free(m->kids[i + 1]);
            continue;
        }
        m->kids[w++] = m->kids[i];
        m->kids[w++] = m->kids[i + 1];
    }
    if (m->n % 2) /* cannot happen for a complete mapping */
        m->kids[w++] = m->kids[m->n - 1];
    m->n = w;
}

static bool ynode_check_utf8(const char *file, const char *text, size_t len, core_err *err)
{
    size_t bad = core_utf8_check(text, len);
    if (bad == len)
        return true;
    int line, col;
    ynode_position(text, bad, &line, &col);
    core_err_add(err, ERR_ENCODING, LVL_ERROR, file, line, col,
                 "invalid UTF-8 (byte 0x%02x at offset %zu); save the file as UTF-8",
                 (unsigned)(unsigned char)text[bad], bad);
    return false;
}

static void ynode_syntax_error(ynode_builder *b, const yaml_parser_t *p, const char *text)
{
    int line = 0, col = 0;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        ynode_position(text, p->problem_offset, &line, &col);
        core_err_add(b->err, ERR_SYNTAX, LVL_ERROR, b->file, line, col, "%s", problem);
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    if (p->context)
        core_err_add(b->err, ERR_SYNTAX, LVL_ERROR, b->file, line, col,
                     "%s %s (started at line %d, column %d)", problem, p->context,
                     (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else
        core_err_add(b->err, ERR_SYNTAX, LVL_ERROR, b->file, line, col, "%s", problem);
}

/* Handles one event; returns false when the file cannot be read further. */
static bool ynode_event(ynode_builder *b, const yaml_event_t *ev, int *docs)
{
    const unsigned char *anchor = NULL;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++*docs > 1) {
            ynode_error(b, ERR_SYNTAX, ev->start_mark,
                        "only one YAML document is allowed per file (remove the '---')");
            return false;
        }
        return true;
    case YAML_ALIAS_EVENT: {
        ynode_error(b, ERR_ALIAS, ev->start_mark,
                    "YAML aliases (*name) are not allowed: write the value out");
        ynode *n = ynode_new(b, YN_SCALAR, ev->start_mark);
        n->text = core_strdup("");
        n->bad = true;
        ynode_add(b, n);
        return true;
    }
    case YAML_SCALAR_EVENT: {
        anchor = ev->data.scalar.anchor;
        ynode *n = ynode_new(b, YN_SCALAR, ev->start_mark);
        n->len = ev->data.scalar.length;
        n->text = core_strndup((const char *)ev->data.scalar.value, n->len);
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (anchor)
            ynode_error(b, ERR_ALIAS, ev->start_mark,
                        "YAML anchors (&name) are not allowed: write each value out");
        if (n->len > DATA_MAX_STRING) {
            core_err_add(b->err, ERR_LIMIT, LVL_ERROR, b->file, n->line, n->col,
                         "text too long: %zu bytes, at most %d", n->len, DATA_MAX_STRING);
            n->bad = true;
        } else if (memchr(n->text, '\0', n->len)) {
            ynode_error(b, ERR_ENCODING, ev->start_mark, "text contains a NUL character");
            n->bad = true;
        }
        ynode_add(b, n);
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
        anchor = seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
        if (anchor)
            ynode_error(b, ERR_ALIAS, ev->start_mark,
                        "YAML anchors (&name) are not allowed: write each value out");
        if (b->depth >= DATA_MAX_DEPTH) {
            core_err_add(b->err, ERR_LIMIT, LVL_ERROR, b->file, (int)ev->start_mark.line + 1,
                         (int)ev->start_mark.column + 1,
                         "nested too deeply: at most %d levels of mappings and lists",
                         DATA_MAX_DEPTH);
            return false;
        }
        ynode *n = ynode_new(b, seq ? YN_SEQ : YN_MAP, ev->start_mark);
        ynode_add(b, n);
        b->stack[b->depth++] = n;
        return true;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
        assert(b->depth > 0);
        ynode *n = b->stack[--b->depth];
        if (n->type == YN_MAP)
            ynode_dedupe(b, n);
        return true;
    }
    default:
        return true;
    }
}

bool ynode_parse(const char *file, const char *text, size_t len, core_err *err, ynode **out)
{
    *out = NULL;
    if (!ynode_check_utf8(file, text, len, err))
        return false;
    ynode_builder b = {.file = file, .err = err};
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        core_err_add(err, ERR_IO, LVL_ERROR, file, 0, 0, "cannot start the YAML parser");
        return false;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int docs = 0;
    bool ok = true;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            ynode_syntax_error(&b, &p, text);
            ok = false;
            break;
        }
        bool go = ynode_event(&b, &ev, &docs);
        bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (!go) {
            ok = false;
            break;
        }
        if (end)
            break;
    }
    yaml_parser_delete(&p);
    if (!ok) {
        ynode_free(b.root);
        return false;
    }
    *out = b.root;
    return true;
}

const ynode *ynode_get(const ynode *m, const char *key)
{
    if (!m || m->type != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const ynode *k = m->kids[i];
        if (k->type == YN_SCALAR && strcmp(k->text, key) == 0)
            return m->kids[i + 1];
    }
    return NULL;
}

bool ynode_is_null(const ynode *n)
{
    if (!n || n->type != YN_SCALAR || !n->plain)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

const char *ynode_type_name(const ynode *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case YN_MAP:
        return "a mapping";
    case YN_SEQ:
        return "a list";
    default:
        return "a scalar";
    }
}
