/* test_records.c: the solo records file: the line format (round trip, bad lines), the order
 * (score, then time, then date), the top ten per scenario, missing and corrupt files (never
 * fatal: kept aside as .bad with the good lines kept), atomic writes, and the records screen
 * (tabs, rows, "play this seed again" by Enter and by one click). */
#include "helper_app.h"
#include "records.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static record rec_make(const char *sc, const char *date, uint64_t seed, int used, int score,
                       char rank, outcome o)
{
    record r;
    memset(&r, 0, sizeof r);
    snprintf(r.scenario, sizeof r.scenario, "%s", sc);
    snprintf(r.date, sizeof r.date, "%s", date);
    r.seed = seed;
    r.seconds_used = used;
    r.score = score;
    r.rank = rank;
    r.outcome = o;
    return r;
}

static void test_records_format_round_trip(void **st)
{
    (void)st;
    records r = {0};
    record a = rec_make("solo", "2026-11-26T21:04", 48213, 512, 86, 'A', OUT_WIN_DECLARED);
    record b =
        rec_make("hard", "2026-11-20T09:00", 18446744073709551615ULL, 0, 0, 'D', OUT_LOSE_LEAK);
    assert_int_equal(records_add(&r, &a), 0);
    assert_int_equal(records_add(&r, &b), 0);
    char *text = records_format(&r);
    assert_string_equal(text, "# malcon records 1\n"
                              "solo 2026-11-26T21:04 48213 512 86 A won_declared\n"
                              "hard 2026-11-20T09:00 18446744073709551615 0 0 D lost_leak\n");
    records back = {0};
    int bad = -1;
    assert_true(records_parse(&back, text, &bad));
    assert_int_equal(bad, 0);
    char *again = records_format(&back);
    assert_string_equal(again, text);
    free(again);
    free(text);
    records_free(&back);
    records_free(&r);
}

static void test_records_bad_lines(void **st)
{
    (void)st;
    static const char *const bad_lines[] = {
        "solo 2026-11-26T21:04 1 512 86 A",                              /* no outcome */
        "solo 2026-11-26 1 512 86 A won_declared",                       /* date without the time */
        "solo 2026-11-26T21:04 -1 512 86 A won_declared",                /* signed seed */
        "solo 2026-11-26T21:04 1 512 101 A won_declared",                /* score beyond 100 */
        "solo 2026-11-26T21:04 1 512 86 Z won_declared",                 /* no such rank */
        "solo 2026-11-26T21:04 1 512 86 A won",                          /* unknown outcome */
        "so|o 2026-11-26T21:04 1 512 86 A won_declared",                 /* not an id */
        "solo 2026-11-26T21:04 1 512 86 A won_declared x",               /* trailing word */
        "solo 2026-11-26T21:04 99999999999999999999 1 1 A won_declared", /* seed overflow */
    };
    for (size_t i = 0; i < sizeof bad_lines / sizeof bad_lines[0]; i++) {
        char text[300];
        snprintf(text, sizeof text,
                 "# header\nsolo 2026-01-01T00:00 5 10 20 D lost_briefing\n\n%s\n", bad_lines[i]);
        records r = {0};
        int bad = 0;
        assert_false(records_parse(&r, text, &bad));
        assert_int_equal(bad, 4);
        assert_int_equal(r.count, 1); /* the good line is kept */
        records_free(&r);
    }
    /* Windows line ends and blank lines are fine */
    records r = {0};
    assert_true(records_parse(&r, "solo 2026-01-01T00:00 5 10 20 D lost_briefing\r\n\r\n", NULL));
    assert_int_equal(r.count, 1);
    records_free(&r);
}

