/* test_view.c: information (GAME.md section 5): who sees which log entry and which facts. */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef helper_fixture fixture;

static const viewer PUB = {VIEW_PUBLIC, -1};
static const viewer FAC = {VIEW_FACILITATOR, -1};

static viewer role_view(const game_state *s, const char *id)
{
    return (viewer){VIEW_ROLE, helper_role(s, id)};
}

/* A workshop game (scenario test) with the given information options, at round 1's action
 * phase, where the researcher has run a log analysis and a profile. */
static void play_research(fixture *f, bool private_info, bool open_info, int sc)
{
    game_setup su;
    setup_default(&su, f->rs, sc, 31);
    su.private_info = private_info;
    su.open_info = open_info;
    char why[RULES_WHY_MAX];
    f->s = state_new(f->rs, sc, &su, why, sizeof why);
    assert_non_null(f->s);
    helper_begin(f->s, &f->log);
    if (su.mode == MODE_WORKSHOP)
        helper_do(f->s, &f->log, "pass commander");
    helper_do(f->s, &f->log, "act researcher log_analysis sales");
    helper_do(f->s, &f->log, "act researcher profiling");
}

static void test_view_private_results_stay_private(void **state)
{
    fixture *f = *state;
    play_research(f, true, false, HS_TEST);
    const log_entry *logs = helper_last(&f->log, LOG_RESULT_LOGS);
    const log_entry *prof = helper_last(&f->log, LOG_RESULT_PROFILE);
    assert_non_null(logs);
    assert_non_null(prof);
    const log_entry *list[2] = {logs, prof};
    for (int i = 0; i < 2; i++) {
        assert_false(rules_visible(f->s, PUB, list[i]));
        assert_false(rules_visible(f->s, role_view(f->s, "commander"), list[i]));
        assert_false(rules_visible(f->s, role_view(f->s, "forensic"), list[i]));
        assert_true(rules_visible(f->s, role_view(f->s, "researcher"), list[i]));
        assert_true(rules_visible(f->s, FAC, list[i]));
    }
    /* The action itself is public: everyone saw the researcher look at the logs. */
    assert_true(rules_visible(f->s, PUB, helper_last(&f->log, LOG_ACTION)));
}

static void test_view_open_info_makes_results_public(void **state)
{
    fixture *f = *state;
    play_research(f, true, true, HS_TEST);
    assert_true(rules_visible(f->s, PUB, helper_last(&f->log, LOG_RESULT_LOGS)));
    assert_true(rules_visible(f->s, role_view(f->s, "commander"),
                              helper_last(&f->log, LOG_RESULT_PROFILE)));
}

static void test_view_private_off_makes_results_public(void **state)
{
    fixture *f = *state;
    play_research(f, false, false, HS_TEST);
    assert_true(rules_visible(f->s, PUB, helper_last(&f->log, LOG_RESULT_LOGS)));
}

static void test_view_solo_results_public(void **state)
{
    fixture *f = *state;
    play_research(f, true, false, HS_SOLO);
    assert_true(rules_visible(f->s, PUB, helper_last(&f->log, LOG_RESULT_LOGS)));
}

static bool is_truth_type(log_type t)
{
    return t == LOG_INFECTED || t == LOG_BEACON || t == LOG_NOISE || t == LOG_CONTAINED ||
           t == LOG_SPREAD || t == LOG_OVERRIDE;
}

/* Every viewer but the facilitator: public, and each role of the ruleset. */
static int other_viewers(const game_state *s, viewer *out)
{
    int n = 0;
    out[n++] = PUB;
    for (size_t r = 0; r < state_ruleset(s)->n_roles; r++)
        out[n++] = (viewer){VIEW_ROLE, (int)r};
    return n;
}

static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* Checks that nobody but the facilitator learns a hidden fact through the views. */
static void check_views_hide_truth(const game_state *s)
{
    viewer vs[RULES_MAX_ROLES + 1];
    int nv = other_viewers(s, vs);
    const scenario_def *sc = state_scenario(s);
    for (int v = 0; v < nv; v++) {
        for (size_t t = 0; t < sc->n_terminals; t++) {
            terminal_view tv, truth;
            rules_terminal(s, vs[v], (int)t, &tv);
            rules_terminal(s, FAC, (int)t, &truth);
            assert_false(tv.infected);
            assert_false(tv.active);
            assert_false(tv.has_volatile);
            assert_int_equal(tv.true_route, ROUTE_NONE);
            assert_int_equal(tv.infected_round, 0);
            assert_true(tv.face_up || (!tv.known_infected && !tv.known_clean));
            /* What the public knows is true (infection is never cured in play). */
            if (tv.known_infected)
                assert_true(truth.infected);
            assert_int_equal(tv.isolated, truth.isolated);
        }
        for (size_t r = 0; r < sc->n_rooms; r++) {
            room_view rv;
            rules_room(s, vs[v], (int)r, &rv);
            assert_false(rv.overridden);
            assert_int_equal(rv.true_count, 0);
        }
    }
}

