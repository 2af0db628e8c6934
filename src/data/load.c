/* load.c: content loading: reads the card and scenario files, maps each through its field table,
 * resolves references across files, hashes the content and reports errors in file order. */
#define _POSIX_C_SOURCE 200809L

#include "data.h"
#include "fields.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum load_kind {
    LK_ROLES = 0,
    LK_KINDS,
    LK_EVENTS,
    LK_ACTIONS,
    LK_SCENARIO,
    LK_UNKNOWN
} load_kind;

/* The card files, in the order they are mapped (the order errors are reported in). */
static const struct {
    const char *tail;
    const char *path;
    const field_table *table;
} load_cards[LK_SCENARIO] = {
    [LK_ROLES] = {"roles.yaml", "cards/roles.yaml", &tables_roles_file},
    [LK_KINDS] = {"terminals.yaml", "cards/terminals.yaml", &tables_terminals_file},
    [LK_EVENTS] = {"events.yaml", "cards/events.yaml", &tables_events_file},
    [LK_ACTIONS] = {"actions.yaml", "cards/actions.yaml", &tables_actions_file},
};

typedef struct load_file {
    const char *name; /* reported in errors */
    const char *key;  /* decides the type; hashed */
    const char *text; /* NULL: could not be read (already reported) */
    size_t len;
    load_kind kind;
} load_file;

static bool load_has_tail(const char *key, const char *tail)
{
    size_t a = strlen(key), b = strlen(tail);
    return a >= b && strcmp(key + a - b, tail) == 0 && (a == b || key[a - b - 1] == '/');
}

static load_kind load_kind_of(const char *key)
{
    if (strncmp(key, "scenarios/", 10) == 0 || strstr(key, "/scenarios/"))
        return LK_SCENARIO;
    for (int k = 0; k < LK_SCENARIO; k++)
        if (load_has_tail(key, load_cards[k].tail))
            return (load_kind)k;
    return LK_UNKNOWN;
}

