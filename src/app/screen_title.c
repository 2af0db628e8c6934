/* screen_title.c: the title screen: new workshop game, continue, solo practice, tutorial,
 * records, settings, quit; big buttons, visible keyboard focus, number keys 1-7. */
#include "app.h"
#include "layout.h"
#include "packs.h"
#include "widget.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

typedef enum title_item {
    TITLE_NEW = 0,
    TITLE_CONTINUE,
    TITLE_SOLO,
    TITLE_TUTORIAL,
    TITLE_RECORDS,
    TITLE_SETTINGS,
    TITLE_QUIT,
    TITLE_COUNT
} title_item;

static const char *const title_labels[TITLE_COUNT] = {
    "New workshop game", "Continue", "Solo practice", "Tutorial", "Records", "Settings", "Quit",
};

/* The scenario a menu entry starts: the tutorial one, or the solo one (by flag, then by id). */
static int title_scenario(const app *a, title_item it)
{
    if (!a->rs)
        return -1;
    for (size_t i = 0; i < a->rs->n_scenarios; i++) {
        const scenario_def *s = &a->rs->scenarios[i];
        if (it == TITLE_TUTORIAL && s->tutorial)
            return (int)i;
        if (it == TITLE_SOLO && s->solo_seconds > 0 && !s->tutorial)
            return (int)i;
    }
    return ruleset_scenario(a->rs, it == TITLE_TUTORIAL ? "tutorial" : "solo");
}

static bool title_enabled(const app *a, title_item it)
{
    switch (it) {
    case TITLE_CONTINUE:
        return a->autosave == AUTOSAVE_OK;
    case TITLE_SOLO:
    case TITLE_TUTORIAL:
        return title_scenario(a, it) >= 0;
    case TITLE_NEW:
        return a->rs != NULL;
    default:
        return true;
    }
}

/* Where the buttons are, in window pixels. */
static void title_layout(const app *a, ui_rect btn[TITLE_COUNT])
{
    for (int i = 0; i < TITLE_COUNT; i++)
        btn[i] = layout_design_rect((ui_rect){150, 376 + i * 80, 640, 70}, a->width, a->height);
}

/* Describes the autosaved game for the Continue line (scenario, day and phase). */
static void title_describe_save(app *a, const match *m)
{
    clock_view c;
    const game_state *s = match_state(m);
    rules_clock(s, &c);
    const scenario_def *sc = state_scenario(s);
    if (c.round <= 0) {
        snprintf(a->title_continue, sizeof a->title_continue, "%s · %s", ml_get(&sc->name, a->lang),
                 app_tr(a, "not started"));
        return;
    }
    static const char *const pod[] = {"morning", "afternoon", "evening"};
    const char *when = c.phase_of_day >= 0 && c.phase_of_day < 3 ? pod[c.phase_of_day] : "";
    char day[64];
    snprintf(day, sizeof day, app_tr(a, "Day %d"), c.day);
    snprintf(a->title_continue, sizeof a->title_continue, "%s · %s %s", ml_get(&sc->name, a->lang),
             day, app_tr(a, when));
}

/* Looks at the autosave so the menu can offer (or not) to continue it. */
static void title_check_autosave(app *a)
{
    a->title_continue[0] = '\0';
    if (!a->rs) {
        a->autosave = AUTOSAVE_NONE;
        return;
    }
    match *m = NULL;
    char why[RULES_WHY_MAX] = "";
    a->autosave = autosave_check(a->autosave_path, a->rs, &m, why, sizeof why);
    if (a->autosave == AUTOSAVE_OK && m)
        title_describe_save(a, m);
    match_free(m);
    if (a->autosave == AUTOSAVE_BAD)
        snprintf(a->title_message, sizeof a->title_message, "%s (%s)",
                 app_tr(a, "The autosaved game could not be read; it was kept as "
                           "autosave.malcon.bad"),
                 why);
    else if (a->autosave == AUTOSAVE_OK && why[0]) /* damaged: its previous copy was put back */
        snprintf(a->title_message, sizeof a->title_message, "%s (%.80s)",
                 app_tr(a, "The autosave was damaged (kept as autosave.malcon.bad); Continue "
                           "resumes from the copy saved one move earlier."),
                 why);
}

/* True for the entries that start a new game (and so replace the saved one). */
static bool title_starts_game(title_item it)
{
    return it == TITLE_NEW || it == TITLE_SOLO || it == TITLE_TUTORIAL;
}

