/* test_simstat.c: the balance simulator's engine (src/tools/simstat.c): Wilson intervals match
 * published values and narrow with more games, runs are deterministic, and the designer's
 * --set overrides change the scenario (and refuse what the loader would refuse). */
#include "helper_content.h"

#include "core.h"
#include "data.h"
#include "rules.h"
#include "simstat.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void simstat_test_near(double got, double want, double tol, const char *what)
{
    if (got < want - tol || got > want + tol)
        fail_msg("%s: %.6f, expected %.6f (+-%.6f)", what, got, want, tol);
}

/* Runs games of scenario id into fresh totals (the caller frees them). */
static void simstat_test_run(const char *id, uint64_t seed, long games, simstat_totals *t)
{
    simstat_init(t, helper_rs);
    char why[200] = "";
    if (!simstat_run(helper_rs, helper_scenario(id), seed, games, false, t, why, sizeof why))
        fail_msg("simstat_run %s: %s", id, why);
    assert_int_equal(t->games, games);
    assert_int_equal(t->stuck, 0);
    assert_int_equal(t->bot_failures, 0);
}

/* Known win rates give the textbook Wilson intervals (z = 1.96): 60 of 100 is 50.2%..69.1%,
 * and the ends stay inside 0..1 where the normal approximation would leave them. */
static void test_simstat_wilson_known_values(void **st)
{
    double lo, hi;
    simstat_wilson(60, 100, SIMSTAT_Z95, &lo, &hi);
    simstat_test_near(lo, 0.502003, 1e-5, "60/100 low");
    simstat_test_near(hi, 0.690599, 1e-5, "60/100 high");
    simstat_wilson(675, 1000, SIMSTAT_Z95, &lo, &hi);
    simstat_test_near(lo, 0.645349, 1e-5, "675/1000 low");
    simstat_test_near(hi, 0.703312, 1e-5, "675/1000 high");
    simstat_wilson(0, 10, SIMSTAT_Z95, &lo, &hi);
    assert_true(lo == 0.0);
    simstat_test_near(hi, 0.277533, 1e-5, "0/10 high");
    simstat_wilson(10, 10, SIMSTAT_Z95, &lo, &hi);
    simstat_test_near(lo, 0.722467, 1e-5, "10/10 low");
    assert_true(hi == 1.0);
    /* No games: nothing is known. */
    simstat_wilson(0, 0, SIMSTAT_Z95, &lo, &hi);
    assert_true(lo == 0.0 && hi == 1.0);
    /* The interval always holds the observed rate. */
    for (long k = 0; k <= 50; k++) {
        simstat_wilson(k, 50, SIMSTAT_Z95, &lo, &hi);
        assert_true(lo <= (double)k / 50.0 && (double)k / 50.0 <= hi);
    }
}

/* More games, a narrower interval: the standard scenario over 100 and over 2000 games. */
static void test_simstat_interval_shrinks_with_games(void **st)
{
    simstat_totals few, many;
    simstat_test_run("standard", 1, 100, &few);
    simstat_test_run("standard", 1, 2000, &many);
    double lo1, hi1, lo2, hi2;
    simstat_wilson(few.wins, few.games, SIMSTAT_Z95, &lo1, &hi1);
    simstat_wilson(many.wins, many.games, SIMSTAT_Z95, &lo2, &hi2);
    double w1 = hi1 - lo1, w2 = hi2 - lo2;
    if (!(w2 < w1 / 3.0))
        fail_msg("interval width %.4f at 100 games, %.4f at 2000: it should shrink about "
                 "sqrt(20) times",
                 w1, w2);
    /* A proportion's 95% interval is at most about 2 * 0.98 / sqrt(n) wide. */
    assert_true(w1 <= 0.20);
    assert_true(w2 <= 0.045);
    /* The two estimates agree: the larger sample's rate lies in the smaller one's interval. */
    double p2 = (double)many.wins / (double)many.games;
    assert_true(lo1 <= p2 && p2 <= hi1);
    simstat_free(&few);
    simstat_free(&many);
}

