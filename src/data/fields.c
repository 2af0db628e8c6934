/* fields.c: the generic mapping engine: walks a YAML mapping through a field table, converts and
 * checks each value by its type, and queues id references for resolution after all files. */

#include "fields.h"

#include "data.h"

#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The widest table has fewer rows than this (checked by assert). */
#define FIELDS_MAX_ROWS 64
/* Longest id accepted (bytes). */
#define FIELDS_MAX_ID 64

#define FIELD_AT(base, off, type) ((type *)(void *)((char *)(base) + (off)))

/* ---- messages ---- */

static void fields_report(load_ctx *c, core_err_code code, core_err_level lvl, const ynode *at,
                          const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = core_alloc((size_t)(n > 0 ? n : 0) + 1);
    if (n > 0)
        vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    /* a node names its own file: layered content merges nodes of several files into one tree */
    const char *file = at && at->file ? at->file : c->file;
    core_err_add(c->err, code, lvl, file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
    free(msg);
}

void fields_error(load_ctx *c, core_err_code code, const ynode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fields_report(c, code, LVL_ERROR, at, fmt, ap);
    va_end(ap);
}

void fields_warning(load_ctx *c, core_err_code code, const ynode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fields_report(c, code, LVL_WARNING, at, fmt, ap);
    va_end(ap);
}

/* ---- did you mean: optimal string alignment distance (typos: one edit or a swap) ---- */

static int fields_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > FIELDS_MAX_ID || lb > FIELDS_MAX_ID)
        return 1000;
    int d[FIELDS_MAX_ID + 1][FIELDS_MAX_ID + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            /* a case difference alone still counts, a little: Commander -> commander is 1 */
            if (!cost && a[i - 1] != b[j - 1])
                cost = 1;
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

void fields_suggest_init(fields_suggest *s, const char *word)
{
    s->word = word;
    s->best = NULL;
    s->dist = 1000;
}

void fields_suggest_try(fields_suggest *s, const char *candidate)
{
    if (!candidate || !s->word)
        return;
    int d = fields_distance(s->word, candidate);
    if (d < s->dist) {
        s->dist = d;
        s->best = candidate;
    }
}

const char *fields_suggest_text(fields_suggest *s, char *buf, size_t n)
{
    size_t len = s->word ? strlen(s->word) : 0;
    int limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    if (!s->best || s->dist == 0 || s->dist > limit) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, n, " (did you mean '%s'?)", s->best);
    return buf;
}

/* ---- scalars ---- */

static bool fields_need_scalar(load_ctx *c, const field *f, const ynode *v, const char *what)
{
    if (v->type == YN_SCALAR)
        return true;
    fields_error(c, ERR_TYPE, v, "'%s' must be %s, not %s", f->key, what, ynode_type_name(v));
    return false;
}

static bool fields_need_seq(load_ctx *c, const field *f, const ynode *v, const char *what)
{
    if (v->type == YN_SEQ)
        return true;
    fields_error(c, ERR_TYPE, v, "'%s' must be a list of %s, not %s", f->key, what,
                 ynode_type_name(v));
    return false;
}

/* Parses a plain decimal integer into *out; false with an error otherwise. */
static bool fields_int(load_ctx *c, const field *f, const ynode *v, int min, int max, int *out)
{
    if (!fields_need_scalar(c, f, v, "an integer"))
        return false;
    const char *p = v->text;
    bool neg = false;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (!v->plain || !isdigit((unsigned char)*p)) {
        fields_error(c, ERR_TYPE, v, "'%s' must be an integer, got '%s'", f->key, v->text);
        return false;
    }
    long long val = 0;
    for (; isdigit((unsigned char)*p); p++)
        if (val < 1000000000000LL)
            val = val * 10 + (*p - '0');
    if (*p) {
        fields_error(c, ERR_TYPE, v, "'%s' must be an integer, got '%s'", f->key, v->text);
        return false;
    }
    if (neg)
        val = -val;
    if (val < min || val > max) {
        fields_error(c, ERR_RANGE, v, "'%s' is %s, out of range %d..%d", f->key, v->text, min, max);
        return false;
    }
    *out = (int)val;
    return true;
}