static void test_records_order_and_top_ten(void **st)
{
    (void)st;
    records r = {0};
    /* same score: less time first; same time too: the older first */
    record a = rec_make("solo", "2026-01-02T00:00", 1, 600, 70, 'B', OUT_WIN_BRIEFING);
    record b = rec_make("solo", "2026-01-03T00:00", 2, 500, 70, 'B', OUT_WIN_BRIEFING);
    record c = rec_make("solo", "2026-01-01T00:00", 3, 500, 70, 'B', OUT_WIN_BRIEFING);
    record d = rec_make("solo", "2026-01-04T00:00", 4, 900, 90, 'S', OUT_WIN_DECLARED);
    assert_int_equal(records_add(&r, &a), 0);
    assert_int_equal(records_add(&r, &b), 0);
    assert_int_equal(records_add(&r, &c), 0);
    assert_int_equal(records_add(&r, &d), 0);
    const record *list[RECORDS_KEEP];
    assert_int_equal(records_of(&r, "solo", list, RECORDS_KEEP), 4);
    assert_int_equal(list[0]->seed, 4);
    assert_int_equal(list[1]->seed, 3);
    assert_int_equal(list[2]->seed, 2);
    assert_int_equal(list[3]->seed, 1);
    /* up to ten per scenario: an eleventh worse game does not make the list */
    for (int i = 0; i < 6; i++) {
        record x = rec_make("solo", "2026-02-01T00:00", 100 + (uint64_t)i, 300, 50 + i, 'C',
                            OUT_WIN_BRIEFING);
        assert_true(records_add(&r, &x) >= 0);
    }
    record worst = rec_make("solo", "2026-03-01T00:00", 999, 100, 10, 'D', OUT_LOSE_DECLARED);
    assert_int_equal(records_add(&r, &worst), -1);
    assert_int_equal(records_of(&r, "solo", list, RECORDS_KEEP), RECORDS_KEEP);
    /* a better one pushes the tenth out and tells its place */
    record good = rec_make("solo", "2026-03-02T00:00", 1000, 100, 80, 'A', OUT_WIN_DECLARED);
    assert_int_equal(records_add(&r, &good), 1);
    assert_int_equal(records_of(&r, "solo", list, RECORDS_KEEP), RECORDS_KEEP);
    assert_int_equal(list[RECORDS_KEEP - 1]->score, 51); /* 50 dropped out */
    /* another scenario's list is its own */
    record h = rec_make("hard", "2026-03-02T00:00", 5, 100, 5, 'D', OUT_LOSE_LEAK);
    assert_int_equal(records_add(&r, &h), 0);
    assert_int_equal(records_of(&r, "hard", list, RECORDS_KEEP), 1);
    records_free(&r);
}

/* Names in dir (sorted), joined by spaces, into out. */
static void list_dir(const char *dir, char *out, size_t n)
{
    char names[16][64];
    int k = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) && k < 16) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(e->d_name);
        if (len >= sizeof names[0])
            len = sizeof names[0] - 1;
        memcpy(names[k], e->d_name, len);
        names[k++][len] = '\0';
    }
    closedir(d);
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[64];
            memcpy(t, names[j], sizeof t);
            memcpy(names[j], names[j - 1], sizeof t);
            memcpy(names[j - 1], t, sizeof t);
        }
    out[0] = '\0';
    for (int i = 0; i < k; i++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", i ? " " : "", names[i]);
    }
}

static void test_records_files(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    records r = {0};
    char notice[200] = "x";
    /* no file, no folder: an empty list, nothing to tell */
    assert_true(records_load(&r, dir, notice, sizeof notice));
    assert_int_equal(r.count, 0);
    assert_string_equal(notice, "");
    assert_true(records_load(&r, NULL, notice, sizeof notice));
    assert_false(records_save(&r, NULL));

    /* written atomically: the file appears whole and no temporary is left beside it */
    record a = rec_make("solo", "2026-11-26T21:04", 48213, 512, 86, 'A', OUT_WIN_DECLARED);
    records_add(&r, &a);
    assert_true(records_save(&r, dir));
    char names[256];
    list_dir(dir, names, sizeof names);
    assert_string_equal(names, "records.txt");
    records back = {0};
    assert_true(records_load(&back, dir, notice, sizeof notice));
    assert_int_equal(back.count, 1);
    records_free(&back);

    /* corrupt: kept aside as .bad, its good lines kept, the player told */
    static const char junk[] =
        "solo 2026-11-26T21:04 48213 512 86 A won_declared\n\x01\x02garbage\n";
    free(helper_write(dir, "records.txt", junk, sizeof junk - 1));
    assert_false(records_load(&back, dir, notice, sizeof notice));
    assert_int_equal(back.count, 1);
    assert_non_null(strstr(notice, "records.txt.bad"));
    assert_non_null(strstr(notice, "line 2"));
    list_dir(dir, names, sizeof names);
    assert_string_equal(names, "records.txt.bad");
    /* the next save writes the good lines back */
    assert_true(records_save(&back, dir));
    list_dir(dir, names, sizeof names);
    assert_string_equal(names, "records.txt records.txt.bad");
    records_free(&back);

    /* a folder that cannot be written: false, no crash */
    assert_false(records_save(&r, "/nonexistent-malcon-dir/x"));
    records_free(&r);
    char *p = data_path_join(dir, "records.txt.bad");
    remove(p);
    free(p);
    helper_rmdir(dir);
    free(dir);
}

