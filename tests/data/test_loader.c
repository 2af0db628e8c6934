/* test_loader.c: the content loader: one table row per error kind (code, line, column of the
 * first error), several errors in one file, the tiny fixture's values, the shipped content. */
#define _POSIX_C_SOURCE 200809L

#include "data.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- a minimal valid content set; each row replaces (or adds) one file ---- */

#define R_LEAD                                                                                     \
    "  - id: lead\n"                                                                               \
    "    name: {ja: 指揮, en: Lead}\n"                                                           \
    "    desc: {ja: 説明, en: Leads}\n"
#define R_HELPER                                                                                   \
    "  - id: helper\n"                                                                             \
    "    name: {ja: 補助, en: Helper}\n"                                                         \
    "    desc: {ja: 説明, en: Helps}\n"
#define A_HEAD                                                                                     \
    "actions:\n"                                                                                   \
    "  - id: examine\n"                                                                            \
    "    name: {ja: 調査, en: Examine}\n"                                                        \
    "    desc: {ja: 調べる, en: Look}\n"
#define E_HEAD                                                                                     \
    "events:\n"                                                                                    \
    "  - id: phish\n"                                                                              \
    "    title: {ja: 標的型メール, en: Phishing}\n"                                          \
    "    flavour: {ja: メール, en: Mail}\n"
#define S_HEAD                                                                                     \
    "id: base\n"                                                                                   \
    "name: {ja: 基本, en: Base}\n"                                                               \
    "desc: {ja: 説明, en: Desc}\n"
#define S_BODY "roles: [lead, helper]\n" S_REST
#define S_REST                                                                                     \
    "segments:\n"                                                                                  \
    "  - {id: office, name: {ja: 事務, en: Office}}\n"                                           \
    "rooms:\n"                                                                                     \
    "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [0, 0, 50, 50]}\n"        \
    "terminals:\n"                                                                                 \
    "  - {id: T1, room: sales, kind: pc}\n"
/* S_HEAD + S_BODY is 10 lines: a row's additions start at line 11. */

static const char base_roles[] = "roles:\n" R_LEAD R_HELPER;
static const char base_kinds[] = "kinds:\n"
                                 "  - id: pc\n"
                                 "    name: {ja: PC, en: PC}\n"
                                 "    icon: pc\n"
                                 "    rebootable: true\n";
static const char base_events[] =
    E_HEAD "    effects:\n"
           "      - {do: infect, route: mail, unless: [staff_alerted]}\n";
static const char base_actions[] = A_HEAD "    role: lead\n"
                                          "    ap: 2\n"
                                          "    target: terminal\n"
                                          "    effects:\n"
                                          "      - {do: examine}\n";
static const char base_scenario[] = S_HEAD S_BODY;

#define N_BASE 5
static const data_file base_files[N_BASE] = {
    {"cards/roles.yaml", base_roles, sizeof base_roles - 1},
    {"cards/terminals.yaml", base_kinds, sizeof base_kinds - 1},
    {"cards/events.yaml", base_events, sizeof base_events - 1},
    {"cards/actions.yaml", base_actions, sizeof base_actions - 1},
    {"scenarios/base.yaml", base_scenario, sizeof base_scenario - 1},
};

/* Loads the base set with file `name` replaced by (or added as) text. */
static ruleset *load_with(const char *name, const char *text, size_t len, core_err *err)
{
    data_file files[N_BASE + 1];
    size_t n = N_BASE;
    memcpy(files, base_files, sizeof base_files);
    bool replaced = false;
    for (size_t i = 0; i < N_BASE; i++) {
        if (name && strcmp(files[i].name, name) == 0) {
            files[i].text = text;
            files[i].len = len;
            replaced = true;
        }
    }
    if (name && !replaced)
        files[n++] = (data_file){name, text, len};
    return data_load_mem(files, n, NULL, err);
}

static void print_errors(const core_err *err)
{
    for (size_t i = 0; i < err->count; i++) {
        char *line = core_err_format(err, i);
        print_message("  [%s] %s\n", core_err_code_name(err->items[i].code), line);
        free(line);
    }
}

/* ---- generated inputs (too long to write out) ---- */

static char *gen_long_string(void)
{
    core_str s = {0};
    core_str_puts(&s, "roles:\n  - id: lead\n    name: {ja: a, en: b}\n    desc: {ja: a, en: ");
    for (int i = 0; i < DATA_MAX_STRING + 1; i++)
        core_str_puts(&s, "x");
    core_str_puts(&s, "}\n");
    return core_str_take(&s);
}

static char *gen_many_items(void)
{
    core_str s = {0};
    core_str_puts(&s, "roles:\n");
    for (int i = 0; i < DATA_MAX_ITEMS + 1; i++)
        core_str_puts(&s, "  - x\n");
    return core_str_take(&s);
}

static char *gen_deep(void)
{
    core_str s = {0};
    core_str_puts(&s, "roles: ");
    for (int i = 0; i < DATA_MAX_DEPTH; i++)
        core_str_puts(&s, "[");
    for (int i = 0; i < DATA_MAX_DEPTH; i++)
        core_str_puts(&s, "]");
    core_str_puts(&s, "\n");
    return core_str_take(&s);
}

/* One action more than the rules' state can hold (RULES_MAX_ACTIONS). */
static char *gen_many_actions(void)
{
    core_str s = {0};
    core_str_puts(&s, "actions:\n");
    for (int i = 0; i < RULES_MAX_ACTIONS + 1; i++)
        core_str_printf(&s,
                        "  - {id: a%d, name: {ja: a, en: a}, desc: {ja: a, en: a}, role: lead, "
                        "ap: 1, target: none, effects: [{do: declare}]}\n",
                        i);
    return core_str_take(&s);
}

