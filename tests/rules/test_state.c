/* test_state.c: setup validation, initial placement, the round's phase machine and the clock. */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef helper_fixture fixture;

static viewer fac_view(void)
{
    return (viewer){VIEW_FACILITATOR, -1};
}

static int infected_count(const game_state *s)
{
    int n = 0;
    for (size_t t = 0; t < state_scenario(s)->n_terminals; t++) {
        terminal_view tv;
        rules_terminal(s, fac_view(), (int)t, &tv);
        n += tv.infected;
    }
    return n;
}

static void expect_refused(const ruleset *rs, int sc, const game_setup *su, const char *text)
{
    char why[RULES_WHY_MAX] = "";
    game_state *s = state_new(rs, sc, su, why, sizeof why);
    if (s) {
        state_free(s);
        fail_msg("setup accepted; expected '%s'", text);
    }
    if (!strstr(why, text))
        fail_msg("reason '%s' lacks '%s'", why, text);
}

static void test_state_setup_validation(void **state)
{
    fixture *f = *state;
    const ruleset *rs = f->rs;
    int cmd = ruleset_role(rs, "commander"), res = ruleset_role(rs, "researcher");
    int forn = ruleset_role(rs, "forensic"), note = ruleset_role(rs, "notification");
    int poc = ruleset_role(rs, "poc");
    game_setup su;

    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 0;
    expect_refused(rs, HS_TEST, &su, "0 players");

    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 9;
    expect_refused(rs, HS_TEST, &su, "9 players");

    /* Two players: the commander is held twice. */
    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 2;
    strcpy(su.player[1], "Bob");
    su.holds[1] = 1u << cmd;
    expect_refused(rs, HS_TEST, &su, "commander is held by two players");

    /* A role index the ruleset does not have. */
    setup_default(&su, rs, HS_TEST, 1);
    su.holds[0] |= 1u << 12;
    expect_refused(rs, HS_TEST, &su, "holds an unknown role");

    /* A player with no role. */
    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 2;
    strcpy(su.player[1], "Bob");
    expect_refused(rs, HS_TEST, &su, "player Bob holds no role");

    /* An added (expansion) role is held by one player at most, like any other. */
    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 2;
    strcpy(su.player[1], "Bob");
    su.holds[0] |= 1u << poc;
    su.holds[1] = 1u << poc;
    expect_refused(rs, HS_TEST, &su, "poc is held by two players");

    /* A role in play that nobody holds. */
    setup_default(&su, rs, HS_TEST, 1);
    su.holds[0] &= ~(1u << note);
    expect_refused(rs, HS_TEST, &su, "no player holds notification");

    setup_default(&su, rs, HS_TEST, 1);
    su.player[0][0] = '\0';
    expect_refused(rs, HS_TEST, &su, "needs a name");

    /* Four players, one role each: fine. */
    setup_default(&su, rs, HS_TEST, 1);
    su.n_players = 4;
    const int roles[4] = {cmd, res, forn, note};
    for (int p = 0; p < 4; p++) {
        snprintf(su.player[p], sizeof su.player[p], "P%d", p + 1);
        su.holds[p] = 1u << roles[p];
    }
    char why[RULES_WHY_MAX] = "";
    f->s = state_new(rs, HS_TEST, &su, why, sizeof why);
    assert_non_null(f->s);
    assert_int_equal(rules_role_player(f->s, forn), 2);
    assert_int_equal(rules_role_player(f->s, poc), -1);

    expect_refused(rs, 99, &su, "no scenario 99");
}

/* Six players for the test scenario (the four core roles): the fifth holds the incident
 * handler and the sixth the PoC, so that the added roles' turn order (ruleset order: PoC
 * before the incident handler) differs from the players' order. */
static void six_players(const ruleset *rs, game_setup *su)
{
    static const char *const held[6] = {"commander",    "researcher",       "forensic",
                                        "notification", "incident_handler", "poc"};
    setup_default(su, rs, HS_TEST, 3);
    su->n_players = 6;
    for (int p = 0; p < 6; p++) {
        snprintf(su->player[p], sizeof su->player[p], "P%d", p + 1);
        su->holds[p] = 1u << ruleset_role(rs, held[p]);
    }
}

