/* test_board_layout.c: the board screen's layout maths (board_layout.c) at projector, laptop,
 * 4K and non-16:9 sizes, for every shipped scenario and for a crowded hand-made one. */
#include "board.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const struct {
    int w, h;
} sizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1600, 1200}, {1024, 768}, {2560, 1080}};

static ruleset *content;

static int setup_content(void **state)
{
    core_err err = {0};
    content = data_load(MALCON_TEST_CONTENT, &err);
    for (size_t i = 0; i < err.count; i++) {
        char *l = core_err_format(&err, i);
        fprintf(stderr, "%s\n", l);
        free(l);
    }
    core_err_free(&err);
    return content ? 0 : -1;
}

static int teardown_content(void **state)
{
    ruleset_free(content);
    content = NULL;
    return 0;
}

static void assert_inside(ui_rect in, ui_rect out, const char *what, int w, int h)
{
    if (!board_layout_inside(in, out))
        fail_msg("%dx%d: %s {%d,%d,%d,%d} is not inside {%d,%d,%d,%d}", w, h, what, in.x, in.y,
                 in.w, in.h, out.x, out.y, out.w, out.h);
}

static void assert_apart(ui_rect a, ui_rect b, const char *what, int w, int h)
{
    if (board_layout_overlap(a, b))
        fail_msg("%dx%d: %s overlap: {%d,%d,%d,%d} and {%d,%d,%d,%d}", w, h, what, a.x, a.y, a.w,
                 a.h, b.x, b.y, b.w, b.h);
}

