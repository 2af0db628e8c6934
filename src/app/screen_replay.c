/* screen_replay.c: the replay viewer: steps through the game in a->match move by move, forwards
 * and backwards, showing the board as the public saw it at that point (the board's own drawing
 * of a copy of the game replayed up to there) with the move and what it did in a bar over it.
 *
 * Keys: Right/Space next move, Left/Backspace previous, Down/PageDown next round, Up/PageUp
 * previous round, Home start, End the end, Esc back (the debrief, or the title). The mouse
 * has the same as buttons in the bar. */
#include "app.h"
#include "board.h"
#include "layout.h"
#include "widget.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RP_START = 0, RP_PREV_ROUND, RP_PREV, RP_NEXT, RP_NEXT_ROUND, RP_END, RP_BACK, RP_BUTTONS };

typedef struct rp_geom {
    ui_rect bar, info, lines, button[RP_BUTTONS];
} rp_geom;

static void rp_layout(const app *a, rp_geom *g)
{
    int W = a->width, H = a->height;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->bar = R(0, 808, 1920, 272);
    g->info = R(40, 820, 1180, 56);
    g->lines = R(40, 880, 1180, 190);
    static const int xs[RP_BUTTONS] = {1240, 1330, 1420, 1530, 1640, 1730, 1240};
    for (int i = 0; i < RP_BUTTONS - 1; i++)
        g->button[i] = R(xs[i], 824, i == RP_NEXT || i == RP_PREV ? 100 : 80, 80);
    g->button[RP_BACK] = R(1240, 930, 640, 76);
#undef R
}

static size_t rp_total(const app *a)
{
    return a->match ? match_moves(a->match) : 0;
}

/* Rebuilds the view at move pos: the save header and the first pos moves of the game. */
static bool rp_rebuild(app *a, size_t pos)
{
    replay_ui *ui = &a->replay;
    char *text = match_save_text(a->match);
    char *moves = strstr(text, "\nmoves\n");
    if (!moves) {
        free(text);
        return false;
    }
    char *p = moves + 7;
    for (size_t i = 0; i < pos && *p; i++) {
        char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    *p = '\0';
    char why[RULES_WHY_MAX];
    match *m = match_load_text(a->rs, text, NULL, why, sizeof why);
    free(text);
    if (!m) {
        snprintf(ui->message, sizeof ui->message, "%s", why);
        return false;
    }
    match_free(ui->view);
    ui->view = m;
    ui->pos = pos;
    return true;
}

/* The board's UI state for showing the view as it stands (no selection, no animation). */
static void rp_board_state(app *a)
{
    board_play_reset_view(a->replay.board, a->replay.view);
}

/* Moves to pos (clamped): forwards by playing the next lines, backwards by rebuilding. */
static void rp_goto(app *a, size_t pos)
{
    replay_ui *ui = &a->replay;
    size_t total = rp_total(a);
    if (pos > total)
        pos = total;
    if (!ui->view || pos < ui->pos) {
        if (!rp_rebuild(a, pos))
            return;
    } else {
        char why[RULES_WHY_MAX];
        while (ui->pos < pos) {
            if (!match_play_line(ui->view, match_move_line(a->match, ui->pos), why, sizeof why)) {
                snprintf(ui->message, sizeof ui->message, "%s", why);
                break;
            }
            ui->pos++;
        }
    }
    rp_board_state(a);
}

/* The first move of the next (dir 1) or this/previous (dir -1) round from pos. */
static size_t rp_round_step(const app *a, int dir)
{
    const replay_ui *ui = &a->replay;
    size_t total = rp_total(a);
    const log_buf *log = match_log(a->match);
    /* a move starts a round when its log entries hold LOG_ROUND */
    if (dir > 0) {
        for (size_t k = ui->pos + 1; k <= total; k++) {
            if (k == total)
                return total;
            size_t from = match_log_start(a->match, k - 1), to = match_log_start(a->match, k);
            for (size_t i = from; i < to; i++)
                if (log->items[i].type == LOG_ROUND)
                    return k;
        }
        return total;
    }
    for (size_t k = ui->pos; k > 1; k--) {
        size_t from = match_log_start(a->match, k - 2), to = match_log_start(a->match, k - 1);
        for (size_t i = from; i < to; i++)
            if (log->items[i].type == LOG_ROUND && k - 1 < ui->pos)
                return k - 1;
    }
    return 0;
}

static void rp_enter(app *a)
{
    replay_ui *ui = &a->replay;
    ui->message[0] = '\0';
    if (!ui->board)
        ui->board = core_calloc(1, sizeof *ui->board);
    match_free(ui->view);
    ui->view = NULL;
    ui->pos = 0;
    if (a->match)
        rp_goto(a, 0);
}

static void rp_leave(app *a)
{
    replay_ui *ui = &a->replay;
    match_free(ui->view);
    ui->view = NULL;
    free(ui->board);
    ui->board = NULL;
}

static void rp_back(app *a)
{
    screen_id to = a->replay.back == SCR_DEBRIEF && a->match ? SCR_DEBRIEF : SCR_TITLE;
    app_goto(a, to);
}

static void rp_activate(app *a, int b)
{
    size_t pos = a->replay.pos, total = rp_total(a);
    switch (b) {
    case RP_START:
        rp_goto(a, 0);
        break;
    case RP_PREV_ROUND:
        rp_goto(a, rp_round_step(a, -1));
        break;
    case RP_PREV:
        rp_goto(a, pos > 0 ? pos - 1 : 0);
        break;
    case RP_NEXT:
        rp_goto(a, pos < total ? pos + 1 : total);
        break;
    case RP_NEXT_ROUND:
        rp_goto(a, rp_round_step(a, 1));
        break;
    case RP_END:
        rp_goto(a, total);
        break;
    default:
        rp_back(a);
        break;
    }
}

static void rp_input(app *a, const ui_input *in)
{
    if (!a->match) {
        if (in->type == IN_KEY || in->type == IN_MOUSE_DOWN)
            rp_back(a);
        return;
    }
    rp_geom g;
    rp_layout(a, &g);
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_RIGHT:
        case KEY_SPACE:
        case KEY_ENTER:
            rp_activate(a, RP_NEXT);
            break;
        case KEY_LEFT:
        case KEY_BACKSPACE:
            rp_activate(a, RP_PREV);
            break;
        case KEY_DOWN:
        case KEY_PAGEDOWN:
            rp_activate(a, RP_NEXT_ROUND);
            break;
        case KEY_UP:
        case KEY_PAGEUP:
            rp_activate(a, RP_PREV_ROUND);
            break;
        case KEY_HOME:
            rp_activate(a, RP_START);
            break;
        case KEY_END:
            rp_activate(a, RP_END);
            break;
        case KEY_ESCAPE:
        case KEY_Q:
            rp_back(a);
            break;
        default:
            break;
        }
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < RP_BUTTONS; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                rp_activate(a, i);
    } else if (in->type == IN_WHEEL) {
        rp_activate(a, in->dy > 0 ? RP_PREV : RP_NEXT);
    }
}

