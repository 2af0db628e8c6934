/* board_pause.c: the board's pause menu: Esc with nothing chosen (or a click on the status box
 * in the top bar) opens it; Resume, Settings, Title (the game is autosaved first) and Quit.
 * In solo practice it stops the clock and hides the board, so a pause is no time to think; in
 * a workshop the board stays dimmed under it and the computer facilitator waits. H toggles the
 * tutorial hints at any moment on the board. */
#include "board.h"
#include "solo.h"
#include "widget.h"

#include <stdio.h>

enum { PAUSE_RESUME = 0, PAUSE_SETTINGS, PAUSE_TITLE, PAUSE_QUIT, PAUSE_COUNT };

static const char *const pause_labels[PAUSE_COUNT] = {"Resume", "Settings",
                                                      "Title (the game is saved)", "Quit"};

typedef struct pause_geom {
    ui_rect box, title, info, button[PAUSE_COUNT], hint;
} pause_geom;

static void pause_layout(const app *a, pause_geom *g)
{
    int W = a->width > 0 ? a->width : 1920, H = a->height > 0 ? a->height : 1080;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->box = R(560, 150, 800, 780);
    g->title = R(620, 180, 680, 90);
    g->info = R(620, 276, 680, 120);
    for (int i = 0; i < PAUSE_COUNT; i++)
        g->button[i] = R(640, 420 + i * 102, 640, 84);
    g->hint = R(600, 840, 720, 70);
#undef R
}

bool board_pause_hides(const app *a)
{
    return a->board.paused && a->match && state_setup(match_state(a->match))->mode == MODE_SOLO;
}

void board_pause_open(app *a)
{
    if (!a->match)
        return;
    a->board.paused = true;
    a->board.pause_focus = PAUSE_RESUME;
    /* the clock's value goes into the game now, so a kill while paused resumes from here */
    solo_record_time(a, NULL);
    app_autosave(a);
    printf("malcon: paused\n");
    fflush(stdout);
}

void board_pause_close(app *a)
{
    a->board.paused = false;
    printf("malcon: resumed\n");
    fflush(stdout);
}

static void pause_activate(app *a, int item)
{
    switch (item) {
    case PAUSE_RESUME:
        board_pause_close(a);
        break;
    case PAUSE_SETTINGS:
        a->settings_back = SCR_BOARD; /* the settings screen comes back to this menu */
        app_goto(a, SCR_SETTINGS);
        break;
    case PAUSE_TITLE:
        solo_record_time(a, NULL);
        app_autosave(a);
        a->board.paused = false;
        app_goto(a, SCR_TITLE);
        break;
    case PAUSE_QUIT:
        solo_record_time(a, NULL);
        app_autosave(a);
        a->quit = true;
        break;
    default:
        break;
    }
}

/* True when Esc belongs to the pause menu: nothing is chosen, open or behind the curtain. */
static bool pause_esc_free(const app *a)
{
    const board_ui *b = &a->board;
    return b->mode == BM_IDLE && !b->notebook_open && !b->log_focus && !b->curtain &&
           !b->result_shown;
}

bool board_pause_input(app *a, const ui_input *in)
{
    board_ui *b = &a->board;
    if (!a->match)
        return false;
    if (!b->paused) {
        if (in->type == IN_KEY && in->key == KEY_H && !(in->mods & (MOD_CTRL | MOD_ALT))) {
            solo_toggle_hints(a);
            return true;
        }
        if (in->type == IN_KEY && in->key == KEY_ESCAPE && pause_esc_free(a)) {
            board_pause_open(a);
            return true;
        }
        if (in->type == IN_MOUSE_DOWN && in->button == 1 && !b->curtain && !b->result_shown) {
            board_layout L;
            board_input_layout(a, &L);
            if (ui_rect_contains(L.status, in->x, in->y)) {
                board_pause_open(a);
                return true;
            }
        }
        return false;
    }
    pause_geom g;
    pause_layout(a, &g);
    switch (in->type) {
    case IN_KEY:
        switch (in->key) {
        case KEY_ESCAPE:
            board_pause_close(a);
            break;
        case KEY_UP:
            b->pause_focus = (b->pause_focus + PAUSE_COUNT - 1) % PAUSE_COUNT;
            break;
        case KEY_DOWN:
        case KEY_TAB:
            b->pause_focus =
                (b->pause_focus + ((in->mods & MOD_SHIFT) ? PAUSE_COUNT - 1 : 1)) % PAUSE_COUNT;
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            pause_activate(a, b->pause_focus);
            break;
        case KEY_H:
            solo_toggle_hints(a);
            break;
        default:
            if (in->key >= KEY_1 && in->key < KEY_1 + PAUSE_COUNT)
                pause_activate(a, (int)(in->key - KEY_1));
            break;
        }
        break;
    case IN_MOUSE_MOVE:
        for (int i = 0; i < PAUSE_COUNT; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                b->pause_focus = i;
        break;
    case IN_MOUSE_DOWN:
        if (in->button != 1)
            break;
        for (int i = 0; i < PAUSE_COUNT; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y)) {
                pause_activate(a, i);
                return true;
            }
        break;
    default:
        break;
    }
    return true; /* the menu takes every input while it is open */
}

