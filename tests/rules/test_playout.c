/* test_playout.c: random legal games over many seeds, with invariants checked after every move;
 * also measures how fast bots can play (reported, not asserted). */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#define MAX_MOVES 1024 /* legal moves at one time */
#define MAX_STEPS 4000 /* moves in one game: far above any real game */

/* The test's own RNG (never the game's). */
static uint32_t lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*x >> 33);
}

/* A random legal move; declaring (free and always legal) is re-drawn most of the time so
 * that games run their course instead of ending in round 1. */
static move pick(const ruleset *rs, const move *moves, size_t n, uint64_t *x)
{
    int declare = ruleset_action(rs, "declare");
    move m = moves[lcg(x) % n];
    for (int tries = 0; tries < 8 && m.kind == MV_ACT && m.action == declare; tries++)
        if (lcg(x) % 50 != 0)
            m = moves[lcg(x) % n];
    return m;
}

static bool same_move(const move *a, const move *b)
{
    return a->kind == b->kind && a->role == b->role && a->action == b->action &&
           a->target[0] == b->target[0] && a->target[1] == b->target[1] && a->value == b->value &&
           a->event == b->event && strcmp(a->reason, b->reason) == 0;
}

/* Invariants of any position. */
static void check_invariants(const game_state *s, uint64_t seed, size_t step)
{
    const scenario_def *sc = state_scenario(s);
    for (int t = 0; t < TRACK_COUNT; t++) {
        int v = rules_track(s, (track)t);
        if (v < 0 || v > rules_track_max(s, (track)t))
            fail_msg("seed %llu step %zu: track %s = %d out of 0..%d", (unsigned long long)seed,
                     step, track_name((track)t), v, rules_track_max(s, (track)t));
    }
    for (size_t i = 0; i < sc->n_roles; i++)
        if (rules_ap(s, sc->roles[i]) < 0)
            fail_msg("seed %llu step %zu: negative AP", (unsigned long long)seed, step);
    clock_view cv;
    rules_clock(s, &cv);
    if (cv.round < 0 || cv.round > cv.rounds)
        fail_msg("seed %llu step %zu: round %d of %d", (unsigned long long)seed, step, cv.round,
                 cv.rounds);
    if ((cv.phase == PHASE_OVER) != (rules_outcome(s) != OUT_ONGOING))
        fail_msg("seed %llu step %zu: phase and outcome disagree", (unsigned long long)seed, step);
    if (cv.phase == PHASE_ACTION && rules_current_role(s) < 0)
        fail_msg("seed %llu step %zu: action phase without a role", (unsigned long long)seed, step);
}

/* Facilitator moves and notes tried now and then (only played when legal). */
static const char *const extra_lines[] = {
    "fac flow sales 4 # x",
    "fac flow dev 0",
    "fac skip # x",
    "fac inject helpdesk_tip",
    "fac choose lateral_movement",
    "fac reveal T04",
    "note commander T02 suspect",
    "note researcher dev watch",
    "time 100",
    "fac infect T05 mail",
    "fac cure T01 # x",
    "fac inject phishing_wave # x",
};

/* Plays one random game; returns the number of moves. */
static size_t playout(const ruleset *rs, int sc, uint64_t seed, bool solo, bool extras)
{
    game_setup su;
    setup_default(&su, rs, sc, seed);
    if (solo)
        su.mode = MODE_SOLO;
    char why[RULES_WHY_MAX];
    game_state *s = state_new(rs, sc, &su, why, sizeof why);
    if (!s)
        fail_msg("seed %llu: %s", (unsigned long long)seed, why);
    game_state *replay = state_dup(s);
    char **lines = calloc(MAX_STEPS, sizeof *lines);
    move *moves = calloc(MAX_MOVES, sizeof *moves);
    log_buf log = {0};
    uint64_t x = seed ^ 0x9e3779b97f4a7c15ULL;
    size_t step = 0;
    while (rules_outcome(s) == OUT_ONGOING) {
        if (step >= MAX_STEPS)
            fail_msg("seed %llu: the game did not end in %d moves", (unsigned long long)seed,
                     MAX_STEPS);
        size_t n = rules_legal_moves(s, moves, MAX_MOVES);
        if (n == 0 || n > MAX_MOVES)
            fail_msg("seed %llu step %zu: %zu legal moves", (unsigned long long)seed, step, n);
        for (size_t i = 0; i < n; i++)
            if (!rules_check(s, &moves[i], why, sizeof why))
                fail_msg("seed %llu step %zu: enumerated move refused: %s",
                         (unsigned long long)seed, step, why);
        move m = pick(rs, moves, n, &x);
        if (extras && lcg(&x) % 8 == 0) {
            move e;
            const char *line = extra_lines[lcg(&x) % (sizeof extra_lines / sizeof *extra_lines)];
            if (move_parse(s, line, &e, why, sizeof why) && rules_check(s, &e, NULL, 0))
                m = e;
        }
        char *line = move_format(s, &m);
        move back;
        if (!move_parse(s, line, &back, why, sizeof why) || !same_move(&m, &back))
            fail_msg("seed %llu step %zu: '%s' does not round-trip (%s)", (unsigned long long)seed,
                     step, line, why);
        char *again = move_format(s, &back);
        if (strcmp(line, again) != 0)
            fail_msg("seed %llu step %zu: '%s' formats back as '%s'", (unsigned long long)seed,
                     step, line, again);
        free(again);
        size_t before = log.count;
        if (!rules_apply_inplace(s, &m, &log, NULL, why, sizeof why))
            fail_msg("seed %llu step %zu: '%s' refused: %s", (unsigned long long)seed, step, line,
                     why);
        for (size_t i = before; i < log.count; i++) {
            char *text = rules_log_format(s, &log.items[i], i % 2 ? LANG_JA : LANG_EN);
            if (!text[0])
                fail_msg("seed %llu: empty log line", (unsigned long long)seed);
            free(text);
        }
        lines[step++] = line;
        check_invariants(s, seed, step);
    }
    clock_view cv;
    rules_clock(s, &cv);
    if (cv.round > cv.rounds)
        fail_msg("seed %llu: ended after round %d of %d", (unsigned long long)seed, cv.round,
                 cv.rounds);
    /* Replaying the lines from the start reproduces the final position exactly. */
    for (size_t i = 0; i < step; i++) {
        move m;
        if (!move_parse(replay, lines[i], &m, why, sizeof why) ||
            !rules_apply_inplace(replay, &m, NULL, NULL, why, sizeof why))
            fail_msg("seed %llu: replay of '%s' failed: %s", (unsigned long long)seed, lines[i],
                     why);
    }
    if (state_hash(replay) != state_hash(s) || !state_equal(replay, s))
        fail_msg("seed %llu: the replay ends in another position", (unsigned long long)seed);
    score_view sv;
    rules_score(s, &sv);
    if (sv.total < 0 || sv.total > 100)
        fail_msg("seed %llu: score %d", (unsigned long long)seed, sv.total);
    for (size_t i = 0; i < step; i++)
        free(lines[i]);
    free(lines);
    free(moves);
    log_buf_free(&log);
    state_free(replay);
    state_free(s);
    return step;
}

