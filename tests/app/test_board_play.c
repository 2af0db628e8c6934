/* test_board_play.c: the board screen played through its input function and drawn through the
 * recording drawer: whole random games never show a hidden fact on the public screen, and
 * clicks and keys play the moves a player means (targets, illegal reasons, keyboard only,
 * undo, curtain, notebook, notes, meeting countdown, facilitator pacing, game over). */
#include "board.h"
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const game_state *st(const app *a)
{
    return match_state(a->match);
}

static int action_index(const app *a, const char *id)
{
    return ruleset_action(a->rs, id);
}

static void right_click(app *a, ui_rect r)
{
    ui_input in = {0};
    in.type = IN_MOUSE_DOWN;
    in.button = 3;
    in.x = r.x + r.w / 2;
    in.y = r.y + r.h / 2;
    app_input(a, &in);
}

/* ---- the hidden-fact check of the public screen ---- */

static void check_public_screen(app *a, unsigned long long seed, size_t step)
{
    ui_draw *d = helper_draw(a);
    const game_state *s = st(a);
    const ruleset *rs = state_ruleset(s);
    const scenario_def *sc = state_scenario(s);
    viewer pub = {VIEW_PUBLIC, -1}, fac = {VIEW_FACILITATOR, -1};
    board_layout L;
    board_input_layout(a, &L);

    /* 1. an INFECTED token only on a terminal the public knows is infected */
    const char *infected = board_play_tr(a, "INFECTED");
    for (int t = 0; t < (int)sc->n_terminals && !a->board.curtain; t++) {
        terminal_view pv, fv;
        rules_terminal(s, pub, t, &pv);
        rules_terminal(s, fac, t, &fv);
        bool token = helper_rec_text_in(d, infected, L.terminal[t], true);
        if (token && !pv.known_infected)
            fail_msg("seed %llu step %zu: %s shows %s before it is examined (truth: %s)", seed,
                     step, sc->terminals[t].id, infected, fv.infected ? "infected" : "clean");
        if (!token && pv.known_infected)
            fail_msg("seed %llu step %zu: %s is known infected but shows no token", seed, step,
                     sc->terminals[t].id);
    }

    /* 2. no title of an event still in the deck (and never drawn) */
    const log_buf *log = match_log(a->match);
    int deck[64];
    size_t nd = rules_deck_peek(s, deck, 64);
    for (size_t k = 0; k < nd; k++) {
        bool drawn = deck[k] == rules_round_event(s);
        for (size_t i = 0; i < log->count && !drawn; i++)
            drawn = log->items[i].type == LOG_EVENT && log->items[i].event == deck[k];
        if (drawn)
            continue;
        const char *title = ml_get(&rs->events[deck[k]].title, a->lang);
        if (ui_draw_rec_has_text(d, title))
            fail_msg("seed %llu step %zu: the undrawn event '%s' is on screen", seed, step, title);
    }

    /* 3. and 4. no private result before its confirmation, no facilitator line ever */
    char label[64];
    snprintf(label, sizeof label, "seed %llu step %zu", seed, step);
    helper_assert_no_hidden_lines(a, d, label);
    draw_free(d);
}

/* Plays one whole game of seed by random legal moves, checking the screen after each. */
static void play_random_game(unsigned long long seed, lang l)
{
    app a;
    helper_open_board(&a, NULL, seed, "", l);
    core_rng rng;
    core_rng_seed(&rng, seed * 7919u + 1);
    move *legal = calloc(512, sizeof *legal);
    size_t step = 0;
    int curtains = 0;
    check_public_screen(&a, seed, step);
    while (rules_outcome(st(&a)) == OUT_ONGOING && step < 2000) {
        if (a.board.curtain || a.board.result_shown) {
            curtains += a.board.curtain;
            board_play_curtain_confirm(&a);
            check_public_screen(&a, seed, ++step);
            continue;
        }
        size_t nl = rules_legal_moves(st(&a), legal, 512);
        assert_true(nl > 0);
        if (nl > 512)
            nl = 512;
        move m = legal[core_rng_range(&rng, 0, (int)nl - 1)];
        /* keep games long enough to see the rounds: declaring is rarely chosen */
        if (m.kind == MV_ACT && strcmp(a.rs->actions[m.action].id, "declare") == 0 &&
            core_rng_range(&rng, 0, 9) != 0)
            continue;
        char why[RULES_WHY_MAX];
        if (!board_play_move(&a, &m, why, sizeof why))
            fail_msg("seed %llu: a legal move was refused: %s", seed, why);
        /* hover somewhere (tooltips must stay public too) and let time pass a little */
        board_layout L;
        board_input_layout(&a, &L);
        int t = core_rng_range(&rng, 0, L.n_terminals - 1);
        a.board.hover_x = L.terminal[t].x + 4;
        a.board.hover_y = L.terminal[t].y + 4;
        app_update(&a, 16);
        check_public_screen(&a, seed, ++step);
    }
    assert_int_not_equal(rules_outcome(st(&a)), OUT_ONGOING);
    assert_true(curtains > 0); /* private information was on: some result went behind it */
    free(legal);
    app_free(&a);
}