/* Events whose copies add up to one card more than the rules' deck (RULES_MAX_DECK). */
static char *gen_big_deck(void)
{
    core_str s = {0};
    core_str_puts(&s, "events:\n");
    int left = RULES_MAX_DECK + 1;
    for (int i = 0; left > 0; i++) {
        int copies = left < 9 ? left : 9;
        core_str_printf(&s,
                        "  - {id: e%d, title: {ja: a, en: a}, flavour: {ja: a, en: a}, "
                        "copies: %d, effects: []}\n",
                        i, copies);
        left -= copies;
    }
    return core_str_take(&s);
}

/* ---- the error table ---- */

typedef struct error_row {
    const char *name;
    const char *file;
    const char *yaml;   /* NULL: gen() makes it */
    char *(*gen)(void); /* generated input (caller frees) */
    core_err_code code; /* of the first error */
    int line, col;      /* of the first error */
    const char *msg;    /* a part of the first message (may be NULL) */
} error_row;

#define ROLES       "cards/roles.yaml"
#define KINDS       "cards/terminals.yaml"
#define EVENTS      "cards/events.yaml"
#define ACTIONS     "cards/actions.yaml"
#define SCEN        "scenarios/base.yaml"
#define A_TAIL_NONE "    role: lead\n    ap: 1\n    target: none\n    effects:\n"
#define A_TAIL_TERM "    role: lead\n    ap: 1\n    target: terminal\n    effects:\n"

