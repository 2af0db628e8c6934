/* test_solo.c: solo practice: the clock (pure maths: it runs only in a started, unfinished game
 * and not while paused), its `time` records before player moves, the pause menu (stops the
 * clock, hides the board), expiry (`time 0` then `briefing` through the app), resume from the
 * recorded value, undo stepping over clock records, the hints toggle, and the records a
 * finished solo game leaves even when the records file is corrupt. */
#include "board.h"
#include "helper_app.h"
#include "records.h"
#include "solo.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* An app in a temporary data folder with a new solo game (seed 42) on the board, settled in
 * round 1's action phase, with real time running again (fast forward off). */
static void solo_start(app *a, const char *dir)
{
    helper_app_init(a, dir, 1920, 1080);
    app_set_lang(a, LANG_EN);
    int sc = ruleset_scenario(a->rs, "solo");
    assert_true(sc >= 0);
    char why[256];
    assert_true(app_start_seeded(a, sc, MODE_SOLO, 42, why, sizeof why));
    a->fast_forward = true;
    for (int i = 0; i < 20; i++)
        helper_tick(a);
    a->fast_forward = false;
    assert_int_equal(a->screen, SCR_BOARD);
    clock_view c;
    rules_clock(match_state(a->match), &c);
    assert_int_equal(c.phase, PHASE_ACTION);
}

static int solo_limit(const app *a)
{
    return state_scenario(match_state(a->match))->solo_seconds;
}

static const char *last_line(const app *a, size_t back)
{
    size_t n = match_moves(a->match);
    assert_true(n > back);
    return match_move_line(a->match, n - 1 - back);
}

static void test_solo_clock_maths(void **st)
{
    (void)st;
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    assert_non_null(rs);
    int sc = ruleset_scenario(rs, "solo");
    game_setup su;
    setup_default(&su, rs, sc, 7);
    assert_int_equal(su.mode, MODE_SOLO);
    match *m = match_new(rs, sc, &su, NULL, 0);
    assert_non_null(m);
    int limit = rs->scenarios[sc].solo_seconds;
    assert_true(limit > 60);

    solo_clock c;
    solo_clock_init(&c, match_state(m));
    assert_true(c.on);
    assert_int_equal(solo_clock_seconds(&c), limit);
    /* setup: the clock waits for the game to start */
    assert_false(solo_clock_running(&c, match_state(m), false));
    char why[RULES_WHY_MAX];
    assert_true(match_play_line(m, "start", why, sizeof why));
    assert_true(solo_clock_running(&c, match_state(m), false));
    assert_false(solo_clock_running(&c, match_state(m), true)); /* paused */

    move t;
    assert_false(solo_clock_time_move(&c, &t)); /* nothing changed yet */
    solo_clock_advance(&c, 1500);
    /* 1.5 s gone: the clock shows the second under way (rounded up) */
    assert_int_equal(solo_clock_seconds(&c), limit - 1);
    assert_true(solo_clock_time_move(&c, &t));
    assert_int_equal(t.kind, MV_TIME);
    assert_int_equal(t.value, limit - 1);
    solo_clock_recorded(&c, t.value);
    solo_clock_advance(&c, 400); /* still the same second: no new record */
    assert_false(solo_clock_time_move(&c, &t));

    solo_clock_advance(&c, (uint32_t)limit * 1000u);
    assert_true(solo_clock_expired(&c));
    assert_int_equal(solo_clock_seconds(&c), 0);
    assert_false(solo_clock_running(&c, match_state(m), false)); /* nothing left to count */

    char buf[16];
    solo_format_time(754, buf, sizeof buf);
    assert_string_equal(buf, "12:34");
    solo_format_time(-3, buf, sizeof buf);
    assert_string_equal(buf, "0:00");

    /* a workshop game has no clock */
    su.mode = MODE_WORKSHOP;
    match *w = match_new(rs, sc, &su, NULL, 0);
    solo_clock_init(&c, match_state(w));
    assert_false(c.on);
    assert_false(solo_clock_time_move(&c, &t));
    match_free(w);
    match_free(m);
    ruleset_free(rs);
    core_err_free(&err);
}

