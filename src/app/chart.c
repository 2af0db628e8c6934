/* chart.c: the timeline chart of a game (data from the match log, drawing through the draw
 * interface, and its headless PNG for the after-action report). Meaning never rests on colour
 * alone: every room line has its own marker shape and a named legend, every marker an icon of
 * its own and the terminal's id, every bar segment its number. */
#include "chart.h"

#include "layout.h"
#include "platform.h"
#include "theme.h"
#include "widget.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Room line colours (each room also has a marker shape and its name in the legend). */
static const uint32_t chart_room_colors[] = {0x4fc3f7, 0xffb74d, 0xba68c8, 0x81c784,
                                             0xf06292, 0xfff176, 0x90a4ae, 0x4db6ac};

#define CHART_N_COLORS ((int)(sizeof chart_room_colors / sizeof chart_room_colors[0]))

static int chart_imax(int a, int b)
{
    return a > b ? a : b;
}

static int chart_imin(int a, int b)
{
    return a < b ? a : b;
}

static void chart_mark_add(chart_data *c, int round, chart_mark_kind k, int t, int t2)
{
    if (c->n_marks >= CHART_MAX_MARKS || round < 1)
        return;
    chart_mark *m = &c->marks[c->n_marks++];
    m->round = round;
    m->kind = k;
    m->terminal = t;
    m->terminal2 = t2;
}

void chart_compute(chart_data *c, const match *m)
{
    assert(c && m);
    memset(c, 0, sizeof *c);
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    clock_view cv;
    rules_clock(s, &cv);
    c->total_rounds = chart_imin(cv.rounds, RULES_MAX_ROUNDS);
    c->rounds = chart_imin(chart_imax(cv.round, 0), c->total_rounds);
    c->n_rooms = (int)chart_imin((int)sc->n_rooms, RULES_MAX_ROOMS);
    viewer pub = {VIEW_PUBLIC, -1};
    for (int r = 0; r < c->n_rooms; r++) {
        room_view rv;
        rules_room(s, pub, r, &rv);
        for (int k = 0; k < rv.n_history && k < RULES_MAX_ROUNDS; k++) {
            c->count[r][k] = rv.history[k];
            c->max_count = chart_imax(c->max_count, rv.history[k]);
        }
    }
    c->n_roles = (int)chart_imin((int)sc->n_roles, RULES_MAX_ROLES);
    int slot_of[RULES_MAX_ROLES];
    for (int i = 0; i < RULES_MAX_ROLES; i++)
        slot_of[i] = -1;
    for (int i = 0; i < c->n_roles; i++) {
        c->role[i] = sc->roles[i];
        if (sc->roles[i] >= 0 && sc->roles[i] < RULES_MAX_ROLES)
            slot_of[sc->roles[i]] = i;
    }
    for (int k = 0; k < RULES_MAX_ROUNDS; k++)
        c->event[k] = -1;
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    int nt = chart_imin((int)sc->n_terminals, RULES_MAX_TERMINALS);
    const log_buf *log = match_log(m);
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        int k = e->round - 1;
        bool in = k >= 0 && k < RULES_MAX_ROUNDS;
        bool term = e->terminal >= 0 && e->terminal < nt;
        switch (e->type) {
        case LOG_ACTION:
            if (in && e->role >= 0 && e->role < RULES_MAX_ROLES && slot_of[e->role] >= 0)
                c->actions[slot_of[e->role]][k]++;
            break;
        case LOG_EVENT:
            if (in && c->event[k] < 0)
                c->event[k] = e->event;
            break;
        case LOG_INFECTED:
            if (!term)
                break;
            if (e->round <= 0) {
                size_t len = strlen(c->before_ids);
                snprintf(c->before_ids + len, sizeof c->before_ids - len, "%s%s",
                         c->before ? ", " : "", state_scenario(s)->terminals[e->terminal].id);
                c->before++;
                /* shown in round 1's column, marked as there from the start */
                chart_mark_add(c, 1, CM_INFECTED, e->terminal, CHART_BEFORE);
            } else if (e->value != ROUTE_LATERAL) {
                chart_mark_add(c, e->round, CM_INFECTED, e->terminal, -1);
            }
            break;
        case LOG_SPREAD:
            if (term && e->terminal2 >= 0 && e->terminal2 < nt)
                chart_mark_add(c, e->round, CM_SPREAD, e->terminal2, e->terminal);
            break;
        case LOG_REVEAL:
            if (term && e->value)
                chart_mark_add(c, e->round, CM_FOUND, e->terminal, -1);
            break;
        case LOG_ISOLATED:
            if (term)
                chart_mark_add(c, e->round, tr[e->terminal].infected ? CM_CONTAINED : CM_WRONG,
                               e->terminal, -1);
            break;
        default:
            break;
        }
    }
    for (int k = 0; k < RULES_MAX_ROUNDS; k++) {
        int sum = 0;
        for (int i = 0; i < c->n_roles; i++)
            sum += c->actions[i][k];
        c->max_actions = chart_imax(c->max_actions, sum);
    }
}