static void test_board_random_games_never_show_hidden_facts(void **state)
{
    for (unsigned long long seed = 1; seed <= 6; seed++)
        play_random_game(seed, seed % 2 ? LANG_EN : LANG_JA);
}

/* ---- playing with the mouse ---- */

static void test_board_click_action_then_target_plays(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    assert_int_equal(board_play_acting_role(&a), ruleset_role(a.rs, "commander"));
    board_layout L;
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "contain")]);
    assert_int_equal(a.board.mode, BM_TARGET);
    board_targets t;
    board_play_targets(&a, &t);
    assert_true(t.n > 0);
    assert_int_equal(t.item[0].kind, BT_TERMINAL);
    /* the legal targets light up: drawing them shows the highlight on the first one */
    int term = t.item[t.n - 1].id;
    size_t before = match_moves(a.match);
    helper_click_rect(&a, L.terminal[term]);
    assert_int_equal(match_moves(a.match), before + 1);
    char want[64];
    snprintf(want, sizeof want, "act commander contain %s",
             state_scenario(st(&a))->terminals[term].id);
    assert_string_equal(helper_last_line(&a), want);
    assert_int_equal(a.board.mode, BM_IDLE);
    app_free(&a);
}

static void test_board_illegal_target_shows_the_rules_reason(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\nact commander contain T01\n", LANG_EN);
    board_layout L;
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "contain")]);
    assert_int_equal(a.board.mode, BM_TARGET);
    size_t before = match_moves(a.match);
    helper_click_rect(&a, L.terminal[0]); /* T01 is already isolated */
    assert_int_equal(match_moves(a.match), before);
    move m;
    move_init(&m, MV_ACT);
    m.role = ruleset_role(a.rs, "commander");
    m.action = action_index(&a, "contain");
    m.target[0] = 0;
    char why[RULES_WHY_MAX];
    assert_false(rules_check(st(&a), &m, why, sizeof why));
    assert_non_null(strstr(a.board.message, why));
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, why)); /* shown in the message bar */
    draw_free(d);
    /* right-click cancels the choice */
    right_click(&a, L.terminal[1]);
    assert_int_equal(a.board.mode, BM_IDLE);
    app_free(&a);
}

static void test_board_keyboard_only_plays_and_passes(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_JA);
    int b = helper_button_of(&a, "contain");
    helper_key(&a, (ui_key)(KEY_1 + b), 0);
    assert_int_equal(a.board.mode, BM_TARGET);
    board_targets t;
    board_play_targets(&a, &t);
    assert_true(t.n >= 3);
    helper_key(&a, KEY_TAB, 0);
    helper_key(&a, KEY_TAB, 0);
    helper_key(&a, KEY_TAB, MOD_SHIFT);
    helper_key(&a, KEY_RIGHT, 0);
    helper_key(&a, KEY_ENTER, 0);
    char want[64];
    snprintf(want, sizeof want, "act commander contain %s",
             state_scenario(st(&a))->terminals[t.item[2].id].id);
    assert_string_equal(helper_last_line(&a), want);
    /* E ends the turn; the banner goes to the next role */
    helper_key(&a, KEY_E, 0);
    assert_string_equal(helper_last_line(&a), "pass commander");
    assert_int_equal(board_play_acting_role(&a), ruleset_role(a.rs, "researcher"));
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "手番: リサーチャー - Ben"));
    draw_free(d);
    /* Esc cancels a choice; a no-target action waits for Enter */
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "profiling")), 0);
    assert_int_equal(a.board.mode, BM_TARGET);
    helper_key(&a, KEY_ESCAPE, 0);
    assert_int_equal(a.board.mode, BM_IDLE);
    assert_string_equal(helper_last_line(&a), "pass commander");
    app_free(&a);
}

