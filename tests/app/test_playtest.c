/* test_playtest.c: what a first playthrough tripped over, kept fixed: a new game never replaces
 * a saved one without a second choice, the message bar forgets a move once it is played, the
 * role card opens the notebook, the evidence track counts out of the board's terminals, the
 * board says how a game ended, and labels and hints fit a 720p window whole. */
#include "board.h"
#include "helper_app.h"
#include "report.h"
#include "text.h"
#include "widget.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* The notification's turn of round 1 in the board tests' standard game. */
static const char *const notification_turn = "start\nnext\nnext\npass commander\npass researcher\n"
                                             "pass forensic\n";

/* Back on the title with a game saved, Enter continues it, and the tutorial (or any new game)
 * asks once before it replaces the saved game; the same choice again starts it. */
static void test_playtest_title_keeps_the_saved_game(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    helper_key(&a, KEY_4, 0); /* Tutorial: no saved game yet, it starts at once */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    uint64_t h = state_hash(match_state(a.match));
    app_goto(&a, SCR_TITLE);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_int_equal(a.autosave, AUTOSAVE_OK);
    assert_int_equal(a.title_focus, 1); /* Continue, not the tutorial it came from */

    helper_key(&a, KEY_4, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_true(a.title_message[0] != '\0'); /* it says why nothing started */
    char why[256];
    assert_true(app_continue(&a, why, sizeof why)); /* the saved game is the one played */
    assert_true(state_hash(match_state(a.match)) == h);

    app_goto(&a, SCR_TITLE);
    helper_tick(&a);
    helper_key(&a, KEY_3, 0); /* solo practice: asked first too */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    helper_key(&a, KEY_3, 0); /* and the same choice again starts it */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_int_equal(state_setup(match_state(a.match))->mode, MODE_SOLO);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

/* "Enter or click again to play it." is about the chosen action: once the move is played it
 * must not stay in the bar into the next turn or the meeting. */
static void test_playtest_message_goes_with_its_move(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "report")), 0);
    assert_true(a.board.message_ms > 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_string_equal(helper_last_line(&a), "act commander report");
    assert_int_equal(a.board.message_ms, 0);
    /* a refusal still shows (nothing was played) */
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "report")), 0);
    assert_true(a.board.message_ms > 0);
    app_free(&a);
}

/* Mouse only: a click on the role card opens the acting role's notebook, as N does. */
static void test_playtest_role_card_opens_the_notebook(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_JA);
    board_layout L;
    board_input_layout(&a, &L);
    assert_false(a.board.notebook_open);
    helper_click_rect(&a, L.role_card);
    assert_true(a.board.notebook_open);
    helper_click_rect(&a, L.role_card); /* any click closes it */
    assert_false(a.board.notebook_open);
    app_free(&a);
}

/* The evidence track counts preserved terminals: shown out of this board's 10, not the rules'
 * limit of 48. */
static void test_playtest_evidence_out_of_the_terminals(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, "start\nnext\nnext\n", LANG_EN);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "0/10"));
    assert_false(ui_draw_rec_has_text(d, "/48"));
    draw_free(d);
    app_free(&a);
}

/* What the team did that changes the rules shows on the board, not only in the log. */
static void test_playtest_team_states_shown(void **state)
{
    (void)state;
    app a;
    char moves[256];
    snprintf(moves, sizeof moves, "%sact notification staff_alert\n", notification_turn);
    helper_open_board(&a, NULL, 3, notification_turn, LANG_EN);
    ui_draw *d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "Staff alerted"));
    draw_free(d);
    app_free(&a);
    helper_open_board(&a, NULL, 3, moves, LANG_EN);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Staff alerted"));
    draw_free(d);
    app_free(&a);
}

/* A declared game did not end with the customer briefing: the board does not say it did. */
static void test_playtest_board_says_how_the_game_ended(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    char *text = helper_standard_game(3, "start\nnext\nnext\nact commander declare\n");
    char why[256];
    assert_true(app_load_text(&a, text, why, sizeof why));
    free(text);
    helper_tick(&a);
    assert_int_equal(rules_outcome(match_state(a.match)), OUT_LOSE_DECLARED);
    app_set_screen(&a, SCR_BOARD);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "The game is over."));
    assert_false(ui_draw_rec_has_text(d, "The customer briefing is over."));
    draw_free(d);
    app_free(&a);
}

/* Solo practice whose clock ran out says so on the end screen (the briefing came at once). */
static void test_playtest_solo_time_up_said(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    char why[256];
    assert_true(app_load_text(&a,
                              "malcon-save 1\nscenario solo\nseed 5\nmode solo\n"
                              "player P commander researcher forensic notification\nmoves\n"
                              "start\nnext\nnext\ntime 0\nbriefing\n",
                              why, sizeof why));
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_END);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Time is up: "));
    draw_free(d);
    app_free(&a);
}

