/* tables.c: the field tables of every content file (one row per YAML key) and the checks that
 * span several fields. The schema text, the loader and the designer docs all come from here. */
#include "fields.h"

#include "data.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

/* Enum-typed struct members are written through int pointers. */
static_assert(sizeof(route) == sizeof(int), "route must be int-sized");

/* ---- row helpers: one macro per field type ---- */

#define TEXT(k, S, m, req, d)                                                                      \
    {                                                                                              \
        .key = k, .type = FT_TEXT, .offset = offsetof(S, m), .required = req, .doc = d             \
    }
#define ML(k, S, m, req, d)                                                                        \
    {                                                                                              \
        .key = k, .type = FT_ML, .offset = offsetof(S, m), .required = req, .doc = d               \
    }
#define ID(k, S, m, up, d)                                                                         \
    {                                                                                              \
        .key = k, .type = FT_ID, .offset = offsetof(S, m), .required = true, .aux = up, .doc = d   \
    }
#define INT(k, S, m, req, dv, lo, hi, d)                                                           \
    {                                                                                              \
        .key = k, .type = FT_INT, .offset = offsetof(S, m), .required = req, .def = dv, .min = lo, \
        .max = hi, .doc = d                                                                        \
    }
#define BOOL(k, S, m, dv, d)                                                                       \
    {                                                                                              \
        .key = k, .type = FT_BOOL, .offset = offsetof(S, m), .def = dv, .doc = d                   \
    }
#define ENUM(k, S, m, req, dv, e, d)                                                               \
    {                                                                                              \
        .key = k, .type = FT_ENUM, .offset = offsetof(S, m), .required = req, .def = dv,           \
        .aux = &e, .doc = d                                                                        \
    }
#define MASK(k, S, m, e, d)                                                                        \
    {                                                                                              \
        .key = k, .type = FT_MASK, .offset = offsetof(S, m), .aux = &e, .doc = d                   \
    }
#define NAME(k, S, m, req, e, d)                                                                   \
    {                                                                                              \
        .key = k, .type = FT_NAME, .offset = offsetof(S, m), .required = req, .aux = &e, .doc = d  \
    }
#define REF(k, S, m, req, dv, r, d)                                                                \
    {                                                                                              \
        .key = k, .type = FT_REF, .offset = offsetof(S, m), .required = req, .def = dv, .aux = &r, \
        .doc = d                                                                                   \
    }
#define REFS(k, S, m, cnt, req, lo, hi, r, d)                                                      \
    {                                                                                              \
        .key = k, .type = FT_REFS, .offset = offsetof(S, m), .count_off = offsetof(S, cnt),        \
        .required = req, .min = lo, .max = hi, .aux = &r, .doc = d                                 \
    }
#define PATH(k, S, m, d)                                                                           \
    {                                                                                              \
        .key = k, .type = FT_PATH, .offset = offsetof(S, m), .doc = d                              \
    }
#define COLOR(k, S, m, dv, d)                                                                      \
    {                                                                                              \
        .key = k, .type = FT_COLOR, .offset = offsetof(S, m), .def = dv, .doc = d                  \
    }
#define GROUP(k, off, t, d)                                                                        \
    {                                                                                              \
        .key = k, .type = FT_GROUP, .offset = off, .aux = &t, .doc = d                             \
    }
#define LIST(k, S, m, cnt, req, lo, hi, t, d)                                                      \
    {                                                                                              \
        .key = k, .type = FT_LIST, .offset = offsetof(S, m), .count_off = offsetof(S, cnt),        \
        .required = req, .min = lo, .max = hi, .aux = &t, .doc = d                                 \
    }
#define EFFECTS(k, S, m, cnt, req, lo, hi, d)                                                      \
    {                                                                                              \
        .key = k, .type = FT_EFFECTS, .offset = offsetof(S, m), .count_off = offsetof(S, cnt),     \
        .required = req, .min = lo, .max = hi, .doc = d                                            \
    }
#define TABLE(var, nm, rows, S, init_fn, check_fn, d)                                              \
    const field_table var = {nm,       rows, sizeof rows / sizeof rows[0], sizeof(S), init_fn,     \
                             check_fn, d}

/* ---- names ---- */

static const char *tables_route_name(int v)
{
    return route_name((route)v);
}

static const char *tables_track_name(int v)
{
    return track_name((track)v);
}

static const char *tables_flag_name(int v)
{
    return flag_name((flag)v);
}

