/* card_draw.c: draws the cards (events, roles, terminals, kinds, actions) for the board and the
 * print-and-play sheets, and lays sheets out (grid, crop marks, footer). */
#include "card_draw.h"

#include "text.h"
#include "widget.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

static ui_rect card_rc(int x, int y, int w, int h)
{
    ui_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static ui_rect card_inset(ui_rect r, int dx, int dy)
{
    return card_rc(r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy);
}

static int card_min(int a, int b)
{
    return a < b ? a : b;
}

static int card_max(int a, int b)
{
    return a > b ? a : b;
}

card_metrics card_draw_metrics(int w, int h)
{
    (void)h;
    card_metrics m;
    m.px_title = card_max(12, w * 76 / 1000);
    m.px_body = card_max(10, w * 54 / 1000);
    m.px_small = card_max(9, w * 45 / 1000);
    m.pad = card_max(3, w * 40 / 1000);
    m.radius = card_max(3, w * 44 / 1000);
    return m;
}

const char *card_draw_tr(const card_ctx *c, const char *msgid)
{
    if (c->l != LANG_JA || !c->cat)
        return msgid;
    const char *t = i18n_pget(c->cat, "card", msgid);
    return t != msgid ? t : i18n_get(c->cat, msgid);
}

/* The rule text of an event: its YAML rule, else its effects described (caller frees gen). */
static const char *card_event_rule(const card_ctx *c, const event_def *ed, char **gen)
{
    *gen = NULL;
    const char *rule = ml_get(&ed->rule, c->l);
    if (rule[0])
        return rule;
    core_str sb = {0};
    core_str_printf(&sb, "%s", "");
    for (size_t i = 0; i < ed->n_effects; i++) {
        char *one = rules_effect_describe(c->rs, &ed->effects[i], c->l);
        core_str_printf(&sb, "%s%s", i ? "\n" : "", one);
        free(one);
    }
    *gen = core_str_take(&sb);
    return *gen;
}

/* ---- events ---- */

void card_draw_event_back(ui_draw *d, ui_rect r, const card_ctx *c, const char *caption)
{
    const card_metrics *m = &c->m;
    draw_round(d, r, m->radius, UI_RGB(CARD_EVENT));
    draw_stroke_round(d, card_inset(r, m->pad / 2, m->pad / 2), m->radius, 3,
                      UI_RGBA(0xffffff, 90));
    int q = card_min(r.w, r.h) / 3;
    if (q > 4)
        draw_icon(d, UI_ICON_EVENT,
                  card_rc(r.x + (r.w - q) / 2, r.y + (r.h - q) / 2 - m->pad, q, q),
                  UI_RGBA(0xffffff, 200));
    if (caption && r.w > m->pad * 4)
        widget_wrap(
            d, card_rc(r.x + m->pad, r.y + r.h - m->px_body * 3, r.w - 2 * m->pad, m->px_body * 2),
            caption, m->px_body, UI_FONT_BOLD, UI_RGB(CARD_WHITE),
            UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
}

/* A card's picture: its art when it loads, else a drawn emblem (the icon, large and faint, on
 * a tinted panel) so a printed card without art still has a picture where art would go. */
static void card_picture(ui_draw *d, ui_rect r, const card_ctx *c, const char *art, ui_icon icon,
                         uint32_t rgb)
{
    if (art && draw_image(d, r, art))
        return;
    draw_round(d, r, c->m.radius / 2, UI_RGBA(rgb, 38));
    int q = card_min(r.w, r.h) * 3 / 4;
    draw_icon(d, icon, card_rc(r.x + (r.w - q) / 2, r.y + (r.h - q) / 2, q, q), UI_RGBA(rgb, 150));
}

void card_draw_event(ui_draw *d, ui_rect r, const card_ctx *c, int ev)
{
    assert(c && c->rs && ev >= 0 && (size_t)ev < c->rs->n_events);
    const card_metrics *m = &c->m;
    const event_def *ed = &c->rs->events[ev];
    const char *title = ml_get(&ed->title, c->l);
    /* a tall card (print) has room for a two-line title and a picture; the board's wide one
     * keeps one line and shows art only when the event has some */
    bool tall = r.h > r.w * 5 / 4;
    int hh = m->px_title + m->pad * 2, tpx = m->px_title, tlines = 1;
    if (tall && r.w > m->pad * 6) {
        int tw = r.w - hh - m->pad;
        tpx = widget_fit_px(d, title, m->px_title, m->px_title * 4 / 5, tw, UI_FONT_BOLD);
        if (widget_text_width(d, title, tpx, UI_FONT_BOLD) > tw) {
            tpx = m->px_title;
            tlines = 2;
            hh = m->px_title * 5 / 2 + m->pad * 2;
        }
    }
    draw_round(d, r, m->radius, UI_RGB(CARD_FACE));
    draw_round(d, card_rc(r.x, r.y, r.w, hh), m->radius, UI_RGB(CARD_EVENT));
    draw_fill(d, card_rc(r.x, r.y + hh - m->pad, r.w, m->pad), UI_RGB(CARD_EVENT));
    if (r.w < m->pad * 6)
        return; /* too thin mid-flip for words */
    int ic = m->px_title + m->pad;
    draw_icon(d, UI_ICON_EVENT, card_rc(r.x + m->pad / 2, r.y + (hh - ic) / 2, ic, ic),
              UI_RGB(CARD_WHITE));
    ui_rect tr = card_rc(r.x + ic + m->pad, r.y, r.w - ic - m->pad * 3 / 2, hh);
    if (tlines == 1 && !tall) /* the board's wide card: a long title steps down (to 3/4) */
        tpx = widget_fit_px(d, title, m->px_title, m->px_title * 3 / 4, tr.w, UI_FONT_BOLD);
    if (tlines == 1)
        widget_line(d, tr, title, tpx, UI_FONT_BOLD, UI_RGB(CARD_WHITE),
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    else
        widget_wrap(d, tr, title, tpx, UI_FONT_BOLD, UI_RGB(CARD_WHITE),
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int y = r.y + hh + m->pad / 2;
    ui_rect body = card_rc(r.x + m->pad, y, r.w - 2 * m->pad, r.y + r.h - y - m->pad / 2);
    if (tall) {
        int ah = body.h * 40 / 100;
        card_picture(d, card_rc(body.x, body.y, body.w, ah), c, ed->art, UI_ICON_EVENT, CARD_EVENT);
        body.y += ah + m->pad;
        body.h -= ah + m->pad;
    } else if (ed->art) {
        int ah = body.h / 3;
        if (draw_image(d, card_rc(body.x, body.y, body.w, ah), ed->art)) {
            body.y += ah + m->pad / 2;
            body.h -= ah + m->pad / 2;
        }
    }
    /* the rule first (what it does, large), then the story (smaller, muted) */
    char *gen = NULL;
    const char *rule = card_event_rule(c, ed, &gen);
    /* the rule box fits its text, at most 60%; when the rule and the story do not both fit
     * (the board's card on a 720p window), both step down together, to three quarters at most,
     * before anything is cut: the rule is what the players must read */
    const char *flavour = ml_get(&ed->flavour, c->l);
    int rpx = m->px_body, fpx = m->px_small;
    while (rpx * 4 > m->px_body * 3 &&
           widget_text_height(d, rule, rpx, UI_FONT_BOLD, body.w) + m->pad +
                   widget_text_height(d, flavour, fpx, UI_FONT_REGULAR, body.w) >
               body.h) {
        rpx--;
        fpx = card_max(8, m->px_small * rpx / m->px_body);
    }
    int rule_h = card_min(widget_text_height(d, rule, rpx, UI_FONT_BOLD, body.w) + m->pad / 2,
                          body.h * 60 / 100);
    ui_rect rule_box = card_rc(body.x, body.y, body.w, rule_h);
    draw_round(d, card_inset(rule_box, -m->pad / 3, -m->pad / 4), m->radius / 2,
               UI_RGB(CARD_RULE_BOX));
    widget_wrap(d, rule_box, rule, rpx, UI_FONT_BOLD, UI_RGB(CARD_INK),
                UI_ALIGN_LEFT | UI_VALIGN_TOP);
    free(gen);
    ui_rect fl = card_rc(body.x, rule_box.y + rule_box.h + m->pad / 2, body.w,
                         body.y + body.h - rule_box.y - rule_box.h - m->pad / 2);
    /* on a tall card the story sits at the bottom, like a caption */
    widget_wrap(d, fl, flavour, fpx, UI_FONT_REGULAR, UI_RGB(CARD_INK_SOFT),
                UI_ALIGN_LEFT | (tall ? UI_VALIGN_BOTTOM : UI_VALIGN_TOP));
}

/* ---- roles ---- */

/* The full role card's lower half: action points, the passive ability and the description, at
 * pct percent of the metrics' sizes. Returns the height it needs (drawing only when draw). */
static int card_role_details(ui_draw *d, ui_rect r, const card_ctx *c, const role_def *rd,
                             bool name, int pct, bool draw)
{
    const card_metrics *m = &c->m;
    int pb = m->px_body * pct / 100, ps = m->px_small * pct / 100, pt = m->px_title * pct / 100;
    if (draw)
        draw_round(d, r, m->radius / 2, UI_RGB(CARD_FACE));
    ui_rect in = card_inset(r, m->pad * 2 / 3, m->pad / 2);
    char ap[64];
    snprintf(ap, sizeof ap, "%s %d", card_draw_tr(c, "Action points per round:"), rd->ap);
    int y = in.y;
    if (name) { /* the art took the name's place */
        if (draw)
            widget_line(d, card_rc(in.x, y, in.w, pt * 3 / 2), ml_get(&rd->name, c->l), pt,
                        UI_FONT_BOLD, UI_RGB(CARD_INK), UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        y += text_line_height(pt);
    }
    if (draw)
        widget_line(d, card_rc(in.x, y, in.w, pb * 3 / 2), ap, pb, UI_FONT_BOLD, UI_RGB(CARD_INK),
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    y += text_line_height(pb) + m->pad / 3;
    const char *passive = ml_get(&rd->passive, c->l);
    if (passive[0]) {
        int h = widget_text_height(d, passive, pb, UI_FONT_BOLD, in.w - m->pad) + m->pad / 2;
        if (draw) {
            ui_rect box = card_rc(in.x, y, in.w, card_min(h, in.y + in.h - y));
            draw_round(d, box, m->radius / 2, UI_RGB(CARD_RULE_BOX));
            widget_wrap(d, card_inset(box, m->pad / 2, m->pad / 4), passive, pb, UI_FONT_BOLD,
                        UI_RGB(CARD_INK), UI_ALIGN_LEFT | UI_VALIGN_TOP);
        }
        y += h + m->pad / 2;
    }
    const char *desc = ml_get(&rd->desc, c->l);
    if (draw)
        widget_wrap(d, card_rc(in.x, y, in.w, in.y + in.h - y), desc, ps, UI_FONT_REGULAR,
                    UI_RGB(CARD_INK_SOFT), UI_ALIGN_LEFT | UI_VALIGN_TOP);
    y += widget_text_height(d, desc, ps, UI_FONT_REGULAR, in.w);
    return y - r.y + m->pad / 2;
}

void card_draw_role(ui_draw *d, ui_rect r, const card_ctx *c, int role, bool full)
{
    assert(c && c->rs && role >= 0 && (size_t)role < c->rs->n_roles);
    const card_metrics *m = &c->m;
    const role_def *rd = &c->rs->roles[role];
    ui_color col = UI_RGB(rd->color & 0xFFFFFF);
    ui_rect top = r;
    int pct = 100;
    if (full) {
        /* a long text takes room from the picture first, then the type steps down (to 75%) */
        bool art_named = rd->art != NULL;
        for (top.h = r.h * 40 / 100;; pct -= 5) {
            ui_rect det =
                card_rc(r.x + m->pad / 2, r.y + top.h, r.w - m->pad, r.h - top.h - m->pad / 2);
            if (card_role_details(d, det, c, rd, art_named, pct, false) <= det.h)
                break;
            if (top.h > r.h * 32 / 100) {
                top.h = r.h * 32 / 100;
                pct += 5;
            } else if (pct <= 75) {
                break;
            }
        }
        draw_round(d, r, m->radius, col); /* the colour frames art and details alike */
    }
    bool art = rd->art && draw_image(d, full ? card_inset(top, m->pad, m->pad) : r, rd->art);
    if (art && !full) {
        draw_stroke_round(d, r, m->radius, 3, col);
        return;
    }
    if (!art) {
        /* the drawn card: role colour, a big icon, the name */
        draw_round(d, r, m->radius, col);
        draw_stroke_round(d, card_inset(r, m->pad / 3, m->pad / 3), m->radius, 2,
                          UI_RGBA(0xffffff, 120));
        int q = card_min(top.w * 6 / 10, top.h / 2);
        draw_circle(d, top.x + top.w / 2, top.y + m->pad + q / 2 + q / 10, q * 6 / 10,
                    UI_RGBA(0xffffff, 60));
        draw_icon(d, widget_role_icon(rd->id),
                  card_rc(top.x + (top.w - q) / 2, top.y + m->pad + q / 10, q, q),
                  UI_RGB(CARD_WHITE));
        const char *name = ml_get(&rd->name, c->l);
        ui_rect nr = card_rc(top.x + m->pad / 3, top.y + top.h / 2 + q / 4, top.w - m->pad * 2 / 3,
                             top.h / 2 - q / 4 - m->pad / 2);
        int npx = full ? m->px_title : m->px_small;
        int px = widget_fit_px(d, name, npx, card_max(12, npx * 2 / 3), nr.w, UI_FONT_BOLD);
        widget_wrap(d, nr, name, px, UI_FONT_BOLD, UI_RGB(CARD_WHITE),
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    if (full) {
        card_role_details(
            d, card_rc(r.x + m->pad / 2, r.y + top.h, r.w - m->pad, r.h - top.h - m->pad / 2), c,
            rd, art, pct, true);
    }
}

/* ---- terminals ---- */

/* Sizes of a terminal card of width w (the board's cards are small: the sizes follow both the
 * card and the board's type scale). */
typedef struct card_term {
    int rad, px_id, px_s, line_h, pad;
} card_term;

static card_term card_term_sizes(const card_ctx *c, ui_rect r)
{
    card_term t;
    t.rad = card_max(3, c->m.radius / 2);
    t.px_id = card_max(12, card_min(c->m.px_body, r.w / 4));
    t.px_s = card_max(11, card_min(c->m.px_small - 2, r.w / 6));
    t.line_h = t.px_s + card_max(4, t.px_s / 3);
    t.pad = card_max(3, r.w / 14);
    return t;
}

void card_draw_terminal_back(ui_draw *d, ui_rect r, const card_ctx *c, const char *label,
                             const char *owner)
{
    card_term t = card_term_sizes(c, r);
    int pad = t.pad;
    draw_round(d, r, t.rad, UI_RGB(CARD_BACK));
    ui_rect in = card_inset(r, pad / 2 + 1, pad / 2 + 1);
    draw_stroke_round(d, in, t.rad, 2, UI_RGBA(0xffffff, 70));
    for (int k = 1; k < 4; k++) {
        int yy = in.y + in.h * k / 4;
        draw_line(d, in.x + pad, yy, in.x + in.w - pad, yy, 1, UI_RGBA(0xffffff, 28));
    }
    if (label)
        widget_line(d, card_rc(r.x, r.y + pad, r.w, t.px_id + 4), label, t.px_id, UI_FONT_BOLD,
                    UI_RGB(CARD_WHITE), UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    /* an emblem: a ring with a question mark (the kind is unknown) */
    int q = card_min(r.w / 2, r.h / 3);
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2 - pad / 2;
    draw_circle(d, cx, cy, q / 2, UI_RGBA(0xffffff, 40));
    draw_circle(d, cx, cy, q / 2 - card_max(2, q / 10), UI_RGB(CARD_BACK));
    widget_line(d, card_rc(cx - q / 2, cy - q / 2, q, q), "?", card_max(q * 7 / 10, 12),
                UI_FONT_BOLD, UI_RGBA(0xffffff, 170), UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    if (owner)
        widget_wrap(
            d, card_rc(r.x + pad / 2, r.y + r.h - 2 * t.line_h - pad / 2, r.w - pad, 2 * t.line_h),
            owner, t.px_s, UI_FONT_REGULAR, UI_RGB(CARD_WHITE), UI_ALIGN_CENTER | UI_VALIGN_BOTTOM);
}

void card_draw_terminal(ui_draw *d, ui_rect r, const card_ctx *c, int kind, const char *label,
                        bool infected, bool name)
{
    assert(c && c->rs && kind >= 0 && (size_t)kind < c->rs->n_kinds);
    const kind_def *kd = &c->rs->kinds[kind];
    card_term t = card_term_sizes(c, r);
    int pad = t.pad;
    draw_round(d, r, t.rad, infected ? UI_RGB(0xfbe3e3) : UI_RGB(CARD_FACE));
    if (infected)
        draw_stroke_round(d, r, t.rad, card_max(2, pad / 2), UI_RGB(CARD_INFECTED));
    widget_line(d, card_rc(r.x + pad / 2, r.y + pad / 2, r.w - pad, t.px_id + 4),
                label ? label : "", t.px_id, UI_FONT_BOLD, UI_RGB(CARD_INK),
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int q = card_min(r.w * 45 / 100, r.h / 4);
    int iy = r.y + pad / 2 + t.px_id + 4;
    if (!(kd->art && draw_image(d, card_rc(r.x + (r.w - q) / 2, iy, q, q), kd->art)))
        draw_icon(d, widget_kind_icon(kd->icon), card_rc(r.x + (r.w - q) / 2, iy, q, q),
                  UI_RGB(CARD_INK));
    if (name) /* on the board the markers take this place; the tooltip names the kind */
        widget_line(d, card_rc(r.x + 2, iy + q, r.w - 4, t.line_h), ml_get(&kd->name, c->l), t.px_s,
                    UI_FONT_REGULAR, UI_RGB(CARD_INK_SOFT), UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
}

void card_draw_kind(ui_draw *d, ui_rect r, const card_ctx *c, int kind)
{
    assert(c && c->rs && kind >= 0 && (size_t)kind < c->rs->n_kinds);
    const card_metrics *m = &c->m;
    const kind_def *kd = &c->rs->kinds[kind];
    /* the face of a terminal card, large: the kind's name where the board has the id */
    draw_round(d, r, m->radius, UI_RGB(CARD_FACE));
    draw_stroke_round(d, card_inset(r, m->pad / 3, m->pad / 3), m->radius, card_max(2, m->pad / 8),
                      UI_RGB(CARD_BACK));
    int hh = m->px_title + m->pad * 2;
    draw_round(d, card_rc(r.x, r.y, r.w, hh), m->radius, UI_RGB(CARD_BACK));
    draw_fill(d, card_rc(r.x, r.y + hh - m->pad, r.w, m->pad), UI_RGB(CARD_BACK));
    widget_line(d, card_rc(r.x + m->pad, r.y, r.w - 2 * m->pad, hh), ml_get(&kd->name, c->l),
                m->px_title, UI_FONT_BOLD, UI_RGB(CARD_WHITE), UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    int q = card_min(r.w * 60 / 100, (r.h - hh) / 2);
    ui_rect pic = card_rc(r.x + (r.w - q) / 2, r.y + hh + m->pad * 2, q, q);
    if (!(kd->art && draw_image(d, pic, kd->art)))
        draw_icon(d, widget_kind_icon(kd->icon), pic, UI_RGB(CARD_INK));
    ui_rect box = card_rc(r.x + m->pad, pic.y + pic.h + m->pad * 2, r.w - 2 * m->pad,
                          r.y + r.h - pic.y - pic.h - m->pad * 3);
    draw_round(d, box, m->radius / 2, UI_RGB(CARD_RULE_BOX));
    const char *rule = kd->rebootable
                           ? card_draw_tr(c, "Employees may reboot it: its volatile evidence "
                                             "(memory) is lost.")
                           : card_draw_tr(c, "Employees do not reboot it.");
    widget_wrap(d, card_inset(box, m->pad / 2, m->pad / 2), rule, m->px_body, UI_FONT_BOLD,
                UI_RGB(CARD_INK), UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
}

/* ---- actions ---- */

static const char *card_target_word(const card_ctx *c, target_kind t)
{
    switch (t) {
    case TGT_TERMINAL:
        return card_draw_tr(c, "Target: a terminal");
    case TGT_ROOM:
        return card_draw_tr(c, "Target: a room");
    case TGT_ROLE:
        return card_draw_tr(c, "Target: a role");
    case TGT_ROLE_PAIR:
        return card_draw_tr(c, "Target: two roles");
    default:
        return card_draw_tr(c, "No target");
    }
}

void card_draw_action(ui_draw *d, ui_rect r, const card_ctx *c, int act)
{
    assert(c && c->rs && act >= 0 && (size_t)act < c->rs->n_actions);
    const card_metrics *m = &c->m;
    const action_def *ad = &c->rs->actions[act];
    const role_def *ro =
        ad->role >= 0 && (size_t)ad->role < c->rs->n_roles ? &c->rs->roles[ad->role] : NULL;
    ui_color col = ro ? UI_RGB(ro->color & 0xFFFFFF) : UI_RGB(CARD_BACK);
    draw_round(d, r, m->radius, UI_RGB(CARD_FACE));
    /* the band: the owning role's colour and icon, the action's name (two lines at most) */
    int hh = m->px_title * 2 + m->pad * 2;
    draw_round(d, card_rc(r.x, r.y, r.w, hh), m->radius, col);
    draw_fill(d, card_rc(r.x, r.y + hh - m->pad, r.w, m->pad), col);
    int ic = m->px_title + m->pad;
    if (ro)
        draw_icon(d, widget_role_icon(ro->id),
                  card_rc(r.x + m->pad / 2, r.y + (hh - ic) / 2, ic, ic), UI_RGB(CARD_WHITE));
    const char *name = ml_get(&ad->name, c->l);
    ui_rect nr = card_rc(r.x + ic + m->pad, r.y, r.w - ic - m->pad * 2, hh);
    int px = m->px_title;
    while (px > m->px_title * 2 / 3 && widget_text_width(d, name, px, UI_FONT_BOLD) > nr.w * 2 - px)
        px--;
    widget_wrap(d, nr, name, px, UI_FONT_BOLD, UI_RGB(CARD_WHITE),
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    /* the cost (a pip per point and the number) and the owner */
    int y = r.y + hh + m->pad / 2;
    ui_rect body = card_rc(r.x + m->pad, y, r.w - 2 * m->pad, r.y + r.h - y - m->pad / 2);
    char cost[32];
    snprintf(cost, sizeof cost, "%d AP", ad->ap);
    int cw = widget_text_width(d, cost, m->px_title, UI_FONT_BOLD) + m->pad;
    ui_rect cr = card_rc(body.x + body.w - cw - m->pad / 2, body.y, cw + m->pad / 2,
                         m->px_title + m->pad / 2);
    draw_round(d, cr, cr.h / 2, UI_RGB(CARD_INK));
    widget_line(d, cr, cost, m->px_title, UI_FONT_BOLD, UI_RGB(0xffd166),
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    const char *owner = ro ? ml_get(&ro->name, c->l) : "";
    int ow = body.w - cr.w - m->pad / 2;
    widget_line(d, card_rc(body.x, body.y, ow, cr.h), owner,
                widget_fit_px(d, owner, m->px_body, m->px_body * 7 / 10, ow, UI_FONT_BOLD),
                UI_FONT_BOLD, UI_RGB(CARD_INK_SOFT), UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    y = body.y + cr.h + m->pad / 2;
    /* the target and the limits, one line each */
    const char *lines[4];
    int n = 0;
    lines[n++] = card_target_word(c, ad->target);
    if (ad->once_per_game)
        lines[n++] = card_draw_tr(c, "Once per game");
    else if (ad->once_per_round)
        lines[n++] = card_draw_tr(c, "Once per round");
    if (ad->is_private)
        lines[n++] = card_draw_tr(c, "Private result: only this role sees it");
    for (int i = 0; i < n; i++) {
        int h = m->px_body * 4 / 3;
        draw_circle(d, body.x + m->px_body / 4, y + h / 2, card_max(2, m->px_body / 6), col);
        widget_line(d, card_rc(body.x + m->px_body * 2 / 3, y, body.w - m->px_body, h), lines[i],
                    m->px_body, UI_FONT_REGULAR, UI_RGB(CARD_INK),
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        y += h;
    }
    y += m->pad / 2;
    ui_rect rest = card_rc(body.x, y, body.w, body.y + body.h - y);
    /* the picture (the action's art, else its role's emblem) gives way to a long text */
    const char *desc = ml_get(&ad->desc, c->l);
    int th = widget_text_height(d, desc, m->px_body, UI_FONT_BOLD, rest.w - m->pad) + m->pad;
    int ah = card_min(rest.h * 38 / 100, rest.h - th - m->pad / 2);
    if (ah >= m->px_body * 3) {
        card_picture(d, card_rc(rest.x, rest.y, rest.w, ah), c, ad->art,
                     ro ? widget_role_icon(ro->id) : UI_ICON_NONE,
                     ro ? ro->color & 0xFFFFFF : CARD_BACK);
        rest.y += ah + m->pad / 2;
        rest.h -= ah + m->pad / 2;
    }
    /* what it does, in the rule box (as on an event card) */
    ui_rect box = rest;
    draw_round(d, box, m->radius / 2, UI_RGB(CARD_RULE_BOX));
    widget_wrap(d, card_inset(box, m->pad / 2, m->pad / 2), desc, m->px_body, UI_FONT_BOLD,
                UI_RGB(CARD_INK), UI_ALIGN_LEFT | UI_VALIGN_TOP);
}

/* ---- sheets ---- */

const char *card_draw_kind_name(card_kind k)
{
    static const char *const names[CARD_KIND_COUNT] = {"roles", "actions", "events", "terminals"};
    assert(k >= 0 && k < CARD_KIND_COUNT);
    return names[k];
}

size_t card_draw_list(const ruleset *rs, card_kind k, card_ref *out, size_t max)
{
    assert(rs && k >= 0 && k < CARD_KIND_COUNT);
    size_t n = 0;
    size_t items = k == CARD_ROLES     ? rs->n_roles
                   : k == CARD_ACTIONS ? rs->n_actions
                   : k == CARD_EVENTS  ? rs->n_events
                                       : rs->n_kinds;
    for (size_t i = 0; i < items; i++) {
        int copies = k == CARD_EVENTS ? card_max(1, rs->events[i].copies) : 1;
        for (int j = 0; j < copies; j++) {
            if (out && n < max)
                out[n] = (card_ref){k, (int)i};
            n++;
        }
    }
    return n;
}

size_t card_draw_pages(size_t n)
{
    return (n + CARD_PER_SHEET - 1) / CARD_PER_SHEET;
}

/* The grid: cards edge to edge (one cut between two cards), centred across, with room for the
 * footer below. */
#define CARD_SHEET_X0 ((CARD_SHEET_W - CARD_SHEET_COL * CARD_W) / 2)
#define CARD_SHEET_Y0 150

ui_rect card_draw_slot(int i)
{
    assert(i >= 0 && i < CARD_PER_SHEET);
    return (ui_rect){CARD_SHEET_X0 + (i % CARD_SHEET_COL) * CARD_W,
                     CARD_SHEET_Y0 + (i / CARD_SHEET_COL) * CARD_H, CARD_W, CARD_H};
}

void card_draw_card(ui_draw *d, ui_rect r, const card_ctx *c, card_ref card)
{
    switch (card.kind) {
    case CARD_ROLES:
        card_draw_role(d, r, c, card.index, true);
        break;
    case CARD_ACTIONS:
        card_draw_action(d, r, c, card.index);
        break;
    case CARD_EVENTS:
        card_draw_event(d, r, c, card.index);
        break;
    case CARD_KINDS:
    default:
        card_draw_kind(d, r, c, card.index);
        break;
    }
}

void card_draw_sheet(ui_draw *d, const card_ctx *c, const card_ref *cards, size_t n,
                     const char *footer)
{
    assert(d && c && (cards || n == 0) && n <= CARD_PER_SHEET);
    draw_begin(d, UI_RGB(0xffffff));
    draw_fill(d, (ui_rect){0, 0, CARD_SHEET_W, CARD_SHEET_H}, UI_RGB(0xffffff));
    card_ctx cc = *c;
    cc.m = card_draw_metrics(CARD_W, CARD_H);
    for (size_t i = 0; i < n; i++) {
        ui_rect r = card_draw_slot((int)i);
        /* a hairline where the card is cut, so a slightly wide cut leaves no white sliver */
        draw_stroke(d, r, 2, UI_RGB(0xd0d5dd));
        /* inset a little: rounded corners inside the cut line */
        card_draw_card(d, card_inset(r, 12, 12), &cc, cards[i]);
    }
    /* crop marks: at every cut line, in the margins (outside the cards, so cutting removes
     * them), 5 mm long, 1.5 mm clear of the grid */
    int x0 = CARD_SHEET_X0, y0 = CARD_SHEET_Y0;
    int x1 = x0 + CARD_SHEET_COL * CARD_W, y1 = y0 + CARD_SHEET_ROW * CARD_H;
    int gap = 18, len = 59;
    ui_color ink = UI_RGB(0x000000);
    for (int i = 0; i <= CARD_SHEET_COL; i++) {
        int x = x0 + i * CARD_W;
        draw_line(d, x, y0 - gap - len, x, y0 - gap, 3, ink);
        draw_line(d, x, y1 + gap, x, y1 + gap + len, 3, ink);
    }
    for (int j = 0; j <= CARD_SHEET_ROW; j++) {
        int y = y0 + j * CARD_H;
        draw_line(d, x0 - gap - len, y, x0 - gap, y, 3, ink);
        draw_line(d, x1 + gap, y, x1 + gap + len, y, 3, ink);
    }
    if (footer) {
        ui_text_style st = {
            42, UI_FONT_REGULAR, UI_RGB(0x333333), UI_ALIGN_CENTER | UI_VALIGN_MIDDLE, false, true};
        draw_text(d, (ui_rect){x0, y1 + gap + len + 30, x1 - x0, 90}, footer, &st);
    }
    draw_end(d);
}
