/* screen_debrief.c: the debrief (ゲームを終えて), after every game in both modes: six pages
 * (the outcome and every score term; the truth on the floor plan; the timeline chart; what each
 * role did; key decisions and the facilitator's overrides; the learning points, tied to what
 * happened), the replay viewer and the after-action report export.
 *
 * The end screen leads here (its main button, or D): it stays the short summary a room sees at
 * once; the debrief is where the facilitator walks the group through what happened and why.
 * Keys: 1-6 or Left/Right pages, Up/Down/wheel scroll a long page, R replay, X export the
 * report, N new game, Esc or T title; Tab/Enter for the buttons. */
#define _POSIX_C_SOURCE 200809L

#include "app.h"
#include "chart.h"
#include "layout.h"
#include "report.h"
#include "widget.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DB_REPLAY = 0, DB_EXPORT, DB_NEW, DB_TITLE, DB_BUTTONS };

typedef struct db_geom {
    ui_rect title, subline, tab[DP_COUNT], panel, button[DB_BUTTONS], hint;
} db_geom;

static void db_layout(const app *a, db_geom *g)
{
    int W = a->width, H = a->height;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->title = R(60, 24, 1000, 84);
    g->subline = R(1080, 24, 780, 84);
    for (int i = 0; i < DP_COUNT; i++)
        g->tab[i] = R(60 + i * 302, 124, 290, 72);
    g->panel = R(60, 212, 1800, 746);
    g->hint = R(60, 978, 620, 80);
    g->button[DB_REPLAY] = R(700, 978, 280, 80);
    g->button[DB_EXPORT] = R(1000, 978, 340, 80);
    g->button[DB_NEW] = R(1360, 978, 260, 80);
    g->button[DB_TITLE] = R(1640, 978, 220, 80);
#undef R
}

/* A UI string: the debrief's own translation (msgctxt "debrief"), else the context-free one. */
static const char *db_tr(const app *a, const char *msgid)
{
    if (a->lang == LANG_JA && a->catalogue) {
        const char *t = i18n_pget(a->catalogue, "debrief", msgid);
        if (t != msgid)
            return t;
        t = i18n_pget(a->catalogue, "report", msgid);
        if (t != msgid)
            return t;
    }
    return app_tr(a, msgid);
}

static report_text db_rtext(const app *a)
{
    report_text t = {a->lang, a->catalogue};
    return t;
}

static const char *const db_page_names[DP_COUNT] = {
    "Outcome and score",       "The truth",      "Timeline", "What each role did",
    "Decisions and overrides", "Learning points"};

static int db_px(const app *a, layout_type t)
{
    return layout_font_px(t, a->width, a->height);
}

static int db_d(const app *a, int px1080)
{
    return layout_px(px1080, a->width, a->height);
}

/* ---- the export ---- */