/* Looks a name up in an enum; reports an unknown name with the legal ones. */
static bool fields_enum(load_ctx *c, const field *f, const field_enum *e, const ynode *v, int *out)
{
    if (!fields_need_scalar(c, f, v, e->what))
        return false;
    for (int i = e->first; i < e->first + e->count; i++) {
        const char *name = e->name(i);
        if (name && strcmp(name, v->text) == 0) {
            *out = i;
            return true;
        }
    }
    /* the suggestion (an edit distance per name) only once the name is known to be wrong */
    fields_suggest s;
    fields_suggest_init(&s, v->text);
    for (int i = e->first; i < e->first + e->count; i++)
        fields_suggest_try(&s, e->name(i));
    core_str legal = {0};
    for (int i = e->first; i < e->first + e->count; i++)
        core_str_printf(&legal, "%s%s", legal.len ? ", " : "", e->name(i));
    char hint[96];
    fields_error(c, ERR_VALUE, v, "unknown %s '%s' in '%s'%s; one of: %s", e->what, v->text, f->key,
                 fields_suggest_text(&s, hint, sizeof hint), core_str_cstr(&legal));
    core_str_free(&legal);
    return false;
}

static bool fields_id_ok(const char *s, bool upper)
{
    size_t n = strlen(s);
    if (n == 0 || n > FIELDS_MAX_ID)
        return false;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (!(islower(ch) || isdigit(ch) || ch == '_' || (upper && isupper(ch))))
            return false;
    }
    return true;
}

/* Why an asset path is not acceptable, or NULL when it is well-formed and confined. */
static const char *fields_path_problem(const char *p)
{
    if (!*p)
        return "is empty";
    if (p[0] == '/')
        return "is absolute; write it relative to the content folder (assets/...)";
    if (strchr(p, '\\'))
        return "contains a backslash; use '/'";
    if (isalpha((unsigned char)p[0]) && p[1] == ':')
        return "starts with a drive letter; write it relative to the content folder";
    const char *q = p;
    while (*q) {
        const char *e = strchr(q, '/');
        size_t n = e ? (size_t)(e - q) : strlen(q);
        if (n == 0)
            return "contains an empty component ('//')";
        if (n == 2 && q[0] == '.' && q[1] == '.')
            return "contains '..'; it must stay inside the content folder";
        if (n == 1 && q[0] == '.')
            return "contains a '.' component";
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)q[i] < 0x20)
                return "contains a control character";
        if (!e)
            break;
        q = e + 1;
        if (!*q)
            return "ends with '/'";
    }
    if (strncmp(p, "assets/", 7) != 0 || !p[7])
        return "is not under assets/";
    return NULL;
}

static void fields_path(load_ctx *c, const field *f, const ynode *v, char **dest)
{
    if (!fields_need_scalar(c, f, v, "a path"))
        return;
    const char *why = fields_path_problem(v->text);
    if (why) {
        fields_error(c, ERR_PATH, v, "'%s' path '%s' %s", f->key, v->text, why);
        return;
    }
    *dest = core_strdup(v->text);
    if (c->root) {
        /* layered content: the highest layer holding the file provides it (packs, then base),
         * as the drawing resolves it */
        const char *root = c->root;
        char *full = NULL;
        bool found = false;
        for (size_t i = c->n_layers + 1; !found && i-- > 0;) {
            root = i ? c->layers[i - 1] : c->root;
            free(full);
            full = data_path_join(root, v->text);
            found = core_path_regular(full);
        }
        if (!found)
            fields_warning(c, ERR_ASSET, v,
                           "'%s' file '%s' not found in the content folder; a drawn card is "
                           "used instead",
                           f->key, v->text);
        else if (!core_path_inside(root, full)) {
            /* the path's form is confined, but a link under assets/ could point anywhere */
            fields_error(c, ERR_PATH, v,
                         "'%s' path '%s' leads outside the content folder (a symbolic link)",
                         f->key, v->text);
            free(*dest);
            *dest = NULL;
        }
        free(full);
    }
}