/* Same seeds, same totals; other seeds, other games. */
static void test_simstat_runs_are_deterministic(void **st)
{
    simstat_totals a, b, c;
    simstat_test_run("hard", 7, 60, &a);
    simstat_test_run("hard", 7, 60, &b);
    simstat_test_run("hard", 8, 60, &c);
    assert_int_equal(a.wins, b.wins);
    assert_int_equal(a.score, b.score);
    assert_true(a.score_sq == b.score_sq);
    assert_int_equal(a.rounds, b.rounds);
    assert_memory_equal(a.outcomes, b.outcomes, sizeof a.outcomes);
    assert_memory_equal(a.tracks, b.tracks, sizeof a.tracks);
    assert_memory_equal(a.action_uses, b.action_uses, a.n_actions * sizeof *a.action_uses);
    /* Seeds 8..67 share 59 games with seeds 7..66: close, but not the same run. */
    assert_true(c.score != a.score || c.rounds != a.rounds || c.wins != a.wins);
    simstat_free(&a);
    simstat_free(&b);
    simstat_free(&c);
}

/* Totals add up: every game has one outcome, wins are the two winning outcomes, and the bot
 * plays actions (examine at least once a game on average in the standard scenario). */
static void test_simstat_totals_add_up(void **st)
{
    simstat_totals t;
    simstat_test_run("standard", 100, 200, &t);
    long sum = 0;
    for (int k = 0; k < OUT_COUNT; k++)
        sum += t.outcomes[k];
    assert_int_equal(sum, t.games);
    assert_int_equal(t.outcomes[OUT_ONGOING], 0);
    assert_int_equal(t.wins, t.outcomes[OUT_WIN_DECLARED] + t.outcomes[OUT_WIN_BRIEFING]);
    int examine = ruleset_action(helper_rs, "examine");
    assert_true(examine >= 0);
    assert_true(t.action_uses[examine] >= t.games);
    assert_true(t.rounds >= t.games && t.rounds <= 9 * t.games);
    double sd = simstat_score_sd(&t);
    assert_true(sd > 0.0 && sd < 60.0);
    outcome top = simstat_top_loss(&t);
    if (t.wins < t.games) {
        assert_true(top == OUT_LOSE_DECLARED || top == OUT_LOSE_BRIEFING || top == OUT_LOSE_LEAK ||
                    top == OUT_LOSE_IMPACT);
        for (int k = OUT_LOSE_DECLARED; k < OUT_COUNT; k++)
            assert_true(t.outcomes[k] <= t.outcomes[top]);
    }
    simstat_free(&t);
    /* No losses: no top loss cause. */
    simstat_totals none;
    memset(&none, 0, sizeof none);
    none.games = none.wins = none.outcomes[OUT_WIN_DECLARED] = 3;
    assert_int_equal(simstat_top_loss(&none), OUT_ONGOING);
}

/* An override changes what is played: with a Leak maximum of 1 the first malware phase is a
 * mass breach in every game; with spread off and loud beacons the tutorial is never lost to a
 * hidden infection. */
static void test_simstat_set_changes_the_game(void **st)
{
    int sc = helper_scenario("standard");
    scenario_def saved = helper_rs->scenarios[sc];
    char why[160] = "";
    assert_true(simstat_set(&helper_rs->scenarios[sc], "tracks.leak.max=1", why, sizeof why));
    assert_int_equal(helper_rs->scenarios[sc].track_max[TRACK_LEAK], 1);
    simstat_totals t;
    simstat_test_run("standard", 1, 50, &t);
    assert_int_equal(t.outcomes[OUT_LOSE_LEAK], 50);
    assert_int_equal(t.rounds, 50);
    simstat_free(&t);
    helper_rs->scenarios[sc] = saved;

    int tu = helper_scenario("tutorial");
    saved = helper_rs->scenarios[tu];
    assert_true(simstat_set(&helper_rs->scenarios[tu], "spread.chance=0", why, sizeof why));
    simstat_test_run("tutorial", 1, 100, &t);
    assert_int_equal(t.outcomes[OUT_LOSE_BRIEFING] + t.outcomes[OUT_LOSE_DECLARED], 0);
    simstat_free(&t);
    helper_rs->scenarios[tu] = saved;
}