/* Random games with facilitator moves mixed in: the truth never reaches another viewer,
 * neither through the views nor through visible log entries, even with open information. */
static void test_view_truth_never_leaks(void **state)
{
    fixture *f = *state;
    uint32_t x = 99;
    for (int game = 0; game < 40; game++) {
        game_setup su;
        int sc = game % 2 ? HS_TEST : HS_FULL;
        setup_default(&su, f->rs, sc, (uint64_t)game + 1);
        su.open_info = game % 3 == 0;
        su.private_info = game % 4 != 0;
        char why[RULES_WHY_MAX];
        game_state *s = state_new(f->rs, sc, &su, why, sizeof why);
        assert_non_null(s);
        log_buf log = {0};
        helper_do(s, &log, "fac infect T06 driveby # hidden");
        for (int step = 0; step < 2000 && rules_outcome(s) == OUT_ONGOING; step++) {
            move moves[512];
            size_t n = rules_legal_moves(s, moves, 512);
            assert_true(n > 0 && n <= 512);
            move m = moves[lcg(&x) % n];
            if (lcg(&x) % 10 == 0) {
                static const char *const fac[] = {"fac flow hr 4 # x", "fac inject helpdesk_tip",
                                                  "fac inject lateral_movement",
                                                  "fac choose phishing_wave", "fac reveal T08"};
                move fm;
                if (move_parse(s, fac[lcg(&x) % 5], &fm, why, sizeof why) &&
                    rules_check(s, &fm, NULL, 0))
                    m = fm;
            }
            assert_true(rules_apply_inplace(s, &m, &log, NULL, why, sizeof why));
            check_views_hide_truth(s);
        }
        viewer vs[RULES_MAX_ROLES + 1];
        int nv = other_viewers(s, vs);
        for (size_t i = 0; i < log.count; i++) {
            const log_entry *e = &log.items[i];
            assert_true(rules_visible(s, FAC, e));
            for (int v = 0; v < nv; v++)
                if (is_truth_type(e->type))
                    assert_false(rules_visible(s, vs[v], e));
        }
        log_buf_free(&log);
        state_free(s);
    }
}

static void test_view_facilitator_sees_truth(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 5);
    helper_begin(f->s, &f->log);
    terminal_view tv;
    rules_terminal(f->s, FAC, helper_term(f->s, "T01"), &tv);
    assert_true(tv.infected && tv.active && tv.has_volatile);
    assert_int_equal(tv.true_route, ROUTE_MAIL);
    assert_false(tv.face_up);
    rules_terminal(f->s, PUB, helper_term(f->s, "T01"), &tv);
    assert_false(tv.infected || tv.known_infected || tv.face_up);
}

static void test_view_notes(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 5);
    char why[RULES_WHY_MAX];
    assert_false(helper_try(f->s, &f->log, "note commander T03 suspect", why, sizeof why));
    helper_begin(f->s, &f->log);
    int cmd = helper_role(f->s, "commander"), t03 = helper_term(f->s, "T03");
    int hr = helper_room(f->s, "hr");
    helper_do(f->s, &f->log, "note commander T03 suspect");
    terminal_view tv;
    rules_terminal(f->s, PUB, t03, &tv);
    assert_int_equal(tv.note, MARK_SUSPECT);
    assert_int_equal(tv.note_role, cmd);
    assert_int_equal(helper_last(&f->log, LOG_NOTE)->vis, VIS_PUBLIC);
    /* Re-pinning moves the role's one marker. */
    helper_do(f->s, &f->log, "note commander hr watch");
    rules_terminal(f->s, PUB, t03, &tv);
    assert_int_equal(tv.note, MARK_NONE);
    assert_int_equal(tv.note_role, -1);
    room_view rv;
    rules_room(f->s, PUB, hr, &rv);
    assert_int_equal(rv.note, MARK_WATCH);
    assert_int_equal(rv.note_role, cmd);
    /* Any role may pin at any time (notes do not use the turn). */
    helper_do(f->s, &f->log, "note forensic T03 cleared");
    helper_do(f->s, &f->log, "note commander hr none");
    rules_room(f->s, PUB, hr, &rv);
    assert_int_equal(rv.note, MARK_NONE);
    rules_terminal(f->s, PUB, t03, &tv);
    assert_int_equal(tv.note, MARK_CLEARED);
    assert_false(helper_try(f->s, &f->log, "note poc T03 suspect", why, sizeof why));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, helper_setup, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_view_private_results_stay_private),
        T(test_view_open_info_makes_results_public),
        T(test_view_private_off_makes_results_public),
        T(test_view_solo_results_public),
        T(test_view_truth_never_leaks),
        T(test_view_facilitator_sees_truth),
        T(test_view_notes),
    };
#undef T
    return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
