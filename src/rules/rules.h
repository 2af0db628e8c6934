/* rules.h: the public header of the pure game-rules library (no SDL, no libyaml, no I/O, no
 * globals).
 *
 * Everything goes in as a move and comes out as a new state plus log entries:
 *   rules_check()  - is a move legal here (or the reason why not),
 *   rules_apply()  - apply it to a read-only state, get the next state and the log entries.
 * The state holds the gameplay RNG, so scenario + setup (with its seed) + the list of move lines
 * reproduce a game exactly. Integer maths only. A match (record + history + undo + save text)
 * sits on top for the application.
 *
 * Moves have one canonical text line each (move_parse / move_format round-trip exactly):
 *   start                               leave setup; round 1 begins
 *   next                                resolve the waiting facilitator-side phase and move on
 *                                       (malware -> event -> action; meeting -> next round)
 *   act <role> <action> [<t1> [<t2>]]   a role plays an action; targets are terminal, room or
 *                                       role ids as the action's target kind says
 *   pass <role>                         the role ends its turn for this round
 *   note <role> <terminal|room> <mark>  pin the role's note marker (mark: suspect, cleared,
 *                                       watch; "none" removes it)
 *   briefing                            the customer briefing starts now (solo time ran out)
 *   time <seconds_left>                 the application records the solo clock (for the score)
 *   fac infect <terminal> <route> # reason   setup only: place an infection by hand
 *   fac cure <terminal> # reason             setup only: remove a placed infection
 *   fac flow <room> <count> # reason         the count shown for a room this round (played in
 *                                            the malware phase, it replaces the malware's count
 *                                            before anyone sees it; later, it corrects it)
 *   fac choose <event> # reason              the next event drawn will be this one
 *   fac skip # reason                        no event this round (event phase)
 *   fac inject <event> # reason              resolve this event now, beyond the deck
 *   fac reveal <terminal> # reason           turn a card face up for teaching
 *   fac time <seconds> # reason              a timer was extended (recorded for the debrief)
 * Facilitator moves are overrides: they are logged with their reason and shown in the debrief.
 */
#ifndef MALCON_RULES_H
#define MALCON_RULES_H

#include "ruleset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RULES_MAX_PLAYERS   8
#define RULES_NAME_MAX      32  /* bytes of a player name, NUL included */
#define RULES_REASON_MAX    128 /* bytes of an override reason, NUL included */
#define RULES_MAX_ROUNDS    32  /* days * phases_per_day is limited to this */
#define RULES_MAX_ROOMS     16
#define RULES_MAX_TERMINALS 48
#define RULES_MAX_ROLES     16  /* roles in a ruleset */
#define RULES_WHY_MAX       160 /* a reason string buffer that always suffices */
#define RULES_MAX_ACTIONS   64  /* actions in a ruleset (state_new refuses more) */
#define RULES_MAX_DECK      512 /* event cards in a deck, copies included (state_new refuses more) */

/* ---- phases and outcome ---- */

typedef enum phase {
    PHASE_SETUP = 0, /* facilitator may place infections; "start" begins round 1 */
    PHASE_MALWARE,   /* waiting for "next": beacons, exfiltration, pending flags */
    PHASE_EVENT,     /* counts are shown; waiting for "next": draw and resolve the event */
    PHASE_ACTION,    /* roles act */
    PHASE_MEETING,   /* workshop only: waiting for "next" (end of round, then next round) */
    PHASE_OVER,      /* the game has ended */
    PHASE_COUNT
} phase;

typedef enum outcome {
    OUT_ONGOING = 0,
    OUT_WIN_DECLARED,  /* containment declared with no active infection */
    OUT_WIN_BRIEFING,  /* no active infection at the briefing */
    OUT_LOSE_DECLARED, /* containment declared while the attacker was still inside */
    OUT_LOSE_BRIEFING, /* an active infection at the briefing */
    OUT_LOSE_LEAK,     /* Leak reached its maximum: a mass breach */
    OUT_LOSE_IMPACT,   /* Business impact reached its maximum */
    OUT_COUNT
} outcome;

/* Note marks. */
typedef enum mark { MARK_NONE = 0, MARK_SUSPECT, MARK_CLEARED, MARK_WATCH, MARK_COUNT } mark;

/* ---- setup ---- */

typedef enum game_mode { MODE_WORKSHOP = 0, MODE_SOLO } game_mode;