static void test_state_expansion_roles_join(void **state)
{
    fixture *f = *state;
    const ruleset *rs = f->rs;
    game_setup su;
    six_players(rs, &su);
    char why[RULES_WHY_MAX] = "";
    f->s = state_new(rs, HS_TEST, &su, why, sizeof why);
    if (!f->s)
        fail_msg("six players refused: %s", why);
    int cmd = helper_role(f->s, "commander"), res = helper_role(f->s, "researcher");
    int forn = helper_role(f->s, "forensic"), note = helper_role(f->s, "notification");
    int poc = helper_role(f->s, "poc"), ih = helper_role(f->s, "incident_handler");
    int sa = helper_role(f->s, "solution_analyst"), va = helper_role(f->s, "vuln_assessor");

    /* Turn order: the scenario's roles in their order, then the added roles in ruleset order. */
    int order[RULES_MAX_ROLES];
    assert_int_equal(rules_turn_order(f->s, order, RULES_MAX_ROLES), 6);
    const int want[6] = {cmd, res, forn, note, poc, ih};
    assert_memory_equal(order, want, sizeof want);
    assert_int_equal(rules_turn_order(f->s, order, 2), 2); /* max is respected */
    assert_int_equal(order[1], res);
    assert_true(rules_role_in_play(f->s, poc));
    assert_true(rules_role_in_play(f->s, ih));
    assert_false(rules_role_in_play(f->s, sa));
    assert_false(rules_role_in_play(f->s, va));
    assert_int_equal(rules_role_player(f->s, ih), 4);
    assert_int_equal(rules_role_player(f->s, poc), 5);

    /* Their actions are theirs now; the roles still out of play keep their fallbacks. */
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "contact_jpcert")), poc);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "consult_police")), poc);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "press_statement")), poc);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "coordinate")), ih);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "deploy_edr")), res);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "patch")), note);

    /* The same scenario with the four core players falls back as before. */
    game_state *four = helper_new(rs, HS_TEST, 3);
    assert_int_equal(rules_turn_order(four, order, RULES_MAX_ROLES), 4);
    assert_int_equal(rules_action_role(four, helper_action(four, "contact_jpcert")), note);
    assert_int_equal(rules_action_role(four, helper_action(four, "coordinate")), cmd);
    assert_false(rules_role_in_play(four, poc));
    state_free(four);

    /* One player may hold the scenario's roles and an added one. */
    setup_default(&su, rs, HS_TEST, 3);
    su.holds[0] |= 1u << va;
    four = state_new(rs, HS_TEST, &su, why, sizeof why);
    assert_non_null(four);
    assert_int_equal(rules_turn_order(four, order, RULES_MAX_ROLES), 5);
    assert_int_equal(order[4], va);
    assert_int_equal(rules_action_role(four, helper_action(four, "patch")), va);
    state_free(four);
}

/* Does the legal move list hold "act <role> <action> <t0> [<t1>]"? */
static bool has_move(const game_state *s, int role, int action, int t0, int t1)
{
    move mv[1024];
    size_t n = rules_legal_moves(s, mv, 1024);
    for (size_t i = 0; i < n; i++)
        if (mv[i].kind == MV_ACT && mv[i].role == role && mv[i].action == action &&
            mv[i].target[0] == t0 && mv[i].target[1] == t1)
            return true;
    return false;
}

