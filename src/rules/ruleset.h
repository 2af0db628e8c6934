/* ruleset.h: the content model (roles, actions, events, terminal kinds, scenarios) the rules run
 * on.
 *
 * A ruleset is plain data. src/data fills it from YAML; tests may build one by hand. It owns
 * every string and array it points to and is freed with ruleset_free(). References between
 * items are indices into the ruleset's arrays (never pointers), so a ruleset can be copied
 * and compared. Included by rules.h, the library's public header.
 */
#ifndef MALCON_RULESET_H
#define MALCON_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Text in the two languages of the game. Both are owned, UTF-8, never NULL once loaded. */
typedef struct ml_text {
    char *ja;
    char *en;
} ml_text;

typedef enum lang { LANG_JA = 0, LANG_EN = 1, LANG_COUNT } lang;

/* Infection routes (YAML names: mail, driveby, usb, lateral). */
typedef enum route {
    ROUTE_NONE = 0,
    ROUTE_MAIL,
    ROUTE_DRIVEBY,
    ROUTE_USB,
    ROUTE_LATERAL,
    ROUTE_COUNT
} route;

/* Tracks (YAML names: leak, impact, trust, evidence). */
typedef enum track { TRACK_LEAK = 0, TRACK_IMPACT, TRACK_TRUST, TRACK_EVIDENCE, TRACK_COUNT } track;

/* Game flags: facts about the response that actions and events set and test.
 * YAML names are the lower-case tails: c2_known, c2_blocked, staff_alerted, ... */
typedef enum flag {
    FLAG_C2_KNOWN = 0,      /* the attacker's C2 indicator is known */
    FLAG_C2_BLOCKED,        /* the proxy blocks the C2: no Leak, no beacons */
    FLAG_STAFF_ALERTED,     /* all-staff alert sent: phishing no longer infects */
    FLAG_PATCHED,           /* patch campaign done: drive-by no longer infects */
    FLAG_BRIEFING_PREPARED, /* customer briefing prepared */
    FLAG_REPORTED_TODAY,    /* management got a report today (cleared at day end) */
    FLAG_JPCERT_CONTACTED,  /* JPCERT/CC contacted (ever) */
    FLAG_POLICE_CONSULTED,  /* the police consulted (ever) */
    FLAG_LOGS_NOISY,        /* the next log analysis is noisy (consumed by it) */
    FLAG_ATTACKER_QUIET,    /* no beacons in the next malware phase (consumed by it) */
    FLAG_PRESS_ANSWERED,    /* someone answered the press today (cleared at day end) */
    FLAG_COUNT
} flag;

/* What an action is aimed at. */
typedef enum target_kind {
    TGT_NONE = 0,
    TGT_TERMINAL,
    TGT_ROOM,
    TGT_ROLE,
    TGT_ROLE_PAIR /* two roles: from, to */
} target_kind;

/* Which terminals are legal targets (YAML names: any, face_down, examined_infected,
 * not_isolated, not_preserved, examinable). */
typedef enum target_filter {
    TF_ANY = 0,
    TF_FACE_DOWN,         /* not examined yet */
    TF_EXAMINED_INFECTED, /* examined and shown infected */
    TF_NOT_ISOLATED,      /* not isolated yet */
    TF_NOT_PRESERVED,     /* evidence not preserved yet */
    TF_EXAMINABLE,        /* not examined, or examined clean (a re-check) */
    TF_COUNT
} target_filter;

/* Special values for effect.role. */
#define ROLE_NONE   (-1)
#define ROLE_TARGET (-2) /* the action's role target (the "to" role of a pair) */
#define ROLE_RANDOM (-3) /* a role in play, drawn from the game's RNG */
#define ROLE_ACTOR  (-4) /* the acting role */
#define ROLE_SOURCE (-5) /* the "from" role of a role pair */

/* Special values for effect.kind / effect.room. */
#define KIND_ANY    (-1)
#define ROOM_TARGET (-2) /* the action's room target */
#define ROOM_RANDOM (-3) /* a room drawn from the game's RNG */

/* One effect instance: an operation from the effect table (rules.h: rules_effect_*) with its
 * arguments and conditions. Unused arguments are 0 / -1 as documented by the effect row. */
typedef struct effect {
    int op;           /* index into the effect table */
    int amount;       /* signed amount */
    int track;        /* track */
    int flag;         /* flag */
    int route;        /* route */
    int role;         /* role index, or ROLE_* */
    int kind;         /* terminal kind index, or KIND_ANY */
    int room;         /* room index, or ROOM_* (scenario-relative) */
    int event;        /* event index (for effects that inject an event), or -1 */
    uint32_t unless;  /* bitmask of flags: the effect does nothing if any is set */
    uint32_t only_if; /* bitmask of flags: the effect does nothing unless all are set */
} effect;

