/* test_newgame.c: the new-game setup logic: even deals for 1..8 players, every role held by
 * exactly one player after any change, hand-made deals kept, seeds, and the rules accepting
 * what the setup screen produces for every shipped scenario. */
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* A hand-made ruleset with 8 roles (r0-r3 core, r4-r7 expansion), all of them the roles of
 * scenario 0, 3 of them those of scenario 1, 2 those of scenario 2. */
static int roles8[8] = {0, 1, 2, 3, 4, 5, 6, 7};
static int roles3[3] = {5, 2, 7};
static int roles2[2] = {1, 0};
static role_def role_defs[8];
static scenario_def scen[3];
static ruleset rs8;

static void fake_ruleset(void)
{
    static char ids[8][8];
    memset(&rs8, 0, sizeof rs8);
    for (int i = 0; i < 8; i++) {
        snprintf(ids[i], sizeof ids[i], "r%d", i);
        role_defs[i].id = ids[i];
        role_defs[i].core = i < 4;
    }
    rs8.roles = role_defs;
    rs8.n_roles = 8;
    scen[0].roles = roles8;
    scen[0].n_roles = 8;
    scen[1].roles = roles3;
    scen[1].n_roles = 3;
    scen[2].roles = roles2;
    scen[2].n_roles = 2;
    rs8.scenarios = scen;
    rs8.n_scenarios = 3;
}

static int role_count(uint32_t m)
{
    int n = 0;
    for (; m; m &= m - 1)
        n++;
    return n;
}

/* A setup of the hand-made ruleset for players players, dealt evenly for scenario sc. */
static game_setup dealt(int players, int sc)
{
    game_setup su;
    memset(&su, 0, sizeof su);
    su.n_players = players;
    newgame_deal_evenly(&su, &rs8, sc);
    return su;
}

/* Asserts the setup is valid and says why not (the library's own reason) if it is not. */
static void assert_valid(const game_setup *su, const ruleset *rs, int sc)
{
    char why[RULES_WHY_MAX] = "";
    bool ok = newgame_valid(su, rs, sc, why, sizeof why);
    if (!ok)
        fail_msg("invalid setup: %s", why);
}

static void test_newgame_deal_evenly_1_to_8_players(void **state)
{
    (void)state;
    fake_ruleset();
    for (int n = 1; n <= 8; n++) {
        game_setup su = dealt(n, 0);
        assert_valid(&su, &rs8, 0);
        int lo = 99, hi = 0;
        for (int p = 0; p < n; p++) {
            int c = role_count(su.holds[p]);
            lo = c < lo ? c : lo;
            hi = c > hi ? c : hi;
        }
        /* evenly: nobody holds two roles more than anybody else */
        assert_true(hi - lo <= 1);
        assert_true(lo >= 1);
        /* the first player leads: they hold the first role in turn order */
        assert_int_equal(newgame_holder(&su, 0), 0);
        for (int p = n; p < RULES_MAX_PLAYERS; p++)
            assert_int_equal(su.holds[p], 0);
    }
    /* a scenario with roles out of index order deals in its turn order */
    game_setup su = dealt(2, 1);
    assert_int_equal(su.holds[0], (1u << 5) | (1u << 7));
    assert_int_equal(su.holds[1], 1u << 2);
    assert_valid(&su, &rs8, 1);
}