static void test_state_expansion_turns(void **state)
{
    fixture *f = *state;
    const ruleset *rs = f->rs;
    game_setup su;
    six_players(rs, &su);
    f->s = state_new(rs, HS_TEST, &su, NULL, 0);
    assert_non_null(f->s);
    int cmd = helper_role(f->s, "commander"), note = helper_role(f->s, "notification");
    int poc = helper_role(f->s, "poc"), ih = helper_role(f->s, "incident_handler");
    int sa = helper_role(f->s, "solution_analyst");
    helper_begin(f->s, &f->log);

    /* Round start: every role in play gets its AP; the incident handler's passive gives the
     * commander one more. */
    assert_int_equal(rules_ap(f->s, poc), rs->roles[poc].ap);
    assert_int_equal(rules_ap(f->s, ih), rs->roles[ih].ap);
    assert_int_equal(rules_ap(f->s, cmd), rs->roles[cmd].ap + 1);

    char why[RULES_WHY_MAX];
    helper_do(f->s, &f->log, "pass commander");
    helper_do(f->s, &f->log, "pass researcher");
    helper_do(f->s, &f->log, "pass forensic");
    /* The notification officer no longer stands in for the PoC. */
    assert_false(helper_try(f->s, &f->log, "act notification contact_jpcert", why, sizeof why));
    helper_do(f->s, &f->log, "pass notification");
    assert_int_equal(rules_current_role(f->s), poc);
    assert_int_equal(helper_last(&f->log, LOG_TURN)->role, poc);
    int trust = rules_track(f->s, TRACK_TRUST);
    helper_do(f->s, &f->log, "act poc contact_jpcert");
    assert_true(rules_flag(f->s, FLAG_JPCERT_CONTACTED));
    assert_int_equal(rules_track(f->s, TRACK_TRUST), trust + 1);
    assert_int_equal(helper_last(&f->log, LOG_ACTION)->role, poc);
    helper_do(f->s, &f->log, "pass poc");

    /* The incident handler's turn: role pairs range over every role in play (the receiver
     * must not have passed), no other. */
    assert_int_equal(rules_current_role(f->s), ih);
    int coord = helper_action(f->s, "coordinate");
    assert_true(has_move(f->s, ih, coord, poc, ih));
    assert_true(has_move(f->s, ih, coord, cmd, ih));
    assert_false(has_move(f->s, ih, coord, ih, cmd));
    assert_false(has_move(f->s, ih, coord, sa, ih));
    assert_false(has_move(f->s, note, coord, cmd, ih));
    int ap_cmd = rules_ap(f->s, cmd), ap_ih = rules_ap(f->s, ih);
    helper_do(f->s, &f->log, "act incident_handler coordinate commander incident_handler");
    assert_int_equal(rules_ap(f->s, cmd), ap_cmd - 1);
    assert_int_equal(rules_ap(f->s, ih), ap_ih); /* paid 1 AP, received 1 */
    assert_false(helper_try(f->s, &f->log,
                            "act incident_handler coordinate solution_analyst incident_handler",
                            why, sizeof why));
    helper_do(f->s, &f->log, "pass incident_handler");
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_MEETING);
    helper_do(f->s, &f->log, "next");
    rules_clock(f->s, &cv);
    assert_int_equal(cv.round, 2);
    assert_false(rules_passed(f->s, poc));
}

/* A random-role event can strike an added role: it draws from the roles in play. */
static void test_state_expansion_random_role(void **state)
{
    fixture *f = *state;
    game_setup su;
    six_players(f->rs, &su);
    bool hit[RULES_MAX_ROLES] = {false};
    for (uint64_t seed = 1; seed <= 60; seed++) {
        su.seed = seed;
        game_state *s = state_new(f->rs, HS_TEST, &su, NULL, 0);
        assert_non_null(s);
        log_buf log = {0};
        helper_begin(s, &log);
        helper_do(s, &log, "fac inject staff_sick");
        int order[RULES_MAX_ROLES];
        size_t n = rules_turn_order(s, order, RULES_MAX_ROLES);
        int struck = 0;
        for (size_t i = 0; i < n; i++)
            if (rules_ap(s, order[i]) < f->rs->roles[order[i]].ap) {
                hit[order[i]] = true;
                struck++;
            }
        assert_true(struck <= 1);
        log_buf_free(&log);
        state_free(s);
    }
    assert_true(hit[ruleset_role(f->rs, "poc")]);
    assert_true(hit[ruleset_role(f->rs, "incident_handler")]);
    assert_false(hit[ruleset_role(f->rs, "solution_analyst")]);
}