static int load_cmp_files(const void *a, const void *b)
{
    const load_file *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int load_cmp_keys(const void *a, const void *b)
{
    const load_file *x = *(const load_file *const *)a, *y = *(const load_file *const *)b;
    return strcmp(x->key, y->key);
}

/* FNV-1a over every file's key, a NUL, its length (8 bytes, little-endian) and its bytes, in
 * sorted key order: the same content gives the same hash wherever it lives. */
static uint64_t load_hash(const load_file *files, size_t n)
{
    const load_file **sorted = core_calloc(n ? n : 1, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &files[i];
    qsort(sorted, n, sizeof *sorted, load_cmp_keys);
    uint64_t h = CORE_FNV_INIT;
    for (size_t i = 0; i < n; i++) {
        const load_file *f = sorted[i];
        if (!f->text)
            continue;
        h = core_fnv1a(h, f->key, strlen(f->key) + 1);
        unsigned char len8[8];
        for (int b = 0; b < 8; b++)
            len8[b] = (unsigned char)((uint64_t)f->len >> (8 * b));
        h = core_fnv1a(h, len8, sizeof len8);
        h = core_fnv1a(h, f->text, f->len);
    }
    free(sorted);
    return h;
}

/* ---- references ---- */

static const char *load_ref_id(const ruleset *rs, const scenario_def *sc, ref_kind k, size_t i)
{
    switch (k) {
    case REF_ROLE:
        return i < rs->n_roles ? rs->roles[i].id : NULL;
    case REF_EVENT:
        return i < rs->n_events ? rs->events[i].id : NULL;
    case REF_KIND:
        return i < rs->n_kinds ? rs->kinds[i].id : NULL;
    case REF_SEGMENT:
        return sc && i < sc->n_segments ? sc->segments[i].id : NULL;
    case REF_ROOM:
        return sc && i < sc->n_rooms ? sc->rooms[i].id : NULL;
    case REF_TERMINAL:
        return sc && i < sc->n_terminals ? sc->terminals[i].id : NULL;
    default:
        return NULL;
    }
}

static size_t load_ref_count(const ruleset *rs, const scenario_def *sc, ref_kind k)
{
    switch (k) {
    case REF_ROLE:
        return rs->n_roles;
    case REF_EVENT:
        return rs->n_events;
    case REF_KIND:
        return rs->n_kinds;
    case REF_SEGMENT:
        return sc ? sc->n_segments : 0;
    case REF_ROOM:
        return sc ? sc->n_rooms : 0;
    case REF_TERMINAL:
        return sc ? sc->n_terminals : 0;
    default:
        return 0;
    }
}

/* Index of r's name in its id space, or -1 after reporting it (unless the space's own file is
 * broken: then every reference would fail and the messages would bury the real one). */
static int load_resolve(load_ctx *c, const load_ref *r, const bool *broken)
{
    size_t n = load_ref_count(c->rs, r->sc, r->kind);
    fields_suggest s;
    fields_suggest_init(&s, r->name);
    for (size_t i = 0; i < n; i++) {
        const char *id = load_ref_id(c->rs, r->sc, r->kind, i);
        if (id && strcmp(id, r->name) == 0)
            return (int)i;
        fields_suggest_try(&s, id);
    }
    if (broken[r->kind])
        return -1;
    char hint[96];
    const char *where = r->kind == REF_SEGMENT || r->kind == REF_ROOM || r->kind == REF_TERMINAL
                            ? " in this scenario"
                            : "";
    core_err_add(c->err, ERR_UNKNOWN_ID, LVL_ERROR, r->file, r->line, r->col, "unknown %s '%s'%s%s",
                 tables_ref_name(r->kind), r->name, where,
                 fields_suggest_text(&s, hint, sizeof hint));
    return -1;
}

static void load_resolve_all(load_ctx *c, const bool *broken)
{
    for (size_t i = 0; i < c->n_refs; i++) {
        int idx = load_resolve(c, &c->refs[i], broken);
        if (idx >= 0)
            *c->refs[i].dest = idx;
    }
    ruleset *rs = c->rs;
    for (size_t s = 0; s < rs->n_scenarios; s++) {
        scenario_def *sc = &rs->scenarios[s];
        if (!rs->n_roles)
            continue;
        sc->fallback = core_calloc(rs->n_roles, sizeof *sc->fallback);
        for (size_t r = 0; r < rs->n_roles; r++)
            sc->fallback[r] = -1;
    }
    for (size_t i = 0; i < c->n_pairs; i++) {
        const load_pair *p = &c->pairs[i];
        int k = load_resolve(c, &p->key, broken);
        int v = load_resolve(c, &p->value, broken);
        int *map = *(int **)(void *)((char *)p->base + p->offset);
        if (k >= 0 && v >= 0 && map)
            map[k] = v;
    }
}

static void load_ctx_free(load_ctx *c)
{
    for (size_t i = 0; i < c->n_refs; i++)
        free(c->refs[i].name);
    free(c->refs);
    for (size_t i = 0; i < c->n_pairs; i++) {
        free(c->pairs[i].key.name);
        free(c->pairs[i].value.name);
    }
    free(c->pairs);
}

/* ---- errors in reading order ---- */

typedef struct load_sorted {
    const core_err_item *item;
    size_t file; /* position of its file in mapping order */
    size_t seq;  /* the order it was found in */
} load_sorted;

static int load_cmp_errors(const void *a, const void *b)
{
    const load_sorted *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->item->line != y->item->line)
        return x->item->line < y->item->line ? -1 : 1;
    if (x->item->col != y->item->col)
        return x->item->col < y->item->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Moves the messages of local into err sorted by file (mapping order), line and column. */
static void load_flush_errors(core_err *local, core_err *err, const load_file *files, size_t n)
{
    load_sorted *v = core_calloc(local->count ? local->count : 1, sizeof *v);
    for (size_t i = 0; i < local->count; i++) {
        v[i].item = &local->items[i];
        v[i].seq = i;
        v[i].file = n;
        for (size_t f = 0; f < n; f++) {
            if (strcmp(files[f].name, local->items[i].file) == 0) {
                v[i].file = f;
                break;
            }
        }
    }
    qsort(v, local->count, sizeof *v, load_cmp_errors);
    for (size_t i = 0; i < local->count; i++) {
        const core_err_item *it = v[i].item;
        core_err_add(err, it->code, it->level, it->file, it->line, it->col, "%s", it->msg);
    }
    err->dropped += local->dropped;
    free(v);
    core_err_free(local);
}

/* ---- loading ---- */

/* Maps every file (sorted into mapping order in place) into a new ruleset. local holds the
 * problems found while reading (it is emptied); scen_dir names the scenarios folder in messages,
 * or is NULL when its own problem was already reported. */
static ruleset *load_files(load_file *files, size_t n, const char *root, const char *scen_dir,
                           core_err *local_in, core_err *err)
{
    for (size_t i = 0; i < n; i++)
        files[i].kind = load_kind_of(files[i].key);
    qsort(files, n, sizeof *files, load_cmp_files);

    core_err local = *local_in;
    *local_in = (core_err){0};
    ruleset *rs = core_alloc(sizeof *rs);
    load_ctx c = {.err = &local, .root = root, .rs = rs};
    bool broken[REF_KIND_COUNT] = {false};
    bool seen[LK_SCENARIO] = {false};
    bool failed = false;

    for (size_t i = 0; i < n; i++)
        if (files[i].kind == LK_SCENARIO)
            rs->n_scenarios++;
    rs->scenarios = rs->n_scenarios ? core_calloc(rs->n_scenarios, sizeof *rs->scenarios) : NULL;
    const ynode **sc_ids = core_calloc(rs->n_scenarios + 1, sizeof *sc_ids);
    ynode **trees = core_calloc(n + 1, sizeof *trees);
    size_t n_sc = 0;

    for (size_t i = 0; i < n; i++) {
        load_file *f = &files[i];
        c.file = f->name;
        ref_kind space = f->kind == LK_ROLES    ? REF_ROLE
                         : f->kind == LK_EVENTS ? REF_EVENT
                         : f->kind == LK_KINDS  ? REF_KIND
                                                : REF_NONE;
        if (f->kind == LK_UNKNOWN) {
            fields_error(&c, ERR_VALUE, NULL,
                         "not a content file: expected cards/{roles,actions,events,terminals}.yaml "
                         "or scenarios/*.yaml");
            continue;
        }
        if (f->kind < LK_SCENARIO) {
            if (seen[f->kind]) {
                fields_error(&c, ERR_VALUE, NULL, "a second %s file", load_cards[f->kind].tail);
                continue;
            }
            seen[f->kind] = true;
        }
        scenario_def *sc = f->kind == LK_SCENARIO ? &rs->scenarios[n_sc++] : NULL;
        bool ok = f->text != NULL;
        if (ok && f->len > DATA_MAX_FILE_BYTES) {
            fields_error(&c, ERR_LIMIT, NULL, "file too large: %zu bytes, at most %d", f->len,
                         DATA_MAX_FILE_BYTES);
            ok = false;
        }
        ynode *tree = NULL;
        if (ok)
            ok = ynode_parse(f->name, f->text, f->len, &local, &tree);
        if (ok && !tree) {
            fields_error(&c, ERR_TYPE, NULL, "the file is empty: expected a mapping");
            ok = false;
        }
        if (!ok) {
            failed = true;
            broken[space] = true;
            continue;
        }
        trees[i] = tree;
        if (sc) {
            fields_defaults(&tables_scenario, sc);
            c.sc = sc;
            fields_map(&c, &tables_scenario, sc, tree);
            c.sc = NULL;
            sc_ids[sc - rs->scenarios] = ynode_get(tree, "id");
        } else {
            fields_map(&c, load_cards[f->kind].table, rs, tree);
            /* nothing came out of a broken card file: references to it would only add noise */
            size_t got = f->kind == LK_ROLES    ? rs->n_roles
                         : f->kind == LK_EVENTS ? rs->n_events
                         : f->kind == LK_KINDS  ? rs->n_kinds
                                                : 1;
            if (!got)
                broken[space] = true;
        }
    }
    for (int k = 0; k < LK_SCENARIO; k++) {
        if (!seen[k]) {
            core_err_add(&local, ERR_IO, LVL_ERROR, load_cards[k].path, 0, 0,
                         "missing content file %s", load_cards[k].path);
            if (k == LK_ROLES)
                broken[REF_ROLE] = true;
            else if (k == LK_EVENTS)
                broken[REF_EVENT] = true;
            else if (k == LK_KINDS)
                broken[REF_KIND] = true;
        }
    }
    if (!rs->n_scenarios && scen_dir)
        core_err_add(&local, ERR_MISSING, LVL_ERROR, scen_dir, 0, 0,
                     "no scenario: at least one scenarios/*.yaml is needed");

    load_resolve_all(&c, broken);

    /* scenario ids are unique across files */
    for (size_t i = 1; i < rs->n_scenarios; i++) {
        for (size_t j = 0; j < i && rs->scenarios[i].id; j++) {
            if (rs->scenarios[j].id && strcmp(rs->scenarios[i].id, rs->scenarios[j].id) == 0) {
                const ynode *at = sc_ids[i];
                size_t fi = 0;
                for (size_t s = 0, k = 0; k < n; k++)
                    if (files[k].kind == LK_SCENARIO && s++ == i)
                        fi = k;
                core_err_add(&local, ERR_DUPLICATE_ID, LVL_ERROR, files[fi].name, at ? at->line : 0,
                             at ? at->col : 0,
                             "duplicate scenario id '%s' (also used by another scenario file)",
                             rs->scenarios[i].id);
                break;
            }
        }
    }

    rs->hash = load_hash(files, n);
    for (size_t i = 0; i < n; i++)
        ynode_free(trees[i]);
    free(trees);
    free(sc_ids);
    load_ctx_free(&c);
    failed = failed || core_err_errors(&local) > 0;
    load_flush_errors(&local, err, files, n);
    if (failed) {
        ruleset_free(rs);
        return NULL;
    }
    return rs;
}

ruleset *data_load_mem(const data_file *files, size_t n, const char *root, core_err *err)
{
    load_file *v = core_calloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[i].name = files[i].name;
        v[i].key = files[i].name;
        v[i].text = files[i].text;
        v[i].len = files[i].len;
    }
    core_err local = {.max_items = err->max_items};
    ruleset *rs = load_files(v, n, root, "scenarios", &local, err);
    free(v);
    return rs;
}

static int load_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of scenarios/NAME.yaml under root (hidden files skipped); *ok is false when
 * the folder cannot be read (reported). */
static char **load_list_scenarios(const char *root, size_t *count, bool *ok, core_err *err)
{
    *count = 0;
    *ok = false;
    char *dir = data_path_join(root, "scenarios");
    DIR *d = opendir(dir);
    if (!d) {
        core_err_add(err, ERR_IO, LVL_ERROR, dir, 0, 0, "cannot open the scenarios folder");
        free(dir);
        return NULL;
    }
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        core_grow((void **)&names, &cap, *count + 1, sizeof *names);
        names[(*count)++] = core_strdup(e->d_name);
    }
    closedir(d);
    free(dir);
    *ok = true;
    if (*count)
        qsort(names, *count, sizeof *names, load_cmp_names);
    return names;
}

