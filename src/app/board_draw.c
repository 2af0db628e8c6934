/* board_draw.c: draws the board screen from the app (the public screen a room full of players
 * watches on a projector). Never changes state.
 *
 * What is drawn comes only from the public viewer's views (rules_terminal / rules_room with
 * VIEW_PUBLIC, rules_visible for the log), so a hidden fact cannot reach the screen by
 * accident; a private result appears only behind the curtain's confirmation or in its role's
 * notebook on that role's turn. Meaning is never carried by colour alone: every status has an
 * icon of its own shape and a word.
 */
#include "board.h"
#include "card_draw.h"
#include "solo.h"
#include "facil.h"
#include "report.h"
#include "widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The palette: a dark navy table, light text, one strong colour per meaning. */
#define COL_BG       UI_RGB(0x0d1626)
#define COL_PANEL    UI_RGB(0x16233a)
#define COL_PANEL2   UI_RGB(0x1d2d49)
#define COL_FLOOR    UI_RGB(0x121e33)
#define COL_ROOM     UI_RGB(0x22334f)
#define COL_LINE     UI_RGB(0x3a5078)
#define COL_TEXT     UI_RGB(0xf3f6fb)
#define COL_MUTED    UI_RGB(0xa9b8cf)
#define COL_DIM      UI_RGB(0x6f809c)
#define COL_ACCENT   UI_RGB(0xffd166) /* focus, legal targets, the count */
#define COL_INFECTED UI_RGB(0xe5484d)
#define COL_CLEAN    UI_RGB(0x30c17a)
#define COL_ISOLATED UI_RGB(0xf2a93b)
#define COL_EVIDENCE UI_RGB(0x5fb3f0)
#define COL_INK      UI_RGB(0x14213a)
#define COL_SHADE    UI_RGBA(0x050a14, 150)
#define COL_CURTAIN  UI_RGB(0x0a0f1a)

/* Segment colours (a legend names each; colour is never the only sign). */
static const uint32_t seg_colors[] = {0x2bb3a3, 0x9b6bd6, 0xe58a3a, 0x3d8fe0,
                                      0xd9508a, 0x8bbf3a, 0xc9b037, 0x6c7a89};

static ui_color seg_color(int seg)
{
    int n = (int)(sizeof seg_colors / sizeof seg_colors[0]);
    return UI_RGB(seg_colors[(seg < 0 ? 0 : seg) % n]);
}

static ui_color role_color(const ruleset *rs, int role)
{
    return role >= 0 ? UI_RGB(rs->roles[role].color & 0xFFFFFF) : COL_DIM;
}

/* The same colour with alpha a. */
static ui_color with_alpha(ui_color c, int alpha)
{
    return (c & 0xFFFFFF00u) | ((uint32_t)alpha & 0xFFu);
}

/* ---- small drawing helpers ---- */

static ui_rect rc(int x, int y, int w, int h)
{
    ui_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static ui_rect inset(ui_rect r, int dx, int dy)
{
    return rc(r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy);
}

static int imin(int a, int b)
{
    return a < b ? a : b;
}

static int imax(int a, int b)
{
    return a > b ? a : b;
}

/* About how many lines s takes wrapped at w pixels (each \n starts a line). */
static int est_lines(ui_draw *d, const char *s, int px, int w)
{
    int lines = 0;
    char seg[512];
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n >= sizeof seg)
            n = sizeof seg - 1;
        memcpy(seg, s, n);
        seg[n] = '\0';
        int tw = widget_text_width(d, seg, px, UI_FONT_REGULAR) * 11 / 10;
        lines += imax(1, (tw + imax(w, 1) - 1) / imax(w, 1));
        s += nl ? (size_t)(nl - s) + 1 : n;
    }
    return imax(lines, 1);
}

