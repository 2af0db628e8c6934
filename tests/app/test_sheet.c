/* test_sheet.c: print-and-play sheets (card_draw): every card of the shipped content is listed
 * (events by their copies), pages are ceil(cards / 9) per kind, the grid fits A4 at 300 dpi
 * with its crop marks, and every card's name is drawn on its page in both languages (recording
 * drawer); the board's cards and the sheets' share one drawing (card_draw). */
#include "card_draw.h"
#include "data.h"
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static int setup(void **state)
{
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    core_err_free(&err);
    *state = rs;
    return rs ? 0 : -1;
}

static int teardown(void **state)
{
    ruleset_free(*state);
    return 0;
}

static void test_sheet_lists_every_card(void **state)
{
    const ruleset *rs = *state;
    assert_int_equal(card_draw_list(rs, CARD_ROLES, NULL, 0), rs->n_roles);
    assert_int_equal(card_draw_list(rs, CARD_ACTIONS, NULL, 0), rs->n_actions);
    assert_int_equal(card_draw_list(rs, CARD_KINDS, NULL, 0), rs->n_kinds);
    size_t events = 0;
    for (size_t i = 0; i < rs->n_events; i++)
        events += rs->events[i].copies > 1 ? (size_t)rs->events[i].copies : 1;
    size_t n = card_draw_list(rs, CARD_EVENTS, NULL, 0);
    assert_int_equal(n, events);
    /* in content order, each event as many times as its copies */
    card_ref *v = calloc(n, sizeof *v);
    assert_int_equal(card_draw_list(rs, CARD_EVENTS, v, n), n);
    size_t k = 0;
    for (size_t i = 0; i < rs->n_events; i++) {
        int copies = rs->events[i].copies > 1 ? rs->events[i].copies : 1;
        for (int c = 0; c < copies; c++, k++) {
            assert_int_equal(v[k].kind, CARD_EVENTS);
            assert_int_equal(v[k].index, (int)i);
        }
    }
    /* a short out list is filled as far as it goes */
    assert_int_equal(card_draw_list(rs, CARD_EVENTS, v, 2), n);
    free(v);
    assert_int_equal(card_draw_pages(0), 0);
    assert_int_equal(card_draw_pages(1), 1);
    assert_int_equal(card_draw_pages(9), 1);
    assert_int_equal(card_draw_pages(10), 2);
    assert_int_equal(card_draw_pages(n), (n + 8) / 9);
    assert_string_equal(card_draw_kind_name(CARD_KINDS), "terminals");
}

static void test_sheet_grid_fits_a4(void **state)
{
    (void)state;
    /* 63 x 88 mm at 300 dpi; A4 210 x 297 mm */
    assert_int_equal(CARD_W, 744);
    assert_int_equal(CARD_H, 1039);
    assert_int_equal(CARD_SHEET_W, 2480);
    assert_int_equal(CARD_SHEET_H, 3508);
    for (int i = 0; i < CARD_PER_SHEET; i++) {
        ui_rect r = card_draw_slot(i);
        assert_int_equal(r.w, CARD_W);
        assert_int_equal(r.h, CARD_H);
        /* at least 8 mm of margin for the crop marks and printers' edges */
        assert_true(r.x >= 94 && r.y >= 94);
        assert_true(r.x + r.w <= CARD_SHEET_W - 94);
        assert_true(r.y + r.h <= CARD_SHEET_H - 200); /* and the footer below */
        for (int j = 0; j < i; j++) {
            ui_rect o = card_draw_slot(j);
            bool apart =
                r.x >= o.x + o.w || o.x >= r.x + r.w || r.y >= o.y + o.h || o.y >= r.y + r.h;
            assert_true(apart);
        }
    }
    /* row by row, edge to edge (one cut between two cards) */
    assert_int_equal(card_draw_slot(1).x, card_draw_slot(0).x + CARD_W);
    assert_int_equal(card_draw_slot(3).y, card_draw_slot(0).y + CARD_H);
}

/* The text a card of ref c must show: its name or title in language l. */
static const char *card_name(const ruleset *rs, card_ref c, lang l)
{
    switch (c.kind) {
    case CARD_ROLES:
        return ml_get(&rs->roles[c.index].name, l);
    case CARD_ACTIONS:
        return ml_get(&rs->actions[c.index].name, l);
    case CARD_EVENTS:
        return ml_get(&rs->events[c.index].title, l);
    default:
        return ml_get(&rs->kinds[c.index].name, l);
    }
}