static void title_enter(app *a)
{
    title_check_autosave(a);
    a->title_armed = -1;
    if (a->title_focus < 0 || a->title_focus >= TITLE_COUNT ||
        !title_enabled(a, (title_item)a->title_focus))
        a->title_focus = a->autosave == AUTOSAVE_OK ? TITLE_CONTINUE : TITLE_NEW;
    /* back from a game (pause menu: "Title, the game is saved"): Enter continues it rather than
     * starting the tutorial again over it because the focus stayed there */
    if (a->autosave == AUTOSAVE_OK && title_starts_game((title_item)a->title_focus))
        a->title_focus = TITLE_CONTINUE;
}

static void title_activate(app *a, title_item it)
{
    if (!title_enabled(a, it))
        return;
    a->title_focus = (int)it;
    char why[256] = "";
    a->title_message[0] = '\0';
    /* a new game replaces the saved one for good (the autosave is one game): the first choice
     * only says so, the same choice again starts it */
    if (title_starts_game(it) && a->autosave == AUTOSAVE_OK && a->title_armed != (int)it) {
        a->title_armed = (int)it;
        snprintf(a->title_message, sizeof a->title_message, "%s",
                 app_tr(a, "A game is in progress (Continue brings it back). A new game replaces "
                           "it: choose again to start one."));
        return;
    }
    a->title_armed = -1;
    switch (it) {
    case TITLE_NEW:
        app_goto(a, SCR_SETUP);
        break;
    case TITLE_CONTINUE:
        if (!app_continue(a, why, sizeof why)) {
            snprintf(a->title_message, sizeof a->title_message, "%s", why);
            title_check_autosave(a);
            if (a->autosave == AUTOSAVE_NONE && !a->title_message[0])
                snprintf(a->title_message, sizeof a->title_message, "%s", why);
            a->title_focus = TITLE_NEW;
        }
        break;
    case TITLE_SOLO:
    case TITLE_TUTORIAL:
        /* Solo practice is one person with the core roles against the clock. The tutorial is
         * one person too, but it walks through a workshop's round (turns in order, the
         * meeting), which is what its hints teach. */
        if (!app_start_quick(a, title_scenario(a, it), it == TITLE_SOLO ? MODE_SOLO : MODE_WORKSHOP,
                             why, sizeof why))
            snprintf(a->title_message, sizeof a->title_message, "%s: %.200s",
                     app_tr(a, "The game could not start"), why);
        break;
    case TITLE_RECORDS:
        app_goto(a, SCR_RECORDS);
        break;
    case TITLE_SETTINGS:
        a->settings_back = SCR_TITLE;
        app_goto(a, SCR_SETTINGS);
        break;
    case TITLE_QUIT:
        a->quit = true;
        break;
    default:
        break;
    }
}

/* Moves the focus by dir, skipping disabled entries (wrapping around). */
static void title_move(app *a, int dir)
{
    int f = a->title_focus;
    for (int i = 0; i < TITLE_COUNT; i++) {
        f = (f + dir + TITLE_COUNT) % TITLE_COUNT;
        if (title_enabled(a, (title_item)f)) {
            a->title_focus = f;
            return;
        }
    }
}

/* The content packs' list (packs.c), where the art is when there are none. */
static ui_rect title_packs_area(const app *a)
{
    return layout_design_rect((ui_rect){990, 330, 850, 660}, a->width, a->height);
}

static void title_input(app *a, const ui_input *in)
{
    if (packs_title_input(a, in, title_packs_area(a)))
        return;
    ui_rect btn[TITLE_COUNT];
    title_layout(a, btn);
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_UP:
            title_move(a, -1);
            break;
        case KEY_DOWN:
            title_move(a, 1);
            break;
        case KEY_TAB:
            title_move(a, (in->mods & MOD_SHIFT) ? -1 : 1);
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            title_activate(a, (title_item)a->title_focus);
            break;
        case KEY_ESCAPE:
            a->title_focus = TITLE_QUIT;
            break;
        default:
            if (in->key >= KEY_1 && in->key < KEY_1 + TITLE_COUNT)
                title_activate(a, (title_item)(in->key - KEY_1));
            break;
        }
    } else if (in->type == IN_MOUSE_MOVE) {
        for (int i = 0; i < TITLE_COUNT; i++)
            if (ui_rect_contains(btn[i], in->x, in->y) && title_enabled(a, (title_item)i))
                a->title_focus = i;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < TITLE_COUNT; i++)
            if (ui_rect_contains(btn[i], in->x, in->y))
                title_activate(a, (title_item)i);
    }
}