static void fields_color(load_ctx *c, const field *f, const ynode *v, uint32_t *dest)
{
    if (!fields_need_scalar(c, f, v, "a colour"))
        return;
    const char *s = v->text;
    bool ok = v->len == 7 && s[0] == '#';
    for (size_t i = 1; ok && i < 7; i++)
        ok = isxdigit((unsigned char)s[i]) != 0;
    if (!ok) {
        fields_error(c, ERR_VALUE, v, "'%s' must be a colour \"#rrggbb\" (quoted), got '%s'",
                     f->key, s);
        return;
    }
    *dest = (uint32_t)strtoul(s + 1, NULL, 16);
}

/* ---- references ---- */

static void fields_push_ref(load_ctx *c, ref_kind kind, const ynode *v, int *dest)
{
    core_grow((void **)&c->refs, &c->cap_refs, c->n_refs + 1, sizeof *c->refs);
    load_ref *r = &c->refs[c->n_refs++];
    *r = (load_ref){.kind = kind,
                    .name = core_strdup(v->text),
                    .file = v->file ? v->file : c->file,
                    .line = v->line,
                    .col = v->col,
                    .dest = dest,
                    .sc = c->sc};
}

static void fields_ref(load_ctx *c, const field *f, const ynode *v, int *dest)
{
    const field_ref *ref = f->aux;
    *dest = -1;
    if (v->bad || !fields_need_scalar(c, f, v, "an id"))
        return;
    for (int i = 0; i < ref->n_specials; i++) {
        if (strcmp(ref->specials[i].name, v->text) == 0) {
            *dest = ref->specials[i].value;
            return;
        }
    }
    if (ref->kind == REF_NONE) {
        core_str legal = {0};
        fields_suggest s;
        fields_suggest_init(&s, v->text);
        for (int i = 0; i < ref->n_specials; i++) {
            core_str_printf(&legal, "%s%s", i ? ", " : "", ref->specials[i].name);
            fields_suggest_try(&s, ref->specials[i].name);
        }
        char hint[96];
        fields_error(c, ERR_VALUE, v, "'%s' must be one of: %s; got '%s'%s", f->key,
                     core_str_cstr(&legal), v->text, fields_suggest_text(&s, hint, sizeof hint));
        core_str_free(&legal);
        return;
    }
    fields_push_ref(c, ref->kind, v, dest);
}

static void fields_ref_map(load_ctx *c, const field *f, void *base, const ynode *v)
{
    const field_ref *ref = f->aux;
    if (v->type != YN_MAP) {
        fields_error(c, ERR_TYPE, v, "'%s' must be a mapping of %s ids, not %s", f->key,
                     tables_ref_name(ref->kind), ynode_type_name(v));
        return;
    }
    for (size_t i = 0; i + 1 < v->n; i += 2) {
        const ynode *k = v->kids[i], *val = v->kids[i + 1];
        if (k->bad || val->bad)
            continue;
        if (k->type != YN_SCALAR || val->type != YN_SCALAR) {
            const ynode *wrong = k->type != YN_SCALAR ? k : val;
            fields_error(c, ERR_TYPE, wrong, "'%s' maps a %s id to a %s id, not %s", f->key,
                         tables_ref_name(ref->kind), tables_ref_name(ref->kind),
                         ynode_type_name(wrong));
            continue;
        }
        core_grow((void **)&c->pairs, &c->cap_pairs, c->n_pairs + 1, sizeof *c->pairs);
        load_pair *p = &c->pairs[c->n_pairs++];
        p->key = (load_ref){
            ref->kind, core_strdup(k->text), k->file ? k->file : c->file, k->line, k->col, NULL,
            c->sc};
        p->value = (load_ref){ref->kind,
                              core_strdup(val->text),
                              val->file ? val->file : c->file,
                              val->line,
                              val->col,
                              NULL,
                              c->sc};
        p->base = base;
        p->offset = f->offset;
    }
}