static const error_row error_rows[] = {
    /* syntax and raw input */
    {"syntax_tab_indent", ROLES, "roles:\n\t- id: lead\n", NULL, ERR_SYNTAX, 2, 1,
     "cannot start any token"},
    {"syntax_two_documents", ROLES, "roles: []\n---\nroles: []\n", NULL, ERR_SYNTAX, 2, 1,
     "only one YAML document"},
    {"encoding_invalid_utf8", ROLES,
     "roles:\n  - id: lead\n    name: {ja: 指揮\xff"
     " , en: Lead}\n",
     NULL, ERR_ENCODING, 3, 18, "invalid UTF-8"},
    {"encoding_nul_in_text", ROLES, "roles:\n" R_LEAD "    passive: {ja: \"a\\0b\", en: b}\n", NULL,
     ERR_ENCODING, 5, 19, "NUL"},
    {"alias_anchor_refused", ROLES, "roles:\n" R_LEAD "    passive: &p {ja: a, en: b}\n", NULL,
     ERR_ALIAS, 5, 14, "anchors"},
    {"alias_alias_refused", ROLES, "roles:\n" R_LEAD "    passive: *p\n", NULL, ERR_ALIAS, 5, 14,
     "aliases"},
    {"limit_depth", ROLES, NULL, gen_deep, ERR_LIMIT, 1, 7 + DATA_MAX_DEPTH, "nested too deeply"},
    {"limit_string_length", ROLES, NULL, gen_long_string, ERR_LIMIT, 4, 23, "text too long"},
    {"limit_list_items", ROLES, NULL, gen_many_items, ERR_LIMIT, DATA_MAX_ITEMS + 2, 5,
     "too many entries"},
    {"limit_actions", ACTIONS, NULL, gen_many_actions, ERR_LIMIT, 2, 3,
     "'actions' has 65 entries, at most 64"},
    {"limit_default_deck", EVENTS, NULL, gen_big_deck, ERR_LIMIT, 2, 3,
     "the default deck would hold 513 cards"},
    {"empty_file", ROLES, "# nothing but a comment\n", NULL, ERR_TYPE, 0, 0, "empty"},
    {"unknown_file_name", "cards/extra.yaml", "x: 1\n", NULL, ERR_VALUE, 0, 0,
     "not a content file"},
    /* keys */
    {"unknown_key_did_you_mean", ROLES, "roles:\n" R_LEAD "    colour: \"#112233\"\n", NULL,
     ERR_UNKNOWN_KEY, 5, 5, "unknown key 'colour' in role (did you mean 'color'?)"},
    {"unknown_key_top_level", SCEN, S_HEAD S_BODY "clok: {days: 2}\n", NULL, ERR_UNKNOWN_KEY, 11, 1,
     "did you mean 'clock'?"},
    {"duplicate_key", ROLES, "roles:\n" R_LEAD "    ap: 2\n    ap: 3\n", NULL, ERR_DUPLICATE_KEY, 6,
     5, "duplicate key 'ap' (first given at line 5)"},
    {"missing_required_key", ROLES, "roles:\n  - id: lead\n    name: {ja: a, en: b}\n", NULL,
     ERR_MISSING, 2, 5, "missing required key 'desc' in role"},
    {"missing_language", ROLES,
     "roles:\n  - id: lead\n    name: {ja: a}\n    desc: {ja: a, en: b}\n", NULL, ERR_MISSING, 3,
     11, "missing required key 'en' in text"},
    {"missing_scenario_rooms_key", SCEN,
     S_HEAD "roles: [lead]\nsegments:\n"
            "  - {id: office, name: {ja: a, en: b}}\n",
     NULL, ERR_MISSING, 1, 1, "missing required key 'rooms'"},
    /* types */
    {"type_mapping_expected", ROLES,
     "roles:\n  - id: lead\n    name: Lead\n    desc: {ja: a, en: b}\n", NULL, ERR_TYPE, 3, 11,
     "expected a mapping (text), not a scalar"},
    {"type_item_mapping_expected", ROLES, "roles:\n  - lead\n", NULL, ERR_TYPE, 2, 5,
     "expected a mapping (role)"},
    {"type_top_level_mapping", ROLES, "- lead\n", NULL, ERR_TYPE, 1, 1, "expected a mapping"},
    {"type_list_expected", SCEN, S_HEAD "roles: lead\n" S_REST, NULL, ERR_TYPE, 4, 8,
     "'roles' must be a list"},
    {"type_scalar_expected", ROLES,
     "roles:\n  - id: [lead]\n    name: {ja: a, en: b}\n    desc: {ja: a, en: b}\n", NULL, ERR_TYPE,
     2, 9, "'id' must be an id, not a list"},
    {"type_integer_expected", ROLES, "roles:\n" R_LEAD "    ap: two\n", NULL, ERR_TYPE, 5, 9,
     "'ap' must be an integer"},
    {"type_quoted_integer", ROLES, "roles:\n" R_LEAD "    ap: \"2\"\n", NULL, ERR_TYPE, 5, 9,
     "'ap' must be an integer"},
    {"type_boolean_expected", ROLES, "roles:\n" R_LEAD "    core: yes\n", NULL, ERR_TYPE, 5, 11,
     "'core' must be true or false"},
    {"type_effect_mapping", ACTIONS, A_HEAD A_TAIL_NONE "      - declare\n", NULL, ERR_TYPE, 9, 9,
     "an effect must be a mapping"},
    /* values */
    {"range_ap", ROLES, "roles:\n" R_LEAD "    ap: 12\n", NULL, ERR_RANGE, 5, 9,
     "'ap' is 12, out of range 0..9"},
    {"range_effect_amount", ACTIONS,
     A_HEAD A_TAIL_NONE "      - {do: track, track: trust, amount: 100}\n", NULL, ERR_RANGE, 9, 43,
     "out of range -99..99"},
    {"value_bad_id", ROLES,
     "roles:\n  - id: Lead\n    name: {ja: a, en: b}\n    desc: {ja: a, en: b}\n", NULL, ERR_VALUE,
     2, 9, "id 'Lead'"},
    {"value_bad_colour", ROLES, "roles:\n" R_LEAD "    color: blue\n", NULL, ERR_VALUE, 5, 12,
     "#rrggbb"},
    {"value_bad_target", ACTIONS,
     A_HEAD "    role: lead\n    ap: 1\n    target: terminl\n"
            "    effects:\n      - {do: examine}\n",
     NULL, ERR_VALUE, 7, 13,
     "unknown target kind 'terminl' in 'target' (did you mean 'terminal'?)"},
    {"value_bad_flag", ACTIONS,
     A_HEAD A_TAIL_NONE "      - {do: declare}\n"
                        "    forbids: [staff_alertd]\n",
     NULL, ERR_VALUE, 10, 15, "unknown flag 'staff_alertd' in 'forbids' (did you mean"},
    {"value_bad_route", EVENTS, E_HEAD "    effects:\n      - {do: infect, route: email}\n", NULL,
     ERR_VALUE, 6, 29, "unknown route 'email' in 'route' (did you mean 'mail'?)"},
    {"value_bad_icon", KINDS, "kinds:\n  - id: pc\n    name: {ja: a, en: b}\n    icon: tablet\n",
     NULL, ERR_VALUE, 4, 11, "unknown icon 'tablet'"},
    {"value_filter_needs_terminal", ACTIONS,
     A_HEAD A_TAIL_NONE "      - {do: declare}\n"
                        "    filter: face_down\n",
     NULL, ERR_VALUE, 10, 13, "terminal targets only"},
    /* effects */
    {"effect_bad_name", ACTIONS, A_HEAD A_TAIL_TERM "      - {do: examin}\n", NULL, ERR_VALUE, 9,
     14, "unknown effect 'examin' (did you mean 'examine'?)"},
    {"effect_arg_not_allowed", ACTIONS, A_HEAD A_TAIL_TERM "      - {do: examine, amount: 1}\n",
     NULL, ERR_UNKNOWN_KEY, 9, 23, "effect 'examine' takes no 'amount'"},
    {"effect_missing_arg", ACTIONS, A_HEAD A_TAIL_NONE "      - {do: track, track: trust}\n", NULL,
     ERR_MISSING, 9, 9, "effect 'track' needs 'amount'"},
    {"effect_missing_do", ACTIONS, A_HEAD A_TAIL_NONE "      - {flag: c2_known}\n", NULL,
     ERR_MISSING, 9, 9, "missing required key 'do'"},
    {"effect_needs_target", ACTIONS, A_HEAD A_TAIL_NONE "      - {do: examine}\n", NULL, ERR_VALUE,
     9, 9, "effect 'examine' needs an action with target: terminal"},
    {"effect_target_in_event", EVENTS,
     E_HEAD "    effects:\n      - {do: gain_ap, role: target, amount: 1}\n", NULL, ERR_VALUE, 6,
     29, "role: target needs"},
    {"effect_room_special_only", EVENTS,
     E_HEAD "    effects:\n      - {do: noise, amount: 1, room: sales}\n", NULL, ERR_VALUE, 6, 38,
     "'room' must be one of: target, random"},
    {"effect_bad_condition_flag", EVENTS,
     E_HEAD "    effects:\n      - {do: spread, unless: [pached]}\n", NULL, ERR_VALUE, 6, 31,
     "did you mean 'patched'?"},
    /* references and ids */
    {"unknown_role", ACTIONS,
     A_HEAD "    role: leed\n    ap: 2\n    target: terminal\n"
            "    effects:\n      - {do: examine}\n",
     NULL, ERR_UNKNOWN_ID, 5, 11, "unknown role 'leed' (did you mean 'lead'?)"},
    {"unknown_role_in_effect", EVENTS,
     E_HEAD "    effects:\n      - {do: lose_ap, role: comander, amount: 1}\n", NULL,
     ERR_UNKNOWN_ID, 6, 29, "unknown role 'comander'"},
    {"unknown_kind", SCEN,
     S_HEAD "roles: [lead, helper]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [0, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sales, kind: laptop}\n",
     NULL, ERR_UNKNOWN_ID, 10, 33, "unknown kind 'laptop'"},
    {"unknown_room", SCEN,
     S_HEAD "roles: [lead, helper]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [0, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sale, kind: pc}\n",
     NULL, ERR_UNKNOWN_ID, 10, 20, "unknown room 'sale' in this scenario (did you mean 'sales'?)"},
    {"unknown_segment", SCEN,
     S_HEAD "roles: [lead, helper]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: offce, at: [0, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sales, kind: pc}\n",
     NULL, ERR_UNKNOWN_ID, 8, 53, "unknown segment 'offce'"},
    {"unknown_terminal", SCEN, S_HEAD S_BODY "infections:\n  - {terminal: T9, route: mail}\n", NULL,
     ERR_UNKNOWN_ID, 12, 16, "unknown terminal 'T9'"},
    {"unknown_event_in_deck", SCEN, S_HEAD S_BODY "deck: [phish, phsh]\n", NULL, ERR_UNKNOWN_ID, 11,
     15, "unknown event 'phsh' (did you mean 'phish'?)"},
    {"unknown_scenario_role", SCEN,
     S_HEAD "roles: [lead, poc]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [0, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sales, kind: pc}\n",
     NULL, ERR_UNKNOWN_ID, 4, 15, "unknown role 'poc'"},
    {"unknown_fallback_role", SCEN, S_HEAD S_BODY "fallback: {poc: lead}\n", NULL, ERR_UNKNOWN_ID,
     11, 12, "unknown role 'poc'"},
    {"duplicate_id", ROLES, "roles:\n" R_LEAD R_LEAD, NULL, ERR_DUPLICATE_ID, 5, 9,
     "duplicate role id 'lead' (first at line 2)"},
    {"duplicate_scenario_role", SCEN,
     S_HEAD "roles: [lead, lead]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [0, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sales, kind: pc}\n",
     NULL, ERR_DUPLICATE_ID, 4, 15, "listed twice"},
    {"duplicate_scenario_id", "scenarios/copy.yaml", S_HEAD S_BODY, NULL, ERR_DUPLICATE_ID, 1, 5,
     "duplicate scenario id 'base'"},
    /* asset paths */
    {"path_dotdot", ROLES, "roles:\n" R_LEAD "    art: assets/../../etc/x.png\n", NULL, ERR_PATH, 5,
     10, "'..'"},
    {"path_absolute", ROLES, "roles:\n" R_LEAD "    art: /etc/passwd\n", NULL, ERR_PATH, 5, 10,
     "absolute"},
    {"path_not_under_assets", ROLES, "roles:\n" R_LEAD "    art: cards/roles.yaml\n", NULL,
     ERR_PATH, 5, 10, "not under assets/"},
    {"path_backslash", ROLES, "roles:\n" R_LEAD "    art: \"assets\\\\x.png\"\n", NULL, ERR_PATH, 5,
     10, "backslash"},
    /* scenario checks */
    {"scenario_no_rooms", SCEN,
     S_HEAD "roles: [lead]\nsegments:\n"
            "  - {id: office, name: {ja: a, en: b}}\nrooms: []\nterminals: []\n",
     NULL, ERR_RANGE, 7, 8, "'rooms' needs at least 1 entry"},
    {"scenario_too_many_rounds", SCEN, S_HEAD S_BODY "clock: {days: 11, phases_per_day: 3}\n", NULL,
     ERR_RANGE, 11, 8, "11 x 3 = 33 rounds, at most 32"},
    {"scenario_beacon_min_max", SCEN, S_HEAD S_BODY "beacon: {min: 3, max: 1}\n", NULL, ERR_RANGE,
     11, 9, "beacon min 3 is above max 1"},
    {"scenario_track_start_above_max", SCEN, S_HEAD S_BODY "tracks:\n  trust: {start: 9, max: 5}\n",
     NULL, ERR_RANGE, 12, 10, "track trust starts at 9, above its max 5"},
    {"scenario_schedule_after_clock", SCEN,
     S_HEAD S_BODY "clock: {days: 1}\nschedule:\n"
                   "  - {round: 5, event: phish}\n",
     NULL, ERR_RANGE, 13, 13, "schedule round 5 is after the last round (3)"},
    {"scenario_hint_phase", SCEN,
     S_HEAD S_BODY "hints:\n  - {phase: lunch, text: {ja: a, en: b}}\n", NULL, ERR_VALUE, 12, 13,
     "unknown phase 'lunch'"},
    {"scenario_room_outside_plan", SCEN,
     S_HEAD "roles: [lead, helper]\nsegments:\n"
            "  - {id: office, name: {ja: 事務, en: Office}}\nrooms:\n"
            "  - {id: sales, name: {ja: 営業, en: Sales}, segment: office, at: [60, 0, 50, 50]}\n"
            "terminals:\n  - {id: T1, room: sales, kind: pc}\n",
     NULL, ERR_RANGE, 8, 65, "must fit the 100 x 100 floor plan"},
    {"scenario_too_many_infections", SCEN, S_HEAD S_BODY "random_infections: 2\n", NULL, ERR_RANGE,
     11, 20, "only 1 terminals"},
};