/* A transport button: a drawn shape (bars and triangles), never a glyph the font may lack. */
static void rp_button(ui_draw *d, ui_rect r, int kind)
{
    draw_round(d, r, r.h / 4, UI_RGB(kind == RP_NEXT ? THEME_ACCENT : THEME_PANEL_HI));
    draw_stroke_round(d, r, r.h / 4, 2, UI_RGB(THEME_PANEL_EDGE));
    ui_color ink = UI_RGB(kind == RP_NEXT ? THEME_TEXT_INK : THEME_TEXT);
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2, s = r.h / 5;
    switch (kind) {
    case RP_START:
        draw_fill(d, (ui_rect){cx - s - s / 2, cy - s, s / 3 + 1, 2 * s}, ink);
        draw_triangle(d, cx - s, cy, cx + s, cy - s, cx + s, cy + s, ink);
        break;
    case RP_PREV_ROUND:
        draw_triangle(d, cx - s * 3 / 2, cy, cx, cy - s, cx, cy + s, ink);
        draw_triangle(d, cx, cy, cx + s * 3 / 2, cy - s, cx + s * 3 / 2, cy + s, ink);
        break;
    case RP_PREV:
        draw_triangle(d, cx - s, cy, cx + s, cy - s, cx + s, cy + s, ink);
        break;
    case RP_NEXT:
        draw_triangle(d, cx + s, cy, cx - s, cy - s, cx - s, cy + s, ink);
        break;
    case RP_NEXT_ROUND:
        draw_triangle(d, cx + s * 3 / 2, cy, cx, cy - s, cx, cy + s, ink);
        draw_triangle(d, cx, cy, cx - s * 3 / 2, cy - s, cx - s * 3 / 2, cy + s, ink);
        break;
    case RP_END:
        draw_triangle(d, cx + s, cy, cx - s, cy - s, cx - s, cy + s, ink);
        draw_fill(d, (ui_rect){cx + s + s / 6, cy - s, s / 3 + 1, 2 * s}, ink);
        break;
    default:
        break;
    }
}

