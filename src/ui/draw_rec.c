/* draw_rec.c: the recording drawing implementation: keeps every call and its text for tests. */
#include "draw.h"

#include "core.h"
#include "text.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef struct rec_impl {
    ui_rec_call *calls;
    size_t n;
    size_t cap;
} rec_impl;

static rec_impl *rec_of(const ui_draw *d)
{
    assert(d && d->impl);
    return d->impl;
}

static void rec_clear(rec_impl *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->calls[i].text);
    r->n = 0;
}

/* Appends a call; text (may be NULL) is copied, so callers may pass temporary strings. */
static ui_rec_call *rec_push(ui_draw *d, ui_rec_kind kind, ui_rect rect, ui_color c, int arg,
                             const char *text)
{
    rec_impl *r = rec_of(d);
    core_grow((void **)&r->calls, &r->cap, r->n + 1, sizeof *r->calls);
    ui_rec_call *call = &r->calls[r->n++];
    *call = (ui_rec_call){.kind = kind, .r = rect, .color = c, .arg = arg};
    call->text = core_strdup(text);
    return call;
}

static int rec_measure_cb(void *ctx, const char *s, size_t n)
{
    return text_approx_width(s, n, *(const int *)ctx);
}

static void rec_begin(ui_draw *d, ui_color clear)
{
    rec_clear(rec_of(d));
    rec_push(d, REC_BEGIN, (ui_rect){0, 0, d->width, d->height}, clear, 0, NULL);
}

static void rec_end(ui_draw *d)
{
    rec_push(d, REC_END, (ui_rect){0}, 0, 0, NULL);
}

static void rec_fill_rect(ui_draw *d, ui_rect r, ui_color c)
{
    rec_push(d, REC_FILL, r, c, 0, NULL);
}

static void rec_fill_round(ui_draw *d, ui_rect r, int radius, ui_color c)
{
    rec_push(d, REC_ROUND, r, c, radius, NULL);
}

static void rec_stroke_rect(ui_draw *d, ui_rect r, int thickness, ui_color c)
{
    rec_push(d, REC_STROKE, r, c, thickness, NULL);
}

static void rec_stroke_round(ui_draw *d, ui_rect r, int radius, int thickness, ui_color c)
{
    (void)radius;
    rec_push(d, REC_STROKE_ROUND, r, c, thickness, NULL);
}

static void rec_line(ui_draw *d, int x0, int y0, int x1, int y1, int thickness, ui_color c)
{
    rec_push(d, REC_LINE, (ui_rect){x0, y0, x1 - x0, y1 - y0}, c, thickness, NULL);
}

static void rec_fill_circle(ui_draw *d, int cx, int cy, int radius, ui_color c)
{
    rec_push(d, REC_CIRCLE, (ui_rect){cx - radius, cy - radius, 2 * radius, 2 * radius}, c, radius,
             NULL);
}

static int rec_min3(int a, int b, int c)
{
    return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

static int rec_max3(int a, int b, int c)
{
    return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

static void rec_fill_triangle(ui_draw *d, int x0, int y0, int x1, int y1, int x2, int y2,
                              ui_color c)
{
    int x = rec_min3(x0, x1, x2), y = rec_min3(y0, y1, y2);
    ui_rect bb = {x, y, rec_max3(x0, x1, x2) - x, rec_max3(y0, y1, y2) - y};
    rec_push(d, REC_TRIANGLE, bb, c, 0, NULL);
}

/* Lays the text out exactly as the SDL implementation does, with approximate glyph widths, so
 * the height a screen gets back (and stacks the next element on) is realistic. */
static int rec_text(ui_draw *d, ui_rect r, const char *utf8, const ui_text_style *st)
{
    rec_push(d, REC_TEXT, r, st->color, st->px, utf8);
    text_lines lines = {0};
    text_box box = {r.w, r.h, text_line_height(st->px), st->wrap, st->ellipsis};
    int px = st->px;
    text_layout(&lines, utf8, &box, rec_measure_cb, &px);
    int h = (int)lines.n * box.line_h;
    text_lines_free(&lines);
    return h;
}

static void rec_measure(ui_draw *d, const char *utf8, const ui_text_style *st, int *w, int *h)
{
    (void)d;
    text_lines lines = {0};
    text_box box = {0, 0, text_line_height(st->px), false, false};
    int px = st->px;
    text_layout(&lines, utf8, &box, rec_measure_cb, &px);
    int mw = 0;
    for (size_t i = 0; i < lines.n; i++)
        if (lines.items[i].w > mw)
            mw = lines.items[i].w;
    *w = mw;
    *h = (int)lines.n * box.line_h;
    text_lines_free(&lines);
}

/* The recorder has no images: it answers false, so screens under test take their fallback path
 * (the drawn card), which is the one that must never break. */
static bool rec_image(ui_draw *d, ui_rect r, const char *asset_path)
{
    rec_push(d, REC_IMAGE, r, 0, 0, asset_path);
    return false;
}

static void rec_icon(ui_draw *d, ui_icon icon, ui_rect r, ui_color c)
{
    rec_push(d, REC_ICON, r, c, 0, NULL)->icon = (int)icon;
}

static void rec_clip(ui_draw *d, const ui_rect *r)
{
    rec_push(d, REC_CLIP, r ? *r : (ui_rect){0}, 0, r ? 1 : 0, NULL);
}

static void rec_free(ui_draw *d)
{
    rec_impl *r = rec_of(d);
    rec_clear(r);
    free(r->calls);
    free(r);
    free(d);
}

static const ui_draw_ops rec_ops = {
    .begin = rec_begin,
    .end = rec_end,
    .fill_rect = rec_fill_rect,
    .fill_round = rec_fill_round,
    .stroke_rect = rec_stroke_rect,
    .stroke_round = rec_stroke_round,
    .line = rec_line,
    .fill_circle = rec_fill_circle,
    .fill_triangle = rec_fill_triangle,
    .text = rec_text,
    .measure = rec_measure,
    .image = rec_image,
    .icon = rec_icon,
    .clip = rec_clip,
    .free = rec_free,
};

ui_draw *ui_draw_rec_new(int width, int height)
{
    assert(width > 0 && height > 0);
    ui_draw *d = core_alloc(sizeof *d);
    d->ops = &rec_ops;
    d->width = width;
    d->height = height;
    d->impl = core_alloc(sizeof(rec_impl));
    return d;
}

const ui_rec_call *ui_draw_rec_calls(const ui_draw *d, size_t *count)
{
    assert(d && d->ops == &rec_ops);
    rec_impl *r = rec_of(d);
    if (count)
        *count = r->n;
    return r->calls;
}

const ui_rec_call *ui_draw_rec_find_text(const ui_draw *d, const char *needle)
{
    assert(d && d->ops == &rec_ops && needle);
    rec_impl *r = rec_of(d);
    for (size_t i = 0; i < r->n; i++)
        if (r->calls[i].kind == REC_TEXT && strstr(r->calls[i].text, needle))
            return &r->calls[i];
    return NULL;
}

bool ui_draw_rec_has_text(const ui_draw *d, const char *needle)
{
    return ui_draw_rec_find_text(d, needle) != NULL;
}

size_t ui_draw_rec_count(const ui_draw *d, ui_rec_kind kind)
{
    assert(d && d->ops == &rec_ops);
    rec_impl *r = rec_of(d);
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->calls[i].kind == kind;
    return n;
}