/* The save lists each player's roles; loading it gives the same six-role game. */
static void test_state_expansion_save(void **state)
{
    fixture *f = *state;
    game_setup su;
    six_players(f->rs, &su);
    char why[RULES_WHY_MAX] = "";
    match *m = match_new(f->rs, HS_TEST, &su, why, sizeof why);
    assert_non_null(m);
    const char *lines[] = {"start",
                           "next",
                           "fac skip # quiet",
                           "next",
                           "pass commander",
                           "pass researcher",
                           "pass forensic",
                           "pass notification",
                           "act poc contact_jpcert"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        if (!match_play_line(m, lines[i], why, sizeof why))
            fail_msg("%s: %s", lines[i], why);
    char *text = match_save_text(m);
    assert_non_null(strstr(text, "player P5 incident_handler\n"));
    assert_non_null(strstr(text, "player P6 poc\n"));
    match *back = match_load_text(f->rs, text, NULL, why, sizeof why);
    if (!back)
        fail_msg("reload: %s", why);
    assert_true(state_equal(match_state(m), match_state(back)));
    assert_int_equal(rules_current_role(match_state(back)), ruleset_role(f->rs, "poc"));
    free(text);
    match_free(back);
    match_free(m);
}

static void test_state_setup_default(void **state)
{
    fixture *f = *state;
    game_setup su;
    setup_default(&su, f->rs, HS_TEST, 5);
    assert_int_equal(su.mode, MODE_WORKSHOP);
    assert_true(su.private_info);
    assert_false(su.open_info);
    assert_int_equal(su.n_players, 1);
    assert_string_equal(su.player[0], "Player");
    assert_int_equal(su.holds[0], 0xfu); /* the four core roles, indices 0..3 */
    setup_default(&su, f->rs, HS_SOLO, 5);
    assert_int_equal(su.mode, MODE_SOLO);
    assert_false(su.private_info);
    setup_default(&su, f->rs, HS_FULL, 5);
    assert_int_equal(su.holds[0], 0xffu);
}

static void test_state_initial_position(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 3);
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_SETUP);
    assert_int_equal(cv.round, 0);
    assert_int_equal(cv.rounds, 9);
    assert_int_equal(rules_outcome(f->s), OUT_ONGOING);
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 5);
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 0);
    assert_int_equal(rules_track_max(f->s, TRACK_LEAK), 12);
    assert_int_equal(infected_count(f->s), 1);
    terminal_view tv;
    rules_terminal(f->s, fac_view(), helper_term(f->s, "T01"), &tv);
    assert_true(tv.infected && tv.active && tv.has_volatile);
    assert_int_equal(tv.true_route, ROUTE_MAIL);
    assert_int_equal(tv.infected_round, 0);
    rules_terminal(f->s, fac_view(), helper_term(f->s, "T05"), &tv);
    assert_false(tv.infected);
    assert_true(tv.has_volatile);
    assert_int_equal(rules_current_role(f->s), -1);
    assert_int_equal(rules_round_event(f->s), -1);
    int deck[64];
    assert_int_equal(rules_deck_peek(f->s, deck, 64), f->rs->n_events);
}

static void test_state_random_infections(void **state)
{
    fixture *f = *state;
    /* The solo scenario adds one random infection on a clean terminal, by mail or drive-by. */
    bool seen_other[8] = {false};
    for (uint64_t seed = 1; seed <= 60; seed++) {
        game_state *s = helper_new(f->rs, HS_SOLO, seed);
        assert_int_equal(infected_count(s), 2);
        for (int t = 1; t < 8; t++) {
            terminal_view tv;
            rules_terminal(s, fac_view(), t, &tv);
            if (tv.infected) {
                seen_other[t] = true;
                assert_true(tv.true_route == ROUTE_MAIL || tv.true_route == ROUTE_DRIVEBY);
            }
        }
        state_free(s);
    }
    int distinct = 0;
    for (int t = 1; t < 8; t++)
        distinct += seen_other[t];
    assert_true(distinct >= 4); /* the seed really decides where */
}

static void test_state_start_logs(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_SOLO, 11);
    helper_do(f->s, &f->log, "start");
    assert_int_equal(helper_count(&f->log, LOG_START), 1);
    assert_int_equal(helper_count(&f->log, LOG_ROUND), 1);
    assert_int_equal(helper_count(&f->log, LOG_INFECTED), 2);
    const log_entry *e = helper_last(&f->log, LOG_INFECTED);
    assert_int_equal(e->vis, VIS_FACILITATOR);
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_MALWARE);
    assert_int_equal(cv.round, 1);
    char why[RULES_WHY_MAX];
    assert_false(helper_try(f->s, &f->log, "start", why, sizeof why));
    assert_string_equal(why, "the game has already started");
}