/* Writes the report into the user's data folder (reports/<date>-<scenario>-<seed>/). */
static void db_export(app *a)
{
    debrief_ui *ui = &a->debrief;
    ui->message_bad = true;
    if (!a->match) {
        snprintf(ui->message, sizeof ui->message, "%s", db_tr(a, "There is no game to report."));
        return;
    }
    if (!a->pref_dir) {
        snprintf(ui->message, sizeof ui->message, "%s",
                 db_tr(a, "There is no user data folder to write the report to."));
        return;
    }
    const game_state *s = match_state(a->match);
    char stamp[32];
    time_t now = time(NULL);
    struct tm tmv;
    if (!localtime_r(&now, &tmv) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", &tmv))
        snprintf(stamp, sizeof stamp, "report");
    char rel[256];
    snprintf(rel, sizeof rel, "reports/%s-%s-%" PRIu64, stamp, state_scenario(s)->id,
             state_setup(s)->seed);
    char *dir = data_path_join(a->pref_dir, rel);
    char why[256] = "";
    if (!report_mkdirs(dir)) {
        snprintf(ui->message, sizeof ui->message, "%s: %s", db_tr(a, "Cannot make the folder"),
                 dir);
    } else if (!report_write(dir, a->match, a->catalogue, REPORT_BOTH, a->content_root, why,
                             sizeof why)) {
        snprintf(ui->message, sizeof ui->message, "%s: %s", db_tr(a, "The report failed"), why);
    } else {
        snprintf(ui->message, sizeof ui->message, "%s %s/report.md", db_tr(a, "Report written:"),
                 dir);
        ui->message_bad = false;
        printf("malcon: report %s\n", dir);
        fflush(stdout);
    }
    free(dir);
}

/* ---- input ---- */

static void db_enter(app *a)
{
    debrief_ui *ui = &a->debrief;
    if (ui->page < 0 || ui->page >= DP_COUNT)
        ui->page = DP_SCORE;
    ui->focus = -1; /* no button ring until Tab or the mouse asks for one */
    solo_sync(a);
}

static void db_leave(app *a)
{
    a->solo.notice[0] = '\0'; /* told once */
}

static void db_activate(app *a, int b)
{
    switch (b) {
    case DB_REPLAY:
        if (a->match) {
            a->replay.back = SCR_DEBRIEF;
            app_goto(a, SCR_REPLAY);
        }
        break;
    case DB_EXPORT:
        db_export(a);
        break;
    case DB_NEW:
        app_goto(a, a->rs ? SCR_SETUP : SCR_TITLE);
        break;
    default:
        app_goto(a, SCR_TITLE);
        break;
    }
}

static void db_page(app *a, int p)
{
    a->debrief.page = (p % DP_COUNT + DP_COUNT) % DP_COUNT;
}

static void db_scroll(app *a, int delta)
{
    int *s = &a->debrief.scroll[a->debrief.page];
    *s += delta;
    if (*s < 0)
        *s = 0;
    if (*s > 400)
        *s = 400; /* the drawing stops at the end of the content anyway */
}

static void db_input(app *a, const ui_input *in)
{
    db_geom g;
    db_layout(a, &g);
    debrief_ui *ui = &a->debrief;
    if (in->type == IN_KEY) {
        ui_key k = in->key;
        if (k >= KEY_1 && k < KEY_1 + DP_COUNT) {
            db_page(a, (int)(k - KEY_1));
            return;
        }
        switch (k) {
        case KEY_LEFT:
            db_page(a, ui->page - 1);
            break;
        case KEY_RIGHT:
            db_page(a, ui->page + 1);
            break;
        case KEY_UP:
            db_scroll(a, -1);
            break;
        case KEY_DOWN:
            db_scroll(a, 1);
            break;
        case KEY_PAGEUP:
            db_scroll(a, -5);
            break;
        case KEY_PAGEDOWN:
            db_scroll(a, 5);
            break;
        case KEY_HOME:
            ui->scroll[ui->page] = 0;
            break;
        case KEY_TAB:
            ui->focus = (in->mods & MOD_SHIFT) ? (ui->focus <= 0 ? DB_BUTTONS - 1 : ui->focus - 1)
                                               : (ui->focus + 1) % DB_BUTTONS;
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            if (ui->focus >= 0)
                db_activate(a, ui->focus);
            else
                db_page(a, ui->page + 1);
            break;
        case KEY_R:
            db_activate(a, DB_REPLAY);
            break;
        case KEY_X:
            db_activate(a, DB_EXPORT);
            break;
        case KEY_N:
            db_activate(a, DB_NEW);
            break;
        case KEY_ESCAPE:
        case KEY_T:
            db_activate(a, DB_TITLE);
            break;
        default:
            break;
        }
    } else if (in->type == IN_MOUSE_MOVE) {
        for (int i = 0; i < DB_BUTTONS; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                ui->focus = i;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < DP_COUNT; i++)
            if (ui_rect_contains(g.tab[i], in->x, in->y))
                db_page(a, i);
        for (int i = 0; i < DB_BUTTONS; i++)
            if (ui_rect_contains(g.button[i], in->x, in->y))
                db_activate(a, i);
    } else if (in->type == IN_WHEEL) {
        if (ui_rect_contains(g.panel, in->x, in->y))
            db_scroll(a, in->dy > 0 ? -1 : 1);
    }
}

/* ---- drawing helpers ---- */

static int db_text(ui_draw *d, ui_rect r, const char *s, int px, ui_font_style st, uint32_t rgb,
                   int align, bool wrap)
{
    ui_text_style ts = widget_style(px, st, rgb, align);
    ts.wrap = wrap;
    return draw_text(d, r, s, &ts);
}

/* The height text takes wrapped at width w (measured through the drawer's own wrap). */
static int db_height(ui_draw *d, const char *s, int px, ui_font_style st, int w)
{
    /* drawing outside the target measures without showing anything */
    ui_text_style ts = widget_style(px, st, THEME_TEXT, UI_ALIGN_LEFT);
    ts.wrap = true;
    ts.ellipsis = false;
    ui_rect off = {-100000, -100000, w, 100000};
    return draw_text(d, off, s, &ts);
}

static void db_heading(const app *a, ui_draw *d, ui_rect r, const char *s)
{
    db_text(d, r, s, db_px(a, TYPE_HEADING), UI_FONT_BOLD, THEME_TEXT,
            UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
}

/* ---- page 1: the outcome and every score term ---- */

/* The detail of score term i ("2 rounds left x 5", ...) into out. */
static void db_term_detail(const app *a, const game_state *s, const score_view *sv, int i,
                           char *out, size_t n)
{
    const scenario_def *sc = state_scenario(s);
    const score_weights *w = &sc->score;
    outcome o = rules_outcome(s);
    bool won = rules_outcome_won(o);
    out[0] = '\0';
    switch ((score_term)i) {
    case ST_WIN:
        snprintf(out, n, "%s", won ? db_tr(a, "the attacker is out") : db_tr(a, "not contained"));
        break;
    case ST_ROUNDS_LEFT:
        snprintf(out, n, db_tr(a, "%d rounds left x %d"), sv->rounds_left, w->per_round_left);
        break;
    case ST_EVIDENCE:
        snprintf(out, n, db_tr(a, "full %d/%d, disk only %d"), sv->evidence_full,
                 sv->infected_total, sv->evidence_partial);
        break;
    case ST_TRUST:
        snprintf(out, n, db_tr(a, "Trust %d x %d"), rules_track(s, TRACK_TRUST), w->per_trust);
        break;
    case ST_BRIEFING:
        snprintf(out, n, "%s",
                 rules_flag(s, FLAG_BRIEFING_PREPARED) ? db_tr(a, "the briefing was prepared")
                                                       : db_tr(a, "the briefing was not prepared"));
        break;
    case ST_TIME: {
        int left = solo_seconds_shown(a, s);
        if (left < 0) {
            snprintf(out, n, "%s",
                     state_setup(s)->mode == MODE_SOLO ? db_tr(a, "no time limit")
                                                       : db_tr(a, "solo practice only"));
        } else {
            char t1[16], t2[16];
            solo_format_time(left, t1, sizeof t1);
            solo_format_time(sc->solo_seconds, t2, sizeof t2);
            snprintf(out, n, db_tr(a, "%s left of %s (when won)"), t1, t2);
        }
        break;
    }
    case ST_LEAK:
        snprintf(out, n, db_tr(a, "Leak %d x -%d"), rules_track(s, TRACK_LEAK), w->per_leak);
        break;
    case ST_IMPACT:
        snprintf(out, n, db_tr(a, "Business impact %d x -%d"), rules_track(s, TRACK_IMPACT),
                 w->per_impact);
        break;
    default:
        break;
    }
}

static void db_draw_score(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    outcome o = rules_outcome(s);
    bool won = rules_outcome_won(o);
    score_view sv;
    rules_score(s, &sv);
    int pad = db_d(a, 32);
    ui_rect left = {p.x + pad, p.y + pad, p.w * 38 / 100, p.h - 2 * pad};
    ui_rect right = {left.x + left.w + pad, p.y + pad, p.x + p.w - pad - (left.x + left.w + pad),
                     p.h - 2 * pad};
    /* the outcome: a coloured plate with an icon and a word (never colour alone) */
    uint32_t col = won ? THEME_GOOD : THEME_BAD;
    ui_rect plate = {left.x, left.y, left.w, db_d(a, 200)};
    draw_round(d, plate, db_d(a, 24), UI_RGBA(widget_shade(col, -55), 235));
    draw_stroke_round(d, plate, db_d(a, 24), db_d(a, 4), UI_RGB(col));
    int ic = db_d(a, 120);
    ui_rect icr = {plate.x + db_d(a, 30), plate.y + (plate.h - ic) / 2, ic, ic};
    draw_circle(d, icr.x + ic / 2, icr.y + ic / 2, ic / 2, UI_RGB(col));
    draw_icon(d, won ? UI_ICON_CLEAN : UI_ICON_INFECTED, layout_inset(icr, ic / 5),
              UI_RGB(THEME_TEXT_INK));
    ui_rect tx = {icr.x + ic + db_d(a, 24), plate.y + db_d(a, 16),
                  plate.x + plate.w - (icr.x + ic + db_d(a, 40)), plate.h - db_d(a, 32)};
    db_text(d, (ui_rect){tx.x, tx.y, tx.w, tx.h / 2},
            won ? app_tr(a, "Contained") : app_tr(a, "Not contained"), db_d(a, 60), UI_FONT_BOLD,
            THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
    db_text(d, (ui_rect){tx.x, tx.y + tx.h / 2, tx.w, tx.h / 2}, rules_outcome_name(o, a->lang),
            db_px(a, TYPE_BODY), UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    /* the score and the rank */
    int y = plate.y + plate.h + db_d(a, 28);
    char buf[160];
    snprintf(buf, sizeof buf, "%d", sv.total);
    ui_text_style big =
        widget_style(db_d(a, 120), UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_rect num = {left.x, y, left.w / 2, db_d(a, 140)};
    draw_text(d, num, buf, &big);
    int bw = 0, bh = 0;
    draw_measure(d, buf, &big, &bw, &bh);
    db_text(d, (ui_rect){left.x + bw + db_d(a, 12), y, db_d(a, 160), db_d(a, 120)}, "/ 100",
            db_px(a, TYPE_BODY), UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_BOTTOM,
            false);
    ui_rect rk = {left.x + left.w - db_d(a, 150), y + db_d(a, 10), db_d(a, 150), db_d(a, 120)};
    uint32_t rc = widget_rank_color(sv.rank);
    draw_round(d, rk, rk.h / 4, UI_RGB(rc));
    snprintf(buf, sizeof buf, "%c", sv.rank ? sv.rank : '-');
    db_text(d, (ui_rect){rk.x, rk.y, rk.w, rk.h * 7 / 10}, buf, db_d(a, 72), UI_FONT_BOLD,
            THEME_TEXT_INK, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
    db_text(d, (ui_rect){rk.x, rk.y + rk.h * 13 / 20, rk.w, rk.h * 3 / 10}, app_tr(a, "rank"),
            db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_TEXT_INK,
            UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
    y += db_d(a, 160);
    /* solo: the time, and the records */
    ui_rect info = {left.x, y, left.w, left.y + left.h - y};
    int body = db_px(a, TYPE_BODY);
    const scenario_def *sc = state_scenario(s);
    clock_view cv;
    rules_clock(s, &cv);
    snprintf(buf, sizeof buf, db_tr(a, "Rounds played: %d of %d"), cv.round, cv.rounds);
    info.y += db_text(d, info, buf, body, UI_FONT_REGULAR, THEME_TEXT,
                      UI_ALIGN_LEFT | UI_VALIGN_TOP, true) +
              db_d(a, 8);
    int infected = sv.infected_total, overrides = 0;
    const log_buf *log = match_log(a->match);
    for (size_t i = 0; i < log->count; i++)
        overrides += log->items[i].type == LOG_OVERRIDE;
    snprintf(buf, sizeof buf, db_tr(a, "Infected terminals: %d · facilitator overrides: %d"),
             infected, overrides);
    info.y += db_text(d, info, buf, body, UI_FONT_REGULAR, THEME_TEXT,
                      UI_ALIGN_LEFT | UI_VALIGN_TOP, true) +
              db_d(a, 8);
    int left_s = solo_seconds_shown(a, s);
    if (left_s >= 0) {
        char t1[16], t2[16];
        solo_format_time(sc->solo_seconds - left_s, t1, sizeof t1);
        solo_format_time(sc->solo_seconds, t2, sizeof t2);
        snprintf(buf, sizeof buf, db_tr(a, "Time used: %s of %s"), t1, t2);
        info.y += db_text(d, info, buf, body, UI_FONT_REGULAR, THEME_TEXT,
                          UI_ALIGN_LEFT | UI_VALIGN_TOP, true) +
                  db_d(a, 12);
    }
    const app_solo *so = &a->solo;
    if (so->filed) {
        uint32_t ink = THEME_TEXT;
        if (so->place == 0) {
            if (so->prev_best >= 0)
                snprintf(buf, sizeof buf, db_tr(a, "New personal best! (before: %d)"),
                         so->prev_best);
            else
                snprintf(buf, sizeof buf, "%s", db_tr(a, "New personal best! (your first record)"));
            ink = THEME_ACCENT;
            ui_rect star = {info.x, info.y, db_d(a, 44), db_d(a, 44)};
            draw_icon(d, UI_ICON_TRUST, star, UI_RGB(THEME_ACCENT));
            info.x += star.w + db_d(a, 10);
            info.w -= star.w + db_d(a, 10);
        } else if (so->place > 0) {
            snprintf(buf, sizeof buf, db_tr(a, "Place %d in your records for this scenario"),
                     so->place + 1);
        } else {
            snprintf(buf, sizeof buf, "%s", db_tr(a, "Not in your top 10 for this scenario"));
        }
        info.y +=
            db_text(d, info, buf, body, UI_FONT_BOLD, ink, UI_ALIGN_LEFT | UI_VALIGN_TOP, true) +
            db_d(a, 12);
    }
    if (so->notice[0])
        db_text(d, info, so->notice, db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_WARN,
                UI_ALIGN_LEFT | UI_VALIGN_TOP, true);

    /* every term, with how it was made */
    db_heading(a, d, (ui_rect){right.x, right.y, right.w, db_d(a, 56)},
               db_tr(a, "Every score term"));
    int rh = (right.h - db_d(a, 70)) / (ST_COUNT + 1);
    rh = rh > db_d(a, 76) ? db_d(a, 76) : rh;
    int ry = right.y + db_d(a, 70);
    for (int i = 0; i < ST_COUNT; i++) {
        ui_rect row = {right.x, ry + i * rh, right.w, rh - db_d(a, 6)};
        if (i % 2 == 0)
            draw_round(d, row, row.h / 5, UI_RGBA(THEME_TABLE_DEEP, 130));
        ui_rect in = layout_inset2(row, db_d(a, 16), 0);
        int pts = sv.term[i];
        db_text(d, (ui_rect){in.x, in.y, in.w * 32 / 100, in.h},
                rules_score_term_name((score_term)i, a->lang), body, UI_FONT_BOLD,
                pts ? THEME_TEXT : THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        char det[192];
        db_term_detail(a, s, &sv, i, det, sizeof det);
        db_text(d, (ui_rect){in.x + in.w * 33 / 100, in.y, in.w * 52 / 100, in.h}, det,
                db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        if (pts)
            snprintf(buf, sizeof buf, "%+d", pts);
        else
            snprintf(buf, sizeof buf, "0");
        db_text(d, in, buf, body, UI_FONT_BOLD,
                pts > 0   ? THEME_GOOD
                : pts < 0 ? THEME_BAD
                          : THEME_TEXT_DIM,
                UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE, false);
    }
    ui_rect tot = {right.x, ry + ST_COUNT * rh, right.w, rh};
    draw_line(d, tot.x, tot.y, tot.x + tot.w, tot.y, db_d(a, 3), UI_RGB(THEME_PANEL_EDGE));
    ui_rect tin = layout_inset2(tot, db_d(a, 16), 0);
    db_text(d, tin, db_tr(a, "Total (0 to 100)"), body, UI_FONT_BOLD, THEME_TEXT,
            UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
    snprintf(buf, sizeof buf, "%d", sv.total);
    db_text(d, tin, buf, db_px(a, TYPE_LARGE), UI_FONT_BOLD, THEME_ACCENT,
            UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE, false);
}

/* ---- page 2: the truth on the floor plan ---- */

static void db_draw_truth(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(a->match, tr);
    int pad = db_d(a, 28);
    int small = db_px(a, TYPE_SMALL), body = db_px(a, TYPE_BODY);
    int head_h = body * 2 + db_d(a, 8);
    ui_rect plan = {p.x + pad, p.y + pad + head_h, p.w * 64 / 100,
                    p.h - 2 * pad - head_h - small - db_d(a, 16)};
    ui_rect list = {plan.x + plan.w + pad, p.y + pad, p.x + p.w - pad - (plan.x + plan.w + pad),
                    p.h - 2 * pad};
    char head[256];
    snprintf(head, sizeof head, "%s: %s", db_tr(a, "The malware"), ml_get(&sc->malware, a->lang));
    db_text(d, (ui_rect){plan.x, p.y + pad, plan.w, head_h}, head, body, UI_FONT_BOLD, THEME_TEXT,
            UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    int gap = db_d(a, 8);
    ui_rect card[RULES_MAX_TERMINALS];
    memset(card, 0, sizeof card);
    for (size_t r = 0; r < sc->n_rooms; r++) {
        const room_def *rd = &sc->rooms[r];
        ui_rect rr = {plan.x + plan.w * rd->x / 100, plan.y + plan.h * rd->y / 100,
                      plan.w * rd->w / 100 - gap, plan.h * rd->h / 100 - gap};
        draw_round(d, rr, db_d(a, 12), UI_RGBA(THEME_TABLE_DEEP, 210));
        draw_stroke_round(d, rr, db_d(a, 12), 1, UI_RGB(THEME_PANEL_EDGE));
        ui_rect name = {rr.x + gap, rr.y + gap / 2, rr.w - 2 * gap, small + gap};
        db_text(d, name, ml_get(&rd->name, a->lang), small, UI_FONT_BOLD, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        int n = 0;
        for (size_t t = 0; t < sc->n_terminals; t++)
            n += sc->terminals[t].room == (int)r;
        int top = name.y + name.h + gap / 2;
        int avail_w = rr.w - 2 * gap, avail_h = rr.y + rr.h - gap - top;
        /* cards as big as the room allows, but card-shaped: never a wall of colour */
        int cw = n > 0 ? (avail_w - (n - 1) * gap) / n : avail_w;
        cw = cw > db_d(a, 250) ? db_d(a, 250) : cw;
        int ch = avail_h > db_d(a, 190) ? db_d(a, 190) : avail_h;
        int k = 0;
        for (size_t t = 0; t < sc->n_terminals && t < RULES_MAX_TERMINALS; t++) {
            if (sc->terminals[t].room != (int)r)
                continue;
            const report_terminal *rt = &tr[t];
            ui_rect c = {rr.x + gap + k * (cw + gap), top, cw, ch > 8 ? ch : 8};
            card[t] = c;
            uint32_t col = rt->infected ? (rt->active ? THEME_BAD : THEME_WARN)
                           : rt->wrong  ? widget_shade(THEME_WARN, -40)
                                        : widget_shade(THEME_GOOD, -45);
            draw_round(d, c, db_d(a, 10), UI_RGB(col));
            const kind_def *kd = &rs->kinds[sc->terminals[t].kind];
            int ic = small + db_d(a, 6);
            draw_icon(d, rt->infected ? UI_ICON_INFECTED : widget_kind_icon(kd->icon),
                      (ui_rect){c.x + gap / 2, c.y + gap / 2, ic, ic}, UI_RGB(THEME_TEXT));
            db_text(d, (ui_rect){c.x + ic + gap, c.y + gap / 2, c.w - ic - gap * 3 / 2, ic},
                    sc->terminals[t].id, small, UI_FONT_BOLD, THEME_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
            /* the facts under the id, one per line: how and when, found, contained */
            char facts[256], part[96];
            facts[0] = '\0';
            if (rt->infected) {
                /* short words: three cards may share a narrow room */
                const char *how = rt->route == ROUTE_MAIL      ? db_tr(a, "mail")
                                  : rt->route == ROUTE_DRIVEBY ? db_tr(a, "web")
                                  : rt->route == ROUTE_USB     ? db_tr(a, "USB")
                                                               : db_tr(a, "spread");
                snprintf(facts, sizeof facts, db_tr(a, "%s R%d"), how,
                         rt->infected_round > 0 ? rt->infected_round : 0);
                size_t L = strlen(facts);
                if (rt->found_round)
                    snprintf(part, sizeof part, db_tr(a, "found R%d"), rt->found_round);
                else
                    snprintf(part, sizeof part, "%s", db_tr(a, "never found"));
                snprintf(facts + L, sizeof facts - L, "\n%s", part);
                L = strlen(facts);
                if (rt->isolated_round)
                    snprintf(part, sizeof part, db_tr(a, "contained R%d"), rt->isolated_round);
                else
                    snprintf(part, sizeof part, "%s", db_tr(a, "still active"));
                snprintf(facts + L, sizeof facts - L, "\n%s", part);
            } else if (rt->wrong) {
                snprintf(facts, sizeof facts, "%s\n", db_tr(a, "clean"));
                size_t L = strlen(facts);
                snprintf(facts + L, sizeof facts - L, db_tr(a, "cut off R%d"), rt->isolated_round);
            } else {
                snprintf(facts, sizeof facts, "%s", db_tr(a, "clean"));
            }
            ui_rect fr = {c.x + gap / 2, c.y + ic + gap, c.w - gap, c.h - ic - gap * 3 / 2};
            if (fr.h >= small) {
                /* a narrow card steps the words down (never under the legible minimum) before
                 * it wraps them */
                ui_text_style fs =
                    widget_style(small, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
                int fw = 0, fh = 0;
                draw_measure(d, facts, &fs, &fw, &fh);
                while (fw > fr.w && fs.px > LAYOUT_MIN_TEXT_PX) {
                    fs.px--;
                    draw_measure(d, facts, &fs, &fw, &fh);
                }
                fs.wrap = true;
                draw_text(d, fr, facts, &fs);
            }
            k++;
        }
    }
    /* the hidden spread, now shown: an arrow from the card it came from */
    for (size_t t = 0; t < sc->n_terminals && t < RULES_MAX_TERMINALS; t++) {
        int from = tr[t].spread_from;
        if (from < 0 || card[from].w == 0 || card[t].w == 0)
            continue;
        int x0 = card[from].x + card[from].w / 2, y0 = card[from].y + card[from].h / 2;
        int x1 = card[t].x + card[t].w / 2, y1 = card[t].y + card[t].h / 2;
        /* from edge to edge, not centre to centre: the line ran through both cards' words
         * ("found R1", "never found") */
        int dx = x1 - x0, dy = y1 - y0;
        if (dx != 0 || dy != 0) {
            /* the fraction of the centre-to-centre line inside each card (1000 = all of it) */
            long ax = dx < 0 ? -dx : dx, ay = dy < 0 ? -dy : dy;
            long f0 = 1000, f1 = 1000;
            if (ax)
                f0 = 1000L * card[from].w / 2 / ax, f1 = 1000L * card[t].w / 2 / ax;
            if (ay) {
                long g0 = 1000L * card[from].h / 2 / ay, g1 = 1000L * card[t].h / 2 / ay;
                f0 = ax && f0 < g0 ? f0 : g0;
                f1 = ax && f1 < g1 ? f1 : g1;
            }
            if (f0 + f1 < 1000) { /* the cards do not overlap along the line */
                int sx = x0 + (int)(dx * f0 / 1000), sy = y0 + (int)(dy * f0 / 1000);
                x1 -= (int)(dx * f1 / 1000);
                y1 -= (int)(dy * f1 / 1000);
                x0 = sx;
                y0 = sy;
            }
        }
        int th = db_d(a, 6);
        draw_line(d, x0, y0, x1, y1, th + 4, UI_RGB(THEME_TABLE_DEEP));
        draw_line(d, x0, y0, x1, y1, th, UI_RGB(THEME_BAD));
        draw_circle(d, x1, y1, th * 2, UI_RGB(THEME_BAD));
        draw_circle(d, x0, y0, th, UI_RGB(THEME_BAD));
    }
    /* the list: every infected (and wrongly isolated) terminal in words */
    db_heading(a, d, (ui_rect){list.x, list.y, list.w, db_d(a, 50)},
               db_tr(a, "What really happened"));
    int y = list.y + db_d(a, 64);
    int skip = a->debrief.scroll[DP_TRUTH];
    int listed = 0;
    for (size_t t = 0; t < sc->n_terminals; t++) {
        const report_terminal *rt = &tr[t];
        if (!rt->infected && !rt->wrong)
            continue;
        if (listed++ < skip)
            continue;
        char line[512], part[160];
        const terminal_def *td = &sc->terminals[t];
        snprintf(line, sizeof line, "%s · %s", td->id, ml_get(&sc->rooms[td->room].name, a->lang));
        if (y + body + small > list.y + list.h)
            break;
        uint32_t col = !rt->infected ? THEME_WARN : rt->active ? THEME_BAD : THEME_GOOD;
        draw_icon(d, rt->infected ? UI_ICON_INFECTED : UI_ICON_ISOLATED,
                  (ui_rect){list.x, y, body + 4, body + 4}, UI_RGB(col));
        y +=
            db_text(
                d, (ui_rect){list.x + body + db_d(a, 14), y, list.w - body - db_d(a, 14), body + 6},
                line, body, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false) +
            4;
        line[0] = '\0';
        if (!rt->infected) {
            snprintf(line, sizeof line,
                     db_tr(a, "Clean, but isolated in round %d: Business impact +1"),
                     rt->isolated_round);
        } else {
            if (rt->infected_round <= 0)
                snprintf(part, sizeof part, "%s", db_tr(a, "infected before the game"));
            else
                snprintf(part, sizeof part, db_tr(a, "infected in round %d"), rt->infected_round);
            snprintf(line, sizeof line, "%s · %s", app_tr(a, report_route_msgid(rt->route)), part);
            if (rt->spread_from >= 0) {
                snprintf(part, sizeof part, db_tr(a, "spread from %s"),
                         sc->terminals[rt->spread_from].id);
                size_t L = strlen(line);
                snprintf(line + L, sizeof line - L, " · %s", part);
            }
            if (rt->found_round)
                snprintf(part, sizeof part, db_tr(a, "found in round %d"), rt->found_round);
            else
                snprintf(part, sizeof part, "%s", db_tr(a, "never found"));
            size_t L = strlen(line);
            snprintf(line + L, sizeof line - L, " · %s", part);
            if (rt->isolated_round)
                snprintf(part, sizeof part, db_tr(a, "contained in round %d"), rt->isolated_round);
            else
                snprintf(part, sizeof part, "%s", db_tr(a, "still active"));
            L = strlen(line);
            snprintf(line + L, sizeof line - L, " · %s · %s", part,
                     rt->evidence >= 2   ? app_tr(a, "evidence: full")
                     : rt->evidence == 1 ? app_tr(a, "evidence: disk only")
                                         : app_tr(a, "evidence: none"));
            if (rt->lost_to_isolation) {
                L = strlen(line);
                snprintf(line + L, sizeof line - L, " · %s",
                         db_tr(a, "memory lost: contained before it was preserved"));
            }
        }
        int used = db_text(d,
                           (ui_rect){list.x + body + db_d(a, 14), y, list.w - body - db_d(a, 14),
                                     list.y + list.h - y},
                           line, small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                           UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
        y += used + db_d(a, 18);
    }
    if (listed == 0)
        db_text(d, (ui_rect){list.x, y, list.w, body * 3}, app_tr(a, "No terminal was infected."),
                body, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    /* the colours' meaning, at the plan's foot */
    static const char *const keys[4] = {"still active", "contained", "clean", "clean, cut off"};
    const uint32_t cols[4] = {THEME_BAD, THEME_WARN, widget_shade(THEME_GOOD, -45),
                              widget_shade(THEME_WARN, -40)};
    int x = plan.x, ly = plan.y + plan.h + db_d(a, 10);
    for (int i = 0; i < 4; i++) {
        int sw = small;
        draw_round(d, (ui_rect){x, ly, sw, sw}, sw / 4, UI_RGB(cols[i]));
        x += sw + db_d(a, 8);
        const char *label = i == 3 ? db_tr(a, keys[i]) : app_tr(a, keys[i]);
        ui_text_style ks =
            widget_style(small, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        int kw = 0, kh = 0;
        draw_measure(d, label, &ks, &kw, &kh);
        draw_text(d, (ui_rect){x, ly, kw + 2, sw}, label, &ks);
        x += kw + db_d(a, 30);
    }
}

/* ---- page 3: the timeline chart ---- */

static void db_draw_timeline(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    chart_data c;
    chart_compute(&c, a->match);
    report_text t = db_rtext(a);
    ui_rect area = layout_inset2(p, db_d(a, 24), db_d(a, 20));
    chart_draw(d, area, &c, s, &t, db_px(a, TYPE_SMALL));
}

/* ---- lists of lines (roles, decisions, overrides) ---- */

/* Draws lines from `first` on in r, each "R<round>" + text, wrapped; returns the y reached. */
static int db_draw_lines(const app *a, ui_draw *d, ui_rect r, const report_lines *ls, size_t first,
                         int px, bool *more)
{
    int y = r.y;
    *more = false;
    int tag_w = px * 2 + db_d(a, 12);
    for (size_t i = first; i < ls->count; i++) {
        int h = db_height(d, ls->items[i].text, px, UI_FONT_REGULAR, r.w - tag_w);
        if (y + h > r.y + r.h) {
            *more = true;
            break;
        }
        if (ls->items[i].round >= 0) {
            char tag[32];
            if (ls->items[i].round > 0)
                snprintf(tag, sizeof tag, db_tr(a, "R%d"), ls->items[i].round);
            else
                snprintf(tag, sizeof tag, "%s", db_tr(a, "R0")); /* setup */
            db_text(d, (ui_rect){r.x, y, tag_w - db_d(a, 8), px + 6}, tag, px, UI_FONT_BOLD,
                    THEME_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_TOP, false);
        }
        db_text(d, (ui_rect){r.x + tag_w, y, r.w - tag_w, h + 4}, ls->items[i].text, px,
                UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
        y += h + db_d(a, 6);
    }
    return y;
}

static void db_more(const app *a, ui_draw *d, ui_rect r, bool more, int scroll)
{
    if (!more && scroll == 0)
        return;
    const char *s =
        more ? db_tr(a, "More below: Down or the wheel") : db_tr(a, "Up: back to the top");
    db_text(d, r, s, db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_TEXT_DIM,
            UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE, false);
}

/* ---- page 4: what each role did ---- */

static void db_draw_roles(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    report_text t = db_rtext(a);
    int n = (int)sc->n_roles;
    if (n <= 0)
        return;
    int cols = n <= 4 ? n : (n + 1) / 2, rows = n <= 4 ? 1 : 2;
    ui_rect area = layout_inset(p, db_d(a, 24));
    int foot = db_px(a, TYPE_SMALL) + db_d(a, 8);
    area.h -= foot;
    int scroll = a->debrief.scroll[DP_ROLES];
    bool any_more = false;
    for (int i = 0; i < n; i++) {
        ui_rect cell = layout_grid_cell(area, cols, rows, db_d(a, 20), i);
        int role = sc->roles[i];
        const role_def *ro = &rs->roles[role];
        draw_round(d, cell, db_d(a, 16), UI_RGBA(THEME_TABLE_DEEP, 150));
        draw_round(d, (ui_rect){cell.x, cell.y, cell.w, db_d(a, 8)}, db_d(a, 4),
                   UI_RGB(ro->color & 0xFFFFFF));
        int hh = db_d(a, 64);
        ui_rect icr = {cell.x + db_d(a, 14), cell.y + db_d(a, 18), hh - db_d(a, 10),
                       hh - db_d(a, 10)};
        draw_circle(d, icr.x + icr.w / 2, icr.y + icr.h / 2, icr.w / 2,
                    UI_RGB(ro->color & 0xFFFFFF));
        ui_icon ic = widget_role_icon(ro->id);
        if (ic != UI_ICON_NONE)
            draw_icon(d, ic, layout_inset(icr, icr.w / 5), UI_RGB(THEME_TEXT_INK));
        char head[160];
        int pl = rules_role_player(s, role);
        snprintf(head, sizeof head, "%s", ml_get(&ro->name, a->lang));
        ui_rect hr = {icr.x + icr.w + db_d(a, 12), cell.y + db_d(a, 12),
                      cell.w - icr.w - db_d(a, 40), hh / 2 + db_d(a, 4)};
        db_text(d, hr, head, db_px(a, TYPE_BODY), UI_FONT_BOLD, THEME_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
        char pbuf[RULES_NAME_MAX + 16];
        if (pl >= 0)
            db_text(d, (ui_rect){hr.x, hr.y + hr.h, hr.w, hh / 2},
                    report_player_name(&t, pl, state_setup(s)->player[pl], pbuf, sizeof pbuf),
                    db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_TEXT_DIM,
                    UI_ALIGN_LEFT | UI_VALIGN_TOP, false);
        report_lines ls = {0};
        report_role_actions(a->match, role, &t, &ls);
        ui_rect body = {cell.x + db_d(a, 14), cell.y + hh + db_d(a, 26), cell.w - db_d(a, 28),
                        cell.h - hh - db_d(a, 30)};
        if (ls.count == 0) {
            db_text(d, body, db_tr(a, "No action."), db_px(a, TYPE_SMALL), UI_FONT_REGULAR,
                    THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP, false);
        } else {
            bool more = false;
            size_t first = (size_t)scroll < ls.count ? (size_t)scroll : ls.count - 1;
            db_draw_lines(a, d, body, &ls, first, db_px(a, TYPE_BODY), &more);
            any_more = any_more || more;
        }
        report_lines_free(&ls);
    }
    db_more(a, d, (ui_rect){area.x, area.y + area.h + db_d(a, 4), area.w, foot}, any_more, scroll);
}

/* ---- page 5: key decisions and the facilitator's overrides ---- */

static void db_draw_decisions(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    (void)s;
    report_text t = db_rtext(a);
    int pad = db_d(a, 28);
    ui_rect left = {p.x + pad, p.y + pad, p.w * 60 / 100 - pad, p.h - 2 * pad};
    ui_rect right = {left.x + left.w + pad * 2, p.y + pad,
                     p.x + p.w - pad - (left.x + left.w + pad * 2), p.h - 2 * pad};
    draw_line(d, right.x - pad, right.y, right.x - pad, right.y + right.h, 2,
              UI_RGB(THEME_PANEL_EDGE));
    int hh = db_d(a, 56), foot = db_px(a, TYPE_SMALL) + db_d(a, 8);
    db_heading(a, d, (ui_rect){left.x, left.y, left.w, hh},
               db_tr(a, "Key decisions and their consequences"));
    report_lines ls = {0};
    report_decisions(a->match, &t, &ls);
    int scroll = a->debrief.scroll[DP_OVERRIDES];
    bool more = false;
    ui_rect body = {left.x, left.y + hh + db_d(a, 12), left.w, left.h - hh - db_d(a, 12) - foot};
    if (ls.count)
        db_draw_lines(a, d, body, &ls, (size_t)scroll < ls.count ? (size_t)scroll : ls.count - 1,
                      db_px(a, TYPE_SMALL), &more);
    else
        db_text(d, body, db_tr(a, "No decision was recorded."), db_px(a, TYPE_BODY),
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    report_lines_free(&ls);
    db_more(a, d, (ui_rect){left.x, left.y + left.h - foot, left.w, foot}, more, scroll);

    db_heading(a, d, (ui_rect){right.x, right.y, right.w, hh}, db_tr(a, "Facilitator overrides"));
    report_overrides(a->match, &t, &ls);
    ui_rect ob = {right.x, right.y + hh + db_d(a, 12), right.w, right.h - hh - db_d(a, 12)};
    if (ls.count == 0) {
        draw_icon(d, UI_ICON_CLEAN, (ui_rect){ob.x, ob.y, db_d(a, 48), db_d(a, 48)},
                  UI_RGB(THEME_GOOD));
        db_text(d, (ui_rect){ob.x + db_d(a, 64), ob.y, ob.w - db_d(a, 64), ob.h},
                db_tr(a, "None: the game ran as dealt."), db_px(a, TYPE_BODY), UI_FONT_REGULAR,
                THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    } else {
        bool m2 = false;
        db_draw_lines(a, d, ob, &ls, 0, db_px(a, TYPE_SMALL), &m2);
    }
    report_lines_free(&ls);
}

/* ---- page 6: the learning points ---- */

/* One block of the learning page: a heading, a paragraph or a point. */
typedef struct db_block {
    int kind; /* 0 heading, 1 paragraph, 2 point, 3 lesson */
    const char *title;
    char *text; /* owned for lessons, borrowed otherwise (then NULL: use body) */
    const char *body;
} db_block;

static void db_draw_learning(const app *a, ui_draw *d, ui_rect p, const game_state *s)
{
    const debrief_def *db = &state_ruleset(s)->debrief;
    int pad = db_d(a, 28);
    int body = db_px(a, TYPE_BODY), small = db_px(a, TYPE_SMALL);
    if (db->n_sections == 0 && db->n_lessons == 0) {
        db_text(d, layout_inset(p, pad), db_tr(a, "This content has no learning points."), body,
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
        return;
    }
    /* left: what this game teaches (the lessons its findings show); right: the points */
    ui_rect left = {p.x + pad, p.y + pad, p.w * 40 / 100 - pad, p.h - 2 * pad};
    ui_rect right = {left.x + left.w + pad * 2, p.y + pad,
                     p.x + p.w - pad - (left.x + left.w + pad * 2), p.h - 2 * pad};
    draw_line(d, right.x - pad, right.y, right.x - pad, right.y + right.h, 2,
              UI_RGB(THEME_PANEL_EDGE));
    int hh = db_d(a, 56), foot = small + db_d(a, 8);
    db_heading(a, d, (ui_rect){left.x, left.y, left.w, hh}, db_tr(a, "What this game teaches"));
    report_finding fs[REPORT_MAX_FINDINGS];
    size_t nf = report_findings(a->match, fs, REPORT_MAX_FINDINGS);
    report_lines ls = {0};
    for (size_t i = 0; i < db->n_lessons; i++)
        for (size_t k = 0; k < nf; k++)
            if ((int)fs[k].when == db->lessons[i].when) {
                report_line l = {0, -1, report_lesson_text(s, &db->lessons[i], &fs[k], a->lang)};
                core_grow((void **)&ls.items, &ls.cap, ls.count + 1, sizeof *ls.items);
                ls.items[ls.count++] = l;
            }
    int y = left.y + hh + db_d(a, 12);
    for (size_t i = 0; i < ls.count; i++) {
        int h = db_height(d, ls.items[i].text, small, UI_FONT_REGULAR, left.w - db_d(a, 36));
        if (y + h > left.y + left.h)
            break;
        draw_circle(d, left.x + db_d(a, 10), y + small / 2 + 2, db_d(a, 7), UI_RGB(THEME_ACCENT));
        db_text(d, (ui_rect){left.x + db_d(a, 36), y, left.w - db_d(a, 36), h + 4},
                ls.items[i].text, small, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP,
                true);
        y += h + db_d(a, 14);
    }
    if (ls.count == 0)
        db_text(d, (ui_rect){left.x, y, left.w, left.h - (y - left.y)},
                db_tr(a, "Nothing in particular: see the points on the right."), small,
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
    report_lines_free(&ls);

    /* the points, scrolled by whole blocks (Up/Down/wheel) */
    int scroll = a->debrief.scroll[DP_LEARNING];
    int blk = 0;
    y = right.y;
    bool more = false;
    int bottom = right.y + right.h - foot;
    const char *intro = ml_get(&db->intro, a->lang);
    for (int i = -1; i < (int)db->n_sections && !more; i++) {
        const char *title = i < 0 ? "" : ml_get(&db->sections[i].title, a->lang);
        const char *para = i < 0 ? intro : ml_get(&db->sections[i].intro, a->lang);
        /* heading (the page title already says the debrief's own) */
        if (i >= 0 && blk++ >= scroll) {
            if (y + hh > bottom) {
                more = true;
                break;
            }
            db_heading(a, d, (ui_rect){right.x, y, right.w, hh}, title);
            y += hh + db_d(a, 4);
        }
        if (*para) {
            if (blk++ >= scroll) {
                int h = db_height(d, para, small, UI_FONT_REGULAR, right.w);
                if (y + h > bottom) {
                    more = true;
                    break;
                }
                db_text(d, (ui_rect){right.x, y, right.w, h + 4}, para, small, UI_FONT_REGULAR,
                        THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
                y += h + db_d(a, 10);
            }
        }
        if (i < 0)
            continue;
        const debrief_section *sec = &db->sections[i];
        for (size_t k = 0; k < sec->n_points; k++) {
            if (blk++ < scroll)
                continue;
            const char *pt = ml_get(&sec->points[k].title, a->lang);
            const char *tx = ml_get(&sec->points[k].text, a->lang);
            int th = db_height(d, pt, body, UI_FONT_BOLD, right.w - db_d(a, 24));
            int h = db_height(d, tx, small, UI_FONT_REGULAR, right.w - db_d(a, 24));
            if (y + th + h > bottom) {
                more = true;
                break;
            }
            draw_round(d, (ui_rect){right.x, y + db_d(a, 4), db_d(a, 8), th + h - db_d(a, 4)},
                       db_d(a, 4), UI_RGB(THEME_ACCENT));
            db_text(d, (ui_rect){right.x + db_d(a, 24), y, right.w - db_d(a, 24), th + 4}, pt, body,
                    UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
            db_text(d, (ui_rect){right.x + db_d(a, 24), y + th, right.w - db_d(a, 24), h + 4}, tx,
                    small, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP, true);
            y += th + h + db_d(a, 16);
        }
    }
    db_more(a, d, (ui_rect){right.x, right.y + right.h - foot, right.w, foot}, more, scroll);
}

/* ---- the screen ---- */

static void db_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    db_geom g;
    db_layout(a, &g);
    const debrief_def *dbd = a->rs ? &a->rs->debrief : NULL;
    const char *title = dbd && *ml_get(&dbd->title, a->lang) ? ml_get(&dbd->title, a->lang)
                                                             : db_tr(a, "After the game");
    db_text(d, g.title, title, db_px(a, TYPE_TITLE), UI_FONT_BOLD, THEME_TEXT,
            UI_ALIGN_LEFT | UI_VALIGN_MIDDLE, false);
    if (!a->match) {
        db_text(d, g.panel, db_tr(a, "There is no game to report."), db_px(a, TYPE_BODY),
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
        draw_end(d);
        return;
    }
    const game_state *s = match_state(a->match);
    const scenario_def *sc = state_scenario(s);
    char sub[320];
    /* two lines broken where they mean to be (wrapped, "Workshop" split into "ワークショッ"
     * and "プ") */
    snprintf(sub, sizeof sub, "%s\n%s %" PRIu64 " · %s", ml_get(&sc->name, a->lang),
             app_tr(a, "seed"), state_setup(s)->seed,
             state_setup(s)->mode == MODE_SOLO ? db_tr(a, "Solo practice") : db_tr(a, "Workshop"));
    ui_text_style ss = widget_style(db_px(a, TYPE_SMALL), UI_FONT_REGULAR, THEME_TEXT_DIM,
                                    UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    ss.wrap = true;
    draw_text(d, g.subline, sub, &ss);

    /* the page tabs: a number badge and a name; the current one filled (and underlined) */
    int page = a->debrief.page;
    for (int i = 0; i < DP_COUNT; i++) {
        ui_rect t = g.tab[i];
        bool on = i == page;
        draw_round(d, t, t.h / 4, UI_RGB(on ? THEME_ACCENT : THEME_PANEL));
        draw_stroke_round(d, t, t.h / 4, 2, UI_RGB(on ? THEME_ACCENT_HI : THEME_PANEL_EDGE));
        /* the current page's bar sits under its tab, not across a two-line name */
        if (on)
            draw_fill(d, (ui_rect){t.x + t.w / 6, t.y + t.h + db_d(a, 3), t.w * 2 / 3, db_d(a, 5)},
                      UI_RGB(THEME_ACCENT));
        ui_rect badge = {t.x + t.h / 6, t.y + t.h / 5, t.h * 3 / 5, t.h * 3 / 5};
        draw_round(d, badge, badge.h / 4, UI_RGBA(THEME_TABLE_DEEP, on ? 60 : 140));
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        db_text(d, badge, num, db_px(a, TYPE_SMALL), UI_FONT_BOLD,
                on ? THEME_TEXT_INK : THEME_TEXT_DIM, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false);
        ui_rect name = {badge.x + badge.w + db_d(a, 8), t.y,
                        t.x + t.w - (badge.x + badge.w + db_d(a, 14)), t.h};
        ui_text_style ns =
            widget_style(db_px(a, TYPE_SMALL), on ? UI_FONT_BOLD : UI_FONT_REGULAR,
                         on ? THEME_TEXT_INK : THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        ns.wrap = true;
        draw_text(d, name, db_tr(a, db_page_names[i]), &ns);
    }

    widget_panel(d, g.panel, db_d(a, 24));
    ui_rect p = g.panel;
    switch (page) {
    case DP_SCORE:
        db_draw_score(a, d, p, s);
        break;
    case DP_TRUTH:
        db_draw_truth(a, d, p, s);
        break;
    case DP_TIMELINE:
        db_draw_timeline(a, d, p, s);
        break;
    case DP_ROLES:
        db_draw_roles(a, d, p, s);
        break;
    case DP_OVERRIDES:
        db_draw_decisions(a, d, p, s);
        break;
    default:
        db_draw_learning(a, d, p, s);
        break;
    }

    static const char *const labels[DB_BUTTONS] = {"Replay", "Export report", "New game", "Title"};
    for (int i = 0; i < DB_BUTTONS; i++) {
        int flags =
            (i == DB_EXPORT ? WF_PRIMARY : 0) | (a->debrief.focus == i ? WF_FOCUS | WF_HOVER : 0);
        widget_button(d, g.button[i], db_tr(a, labels[i]), db_px(a, TYPE_BODY), flags);
    }
    ui_text_style hs = widget_style(
        db_px(a, TYPE_SMALL), UI_FONT_REGULAR,
        a->debrief.message[0] ? (a->debrief.message_bad ? THEME_BAD : THEME_GOOD) : THEME_TEXT_DIM,
        UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    hs.wrap = true;
    draw_text(d, g.hint,
              a->debrief.message[0]
                  ? a->debrief.message
                  : db_tr(a, "1-6 or Left/Right: pages · R replay · X export · Esc title"),
              &hs);
    draw_end(d);
}

const screen_ops screen_debrief_ops = {
    .name = "debrief",
    .enter = db_enter,
    .leave = db_leave,
    .input = db_input,
    .update = NULL,
    .draw = db_draw,
};