void board_pause_draw(const app *a, ui_draw *d)
{
    if (!a->board.paused)
        return;
    int W = a->width > 0 ? a->width : d->width, H = a->height > 0 ? a->height : d->height;
    bool hide = board_pause_hides(a);
    if (hide)
        widget_background(d, W, H); /* solo: nothing of the board shows */
    else
        draw_fill(d, (ui_rect){0, 0, W, H}, UI_RGBA(THEME_SHADOW, 170));
    pause_geom g;
    pause_layout(a, &g);
    /* the panel is translucent: an opaque plate under it keeps the board from showing through */
    draw_round(d, g.box, layout_px(28, W, H), UI_RGB(THEME_PANEL));
    widget_panel(d, g.box, layout_px(28, W, H));
    widget_text(d, g.title, board_play_tr(a, "Paused"), layout_font_px(TYPE_TITLE, W, H),
                UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    char info[256];
    const game_state *s = match_state(a->match);
    int left = solo_seconds_shown(a, s);
    if (left >= 0) {
        char t[16];
        solo_format_time(left, t, sizeof t);
        /* one format per language: "14:54 left" reads "残り 14:54" in Japanese */
        char left_line[128];
        snprintf(left_line, sizeof left_line, board_play_tr(a, "%s left: the clock is stopped"), t);
        snprintf(info, sizeof info, "%s\n%s", left_line,
                 board_play_tr(a, "The board is hidden while the game is paused."));
    } else {
        snprintf(info, sizeof info, "%s", board_play_tr(a, "The game waits until you resume."));
    }
    ui_text_style is = widget_style(layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR,
                                    THEME_TEXT_DIM, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    is.wrap = true;
    draw_text(d, g.info, info, &is);
    for (int i = 0; i < PAUSE_COUNT; i++) {
        int flags = (i == PAUSE_RESUME ? WF_PRIMARY : 0) |
                    (a->board.pause_focus == i ? WF_FOCUS | WF_HOVER : 0);
        ui_rect key = {g.button[i].x + g.button[i].h / 5, g.button[i].y + g.button[i].h / 5,
                       g.button[i].h * 3 / 5, g.button[i].h * 3 / 5};
        /* the centred label clears the number badge on both sides (a long one steps down:
         * "タイトルへ（ゲームは保存されます）" ran over its "3") */
        const char *label = board_play_tr(a, pause_labels[i]);
        int room = g.button[i].w - 2 * (key.x + key.w - g.button[i].x) - g.button[i].h / 4;
        int px = layout_font_px(TYPE_LARGE, W, H);
        widget_button(d, g.button[i], label,
                      widget_fit_px(d, label, px, px * 2 / 3, room, UI_FONT_BOLD), flags);
        draw_round(d, key, key.h / 4, UI_RGBA(THEME_TABLE_DEEP, 110));
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        widget_text(d, key, num, layout_font_px(TYPE_SMALL, W, H), UI_FONT_BOLD,
                    i == PAUSE_RESUME ? THEME_TEXT : THEME_TEXT_DIM,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    char hint[160];
    snprintf(hint, sizeof hint, "%s · %s", board_play_tr(a, "Esc: resume"),
             a->settings.hints ? board_play_tr(a, "H: hints off")
                               : board_play_tr(a, "H: hints on"));
    widget_text(d, g.hint, hint, layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
}