static void test_state_workshop_turns(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 2);
    char why[RULES_WHY_MAX];
    assert_false(helper_try(f->s, &f->log, "next", why, sizeof why));
    assert_non_null(strstr(why, "has not started"));
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "next");
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_EVENT);
    assert_int_equal(helper_count(&f->log, LOG_COUNT_SHOWN), 4);
    assert_false(helper_try(f->s, &f->log, "act commander report", why, sizeof why));
    assert_non_null(strstr(why, "action phase"));
    helper_do(f->s, &f->log, "fac skip");
    helper_do(f->s, &f->log, "next");
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_ACTION);
    assert_int_equal(helper_count(&f->log, LOG_NO_EVENT), 1);
    int cmd = helper_role(f->s, "commander"), res = helper_role(f->s, "researcher");
    assert_int_equal(rules_current_role(f->s), cmd);
    assert_false(helper_try(f->s, &f->log, "act researcher profiling", why, sizeof why));
    assert_string_equal(why, "it is Commander's turn");
    assert_false(helper_try(f->s, &f->log, "pass researcher", why, sizeof why));
    assert_false(helper_try(f->s, &f->log, "next", why, sizeof why));
    assert_non_null(strstr(why, "every role must pass"));
    helper_do(f->s, &f->log, "pass commander");
    assert_true(rules_passed(f->s, cmd));
    assert_int_equal(rules_current_role(f->s), res);
    assert_int_equal(helper_last(&f->log, LOG_TURN)->role, res);
    assert_false(helper_try(f->s, &f->log, "act commander report", why, sizeof why));
    assert_string_equal(why, "Commander has passed this round");
    helper_do(f->s, &f->log, "act researcher profiling");
    helper_do(f->s, &f->log, "pass researcher");
    helper_do(f->s, &f->log, "pass forensic");
    helper_do(f->s, &f->log, "pass notification");
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_MEETING);
    assert_int_equal(helper_count(&f->log, LOG_MEETING), 1);
    helper_do(f->s, &f->log, "next");
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_MALWARE);
    assert_int_equal(cv.round, 2);
    assert_false(rules_passed(f->s, cmd));
}

static void test_state_solo_free_order(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_SOLO, 2);
    helper_begin(f->s, &f->log);
    int cmd = helper_role(f->s, "commander");
    assert_int_equal(rules_current_role(f->s), cmd);
    helper_do(f->s, &f->log, "act forensic preserve T05");
    helper_do(f->s, &f->log, "pass researcher");
    helper_do(f->s, &f->log, "act commander report");
    helper_do(f->s, &f->log, "pass forensic");
    helper_do(f->s, &f->log, "pass notification");
    assert_int_equal(rules_current_role(f->s), cmd);
    helper_do(f->s, &f->log, "pass commander");
    /* Solo: no meeting; the next round begins at once. */
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_MALWARE);
    assert_int_equal(cv.round, 2);
    assert_int_equal(helper_count(&f->log, LOG_MEETING), 0);
    assert_int_equal(helper_count(&f->log, LOG_TURN), 0);
}

static void test_state_clock(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_TEST].spread_pct = 0; /* one infection: Leak stays below its max */
    f->s = helper_new(f->rs, HS_TEST, 9);
    helper_begin(f->s, &f->log);
    for (int round = 1; round <= 9; round++) {
        clock_view cv;
        rules_clock(f->s, &cv);
        assert_int_equal(cv.round, round);
        assert_int_equal(cv.day, (round - 1) / 3 + 1);
        assert_int_equal(cv.phase_of_day, (round - 1) % 3);
        assert_int_equal(cv.days, 3);
        assert_int_equal(cv.phases_per_day, 3);
        const log_entry *e = helper_last(&f->log, LOG_ROUND);
        assert_int_equal(e->round, round);
        assert_int_equal(e->amount, cv.day);
        assert_int_equal(e->value, cv.phase_of_day);
        helper_end_round(f->s, &f->log);
        if (round < 9)
            helper_quiet_round(f->s, &f->log);
    }
    /* After the last round the briefing decides: T01 was never contained. */
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_BRIEFING);
    assert_int_equal(helper_count(&f->log, LOG_DAY_END), 3);
}