/* Every promise of the layout for one size and scenario. */
static void check_layout(const scenario_def *sc, int w, int h, int n_actions, int n_team)
{
    board_layout L;
    board_layout_compute(&L, w, h, sc, n_actions, n_team);
    ui_rect win = {0, 0, w, h};
    ui_rect main_regions[] = {L.top, L.board, L.side, L.panel};
    const char *names[] = {"top bar", "floor plan", "right column", "bottom panel"};
    for (int i = 0; i < 4; i++) {
        assert_inside(main_regions[i], win, names[i], w, h);
        assert_true(main_regions[i].w > 0 && main_regions[i].h > 0);
        for (int j = i + 1; j < 4; j++)
            assert_apart(main_regions[i], main_regions[j], "main regions", w, h);
    }
    /* the top bar's boxes */
    assert_inside(L.clock, L.top, "clock", w, h);
    assert_inside(L.status, L.top, "status", w, h);
    for (int t = 0; t < TRACK_COUNT; t++) {
        assert_inside(L.track[t], L.top, "track", w, h);
        assert_apart(L.track[t], L.clock, "track and clock", w, h);
        assert_apart(L.track[t], L.status, "track and status", w, h);
        for (int u = t + 1; u < TRACK_COUNT; u++)
            assert_apart(L.track[t], L.track[u], "tracks", w, h);
    }
    /* rooms on the floor plan, terminals inside their room */
    assert_inside(L.plan, L.board, "plan", w, h);
    assert_inside(L.legend, L.board, "legend", w, h);
    assert_apart(L.plan, L.legend, "plan and legend", w, h);
    if (sc->tutorial && sc->n_hints > 0) {
        assert_inside(L.hint, L.board, "hint strip", w, h);
        assert_apart(L.hint, L.plan, "hint and plan", w, h);
        assert_apart(L.hint, L.legend, "hint and legend", w, h);
        assert_true(L.hint.h >= 2 * L.px_body);
    }
    assert_int_equal(L.n_rooms, (int)sc->n_rooms);
    for (int r = 0; r < L.n_rooms; r++) {
        assert_inside(L.room[r], L.plan, "room", w, h);
        assert_inside(L.room_count[r], L.room[r], "room count", w, h);
        assert_inside(L.room_hist[r], L.room_count[r], "room history", w, h);
        assert_inside(L.room_head[r], L.room[r], "room header", w, h);
        assert_apart(L.room_head[r], L.room_count[r], "room name and count", w, h);
        assert_inside(L.room_marks[r], L.room[r], "room markers", w, h);
        assert_apart(L.room_marks[r], L.room_count[r], "room markers and count", w, h);
        for (int q = r + 1; q < L.n_rooms; q++)
            assert_apart(L.room[r], L.room[q], "rooms", w, h);
    }
    assert_int_equal(L.n_terminals, (int)sc->n_terminals);
    int min_card = layout_px(56, w, h);
    for (int t = 0; t < L.n_terminals; t++) {
        ui_rect c = L.terminal[t];
        int room = sc->terminals[t].room;
        assert_inside(c, L.room[room], "terminal card", w, h);
        assert_apart(c, L.room_count[room], "terminal card and count", w, h);
        assert_apart(c, L.room_head[room], "terminal card and room name", w, h);
        assert_apart(c, L.room_marks[room], "terminal card and room markers", w, h);
        if (c.w < min_card || c.h < c.w)
            fail_msg("%dx%d: terminal %s card %dx%d is too small (min %d) or not portrait", w, h,
                     sc->terminals[t].id, c.w, c.h, min_card);
        for (int u = t + 1; u < L.n_terminals; u++)
            assert_apart(c, L.terminal[u], "terminal cards", w, h);
    }
    /* the right column and the bottom panel */
    assert_inside(L.event, L.side, "event card", w, h);
    assert_inside(L.log, L.side, "log", w, h);
    assert_apart(L.event, L.log, "event and log", w, h);
    assert_inside(L.meeting_end, L.panel, "meeting button", w, h);
    assert_apart(L.meeting_end, L.actions_area, "meeting button and actions", w, h);
    assert_apart(L.meeting_end, L.team, "meeting button and team", w, h);
    ui_rect panel_parts[] = {L.banner, L.role_card, L.actions_area, L.end_turn, L.undo, L.team};
    for (int i = 0; i < 6; i++) {
        assert_inside(panel_parts[i], L.panel, "panel part", w, h);
        for (int j = i + 1; j < 6; j++)
            assert_apart(panel_parts[i], panel_parts[j], "panel parts", w, h);
    }
    assert_int_equal(L.n_actions, n_actions);
    for (int i = 0; i < n_actions; i++) {
        assert_inside(L.action[i], L.actions_area, "action button", w, h);
        if (L.action[i].h < L.px_body + 8)
            fail_msg("%dx%d: action button %d is %d px high for %d px text", w, h, i, L.action[i].h,
                     L.px_body);
        for (int j = i + 1; j < n_actions; j++)
            assert_apart(L.action[i], L.action[j], "action buttons", w, h);
    }
    for (int i = 0; i < n_team; i++) {
        assert_inside(L.team_chip[i], L.team, "team chip", w, h);
        for (int j = i + 1; j < n_team; j++)
            assert_apart(L.team_chip[i], L.team_chip[j], "team chips", w, h);
    }
    assert_inside(L.message, L.board, "message bar", w, h);
    assert_inside(L.modal, win, "modal", w, h);
    /* legibility: the type scale never goes under the floor; body 28 px at 1080p */
    assert_true(L.px_small >= LAYOUT_MIN_TEXT_PX);
    assert_true(L.px_body >= L.px_small && L.px_title >= L.px_body && L.px_big > L.px_title);
}

static void test_board_layout_shipped_scenarios_fit_every_size(void **state)
{
    for (size_t s = 0; s < content->n_scenarios; s++)
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
            for (int n = 0; n <= BOARD_MAX_ACTIONS; n += 3) {
                check_layout(&content->scenarios[s], sizes[i].w, sizes[i].h, n,
                             (int)content->scenarios[s].n_roles);
                /* larger groups: the expansion roles join, up to 8 roles in play */
                for (int team = 5; team <= 8; team += 3)
                    check_layout(&content->scenarios[s], sizes[i].w, sizes[i].h, n, team);
            }
}

static void test_board_layout_body_text_sizes(void **state)
{
    const scenario_def *sc = &content->scenarios[0];
    board_layout L;
    board_layout_compute(&L, 1920, 1080, sc, 6, 4);
    assert_true(L.px_body >= 28);
    assert_true(L.px_big >= 64); /* room counts: big numbers */
    board_layout_compute(&L, 1280, 720, sc, 6, 4);
    assert_true(L.px_body >= 18);
    board_layout_compute(&L, 3840, 2160, sc, 6, 4);
    assert_true(L.px_body >= 56);
}