static void rp_draw(const app *a, ui_draw *d)
{
    const replay_ui *ui = &a->replay;
    int W = a->width, H = a->height;
    if (!a->match || !ui->view || !ui->board) {
        draw_begin(d, UI_RGB(THEME_TABLE));
        widget_background(d, W, H);
        widget_text(d, (ui_rect){0, 0, W, H}, app_tr(a, "There is no game to replay."),
                    layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        draw_end(d);
        return;
    }
    /* the board as the public saw it: the board's drawing of a copy of the app holding the
     * replayed game (it only reads; the pause menu and messages are off in the copy) */
    app *view = core_alloc(sizeof *view);
    *view = *a;
    view->match = ui->view;
    view->board = *ui->board;
    view->fast_forward = true;
    board_draw(view, d);
    free(view);
    /* board_draw ended its frame: the replay bar is drawn over it (the recorder and the SDL
     * drawer both keep drawing until the next begin) */
    draw_clip(d, NULL);
    rp_geom g;
    rp_layout(a, &g);
    draw_fill(d, g.bar, UI_RGB(THEME_TABLE_DEEP)); /* opaque: the board must not show through */
    draw_fill(d, (ui_rect){g.bar.x, g.bar.y, g.bar.w, layout_px(4, W, H)}, UI_RGB(THEME_ACCENT));
    size_t total = rp_total(a);
    char info[256];
    snprintf(info, sizeof info, app_tr(a, "Replay · move %zu of %zu"), ui->pos, total);
    int body = layout_font_px(TYPE_BODY, W, H), small = layout_font_px(TYPE_SMALL, W, H);
    widget_text(d, g.info, info, layout_font_px(TYPE_LARGE, W, H), UI_FONT_BOLD, THEME_ACCENT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    /* the move and the public lines it produced */
    ui_rect lr = g.lines;
    if (ui->pos == 0) {
        widget_text(d, lr,
                    app_tr(a, "The setup, before the first move. Right or Space: next move."), body,
                    UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    } else {
        /* the move as the room saw it: its first public line in bold, the rest under it (the
         * move's own line, "act forensic examine T04" or "next", is the save file's language,
         * not the players') */
        ui_text_style ms =
            widget_style(body, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
        const game_state *s = match_state(ui->view);
        const log_buf *log = match_log(ui->view);
        size_t from = match_log_start(ui->view, ui->pos - 1), to = log->count;
        viewer pub = {VIEW_PUBLIC, -1};
        int lh = small + small / 4;
        bool first = true;
        for (size_t i = from; i < to && lr.y + lh <= g.lines.y + g.lines.h; i++) {
            if (!rules_visible(s, pub, &log->items[i]))
                continue;
            char *txt = rules_log_format(s, &log->items[i], a->lang);
            if (first)
                lr.y += draw_text(d, lr, txt, &ms) + layout_px(4, W, H);
            else
                widget_text(d, (ui_rect){lr.x, lr.y, lr.w, lh}, txt, small, UI_FONT_REGULAR,
                            THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
            if (!first)
                lr.y += lh;
            first = false;
            free(txt);
        }
        if (first) /* a clock record or a private result: nothing public to show */
            draw_text(d, lr, app_tr(a, "Nothing the players could see happened in this move."),
                      &ms);
    }
    for (int i = 0; i < RP_BUTTONS - 1; i++)
        rp_button(d, g.button[i], i);
    widget_button(d, g.button[RP_BACK],
                  app_tr(a, a->replay.back == SCR_DEBRIEF ? "Back to the debrief" : "Title"),
                  layout_font_px(TYPE_BODY, W, H), 0);
    if (ui->message[0])
        widget_text(d, (ui_rect){g.info.x + g.info.w / 2, g.info.y, g.info.w / 2, g.info.h},
                    ui->message, small, UI_FONT_REGULAR, THEME_BAD,
                    UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    draw_end(d);
}

const screen_ops screen_replay_ops = {
    .name = "replay",
    .enter = rp_enter,
    .leave = rp_leave,
    .input = rp_input,
    .update = NULL,
    .draw = rp_draw,
};
