/* screen_console.c: the facilitator console: the truth of the game and the facilitator's controls,
 * drawn into the console window, into the main window as the PIN-protected overlay, or as the
 * "facilitator" screen (--screen facilitator, screenshots).
 *
 * It shows every infection with its route and round, the spread, the event deck in order, each
 * role's private results and the full log (facilitator-formatted), and offers the overrides of
 * GAME.md section 9: at setup, place or remove infections (click a terminal, pick a route); each
 * round, set the counts each room will show (steppers on the floor plan; "Show the counts"
 * submits `next`), choose / skip / inject an event, reveal a card, pause or extend the meeting
 * timer, undo, and continue the hidden side. Every override asks for a short reason first.
 *
 * One control list (console_layout) serves drawing and hit tests, so what is clicked is what was
 * drawn, and the keyboard walks the same list:
 *   Tab / Shift+Tab, arrows   move the focus      Enter / Space   use the focused control
 *   C                         continue (the phase's main step)
 *   Ctrl+Z                    undo                P               pause / resume the timers
 *   PageUp / PageDown, wheel  scroll the list or the log
 *   Esc                       the reason form: cancel; the overlay: close at once
 * In the reason form, typing writes the reason, Enter confirms, Tab reaches the quick picks.
 */
#include "board.h"
#include "facil.h"
#include "layout.h"
#include "solo.h"
#include "widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONSOLE_MAX_CTL 192
#define CONSOLE_LOG_MAX 400 /* log lines considered for the log and private tabs */

/* What a control does. */
typedef enum cc_kind {
    CC_NONE = 0,
    CC_TERMINAL,   /* arg: terminal */
    CC_FLOW_MINUS, /* arg: room */
    CC_FLOW_PLUS,  /* arg: room */
    CC_ROUTE,      /* arg: route */
    CC_PLACE,
    CC_CURE,
    CC_REVEAL,
    CC_SKIP,
    CC_FLOW_RESET,
    CC_FLOW_APPLY,
    CC_CONTINUE,
    CC_PAUSE,
    CC_EXTEND,
    CC_TAB,   /* arg: facil_tab */
    CC_EVENT, /* arg: event */
    CC_CHOOSE,
    CC_INJECT,
    CC_UNDO,
    CC_HANDOVER,
    CC_CLOSE,
    /* the reason form */
    CC_FIELD,
    CC_QUICK, /* arg: quick reason */
    CC_CANCEL,
    CC_CONFIRM,
    /* the PIN prompt */
    CC_PIN_DIGIT, /* arg: digit */
    CC_PIN_BACK,
    CC_PIN_CANCEL
} cc_kind;

typedef struct cc {
    cc_kind kind;
    int arg;
    ui_rect r;
    bool on; /* usable now */
} cc;

/* Every rectangle of the console for one size and game. */
typedef struct cgeom {
    int W, H;
    int px_title, px_head, px_large, px_body, px_small, pad, rad;
    ui_rect header, title, sub, clock, charge;
    ui_rect plan, message;
    int n_rooms, n_terms;
    ui_rect room[RULES_MAX_ROOMS], room_head[RULES_MAX_ROOMS], room_count[RULES_MAX_ROOMS];
    ui_rect room_value[RULES_MAX_ROOMS];
    ui_rect term[RULES_MAX_TERMINALS];
    ui_rect panel, panel_head, panel_text, panel_row1, panel_timer;
    ui_rect tabs, body, list;
    int row_h, rows;
    ui_rect modal, modal_title, modal_what, field, hint;
    int n;
    cc c[CONSOLE_MAX_CTL];
} cgeom;

static const facil *cf(const app *a)
{
    return a->facil;
}

static const char *tr(const app *a, const char *msgid)
{
    return app_tr(a, msgid);
}

static int imax(int x, int y)
{
    return x > y ? x : y;
}

static int imin(int x, int y)
{
    return x < y ? x : y;
}

