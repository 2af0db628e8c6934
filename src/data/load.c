/* load.c: content loading: reads the card and scenario files, maps each through its field table,
 * resolves references across files, hashes the content and reports errors in file order. */
#define _POSIX_C_SOURCE 200809L

#include "data.h"
#include "fields.h"

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum load_kind {
    LK_ROLES = 0,
    LK_KINDS,
    LK_EVENTS,
    LK_ACTIONS,
    LK_SCENARIO,
    LK_DEBRIEF, /* cards/debrief.yaml: optional, outside the content hash (text for people) */
    LK_UNKNOWN
} load_kind;

#define LOAD_DEBRIEF_TAIL "debrief.yaml"
#define LOAD_DEBRIEF_PATH "cards/debrief.yaml"

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
    int layer; /* 0: the base content; 1, 2, ...: content packs laid over it, in order */
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
    if (load_has_tail(key, LOAD_DEBRIEF_TAIL))
        return LK_DEBRIEF;
    return LK_UNKNOWN;
}

static int load_cmp_files(const void *a, const void *b)
{
    const load_file *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    int k = strcmp(x->key, y->key);
    if (k)
        return k;
    return (x->layer > y->layer) - (x->layer < y->layer);
}

static int load_cmp_keys(const void *a, const void *b)
{
    const load_file *x = *(const load_file *const *)a, *y = *(const load_file *const *)b;
    int k = strcmp(x->key, y->key);
    if (k)
        return k;
    return (x->layer > y->layer) - (x->layer < y->layer);
}

/* FNV-1a over every file's key, a NUL, its length (8 bytes, little-endian) and its bytes, in
 * sorted key order: the same content gives the same hash wherever it lives. A content pack's
 * file also hashes its layer number first (the base content hashes as it always did). */
