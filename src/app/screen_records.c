/* screen_records.c: solo practice records: the best ten games of each timed scenario (score,
 * rank, time used, outcome, date, seed), a tab per scenario, and "play this seed again" in one
 * click (the row's button) or Enter on the selected row.
 * Keys: Left/Right or Tab scenario, Up/Down row, Enter play the row's seed again, Esc back. */
#include "app.h"
#include "layout.h"
#include "records.h"
#include "widget.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define REC_MAX_TABS 8

typedef struct rec_geom {
    ui_rect title, sub, tab[REC_MAX_TABS], table, head, row[RECORDS_KEEP], play[RECORDS_KEEP];
    ui_rect back, hint;
} rec_geom;

static int rec_tabs(const app *a, int *out);

static void rec_layout(const app *a, rec_geom *g)
{
    int W = a->width, H = a->height;
    int tabs[REC_MAX_TABS];
    int nt = rec_tabs(a, tabs);
    int step = 1800 / (nt > 3 ? nt : 3); /* a scenario's name fits when there are few */
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    g->title = R(60, 30, 1200, 90);
    g->sub = R(60, 120, 1800, 50);
    for (int i = 0; i < REC_MAX_TABS; i++)
        g->tab[i] = R(60 + i * step, 186, step - 16, 70);
    g->table = R(60, 272, 1800, 690);
    g->head = R(90, 286, 1740, 56);
    for (int i = 0; i < RECORDS_KEEP; i++) {
        g->row[i] = R(90, 348 + i * 60, 1740, 56);
        g->play[i] = R(1560, 352 + i * 60, 262, 48);
    }
    g->back = R(1580, 980, 280, 80);
    g->hint = R(60, 980, 1480, 80);
#undef R
}

/* The scenarios shown as tabs: those with a solo time limit, in content order. */
static int rec_tabs(const app *a, int *out)
{
    int n = 0;
    for (size_t i = 0; a->rs && i < a->rs->n_scenarios && n < REC_MAX_TABS; i++)
        if (a->rs->scenarios[i].solo_seconds > 0)
            out[n++] = (int)i;
    return n;
}

/* The selected tab's records, best first; returns how many (<= RECORDS_KEEP). */
static size_t rec_rows(const app *a, const record **out)
{
    int tabs[REC_MAX_TABS];
    int n = rec_tabs(a, tabs);
    if (n == 0)
        return 0;
    int t = a->records.tab < n ? a->records.tab : 0;
    size_t k = records_of(&a->records.list, a->rs->scenarios[tabs[t]].id, out, RECORDS_KEEP);
    return k < RECORDS_KEEP ? k : RECORDS_KEEP;
}

static void rec_enter(app *a)
{
    records_ui *ui = &a->records;
    char notice[200];
    ui->message[0] = '\0';
    if (!records_load(&ui->list, a->pref_dir, notice, sizeof notice))
        snprintf(ui->message, sizeof ui->message, "%s (%s)",
                 app_tr(a, "The records file could not be read; it was kept aside"), notice);
    ui->loaded = true;
    int tabs[REC_MAX_TABS];
    int n = rec_tabs(a, tabs);
    if (ui->tab < 0 || ui->tab >= n)
        ui->tab = 0;
    ui->row = 0;
}

static void rec_leave(app *a)
{
    records_free(&a->records.list);
    a->records.loaded = false;
}

/* Starts a solo game of the selected tab's scenario with row i's seed. */
static void rec_play(app *a, int i)
{
    const record *rows[RECORDS_KEEP];
    size_t n = rec_rows(a, rows);
    if (i < 0 || (size_t)i >= n)
        return;
    int sc = ruleset_scenario(a->rs, rows[i]->scenario);
    char why[256] = "";
    if (sc < 0 || !app_start_seeded(a, sc, MODE_SOLO, rows[i]->seed, why, sizeof why))
        snprintf(a->records.message, sizeof a->records.message, "%s: %.160s",
                 app_tr(a, "The game could not start"), sc < 0 ? rows[i]->scenario : why);
}

