/* layout.c: layout maths from the window size (scale, type scale, rectangle helpers); no SDL. */
#include "layout.h"

#include <assert.h>

static const int layout_types[TYPE_COUNT] = {
    [TYPE_TITLE] = 64, [TYPE_HEADING] = 44, [TYPE_LARGE] = 34, [TYPE_BODY] = 28, [TYPE_SMALL] = 24,
};

int layout_type_base(layout_type t)
{
    assert(t >= 0 && t < TYPE_COUNT);
    return layout_types[t];
}

int layout_font_px(layout_type t, int w, int h)
{
    int px = layout_px(layout_type_base(t), w, h);
    return px < LAYOUT_MIN_TEXT_PX ? LAYOUT_MIN_TEXT_PX : px;
}

int layout_scale(int w, int h)
{
    /* 64-bit products: a 16k-wide window times 1000 still fits, and so does anything SDL gives. */
    long long sw = (long long)(w > 0 ? w : 0) * 1000 / LAYOUT_BASE_W;
    long long sh = (long long)(h > 0 ? h : 0) * 1000 / LAYOUT_BASE_H;
    long long s = sw < sh ? sw : sh;
    return s < 1 ? 1 : (int)s;
}

int layout_px(int base_px, int w, int h)
{
    /* Exact rational scaling (not through the rounded thousandths), so 1280x720 maps the
     * 1920x1080 canvas onto exactly 1280x720. */
    long long num, den;
    if (w < 1 || h < 1) {
        num = 1;
        den = 1000;
    } else if ((long long)w * LAYOUT_BASE_H <= (long long)h * LAYOUT_BASE_W) {
        num = w;
        den = LAYOUT_BASE_W;
    } else {
        num = h;
        den = LAYOUT_BASE_H;
    }
    long long v = (long long)base_px * num;
    int px = (int)(v >= 0 ? (v + den / 2) / den : -((-v + den / 2) / den));
    if (base_px > 0 && px < 1)
        px = 1;
    return px;
}

ui_rect layout_canvas(int w, int h)
{
    int cw = layout_px(LAYOUT_BASE_W, w, h);
    int ch = layout_px(LAYOUT_BASE_H, w, h);
    if (cw > w)
        cw = w;
    if (ch > h)
        ch = h;
    return (ui_rect){(w - cw) / 2, (h - ch) / 2, cw, ch};
}

ui_rect layout_design_rect(ui_rect d, int w, int h)
{
    ui_rect c = layout_canvas(w, h);
    /* Map both edges and take the difference, so neighbouring design rects stay adjacent. */
    int x0 = c.x + layout_px(d.x, w, h), x1 = c.x + layout_px(d.x + d.w, w, h);
    int y0 = c.y + layout_px(d.y, w, h), y1 = c.y + layout_px(d.y + d.h, w, h);
    return (ui_rect){x0, y0, x1 - x0, y1 - y0};
}