typedef struct game_setup {
    uint64_t seed;
    game_mode mode;
    bool private_info; /* workshop: investigative results are private to their role */
    bool open_info;    /* beginners: every role-private result is public (overrides private) */
    int n_players;     /* 1..RULES_MAX_PLAYERS */
    char player[RULES_MAX_PLAYERS][RULES_NAME_MAX];
    uint32_t holds[RULES_MAX_PLAYERS]; /* bitmask of ruleset role indices held by each player */
} game_setup;

/* Fills a default setup for scenario sc: one player ("Player") holding the scenario's roles,
 * solo mode when the scenario has a solo time limit, private information on in workshop mode. */
void setup_default(game_setup *su, const ruleset *rs, int scenario, uint64_t seed);

/* ---- moves ---- */

typedef enum move_kind {
    MV_START = 0,
    MV_NEXT,
    MV_ACT,
    MV_PASS,
    MV_NOTE,
    MV_BRIEFING,
    MV_TIME,
    MV_FAC_INFECT,
    MV_FAC_CURE,
    MV_FAC_FLOW,
    MV_FAC_CHOOSE,
    MV_FAC_SKIP,
    MV_FAC_INJECT,
    MV_FAC_REVEAL,
    MV_FAC_TIME,
    MV_COUNT
} move_kind;

typedef struct move {
    move_kind kind;
    int role;      /* acting role index (act, pass, note), else -1 */
    int action;    /* action index (act), else -1 */
    int target[2]; /* terminal / room / role indices as the target kind says; -1 = none.
                      note: target[0] terminal or -1, target[1] room or -1 */
    int value;     /* mark (note), route (fac infect), count (fac flow), seconds (time) */
    int event;     /* event index (fac choose / fac inject), else -1 */
    char reason[RULES_REASON_MAX]; /* facilitator moves: why (may be empty) */
} move;

/* Sets every field to its "none" value for kind k. */
void move_init(move *m, move_kind k);
/* True when k is a facilitator override. */
bool move_is_override(move_kind k);

typedef struct game_state game_state;

/* Parses one canonical move line in the context of state s (its ruleset and scenario give the
 * ids). Leading/trailing blanks are ignored. On failure returns false and writes a reason
 * ("unknown action 'exmine' (did you mean 'examine'?)") into why. Never crashes on any input. */
bool move_parse(const game_state *s, const char *line, move *out, char *why, size_t why_n);
/* The same with the reason in language l (a line typed by a person: the reason is shown to
 * them). Ids stay as typed; the words around them are translated. */
bool move_parse_lang(const game_state *s, const char *line, lang l, move *out, char *why,
                     size_t why_n);
/* Formats m as its canonical line (caller owns). move_parse(move_format(m)) == m. */
char *move_format(const game_state *s, const move *m);

/* ---- state ---- */

/* Creates the state at setup for scenario index sc. Infections of the scenario are placed
 * (fixed ones, then random ones from the seed). The ruleset is borrowed and must outlive it.
 * The roles in play are the scenario's roles, each of which one player must hold, and any
 * other ruleset role a player holds (larger groups add the expansion roles this way).
 * Returns NULL and writes why when the setup does not fit (no player, a player holding no role
 * or an unknown one, a role held by two players, a scenario role held by nobody, ...). */
game_state *state_new(const ruleset *rs, int sc, const game_setup *su, char *why, size_t why_n);
game_state *state_dup(const game_state *s);
void state_free(game_state *s);
/* True when the two states are the same game position (same ruleset pointer and data). */
bool state_equal(const game_state *a, const game_state *b);
/* A 64-bit hash of the whole position (hidden facts and RNG included). */
uint64_t state_hash(const game_state *s);

const ruleset *state_ruleset(const game_state *s);
const scenario_def *state_scenario(const game_state *s);
const game_setup *state_setup(const game_state *s);

/* ---- log entries: what a move caused, each with its visibility ---- */

typedef enum visibility {
    VIS_PUBLIC = 0, /* everyone */
    VIS_ROLE,       /* the role in entry.vis_role (public when open information is on) */
    VIS_FACILITATOR /* the truth: only the facilitator, and the debrief */
} visibility;

