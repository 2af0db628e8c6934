/* test_autosave.c: the autosave: written after moves and read back to the same position,
 * Continue from the title, corrupt files kept aside as .bad with a clear title message, and
 * finished games never continued. */
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Plays n moves that move the game along without ending it: the first legal move that is not
 * an action (start, next, pass), else the last legal action (never a declaration first). */
static void play_some(match *m, int n)
{
    for (int i = 0; i < n; i++) {
        move mv[256];
        size_t k = rules_legal_moves(match_state(m), mv, 256);
        if (k == 0)
            return;
        if (k > 256)
            k = 256;
        size_t pick = k - 1;
        for (size_t j = 0; j < k; j++) {
            if (mv[j].kind != MV_ACT) {
                pick = j;
                break;
            }
        }
        char why[RULES_WHY_MAX];
        assert_true(match_play(m, &mv[pick], why, sizeof why));
        assert_int_equal(rules_outcome(match_state(m)), OUT_ONGOING);
    }
}

static void test_autosave_round_trip(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    char *dir = helper_tmpdir();
    char *path = data_path_join(dir, "autosave.malcon");
    int sc = ruleset_scenario(a.rs, "tutorial");
    assert_true(sc >= 0);
    game_setup su;
    setup_default(&su, a.rs, sc, 99);
    char why[RULES_WHY_MAX];
    match *m = match_new(a.rs, sc, &su, why, sizeof why);
    assert_non_null(m);
    play_some(m, 12);
    assert_true(autosave_write(path, m));
    match *back = NULL;
    assert_int_equal(autosave_check(path, a.rs, &back, why, sizeof why), AUTOSAVE_OK);
    assert_non_null(back);
    assert_int_equal(match_moves(back), match_moves(m));
    assert_true(state_hash(match_state(back)) == state_hash(match_state(m)));
    match_free(back);
    /* checking without taking the match leaves the file in place */
    assert_int_equal(autosave_check(path, a.rs, NULL, why, sizeof why), AUTOSAVE_OK);
    assert_true(helper_exists(path));
    match_free(m);
    free(path);
    helper_rmdir(dir);
    free(dir);
    app_free(&a);
}

static void test_autosave_missing_is_none(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    char why[RULES_WHY_MAX];
    assert_int_equal(
        autosave_check("/nonexistent/dir/autosave.malcon", a.rs, NULL, why, sizeof why),
        AUTOSAVE_NONE);
    assert_int_equal(autosave_check(NULL, a.rs, NULL, why, sizeof why), AUTOSAVE_NONE);
    app_free(&a);
}

static void test_autosave_corrupt_is_kept_aside(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    char *dir = helper_tmpdir();
    static const char *const bad[] = {
        "malcon-save 1\nscenario no_such_scenario\nmoves\nstart\n",
        "malcon-save 1\nscenario tutorial\nseed 1\nmoves\nstart\nact nobody fly\n",
        "\x00\x01\x02 not text at all",
        "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t len = i == 2 ? 17 : strlen(bad[i]);
        char *path = helper_write(dir, "autosave.malcon", bad[i], len);
        char why[RULES_WHY_MAX] = "";
        match *m = (match *)&why; /* must be reset to NULL */
        assert_int_equal(autosave_check(path, a.rs, &m, why, sizeof why), AUTOSAVE_BAD);
        assert_null(m);
        assert_true(why[0] != '\0');
        assert_false(helper_exists(path));
        char *kept = data_path_join(dir, "autosave.malcon.bad");
        assert_true(helper_exists(kept));
        free(kept);
        free(path);
    }
    helper_rmdir(dir);
    free(dir);
    app_free(&a);
}

static void test_autosave_finished_is_not_continued(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    char *dir = helper_tmpdir();
    char *text = helper_fixture("tutorial_won.malcon");
    char *path = helper_write(dir, "autosave.malcon", text, strlen(text));
    char why[RULES_WHY_MAX];
    match *m = NULL;
    assert_int_equal(autosave_check(path, a.rs, &m, why, sizeof why), AUTOSAVE_FINISHED);
    assert_null(m);
    free(text);
    free(path);
    helper_rmdir(dir);
    free(dir);
    app_free(&a);
}

