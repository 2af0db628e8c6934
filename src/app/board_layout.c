/* board_layout.c: every rectangle of the board screen from (w, h, scenario): pure maths.
 *
 * The design size is 1920x1080; sizes scale with min(w/1920, h/1080) (layout.h) so text keeps
 * its proportion to the window, and the regions stretch with the window so a 4:3 projector or a
 * 16:10 laptop uses all of its pixels. Rooms keep their place on the scenario's 100 x 100 floor
 * plan, scaled into the plan area. No SDL here: tests check the maths at many sizes.
 */
#include "board.h"
#include "layout.h"
#include "text.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

bool board_layout_overlap(ui_rect a, ui_rect b)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0)
        return false;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool board_layout_inside(ui_rect in, ui_rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

static ui_rect rect(int x, int y, int w, int h)
{
    ui_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static int imin(int a, int b)
{
    return a < b ? a : b;
}

static int imax(int a, int b)
{
    return a > b ? a : b;
}

/* Lays n cells out in a grid of cols columns inside area, row by row, with gap between them. */
static void layout_grid(ui_rect area, int n, int cols, int gap, int max_cell_h, ui_rect *out)
{
    if (n <= 0)
        return;
    cols = imax(1, imin(cols, n));
    int rows = (n + cols - 1) / cols;
    int cw = (area.w - (cols - 1) * gap) / cols;
    int ch = (area.h - (rows - 1) * gap) / rows;
    if (max_cell_h > 0)
        ch = imin(ch, max_cell_h);
    for (int i = 0; i < n; i++) {
        int c = i % cols, r = i / cols;
        out[i] = rect(area.x + c * (cw + gap), area.y + r * (ch + gap), cw, ch);
    }
}

/* Places k cards (4:5, at most max_w wide) in area, centred, row by row; returns the card
 * width (0 when k is 0). out gets k rectangles. */
static int layout_cards(ui_rect area, int k, int gap, int max_w, ui_rect *out)
{
    if (k <= 0)
        return 0;
    int cols = k <= 4 ? k : (k + 1) / 2;
    int rows = (k + cols - 1) / cols;
    int cw = (area.w - (cols - 1) * gap) / cols;
    int ch_fit = (area.h - (rows - 1) * gap) / rows;
    cw = imax(imin(imin(cw, ch_fit * 4 / 5), max_w), 1);
    int ch = imax(imin(cw * 5 / 4, ch_fit), 1);
    int total_w = cols * cw + (cols - 1) * gap;
    int total_h = rows * ch + (rows - 1) * gap;
    int x0 = area.x + (area.w - total_w) / 2;
    int y0 = area.y + imax(0, (area.h - total_h) / 2);
    for (int i = 0; i < k; i++)
        out[i] = rect(x0 + (i % cols) * (cw + gap), y0 + (i / cols) * (ch + gap), cw, ch);
    return cw;
}

/* The floor plan: rooms scaled from the 100 x 100 grid, and in each room its name, its count
 * box and its terminal cards. A room is laid out one of two ways, whichever gives bigger cards:
 * cards under the count box across the room (tall rooms), or cards beside the count box under a
 * one-line name (wide, low rooms); the room's markers go where the name leaves room. */
static void layout_rooms(board_layout *L, const scenario_def *sc)
{
    int g = imax(2, L->pad / 2); /* gap between rooms that touch on the grid */
    int pw = L->plan.w, ph = L->plan.h;
    int pad = L->pad, gap = imax(2, L->pad * 3 / 4);
    int band = imax(4, pad / 2);
    int mark_h = imax(16, L->px_small);
    int max_card = layout_px(170, L->w, L->h);
    L->n_rooms = (int)(sc->n_rooms < RULES_MAX_ROOMS ? sc->n_rooms : RULES_MAX_ROOMS);
    L->n_terminals =
        (int)(sc->n_terminals < RULES_MAX_TERMINALS ? sc->n_terminals : RULES_MAX_TERMINALS);
    for (int r = 0; r < L->n_rooms; r++) {
        const room_def *rd = &sc->rooms[r];
        int x0 = L->plan.x + rd->x * pw / 100, x1 = L->plan.x + (rd->x + rd->w) * pw / 100;
        int y0 = L->plan.y + rd->y * ph / 100, y1 = L->plan.y + (rd->y + rd->h) * ph / 100;
        ui_rect room = rect(x0 + g, y0 + g, x1 - x0 - 2 * g, y1 - y0 - 2 * g);
        L->room[r] = room;

        /* the count box (big number over the history bars) sits top right */
        int cw = imin(layout_px(150, L->w, L->h), room.w * 42 / 100);
        int chh = imin(layout_px(92, L->w, L->h), room.h * 4 / 10);
        ui_rect cnt = rect(room.x + room.w - cw - pad / 2, room.y + pad / 2, cw, chh);
        L->room_count[r] = cnt;
        int hist_h = imin(layout_px(22, L->w, L->h), chh / 4);
        L->room_hist[r] = rect(cnt.x + pad / 2, cnt.y + chh - hist_h - pad / 3, cw - pad, hist_h);

        int idx[RULES_MAX_TERMINALS], k = 0;
        for (int t = 0; t < L->n_terminals; t++)
            if (sc->terminals[t].room == r)
                idx[k++] = t;
        ui_rect a_cards[RULES_MAX_TERMINALS], b_cards[RULES_MAX_TERMINALS];
        /* A: name (two lines) and markers left of the count box, cards across under it */
        int a_top = cnt.y + cnt.h + pad / 2;
        ui_rect a_area = rect(room.x + gap, a_top, room.w - 2 * gap, room.y + room.h - gap - a_top);
        int a_w = layout_cards(a_area, k, gap, max_card, a_cards);
        /* B: a one-line name, cards left of the count box, markers under the count box */
        int b_top = room.y + band + L->px_body * 4 / 3 + pad / 2;
        ui_rect b_area =
            rect(room.x + gap, b_top, cnt.x - gap - room.x - gap, room.y + room.h - gap - b_top);
        int b_w = layout_cards(b_area, k, gap, max_card, b_cards);
        bool use_b = k > 0 && b_w > a_w + a_w / 8 && room.y + room.h - cnt.y - cnt.h > mark_h + pad;
        if (use_b) {
            L->room_head[r] = rect(room.x, room.y, cnt.x - pad / 2 - room.x, b_top - room.y);
            L->room_marks[r] = rect(cnt.x, cnt.y + cnt.h + pad / 2, cnt.w, mark_h);
        } else {
            L->room_head[r] = rect(room.x, room.y, room.w - cw - pad, chh + pad / 2);
            ui_rect h = L->room_head[r];
            L->room_marks[r] = rect(h.x + pad, h.y + h.h - mark_h - pad / 4, h.w - pad, mark_h);
        }
        for (int i = 0; i < k; i++)
            L->terminal[idx[i]] = use_b ? b_cards[i] : a_cards[i];
    }
}

void board_layout_compute(board_layout *L, int w, int h, const scenario_def *sc, int n_actions,
                          int n_team)
{
    assert(L && sc && w > 0 && h > 0);
    assert(n_actions >= 0 && n_actions <= BOARD_MAX_ACTIONS);
    assert(n_team >= 0 && n_team <= RULES_MAX_ROLES);
    memset(L, 0, sizeof *L);
    L->w = w;
    L->h = h;
#define PX(v) layout_px((v), w, h)
    /* The shared type scale (layout.h): never under LAYOUT_MIN_TEXT_PX. */
    L->px_huge = imax(PX(120), layout_font_px(TYPE_TITLE, w, h));
    L->px_big = layout_font_px(TYPE_TITLE, w, h);
    L->px_title = layout_font_px(TYPE_LARGE, w, h);
    L->px_body = layout_font_px(TYPE_BODY, w, h);
    L->px_small = layout_font_px(TYPE_SMALL, w, h);
    L->pad = imax(PX(16), 4);
    L->radius = imax(PX(14), 3);
    int pad = L->pad;

    /* Three bands: top bar, main (floor plan + right column), bottom panel. */
    int top_h = PX(104);
    int panel_h = imax(PX(280), h * 25 / 100);
    int main_h = h - top_h - panel_h;
    int side_w = imax(PX(620), w * 30 / 100);
    L->top = rect(0, 0, w, top_h);
    L->panel = rect(0, h - panel_h, w, panel_h);
    L->side = rect(w - side_w, top_h, side_w, main_h);
    L->board = rect(0, top_h, w - side_w, main_h);

    /* Top bar: clock | 4 tracks | status. */
    int inner_y = L->top.y + pad / 2, inner_h = top_h - pad;
    L->clock = rect(pad, inner_y, imin(PX(440), w / 4), inner_h);
    int status_w = imin(PX(360), w / 5);
    L->status = rect(w - status_w - pad, inner_y, status_w, inner_h);
    int tx0 = L->clock.x + L->clock.w + pad, tx1 = L->status.x - pad;
    int tw = (tx1 - tx0 - (TRACK_COUNT - 1) * pad) / TRACK_COUNT;
    for (int t = 0; t < TRACK_COUNT; t++)
        L->track[t] = rect(tx0 + t * (tw + pad), inner_y, tw, inner_h);

    /* Floor plan with the segment legend under it. */
    int legend_h = imax(PX(44), L->px_small + 8);
    L->legend = rect(L->board.x + pad, L->board.y + L->board.h - legend_h - pad / 2,
                     L->board.w - 2 * pad, legend_h);
    int plan_bottom = L->legend.y - pad / 2;
    if (sc->tutorial && sc->n_hints > 0) {
        /* a tutorial's hints get their own strip so they never cover a count or a card */
        /* three lines of body text as the drawing spaces them (1.3 em): at 1 em a hint of
         * three lines stepped down below the body size on a 1080p projector */
        int hint_h = text_line_height(L->px_body) * 3 + pad;
        L->hint = rect(L->board.x + pad, plan_bottom - hint_h, L->board.w - 2 * pad, hint_h);
        plan_bottom = L->hint.y - pad / 2;
    }
    L->plan = rect(L->board.x + pad / 2, L->board.y + pad / 2, L->board.w - pad,
                   plan_bottom - L->board.y - pad / 2);
    layout_rooms(L, sc);

    /* Right column: the event card over the public log. */
    int ev_h = L->side.h * 46 / 100;
    L->event = rect(L->side.x + pad / 2, L->side.y + pad / 2, L->side.w - pad - pad / 2, ev_h);
    int log_y = L->event.y + L->event.h + pad;
    L->log = rect(L->event.x, log_y, L->event.w, L->side.y + L->side.h - log_y - pad / 2);

    /* Bottom panel: the banner across, then role card | actions | end turn, undo | team. */
    L->banner = rect(pad, L->panel.y + pad / 2, w - 2 * pad, imax(PX(56), L->px_title + 12));
    int cy = L->banner.y + L->banner.h + pad / 2;
    int ch = L->panel.y + L->panel.h - pad - cy;
    L->role_card = rect(pad, cy, imin(PX(160), ch * 3 / 4), ch);
    /* Five or more roles in play (expansion roles in a larger group) take two columns of
     * chips: the team strip then widens into the actions' area so names still fit. */
    int team_more = n_team > 4 ? PX(160) : 0;
    L->team = rect(L->side.x + pad / 2 - team_more, cy, L->side.w - pad - pad / 2 + team_more, ch);
    int btn_w = PX(220);
    int bx = L->team.x - pad - btn_w;
    int end_h = (ch - pad) * 60 / 100;
    L->end_turn = rect(bx, cy, btn_w, end_h);
    L->undo = rect(bx, cy + end_h + pad, btn_w, ch - end_h - pad);
    L->meeting_end = rect(bx, cy, btn_w, ch);
    int ax = L->role_card.x + L->role_card.w + pad;
    L->actions_area = rect(ax, cy, bx - pad - ax, ch);

    L->n_actions = n_actions;
    if (n_actions > 0) {
        int cols = n_actions <= 3 ? n_actions : n_actions <= 6 ? 3 : n_actions <= 8 ? 4 : 5;
        layout_grid(L->actions_area, n_actions, cols, pad / 2 + 2, 0, L->action);
    }
    L->n_team = n_team;
    if (n_team > 0) {
        int cols = n_team <= 4 ? 1 : 2;
        layout_grid(L->team, n_team, cols, pad / 3 + 1, imax(PX(60), L->px_body + 10),
                    L->team_chip);
    }

    /* Overlays: the message bar over the bottom of the floor plan, and the modal box. */
    int msg_h = imax(PX(66), L->px_body + 20);
    L->message = rect(L->board.x + 2 * pad, L->board.y + L->board.h - msg_h - pad,
                      L->board.w - 4 * pad, msg_h);
    int mw = imin(PX(1200), w - 4 * pad), mh = imin(PX(680), h - 4 * pad);
    L->modal = rect((w - mw) / 2, (h - mh) / 2, mw, mh);
#undef PX
}