typedef enum log_type {
    LOG_START = 0,     /* the game starts: scenario */
    LOG_ROUND,         /* round begins: round, day, phase of day */
    LOG_INFECTED,      /* (facilitator) terminal infected: terminal, route (setup, event, spread) */
    LOG_BEACON,        /* (facilitator) terminal beaconed amount into its room */
    LOG_NOISE,         /* (facilitator) decoy terminal made amount of noise */
    LOG_COUNT_SHOWN,   /* room's suspicious-communication count this round: room, amount */
    LOG_TRACK,         /* track changed: track, amount (delta), value (new) */
    LOG_FLAG,          /* flag set (value 1) or cleared (value 0) */
    LOG_EVENT,         /* event card drawn / injected: event */
    LOG_EVENT_BLOCKED, /* an event effect did nothing because of a flag: event, flag */
    LOG_NO_EVENT,      /* no event this round (skipped, or deck empty) */
    LOG_TURN,          /* it is role's turn */
    LOG_ACTION,        /* role played action on targets (the public fact of the action) */
    LOG_PASS,          /* role ended its turn */
    LOG_AP,            /* role's AP changed by amount (value: now) */
    LOG_REVEAL,        /* terminal turned face up: value 1 infected / 0 clean, route */
    LOG_ISOLATED,      /* terminal isolated (infection contained if it was infected) */
    LOG_CONTAINED,     /* (facilitator) an infection was contained on terminal */
    LOG_EVIDENCE,      /* terminal's evidence preserved: value 2 full, 1 disk only */
    LOG_EVIDENCE_LOST, /* terminal's volatile evidence lost (reboot, isolation first) */
    LOG_RESULT_LOGS,   /* (role) log analysis of room: mask of terminals named; value 1 exact */
    LOG_RESULT_PROFILE, /* (role) malware family: amount = active infections, value = spread % */
    LOG_EDR,            /* EDR deployed in room */
    LOG_TIP,            /* a room is named by a tip (helpdesk ticket) */
    LOG_NOTE,           /* role pinned mark on terminal or room */
    LOG_MEETING,        /* meeting phase begins */
    LOG_DAY_END,        /* a day ended: day */
    LOG_SPREAD,         /* (facilitator) infection spread from terminal to terminal2 */
    LOG_OVERRIDE,       /* facilitator override: move kind in value, reason */
    LOG_BRIEFING,       /* the customer briefing is held */
    LOG_DECLARE,        /* containment declared */
    LOG_OVER,           /* game over: outcome in value */
    LOG_TYPE_COUNT
} log_type;

typedef struct log_entry {
    log_type type;
    visibility vis;
    int vis_role;    /* for VIS_ROLE */
    int round;       /* 1-based round (0 at setup) */
    int role;        /* actor / subject role, or -1 */
    int action;      /* action index, or -1 */
    int event;       /* event index, or -1 */
    int terminal;    /* terminal index, or -1 */
    int terminal2;   /* second terminal (spread target), or -1 */
    int room;        /* room index, or -1 */
    int target_role; /* role target, or -1 */
    int track;       /* track, or -1 */
    int flag;        /* flag, or -1 */
    int amount;
    int value;
    uint64_t mask;                 /* terminal bitmask (log analysis result) */
    char reason[RULES_REASON_MAX]; /* overrides */
} log_entry;

/* A growable list of log entries. */
typedef struct log_buf {
    log_entry *items;
    size_t count;
    size_t cap;
} log_buf;

void log_buf_push(log_buf *b, const log_entry *e);
void log_buf_clear(log_buf *b);
void log_buf_free(log_buf *b);

/* ---- viewers and what they may see (GAME.md section 5) ---- */

typedef enum viewer_kind { VIEW_PUBLIC = 0, VIEW_ROLE, VIEW_FACILITATOR } viewer_kind;

typedef struct viewer {
    viewer_kind kind;
    int role; /* VIEW_ROLE: the role index */
} viewer;

/* True when viewer v may see log entry e in this game (open information makes VIS_ROLE public;
 * VIS_FACILITATOR is never public). */
bool rules_visible(const game_state *s, viewer v, const log_entry *e);

/* Formats e as one line of text in language l (caller owns). The public log uses it for
 * visible entries only; the facilitator and debrief may format everything. */
char *rules_log_format(const game_state *s, const log_entry *e, lang l);

/* ---- checking and applying moves ---- */

/* True when m is legal in s; otherwise false with a reason in English in why (why may be NULL;
 * no reason is formatted then, so bots may call it in loops). Tools and tests use this one. */
bool rules_check(const game_state *s, const move *m, char *why, size_t why_n);
/* The same with the reason in language l, for players: Japanese reasons use the content's
 * Japanese names (roles, actions, rooms, "T03（デスクトップPC）" for terminals); English ones
 * are rules_check's, word for word. A reason that does not fit why_n is cut between
 * characters, never inside one. */
bool rules_check_lang(const game_state *s, const move *m, lang l, char *why, size_t why_n);

