/* solo.h: solo practice: the real-time clock (pure maths), its bridge to the rules (`time` moves
 * before player moves, `time 0` and `briefing` when it runs out), the record a finished game
 * leaves, and the tutorial hints toggle.
 *
 * Real time never enters the rules: the app keeps the clock and records it into the game with
 * the rules' `time <seconds_left>` move before every player move (when it changed by a second
 * or more), so autosave, kill-and-resume and replays keep it and the score's time bonus uses
 * it. The clock runs while the board of a started, unfinished solo game is shown and not
 * paused; it resumes from the last recorded value (rules_seconds_left).
 */
#ifndef MALCON_APP_SOLO_H
#define MALCON_APP_SOLO_H

#include "rules.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct app app;

/* ---- the clock (pure) ---- */

typedef struct solo_clock {
    bool on;          /* a solo game with a time limit */
    int limit_s;      /* the scenario's solo_seconds */
    uint32_t ms_left; /* what the clock shows, in milliseconds */
    int recorded_s;   /* the seconds_left the game holds (last `time` move) */
} solo_clock;

/* Sets the clock for game s: on for a solo game whose scenario has a limit, starting from the
 * last recorded seconds_left. */
void solo_clock_init(solo_clock *c, const game_state *s);
/* True when the clock counts down now: on, not paused, and s is started and not over. */
bool solo_clock_running(const solo_clock *c, const game_state *s, bool paused);
/* Counts dt_ms down (never below zero). */
void solo_clock_advance(solo_clock *c, uint32_t dt_ms);
/* Whole seconds shown (rounded up: 0 only once the time is really out). */
int solo_clock_seconds(const solo_clock *c);
/* True when the time is out. */
bool solo_clock_expired(const solo_clock *c);
/* The `time` move to record before a player move: true (and *out filled) when the clock is on
 * and the seconds shown differ from the recorded ones by a second or more. */
bool solo_clock_time_move(const solo_clock *c, move *out);
/* The game now holds seconds (a `time` move was played, or the game was loaded). */
void solo_clock_recorded(solo_clock *c, int seconds);
/* Formats seconds as "m:ss" into out. */
void solo_format_time(int seconds, char *out, size_t out_n);

/* ---- the app's side ---- */

/* What the app keeps about solo practice (never restored by undo). */
typedef struct app_solo {
    solo_clock clock;
    bool ready;             /* the clock was set for for_match */
    const match *for_match; /* the match the clock was set for (another one resets it) */
    bool was_over;          /* the match was over when last looked at */
    bool expiry_played;     /* `time 0` and `briefing` were played for this match */
    /* the record this game left when it ended in play (the debrief announces it) */
    bool filed;       /* the game was filed in the records */
    int place;        /* its place in the scenario's records (0 = best), -1 not listed */
    int prev_best;    /* the scenario's best score before it, -1 when none */
    bool saved;       /* the records file was written */
    char notice[256]; /* a records-file problem to show once (empty when none) */
} app_solo;

/* A new match was just put in a->match (app.c): the clock is set for it from its state, and
 * the previous game's record and debrief state are forgotten. */
void solo_adopt(app *a);
/* Sets the clock for the match now in a->match when it changed (any screen may call it). */
void solo_sync(app *a);
/* The board's per-frame step: counts the clock down while it runs, plays `time 0` and
 * `briefing` when it runs out, and files the record when a solo game ends in play. */
void solo_tick(app *a, uint32_t dt_ms);
/* Plays the `time` move that brings the game up to the clock (before a player's move m; any
 * m kind other than act, pass and note is left alone). No-op outside solo games. */
void solo_record_time(app *a, const move *m);
/* Takes back the `time` moves at the end of the game's moves (they belong to the player's move
 * that follows them; undo steps over them) and re-reads the recorded seconds. */
void solo_undo_time(app *a);
/* The seconds left to show for the match on the board: the running clock for the match in
 * play, else what state s recorded. -1 when s is not a timed solo game. */
int solo_seconds_shown(const app *a, const game_state *s);
/* Files the finished game of a->match in the records (solo games only; at most once per
 * match); date is "YYYY-MM-DDTHH:MM" or NULL for now. */
void solo_file_record(app *a, const char *date);
/* Switches the tutorial hints on or off (H on the board; saved in the settings). */
void solo_toggle_hints(app *a);

#endif