static const char *tables_target_name(int v)
{
    return target_kind_name((target_kind)v);
}

static const char *tables_filter_name(int v)
{
    return target_filter_name((target_filter)v);
}

static const char *tables_icon_name(int v)
{
    static const char *const names[] = {"pc",    "laptop", "server", "printer",
                                        "phone", "nas",    "camera"};
    return v >= 0 && v < (int)(sizeof names / sizeof names[0]) ? names[v] : NULL;
}

/* Hint phases: the rules' phases a hint may wait for (rules.h PHASE_SETUP..PHASE_MEETING). */
static const char *tables_phase_name(int v)
{
    static const char *const names[] = {"setup", "malware", "event", "action", "meeting"};
    return v >= 0 && v < (int)(sizeof names / sizeof names[0]) ? names[v] : NULL;
}

const field_enum tables_flags = {"flag", tables_flag_name, 0, FLAG_COUNT};
const field_enum tables_routes = {"route", tables_route_name, ROUTE_MAIL, ROUTE_COUNT - ROUTE_MAIL};
const field_enum tables_tracks = {"track", tables_track_name, 0, TRACK_COUNT};
const field_enum tables_targets = {"target kind", tables_target_name, TGT_NONE, TGT_ROLE_PAIR + 1};
const field_enum tables_filters = {"filter", tables_filter_name, 0, TF_COUNT};
const field_enum tables_icons = {"icon", tables_icon_name, 0, 7};
const field_enum tables_phases = {"phase", tables_phase_name, PHASE_SETUP, PHASE_MEETING + 1};

const char *tables_ref_name(ref_kind k)
{
    static const char *const names[REF_KIND_COUNT] = {"special", "role", "event",   "kind",
                                                      "segment", "room", "terminal"};
    return (int)k >= 0 && k < REF_KIND_COUNT ? names[k] : "?";
}

static const field_special tables_role_specials[] = {{"target", ROLE_TARGET},
                                                     {"actor", ROLE_ACTOR},
                                                     {"random", ROLE_RANDOM},
                                                     {"source", ROLE_SOURCE}};
static const field_special tables_kind_specials[] = {{"any", KIND_ANY}};
static const field_special tables_room_specials[] = {{"target", ROOM_TARGET},
                                                     {"random", ROOM_RANDOM}};

const field_ref tables_effect_role = {REF_ROLE, tables_role_specials, 4};
const field_ref tables_effect_kind = {REF_KIND, tables_kind_specials, 1};
const field_ref tables_effect_room = {REF_NONE, tables_room_specials, 2};
static const field_ref tables_role = {REF_ROLE, NULL, 0};
static const field_ref tables_event = {REF_EVENT, NULL, 0};
static const field_ref tables_kind = {REF_KIND, NULL, 0};
static const field_ref tables_segment = {REF_SEGMENT, NULL, 0};
static const field_ref tables_room = {REF_ROOM, NULL, 0};
static const field_ref tables_terminal = {REF_TERMINAL, NULL, 0};

/* ---- bilingual text ---- */

static const field ml_rows[] = {
    TEXT("ja", ml_text, ja, true, "Japanese text"),
    TEXT("en", ml_text, en, true, "English text"),
};
TABLE(tables_ml, "text", ml_rows, ml_text, NULL, NULL,
      "text in both languages: {ja: ..., en: ...}");

/* ---- effects ---- */

