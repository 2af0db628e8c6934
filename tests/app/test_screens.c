/* test_screens.c: the title, setup, settings, end and error screens drawn through the recording
 * drawer in both languages (key texts present, no English left in Japanese), and driven by
 * keyboard alone and by mouse alone. */
#include "helper_app.h"
#include "layout.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static const int sizes[][2] = {{1920, 1080}, {1280, 720}};

/* Fails with the texts drawn when needle is not among them. */
static void assert_text(const ui_draw *d, const char *needle)
{
    if (ui_draw_rec_has_text(d, needle))
        return;
    size_t n;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == REC_TEXT)
            fprintf(stderr, "  drawn: %s\n", c[i].text);
    fail_msg("'%s' was not drawn", needle);
}

static void assert_no_text(const ui_draw *d, const char *needle)
{
    if (ui_draw_rec_has_text(d, needle))
        fail_msg("'%s' was drawn (untranslated?)", needle);
}

/* Every text call stays inside the window. */
static void assert_inside(const ui_draw *d)
{
    size_t n;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    assert_true(n > 10);
    for (size_t i = 0; i < n; i++) {
        if (c[i].kind != REC_TEXT)
            continue;
        ui_rect r = c[i].r;
        if (r.x < 0 || r.y < 0 || r.x + r.w > d->width || r.y + r.h > d->height)
            fail_msg("text '%s' at %d,%d %dx%d leaves the %dx%d window", c[i].text, r.x, r.y, r.w,
                     r.h, d->width, d->height);
    }
}

static ui_draw *draw_screen(app *a, screen_id s, lang l)
{
    app_set_lang(a, l);
    app_set_screen(a, s);
    helper_tick(a);
    ui_draw *d = helper_draw(a);
    assert_inside(d);
    return d;
}

static void test_screens_title_both_languages(void **state)
{
    (void)state;
    for (size_t z = 0; z < 2; z++) {
        app a;
        helper_app_init(&a, NULL, sizes[z][0], sizes[z][1]);
        ui_draw *d = draw_screen(&a, SCR_TITLE, LANG_JA);
        assert_text(d, "マルウェア封じ込め");
        assert_text(d, "チュートリアル");
        assert_text(d, "ソロ練習");
        assert_text(d, "設定");
        assert_no_text(d, "New workshop game");
        assert_no_text(d, "Settings");
        draw_free(d);
        d = draw_screen(&a, SCR_TITLE, LANG_EN);
        assert_text(d, "Malware Containment");
        assert_text(d, "New workshop game");
        assert_text(d, "Continue");
        assert_text(d, "Tutorial");
        assert_text(d, "Quit");
        draw_free(d);
        app_free(&a);
    }
}

static void test_screens_setup_both_languages(void **state)
{
    (void)state;
    for (size_t z = 0; z < 2; z++) {
        app a;
        helper_app_init(&a, NULL, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++) {
            ui_draw *d = draw_screen(&a, SCR_SETUP, (lang)l);
            const scenario_def *sc = &a.rs->scenarios[a.newgame.scenario];
            /* content text comes from the ruleset in the chosen language */
            assert_text(d, ml_get(&sc->name, (lang)l));
            for (size_t r = 0; r < sc->n_roles; r++)
                assert_text(d, ml_get(&a.rs->roles[sc->roles[r]].name, (lang)l));
            assert_text(d, l == LANG_JA ? "プレイヤー1" : "Player 1");
            assert_text(d, l == LANG_JA ? "開始" : "Start");
            assert_text(d, l == LANG_JA ? "コンピューター" : "Computer");
            assert_text(d, "日本語");
            assert_text(d, "English");
            if (l == LANG_JA) {
                assert_no_text(d, "Deal roles evenly");
                assert_no_text(d, "Private information");
            }
            draw_free(d);
        }
        app_free(&a);
    }
}

static void test_screens_settings_both_languages(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1280, 720);
    ui_draw *d = draw_screen(&a, SCR_SETTINGS, LANG_JA);
    assert_text(d, "設定");
    assert_text(d, "日本語");
    assert_text(d, "English");
    assert_no_text(d, "Fullscreen");
    draw_free(d);
    d = draw_screen(&a, SCR_SETTINGS, LANG_EN);
    assert_text(d, "Settings");
    assert_text(d, "Fullscreen");
    assert_text(d, "Tutorial hints");
    draw_free(d);
    app_free(&a);
}

static void load_fixture(app *a, const char *name)
{
    char *text = helper_fixture(name);
    char why[RULES_WHY_MAX];
    if (!app_load_text(a, text, why, sizeof why))
        fail_msg("%s: %s", name, why);
    free(text);
    helper_tick(a);
}