/* More players than the scenario's roles: extra roles join, expansion roles first. */
static void test_newgame_deal_adds_extra_roles(void **state)
{
    (void)state;
    fake_ruleset();
    int extra[RULES_MAX_ROLES];
    /* scenario 1 (r5 r2 r7): the expansion roles r4 r6, then the core roles r0 r1 r3 */
    assert_int_equal(newgame_extra_roles(&rs8, 1, extra, RULES_MAX_ROLES), 5);
    const int want[5] = {4, 6, 0, 1, 3};
    assert_memory_equal(extra, want, sizeof want);
    assert_int_equal(newgame_extra_roles(&rs8, 0, extra, RULES_MAX_ROLES), 0);
    assert_int_equal(newgame_extra_roles(&rs8, 1, extra, 2), 2);
    for (int sc = 0; sc < 3; sc++)
        assert_int_equal(newgame_max_players(&rs8, sc), 8);
    for (int sc = 1; sc < 3; sc++) {
        int k = (int)scen[sc].n_roles;
        for (int n = 1; n <= 8; n++) {
            game_setup su = dealt(n, sc);
            assert_valid(&su, &rs8, sc);
            uint32_t all = 0;
            for (int p = 0; p < n; p++) {
                assert_true(role_count(su.holds[p]) >= 1);
                if (n >= k)
                    assert_int_equal(role_count(su.holds[p]), 1); /* one each */
                all |= su.holds[p];
            }
            /* the scenario's roles, once each, plus exactly the extra roles the count needs */
            for (int i = 0; i < k; i++)
                assert_true(all & (1u << scen[sc].roles[i]));
            assert_int_equal(role_count(all), n > k ? n : k);
            newgame_extra_roles(&rs8, sc, extra, RULES_MAX_ROLES);
            for (int i = 0; i < 8 - k; i++)
                assert_int_equal(!!(all & (1u << extra[i])), i < n - k);
        }
    }
    /* 5 players in scenario 1: the extras follow the scenario's roles in the deal */
    game_setup su = dealt(5, 1);
    const uint32_t holds[5] = {1u << 5, 1u << 2, 1u << 7, 1u << 4, 1u << 6};
    assert_memory_equal(su.holds, holds, sizeof holds);
    /* and back to 2: the extras leave with the even deal */
    newgame_set_players(&su, &rs8, 1, 2, NULL);
    assert_int_equal(su.holds[0] | su.holds[1], (1u << 5) | (1u << 2) | (1u << 7));
    assert_valid(&su, &rs8, 1);
}

static void test_newgame_unassign_extra_roles(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(2, 1); /* p0: r5 r7, p1: r2 */
    assert_false(newgame_required(&rs8, 1, 4));
    assert_true(newgame_required(&rs8, 1, 7));
    newgame_assign(&su, 4, 1); /* r4 joins with player 2 */
    assert_int_equal(newgame_holder(&su, 4), 1);
    assert_valid(&su, &rs8, 1);
    assert_false(newgame_unassign(&su, &rs8, 1, 7)); /* a scenario role stays */
    assert_false(newgame_unassign(&su, &rs8, 1, 6)); /* nobody holds it */
    assert_true(newgame_unassign(&su, &rs8, 1, 4));
    assert_int_equal(newgame_holder(&su, 4), -1);
    assert_int_equal(su.holds[1], 1u << 2);
    /* a player's only role cannot leave: they would hold nothing */
    su.n_players = 4;
    newgame_deal_evenly(&su, &rs8, 1); /* ..., p3: r4 */
    assert_false(newgame_unassign(&su, &rs8, 1, 4));
    assert_int_equal(su.holds[3], 1u << 4);
    assert_valid(&su, &rs8, 1);
}

static void test_newgame_assign_keeps_one_holder(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(4, 0);
    core_rng rng;
    core_rng_seed(&rng, 7);
    for (int i = 0; i < 2000; i++) {
        int r = core_rng_range(&rng, 0, 7), p = core_rng_range(&rng, 0, su.n_players - 1);
        newgame_assign(&su, r, p);
        assert_int_equal(newgame_holder(&su, r), p);
        assert_valid(&su, &rs8, 0);
    }
}

static void test_newgame_assign_swaps_single_roles(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(3, 1); /* p0: r5, p1: r2, p2: r7 */
    newgame_assign(&su, 5, 1);   /* p0 would hold nothing: it takes p1's r2 */
    assert_int_equal(su.holds[0], 1u << 2);
    assert_int_equal(su.holds[1], 1u << 5);
    assert_int_equal(su.holds[2], 1u << 7);
    assert_valid(&su, &rs8, 1);
}

static void test_newgame_player_count_changes_stay_valid(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(1, 0);
    core_rng rng;
    core_rng_seed(&rng, 42);
    for (int i = 0; i < 3000; i++) {
        if (core_rng_chance(&rng, 50)) {
            int n = core_rng_range(&rng, 0, 10); /* out-of-range counts are clamped */
            newgame_set_players(&su, &rs8, 0, n, NULL);
            int want = n < 1 ? 1 : n > 8 ? 8 : n;
            assert_int_equal(su.n_players, want);
        } else {
            newgame_assign(&su, core_rng_range(&rng, 0, 7),
                           core_rng_range(&rng, 0, su.n_players - 1));
        }
        assert_valid(&su, &rs8, 0);
    }
}

