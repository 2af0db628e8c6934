/* test_layout.c: tests of the layout maths (scale, type scale, rectangle helpers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "layout.h"

static void assert_rect(ui_rect r, int x, int y, int w, int h)
{
    assert_int_equal(r.x, x);
    assert_int_equal(r.y, y);
    assert_int_equal(r.w, w);
    assert_int_equal(r.h, h);
}

static void test_layout_scale_common_sizes(void **st)
{
    (void)st;
    assert_int_equal(layout_scale(1920, 1080), 1000);
    assert_int_equal(layout_scale(1280, 720), 666);
    assert_int_equal(layout_scale(3840, 2160), 2000);
    /* Odd sizes: the tighter side decides. */
    assert_int_equal(layout_scale(1920, 540), 500);  /* very wide */
    assert_int_equal(layout_scale(1000, 1080), 520); /* tall */
    assert_int_equal(layout_scale(1366, 768), 711);
    assert_int_equal(layout_scale(0, 0), 1); /* never zero: no division traps downstream */
}

static void test_layout_px_rounds_and_never_vanishes(void **st)
{
    (void)st;
    assert_int_equal(layout_px(100, 1920, 1080), 100);
    assert_int_equal(layout_px(100, 3840, 2160), 200);
    assert_int_equal(layout_px(100, 1280, 720), 67); /* 66.6 rounds to nearest */
    assert_int_equal(layout_px(1, 320, 200), 1);     /* a hairline stays visible */
    assert_int_equal(layout_px(0, 1280, 720), 0);
    assert_int_equal(layout_px(-30, 1920, 1080), -30);
}

static void test_layout_font_px_projector_minimum(void **st)
{
    (void)st;
    /* The type scale at the design size. */
    assert_int_equal(layout_font_px(TYPE_TITLE, 1920, 1080), 64);
    assert_int_equal(layout_font_px(TYPE_BODY, 1920, 1080), 28);
    assert_int_equal(layout_font_px(TYPE_SMALL, 1920, 1080), 24);
    /* At 1280x720 body text stays >= 18 px, and so does every other size. */
    for (int t = 0; t < TYPE_COUNT; t++)
        assert_true(layout_font_px((layout_type)t, 1280, 720) >= LAYOUT_MIN_TEXT_PX);
    assert_int_equal(layout_font_px(TYPE_BODY, 1280, 720), 19);
    /* Even in a tiny window. */
    assert_int_equal(layout_font_px(TYPE_SMALL, 640, 360), LAYOUT_MIN_TEXT_PX);
    /* 4K doubles everything. */
    assert_int_equal(layout_font_px(TYPE_BODY, 3840, 2160), 56);
    /* The scale is ordered. */
    for (int t = 1; t < TYPE_COUNT; t++)
        assert_true(layout_type_base((layout_type)(t - 1)) > layout_type_base((layout_type)t));
}

static void test_layout_canvas_centred(void **st)
{
    (void)st;
    assert_rect(layout_canvas(1920, 1080), 0, 0, 1920, 1080);
    assert_rect(layout_canvas(3840, 2160), 0, 0, 3840, 2160);
    assert_rect(layout_canvas(1280, 720), 0, 0, 1280, 720);
    assert_rect(layout_canvas(1366, 768), 0, 0, 1365, 768); /* 1365.3 px wide */
    /* A 4:3 window letterboxes top and bottom. */
    assert_rect(layout_canvas(1024, 768), 0, 96, 1024, 576);
    /* A very wide window pillarboxes left and right. */
    assert_rect(layout_canvas(2560, 1080), 320, 0, 1920, 1080);
}

static void test_layout_design_rect_maps_and_stays_adjacent(void **st)
{
    (void)st;
    assert_rect(layout_design_rect((ui_rect){100, 50, 200, 100}, 1920, 1080), 100, 50, 200, 100);
    assert_rect(layout_design_rect((ui_rect){100, 50, 200, 100}, 3840, 2160), 200, 100, 400, 200);
    /* Two neighbours in design space share an edge at any scale. */
    int sizes[][2] = {{1280, 720}, {1366, 768}, {1001, 555}, {1024, 768}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        ui_rect a = layout_design_rect((ui_rect){333, 10, 111, 50}, w, h);
        ui_rect b = layout_design_rect((ui_rect){444, 10, 222, 50}, w, h);
        assert_int_equal(a.x + a.w, b.x);
        ui_rect c = layout_canvas(w, h);
        assert_true(ui_rect_contains(c, a.x, a.y));
        assert_true(b.x + b.w <= c.x + c.w);
    }
}

static void test_layout_rect_contains_edges(void **st)
{
    (void)st;
    ui_rect r = {10, 20, 30, 40};
    assert_true(ui_rect_contains(r, 10, 20));
    assert_true(ui_rect_contains(r, 39, 59));
    assert_false(ui_rect_contains(r, 40, 30)); /* right edge is outside */
    assert_false(ui_rect_contains(r, 20, 60)); /* bottom edge is outside */
    assert_false(ui_rect_contains(r, 9, 30));
    assert_false(ui_rect_contains((ui_rect){0, 0, 0, 0}, 0, 0));
}