/* Applies a legal move to a read-only state: returns the next state (caller frees) and appends
 * what happened to log (may be NULL). *undoable (may be NULL) tells whether the rules allow
 * taking the move back (false for anything that drew randomness or revealed hidden facts).
 * Returns NULL and writes why when the move is illegal. */
game_state *rules_apply(const game_state *s, const move *m, log_buf *log, bool *undoable, char *why,
                        size_t why_n);
/* The same, in place (for bots and playouts). Returns false, leaving s unchanged, when
 * the move is illegal. */
bool rules_apply_inplace(game_state *s, const move *m, log_buf *log, bool *undoable, char *why,
                         size_t why_n);

/* Enumerates the legal moves of kinds start, next, act, pass and briefing (not notes, time
 * or facilitator overrides) into out (at most max); returns how many there are in all. */
size_t rules_legal_moves(const game_state *s, move *out, size_t max);

/* ---- queries ---- */

typedef struct clock_view {
    phase phase;
    int round;  /* 1-based; 0 in setup */
    int rounds; /* total rounds */
    int day;    /* 1-based */
    int days;
    int phase_of_day; /* 0 morning, 1 afternoon, 2 evening (0..phases_per_day-1) */
    int phases_per_day;
} clock_view;

void rules_clock(const game_state *s, clock_view *out);
outcome rules_outcome(const game_state *s);
/* True for the outcomes where the attacker was contained (OUT_WIN_DECLARED, OUT_WIN_BRIEFING):
 * the one place that says which outcomes are wins, for the score and every screen. */
bool rules_outcome_won(outcome o);

/* The role whose turn it is in the action phase (-1 outside it). In solo mode any role that
 * has not passed may act; this is then the first such role in turn order. */
int rules_current_role(const game_state *s);
/* AP left this round for role index r (0 for roles not in play). */
int rules_ap(const game_state *s, int role);
/* True when role r has ended its turn this round. */
bool rules_passed(const game_state *s, int role);
/* True when role r is in play (one of the scenario's roles, or held by a player). */
bool rules_role_in_play(const game_state *s, int role);
/* Writes up to max role indices in play, in turn order (the scenario's roles in their order,
 * then the added roles in ruleset order), to out; returns how many were written. Every list
 * of the team (turns, role targets, the board's team strip) uses this order. */
size_t rules_turn_order(const game_state *s, int *out, size_t max);
/* The role that plays action a in this game (its owner, or the fallback), or -1 if nobody. */
int rules_action_role(const game_state *s, int action);
/* The player index who holds role r, or -1. */
int rules_role_player(const game_state *s, int role);

int rules_track(const game_state *s, track t);
int rules_track_max(const game_state *s, track t);
bool rules_flag(const game_state *s, flag f);

typedef struct terminal_view {
    bool face_up;        /* examined (or revealed) */
    bool known_infected; /* the viewer knows it is infected */
    bool known_clean;    /* the viewer knows it was clean when examined */
    route route;         /* known route, or ROUTE_NONE */
    int examined_round;  /* round it was turned face up, 0 if not */
    bool isolated;
    int evidence;       /* 0 none, 1 disk only, 2 full (memory and disk) */
    bool volatile_lost; /* public: its volatile evidence is known lost */
    mark note;          /* note marker on it (any role), MARK_NONE when none */
    int note_role;      /* the role whose note it is, or -1 */
    /* Facilitator truth (false / ROUTE_NONE for other viewers): */
    bool infected;
    route true_route;
    int infected_round; /* round it got infected (0 = at setup) */
    bool active;        /* infected and not isolated */
    bool has_volatile;  /* volatile evidence still exists */
} terminal_view;

void rules_terminal(const game_state *s, viewer v, int terminal, terminal_view *out);

typedef struct room_view {
    int count;                     /* suspicious communications shown this round */
    int history[RULES_MAX_ROUNDS]; /* shown count per round (index round-1) */
    int n_history;                 /* rounds with a count so far */
    bool edr;                      /* EDR deployed */
    bool overridden;  /* (facilitator) this round's count was changed by the facilitator */
    int true_count;   /* (facilitator) what the malware really produced this round */
    int pending_flow; /* (facilitator) count set by `fac flow` before it is shown, or -1 */
    mark note;
    int note_role;
} room_view;

void rules_room(const game_state *s, viewer v, int room, room_view *out);

/* Number of active infections (facilitator truth; for the debrief and bots that cheat). */
int rules_active_infections(const game_state *s);