/* ---- drawing ---- */

static ui_color chart_room_color(int r)
{
    return UI_RGB(chart_room_colors[(r < 0 ? 0 : r) % CHART_N_COLORS]);
}

/* Marker shape r % 6 centred at (x, y) with radius rad: circle, square, triangle, diamond,
 * inverted triangle, ring. */
static void chart_marker(ui_draw *d, int shape, int x, int y, int rad, ui_color col)
{
    switch (shape % 6) {
    case 0:
        draw_circle(d, x, y, rad, col);
        break;
    case 1:
        draw_fill(d, (ui_rect){x - rad, y - rad, 2 * rad, 2 * rad}, col);
        break;
    case 2:
        draw_triangle(d, x, y - rad - rad / 3, x - rad - rad / 4, y + rad, x + rad + rad / 4,
                      y + rad, col);
        break;
    case 3:
        draw_triangle(d, x, y - rad - rad / 3, x - rad - rad / 3, y, x + rad + rad / 3, y, col);
        draw_triangle(d, x - rad - rad / 3, y, x + rad + rad / 3, y, x, y + rad + rad / 3, col);
        break;
    case 4:
        draw_triangle(d, x - rad - rad / 4, y - rad, x + rad + rad / 4, y - rad, x,
                      y + rad + rad / 3, col);
        break;
    default:
        draw_circle(d, x, y, rad, col);
        draw_circle(d, x, y, rad * 5 / 9, UI_RGB(THEME_TABLE_DEEP));
        break;
    }
}

static int chart_text(ui_draw *d, ui_rect r, const char *s, int px, ui_font_style st, uint32_t rgb,
                      int align, bool wrap)
{
    ui_text_style ts = widget_style(px, st, rgb, align);
    ts.wrap = wrap;
    ts.ellipsis = true;
    return draw_text(d, r, s, &ts);
}

static int chart_width(ui_draw *d, const char *s, int px, ui_font_style st)
{
    ui_text_style ts = widget_style(px, st, THEME_TEXT, UI_ALIGN_LEFT);
    int w = 0, h = 0;
    draw_measure(d, s, &ts, &w, &h);
    return w;
}

/* The icon and colour of a hidden-side marker. */
static void chart_mark_look(chart_mark_kind k, ui_icon *icon, uint32_t *rgb)
{
    switch (k) {
    case CM_INFECTED:
        *icon = UI_ICON_INFECTED;
        *rgb = THEME_BAD;
        break;
    case CM_SPREAD:
        *icon = UI_ICON_SIGNAL;
        *rgb = THEME_BAD;
        break;
    case CM_FOUND:
        *icon = UI_ICON_FORENSIC;
        *rgb = THEME_ACCENT;
        break;
    case CM_CONTAINED:
        *icon = UI_ICON_ISOLATED;
        *rgb = THEME_GOOD;
        break;
    default:
        *icon = UI_ICON_ISOLATED;
        *rgb = THEME_WARN;
        break;
    }
}

static const char *chart_mark_msgid(chart_mark_kind k)
{
    static const char *const names[CM_KIND_COUNT] = {"infected", "spread", "found", "contained",
                                                     "isolated clean"};
    return k < CM_KIND_COUNT ? names[k] : "";
}

