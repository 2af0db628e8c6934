/* test_board_reasons.c: the board shows the rules' reasons for illegal moves in the players'
 * language (rules_check_lang with the app's language), in the message bar and the tooltips. */
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

/* Round 1's action phase, the commander (2 AP) has isolated T01, or reported. */
static const char *const contained = "start\nnext\nnext\nact commander contain T01\n";
static const char *const reported = "start\nnext\nnext\nact commander report\n";

static void close_board(app *a)
{
    app_free(a);
}

static bool has_non_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return true;
    return false;
}

static move act_move(const app *a, const char *role, const char *action, int target)
{
    move m;
    move_init(&m, MV_ACT);
    m.role = ruleset_role(a->rs, role);
    m.action = ruleset_action(a->rs, action);
    m.target[0] = target;
    return m;
}

/* Clicking an illegal target: the message bar gives the Japanese reason, drawn as it is. */
static void test_board_reasons_target_in_japanese(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, contained, LANG_JA);
    board_layout L;
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "contain")]);
    assert_int_equal(a.board.mode, BM_TARGET);
    size_t before = match_moves(a.match);
    helper_click_rect(&a, L.terminal[0]); /* T01 is already isolated */
    assert_int_equal(match_moves(a.match), before);
    move m = act_move(&a, "commander", "contain", 0);
    char ja[RULES_WHY_MAX], en[RULES_WHY_MAX];
    assert_false(rules_check_lang(match_state(a.match), &m, LANG_JA, ja, sizeof ja));
    assert_false(rules_check(match_state(a.match), &m, en, sizeof en));
    assert_string_equal(ja, "T01（デスクトップPC）はすでに隔離されています");
    assert_non_null(strstr(a.board.message, ja));
    assert_null(strstr(a.board.message, en)); /* no English left after 実行できません */
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, ja));
    draw_free(d);
    close_board(&a);
}

/* An action that cannot be played now: its tooltip reason and the message are Japanese. */
static void test_board_reasons_action_in_japanese(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, reported, LANG_JA);
    int role = board_play_acting_role(&a);
    int report = ruleset_action(a.rs, "report");
    char why[RULES_WHY_MAX] = "";
    assert_false(board_play_action_playable(&a, role, report, why, sizeof why));
    assert_string_equal(why, "「経営層報告」はこのラウンドですでに実行済みです");
    board_layout L;
    board_input_layout(&a, &L);
    size_t before = match_moves(a.match);
    helper_click_rect(&a, L.action[helper_button_of(&a, "report")]);
    assert_int_equal(match_moves(a.match), before);
    assert_non_null(strstr(a.board.message, why));
    close_board(&a);
}

/* A move the board plays directly (here another role's pass) refused in Japanese. */
static void test_board_reasons_board_move_in_japanese(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, contained, LANG_JA);
    move m;
    move_init(&m, MV_PASS);
    m.role = ruleset_role(a.rs, "forensic");
    char why[RULES_WHY_MAX] = "";
    size_t before = match_moves(a.match);
    assert_false(board_play_move(&a, &m, why, sizeof why));
    assert_int_equal(match_moves(a.match), before);
    assert_string_equal(why, "今はコマンダーの手番です");
    assert_true(has_non_ascii(why));
    close_board(&a);
}

/* The English board keeps the English reasons, word for word. */
static void test_board_reasons_english_unchanged(void **state)
{
    (void)state;
    app a;
    helper_open_board(&a, NULL, 3, contained, LANG_EN);
    board_layout L;
    board_input_layout(&a, &L);
    helper_click_rect(&a, L.action[helper_button_of(&a, "contain")]);
    helper_click_rect(&a, L.terminal[0]);
    assert_non_null(strstr(a.board.message, "T01 is already isolated"));
    move m;
    move_init(&m, MV_PASS);
    m.role = ruleset_role(a.rs, "forensic");
    char why[RULES_WHY_MAX] = "";
    assert_false(board_play_move(&a, &m, why, sizeof why));
    assert_string_equal(why, "it is Commander's turn");
    close_board(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_board_reasons_target_in_japanese),
        cmocka_unit_test(test_board_reasons_action_in_japanese),
        cmocka_unit_test(test_board_reasons_board_move_in_japanese),
        cmocka_unit_test(test_board_reasons_english_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