static void test_loader_error_row(void **state)
{
    const error_row *row = *state;
    char *gen = row->gen ? row->gen() : NULL;
    const char *text = gen ? gen : row->yaml;
    core_err err = {0};
    ruleset *rs = load_with(row->file, text, strlen(text), &err);
    if (rs || err.count == 0 || err.items[0].code != row->code || err.items[0].line != row->line ||
        err.items[0].col != row->col || (row->msg && !strstr(err.items[0].msg, row->msg))) {
        print_message("row %s: expected [%s] %d:%d '%s'; got:\n", row->name,
                      core_err_code_name(row->code), row->line, row->col, row->msg ? row->msg : "");
        print_errors(&err);
    }
    assert_null(rs);
    assert_true(err.count > 0);
    assert_string_equal(err.items[0].file, row->file);
    assert_string_equal(core_err_code_name(err.items[0].code), core_err_code_name(row->code));
    assert_int_equal(err.items[0].line, row->line);
    assert_int_equal(err.items[0].col, row->col);
    if (row->msg)
        assert_non_null(strstr(err.items[0].msg, row->msg));
    ruleset_free(rs);
    core_err_free(&err);
    free(gen);
}

/* ---- behaviour beyond the table ---- */

static void test_loader_base_set_is_valid(void **state)
{
    (void)state;
    core_err err = {0};
    ruleset *rs = data_load_mem(base_files, N_BASE, NULL, &err);
    print_errors(&err);
    assert_non_null(rs);
    assert_int_equal(err.count, 0);
    assert_int_equal(rs->n_roles, 2);
    assert_int_equal(rs->n_scenarios, 1);
    ruleset_free(rs);
}

