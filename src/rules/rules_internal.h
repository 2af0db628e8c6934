/* rules_internal.h: the game state's flat layout and the helpers shared by the rules files. */
#ifndef MALCON_RULES_INTERNAL_H
#define MALCON_RULES_INTERNAL_H

#include "core.h"
#include "effects.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* RULES_MAX_ACTIONS (rules.h) is 64 because the once-per-round/game bits are a uint64_t. */
#define RULES_MAX_COUNT 999 /* a room's shown count */

/* Per-terminal facts. Only fixed-width fields, laid out without padding, so that the state
 * can be hashed and compared byte by byte. */
typedef struct term_state {
    uint8_t infected;       /* truth: infected (an isolated infection stays infected) */
    uint8_t route;          /* truth: infection route */
    uint8_t isolated;       /* public */
    uint8_t face_up;        /* public: examined or revealed */
    uint8_t shown_infected; /* public: what the examination showed */
    uint8_t shown_route;    /* public: the route the examination showed */
    uint8_t evidence;       /* public: 0 none, 1 disk only, 2 full */
    uint8_t has_volatile;   /* truth: volatile evidence still exists */
    uint8_t volatile_lost;  /* public: its volatile evidence is known lost */
    uint8_t beacon;         /* truth: amount beaconed in the last malware phase */
    uint8_t noise;          /* truth: noise made in the last malware phase */
    uint8_t pad_;
    int16_t infected_round; /* truth: round of infection (0 = setup) */
    int16_t examined_round; /* public: round turned face up (0 = not) */
} term_state;

typedef struct room_state {
    int16_t shown[RULES_MAX_ROUNDS]; /* public: shown count per round (index round - 1) */
    int16_t true_count;              /* truth: what the malware produced in the last phase */
    uint8_t overridden;              /* truth: the facilitator changed the last count */
    uint8_t edr;                     /* public: EDR deployed */
    int16_t pending_flow;            /* truth: count + 1 set by `fac flow` before it is shown */
} room_state;

typedef struct note_state {
    int8_t terminal; /* note on this terminal, or -1 */
    int8_t room;     /* note on this room, or -1 */
    uint8_t mark;    /* MARK_* */
    uint8_t pad_;
} note_state;

/* The whole position. Allocated zeroed and only ever copied whole (memcpy), so its padding
 * stays zero and the bytes from `setup` on are the canonical position (state_hash/state_equal). */
struct game_state {
    const ruleset *rs; /* borrowed; not part of the hashed bytes */
    /* The roles in play in turn order: the scenario's roles in their order, then the other
     * roles the players hold in ruleset order. A function of the ruleset, scenario and setup
     * (state_new), so it stays out of the hashed bytes like rs: hashes of games without added
     * roles are what they were before roles could be added. */
    int8_t order[RULES_MAX_ROLES];
    uint8_t n_order;
    game_setup setup; /* canonical copy (names zero-padded) */
    core_rng rng;
    int32_t sc;
    int32_t phase;
    int32_t outcome;
    int32_t round;        /* 1-based; 0 in setup */
    int32_t turn;         /* index into order (workshop action phase) */
    int32_t seconds_left; /* solo clock as last recorded */
    int32_t track[TRACK_COUNT];
    uint32_t flags;       /* 1u << FLAG_* */
    uint32_t pending;     /* flags set at the start of the next round */
    uint32_t passed;      /* role bits: ended the turn this round */
    uint32_t in_play;     /* role bits: the scenario's roles and the roles players hold */
    uint64_t used_round;  /* action bits: played this round */
    uint64_t used_game;   /* action bits: played this game */
    uint64_t bad_actions; /* action bits: an effect the action's target cannot serve */
    int16_t ap[RULES_MAX_ROLES];
    int16_t round_event;  /* event drawn this round, or -1 */
    int16_t chosen_event; /* facilitator's choice for the next draw, or -1 */
    uint8_t skip_event;   /* facilitator skipped this round's event */
    uint8_t n_history;    /* rounds with a shown count */
    uint8_t n_terminals;
    uint8_t n_rooms;
    int32_t n_deck;
    int32_t deck_pos;
    int16_t deck[RULES_MAX_DECK];
    int8_t action_role[RULES_MAX_ACTIONS]; /* who plays each action (fixed for the game) */
    note_state note[RULES_MAX_ROLES];
    term_state term[RULES_MAX_TERMINALS];
    room_state room[RULES_MAX_ROOMS];
};

