/* test_settings.c: settings.txt: format/parse round trip, forgiving parsing, a corrupt file
 * falling back to the defaults, and atomic save/load through the user's data folder. */
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static void assert_settings_equal(const app_settings *a, const app_settings *b)
{
    assert_int_equal(a->lang, b->lang);
    assert_int_equal(a->fullscreen, b->fullscreen);
    assert_int_equal(a->hints, b->hints);
}

static void test_settings_defaults(void **state)
{
    (void)state;
    app_settings s;
    settings_defaults(&s);
    assert_int_equal(s.lang, LANG_JA);
    assert_false(s.fullscreen);
    assert_true(s.hints);
}

static void test_settings_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < 8; i++) {
        app_settings s = {
            .lang = (i & 1) ? LANG_EN : LANG_JA, .fullscreen = (i & 2) != 0, .hints = (i & 4) != 0};
        char *text = settings_format(&s);
        app_settings back;
        assert_true(settings_parse(&back, text));
        assert_settings_equal(&s, &back);
        /* format(parse(format(x))) == format(x): the file is canonical */
        char *again = settings_format(&back);
        assert_string_equal(text, again);
        free(again);
        free(text);
    }
}

static void test_settings_parse_is_forgiving(void **state)
{
    (void)state;
    app_settings s;
    /* blanks, CRLF, comments and other spellings of booleans */
    assert_true(settings_parse(&s, "# mine\r\n  lang = en \r\nfullscreen=on\n\nhints=false\n"));
    assert_int_equal(s.lang, LANG_EN);
    assert_true(s.fullscreen);
    assert_false(s.hints);
    /* one bad line costs only its own key: the others still apply */
    assert_false(settings_parse(&s, "lang=en\nfullscreen=maybe\nhints=0\nvolume=11\n"));
    assert_int_equal(s.lang, LANG_EN);
    assert_false(s.fullscreen); /* default kept */
    assert_false(s.hints);
}

static void test_settings_corrupt_text_gives_defaults(void **state)
{
    (void)state;
    app_settings s, def;
    settings_defaults(&def);
    static const char *const bad[] = {
        "\x89PNG\r\n\x1a\n garbage",
        "lang=fr\nfullscreen=2\nhints=yes please\n",
        "=\n==\nlang\n",
        "lang=enenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenen"
        "enenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenen"
        "enenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenenen",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(settings_parse(&s, bad[i]));
        assert_settings_equal(&s, &def);
    }
    assert_true(settings_parse(&s, NULL));
    assert_settings_equal(&s, &def);
}

static void test_settings_save_and_load(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app_settings s = {.lang = LANG_EN, .fullscreen = true, .hints = false}, back;
    assert_true(settings_save(&s, dir));
    settings_load(&back, dir);
    assert_settings_equal(&s, &back);
    /* no temporary file is left beside it */
    char *tmp = data_path_join(dir, "settings.txt.tmp");
    assert_false(helper_exists(tmp));
    free(tmp);
    helper_rmdir(dir);
    free(dir);
}

static void test_settings_corrupt_file_gives_defaults(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    static const char junk[] = "lang=en\0\xff\xfe\x00\x01binary";
    char *p = helper_write(dir, "settings.txt", junk, sizeof junk);
    app_settings s, def;
    settings_defaults(&def);
    settings_load(&s, dir);
    assert_settings_equal(&s, &def);
    /* a missing file or no data folder at all: defaults too */
    unlink(p);
    settings_load(&s, dir);
    assert_settings_equal(&s, &def);
    settings_load(&s, NULL);
    assert_settings_equal(&s, &def);
    assert_false(settings_save(&s, NULL));
    free(p);
    helper_rmdir(dir);
    free(dir);
}

/* The app reads the settings at start and the settings screen writes them back. */
static void test_settings_screen_persists(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    assert_int_equal(a.lang, LANG_JA);
    app_set_screen(&a, SCR_SETTINGS);
    helper_key(&a, KEY_RIGHT, 0); /* language -> English */
    assert_int_equal(a.lang, LANG_EN);
    helper_key(&a, KEY_DOWN, 0);
    helper_key(&a, KEY_DOWN, 0);
    helper_key(&a, KEY_ENTER, 0); /* hints off */
    assert_false(a.settings.hints);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    app_free(&a);

    app b;
    helper_app_init(&b, dir, 1920, 1080);
    assert_int_equal(b.lang, LANG_EN);
    assert_false(b.settings.hints);
    app_free(&b);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_defaults),
        cmocka_unit_test(test_settings_round_trip),
        cmocka_unit_test(test_settings_parse_is_forgiving),
        cmocka_unit_test(test_settings_corrupt_text_gives_defaults),
        cmocka_unit_test(test_settings_save_and_load),
        cmocka_unit_test(test_settings_corrupt_file_gives_defaults),
        cmocka_unit_test(test_settings_screen_persists),
    };
    return cmocka_run_group_tests_name("app_settings", tests, NULL, NULL);
}
