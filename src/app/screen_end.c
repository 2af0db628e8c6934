/* screen_end.c: the end screen after PHASE_OVER: the outcome and its cause, the score with every
 * term and the rank, the truth revealed (which terminals were infected, how, and what became of
 * them) on a small floor plan and as a list; buttons: new game, title. */
#include "app.h"
#include "layout.h"
#include "report.h"
#include "widget.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* The debrief (screen_debrief.c) is the main way on: this screen is the summary the room sees
 * at once, the debrief is where the group goes through what happened and why. */
enum { END_DEBRIEF = 0, END_NEW, END_TITLE, END_BUTTONS };

#define END_MAX_LIST 6 /* infected terminals listed (the plan shows them all) */

typedef struct end_geom {
    ui_rect banner, icon, outcome, cause, subline;
    ui_rect score_panel, score_total, rank, term[ST_COUNT];
    ui_rect truth_panel, truth_title, plan, list;
    ui_rect button[END_BUTTONS], hint;
} end_geom;

static void end_layout(const app *a, end_geom *g)
{
    int W = a->width, H = a->height;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->banner = R(60, 30, 1800, 204);
    g->icon = R(100, 62, 140, 140);
    g->outcome = R(270, 40, 1540, 96);
    g->cause = R(270, 134, 1540, 48);
    g->subline = R(270, 184, 1540, 36);
    g->score_panel = R(60, 250, 720, 706);
    g->score_total = R(100, 270, 400, 130);
    g->rank = R(600, 280, 140, 110);
    for (int i = 0; i < ST_COUNT; i++)
        g->term[i] = R(100, 420 + i * 64, 640, 58);
    g->truth_panel = R(820, 250, 1040, 706);
    g->truth_title = R(860, 266, 960, 56);
    g->plan = R(860, 330, 960, 320);
    g->list = R(860, 666, 960, 280);
    g->button[END_DEBRIEF] = R(900, 976, 380, 84);
    g->button[END_NEW] = R(1300, 976, 300, 84);
    g->button[END_TITLE] = R(1620, 976, 240, 84);
    g->hint = R(60, 976, 820, 84);
#undef R
}

static void end_enter(app *a)
{
    if (a->end_focus < 0 || a->end_focus >= END_BUTTONS)
        a->end_focus = END_DEBRIEF;
}

static void end_activate(app *a, int b)
{
    if (b == END_DEBRIEF)
        app_goto(a, a->match ? SCR_DEBRIEF : SCR_TITLE);
    else if (b == END_NEW)
        app_goto(a, a->rs ? SCR_SETUP : SCR_TITLE);
    else
        app_goto(a, SCR_TITLE);
}

static void end_input(app *a, const ui_input *in)
{
    end_geom g;
    end_layout(a, &g);
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_LEFT:
        case KEY_UP:
            a->end_focus = (a->end_focus + END_BUTTONS - 1) % END_BUTTONS;
            break;
        case KEY_RIGHT:
        case KEY_TAB:
        case KEY_DOWN:
            a->end_focus =
                (a->end_focus + ((in->mods & MOD_SHIFT) ? END_BUTTONS - 1 : 1)) % END_BUTTONS;
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            end_activate(a, a->end_focus);
            break;
        case KEY_N:
            end_activate(a, END_NEW);
            break;
        case KEY_D:
            end_activate(a, END_DEBRIEF);
            break;
        case KEY_ESCAPE:
        case KEY_T:
            end_activate(a, END_TITLE);
            break;
        default:
            break;
        }
    } else if (in->type == IN_MOUSE_MOVE) {
        for (int i = 0; i < END_BUTTONS; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                a->end_focus = i;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < END_BUTTONS; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                end_activate(a, i);
    }
}

