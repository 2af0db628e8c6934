/* test_bot.c: the bot team (src/tools/bot.c): it reads actions by their effects, always plays
 * legal moves to the end of a game, is deterministic, sees no facilitator truth, and plays the
 * sensible policy its file documents. */
#include "helper_content.h"

#include "bot.h"
#include "core.h"
#include "data.h"
#include "rules.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define BOT_TEST_MAX_MOVES 5000

static game_state *bot_test_new_game(int sc, uint64_t seed)
{
    game_setup su;
    setup_default(&su, helper_rs, sc, seed);
    su.mode = MODE_WORKSHOP;
    su.open_info = true;
    su.private_info = false;
    char why[RULES_WHY_MAX];
    game_state *s = state_new(helper_rs, sc, &su, why, sizeof why);
    if (!s)
        fail_msg("state_new: %s", why);
    return s;
}

/* What one bot game did: the move lines and a few facts checked by the tests. */
typedef struct bot_game {
    core_str lines; /* every move line, one per line */
    outcome result;
    int moves;
    int contain_unpreserved; /* contains of a terminal shown infected whose volatile evidence
                                was still there and not preserved */
    int contain_known;       /* contains of a terminal shown infected */
    int declares;
    int examines_unnamed; /* examinations of a terminal never named by log analysis (or tip) */
} bot_game;

/* Plays one game: the computer facilitator says "next", the bot plays the team. When
 * public_only, the bot is only ever shown public entries (to compare with the full log). */
static void bot_test_play(int sc, uint64_t seed, bool public_only, bot_game *g)
{
    memset(g, 0, sizeof *g);
    game_state *s = bot_test_new_game(sc, seed);
    bot *b = bot_new(s, seed);
    log_buf log = {0};
    bool named[RULES_MAX_TERMINALS] = {0};
    while (rules_outcome(s) == OUT_ONGOING) {
        if (g->moves >= BOT_TEST_MAX_MOVES)
            fail_msg("seed %llu: the game did not end in %d moves", (unsigned long long)seed,
                     BOT_TEST_MAX_MOVES);
        clock_view c;
        rules_clock(s, &c);
        move m;
        if (c.phase == PHASE_ACTION) {
            if (!bot_choose(b, s, &m))
                fail_msg("seed %llu: the bot had no move in the action phase",
                         (unsigned long long)seed);
        } else {
            move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
        }
        char why[RULES_WHY_MAX] = "";
        if (!rules_check(s, &m, why, sizeof why))
            fail_msg("seed %llu: the bot chose an illegal move: %s", (unsigned long long)seed, why);
        if (m.kind == MV_ACT) {
            const action_def *ad = &helper_rs->actions[m.action];
            bot_intent it = bot_classify(helper_rs, m.action);
            if (ad->target == TGT_TERMINAL && m.target[0] >= 0) {
                terminal_view tv;
                viewer pub = {VIEW_PUBLIC, -1};
                rules_terminal(s, pub, m.target[0], &tv);
                if (it == BI_CONTAIN && tv.known_infected) {
                    g->contain_known++;
                    if (tv.evidence == 0 && !tv.volatile_lost)
                        g->contain_unpreserved++;
                }
                if (it == BI_EXAMINE && !named[m.target[0]] && !rules_flag(s, FLAG_C2_BLOCKED))
                    g->examines_unnamed++;
            }
            g->declares += it == BI_DECLARE;
        }
        char *line = move_format(s, &m);
        core_str_printf(&g->lines, "%s\n", line);
        free(line);
        log_buf_clear(&log);
        if (!rules_apply_inplace(s, &m, &log, NULL, why, sizeof why))
            fail_msg("seed %llu: apply refused a checked move: %s", (unsigned long long)seed, why);
        g->moves++;
        for (size_t i = 0; i < log.count; i++) {
            const log_entry *e = &log.items[i];
            viewer pub = {VIEW_PUBLIC, -1};
            if (!rules_visible(s, pub, e))
                continue;
            if (e->type == LOG_RESULT_LOGS) {
                for (int t = 0; t < RULES_MAX_TERMINALS && t < 64; t++)
                    if (e->mask & (1ULL << t))
                        named[t] = true;
            }
            if (e->type == LOG_TIP)
                for (size_t t = 0; t < state_scenario(s)->n_terminals; t++)
                    if (state_scenario(s)->terminals[t].room == e->room)
                        named[t] = true;
        }
        if (public_only) {
            for (size_t i = 0; i < log.count; i++) {
                viewer pub = {VIEW_PUBLIC, -1};
                if (rules_visible(s, pub, &log.items[i]))
                    bot_observe(b, s, &log.items[i], 1);
            }
        } else {
            bot_observe(b, s, log.items, log.count);
        }
    }
    g->result = rules_outcome(s);
    log_buf_free(&log);
    bot_free(b);
    state_free(s);
}

static void bot_game_free(bot_game *g)
{
    core_str_free(&g->lines);
}

