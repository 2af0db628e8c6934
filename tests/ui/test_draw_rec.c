/* test_draw_rec.c: tests of the recording drawer and the draw_* wrappers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "draw.h"
#include "text.h"

static int setup(void **st)
{
    *st = ui_draw_rec_new(800, 600);
    return 0;
}

static int teardown(void **st)
{
    draw_free(*st);
    return 0;
}

static void test_draw_rec_records_every_call_in_order(void **st)
{
    ui_draw *d = *st;
    assert_int_equal(d->width, 800);
    assert_int_equal(d->height, 600);
    draw_begin(d, UI_RGB(0x101010));
    draw_fill(d, (ui_rect){1, 2, 3, 4}, UI_RGB(0xff0000));
    draw_round(d, (ui_rect){5, 6, 70, 80}, 9, UI_RGBA(0x00ff00, 0x80));
    draw_stroke(d, (ui_rect){0, 0, 10, 10}, 2, UI_RGB(0x0000ff));
    draw_stroke_round(d, (ui_rect){0, 0, 20, 20}, 4, 3, UI_RGB(0x0000ff));
    draw_line(d, 10, 20, 30, 50, 5, UI_RGB(0xffffff));
    draw_circle(d, 100, 100, 10, UI_RGB(0xffffff));
    draw_triangle(d, 0, 10, 20, 0, 40, 30, UI_RGB(0xffffff));
    draw_icon(d, UI_ICON_CLOCK, (ui_rect){0, 0, 32, 32}, UI_RGB(0x123456));
    draw_clip(d, &(ui_rect){10, 10, 100, 100});
    draw_clip(d, NULL);
    draw_end(d);

    size_t n = 0;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    const ui_rec_kind want[] = {REC_BEGIN,        REC_FILL, REC_ROUND,  REC_STROKE,
                                REC_STROKE_ROUND, REC_LINE, REC_CIRCLE, REC_TRIANGLE,
                                REC_ICON,         REC_CLIP, REC_CLIP,   REC_END};
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(c[i].kind, want[i]);
    assert_int_equal(c[0].color, UI_RGB(0x101010));
    assert_int_equal(c[1].r.x, 1);
    assert_int_equal(c[1].r.h, 4);
    assert_int_equal(c[1].color, 0xff0000ffu);
    assert_int_equal(c[2].arg, 9); /* radius */
    assert_int_equal(c[2].color, 0x00ff0080u);
    assert_int_equal(c[3].arg, 2); /* thickness */
    assert_int_equal(c[5].r.x, 10);
    assert_int_equal(c[5].r.w, 20); /* x1 - x0 */
    assert_int_equal(c[5].r.h, 30);
    assert_int_equal(c[6].r.x, 90); /* circle: its bounding box */
    assert_int_equal(c[6].r.w, 20);
    assert_int_equal(c[7].r.x, 0);
    assert_int_equal(c[7].r.w, 40);
    assert_int_equal(c[7].r.h, 30);
    assert_int_equal(c[8].icon, UI_ICON_CLOCK);
    assert_int_equal(c[8].color, UI_RGB(0x123456));
    assert_int_equal(c[9].arg, 1);
    assert_int_equal(c[9].r.w, 100);
    assert_int_equal(c[10].arg, 0); /* clip off */
    assert_int_equal(ui_draw_rec_count(d, REC_CLIP), 2);
    assert_int_equal(ui_draw_rec_count(d, REC_TEXT), 0);
}