static void test_newgame_set_players_keeps_hand_deal(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(4, 0);
    /* by hand: player 3 takes roles 0 and 4 */
    newgame_assign(&su, 0, 2);
    newgame_assign(&su, 4, 2);
    uint32_t p2 = su.holds[2];
    newgame_set_players(&su, &rs8, 0, 3, NULL); /* player 4 leaves */
    assert_int_equal(su.holds[2] & p2, p2);     /* player 3 keeps what they chose */
    assert_valid(&su, &rs8, 0);
    newgame_set_players(&su, &rs8, 0, 5, NULL); /* two join: each takes one role */
    assert_true(su.holds[3] != 0 && su.holds[4] != 0);
    assert_valid(&su, &rs8, 0);
}

static void test_newgame_even_deal_stays_even(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(2, 0), even;
    newgame_set_players(&su, &rs8, 0, 5, NULL);
    even = su;
    newgame_deal_evenly(&even, &rs8, 0);
    assert_memory_equal(su.holds, even.holds, sizeof su.holds);
}

static void test_newgame_new_players_get_names(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su;
    memset(&su, 0, sizeof su);
    su.n_players = 1;
    snprintf(su.player[0], RULES_NAME_MAX, "Aiko");
    newgame_deal_evenly(&su, &rs8, 0);
    const char *names[8] = {"x", "B", "C"};
    newgame_set_players(&su, &rs8, 0, 3, names);
    assert_string_equal(su.player[0], "Aiko");
    assert_string_equal(su.player[1], "B");
    assert_string_equal(su.player[2], "C");
    newgame_set_players(&su, &rs8, 0, 4, NULL);
    assert_string_equal(su.player[3], "Player 4");
}

/* Random player counts, gives and removals in a scenario with fewer roles than players: the
 * deal stays valid and the scenario's roles are always held once. */
static void test_newgame_extra_roles_stay_valid(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(1, 2);
    core_rng rng;
    core_rng_seed(&rng, 3);
    for (int i = 0; i < 4000; i++) {
        int what = core_rng_range(&rng, 0, 2);
        if (what == 0) {
            int n = core_rng_range(&rng, 0, 9);
            newgame_set_players(&su, &rs8, 2, n, NULL);
            assert_int_equal(su.n_players, n < 1 ? 1 : n > 8 ? 8 : n);
        } else if (what == 1) {
            newgame_assign(&su, core_rng_range(&rng, 0, 7),
                           core_rng_range(&rng, 0, su.n_players - 1));
        } else {
            int r = core_rng_range(&rng, 0, 7);
            int before = newgame_holder(&su, r);
            int load = before >= 0 ? role_count(su.holds[before]) : 0;
            bool ok = newgame_unassign(&su, &rs8, 2, r);
            assert_int_equal(ok, before >= 0 && !newgame_required(&rs8, 2, r) && load >= 2);
            if (ok)
                assert_int_equal(newgame_holder(&su, r), -1);
        }
        assert_valid(&su, &rs8, 2);
        for (int p = 0; p < su.n_players; p++)
            assert_true(su.holds[p] != 0);
        for (int p = su.n_players; p < RULES_MAX_PLAYERS; p++)
            assert_int_equal(su.holds[p], 0);
    }
}

static void test_newgame_valid_rejects_bad_deals(void **state)
{
    (void)state;
    fake_ruleset();
    game_setup su = dealt(2, 1);
    char why[RULES_WHY_MAX];
    su.holds[1] |= 1u << 5; /* two holders */
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
    assert_non_null(strstr(why, "held by 2"));
    newgame_deal_evenly(&su, &rs8, 1);
    su.holds[0] &= ~(1u << 7); /* nobody holds r7 */
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
    newgame_deal_evenly(&su, &rs8, 1);
    su.holds[0] |= 1u << 0; /* r0 is not one of scenario 1's roles: it joins */
    assert_valid(&su, &rs8, 1);
    su.holds[1] |= 1u << 0; /* but one player holds it at most */
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
    assert_non_null(strstr(why, "another player"));
    newgame_deal_evenly(&su, &rs8, 1);
    su.holds[1] |= 1u << 9; /* a role the content does not have */
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
    assert_non_null(strstr(why, "does not have"));
    newgame_deal_evenly(&su, &rs8, 1);
    su.holds[1] = 0;
    su.holds[0] |= 1u << 2;
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
    assert_non_null(strstr(why, "holds no role"));
    su.n_players = 0;
    assert_false(newgame_valid(&su, &rs8, 1, why, sizeof why));
}