static void test_loader_reports_every_error_in_a_file(void **state)
{
    (void)state;
    static const char text[] = "roles:\n"
                               "  - id: lead\n"             /* 2 */
                               "    name: {ja: a, en: b}\n" /* 3: desc missing (at 2:5) */
                               "    ap: 10\n"               /* 4: range */
                               "    colr: \"#000000\"\n"    /* 5: unknown key */
                               "  - id: lead\n"             /* 6: duplicate id */
                               "    name: {ja: a, en: b}\n"
                               "    desc: {ja: a, en: b}\n"
                               "    core: maybe\n"   /* 9: boolean */
                               "    art: ../x.png\n" /* 10: path */
        R_HELPER;
    core_err err = {0};
    ruleset *rs = load_with(ROLES, text, sizeof text - 1, &err);
    print_errors(&err);
    assert_null(rs);
    static const struct {
        core_err_code code;
        int line, col;
    } want[] = {{ERR_MISSING, 2, 5},      {ERR_RANGE, 4, 9}, {ERR_UNKNOWN_KEY, 5, 5},
                {ERR_DUPLICATE_ID, 6, 9}, {ERR_TYPE, 9, 11}, {ERR_PATH, 10, 10}};
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(core_err_errors(&err), n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(err.items[i].code, want[i].code);
        assert_int_equal(err.items[i].line, want[i].line);
        assert_int_equal(err.items[i].col, want[i].col);
    }
    char *line = core_err_format(&err, 1);
    assert_string_equal(line, "cards/roles.yaml:4:9: error: 'ap' is 10, out of range 0..9");
    free(line);
    core_err_free(&err);
}

static void test_loader_errors_across_files_in_file_order(void **state)
{
    (void)state;
    data_file files[N_BASE];
    memcpy(files, base_files, sizeof files);
    static const char bad_sc[] = S_HEAD S_BODY "exfil: 10\n";
    static const char bad_roles[] = "roles:\n" R_LEAD R_HELPER "    ap: -1\n";
    files[4] = (data_file){"scenarios/base.yaml", bad_sc, sizeof bad_sc - 1};
    files[0] = (data_file){"cards/roles.yaml", bad_roles, sizeof bad_roles - 1};
    core_err err = {0};
    ruleset *rs = data_load_mem(files, N_BASE, NULL, &err);
    assert_null(rs);
    assert_int_equal(err.count, 2);
    assert_string_equal(err.items[0].file, "cards/roles.yaml");
    assert_int_equal(err.items[0].line, 8);
    assert_string_equal(err.items[1].file, "scenarios/base.yaml");
    assert_int_equal(err.items[1].line, 11);
    core_err_free(&err);
}

static void test_loader_missing_card_file(void **state)
{
    (void)state;
    data_file files[N_BASE - 1];
    memcpy(files, base_files, 3 * sizeof *files); /* no actions.yaml */
    files[3] = base_files[4];
    core_err err = {0};
    ruleset *rs = data_load_mem(files, N_BASE - 1, NULL, &err);
    assert_null(rs);
    assert_int_equal(core_err_errors(&err), 1);
    assert_int_equal(err.items[0].code, ERR_IO);
    assert_string_equal(err.items[0].file, "cards/actions.yaml");
    core_err_free(&err);
}

static void test_loader_missing_root_reports_io(void **state)
{
    (void)state;
    core_err err = {0};
    ruleset *rs = data_load(MALCON_FIXTURES "/no_such_folder", &err);
    assert_null(rs);
    assert_true(core_err_errors(&err) >= 5); /* four card files and the scenarios folder */
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(err.items[i].code, ERR_IO);
    core_err_free(&err);
}

static void test_loader_file_size_limit(void **state)
{
    (void)state;
    size_t n = DATA_MAX_FILE_BYTES + 1;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, '#', n);
    big[n] = '\0';
    core_err err = {0};
    ruleset *rs = load_with(EVENTS, big, n, &err);
    assert_null(rs);
    assert_int_equal(err.items[0].code, ERR_LIMIT);
    assert_string_equal(err.items[0].file, EVENTS);
    core_err_free(&err);
    free(big);
}

