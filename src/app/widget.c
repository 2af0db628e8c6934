/* widget.c: the drawn controls shared by the menu screens (see widget.h). Sizes follow the
 * rectangle they are given, so the same code serves 720p and 4K. */
#include "widget.h"

#include "core.h"
#include "text.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

ui_text_style widget_style(int px, ui_font_style style, uint32_t rgb, int align)
{
    ui_text_style st = {0};
    st.px = px;
    st.style = style;
    st.color = UI_RGB(rgb);
    st.align = align;
    st.wrap = false;
    st.ellipsis = true;
    return st;
}

int widget_text(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, uint32_t rgb,
                int align)
{
    ui_text_style st = widget_style(px, style, rgb, align);
    return draw_text(d, r, utf8, &st);
}

uint32_t widget_rank_color(char rank)
{
    return rank == 'S' || rank == 'A' ? THEME_ACCENT
           : rank == 'B'              ? THEME_GOOD
           : rank == 'C'              ? THEME_WARN
                                      : THEME_BAD;
}

uint32_t widget_shade(uint32_t rgb, int pct)
{
    int c[3] = {(int)(rgb >> 16) & 255, (int)(rgb >> 8) & 255, (int)rgb & 255};
    for (int i = 0; i < 3; i++) {
        if (pct >= 0)
            c[i] += (255 - c[i]) * pct / 100;
        else
            c[i] += c[i] * pct / 100;
        c[i] = c[i] < 0 ? 0 : c[i] > 255 ? 255 : c[i];
    }
    return (uint32_t)(c[0] << 16 | c[1] << 8 | c[2]);
}