/* A default player name follows the language (switched mid-game, "プレイヤー1" stayed in the
 * English board, debrief and report); a chosen name is kept. */
static void test_playtest_default_names_follow_the_language(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    char why[256];
    assert_true(app_load_text(&a,
                              "malcon-save 1\nscenario standard\nseed 3\nmode workshop\n"
                              "player \xE3\x83\x97\xE3\x83\xAC\xE3\x82\xA4\xE3\x83\xA4"
                              "\xE3\x83\xBC"
                              "1 commander researcher\nplayer Kenji forensic "
                              "notification\nmoves\nstart\nnext\nnext\n",
                              why, sizeof why));
    helper_tick(&a);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Player 1"));
    assert_false(ui_draw_rec_has_text(d, "\xE3\x83\x97\xE3\x83\xAC")); /* プレ */
    assert_true(ui_draw_rec_has_text(d, "Kenji"));
    draw_free(d);
    report_text t = {LANG_JA, a.catalogue};
    char buf[64];
    assert_string_equal(report_player_name(&t, 1, "Player 2", buf, sizeof buf),
                        "\xE3\x83\x97\xE3\x83\xAC\xE3\x82\xA4\xE3\x83\xA4\xE3\x83\xBC"
                        "2");
    assert_string_equal(report_player_name(&t, 1, "Player 3", buf, sizeof buf), "Player 3");
    app_free(&a);
}

/* The fitting rule itself: the size steps down until the wrapped text fits the box and no
 * Latin word is wider than a line (the layout would split it between letters). */
static void test_playtest_fit_wrapped_px(void **state)
{
    (void)state;
    ui_draw *d = ui_draw_rec_new(400, 400); /* px/2 per ASCII letter */
    /* "containment" is 11 letters of px / 2 (rounded down): 99 <= 100 at 19 px, 110 at 20 */
    int px = widget_fit_wrapped_px(d, "Declare containment", 28, 10, 100, 200, UI_FONT_BOLD);
    assert_int_equal(px, 19);
    /* the height binds too: two lines at most in 2 x text_line_height */
    int h2 = 2 * text_line_height(14);
    px = widget_fit_wrapped_px(d, "Prepare customer briefing", 28, 8, 100, h2, UI_FONT_BOLD);
    assert_true(widget_text_height(d, "Prepare customer briefing", px, UI_FONT_BOLD, 100) <= h2);
    assert_true(px < 28);
    /* a slash is a break: "JPCERT/" and "CC" are measured apart */
    assert_int_equal(widget_fit_wrapped_px(d, "JPCERT/CC", 28, 10, 100, 400, UI_FONT_BOLD), 28);
    /* nothing fits: the floor */
    assert_int_equal(
        widget_fit_wrapped_px(d, "Incomprehensibilities", 28, 10, 20, 400, UI_FONT_BOLD), 10);
    draw_free(d);
}

/* At 1280x720 every action name of the notification's seven is drawn whole: its wrapped
 * height fits its button (it was cut to "Prepare custo..."), and so does the tutorial hint. */
static void test_playtest_720p_names_fit(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++) {
        app a;
        helper_open_board(&a, NULL, 3, notification_turn, (lang)l);
        a.width = 1280;
        a.height = 720;
        ui_draw *d = helper_draw(&a);
        int acts[BOARD_MAX_ACTIONS];
        int n = board_play_role_actions(&a, board_play_acting_role(&a), acts);
        assert_true(n >= 7);
        for (int i = 0; i < n; i++) {
            const char *name = ml_get(&a.rs->actions[acts[i]].name, a.lang);
            const ui_rec_call *c = ui_draw_rec_find_text(d, name);
            assert_non_null(c);
            int h = widget_text_height(d, name, c->arg, UI_FONT_BOLD, c->r.w);
            if (h > c->r.h)
                fail_msg("%s: %d px high in a %d px button", name, h, c->r.h);
        }
        draw_free(d);
        app_free(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_playtest_title_keeps_the_saved_game),
        cmocka_unit_test(test_playtest_message_goes_with_its_move),
        cmocka_unit_test(test_playtest_role_card_opens_the_notebook),
        cmocka_unit_test(test_playtest_evidence_out_of_the_terminals),
        cmocka_unit_test(test_playtest_team_states_shown),
        cmocka_unit_test(test_playtest_board_says_how_the_game_ended),
        cmocka_unit_test(test_playtest_solo_time_up_said),
        cmocka_unit_test(test_playtest_default_names_follow_the_language),
        cmocka_unit_test(test_playtest_fit_wrapped_px),
        cmocka_unit_test(test_playtest_720p_names_fit),
    };
    return cmocka_run_group_tests_name("playtest", tests, NULL, NULL);
}