static const field effect_rows[] = {
    {.key = "do",
     .type = FT_OP,
     .offset = offsetof(effect, op),
     .required = true,
     .def = -1,
     .doc = "the effect's name (see the effect vocabulary)"},
    {.key = "amount",
     .type = FT_INT,
     .offset = offsetof(effect, amount),
     .def = 0,
     .min = -99,
     .max = 99,
     .arg = EA_AMOUNT,
     .doc = "signed amount"},
    {.key = "track",
     .type = FT_ENUM,
     .offset = offsetof(effect, track),
     .def = -1,
     .aux = &tables_tracks,
     .arg = EA_TRACK,
     .doc = "a track"},
    {.key = "flag",
     .type = FT_ENUM,
     .offset = offsetof(effect, flag),
     .def = -1,
     .aux = &tables_flags,
     .arg = EA_FLAG,
     .doc = "a game flag"},
    {.key = "route",
     .type = FT_ENUM,
     .offset = offsetof(effect, route),
     .def = ROUTE_NONE,
     .aux = &tables_routes,
     .arg = EA_ROUTE,
     .doc = "an infection route"},
    {.key = "role",
     .type = FT_REF,
     .offset = offsetof(effect, role),
     .def = ROLE_NONE,
     .aux = &tables_effect_role,
     .arg = EA_ROLE,
     .doc = "a role id, or target (the action's role target), actor (the acting role), random, "
            "source (the first role of a role_pair target)"},
    {.key = "kind",
     .type = FT_REF,
     .offset = offsetof(effect, kind),
     .def = KIND_ANY,
     .aux = &tables_effect_kind,
     .arg = EA_KIND,
     .doc = "a terminal kind id, or any"},
    {.key = "room",
     .type = FT_REF,
     .offset = offsetof(effect, room),
     .def = -1,
     .aux = &tables_effect_room,
     .arg = EA_ROOM,
     .doc = "target (the action's room target) or random; absent: any room"},
    {.key = "event",
     .type = FT_REF,
     .offset = offsetof(effect, event),
     .def = -1,
     .aux = &tables_event,
     .arg = EA_EVENT,
     .doc = "an event id"},
    MASK("unless", effect, unless, tables_flags,
         "the effect does nothing when any of these flags is set"),
    MASK("if", effect, only_if, tables_flags,
         "the effect does nothing unless all of these flags are set"),
};
TABLE(tables_effect, "effect", effect_rows, effect, NULL, NULL,
      "{do: <effect>, <arguments>..., unless: [flags], if: [flags]}");

/* ---- cards/roles.yaml ---- */

static void tables_role_check(load_ctx *c, void *obj, const ynode *map)
{
    const role_def *r = obj;
    fields_check_effects(c, r->passive_effects, r->n_passive_effects,
                         ynode_get(map, "passive_effects"), FIELDS_CTX_PASSIVE);
}

static const field role_rows[] = {
    ID("id", role_def, id, NULL, "stable id (saves, logs and actions refer to it)"),
    ML("name", role_def, name, true, "the role's name"),
    ML("desc", role_def, desc, true, "the role's description (from the seed debrief)"),
    ML("passive", role_def, passive, false, "text of the passive ability"),
    EFFECTS("passive_effects", role_def, passive_effects, n_passive_effects, false, 0, 16,
            "effects applied at the start of every round while the role is in play"),
    INT("ap", role_def, ap, false, 2, 0, 9, "action points per round"),
    BOOL("core", role_def, core, false, "one of the four core roles"),
    COLOR("color", role_def, color, 0x808080, "card colour \"#rrggbb\" (quoted)"),
    PATH("art", role_def, art, "card art under assets/ (a drawn card when absent or missing)"),
};
static TABLE(tables_role_item, "role", role_rows, role_def, NULL, tables_role_check, "a role card");

static const field roles_file_rows[] = {
    LIST("roles", ruleset, roles, n_roles, true, 1, RULES_MAX_ROLES, tables_role_item, "the roles"),
};
TABLE(tables_roles_file, "roles.yaml", roles_file_rows, ruleset, NULL, NULL, "the role cards");

/* ---- cards/actions.yaml ---- */

static void tables_action_check(load_ctx *c, void *obj, const ynode *map)
{
    const action_def *a = obj;
    const ynode *filter = ynode_get(map, "filter");
    if (filter && !filter->bad && a->target != TGT_TERMINAL && a->filter != TF_ANY)
        fields_error(c, ERR_VALUE, filter, "'filter' applies to terminal targets only (target: %s)",
                     target_kind_name(a->target));
    if (a->requires & a->forbids)
        fields_error(c, ERR_VALUE, ynode_get(map, "forbids"),
                     "a flag is both required and forbidden: the action could never be played");
    if (a->fallback >= 0 && a->fallback == a->role)
        fields_error(c, ERR_VALUE, ynode_get(map, "fallback"),
                     "'fallback' names the owning role itself");
    fields_check_effects(c, a->effects, a->n_effects, ynode_get(map, "effects"), (int)a->target);
}

