/* test_icon.c: tests of the built-in icons (each drawn, inside its box, different shapes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "icon.h"

/* The recorded primitives of one icon drawn into r, as a comparable text signature. */
static char *icon_signature(ui_icon icon, ui_rect r, size_t *n_calls)
{
    ui_draw *d = ui_draw_rec_new(400, 400);
    draw_begin(d, 0);
    icon_draw(d, icon, r, UI_RGB(0xffffff));
    size_t n;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    size_t cap = 64 * n + 1, len = 0;
    char *sig = calloc(1, cap);
    for (size_t i = 1; i < n; i++) /* skip REC_BEGIN */
        len += (size_t)snprintf(sig + len, cap - len, "%d:%d,%d,%d,%d,%d;", c[i].kind, c[i].r.x,
                                c[i].r.y, c[i].r.w, c[i].r.h, c[i].color == ICON_HOLE);
    *n_calls = n - 1;
    draw_free(d);
    return sig;
}

static void test_icon_every_icon_draws_a_shape_in_its_box(void **st)
{
    (void)st;
    ui_rect box = {50, 60, 200, 200};
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++) {
        ui_draw *d = ui_draw_rec_new(400, 400);
        draw_begin(d, 0);
        icon_draw(d, (ui_icon)i, box, UI_RGB(0xabcdef));
        size_t n;
        const ui_rec_call *c = ui_draw_rec_calls(d, &n);
        size_t solid = 0;
        for (size_t k = 1; k < n; k++) {
            const ui_rec_call *p = &c[k];
            if (p->color != ICON_HOLE) {
                solid++;
                assert_int_equal(p->color, UI_RGB(0xabcdef)); /* one colour per icon */
            }
            /* Everything stays inside the box, give or take half a stroke. */
            int slack = p->kind == REC_LINE ? p->arg / 2 + 1 : 1;
            int x0 = p->r.x, x1 = p->r.x + p->r.w, y0 = p->r.y, y1 = p->r.y + p->r.h;
            if (p->kind == REC_LINE) { /* r holds the end points */
                if (x1 < x0) {
                    int t = x0;
                    x0 = x1;
                    x1 = t;
                }
                if (y1 < y0) {
                    int t = y0;
                    y0 = y1;
                    y1 = t;
                }
            }
            if (x0 < box.x - slack || y0 < box.y - slack || x1 > box.x + box.w + slack ||
                y1 > box.y + box.h + slack)
                fail_msg("icon %s: primitive %zu (%d,%d)-(%d,%d) leaves its box",
                         icon_name((ui_icon)i), k, x0, y0, x1, y1);
        }
        /* A silhouette and at least one detail (a hole or a second part). */
        if (solid < 1 || n - 1 < 2)
            fail_msg("icon %s draws %zu primitives (%zu solid)", icon_name((ui_icon)i), n - 1,
                     solid);
        draw_free(d);
    }
}

static void test_icon_shapes_all_differ(void **st)
{
    (void)st;
    /* Same box, same colour: only the shape can tell two icons apart. */
    char *sig[UI_ICON_COUNT] = {0};
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++) {
        size_t n;
        sig[i] = icon_signature((ui_icon)i, (ui_rect){0, 0, 100, 100}, &n);
        assert_true(n > 0);
    }
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++)
        for (int j = i + 1; j < UI_ICON_COUNT; j++)
            if (strcmp(sig[i], sig[j]) == 0)
                fail_msg("icons %s and %s draw the same shape", icon_name((ui_icon)i),
                         icon_name((ui_icon)j));
    for (int i = 0; i < UI_ICON_COUNT; i++)
        free(sig[i]);
}

static void test_icon_square_in_wide_box_and_degenerate_boxes(void **st)
{
    (void)st;
    /* A wide box: the icon is the centred square. */
    size_t n1, n2, n;
    char *a = icon_signature(UI_ICON_CLOCK, (ui_rect){100, 0, 100, 100}, &n1);
    char *b = icon_signature(UI_ICON_CLOCK, (ui_rect){50, 0, 200, 100}, &n2);
    assert_string_equal(a, b);
    free(a);
    free(b);
    ui_draw *d = ui_draw_rec_new(400, 400);
    /* Empty boxes and unknown icons draw nothing. */
    draw_begin(d, 0);
    icon_draw(d, UI_ICON_CLOCK, (ui_rect){0, 0, 0, 10}, UI_RGB(0xffffff));
    icon_draw(d, UI_ICON_NONE, (ui_rect){0, 0, 10, 10}, UI_RGB(0xffffff));
    icon_draw(d, UI_ICON_COUNT, (ui_rect){0, 0, 10, 10}, UI_RGB(0xffffff));
    ui_draw_rec_calls(d, &n);
    assert_int_equal(n, 1);
    draw_free(d);
}

static void test_icon_names_round_trip(void **st)
{
    (void)st;
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++) {
        const char *name = icon_name((ui_icon)i);
        assert_non_null(name);
        assert_int_equal(icon_from_name(name), i);
    }
    /* The kinds' icon names in cards/terminals.yaml and the role ids of cards/roles.yaml. */
    assert_int_equal(icon_from_name("pc"), UI_ICON_PC);
    assert_int_equal(icon_from_name("nas"), UI_ICON_NAS);
    assert_int_equal(icon_from_name("camera"), UI_ICON_CAMERA);
    assert_int_equal(icon_from_name("incident_handler"), UI_ICON_HANDLER);
    assert_int_equal(icon_from_name("solution_analyst"), UI_ICON_ANALYST);
    assert_int_equal(icon_from_name("vuln_assessor"), UI_ICON_ASSESSOR);
    assert_int_equal(icon_from_name("toaster"), UI_ICON_NONE);
    assert_int_equal(icon_from_name(NULL), UI_ICON_NONE);
    assert_null(icon_name(UI_ICON_NONE));
    assert_null(icon_name(UI_ICON_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_icon_every_icon_draws_a_shape_in_its_box),
        cmocka_unit_test(test_icon_shapes_all_differ),
        cmocka_unit_test(test_icon_square_in_wide_box_and_degenerate_boxes),
        cmocka_unit_test(test_icon_names_round_trip),
    };
    return cmocka_run_group_tests_name("icon", tests, NULL, NULL);
}
