/* helper_ruleset.h: a complete ruleset built in C (no YAML) and small drivers for rules tests. */
#ifndef MALCON_HELPER_RULESET_H
#define MALCON_HELPER_RULESET_H

#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Scenario indices of helper_ruleset(). Every scenario has the same board:
 *   segment office: rooms sales (T01 pc, T02 laptop decoy), hr (T03 pc, T04 printer decoy)
 *   segment lab:    rooms dev (T05 pc, T06 laptop), srv (T07 server decoy, T08 nas)
 * with T01 infected by mail at setup, a 3 x 3 clock, every event once in the deck. */
enum {
    HS_TEST = 0, /* the four core roles, workshop, scenario fallbacks for expansion roles */
    HS_SOLO,     /* the same, solo practice (600 s) and one more random infection */
    HS_FULL,     /* all eight roles in play */
    HS_BARE,     /* the four core roles and no scenario fallback (expansion actions orphaned) */
    HS_COUNT
};

/* A fresh ruleset (caller frees with ruleset_free). Tests may change its numbers. */
ruleset *helper_ruleset(void);

/* The usual fixture of a rules test: the helper ruleset, a game on it and the game's log. */
typedef struct helper_fixture {
    ruleset *rs;
    game_state *s; /* NULL until the test makes one */
    log_buf log;
} helper_fixture;
/* cmocka setup: a fixture with a fresh helper_ruleset() and no game yet. */
int helper_setup(void **state);
/* helper_setup, with the solo scenario's random infections off: T01 is its only infection. */
int helper_setup_solo_t01(void **state);
/* cmocka teardown: frees the fixture's game, log and ruleset, and the fixture. */
int helper_teardown(void **state);

/* A state with setup_default for scenario sc and seed (fails the test on error). */
game_state *helper_new(const ruleset *rs, int sc, uint64_t seed);
/* Parses and applies line in place; fails the test with the reason when illegal. */
void helper_do(game_state *s, log_buf *log, const char *line);
/* Parses and applies line; returns false with the reason in why instead of failing. */
bool helper_try(game_state *s, log_buf *log, const char *line, char *why, size_t why_n);
/* From setup: start, resolve the malware phase and skip the event -> round 1 action phase. */
void helper_begin(game_state *s, log_buf *log);
/* In the action phase: every role passes (turn order); in workshop the meeting ends too.
 * Leaves the state at the next round's malware phase (or over). */
void helper_end_round(game_state *s, log_buf *log);
/* From the malware phase: next, fac skip, next -> the action phase without an event. */
void helper_quiet_round(game_state *s, log_buf *log);

/* Log searches. */
int helper_count(const log_buf *b, log_type t);
const log_entry *helper_last(const log_buf *b, log_type t);

/* Id lookups that fail the test when absent. */
int helper_term(const game_state *s, const char *id);
int helper_room(const game_state *s, const char *id);
int helper_role(const game_state *s, const char *id);
int helper_event(const game_state *s, const char *id);
int helper_action(const game_state *s, const char *id);

#endif