static void rec_input(app *a, const ui_input *in)
{
    records_ui *ui = &a->records;
    rec_geom g;
    rec_layout(a, &g);
    int tabs[REC_MAX_TABS];
    int nt = rec_tabs(a, tabs);
    const record *rows[RECORDS_KEEP];
    int nr = (int)rec_rows(a, rows);
    if (in->type == IN_KEY) {
        switch (in->key) {
        case KEY_LEFT:
            if (nt)
                ui->tab = (ui->tab + nt - 1) % nt, ui->row = 0;
            break;
        case KEY_RIGHT:
        case KEY_TAB:
            if (nt)
                ui->tab = (ui->tab + 1) % nt, ui->row = 0;
            break;
        case KEY_UP:
            if (ui->row > 0)
                ui->row--;
            break;
        case KEY_DOWN:
            if (ui->row + 1 < nr)
                ui->row++;
            break;
        case KEY_ENTER:
        case KEY_SPACE:
            rec_play(a, ui->row);
            break;
        case KEY_ESCAPE:
        case KEY_BACKSPACE:
            app_goto(a, SCR_TITLE);
            break;
        default:
            break;
        }
    } else if (in->type == IN_MOUSE_MOVE) {
        for (int i = 0; i < nr; i++)
            if (ui_rect_contains(g.row[i], in->x, in->y))
                ui->row = i;
    } else if (in->type == IN_MOUSE_DOWN && in->button == 1) {
        for (int i = 0; i < nt; i++)
            if (ui_rect_contains(g.tab[i], in->x, in->y))
                ui->tab = i, ui->row = 0;
        for (int i = 0; i < nr; i++) {
            if (ui_rect_contains(g.play[i], in->x, in->y)) {
                rec_play(a, i);
                return;
            }
            if (ui_rect_contains(g.row[i], in->x, in->y))
                ui->row = i;
        }
        if (ui_rect_contains(g.back, in->x, in->y))
            app_goto(a, SCR_TITLE);
    }
}

/* The outcome in a few words. */
static const char *rec_outcome(const app *a, outcome o)
{
    return rules_outcome_won(o) ? app_tr(a, "Contained") : app_tr(a, "Not contained");
}