/* ---- lists ---- */

static void fields_count(load_ctx *c, const field *f, const ynode *v)
{
    if ((int)v->n < f->min)
        fields_error(c, ERR_RANGE, v, "'%s' needs at least %d entr%s, has %zu", f->key, f->min,
                     f->min == 1 ? "y" : "ies", v->n);
    else if ((int)v->n > f->max)
        fields_error(c, ERR_LIMIT, v, "'%s' has %zu entries, at most %d are allowed", f->key, v->n,
                     f->max);
}

static const field *fields_id_row(const field_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->fields[i].type == FT_ID)
            return &t->fields[i];
    return NULL;
}

static void fields_effect(load_ctx *c, effect *e, const ynode *m);

static void fields_list(load_ctx *c, const field *f, void *base, const ynode *v)
{
    const field_table *sub = f->aux;
    if (!fields_need_seq(c, f, v, sub->name))
        return;
    fields_count(c, f, v);
    size_t n = v->n;
    if (!n)
        return;
    char *arr = core_calloc(n, sub->size);
    *FIELD_AT(base, f->offset, void *) = arr;
    *FIELD_AT(base, f->count_off, size_t) = n;
    const char *file = c->file;
    for (size_t i = 0; i < n; i++) {
        void *item = arr + i * sub->size;
        fields_defaults(sub, item);
        /* an item a content pack put into the list reports in the pack's file */
        if (v->kids[i]->file)
            c->file = v->kids[i]->file;
        fields_map(c, sub, item, v->kids[i]);
        c->file = file;
    }
    const field *idf = fields_id_row(sub);
    if (!idf)
        return;
    for (size_t i = 1; i < n; i++) {
        const char *id = *FIELD_AT(arr + i * sub->size, idf->offset, char *);
        for (size_t j = 0; id && j < i; j++) {
            const char *o = *FIELD_AT(arr + j * sub->size, idf->offset, char *);
            if (o && strcmp(o, id) == 0) {
                const ynode *at = ynode_get(v->kids[i], idf->key);
                const ynode *first = ynode_get(v->kids[j], idf->key);
                if (at && first && at->file && first->file && strcmp(at->file, first->file))
                    fields_error(c, ERR_DUPLICATE_ID, at,
                                 "duplicate %s id '%s' (first in %s at line %d)", sub->name, id,
                                 first->file, first->line);
                else
                    fields_error(c, ERR_DUPLICATE_ID, at, "duplicate %s id '%s' (first at line %d)",
                                 sub->name, id, first ? first->line : 0);
                break;
            }
        }
    }
}

static void fields_effects(load_ctx *c, const field *f, void *base, const ynode *v)
{
    if (!fields_need_seq(c, f, v, "effects"))
        return;
    fields_count(c, f, v);
    size_t n = v->n;
    if (!n)
        return;
    effect *arr = core_calloc(n, sizeof *arr);
    *FIELD_AT(base, f->offset, effect *) = arr;
    *FIELD_AT(base, f->count_off, size_t) = n;
    for (size_t i = 0; i < n; i++)
        fields_effect(c, &arr[i], v->kids[i]);
}

static void fields_refs(load_ctx *c, const field *f, void *base, const ynode *v)
{
    const field_ref *ref = f->aux;
    if (!fields_need_seq(c, f, v, "ids"))
        return;
    fields_count(c, f, v);
    size_t n = v->n;
    if (!n)
        return;
    int *arr = core_calloc(n, sizeof *arr);
    *FIELD_AT(base, f->offset, int *) = arr;
    *FIELD_AT(base, f->count_off, size_t) = n;
    (void)ref;
    for (size_t i = 0; i < n; i++)
        fields_ref(c, f, v->kids[i], &arr[i]);
}