static void test_screens_end_won_both_languages(void **state)
{
    (void)state;
    for (size_t z = 0; z < 2; z++) {
        app a;
        helper_app_init(&a, NULL, sizes[z][0], sizes[z][1]);
        load_fixture(&a, "tutorial_won.malcon");
        assert_int_equal(a.screen, SCR_END);
        const game_state *s = match_state(a.match);
        for (int l = 0; l < LANG_COUNT; l++) {
            ui_draw *d = draw_screen(&a, SCR_END, (lang)l);
            assert_text(d, rules_outcome_name(OUT_WIN_DECLARED, (lang)l));
            for (int t = 0; t < ST_COUNT; t++)
                assert_text(d, rules_score_term_name((score_term)t, (lang)l));
            score_view sv;
            rules_score(s, &sv);
            char total[16];
            snprintf(total, sizeof total, "%d", sv.total);
            assert_text(d, total);
            /* the truth: T01 was infected by mail and contained */
            assert_text(d, "T01");
            assert_text(d, ml_get(&state_scenario(s)->malware, (lang)l));
            assert_text(d, l == LANG_JA ? "メール添付" : "Mail attachment");
            assert_text(d, l == LANG_JA ? "封じ込め済み" : "contained");
            assert_text(d, l == LANG_JA ? "新しいゲーム" : "New game");
            draw_free(d);
        }
        app_free(&a);
    }
}

static void test_screens_end_lost(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    load_fixture(&a, "tutorial_lost.malcon");
    ui_draw *d = draw_screen(&a, SCR_END, LANG_EN);
    assert_text(d, rules_outcome_name(OUT_LOSE_DECLARED, LANG_EN));
    assert_text(d, "Not contained");
    assert_text(d, "still active");
    draw_free(d);
    /* N starts a new game from the setup screen, T goes to the title */
    helper_key(&a, KEY_N, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETUP);
    app_set_screen(&a, SCR_END);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    app_free(&a);
}

/* A keyboard-only new game: title -> setup -> 3 players -> names -> start. */
static void test_screens_setup_keyboard_only(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    helper_key(&a, KEY_ENTER, 0); /* focus starts on "New workshop game" */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETUP);
    /* Tab to the players count, then press 3 */
    for (int i = 0; i < 20 && a.setup.focus != 7 * 16; i++)
        helper_key(&a, KEY_TAB, 0);
    assert_int_equal(a.setup.focus, 7 * 16);
    helper_key(&a, KEY_3, 0);
    assert_int_equal(a.newgame.setup.n_players, 3);
    helper_key(&a, KEY_LEFT, 0);
    assert_int_equal(a.newgame.setup.n_players, 2);
    helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.newgame.setup.n_players, 3);
    /* the next stop is player 1's name: Enter edits it */
    helper_key(&a, KEY_TAB, 0);
    helper_key(&a, KEY_ENTER, 0);
    assert_int_equal(a.setup.editing, SETUP_EDIT_NAME);
    for (int i = 0; i < 10; i++)
        helper_key(&a, KEY_BACKSPACE, 0);
    helper_text(&a, "Aiko");
    helper_text(&a, "\xE3\x81\x82"); /* あ */
    helper_key(&a, KEY_ENTER, 0);
    assert_int_equal(a.setup.editing, SETUP_EDIT_NONE);
    assert_string_equal(a.newgame.setup.player[0], "Aikoあ");
    /* in the grid, a number key gives the focused role to that player */
    for (int i = 0; i < 10 && a.setup.focus != 9 * 16; i++)
        helper_key(&a, KEY_TAB, 0);
    assert_int_equal(a.setup.focus, 9 * 16);
    const scenario_def *sc = &a.rs->scenarios[a.newgame.scenario];
    helper_key(&a, KEY_DOWN, 0); /* second role */
    helper_key(&a, KEY_3, 0);
    assert_int_equal(newgame_holder(&a.newgame.setup, sc->roles[1]), 2);
    char why[RULES_WHY_MAX];
    assert_true(newgame_valid(&a.newgame.setup, a.rs, a.newgame.scenario, why, sizeof why));
    uint64_t seed = a.newgame.setup.seed;
    helper_key(&a, KEY_F5, 0); /* start */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    const game_setup *su = state_setup(match_state(a.match));
    assert_int_equal(su->n_players, 3);
    assert_string_equal(su->player[0], "Aikoあ");
    assert_true(su->seed == seed);
    assert_int_equal(rules_role_player(match_state(a.match), sc->roles[1]), 2);
    app_free(&a);
}

/* The setup screen's focus code of the players' names (kind * 16 + player), found by Tab (so
 * that new stops elsewhere do not break the tests): the players' count is the stop before the
 * names, the roles grid the one after. Needs two players or more. */