/* A pill: icon + word on a coloured background; returns its width. */
static int badge(ui_draw *d, int x, int y, int h, ui_icon icon, const char *word, ui_color bg,
                 ui_color fg, int px, int max_w)
{
    /* a long word steps down (to 70%) before it is cut */
    px = widget_fit_px(d, word, px, imax(10, px * 7 / 10), max_w - h - h / 4, UI_FONT_BOLD);
    int tw = widget_text_width(d, word, px, UI_FONT_BOLD);
    int w = imin(h + tw + h / 2, max_w);
    ui_rect r = rc(x, y, w, h);
    draw_round(d, r, h / 3, bg);
    if (icon != UI_ICON_NONE)
        draw_icon(d, icon, rc(x + h / 8, y + h / 8, h * 3 / 4, h * 3 / 4), fg);
    widget_line(d, rc(x + h - h / 8, y, w - h, h), word, px, UI_FONT_BOLD, fg,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    return w;
}

/* The AP pips: filled for what is left, hollow for what was spent (and a number). */
static void ap_pips(ui_draw *d, ui_rect r, int left, int base, ui_color c)
{
    int n = imax(left, base);
    if (n <= 0)
        return;
    int dia = imin(r.h, r.w / imax(n, 1) - 4);
    dia = imax(dia, 6);
    for (int i = 0; i < n && i < 9; i++) {
        int cx = r.x + dia / 2 + i * (dia + 4), cy = r.y + r.h / 2;
        if (i < left) {
            draw_circle(d, cx, cy, dia / 2, c);
        } else {
            draw_circle(d, cx, cy, dia / 2, COL_LINE);
            draw_circle(d, cx, cy, dia / 2 - imax(2, dia / 7), COL_PANEL);
        }
    }
}

/* ---- what the board needs to know once per frame ---- */

typedef struct frame {
    const app *a;
    const game_state *s;
    const ruleset *rs;
    const scenario_def *sc;
    lang l;
    clock_view c;
    board_layout L;
    viewer pub;
    int role;   /* acting role */
    int n_acts; /* its actions */
    int acts[BOARD_MAX_ACTIONS];
    board_targets targets;     /* legal targets of the current selection */
    int focus;                 /* focus index, clamped */
    int team[RULES_MAX_ROLES]; /* the roles in play in turn order (rules_turn_order) */
    int n_team;
    char names[RULES_MAX_PLAYERS][RULES_NAME_MAX + 16]; /* as shown (report_player_name) */
} frame;

static const char *tr(const frame *f, const char *msgid)
{
    return board_play_tr(f->a, msgid);
}

/* The cards drawn on the board (card_draw.c, shared with the print-and-play sheets) at the
 * board's type sizes. */
static card_ctx card_of(const frame *f)
{
    const board_layout *L = &f->L;
    card_ctx c = {
        f->rs, f->l, f->a->catalogue, {L->px_title, L->px_body, L->px_small, L->pad, L->radius}};
    return c;
}

static const char *role_name(const frame *f, int role)
{
    return role >= 0 ? ml_get(&f->rs->roles[role].name, f->l) : "";
}

static const char *player_name(const frame *f, int role)
{
    int p = role >= 0 ? rules_role_player(f->s, role) : -1;
    return p >= 0 && p < RULES_MAX_PLAYERS ? f->names[p] : "";
}

static bool is_target(const frame *f, board_target_kind k, int id)
{
    return board_play_targets_has(&f->targets, k, id);
}

static bool is_focus(const frame *f, board_target_kind k, int id)
{
    if (f->targets.n == 0 || f->focus < 0 || f->a->board.mode == BM_IDLE)
        return false;
    const board_target *t = &f->targets.item[f->focus];
    return t->kind == k && t->id == id;
}

/* True when the board is choosing targets of kind k (others are dimmed). */
static bool choosing(const frame *f, board_target_kind k)
{
    int m = f->a->board.mode;
    if (m == BM_NOTE_TARGET)
        return k == BT_TERMINAL || k == BT_ROOM;
    if (m != BM_TARGET || f->a->board.selected_action < 0)
        return false;
    target_kind t = f->rs->actions[f->a->board.selected_action].target;
    return (k == BT_TERMINAL && t == TGT_TERMINAL) || (k == BT_ROOM && t == TGT_ROOM) ||
           (k == BT_ROLE && (t == TGT_ROLE || t == TGT_ROLE_PAIR));
}

/* A lit outline on a legal target (thicker on the keyboard focus); a shade on the others. */
static void target_mark(ui_draw *d, const frame *f, ui_rect r, board_target_kind k, int id)
{
    if (!choosing(f, k))
        return;
    if (is_target(f, k, id)) {
        int th = imax(3, f->L.pad / 4);
        /* the one Enter would pick (or the mouse is on) is white and twice as thick: amber on
         * amber, only thicker, was hard to follow with the arrow keys */
        bool focus =
            is_focus(f, k, id) || ui_rect_contains(r, f->a->board.hover_x, f->a->board.hover_y);
        if (focus)
            th *= 2;
        draw_stroke_round(d, inset(r, -th, -th), f->L.radius, th, focus ? COL_TEXT : COL_ACCENT);
    } else {
        draw_round(d, r, f->L.radius / 2, COL_SHADE);
    }
}

/* ---- top bar ---- */

static void draw_clock(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect r = L->clock;
    draw_round(d, r, L->radius, COL_PANEL2);
    int ic = r.h * 6 / 10;
    draw_icon(d, UI_ICON_CLOCK, rc(r.x + L->pad / 2, r.y + (r.h - ic) / 2, ic, ic), COL_ACCENT);
    ui_rect tr_ = rc(r.x + ic + L->pad, r.y + L->pad / 4, r.w - ic - L->pad * 3 / 2, r.h / 2);
    char buf[128];
    if (f->c.round <= 0) {
        snprintf(buf, sizeof buf, "%s", tr(f, "Before the first round"));
    } else {
        static const char *const pod[] = {"Morning", "Afternoon", "Evening"};
        char day[48], part[48];
        snprintf(day, sizeof day, tr(f, "Day %d"), f->c.day);
        if (f->c.phases_per_day == 3 && f->c.phase_of_day >= 0 && f->c.phase_of_day < 3)
            snprintf(part, sizeof part, "%s", tr(f, pod[f->c.phase_of_day]));
        else
            snprintf(part, sizeof part, tr(f, "Part %d"), f->c.phase_of_day + 1);
        snprintf(buf, sizeof buf, "%s  %s", day, part);
    }
    widget_line(d, tr_, buf, L->px_title, UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    snprintf(buf, sizeof buf, tr(f, "Round %d/%d"), imax(f->c.round, 0), f->c.rounds);
    char line[192];
    snprintf(line, sizeof line, "%s · %s", buf, rules_phase_name(f->c.phase, f->l));
    /* the phase is the point of the line: a little smaller rather than "Action ph..." */
    widget_line(d, rc(tr_.x, r.y + r.h / 2, tr_.w, r.h / 2 - L->pad / 4), line,
                widget_fit_px(d, line, L->px_small, L->px_small * 3 / 4, tr_.w, UI_FONT_REGULAR),
                UI_FONT_REGULAR, COL_MUTED, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

static void draw_tracks(ui_draw *d, const frame *f)
{
    static const char *const names[TRACK_COUNT] = {"Leak", "Business impact", "Trust", "Evidence"};
    static const ui_icon icons[TRACK_COUNT] = {UI_ICON_LEAK, UI_ICON_IMPACT, UI_ICON_TRUST,
                                               UI_ICON_EVIDENCE};
    /* bad tracks fill red-ish as they rise; good ones green / blue */
    static const uint32_t fills[TRACK_COUNT] = {0xe5484d, 0xf2a93b, 0x30c17a, 0x5fb3f0};
    const board_layout *L = &f->L;
    for (int t = 0; t < TRACK_COUNT; t++) {
        ui_rect r = L->track[t];
        draw_round(d, r, L->radius, COL_PANEL2);
        int v = rules_track(f->s, (track)t), mx = rules_track_max(f->s, (track)t);
        /* the evidence track counts preserved terminals: out of the terminals on this board,
         * not the rules' hard limit (a player read "0/48" as 48 to find) */
        if (t == TRACK_EVIDENCE && f->sc->n_terminals > 0)
            mx = imin(mx, (int)f->sc->n_terminals);
        /* row 1: icon and name; row 2: the bar and the value */
        int ic = imin(r.h / 2, L->px_title + 4);
        draw_icon(d, icons[t], rc(r.x + L->pad / 2, r.y + L->pad / 4, ic, ic), UI_RGB(fills[t]));
        const char *name = tr(f, names[t]);
        int nw = r.w - ic - L->pad * 3 / 2;
        widget_line(d, rc(r.x + ic + L->pad, r.y + L->pad / 4, nw, ic), name,
                    widget_fit_px(d, name, L->px_small, L->px_small * 8 / 10, nw, UI_FONT_BOLD),
                    UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        char val[32];
        snprintf(val, sizeof val, "%d/%d", v, mx);
        int vw = widget_text_width(d, val, L->px_title, UI_FONT_BOLD) + 4;
        int row2 = r.y + L->pad / 4 + ic;
        int row2_h = r.y + r.h - row2;
        widget_line(d, rc(r.x + r.w - vw - L->pad / 2, row2, vw, row2_h), val, L->px_title,
                    UI_FONT_BOLD, COL_TEXT, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
        /* the bar, with a tick per point so the value reads without colour */
        int bh = imax(8, r.h / 5);
        ui_rect bar = rc(r.x + L->pad / 2, row2 + (row2_h - bh) / 2, r.w - vw - L->pad * 3 / 2, bh);
        draw_round(d, bar, bh / 2, COL_BG);
        if (mx > 0 && v > 0)
            draw_round(d, rc(bar.x, bar.y, bar.w * imin(v, mx) / mx, bar.h), bh / 2,
                       UI_RGB(fills[t]));
        if (mx > 0 && mx <= 24)
            for (int k = 1; k < mx; k++) {
                int x = bar.x + bar.w * k / mx;
                draw_line(d, x, bar.y, x, bar.y + bar.h, 1, with_alpha(COL_BG, 200));
            }
    }
}

static void draw_status(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect r = L->status;
    const game_setup *su = state_setup(f->s);
    char buf[96];
    draw_round(d, r, L->radius, COL_PANEL2);
    int ic = r.h - L->pad;
    ui_rect ir = rc(r.x + L->pad / 2, r.y + L->pad / 2, ic, ic);
    ui_rect tr_ = rc(r.x + ic + L->pad, r.y, r.w - ic - L->pad * 3 / 2, r.h);
    int left = solo_seconds_shown(f->a, f->s);
    if (su->mode == MODE_SOLO && left >= 0) {
        /* the solo clock, big; the last minute in red with the word "left" kept (and the seed,
         * so a run can be shared); a click on it or Esc pauses */
        bool low = left <= 60;
        if (low)
            draw_round(d, inset(r, 2, 2), L->radius, UI_RGB(0x5a1f24));
        draw_icon(d, UI_ICON_CLOCK, ir, low ? COL_INFECTED : COL_ACCENT);
        char t[16];
        solo_format_time(left, t, sizeof t);
        snprintf(buf, sizeof buf, tr(f, "%s left"), t);
        widget_line(d, rc(tr_.x, r.y, tr_.w, r.h * 6 / 10), buf, L->px_title, UI_FONT_BOLD,
                    low ? COL_TEXT : COL_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        snprintf(buf, sizeof buf, "%s %llu", tr(f, "Seed"), (unsigned long long)su->seed);
        widget_line(d, rc(tr_.x, r.y + r.h * 55 / 100, tr_.w, r.h * 4 / 10), buf, L->px_small,
                    UI_FONT_REGULAR, COL_MUTED, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    } else if (su->mode == MODE_SOLO) {
        draw_icon(d, UI_ICON_CLOCK, ir, COL_MUTED);
        snprintf(buf, sizeof buf, "%s\n%s %llu", tr(f, "Solo practice"), tr(f, "Seed"),
                 (unsigned long long)su->seed);
        widget_wrap(d, tr_, buf, L->px_small, UI_FONT_BOLD, COL_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    } else if (f->c.phase == PHASE_MEETING) {
        uint32_t s = (f->a->board.meeting_ms_left + 999) / 1000;
        draw_icon(d, UI_ICON_CLOCK, ir, COL_CLEAN);
        snprintf(buf, sizeof buf, "%s %u:%02u", tr(f, "Meeting"), s / 60, s % 60);
        widget_line(d, tr_, buf, L->px_title, UI_FONT_BOLD, COL_CLEAN,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    } else if (f->c.phase == PHASE_OVER || f->c.phase == PHASE_SETUP) {
        draw_icon(d, UI_ICON_CLOCK, ir, COL_MUTED);
        widget_line(d, tr_, rules_phase_name(f->c.phase, f->l), L->px_body, UI_FONT_BOLD, COL_MUTED,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    } else {
        /* the silent round: players may not talk until the meeting */
        draw_round(d, inset(r, 2, 2), L->radius, UI_RGB(0x5a1f24));
        draw_icon(d, UI_ICON_SILENT, ir, COL_TEXT);
        widget_line(d, tr_, tr(f, "No talking"), L->px_title, UI_FONT_BOLD, COL_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
}

/* ---- the floor plan ---- */

/* A note marker: the role's colour, its icon and the mark's word. */
static int draw_note(ui_draw *d, const frame *f, int x, int y, int h, mark mk, int role, int max_w)
{
    static const char *const words[MARK_COUNT] = {"", "Suspect", "Cleared", "Watch"};
    if (mk <= MARK_NONE || mk >= MARK_COUNT)
        return 0;
    return badge(d, x, y, h, widget_role_icon(role >= 0 ? f->rs->roles[role].id : NULL),
                 tr(f, words[mk]), role_color(f->rs, role), COL_TEXT, imax(12, h * 6 / 10), max_w);
}

/* The drop shadow of an opaque card drawn next: only the strips the card will not cover (right
 * and bottom, through two clips), since a translucent fill costs the software renderer ~5 ns a
 * pixel and ten whole card shadows were a tenth of a 1080p frame. Ends with no clip: not for
 * use inside a clipped area. */
static void draw_card_shadow(ui_draw *d, ui_rect card, int dx, int dy, int rad, ui_color c)
{
    ui_rect sh = rc(card.x + dx, card.y + dy, card.w, card.h);
    int k = rad + 1; /* the card's rounded corners leave the shadow visible this far in */
    ui_rect right = rc(card.x + card.w - k, sh.y, dx + k, sh.h);
    ui_rect bottom = rc(sh.x, card.y + card.h - k, card.x + card.w - k - sh.x, dy + k);
    draw_clip(d, &right);
    draw_round(d, sh, rad, c);
    if (bottom.w > 0) {
        draw_clip(d, &bottom);
        draw_round(d, sh, rad, c);
    }
    draw_clip(d, NULL);
}

static void draw_terminal(ui_draw *d, const frame *f, int t)
{
    const board_layout *L = &f->L;
    ui_rect r = L->terminal[t];
    if (r.w <= 0 || r.h <= 0)
        return;
    const terminal_def *td = &f->sc->terminals[t];
    terminal_view tv;
    rules_terminal(f->s, f->pub, t, &tv);
    int rad = imax(3, L->radius / 2);
    int px_id = imax(12, imin(L->px_body, r.w / 4));
    int px_s = imax(11, imin(L->px_small - 2, r.w / 6));
    int line_h = px_s + imax(4, px_s / 3);
    int pad = imax(3, r.w / 14);

    /* shadow, then the card */
    draw_card_shadow(d, r, 3, 4, rad, UI_RGBA(0x000000, 110));
    card_ctx cc = card_of(f);
    if (!tv.face_up) {
        /* the back: only the id and the owner are public */
        card_draw_terminal_back(d, r, &cc, td->id, ml_get(&td->owner, f->l));
    } else {
        /* the markers take the kind's name's place; the tooltip names the kind */
        bool markers = tv.isolated || tv.evidence > 0 || tv.volatile_lost || tv.note != MARK_NONE;
        card_draw_terminal(d, r, &cc, td->kind, td->id, tv.known_infected, !markers);
        /* the result token: a different shape and word, not only a colour */
        int th = imax(14, line_h + 4);
        int ty = r.y + r.h - th - pad / 2;
        if (tv.known_infected)
            badge(d, r.x + pad / 2, ty, th, UI_ICON_INFECTED, tr(f, "INFECTED"), COL_INFECTED,
                  COL_TEXT, px_s, r.w - pad);
        else if (tv.known_clean)
            badge(d, r.x + pad / 2, ty, th, UI_ICON_CLEAN, tr(f, "CLEAN"), COL_CLEAN, COL_INK, px_s,
                  r.w - pad);
    }

    /* markers: under the id on a back; on a face, stacked up from the result token */
    int mh = imax(14, line_h + 2);
    int n_mk =
        (int)tv.isolated + (int)(tv.evidence > 0 || tv.volatile_lost) + (int)(tv.note != MARK_NONE);
    int th = imax(14, line_h + 4);
    int my = tv.face_up ? r.y + r.h - th - pad / 2 - n_mk * (mh + 2) : r.y + px_id + pad + 4;
    int mx = r.x + pad / 2, mw = r.w - pad;
    if (tv.isolated) {
        badge(d, mx, my, mh, UI_ICON_ISOLATED, tr(f, "ISOLATED"), COL_ISOLATED, COL_INK, px_s, mw);
        my += mh + 2;
    }
    if (tv.evidence > 0) {
        badge(d, mx, my, mh, UI_ICON_EVIDENCE,
              tv.evidence >= 2 ? tr(f, "Full") : tr(f, "Disk only"), COL_EVIDENCE, COL_INK, px_s,
              mw);
        my += mh + 2;
    } else if (tv.volatile_lost) {
        badge(d, mx, my, mh, UI_ICON_EVIDENCE, tr(f, "Volatile lost"), UI_RGB(0x6b7280), COL_TEXT,
              px_s, mw);
        my += mh + 2;
    }
    if (tv.note != MARK_NONE)
        draw_note(d, f, mx, my, mh, tv.note, tv.note_role, mw);

    target_mark(d, f, r, BT_TERMINAL, t);
}

static void draw_room(ui_draw *d, const frame *f, int r)
{
    const board_layout *L = &f->L;
    const room_def *rd = &f->sc->rooms[r];
    ui_rect R = L->room[r];
    room_view rv;
    rules_room(f->s, f->pub, r, &rv);
    ui_color sc = seg_color(rd->segment);
    draw_round(d, R, L->radius, COL_ROOM);
    draw_stroke_round(d, R, L->radius, 2, with_alpha(sc, 200));
    /* the segment band along the top (the legend names it) */
    int band = imax(4, L->pad / 2);
    draw_round(d, rc(R.x, R.y, R.w, band + L->radius), L->radius, sc);
    draw_fill(d, rc(R.x, R.y + band, R.w, L->radius), COL_ROOM);

    /* the name (up to two lines when the header has room), the room's markers */
    ui_rect head = L->room_head[r];
    ui_rect marks = L->room_marks[r];
    bool markers = rv.edr || rv.note != MARK_NONE;
    bool marks_in_head = board_layout_overlap(marks, head);
    ui_rect name_r = rc(head.x + L->pad, head.y + band + 2, head.w - L->pad,
                        (markers && marks_in_head ? marks.y : head.y + head.h) - head.y - band - 2);
    const char *room_name = ml_get(&rd->name, f->l);
    int px_name = L->px_body;
    if (name_r.h < px_name * 2 + 8) /* one line for the name: step down rather than cut */
        px_name =
            widget_fit_px(d, room_name, px_name, L->px_small * 8 / 10, name_r.w, UI_FONT_BOLD);
    widget_wrap(d, name_r, room_name, px_name, UI_FONT_BOLD, COL_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_TOP);
    int bh = marks.h, bx = marks.x;
    if (rv.edr) {
        int w = widget_text_width(d, "EDR", L->px_small, UI_FONT_BOLD) + bh + bh / 2;
        bx += badge(d, bx, marks.y, bh, UI_ICON_SIGNAL, "EDR", COL_EVIDENCE, COL_INK,
                    imax(11, bh * 7 / 10), w) +
              4;
    }
    if (rv.note != MARK_NONE)
        draw_note(d, f, bx, marks.y, bh, rv.note, rv.note_role, marks.x + marks.w - bx);

    /* the count: this round's suspicious communications, big, with the signal icon */
    ui_rect cnt = L->room_count[r];
    ui_rect hr = L->room_hist[r];
    draw_round(d, cnt, L->radius, with_alpha(COL_BG, 190));
    int shown = board_play_count_shown(f->a, r);
    uint32_t left = f->a->board.count_ms[r];
    int num_h = hr.y - cnt.y;
    int px = imin(L->px_big, num_h);
    if (left > 0 && f->a->board.count_from[r] != f->a->board.count_to[r]) {
        /* pop: a short swell while it counts */
        int k = (int)(left > BOARD_ANIM_COUNT_MS ? BOARD_ANIM_COUNT_MS : left);
        px = px + px * 3 * k / (10 * BOARD_ANIM_COUNT_MS);
    }
    bool has_count = rv.n_history > 0;
    ui_color cc = shown > 0 ? COL_ACCENT : COL_MUTED;
    int ic = imin(num_h * 6 / 10, cnt.w / 3);
    draw_icon(d, UI_ICON_SIGNAL, rc(cnt.x + L->pad / 2, cnt.y + (num_h - ic) / 2, ic, ic), cc);
    char num[16];
    snprintf(num, sizeof num, has_count ? "%d" : "-", shown);
    widget_line(d, rc(cnt.x + ic + L->pad / 2, cnt.y, cnt.w - ic - L->pad, num_h), num, px,
                UI_FONT_BOLD, cc, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);

    /* the history: one small bar per round so far (height = count), empty slots after */
    if (hr.w > 0 && hr.h > 0) {
        int slots = imax(f->c.rounds, 1);
        int gap = 2;
        int bw = imax(2, (hr.w - (slots - 1) * gap) / slots);
        int maxv = 3;
        for (int i = 0; i < rv.n_history && i < RULES_MAX_ROUNDS; i++)
            maxv = imax(maxv, rv.history[i]);
        for (int i = 0; i < slots && i < RULES_MAX_ROUNDS; i++) {
            int x = hr.x + i * (bw + gap);
            if (x + bw > hr.x + hr.w)
                break;
            draw_fill(d, rc(x, hr.y + hr.h - 2, bw, 2), COL_LINE);
            if (i < rv.n_history && rv.history[i] > 0) {
                int h = imax(3, (hr.h - 3) * imin(rv.history[i], maxv) / maxv);
                bool now = i == rv.n_history - 1;
                draw_fill(d, rc(x, hr.y + hr.h - 2 - h, bw, h), now ? cc : COL_MUTED);
            }
        }
    }
    target_mark(d, f, R, BT_ROOM, r);
}

/* What the team has done that changes the rules, shown at the right of the legend: a player
 * had to scroll the log to learn that the C2 was known (log analysis exact, the block
 * possible) or the staff alerted. Each is a public fact (its log line is public). */
static const struct {
    flag fl;
    const char *word;
} legend_states[] = {
    {FLAG_C2_KNOWN, "C2 known"},
    {FLAG_C2_BLOCKED, "C2 blocked"},
    {FLAG_STAFF_ALERTED, "Staff alerted"},
    {FLAG_PATCHED, "Patched"},
    {FLAG_BRIEFING_PREPARED, "Briefing ready"},
};
#define LEGEND_STATES (sizeof legend_states / sizeof legend_states[0])

static void draw_legend(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect r = L->legend;
    int x = r.x, h = r.h;
    int px = imin(L->px_small, h - 6);
    /* A person facilitates this game but closed the console: the computer runs the hidden side
     * until it is opened again (facil.h); the room is told so at the right of the legend. */
    int reserve = 0;
    if (facil_configured(f->a) && !facil_human(f->a)) {
        const char *who = tr(f, "Computer facilitator");
        reserve = imin(widget_text_width(d, who, px, UI_FONT_BOLD) + h + h / 2, r.w / 2);
        badge(d, r.x + r.w - reserve, r.y, h, UI_ICON_SERVER, who, COL_ISOLATED, COL_INK, px,
              reserve);
        reserve += L->pad;
    }
    /* the widths: the states first, so the "Network segments:" caption gives way to them */
    int states_w = 0, segs_w = 0;
    for (size_t i = 0; i < LEGEND_STATES; i++)
        if (rules_flag(f->s, legend_states[i].fl))
            states_w += h + widget_text_width(d, tr(f, legend_states[i].word), px, UI_FONT_BOLD) +
                        h / 2 + L->pad;
    for (size_t s = 0; s < f->sc->n_segments; s++)
        segs_w +=
            h + widget_text_width(d, ml_get(&f->sc->segments[s].name, f->l), px, UI_FONT_REGULAR) +
            L->pad * 2;
    const char *caption = tr(f, "Network segments:");
    int cap_w = widget_text_width(d, caption, px, UI_FONT_BOLD) + L->pad;
    if (cap_w + segs_w + states_w <= r.w - reserve || states_w == 0) {
        widget_line(d, rc(x, r.y, r.w, h), caption, px, UI_FONT_BOLD, COL_MUTED,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        x += cap_w;
    }
    for (size_t s = 0; s < f->sc->n_segments; s++) {
        const char *name = ml_get(&f->sc->segments[s].name, f->l);
        int tw = widget_text_width(d, name, px, UI_FONT_REGULAR);
        if (x + h + tw > r.x + r.w - reserve)
            break;
        draw_round(d, rc(x, r.y + h / 4, h * 3 / 4, h / 2), h / 6, seg_color((int)s));
        widget_line(d, rc(x + h, r.y, tw + 4, h), name, px, UI_FONT_REGULAR, COL_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        x += h + tw + L->pad * 2;
    }
    int right = r.x + r.w - reserve;
    for (size_t i = 0; i < LEGEND_STATES; i++) {
        if (!rules_flag(f->s, legend_states[i].fl))
            continue;
        const char *word = tr(f, legend_states[i].word);
        int w = h + widget_text_width(d, word, px, UI_FONT_BOLD) + h / 2;
        if (right - w < x)
            break; /* no room left on a small window: the log still says it */
        badge(d, right - w, r.y, h, UI_ICON_CLEAN, word, COL_PANEL2, COL_TEXT, px, w);
        right -= w + L->pad / 2;
    }
}

static void draw_plan(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    draw_round(d, L->plan, L->radius, COL_FLOOR);
    /* a faint grid, like an architect's floor plan */
    for (int k = 1; k < 10; k++) {
        int x = L->plan.x + L->plan.w * k / 10, y = L->plan.y + L->plan.h * k / 10;
        draw_line(d, x, L->plan.y, x, L->plan.y + L->plan.h, 1, UI_RGBA(0x3a5078, 60));
        draw_line(d, L->plan.x, y, L->plan.x + L->plan.w, y, 1, UI_RGBA(0x3a5078, 60));
    }
    for (int r = 0; r < L->n_rooms; r++)
        draw_room(d, f, r);
    for (int t = 0; t < L->n_terminals; t++)
        draw_terminal(d, f, t);
    draw_legend(d, f);
}

/* ---- the right column: event card and log ---- */

static void draw_event_back(ui_draw *d, const frame *f, ui_rect r, const char *caption)
{
    card_ctx cc = card_of(f);
    card_draw_event_back(d, r, &cc, caption);
}

static void draw_event_face(ui_draw *d, const frame *f, ui_rect r, int ev)
{
    card_ctx cc = card_of(f);
    card_draw_event(d, r, &cc, ev);
}

static void draw_event(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect box = L->event;
    int ev = f->a->board.event_shown;
    if (ev >= (int)f->rs->n_events)
        ev = -1;
    if (ev < 0) {
        const char *cap = f->c.phase == PHASE_EVENT     ? tr(f, "The event card is drawn next")
                          : f->c.phase == PHASE_SETUP   ? tr(f, "Event cards")
                          : f->c.phase == PHASE_MALWARE ? tr(f, "Event: drawn after the malware")
                                                        : tr(f, "No event this round");
        draw_event_back(d, f, box, cap);
        return;
    }
    /* the flip: the back narrows to nothing, then the face widens (first half shows no face) */
    uint32_t left = f->a->board.event_ms;
    if (left > 0) {
        int done =
            BOARD_ANIM_EVENT_MS - (int)(left > BOARD_ANIM_EVENT_MS ? BOARD_ANIM_EVENT_MS : left);
        int half = BOARD_ANIM_EVENT_MS / 2;
        int k = done < half ? half - done : done - half; /* 0..half */
        int w = box.w * k / half;
        ui_rect r = rc(box.x + (box.w - w) / 2, box.y, w, box.h);
        if (done < half)
            draw_event_back(d, f, r, NULL);
        else
            draw_event_face(d, f, r, ev);
        return;
    }
    draw_event_face(d, f, box, ev);
}

/* True when the public log shows this entry (visible to all and worth a line). */
static bool log_shown(const frame *f, const log_entry *e)
{
    if (!rules_visible(f->s, f->pub, e))
        return false;
    if (e->type == LOG_TURN)
        return false; /* the banner says whose turn it is */
    if (e->type == LOG_COUNT_SHOWN && e->amount == 0)
        return false; /* quiet rooms: the board shows the zero */
    return true;
}

static void draw_log(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect r = L->log;
    draw_round(d, r, L->radius, COL_PANEL);
    if (f->a->board.log_focus)
        draw_stroke_round(d, r, L->radius, 3, COL_ACCENT);
    int hh = L->px_title + L->pad;
    widget_line(d, rc(r.x + L->pad, r.y, r.w - 2 * L->pad, hh), tr(f, "Log"), L->px_title,
                UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    const char *keys = tr(f, "L: focus · PgUp/PgDn");
    widget_line(d, rc(r.x + L->pad, r.y, r.w - 2 * L->pad, hh), keys, L->px_small, UI_FONT_REGULAR,
                COL_DIM, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    ui_rect body = rc(r.x + L->pad, r.y + hh, r.w - 2 * L->pad, r.h - hh - L->pad / 2);
    const log_buf *log = match_log(f->a->match);
    int px = L->px_body;
    int line_h = px + px / 3;
    /* while the event card flips, its log lines wait (the card tells it first) */
    size_t end = log->count;
    if (f->a->board.event_ms > 0)
        for (size_t i = log->count; i-- > 0;)
            if (log->items[i].type == LOG_EVENT) {
                end = i;
                break;
            }

    /* newest at the bottom: walk back from the newest visible entry (skipping log_scroll of
     * them), estimating heights, then draw the chosen ones top-down */
    enum { MAX_LINES = 64 };
    size_t pick[MAX_LINES];
    char *text[MAX_LINES];
    int total = 0;
    for (size_t i = 0; i < end; i++)
        total += log_shown(f, &log->items[i]);
    int n = 0, used = 0, skip = imin(f->a->board.log_scroll, imax(total - 1, 0));
    for (size_t i = end; i-- > 0 && n < MAX_LINES;) {
        const log_entry *e = &log->items[i];
        if (!log_shown(f, e))
            continue;
        if (skip > 0) {
            skip--;
            continue;
        }
        char *s = rules_log_format(f->s, e, f->l);
        int w = widget_text_width(d, s, px, UI_FONT_REGULAR);
        int lines = imax(1, (w * 11 / 10 + body.w - 1) / imax(body.w, 1));
        int hgt = lines * line_h + px / 4;
        if (used + hgt > body.h && n > 0) {
            free(s);
            break;
        }
        used += hgt;
        pick[n] = i;
        text[n] = s;
        n++;
    }
    draw_clip(d, &body);
    int y = body.y + imax(0, body.h - used);
    for (int k = n - 1; k >= 0; k--) {
        const log_entry *e = &log->items[pick[k]];
        bool head = e->type == LOG_ROUND || e->type == LOG_EVENT || e->type == LOG_OVER;
        ui_color c = head                                    ? COL_ACCENT
                     : k == 0 && f->a->board.log_scroll == 0 ? COL_TEXT
                                                             : COL_MUTED;
        int used_h = widget_wrap(d, rc(body.x, y, body.w, body.y + body.h - y), text[k], px,
                                 head ? UI_FONT_BOLD : UI_FONT_REGULAR, c, UI_ALIGN_LEFT);
        y += imax(used_h, line_h) + px / 4;
        free(text[k]);
    }
    draw_clip(d, NULL);
    if (f->a->board.log_scroll > 0)
        widget_line(d, rc(body.x, body.y + body.h - line_h, body.w, line_h),
                    tr(f, "▼ newer lines below (PgDn)"), L->px_small, UI_FONT_BOLD, COL_ACCENT,
                    UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
}

/* ---- the bottom panel ---- */

static void draw_role_card(ui_draw *d, const frame *f, ui_rect r, int role)
{
    const board_layout *L = &f->L;
    if (role < 0) {
        draw_round(d, r, L->radius, COL_PANEL2);
        return;
    }
    draw_round(d, rc(r.x + 3, r.y + 5, r.w, r.h), L->radius, UI_RGBA(0x000000, 120));
    card_ctx cc = card_of(f);
    card_draw_role(d, r, &cc, role, false);
}

/* A button: rounded, with a key hint at its left; dimmed when disabled. */
static void draw_button(ui_draw *d, const frame *f, ui_rect r, const char *key, const char *label,
                        bool enabled, bool lit, bool focus, ui_color accent)
{
    const board_layout *L = &f->L;
    bool hover = ui_rect_contains(r, f->a->board.hover_x, f->a->board.hover_y);
    ui_color bg = !enabled ? UI_RGB(0x1a2438) : lit ? with_alpha(accent, 255) : COL_PANEL2;
    if (enabled && hover && !lit)
        bg = UI_RGB(0x2a3d60);
    draw_round(d, r, L->radius, bg);
    draw_stroke_round(d, r, L->radius, lit || focus ? 3 : 2,
                      focus     ? COL_ACCENT
                      : enabled ? with_alpha(accent, 220)
                                : COL_LINE);
    int kx = r.x + L->pad / 2;
    int kh = imin(L->px_body + 8, r.h - 8), kw = 0;
    if (key && key[0])
        kw = imax(kh, widget_text_width(d, key, L->px_small, UI_FONT_BOLD) + 12);
    {
        /* a wide button (the curtain's) centres its key and one-line label together rather
         * than leaving them at the left edge */
        int full = r.w - L->pad;
        int one =
            (kw ? kw + L->pad / 2 : 0) + widget_text_width(d, label, L->px_body, UI_FONT_BOLD);
        if (one < full)
            kx += (full - one) / 2;
    }
    if (kw) {
        ui_rect kr = rc(kx, r.y + (r.h - kh) / 2, kw, kh);
        draw_round(d, kr, 6, enabled ? COL_TEXT : COL_DIM);
        widget_line(d, kr, key, L->px_small, UI_FONT_BOLD, COL_INK,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        kx += kw + L->pad / 2;
    }
    /* one line when a smaller size fits it; otherwise wrapped at the largest size that fits
     * the button without splitting a word ("End meeti" / "ng") */
    int lw = r.x + r.w - kx - L->pad / 2;
    int px = widget_fit_px(d, label, L->px_body, L->px_small * 8 / 10, lw, UI_FONT_BOLD);
    ui_color c = enabled ? COL_TEXT : COL_DIM;
    if (widget_text_width(d, label, px, UI_FONT_BOLD) <= lw)
        widget_line(d, rc(kx, r.y + 2, lw, r.h - 4), label, px, UI_FONT_BOLD, c,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    else
        widget_wrap(d, rc(kx, r.y + 2, lw, r.h - 4), label,
                    widget_fit_wrapped_px(d, label, L->px_body, L->px_small * 8 / 10, lw, r.h - 4,
                                          UI_FONT_BOLD),
                    UI_FONT_BOLD, c, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

/* Action button i's parts: the key/cost column's width and the rectangle of the name (left
 * of the art thumbnail when the action has art). */
static ui_rect action_label_rect(ui_draw *d, const frame *f, int i, int *colw, int *kh)
{
    const board_layout *L = &f->L;
    const action_def *ad = &f->rs->actions[f->acts[i]];
    ui_rect r = L->action[i];
    char cost[24];
    snprintf(cost, sizeof cost, "%d AP", ad->ap);
    *kh = imin(L->px_body + 6, r.h / 2 - 4);
    *colw = imax(*kh, widget_text_width(d, cost, L->px_small, UI_FONT_BOLD)) + 4;
    int lx = r.x + L->pad / 2 + *colw + L->pad / 2;
    ui_rect lab = rc(lx, r.y + 2, r.x + r.w - lx - L->pad / 2, r.h - 4);
    int th = r.h - L->pad;
    if (ad->art && lab.w > th * 2)
        lab.w -= th + L->pad / 2;
    return lab;
}

static void draw_actions(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    const board_ui *b = &f->a->board;
    bool idle = b->mode == BM_IDLE;
    int n = imin(f->n_acts, L->n_actions);
    for (int i = 0; i < n; i++) {
        int act = f->acts[i];
        const action_def *ad = &f->rs->actions[act];
        ui_rect r = L->action[i];
        bool ok = board_play_action_playable(f->a, f->role, act, NULL, 0);
        bool lit = b->mode == BM_TARGET && b->selected_action == act;
        ui_color accent = role_color(f->rs, f->role);
        draw_button(d, f, r, NULL, "", ok, lit, idle && f->focus == i, accent);
        /* left column: the key to press over the cost; then the name over the rest */
        char key[12], cost[24];
        snprintf(key, sizeof key, "%d", i + 1);
        snprintf(cost, sizeof cost, "%d AP", ad->ap);
        int colw, kh;
        ui_rect lab = action_label_rect(d, f, i, &colw, &kh);
        int kx = r.x + L->pad / 2;
        int ky = r.y + (r.h - kh - L->px_small - 6) / 2;
        ui_rect kr = rc(kx + (colw - kh) / 2, ky, kh, kh);
        draw_round(d, kr, 6, ok ? COL_TEXT : COL_DIM);
        widget_line(d, kr, key, L->px_small, UI_FONT_BOLD, COL_INK,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        widget_line(d, rc(kx, ky + kh + 4, colw, L->px_small + 2), cost, L->px_small, UI_FONT_BOLD,
                    ok ? COL_ACCENT : COL_DIM, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        /* the action card's art, when it has one, as a thumbnail at the right end (its room is
         * taken off the name's rectangle already; a picture that fails to load leaves a gap) */
        int th = r.h - L->pad;
        if (ad->art && lab.x + lab.w + th <= r.x + r.w)
            draw_image(d, rc(r.x + r.w - th - L->pad / 2, r.y + L->pad / 2, th, th), ad->art);
        /* each name at the largest size at which it fits its button whole (no word split,
         * nothing cut: "Prepare custo..." told a 720p player nothing); the short ones keep the
         * body size rather than all shrinking to the longest's */
        const char *name = ml_get(&ad->name, f->l);
        int px = widget_fit_wrapped_px(d, name, L->px_body,
                                       layout_font_px(TYPE_SMALL, L->w, L->h) * 3 / 4, lab.w, lab.h,
                                       UI_FONT_BOLD);
        widget_wrap(d, lab, name, px, UI_FONT_BOLD, ok ? COL_TEXT : COL_DIM,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
}

/* The right-hand word of a team chip: AP left or "done" in the action phase, else nothing
 * (out of it the round's leftover AP meant nothing: "2 AP" in the meeting read as points
 * still to spend). */
static void team_right(const frame *f, int role, char *out, size_t n)
{
    out[0] = '\0';
    if (f->c.phase == PHASE_ACTION && rules_passed(f->s, role))
        snprintf(out, n, "%s", tr(f, "done"));
    else if (f->c.phase == PHASE_ACTION)
        snprintf(out, n, "%d AP", rules_ap(f->s, role));
}

static void draw_team(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    int turn = f->c.phase == PHASE_ACTION ? rules_current_role(f->s) : -1;
    /* narrow chips (five roles or more) show the players' names whole and let the icons name
     * the roles ("フォレンジックエンジニア・..." hid who plays it); all chips alike */
    bool names_only = false;
    for (int i = 0; i < L->n_team && i < f->n_team; i++) {
        ui_rect r = L->team_chip[i];
        int role = f->team[i], px = imin(L->px_small, r.h * 45 / 100);
        char right[48], label[96];
        team_right(f, role, right, sizeof right);
        snprintf(label, sizeof label, "%s · %s", role_name(f, role), player_name(f, role));
        int lw = r.w - (r.h - 8) - (widget_text_width(d, right, px, UI_FONT_BOLD) + 8) - 18;
        names_only |= widget_text_width(d, label, px, UI_FONT_BOLD) > lw;
    }
    for (int i = 0; i < L->n_team && i < f->n_team; i++) {
        int role = f->team[i];
        ui_rect r = L->team_chip[i];
        bool passed = f->c.phase == PHASE_ACTION && rules_passed(f->s, role);
        bool me = role == f->role;
        ui_color c = role_color(f->rs, role);
        draw_round(d, r, L->radius / 2, me ? with_alpha(c, 255) : COL_PANEL2);
        draw_stroke_round(d, r, L->radius / 2, me || role == turn ? 3 : 1,
                          me ? COL_TEXT : with_alpha(c, 230));
        int ic = r.h - 8;
        draw_icon(d, widget_role_icon(f->rs->roles[role].id), rc(r.x + 6, r.y + 4, ic, ic),
                  me ? COL_TEXT : c);
        char right[48];
        team_right(f, role, right, sizeof right);
        int px = imin(L->px_small, r.h * 45 / 100);
        int rw = widget_text_width(d, right, px, UI_FONT_BOLD) + 8;
        char label[96];
        if (names_only && player_name(f, role)[0])
            snprintf(label, sizeof label, "%s", player_name(f, role));
        else
            snprintf(label, sizeof label, "%s · %s", role_name(f, role), player_name(f, role));
        widget_line(d, rc(r.x + ic + 12, r.y, r.w - ic - rw - 18, r.h), label, px, UI_FONT_BOLD,
                    passed ? COL_MUTED : COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        widget_line(d, rc(r.x + r.w - rw - 6, r.y, rw, r.h), right, px, UI_FONT_BOLD,
                    passed ? COL_MUTED : COL_ACCENT, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
        target_mark(d, f, r, BT_ROLE, role);
    }
}

/* The banner line: whose turn it is, or what the phase is doing. */
static void draw_banner(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect r = L->banner;
    const board_ui *b = &f->a->board;
    char buf[256];
    ui_color c = COL_PANEL2;
    const char *hint = "";
    switch (f->c.phase) {
    case PHASE_ACTION:
        c = role_color(f->rs, f->role);
        if (state_setup(f->s)->mode == MODE_SOLO)
            snprintf(buf, sizeof buf, "%s: %s", tr(f, "Acting"), role_name(f, f->role));
        else
            snprintf(buf, sizeof buf, "%s: %s - %s", tr(f, "Turn"), role_name(f, f->role),
                     player_name(f, f->role));
        if (b->mode == BM_TARGET && b->selected_action >= 0) {
            target_kind tk = f->rs->actions[b->selected_action].target;
            hint = tk == TGT_TERMINAL ? "Choose a terminal (arrows/Tab, Enter) · Esc cancels"
                   : tk == TGT_ROOM   ? "Choose a room (arrows/Tab, Enter) · Esc cancels"
                   : tk == TGT_ROLE_PAIR
                       ? (b->pending_target < 0 ? "Choose the role that gives 1 AP · Esc cancels"
                                                : "Choose the role that gets it · Esc cancels")
                   : tk == TGT_ROLE ? "Choose a role (arrows/Tab, Enter) · Esc cancels"
                                    : "Enter plays it · Esc cancels";
        } else if (b->mode == BM_NOTE_TARGET) {
            hint = "Choose where to pin the note · Esc cancels";
        } else if (state_setup(f->s)->mode == MODE_SOLO) {
            /* solo: any role may act in any order, which nothing on screen said */
            hint = "1-9 action · R or a role: switch roles · E role done · N notebook · "
                   "Ctrl+Z undo";
        } else {
            hint = "1-9 action · E end turn · N notebook · M note · Ctrl+Z undo";
        }
        break;
    case PHASE_SETUP:
        snprintf(buf, sizeof buf, "%s", tr(f, "The facilitator is placing the cards..."));
        break;
    case PHASE_MALWARE:
        snprintf(buf, sizeof buf, "%s", tr(f, "Malware phase: watch the rooms' counts"));
        break;
    case PHASE_EVENT:
        snprintf(buf, sizeof buf, "%s", tr(f, "Event phase: an event card is drawn"));
        break;
    case PHASE_MEETING:
        c = UI_RGB(0x1f5a3c);
        snprintf(buf, sizeof buf, "%s", tr(f, "Meeting: talk freely, plan the next round"));
        hint = "M or right-click: pin a note · Enter ends the meeting";
        break;
    case PHASE_OVER:
    default:
        snprintf(buf, sizeof buf, "%s: %s", tr(f, "Game over"),
                 rules_outcome_name(rules_outcome(f->s), f->l));
        break;
    }
    draw_round(d, r, L->radius, c);
    int ic = r.h - 8;
    int x = r.x + L->pad / 2;
    if (f->c.phase == PHASE_ACTION && f->role >= 0) {
        draw_icon(d, widget_role_icon(f->rs->roles[f->role].id), rc(x, r.y + 4, ic, ic), COL_TEXT);
        x += ic + L->pad / 2;
    }
    int right_w = 0;
    if (f->c.phase == PHASE_ACTION && f->role >= 0) {
        /* AP left as pips and as a number */
        int base = f->rs->roles[f->role].ap, left = rules_ap(f->s, f->role);
        char ap[32];
        snprintf(ap, sizeof ap, "%s %d", tr(f, "AP"), left);
        int aw = widget_text_width(d, ap, L->px_title, UI_FONT_BOLD) + 8;
        int pw = imax(base, left) * (r.h / 2 + 4);
        right_w = aw + pw + L->pad;
        widget_line(d, rc(r.x + r.w - right_w, r.y, aw, r.h), ap, L->px_title, UI_FONT_BOLD,
                    COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        ap_pips(d, rc(r.x + r.w - pw - L->pad / 2, r.y + r.h / 4, pw, r.h / 2), left, base,
                COL_ACCENT);
    }
    int tw = widget_text_width(d, buf, L->px_title, UI_FONT_BOLD);
    int avail = r.x + r.w - right_w - x - L->pad;
    tw = imin(tw + 8, avail);
    widget_line(d, rc(x, r.y, tw, r.h), buf, L->px_title, UI_FONT_BOLD, COL_TEXT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    if (hint[0] && avail - tw > L->pad * 4)
        widget_line(d, rc(x + tw + L->pad, r.y, avail - tw - L->pad, r.h), tr(f, hint), L->px_small,
                    UI_FONT_REGULAR, UI_RGBA(0xffffff, 210), UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
}

/* The panel when no role acts: what the hidden side does, or the meeting countdown. */
static void draw_phase_panel(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    ui_rect area = rc(L->role_card.x, L->role_card.y,
                      L->end_turn.x + L->end_turn.w - L->role_card.x, L->role_card.h);
    draw_round(d, area, L->radius, COL_PANEL);
    char buf[160];
    if (f->c.phase == PHASE_MEETING) {
        uint32_t s = (f->a->board.meeting_ms_left + 999) / 1000;
        snprintf(buf, sizeof buf, "%s %u:%02u", tr(f, "Meeting"), s / 60, s % 60);
        ui_rect big = rc(area.x + L->pad, area.y, L->end_turn.x - area.x - 2 * L->pad, area.h);
        draw_icon(d, UI_ICON_CLOCK,
                  rc(big.x, big.y + (big.h - L->px_big) / 2, L->px_big, L->px_big), COL_CLEAN);
        widget_line(d, rc(big.x + L->px_big + L->pad, big.y, big.w - L->px_big - L->pad, big.h),
                    buf, L->px_huge, UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        bool focus = f->a->board.focus >= 0;
        draw_button(d, f, L->meeting_end, "Enter", tr(f, "End meeting"), true, false, focus,
                    COL_CLEAN);
        return;
    }
    ui_icon icon = f->c.phase == PHASE_MALWARE ? UI_ICON_SIGNAL
                   : f->c.phase == PHASE_EVENT ? UI_ICON_EVENT
                                               : UI_ICON_CLOCK;
    const char *text =
        f->c.phase == PHASE_MALWARE
            ? "The malware is active. Suspicious communications are being counted..."
        : f->c.phase == PHASE_EVENT ? "Something happens in the company..."
        : f->c.phase == PHASE_SETUP ? "The facilitator places the infected terminal(s) in secret."
        /* only a game that reached the briefing ended with it (not a declaration,
         * a mass breach or a stopped business) */
        : rules_outcome(f->s) == OUT_WIN_BRIEFING || rules_outcome(f->s) == OUT_LOSE_BRIEFING
            ? "The customer briefing is over."
            : "The game is over.";
    /* a person runs the hidden side from the console: the room waits for them */
    bool waiting = facil_human(f->a) && f->c.phase != PHASE_OVER;
    if (waiting)
        text = f->a->facil->use_window ? "Waiting for the facilitator..."
                                       : "Waiting for the facilitator (F9: facilitator console)...";
    /* a slow pulse so the room sees the computer is working */
    int pulse = (int)(f->a->board.anim_ms / 8 % 200);
    pulse = pulse < 100 ? pulse : 200 - pulse;
    int q = imin(area.h - 2 * L->pad, L->px_big * 2);
    draw_icon(d, icon, rc(area.x + L->pad * 2, area.y + (area.h - q) / 2, q, q),
              UI_RGBA(0xffd166, 120 + pulse));
    widget_wrap(d, rc(area.x + q + L->pad * 4, area.y, area.w - q - L->pad * 6, area.h),
                tr(f, text), L->px_title, UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

static void draw_panel(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    draw_fill(d, L->panel, COL_PANEL);
    draw_line(d, 0, L->panel.y, L->w, L->panel.y, 2, COL_LINE);
    draw_banner(d, f);
    draw_team(d, f);
    if (f->c.phase != PHASE_ACTION || f->role < 0) {
        draw_phase_panel(d, f);
        return;
    }
    draw_role_card(d, f, L->role_card, f->role);
    draw_actions(d, f);
    bool idle = f->a->board.mode == BM_IDLE;
    move m;
    move_init(&m, MV_PASS);
    m.role = f->role;
    bool can_pass = rules_check(f->s, &m, NULL, 0);
    draw_button(d, f, L->end_turn, "E", tr(f, "End turn"), can_pass, false,
                idle && f->focus == f->n_acts, UI_RGB(0xffd166));
    draw_button(d, f, L->undo, tr(f, "Ctrl+Z"), tr(f, "Undo"), match_can_undo(f->a->match), false,
                idle && f->focus == f->n_acts + 1, COL_MUTED);
}

/* ---- overlays ---- */

static void draw_message(ui_draw *d, const frame *f)
{
    const board_ui *b = &f->a->board;
    if (b->message_ms == 0 || !b->message[0])
        return;
    const board_layout *L = &f->L;
    ui_rect r = L->message;
    draw_round(d, r, L->radius, UI_RGBA(0x2a1216, 235));
    draw_stroke_round(d, r, L->radius, 3, COL_ACCENT);
    widget_wrap(d, inset(r, L->pad, 4), b->message, L->px_body, UI_FONT_BOLD, COL_TEXT,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
}

/* A tooltip box near (x, y) with a title and wrapped text. */
static void draw_tip(ui_draw *d, const frame *f, const char *title, const char *body)
{
    const board_layout *L = &f->L;
    int w = imin(layout_px(640, L->w, L->h), L->w - 2 * L->pad);
    int lines = est_lines(d, body, L->px_small, w - 2 * L->pad);
    int h = imin(L->pad * 2 + L->px_title + 6 + lines * (L->px_small * 4 / 3) + L->pad / 2,
                 L->h * 2 / 3);
    int x = f->a->board.hover_x + 24, y = f->a->board.hover_y - h - 12;
    if (x + w > L->w - L->pad)
        x = L->w - L->pad - w;
    if (y < L->pad)
        y = f->a->board.hover_y + 28;
    if (y + h > L->h - L->pad)
        y = L->h - L->pad - h;
    ui_rect r = rc(x, y, w, h);
    draw_round(d, rc(r.x + 4, r.y + 6, r.w, r.h), L->radius, UI_RGBA(0x000000, 140));
    draw_round(d, r, L->radius, UI_RGB(0xf7f3e6));
    widget_line(d, rc(r.x + L->pad, r.y + L->pad / 2, r.w - 2 * L->pad, L->px_title + 6), title,
                L->px_title, UI_FONT_BOLD, COL_INK, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    widget_wrap(d,
                rc(r.x + L->pad, r.y + L->pad + L->px_title + 6, r.w - 2 * L->pad,
                   r.h - L->px_title - L->pad * 2),
                body, L->px_small, UI_FONT_REGULAR, COL_INK, UI_ALIGN_LEFT);
}

static void draw_tooltip(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    const board_ui *b = &f->a->board;
    int x = b->hover_x, y = b->hover_y;
    char buf[1024];
    if (b->mode == BM_NOTE_MARK)
        return;
    /* not while a target is being chosen: the card rose over the rooms and terminals the
     * player had to click (the banner says what to choose) */
    if (f->c.phase == PHASE_ACTION && f->role >= 0 && b->mode == BM_IDLE)
        for (int i = 0; i < f->n_acts && i < L->n_actions; i++) {
            if (!ui_rect_contains(L->action[i], x, y))
                continue;
            const action_def *ad = &f->rs->actions[f->acts[i]];
            char why[RULES_WHY_MAX] = "";
            bool ok = board_play_action_playable(f->a, f->role, f->acts[i], why, sizeof why);
            snprintf(buf, sizeof buf, "%s\n%s %d AP%s%s", ml_get(&ad->desc, f->l), tr(f, "Cost:"),
                     ad->ap, ok ? "" : "\n", ok ? "" : why);
            char title[160];
            snprintf(title, sizeof title, "%s%s", ml_get(&ad->name, f->l),
                     ok ? "" : tr(f, " (not possible now)"));
            draw_tip(d, f, title, buf);
            return;
        }
    if (f->c.phase == PHASE_ACTION && f->role >= 0 && b->mode == BM_IDLE &&
        ui_rect_contains(L->role_card, x, y)) {
        draw_tip(d, f, tr(f, "Notebook"),
                 tr(f, "Click or N: this role's notebook (its private results), on its turn."));
        return;
    }
    for (int t = 0; t < L->n_terminals; t++) {
        if (!ui_rect_contains(L->terminal[t], x, y))
            continue;
        const terminal_def *td = &f->sc->terminals[t];
        terminal_view tv;
        rules_terminal(f->s, f->pub, t, &tv);
        core_str sb = {0};
        core_str_printf(&sb, "%s: %s\n%s: %s", tr(f, "Owner"), ml_get(&td->owner, f->l),
                        tr(f, "Room"), ml_get(&f->sc->rooms[td->room].name, f->l));
        if (tv.face_up) {
            core_str_printf(&sb, "\n%s: %s", tr(f, "Kind"),
                            ml_get(&f->rs->kinds[td->kind].name, f->l));
            core_str_printf(&sb, "\n%s",
                            tv.known_infected ? tr(f, "Examined: INFECTED")
                                              : tr(f, "Examined: clean"));
        } else {
            core_str_printf(&sb, "\n%s", tr(f, "Face down: not examined yet."));
        }
        if (tv.isolated)
            core_str_printf(&sb, "\n%s", tr(f, "Isolated from the network."));
        if (tv.evidence == 2)
            core_str_printf(&sb, "\n%s", tr(f, "Evidence preserved: memory and disk."));
        else if (tv.evidence == 1)
            core_str_printf(&sb, "\n%s", tr(f, "Evidence preserved: disk only."));
        if (tv.volatile_lost)
            core_str_printf(&sb, "\n%s", tr(f, "Volatile evidence lost."));
        core_str_printf(&sb, "\n%s", tr(f, "Right-click / M: pin a note"));
        draw_tip(d, f, td->id, core_str_cstr(&sb));
        core_str_free(&sb);
        return;
    }
    if (ui_rect_contains(L->event, x, y) && b->event_shown >= 0 &&
        b->event_shown < (int)f->rs->n_events) {
        const event_def *ed = &f->rs->events[b->event_shown];
        snprintf(buf, sizeof buf, "%s\n\n%s", ml_get(&ed->rule, f->l), ml_get(&ed->flavour, f->l));
        draw_tip(d, f, ml_get(&ed->title, f->l), buf);
        return;
    }
    for (int r = 0; r < L->n_rooms; r++) {
        if (!ui_rect_contains(L->room_head[r], x, y) && !ui_rect_contains(L->room_count[r], x, y))
            continue;
        const room_def *rd = &f->sc->rooms[r];
        room_view rv;
        rules_room(f->s, f->pub, r, &rv);
        core_str sb = {0};
        const char *seg = (size_t)rd->segment < f->sc->n_segments
                              ? ml_get(&f->sc->segments[rd->segment].name, f->l)
                              : "";
        core_str_printf(&sb, "%s: %s\n%s:", tr(f, "Network segment"), seg,
                        tr(f, "Suspicious communications by round"));
        for (int i = 0; i < rv.n_history; i++)
            core_str_printf(&sb, " %d", rv.history[i]);
        if (rv.edr)
            core_str_printf(&sb, "\n%s", tr(f, "EDR deployed: log analysis here is exact."));
        core_str_printf(&sb, "\n%s", tr(f, "Right-click / M: pin a note"));
        draw_tip(d, f, ml_get(&rd->name, f->l), core_str_cstr(&sb));
        core_str_free(&sb);
        return;
    }
}

static void draw_note_menu(ui_draw *d, const frame *f)
{
    const board_ui *b = &f->a->board;
    if (b->mode != BM_NOTE_MARK)
        return;
    static const char *const words[] = {"Suspect", "Cleared", "Watch", "Remove the note"};
    const board_layout *L = &f->L;
    int ih = L->px_body + L->pad, w = layout_px(420, L->w, L->h);
    int h = ih * 5 + L->pad;
    int x = imin(imax(b->note_x, L->pad), L->w - w - L->pad);
    int y = imin(imax(b->note_y, L->pad), L->h - h - L->pad);
    ui_rect r = rc(x, y, w, h);
    draw_round(d, rc(x + 4, y + 6, w, h), L->radius, UI_RGBA(0x000000, 150));
    draw_round(d, r, L->radius, COL_PANEL2);
    draw_stroke_round(d, r, L->radius, 3, role_color(f->rs, f->role));
    char title[160];
    const char *target = b->note_kind == BT_TERMINAL
                             ? f->sc->terminals[b->note_target].id
                             : ml_get(&f->sc->rooms[b->note_target].name, f->l);
    snprintf(title, sizeof title, "%s: %s", role_name(f, f->role), target);
    widget_line(d, rc(x + L->pad, y + L->pad / 2, w - 2 * L->pad, ih), title, L->px_body,
                UI_FONT_BOLD, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    for (int i = 0; i < 4; i++) {
        ui_rect ir = rc(x + L->pad / 2, y + L->pad / 2 + ih * (i + 1), w - L->pad, ih - 4);
        char key[12];
        snprintf(key, sizeof key, "%d", i + 1);
        draw_button(d, f, ir, key, tr(f, words[i]), true, false, b->focus == i,
                    role_color(f->rs, f->role));
    }
}

/* The private results of the entry behind the curtain and the rest of its move, for role. */
static void draw_entries_for_role(ui_draw *d, const frame *f, ui_rect body, size_t from, size_t to,
                                  int role, int px)
{
    const log_buf *log = match_log(f->a->match);
    int y = body.y;
    const board_layout *L = &f->L;
    /* a long notebook shows its newest entries (about two lines each) */
    int count = 0, fit = imax(1, body.h / (px * 3));
    for (size_t i = from; i < to && i < log->count; i++)
        count += log->items[i].vis == VIS_ROLE && log->items[i].vis_role == role;
    int skip = imax(0, count - fit);
    for (size_t i = from; i < to && i < log->count && y < body.y + body.h; i++) {
        const log_entry *e = &log->items[i];
        if (e->vis != VIS_ROLE || e->vis_role != role)
            continue;
        if (skip > 0) {
            skip--;
            continue;
        }
        char *s = rules_log_format(f->s, e, f->l);
        char line[512];
        char round[48];
        snprintf(round, sizeof round, tr(f, "Round %d"), e->round);
        snprintf(line, sizeof line, "[%s] %s", round, s);
        free(s);
        y += widget_wrap(d, rc(body.x, y, body.w, body.y + body.h - y), line, px, UI_FONT_REGULAR,
                         COL_TEXT, UI_ALIGN_LEFT) +
             L->pad / 2;
    }
}

static void draw_modal_frame(ui_draw *d, const frame *f, ui_color accent, const char *title,
                             const char *footer, ui_rect *body)
{
    const board_layout *L = &f->L;
    draw_fill(d, rc(0, 0, L->w, L->h), UI_RGBA(0x050a14, 190));
    ui_rect r = L->modal;
    draw_round(d, r, L->radius, COL_PANEL2);
    draw_stroke_round(d, r, L->radius, 4, accent);
    int hh = L->px_title + L->pad * 2;
    draw_round(d, rc(r.x, r.y, r.w, hh), L->radius, accent);
    widget_line(d, rc(r.x + L->pad, r.y, r.w - 2 * L->pad, hh), title, L->px_title, UI_FONT_BOLD,
                COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int fh = L->px_body + L->pad * 2;
    widget_line(d, rc(r.x + L->pad, r.y + r.h - fh, r.w - 2 * L->pad, fh), footer, L->px_body,
                UI_FONT_BOLD, COL_ACCENT, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    *body = rc(r.x + L->pad * 2, r.y + hh + L->pad, r.w - 4 * L->pad, r.h - hh - fh - L->pad * 2);
}

static void draw_curtain(ui_draw *d, const frame *f)
{
    const board_layout *L = &f->L;
    const board_ui *b = &f->a->board;
    int role = b->curtain_role;
    ui_color c = role_color(f->rs, role);
    draw_fill(d, rc(0, 0, L->w, L->h), COL_CURTAIN);
    /* stripes in the role's colour so the room sees at once whose moment it is */
    int sh = imax(8, L->h / 40);
    draw_fill(d, rc(0, 0, L->w, sh), c);
    draw_fill(d, rc(0, L->h - sh, L->w, sh), c);
    int q = imin(L->w, L->h) / 4;
    draw_circle(d, L->w / 2, L->h / 4 + q / 2, q * 6 / 10, with_alpha(c, 255));
    if (role >= 0)
        draw_icon(d, widget_role_icon(f->rs->roles[role].id),
                  rc(L->w / 2 - q / 2 + q / 8, L->h / 4 + q / 8, q * 3 / 4, q * 3 / 4), COL_TEXT);
    char buf[256];
    snprintf(buf, sizeof buf, tr(f, "Only the %s looks now"), role_name(f, role));
    int y = L->h / 4 + q + L->pad * 3;
    y += widget_wrap(d, rc(L->pad * 2, y, L->w - 4 * L->pad, L->px_big * 3), buf, L->px_big,
                     UI_FONT_BOLD, COL_TEXT, UI_ALIGN_CENTER) +
         L->pad;
    snprintf(buf, sizeof buf, "%s: %s", tr(f, "Player"), player_name(f, role));
    y += widget_line(d, rc(0, y, L->w, L->px_title * 2), buf, L->px_title, UI_FONT_BOLD, c,
                     UI_ALIGN_CENTER | UI_VALIGN_MIDDLE) +
         L->pad;
    y += widget_wrap(
             d, rc(L->pad * 4, y, L->w - 8 * L->pad, L->px_body * 4),
             tr(f, "Everyone else, please look away. Click or press Enter to see the result."),
             L->px_body, UI_FONT_REGULAR, COL_MUTED, UI_ALIGN_CENTER) +
         L->pad * 2;
    /* the button the role's player presses (anywhere works: a click or Enter) */
    int bw = layout_px(520, L->w, L->h), bh = L->px_title + L->pad * 2;
    draw_button(d, f, rc((L->w - bw) / 2, y, bw, bh), "Enter", tr(f, "Show the result"), true, true,
                false, c);
}

static void draw_result(ui_draw *d, const frame *f)
{
    const board_ui *b = &f->a->board;
    char title[256];
    snprintf(title, sizeof title, tr(f, "Private result for the %s"),
             role_name(f, b->curtain_role));
    ui_rect body;
    draw_modal_frame(d, f, role_color(f->rs, b->curtain_role), title,
                     tr(f, "Enter / click: file it in the notebook"), &body);
    const log_buf *log = match_log(f->a->match);
    draw_entries_for_role(d, f, body, b->curtain_log, log->count, b->curtain_role, f->L.px_title);
}

static void draw_notebook(ui_draw *d, const frame *f)
{
    char title[256];
    snprintf(title, sizeof title, tr(f, "Notebook: %s"), role_name(f, f->role));
    ui_rect body;
    draw_modal_frame(d, f, role_color(f->rs, f->role), title, tr(f, "N / Esc / click: close"),
                     &body);
    const log_buf *log = match_log(f->a->match);
    bool any = false;
    for (size_t i = 0; i < log->count; i++)
        if (log->items[i].vis == VIS_ROLE && log->items[i].vis_role == f->role)
            any = true;
    if (!any)
        widget_wrap(d, body, tr(f, "No private results yet."), f->L.px_body, UI_FONT_REGULAR,
                    COL_MUTED, UI_ALIGN_LEFT);
    else
        draw_entries_for_role(d, f, body, 0, log->count, f->role, f->L.px_body);
}

/* A tutorial hint for this moment, shown over the top of the floor plan. */
static void draw_hint(ui_draw *d, const frame *f)
{
    if (!f->sc->tutorial)
        return;
    if (!f->a->settings.hints) {
        /* the strip stays in the layout: say how to bring the hints back (H) */
        if (f->L.hint.w > 0)
            widget_line(d, inset(f->L.hint, f->L.pad, f->L.pad / 2),
                        tr(f, "Hints are off (H shows them)"), f->L.px_small, UI_FONT_REGULAR,
                        COL_DIM, UI_ALIGN_LEFT | UI_VALIGN_BOTTOM);
        return;
    }
    const hint_def *best = NULL;
    for (size_t i = 0; i < f->sc->n_hints; i++) {
        const hint_def *h = &f->sc->hints[i];
        if ((h->round == 0 || h->round == f->c.round) &&
            (h->phase < 0 || h->phase == (int)f->c.phase) &&
            (h->role < 0 || (f->c.phase == PHASE_ACTION && h->role == f->role)))
            best = h;
    }
    if (!best)
        return;
    const board_layout *L = &f->L;
    ui_rect r = L->hint;
    draw_round(d, r, L->radius, UI_RGBA(0x0b3d2c, 235));
    draw_stroke_round(d, r, L->radius, 2, COL_CLEAN);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s  %s", tr(f, "Hint:"), ml_get(&best->text, f->l));
    ui_rect in = inset(r, L->pad, L->pad / 2);
    /* a long hint steps down rather than being cut (measured as drawn: an estimate cut the
     * English hints' last line at 720p) */
    int px =
        widget_fit_wrapped_px(d, buf, L->px_body, L->px_small * 3 / 4, in.w, in.h, UI_FONT_REGULAR);
    widget_wrap(d, in, buf, px, UI_FONT_REGULAR, COL_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

void board_draw(const app *a, ui_draw *d)
{
    draw_begin(d, COL_BG);
    if (!a->match || !a->rs) {
        draw_end(d);
        return;
    }
    frame f;
    memset(&f, 0, sizeof f);
    f.a = a;
    f.s = match_state(a->match);
    f.rs = state_ruleset(f.s);
    f.sc = state_scenario(f.s);
    f.l = a->lang;
    f.pub.kind = VIEW_PUBLIC;
    f.pub.role = -1;
    rules_clock(f.s, &f.c);
    f.role = board_play_acting_role(a);
    f.n_acts = f.c.phase == PHASE_ACTION ? board_play_role_actions(a, f.role, f.acts) : 0;
    f.n_team = (int)rules_turn_order(f.s, f.team, RULES_MAX_ROLES);
    report_text rt = {f.l, a->catalogue};
    for (int p = 0; p < state_setup(f.s)->n_players && p < RULES_MAX_PLAYERS; p++) {
        const char *shown =
            report_player_name(&rt, p, state_setup(f.s)->player[p], f.names[p], sizeof f.names[p]);
        if (shown != f.names[p])
            snprintf(f.names[p], sizeof f.names[p], "%s", shown);
    }
    board_layout_compute(&f.L, a->width > 0 ? a->width : d->width,
                         a->height > 0 ? a->height : d->height, f.sc, f.n_acts, f.n_team);
    board_play_targets(a, &f.targets);
    /* focus -1: no keyboard focus shown (the mouse is in use) */
    int nfocus = a->board.mode == BM_IDLE ? f.n_acts + 2 : f.targets.n;
    f.focus = a->board.focus < 0 || nfocus == 0 ? -1 : a->board.focus % nfocus;

    if (board_pause_hides(a)) {
        /* solo practice paused: nothing of the board while the clock stands still */
        board_pause_draw(a, d);
        draw_end(d);
        return;
    }
    if (a->board.curtain) {
        /* nothing of the board: the screen is the acting player's for a moment */
        draw_curtain(d, &f);
        draw_end(d);
        return;
    }
    draw_fill(d, f.L.top, COL_PANEL);
    draw_clock(d, &f);
    draw_tracks(d, &f);
    draw_status(d, &f);
    draw_plan(d, &f);
    draw_event(d, &f);
    draw_log(d, &f);
    draw_panel(d, &f);
    draw_hint(d, &f);
    draw_message(d, &f);
    if (a->board.result_shown) {
        draw_result(d, &f);
    } else if (a->board.notebook_open) {
        draw_notebook(d, &f);
    } else {
        draw_note_menu(d, &f);
        draw_tooltip(d, &f);
    }
    board_pause_draw(a, d); /* the pause menu over the board (when open) */
    draw_end(d);
}