static const field action_rows[] = {
    ID("id", action_def, id, NULL, "stable id (action lines in saves and replays use it)"),
    ML("name", action_def, name, true, "the action's name"),
    ML("desc", action_def, desc, true, "what it does (tooltips and cards)"),
    REF("role", action_def, role, true, -1, tables_role, "the owning role"),
    REF("fallback", action_def, fallback, false, -1, tables_role,
        "the role that plays it when the owner is not in play (else the scenario's fallback)"),
    INT("ap", action_def, ap, true, 1, 0, 9, "cost in action points"),
    ENUM("target", action_def, target, true, TGT_NONE, tables_targets, "what the action aims at"),
    ENUM("filter", action_def, filter, false, TF_ANY, tables_filters,
         "which terminals are legal targets (terminal targets only)"),
    MASK("requires", action_def, requires, tables_flags, "flags that must all be set"),
    MASK("forbids", action_def, forbids, tables_flags, "flags that must all be clear"),
    BOOL("once_per_round", action_def, once_per_round, false, "at most once per round"),
    BOOL("once_per_game", action_def, once_per_game, false, "at most once per game"),
    BOOL("private", action_def, is_private, false, "its result is private to the acting role"),
    EFFECTS("effects", action_def, effects, n_effects, true, 1, 16, "what it does, in order"),
    PATH("art", action_def, art, "card art under assets/"),
};
static TABLE(tables_action_item, "action", action_rows, action_def, NULL, tables_action_check,
             "an action card");

static const field actions_file_rows[] = {
    /* the rules' state keeps per-action arrays of RULES_MAX_ACTIONS */
    LIST("actions", ruleset, actions, n_actions, true, 1, RULES_MAX_ACTIONS, tables_action_item,
         "the actions"),
};
TABLE(tables_actions_file, "actions.yaml", actions_file_rows, ruleset, NULL, NULL,
      "the action cards");

/* ---- cards/events.yaml ---- */

static void tables_event_check(load_ctx *c, void *obj, const ynode *map)
{
    const event_def *e = obj;
    fields_check_effects(c, e->effects, e->n_effects, ynode_get(map, "effects"), FIELDS_CTX_EVENT);
}

static const field event_rows[] = {
    ID("id", event_def, id, NULL, "stable id"),
    ML("title", event_def, title, true, "the card's title"),
    ML("flavour", event_def, flavour, true, "the story on the card"),
    ML("rule", event_def, rule, false, "the rule text (empty: described from the effects)"),
    INT("copies", event_def, copies, false, 1, 0, 9, "copies in the default deck"),
    EFFECTS("effects", event_def, effects, n_effects, true, 0, 16, "what it does, in order"),
    PATH("art", event_def, art, "card art under assets/"),
};
static TABLE(tables_event_item, "event", event_rows, event_def, NULL, tables_event_check,
             "an event card");

/* The default deck (every event with its copies) must fit the rules' deck of RULES_MAX_DECK
 * cards, or no scenario without its own deck could start. */
static void tables_events_file_check(load_ctx *c, void *obj, const ynode *map)
{
    const ruleset *rs = obj;
    size_t deck = 0;
    for (size_t i = 0; i < rs->n_events; i++)
        deck += rs->events[i].copies > 0 ? (size_t)rs->events[i].copies : 0;
    if (deck > RULES_MAX_DECK)
        fields_error(c, ERR_LIMIT, ynode_get(map, "events"),
                     "the default deck would hold %zu cards (copies added up), at most %d", deck,
                     RULES_MAX_DECK);
}

static const field events_file_rows[] = {
    LIST("events", ruleset, events, n_events, true, 1, DATA_MAX_ITEMS, tables_event_item,
         "the events"),
};
TABLE(tables_events_file, "events.yaml", events_file_rows, ruleset, NULL, tables_events_file_check,
      "the event cards");

/* ---- cards/terminals.yaml ---- */

static const field kind_rows[] = {
    ID("id", kind_def, id, NULL, "stable id"),
    ML("name", kind_def, name, true, "the kind's name"),
    NAME("icon", kind_def, icon, true, tables_icons, "the drawn icon"),
    BOOL("rebootable", kind_def, rebootable, false,
         "employees may reboot it (its volatile evidence is lost)"),
    PATH("art", kind_def, art, "card art under assets/"),
};
static TABLE(tables_kind_item, "kind", kind_rows, kind_def, NULL, NULL, "a terminal kind");

static const field terminals_file_rows[] = {
    LIST("kinds", ruleset, kinds, n_kinds, true, 1, DATA_MAX_ITEMS, tables_kind_item,
         "the terminal kinds"),
};
TABLE(tables_terminals_file, "terminals.yaml", terminals_file_rows, ruleset, NULL, NULL,
      "the terminal deck (kinds of terminal)");

/* ---- scenarios/NAME.yaml ---- */