static void fields_mask(load_ctx *c, const field *f, const ynode *v, uint32_t *dest)
{
    const field_enum *e = f->aux;
    if (!fields_need_seq(c, f, v, e->what))
        return;
    uint32_t mask = 0;
    for (size_t i = 0; i < v->n; i++) {
        int val;
        if (!v->kids[i]->bad && fields_enum(c, f, e, v->kids[i], &val))
            mask |= 1u << val;
    }
    *dest = mask;
}

static void fields_ints(load_ctx *c, const field *f, const ynode *v, int *dest)
{
    if (!fields_need_seq(c, f, v, "integers"))
        return;
    if ((int)v->n != f->len) {
        fields_error(c, ERR_VALUE, v, "'%s' needs exactly %d integers, has %zu", f->key, f->len,
                     v->n);
        return;
    }
    for (int i = 0; i < f->len; i++) {
        int x;
        if (!v->kids[i]->bad && fields_int(c, f, v->kids[i], f->min, f->max, &x))
            dest[i] = x;
    }
}

/* ---- one value ---- */

static void fields_value(load_ctx *c, const field *f, void *base, const ynode *v)
{
    void *at = (char *)base + f->offset;
    switch (f->type) {
    case FT_TEXT:
        if (fields_need_scalar(c, f, v, "text"))
            *(char **)at = core_strndup(v->text, v->len);
        break;
    case FT_ML:
        fields_map(c, &tables_ml, at, v);
        break;
    case FT_ID:
        if (!fields_need_scalar(c, f, v, "an id"))
            break;
        if (!fields_id_ok(v->text, f->aux != NULL)) {
            fields_error(c, ERR_VALUE, v, "id '%s' must be 1..%d %s letters, digits or '_'",
                         v->text, FIELDS_MAX_ID, f->aux ? "ASCII" : "lower-case ASCII");
            break;
        }
        *(char **)at = core_strdup(v->text);
        break;
    case FT_INT:
        fields_int(c, f, v, f->min, f->max, (int *)at);
        break;
    case FT_BOOL:
        if (!fields_need_scalar(c, f, v, "true or false"))
            break;
        if (v->plain && strcmp(v->text, "true") == 0)
            *(bool *)at = true;
        else if (v->plain && strcmp(v->text, "false") == 0)
            *(bool *)at = false;
        else
            fields_error(c, ERR_TYPE, v, "'%s' must be true or false, got '%s'", f->key, v->text);
        break;
    case FT_ENUM:
        fields_enum(c, f, f->aux, v, (int *)at);
        break;
    case FT_MASK:
        fields_mask(c, f, v, (uint32_t *)at);
        break;
    case FT_NAME: {
        int val;
        if (fields_enum(c, f, f->aux, v, &val))
            *(char **)at = core_strdup(v->text);
        break;
    }
    case FT_REF:
        fields_ref(c, f, v, (int *)at);
        break;
    case FT_REFS:
        fields_refs(c, f, base, v);
        break;
    case FT_REF_MAP:
        fields_ref_map(c, f, base, v);
        break;
    case FT_PATH:
        fields_path(c, f, v, (char **)at);
        break;
    case FT_COLOR:
        fields_color(c, f, v, (uint32_t *)at);
        break;
    case FT_INTS:
        fields_ints(c, f, v, (int *)at);
        break;
    case FT_GROUP:
        fields_map(c, f->aux, at, v);
        break;
    case FT_LIST:
        fields_list(c, f, base, v);
        break;
    case FT_EFFECTS:
        fields_effects(c, f, base, v);
        break;
    case FT_OP:
    case FT_TYPE_COUNT:
        break;
    }
}