static void end_draw_banner(const app *a, ui_draw *d, const end_geom *g, const game_state *s)
{
    int W = a->width, H = a->height;
    outcome o = rules_outcome(s);
    bool won = rules_outcome_won(o);
    uint32_t col = won ? THEME_GOOD : THEME_BAD;
    int rad = layout_px(28, W, H);
    draw_round(d, g->banner, rad, UI_RGBA(widget_shade(col, -55), 235));
    draw_stroke_round(d, g->banner, rad, layout_px(4, W, H), UI_RGB(col));
    draw_circle(d, g->icon.x + g->icon.w / 2, g->icon.y + g->icon.h / 2, g->icon.w / 2,
                UI_RGB(col));
    draw_icon(d, won ? UI_ICON_CLEAN : UI_ICON_INFECTED, layout_inset(g->icon, g->icon.w / 5),
              UI_RGB(THEME_TEXT_INK));
    widget_text(d, g->outcome, won ? app_tr(a, "Contained") : app_tr(a, "Not contained"),
                layout_px(84, W, H), UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    const scenario_def *sc = state_scenario(s);
    /* solo practice whose clock ran out: say so first (the briefing came at once, which is
     * why the game ended in round 1 with nothing done) */
    char cause[256];
    if (state_setup(s)->mode == MODE_SOLO && sc->solo_seconds > 0 && rules_seconds_left(s) == 0 &&
        (o == OUT_WIN_BRIEFING || o == OUT_LOSE_BRIEFING))
        snprintf(cause, sizeof cause, app_tr(a, "Time is up: %s"), rules_outcome_name(o, a->lang));
    else
        snprintf(cause, sizeof cause, "%s", rules_outcome_name(o, a->lang));
    widget_text(d, g->cause, cause, layout_font_px(TYPE_LARGE, W, H), UI_FONT_REGULAR, THEME_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    clock_view c;
    rules_clock(s, &c);
    char line[256], rounds[96];
    snprintf(rounds, sizeof rounds, app_tr(a, "round %d of %d"), c.round, c.rounds);
    snprintf(line, sizeof line, "%s · %s · %s %" PRIu64, ml_get(&sc->name, a->lang), rounds,
             app_tr(a, "seed"), state_setup(s)->seed);
    widget_text(d, g->subline, line, layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                widget_shade(THEME_TEXT_DIM, 20), UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

static void end_draw_score(const app *a, ui_draw *d, const end_geom *g, const game_state *s)
{
    int W = a->width, H = a->height;
    score_view sv;
    rules_score(s, &sv);
    widget_panel(d, g->score_panel, layout_px(24, W, H));
    char buf[64];
    snprintf(buf, sizeof buf, "%d", sv.total);
    ui_rect num = g->score_total;
    ui_rect lab = {num.x, num.y, num.w, num.h / 3};
    widget_text(d, lab, app_tr(a, "Score"), layout_font_px(TYPE_SMALL, W, H), UI_FONT_BOLD,
                THEME_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect big = {num.x, num.y + num.h / 3, num.w, num.h * 2 / 3};
    ui_text_style bs = widget_style(layout_px(96, W, H), UI_FONT_BOLD, THEME_TEXT,
                                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    draw_text(d, big, buf, &bs);
    int bw = 0, bh = 0;
    draw_measure(d, buf, &bs, &bw, &bh);
    /* "/ 100" sits on the number's baseline side, right after it */
    ui_rect of = {num.x + bw + layout_px(12, W, H), big.y, layout_px(200, W, H),
                  big.h - layout_px(14, W, H)};
    widget_text(d, of, "/ 100", layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_BOTTOM);
    /* the rank, as a stamp */
    ui_rect rk = g->rank;
    uint32_t rc = widget_rank_color(sv.rank);
    draw_round(d, rk, rk.h / 4, UI_RGB(rc));
    snprintf(buf, sizeof buf, "%c", sv.rank ? sv.rank : '-');
    widget_text(d, (ui_rect){rk.x, rk.y, rk.w, rk.h * 7 / 10}, buf, layout_px(64, W, H),
                UI_FONT_BOLD, THEME_TEXT_INK, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    widget_text(d, (ui_rect){rk.x, rk.y + rk.h * 13 / 20, rk.w, rk.h * 3 / 10}, app_tr(a, "rank"),
                layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_INK,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    int px = layout_font_px(TYPE_BODY, W, H);
    for (int i = 0; i < ST_COUNT; i++) {
        ui_rect r = g->term[i];
        if (i % 2 == 0)
            draw_round(d, r, r.h / 5, UI_RGBA(THEME_TABLE_DEEP, 120));
        ui_rect name = layout_inset2(r, layout_px(16, W, H), 0);
        int pts = sv.term[i];
        widget_text(d, name, rules_score_term_name((score_term)i, a->lang), px, UI_FONT_REGULAR,
                    pts ? THEME_TEXT : THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        snprintf(buf, sizeof buf, "%+d", pts);
        if (!pts)
            snprintf(buf, sizeof buf, "0");
        widget_text(d, name, buf, px, UI_FONT_BOLD,
                    pts > 0   ? THEME_GOOD
                    : pts < 0 ? THEME_BAD
                              : THEME_TEXT_DIM,
                    UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    }
}

/* The floor plan in small: rooms where the scenario puts them, each terminal a dot coloured by
 * the truth (red: still active, amber: infected but contained, green-grey: clean). */
static void end_draw_plan(const app *a, ui_draw *d, ui_rect plan, const game_state *s)
{
    int W = a->width, H = a->height;
    const scenario_def *sc = state_scenario(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    int gap = layout_px(6, W, H);
    for (size_t r = 0; r < sc->n_rooms; r++) {
        const room_def *rd = &sc->rooms[r];
        ui_rect rr = {plan.x + plan.w * rd->x / 100, plan.y + plan.h * rd->y / 100,
                      plan.w * rd->w / 100 - gap, plan.h * rd->h / 100 - gap};
        draw_round(d, rr, layout_px(10, W, H), UI_RGBA(THEME_TABLE_DEEP, 200));
        draw_stroke_round(d, rr, layout_px(10, W, H), 1, UI_RGB(THEME_PANEL_EDGE));
        ui_rect name = {rr.x + gap, rr.y + gap / 2, rr.w - 2 * gap, layout_px(30, W, H)};
        widget_text(d, name, ml_get(&rd->name, a->lang), layout_font_px(TYPE_SMALL, W, H),
                    UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP);
        /* the room's terminals in a row under its name */
        int n = 0;
        for (size_t t = 0; t < sc->n_terminals; t++)
            n += sc->terminals[t].room == (int)r;
        int k = 0;
        int cw = layout_px(150, W, H), ch = layout_px(64, W, H);
        int avail = rr.w - 2 * gap;
        if (n > 0 && n * (cw + gap) > avail)
            cw = avail / n - gap;
        for (size_t t = 0; t < sc->n_terminals; t++) {
            if (sc->terminals[t].room != (int)r)
                continue;
            terminal_view tv;
            rules_terminal(s, fac, (int)t, &tv);
            int top = name.y + name.h + gap;
            if (top + ch > rr.y + rr.h - gap)
                ch = rr.y + rr.h - gap - top;
            ui_rect c = {rr.x + gap + k * (cw + gap), top, cw, ch > 8 ? ch : 8};
            uint32_t col = !tv.infected ? widget_shade(THEME_GOOD, -35)
                           : tv.active  ? THEME_BAD
                                        : THEME_WARN;
            draw_round(d, c, c.h / 5, UI_RGB(col));
            int ic = c.h * 3 / 5;
            const kind_def *kd = &state_ruleset(s)->kinds[sc->terminals[t].kind];
            /* icon and id when the chip is wide enough, else the id alone; an infected chip
             * keeps its virus (a smaller one) so colour is never the only sign of it */
            bool room_for_icon = c.w >= ic * 3;
            if (!room_for_icon && tv.infected) {
                ic = c.h * 2 / 5;
                room_for_icon = true;
            }
            if (room_for_icon)
                draw_icon(d, tv.infected ? UI_ICON_INFECTED : widget_kind_icon(kd->icon),
                          (ui_rect){c.x + c.h / 8, c.y + (c.h - ic) / 2, ic, ic},
                          UI_RGB(THEME_TEXT));
            ui_rect id =
                room_for_icon ? (ui_rect){c.x + c.h / 8 + ic, c.y, c.w - ic - c.h / 4, c.h} : c;
            widget_text(d, id, sc->terminals[t].id, layout_font_px(TYPE_SMALL, W, H), UI_FONT_BOLD,
                        THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
            k++;
        }
    }
}

static void end_draw_truth(const app *a, ui_draw *d, const end_geom *g, const game_state *s)
{
    int W = a->width, H = a->height;
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    widget_panel(d, g->truth_panel, layout_px(24, W, H));
    char title[256];
    /* "The truth" as the heading, the malware's name beside it in body type */
    snprintf(title, sizeof title, "%s", app_tr(a, "The truth"));
    ui_text_style ts = widget_style(layout_font_px(TYPE_HEADING, W, H), UI_FONT_BOLD, THEME_TEXT,
                                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    draw_text(d, g->truth_title, title, &ts);
    int tw = 0, th = 0;
    draw_measure(d, title, &ts, &tw, &th);
    int gap = layout_px(24, W, H);
    ui_rect mal = {g->truth_title.x + tw + gap, g->truth_title.y, g->truth_title.w - tw - gap,
                   g->truth_title.h};
    widget_text(d, mal, ml_get(&sc->malware, a->lang), layout_font_px(TYPE_BODY, W, H),
                UI_FONT_BOLD, THEME_BAD, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    end_draw_plan(a, d, g->plan, s);

    int px = layout_font_px(TYPE_BODY, W, H), small = layout_font_px(TYPE_SMALL, W, H);
    int line = layout_px(44, W, H), sline = layout_px(36, W, H);
    int y = g->list.y, listed = 0, infected = 0, clean = 0;
    for (size_t t = 0; t < sc->n_terminals; t++) {
        terminal_view tv;
        rules_terminal(s, fac, (int)t, &tv);
        if (!tv.infected) {
            clean++;
            continue;
        }
        infected++;
        if (listed >= END_MAX_LIST)
            continue;
        const terminal_def *td = &sc->terminals[t];
        const kind_def *kd = &rs->kinds[td->kind];
        char head[256], info[384], when[96];
        snprintf(head, sizeof head, "%s · %s · %s · %s", td->id,
                 ml_get(&sc->rooms[td->room].name, a->lang), ml_get(&td->owner, a->lang),
                 ml_get(&kd->name, a->lang));
        if (tv.infected_round <= 0)
            snprintf(when, sizeof when, "%s", app_tr(a, "infected before the game"));
        else
            snprintf(when, sizeof when, app_tr(a, "infected in round %d"), tv.infected_round);
        const char *ev = tv.evidence >= 2   ? app_tr(a, "evidence: full")
                         : tv.evidence == 1 ? app_tr(a, "evidence: disk only")
                                            : app_tr(a, "evidence: none");
        snprintf(info, sizeof info, "%s · %s · %s · %s",
                 app_tr(a, report_route_msgid(tv.true_route)), when,
                 tv.active ? app_tr(a, "still active") : app_tr(a, "contained"), ev);
        /* listed only when it, its facts as wrapped, the closing line and the legend all fit
         * (on a 720p window the facts take two lines and ran into the legend) */
        int info_h = widget_text_height(d, info, small, UI_FONT_REGULAR, g->list.w - line);
        info_h = info_h < sline ? sline : info_h > sline * 2 ? sline * 2 : info_h;
        if (y + line + info_h + layout_px(8, W, H) + sline > g->list.y + g->list.h - sline)
            continue;
        listed++;
        ui_rect dot = {g->list.x, y + line / 4, line / 2, line / 2};
        draw_circle(d, dot.x + dot.w / 2, dot.y + dot.h / 2, dot.w / 2,
                    UI_RGB(tv.active ? THEME_BAD : THEME_WARN));
        widget_text(d, (ui_rect){g->list.x + line, y, g->list.w - line, line}, head, px,
                    UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        y += line;
        /* the facts wrap onto a second line on small windows rather than lose the last one */
        ui_text_style is =
            widget_style(small, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP);
        is.wrap = true;
        int used =
            draw_text(d, (ui_rect){g->list.x + line, y, g->list.w - line, sline * 2}, info, &is);
        y += (used > sline ? used : sline) + layout_px(8, W, H);
    }
    char tail[192];
    if (infected == listed + 1)
        snprintf(tail, sizeof tail, "%s",
                 app_tr(a, "One more infected terminal is marked on the plan."));
    else if (infected > listed)
        snprintf(tail, sizeof tail, app_tr(a, "%d more infected terminals are marked on the plan."),
                 infected - listed);
    else
        snprintf(tail, sizeof tail, app_tr(a, "The other %d terminals were clean."), clean);
    if (infected == 0)
        snprintf(tail, sizeof tail, "%s", app_tr(a, "No terminal was infected."));
    widget_text(d, (ui_rect){g->list.x, y, g->list.w, sline}, tail, small, UI_FONT_REGULAR,
                THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);

    /* the plan's colours, along the panel's foot */
    static const char *const keys[3] = {"still active", "contained", "clean"};
    const uint32_t cols[3] = {THEME_BAD, THEME_WARN, widget_shade(THEME_GOOD, -35)};
    ui_text_style ks =
        widget_style(small, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int x = g->list.x, ly = g->list.y + g->list.h - sline, sw = sline * 2 / 3;
    for (int i = 0; i < 3; i++) {
        draw_round(d, (ui_rect){x, ly + (sline - sw) / 2, sw, sw}, sw / 4, UI_RGB(cols[i]));
        x += sw + layout_px(10, W, H);
        const char *label = app_tr(a, keys[i]);
        int kw = 0, kh = 0;
        draw_measure(d, label, &ks, &kw, &kh);
        draw_text(d, (ui_rect){x, ly, kw + 2, sline}, label, &ks);
        x += kw + layout_px(36, W, H);
    }
}

static void end_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    end_geom g;
    end_layout(a, &g);
    if (a->match) {
        const game_state *s = match_state(a->match);
        end_draw_banner(a, d, &g, s);
        if (a->solo.filed && a->solo.place == 0) {
            /* solo practice: a new personal best is said at once (the debrief has the rest) */
            ui_rect pb = layout_design_rect((ui_rect){1440, 50, 390, 64}, W, H);
            draw_round(d, pb, pb.h / 3, UI_RGB(THEME_ACCENT));
            draw_icon(d, UI_ICON_TRUST,
                      (ui_rect){pb.x + pb.h / 6, pb.y + pb.h / 6, pb.h * 2 / 3, pb.h * 2 / 3},
                      UI_RGB(THEME_TEXT_INK));
            /* the very first record is just that: "new personal best" on a lost first game
             * with 8 points read as a joke (the debrief says the same) */
            widget_text(
                d, layout_inset2(pb, pb.h, 0),
                app_tr(a, a->solo.prev_best < 0 ? "Your first record" : "New personal best!"),
                layout_font_px(TYPE_BODY, W, H), UI_FONT_BOLD, THEME_TEXT_INK,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        }
        end_draw_score(a, d, &g, s);
        end_draw_truth(a, d, &g, s);
    }
    static const char *const labels[END_BUTTONS] = {"Debrief", "New game", "Title"};
    for (int i = 0; i < END_BUTTONS; i++) {
        int flags =
            (i == END_DEBRIEF ? WF_PRIMARY : 0) | (a->end_focus == i ? WF_FOCUS | WF_HOVER : 0);
        widget_button(d, g.button[i], app_tr(a, labels[i]), layout_font_px(TYPE_LARGE, W, H),
                      flags);
    }
    widget_text(d, g.hint, app_tr(a, "D: debrief · N: new game · T or Esc: title"),
                layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    draw_end(d);
}

const screen_ops screen_end_ops = {
    .name = "end",
    .enter = end_enter,
    .leave = NULL,
    .input = end_input,
    .update = NULL,
    .draw = end_draw,
};