static void test_records_screen_plays_a_seed_again(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    static const char text[] = "# malcon records 1\n"
                               "solo 2026-11-24T19:00 777 900 22 D lost_briefing\n"
                               "solo 2026-11-26T21:04 48213 512 86 A won_declared\n"
                               "solo 2026-11-25T20:10 1234 700 64 B won_briefing\n";
    free(helper_write(dir, "records.txt", text, sizeof text - 1));
    app a;
    helper_app_init(&a, dir, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    app_goto(&a, SCR_RECORDS);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_RECORDS);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "48213"));
    assert_true(ui_draw_rec_has_text(d, "8:32"));
    assert_true(ui_draw_rec_has_text(d, "2026-11-26 21:04"));
    /* rows best first: 86 above 64 above 22 */
    const ui_rec_call *r86 = ui_draw_rec_find_text(d, "86");
    const ui_rec_call *r22 = ui_draw_rec_find_text(d, "22");
    assert_non_null(r86);
    assert_non_null(r22);
    assert_true(r86->r.y < r22->r.y);
    draw_free(d);

    /* Enter: the selected (best) row's seed, solo, on the board */
    helper_key(&a, KEY_ENTER, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_non_null(a.match);
    assert_int_equal(state_setup(match_state(a.match))->seed, 48213);
    assert_int_equal(state_setup(match_state(a.match))->mode, MODE_SOLO);

    /* one click on the third row's button: its seed */
    app_goto(&a, SCR_RECORDS);
    helper_tick(&a);
    d = helper_draw(&a);
    const ui_rec_call *call = NULL;
    size_t n = 0;
    const ui_rec_call *calls = ui_draw_rec_calls(d, &n);
    int seen = 0;
    for (size_t i = 0; i < n; i++)
        if (calls[i].kind == REC_TEXT && calls[i].text &&
            !strcmp(calls[i].text, "Play this seed") && ++seen == 3)
            call = &calls[i];
    assert_non_null(call);
    int x = call->r.x + call->r.w / 2, y = call->r.y + call->r.h / 2;
    draw_free(d);
    helper_click(&a, x, y);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_int_equal(state_setup(match_state(a.match))->seed, 777);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

static void test_records_screen_from_title_and_empty(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    helper_app_init(&a, dir, 1280, 720);
    app_set_lang(&a, LANG_EN);
    ui_draw *d = helper_draw(&a);
    const ui_rec_call *btn = ui_draw_rec_find_text(d, "Records");
    assert_non_null(btn);
    int x = btn->r.x + btn->r.w / 2, y = btn->r.y + btn->r.h / 2;
    draw_free(d);
    helper_click(&a, x, y);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_RECORDS);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "No records yet"));
    draw_free(d);
    helper_key(&a, KEY_ENTER, 0); /* nothing to play: nothing happens */
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_RECORDS);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records_format_round_trip),
        cmocka_unit_test(test_records_bad_lines),
        cmocka_unit_test(test_records_order_and_top_ten),
        cmocka_unit_test(test_records_files),
        cmocka_unit_test(test_records_screen_plays_a_seed_again),
        cmocka_unit_test(test_records_screen_from_title_and_empty),
    };
    return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