ruleset *data_load(const char *root, core_err *err)
{
    /* read problems join the loader's, so that every message comes out in file order */
    core_err local = {.max_items = err->max_items};
    size_t n_sc = 0;
    bool dir_ok = false;
    char **sc_names = load_list_scenarios(root, &n_sc, &dir_ok, &local);
    size_t n = LK_SCENARIO + n_sc;
    load_file *v = core_calloc(n, sizeof *v);
    char **keys = core_calloc(n, sizeof *keys);
    char **names = core_calloc(n, sizeof *names);
    char **texts = core_calloc(n, sizeof *texts);
    for (size_t i = 0; i < n; i++) {
        if (i < LK_SCENARIO) {
            keys[i] = core_strdup(load_cards[i].path);
        } else {
            core_str s = {0};
            core_str_printf(&s, "scenarios/%s", sc_names[i - LK_SCENARIO]);
            keys[i] = core_str_take(&s);
        }
        names[i] = data_path_join(root, keys[i]);
        texts[i] = data_read_file(names[i], DATA_MAX_FILE_BYTES, &v[i].len, &local);
        v[i].name = names[i];
        v[i].key = keys[i];
        v[i].text = texts[i];
    }
    char *scen_dir = data_path_join(root, "scenarios");
    ruleset *rs = load_files(v, n, root, dir_ok ? scen_dir : NULL, &local, err);
    free(scen_dir);
    for (size_t i = 0; i < n; i++) {
        free(keys[i]);
        free(names[i]);
        free(texts[i]);
    }
    for (size_t i = 0; i < n_sc; i++)
        free(sc_names[i]);
    free(sc_names);
    free(keys);
    free(names);
    free(texts);
    free(v);
    return rs;
}