static void test_state_ap_reset_before_event(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 4);
    int note = helper_role(f->s, "notification");
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "fac choose inquiry_surge # teach AP loss");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_round_event(f->s), helper_event(f->s, "inquiry_surge"));
    assert_int_equal(rules_ap(f->s, note), 1);
    const log_entry *e = helper_last(&f->log, LOG_AP);
    assert_int_equal(e->role, note);
    assert_int_equal(e->amount, -1);
    assert_int_equal(e->value, 1);
    helper_end_round(f->s, &f->log);
    assert_int_equal(rules_ap(f->s, note), 2);
    assert_int_equal(rules_ap(f->s, helper_role(f->s, "poc")), 0); /* not in play */
}

static void test_state_passive_effects(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_FULL, 4);
    int cmd = helper_role(f->s, "commander");
    helper_begin(f->s, &f->log);
    assert_int_equal(rules_ap(f->s, cmd), 3); /* the incident handler's passive */
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    assert_int_equal(rules_ap(f->s, cmd), 3);
}

static void test_state_schedule_choose_and_deck(void **state)
{
    fixture *f = *state;
    scenario_def *sc = &f->rs->scenarios[HS_TEST];
    sc->n_schedule = 1;
    sc->schedule = calloc(1, sizeof *sc->schedule);
    sc->schedule[0] = (schedule_def){2, ruleset_event(f->rs, "media_call")};
    f->s = helper_new(f->rs, HS_TEST, 21);
    int first[32];
    size_t n = rules_deck_peek(f->s, first, 32);
    assert_int_equal(n, f->rs->n_events);
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    /* Round 1: the deck's first card. */
    assert_int_equal(rules_round_event(f->s), first[0]);
    helper_end_round(f->s, &f->log);
    /* Round 2: the scheduled event wins over the facilitator's choice, which waits. */
    helper_do(f->s, &f->log, "fac choose overtime # reward");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_round_event(f->s), helper_event(f->s, "media_call"));
    helper_end_round(f->s, &f->log);
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_round_event(f->s), helper_event(f->s, "overtime"));
    helper_end_round(f->s, &f->log);
    /* Round 4: back to the deck, where it left off. */
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_round_event(f->s), first[1]);
}

static void test_state_deck_reshuffle_and_empty(void **state)
{
    fixture *f = *state;
    scenario_def *sc = &f->rs->scenarios[HS_TEST];
    sc->n_deck = 2;
    sc->deck = calloc(2, sizeof *sc->deck);
    sc->deck[0] = ruleset_event(f->rs, "media_call");
    sc->deck[1] = ruleset_event(f->rs, "overtime");
    f->s = helper_new(f->rs, HS_TEST, 8);
    helper_do(f->s, &f->log, "start");
    int drawn[4];
    for (int r = 0; r < 4; r++) {
        helper_do(f->s, &f->log, "next");
        helper_do(f->s, &f->log, "next");
        drawn[r] = rules_round_event(f->s);
        helper_end_round(f->s, &f->log);
    }
    assert_int_not_equal(drawn[0], drawn[1]); /* one deck through */
    assert_int_not_equal(drawn[2], drawn[3]); /* reshuffled, through again */
    assert_int_equal(helper_count(&f->log, LOG_NO_EVENT), 0);
    assert_int_equal(helper_count(&f->log, LOG_EVENT), 4);

    /* An empty deck gives no event. */
    sc->n_deck = 0;
    state_free(f->s);
    log_buf_clear(&f->log);
    f->s = helper_new(f->rs, HS_TEST, 8);
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "next");
    assert_int_equal(helper_count(&f->log, LOG_NO_EVENT), 1);
    assert_int_equal(rules_round_event(f->s), -1);
}