static void test_board_undo_as_far_as_the_rules_allow(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    uint64_t before = state_hash(st(&a));
    size_t moves = match_moves(a.match);
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "report")), 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_string_equal(helper_last_line(&a), "act commander report");
    helper_key(&a, KEY_Z, MOD_CTRL);
    assert_int_equal(match_moves(a.match), moves);
    assert_true(state_hash(st(&a)) == before);
    /* the facilitator's `next` drew an event: it cannot be taken back */
    helper_key(&a, KEY_Z, MOD_CTRL);
    assert_int_equal(match_moves(a.match), moves);
    assert_non_null(strstr(a.board.message, "Cannot undo"));
    /* the Undo button does the same */
    board_layout L;
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "report")]); /* no target: played at once */
    assert_string_equal(helper_last_line(&a), "act commander report");
    helper_click_rect(&a, L.undo);
    assert_true(state_hash(st(&a)) == before);
    app_free(&a);
}

static void test_board_role_targets_light_up_on_the_team_strip(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    const scenario_def *sc = state_scenario(st(&a));
    board_layout L;
    board_input_layout(&a, &L);
    int forensic = ruleset_role(a.rs, "forensic");
    int chip = -1, other = -1;
    for (size_t i = 0; i < sc->n_roles; i++) {
        if (sc->roles[i] == forensic)
            chip = (int)i;
        else if (sc->roles[i] == ruleset_role(a.rs, "notification"))
            other = (int)i;
    }
    assert_true(chip >= 0 && other >= 0);
    /* Direct: one role target, chosen by clicking its chip */
    helper_click_rect(&a, L.action[helper_button_of(&a, "direct")]);
    board_targets t;
    board_play_targets(&a, &t);
    assert_true(board_play_targets_has(&t, BT_ROLE, forensic));
    helper_click_rect(&a, L.team_chip[chip]);
    assert_string_equal(helper_last_line(&a), "act commander direct forensic");
    /* Coordinate: a role pair, the giver then the receiver (keyboard for the second) */
    helper_click_rect(&a, L.action[helper_button_of(&a, "coordinate")]);
    helper_click_rect(&a, L.team_chip[chip]);
    assert_int_equal(a.board.pending_target, forensic);
    board_play_targets(&a, &t);
    assert_false(board_play_targets_has(&t, BT_ROLE, forensic)); /* not to itself */
    int to = -1;
    for (int i = 0; i < t.n; i++)
        if (t.item[i].id == sc->roles[other])
            to = i;
    assert_true(to >= 0);
    for (int i = 0; i <= to; i++)
        helper_key(&a, KEY_TAB, 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_string_equal(helper_last_line(&a), "act commander coordinate forensic notification");
    app_free(&a);
}

/* Eight players: the expansion roles are on the team strip in turn order, play their own
 * actions and are role targets like the others. */
static void test_board_eight_players_team_strip(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    char *text = helper_fixture("board_eight.malcon");
    char why[256];
    if (!app_load_text(&a, text, why, sizeof why))
        fail_msg("cannot load board_eight.malcon: %s", why);
    free(text);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    int team[RULES_MAX_ROLES];
    int n = (int)rules_turn_order(st(&a), team, RULES_MAX_ROLES);
    assert_int_equal(n, 8);
    board_layout L;
    board_input_layout(&a, &L);
    assert_int_equal(L.n_team, 8);
    /* every chip names its role and player, in turn order, without overlapping another */
    ui_draw *d = helper_draw(&a);
    for (int i = 0; i < n; i++) {
        char label[128];
        snprintf(label, sizeof label, "%s · %s", ml_get(&a.rs->roles[team[i]].name, LANG_EN),
                 state_setup(st(&a))->player[rules_role_player(st(&a), team[i])]);
        assert_true(helper_rec_text_in(d, label, L.team_chip[i], true));
        for (int j = 0; j < i; j++)
            assert_false(board_layout_overlap(L.team_chip[i], L.team_chip[j]));
        for (int k = 0; k < L.n_actions; k++)
            assert_false(board_layout_overlap(L.team_chip[i], L.action[k]));
        assert_false(board_layout_overlap(L.team_chip[i], L.end_turn));
    }
    draw_free(d);
    /* the PoC's turn: its own actions (no longer the notification officer's) */
    int poc = ruleset_role(a.rs, "poc"), ih = ruleset_role(a.rs, "incident_handler");
    int sa = ruleset_role(a.rs, "solution_analyst");
    assert_int_equal(team[4], poc);
    assert_int_equal(board_play_acting_role(&a), poc);
    helper_button_of(&a, "consult_police");
    helper_button_of(&a, "press_statement");
    helper_click_rect(&a, L.end_turn);
    assert_string_equal(helper_last_line(&a), "pass poc");
    /* the incident handler coordinates from the PoC to the solution analyst, by their chips */
    assert_int_equal(board_play_acting_role(&a), ih);
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "coordinate")]);
    board_targets t;
    board_play_targets(&a, &t);
    assert_true(board_play_targets_has(&t, BT_ROLE, poc));
    assert_true(board_play_targets_has(&t, BT_ROLE, sa));
    helper_click_rect(&a, L.team_chip[4]);
    assert_int_equal(a.board.pending_target, poc);
    helper_click_rect(&a, L.team_chip[6]);
    assert_string_equal(helper_last_line(&a),
                        "act incident_handler coordinate poc solution_analyst");
    app_free(&a);
}