static uint64_t load_hash(const load_file *files, size_t n)
{
    const load_file **sorted = core_calloc(n ? n : 1, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &files[i];
    qsort(sorted, n, sizeof *sorted, load_cmp_keys);
    uint64_t h = CORE_FNV_INIT;
    for (size_t i = 0; i < n; i++) {
        const load_file *f = sorted[i];
        /* the learning points never change how a game plays: editing them must not make saves
         * look like they were made with other content */
        if (!f->text || f->kind == LK_DEBRIEF)
            continue;
        if (f->layer > 0) {
            unsigned char layer[5] = {'p', (unsigned char)f->layer, (unsigned char)(f->layer >> 8),
                                      (unsigned char)(f->layer >> 16),
                                      (unsigned char)(f->layer >> 24)};
            h = core_fnv1a(h, layer, sizeof layer);
        }
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
    for (size_t i = 0; i < n; i++) {
        const char *id = load_ref_id(c->rs, r->sc, r->kind, i);
        if (id && strcmp(id, r->name) == 0)
            return (int)i;
    }
    if (broken[r->kind])
        return -1;
    /* the suggestion (an edit distance per id) only once the name is known to be wrong */
    fields_suggest s;
    fields_suggest_init(&s, r->name);
    for (size_t i = 0; i < n; i++)
        fields_suggest_try(&s, load_ref_id(c->rs, r->sc, r->kind, i));
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

/* ---- layers: content packs over the base ---- */

/* The scalar text of item's "id", or NULL. */
static const char *load_item_id(const ynode *item)
{
    const ynode *id = item && item->type == YN_MAP ? ynode_get(item, "id") : NULL;
    return id && id->type == YN_SCALAR ? id->text : NULL;
}

/* Lays list o over list b: an item of o whose id names an item b had before (and that o has
 * not replaced yet) takes its place, keeping its position (so indices and the deck's order
 * stay); any other item is appended (a second item with one id then reports as a duplicate).
 * o's items move into b. */
static void load_merge_list(ynode *b, ynode *o)
{
    size_t before = b->n;
    bool *taken = core_calloc(before + 1, sizeof *taken);
    for (size_t i = 0; i < o->n; i++) {
        ynode *item = o->kids[i];
        const char *id = load_item_id(item);
        size_t slot = before;
        for (size_t j = 0; id && j < before; j++) {
            const char *bid = load_item_id(b->kids[j]);
            if (!taken[j] && bid && strcmp(bid, id) == 0) {
                slot = j;
                break;
            }
        }
        if (slot < before) {
            taken[slot] = true;
            ynode_free(b->kids[slot]);
            b->kids[slot] = item;
        } else {
            core_grow((void **)&b->kids, &b->cap, b->n + 1, sizeof *b->kids);
            b->kids[b->n++] = item;
        }
        o->kids[i] = NULL;
    }
    o->n = 0;
    free(taken);
}

/* Lays card file tree o over b (both mappings): a key both give as a list merges by id
 * (load_merge_list); any other key of o replaces b's or is added. o's nodes move into b, so
 * each keeps naming its own file in messages. */
static void load_merge_file(ynode *b, ynode *o)
{
    for (size_t i = 0; i + 1 < o->n; i += 2) {
        ynode *k = o->kids[i], *v = o->kids[i + 1];
        size_t at = b->n;
        for (size_t j = 0; k->type == YN_SCALAR && j + 1 < b->n; j += 2) {
            const ynode *bk = b->kids[j];
            if (bk->type == YN_SCALAR && strcmp(bk->text, k->text) == 0) {
                at = j;
                break;
            }
        }
        if (at < b->n && b->kids[at + 1]->type == YN_SEQ && v->type == YN_SEQ && !v->bad) {
            load_merge_list(b->kids[at + 1], v);
            continue;
        }
        if (at < b->n) {
            ynode_free(b->kids[at]);
            ynode_free(b->kids[at + 1]);
            b->kids[at] = k;
            b->kids[at + 1] = v;
        } else {
            core_grow((void **)&b->kids, &b->cap, b->n + 2, sizeof *b->kids);
            b->kids[b->n++] = k;
            b->kids[b->n++] = v;
        }
        o->kids[i] = o->kids[i + 1] = NULL;
    }
}

/* ---- loading ---- */

/* Maps every file (sorted into mapping order in place) into a new ruleset. Files of a higher
 * layer are laid over the lower ones: card files merge item by item (by id), and a scenario
 * replaces the lower layers' scenario of the same file name or id. local holds the problems
 * found while reading (it is emptied); scen_dir names the scenarios folder in messages, or is
 * NULL when its own problem was already reported. layers (n_layers) are the pack roots over
 * root, for asset checks. */
static ruleset *load_files(load_file *files, size_t n, const char *root, const char *const *layers,
                           size_t n_layers, const char *scen_dir, core_err *local_in, core_err *err)
{
    for (size_t i = 0; i < n; i++)
        files[i].kind = load_kind_of(files[i].key);
    qsort(files, n, sizeof *files, load_cmp_files);

    core_err local = *local_in;
    *local_in = (core_err){0};
    ruleset *rs = core_alloc(sizeof *rs);
    load_ctx c = {.err = &local, .root = root, .layers = layers, .n_layers = n_layers, .rs = rs};
    bool broken[REF_KIND_COUNT] = {false};
    bool seen[LK_SCENARIO] = {false};
    int seen_layer[LK_SCENARIO];
    int base_of[LK_SCENARIO]; /* the file the other layers of a card file merge into */
    int debrief_layer = -1;
    bool failed = false;
    ynode **trees = core_calloc(n + 1, sizeof *trees);
    bool *skip = core_calloc(n + 1, sizeof *skip); /* merged into another file, or replaced */
    for (int k = 0; k < LK_SCENARIO; k++)
        seen_layer[k] = base_of[k] = -1;

    /* read every file into a tree */
    for (size_t i = 0; i < n; i++) {
        load_file *f = &files[i];
        c.file = f->name;
        ref_kind space = f->kind == LK_ROLES    ? REF_ROLE
                         : f->kind == LK_EVENTS ? REF_EVENT
                         : f->kind == LK_KINDS  ? REF_KIND
                                                : REF_NONE;
        skip[i] = true;
        if (f->kind == LK_UNKNOWN) {
            fields_error(
                &c, ERR_VALUE, NULL,
                "not a content file: expected cards/{roles,actions,events,terminals}.yaml, "
                "cards/debrief.yaml or scenarios/*.yaml");
            continue;
        }
        if (f->kind == LK_DEBRIEF) {
            if (debrief_layer == f->layer) {
                fields_error(&c, ERR_VALUE, NULL, "a second %s file", LOAD_DEBRIEF_TAIL);
                continue;
            }
            debrief_layer = f->layer;
        }
        if (f->kind < LK_SCENARIO) {
            if (seen[f->kind] && seen_layer[f->kind] == f->layer) {
                fields_error(&c, ERR_VALUE, NULL, "a second %s file", load_cards[f->kind].tail);
                continue;
            }
            seen[f->kind] = true;
            seen_layer[f->kind] = f->layer;
        }
        skip[i] = false;
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
    }

    /* lay the packs over the base: card files merge into the lowest layer's tree */
    for (size_t i = 0; i < n; i++) {
        load_kind k = files[i].kind;
        if (k >= LK_SCENARIO || !trees[i])
            continue;
        if (base_of[k] < 0) {
            base_of[k] = (int)i;
            continue;
        }
        ynode *b = trees[base_of[k]];
        if (trees[i]->type != YN_MAP || b->type != YN_MAP) {
            /* the lower file's own mapping reports its shape; a pack's is reported here */
            if (trees[i]->type != YN_MAP) {
                c.file = files[i].name;
                fields_error(&c, ERR_TYPE, trees[i], "%s must be a mapping, not %s",
                             load_cards[k].tail, ynode_type_name(trees[i]));
                failed = true;
            }
        } else {
            load_merge_file(b, trees[i]);
        }
        skip[i] = true;
    }
    /* a scenario of a higher layer replaces one of a lower layer with its file name or id */
    for (size_t i = 0; i < n; i++) {
        if (files[i].kind != LK_SCENARIO || skip[i])
            continue;
        const char *id = load_item_id(trees[i]);
        for (size_t j = 0; j < n && !skip[i]; j++) {
            if (j == i || files[j].kind != LK_SCENARIO || files[j].layer <= files[i].layer)
                continue;
            const char *jid = load_item_id(trees[j]);
            if (strcmp(files[j].key, files[i].key) == 0 || (id && jid && strcmp(id, jid) == 0))
                skip[i] = true;
        }
    }

    /* the learning points: a pack's file replaces the lower layers' (the last one read wins) */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && files[i].kind == LK_DEBRIEF && !skip[i]; j++)
            if (files[j].kind == LK_DEBRIEF && !skip[j])
                skip[i] = true;

    size_t n_sc_files = 0;
    for (size_t i = 0; i < n; i++)
        if (files[i].kind == LK_SCENARIO && !skip[i])
            n_sc_files++;
    rs->n_scenarios = 0;
    rs->scenarios = n_sc_files ? core_calloc(n_sc_files, sizeof *rs->scenarios) : NULL;
    const ynode **sc_ids = core_calloc(n_sc_files + 1, sizeof *sc_ids);
    size_t *sc_file = core_calloc(n_sc_files + 1, sizeof *sc_file);

    for (size_t i = 0; i < n; i++) {
        load_file *f = &files[i];
        if (f->kind == LK_SCENARIO && !trees[i] && !skip[i]) {
            /* an unreadable scenario still counts (the ruleset is dropped anyway) */
            sc_file[rs->n_scenarios++] = i;
            continue;
        }
        if (skip[i] || !trees[i])
            continue;
        c.file = f->name;
        ynode *tree = trees[i];
        ref_kind space = f->kind == LK_ROLES    ? REF_ROLE
                         : f->kind == LK_EVENTS ? REF_EVENT
                         : f->kind == LK_KINDS  ? REF_KIND
                                                : REF_NONE;
        if (f->kind == LK_SCENARIO) {
            size_t si = rs->n_scenarios++;
            scenario_def *sc = &rs->scenarios[si];
            sc_file[si] = i;
            fields_defaults(&tables_scenario, sc);
            c.sc = sc;
            fields_map(&c, &tables_scenario, sc, tree);
            c.sc = NULL;
            sc_ids[si] = ynode_get(tree, "id");
        } else if (f->kind == LK_DEBRIEF) {
            fields_map(&c, &tables_debrief_file, rs, tree);
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
                core_err_add(&local, ERR_DUPLICATE_ID, LVL_ERROR, files[sc_file[i]].name,
                             at ? at->line : 0, at ? at->col : 0,
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
    free(skip);
    free(sc_ids);
    free(sc_file);
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
    ruleset *rs = load_files(v, n, root, NULL, 0, "scenarios", &local, err);
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
        if (*count == DATA_MAX_ITEMS) { /* a folder of thousands is not a content pack */
            core_err_add(err, ERR_LIMIT, LVL_ERROR, dir, 0, 0,
                         "too many scenario files: at most %d are read", DATA_MAX_ITEMS);
            break;
        }
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

/* Reads the content files of one layer into v (grown as needed): a base layer (0) reads every
 * card file (a missing one is reported later as missing) and its scenarios folder (which must
 * exist); a pack reads only the files it has. Names are joined to root for messages. */
typedef struct load_set {
    load_file *v;
    char **owned; /* strings to free: keys, names, texts */
    size_t n, cap, n_owned, cap_owned;
} load_set;

static char *load_own(load_set *set, char *p)
{
    core_grow((void **)&set->owned, &set->cap_owned, set->n_owned + 1, sizeof *set->owned);
    set->owned[set->n_owned++] = p;
    return p;
}

static bool load_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

static void load_read_layer(load_set *set, const char *root, int layer, bool *dir_ok,
                            core_err *local)
{
    size_t n_sc = 0;
    bool ok = false;
    char **sc_names = NULL;
    char *scen = data_path_join(root, "scenarios");
    DIR *d = layer > 0 ? opendir(scen) : NULL;
    bool want_sc = layer == 0 || d != NULL; /* a pack may have no scenarios folder */
    if (d)
        closedir(d);
    free(scen);
    if (want_sc)
        sc_names = load_list_scenarios(root, &n_sc, &ok, local);
    if (dir_ok)
        *dir_ok = ok;
    for (size_t i = 0; i < LK_SCENARIO + n_sc; i++) {
        char *key;
        if (i < LK_SCENARIO) {
            key = core_strdup(load_cards[i].path);
        } else {
            core_str s = {0};
            core_str_printf(&s, "scenarios/%s", sc_names[i - LK_SCENARIO]);
            key = core_str_take(&s);
        }
        char *name = data_path_join(root, key);
        if (layer > 0 && i < LK_SCENARIO && !load_exists(name)) {
            free(key);
            free(name);
            continue;
        }
        core_grow((void **)&set->v, &set->cap, set->n + 1, sizeof *set->v);
        load_file *f = &set->v[set->n++];
        *f = (load_file){0};
        f->key = load_own(set, key);
        f->name = load_own(set, name);
        f->layer = layer;
        f->text = data_read_file(name, DATA_MAX_FILE_BYTES, &f->len, local);
        if (f->text)
            load_own(set, (char *)f->text);
    }
    /* the optional learning points of this layer */
    char *db_name = data_path_join(root, LOAD_DEBRIEF_PATH);
    if (load_exists(db_name)) {
        core_grow((void **)&set->v, &set->cap, set->n + 1, sizeof *set->v);
        load_file *f = &set->v[set->n++];
        *f = (load_file){0};
        f->key = load_own(set, core_strdup(LOAD_DEBRIEF_PATH));
        f->name = load_own(set, db_name);
        f->layer = layer;
        f->text = data_read_file(db_name, DATA_MAX_FILE_BYTES, &f->len, local);
        if (f->text)
            load_own(set, (char *)f->text);
    } else {
        free(db_name);
    }
    for (size_t i = 0; i < n_sc; i++)
        free(sc_names[i]);
    free(sc_names);
}

ruleset *data_load_layers(const char *const *roots, size_t n_roots, core_err *err)
{
    assert(roots && n_roots >= 1 && err);
    /* read problems join the loader's, so that every message comes out in file order */
    core_err local = {.max_items = err->max_items};
    load_set set = {0};
    bool dir_ok = false;
    load_read_layer(&set, roots[0], 0, &dir_ok, &local);
    for (size_t l = 1; l < n_roots; l++) {
        DIR *d = opendir(roots[l]);
        if (!d) {
            core_err_add(&local, ERR_IO, LVL_ERROR, roots[l], 0, 0,
                         "cannot open the content pack folder");
            continue;
        }
        closedir(d);
        load_read_layer(&set, roots[l], (int)l, NULL, &local);
    }
    char *scen_dir = data_path_join(roots[0], "scenarios");
    ruleset *rs = load_files(set.v, set.n, roots[0], roots + 1, n_roots - 1,
                             dir_ok ? scen_dir : NULL, &local, err);
    free(scen_dir);
    for (size_t i = 0; i < set.n_owned; i++)
        free(set.owned[i]);
    free(set.owned);
    free(set.v);
    return rs;
}

ruleset *data_load(const char *root, core_err *err)
{
    return data_load_layers(&root, 1, err);
}

char *data_asset_path(const char *const *roots, size_t n_roots, const char *rel)
{
    assert(roots && rel);
    for (size_t i = n_roots; i-- > 0;) {
        char *p = data_path_join(roots[i], rel);
        if (load_exists(p))
            return p;
        free(p);
    }
    return NULL;
}