static void test_state_pending_flag_next_round(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 4);
    helper_begin(f->s, &f->log);
    helper_do(f->s, &f->log, "pass commander");
    helper_do(f->s, &f->log, "pass researcher");
    helper_do(f->s, &f->log, "pass forensic");
    /* The PoC is absent: its action falls to Notification (the action's own fallback). */
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "contact_jpcert")),
                     helper_role(f->s, "notification"));
    helper_do(f->s, &f->log, "act notification contact_jpcert");
    assert_false(rules_flag(f->s, FLAG_C2_KNOWN));
    assert_true(rules_flag(f->s, FLAG_JPCERT_CONTACTED));
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 6);
    helper_end_round(f->s, &f->log);
    assert_false(rules_flag(f->s, FLAG_C2_KNOWN));
    helper_do(f->s, &f->log, "next");
    assert_true(rules_flag(f->s, FLAG_C2_KNOWN));
    /* Once per game. */
    helper_do(f->s, &f->log, "fac skip");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "pass commander");
    helper_do(f->s, &f->log, "pass researcher");
    helper_do(f->s, &f->log, "pass forensic");
    char why[RULES_WHY_MAX];
    assert_false(helper_try(f->s, &f->log, "act notification contact_jpcert", why, sizeof why));
    assert_string_equal(why, "Contact JPCERT/CC can be played once per game");
}

static void test_state_beacons_and_counts(void **state)
{
    fixture *f = *state;
    scenario_def *sc = &f->rs->scenarios[HS_TEST];
    sc->beacon_min = 2;
    sc->beacon_max = 2;
    sc->terminals[1].noise = 0; /* no decoy in sales */
    f->s = helper_new(f->rs, HS_TEST, 4);
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "next");
    int sales = helper_room(f->s, "sales");
    room_view rv;
    rules_room(f->s, (viewer){VIEW_PUBLIC, -1}, sales, &rv);
    assert_int_equal(rv.count, 2);
    assert_int_equal(rv.n_history, 1);
    assert_int_equal(rv.history[0], 2);
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 1);
    const log_entry *b = helper_last(&f->log, LOG_BEACON);
    assert_non_null(b);
    assert_int_equal(b->terminal, helper_term(f->s, "T01"));
    assert_int_equal(b->amount, 2);
    rules_room(f->s, fac_view(), sales, &rv);
    assert_int_equal(rv.true_count, 2);
    assert_false(rv.overridden);
}

static void test_state_attacker_quiet(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 4);
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "next");
    helper_do(f->s, &f->log, "fac choose attacker_quiet");
    helper_do(f->s, &f->log, "next");
    assert_true(rules_flag(f->s, FLAG_ATTACKER_QUIET));
    helper_end_round(f->s, &f->log);
    log_buf_clear(&f->log);
    helper_do(f->s, &f->log, "next");
    assert_int_equal(helper_count(&f->log, LOG_BEACON), 0);
    assert_false(rules_flag(f->s, FLAG_ATTACKER_QUIET)); /* consumed */
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 2);  /* exfiltration goes on */
    /* flag_next_round from an event: quiet in the round after. */
    helper_do(f->s, &f->log, "fac choose quiet_tomorrow");
    helper_do(f->s, &f->log, "next");
    assert_false(rules_flag(f->s, FLAG_ATTACKER_QUIET));
    helper_end_round(f->s, &f->log);
    log_buf_clear(&f->log);
    helper_do(f->s, &f->log, "next");
    assert_int_equal(helper_count(&f->log, LOG_BEACON), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, helper_setup, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_state_setup_validation),
        T(test_state_setup_default),
        T(test_state_expansion_roles_join),
        T(test_state_expansion_turns),
        T(test_state_expansion_random_role),
        T(test_state_expansion_save),
        T(test_state_initial_position),
        T(test_state_random_infections),
        T(test_state_start_logs),
        T(test_state_workshop_turns),
        T(test_state_solo_free_order),
        T(test_state_clock),
        T(test_state_ap_reset_before_event),
        T(test_state_passive_effects),
        T(test_state_schedule_choose_and_deck),
        T(test_state_deck_reshuffle_and_empty),
        T(test_state_pending_flag_next_round),
        T(test_state_beacons_and_counts),
        T(test_state_attacker_quiet),
    };
#undef T
    return cmocka_run_group_tests_name("state", tests, NULL, NULL);
}
