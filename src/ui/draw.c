/* draw.c: the draw_* wrappers that call through a ui_draw's function table. */
#include "draw.h"

#include <assert.h>

/* Every wrapper checks the programmer's side of the contract (a live drawing target). */
#define DRAW_CHECK(d) assert((d) && (d)->ops)

void draw_begin(ui_draw *d, ui_color clear)
{
    DRAW_CHECK(d);
    d->ops->begin(d, clear);
}

void draw_end(ui_draw *d)
{
    DRAW_CHECK(d);
    d->ops->end(d);
}

void draw_fill(ui_draw *d, ui_rect r, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->fill_rect(d, r, c);
}

void draw_round(ui_draw *d, ui_rect r, int radius, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->fill_round(d, r, radius, c);
}

void draw_stroke(ui_draw *d, ui_rect r, int thickness, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->stroke_rect(d, r, thickness, c);
}

void draw_stroke_round(ui_draw *d, ui_rect r, int radius, int thickness, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->stroke_round(d, r, radius, thickness, c);
}

void draw_line(ui_draw *d, int x0, int y0, int x1, int y1, int thickness, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->line(d, x0, y0, x1, y1, thickness, c);
}

void draw_circle(ui_draw *d, int cx, int cy, int radius, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->fill_circle(d, cx, cy, radius, c);
}

void draw_triangle(ui_draw *d, int x0, int y0, int x1, int y1, int x2, int y2, ui_color c)
{
    DRAW_CHECK(d);
    d->ops->fill_triangle(d, x0, y0, x1, y1, x2, y2, c);
}

int draw_text(ui_draw *d, ui_rect r, const char *utf8, const ui_text_style *st)
{
    DRAW_CHECK(d);
    assert(st && st->px > 0);
    if (!utf8 || !*utf8)
        return 0;
    return d->ops->text(d, r, utf8, st);
}

void draw_measure(ui_draw *d, const char *utf8, const ui_text_style *st, int *w, int *h)
{
    DRAW_CHECK(d);
    assert(st && st->px > 0);
    int tw = 0, th = 0;
    if (utf8 && *utf8)
        d->ops->measure(d, utf8, st, &tw, &th);
    if (w)
        *w = tw;
    if (h)
        *h = th;
}

bool draw_image(ui_draw *d, ui_rect r, const char *asset_path)
{
    DRAW_CHECK(d);
    if (!asset_path || !*asset_path)
        return false;
    return d->ops->image(d, r, asset_path);
}

void draw_icon(ui_draw *d, ui_icon icon, ui_rect r, ui_color c)
{
    DRAW_CHECK(d);
    if (icon <= UI_ICON_NONE || icon >= UI_ICON_COUNT)
        return;
    d->ops->icon(d, icon, r, c);
}

void draw_clip(ui_draw *d, const ui_rect *r)
{
    DRAW_CHECK(d);
    d->ops->clip(d, r);
}

void draw_free(ui_draw *d)
{
    if (d)
        d->ops->free(d);
}