/* ---- tables ---- */

void fields_defaults(const field_table *t, void *base)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->fields[i];
        void *at = (char *)base + f->offset;
        switch (f->type) {
        case FT_INT:
        case FT_ENUM:
        case FT_REF:
        case FT_OP:
            *(int *)at = f->def;
            break;
        case FT_BOOL:
            *(bool *)at = f->def != 0;
            break;
        case FT_COLOR:
            *(uint32_t *)at = (uint32_t)f->def;
            break;
        case FT_INTS:
            for (int k = 0; k < f->len; k++)
                ((int *)at)[k] = f->def;
            break;
        case FT_GROUP:
            fields_defaults(f->aux, at);
            break;
        default:
            break;
        }
    }
    if (t->init)
        t->init(base);
}

/* Gives every bilingual text that stayed unset two empty strings (never NULL once loaded). */
static void fields_finish(const field_table *t, void *base)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->fields[i];
        void *at = (char *)base + f->offset;
        if (f->type == FT_ML) {
            ml_text *m = at;
            if (!m->ja)
                m->ja = core_strdup("");
            if (!m->en)
                m->en = core_strdup("");
        } else if (f->type == FT_GROUP) {
            fields_finish(f->aux, at);
        }
    }
}

static const char *fields_arg_names(uint32_t bits, char *buf, size_t n)
{
    buf[0] = '\0';
    size_t len = 0;
    for (size_t i = 0; i < tables_effect.n; i++) {
        const field *f = &tables_effect.fields[i];
        if (f->arg & bits) {
            int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", f->key);
            if (w < 0 || (size_t)w >= n - len)
                break;
            len += (size_t)w;
        }
    }
    if (!len)
        snprintf(buf, n, "none");
    return buf;
}

static void fields_map_ex(load_ctx *c, const field_table *t, void *base, const ynode *map,
                          const effect_info *fx)
{
    assert(t->n <= FIELDS_MAX_ROWS);
    if (!map || map->bad)
        goto done;
    if (map->type != YN_MAP) {
        fields_error(c, ERR_TYPE, map, "expected a mapping (%s), not %s", t->name,
                     ynode_type_name(map));
        goto done;
    }
    bool seen[FIELDS_MAX_ROWS] = {false};
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i], *v = map->kids[i + 1];
        if (k->bad)
            continue;
        if (k->type != YN_SCALAR) {
            fields_error(c, ERR_TYPE, k, "keys must be plain names, not %s", ynode_type_name(k));
            continue;
        }
        const field *f = NULL;
        size_t row = 0;
        for (; row < t->n; row++) {
            if (strcmp(t->fields[row].key, k->text) == 0) {
                f = &t->fields[row];
                break;
            }
        }
        if (!f) {
            fields_suggest s;
            fields_suggest_init(&s, k->text);
            for (size_t r = 0; r < t->n; r++)
                fields_suggest_try(&s, t->fields[r].key);
            char hint[96];
            fields_error(c, ERR_UNKNOWN_KEY, k, "unknown key '%s' in %s%s", k->text, t->name,
                         fields_suggest_text(&s, hint, sizeof hint));
            continue;
        }
        seen[row] = true;
        if (fx && f->arg && !((fx->required | fx->optional) & f->arg)) {
            char args[128];
            fields_error(c, ERR_UNKNOWN_KEY, k, "effect '%s' takes no '%s' (its arguments: %s)",
                         fx->name, f->key,
                         fields_arg_names(fx->required | fx->optional, args, sizeof args));
            continue;
        }
        if (f->type == FT_OP || v->bad)
            continue;
        if (ynode_is_null(v)) {
            if (f->required)
                fields_error(c, ERR_MISSING, v, "'%s' has no value", f->key);
            continue;
        }
        fields_value(c, f, base, v);
    }
    for (size_t r = 0; r < t->n; r++) {
        const field *f = &t->fields[r];
        if (seen[r])
            continue;
        if (f->required)
            fields_error(c, ERR_MISSING, map, "missing required key '%s' in %s", f->key, t->name);
        else if (fx && (fx->required & f->arg))
            fields_error(c, ERR_MISSING, map, "effect '%s' needs '%s'", fx->name, f->key);
    }
    if (t->check)
        t->check(c, base, map);