/* Draws every page of every kind into a recorder; each card's name is on its page, and each
 * page has its crop marks and footer. */
static void check_language(const ruleset *rs, lang l)
{
    ui_draw *d = ui_draw_rec_new(CARD_SHEET_W, CARD_SHEET_H);
    card_ctx c = {rs, l, NULL, card_draw_metrics(CARD_W, CARD_H)};
    size_t pages = 0, cards = 0;
    for (int k = 0; k < CARD_KIND_COUNT; k++) {
        size_t n = card_draw_list(rs, (card_kind)k, NULL, 0);
        card_ref *v = calloc(n, sizeof *v);
        card_draw_list(rs, (card_kind)k, v, n);
        for (size_t first = 0; first < n; first += CARD_PER_SHEET) {
            size_t count = n - first < CARD_PER_SHEET ? n - first : CARD_PER_SHEET;
            char footer[64];
            snprintf(footer, sizeof footer, "footer %d/%zu", k, first / CARD_PER_SHEET + 1);
            card_draw_sheet(d, &c, v + first, count, footer);
            assert_true(ui_draw_rec_has_text(d, footer));
            for (size_t i = 0; i < count; i++) {
                const char *name = card_name(rs, v[first + i], l);
                assert_true(name[0]);
                if (!ui_draw_rec_has_text(d, name))
                    fail_msg("card '%s' (kind %d) is not on its page", name, k);
            }
            /* crop marks: two per cut line on each side (4 vertical + 4 horizontal lines) */
            size_t nc = 0;
            const ui_rec_call *calls = ui_draw_rec_calls(d, &nc);
            size_t marks = 0;
            for (size_t i = 0; i < nc; i++)
                if (calls[i].kind == REC_LINE && calls[i].color == UI_RGB(0x000000))
                    marks++;
            assert_int_equal(marks, 2 * (CARD_SHEET_COL + 1) + 2 * (CARD_SHEET_ROW + 1));
            pages++;
            cards += count;
        }
        assert_int_equal(card_draw_pages(n) * CARD_PER_SHEET >= n, true);
        free(v);
    }
    size_t want =
        rs->n_roles + rs->n_actions + rs->n_kinds + card_draw_list(rs, CARD_EVENTS, NULL, 0);
    assert_int_equal(cards, want);
    assert_true(pages >= 4);
    draw_free(d);
}

static void test_sheet_every_card_drawn_ja(void **state)
{
    check_language(*state, LANG_JA);
}

static void test_sheet_every_card_drawn_en(void **state)
{
    check_language(*state, LANG_EN);
}

/* The role card the board shows is the sheet's card without its details. */
static void test_sheet_role_card_short_and_full(void **state)
{
    const ruleset *rs = *state;
    int r = ruleset_role(rs, "commander");
    ui_draw *d = ui_draw_rec_new(800, 1100);
    card_ctx c = {rs, LANG_EN, NULL, card_draw_metrics(CARD_W, CARD_H)};
    draw_begin(d, 0);
    card_draw_role(d, (ui_rect){0, 0, 180, 240}, &c, r, false);
    assert_true(ui_draw_rec_has_text(d, ml_get(&rs->roles[r].name, LANG_EN)));
    assert_false(ui_draw_rec_has_text(d, ml_get(&rs->roles[r].desc, LANG_EN)));
    draw_begin(d, 0);
    card_draw_role(d, (ui_rect){0, 0, CARD_W, CARD_H}, &c, r, true);
    assert_true(ui_draw_rec_has_text(d, ml_get(&rs->roles[r].name, LANG_EN)));
    assert_true(ui_draw_rec_has_text(d, ml_get(&rs->roles[r].desc, LANG_EN)));
    assert_true(ui_draw_rec_has_text(d, "Action points per round:"));
    draw_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheet_lists_every_card),
        cmocka_unit_test(test_sheet_grid_fits_a4),
        cmocka_unit_test(test_sheet_every_card_drawn_ja),
        cmocka_unit_test(test_sheet_every_card_drawn_en),
        cmocka_unit_test(test_sheet_role_card_short_and_full),
    };
    return cmocka_run_group_tests_name("sheet", tests, setup, teardown);
}
