/* test_score.c: the score terms, their sum, the clamp and the rank thresholds. */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef helper_fixture fixture;

static int term_sum(const score_view *sv)
{
    int n = 0;
    for (int i = 0; i < ST_COUNT; i++)
        n += sv->term[i];
    return n;
}

/* Solo, round 1: preserve then contain T01, contain clean T02, prepare the briefing, half the
 * clock left, declare. */
static void play_winning_game(fixture *f, bool preserve_first)
{
    state_free(f->s);
    f->s = helper_new(f->rs, HS_SOLO, 3);
    helper_begin(f->s, NULL);
    if (preserve_first)
        helper_do(f->s, NULL, "act forensic preserve T01");
    helper_do(f->s, NULL, "act commander contain T01");
    if (!preserve_first)
        helper_do(f->s, NULL, "act forensic preserve T01");
    helper_do(f->s, NULL, "act commander contain T02");
    helper_do(f->s, NULL, "act notification prepare_briefing");
    helper_do(f->s, NULL, "time 300");
    helper_do(f->s, NULL, "act commander declare");
    assert_int_equal(rules_outcome(f->s), OUT_WIN_DECLARED);
}

static void test_score_terms_add_up(void **state)
{
    fixture *f = *state;
    play_winning_game(f, true);
    score_view sv;
    rules_score(f->s, &sv);
    /* Default weights (scenario_defaults): win 40, 2 per round left, 6 per full evidence,
     * 2 per Trust, briefing 10, time bonus 10 max, -2 per Leak, -3 per Business impact. */
    assert_int_equal(sv.term[ST_WIN], 40);
    assert_int_equal(sv.rounds_left, 8);
    assert_int_equal(sv.term[ST_ROUNDS_LEFT], 16);
    assert_int_equal(sv.infected_total, 1);
    assert_int_equal(sv.evidence_full, 1);
    assert_int_equal(sv.evidence_partial, 0);
    assert_int_equal(sv.term[ST_EVIDENCE], 6);
    assert_int_equal(sv.term[ST_TRUST], 10);
    assert_int_equal(sv.term[ST_BRIEFING], 10);
    assert_int_equal(sv.term[ST_TIME], 5); /* 10 * 300 / 600 */
    assert_int_equal(sv.term[ST_LEAK], -2);
    assert_int_equal(sv.term[ST_IMPACT], -3);
    assert_int_equal(term_sum(&sv), 82);
    assert_int_equal(sv.total, 82);
    assert_int_equal(sv.rank, 'A');
}

static void test_score_partial_evidence(void **state)
{
    fixture *f = *state;
    play_winning_game(f, false);
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.evidence_full, 0);
    assert_int_equal(sv.evidence_partial, 1);
    assert_int_equal(sv.term[ST_EVIDENCE], 3);
    assert_int_equal(sv.total, term_sum(&sv));
}

static void test_score_evidence_counts_infected_only(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_SOLO, 3);
    helper_begin(f->s, NULL);
    helper_do(f->s, NULL, "act forensic preserve T03"); /* clean */
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.term[ST_EVIDENCE], 0);
    assert_int_equal(rules_track(f->s, TRACK_EVIDENCE), 1);
}

static void test_score_loss_has_no_win_terms(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_SOLO, 3);
    helper_begin(f->s, NULL);
    helper_do(f->s, NULL, "act notification prepare_briefing");
    helper_do(f->s, NULL, "act commander declare");
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_DECLARED);
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.term[ST_WIN], 0);
    assert_int_equal(sv.term[ST_ROUNDS_LEFT], 0);
    assert_int_equal(sv.term[ST_TIME], 0);
    assert_int_equal(sv.term[ST_BRIEFING], 10);
    assert_int_equal(sv.total, term_sum(&sv));
}

/* A game won at once whose only non-zero weight is win: the total is exactly that weight. */
static char rank_for(fixture *f, int win)
{
    scenario_def *sc = &f->rs->scenarios[HS_SOLO];
    memset(&sc->score, 0, sizeof sc->score);
    sc->score = (score_weights){.win = win, .rank_s = 90, .rank_a = 75, .rank_b = 60, .rank_c = 40};
    state_free(f->s);
    f->s = helper_new(f->rs, HS_SOLO, 3);
    helper_begin(f->s, NULL);
    helper_do(f->s, NULL, "act commander contain T01");
    helper_do(f->s, NULL, "act commander declare");
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.total, win < 0 ? 0 : win > 100 ? 100 : win);
    assert_int_equal(term_sum(&sv), win);
    return sv.rank;
}

static void test_score_rank_thresholds(void **state)
{
    fixture *f = *state;
    static const struct {
        int win;
        char rank;
    } cases[] = {{100, 'S'}, {90, 'S'}, {89, 'A'}, {75, 'A'}, {74, 'B'},  {60, 'B'},
                 {59, 'C'},  {40, 'C'}, {39, 'D'}, {0, 'D'},  {250, 'S'}, {-30, 'D'}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char r = rank_for(f, cases[i].win);
        if (r != cases[i].rank)
            fail_msg("total %d: rank %c, expected %c", cases[i].win, r, cases[i].rank);
    }
}

static void test_score_time_bonus_only_in_solo(void **state)
{
    fixture *f = *state;
    /* Workshop games have no time bonus even with a clock recorded. */
    f->rs->scenarios[HS_TEST].solo_seconds = 600;
    game_setup su;
    setup_default(&su, f->rs, HS_TEST, 3);
    su.mode = MODE_WORKSHOP;
    char why[RULES_WHY_MAX];
    f->s = state_new(f->rs, HS_TEST, &su, why, sizeof why);
    helper_begin(f->s, NULL);
    helper_do(f->s, NULL, "act commander contain T01");
    helper_do(f->s, NULL, "act commander declare");
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.term[ST_TIME], 0);
}

static void test_score_names(void **state)
{
    (void)state;
    for (int t = 0; t < ST_COUNT; t++) {
        assert_true(rules_score_term_name((score_term)t, LANG_EN)[0] != '\0');
        assert_true(rules_score_term_name((score_term)t, LANG_JA)[0] != '\0');
        for (int u = 0; u < t; u++)
            assert_string_not_equal(rules_score_term_name((score_term)t, LANG_EN),
                                    rules_score_term_name((score_term)u, LANG_EN));
    }
    assert_string_equal(rules_score_term_name(ST_COUNT, LANG_EN), "?");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, helper_setup_solo_t01, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_score_terms_add_up),
        T(test_score_partial_evidence),
        T(test_score_evidence_counts_infected_only),
        T(test_score_loss_has_no_win_terms),
        T(test_score_rank_thresholds),
        T(test_score_time_bonus_only_in_solo),
        T(test_score_names),
    };
#undef T
    return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