void chart_draw(ui_draw *d, ui_rect r, const chart_data *c, const game_state *s,
                const report_text *t, int px)
{
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    int small = chart_imax(px * 5 / 6, 12);
    int pad = chart_imax(px / 2, 4);
    int n = chart_imax(c->total_rounds, 1);

    /* columns: band labels on the left, legends on the right */
    int ylab = px * 2; /* the counts' scale, between the band names and the plot */
    int gutter = chart_imax(px * 7, r.w / 8) + ylab;
    int legend_w = chart_imax(px * 9, r.w / 6);
    ui_rect plot = {r.x + gutter, r.y, r.w - gutter - legend_w - pad, r.h};
    int col_w = plot.w / n;
    plot.w = col_w * n;
    ui_rect legend = {plot.x + plot.w + pad * 2, r.y, r.x + r.w - (plot.x + plot.w + pad * 2), r.h};

    /* bands, top to bottom: counts, hidden side, event, actions, the round axis */
    int axis_h = px * 2 + pad;
    int rows[4] = {38, 18, 14, 30};
    ui_rect band[4];
    ui_rect inner = {plot.x, plot.y, plot.w, plot.h - axis_h};
    layout_split_rows_w(inner, 4, rows, pad, band);
    ui_rect axis = {plot.x, plot.y + plot.h - axis_h, plot.w, axis_h};

    static const char *const band_names[4] = {
        "Suspicious communications", "Hidden side (now shown)", "Event", "Actions by role"};
    for (int b = 0; b < 4; b++) {
        draw_round(d, band[b], pad / 2, UI_RGBA(THEME_TABLE_DEEP, 150));
        chart_text(d, (ui_rect){r.x, band[b].y, gutter - ylab - pad * 2, band[b].h},
                   report_tr(t, band_names[b]), small, UI_FONT_BOLD, THEME_TEXT_DIM,
                   UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE, true);
    }
    /* played rounds light, the rest dim; day separators with their names */
    for (int k = 0; k < n; k++) {
        ui_rect col = {plot.x + k * col_w, plot.y, col_w, plot.h - axis_h};
        if (k >= c->rounds)
            draw_fill(d, col, UI_RGBA(THEME_SHADOW, 70));
    }
    int ppd = sc->phases_per_day > 0 ? sc->phases_per_day : 3;
    for (int k = 0; k <= n; k++) {
        int x = plot.x + k * col_w;
        bool day = k % ppd == 0;
        draw_line(d, x, plot.y, x, plot.y + plot.h - (day ? 0 : axis_h), day ? 2 : 1,
                  UI_RGBA(THEME_PANEL_EDGE, day ? 255 : 120));
    }
    for (int k = 0; k < n; k++) {
        char num[16];
        snprintf(num, sizeof num, "%d", k + 1);
        ui_rect cell = {plot.x + k * col_w, axis.y, col_w, px + pad / 2};
        chart_text(d, cell, num, px, UI_FONT_BOLD, k < c->rounds ? THEME_TEXT : THEME_TEXT_DIM,
                   UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
        if (k % ppd == 0) {
            char day[64];
            snprintf(day, sizeof day, report_tr(t, "Day %d"), k / ppd + 1);
            ui_rect dr = {plot.x + k * col_w, axis.y + px + pad / 2, col_w * ppd, px + pad / 2};
            chart_text(d, dr, day, small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                       UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
        }
    }
    chart_text(d, (ui_rect){r.x, axis.y, gutter - pad, px + pad / 2}, report_tr(t, "Round"), small,
               UI_FONT_BOLD, THEME_TEXT_DIM, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE, false);

    /* 1. counts: a line per room, a gridline per step */
    ui_rect cb = layout_inset2(band[0], 0, pad);
    int top = chart_imax(c->max_count, 1);
    int step = top <= 5 ? 1 : top <= 10 ? 2 : 5;
    top = (top + step - 1) / step * step;
    for (int v = 0; v <= top; v += step) {
        int y = cb.y + cb.h - cb.h * v / top;
        draw_line(d, plot.x, y, plot.x + plot.w, y, 1, UI_RGBA(THEME_PANEL_EDGE, 110));
        char lab[16];
        snprintf(lab, sizeof lab, "%d", v);
        chart_text(d, (ui_rect){plot.x - ylab - pad / 2, y - small / 2 - 2, ylab, small + 4}, lab,
                   small, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE,
                   false);
    }
    int rad = chart_imax(px / 4, 4);
    for (int room = 0; room < c->n_rooms; room++) {
        ui_color col = chart_room_color(room);
        int px0 = 0, py0 = 0;
        /* rooms with the same counts would hide each other: a small sideways offset each */
        int off = (room - c->n_rooms / 2) * chart_imax(col_w / 40, 2);
        for (int k = 0; k < c->rounds; k++) {
            int x = plot.x + k * col_w + col_w / 2 + off;
            int y = cb.y + cb.h - cb.h * c->count[room][k] / top;
            if (k > 0)
                draw_line(d, px0, py0, x, y, chart_imax(px / 8, 2), col);
            px0 = x;
            py0 = y;
        }
        for (int k = 0; k < c->rounds; k++) {
            int x = plot.x + k * col_w + col_w / 2 + off;
            int y = cb.y + cb.h - cb.h * c->count[room][k] / top;
            chart_marker(d, room, x, y, rad, col);
        }
    }

    /* 2. the hidden side: icon + terminal id per marker, stacked in its round's column */
    ui_rect hb = layout_inset2(band[1], pad / 2, pad / 2);
    int line_h = small + pad / 2;
    for (int k = 0; k < c->rounds; k++) {
        int y = hb.y, shown = 0, total = 0;
        for (int i = 0; i < c->n_marks; i++)
            total += c->marks[i].round == k + 1;
        for (int i = 0; i < c->n_marks; i++) {
            const chart_mark *mk = &c->marks[i];
            if (mk->round != k + 1)
                continue;
            if (y + line_h > hb.y + hb.h) {
                char more[16];
                snprintf(more, sizeof more, "+%d", total - shown);
                chart_text(d, (ui_rect){plot.x + k * col_w, y - line_h, col_w - pad, line_h}, more,
                           small, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE,
                           false);
                break;
            }
            ui_icon ic;
            uint32_t rgb;
            chart_mark_look(mk->kind, &ic, &rgb);
            int x = plot.x + k * col_w + pad / 2;
            draw_icon(d, ic, (ui_rect){x, y, line_h, line_h}, UI_RGB(rgb));
            char lab[64];
            const char *id = sc->terminals[mk->terminal].id;
            if (mk->kind == CM_SPREAD)
                snprintf(lab, sizeof lab, "%s←%s", id, sc->terminals[mk->terminal2].id);
            else
                snprintf(lab, sizeof lab, "%s", id);
            chart_text(d, (ui_rect){x + line_h + 2, y, col_w - line_h - pad - 2, line_h}, lab,
                       small, UI_FONT_BOLD, rgb, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
            y += line_h;
            shown++;
        }
    }

    /* 3. the event of each round */
    ui_rect eb = layout_inset2(band[2], pad / 2, pad / 3);
    for (int k = 0; k < c->rounds; k++) {
        ui_rect cell = {plot.x + k * col_w + pad / 2, eb.y, col_w - pad, eb.h};
        const char *title = c->event[k] >= 0 && (size_t)c->event[k] < rs->n_events
                                ? ml_get(&rs->events[c->event[k]].title, t->l)
                                : report_tr(t, "(none)");
        chart_text(d, cell, title, small, UI_FONT_REGULAR,
                   c->event[k] >= 0 ? THEME_TEXT : THEME_TEXT_DIM,
                   UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, true);
    }

    /* 4. actions: stacked bars, one segment per role with its count */
    ui_rect ab = layout_inset2(band[3], 0, pad);
    int amax = chart_imax(c->max_actions, 1);
    int bar_w = chart_imax(col_w * 3 / 5, 6);
    for (int k = 0; k < c->rounds; k++) {
        int x = plot.x + k * col_w + (col_w - bar_w) / 2;
        int y = ab.y + ab.h;
        for (int i = 0; i < c->n_roles; i++) {
            int v = c->actions[i][k];
            if (!v)
                continue;
            int h = ab.h * v / amax;
            ui_rect seg = {x, y - h, bar_w, h};
            uint32_t col = rs->roles[c->role[i]].color & 0xFFFFFF;
            draw_fill(d, seg, UI_RGB(col));
            draw_stroke(d, seg, 1, UI_RGB(THEME_TABLE_DEEP));
            if (h >= small) {
                char num[8];
                snprintf(num, sizeof num, "%d", v);
                chart_text(d, seg, num, small, UI_FONT_BOLD, THEME_TEXT_INK,
                           UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
            }
            y -= h;
        }
    }

    /* legends: rooms beside the counts, marker kinds beside the hidden side, roles beside the
     * bars */
    int ly = band[0].y;
    int lh = small + pad;
    for (int room = 0; room < c->n_rooms && ly + lh <= band[0].y + band[0].h + lh; room++) {
        chart_marker(d, room, legend.x + rad + 2, ly + lh / 2, rad, chart_room_color(room));
        chart_text(d, (ui_rect){legend.x + rad * 2 + pad, ly, legend.w - rad * 2 - pad, lh},
                   ml_get(&sc->rooms[room].name, t->l), small, UI_FONT_REGULAR, THEME_TEXT,
                   UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        ly += lh;
    }
    ly = chart_imax(ly + pad, band[1].y);
    for (int k = 0; k < CM_KIND_COUNT; k++) {
        if (ly + lh > band[2].y + band[2].h)
            break;
        ui_icon ic;
        uint32_t rgb;
        chart_mark_look((chart_mark_kind)k, &ic, &rgb);
        draw_icon(d, ic, (ui_rect){legend.x, ly, lh, lh}, UI_RGB(rgb));
        chart_text(d, (ui_rect){legend.x + lh + pad / 2, ly, legend.w - lh - pad / 2, lh},
                   report_tr(t, chart_mark_msgid((chart_mark_kind)k)), small, UI_FONT_REGULAR,
                   THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        ly += lh;
    }
    ly = chart_imax(ly + pad, band[3].y);
    for (int i = 0; i < c->n_roles; i++) {
        if (ly + lh > r.y + r.h)
            break;
        const role_def *ro = &rs->roles[c->role[i]];
        int cx = legend.x + lh / 2, cy = ly + lh / 2;
        draw_circle(d, cx, cy, lh / 2, UI_RGB(ro->color & 0xFFFFFF));
        ui_icon ic = widget_role_icon(ro->id);
        if (ic != UI_ICON_NONE)
            draw_icon(d, ic, layout_center((ui_rect){legend.x, ly, lh, lh}, lh * 2 / 3, lh * 2 / 3),
                      UI_RGB(THEME_TEXT_INK));
        chart_text(d, (ui_rect){legend.x + lh + pad / 2, ly, legend.w - lh - pad / 2, lh},
                   ml_get(&ro->name, t->l), small, UI_FONT_REGULAR, THEME_TEXT,
                   UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        ly += lh;
    }
    (void)chart_width;
}

bool chart_write_png(const char *path, int w, int h, const match *m, const report_text *t,
                     const char *content_root, char *why, size_t why_n)
{
    assert(path && m);
    ui_platform_opts po = {0};
    po.title = "malcon chart";
    po.width = w;
    po.height = h;
    po.headless = true;
    po.content_root = content_root;
    ui_platform *p = platform_open(&po, why, why_n);
    if (!p)
        return false;
    ui_draw *d = platform_draw(p);
    const game_state *s = match_state(m);
    chart_data c;
    chart_compute(&c, m);
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, w, h);
    int px = chart_imax(h / 40, 16);
    int pad = px;
    /* a title line: scenario, seed, outcome, score */
    score_view sv;
    rules_score(s, &sv);
    char title[512];
    snprintf(title, sizeof title, "%s · %s · %s %llu · %s · %d/100 (%c)", report_tr(t, "Timeline"),
             ml_get(&state_scenario(s)->name, t->l), report_tr(t, "seed"),
             (unsigned long long)state_setup(s)->seed, rules_outcome_name(rules_outcome(s), t->l),
             sv.total, sv.rank ? sv.rank : '-');
    chart_text(d, (ui_rect){pad, pad / 2, w - 2 * pad, px * 2}, title, px * 5 / 4, UI_FONT_BOLD,
               THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
    ui_rect area = {pad, pad / 2 + px * 2 + pad / 2, w - 2 * pad, h - (px * 2 + pad * 2)};
    chart_draw(d, area, &c, s, t, px);
    draw_end(d);
    platform_present(p);
    bool ok = platform_screenshot(p, path, why, why_n);
    platform_close(p);
    return ok;
}