static void test_board_layout_scales_with_the_window(void **state)
{
    const scenario_def *sc = &content->scenarios[0];
    board_layout a, b;
    board_layout_compute(&a, 1920, 1080, sc, 6, 4);
    board_layout_compute(&b, 3840, 2160, sc, 6, 4);
    /* twice the pixels each way: every region about twice as large */
    assert_true(b.board.w >= 2 * a.board.w - 4 && b.board.w <= 2 * a.board.w + 4);
    assert_true(b.panel.h >= 2 * a.panel.h - 4 && b.panel.h <= 2 * a.panel.h + 4);
    for (int r = 0; r < a.n_rooms; r++)
        assert_true(b.room[r].w >= 2 * a.room[r].w - 6 && b.room[r].w <= 2 * a.room[r].w + 6);
    /* and the same arguments always give the same layout */
    board_layout_compute(&b, 1920, 1080, sc, 6, 4);
    assert_memory_equal(&a, &b, sizeof a);
}

/* A crowded scenario built by hand: 16 rooms in a 4 x 4 grid, 48 terminals, 8 roles. */
static void test_board_layout_crowded_board_still_fits(void **state)
{
    scenario_def sc;
    memset(&sc, 0, sizeof sc);
    room_def rooms[16];
    terminal_def terms[48];
    char ids[48][8];
    memset(rooms, 0, sizeof rooms);
    memset(terms, 0, sizeof terms);
    for (int r = 0; r < 16; r++) {
        rooms[r].x = (r % 4) * 25;
        rooms[r].y = (r / 4) * 25;
        rooms[r].w = 25;
        rooms[r].h = 25;
    }
    for (int t = 0; t < 48; t++) {
        snprintf(ids[t], sizeof ids[t], "T%02d", t);
        terms[t].id = ids[t];
        terms[t].room = t / 3;
    }
    sc.rooms = rooms;
    sc.n_rooms = 16;
    sc.terminals = terms;
    sc.n_terminals = 48;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        board_layout L;
        board_layout_compute(&L, sizes[i].w, sizes[i].h, &sc, BOARD_MAX_ACTIONS, 8);
        ui_rect win = {0, 0, sizes[i].w, sizes[i].h};
        for (int t = 0; t < 48; t++) {
            assert_inside(L.terminal[t], L.room[terms[t].room], "crowded card", sizes[i].w,
                          sizes[i].h);
            assert_inside(L.terminal[t], win, "crowded card", sizes[i].w, sizes[i].h);
            assert_true(L.terminal[t].w > 0 && L.terminal[t].h > 0);
        }
        for (int a = 0; a < BOARD_MAX_ACTIONS; a++)
            assert_inside(L.action[a], L.actions_area, "action", sizes[i].w, sizes[i].h);
        for (int c = 0; c < 8; c++)
            assert_inside(L.team_chip[c], L.team, "chip", sizes[i].w, sizes[i].h);
    }
}

static void test_board_layout_rect_helpers(void **state)
{
    ui_rect a = {0, 0, 10, 10}, b = {10, 0, 5, 5}, c = {9, 9, 3, 3}, z = {5, 5, 0, 0};
    assert_false(board_layout_overlap(a, b)); /* edges touch: no shared pixel */
    assert_true(board_layout_overlap(a, c));
    assert_false(board_layout_overlap(a, z)); /* empty rectangles overlap nothing */
    assert_true(board_layout_inside(z, a));
    assert_false(board_layout_inside(c, a));
    assert_true(board_layout_inside(a, a));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_board_layout_shipped_scenarios_fit_every_size),
        cmocka_unit_test(test_board_layout_body_text_sizes),
        cmocka_unit_test(test_board_layout_scales_with_the_window),
        cmocka_unit_test(test_board_layout_crowded_board_still_fits),
        cmocka_unit_test(test_board_layout_rect_helpers),
    };
    return cmocka_run_group_tests_name("board_layout", tests, setup_content, teardown_content);
}