typedef struct role_def {
    char *id;
    ml_text name;
    ml_text desc;            /* from the seed document */
    ml_text passive;         /* text of the passive ability; empty strings when none */
    effect *passive_effects; /* applied at the start of every round while the role is in play */
    size_t n_passive_effects;
    int ap;         /* action points per round */
    bool core;      /* one of the four core roles */
    char *art;      /* asset path relative to the content root, or NULL */
    uint32_t color; /* 0xRRGGBB card colour */
} role_def;

typedef struct action_def {
    char *id;
    ml_text name;
    ml_text desc; /* what it does, for tooltips and cards */
    int role;     /* owning role index */
    int fallback; /* role that takes it when the owner is absent, or -1 (scenario's map) */
    int ap;       /* cost */
    target_kind target;
    target_filter filter;
    uint32_t requires; /* bitmask of flags that must all be set */
    uint32_t forbids;  /* bitmask of flags that must all be clear */
    bool once_per_round;
    bool once_per_game;
    bool is_private; /* its result is private to the acting role */
    effect *effects;
    size_t n_effects;
    char *art;
} action_def;

typedef struct event_def {
    char *id;
    ml_text title;
    ml_text flavour;
    ml_text rule; /* the rule text shown on the card */
    int copies;   /* copies in the default deck */
    effect *effects;
    size_t n_effects;
    char *art;
} event_def;

typedef struct kind_def {
    char *id;
    ml_text name;
    char *icon; /* drawn icon name (pc, server, printer, phone, ...) */
    char *art;
    bool rebootable; /* employees may reboot it (loses volatile evidence) */
} kind_def;

typedef struct segment_def {
    char *id;
    ml_text name;
} segment_def;

typedef struct room_def {
    char *id;
    ml_text name;
    int segment;    /* segment index */
    int x, y, w, h; /* place on the floor plan, in a 100 x 100 grid */
} room_def;

typedef struct terminal_def {
    char *id;
    int room;      /* room index */
    int kind;      /* kind index */
    ml_text owner; /* owner label */
    int noise;     /* benign noise level: a decoy adds 0..noise per round */
} terminal_def;

typedef struct infection_def {
    int terminal; /* terminal index */
    route route;
} infection_def;

typedef struct schedule_def {
    int round; /* 1-based round */
    int event; /* event index */
} schedule_def;

/* A tutorial hint, shown when its round and phase come. */
typedef struct hint_def {
    int round; /* 1-based round; 0 = any */
    int phase; /* rules phase (rules.h PHASE_*), or -1 = any */
    int role;  /* role whose turn it is, or -1 = any */
    ml_text text;
} hint_def;

typedef struct score_weights {
    int win;                            /* points for winning */
    int per_round_left;                 /* per round left when the game ended */
    int per_evidence;                   /* per infected terminal with full evidence */
    int per_partial;                    /* per infected terminal with disk-only evidence */
    int per_trust;                      /* per point of Trust */
    int briefing;                       /* briefing prepared */
    int per_leak;                       /* subtracted per point of Leak */
    int per_impact;                     /* subtracted per point of Business impact */
    int time_bonus_max;                 /* solo: at most this many points for time left */
    int rank_s, rank_a, rank_b, rank_c; /* thresholds; below rank_c is D */
} score_weights;

typedef struct scenario_def {
    char *id;
    ml_text name;
    ml_text desc;
    ml_text malware;            /* the malware family's name */
    int days;                   /* default 3 */
    int phases_per_day;         /* default 3 */
    int beacon_min, beacon_max; /* per active infection per round */
    int noise_min, noise_max;   /* clamp for decoy noise per terminal per round */
    int exfil;                  /* Leak per active infection per round */
    int spread_pct;             /* chance per active infection at each spread time */
    int spread_every;           /* rounds between spreads (default phases_per_day: end of day) */
    int random_infections;      /* infections placed at random at setup, beyond `infections` */
    uint32_t random_routes;     /* bitmask of routes (1u << route) for random placement */
    infection_def *infections;
    size_t n_infections;
    segment_def *segments;
    size_t n_segments;
    room_def *rooms;
    size_t n_rooms;
    terminal_def *terminals;
    size_t n_terminals;
    int *roles; /* role indices in play, in turn order */
    size_t n_roles;
    int *fallback; /* per role index (ruleset n_roles entries): substitute, or -1 */
    int *deck;     /* event indices making the deck (with repeats); NULL = all events
                      with their copies */
    size_t n_deck;
    schedule_def *schedule;
    size_t n_schedule;
    hint_def *hints;
    size_t n_hints;
    int track_start[TRACK_COUNT];
    int track_max[TRACK_COUNT];
    int solo_seconds;    /* real-time limit for solo practice; 0 = none */
    int meeting_seconds; /* workshop meeting countdown */
    bool tutorial;
    score_weights score;
} scenario_def;

/* ---- the debrief's learning points (cards/debrief.yaml, optional: GAME.md section 10) ----
 * Plain text for people, never read by the rules: sections of points (the four aims of a
 * CSIRT, the kinds of incident, the infection routes, the CSIRT roles, ...) and lessons, each
 * shown when a finding about the game just played is true (the app finds them in the log). */