static void test_loader_missing_asset_is_a_warning(void **state)
{
    (void)state;
    static const char roles[] = "roles:\n" R_LEAD "    art: assets/art/none.png\n" R_HELPER;
    data_file files[N_BASE];
    memcpy(files, base_files, sizeof files);
    files[0] = (data_file){"cards/roles.yaml", roles, sizeof roles - 1};
    core_err err = {0};
    ruleset *rs = data_load_mem(files, N_BASE, MALCON_FIXTURES "/tiny", &err);
    assert_non_null(rs);
    assert_int_equal(core_err_errors(&err), 0);
    assert_int_equal(err.count, 1);
    assert_int_equal(err.items[0].level, LVL_WARNING);
    assert_int_equal(err.items[0].code, ERR_ASSET);
    assert_int_equal(err.items[0].line, 5);
    assert_string_equal(rs->roles[0].art, "assets/art/none.png");
    ruleset_free(rs);
    core_err_free(&err);

    /* without a root only the form of the path is checked */
    rs = data_load_mem(files, N_BASE, NULL, &err);
    assert_non_null(rs);
    assert_int_equal(err.count, 0);
    ruleset_free(rs);
}

/* A well-formed art path that is a symbolic link out of the content folder is refused: the
 * game would otherwise read any file the player can read. A link that stays inside is fine. */
static void test_loader_symlink_out_of_root_is_refused(void **state)
{
    (void)state;
    char root[] = "/tmp/malcon-linkXXXXXX";
    assert_non_null(mkdtemp(root));
    char dir[600], out[600], in[600], real[600];
    snprintf(dir, sizeof dir, "%s/assets", root);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(real, sizeof real, "%s/assets/real.png", root);
    FILE *f = fopen(real, "wb");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);
    snprintf(out, sizeof out, "%s/assets/out.png", root);
    assert_int_equal(symlink("/etc/hostname", out), 0);
    snprintf(in, sizeof in, "%s/assets/in.png", root);
    assert_int_equal(symlink("real.png", in), 0);

    static const char roles_out[] = "roles:\n" R_LEAD "    art: assets/out.png\n" R_HELPER;
    static const char roles_in[] = "roles:\n" R_LEAD "    art: assets/in.png\n" R_HELPER;
    data_file files[N_BASE];
    memcpy(files, base_files, sizeof files);
    files[0] = (data_file){"cards/roles.yaml", roles_out, sizeof roles_out - 1};
    core_err err = {0};
    ruleset *rs = data_load_mem(files, N_BASE, root, &err);
    assert_null(rs);
    assert_int_equal(err.items[0].code, ERR_PATH);
    assert_int_equal(err.items[0].line, 5);
    assert_int_equal(err.items[0].col, 10);
    assert_non_null(strstr(err.items[0].msg, "outside the content folder"));
    core_err_free(&err);

    files[0] = (data_file){"cards/roles.yaml", roles_in, sizeof roles_in - 1};
    rs = data_load_mem(files, N_BASE, root, &err);
    print_errors(&err);
    assert_non_null(rs);
    assert_int_equal(err.count, 0);
    assert_string_equal(rs->roles[0].art, "assets/in.png");
    ruleset_free(rs);

    unlink(in);
    unlink(out);
    unlink(real);
    rmdir(dir);
    rmdir(root);
}

/* A scenarios folder of thousands of files is refused with a limit error, not read. */
static void test_loader_too_many_scenario_files(void **state)
{
    (void)state;
    char root[] = "/tmp/malcon-many-XXXXXX";
    assert_non_null(mkdtemp(root));
    char dir[600], file[700];
    snprintf(dir, sizeof dir, "%s/scenarios", root);
    assert_int_equal(mkdir(dir, 0755), 0);
    for (int i = 0; i <= DATA_MAX_ITEMS; i++) {
        snprintf(file, sizeof file, "%s/s%03d.yaml", dir, i);
        FILE *f = fopen(file, "wb");
        assert_non_null(f);
        fclose(f);
    }
    core_err err = {0};
    ruleset *rs = data_load(root, &err);
    assert_null(rs);
    bool found = false;
    for (size_t i = 0; i < err.count; i++)
        if (err.items[i].code == ERR_LIMIT && strstr(err.items[i].msg, "too many scenario files"))
            found = true;
    assert_true(found);
    core_err_free(&err);
    for (int i = 0; i <= DATA_MAX_ITEMS; i++) {
        snprintf(file, sizeof file, "%s/s%03d.yaml", dir, i);
        unlink(file);
    }
    rmdir(dir);
    rmdir(root);
}

/* ---- the tiny fixture ---- */

static int tiny_setup(void **state)
{
    core_err err = {0};
    ruleset *rs = data_load(MALCON_FIXTURES "/tiny", &err);
    print_errors(&err);
    if (!rs || err.count) {
        core_err_free(&err);
        ruleset_free(rs);
        return -1;
    }
    *state = rs;
    return 0;
}

static int tiny_teardown(void **state)
{
    ruleset_free(*state);
    return 0;
}

