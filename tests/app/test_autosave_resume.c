/* test_autosave_resume.c: nothing is lost: the autosave is on disk after every kind of move the
 * board plays (actions, passes, the facilitator's "next", notes, undo), the previous copy is
 * kept, a damaged or cut-short autosave falls back to it with a message on the title, and
 * Continue brings a game back mid-round without showing a private result that was waiting
 * behind the curtain. */
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

/* The moves of the autosave on disk, or -1 when it does not load. */
static long saved_moves(const app *a)
{
    match *m = NULL;
    char why[RULES_WHY_MAX];
    if (autosave_check(a->autosave_path, a->rs, &m, why, sizeof why) != AUTOSAVE_OK || !m)
        return -1;
    long n = (long)match_moves(m);
    match_free(m);
    return n;
}

/* True when the autosave on disk is exactly the game in memory (same moves, same position). */
static bool saved_is_current(const app *a)
{
    match *m = NULL;
    char why[RULES_WHY_MAX];
    if (autosave_check(a->autosave_path, a->rs, &m, why, sizeof why) != AUTOSAVE_OK || !m)
        return false;
    bool same = match_moves(m) == match_moves(a->match) &&
                state_hash(match_state(m)) == state_hash(match_state(a->match));
    match_free(m);
    return same;
}