static int setup_name_kind(app *a)
{
    assert_true(a->newgame.setup.n_players >= 2);
    for (int i = 0; i < 64; i++) {
        helper_key(a, KEY_TAB, 0);
        if (a->setup.focus % 16 == 1)
            return a->setup.focus / 16;
    }
    fail_msg("no name stop on the setup screen");
    return -1;
}

/* Larger groups: up to 8 players, the expansion roles listed under the scenario's roles; an
 * expansion role can be given and taken back with the keyboard, a scenario role cannot leave. */
static void test_screens_setup_expansion_roles(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    helper_key(&a, KEY_ENTER, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETUP);
    const scenario_def *sc = &a.rs->scenarios[a.newgame.scenario];
    int k = (int)sc->n_roles, extra[RULES_MAX_ROLES];
    int n_extra = newgame_extra_roles(a.rs, a.newgame.scenario, extra, RULES_MAX_ROLES);
    assert_int_equal(k + n_extra, 8);
    game_setup *su = &a.newgame.setup;
    char why[RULES_WHY_MAX];
    int names = setup_name_kind(&a);
    for (int i = 0; i < 40 && a.setup.focus != (names - 1) * 16; i++)
        helper_key(&a, KEY_TAB, 0);
    assert_int_equal(a.setup.focus, (names - 1) * 16);
    helper_key(&a, KEY_8, 0);
    assert_int_equal(su->n_players, 8);
    helper_key(&a, KEY_RIGHT, 0); /* 8 is the most */
    assert_int_equal(su->n_players, 8);
    for (int i = 0; i < n_extra; i++)
        assert_int_equal(newgame_holder(su, extra[i]), k + i); /* one role each */
    assert_true(newgame_valid(su, a.rs, a.newgame.scenario, why, sizeof why));
    ui_draw *d = draw_screen(&a, SCR_SETUP, LANG_JA);
    assert_text(d, "拡張役職（任意）：人数が多いと加わります");
    for (int i = 0; i < n_extra; i++)
        assert_text(d, ml_get(&a.rs->roles[extra[i]].name, LANG_JA));
    assert_inside(d);
    draw_free(d);
    app_set_lang(&a, LANG_EN);

    /* back to 4: the extra roles leave */
    helper_key(&a, KEY_4, 0);
    assert_int_equal(su->n_players, 4);
    for (int i = 0; i < n_extra; i++)
        assert_int_equal(newgame_holder(su, extra[i]), -1);
    /* the grid: the first extra role row, player 2 takes it; Enter on its holder again takes
     * it back out; a number key gives it again */
    for (int i = 0; i < 40 && a.setup.focus != (names + 1) * 16; i++)
        helper_key(&a, KEY_TAB, 0);
    assert_int_equal(a.setup.focus, (names + 1) * 16);
    for (int i = 0; i < k; i++)
        helper_key(&a, KEY_DOWN, 0);
    assert_int_equal(a.setup.grid_role, k);
    a.setup.grid_player = 1;
    helper_key(&a, KEY_ENTER, 0);
    assert_int_equal(newgame_holder(su, extra[0]), 1);
    helper_key(&a, KEY_ENTER, 0);
    assert_int_equal(newgame_holder(su, extra[0]), -1);
    helper_key(&a, KEY_2, 0);
    assert_int_equal(newgame_holder(su, extra[0]), 1);
    helper_key(&a, KEY_DOWN, 0);
    helper_key(&a, KEY_3, 0);
    assert_int_equal(newgame_holder(su, extra[1]), 2);
    /* a scenario role cannot be taken out: Delete on it says why */
    for (int i = 0; i <= k; i++)
        helper_key(&a, KEY_UP, 0);
    assert_int_equal(a.setup.grid_role, 0);
    helper_key(&a, KEY_DELETE, 0);
    assert_true(newgame_holder(su, sc->roles[0]) >= 0);
    assert_non_null(strstr(a.setup.message, "always played"));
    assert_true(newgame_valid(su, a.rs, a.newgame.scenario, why, sizeof why));

    /* the game starts with the scenario's roles and the two that joined, in turn order */
    helper_key(&a, KEY_F5, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    const game_state *s = match_state(a.match);
    int order[RULES_MAX_ROLES];
    assert_int_equal(rules_turn_order(s, order, RULES_MAX_ROLES), (size_t)(k + 2));
    assert_int_equal(rules_role_player(s, extra[0]), 1);
    assert_int_equal(rules_role_player(s, extra[1]), 2);
    assert_true(rules_role_in_play(s, extra[0]) && rules_role_in_play(s, extra[1]));
    app_free(&a);
}

/* A mouse-only new game: click New, a scenario arrow, a grid cell, the seed, Start. */
static void test_screens_setup_mouse_only(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1280, 720);
    ui_rect r = layout_design_rect((ui_rect){150, 390, 640, 76}, a.width, a.height);
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETUP);
    int sc0 = a.newgame.scenario;
    r = layout_design_rect((ui_rect){814, 160, 66, 56}, a.width, a.height); /* next scenario */
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    assert_int_equal(a.newgame.scenario, (sc0 + 1) % (int)a.rs->n_scenarios);
    r = layout_design_rect((ui_rect){1612, 168, 70, 70}, a.width, a.height); /* players + */
    int before = a.newgame.setup.n_players;
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    int max = newgame_max_players(a.rs, a.newgame.scenario);
    assert_int_equal(a.newgame.setup.n_players, before < max ? before + 1 : max);
    /* private information: Off */
    r = layout_design_rect((ui_rect){500, 620 + 68, 190, 60}, a.width, a.height);
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    assert_false(a.newgame.setup.private_info);
    assert_true(a.newgame.setup.open_info); /* one choice: off is open information */
    /* English, by its segment */
    r = layout_design_rect((ui_rect){690, 620, 190, 60}, a.width, a.height);
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    assert_int_equal(a.lang, LANG_EN);
    /* New seed */
    uint64_t s0 = a.newgame.setup.seed;
    r = layout_design_rect((ui_rect){744, 620 + 3 * 68, 136, 60}, a.width, a.height);
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    assert_true(a.newgame.setup.seed != s0);
    r = layout_design_rect((ui_rect){1520, 986, 340, 80}, a.width, a.height); /* Start */
    helper_click(&a, r.x + r.w / 2, r.y + r.h / 2);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_false(state_setup(match_state(a.match))->private_info);
    app_free(&a);
}