/* The event drawn this round (-1 when none yet or skipped). */
int rules_round_event(const game_state *s);
/* The solo clock as last recorded by a `time` move (the scenario's solo_seconds until the
 * first one; 0 when the scenario has no limit). The app's clock resumes from it. */
int rules_seconds_left(const game_state *s);
/* Facilitator: the next n events of the deck in order (returns how many written). */
size_t rules_deck_peek(const game_state *s, int *out, size_t n);

/* ---- score ---- */

typedef enum score_term {
    ST_WIN = 0,
    ST_ROUNDS_LEFT,
    ST_EVIDENCE,
    ST_TRUST,
    ST_BRIEFING,
    ST_TIME,
    ST_LEAK,
    ST_IMPACT,
    ST_COUNT
} score_term;

typedef struct score_view {
    int term[ST_COUNT]; /* points per term (leak and impact are negative) */
    int total;          /* clamped to 0..100 */
    char rank;          /* 'S', 'A', 'B', 'C' or 'D' */
    int rounds_left;
    int evidence_full, evidence_partial, infected_total;
} score_view;

/* The score as it stands (final once the game is over). */
void rules_score(const game_state *s, score_view *out);
/* Name of a score term in language l. */
const char *rules_score_term_name(score_term t, lang l);
/* Name of an outcome in language l. */
const char *rules_outcome_name(outcome o, lang l);
const char *rules_phase_name(phase p, lang l);
const char *rules_mark_name(mark m);
int rules_mark_from_name(const char *s);

/* ---- the effect vocabulary (one table; the loader validates YAML against it) ---- */

typedef enum effect_arg {
    EA_AMOUNT = 1u << 0,
    EA_TRACK = 1u << 1,
    EA_FLAG = 1u << 2,
    EA_ROUTE = 1u << 3,
    EA_ROLE = 1u << 4,
    EA_KIND = 1u << 5,
    EA_ROOM = 1u << 6,
    EA_EVENT = 1u << 7
} effect_arg;

typedef struct effect_info {
    const char *name;  /* as written in YAML: "track", "set_flag", "infect", ... */
    uint32_t required; /* effect_arg bits that must be given */
    uint32_t optional; /* effect_arg bits that may be given */
    target_kind needs; /* target kind an action must have to use it (TGT_NONE: any) */
    bool undoable;     /* false when it draws randomness or reveals hidden facts */
    const char *doc;   /* one-line description for lint --schema */
} effect_info;

size_t rules_effect_count(void);
const effect_info *rules_effect_info(int op);
int rules_effect_find(const char *name);
/* Describes an effect instance in language l (caller owns), e.g. "Trust +1 unless ...". */
char *rules_effect_describe(const ruleset *rs, const effect *e, lang l);

/* ---- match: a game record with history, undo and save text ---- */

typedef struct match match;

/* Creates a match at setup (see state_new). */
match *match_new(const ruleset *rs, int sc, const game_setup *su, char *why, size_t why_n);
void match_free(match *m);
const game_state *match_state(const match *m);
/* Plays a move; false with a reason when illegal (nothing changes). */
bool match_play(match *m, const move *mv, char *why, size_t why_n);
/* Parses and plays one line. */
bool match_play_line(match *m, const char *line, char *why, size_t why_n);
/* True when the last move may be taken back (never across a hidden draw or reveal). */
bool match_can_undo(const match *m);
/* Takes back the last move; false when not allowed. */
bool match_undo(match *m);
/* Moves played so far. */
size_t match_moves(const match *m);
/* The i-th move's canonical line (borrowed). */
const char *match_move_line(const match *m, size_t i);
/* The full log (every visibility); entries are in order. */
const log_buf *match_log(const match *m);
/* Index in the log where move i's entries begin (i == match_moves gives the log's end). */
size_t match_log_start(const match *m, size_t i);
/* The state after move i (i < match_moves), or at setup for i == (size_t)-1. Borrowed. */
const game_state *match_state_at(const match *m, size_t i);

/* Save text: "malcon-save 1", "content <hash>", "scenario <id>", "seed <n>", "mode ...",
 * "option ...", "player <name> <role> ...", "moves", then one move line each. Caller owns. */
char *match_save_text(const match *m);
/* Rebuilds a match from save text (also accepts an action script: the same header with any
 * lines left out takes the defaults). On failure returns NULL and writes "line N: reason".
 * *hash_mismatch (may be NULL) is set when the content hash differs from the ruleset's. */
match *match_load_text(const ruleset *rs, const char *text, bool *hash_mismatch, char *why,
                       size_t why_n);

#endif