static void test_draw_rec_copies_texts_and_finds_them(void **st)
{
    ui_draw *d = *st;
    char buf[64];
    strcpy(buf, "新しいゲーム");
    ui_text_style s = {28, UI_FONT_BOLD, UI_RGB(0xffffff), UI_ALIGN_CENTER, false, false};
    draw_begin(d, 0);
    draw_text(d, (ui_rect){100, 200, 300, 50}, buf, &s);
    strcpy(buf, "overwritten");
    draw_text(d, (ui_rect){100, 260, 300, 50}, "Settings", &s);
    assert_false(draw_image(d, (ui_rect){0, 0, 10, 10}, "assets/art/roles/commander.png"));

    assert_true(ui_draw_rec_has_text(d, "新しいゲーム"));
    assert_true(ui_draw_rec_has_text(d, "ゲーム")); /* substring */
    assert_false(ui_draw_rec_has_text(d, "overwritten"));
    const ui_rec_call *c = ui_draw_rec_find_text(d, "Settings");
    assert_non_null(c);
    assert_int_equal(c->r.y, 260);
    assert_int_equal(c->arg, 28);
    assert_null(ui_draw_rec_find_text(d, "Quit"));
    /* The image path is recorded (the recorder never loads it). */
    assert_int_equal(ui_draw_rec_count(d, REC_IMAGE), 1);
    size_t n;
    const ui_rec_call *calls = ui_draw_rec_calls(d, &n);
    assert_string_equal(calls[n - 1].text, "assets/art/roles/commander.png");

    /* begin starts a new frame: old calls are gone. */
    draw_begin(d, 0);
    assert_false(ui_draw_rec_has_text(d, "Settings"));
    ui_draw_rec_calls(d, &n);
    assert_int_equal(n, 1);
}

static void test_draw_rec_text_height_follows_the_shared_wrap(void **st)
{
    ui_draw *d = *st;
    ui_text_style s = {20, UI_FONT_REGULAR, UI_RGB(0xffffff), 0, true, false};
    draw_begin(d, 0);
    int lh = text_line_height(20);
    /* 10 px per ASCII byte at 20 px: "the quick brown fox" in 100 px is two lines. */
    assert_int_equal(draw_text(d, (ui_rect){0, 0, 100, 500}, "the quick brown fox", &s), 2 * lh);
    /* CJK at 20 px per character, 4 per line: 7 characters take two lines. */
    assert_int_equal(draw_text(d, (ui_rect){0, 0, 80, 500}, "端末を調査する", &s), 2 * lh);
    /* With an ellipsis, the height is capped by the box. */
    s.ellipsis = true;
    assert_int_equal(draw_text(d, (ui_rect){0, 0, 80, lh}, "端末を調査する", &s), lh);
    /* No text, no height (and nothing recorded). */
    size_t before = ui_draw_rec_count(d, REC_TEXT);
    assert_int_equal(draw_text(d, (ui_rect){0, 0, 80, 80}, "", &s), 0);
    assert_int_equal(ui_draw_rec_count(d, REC_TEXT), before);
}

static void test_draw_rec_measure_approximates(void **st)
{
    ui_draw *d = *st;
    ui_text_style s = {20, UI_FONT_REGULAR, UI_RGB(0xffffff), 0, false, false};
    int w = -1, h = -1;
    draw_measure(d, "abcd", &s, &w, &h);
    assert_int_equal(w, 40); /* px/2 per ASCII byte */
    assert_int_equal(h, text_line_height(20));
    draw_measure(d, "端末", &s, &w, &h);
    assert_int_equal(w, 40); /* px per CJK character */
    draw_measure(d, "ab\n端末端末", &s, &w, &h);
    assert_int_equal(w, 80); /* the widest line */
    assert_int_equal(h, 2 * text_line_height(20));
    draw_measure(d, "", &s, &w, &h);
    assert_int_equal(w, 0);
    assert_int_equal(h, 0);
    draw_measure(d, "x", &s, NULL, NULL); /* either output may be omitted */
}

static void test_draw_rec_ignores_bad_icons_and_empty_images(void **st)
{
    ui_draw *d = *st;
    draw_begin(d, 0);
    draw_icon(d, UI_ICON_NONE, (ui_rect){0, 0, 10, 10}, UI_RGB(0));
    draw_icon(d, UI_ICON_COUNT, (ui_rect){0, 0, 10, 10}, UI_RGB(0));
    assert_false(draw_image(d, (ui_rect){0, 0, 10, 10}, NULL));
    assert_false(draw_image(d, (ui_rect){0, 0, 10, 10}, ""));
    assert_int_equal(ui_draw_rec_count(d, REC_ICON), 0);
    assert_int_equal(ui_draw_rec_count(d, REC_IMAGE), 0);
    draw_free(NULL); /* a no-op */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_draw_rec_records_every_call_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_rec_copies_texts_and_finds_them, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_rec_text_height_follows_the_shared_wrap, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_draw_rec_measure_approximates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_rec_ignores_bad_icons_and_empty_images, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("draw_rec", tests, NULL, NULL);
}