/* ---- private results: curtain, result, notebook ---- */

static void test_board_curtain_hides_a_private_result_until_confirmed(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\npass commander\n", LANG_EN);
    int researcher = ruleset_role(a.rs, "researcher");
    assert_int_equal(board_play_acting_role(&a), researcher);
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "log_analysis")), 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_true(a.board.curtain);
    assert_int_equal(a.board.curtain_role, researcher);
    const log_entry *e = &match_log(a.match)->items[a.board.curtain_log];
    assert_int_equal(e->vis, VIS_ROLE);
    char *secret = rules_log_format(st(&a), e, LANG_EN);

    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Only the Researcher looks now"));
    assert_false(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    /* nothing but the confirmation gets through the curtain */
    helper_key(&a, KEY_E, 0);
    assert_true(a.board.curtain);
    assert_string_equal(helper_last_line(&a), "act researcher log_analysis sales");

    helper_key(&a, KEY_ENTER, 0);
    assert_false(a.board.curtain);
    assert_true(a.board.result_shown);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, secret));
    draw_free(d);

    helper_key(&a, KEY_ENTER, 0);
    assert_false(a.board.result_shown);
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, secret)); /* not in the public log */
    draw_free(d);

    /* the researcher's notebook, on the researcher's turn */
    helper_key(&a, KEY_N, 0);
    assert_true(a.board.notebook_open);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    helper_key(&a, KEY_ESCAPE, 0);
    assert_false(a.board.notebook_open);

    /* the next role's notebook does not hold it */
    helper_key(&a, KEY_E, 0);
    assert_int_equal(board_play_acting_role(&a), ruleset_role(a.rs, "forensic"));
    helper_key(&a, KEY_N, 0);
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    free(secret);
    app_free(&a);
}

/* ---- notes, meeting, facilitator, game over ---- */

static void test_board_note_marker_from_the_menu(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    board_layout L;
    board_input_layout(&a, &L);
    right_click(&a, L.terminal[4]);
    assert_int_equal(a.board.mode, BM_NOTE_MARK);
    helper_key(&a, KEY_1, 0);
    assert_string_equal(helper_last_line(&a), "note commander T05 suspect");
    ui_draw *d = helper_draw(&a);
    assert_true(helper_rec_text_in(d, "Suspect", L.terminal[4], true));
    draw_free(d);
    /* keyboard: M, choose the room after the terminals, Enter, 3 (watch) */
    helper_key(&a, KEY_M, 0);
    assert_int_equal(a.board.mode, BM_NOTE_TARGET);
    int n_term = (int)state_scenario(st(&a))->n_terminals;
    for (int i = 0; i <= n_term; i++)
        helper_key(&a, KEY_TAB, 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_int_equal(a.board.mode, BM_NOTE_MARK);
    helper_key(&a, KEY_3, 0);
    assert_string_equal(helper_last_line(&a), "note commander general watch");
    app_free(&a);
}

static void test_board_meeting_countdown_submits_next(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3,
                      "start\nnext\nnext\npass commander\npass researcher\npass forensic\n"
                      "pass notification\n",
                      LANG_JA);
    clock_view c;
    rules_clock(st(&a), &c);
    assert_int_equal(c.phase, PHASE_MEETING);
    int secs = state_scenario(st(&a))->meeting_seconds;
    char want[64];
    snprintf(want, sizeof want, "作戦会議 %d:%02d", secs / 60, secs % 60);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, want));
    draw_free(d);
    for (int i = 0; i < secs / 2; i++)
        app_update(&a, 1000);
    snprintf(want, sizeof want, "作戦会議 %d:%02d", (secs - secs / 2) / 60, (secs - secs / 2) % 60);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, want));
    draw_free(d);
    rules_clock(st(&a), &c);
    assert_int_equal(c.phase, PHASE_MEETING);
    for (int i = 0; i < secs; i++)
        app_update(&a, 1000);
    assert_string_equal(match_move_line(a.match, 7), "next"); /* the countdown ended it */
    rules_clock(st(&a), &c);
    assert_int_equal(c.round, 2);
    app_free(&a);

    /* or Enter ends it early */
    helper_open_board(&a, NULL, 3,
                      "start\nnext\nnext\npass commander\npass researcher\npass forensic\n"
                      "pass notification\n",
                      LANG_EN);
    helper_key(&a, KEY_ENTER, 0);
    assert_string_equal(helper_last_line(&a), "next");
    rules_clock(st(&a), &c);
    assert_int_equal(c.round, 2);
    app_free(&a);
}