/* The picture on the right: rooms on a floor plan with face-down terminal cards, one of them
 * beaconing, and the core roles' tokens: the game at a glance. */
static void title_draw_art(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    static const int rooms[3][4] = {
        {990, 330, 400, 270}, {1430, 330, 380, 270}, {1130, 640, 540, 230}};
    ui_color link = UI_RGB(THEME_PANEL_EDGE);
    int lw = layout_px(4, W, H);
    ui_rect r0 = R(rooms[0][0], rooms[0][1], rooms[0][2], rooms[0][3]);
    ui_rect r1 = R(rooms[1][0], rooms[1][1], rooms[1][2], rooms[1][3]);
    ui_rect r2 = R(rooms[2][0], rooms[2][1], rooms[2][2], rooms[2][3]);
    draw_line(d, r0.x + r0.w / 2, r0.y + r0.h, r2.x + r2.w / 3, r2.y, lw, link);
    draw_line(d, r1.x + r1.w / 2, r1.y + r1.h, r2.x + r2.w * 2 / 3, r2.y, lw, link);
    draw_line(d, r0.x + r0.w, r0.y + r0.h / 2, r1.x, r1.y + r1.h / 2, lw, link);
    for (int i = 0; i < 3; i++) {
        ui_rect r = R(rooms[i][0], rooms[i][1], rooms[i][2], rooms[i][3]);
        int rad = layout_px(18, W, H);
        draw_round(d, r, rad, UI_RGBA(THEME_PANEL, 200));
        draw_stroke_round(d, r, rad, layout_px(3, W, H), UI_RGB(THEME_PANEL_EDGE));
        ui_rect band = {r.x, r.y, r.w, layout_px(14, W, H)};
        draw_round(d, band, rad / 2, UI_RGB(i == 1 ? THEME_BAD : THEME_PANEL_EDGE));
    }
    /* face-down cards, one face-up infected card */
    static const int cards[][2] = {{1030, 375}, {1190, 375}, {1465, 375}, {1625, 375},
                                   {1180, 670}, {1335, 670}, {1490, 670}};
    for (size_t i = 0; i < sizeof cards / sizeof cards[0]; i++) {
        ui_rect c = R(cards[i][0], cards[i][1], 125, 170);
        if (i == 3) {
            int rad = layout_px(13, W, H);
            draw_round(d, (ui_rect){c.x + 4, c.y + 8, c.w, c.h}, rad, UI_RGBA(THEME_SHADOW, 120));
            draw_round(d, c, rad, UI_RGB(THEME_CARD));
            draw_stroke_round(d, c, rad, layout_px(5, W, H), UI_RGB(THEME_BAD));
            ui_rect ic = layout_center(c, c.w * 2 / 3, c.w * 2 / 3);
            draw_icon(d, UI_ICON_INFECTED, ic, UI_RGB(THEME_BAD));
        } else {
            widget_card_back(d, c);
        }
    }
    /* the suspicious-communication count over the infected room */
    ui_rect sig = R(1730, 250, 110, 110);
    draw_circle(d, sig.x + sig.w / 2, sig.y + sig.h / 2, sig.w / 2, UI_RGB(THEME_BAD));
    widget_text(d, sig, "3", layout_px(64, W, H), UI_FONT_BOLD, THEME_TEXT,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    ui_rect wave = R(1610, 262, 100, 84);
    draw_icon(d, UI_ICON_SIGNAL, wave, UI_RGB(THEME_BAD));
    /* the core roles' tokens along the bottom */
    if (a->rs) {
        int n = 0;
        for (size_t i = 0; i < a->rs->n_roles && n < 4; i++) {
            const role_def *ro = &a->rs->roles[i];
            if (!ro->core)
                continue;
            ui_rect t = R(1070 + n * 180, 890, 110, 110);
            draw_circle(d, t.x + t.w / 2, t.y + t.h / 2 + layout_px(6, W, H), t.w / 2,
                        UI_RGBA(THEME_SHADOW, 120));
            draw_circle(d, t.x + t.w / 2, t.y + t.h / 2, t.w / 2, UI_RGB(ro->color));
            draw_circle(d, t.x + t.w / 2, t.y + t.h / 2, t.w / 2 - layout_px(8, W, H),
                        UI_RGB(widget_shade(ro->color, -20)));
            ui_icon ic = widget_role_icon(ro->id);
            if (ic != UI_ICON_NONE)
                draw_icon(d, ic, layout_center(t, t.w / 2, t.h / 2), UI_RGB(THEME_TEXT));
            n++;
        }
    }
#undef R
}

static void title_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    if (packs_count(a))
        packs_draw_list(a, d, title_packs_area(a), a->title_pack_focus);
    else
        title_draw_art(a, d);

    /* The name in the current language big, the other one under it. */
    const char *big = a->lang == LANG_JA ? "マルウェア封じ込め" : "Malware Containment";
    const char *small = a->lang == LANG_JA ? "Malware Containment" : "マルウェア封じ込め";
    ui_rect t = layout_design_rect((ui_rect){150, 80, 1680, 140}, W, H);
    widget_text(d, t, big, layout_px(a->lang == LANG_JA ? 104 : 96, W, H), UI_FONT_BOLD, THEME_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect bar = layout_design_rect((ui_rect){150, 230, 120, 8}, W, H);
    draw_round(d, bar, bar.h / 2, UI_RGB(THEME_ACCENT));
    ui_rect sub = layout_design_rect((ui_rect){150, 248, 760, 56}, W, H);
    widget_text(d, sub, small, layout_font_px(TYPE_LARGE, W, H), UI_FONT_REGULAR, THEME_ACCENT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect tag = layout_design_rect((ui_rect){150, 306, 760, 50}, W, H);
    widget_text(d, tag, app_tr(a, "A CSIRT incident-response training game"),
                layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);

    ui_rect btn[TITLE_COUNT];
    title_layout(a, btn);
    int px = layout_font_px(TYPE_LARGE, W, H);
    for (int i = 0; i < TITLE_COUNT; i++) {
        int flags = 0;
        if (!title_enabled(a, (title_item)i))
            flags |= WF_DISABLED;
        else if (i == a->title_focus && a->title_pack_focus < 0)
            flags |= WF_FOCUS | WF_HOVER;
        /* one main action: continuing the game in progress if there is one, else a new one */
        title_item main_item = a->autosave == AUTOSAVE_OK ? TITLE_CONTINUE : TITLE_NEW;
        if (i == (int)main_item && !(flags & WF_DISABLED))
            flags |= WF_PRIMARY;
        char label[128];
        snprintf(label, sizeof label, "%s", app_tr(a, title_labels[i]));
        widget_button(d, btn[i], label, px, flags);
        /* the number key, in a small badge on the left of the button */
        ui_rect key = {btn[i].x + btn[i].h / 5, btn[i].y + btn[i].h / 5, btn[i].h * 3 / 5,
                       btn[i].h * 3 / 5};
        draw_round(d, key, key.h / 4, UI_RGBA(THEME_TABLE_DEEP, 110));
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        widget_text(d, key, num, layout_font_px(TYPE_SMALL, W, H), UI_FONT_BOLD,
                    (flags & WF_PRIMARY) ? THEME_TEXT : THEME_TEXT_DIM,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    /* the status line under the menu: a problem to report, what Continue brings back, or how
     * to use the keys (wraps to two lines; the art keeps the right-hand side) */
    ui_rect msg = layout_design_rect((ui_rect){150, 954, 800, 88}, W, H);
    ui_text_style ms = widget_style(layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                                    THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ms.wrap = true;
    char line[512];
    if (a->title_message[0]) {
        ui_rect box = layout_design_rect((ui_rect){130, 946, 840, 104}, W, H);
        draw_round(d, box, box.h / 6, UI_RGBA(THEME_BAD, 60));
        draw_stroke_round(d, box, box.h / 6, 2, UI_RGB(THEME_BAD));
        ms.color = UI_RGB(THEME_TEXT);
        snprintf(line, sizeof line, "%s", a->title_message);
    } else if (a->autosave == AUTOSAVE_OK && a->title_continue[0]) {
        snprintf(line, sizeof line, "%s: %s", app_tr(a, "Continue"), a->title_continue);
    } else {
        snprintf(line, sizeof line, "%s",
                 app_tr(a, "Arrow keys or Tab to choose, Enter to open, F11 for fullscreen"));
    }
    draw_text(d, msg, line, &ms);
    draw_end(d);
}

const screen_ops screen_title_ops = {
    .name = "title",
    .enter = title_enter,
    .leave = NULL,
    .input = title_input,
    .update = NULL,
    .draw = title_draw,
};