static void test_solo_time_recorded_before_player_moves(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    solo_start(&a, dir);
    int limit = solo_limit(&a);
    assert_int_equal(solo_seconds_shown(&a, match_state(a.match)), limit);
    app_update(&a, 3000); /* three seconds of thinking */
    assert_int_equal(solo_seconds_shown(&a, match_state(a.match)), limit - 3);
    size_t before = match_moves(a.match);
    helper_key(&a, KEY_E, 0); /* the acting role ends its turn */
    assert_int_equal(match_moves(a.match), before + 2);
    char want[32];
    snprintf(want, sizeof want, "time %d", limit - 3);
    assert_string_equal(last_line(&a, 1), want);
    assert_true(strncmp(last_line(&a, 0), "pass ", 5) == 0);
    assert_int_equal(rules_seconds_left(match_state(a.match)), limit - 3);
    /* the next move in the same second records nothing new */
    before = match_moves(a.match);
    helper_key(&a, KEY_E, 0);
    assert_int_equal(match_moves(a.match), before + 1);
    /* the clock is on the board: "m:ss left" in the top bar with the seed */
    ui_draw *d = helper_draw(&a);
    snprintf(want, sizeof want, "%d:%02d left", (limit - 3) / 60, (limit - 3) % 60);
    assert_true(ui_draw_rec_has_text(d, want));
    assert_true(ui_draw_rec_has_text(d, "Seed 42"));
    draw_free(d);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_pause_stops_clock_and_hides_board(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    solo_start(&a, dir);
    int limit = solo_limit(&a);
    const scenario_def *sc = state_scenario(match_state(a.match));
    const char *room = sc->rooms[0].name.en;
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, room));
    draw_free(d);

    helper_key(&a, KEY_ESCAPE, 0); /* nothing chosen: the pause menu */
    assert_true(a.board.paused);
    app_update(&a, 10000);
    assert_int_equal(solo_seconds_shown(&a, match_state(a.match)), limit);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Paused"));
    assert_true(ui_draw_rec_has_text(d, "Resume"));
    assert_false(ui_draw_rec_has_text(d, room)); /* no peeking at the board */
    draw_free(d);
    /* keys other than the menu's do nothing to the game */
    size_t moves = match_moves(a.match);
    helper_key(&a, KEY_E, 0);
    assert_int_equal(match_moves(a.match), moves);

    helper_key(&a, KEY_ESCAPE, 0); /* resume */
    assert_false(a.board.paused);
    app_update(&a, 2000);
    assert_int_equal(solo_seconds_shown(&a, match_state(a.match)), limit - 2);

    /* Title from the menu (keys 1-4): the clock goes into the game and the game is saved */
    helper_key(&a, KEY_ESCAPE, 0);
    helper_key(&a, KEY_3, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_int_equal(rules_seconds_left(match_state(a.match)), limit - 2);
    assert_int_equal(a.autosave, AUTOSAVE_OK);
    app_free(&a);

    /* kill and resume: the clock continues from the recorded value */
    app b;
    helper_app_init(&b, dir, 1920, 1080);
    char why[256];
    assert_true(app_continue(&b, why, sizeof why));
    helper_tick(&b);
    assert_int_equal(b.screen, SCR_BOARD);
    assert_int_equal(solo_seconds_shown(&b, match_state(b.match)), limit - 2);
    /* (the one frame shown since has counted: the clock runs while the board shows) */
    assert_in_range(b.solo.clock.ms_left, (uint32_t)(limit - 2) * 1000u - 50u,
                    (uint32_t)(limit - 2) * 1000u);
    app_free(&b);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_pause_menu_by_mouse_and_settings(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    solo_start(&a, dir);
    board_layout L;
    board_input_layout(&a, &L);
    /* the clock box in the top bar opens the menu too */
    helper_click(&a, L.status.x + L.status.w / 2, L.status.y + L.status.h / 2);
    assert_true(a.board.paused);
    ui_draw *d = helper_draw(&a);
    const ui_rec_call *set = ui_draw_rec_find_text(d, "Settings");
    assert_non_null(set);
    int x = set->r.x + set->r.w / 2, y = set->r.y + set->r.h / 2;
    draw_free(d);
    helper_click(&a, x, y);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETTINGS);
    helper_key(&a, KEY_ESCAPE, 0); /* back: to the board's menu, not the title */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_true(a.board.paused);
    helper_key(&a, KEY_1, 0); /* Resume */
    assert_false(a.board.paused);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_expiry_plays_briefing_and_files_record(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    solo_start(&a, dir);
    a.solo.clock.ms_left = 400; /* the last moments of the clock */
    app_update(&a, 500);
    assert_string_equal(last_line(&a, 1), "time 0");
    assert_string_equal(last_line(&a, 0), "briefing");
    const game_state *s = match_state(a.match);
    assert_int_not_equal(rules_outcome(s), OUT_ONGOING);
    assert_int_equal(rules_seconds_left(s), 0);
    /* a solo game that ended in play is filed in the records */
    assert_true(a.solo.filed);
    assert_int_equal(a.solo.place, 0);
    assert_int_equal(a.solo.prev_best, -1);
    records r = {0};
    char notice[200];
    assert_true(records_load(&r, dir, notice, sizeof notice));
    const record *best[RECORDS_KEEP];
    assert_int_equal(records_of(&r, "solo", best, RECORDS_KEEP), 1);
    assert_int_equal(best[0]->seed, 42);
    assert_int_equal(best[0]->seconds_used, solo_limit(&a));
    assert_int_equal(best[0]->outcome, rules_outcome(s));
    records_free(&r);
    /* the board hands over to the end screen, which leads to the debrief */
    for (int i = 0; i < 200 && a.screen == SCR_BOARD; i++)
        app_update(&a, 16);
    assert_int_equal(a.screen, SCR_END);
    helper_key(&a, KEY_ENTER, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_DEBRIEF);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_corrupt_records_never_stop_the_game(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    static const char bad[] = "# malcon records 1\n"
                              "solo 2026-01-02T03:04 7 500 55 B won_declared\n"
                              "this line is not a record\n";
    free(helper_write(dir, RECORDS_FILE, bad, sizeof bad - 1));
    app a;
    solo_start(&a, dir);
    a.solo.clock.ms_left = 10;
    app_update(&a, 16);
    assert_true(a.solo.filed);
    assert_true(a.solo.saved);
    assert_true(a.solo.notice[0] != '\0'); /* the player is told once */
    char *aside = data_path_join(dir, RECORDS_FILE ".bad");
    assert_true(helper_exists(aside));
    free(aside);
    /* the good line survived beside the new game */
    records r = {0};
    assert_true(records_load(&r, dir, NULL, 0));
    const record *list[RECORDS_KEEP];
    assert_int_equal(records_of(&r, "solo", list, RECORDS_KEEP), 2);
    assert_int_equal(a.solo.prev_best, 55);
    records_free(&r);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_undo_steps_over_clock_records(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    solo_start(&a, dir);
    int limit = solo_limit(&a);
    size_t before = match_moves(a.match);
    app_update(&a, 2000);
    move m;
    move_init(&m, MV_NOTE);
    m.role = board_play_acting_role(&a);
    m.target[0] = 0;
    m.value = MARK_SUSPECT;
    char why[RULES_WHY_MAX];
    assert_true(board_play_move(&a, &m, why, sizeof why));
    assert_int_equal(match_moves(a.match), before + 2); /* time, then the note */
    board_play_undo(&a);
    /* the note and the clock record it came with are both taken back */
    assert_int_equal(match_moves(a.match), before);
    assert_int_equal(rules_seconds_left(match_state(a.match)), limit);
    /* the clock itself keeps its real time, and records it with the next move */
    assert_int_equal(solo_seconds_shown(&a, match_state(a.match)), limit - 2);
    assert_true(board_play_move(&a, &m, why, sizeof why));
    char want[32];
    snprintf(want, sizeof want, "time %d", limit - 2);
    assert_string_equal(last_line(&a, 1), want);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_solo_hints_toggle_is_saved(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    int sc = ruleset_scenario(a.rs, "tutorial");
    char why[256];
    assert_true(app_start_seeded(&a, sc, MODE_WORKSHOP, 3, why, sizeof why));
    a.fast_forward = true;
    for (int i = 0; i < 20; i++)
        helper_tick(&a);
    assert_true(a.settings.hints);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Hint:"));
    draw_free(d);
    helper_key(&a, KEY_H, 0);
    assert_false(a.settings.hints);
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "Hint:"));
    assert_true(ui_draw_rec_has_text(d, "Hints are off (H shows them)"));
    draw_free(d);
    app_settings s;
    settings_load(&s, dir);
    assert_false(s.hints);
    helper_key(&a, KEY_H, 0);
    assert_true(a.settings.hints);
    settings_load(&s, dir);
    assert_true(s.hints);
    /* a workshop's pause keeps the board in view (dimmed) and stops the facilitator */
    helper_key(&a, KEY_ESCAPE, 0);
    assert_true(a.board.paused);
    a.fast_forward = false;
    size_t moves = match_moves(a.match);
    for (int i = 0; i < 300; i++)
        app_update(&a, 16);
    assert_int_equal(match_moves(a.match), moves);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Paused"));
    assert_true(ui_draw_rec_has_text(d, state_scenario(match_state(a.match))->rooms[0].name.en));
    draw_free(d);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_solo_clock_maths),
        cmocka_unit_test(test_solo_time_recorded_before_player_moves),
        cmocka_unit_test(test_solo_pause_stops_clock_and_hides_board),
        cmocka_unit_test(test_solo_pause_menu_by_mouse_and_settings),
        cmocka_unit_test(test_solo_expiry_plays_briefing_and_files_record),
        cmocka_unit_test(test_solo_corrupt_records_never_stop_the_game),
        cmocka_unit_test(test_solo_undo_steps_over_clock_records),
        cmocka_unit_test(test_solo_hints_toggle_is_saved),
    };
    return cmocka_run_group_tests_name("solo", tests, NULL, NULL);
}