done:
    fields_finish(t, base);
}

void fields_map(load_ctx *c, const field_table *t, void *base, const ynode *map)
{
    fields_map_ex(c, t, base, map, NULL);
}

static void fields_effect(load_ctx *c, effect *e, const ynode *m)
{
    fields_defaults(&tables_effect, e);
    if (!m || m->bad)
        return;
    if (m->type != YN_MAP) {
        fields_error(c, ERR_TYPE, m, "an effect must be a mapping {do: <effect>, ...}, not %s",
                     ynode_type_name(m));
        return;
    }
    const ynode *d = ynode_get(m, "do");
    if (!d) {
        fields_error(c, ERR_MISSING, m, "missing required key 'do' (the effect's name) in effect");
        return;
    }
    if (d->bad)
        return;
    if (d->type != YN_SCALAR) {
        fields_error(c, ERR_TYPE, d, "'do' must be an effect name, not %s", ynode_type_name(d));
        return;
    }
    int op = rules_effect_find(d->text);
    if (op < 0) {
        fields_suggest s;
        fields_suggest_init(&s, d->text);
        for (size_t i = 0; i < rules_effect_count(); i++)
            fields_suggest_try(&s, rules_effect_info((int)i)->name);
        char hint[96];
        fields_error(c, ERR_VALUE, d, "unknown effect '%s'%s (malcon-lint --schema lists them)",
                     d->text, fields_suggest_text(&s, hint, sizeof hint));
        return;
    }
    e->op = op;
    fields_map_ex(c, &tables_effect, e, m, rules_effect_info(op));
}

void fields_check_effects(load_ctx *c, const effect *fx, size_t n, const ynode *node, int target)
{
    if (!node || node->type != YN_SEQ)
        return;
    const char *where = target == FIELDS_CTX_EVENT ? "events" : "role passives";
    for (size_t i = 0; i < n && i < node->n; i++) {
        const effect *e = &fx[i];
        const ynode *item = node->kids[i];
        const effect_info *info = rules_effect_info(e->op);
        if (!info)
            continue;
        if (info->needs != TGT_NONE) {
            if (target < 0)
                fields_error(c, ERR_VALUE, item,
                             "effect '%s' works on an action's target (%s); %s have none",
                             info->name, target_kind_name(info->needs), where);
            else if ((int)info->needs != target)
                fields_error(c, ERR_VALUE, item,
                             "effect '%s' needs an action with target: %s, this one has target: "
                             "%s",
                             info->name, target_kind_name(info->needs),
                             target_kind_name((target_kind)target));
        }
        const ynode *rn = ynode_get(item, "role");
        if (e->role == ROLE_TARGET && target != TGT_ROLE && target != TGT_ROLE_PAIR)
            fields_error(c, ERR_VALUE, rn ? rn : item,
                         "role: target needs an action with target: role or role_pair");
        else if (e->role == ROLE_SOURCE && target != TGT_ROLE_PAIR)
            fields_error(c, ERR_VALUE, rn ? rn : item,
                         "role: source needs an action with target: role_pair");
        else if (e->role == ROLE_ACTOR && target == FIELDS_CTX_EVENT)
            fields_error(c, ERR_VALUE, rn ? rn : item,
                         "role: actor has no meaning in an event (use a role id or random)");
        const ynode *mn = ynode_get(item, "room");
        if (e->room == ROOM_TARGET && target != TGT_ROOM)
            fields_error(c, ERR_VALUE, mn ? mn : item,
                         "room: target needs an action with target: room");
    }
}