static void test_playout_random_games(void **state)
{
    (void)state;
    ruleset *rs = helper_ruleset();
    size_t total = 0;
    for (uint64_t seed = 1; seed <= 1200; seed++) {
        int sc = (int)(seed % HS_COUNT);
        total += playout(rs, sc, seed, seed % 5 == 0, seed % 3 == 0);
    }
    print_message("1200 random games, %zu moves, every invariant held\n", total);
    ruleset_free(rs);
}

/* The same games through a match: save text, reload, same position. */
static void test_playout_save_reload(void **state)
{
    (void)state;
    ruleset *rs = helper_ruleset();
    for (uint64_t seed = 1; seed <= 60; seed++) {
        int sc = (int)(seed % HS_COUNT);
        game_setup su;
        setup_default(&su, rs, sc, seed);
        char why[RULES_WHY_MAX];
        match *m = match_new(rs, sc, &su, why, sizeof why);
        assert_non_null(m);
        uint64_t x = seed;
        move moves[MAX_MOVES];
        while (rules_outcome(match_state(m)) == OUT_ONGOING) {
            size_t n = rules_legal_moves(match_state(m), moves, MAX_MOVES);
            move mv = pick(rs, moves, n, &x);
            assert_true(match_play(m, &mv, why, sizeof why));
            if (lcg(&x) % 4 == 0 && match_can_undo(m)) {
                uint64_t h = state_hash(match_state_at(m, match_moves(m) - 2));
                assert_true(match_undo(m));
                if (state_hash(match_state(m)) != h)
                    fail_msg("seed %llu: undo did not restore the position",
                             (unsigned long long)seed);
            }
        }
        char *text = match_save_text(m);
        match *b = match_load_text(rs, text, NULL, why, sizeof why);
        if (!b)
            fail_msg("seed %llu: reload failed: %s", (unsigned long long)seed, why);
        if (state_hash(match_state(b)) != state_hash(match_state(m)))
            fail_msg("seed %llu: reload ends in another position", (unsigned long long)seed);
        char *again = match_save_text(b);
        assert_string_equal(text, again);
        free(text);
        free(again);
        match_free(b);
        match_free(m);
    }
    ruleset_free(rs);
}

/* Bot speed: random games in place without a log (the balance simulator's loop). */
static void test_playout_speed(void **state)
{
    (void)state;
    ruleset *rs = helper_ruleset();
    game_state *start = helper_new(rs, HS_TEST, 1);
    move moves[MAX_MOVES];
    uint64_t x = 5;
    size_t games = 0, applied = 0, dups = 0;
    struct timespec t0, t1;
    timespec_get(&t0, TIME_UTC);
    double secs = 0;
    while (secs < 0.5) {
        game_state *s = state_dup(start);
        dups++;
        while (rules_outcome(s) == OUT_ONGOING) {
            size_t n = rules_legal_moves(s, moves, MAX_MOVES);
            move mv = pick(rs, moves, n, &x);
            assert_true(rules_apply_inplace(s, &mv, NULL, NULL, NULL, 0));
            applied++;
        }
        state_free(s);
        games++;
        timespec_get(&t1, TIME_UTC);
        secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    }
    print_message("speed: %.0f random games/s, %.0f moves/s (legal-move enumeration + apply), "
                  "%.1f moves per game\n",
                  (double)games / secs, (double)applied / secs, (double)applied / (double)games);
    /* state_dup + hash alone (a tree search's inner cost). */
    timespec_get(&t0, TIME_UTC);
    uint64_t acc = 0;
    for (int i = 0; i < 200000; i++) {
        game_state *d = state_dup(start);
        acc += state_hash(d) >> 8;
        state_free(d);
    }
    timespec_get(&t1, TIME_UTC);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    print_message("speed: %.0f dup+hash/s (%llx)\n", 200000 / secs, (unsigned long long)acc);
    assert_true(games > 0);
    state_free(start);
    ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_playout_random_games),
        cmocka_unit_test(test_playout_save_reload),
        cmocka_unit_test(test_playout_speed),
    };
    return cmocka_run_group_tests_name("playout", tests, NULL, NULL);
}