static void test_loader_tiny_cards(void **state)
{
    const ruleset *rs = *state;
    assert_int_equal(rs->n_roles, 2);
    assert_int_equal(rs->n_kinds, 2);
    assert_int_equal(rs->n_events, 3);
    assert_int_equal(rs->n_actions, 4);
    assert_int_equal(rs->n_scenarios, 1);

    const role_def *lead = &rs->roles[0], *helper = &rs->roles[1];
    assert_string_equal(lead->id, "lead");
    assert_string_equal(lead->name.ja, "指揮");
    assert_string_equal(lead->desc.en, "Leads the team");
    assert_int_equal(lead->ap, 3);
    assert_true(lead->core);
    assert_int_equal(lead->color, 0x112233);
    assert_string_equal(lead->art, "assets/art/lead.png");
    assert_string_equal(lead->passive.ja, ""); /* absent text: empty, never NULL */
    assert_int_equal(lead->n_passive_effects, 0);
    assert_int_equal(helper->ap, 2);           /* default */
    assert_false(helper->core);                /* default */
    assert_int_equal(helper->color, 0x808080); /* default */
    assert_null(helper->art);
    assert_int_equal(helper->n_passive_effects, 1);
    assert_int_equal(helper->passive_effects[0].op, rules_effect_find("gain_ap"));
    assert_int_equal(helper->passive_effects[0].role, ROLE_ACTOR);
    assert_int_equal(helper->passive_effects[0].amount, 1);

    assert_true(rs->kinds[0].rebootable);
    assert_false(rs->kinds[1].rebootable);
    assert_string_equal(rs->kinds[1].icon, "server");

    const event_def *phish = &rs->events[0], *quiet = &rs->events[1], *reboot = &rs->events[2];
    assert_int_equal(phish->copies, 1);
    assert_string_equal(phish->rule.en, "");
    assert_int_equal(phish->effects[0].op, rules_effect_find("infect"));
    assert_int_equal(phish->effects[0].route, ROUTE_MAIL);
    assert_int_equal(phish->effects[0].kind, 0);
    assert_int_equal(phish->effects[0].room, -1);
    assert_int_equal(phish->effects[0].unless, 1u << FLAG_STAFF_ALERTED);
    assert_int_equal(quiet->copies, 2);
    assert_string_equal(quiet->rule.en, "No beacons next round");
    assert_int_equal(quiet->effects[0].flag, FLAG_ATTACKER_QUIET);
    assert_int_equal(reboot->copies, 0);
    assert_int_equal(reboot->n_effects, 2);
    assert_int_equal(reboot->effects[0].kind, KIND_ANY);
    assert_int_equal(reboot->effects[1].track, TRACK_TRUST);
    assert_int_equal(reboot->effects[1].amount, -1);
    assert_int_equal(reboot->effects[1].only_if, 1u << FLAG_REPORTED_TODAY);
    assert_int_equal(reboot->effects[1].unless, 1u << FLAG_PRESS_ANSWERED);

    const action_def *ex = &rs->actions[0], *alert = &rs->actions[1];
    const action_def *direct = &rs->actions[2], *logs = &rs->actions[3];
    assert_int_equal(ex->role, 0);
    assert_int_equal(ex->fallback, -1);
    assert_int_equal(ex->target, TGT_TERMINAL);
    assert_int_equal(ex->filter, TF_EXAMINABLE);
    assert_true(ex->is_private);
    assert_int_equal(alert->role, 1);
    assert_int_equal(alert->fallback, 0);
    assert_int_equal(alert->target, TGT_NONE);
    assert_int_equal(alert->filter, TF_ANY);
    assert_int_equal(alert->forbids, 1u << FLAG_STAFF_ALERTED);
    assert_int_equal(alert->requires, (1u << FLAG_C2_KNOWN) | (1u << FLAG_REPORTED_TODAY));
    assert_true(alert->once_per_game);
    assert_false(alert->once_per_round);
    assert_int_equal(alert->n_effects, 2);
    assert_int_equal(alert->effects[1].track, TRACK_TRUST);
    assert_int_equal(alert->effects[1].flag, -1); /* unused argument */
    assert_int_equal(direct->target, TGT_ROLE);
    assert_true(direct->once_per_round);
    assert_int_equal(direct->effects[0].role, ROLE_TARGET);
    assert_int_equal(logs->effects[1].op, rules_effect_find("noise"));
    assert_int_equal(logs->effects[1].room, ROOM_TARGET);
    assert_int_equal(logs->effects[1].amount, 2);
}

static void test_loader_tiny_scenario(void **state)
{
    const ruleset *rs = *state;
    const scenario_def *sc = &rs->scenarios[0];
    assert_string_equal(sc->id, "tiny");
    assert_string_equal(sc->malware.en, "TestMal");
    assert_true(sc->tutorial);
    assert_int_equal(sc->days, 2);
    assert_int_equal(sc->phases_per_day, 3); /* default */
    assert_int_equal(sc->beacon_min, 2);
    assert_int_equal(sc->beacon_max, 4);
    assert_int_equal(sc->noise_min, 0);
    assert_int_equal(sc->noise_max, 1);
    assert_int_equal(sc->exfil, 2);
    assert_int_equal(sc->spread_pct, 25);
    assert_int_equal(sc->spread_every, 0);
    assert_int_equal(sc->track_start[TRACK_TRUST], 4);
    assert_int_equal(sc->track_max[TRACK_TRUST], 10);
    assert_int_equal(sc->track_max[TRACK_LEAK], 8);
    assert_int_equal(sc->track_max[TRACK_IMPACT], 6);
    assert_int_equal(sc->n_roles, 2);
    assert_int_equal(sc->roles[0], 1);
    assert_int_equal(sc->roles[1], 0);
    assert_non_null(sc->fallback);
    assert_int_equal(sc->fallback[0], -1);
    assert_int_equal(sc->fallback[1], 0);
    assert_int_equal(sc->n_segments, 2);
    assert_int_equal(sc->n_rooms, 2);
    assert_int_equal(sc->rooms[1].segment, 1);
    assert_int_equal(sc->rooms[1].x, 50);
    assert_int_equal(sc->rooms[1].h, 100);
    assert_int_equal(sc->n_terminals, 3);
    assert_string_equal(sc->terminals[0].id, "T1");
    assert_string_equal(sc->terminals[0].owner.ja, "田中");
    assert_int_equal(sc->terminals[0].noise, 1);
    assert_string_equal(sc->terminals[1].owner.en, "");
    assert_int_equal(sc->terminals[2].room, 1);
    assert_int_equal(sc->terminals[2].kind, 1);
    assert_int_equal(sc->n_infections, 1);
    assert_int_equal(sc->infections[0].terminal, 1);
    assert_int_equal(sc->infections[0].route, ROUTE_DRIVEBY);
    assert_int_equal(sc->random_infections, 1);
    assert_int_equal(sc->random_routes, 1u << ROUTE_USB);
    assert_int_equal(sc->n_deck, 3);
    assert_int_equal(sc->deck[0], 0);
    assert_int_equal(sc->deck[2], 1);
    assert_int_equal(sc->n_schedule, 1);
    assert_int_equal(sc->schedule[0].round, 2);
    assert_int_equal(sc->schedule[0].event, 2);
    assert_int_equal(sc->n_hints, 2);
    assert_int_equal(sc->hints[0].phase, PHASE_ACTION);
    assert_int_equal(sc->hints[0].role, 0);
    assert_int_equal(sc->hints[1].round, 0);
    assert_int_equal(sc->hints[1].phase, -1);
    assert_int_equal(sc->hints[1].role, -1);
    assert_int_equal(sc->solo_seconds, 300);
    assert_int_equal(sc->meeting_seconds, 60);
    assert_int_equal(sc->score.win, 50);
    assert_int_equal(sc->score.rank_s, 95);
    assert_int_equal(sc->score.rank_a, 75);
}