static const field clock_rows[] = {
    INT("days", scenario_def, days, false, 3, 1, RULES_MAX_ROUNDS, "days until the briefing"),
    INT("phases_per_day", scenario_def, phases_per_day, false, 3, 1, 3,
        "rounds per day (morning, afternoon, evening); days x phases_per_day <= 32"),
};
static TABLE(tables_clock, "clock", clock_rows, scenario_def, NULL, NULL, "the game clock");

static const field beacon_rows[] = {
    INT("min", scenario_def, beacon_min, false, 1, 0, 9, "fewest beacons"),
    INT("max", scenario_def, beacon_max, false, 3, 0, 9, "most beacons (>= min)"),
};
static TABLE(tables_beacon, "beacon", beacon_rows, scenario_def, NULL, NULL,
             "beacons per active infection per round");

static const field noise_rows[] = {
    INT("min", scenario_def, noise_min, false, 0, 0, 9, "least noise"),
    INT("max", scenario_def, noise_max, false, 1, 0, 9, "most noise (>= min)"),
};
static TABLE(tables_noise, "noise", noise_rows, scenario_def, NULL, NULL,
             "clamp of a decoy terminal's noise per round");

static const field spread_rows[] = {
    INT("chance", scenario_def, spread_pct, false, 50, 0, 100,
        "% chance per active infection at each spread time"),
    INT("every", scenario_def, spread_every, false, 0, 0, RULES_MAX_ROUNDS,
        "rounds between spreads (0: phases_per_day, the end of each day)"),
};
static TABLE(tables_spread, "spread", spread_rows, scenario_def, NULL, NULL,
             "spread of active infections within their segment");