static void rec_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    rec_geom g;
    rec_layout(a, &g);
    const records_ui *ui = &a->records;
    int body = layout_font_px(TYPE_BODY, W, H), small = layout_font_px(TYPE_SMALL, W, H);
    widget_text(d, g.title, app_tr(a, "Records"), layout_font_px(TYPE_TITLE, W, H), UI_FONT_BOLD,
                THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    widget_text(d, g.sub, app_tr(a, "Solo practice: your ten best games per scenario"), body,
                UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int tabs[REC_MAX_TABS];
    int nt = rec_tabs(a, tabs);
    for (int i = 0; i < nt; i++) {
        bool on = i == ui->tab;
        ui_rect t = g.tab[i];
        draw_round(d, t, t.h / 4, UI_RGB(on ? THEME_ACCENT : THEME_PANEL));
        draw_stroke_round(d, t, t.h / 4, 2, UI_RGB(on ? THEME_ACCENT_HI : THEME_PANEL_EDGE));
        widget_text(d, layout_inset2(t, t.h / 4, 0),
                    ml_get(&a->rs->scenarios[tabs[i]].name, a->lang), small,
                    on ? UI_FONT_BOLD : UI_FONT_REGULAR, on ? THEME_TEXT_INK : THEME_TEXT,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    widget_panel(d, g.table, layout_px(24, W, H));
    /* the header row */
    static const char *const cols[] = {"#",       "Score", "Rank", "Time used",
                                       "Outcome", "Date",  "Seed"};
    static const int xs[] = {0, 90, 270, 420, 640, 920, 1240};
    static const int ws[] = {80, 170, 140, 210, 270, 310, 300};
    int sx = g.head.w * 1000 / 1740; /* the design widths scale with the table */
    for (int c = 0; c < 7; c++) {
        ui_rect r = {g.head.x + xs[c] * sx / 1000, g.head.y, ws[c] * sx / 1000, g.head.h};
        widget_text(d, r, app_tr(a, cols[c]), small, UI_FONT_BOLD, THEME_ACCENT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
    const record *rows[RECORDS_KEEP];
    size_t nr = rec_rows(a, rows);
    if (nt == 0) {
        widget_text(d, g.row[1], app_tr(a, "No scenario has a solo time limit."), body,
                    UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    } else if (nr == 0) {
        ui_text_style es =
            widget_style(body, UI_FONT_REGULAR, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_TOP);
        es.wrap = true;
        ui_rect er = {g.row[0].x, g.row[1].y, g.row[0].w, g.row[0].h * 3};
        draw_text(d, er,
                  app_tr(a, "No records yet: play Solo practice from the title screen. Each "
                            "finished game is kept here with its seed, so you can play it again."),
                  &es);
    }
    for (size_t i = 0; i < nr; i++) {
        const record *rec = rows[i];
        ui_rect row = g.row[i];
        bool sel = (int)i == ui->row;
        if (sel)
            draw_round(d, row, row.h / 4, UI_RGB(THEME_PANEL_HI));
        else if (i % 2 == 0)
            draw_round(d, row, row.h / 4, UI_RGBA(THEME_TABLE_DEEP, 120));
        char cell[7][96];
        snprintf(cell[0], sizeof cell[0], "%zu", i + 1);
        snprintf(cell[1], sizeof cell[1], "%d", rec->score);
        snprintf(cell[2], sizeof cell[2], "%c", rec->rank);
        snprintf(cell[3], sizeof cell[3], "%d:%02d", rec->seconds_used / 60,
                 rec->seconds_used % 60);
        snprintf(cell[4], sizeof cell[4], "%s", rec_outcome(a, rec->outcome));
        /* "2026-11-26T21:04" reads better with a space */
        snprintf(cell[5], sizeof cell[5], "%s", rec->date);
        char *tee = strchr(cell[5], 'T');
        if (tee)
            *tee = ' ';
        snprintf(cell[6], sizeof cell[6], "%" PRIu64, rec->seed);
        for (int c = 0; c < 7; c++) {
            ui_rect r = {row.x + xs[c] * sx / 1000, row.y, ws[c] * sx / 1000, row.h};
            bool won = rules_outcome_won(rec->outcome);
            uint32_t ink = c == 4 ? (won ? THEME_GOOD : THEME_BAD) : THEME_TEXT;
            if (c == 0 && i == 0)
                draw_icon(d, UI_ICON_TRUST,
                          (ui_rect){r.x, r.y + row.h / 6, row.h * 2 / 3, row.h * 2 / 3},
                          UI_RGB(THEME_ACCENT));
            widget_text(d, c == 0 && i == 0 ? layout_inset2(r, row.h * 2 / 3 + 4, 0) : r, cell[c],
                        c <= 2 ? body : small, c == 1 ? UI_FONT_BOLD : UI_FONT_REGULAR, ink,
                        UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        }
        widget_button(d, g.play[i], app_tr(a, "Play this seed"), small,
                      sel ? WF_PRIMARY | WF_HOVER : 0);
    }
    const char *hint = ui->message[0] ? ui->message
                                      : app_tr(a, "Up/Down: choose · Enter or the row's button: "
                                                  "play that seed again · Left/Right: scenario · "
                                                  "Esc: back");
    ui_text_style hs =
        widget_style(small, UI_FONT_REGULAR, ui->message[0] ? THEME_WARN : THEME_TEXT_DIM,
                     UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    hs.wrap = true;
    draw_text(d, g.hint, hint, &hs);
    widget_button(d, g.back, app_tr(a, "Back"), layout_font_px(TYPE_LARGE, W, H), 0);
    draw_end(d);
}

const screen_ops screen_records_ops = {
    .name = "records",
    .enter = rec_enter,
    .leave = rec_leave,
    .input = rec_input,
    .update = NULL,
    .draw = rec_draw,
};
