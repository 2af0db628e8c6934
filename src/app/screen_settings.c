/* screen_settings.c: the settings screen (language, fullscreen, hints); every change is saved
 * at once to settings.txt in the user's data folder. */
#include "app.h"
#include "layout.h"
#include "widget.h"

#include <assert.h>
#include <stdio.h>

typedef enum settings_item {
    SET_LANG = 0,
    SET_FULLSCREEN,
    SET_HINTS,
    SET_BACK,
    SET_COUNT
} settings_item;

typedef struct settings_geom {
    ui_rect panel, title;
    ui_rect label[SET_COUNT];
    ui_rect control[SET_COUNT]; /* the segmented control (or the Back button) */
    ui_rect note[SET_COUNT];
} settings_geom;

static void settings_layout(const app *a, settings_geom *g)
{
    int W = a->width, H = a->height;
    g->panel = layout_design_rect((ui_rect){360, 150, 1200, 780}, W, H);
    g->title = layout_design_rect((ui_rect){420, 180, 1080, 90}, W, H);
    for (int i = 0; i < SET_BACK; i++) {
        int y = 320 + i * 170;
        g->label[i] = layout_design_rect((ui_rect){420, y, 520, 70}, W, H);
        g->control[i] = layout_design_rect((ui_rect){960, y, 480, 74}, W, H);
        g->note[i] = layout_design_rect((ui_rect){420, y + 76, 1020, 50}, W, H);
    }
    g->label[SET_BACK] = (ui_rect){0, 0, 0, 0};
    g->note[SET_BACK] = (ui_rect){0, 0, 0, 0};
    g->control[SET_BACK] = layout_design_rect((ui_rect){420, 820, 360, 80}, W, H);
}

/* The value of a two-way setting as 0/1 (language: 0 日本語, 1 English). */
static int settings_value(const app *a, settings_item it)
{
    switch (it) {
    case SET_LANG:
        return a->lang == LANG_EN;
    case SET_FULLSCREEN:
        return a->settings.fullscreen;
    case SET_HINTS:
        return a->settings.hints;
    default:
        return 0;
    }
}

static void settings_set(app *a, settings_item it, int v)
{
    switch (it) {
    case SET_LANG:
        app_set_lang(a, v ? LANG_EN : LANG_JA);
        a->settings.lang = a->lang;
        break;
    case SET_FULLSCREEN:
        if ((bool)v != a->settings.fullscreen && a->platform)
            platform_toggle_fullscreen(a->platform);
        a->settings.fullscreen = v;
        break;
    case SET_HINTS:
        a->settings.hints = v;
        break;
    default:
        return;
    }
    settings_save(&a->settings, a->pref_dir);
}

static void settings_enter(app *a)
{
    if (a->settings_focus < 0 || a->settings_focus >= SET_COUNT)
        a->settings_focus = 0;
}

/* Back where the settings were opened from: the title, or the board's pause menu. */
static void settings_back(app *a)
{
    screen_id to = a->settings_back == SCR_BOARD && a->match ? SCR_BOARD : SCR_TITLE;
    a->settings_back = SCR_TITLE;
    app_goto(a, to);
}

static void settings_input(app *a, const ui_input *in)
{
    settings_geom g;
    settings_layout(a, &g);
    int f = a->settings_focus;
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_UP:
            a->settings_focus = (f + SET_COUNT - 1) % SET_COUNT;
            break;
        case KEY_DOWN:
            a->settings_focus = (f + 1) % SET_COUNT;
            break;
        case KEY_TAB:
            a->settings_focus = (f + ((in->mods & MOD_SHIFT) ? SET_COUNT - 1 : 1)) % SET_COUNT;
            break;
        case KEY_LEFT:
            if (f < SET_BACK)
                settings_set(a, (settings_item)f, 0);
            break;
        case KEY_RIGHT:
            if (f < SET_BACK)
                settings_set(a, (settings_item)f, 1);
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            if (f == SET_BACK)
                settings_back(a);
            else
                settings_set(a, (settings_item)f, !settings_value(a, (settings_item)f));
            break;
        case KEY_ESCAPE:
        case KEY_BACKSPACE:
            settings_back(a);
            break;
        case KEY_J:
            settings_set(a, SET_LANG, 0);
            break;
        case KEY_E:
            settings_set(a, SET_LANG, 1);
            break;
        default:
            break;
        }
    } else if (in->type == IN_MOUSE_MOVE) {
        for (int i = 0; i < SET_COUNT; i++)
            if (ui_rect_contains(g.control[i], in->x, in->y))
                a->settings_focus = i;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < SET_BACK; i++) {
            for (int s = 0; s < 2; s++) {
                if (ui_rect_contains(widget_segment_rect(g.control[i], 2, s), in->x, in->y)) {
                    a->settings_focus = i;
                    settings_set(a, (settings_item)i, s);
                }
            }
        }
        if (ui_rect_contains(g.control[SET_BACK], in->x, in->y))
            settings_back(a);
    }
}

static void settings_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    settings_geom g;
    settings_layout(a, &g);
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    widget_panel(d, g.panel, layout_px(28, W, H));
    widget_text(d, g.title, app_tr(a, "Settings"), layout_font_px(TYPE_TITLE, W, H), UI_FONT_BOLD,
                THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect bar = {g.title.x, g.title.y + g.title.h, layout_px(120, W, H), layout_px(8, W, H)};
    draw_round(d, bar, bar.h / 2, UI_RGB(THEME_ACCENT));

    static const char *const labels[SET_BACK] = {"Language", "Fullscreen", "Tutorial hints"};
    static const char *const notes[SET_BACK] = {
        "The game's text and the cards switch at once.",
        "F11 switches at any time, on every screen.",
        "Step-by-step advice during the tutorial scenario.",
    };
    int px = layout_font_px(TYPE_LARGE, W, H), small = layout_font_px(TYPE_SMALL, W, H);
    for (int i = 0; i < SET_BACK; i++) {
        widget_text(d, g.label[i], app_tr(a, labels[i]), px, UI_FONT_BOLD, THEME_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        widget_text(d, g.note[i], app_tr(a, notes[i]), small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        const char *two[2];
        if (i == SET_LANG) {
            two[0] = "日本語";
            two[1] = "English";
        } else {
            two[0] = app_tr(a, "Off");
            two[1] = app_tr(a, "On");
        }
        widget_segments(d, g.control[i], two, 2, settings_value(a, (settings_item)i),
                        layout_font_px(TYPE_BODY, W, H), a->settings_focus == i ? WF_FOCUS : 0);
    }
    widget_button(d, g.control[SET_BACK], app_tr(a, "Back"), px,
                  a->settings_focus == SET_BACK ? WF_FOCUS | WF_HOVER : 0);
    ui_rect help = layout_design_rect((ui_rect){820, 820, 680, 80}, W, H);
    widget_text(d, help, app_tr(a, "Left/Right change a setting, Esc goes back"), small,
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    draw_end(d);
}

const screen_ops screen_settings_ops = {
    .name = "settings",
    .enter = settings_enter,
    .leave = NULL,
    .input = settings_input,
    .update = NULL,
    .draw = settings_draw,
};