static void test_layout_inset_center_fit(void **st)
{
    (void)st;
    assert_rect(layout_inset((ui_rect){0, 0, 100, 50}, 10), 10, 10, 80, 30);
    assert_rect(layout_inset((ui_rect){0, 0, 10, 10}, 8), 5, 5, 0, 0); /* never negative */
    assert_rect(layout_inset2((ui_rect){0, 0, 100, 50}, 20, 5), 20, 5, 60, 40);
    assert_rect(layout_center((ui_rect){0, 0, 100, 100}, 20, 40), 40, 30, 20, 40);
    /* Fit a 16:9 picture in a square: full width, centred vertically. */
    assert_rect(layout_fit_aspect((ui_rect){0, 0, 160, 160}, 16, 9), 0, 35, 160, 90);
    /* Fit a portrait card (5:7) in a wide box: full height. */
    assert_rect(layout_fit_aspect((ui_rect){0, 0, 300, 140}, 5, 7), 100, 0, 100, 140);
}

static void test_layout_split_covers_exactly(void **st)
{
    (void)st;
    ui_rect rows[3];
    layout_split_rows((ui_rect){0, 0, 50, 100}, 3, 5, rows);
    /* 90 px for three rows: 30 each. */
    assert_rect(rows[0], 0, 0, 50, 30);
    assert_rect(rows[1], 0, 35, 50, 30);
    assert_rect(rows[2], 0, 70, 50, 30);
    ui_rect cols[3];
    layout_split_cols((ui_rect){10, 0, 101, 20}, 3, 0, cols);
    /* 101 px: the spare pixels go to the first columns and the last ends at the edge. */
    assert_rect(cols[0], 10, 0, 34, 20);
    assert_rect(cols[1], 44, 0, 34, 20);
    assert_rect(cols[2], 78, 0, 33, 20);
    assert_int_equal(cols[2].x + cols[2].w, 111);
    int weight[2] = {1, 3};
    ui_rect wc[2];
    layout_split_cols_w((ui_rect){0, 0, 410, 10}, 2, weight, 10, wc);
    assert_rect(wc[0], 0, 0, 100, 10);
    assert_rect(wc[1], 110, 0, 300, 10);
    ui_rect wr[2];
    layout_split_rows_w((ui_rect){0, 0, 10, 90}, 2, (int[]){2, 1}, 0, wr);
    assert_rect(wr[0], 0, 0, 10, 60);
    assert_rect(wr[1], 0, 60, 10, 30);
}

static void test_layout_grid_cells(void **st)
{
    (void)st;
    ui_rect r = {0, 0, 320, 210};
    assert_rect(layout_grid_cell(r, 3, 2, 10, 0), 0, 0, 100, 100);
    assert_rect(layout_grid_cell(r, 3, 2, 10, 2), 220, 0, 100, 100);
    assert_rect(layout_grid_cell(r, 3, 2, 10, 4), 110, 110, 100, 100);
}

static void test_layout_cut_edges(void **st)
{
    (void)st;
    ui_rect r = {0, 0, 200, 100};
    ui_rect top = layout_cut_top(&r, 20, 5);
    assert_rect(top, 0, 0, 200, 20);
    assert_rect(r, 0, 25, 200, 75);
    ui_rect bottom = layout_cut_bottom(&r, 15, 5);
    assert_rect(bottom, 0, 85, 200, 15);
    assert_rect(r, 0, 25, 200, 55);
    ui_rect left = layout_cut_left(&r, 50, 10);
    assert_rect(left, 0, 25, 50, 55);
    assert_rect(r, 60, 25, 140, 55);
    ui_rect right = layout_cut_right(&r, 40, 0);
    assert_rect(right, 160, 25, 40, 55);
    assert_rect(r, 60, 25, 100, 55);
    /* Asking for more than there is takes what there is. */
    ui_rect all = layout_cut_top(&r, 500, 5);
    assert_rect(all, 60, 25, 100, 55);
    assert_int_equal(r.h, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_scale_common_sizes),
        cmocka_unit_test(test_layout_px_rounds_and_never_vanishes),
        cmocka_unit_test(test_layout_font_px_projector_minimum),
        cmocka_unit_test(test_layout_canvas_centred),
        cmocka_unit_test(test_layout_design_rect_maps_and_stays_adjacent),
        cmocka_unit_test(test_layout_rect_contains_edges),
        cmocka_unit_test(test_layout_inset_center_fit),
        cmocka_unit_test(test_layout_split_covers_exactly),
        cmocka_unit_test(test_layout_grid_cells),
        cmocka_unit_test(test_layout_cut_edges),
    };
    return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
