/* screen_error.c: shown when the content does not load: every error as file:line:col, so a
 * designer can fix the YAML and press Retry without restarting; Quit leaves. */
#include "app.h"
#include "layout.h"
#include "widget.h"

#include <stdio.h>
#include <stdlib.h>

enum { ERR_BTN_RETRY = 0, ERR_BTN_QUIT, ERR_BTN_COUNT };

static void error_layout(const app *a, ui_rect *list, ui_rect btn[ERR_BTN_COUNT])
{
    int W = a->width, H = a->height;
    *list = layout_design_rect((ui_rect){100, 300, 1720, 620}, W, H);
    btn[ERR_BTN_RETRY] = layout_design_rect((ui_rect){1180, 960, 340, 84}, W, H);
    btn[ERR_BTN_QUIT] = layout_design_rect((ui_rect){1540, 960, 280, 84}, W, H);
}

static void error_retry(app *a)
{
    if (app_reload_content(a))
        app_goto(a, SCR_TITLE);
    a->error_scroll = 0;
}

static void error_input(app *a, const ui_input *in)
{
    ui_rect list, btn[ERR_BTN_COUNT];
    error_layout(a, &list, btn);
    int n = (int)a->content_err.count;
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_R:
        case KEY_ENTER:
        case KEY_F5:
            error_retry(a);
            break;
        case KEY_Q:
        case KEY_ESCAPE:
            a->quit = true;
            break;
        case KEY_DOWN:
        case KEY_PAGEDOWN:
            if (a->error_scroll + 1 < n)
                a->error_scroll++;
            break;
        case KEY_UP:
        case KEY_PAGEUP:
            if (a->error_scroll > 0)
                a->error_scroll--;
            break;
        default:
            break;
        }
    } else if (in->type == IN_WHEEL) {
        a->error_scroll -= in->dy;
        if (a->error_scroll > n - 1)
            a->error_scroll = n - 1;
        if (a->error_scroll < 0)
            a->error_scroll = 0;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        if (ui_rect_contains(btn[ERR_BTN_RETRY], in->x, in->y))
            error_retry(a);
        else if (ui_rect_contains(btn[ERR_BTN_QUIT], in->x, in->y))
            a->quit = true;
    }
}

static void error_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    ui_rect list, btn[ERR_BTN_COUNT];
    error_layout(a, &list, btn);
    ui_rect title = layout_design_rect((ui_rect){100, 60, 1720, 100}, W, H);
    widget_text(d, title, app_tr(a, "The game content has errors"),
                layout_font_px(TYPE_TITLE, W, H), UI_FONT_BOLD, THEME_BAD,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect sub = layout_design_rect((ui_rect){100, 170, 1720, 110}, W, H);
    char line[512];
    snprintf(line, sizeof line, "%s %s",
             app_tr(a, "Fix these files, then press Retry (R). Content folder:"),
             a->content_root ? a->content_root : "");
    ui_text_style st = widget_style(layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR, THEME_TEXT,
                                    UI_ALIGN_LEFT | UI_VALIGN_TOP);
    st.wrap = true;
    draw_text(d, sub, line, &st);

    widget_panel(d, layout_inset(list, -layout_px(20, W, H)), layout_px(20, W, H));
    draw_clip(d, &list);
    int y = list.y, px = layout_font_px(TYPE_SMALL, W, H);
    ui_text_style es = widget_style(px, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    es.wrap = true;
    for (size_t i = (size_t)a->error_scroll; i < a->content_err.count && y < list.y + list.h; i++) {
        char *msg = core_err_format(&a->content_err, i);
        es.color = UI_RGB(a->content_err.items[i].level == LVL_ERROR ? THEME_TEXT : THEME_WARN);
        int used = draw_text(d, (ui_rect){list.x, y, list.w, list.y + list.h - y}, msg, &es);
        free(msg);
        y += used + layout_px(10, W, H);
    }
    draw_clip(d, NULL);
    if (a->content_err.dropped) {
        snprintf(line, sizeof line, app_tr(a, "... and %zu more"), a->content_err.dropped);
        widget_text(d, layout_design_rect((ui_rect){100, 960, 1000, 84}, W, H), line, px,
                    UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
    widget_button(d, btn[ERR_BTN_RETRY], app_tr(a, "Retry"), layout_font_px(TYPE_LARGE, W, H),
                  WF_PRIMARY | WF_FOCUS);
    widget_button(d, btn[ERR_BTN_QUIT], app_tr(a, "Quit"), layout_font_px(TYPE_LARGE, W, H), 0);
    draw_end(d);
}

const screen_ops screen_error_ops = {
    .name = "error",
    .enter = NULL,
    .leave = NULL,
    .input = error_input,
    .update = NULL,
    .draw = error_draw,
};