void widget_background(ui_draw *d, int w, int h)
{
    assert(d);
    /* A darker rim, like the edge of a felt table under a lamp: six layers of THEME_TABLE_DEEP
     * at alpha 40 toward each edge, the layers of two edges adding up in the corners. It is
     * drawn as opaque zones in the colour their layers make (the same picture; blending 2.5
     * million pixels was a tenth of a software-rendered frame). */
    int rim = h / 9 > 0 ? h / 9 : 1;
    int cut[7]; /* zone edges from the border in: layers = 6 - zone index, then none */
    for (int i = 0; i <= 6; i++) {
        cut[i] = rim * i / 6;
        if (cut[i] > w / 2)
            cut[i] = w / 2;
        if (cut[i] > h / 2)
            cut[i] = h / 2;
    }
    uint32_t shade[13]; /* the colour of n layers */
    int rgb[3] = {(THEME_TABLE >> 16) & 255, (THEME_TABLE >> 8) & 255, THEME_TABLE & 255};
    const int deep[3] = {(THEME_TABLE_DEEP >> 16) & 255, (THEME_TABLE_DEEP >> 8) & 255,
                         THEME_TABLE_DEEP & 255};
    for (int n = 0; n <= 12; n++) {
        shade[n] = (uint32_t)(rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
        for (int k = 0; k < 3; k++)
            rgb[k] = deep[k] * 40 / 255 + rgb[k] * (255 - 40) / 255; /* as SDL blends */
    }
    /* 13 zones across each axis: the six bands of each edge and the middle */
    int x0[13], x1[13], y0[13], y1[13], nx[13], ny[13];
    for (int i = 0; i < 6; i++) {
        x0[i] = cut[i], x1[i] = cut[i + 1], nx[i] = 6 - i;
        x0[12 - i] = w - cut[i + 1], x1[12 - i] = w - cut[i], nx[12 - i] = 6 - i;
        y0[i] = cut[i], y1[i] = cut[i + 1], ny[i] = 6 - i;
        y0[12 - i] = h - cut[i + 1], y1[12 - i] = h - cut[i], ny[12 - i] = 6 - i;
    }
    x0[6] = cut[6], x1[6] = w - cut[6], nx[6] = 0;
    y0[6] = cut[6], y1[6] = h - cut[6], ny[6] = 0;
    for (int j = 0; j < 13; j++)
        for (int i = 0; i < 13; i++)
            if (x1[i] > x0[i] && y1[j] > y0[j])
                draw_fill(d, (ui_rect){x0[i], y0[j], x1[i] - x0[i], y1[j] - y0[j]},
                          UI_RGB(shade[nx[i] + ny[j]]));
    /* Faint network: a fixed lattice of nodes with links, the game's subject as texture. */
    int step = h / 6 > 8 ? h / 6 : 8;
    int lw = h / 540 > 0 ? h / 540 : 1;
    int node = h / 200 > 1 ? h / 200 : 2;
    ui_color line = UI_RGB(THEME_TABLE_LINE);
    for (int gy = 0, row = 0; gy <= h + step; gy += step, row++) {
        int off = (row % 2) ? step / 2 : 0;
        for (int gx = -step; gx <= w + step; gx += step) {
            int x = gx + off, y = gy;
            /* Skip some links so it reads as a network, not graph paper. */
            unsigned k = (unsigned)(row * 7 + gx / step * 13);
            if (k % 3 != 0)
                draw_line(d, x, y, x + step, y, lw, line);
            if (k % 4 != 1)
                draw_line(d, x, y, x + step / 2, y + step, lw, line);
            draw_circle(d, x, y, node, line);
        }
    }
}

void widget_panel(ui_draw *d, ui_rect r, int radius)
{
    assert(d);
    int sh = r.h / 60 > 2 ? r.h / 60 : 2;
    draw_round(d, (ui_rect){r.x + sh, r.y + sh * 2, r.w, r.h}, radius, UI_RGBA(THEME_SHADOW, 90));
    draw_round(d, r, radius, UI_RGBA(THEME_PANEL, 235));
    draw_stroke_round(d, r, radius, sh > 2 ? 2 : 1, UI_RGB(THEME_PANEL_EDGE));
}

void widget_focus(ui_draw *d, ui_rect r, int radius)
{
    assert(d);
    int t = r.h / 14 > 3 ? r.h / 14 : 3;
    if (t > 6)
        t = 6;
    ui_rect o = {r.x - t - 2, r.y - t - 2, r.w + 2 * (t + 2), r.h + 2 * (t + 2)};
    draw_stroke_round(d, o, radius + t + 2, t, UI_RGB(THEME_ACCENT_HI));
}

void widget_button(ui_draw *d, ui_rect r, const char *label, int px, int flags)
{
    assert(d && label);
    int radius = r.h / 4;
    uint32_t fill = THEME_PANEL_HI, ink = THEME_TEXT, edge = THEME_PANEL_EDGE;
    if (flags & WF_DISABLED) {
        fill = THEME_PANEL;
        ink = widget_shade(THEME_TEXT_DIM, -35);
        edge = THEME_DISABLED;
    } else if (flags & WF_PRIMARY) {
        fill = (flags & WF_HOVER) ? THEME_ACCENT_HI : THEME_ACCENT;
        ink = THEME_TEXT_INK;
        edge = widget_shade(THEME_ACCENT, -25);
    } else if (flags & (WF_HOVER | WF_FOCUS)) {
        fill = widget_shade(THEME_PANEL_HI, 12);
    }
    int sh = r.h / 16 > 2 ? r.h / 16 : 2;
    if (!(flags & WF_DISABLED))
        draw_round(d, (ui_rect){r.x, r.y + sh, r.w, r.h}, radius, UI_RGBA(THEME_SHADOW, 110));
    draw_round(d, r, radius, UI_RGB(fill));
    draw_stroke_round(d, r, radius, 2, UI_RGB(edge));
    ui_rect t = {r.x + r.h / 4, r.y, r.w - r.h / 2, r.h};
    widget_text(d, t, label, px, UI_FONT_BOLD, ink, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    if (flags & WF_FOCUS)
        widget_focus(d, r, radius);
}

ui_rect widget_segment_rect(ui_rect r, int n, int i)
{
    assert(n > 0 && i >= 0 && i < n);
    int x0 = r.x + r.w * i / n, x1 = r.x + r.w * (i + 1) / n;
    return (ui_rect){x0, r.y, x1 - x0, r.h};
}

void widget_segments(ui_draw *d, ui_rect r, const char *const *labels, int n, int selected, int px,
                     int flags)
{
    assert(d && labels && n > 0);
    int radius = r.h / 4;
    bool off = flags & WF_DISABLED;
    draw_round(d, r, radius, UI_RGB(THEME_TABLE_DEEP));
    draw_stroke_round(d, r, radius, 2, UI_RGB(off ? THEME_DISABLED : THEME_PANEL_EDGE));
    int in = r.h / 12 > 2 ? r.h / 12 : 2;
    for (int i = 0; i < n; i++) {
        ui_rect s = widget_segment_rect(r, n, i);
        ui_rect f = {s.x + in, s.y + in, s.w - 2 * in, s.h - 2 * in};
        uint32_t ink = off ? THEME_DISABLED : THEME_TEXT_DIM;
        if (i == selected) {
            draw_round(d, f, radius - in > 2 ? radius - in : 2,
                       UI_RGB(off ? THEME_DISABLED : THEME_ACCENT));
            ink = off ? THEME_TEXT_DIM : THEME_TEXT_INK;
        }
        widget_text(d, f, labels[i], px, i == selected ? UI_FONT_BOLD : UI_FONT_REGULAR, ink,
                    UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    if (flags & WF_FOCUS)
        widget_focus(d, r, radius);
}

void widget_arrow(ui_draw *d, ui_rect r, int dir, int flags)
{
    assert(d && (dir == -1 || dir == 1));
    uint32_t fill = (flags & WF_HOVER) ? widget_shade(THEME_PANEL_HI, 15) : THEME_PANEL_HI;
    draw_round(d, r, r.h / 4, UI_RGB(fill));
    draw_stroke_round(d, r, r.h / 4, 2, UI_RGB(THEME_PANEL_EDGE));
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2, s = (r.w < r.h ? r.w : r.h) / 4;
    uint32_t ink = (flags & WF_DISABLED) ? THEME_DISABLED : THEME_ACCENT;
    if (dir < 0)
        draw_triangle(d, cx - s, cy, cx + s * 2 / 3, cy - s, cx + s * 2 / 3, cy + s, UI_RGB(ink));
    else
        draw_triangle(d, cx + s, cy, cx - s * 2 / 3, cy - s, cx - s * 2 / 3, cy + s, UI_RGB(ink));
    if (flags & WF_FOCUS)
        widget_focus(d, r, r.h / 4);
}

ui_icon widget_role_icon(const char *role_id)
{
    static const struct {
        const char *id;
        ui_icon icon;
    } map[] = {
        {"commander", UI_ICON_COMMANDER},
        {"researcher", UI_ICON_RESEARCHER},
        {"forensic", UI_ICON_FORENSIC},
        {"notification", UI_ICON_NOTIFICATION},
        {"poc", UI_ICON_POC},
        {"incident_handler", UI_ICON_HANDLER},
        {"handler", UI_ICON_HANDLER},
        {"solution_analyst", UI_ICON_ANALYST},
        {"analyst", UI_ICON_ANALYST},
        {"vulnerability_assessor", UI_ICON_ASSESSOR},
        {"assessor", UI_ICON_ASSESSOR},
        {"vuln_assessor", UI_ICON_ASSESSOR},
    };
    if (!role_id)
        return UI_ICON_NONE;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i].id, role_id))
            return map[i].icon;
    return UI_ICON_NONE;
}

ui_icon widget_kind_icon(const char *icon_name)
{
    static const struct {
        const char *name;
        ui_icon icon;
    } map[] = {
        {"pc", UI_ICON_PC},           {"laptop", UI_ICON_LAPTOP}, {"server", UI_ICON_SERVER},
        {"printer", UI_ICON_PRINTER}, {"phone", UI_ICON_PHONE},   {"nas", UI_ICON_NAS},
        {"camera", UI_ICON_CAMERA},
    };
    if (!icon_name)
        return UI_ICON_PC;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i].name, icon_name))
            return map[i].icon;
    return UI_ICON_PC;
}