static void test_screens_title_keys(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    assert_int_equal(a.title_focus, 0);
    helper_key(&a, KEY_DOWN, 0); /* Continue is disabled (no autosave): skipped */
    assert_int_equal(a.title_focus, 2);
    helper_key(&a, KEY_UP, 0);
    assert_int_equal(a.title_focus, 0);
    helper_key(&a, KEY_5, 0); /* the solo records */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_RECORDS);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    helper_key(&a, KEY_6, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETTINGS);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    helper_key(&a, KEY_3, 0); /* solo practice */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    const game_state *s = match_state(a.match);
    assert_int_equal(state_setup(s)->mode, MODE_SOLO);
    assert_true(state_scenario(s)->solo_seconds > 0);
    app_set_screen(&a, SCR_TITLE);
    helper_key(&a, KEY_7, 0);
    assert_true(a.quit);
    app_free(&a);
}

static void test_screens_f11_everywhere(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    static const screen_id ids[] = {SCR_TITLE, SCR_SETUP, SCR_SETTINGS};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        app_set_screen(&a, ids[i]);
        bool fs = a.settings.fullscreen;
        helper_key(&a, KEY_F11, 0);
        assert_int_equal(a.settings.fullscreen, !fs);
        assert_int_equal(a.screen, ids[i]);
    }
    app_free(&a);
}

static void test_screens_content_errors(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    char *cards = data_path_join(dir, "cards");
    mkdir(cards, 0700);
    char *roles = helper_write(cards, "roles.yaml", "roles:\n  - id: x\n    bogus: 1\n", 30);
    app a;
    memset(&a, 0, sizeof a);
    a.width = 1280;
    a.height = 720;
    assert_false(app_init(&a, dir, NULL));
    app_update(&a, 16);
    assert_int_equal(a.screen, SCR_ERROR);
    assert_true(a.content_err.count > 0);
    app_set_lang(&a, LANG_EN);
    ui_draw *d = helper_draw(&a);
    assert_text(d, "roles.yaml:");
    assert_text(d, "Retry");
    draw_free(d);
    /* the broken folder has no UI words of its own: the shipped Japanese ones are used */
    app_set_lang(&a, LANG_JA);
    d = helper_draw(&a);
    assert_text(d, "roles.yaml:");
    assert_text(d, "ゲームデータにエラーがあります");
    assert_text(d, "再読み込み");
    draw_free(d);
    helper_key(&a, KEY_R, 0); /* still broken: stays */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_ERROR);
    app_free(&a);
    unlink(roles);
    free(roles);
    rmdir(cards);
    free(cards);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screens_title_both_languages),
        cmocka_unit_test(test_screens_setup_both_languages),
        cmocka_unit_test(test_screens_settings_both_languages),
        cmocka_unit_test(test_screens_end_won_both_languages),
        cmocka_unit_test(test_screens_end_lost),
        cmocka_unit_test(test_screens_setup_keyboard_only),
        cmocka_unit_test(test_screens_setup_expansion_roles),
        cmocka_unit_test(test_screens_setup_mouse_only),
        cmocka_unit_test(test_screens_title_keys),
        cmocka_unit_test(test_screens_f11_everywhere),
        cmocka_unit_test(test_screens_content_errors),
    };
    return cmocka_run_group_tests_name("app_screens", tests, NULL, NULL);
}