/* The whole path: a game started from the title is saved, and a new run continues it. */
static void test_autosave_continue_from_title(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_int_equal(a.autosave, AUTOSAVE_NONE);
    helper_key(&a, KEY_4, 0); /* Tutorial */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_non_null(a.match);
    play_some(a.match, 7);
    app_autosave(&a);
    uint64_t h = state_hash(match_state(a.match));
    app_free(&a);

    app b;
    helper_app_init(&b, dir, 1920, 1080);
    assert_int_equal(b.autosave, AUTOSAVE_OK);
    ui_draw *d = helper_draw(&b);
    assert_true(ui_draw_rec_has_text(d, "Tutorial") || ui_draw_rec_has_text(d, "チュートリアル"));
    draw_free(d);
    helper_key(&b, KEY_2, 0); /* Continue */
    helper_tick(&b);
    assert_int_equal(b.screen, SCR_BOARD);
    assert_non_null(b.match);
    assert_true(state_hash(match_state(b.match)) == h);
    app_free(&b);
    helper_rmdir(dir);
    free(dir);
}

static void test_autosave_corrupt_shows_on_title(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    free(helper_write(dir, "autosave.malcon", "malcon-save 1\nbogus line\n", 26));
    for (int l = 0; l < LANG_COUNT; l++) {
        app a;
        helper_app_init(&a, dir, 1920, 1080);
        if (l == 1) {
            /* the first run moved the file aside: put a corrupt one back for this run */
            free(helper_write(dir, "autosave.malcon", "malcon-save 1\nbogus line\n", 26));
            app_set_lang(&a, LANG_EN);
            a.title_message[0] = '\0';
            app_set_screen(&a, SCR_TITLE);
        }
        assert_int_equal(a.autosave, AUTOSAVE_BAD);
        ui_draw *d = helper_draw(&a);
        /* the message names the file it kept, in both languages */
        assert_true(ui_draw_rec_has_text(d, "autosave.malcon.bad"));
        draw_free(d);
        /* Continue is not offered: its key does nothing */
        helper_key(&a, KEY_2, 0);
        helper_tick(&a);
        assert_int_equal(a.screen, SCR_TITLE);
        char *kept = data_path_join(dir, "autosave.malcon.bad");
        assert_true(helper_exists(kept));
        free(kept);
        app_free(&a);
    }
    helper_rmdir(dir);
    free(dir);
}

/* Names as a group types them (spaces, Japanese, signs) survive the save and Continue. */
static void test_autosave_keeps_typed_names(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    game_setup *su = &a.newgame.setup;
    snprintf(su->player[0], RULES_NAME_MAX, "山田 太郎");
    snprintf(su->player[1], RULES_NAME_MAX, "#2 %%team");
    char why[RULES_WHY_MAX];
    assert_true(app_start_newgame(&a, why, sizeof why));
    app_free(&a);
    app b;
    helper_app_init(&b, dir, 1920, 1080);
    assert_true(app_continue(&b, why, sizeof why));
    const game_setup *back = state_setup(match_state(b.match));
    assert_string_equal(back->player[0], "山田 太郎");
    assert_string_equal(back->player[1], "#2 %team");
    app_free(&b);
    helper_rmdir(dir);
    free(dir);
}

/* When the board reports the end, the autosave goes: a finished game is not continued. */
static void test_autosave_removed_when_over(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    char why[RULES_WHY_MAX];
    assert_true(
        app_start_quick(&a, ruleset_scenario(a.rs, "tutorial"), MODE_SOLO, why, sizeof why));
    char *path = data_path_join(dir, "autosave.malcon");
    assert_true(helper_exists(path));
    assert_true(match_play_line(a.match, "start", why, sizeof why));
    assert_true(match_play_line(a.match, "next", why, sizeof why));
    assert_true(match_play_line(a.match, "next", why, sizeof why));
    assert_true(match_play_line(a.match, "act commander declare", why, sizeof why));
    app_autosave(&a);
    assert_false(helper_exists(path));
    assert_int_equal(app_match_screen(&a), SCR_END);
    free(path);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_autosave_round_trip),
        cmocka_unit_test(test_autosave_missing_is_none),
        cmocka_unit_test(test_autosave_corrupt_is_kept_aside),
        cmocka_unit_test(test_autosave_finished_is_not_continued),
        cmocka_unit_test(test_autosave_continue_from_title),
        cmocka_unit_test(test_autosave_corrupt_shows_on_title),
        cmocka_unit_test(test_autosave_keeps_typed_names),
        cmocka_unit_test(test_autosave_removed_when_over),
    };
    return cmocka_run_group_tests_name("app_autosave", tests, NULL, NULL);
}