void widget_card_back(ui_draw *d, ui_rect r)
{
    assert(d);
    int radius = r.w / 10 > 3 ? r.w / 10 : 3;
    int sh = r.w / 30 > 2 ? r.w / 30 : 2;
    draw_round(d, (ui_rect){r.x + sh, r.y + sh * 2, r.w, r.h}, radius, UI_RGBA(THEME_SHADOW, 120));
    draw_round(d, r, radius, UI_RGB(THEME_CARD_BACK));
    ui_rect in = {r.x + r.w / 12, r.y + r.w / 12, r.w - r.w / 6, r.h - r.w / 6};
    draw_stroke_round(d, in, radius * 2 / 3, sh > 2 ? 2 : 1,
                      UI_RGB(widget_shade(THEME_CARD_BACK, 30)));
    /* Diagonal hatching keeps the back from looking like an empty box. */
    uint32_t hatch = widget_shade(THEME_CARD_BACK, 12);
    int step = r.w / 6 > 4 ? r.w / 6 : 4;
    draw_clip(d, &in);
    for (int k = -in.h; k < in.w; k += step)
        draw_line(d, in.x + k, in.y + in.h, in.x + k + in.h, in.y, 1, UI_RGB(hatch));
    draw_clip(d, NULL);
    int e = r.w * 2 / 5;
    draw_circle(d, r.x + r.w / 2, r.y + r.h / 2, e / 2 + 2, UI_RGB(THEME_CARD_BACK));
    draw_icon(d, UI_ICON_SIGNAL, (ui_rect){r.x + (r.w - e) / 2, r.y + (r.h - e) / 2, e, e},
              UI_RGB(widget_shade(THEME_CARD_BACK, 45)));
}