static void test_autosave_after_every_kind_of_move(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_open_board(&a, dir, 3, "start\n", LANG_EN);
    assert_true(saved_is_current(&a)); /* a game is saved as soon as it is shown */

    /* the computer facilitator's "next"s (malware, event) */
    for (int i = 0; i < 400 && match_state(a.match) && rules_current_role(match_state(a.match)) < 0;
         i++)
        helper_tick(&a);
    assert_true(match_moves(a.match) >= 3);
    assert_true(saved_is_current(&a));

    /* an action, by keys */
    size_t before = match_moves(a.match);
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "report")), 0);
    if (match_moves(a.match) == before)
        helper_key(&a, KEY_ENTER, 0); /* chosen, then played */
    assert_int_equal(match_moves(a.match), before + 1);
    assert_true(saved_is_current(&a));

    /* undo */
    helper_key(&a, KEY_Z, MOD_CTRL);
    assert_int_equal(match_moves(a.match), before);
    assert_true(saved_is_current(&a));

    /* a note */
    board_play_note_open(&a, BT_TERMINAL, 0, 100, 100);
    board_play_note_pin(&a, MARK_SUSPECT);
    assert_int_equal(match_moves(a.match), before + 1);
    assert_non_null(strstr(match_move_line(a.match, before), "note "));
    assert_true(saved_is_current(&a));

    /* a pass */
    helper_key(&a, KEY_E, 0);
    assert_int_equal(match_moves(a.match), before + 2);
    assert_true(saved_is_current(&a));

    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_autosave_keeps_the_previous_copy(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_open_board(&a, dir, 3, "start\nnext\nnext\n", LANG_EN);
    char *prev = data_path_join(dir, "autosave.malcon.prev");
    helper_key(&a, KEY_E, 0); /* pass commander */
    assert_int_equal(saved_moves(&a), 4);
    match *m = NULL;
    char why[RULES_WHY_MAX];
    assert_int_equal(autosave_check(prev, a.rs, &m, why, sizeof why), AUTOSAVE_OK);
    assert_int_equal(match_moves(m), 3);
    match_free(m);
    /* a finished game leaves neither behind */
    autosave_remove(a.autosave_path);
    assert_false(helper_exists(a.autosave_path));
    assert_false(helper_exists(prev));
    free(prev);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

/* Cuts the autosave at dir after its last-but-one line (a move line lost at a line boundary:
 * the rest still parses). */
static void cut_last_line(const char *path)
{
    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(path, 0, &len, &err);
    assert_non_null(text);
    assert_true(len > 2 && text[len - 1] == '\n');
    text[len - 1] = '\0';
    char *nl = strrchr(text, '\n');
    assert_non_null(nl);
    nl[1] = '\0';
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(text);
    core_err_free(&err);
}

/* An app started on the title of the data folder dir, in language l (its saved setting). */
static void title_app(app *a, char *dir, lang l)
{
    free(helper_write(dir, "settings.txt", l == LANG_EN ? "lang=en\n" : "lang=ja\n", 8));
    helper_app_init(a, dir, 1920, 1080);
    helper_tick(a);
    assert_int_equal(a->screen, SCR_TITLE);
}

static void test_autosave_cut_short_falls_back_to_the_previous(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    char *path = data_path_join(dir, "autosave.malcon");
    char *bad = data_path_join(dir, "autosave.malcon.bad");
    for (int l = 0; l < LANG_COUNT; l++) {
        app a;
        helper_open_board(&a, dir, 3, "start\nnext\nnext\n", LANG_EN);
        helper_key(&a, KEY_E, 0); /* pass commander: 4 moves, the previous copy has 3 */
        assert_int_equal(saved_moves(&a), 4);
        app_free(&a);        /* the laptop goes down... */
        cut_last_line(path); /* ...and the last line of the file is gone */

        /* the title says what happened and offers the copy from one move earlier */
        app b;
        title_app(&b, dir, (lang)l);
        assert_int_equal(b.autosave, AUTOSAVE_OK);
        assert_non_null(strstr(b.title_message, "cut short: 3 of 4 moves"));
        const char *says = l == LANG_EN ? "one move earlier" : "1手前";
        assert_non_null(strstr(b.title_message, says));
        ui_draw *d = helper_draw(&b);
        assert_true(ui_draw_rec_has_text(d, says));
        draw_free(d);
        assert_true(helper_exists(bad));
        char why[256];
        assert_true(app_continue(&b, why, sizeof why));
        assert_int_equal(match_moves(b.match), 3);
        app_free(&b);
        remove(bad);
    }
    free(bad);
    free(path);
    helper_rmdir(dir);
    free(dir);
}

/* A file that does not load at all (garbage): the previous copy comes back the same way. */
static void test_autosave_garbage_falls_back_to_the_previous(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_open_board(&a, dir, 3, "start\nnext\nnext\n", LANG_EN);
    helper_key(&a, KEY_E, 0);
    app_free(&a);
    static const char garbage[] = "\x01\x02 not a save";
    free(helper_write(dir, "autosave.malcon", garbage, sizeof garbage - 1));
    app b;
    title_app(&b, dir, LANG_EN);
    assert_int_equal(b.autosave, AUTOSAVE_OK);
    assert_non_null(strstr(b.title_message, "damaged"));
    char why[256];
    assert_true(app_continue(&b, why, sizeof why));
    assert_int_equal(match_moves(b.match), 3);
    app_free(&b);
    /* with no previous copy either, the title says it could not be read */
    char *prev = data_path_join(dir, "autosave.malcon.prev");
    remove(prev);
    free(prev);
    static const char bogus[] = "malcon-save 1\nbogus\n";
    free(helper_write(dir, "autosave.malcon", bogus, sizeof bogus - 1));
    app c;
    title_app(&c, dir, LANG_EN);
    assert_int_equal(c.autosave, AUTOSAVE_BAD);
    assert_non_null(strstr(c.title_message, "could not be read"));
    app_free(&c);
    helper_rmdir(dir);
    free(dir);
}

static void test_autosave_resume_mid_round_keeps_the_curtain_closed(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_open_board(&a, dir, 3, "start\nnext\nnext\npass commander\n", LANG_EN);
    int researcher = ruleset_role(a.rs, "researcher");
    assert_int_equal(board_play_acting_role(&a), researcher);
    helper_key(&a, (ui_key)(KEY_1 + helper_button_of(&a, "log_analysis")), 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_true(a.board.curtain); /* the private result waits behind the curtain... */
    const log_entry *e = &match_log(a.match)->items[a.board.curtain_log];
    char *secret = rules_log_format(match_state(a.match), e, LANG_EN);
    uint64_t hash = state_hash(match_state(a.match));
    size_t moves = match_moves(a.match);
    clock_view before;
    rules_clock(match_state(a.match), &before);
    app_free(&a); /* ...when the game is killed */

    app b;
    helper_app_init(&b, dir, 1920, 1080);
    app_set_lang(&b, LANG_EN);
    helper_tick(&b);
    char why[256];
    assert_true(app_continue(&b, why, sizeof why));
    helper_tick(&b);
    assert_int_equal(b.screen, SCR_BOARD);
    /* exactly where it stopped: same moves, same position, same phase and turn */
    assert_int_equal(match_moves(b.match), moves);
    assert_true(state_hash(match_state(b.match)) == hash);
    clock_view after;
    rules_clock(match_state(b.match), &after);
    assert_int_equal(after.round, before.round);
    assert_int_equal(after.phase, before.phase);
    assert_int_equal(board_play_acting_role(&b), researcher);
    /* the public screen never shows the private result */
    ui_draw *d = helper_draw(&b);
    assert_false(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    for (int i = 0; i < 30; i++)
        helper_tick(&b);
    d = helper_draw(&b);
    assert_false(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    /* it is in the researcher's notebook */
    helper_key(&b, KEY_N, 0);
    assert_true(b.board.notebook_open);
    d = helper_draw(&b);
    assert_true(ui_draw_rec_has_text(d, secret));
    draw_free(d);
    free(secret);
    app_free(&b);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_autosave_after_every_kind_of_move),
        cmocka_unit_test(test_autosave_keeps_the_previous_copy),
        cmocka_unit_test(test_autosave_cut_short_falls_back_to_the_previous),
        cmocka_unit_test(test_autosave_garbage_falls_back_to_the_previous),
        cmocka_unit_test(test_autosave_resume_mid_round_keeps_the_curtain_closed),
    };
    return cmocka_run_group_tests_name("autosave_resume", tests, NULL, NULL);
}