bool ui_rect_contains(ui_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

ui_rect layout_inset2(ui_rect r, int dx, int dy)
{
    if (2 * dx > r.w)
        dx = r.w / 2;
    if (2 * dy > r.h)
        dy = r.h / 2;
    return (ui_rect){r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy};
}

ui_rect layout_inset(ui_rect r, int d)
{
    return layout_inset2(r, d, d);
}

ui_rect layout_center(ui_rect r, int w, int h)
{
    return (ui_rect){r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
}

ui_rect layout_fit_aspect(ui_rect r, int aw, int ah)
{
    assert(aw > 0 && ah > 0);
    int w = r.w, h = (int)((long long)r.w * ah / aw);
    if (h > r.h) {
        h = r.h;
        w = (int)((long long)r.h * aw / ah);
    }
    return layout_center(r, w, h);
}

/* Splits length len into n parts proportional to weight (NULL: equal) with gaps; writes offsets
 * and sizes. Rounding leftovers go to the first parts so the parts cover len exactly. */
static void layout_split(int len, int n, const int *weight, int gap, int *off, int *size)
{
    assert(n > 0);
    int avail = len - gap * (n - 1);
    if (avail < 0)
        avail = 0;
    long long total = 0;
    for (int i = 0; i < n; i++) {
        assert(!weight || weight[i] > 0);
        total += weight ? weight[i] : 1;
    }
    int used = 0;
    for (int i = 0; i < n; i++) {
        size[i] = (int)((long long)avail * (weight ? weight[i] : 1) / total);
        used += size[i];
    }
    for (int i = 0; used < avail; i = (i + 1) % n, used++)
        size[i]++;
    int at = 0;
    for (int i = 0; i < n; i++) {
        off[i] = at;
        at += size[i] + gap;
    }
}

enum { LAYOUT_MAX_SPLIT = 64 };

static void layout_split_rect(ui_rect r, int n, const int *weight, int gap, bool rows, ui_rect *out)
{
    assert(n > 0 && n <= LAYOUT_MAX_SPLIT);
    int off[LAYOUT_MAX_SPLIT], size[LAYOUT_MAX_SPLIT];
    layout_split(rows ? r.h : r.w, n, weight, gap, off, size);
    for (int i = 0; i < n; i++)
        out[i] = rows ? (ui_rect){r.x, r.y + off[i], r.w, size[i]}
                      : (ui_rect){r.x + off[i], r.y, size[i], r.h};
}

void layout_split_rows(ui_rect r, int n, int gap, ui_rect *out)
{
    layout_split_rect(r, n, NULL, gap, true, out);
}

void layout_split_cols(ui_rect r, int n, int gap, ui_rect *out)
{
    layout_split_rect(r, n, NULL, gap, false, out);
}

void layout_split_rows_w(ui_rect r, int n, const int *weight, int gap, ui_rect *out)
{
    layout_split_rect(r, n, weight, gap, true, out);
}

void layout_split_cols_w(ui_rect r, int n, const int *weight, int gap, ui_rect *out)
{
    layout_split_rect(r, n, weight, gap, false, out);
}

ui_rect layout_grid_cell(ui_rect r, int cols, int rows, int gap, int i)
{
    assert(cols > 0 && rows > 0 && cols <= LAYOUT_MAX_SPLIT && rows <= LAYOUT_MAX_SPLIT);
    assert(i >= 0 && i < cols * rows);
    int xo[LAYOUT_MAX_SPLIT], xs[LAYOUT_MAX_SPLIT], yo[LAYOUT_MAX_SPLIT], ys[LAYOUT_MAX_SPLIT];
    layout_split(r.w, cols, NULL, gap, xo, xs);
    layout_split(r.h, rows, NULL, gap, yo, ys);
    int c = i % cols, w = i / cols;
    return (ui_rect){r.x + xo[c], r.y + yo[w], xs[c], ys[w]};
}

static int layout_clamp(int v, int hi)
{
    return v < 0 ? 0 : v > hi ? hi : v;
}

ui_rect layout_cut_top(ui_rect *r, int h, int gap)
{
    h = layout_clamp(h, r->h);
    ui_rect cut = {r->x, r->y, r->w, h};
    int used = layout_clamp(h + gap, r->h);
    r->y += used;
    r->h -= used;
    return cut;
}

ui_rect layout_cut_bottom(ui_rect *r, int h, int gap)
{
    h = layout_clamp(h, r->h);
    ui_rect cut = {r->x, r->y + r->h - h, r->w, h};
    r->h -= layout_clamp(h + gap, r->h);
    return cut;
}

ui_rect layout_cut_left(ui_rect *r, int w, int gap)
{
    w = layout_clamp(w, r->w);
    ui_rect cut = {r->x, r->y, w, r->h};
    int used = layout_clamp(w + gap, r->w);
    r->x += used;
    r->w -= used;
    return cut;
}

ui_rect layout_cut_right(ui_rect *r, int w, int gap)
{
    w = layout_clamp(w, r->w);
    ui_rect cut = {r->x + r->w - w, r->y, w, r->h};
    r->w -= layout_clamp(w + gap, r->w);
    return cut;
}