#define TRACK_TABLE(name, idx)                                                                     \
    static const field track_##name##_rows[] = {                                                   \
        INT("start", scenario_def, track_start[idx], false, 0, 0, 99, "value at the start"),       \
        INT("max", scenario_def, track_max[idx], false, 10, 1, 99, "maximum (>= start)"),          \
    };                                                                                             \
    static TABLE(tables_track_##name, #name, track_##name##_rows, scenario_def, NULL, NULL,        \
                 "start and maximum of the " #name " track")
TRACK_TABLE(leak, TRACK_LEAK);
TRACK_TABLE(impact, TRACK_IMPACT);
TRACK_TABLE(trust, TRACK_TRUST);
TRACK_TABLE(evidence, TRACK_EVIDENCE);

static const field tracks_rows[] = {
    GROUP("leak", 0, tables_track_leak, "Leak (情報漏えい): at its maximum the game is lost"),
    GROUP("impact", 0, tables_track_impact,
          "Business impact (業務影響): at its maximum the game is lost"),
    GROUP("trust", 0, tables_track_trust, "Trust (信頼)"),
    GROUP("evidence", 0, tables_track_evidence, "Evidence preserved (証拠)"),
};
static TABLE(tables_tracks_group, "tracks", tracks_rows, scenario_def, NULL, NULL,
             "the tracks' start and maximum");

#define SCORE_ROW(k, d) INT(#k, score_weights, k, false, 0, 0, 100, d)
static const field score_rows[] = {
    SCORE_ROW(win, "points for winning"),
    SCORE_ROW(per_round_left, "per round left when the game ended"),
    SCORE_ROW(per_evidence, "per infected terminal with full evidence"),
    SCORE_ROW(per_partial, "per infected terminal with disk-only evidence"),
    SCORE_ROW(per_trust, "per point of Trust"),
    SCORE_ROW(briefing, "for a prepared customer briefing"),
    SCORE_ROW(per_leak, "subtracted per point of Leak"),
    SCORE_ROW(per_impact, "subtracted per point of Business impact"),
    SCORE_ROW(time_bonus_max, "solo: most points for time left"),
    SCORE_ROW(rank_s, "threshold of rank S"),
    SCORE_ROW(rank_a, "threshold of rank A"),
    SCORE_ROW(rank_b, "threshold of rank B"),
    SCORE_ROW(rank_c, "threshold of rank C (below: D)"),
};
static TABLE(tables_score, "score", score_rows, score_weights, NULL, NULL,
             "score weights (0..100 each)");

static const field segment_rows[] = {
    ID("id", segment_def, id, NULL, "stable id"),
    ML("name", segment_def, name, true, "the segment's name"),
};
static TABLE(tables_segment_item, "segment", segment_rows, segment_def, NULL, NULL,
             "a network segment (rooms in one segment can infect each other)");

static void tables_room_check(load_ctx *c, void *obj, const ynode *map)
{
    const room_def *r = obj;
    const ynode *at = ynode_get(map, "at");
    if (!at || at->bad || at->type != YN_SEQ || at->n != 4)
        return;
    if (r->w < 1 || r->h < 1 || r->x + r->w > 100 || r->y + r->h > 100)
        fields_error(c, ERR_RANGE, at,
                     "'at' [%d, %d, %d, %d] must fit the 100 x 100 floor plan with w, h >= 1", r->x,
                     r->y, r->w, r->h);
}

static const field room_rows[] = {
    ID("id", room_def, id, NULL, "stable id"),
    ML("name", room_def, name, true, "the room's name"),
    REF("segment", room_def, segment, true, -1, tables_segment, "its network segment"),
    {.key = "at",
     .type = FT_INTS,
     .offset = offsetof(room_def, x),
     .required = true,
     .min = 0,
     .max = 100,
     .len = 4,
     .doc = "[x, y, w, h] on the 100 x 100 floor plan"},
};
static TABLE(tables_room_item, "room", room_rows, room_def, NULL, tables_room_check, "a room");

static const field terminal_rows[] = {
    ID("id", terminal_def, id, "upper", "stable id (upper case allowed: T01)"),
    REF("room", terminal_def, room, true, -1, tables_room, "the room it stands in"),
    REF("kind", terminal_def, kind, true, -1, tables_kind, "its kind (cards/terminals.yaml)"),
    ML("owner", terminal_def, owner, false, "owner label"),
    INT("noise", terminal_def, noise, false, 0, 0, 9,
        "benign noise: a decoy adds 0..noise per round"),
};
static TABLE(tables_terminal_item, "terminal", terminal_rows, terminal_def, NULL, NULL,
             "a terminal card, face down at the start");

static const field infection_rows[] = {
    REF("terminal", infection_def, terminal, true, -1, tables_terminal, "the infected terminal"),
    ENUM("route", infection_def, route, true, ROUTE_NONE, tables_routes, "how it got in"),
};
static TABLE(tables_infection_item, "infection", infection_rows, infection_def, NULL, NULL,
             "an infection placed at setup");

static const field schedule_rows[] = {
    INT("round", schedule_def, round, true, 1, 1, RULES_MAX_ROUNDS, "1-based round"),
    REF("event", schedule_def, event, true, -1, tables_event, "the event resolved that round"),
};
static TABLE(tables_schedule_item, "schedule entry", schedule_rows, schedule_def, NULL, NULL,
             "an event at a fixed round");

static const field hint_rows[] = {
    INT("round", hint_def, round, false, 0, 0, RULES_MAX_ROUNDS, "1-based round (0: any)"),
    ENUM("phase", hint_def, phase, false, -1, tables_phases, "the phase (absent: any)"),
    REF("role", hint_def, role, false, -1, tables_role, "whose turn it is (absent: any)"),
    ML("text", hint_def, text, true, "the hint"),
};
static TABLE(tables_hint_item, "hint", hint_rows, hint_def, NULL, NULL, "a tutorial hint");

static void tables_scenario_init(void *obj)
{
    scenario_defaults(obj);
}

/* Reports the second of two equal scalars in list node seq (by their own text or by key). */
static void tables_dup_scalars(load_ctx *c, const ynode *seq, const char *key, const char *what)
{
    if (!seq || seq->bad || seq->type != YN_SEQ)
        return;
    for (size_t i = 1; i < seq->n; i++) {
        const ynode *a = key ? ynode_get(seq->kids[i], key) : seq->kids[i];
        if (!a || a->type != YN_SCALAR)
            continue;
        for (size_t j = 0; j < i; j++) {
            const ynode *b = key ? ynode_get(seq->kids[j], key) : seq->kids[j];
            if (b && b->type == YN_SCALAR && strcmp(a->text, b->text) == 0) {
                fields_error(c, ERR_DUPLICATE_ID, a, "%s '%s' is listed twice (first at line %d)",
                             what, a->text, b->line);
                break;
            }
        }
    }
}

static void tables_scenario_check(load_ctx *c, void *obj, const ynode *map)
{
    const scenario_def *sc = obj;
    int rounds = sc->days * sc->phases_per_day;
    if (rounds > RULES_MAX_ROUNDS)
        fields_error(c, ERR_RANGE, ynode_get(map, "clock"),
                     "the clock has %d x %d = %d rounds, at most %d", sc->days, sc->phases_per_day,
                     rounds, RULES_MAX_ROUNDS);
    if (sc->beacon_min > sc->beacon_max)
        fields_error(c, ERR_RANGE, ynode_get(map, "beacon"), "beacon min %d is above max %d",
                     sc->beacon_min, sc->beacon_max);
    if (sc->noise_min > sc->noise_max)
        fields_error(c, ERR_RANGE, ynode_get(map, "noise"), "noise min %d is above max %d",
                     sc->noise_min, sc->noise_max);
    const ynode *tracks = ynode_get(map, "tracks");
    for (int t = 0; t < TRACK_COUNT; t++) {
        if (sc->track_start[t] > sc->track_max[t]) {
            const ynode *at = ynode_get(tracks, track_name((track)t));
            fields_error(c, ERR_RANGE,
                         at       ? at
                         : tracks ? tracks
                                  : map,
                         "track %s starts at %d, above its max %d", track_name((track)t),
                         sc->track_start[t], sc->track_max[t]);
        }
    }
    const ynode *sched = ynode_get(map, "schedule");
    for (size_t i = 0; i < sc->n_schedule && sched && i < sched->n; i++)
        if (sc->schedule[i].round > rounds)
            fields_error(c, ERR_RANGE, ynode_get(sched->kids[i], "round"),
                         "schedule round %d is after the last round (%d)", sc->schedule[i].round,
                         rounds);
    const ynode *hints = ynode_get(map, "hints");
    for (size_t i = 0; i < sc->n_hints && hints && i < hints->n; i++)
        if (sc->hints[i].round > rounds)
            fields_error(c, ERR_RANGE, ynode_get(hints->kids[i], "round"),
                         "hint round %d is after the last round (%d)", sc->hints[i].round, rounds);
    if ((size_t)sc->random_infections + sc->n_infections > sc->n_terminals && sc->n_terminals)
        fields_error(c, ERR_RANGE,
                     ynode_get(map, "random_infections") ? ynode_get(map, "random_infections")
                                                         : ynode_get(map, "infections"),
                     "%zu fixed + %d random infections but only %zu terminals", sc->n_infections,
                     sc->random_infections, sc->n_terminals);
    if (sc->random_infections > 0 && !sc->random_routes)
        fields_error(c, ERR_VALUE, ynode_get(map, "random_routes"),
                     "random infections need at least one route in 'random_routes'");
    const score_weights *w = &sc->score;
    if (!(w->rank_s >= w->rank_a && w->rank_a >= w->rank_b && w->rank_b >= w->rank_c))
        fields_error(c, ERR_VALUE, ynode_get(map, "score"),
                     "rank thresholds must not increase: rank_s >= rank_a >= rank_b >= rank_c");
    tables_dup_scalars(c, ynode_get(map, "roles"), NULL, "role");
    tables_dup_scalars(c, ynode_get(map, "infections"), "terminal", "infected terminal");
}

static const field scenario_rows[] = {
    ID("id", scenario_def, id, NULL, "stable id (saves refer to it)"),
    ML("name", scenario_def, name, true, "the scenario's name"),
    ML("desc", scenario_def, desc, true, "the briefing read at the start"),
    ML("malware", scenario_def, malware, false,
       "the malware family's name (revealed by profiling)"),
    BOOL("tutorial", scenario_def, tutorial, false, "tutorial hints are shown"),
    GROUP("clock", 0, tables_clock, "{days, phases_per_day}"),
    GROUP("beacon", 0, tables_beacon, "{min, max} beacons per active infection per round"),
    GROUP("noise", 0, tables_noise, "{min, max} noise of a decoy per round"),
    INT("exfil", scenario_def, exfil, false, 1, 0, 9, "Leak per active infection per round"),
    GROUP("spread", 0, tables_spread, "{chance, every}"),
    GROUP("tracks", 0, tables_tracks_group, "{leak, impact, trust, evidence}: {start, max}"),
    REFS("roles", scenario_def, roles, n_roles, true, 1, RULES_MAX_ROLES, tables_role,
         "roles in play, in turn order"),
    {.key = "fallback",
     .type = FT_REF_MAP,
     .offset = offsetof(scenario_def, fallback),
     .aux = &tables_role,
     .doc = "{absent role: role in play}: who takes an absent role's actions (when the action "
            "names no fallback)"},
    LIST("segments", scenario_def, segments, n_segments, true, 1, RULES_MAX_ROOMS,
         tables_segment_item, "network segments"),
    LIST("rooms", scenario_def, rooms, n_rooms, true, 1, RULES_MAX_ROOMS, tables_room_item,
         "the rooms"),
    LIST("terminals", scenario_def, terminals, n_terminals, true, 1, RULES_MAX_TERMINALS,
         tables_terminal_item, "the terminals (1..3 per room recommended)"),
    LIST("infections", scenario_def, infections, n_infections, false, 0, RULES_MAX_TERMINALS,
         tables_infection_item, "fixed infections at setup"),
    INT("random_infections", scenario_def, random_infections, false, 0, 0, RULES_MAX_TERMINALS,
        "more infections placed from the seed at setup"),
    MASK("random_routes", scenario_def, random_routes, tables_routes,
         "routes of the random infections"),
    REFS("deck", scenario_def, deck, n_deck, false, 1, DATA_MAX_ITEMS, tables_event,
         "the event deck, repeats allowed (absent: every event with its copies)"),
    LIST("schedule", scenario_def, schedule, n_schedule, false, 0, RULES_MAX_ROUNDS,
         tables_schedule_item, "events at fixed rounds"),
    LIST("hints", scenario_def, hints, n_hints, false, 0, DATA_MAX_ITEMS, tables_hint_item,
         "tutorial hints"),
    INT("solo_seconds", scenario_def, solo_seconds, false, 0, 0, 7200,
        "real-time limit for solo practice (0: none)"),
    INT("meeting_seconds", scenario_def, meeting_seconds, false, 60, 0, 600,
        "workshop meeting countdown"),
    GROUP("score", offsetof(scenario_def, score), tables_score, "score weights"),
};
TABLE(tables_scenario, "scenario", scenario_rows, scenario_def, tables_scenario_init,
      tables_scenario_check, "one scenario per file");

/* ---- cards/debrief.yaml (optional: the debrief's learning points) ---- */

static const char *tables_when_name(int v)
{
    return debrief_when_name((debrief_when)v);
}

const field_enum tables_whens = {"finding", tables_when_name, 0, DW_COUNT};

static const field debrief_point_rows[] = {
    ID("id", debrief_point, id, NULL, "stable id"),
    ML("title", debrief_point, title, true, "the point's heading"),
    ML("text", debrief_point, text, true, "the explanation"),
};
static TABLE(tables_debrief_point, "point", debrief_point_rows, debrief_point, NULL, NULL,
             "a learning point");

static const field debrief_section_rows[] = {
    ID("id", debrief_section, id, NULL, "stable id"),
    ML("title", debrief_section, title, true, "the section's heading"),
    ML("intro", debrief_section, intro, false, "a paragraph before the points"),
    LIST("points", debrief_section, points, n_points, true, 1, DATA_MAX_ITEMS,
         tables_debrief_point, "the points"),
};
static TABLE(tables_debrief_section, "section", debrief_section_rows, debrief_section, NULL, NULL,
             "a section of learning points");

static const field debrief_lesson_rows[] = {
    ENUM("when", debrief_lesson, when, true, 0, tables_whens,
         "the finding about the game that shows this lesson"),
    ML("text", debrief_lesson, text, true,
       "the lesson; {terminal}, {terminal2}, {room}, {round} and {event} name the finding's "
       "details"),
};
static TABLE(tables_debrief_lesson, "lesson", debrief_lesson_rows, debrief_lesson, NULL, NULL,
             "a lesson tied to what happened");

static const field debrief_file_rows[] = {
    ML("title", ruleset, debrief.title, true, "the debrief's title (ゲームを終えて)"),
    ML("intro", ruleset, debrief.intro, false, "the opening paragraph"),
    LIST("sections", ruleset, debrief.sections, debrief.n_sections, true, 1, DATA_MAX_ITEMS,
         tables_debrief_section, "sections of learning points, in reading order"),
    LIST("lessons", ruleset, debrief.lessons, debrief.n_lessons, false, 0, DATA_MAX_ITEMS,
         tables_debrief_lesson, "lessons tied to what happened in the game"),
};
TABLE(tables_debrief_file, "debrief.yaml", debrief_file_rows, ruleset, NULL, NULL,
      "the debrief's learning points (optional)");

const tables_file tables_files[] = {
    {"cards/roles.yaml", &tables_roles_file},   {"cards/actions.yaml", &tables_actions_file},
    {"cards/events.yaml", &tables_events_file}, {"cards/terminals.yaml", &tables_terminals_file},
    {"scenarios/*.yaml", &tables_scenario},     {"cards/debrief.yaml", &tables_debrief_file},
};
const size_t tables_n_files = sizeof tables_files / sizeof tables_files[0];