static ui_rect rc(int x, int y, int w, int h)
{
    ui_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static void add(cgeom *g, cc_kind k, int arg, ui_rect r, bool on)
{
    if (g->n >= CONSOLE_MAX_CTL)
        return;
    g->c[g->n].kind = k;
    g->c[g->n].arg = arg;
    g->c[g->n].r = r;
    g->c[g->n].on = on;
    g->n++;
}

/* One line of text in r at px, stepped down (to three quarters at most) before it is cut. */
static void fit_text(ui_draw *d, ui_rect r, const char *text, int px, ui_font_style style,
                     uint32_t rgb, int align)
{
    int lo = imax(px * 3 / 4, LAYOUT_MIN_TEXT_PX);
    for (; px > lo; px--) {
        ui_text_style st = widget_style(px, style, rgb, align);
        int w = 0, h = 0;
        draw_measure(d, text, &st, &w, &h);
        if (w <= r.w)
            break;
    }
    widget_text(d, r, text, px, style, rgb, align);
}

static phase console_phase(const app *a)
{
    clock_view c;
    rules_clock(match_state(a->match), &c);
    return c.phase;
}

/* The events in list order: those still in the deck by their next position, then the rest in
 * content order. pos[i] is the next deck position (1-based) of out[i], 0 when not in the deck. */
static int console_event_order(const app *a, int *out, int *pos)
{
    const game_state *s = match_state(a->match);
    const ruleset *rs = state_ruleset(s);
    int n = 0;
    int deck[RULES_MAX_DECK];
    size_t nd = rules_deck_peek(s, deck, RULES_MAX_DECK);
    for (size_t k = 0; k < nd; k++) {
        bool seen = false;
        for (int i = 0; i < n && !seen; i++)
            seen = out[i] == deck[k];
        if (!seen && n < RULES_MAX_DECK) {
            out[n] = deck[k];
            pos[n] = (int)k + 1;
            n++;
        }
    }
    for (size_t e = 0; e < rs->n_events && n < RULES_MAX_DECK; e++) {
        bool seen = false;
        for (int i = 0; i < n && !seen; i++)
            seen = out[i] == (int)e;
        if (!seen) {
            out[n] = (int)e;
            pos[n] = 0;
            n++;
        }
    }
    return n;
}

/* The layout of the reason form (a modal over the console). */
static void console_layout_form(const app *a, cgeom *g)
{
    int W = g->W, H = g->H;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->modal = R(260, 120, 1400, 840);
    g->modal_title = R(320, 150, 1280, 64);
    g->modal_what = R(320, 222, 1280, 150);
    g->field = R(320, 384, 1280, 84);
    g->hint = R(320, 476, 1280, 56);
    add(g, CC_FIELD, 0, g->field, true);
    for (int i = 0; i < FACIL_QUICK_REASONS; i++)
        add(g, CC_QUICK, i, R(320 + (i % 3) * 432, 548 + (i / 3) * 100, 416, 84), true);
    add(g, CC_CANCEL, 0, R(320, 836, 400, 92), true);
    add(g, CC_CONFIRM, 0, R(1200, 836, 400, 92), true);
#undef R
    (void)a;
}

/* The rooms and terminals of the floor plan, in real pixels inside g->plan. */
static void console_layout_plan(const app *a, cgeom *g)
{
    const scenario_def *sc = state_scenario(match_state(a->match));
    int n = imin((int)sc->n_rooms, RULES_MAX_ROOMS);
    g->n_rooms = n;
    g->n_terms = imin((int)sc->n_terminals, RULES_MAX_TERMINALS);
    int cols = n <= 2 ? imax(n, 1) : n <= 6 ? 2 : n <= 9 ? 3 : 4;
    int rows = (n + cols - 1) / cols;
    int gap = g->pad;
    phase p = console_phase(a);
    bool steppers = p == PHASE_MALWARE || p == PHASE_EVENT || p == PHASE_ACTION;
    for (int r = 0; r < n; r++) {
        ui_rect box = layout_grid_cell(g->plan, cols, imax(rows, 1), gap, r);
        g->room[r] = box;
        int in = g->pad / 2;
        ui_rect inner = layout_inset(box, in);
        g->room_head[r] = layout_cut_top(&inner, g->px_body * 3 / 2, in / 2);
        g->room_count[r] = layout_cut_top(&inner, g->px_large * 3 / 2 + in, in);
        ui_rect cnt = g->room_count[r];
        int bh = cnt.h;
        ui_rect plus = rc(cnt.x + cnt.w - bh, cnt.y, bh, bh);
        ui_rect value = rc(plus.x - bh * 3 / 2, cnt.y, bh * 3 / 2, bh);
        ui_rect minus = rc(value.x - bh, cnt.y, bh, bh);
        g->room_value[r] = value;
        add(g, CC_FLOW_MINUS, r, minus, steppers);
        add(g, CC_FLOW_PLUS, r, plus, steppers);
        /* the room's terminals side by side in what is left */
        int k = 0, nt = 0;
        for (int t = 0; t < g->n_terms; t++)
            nt += sc->terminals[t].room == r;
        int tw = nt > 0 ? (inner.w - (nt - 1) * in) / nt : 0;
        tw = imin(tw, layout_px(300, g->W, g->H));
        int th = imin(inner.h, layout_px(190, g->W, g->H));
        for (int t = 0; t < g->n_terms; t++) {
            if (sc->terminals[t].room != r)
                continue;
            g->term[t] = rc(inner.x + k * (tw + in), inner.y, tw, th);
            add(g, CC_TERMINAL, t, g->term[t], true);
            k++;
        }
    }
}

/* Clears g and sets its size (W x H, the design size when unknown) and the type sizes and
 * spacing of that size: the console and the PIN prompt start from it. */
static void console_metrics(cgeom *g, int W, int H)
{
    memset(g, 0, sizeof *g);
    g->W = W > 0 ? W : LAYOUT_BASE_W;
    g->H = H > 0 ? H : LAYOUT_BASE_H;
    W = g->W;
    H = g->H;
    g->px_title = layout_font_px(TYPE_TITLE, W, H);
    g->px_head = layout_font_px(TYPE_HEADING, W, H);
    g->px_large = layout_font_px(TYPE_LARGE, W, H);
    g->px_body = layout_font_px(TYPE_BODY, W, H);
    g->px_small = layout_font_px(TYPE_SMALL, W, H);
    g->pad = layout_px(16, W, H);
    g->rad = layout_px(14, W, H);
}

/* Every rectangle and control of the console at W x H; with form, the reason form's controls
 * alone (it is modal). */
static void console_layout(const app *a, int W, int H, cgeom *g, bool form)
{
    console_metrics(g, W, H);
    W = g->W;
    H = g->H;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->header = R(0, 0, 1920, 104);
    g->title = R(32, 6, 860, 56);
    g->sub = R(32, 60, 860, 38);
    g->clock = R(900, 14, 480, 76);
    g->charge = R(1400, 18, 496, 68);
    g->plan = R(24, 120, 1096, 832);
    g->message = R(24, 966, 600, 96);
    g->panel = R(1140, 120, 756, 432);
    g->panel_head = R(1164, 130, 708, 52);
    g->panel_text = R(1164, 184, 708, 112);
    g->panel_row1 = R(1164, 300, 708, 54);
    g->panel_timer = R(1164, 486, 708, 56);
    g->tabs = R(1140, 564, 756, 64);
    g->body = R(1140, 636, 756, 318);
#undef R
    if (!a->match || !a->facil)
        return;
    const facil *f = a->facil;
    if (form) {
        console_layout_form(a, g);
        return;
    }
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    console_layout_plan(a, g);
    phase p = console_phase(a);
    ui_rect row2a = R(1164, 362, 350, 56), row2b = R(1522, 362, 350, 56);
    ui_rect primary = R(1164, 424, 708, 56);
    switch (p) {
    case PHASE_SETUP:
        for (int r = ROUTE_MAIL; r < ROUTE_COUNT; r++)
            add(g, CC_ROUTE, r, widget_segment_rect(g->panel_row1, ROUTE_COUNT - 1, r - ROUTE_MAIL),
                true);
        add(g, CC_PLACE, 0, row2a, f->sel_terminal >= 0);
        add(g, CC_CURE, 0, row2b, f->sel_terminal >= 0);
        add(g, CC_CONTINUE, 0, primary, true);
        break;
    case PHASE_MALWARE:
        add(g, CC_SKIP, 0, row2a, true);
        add(g, CC_FLOW_RESET, 0, row2b, facil_draft_changed(a));
        add(g, CC_CONTINUE, 0, primary, true);
        break;
    case PHASE_EVENT:
        add(g, CC_SKIP, 0, row2a, true);
        add(g, CC_FLOW_APPLY, 0, row2b, facil_draft_changed(a));
        add(g, CC_CONTINUE, 0, primary, true);
        break;
    case PHASE_ACTION:
        add(g, CC_REVEAL, 0, row2a, f->sel_terminal >= 0);
        add(g, CC_FLOW_APPLY, 0, row2b, facil_draft_changed(a));
        break;
    case PHASE_MEETING:
        add(g, CC_CONTINUE, 0, primary, true);
        break;
    default:
        break;
    }
    bool over = p == PHASE_OVER;
    add(g, CC_PAUSE, 0, R(1484, 486, 230, 56), !over);
    add(g, CC_EXTEND, 0, R(1724, 486, 148, 56), facil_timer_extendable(a));
    for (int t = 0; t < FT_COUNT; t++)
        add(g, CC_TAB, t, widget_segment_rect(g->tabs, FT_COUNT, t), true);
    /* the tab's body */
    g->row_h = imax(g->px_small * 3 / 2, 1);
    if (f->tab == FT_EVENTS) {
        ui_rect body = g->body;
        ui_rect buttons = layout_cut_bottom(&body, layout_px(66, W, H), g->pad / 2);
        g->list = body;
        g->rows = imax(body.h / imax(g->px_body * 3 / 2, 1), 1);
        int rh = body.h / g->rows;
        g->row_h = rh;
        int order[RULES_MAX_DECK], pos[RULES_MAX_DECK];
        int ne = console_event_order(a, order, pos);
        int first = imin(f->event_scroll, imax(ne - g->rows, 0));
        for (int i = 0; i < g->rows && first + i < ne; i++)
            add(g, CC_EVENT, order[first + i], rc(body.x, body.y + i * rh, body.w, rh), true);
        ui_rect half[2];
        layout_split_cols(buttons, 2, g->pad / 2, half);
        add(g, CC_CHOOSE, 0, half[0], f->sel_event >= 0 && !over);
        add(g, CC_INJECT, 0, half[1], f->sel_event >= 0 && !over && p != PHASE_SETUP);
    } else {
        g->list = g->body;
        g->rows = imax(g->body.h / g->row_h, 1);
    }
    /* undo (and close, where the console covers the main window) under the floor plan; the
     * hand-over under the right column */
    bool window = f->use_window && !f->overlay;
    if (window) {
        g->message = R(24, 966, 840, 96);
        add(g, CC_UNDO, 0, R(880, 966, 240, 92), match_can_undo(a->match));
    } else {
        add(g, CC_UNDO, 0, R(636, 966, 240, 92), match_can_undo(a->match));
        add(g, CC_CLOSE, 0, R(888, 966, 232, 92), true);
    }
    add(g, CC_HANDOVER, 0, R(1140, 966, 756, 92), f->human);
#undef R
}

/* ---- texts ---- */

static const char *route_word(const app *a, int r)
{
    static const char *const words[ROUTE_COUNT] = {"unknown", "mail attachment", "drive-by",
                                                   "USB stick", "lateral movement"};
    return tr(a, words[(r >= 0 && r < ROUTE_COUNT) ? r : 0]);
}

static const char *term_kind_name(const app *a, const scenario_def *sc, int t)
{
    const ruleset *rs = state_ruleset(match_state(a->match));
    int k = sc->terminals[t].kind;
    return k >= 0 && (size_t)k < rs->n_kinds ? ml_get(&rs->kinds[k].name, a->lang) : "";
}

/* "T02 (Laptop, Sales)" */
static void term_label(const app *a, int t, char *out, size_t n)
{
    const scenario_def *sc = state_scenario(match_state(a->match));
    snprintf(out, n, "%s (%s, %s)", sc->terminals[t].id, term_kind_name(a, sc, t),
             ml_get(&sc->rooms[sc->terminals[t].room].name, a->lang));
}

static const char *event_title(const app *a, int ev)
{
    const ruleset *rs = state_ruleset(match_state(a->match));
    return ev >= 0 && (size_t)ev < rs->n_events ? ml_get(&rs->events[ev].title, a->lang) : "?";
}

/* One line describing an override waiting for its reason. */
static void describe_move(const app *a, const move *m, char *out, size_t n)
{
    const scenario_def *sc = state_scenario(match_state(a->match));
    char t[160] = "";
    if (m->target[0] >= 0 &&
        (m->kind == MV_FAC_INFECT || m->kind == MV_FAC_CURE || m->kind == MV_FAC_REVEAL))
        term_label(a, m->target[0], t, sizeof t);
    switch (m->kind) {
    case MV_FAC_INFECT:
        snprintf(out, n, "%s: %s, %s", tr(a, "Place an infection"), t, route_word(a, m->value));
        break;
    case MV_FAC_CURE:
        snprintf(out, n, "%s: %s", tr(a, "Remove an infection"), t);
        break;
    case MV_FAC_REVEAL:
        snprintf(out, n, "%s: %s", tr(a, "Reveal a card"), t);
        break;
    case MV_FAC_FLOW:
        snprintf(out, n, "%s: %s -> %d", tr(a, "Count shown"),
                 ml_get(&sc->rooms[m->target[0]].name, a->lang), m->value);
        break;
    case MV_FAC_CHOOSE:
        snprintf(out, n, "%s: %s", tr(a, "Choose the next event"), event_title(a, m->event));
        break;
    case MV_FAC_INJECT:
        snprintf(out, n, "%s: %s", tr(a, "Inject an event now"), event_title(a, m->event));
        break;
    case MV_FAC_SKIP:
        snprintf(out, n, "%s", tr(a, "No event this round"));
        break;
    case MV_FAC_TIME:
        snprintf(out, n, tr(a, "Extend the meeting by %d s"), m->value);
        break;
    default:
        snprintf(out, n, "?");
        break;
    }
}

static const char *cc_label(const app *a, const cc *c)
{
    const facil *f = cf(a);
    switch (c->kind) {
    case CC_ROUTE: {
        static const char *const short_routes[ROUTE_COUNT] = {"", "Mail", "Drive-by", "USB",
                                                              "Lateral"};
        return tr(a, short_routes[c->arg]);
    }
    case CC_PLACE:
        return tr(a, "Place infection");
    case CC_CURE:
        return tr(a, "Remove infection");
    case CC_REVEAL:
        return tr(a, "Reveal the card");
    case CC_SKIP:
        return tr(a, "Skip this round's event");
    case CC_FLOW_RESET:
        return tr(a, "Reset the counts");
    case CC_FLOW_APPLY:
        return tr(a, "Correct the counts");
    case CC_CONTINUE:
        switch (console_phase(a)) {
        case PHASE_SETUP:
            return tr(a, "Start the game (C)");
        case PHASE_MALWARE:
            return tr(a, "Show the counts (C)");
        case PHASE_EVENT:
            return tr(a, "Draw the event (C)");
        default:
            return tr(a, "End the meeting (C)");
        }
    case CC_PAUSE:
        return tr(a, f->paused ? "Resume (P)" : "Pause (P)");
    case CC_EXTEND:
        return tr(a, "+1 min");
    case CC_TAB: {
        static const char *const tabs[FT_COUNT] = {"Events", "Log", "Private results"};
        return tr(a, tabs[c->arg]);
    }
    case CC_CHOOSE:
        return tr(a, "Choose as next");
    case CC_INJECT:
        return tr(a, "Inject now");
    case CC_UNDO:
        return tr(a, "Undo");
    case CC_HANDOVER:
        return tr(a, "Hand over to the computer");
    case CC_CLOSE:
        return tr(a, "Close (Esc)");
    case CC_CANCEL:
        return tr(a, "Cancel (Esc)");
    case CC_CONFIRM:
        return tr(a, "Confirm (Enter)");
    case CC_PIN_BACK:
        return tr(a, "Delete");
    case CC_PIN_CANCEL:
        return tr(a, "Close");
    default:
        return "";
    }
}

/* ---- drawing ---- */

static bool hovered(const app *a, ui_rect r)
{
    return ui_rect_contains(r, cf(a)->hover_x, cf(a)->hover_y);
}

/* The WF_* flags of control i. */
static int cc_flags(const app *a, const cgeom *g, int i)
{
    const cc *c = &g->c[i];
    int fl = 0;
    if (!c->on)
        fl |= WF_DISABLED;
    if (c->on && hovered(a, c->r))
        fl |= WF_HOVER;
    if (cf(a)->focus == i)
        fl |= WF_FOCUS;
    if (c->kind == CC_CONTINUE || c->kind == CC_CONFIRM)
        fl |= WF_PRIMARY;
    return fl;
}

/* Draws the plain buttons of the list (terminals, steppers and rows have their own look). */
static void draw_buttons(const app *a, ui_draw *d, const cgeom *g)
{
    for (int i = 0; i < g->n; i++) {
        const cc *c = &g->c[i];
        switch (c->kind) {
        case CC_TERMINAL:
        case CC_FLOW_MINUS:
        case CC_FLOW_PLUS:
        case CC_ROUTE:
        case CC_TAB:
        case CC_EVENT:
        case CC_FIELD:
        case CC_QUICK:
        case CC_PIN_DIGIT:
            continue;
        default:
            break;
        }
        int px = c->kind == CC_CONTINUE ? g->px_large : g->px_small;
        widget_button(d, c->r, cc_label(a, c), px, cc_flags(a, g, i));
    }
}

static void draw_header(const app *a, ui_draw *d, const cgeom *g)
{
    draw_fill(d, g->header, UI_RGB(THEME_TABLE_DEEP));
    draw_line(d, g->header.x, g->header.y + g->header.h - 1, g->header.x + g->header.w,
              g->header.y + g->header.h - 1, 2, UI_RGB(THEME_WARN));
    widget_text(d, g->title, tr(a, "Facilitator console"), g->px_head, UI_FONT_BOLD, THEME_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    /* the warning has its own shape and words, not only a colour */
    int ic = g->sub.h;
    draw_icon(d, UI_ICON_SILENT, rc(g->sub.x, g->sub.y, ic, ic), UI_RGB(THEME_WARN));
    widget_text(d, rc(g->sub.x + ic + g->pad / 2, g->sub.y, g->sub.w - ic, g->sub.h),
                tr(a, "For the facilitator only: never show this on the projector."), g->px_small,
                UI_FONT_BOLD, THEME_WARN, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    if (!a->match)
        return;
    const game_state *s = match_state(a->match);
    clock_view c;
    rules_clock(s, &c);
    char buf[192], line[256];
    if (c.round <= 0)
        snprintf(buf, sizeof buf, "%s", tr(a, "Before the first round"));
    else
        snprintf(buf, sizeof buf, tr(a, "Day %d · round %d/%d"), c.day, c.round, c.rounds);
    snprintf(line, sizeof line, "%s\n%s", buf, rules_phase_name(c.phase, a->lang));
    ui_text_style st =
        widget_style(g->px_body, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    st.wrap = true;
    draw_icon(d, UI_ICON_CLOCK,
              rc(g->clock.x, g->clock.y + g->clock.h / 6, g->clock.h * 2 / 3, g->clock.h * 2 / 3),
              UI_RGB(THEME_ACCENT));
    draw_text(d, rc(g->clock.x + g->clock.h, g->clock.y, g->clock.w - g->clock.h, g->clock.h), line,
              &st);
    /* who runs the hidden side now */
    bool human = facil_human(a);
    ui_rect ch = g->charge;
    draw_round(d, ch, ch.h / 3, UI_RGB(human ? 0x1f5a3c : 0x5a3a14));
    draw_icon(d, human ? UI_ICON_COMMANDER : UI_ICON_SERVER,
              rc(ch.x + ch.h / 8, ch.y + ch.h / 8, ch.h * 3 / 4, ch.h * 3 / 4), UI_RGB(THEME_TEXT));
    fit_text(d, rc(ch.x + ch.h, ch.y, ch.w - ch.h - g->pad / 2, ch.h),
             tr(a, human ? "You facilitate" : "The computer facilitates"), g->px_small,
             UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

/* A small pill with an icon and a word (status words never rely on colour alone). */
static int pill(ui_draw *d, ui_rect r, ui_icon icon, const char *word, uint32_t bg, uint32_t fg,
                int px)
{
    /* a long word steps down (to three quarters), then the icon gives way: the word stays */
    ui_text_style st = widget_style(px, UI_FONT_BOLD, fg, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int tw = 0, th = 0, lo = imax(px * 3 / 4, LAYOUT_MIN_TEXT_PX);
    for (;;) {
        draw_measure(d, word, &st, &tw, &th);
        if (st.px <= lo || r.h + tw + r.h / 4 <= r.w)
            break;
        st.px--;
    }
    int lead = r.h;
    if (icon == UI_ICON_NONE || lead + tw + r.h / 4 > r.w)
        lead = r.h / 4;
    int w = imin(lead + tw + r.h / 3, r.w);
    draw_round(d, rc(r.x, r.y, w, r.h), r.h / 3, UI_RGB(bg));
    if (lead == r.h)
        draw_icon(d, icon, rc(r.x + r.h / 8, r.y + r.h / 8, r.h * 3 / 4, r.h * 3 / 4), UI_RGB(fg));
    draw_text(d, rc(r.x + lead, r.y, w - lead, r.h), word, &st);
    return w;
}

static void draw_terminal(const app *a, ui_draw *d, const cgeom *g, int t, int ci)
{
    const game_state *s = match_state(a->match);
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    terminal_view tv;
    rules_terminal(s, fac, t, &tv);
    ui_rect r = g->term[t];
    if (r.w <= 0)
        return;
    bool sel = cf(a)->sel_terminal == t;
    uint32_t bg = tv.face_up ? THEME_CARD : THEME_CARD_BACK;
    uint32_t ink = tv.face_up ? THEME_TEXT_INK : THEME_TEXT;
    draw_round(d, r, g->rad, UI_RGB(hovered(a, r) ? widget_shade(bg, tv.face_up ? -8 : 12) : bg));
    if (tv.infected)
        draw_stroke_round(d, r, g->rad, imax(3, g->pad / 4), UI_RGB(THEME_BAD));
    int p = g->pad / 2;
    int lh = g->px_body + p / 2;
    /* line 1: the kind's icon and the id */
    int k = sc->terminals[t].kind;
    ui_icon ic = widget_kind_icon(k >= 0 && (size_t)k < rs->n_kinds ? rs->kinds[k].icon : NULL);
    draw_icon(d, ic, rc(r.x + p, r.y + p, lh, lh), UI_RGB(ink));
    widget_text(d, rc(r.x + p + lh + p / 2, r.y + p, r.w - lh - 2 * p, lh), sc->terminals[t].id,
                g->px_body, UI_FONT_BOLD, ink, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    /* line 2: the truth */
    int y = r.y + p + lh + p / 2;
    int ph = g->px_small + p;
    ui_rect pr = rc(r.x + p, y, r.w - 2 * p, ph);
    if (tv.infected && tv.active)
        pill(d, pr, UI_ICON_INFECTED, tr(a, "infected"), THEME_BAD, THEME_TEXT, g->px_small);
    else if (tv.infected)
        pill(d, pr, UI_ICON_ISOLATED, tr(a, "contained"), THEME_WARN, THEME_TEXT_INK, g->px_small);
    else
        pill(d, pr, UI_ICON_CLEAN, tr(a, "clean"), 0x2a6b4c, THEME_TEXT, g->px_small);
    y += ph + p / 2;
    /* line 3: how it got in and when, or that it is a decoy */
    char buf[160];
    if (tv.infected) {
        cc route_cc = {CC_ROUTE, tv.true_route, r, true};
        const char *rw = tv.true_route > ROUTE_NONE && tv.true_route < ROUTE_COUNT
                             ? cc_label(a, &route_cc)
                             : route_word(a, ROUTE_NONE);
        if (tv.infected_round <= 0)
            snprintf(buf, sizeof buf, "%s · %s", rw, tr(a, "at setup"));
        else
            snprintf(buf, sizeof buf, tr(a, "%s · round %d"), rw, tv.infected_round);
    } else if (sc->terminals[t].noise > 0) {
        snprintf(buf, sizeof buf, tr(a, "decoy (noise %d)"), sc->terminals[t].noise);
    } else {
        snprintf(buf, sizeof buf, "%s", term_kind_name(a, sc, t));
    }
    if (y + g->px_small <= r.y + r.h)
        fit_text(d, rc(r.x + p, y, r.w - 2 * p, g->px_small + 4), buf, g->px_small, UI_FONT_REGULAR,
                 ink, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    y += g->px_small + p / 2;
    /* line 4: what the public knows of it */
    buf[0] = '\0';
    if (tv.face_up)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s", tr(a, "face up"));
    if (tv.isolated)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", buf[0] ? " · " : "",
                 tr(a, "isolated"));
    if (tv.evidence)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", buf[0] ? " · " : "",
                 tr(a, "evidence"));
    if (!buf[0])
        snprintf(buf, sizeof buf, "%s", tr(a, "face down"));
    if (y + g->px_small <= r.y + r.h)
        fit_text(d, rc(r.x + p, y, r.w - 2 * p, g->px_small + 4), buf, g->px_small, UI_FONT_REGULAR,
                 tv.face_up ? THEME_TEXT_INK : THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    if (sel)
        draw_stroke_round(d, layout_inset(r, -imax(3, g->pad / 3)), g->rad + g->pad / 3,
                          imax(3, g->pad / 3), UI_RGB(THEME_ACCENT));
    if (cf(a)->focus == ci)
        widget_focus(d, r, g->rad);
}

static void draw_room(const app *a, ui_draw *d, const cgeom *g, int r, const facil_preview *pv)
{
    const game_state *s = match_state(a->match);
    const scenario_def *sc = state_scenario(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    room_view rv;
    rules_room(s, fac, r, &rv);
    ui_rect box = g->room[r];
    draw_round(d, box, g->rad, UI_RGB(THEME_PANEL));
    draw_stroke_round(d, box, g->rad, 2, UI_RGB(THEME_PANEL_EDGE));
    const room_def *rd = &sc->rooms[r];
    ui_rect h = g->room_head[r];
    const char *seg = rd->segment >= 0 && (size_t)rd->segment < sc->n_segments
                          ? ml_get(&sc->segments[rd->segment].name, a->lang)
                          : "";
    ui_text_style ss = widget_style(g->px_small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                                    UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    int sw = 0, sh = 0;
    draw_measure(d, seg, &ss, &sw, &sh);
    sw = imin(sw + 4, h.w / 3);
    widget_text(d, rc(h.x, h.y, h.w - sw - g->pad / 2, h.h), ml_get(&rd->name, a->lang), g->px_body,
                UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    draw_text(d, rc(h.x + h.w - sw, h.y, sw, h.h), seg, &ss);
    /* counts: what the public sees (or will see) and what the malware really did */
    phase p = console_phase(a);
    ui_rect cnt = g->room_count[r];
    char buf[160];
    /* "counted", not "malware": the count holds the decoys' noise too, and a facilitator read
     * "Malware: 2" on a room with no infection as one */
    if (p == PHASE_MALWARE)
        snprintf(buf, sizeof buf, tr(a, "Counted %d · will show:"), pv->true_count[r]);
    else if (rv.n_history > 0 && rv.count != rv.true_count)
        snprintf(buf, sizeof buf, tr(a, "Shown %d (counted %d) · set:"), rv.count, rv.true_count);
    else if (rv.n_history > 0)
        snprintf(buf, sizeof buf, tr(a, "Shown %d · set:"), rv.count);
    else
        snprintf(buf, sizeof buf, "%s", tr(a, "No count yet"));
    ui_rect val = g->room_value[r];
    int left_w = val.x - cnt.h - cnt.x - g->pad / 2;
    widget_text(d, rc(cnt.x, cnt.y, left_w, cnt.h), buf, g->px_small, UI_FONT_REGULAR, THEME_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    bool steppers = p == PHASE_MALWARE || p == PHASE_EVENT || p == PHASE_ACTION;
    if (steppers) {
        int v = facil_draft(a, r);
        int base = pv->shown[r];
        bool changed = v != base;
        draw_round(d, val, val.h / 4, UI_RGB(changed ? THEME_ACCENT : THEME_TABLE_DEEP));
        char num[16];
        snprintf(num, sizeof num, "%d", v);
        widget_text(d, val, num, g->px_large, UI_FONT_BOLD, changed ? THEME_TEXT_INK : THEME_TEXT,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
}

static void draw_plan(const app *a, ui_draw *d, const cgeom *g)
{
    facil_preview pv;
    facil_preview_get(a, &pv);
    for (int r = 0; r < g->n_rooms; r++)
        draw_room(a, d, g, r, &pv);
    for (int i = 0; i < g->n; i++) {
        const cc *c = &g->c[i];
        if (c->kind == CC_TERMINAL)
            draw_terminal(a, d, g, c->arg, i);
        else if ((c->kind == CC_FLOW_MINUS || c->kind == CC_FLOW_PLUS) && c->on)
            widget_button(d, c->r, c->kind == CC_FLOW_MINUS ? "−" : "+", g->px_large,
                          cc_flags(a, g, i));
    }
}

/* The phase panel: what the hidden side does now and the controls for it. */
static void draw_panel(const app *a, ui_draw *d, const cgeom *g)
{
    const facil *f = cf(a);
    const game_state *s = match_state(a->match);
    const ruleset *rs = state_ruleset(s);
    widget_panel(d, g->panel, g->rad);
    clock_view c;
    rules_clock(s, &c);
    facil_preview pv;
    facil_preview_get(a, &pv);
    char head[192] = "", text[512] = "", nextev[256] = "";
    if (pv.skipped)
        snprintf(nextev, sizeof nextev, "%s", tr(a, "Next event: none this round (skipped)"));
    else if (pv.next_event >= 0)
        snprintf(nextev, sizeof nextev, "%s: %s%s", tr(a, "Next event"),
                 event_title(a, pv.next_event), pv.chosen ? tr(a, " (your choice)") : "");
    else
        snprintf(nextev, sizeof nextev, "%s", tr(a, "Next event: none (the deck is empty)"));
    switch (c.phase) {
    case PHASE_SETUP: {
        snprintf(head, sizeof head, "%s", tr(a, "Setup: place the infections"));
        if (f->sel_terminal >= 0) {
            char t[160];
            term_label(a, f->sel_terminal, t, sizeof t);
            viewer fac = {VIEW_FACILITATOR, -1};
            terminal_view tv;
            rules_terminal(s, fac, f->sel_terminal, &tv);
            snprintf(text, sizeof text, "%s: %s · %s", tr(a, "Chosen"), t,
                     tv.infected ? tr(a, "infected") : tr(a, "clean"));
        } else {
            snprintf(text, sizeof text, "%s",
                     tr(a, "Click a terminal on the floor plan, pick the route, then Place."));
        }
        break;
    }
    case PHASE_MALWARE:
        snprintf(head, sizeof head, "%s", tr(a, "Malware phase: the counts are not shown yet"));
        snprintf(text, sizeof text, "%s\n%s",
                 tr(a, "Set what each room will show with - and +. The players see only that."),
                 nextev);
        break;
    case PHASE_EVENT:
        snprintf(head, sizeof head, "%s", tr(a, "Event phase: the card is not drawn yet"));
        snprintf(text, sizeof text, "%s\n%s", nextev,
                 tr(a, "Choose or inject another one in the Events list."));
        break;
    case PHASE_ACTION: {
        int role = rules_current_role(s);
        snprintf(head, sizeof head, "%s: %s", tr(a, "Action phase"),
                 role >= 0 ? ml_get(&rs->roles[role].name, a->lang) : "");
        snprintf(text, sizeof text, "%s\n%s",
                 tr(a, "Reveal a card for teaching: choose it on the floor plan."), nextev);
        break;
    }
    case PHASE_MEETING:
        snprintf(head, sizeof head, "%s", tr(a, "Meeting: the players talk"));
        snprintf(text, sizeof text, "%s\n%s",
                 tr(a, "It ends when the timer runs out or when you end it."), nextev);
        break;
    default:
        snprintf(head, sizeof head, "%s: %s", tr(a, "Game over"),
                 rules_outcome_name(rules_outcome(s), a->lang));
        snprintf(text, sizeof text, "%s", tr(a, "The debrief shows every override and reason."));
        break;
    }
    fit_text(d, g->panel_head, head, g->px_large, UI_FONT_BOLD, THEME_ACCENT,
             UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_text_style st =
        widget_style(g->px_small, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    st.wrap = true;
    draw_text(d, g->panel_text, text, &st);
    /* the route choice (setup) */
    for (int i = 0; i < g->n; i++) {
        if (g->c[i].kind != CC_ROUTE)
            continue;
        const char *labels[ROUTE_COUNT - 1];
        for (int r = ROUTE_MAIL; r < ROUTE_COUNT; r++) {
            cc tmp = {CC_ROUTE, r, g->panel_row1, true};
            labels[r - ROUTE_MAIL] = cc_label(a, &tmp);
        }
        bool focus = false;
        for (int k = 0; k < g->n; k++)
            focus |= g->c[k].kind == CC_ROUTE && f->focus == k;
        widget_segments(d, g->panel_row1, labels, ROUTE_COUNT - 1, f->sel_route - ROUTE_MAIL,
                        g->px_small, focus ? WF_FOCUS : 0);
        break;
    }
    /* the timer row */
    char tm[128];
    if (a->solo.clock.on) {
        char t[32];
        solo_format_time(solo_clock_seconds(&a->solo.clock), t, sizeof t);
        snprintf(tm, sizeof tm, "%s %s%s", tr(a, "Solo clock"), t,
                 f->paused ? tr(a, " (paused)") : "");
    } else if (c.phase == PHASE_MEETING) {
        uint32_t sec = (a->board.meeting_ms_left + 999) / 1000;
        snprintf(tm, sizeof tm, "%s %u:%02u%s", tr(a, "Meeting"), sec / 60, sec % 60,
                 f->paused ? tr(a, " (paused)") : "");
    } else {
        snprintf(tm, sizeof tm, "%s%s", tr(a, "No timer running"),
                 f->paused ? tr(a, " (paused)") : "");
    }
    draw_icon(d, UI_ICON_CLOCK,
              rc(g->panel_timer.x, g->panel_timer.y, g->panel_timer.h, g->panel_timer.h),
              UI_RGB(f->paused ? THEME_WARN : THEME_GOOD));
    fit_text(d,
             rc(g->panel_timer.x + g->panel_timer.h + g->pad / 2, g->panel_timer.y,
                layout_px(1476 - 1164 - 56 - 8, g->W, g->H) - g->pad / 2, g->panel_timer.h),
             tm, g->px_small, UI_FONT_BOLD, f->paused ? THEME_WARN : THEME_TEXT,
             UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

/* The facilitator's view of one log entry: who may see it, then its words. */
static void log_tag(const app *a, const log_entry *e, char *out, size_t n, uint32_t *color)
{
    const ruleset *rs = state_ruleset(match_state(a->match));
    if (e->vis == VIS_FACILITATOR) {
        snprintf(out, n, "%s", tr(a, "[truth]"));
        *color = THEME_BAD;
    } else if (e->vis == VIS_ROLE && e->vis_role >= 0 && (size_t)e->vis_role < rs->n_roles) {
        snprintf(out, n, "[%s]", ml_get(&rs->roles[e->vis_role].name, a->lang));
        *color = rs->roles[e->vis_role].color & 0xFFFFFF;
    } else {
        out[0] = '\0';
        *color = THEME_TEXT;
    }
}

/* The log (every entry) or the private results (VIS_ROLE entries), newest at the bottom. */
static void draw_log_tab(const app *a, ui_draw *d, const cgeom *g, bool private_only)
{
    const game_state *s = match_state(a->match);
    const log_buf *log = match_log(a->match);
    size_t idx[CONSOLE_LOG_MAX];
    int n = 0;
    for (size_t i = log->count; i-- > 0 && n < CONSOLE_LOG_MAX;) {
        const log_entry *e = &log->items[i];
        if (private_only && e->vis != VIS_ROLE)
            continue;
        idx[n++] = i;
    }
    ui_rect body = layout_inset(g->list, g->pad / 2);
    draw_round(d, g->list, g->rad, UI_RGB(THEME_TABLE_DEEP));
    if (n == 0) {
        widget_text(d, body,
                    tr(a, private_only ? "No private result yet." : "Nothing has happened yet."),
                    g->px_small, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP);
        return;
    }
    int rows = imax(body.h / g->row_h, 1);
    int scroll = imin(cf(a)->log_scroll, imax(n - rows, 0));
    draw_clip(d, &body);
    for (int k = 0; k < rows && scroll + k < n; k++) {
        const log_entry *e = &log->items[idx[scroll + k]];
        int y = body.y + body.h - (k + 1) * g->row_h;
        char tag[96];
        uint32_t col;
        log_tag(a, e, tag, sizeof tag, &col);
        char *text = rules_log_format(s, e, a->lang);
        char line[640];
        snprintf(line, sizeof line, "R%d  %s%s%s", e->round, tag, tag[0] ? " " : "", text);
        free(text);
        widget_text(d, rc(body.x, y, body.w, g->row_h), line, g->px_small, UI_FONT_REGULAR,
                    e->vis == VIS_PUBLIC ? THEME_TEXT_DIM
                    : col == THEME_BAD   ? 0xff9a9d
                                         : THEME_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
    draw_clip(d, NULL);
}

static void draw_events_tab(const app *a, ui_draw *d, const cgeom *g)
{
    const facil *f = cf(a);
    facil_preview pv;
    facil_preview_get(a, &pv);
    draw_round(d, g->list, g->rad, UI_RGB(THEME_TABLE_DEEP));
    int order[RULES_MAX_DECK], pos[RULES_MAX_DECK];
    int ne = console_event_order(a, order, pos);
    for (int i = 0; i < g->n; i++) {
        const cc *c = &g->c[i];
        if (c->kind != CC_EVENT)
            continue;
        int p = 0;
        for (int k = 0; k < ne; k++)
            if (order[k] == c->arg)
                p = pos[k];
        bool sel = f->sel_event == c->arg;
        ui_rect r = layout_inset2(c->r, g->pad / 4, 2);
        if (sel)
            draw_round(d, r, r.h / 4, UI_RGB(THEME_ACCENT));
        else if (hovered(a, r))
            draw_round(d, r, r.h / 4, UI_RGB(THEME_PANEL_HI));
        uint32_t ink = sel ? THEME_TEXT_INK : THEME_TEXT;
        char num[32];
        if (p > 0)
            snprintf(num, sizeof num, "#%d", p);
        else
            snprintf(num, sizeof num, "-");
        int nw = layout_px(84, g->W, g->H);
        widget_text(d, rc(r.x + g->pad / 2, r.y, nw, r.h), num, g->px_small, UI_FONT_BOLD,
                    sel ? THEME_TEXT_INK : THEME_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        char title[256];
        snprintf(title, sizeof title, "%s%s", event_title(a, c->arg),
                 pv.chosen && pv.next_event == c->arg ? tr(a, " (your choice)") : "");
        widget_text(d, rc(r.x + g->pad / 2 + nw, r.y, r.w - nw - g->pad, r.h), title, g->px_body,
                    sel ? UI_FONT_BOLD : UI_FONT_REGULAR, ink, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        if (f->focus == i)
            widget_focus(d, r, r.h / 4);
    }
}

static void draw_tabs(const app *a, ui_draw *d, const cgeom *g)
{
    const facil *f = cf(a);
    const char *labels[FT_COUNT];
    bool focus = false;
    for (int t = 0; t < FT_COUNT; t++) {
        cc tmp = {CC_TAB, t, g->tabs, true};
        labels[t] = cc_label(a, &tmp);
    }
    for (int i = 0; i < g->n; i++)
        focus |= g->c[i].kind == CC_TAB && f->focus == i;
    widget_segments(d, g->tabs, labels, FT_COUNT, f->tab, g->px_small, focus ? WF_FOCUS : 0);
    if (f->tab == FT_EVENTS)
        draw_events_tab(a, d, g);
    else
        draw_log_tab(a, d, g, f->tab == FT_PRIVATE);
}

static void draw_message(const app *a, ui_draw *d, const cgeom *g)
{
    const facil *f = cf(a);
    const char *text = f->message_ms > 0 ? f->message : "";
    bool bad = f->message_ms > 0 && f->message_bad;
    if (!text[0]) {
        /* a standing hint: what the keyboard does */
        ui_text_style hs = widget_style(g->px_small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                                        UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        hs.wrap = true;
        draw_text(d, g->message,
                  tr(a, "Tab: move · Enter: use · C: continue · Ctrl+Z: undo · P: pause"), &hs);
        return;
    }
    draw_round(d, g->message, g->rad, UI_RGB(bad ? 0x4a1c20 : 0x1c3a2c));
    draw_icon(d, bad ? UI_ICON_INFECTED : UI_ICON_CLEAN,
              rc(g->message.x + g->pad / 2, g->message.y + g->message.h / 4, g->message.h / 2,
                 g->message.h / 2),
              UI_RGB(bad ? THEME_BAD : THEME_GOOD));
    ui_text_style st =
        widget_style(g->px_small, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    st.wrap = true;
    draw_text(d,
              rc(g->message.x + g->message.h / 2 + g->pad, g->message.y,
                 g->message.w - g->message.h / 2 - g->pad * 2, g->message.h),
              text, &st);
}

static void draw_form(const app *a, ui_draw *d, const cgeom *g)
{
    const facil *f = cf(a);
    draw_fill(d, rc(0, 0, g->W, g->H), UI_RGBA(THEME_TABLE_DEEP, 200));
    widget_panel(d, g->modal, g->rad * 2);
    draw_stroke_round(d, g->modal, g->rad * 2, 3, UI_RGB(THEME_ACCENT));
    widget_text(d, g->modal_title, tr(a, "Why? A short reason for the log and the debrief"),
                g->px_head, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    char what[1024] = "";
    for (int i = 0; i < f->n_pending && i < 4; i++) {
        char one[256];
        describe_move(a, &f->pending[i], one, sizeof one);
        snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", i ? "\n" : "", one);
    }
    if (f->n_pending > 4)
        snprintf(what + strlen(what), sizeof what - strlen(what), "\n%s",
                 tr(a, "... and more counts"));
    if (f->pending_next)
        snprintf(what + strlen(what), sizeof what - strlen(what), "\n%s",
                 tr(a, "then the counts are shown"));
    ui_text_style st =
        widget_style(g->px_body, UI_FONT_REGULAR, THEME_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    st.wrap = true;
    draw_text(d, g->modal_what, what, &st);
    /* the text field with its caret */
    for (int i = 0; i < g->n; i++) {
        const cc *c = &g->c[i];
        if (c->kind == CC_FIELD) {
            draw_round(d, c->r, c->r.h / 5, UI_RGB(THEME_TABLE_DEEP));
            draw_stroke_round(d, c->r, c->r.h / 5, 3, UI_RGB(THEME_ACCENT));
            ui_rect t = layout_inset2(c->r, c->r.h / 4, 0);
            widget_text(d, t, f->reason, g->px_body, UI_FONT_REGULAR, THEME_TEXT,
                        UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
            ui_text_style ms = widget_style(g->px_body, UI_FONT_REGULAR, THEME_TEXT, 0);
            int w = 0, h = 0;
            draw_measure(d, f->reason, &ms, &w, &h);
            draw_fill(d,
                      rc(t.x + imin(w, t.w) + 2, c->r.y + c->r.h / 5, imax(2, c->r.h / 20),
                         c->r.h * 3 / 5),
                      UI_RGB(THEME_ACCENT));
            if (f->focus == i)
                widget_focus(d, c->r, c->r.h / 5);
        } else if (c->kind == CC_QUICK) {
            char label[160];
            snprintf(label, sizeof label, "%s", facil_quick_reason(a, c->arg));
            widget_button(d, c->r, label, g->px_small, cc_flags(a, g, i));
        }
    }
    bool empty = true;
    for (const char *p = f->reason; *p && empty; p++)
        empty = *p == ' ';
    widget_text(d, g->hint,
                tr(a, empty ? "An empty reason is allowed, but the debrief is clearer with one."
                            : "The reason goes into the log and the debrief, never on the board."),
                g->px_small, empty ? UI_FONT_BOLD : UI_FONT_REGULAR,
                empty ? THEME_WARN : THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    draw_buttons(a, d, g);
}

void console_draw(const app *a, ui_draw *d, int w, int h)
{
    cgeom *g = malloc(sizeof *g);
    if (!g)
        return;
    bool form = a->facil && a->facil->asking;
    console_layout(a, w, h, g, form);
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, g->W, g->H);
    draw_header(a, d, g);
    if (!a->match || !a->facil) {
        ui_text_style st =
            widget_style(g->px_large, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        st.wrap = true;
        draw_text(d, layout_inset(g->plan, g->pad),
                  tr(a, "No game in progress yet. Start one on the main window: the truth and "
                        "your controls appear here."),
                  &st);
        draw_end(d);
        free(g);
        return;
    }
    if (form) {
        /* the console stays visible (dimmed) behind the form: the facilitator sees the context */
        cgeom *base = malloc(sizeof *base);
        if (base) {
            console_layout(a, w, h, base, false);
            draw_plan(a, d, base);
            draw_panel(a, d, base);
            draw_tabs(a, d, base);
            free(base);
        }
        draw_form(a, d, g);
        draw_end(d);
        free(g);
        return;
    }
    draw_plan(a, d, g);
    draw_panel(a, d, g);
    draw_tabs(a, d, g);
    draw_buttons(a, d, g);
    draw_message(a, d, g);
    draw_end(d);
    free(g);
}

/* ---- input ---- */

static void console_activate(app *a, const cgeom *g, int i)
{
    facil *f = a->facil;
    const cc *c = &g->c[i];
    if (!c->on)
        return;
    switch (c->kind) {
    case CC_TERMINAL:
        facil_select_terminal(a, f->sel_terminal == c->arg ? -1 : c->arg);
        break;
    case CC_FLOW_MINUS:
        facil_flow_step(a, c->arg, -1);
        break;
    case CC_FLOW_PLUS:
        facil_flow_step(a, c->arg, 1);
        break;
    case CC_ROUTE:
        f->sel_route = c->arg;
        break;
    case CC_PLACE:
        facil_place(a);
        break;
    case CC_CURE:
        facil_cure(a);
        break;
    case CC_REVEAL:
        facil_reveal(a);
        break;
    case CC_SKIP:
        facil_skip(a);
        break;
    case CC_FLOW_RESET:
        facil_flow_reset(a);
        break;
    case CC_FLOW_APPLY:
        facil_flow_apply(a);
        break;
    case CC_CONTINUE:
        facil_continue(a);
        break;
    case CC_PAUSE:
        facil_pause_toggle(a);
        break;
    case CC_EXTEND:
        facil_extend(a, FACIL_EXTEND_S);
        break;
    case CC_TAB:
        f->tab = c->arg;
        f->log_scroll = 0;
        break;
    case CC_EVENT:
        f->sel_event = f->sel_event == c->arg ? -1 : c->arg;
        break;
    case CC_CHOOSE:
        facil_choose(a);
        break;
    case CC_INJECT:
        facil_inject(a);
        break;
    case CC_UNDO:
        facil_undo(a);
        break;
    case CC_HANDOVER:
        facil_hand_over(a);
        break;
    case CC_CLOSE:
        facil_overlay_close(a);
        break;
    case CC_QUICK:
        facil_reason_quick(a, c->arg);
        break;
    case CC_CANCEL:
        facil_reason_cancel(a);
        break;
    case CC_CONFIRM:
        facil_reason_confirm(a);
        break;
    default:
        break;
    }
    /* a new phase or form brings a new control list: the focus starts again */
    if (f->focus >= 0 &&
        (c->kind == CC_CONTINUE || c->kind == CC_CONFIRM || c->kind == CC_CANCEL || f->asking))
        f->focus = -1;
}

/* Moves the keyboard focus to the next usable control in direction dir. */
static void console_focus_move(app *a, const cgeom *g, int dir)
{
    facil *f = a->facil;
    if (g->n == 0)
        return;
    int at = f->focus < 0 || f->focus >= g->n ? (dir > 0 ? -1 : 0) : f->focus;
    for (int k = 0; k < g->n; k++) {
        at = ((at + dir) % g->n + g->n) % g->n;
        if (g->c[at].on) {
            f->focus = at;
            return;
        }
    }
}

static void console_scroll(app *a, int dy)
{
    facil *f = a->facil;
    if (f->tab == FT_EVENTS) {
        f->event_scroll -= dy;
        if (f->event_scroll < 0)
            f->event_scroll = 0;
        int order[RULES_MAX_DECK], pos[RULES_MAX_DECK];
        int ne = a->match ? console_event_order(a, order, pos) : 0;
        if (f->event_scroll > ne)
            f->event_scroll = ne;
    } else {
        f->log_scroll += dy;
        if (f->log_scroll < 0)
            f->log_scroll = 0;
        if (f->log_scroll > CONSOLE_LOG_MAX)
            f->log_scroll = CONSOLE_LOG_MAX;
    }
}

/* Keys of the reason form. */
static void console_form_key(app *a, const ui_input *in, const cgeom *g)
{
    facil *f = a->facil;
    switch (in->key) {
    case KEY_ESCAPE:
        facil_reason_cancel(a);
        return;
    case KEY_BACKSPACE:
        facil_reason_backspace(a);
        return;
    case KEY_TAB:
        console_focus_move(a, g, (in->mods & MOD_SHIFT) ? -1 : 1);
        return;
    case KEY_ENTER:
        if (f->focus >= 0 && f->focus < g->n && g->c[f->focus].kind != CC_FIELD) {
            int was = f->focus;
            console_activate(a, g, f->focus);
            if (f->asking && g->c[was].kind == CC_QUICK)
                f->focus = -1; /* back to the field: Enter now confirms */
        } else {
            facil_reason_confirm(a);
        }
        return;
    default:
        return; /* letters arrive as IN_TEXT */
    }
}

static void console_key(app *a, const ui_input *in, const cgeom *g, bool overlay)
{
    facil *f = a->facil;
    if (f->asking) {
        if (in->key == KEY_ESCAPE && overlay) {
            facil_overlay_close(a); /* the truth leaves the shared screen at once */
            return;
        }
        console_form_key(a, in, g);
        return;
    }
    if ((in->mods & MOD_CTRL) && in->key == KEY_Z) {
        facil_undo(a);
        return;
    }
    switch (in->key) {
    case KEY_ESCAPE:
        if (overlay)
            facil_overlay_close(a);
        else if (f->focus >= 0)
            f->focus = -1;
        else
            f->sel_terminal = -1;
        return;
    case KEY_TAB:
    case KEY_RIGHT:
    case KEY_DOWN:
    case KEY_LEFT:
    case KEY_UP:
        console_focus_move(a, g,
                           (in->key == KEY_LEFT || in->key == KEY_UP ||
                            (in->key == KEY_TAB && (in->mods & MOD_SHIFT)))
                               ? -1
                               : 1);
        return;
    case KEY_ENTER:
    case KEY_SPACE:
        if (f->focus >= 0 && f->focus < g->n)
            console_activate(a, g, f->focus);
        return;
    case KEY_C:
        facil_continue(a);
        return;
    case KEY_P:
        facil_pause_toggle(a);
        return;
    case KEY_PAGEUP:
        console_scroll(a, 4);
        return;
    case KEY_PAGEDOWN:
        console_scroll(a, -4);
        return;
    default:
        return;
    }
}

void console_input(app *a, const ui_input *in, int w, int h)
{
    facil *f = a->facil;
    if (!f)
        return;
    /* Esc closes the overlay; in the console window it only clears the focus or choice */
    bool overlay = f->overlay && facil_covers_main(a) && w == a->width && h == a->height;
    cgeom *g = malloc(sizeof *g);
    if (!g)
        return;
    console_layout(a, w, h, g, f->asking);
    switch (in->type) {
    case IN_MOUSE_MOVE:
        f->hover_x = in->x;
        f->hover_y = in->y;
        break;
    case IN_WHEEL:
        if (ui_rect_contains(g->body, in->x, in->y))
            console_scroll(a, in->dy);
        break;
    case IN_TEXT:
        if (f->asking)
            facil_reason_type(a, in->text);
        break;
    case IN_KEY:
        if (a->match)
            console_key(a, in, g, overlay);
        break;
    case IN_MOUSE_DOWN:
        f->hover_x = in->x;
        f->hover_y = in->y;
        if (in->button != 1)
            break;
        for (int i = g->n - 1; i >= 0; i--) {
            if (ui_rect_contains(g->c[i].r, in->x, in->y)) {
                f->focus = -1; /* the mouse is in use: no keyboard focus ring */
                console_activate(a, g, i);
                break;
            }
        }
        break;
    default:
        break;
    }
    free(g);
}

/* ---- the main window: the PIN prompt and the overlay ---- */

/* The PIN prompt's rectangles: the box, the dots and the keypad (digits 1-9, delete, 0,
 * close). */
static void pin_layout(const app *a, cgeom *g)
{
    console_metrics(g, a->width, a->height);
    int W = g->W, H = g->H;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->modal = R(560, 60, 800, 900);
    g->modal_title = R(600, 90, 720, 64);
    g->modal_what = R(600, 160, 720, 80);
    g->field = R(660, 250, 600, 110);
    g->hint = R(600, 370, 720, 60);
    for (int k = 0; k < 12; k++) {
        ui_rect r = R(700 + (k % 3) * 180, 446 + (k / 3) * 124, 160, 108);
        if (k < 9)
            add(g, CC_PIN_DIGIT, k + 1, r, true);
        else if (k == 9)
            add(g, CC_PIN_BACK, 0, r, true);
        else if (k == 10)
            add(g, CC_PIN_DIGIT, 0, r, true);
        else
            add(g, CC_PIN_CANCEL, 0, r, true);
    }
#undef R
}

static void pin_draw(const app *a, ui_draw *d)
{
    const facil *f = cf(a);
    cgeom *g = malloc(sizeof *g);
    if (!g)
        return;
    pin_layout(a, g);
    draw_begin(d, UI_RGB(THEME_TABLE_DEEP));
    widget_background(d, g->W, g->H);
    widget_panel(d, g->modal, g->rad * 2);
    widget_text(d, g->modal_title, tr(a, "Facilitator console"), g->px_head, UI_FONT_BOLD,
                THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    ui_text_style st =
        widget_style(g->px_body, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    st.wrap = true;
    draw_text(d, g->modal_what,
              tr(a, f->pin[0] ? "Enter the 4-digit PIN." : "Set a 4-digit PIN for the console."),
              &st);
    /* four boxes: filled for the digits typed (the digits themselves are never shown) */
    size_t typed = strlen(f->pin_typed);
    ui_rect boxes[FACIL_PIN_LEN];
    layout_split_cols(g->field, FACIL_PIN_LEN, g->pad * 2, boxes);
    for (int i = 0; i < FACIL_PIN_LEN; i++) {
        draw_round(d, boxes[i], g->rad, UI_RGB(THEME_TABLE_DEEP));
        draw_stroke_round(d, boxes[i], g->rad, 3,
                          UI_RGB((size_t)i == typed ? THEME_ACCENT : THEME_PANEL_EDGE));
        if ((size_t)i < typed)
            draw_circle(d, boxes[i].x + boxes[i].w / 2, boxes[i].y + boxes[i].h / 2, boxes[i].h / 6,
                        UI_RGB(THEME_TEXT));
    }
    if (f->pin_wrong) {
        widget_text(d, g->hint, tr(a, "Wrong PIN"), g->px_large, UI_FONT_BOLD, THEME_BAD,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    } else {
        widget_text(d, g->hint, tr(a, "Digits on the keyboard or below · Esc closes"), g->px_small,
                    UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    for (int i = 0; i < g->n; i++) {
        const cc *c = &g->c[i];
        char num[8];
        const char *label = num;
        if (c->kind == CC_PIN_DIGIT)
            snprintf(num, sizeof num, "%d", c->arg);
        else
            label = cc_label(a, c);
        widget_button(d, c->r, label, c->kind == CC_PIN_DIGIT ? g->px_head : g->px_small,
                      hovered(a, c->r) ? WF_HOVER : 0);
    }
    draw_end(d);
    free(g);
}

void console_main_draw(const app *a, ui_draw *d)
{
    const facil *f = cf(a);
    if (f && f->pin_prompt)
        pin_draw(a, d);
    else
        console_draw(a, d, a->width, a->height);
}

void console_main_input(app *a, const ui_input *in)
{
    facil *f = a->facil;
    if (!f)
        return;
    if (!f->pin_prompt) {
        console_input(a, in, a->width, a->height);
        return;
    }
    if (in->type == IN_MOUSE_MOVE) {
        f->hover_x = in->x;
        f->hover_y = in->y;
        return;
    }
    if (in->type == IN_KEY) {
        if (in->key >= KEY_0 && in->key <= KEY_9)
            facil_pin_digit(a, (int)(in->key - KEY_0));
        else if (in->key == KEY_BACKSPACE)
            facil_pin_backspace(a);
        else if (in->key == KEY_ESCAPE)
            facil_pin_cancel(a);
        return;
    }
    if (in->type != IN_MOUSE_DOWN || in->button != 1)
        return;
    cgeom *g = malloc(sizeof *g);
    if (!g)
        return;
    pin_layout(a, g);
    for (int i = 0; i < g->n; i++) {
        if (!ui_rect_contains(g->c[i].r, in->x, in->y))
            continue;
        if (g->c[i].kind == CC_PIN_DIGIT)
            facil_pin_digit(a, g->c[i].arg);
        else if (g->c[i].kind == CC_PIN_BACK)
            facil_pin_backspace(a);
        else
            facil_pin_cancel(a);
        break;
    }
    free(g);
}

/* ---- the "facilitator" screen: the console in the main window (screenshots, --screen) ---- */

static void screen_console_input(app *a, const ui_input *in)
{
    if (in->type == IN_KEY && in->key == KEY_ESCAPE && a->facil && !a->facil->asking) {
        app_goto(a, a->match ? app_match_screen(a) : SCR_TITLE);
        return;
    }
    console_input(a, in, a->width, a->height);
}

static void screen_console_draw(const app *a, ui_draw *d)
{
    console_draw(a, d, a->width, a->height);
}

const screen_ops screen_console_ops = {
    .name = "facilitator",
    .enter = NULL,
    .leave = NULL,
    .input = screen_console_input,
    .update = NULL,
    .draw = screen_console_draw,
};