/* What caused an effect: an action (actor, targets) or an event. */
typedef struct fx_ctx {
    int actor;  /* acting role, or -1 (events) */
    int action; /* action index, or -1 */
    int event;  /* event index, or -1 */
    int target[2];
    target_kind tk;
    log_buf *log; /* may be NULL */
} fx_ctx;

/* ---- helpers (play.c) ---- */

/* A log entry of type t and visibility v for this round with every index set to "none". */
log_entry play_entry(const game_state *s, log_type t, visibility v);
/* The same, with role/action/event filled from the context. */
log_entry play_ctx_entry(const game_state *s, const fx_ctx *c, log_type t, visibility v);
/* Appends e to log when log is not NULL. */
void play_log(log_buf *log, const log_entry *e);
/* Changes track t by delta (clamped to 0..max) and logs LOG_TRACK publicly. */
void play_track(game_state *s, const fx_ctx *c, track t, int delta);
/* Sets or clears flag f and logs LOG_FLAG publicly. */
void play_flag(game_state *s, const fx_ctx *c, flag f, bool on);
/* True when terminal i is infected and not isolated. */
bool play_active(const game_state *s, int i);
/* Ends the game with outcome o (LOG_OVER). No-op when it is already over. */
void play_over(game_state *s, log_buf *log, outcome o);
/* Runs the spread step: each active infection (index order) may infect one clean,
 * non-isolated terminal of its segment. */
void play_spread(game_state *s, const fx_ctx *c);
/* Resolves event ev now: LOG_EVENT, then its effects. */
void play_event(game_state *s, log_buf *log, int ev);
/* Turns terminal t face up (examine / facilitator reveal) and logs LOG_REVEAL. */
void play_examine(game_state *s, const fx_ctx *c, int t);
/* Ends the game with the briefing now (win when no infection is active). */
void play_briefing(game_state *s, log_buf *log);
/* Game over checks that apply after every move (Leak / Business impact at their maximum). */
void play_check_limits(game_state *s, log_buf *log);
/* "start": LOG_START, round 1 begins, the initial infections are logged (facilitator). */
void play_start(game_state *s, log_buf *log);
/* "next": resolves the waiting phase (malware, event or meeting) and moves on. */
void play_next(game_state *s, log_buf *log);
/* "pass": role ends its turn; returns true when that ended the round (solo). */
bool play_pass(game_state *s, log_buf *log, int role);

/* ---- effects (effects.c) ---- */

/* Runs a list of effects in order; stops when the game ends. */
void effects_run(game_state *s, const fx_ctx *c, const effect *list, size_t n);

/* ---- moves and checks (rules.c, move.c) ---- */

/* rules_check without the string work when why is NULL (bots, enumeration). */
bool rules_check_fast(const game_state *s, const move *m, char *why, size_t why_n);

/* ---- text (text.c) ---- */

/* Writes a formatted reason into why (when why is not NULL) and returns false. A reason longer
 * than the buffer is cut before the character that does not fit (never inside UTF-8). */
bool text_fail(char *why, size_t why_n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Length of s, at most max (strnlen is POSIX, not C17). */
size_t text_len(const char *s, size_t max);
/* Names for messages and logs. */
const char *text_role(const game_state *s, int r, lang l);
const char *text_action(const game_state *s, int a, lang l);
const char *text_terminal_id(const game_state *s, int t);
const char *text_room(const game_state *s, int r, lang l);
/* The name of terminal t's kind ("デスクトップPC"): Japanese reasons show it after the id. */
const char *text_terminal_kind(const game_state *s, int t, lang l);
/* A room as a reason names it: its id in English (as move lines spell it), its name in
 * Japanese. */
const char *text_room_ref(const game_state *s, int r, lang l);
const char *text_flag(flag f, lang l);
const char *text_track(track t, lang l);
const char *text_route(route r, lang l);

#endif