static bool bot_test_won(outcome o)
{
    return o == OUT_WIN_DECLARED || o == OUT_WIN_BRIEFING;
}

/* The shipped action cards map onto the bot's intents by their effects, not their ids. */
static void test_bot_classify_reads_effects(void **st)
{
    static const struct {
        const char *id;
        bot_intent want;
    } cases[] = {
        {"examine", BI_EXAMINE},
        {"preserve", BI_PRESERVE},
        {"recover_data", BI_RECOVER},
        {"log_analysis", BI_LOGS},
        {"profiling", BI_PROFILE},
        {"contain", BI_CONTAIN},
        {"report", BI_REPORT},
        {"direct", BI_DIRECT},
        {"declare", BI_DECLARE},
        {"isolate_room", BI_ISOLATE_ROOM},
        {"staff_alert", BI_ALERT},
        {"block_c2", BI_BLOCK},
        {"prepare_briefing", BI_BRIEFING},
        {"contact_jpcert", BI_JPCERT},
        {"consult_police", BI_POLICE},
        {"deploy_edr", BI_EDR},
        {"patch", BI_PATCH},
        {"coordinate", BI_COORD},
        {"press_statement", BI_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int a = ruleset_action(helper_rs, cases[i].id);
        if (a < 0)
            continue; /* the content may rename a card; the others still check the mapping */
        bot_intent got = bot_classify(helper_rs, a);
        if (got != cases[i].want)
            fail_msg("action %s: intent %s, expected %s", cases[i].id, bot_intent_name(got),
                     bot_intent_name(cases[i].want));
    }
    assert_int_not_equal(ruleset_action(helper_rs, "examine"), -1);
    assert_string_equal(bot_intent_name(BI_CONTAIN), "contain");
    assert_string_equal(bot_intent_name(BI_NONE), "none");
}

/* In every scenario the bot only plays legal moves and every game ends. */
static void test_bot_plays_legal_games_to_the_end(void **st)
{
    for (size_t sc = 0; sc < helper_rs->n_scenarios; sc++) {
        for (uint64_t seed = 1; seed <= 12; seed++) {
            bot_game g;
            bot_test_play((int)sc, seed, false, &g);
            assert_int_not_equal(g.result, OUT_ONGOING);
            assert_true(g.moves > 0);
            bot_game_free(&g);
        }
    }
}

/* Same seed, same game: the bot has no hidden source of randomness. */
static void test_bot_same_seed_same_moves(void **st)
{
    int sc = helper_scenario("standard");
    bot_game a, b;
    bot_test_play(sc, 4242, false, &a);
    bot_test_play(sc, 4242, false, &b);
    assert_string_equal(core_str_cstr(&a.lines), core_str_cstr(&b.lines));
    bot_game_free(&a);
    bot_game_free(&b);
}

/* The bot filters what it is shown: feeding it every entry (facilitator truth included) or only
 * the public ones gives the same game (open information makes its results public). */
static void test_bot_ignores_facilitator_truth(void **st)
{
    int sc = helper_scenario("standard");
    for (uint64_t seed = 1; seed <= 6; seed++) {
        bot_game all, pub;
        bot_test_play(sc, seed, false, &all);
        bot_test_play(sc, seed, true, &pub);
        assert_string_equal(core_str_cstr(&all.lines), core_str_cstr(&pub.lines));
        bot_game_free(&all);
        bot_game_free(&pub);
    }
}

/* A forged facilitator-only "0 active" profile must not make the bot declare. */
static void test_bot_forged_truth_changes_nothing(void **st)
{
    int sc = helper_scenario("tutorial");
    game_state *s = bot_test_new_game(sc, 99);
    bot *b = bot_new(s, 99);
    log_buf log = {0};
    /* Play until the first action phase. */
    for (int i = 0; i < 20; i++) {
        clock_view c;
        rules_clock(s, &c);
        if (c.phase == PHASE_ACTION)
            break;
        move m;
        move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
        log_buf_clear(&log);
        assert_true(rules_apply_inplace(s, &m, &log, NULL, NULL, 0));
        bot_observe(b, s, log.items, log.count);
    }
    log_entry forged;
    memset(&forged, 0, sizeof forged);
    forged.type = LOG_RESULT_PROFILE;
    forged.vis = VIS_FACILITATOR;
    forged.vis_role = -1;
    forged.round = 1;
    forged.role = forged.action = forged.event = forged.terminal = forged.terminal2 = -1;
    forged.room = forged.target_role = forged.track = forged.flag = -1;
    forged.amount = 0;
    bot_observe(b, s, &forged, 1);
    move m;
    assert_true(bot_choose(b, s, &m));
    if (m.kind == MV_ACT)
        assert_int_not_equal(bot_classify(helper_rs, m.action), BI_DECLARE);
    log_buf_free(&log);
    bot_free(b);
    state_free(s);
}

/* The policy: evidence first, then containment; examine only what the logs named; declare at
 * most once; and the tutorial with its spread turned off (one infection, loud beacons: the
 * logs always name it, so nothing needs a search) is won nearly always. */
static void test_bot_plays_sensibly(void **st)
{
    int sc = helper_scenario("tutorial");
    int spread = helper_rs->scenarios[sc].spread_pct;
    helper_rs->scenarios[sc].spread_pct = 0;
    int wins = 0, contains = 0, unpreserved = 0, unnamed = 0;
    const int games = 30;
    for (int seed = 1; seed <= games; seed++) {
        bot_game g;
        bot_test_play(sc, (uint64_t)seed, false, &g);
        wins += bot_test_won(g.result);
        contains += g.contain_known;
        unpreserved += g.contain_unpreserved;
        unnamed += g.examines_unnamed;
        assert_true(g.declares <= 1);
        bot_game_free(&g);
    }
    if (wins * 100 < games * 80)
        fail_msg("the bot won only %d of %d tutorial games", wins, games);
    assert_true(contains >= wins);
    if (unpreserved * 10 > contains)
        fail_msg("%d of %d contains lost volatile evidence that could have been kept", unpreserved,
                 contains);
    assert_int_equal(unnamed, 0);
    helper_rs->scenarios[sc].spread_pct = spread;
}

/* The round in which the team first examined a terminal that log analysis had named, and the
 * round of that first naming, in a tutorial game (spread off) with the given information
 * setting. */
static void bot_test_first_lead(uint64_t seed, bool open, int *named_round, int *examined_round)
{
    int sc = helper_scenario("tutorial");
    int spread = helper_rs->scenarios[sc].spread_pct;
    helper_rs->scenarios[sc].spread_pct = 0;
    game_setup su;
    setup_default(&su, helper_rs, sc, seed);
    su.mode = MODE_WORKSHOP;
    su.private_info = !open;
    su.open_info = open;
    char why[RULES_WHY_MAX];
    game_state *s = state_new(helper_rs, sc, &su, why, sizeof why);
    if (!s)
        fail_msg("state_new: %s", why);
    bot *b = bot_new(s, seed);
    log_buf log = {0};
    int first_named[RULES_MAX_TERMINALS] = {0};
    *named_round = *examined_round = 0;
    for (int moves = 0; rules_outcome(s) == OUT_ONGOING && !*examined_round; moves++) {
        if (moves >= BOT_TEST_MAX_MOVES)
            fail_msg("seed %llu: the game did not end", (unsigned long long)seed);
        clock_view c;
        rules_clock(s, &c);
        move m;
        if (c.phase == PHASE_ACTION)
            assert_true(bot_choose(b, s, &m));
        else
            move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
        if (m.kind == MV_ACT && bot_classify(helper_rs, m.action) == BI_EXAMINE &&
            first_named[m.target[0]]) {
            *named_round = first_named[m.target[0]];
            *examined_round = c.round;
        }
        log_buf_clear(&log);
        assert_true(rules_apply_inplace(s, &m, &log, NULL, why, sizeof why));
        for (size_t i = 0; i < log.count; i++)
            if (log.items[i].type == LOG_RESULT_LOGS)
                for (int t = 0; t < RULES_MAX_TERMINALS; t++)
                    if ((log.items[i].mask >> t) & 1 && !first_named[t])
                        first_named[t] = log.items[i].round;
        bot_observe(b, s, log.items, log.count);
    }
    log_buf_free(&log);
    bot_free(b);
    state_free(s);
    helper_rs->scenarios[sc].spread_pct = spread;
}

/* Talk is restricted until the meeting: with private information the researcher's log analysis
 * reaches the forensic engineer at the meeting, so a named terminal is examined in a later
 * round; with open information everyone reads it at once and acts on it the same round. */
static void test_bot_waits_for_the_meeting(void **st)
{
    for (uint64_t seed = 1; seed <= 10; seed++) {
        int named, examined;
        bot_test_first_lead(seed, false, &named, &examined);
        assert_true(named > 0);
        if (examined <= named)
            fail_msg("seed %llu, private: named in round %d, examined in round %d",
                     (unsigned long long)seed, named, examined);
        bot_test_first_lead(seed, true, &named, &examined);
        assert_true(named > 0);
        if (examined != named)
            fail_msg("seed %llu, open: named in round %d, examined in round %d",
                     (unsigned long long)seed, named, examined);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bot_classify_reads_effects),
        cmocka_unit_test(test_bot_plays_legal_games_to_the_end),
        cmocka_unit_test(test_bot_same_seed_same_moves),
        cmocka_unit_test(test_bot_ignores_facilitator_truth),
        cmocka_unit_test(test_bot_forged_truth_changes_nothing),
        cmocka_unit_test(test_bot_plays_sensibly),
        cmocka_unit_test(test_bot_waits_for_the_meeting),
    };
    return cmocka_run_group_tests_name("bot", tests, helper_content_setup, helper_content_teardown);
}