/* Every documented key is accepted with a legal value; bad keys, values and combinations are
 * refused with a reason, and leave the scenario as it was. */
static void test_simstat_set_checks(void **st)
{
    int sc = helper_scenario("standard");
    scenario_def *sd = &helper_rs->scenarios[sc];
    scenario_def saved = *sd;
    int t05 = scenario_terminal(sd, "T05");
    assert_true(t05 >= 0);
    int t05_noise = sd->terminals[t05].noise;
    char why[160];
    static const char *const good[] = {
        "beacon.max=5",
        "beacon.min=1",
        "noise.max=3",
        "noise.min=1",
        "exfil=2",
        "spread.chance=100",
        "spread.every=4",
        "random_infections=2",
        "tracks.leak.max=20",
        "tracks.leak.start=2",
        "tracks.impact.max=9",
        "tracks.trust.start=3",
        "tracks.evidence.max=40",
        "terminals.T05.noise=4",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        why[0] = '\0';
        if (!simstat_set(sd, good[i], why, sizeof why))
            fail_msg("%s refused: %s", good[i], why);
    }
    assert_int_equal(sd->beacon_min, 1);
    assert_int_equal(sd->beacon_max, 5);
    assert_int_equal(sd->spread_pct, 100);
    assert_int_equal(sd->spread_every, 4);
    assert_int_equal(sd->random_infections, 2);
    assert_int_equal(sd->track_start[TRACK_LEAK], 2);
    assert_int_equal(sd->track_max[TRACK_LEAK], 20);
    assert_int_equal(sd->terminals[t05].noise, 4);
    *sd = saved;
    sd->terminals[t05].noise = t05_noise;

    static const struct {
        const char *kv;
        const char *why_has;
    } bad[] = {
        {"spread.chance", "key=value"},
        {"=3", "key=value"},
        {"spread.speed=3", "unknown key"},
        {"tracks.luck.max=3", "unknown key"},
        {"tracks.leak.top=3", "unknown key"},
        {"terminals.T99.noise=1", "unknown key"},
        {"terminals.T05.kind=1", "unknown key"},
        {"spread.chance=101", "0..100"},
        {"beacon.max=-1", "0..9"},
        {"exfil=two", "integer"},
        {"exfil=", "integer"},
        {"tracks.leak.max=0", "1..99"},
        {"beacon.min=7", "above beacon.max"},
        {"noise.min=3", "above noise.max"},
        {"tracks.leak.start=50", "start above its max"},
        {"random_infections=48", "more infections than terminals"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        why[0] = '\0';
        if (simstat_set(sd, bad[i].kv, why, sizeof why))
            fail_msg("%s was accepted", bad[i].kv);
        if (!strstr(why, bad[i].why_has))
            fail_msg("%s: reason '%s' does not say '%s'", bad[i].kv, why, bad[i].why_has);
    }
    /* Refusals changed nothing. */
    assert_memory_equal(sd, &saved, sizeof saved);
    assert_int_equal(sd->terminals[t05].noise, t05_noise);
    assert_non_null(strstr(simstat_set_keys(), "spread.chance"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simstat_wilson_known_values),
        cmocka_unit_test(test_simstat_interval_shrinks_with_games),
        cmocka_unit_test(test_simstat_runs_are_deterministic),
        cmocka_unit_test(test_simstat_totals_add_up),
        cmocka_unit_test(test_simstat_set_changes_the_game),
        cmocka_unit_test(test_simstat_set_checks),
    };
    return cmocka_run_group_tests_name("simstat", tests, helper_content_setup,
                                       helper_content_teardown);
}