/* Findings the debrief can tie a lesson to (YAML names: the lower-case tails). */
typedef enum debrief_when {
    DW_CONTAINED_BEFORE_EVIDENCE = 0, /* an infected terminal was isolated before its memory
                                         was preserved: volatile evidence lost */
    DW_EVIDENCE_LOST_REBOOT,          /* volatile evidence lost another way (a reboot) */
    DW_EVIDENCE_KEPT,                 /* every infected terminal's evidence fully preserved */
    DW_PHISHING_BLOCKED,              /* an infection by mail was stopped by the staff alert */
    DW_DRIVEBY_BLOCKED,               /* a drive-by infection was stopped by patching */
    DW_INFECTED_MAIL,                 /* a terminal got in by a mail attachment */
    DW_INFECTED_DRIVEBY,              /* a terminal got in by a drive-by download */
    DW_INFECTED_USB,                  /* a terminal got in by a USB stick */
    DW_SPREAD,                        /* the infection spread (hidden) to another terminal */
    DW_C2_BLOCKED,                    /* the C2 was blocked at the proxy */
    DW_WRONG_CONTAINMENT,             /* a clean terminal was isolated */
    DW_FOUND_EARLY,                   /* the first infected terminal was found early */
    DW_FOUND_LATE,                    /* it was found late, or never */
    DW_STILL_ACTIVE,                  /* an infection was still active at the end */
    DW_DECLARED_TOO_EARLY,            /* containment declared with the attacker inside */
    DW_BRIEFING_PREPARED,             /* the customer briefing was prepared */
    DW_BRIEFING_UNPREPARED,           /* the game ended without a prepared briefing */
    DW_JPCERT_CONTACTED,              /* JPCERT/CC was contacted */
    DW_STAFF_ALERTED,                 /* the all-staff alert was sent */
    DW_PATCHED,                       /* the patch campaign was run */
    DW_LEAK_MAX,                      /* lost to a mass breach (Leak at its maximum) */
    DW_IMPACT_MAX,                    /* lost to Business impact at its maximum */
    DW_TIME_RAN_OUT,                  /* solo: the clock ran out and the briefing came early */
    DW_COUNT
} debrief_when;

typedef struct debrief_point {
    char *id;
    ml_text title;
    ml_text text;
} debrief_point;

typedef struct debrief_section {
    char *id;
    ml_text title;
    ml_text intro; /* empty strings when none */
    debrief_point *points;
    size_t n_points;
} debrief_section;

/* A lesson shown when its finding is true. Its text may name the finding's details with
 * {terminal}, {terminal2}, {room}, {round} and {event}. */
typedef struct debrief_lesson {
    int when; /* debrief_when */
    ml_text text;
} debrief_lesson;

typedef struct debrief_def {
    ml_text title; /* empty when the content has no debrief file */
    ml_text intro;
    debrief_section *sections;
    size_t n_sections;
    debrief_lesson *lessons;
    size_t n_lessons;
} debrief_def;

/* YAML name of a finding, or NULL when out of range. */
const char *debrief_when_name(debrief_when w);

typedef struct ruleset {
    role_def *roles;
    size_t n_roles;
    action_def *actions;
    size_t n_actions;
    event_def *events;
    size_t n_events;
    kind_def *kinds;
    size_t n_kinds;
    scenario_def *scenarios;
    size_t n_scenarios;
    uint64_t hash; /* content hash (set by the loader over the files' bytes; the debrief file
                      is left out: its text never changes how a game plays) */
    debrief_def debrief; /* learning points for the debrief (empty without cards/debrief.yaml) */
} ruleset;

/* Frees everything a ruleset owns, and the ruleset itself. NULL is a no-op. */
void ruleset_free(ruleset *rs);

/* Index lookups by id; -1 when absent. */
int ruleset_role(const ruleset *rs, const char *id);
int ruleset_action(const ruleset *rs, const char *id);
int ruleset_event(const ruleset *rs, const char *id);
int ruleset_kind(const ruleset *rs, const char *id);
int ruleset_scenario(const ruleset *rs, const char *id);
int scenario_room(const scenario_def *sc, const char *id);
int scenario_terminal(const scenario_def *sc, const char *id);

/* The text in language l (falls back to the other language when empty). Never NULL. */
const char *ml_get(const ml_text *t, lang l);

/* Name tables shared by the loader, the action-line parser and the UI. Each returns the YAML
 * name, or NULL when out of range (the loader finds a name's value by walking these);
 * track_from_name returns -1 for an unknown name. */
const char *route_name(route r);
const char *track_name(track t);
int track_from_name(const char *s);
const char *flag_name(flag f);
const char *target_kind_name(target_kind t);
const char *target_filter_name(target_filter f);

/* Fills sensible defaults (GAME.md) into a scenario being built: clock 3x3, beacons 1-3,
 * noise 0-1, exfil 1, spread 50%, tracks, score weights. The loader calls it before mapping
 * fields, so a field left out of YAML keeps its documented default. */
void scenario_defaults(scenario_def *sc);

#endif