typedef struct widget_measure_ctx {
    ui_draw *d;
    const ui_text_style *st;
} widget_measure_ctx;

/* text_layout's measure: the drawing's own width of n bytes (the same glyph advances). */
static int widget_measure(void *ctx, const char *s, size_t n)
{
    const widget_measure_ctx *m = ctx;
    char buf[512];
    char *p = n < sizeof buf ? buf : core_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    int w = 0, h = 0;
    draw_measure(m->d, p, m->st, &w, &h);
    if (p != buf)
        free(p);
    return w;
}

int widget_line(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, ui_color c,
                int align)
{
    ui_text_style ts = {px, style, c, align, false, true};
    return draw_text(d, r, utf8, &ts);
}

int widget_wrap(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, ui_color c,
                int align)
{
    ui_text_style ts = {px, style, c, align, true, true};
    return draw_text(d, r, utf8, &ts);
}

int widget_text_width(ui_draw *d, const char *utf8, int px, ui_font_style style)
{
    ui_text_style ts = {px, style, UI_RGB(THEME_TEXT), UI_ALIGN_LEFT, false, false};
    int w = 0, h = 0;
    draw_measure(d, utf8, &ts, &w, &h);
    return w;
}

int widget_text_height(ui_draw *d, const char *utf8, int px, ui_font_style style, int w)
{
    assert(d && utf8 && px > 0);
    ui_text_style st = widget_style(px, style, THEME_TEXT, UI_ALIGN_LEFT);
    st.wrap = true;
    widget_measure_ctx ctx = {d, &st};
    text_box box = {w, 0, text_line_height(px), true, false};
    text_lines lines = {0};
    text_layout(&lines, utf8, &box, widget_measure, &ctx);
    int h = (int)lines.n * text_line_height(px);
    text_lines_free(&lines);
    return h;
}

int widget_fit_px(ui_draw *d, const char *utf8, int px, int lo, int w, ui_font_style style)
{
    assert(d && utf8);
    for (; px > lo; px--) {
        ui_text_style st = widget_style(px, style, THEME_TEXT, UI_ALIGN_LEFT);
        int tw = 0, th = 0;
        draw_measure(d, utf8, &st, &tw, &th);
        if (tw <= w)
            break;
    }
    return px;
}

/* True when every run of Latin letters (no space, no CJK) in utf8 fits w pixels at px: the
 * layout breaks a wider one between letters ("containmen" / "t"). */
static bool widget_words_fit(ui_draw *d, const char *utf8, int px, ui_font_style style, int w)
{
    ui_text_style st = widget_style(px, style, THEME_TEXT, UI_ALIGN_LEFT);
    widget_measure_ctx ctx = {d, &st};
    size_t n = strlen(utf8), i = 0, start = 0;
    bool in_word = false;
    while (i <= n) {
        size_t at = i;
        uint32_t cp = i < n ? text_utf8_next(utf8, n, &i) : ' ';
        if (i == at)
            i++; /* the end */
        bool word = cp != ' ' && cp != '\n' && !text_is_cjk(cp);
        if (word && !in_word)
            start = at;
        if (!word && in_word && widget_measure(&ctx, utf8 + start, at - start) > w)
            return false;
        in_word = word;
        /* a line may break after a slash or a hyphen ("JPCERT/" "CC"): a new run starts */
        if (word && (cp == '/' || cp == '-')) {
            if (widget_measure(&ctx, utf8 + start, i - start) > w)
                return false;
            in_word = false;
        }
    }
    return true;
}

int widget_fit_wrapped_px(ui_draw *d, const char *utf8, int px, int lo, int w, int h,
                          ui_font_style style)
{
    assert(d && utf8);
    for (; px > lo; px--)
        if (widget_text_height(d, utf8, px, style, w) <= h &&
            widget_words_fit(d, utf8, px, style, w))
            break;
    return px;
}