static void test_newgame_scenario_switch_clamps_players(void **state)
{
    (void)state;
    fake_ruleset();
    app_newgame ng;
    memset(&ng, 0, sizeof ng);
    ng.setup.n_players = 6;
    newgame_set_scenario(&ng, &rs8, 0);
    assert_int_equal(ng.setup.n_players, 6);
    assert_valid(&ng.setup, &rs8, 0);
    newgame_set_scenario(&ng, &rs8, 1); /* 3 roles, 5 that may join: still 6 players */
    assert_int_equal(ng.scenario, 1);
    assert_int_equal(ng.setup.n_players, 6);
    assert_valid(&ng.setup, &rs8, 1);
    /* content with only 3 roles: scenario 2 (r1 r0) takes r2 at most: 3 players */
    ruleset small = rs8;
    small.n_roles = 3;
    assert_int_equal(newgame_max_players(&small, 2), 3);
    newgame_set_scenario(&ng, &small, 2);
    assert_int_equal(ng.setup.n_players, 3);
    assert_valid(&ng.setup, &small, 2);
    assert_int_equal(ng.setup.holds[2], 1u << 2);
}

static void test_newgame_parse_seed(void **state)
{
    (void)state;
    uint64_t v = 0;
    assert_true(newgame_parse_seed("12345", &v));
    assert_int_equal(v, 12345);
    assert_true(newgame_parse_seed(" 0 ", &v));
    assert_int_equal(v, 0);
    assert_true(newgame_parse_seed("18446744073709551615", &v));
    assert_true(v == UINT64_MAX);
    assert_false(newgame_parse_seed("18446744073709551616", &v)); /* overflow */
    assert_false(newgame_parse_seed("", &v));
    assert_false(newgame_parse_seed("12a", &v));
    assert_false(newgame_parse_seed("-1", &v));
}

/* What the setup screen produces, the rules accept: every shipped scenario, every count up to
 * 8 (the shipped ruleset's 8 roles), with the expansion roles in play beyond the scenario's. */
static void test_newgame_rules_accept_every_count(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    assert_int_equal(a.rs->n_roles, 8);
    for (size_t sc = 0; sc < a.rs->n_scenarios; sc++) {
        const scenario_def *s = &a.rs->scenarios[sc];
        newgame_set_scenario(&a.newgame, a.rs, (int)sc);
        assert_int_equal(newgame_max_players(a.rs, (int)sc), 8);
        for (int n = 1; n <= 8; n++) {
            newgame_set_players(&a.newgame.setup, a.rs, (int)sc, n, NULL);
            char why[RULES_WHY_MAX] = "";
            match *m = match_new(a.rs, (int)sc, &a.newgame.setup, why, sizeof why);
            if (!m)
                fail_msg("%s with %d players: %s", s->id, n, why);
            const game_state *st = match_state(m);
            int order[RULES_MAX_ROLES];
            int k = (int)s->n_roles;
            int in_play = (int)rules_turn_order(st, order, RULES_MAX_ROLES);
            assert_int_equal(in_play, n > k ? n : k);
            for (int i = 0; i < in_play; i++) {
                assert_true(rules_role_player(st, order[i]) >= 0);
                if (i >= k)
                    assert_false(a.rs->roles[order[i]].core); /* expansion roles join */
            }
            match_free(m);
        }
    }
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_newgame_deal_evenly_1_to_8_players),
        cmocka_unit_test(test_newgame_deal_adds_extra_roles),
        cmocka_unit_test(test_newgame_unassign_extra_roles),
        cmocka_unit_test(test_newgame_extra_roles_stay_valid),
        cmocka_unit_test(test_newgame_assign_keeps_one_holder),
        cmocka_unit_test(test_newgame_assign_swaps_single_roles),
        cmocka_unit_test(test_newgame_player_count_changes_stay_valid),
        cmocka_unit_test(test_newgame_set_players_keeps_hand_deal),
        cmocka_unit_test(test_newgame_even_deal_stays_even),
        cmocka_unit_test(test_newgame_new_players_get_names),
        cmocka_unit_test(test_newgame_valid_rejects_bad_deals),
        cmocka_unit_test(test_newgame_scenario_switch_clamps_players),
        cmocka_unit_test(test_newgame_parse_seed),
        cmocka_unit_test(test_newgame_rules_accept_every_count),
    };
    return cmocka_run_group_tests_name("app_newgame", tests, NULL, NULL);
}