static void test_board_facilitator_paces_the_hidden_side(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "", LANG_EN);
    clock_view c;
    app_update(&a, 300);
    assert_int_equal(match_moves(a.match), 0); /* a pause before the start */
    for (int i = 0; i < 10 && match_moves(a.match) == 0; i++)
        app_update(&a, 100);
    assert_int_equal(match_moves(a.match), 1);
    assert_string_equal(helper_last_line(&a), "start");
    assert_true(a.animating); /* the loop keeps ticking while the facilitator waits */
    rules_clock(st(&a), &c);
    assert_int_equal(c.phase, PHASE_MALWARE);
    app_update(&a, 500);
    assert_int_equal(match_moves(a.match), 1); /* the room can follow: not at once */
    for (int i = 0; i < 40; i++)
        app_update(&a, 100);
    rules_clock(st(&a), &c);
    assert_int_equal(c.phase, PHASE_ACTION); /* malware, then the event, then the players */
    assert_int_equal(match_moves(a.match), 3);
    /* the players' turn: nothing moves on its own */
    for (int i = 0; i < 50; i++)
        app_update(&a, 100);
    assert_int_equal(match_moves(a.match), 3);
    app_free(&a);

    /* fast forward (screenshots): the hidden side plays at once, animations end */
    helper_open_board(&a, NULL, 3, "", LANG_EN);
    a.fast_forward = true;
    app_update(&a, 16);
    rules_clock(st(&a), &c);
    assert_int_equal(c.phase, PHASE_ACTION);
    assert_int_equal(a.board.event_ms, 0);
    app_free(&a);
}

static void test_board_declare_ends_on_the_end_screen(void **state)
{
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    board_layout L;
    board_input_layout(&a, &L);
    ui_rect declare = L.action[helper_button_of(&a, "declare")];
    helper_click_rect(&a, declare);
    assert_int_equal(match_moves(a.match), 3); /* the game-ending action asks first */
    assert_int_equal(a.board.mode, BM_TARGET);
    helper_click_rect(&a, declare);
    assert_string_equal(helper_last_line(&a), "act commander declare");
    assert_int_not_equal(rules_outcome(st(&a)), OUT_ONGOING);
    for (int i = 0; i < 30 && a.screen == SCR_BOARD; i++)
        app_update(&a, 100);
    assert_int_equal(a.screen, SCR_END);
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_board_random_games_never_show_hidden_facts),
        cmocka_unit_test(test_board_click_action_then_target_plays),
        cmocka_unit_test(test_board_illegal_target_shows_the_rules_reason),
        cmocka_unit_test(test_board_keyboard_only_plays_and_passes),
        cmocka_unit_test(test_board_undo_as_far_as_the_rules_allow),
        cmocka_unit_test(test_board_role_targets_light_up_on_the_team_strip),
        cmocka_unit_test(test_board_eight_players_team_strip),
        cmocka_unit_test(test_board_curtain_hides_a_private_result_until_confirmed),
        cmocka_unit_test(test_board_note_marker_from_the_menu),
        cmocka_unit_test(test_board_meeting_countdown_submits_next),
        cmocka_unit_test(test_board_facilitator_paces_the_hidden_side),
        cmocka_unit_test(test_board_declare_ends_on_the_end_screen),
    };
    return cmocka_run_group_tests_name("board_play", tests, NULL, NULL);
}
