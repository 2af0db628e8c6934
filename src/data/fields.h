/* fields.h: internal: the table-driven mapping of YAML nodes onto content structs. One field
 * table per struct; adding a YAML field is one row in tables.c. */
#ifndef MALCON_FIELDS_H
#define MALCON_FIELDS_H

#include "core.h"
#include "rules.h"
#include "ynode.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum field_type {
    FT_TEXT,    /* char *: any scalar */
    FT_ML,      /* ml_text: {ja: ..., en: ...} */
    FT_ID,      /* char *: the item's own id; aux non-NULL allows upper case (terminals) */
    FT_INT,     /* int within min..max */
    FT_BOOL,    /* bool: true / false */
    FT_ENUM,    /* int: one name of an enum (aux: field_enum) */
    FT_MASK,    /* uint32_t: a list of names of an enum, as bits 1u << value (aux: field_enum) */
    FT_NAME,    /* char *: one of a fixed list of names (aux: field_enum) */
    FT_REF,     /* int: index of an id, or a special name (aux: field_ref) */
    FT_REFS,    /* int * + size_t at count_off: a list of ids (aux: field_ref) */
    FT_REF_MAP, /* int * (one per ruleset role): a mapping id -> id (aux: field_ref) */
    FT_PATH,    /* char *: asset path relative to the content root, under assets/ */
    FT_COLOR,   /* uint32_t: "#rrggbb" */
    FT_INTS,    /* int[len]: a fixed-length list of integers within min..max */
    FT_GROUP,   /* a nested mapping mapped onto base + offset (aux: field_table) */
    FT_LIST,    /* T * + size_t at count_off: a list of mappings (aux: field_table) */
    FT_EFFECTS, /* effect * + size_t at count_off: a list of effects */
    FT_OP,      /* int: an effect name from the rules library's effect table (effects' `do`) */
    FT_TYPE_COUNT
} field_type;

/* A closed set of names (enums, masks, icon names): the values first..first+count-1, named by
 * name() (the shared name tables of ruleset.h where they exist). */
typedef struct field_enum {
    const char *what; /* "route", "flag", ... for messages */
    const char *(*name)(int value);
    int first;
    int count;
} field_enum;

/* What an id reference points at. Scenario-relative kinds resolve in the scenario being read. */
typedef enum ref_kind {
    REF_NONE = 0, /* only the special names are legal */
    REF_ROLE,
    REF_EVENT,
    REF_KIND,
    REF_SEGMENT,
    REF_ROOM,
    REF_TERMINAL,
    REF_KIND_COUNT
} ref_kind;

typedef struct field_special {
    const char *name;
    int value;
} field_special;

typedef struct field_ref {
    ref_kind kind;
    const field_special *specials; /* names accepted beside ids (may be NULL) */
    int n_specials;
} field_ref;

typedef struct load_ctx load_ctx;
typedef struct field_table field_table;

typedef struct field {
    const char *key;
    field_type type;
    size_t offset;    /* of the value in the struct */
    size_t count_off; /* FT_LIST / FT_REFS / FT_EFFECTS: offset of the size_t count */
    bool required;
    int def;         /* FT_INT / FT_BOOL / FT_ENUM / FT_REF / FT_OP: value when absent */
    int min, max;    /* FT_INT, FT_INTS: value range; lists: item count range */
    int len;         /* FT_INTS: number of elements */
    const void *aux; /* field_table / field_enum / field_ref, as the type says */
    uint32_t arg;    /* effect table: the EA_* bit this key fills (0: not an argument) */
    const char *doc;
} field;

struct field_table {
    const char *name; /* "role", "action", ... for messages and the schema */
    const field *fields;
    size_t n;
    size_t size;             /* sizeof the struct (lists allocate items of this size) */
    void (*init)(void *obj); /* defaults beyond the rows' (may be NULL) */
    void (*check)(load_ctx *c, void *obj,
                  const ynode *map); /* checks across fields (may be NULL) */
    const char *doc;
};

/* A reference waiting for every file to be read. */
typedef struct load_ref {
    ref_kind kind;
    char *name;
    const char *file;
    int line, col;
    int *dest;
    scenario_def *sc; /* scenario for scenario-relative kinds */
} load_ref;

/* One fallback entry (role -> role) of a scenario, resolved once the roles are known. */
typedef struct load_pair {
    load_ref key;
    load_ref value;
    void *base;    /* the struct holding the map */
    size_t offset; /* of the int * map (one entry per ruleset role) in base */
} load_pair;

struct load_ctx {
    core_err *err;
    const char *file;          /* the file being mapped, for messages */
    const char *root;          /* content root for asset existence checks, or NULL */
    const char *const *layers; /* content packs over root, lowest first (asset checks) */
    size_t n_layers;
    ruleset *rs;
    scenario_def *sc; /* the scenario being mapped, or NULL */
    load_ref *refs;
    size_t n_refs, cap_refs;
    load_pair *pairs;
    size_t n_pairs, cap_pairs;
};

/* Records an error (or a warning with LVL_WARNING) located at node at (may be NULL). */
void fields_error(load_ctx *c, core_err_code code, const ynode *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void fields_warning(load_ctx *c, core_err_code code, const ynode *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Applies the rows' defaults (and the table's init) to a fresh zeroed struct. */
void fields_defaults(const field_table *t, void *base);

/* Maps mapping node map onto base through table t, reporting unknown, missing and ill-typed
 * keys, then runs the table's check. Never fails: problems go into c->err. */
void fields_map(load_ctx *c, const field_table *t, void *base, const ynode *map);

/* Contexts of effects that are not an action's (an action passes its target kind). */
#define FIELDS_CTX_EVENT   (-1)
#define FIELDS_CTX_PASSIVE (-2)

/* Checks the effects of one item against the context they run in: target is the action's
 * target kind, or FIELDS_CTX_EVENT / FIELDS_CTX_PASSIVE. node is the effects list. */
void fields_check_effects(load_ctx *c, const effect *fx, size_t n, const ynode *node, int target);

/* ---- did you mean ---- */

typedef struct fields_suggest {
    const char *word;
    const char *best;
    int dist;
} fields_suggest;

void fields_suggest_init(fields_suggest *s, const char *word);
void fields_suggest_try(fields_suggest *s, const char *candidate);
/* " (did you mean 'x'?)" when a candidate is close enough, else "". Borrowed until the next
 * call on s. */
const char *fields_suggest_text(fields_suggest *s, char *buf, size_t n);

/* ---- the tables (tables.c) ---- */

extern const field_table tables_ml;
extern const field_table tables_effect;
extern const field_table tables_roles_file;
extern const field_table tables_actions_file;
extern const field_table tables_events_file;
extern const field_table tables_terminals_file;
extern const field_table tables_scenario;
extern const field_table tables_debrief_file;

extern const field_enum tables_flags;
extern const field_enum tables_routes;
extern const field_enum tables_tracks;
extern const field_enum tables_targets;
extern const field_enum tables_filters;
extern const field_enum tables_icons;
extern const field_enum tables_phases;
extern const field_enum tables_whens;
extern const field_ref tables_effect_role;
extern const field_ref tables_effect_kind;
extern const field_ref tables_effect_room;

/* Every table reachable from the file tables, for the schema text and its test. */
typedef struct tables_file {
    const char *path; /* "cards/roles.yaml", "scenarios/NAME.yaml" */
    const field_table *table;
} tables_file;
extern const tables_file tables_files[];
extern const size_t tables_n_files;

/* The YAML name of a ref kind ("role", "event", ...). */
const char *tables_ref_name(ref_kind k);

#endif