/* The same bytes give the same hash from disk or memory, in any order; any byte changes it. */
static void test_loader_hash(void **state)
{
    const ruleset *disk = *state;
    static const char *const names[] = {"cards/roles.yaml", "cards/terminals.yaml",
                                        "cards/events.yaml", "cards/actions.yaml",
                                        "scenarios/tiny.yaml"};
    data_file files[5];
    char *texts[5];
    for (size_t i = 0; i < 5; i++) {
        char *path = data_path_join(MALCON_FIXTURES "/tiny", names[4 - i]);
        core_err err = {0};
        size_t len = 0;
        texts[i] = data_read_file(path, 0, &len, &err);
        assert_non_null(texts[i]);
        files[i] = (data_file){names[4 - i], texts[i], len};
        free(path);
    }
    core_err err = {0};
    ruleset *mem = data_load_mem(files, 5, NULL, &err);
    assert_non_null(mem);
    assert_true(disk->hash != 0);
    assert_true(mem->hash == disk->hash);
    ruleset_free(mem);

    /* a change inside a comment changes the content hash */
    for (size_t i = 0; i < 5; i++)
        if (strcmp(files[i].name, "cards/roles.yaml") == 0)
            texts[i][2] = texts[i][2] == 'r' ? 'R' : 'r';
    mem = data_load_mem(files, 5, NULL, &err);
    assert_non_null(mem);
    assert_true(mem->hash != disk->hash);
    ruleset_free(mem);
    for (size_t i = 0; i < 5; i++)
        free(texts[i]);
}

/* ---- the shipped content ---- */

static void test_loader_shipped_content(void **state)
{
    (void)state;
    struct stat st;
    if (stat(MALCON_TEST_CONTENT "/cards/roles.yaml", &st) != 0)
        skip(); /* the content is written in parallel; only while it is absent */
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    print_errors(&err);
    assert_non_null(rs);
    assert_int_equal(core_err_errors(&err), 0);
    /* GAME.md: 4 core + 4 expansion roles, at least 20 events, at least 4 scenarios */
    assert_true(rs->n_roles >= 8);
    assert_true(rs->n_events >= 20);
    assert_true(rs->n_scenarios >= 4);
    assert_true(rs->n_kinds >= 1);
    for (size_t i = 0; i < rs->n_scenarios; i++) {
        game_setup su;
        setup_default(&su, rs, (int)i, 7);
        char why[RULES_WHY_MAX] = "";
        game_state *s = state_new(rs, (int)i, &su, why, sizeof why);
        if (!s)
            print_message("scenario %s: %s\n", rs->scenarios[i].id, why);
        assert_non_null(s);
        state_free(s);
    }
    ruleset_free(rs);
    core_err_free(&err);
}

int main(void)
{
    const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_loader_base_set_is_valid),
        cmocka_unit_test(test_loader_reports_every_error_in_a_file),
        cmocka_unit_test(test_loader_errors_across_files_in_file_order),
        cmocka_unit_test(test_loader_missing_card_file),
        cmocka_unit_test(test_loader_missing_root_reports_io),
        cmocka_unit_test(test_loader_file_size_limit),
        cmocka_unit_test(test_loader_missing_asset_is_a_warning),
        cmocka_unit_test(test_loader_symlink_out_of_root_is_refused),
        cmocka_unit_test(test_loader_too_many_scenario_files),
        cmocka_unit_test_setup_teardown(test_loader_tiny_cards, tiny_setup, tiny_teardown),
        cmocka_unit_test_setup_teardown(test_loader_tiny_scenario, tiny_setup, tiny_teardown),
        cmocka_unit_test_setup_teardown(test_loader_hash, tiny_setup, tiny_teardown),
        cmocka_unit_test(test_loader_shipped_content),
    };
    size_t n_rows = sizeof error_rows / sizeof error_rows[0];
    size_t n_fixed = sizeof fixed / sizeof fixed[0];
    struct CMUnitTest *tests = calloc(n_rows + n_fixed, sizeof *tests);
    char **names = calloc(n_rows, sizeof *names);
    if (!tests || !names)
        return 1;
    for (size_t i = 0; i < n_rows; i++) {
        core_str s = {0};
        core_str_printf(&s, "test_loader_error_%s", error_rows[i].name);
        names[i] = core_str_take(&s);
        tests[i] = (struct CMUnitTest){names[i], test_loader_error_row, NULL, NULL,
                                       (void *)&error_rows[i]};
    }
    memcpy(tests + n_rows, fixed, sizeof fixed);
    int failed = _cmocka_run_group_tests("loader", tests, n_rows + n_fixed, NULL, NULL);
    for (size_t i = 0; i < n_rows; i++)
        free(names[i]);
    free(names);
    free(tests);
    return failed;
}
