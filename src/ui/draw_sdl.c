/* draw_sdl.c: the SDL_Renderer drawing implementation: shapes, cached text, icons and images. */
#include "draw_sdl.h"

#include "core.h"
#include "icon.h"
#include "text.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bounded caches: a board redraws ~100 strings a frame, and the text cache keeps them all
 * without letting a long session (log lines, timers) grow memory without limit. */
enum {
    SDL_MAX_FONTS = 24,
    SDL_MAX_TEXTS = 1024,
    SDL_MAX_IMAGES = 128,
    SDL_MAX_ICONS = 256,
    SDL_MAX_TEX_SIDE = 8192,
    SDL_MAX_ICON_SIDE = 512,
};
#define SDL_TEXT_BUDGET ((size_t)64 * 1024 * 1024)
#define SDL_PI_F        3.14159265f

typedef struct sdl_font_entry {
    int px;
    ui_font_style style;
    TTF_Font *font;
    uint64_t used;
} sdl_font_entry;

/* A laid-out text block, rendered in the colours it is drawn in: SDL's software renderer
 * copies a plain blended texture at ~1 ns a pixel but a colour- or alpha-modulated one at
 * ~15 ns, so tinting a white block at draw time cost a third of a 1080p frame. The layout is
 * shared (one entry per string and box); each entry keeps its two most recent colours. */
enum { SDL_TEXT_TINTS = 2 };
typedef struct sdl_text_entry {
    uint64_t hash;
    char *key;
    SDL_Texture *tex[SDL_TEXT_TINTS]; /* [0] the most recent colour; NULL: not made */
    ui_color color[SDL_TEXT_TINTS];
    bool empty;   /* every line is empty: nothing to draw */
    int w, h;     /* the block's size: widest line x lines * line height */
    size_t bytes; /* of all its textures */
    uint64_t used;
} sdl_text_entry;

/* Sizes measured (draw_measure runs the shaper: the board measures ~60 strings a frame). */
enum { SDL_MEASURES = 512 };
typedef struct sdl_measure_entry {
    uint64_t hash; /* 0: empty */
    int w, h;
} sdl_measure_entry;

typedef struct sdl_image_entry {
    char *path;
    SDL_Texture *tex; /* NULL: failed (already warned) */
    int w, h;
    uint64_t used;
} sdl_image_entry;

/* An icon in one colour at its drawn size: rendered white at twice the size, then scaled down
 * (linear filtering smooths the primitives' edges) and coloured once, so drawing it is a plain
 * copy (a scaled or colour-modulated copy costs SDL's software renderer ~15x more). */
typedef struct sdl_icon_entry {
    int icon, w, h;
    uint32_t rgb;
    SDL_Texture *tex;
    uint64_t used;
} sdl_icon_entry;

typedef struct sdl_impl {
    SDL_Renderer *ren;
    char *root;
    char **layers; /* content packs over root (image paths resolve in the last holding one) */
    size_t n_layers;
    void *font_data[UI_FONT_STYLE_COUNT]; /* the font files in memory: opening a size is cheap */
    size_t font_size[UI_FONT_STYLE_COUNT];
    bool fake_bold; /* no bold file: bold is synthesised */
    sdl_font_entry fonts[SDL_MAX_FONTS];
    size_t n_fonts;
    sdl_text_entry *texts;
    size_t n_texts, cap_texts;
    size_t text_bytes;
    sdl_measure_entry measures[SDL_MEASURES];
    sdl_image_entry images[SDL_MAX_IMAGES];
    size_t n_images;
    sdl_icon_entry icons[SDL_MAX_ICONS];
    size_t n_icons;
    uint64_t tick;
    bool clip_on;
    SDL_Rect clip;
    bool in_icon; /* drawing into an icon texture: ICON_HOLE erases */
} sdl_impl;

static sdl_impl *sdl_of(const ui_draw *d)
{
    assert(d && d->impl);
    return d->impl;
}

/* ---------------------------------------------------------------- colours and geometry */

static SDL_Color sdl_color(ui_color c)
{
    return (SDL_Color){(Uint8)(c >> 24), (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c};
}

/* Sets the draw colour; false when nothing is to be drawn (a transparent colour outside icons).
 * Inside an icon texture a transparent colour is ICON_HOLE: it overwrites with transparency. */
static bool sdl_paint(sdl_impl *s, ui_color c, SDL_Color *out)
{
    SDL_Color col = sdl_color(c);
    if (col.a == 0) {
        if (!s->in_icon)
            return false;
        col = (SDL_Color){255, 255, 255, 0};
        SDL_SetRenderDrawBlendMode(s->ren, SDL_BLENDMODE_NONE);
    } else {
        /* An opaque colour needs no blending, and SDL's software renderer fills a blended
         * rectangle pixel by pixel (~25x slower than the plain fill it uses without). */
        SDL_SetRenderDrawBlendMode(s->ren, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    }
    SDL_SetRenderDrawColor(s->ren, col.r, col.g, col.b, col.a);
    if (out)
        *out = col;
    return true;
}

/* Fills a convex polygon (points in order) as a fan around its centroid. */
static void sdl_fill_convex(sdl_impl *s, const SDL_FPoint *pt, int n, ui_color c)
{
    enum { MAXP = 256 };
    assert(n >= 3 && n <= MAXP);
    SDL_Color col;
    if (!sdl_paint(s, c, &col))
        return;
    SDL_Vertex v[MAXP + 1];
    int idx[MAXP * 3];
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += pt[i].x;
        cy += pt[i].y;
    }
    v[0] = (SDL_Vertex){{cx / (float)n, cy / (float)n}, col, {0, 0}};
    for (int i = 0; i < n; i++) {
        v[i + 1] = (SDL_Vertex){pt[i], col, {0, 0}};
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = (i + 1) % n + 1;
    }
    SDL_RenderGeometry(s->ren, NULL, v, n + 1, idx, 3 * n);
}

/* Segments for a quarter circle of radius r: smooth enough, never wasteful. */
static int sdl_quarter_segments(float r)
{
    int n = (int)(r / 3.0f) + 2;
    return n > 16 ? 16 : n;
}

static int sdl_clamp_radius(ui_rect r, int radius)
{
    int m = (r.w < r.h ? r.w : r.h) / 2;
    return radius < 0 ? 0 : radius > m ? m : radius;
}

/* ---------------------------------------------------------------- shapes */

static void sdl_begin(ui_draw *d, ui_color clear)
{
    sdl_impl *s = sdl_of(d);
    s->clip_on = false;
    SDL_RenderSetClipRect(s->ren, NULL);
    SDL_Color c = sdl_color(clear);
    SDL_SetRenderDrawColor(s->ren, c.r, c.g, c.b, c.a);
    SDL_RenderClear(s->ren);
}

static void sdl_end(ui_draw *d)
{
    (void)d; /* the platform presents; nothing is pending here */
}

static bool sdl_skip(const sdl_impl *s)
{
    return s->clip_on && (s->clip.w <= 0 || s->clip.h <= 0);
}

static void sdl_fill_rect(ui_draw *d, ui_rect r, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    if (sdl_skip(s) || r.w <= 0 || r.h <= 0 || !sdl_paint(s, c, NULL))
        return;
    SDL_RenderFillRect(s->ren, &(SDL_Rect){r.x, r.y, r.w, r.h});
}

/* Rows of pixels batched into SDL_RenderFillRects, equal rows merged. Rounded shapes are drawn
 * as spans: SDL's software renderer fills a triangle by testing every pixel of its bounding box
 * (~5 ns a pixel, and a whole card drawn as one fan cost most of a 1080p frame), but fills a
 * rectangle at memory speed. Spans never overlap, so a translucent colour is blended once. */
typedef struct sdl_spans {
    SDL_Renderer *ren;
    SDL_Rect r[64];
    int n;
} sdl_spans;

static void sdl_spans_flush(sdl_spans *b)
{
    if (b->n)
        SDL_RenderFillRects(b->ren, b->r, b->n);
    b->n = 0;
}

/* Adds the span [x0, x1) of row y (rows come in increasing y within one batch). */
static void sdl_spans_add(sdl_spans *b, int x0, int x1, int y, int h)
{
    if (x1 <= x0 || h <= 0)
        return;
    SDL_Rect *last = b->n ? &b->r[b->n - 1] : NULL;
    if (last && last->x == x0 && last->w == x1 - x0 && last->y + last->h == y) {
        last->h += h;
        return;
    }
    if (b->n == (int)(sizeof b->r / sizeof b->r[0]))
        sdl_spans_flush(b);
    b->r[b->n++] = (SDL_Rect){x0, y, x1 - x0, h};
}

/* How far row i (0: the outermost) of a corner of radius r is inset from the straight edge:
 * the pixels whose centres fall inside the quarter circle. */
static int sdl_arc_inset(int r, int i)
{
    float dy = (float)r - (float)i - 0.5f;
    float dx = sqrtf((float)r * (float)r - dy * dy);
    int in = (int)ceilf((float)r - 0.5f - dx);
    return in < 0 ? 0 : in;
}

/* The inset of row yy of a rectangle [y, y + h) with corners of radius r (0 when straight). */
static int sdl_row_inset(int y, int h, int r, int yy)
{
    if (r <= 0)
        return 0;
    if (yy < y + r)
        return sdl_arc_inset(r, yy - y);
    if (yy >= y + h - r)
        return sdl_arc_inset(r, y + h - 1 - yy);
    return 0;
}

static void sdl_fill_round(ui_draw *d, ui_rect r, int radius, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    if (sdl_skip(s) || r.w <= 0 || r.h <= 0)
        return;
    radius = sdl_clamp_radius(r, radius);
    if (radius < 1) {
        sdl_fill_rect(d, r, c);
        return;
    }
    if (!sdl_paint(s, c, NULL))
        return;
    sdl_spans b = {.ren = s->ren};
    for (int yy = r.y; yy < r.y + radius; yy++) {
        int in = sdl_row_inset(r.y, r.h, radius, yy);
        sdl_spans_add(&b, r.x + in, r.x + r.w - in, yy, 1);
    }
    sdl_spans_add(&b, r.x, r.x + r.w, r.y + radius, r.h - 2 * radius);
    for (int yy = r.y + r.h - radius; yy < r.y + r.h; yy++) {
        int in = sdl_row_inset(r.y, r.h, radius, yy);
        sdl_spans_add(&b, r.x + in, r.x + r.w - in, yy, 1);
    }
    sdl_spans_flush(&b);
}

static void sdl_stroke_rect(ui_draw *d, ui_rect r, int t, ui_color c)
{
    if (t < 1)
        t = 1;
    if (2 * t >= r.w || 2 * t >= r.h) {
        sdl_fill_rect(d, r, c);
        return;
    }
    sdl_fill_rect(d, (ui_rect){r.x, r.y, r.w, t}, c);
    sdl_fill_rect(d, (ui_rect){r.x, r.y + r.h - t, r.w, t}, c);
    sdl_fill_rect(d, (ui_rect){r.x, r.y + t, t, r.h - 2 * t}, c);
    sdl_fill_rect(d, (ui_rect){r.x + r.w - t, r.y + t, t, r.h - 2 * t}, c);
}

static void sdl_stroke_round(ui_draw *d, ui_rect r, int radius, int t, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    if (t < 1)
        t = 1;
    if (sdl_skip(s) || r.w <= 0 || r.h <= 0)
        return;
    if (2 * t >= r.w || 2 * t >= r.h) {
        sdl_fill_round(d, r, radius, c);
        return;
    }
    radius = sdl_clamp_radius(r, radius);
    if (!sdl_paint(s, c, NULL))
        return;
    /* A ring between the outline and the outline inset by t; the inner corners are concentric
     * with the outer ones, so the stroke keeps its width around the corners. Each row is the
     * outer span minus the inner one: one span, or a left and a right part. */
    int ri = radius > t ? radius - t : 0;
    sdl_spans left = {.ren = s->ren}, right = {.ren = s->ren};
    for (int yy = r.y; yy < r.y + r.h; yy++) {
        int out = sdl_row_inset(r.y, r.h, radius, yy);
        int x0 = r.x + out, x1 = r.x + r.w - out;
        if (yy < r.y + t || yy >= r.y + r.h - t) {
            sdl_spans_add(&left, x0, x1, yy, 1);
            continue;
        }
        /* straight rows in the middle in one go */
        if (yy >= r.y + radius && yy < r.y + r.h - radius && yy >= r.y + t + ri &&
            yy < r.y + r.h - t - ri) {
            int end = r.y + r.h - (radius > t + ri ? radius : t + ri);
            sdl_spans_add(&left, r.x, r.x + t, yy, end - yy);
            sdl_spans_add(&right, r.x + r.w - t, r.x + r.w, yy, end - yy);
            yy = end - 1;
            continue;
        }
        int in = sdl_row_inset(r.y + t, r.h - 2 * t, ri, yy);
        sdl_spans_add(&left, x0, r.x + t + in, yy, 1);
        sdl_spans_add(&right, r.x + r.w - t - in, x1, yy, 1);
    }
    sdl_spans_flush(&left);
    sdl_spans_flush(&right);
}

static void sdl_line(ui_draw *d, int x0, int y0, int x1, int y1, int t, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    if (sdl_skip(s))
        return;
    if (t <= 1) {
        if (sdl_paint(s, c, NULL))
            SDL_RenderDrawLine(s->ren, x0, y0, x1, y1);
        return;
    }
    /* A capsule (round caps) as one convex polygon: joints of polylines look right and a
     * translucent line is not blended twice where the caps would overlap. */
    float dx = (float)(x1 - x0), dy = (float)(y1 - y0);
    float len = sqrtf(dx * dx + dy * dy);
    float hw = (float)t / 2.0f;
    float base = len > 0 ? atan2f(dy, dx) : 0.0f;
    int seg = sdl_quarter_segments(hw) * 2; /* per half circle */
    SDL_FPoint pt[2 * 33];
    int n = 0;
    for (int i = 0; i <= seg; i++) { /* cap around the end point */
        float a = base - SDL_PI_F / 2 + SDL_PI_F * (float)i / (float)seg;
        pt[n++] = (SDL_FPoint){(float)x1 + 0.5f + hw * cosf(a), (float)y1 + 0.5f + hw * sinf(a)};
    }
    for (int i = 0; i <= seg; i++) { /* cap around the start point */
        float a = base + SDL_PI_F / 2 + SDL_PI_F * (float)i / (float)seg;
        pt[n++] = (SDL_FPoint){(float)x0 + 0.5f + hw * cosf(a), (float)y0 + 0.5f + hw * sinf(a)};
    }
    sdl_fill_convex(s, pt, n, c);
}

static void sdl_fill_circle(ui_draw *d, int cx, int cy, int radius, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    if (sdl_skip(s) || radius <= 0 || !sdl_paint(s, c, NULL))
        return;
    /* spans (see sdl_spans): the pixels whose centres are inside the circle */
    sdl_spans b = {.ren = s->ren};
    float rr = (float)radius * (float)radius;
    for (int yy = cy - radius; yy < cy + radius; yy++) {
        float dy = (float)yy + 0.5f - (float)cy;
        float dx = sqrtf(rr - dy * dy);
        int x0 = (int)ceilf((float)cx - dx - 0.5f), x1 = (int)floorf((float)cx + dx - 0.5f) + 1;
        sdl_spans_add(&b, x0, x1, yy, 1);
    }
    sdl_spans_flush(&b);
}

static void sdl_fill_triangle(ui_draw *d, int x0, int y0, int x1, int y1, int x2, int y2,
                              ui_color c)
{
    sdl_impl *s = sdl_of(d);
    SDL_Color col;
    if (sdl_skip(s) || !sdl_paint(s, c, &col))
        return;
    SDL_Vertex v[3] = {{{(float)x0, (float)y0}, col, {0, 0}},
                       {{(float)x1, (float)y1}, col, {0, 0}},
                       {{(float)x2, (float)y2}, col, {0, 0}}};
    SDL_RenderGeometry(s->ren, NULL, v, 3, NULL, 0);
}

static void sdl_clip(ui_draw *d, const ui_rect *r)
{
    sdl_impl *s = sdl_of(d);
    s->clip_on = r != NULL;
    if (r) {
        s->clip = (SDL_Rect){r->x, r->y, r->w, r->h};
        /* SDL treats an empty clip rectangle as "no clipping": sdl_skip() draws nothing. */
        if (r->w > 0 && r->h > 0)
            SDL_RenderSetClipRect(s->ren, &s->clip);
    } else {
        SDL_RenderSetClipRect(s->ren, NULL);
    }
}

/* ---------------------------------------------------------------- fonts and text */

static TTF_Font *sdl_font(sdl_impl *s, int px, ui_font_style style)
{
    if (style < 0 || style >= UI_FONT_STYLE_COUNT)
        style = UI_FONT_REGULAR;
    if (px < 1)
        px = 1;
    if (px > 512)
        px = 512;
    s->tick++;
    size_t lru = 0;
    for (size_t i = 0; i < s->n_fonts; i++) {
        if (s->fonts[i].px == px && s->fonts[i].style == style) {
            s->fonts[i].used = s->tick;
            return s->fonts[i].font;
        }
        if (s->fonts[i].used < s->fonts[lru].used)
            lru = i;
    }
    int file = s->font_data[style] ? (int)style : UI_FONT_REGULAR;
    SDL_RWops *rw = SDL_RWFromConstMem(s->font_data[file], (int)s->font_size[file]);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f)
        return NULL; /* cannot happen with a font that opened once, short of memory */
    if (style == UI_FONT_BOLD && file != UI_FONT_BOLD)
        TTF_SetFontStyle(f, TTF_STYLE_BOLD);
    size_t slot = s->n_fonts;
    if (s->n_fonts == SDL_MAX_FONTS) {
        TTF_CloseFont(s->fonts[lru].font);
        slot = lru;
    } else {
        s->n_fonts++;
    }
    s->fonts[slot] = (sdl_font_entry){px, style, f, s->tick};
    return f;
}

/* Measure callback for text_layout: TTF needs a NUL-terminated string. */
static int sdl_measure_cb(void *ctx, const char *str, size_t n)
{
    TTF_Font *f = ctx;
    char small[256];
    char *buf = n < sizeof small ? small : core_alloc(n + 1);
    memcpy(buf, str, n);
    buf[n] = '\0';
    int w = 0, h = 0;
    if (n && TTF_SizeUTF8(f, buf, &w, &h) != 0)
        w = 0;
    if (buf != small)
        free(buf);
    return w;
}

static void sdl_text_drop(sdl_impl *s, size_t i)
{
    for (int k = 0; k < SDL_TEXT_TINTS; k++)
        SDL_DestroyTexture(s->texts[i].tex[k]);
    free(s->texts[i].key);
    s->text_bytes -= s->texts[i].bytes;
    s->texts[i] = s->texts[--s->n_texts];
}

/* Evicts least recently used blocks until there is room for one more of `bytes`. */
static void sdl_text_evict(sdl_impl *s, size_t bytes)
{
    while (s->n_texts > 0 &&
           (s->n_texts >= SDL_MAX_TEXTS || s->text_bytes + bytes > SDL_TEXT_BUDGET)) {
        size_t lru = 0;
        for (size_t i = 1; i < s->n_texts; i++)
            if (s->texts[i].used < s->texts[lru].used)
                lru = i;
        sdl_text_drop(s, lru);
    }
}

/* Renders the laid-out lines into one texture in colour c (its alpha baked in). */
static SDL_Texture *sdl_text_render(sdl_impl *s, TTF_Font *f, const char *utf8,
                                    const text_lines *lines, int line_h, int align, ui_color c,
                                    int *bw, int *bh)
{
    SDL_Color col = sdl_color(c);
    int n = (int)lines->n;
    SDL_Surface **surf = core_calloc(lines->n, sizeof *surf);
    int w = 0;
    for (int i = 0; i < n; i++) {
        if (lines->items[i].len == 0 && !lines->items[i].ellipsis)
            continue;
        char *str = text_line_dup(utf8, &lines->items[i]);
        surf[i] = TTF_RenderUTF8_Blended(f, str, (SDL_Color){col.r, col.g, col.b, 255});
        free(str);
        if (surf[i] && surf[i]->w > w)
            w = surf[i]->w;
    }
    if (w > SDL_MAX_TEX_SIDE)
        w = SDL_MAX_TEX_SIDE;
    int h = n * line_h;
    if (h > SDL_MAX_TEX_SIDE)
        h = SDL_MAX_TEX_SIDE;
    *bw = w;
    *bh = n * line_h;
    SDL_Texture *tex = NULL;
    SDL_Surface *block = w > 0 && h > 0
                             ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)
                             : NULL;
    if (block) {
        /* Transparent in the glyphs' colour: blending the glyphs onto it keeps their edges in
         * that colour. */
        SDL_FillRect(block, NULL, SDL_MapRGBA(block->format, col.r, col.g, col.b, 0));
        int fh = TTF_FontHeight(f);
        for (int i = 0; i < n; i++) {
            if (!surf[i])
                continue;
            int x = 0;
            if ((align & 3) == UI_ALIGN_CENTER)
                x = (w - surf[i]->w) / 2;
            else if ((align & 3) == UI_ALIGN_RIGHT)
                x = w - surf[i]->w;
            SDL_Rect dst = {x, i * line_h + (line_h - fh) / 2, surf[i]->w, surf[i]->h};
            SDL_SetSurfaceBlendMode(surf[i], SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(surf[i], NULL, block, &dst);
        }
        if (col.a < 255 && SDL_LockSurface(block) == 0) { /* bake the alpha in */
            for (int y = 0; y < h; y++) {
                Uint32 *row = (Uint32 *)(void *)((Uint8 *)block->pixels + y * block->pitch);
                for (int x = 0; x < w; x++) {
                    Uint32 a = (row[x] >> 24) * col.a / 255;
                    row[x] = (row[x] & 0x00FFFFFFu) | a << 24;
                }
            }
            SDL_UnlockSurface(block);
        }
        tex = SDL_CreateTextureFromSurface(s->ren, block);
        if (tex)
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        SDL_FreeSurface(block);
    }
    for (int i = 0; i < n; i++)
        SDL_FreeSurface(surf[i]);
    free(surf);
    return tex;
}

/* The block's texture in colour c, made (and the older colour dropped) when missing. */
static SDL_Texture *sdl_text_tex(sdl_impl *s, sdl_text_entry *e, const char *utf8,
                                 const ui_text_style *st, int kw, int kh)
{
    for (int k = 0; k < SDL_TEXT_TINTS; k++) {
        if (e->tex[k] && e->color[k] == st->color) {
            if (k > 0) { /* most recent first */
                SDL_Texture *t = e->tex[k];
                e->tex[k] = e->tex[0];
                e->tex[0] = t;
                e->color[k] = e->color[0];
                e->color[0] = st->color;
            }
            return e->tex[0];
        }
    }
    TTF_Font *f = sdl_font(s, st->px, st->style);
    if (!f)
        return NULL;
    text_lines lines = {0};
    text_box box = {kw, kh, text_line_height(st->px), st->wrap, st->ellipsis};
    text_layout(&lines, utf8, &box, sdl_measure_cb, f);
    int w = 0, h = 0;
    SDL_Texture *tex =
        sdl_text_render(s, f, utf8, &lines, box.line_h, st->align & 3, st->color, &w, &h);
    text_lines_free(&lines);
    if (!tex)
        return NULL;
    size_t bytes = (size_t)e->w * (size_t)(e->h < SDL_MAX_TEX_SIDE ? e->h : SDL_MAX_TEX_SIDE) * 4;
    int last = SDL_TEXT_TINTS - 1;
    if (e->tex[last]) {
        SDL_DestroyTexture(e->tex[last]);
        e->bytes -= bytes;
        s->text_bytes -= bytes;
    }
    for (int k = last; k > 0; k--) {
        e->tex[k] = e->tex[k - 1];
        e->color[k] = e->color[k - 1];
    }
    e->tex[0] = tex;
    e->color[0] = st->color;
    e->bytes += bytes;
    s->text_bytes += bytes;
    return tex;
}

/* The cached block for this text and style in a box of bw x bh (0 = unlimited), with its
 * texture in the style's colour (NULL when nothing is to be drawn). */
static sdl_text_entry *sdl_text_get(sdl_impl *s, const char *utf8, const ui_text_style *st, int bw,
                                    int bh, SDL_Texture **tex)
{
    /* Only what changes the layout is in the key (the colours live in the entry), and the box
     * size only matters when it wraps or cuts. */
    int align = st->align & 3;
    int kw = (st->wrap || st->ellipsis) ? bw : 0;
    int kh = st->ellipsis ? bh : 0;
    *tex = NULL;
    core_str key = {0};
    core_str_printf(&key, "%d|%d|%d|%d|%d|%d|%d|", st->px, (int)st->style, align, kw, kh,
                    (int)st->wrap, (int)st->ellipsis);
    core_str_puts(&key, utf8);
    uint64_t hash = core_fnv1a(CORE_FNV_INIT, key.buf, key.len);
    s->tick++;
    sdl_text_entry *e = NULL;
    for (size_t i = 0; i < s->n_texts; i++) {
        if (s->texts[i].hash == hash && strcmp(s->texts[i].key, key.buf) == 0) {
            e = &s->texts[i];
            break;
        }
    }
    if (e) {
        core_str_free(&key);
        e->used = s->tick;
    } else {
        TTF_Font *f = sdl_font(s, st->px, st->style);
        if (!f) {
            core_str_free(&key);
            return NULL;
        }
        text_lines lines = {0};
        text_box box = {kw, kh, text_line_height(st->px), st->wrap, st->ellipsis};
        text_layout(&lines, utf8, &box, sdl_measure_cb, f);
        int w = 0;
        bool empty = true;
        for (size_t i = 0; i < lines.n; i++) {
            if (lines.items[i].len || lines.items[i].ellipsis)
                empty = false;
        }
        /* the block's width is the widest rendered line (what the texture will be) */
        int h = (int)lines.n * box.line_h;
        if (!empty) {
            SDL_Texture *t =
                sdl_text_render(s, f, utf8, &lines, box.line_h, align, st->color, &w, &h);
            text_lines_free(&lines);
            size_t bytes =
                t ? (size_t)w * (size_t)(h < SDL_MAX_TEX_SIDE ? h : SDL_MAX_TEX_SIDE) * 4 : 0;
            sdl_text_evict(s, bytes);
            core_grow((void **)&s->texts, &s->cap_texts, s->n_texts + 1, sizeof *s->texts);
            e = &s->texts[s->n_texts++];
            *e = (sdl_text_entry){.hash = hash,
                                  .key = core_str_take(&key),
                                  .w = w,
                                  .h = h,
                                  .bytes = bytes,
                                  .used = s->tick,
                                  .empty = t == NULL};
            e->tex[0] = t;
            e->color[0] = st->color;
            s->text_bytes += bytes;
            *tex = t;
            return e;
        }
        text_lines_free(&lines);
        sdl_text_evict(s, 0);
        core_grow((void **)&s->texts, &s->cap_texts, s->n_texts + 1, sizeof *s->texts);
        e = &s->texts[s->n_texts++];
        *e = (sdl_text_entry){.hash = hash,
                              .key = core_str_take(&key),
                              .w = w,
                              .h = h,
                              .used = s->tick,
                              .empty = true};
        return e;
    }
    if (!e->empty)
        *tex = sdl_text_tex(s, e, utf8, st, kw, kh);
    return e;
}

static int sdl_text(ui_draw *d, ui_rect r, const char *utf8, const ui_text_style *st)
{
    sdl_impl *s = sdl_of(d);
    SDL_Texture *tex = NULL;
    sdl_text_entry *e = sdl_text_get(s, utf8, st, r.w, r.h, &tex);
    if (!e)
        return 0;
    int x = r.x, y = r.y;
    if ((st->align & 3) == UI_ALIGN_CENTER)
        x = r.x + (r.w - e->w) / 2;
    else if ((st->align & 3) == UI_ALIGN_RIGHT)
        x = r.x + r.w - e->w;
    if (st->align & UI_VALIGN_MIDDLE)
        y = r.y + (r.h - e->h) / 2;
    else if (st->align & UI_VALIGN_BOTTOM)
        y = r.y + r.h - e->h;
    SDL_Color c = sdl_color(st->color);
    if (tex && c.a > 0 && !sdl_skip(s)) {
        int tw = 0, th = 0;
        SDL_QueryTexture(tex, NULL, NULL, &tw, &th);
        SDL_RenderCopy(s->ren, tex, NULL, &(SDL_Rect){x, y, tw, th});
    }
    return e->h;
}

static void sdl_measure(ui_draw *d, const char *utf8, const ui_text_style *st, int *w, int *h)
{
    sdl_impl *s = sdl_of(d);
    int key[2] = {st->px, (int)st->style};
    uint64_t hash = core_fnv1a(core_fnv1a(CORE_FNV_INIT, key, sizeof key), utf8, strlen(utf8));
    hash |= 1; /* never 0, the empty mark */
    sdl_measure_entry *m = &s->measures[hash % SDL_MEASURES];
    if (m->hash == hash) {
        *w = m->w;
        *h = m->h;
        return;
    }
    TTF_Font *f = sdl_font(s, st->px, st->style);
    text_lines lines = {0};
    text_box box = {0, 0, text_line_height(st->px), false, false};
    *w = *h = 0;
    if (!f)
        return;
    text_layout(&lines, utf8, &box, sdl_measure_cb, f);
    for (size_t i = 0; i < lines.n; i++)
        if (lines.items[i].w > *w)
            *w = lines.items[i].w;
    *h = (int)lines.n * box.line_h;
    text_lines_free(&lines);
    *m = (sdl_measure_entry){hash, *w, *h};
}

/* ---------------------------------------------------------------- images */

/* Content paths are relative and stay inside the content root (the loader checks too; this is
 * the last line of defence for paths that came from elsewhere, such as a save file). */
static bool sdl_path_ok(const char *p)
{
    if (!*p || p[0] == '/' || p[0] == '\\' || strchr(p, ':'))
        return false;
    for (const char *q = p; *q;) {
        size_t n = strcspn(q, "/\\");
        if (n == 2 && q[0] == '.' && q[1] == '.')
            return false;
        q += n;
        if (*q)
            q++;
    }
    return true;
}

static uint32_t sdl_be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The picture's type ("PNG" or "JPG") and size from its header, before any decoding allocates:
 * NULL for anything else. Only these two decoders are ever run on content (SDL_image has many
 * more, each one more place for a hostile file to hurt). */
static const char *sdl_image_header(const unsigned char *b, size_t n, uint32_t *w, uint32_t *h)
{
    if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0) {
        *w = sdl_be32(b + 16);
        *h = sdl_be32(b + 20);
        return "PNG";
    }
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return NULL;
    /* JPEG: walk the marker segments to the first start-of-frame (SOF0..15 but DHT, JPG, DAC) */
    size_t i = 2;
    while (i + 4 <= n) {
        if (b[i] != 0xFF)
            return NULL;
        unsigned m = b[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        size_t len = (size_t)b[i + 2] << 8 | b[i + 3];
        if (len < 2)
            return NULL;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > n)
                return NULL;
            *h = (uint32_t)b[i + 5] << 8 | b[i + 6];
            *w = (uint32_t)b[i + 7] << 8 | b[i + 8];
            return "JPG";
        }
        if (m == 0xDA || m == 0xD9) /* image data or its end before any frame header */
            return NULL;
        i += 2 + len;
    }
    return NULL;
}

/* Loads an image, refusing oversized files and pictures; NULL with a reason on failure. */
static SDL_Texture *sdl_image_load(sdl_impl *s, const char *rel, int *w, int *h, char *why,
                                   size_t why_n)
{
    SDL_Texture *tex = NULL;
    SDL_Surface *surf = NULL;
    void *data = NULL;
    char *path = NULL;
    if (!sdl_path_ok(rel)) {
        snprintf(why, why_n, "path must be relative and stay inside the content folder");
        goto done;
    }
    /* content packs first (the last one laid over the others wins), then the content root */
    const char *root = s->root ? s->root : ".";
    SDL_RWops *rw = NULL;
    for (size_t i = s->n_layers + 1; !rw && i-- > 0;) {
        root = i ? s->layers[i - 1] : s->root ? s->root : ".";
        free(path);
        core_str p = {0};
        core_str_printf(&p, "%s/%s", root, rel);
        path = core_str_take(&p);
        rw = core_path_regular(path) ? SDL_RWFromFile(path, "rb") : NULL;
    }
    if (!rw) {
        snprintf(why, why_n, "cannot open %s", path);
        goto done;
    }
    if (!core_path_inside(root, path)) {
        SDL_RWclose(rw);
        snprintf(why, why_n, "it leads outside the content folder (a symbolic link)");
        goto done;
    }
    Sint64 size = SDL_RWsize(rw);
    if (size < 0 || size > DRAW_SDL_IMAGE_MAX_BYTES) {
        SDL_RWclose(rw);
        snprintf(why, why_n, "file is larger than %d MB", DRAW_SDL_IMAGE_MAX_BYTES >> 20);
        goto done;
    }
    size_t n = 0;
    data = SDL_LoadFile_RW(rw, &n, 1);
    if (!data) {
        snprintf(why, why_n, "cannot read %s", path);
        goto done;
    }
    /* The header says the size: refuse a huge picture before decoding allocates for it. */
    uint32_t hw = 0, hh = 0;
    const char *type = sdl_image_header(data, n, &hw, &hh);
    if (!type) {
        snprintf(why, why_n, "not a PNG or JPEG picture");
        goto done;
    }
    if (hw > DRAW_SDL_IMAGE_MAX_SIDE || hh > DRAW_SDL_IMAGE_MAX_SIDE) {
        snprintf(why, why_n, "picture is larger than %dx%d", DRAW_SDL_IMAGE_MAX_SIDE,
                 DRAW_SDL_IMAGE_MAX_SIDE);
        goto done;
    }
    surf = IMG_LoadTyped_RW(SDL_RWFromConstMem(data, (int)n), 1, type);
    if (!surf) {
        snprintf(why, why_n, "not a readable image (%s)", IMG_GetError());
        goto done;
    }
    if (surf->w > DRAW_SDL_IMAGE_MAX_SIDE || surf->h > DRAW_SDL_IMAGE_MAX_SIDE) {
        snprintf(why, why_n, "picture is larger than %dx%d", DRAW_SDL_IMAGE_MAX_SIDE,
                 DRAW_SDL_IMAGE_MAX_SIDE);
        goto done;
    }
    tex = SDL_CreateTextureFromSurface(s->ren, surf);
    if (!tex) {
        snprintf(why, why_n, "cannot make a texture (%s)", SDL_GetError());
        goto done;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    *w = surf->w;
    *h = surf->h;
done:
    SDL_FreeSurface(surf);
    SDL_free(data);
    free(path);
    return tex;
}

static sdl_image_entry *sdl_image_get(sdl_impl *s, const char *rel)
{
    s->tick++;
    size_t lru = 0;
    for (size_t i = 0; i < s->n_images; i++) {
        if (strcmp(s->images[i].path, rel) == 0) {
            s->images[i].used = s->tick;
            return &s->images[i];
        }
        if (s->images[i].used < s->images[lru].used)
            lru = i;
    }
    size_t slot = s->n_images;
    if (s->n_images == SDL_MAX_IMAGES) {
        SDL_DestroyTexture(s->images[lru].tex);
        free(s->images[lru].path);
        slot = lru;
    } else {
        s->n_images++;
    }
    sdl_image_entry *e = &s->images[slot];
    *e = (sdl_image_entry){core_strdup(rel), NULL, 0, 0, s->tick};
    char why[256] = "";
    e->tex = sdl_image_load(s, rel, &e->w, &e->h, why, sizeof why);
    if (!e->tex) /* once per path: the failed entry stays cached */
        fprintf(stderr, "malcon: warning: image %s: %s; drawing the fallback\n", rel, why);
    return e;
}

/* Draws the picture scaled to fit r with its aspect kept (centred, never cropped). */
static bool sdl_image(ui_draw *d, ui_rect r, const char *asset_path)
{
    sdl_impl *s = sdl_of(d);
    sdl_image_entry *e = sdl_image_get(s, asset_path);
    if (!e->tex)
        return false;
    if (sdl_skip(s) || r.w <= 0 || r.h <= 0)
        return true;
    int w = r.w, h = (int)((long long)r.w * e->h / e->w);
    if (h > r.h) {
        h = r.h;
        w = (int)((long long)r.h * e->w / e->h);
    }
    SDL_RenderCopy(s->ren, e->tex, NULL,
                   &(SDL_Rect){r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h});
    return true;
}

/* ---------------------------------------------------------------- icons */

/* Renders the icon white at twice the size into a target texture, so drawing it scaled down
 * with linear filtering smooths the primitives' jagged edges (4x supersampling). */
static SDL_Texture *sdl_icon_render(ui_draw *d, ui_icon icon, int w, int h)
{
    sdl_impl *s = sdl_of(d);
    int tw = 2 * w, th = 2 * h;
    if (tw > SDL_MAX_ICON_SIDE || th > SDL_MAX_ICON_SIDE)
        tw = w, th = h;
    SDL_Texture *tex =
        SDL_CreateTexture(s->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, tw, th);
    if (!tex)
        return NULL;
    SDL_Texture *prev = SDL_GetRenderTarget(s->ren);
    if (SDL_SetRenderTarget(s->ren, tex) != 0) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    SDL_RenderSetClipRect(s->ren, NULL);
    SDL_SetRenderDrawColor(s->ren, 255, 255, 255, 0);
    SDL_RenderClear(s->ren);
    bool clip_on = s->clip_on;
    s->clip_on = false;
    s->in_icon = true;
    icon_draw(d, icon, (ui_rect){0, 0, tw, th}, UI_RGB(0xFFFFFF));
    s->in_icon = false;
    s->clip_on = clip_on;
    SDL_SetRenderTarget(s->ren, prev);
    /* Switching targets resets the viewport and clip: put the screen's clip back. */
    if (s->clip_on && s->clip.w > 0 && s->clip.h > 0)
        SDL_RenderSetClipRect(s->ren, &s->clip);
    SDL_SetRenderDrawBlendMode(s->ren, SDL_BLENDMODE_BLEND);
    return tex;
}

/* The white supersampled icon scaled down to w x h in colour rgb, once (see sdl_icon_entry).
 * Takes big; returns big itself when the scaled copy cannot be made. */
static SDL_Texture *sdl_icon_finish(sdl_impl *s, SDL_Texture *big, int w, int h, SDL_Color rgb)
{
    SDL_Texture *tex =
        SDL_CreateTexture(s->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    SDL_Texture *prev = SDL_GetRenderTarget(s->ren);
    if (!tex || SDL_SetRenderTarget(s->ren, tex) != 0) {
        SDL_DestroyTexture(tex);
        SDL_SetTextureColorMod(big, rgb.r, rgb.g, rgb.b);
        return big;
    }
    SDL_RenderSetClipRect(s->ren, NULL);
    SDL_SetRenderDrawBlendMode(s->ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(s->ren, rgb.r, rgb.g, rgb.b, 0);
    SDL_RenderClear(s->ren);
    /* no blending: the scaled pixels, colour and alpha, replace the transparent ones */
    SDL_SetTextureBlendMode(big, SDL_BLENDMODE_NONE);
    SDL_SetTextureColorMod(big, rgb.r, rgb.g, rgb.b);
    SDL_RenderCopy(s->ren, big, NULL, NULL);
    SDL_SetRenderTarget(s->ren, prev);
    if (s->clip_on && s->clip.w > 0 && s->clip.h > 0)
        SDL_RenderSetClipRect(s->ren, &s->clip);
    SDL_SetRenderDrawBlendMode(s->ren, SDL_BLENDMODE_BLEND);
    SDL_DestroyTexture(big);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    return tex;
}

static void sdl_icon(ui_draw *d, ui_icon icon, ui_rect r, ui_color c)
{
    sdl_impl *s = sdl_of(d);
    SDL_Color col = sdl_color(c);
    if (sdl_skip(s) || r.w <= 0 || r.h <= 0 || col.a == 0)
        return;
    if (s->in_icon || !SDL_RenderTargetSupported(s->ren)) {
        icon_draw(d, icon, r, c); /* an icon inside an icon, or no render targets */
        return;
    }
    s->tick++;
    sdl_icon_entry *e = NULL;
    size_t lru = 0;
    uint32_t rgb = (uint32_t)col.r << 16 | (uint32_t)col.g << 8 | col.b;
    for (size_t i = 0; i < s->n_icons; i++) {
        sdl_icon_entry *k = &s->icons[i];
        if (k->icon == (int)icon && k->w == r.w && k->h == r.h && k->rgb == rgb) {
            e = k;
            break;
        }
        if (k->used < s->icons[lru].used)
            lru = i;
    }
    if (!e) {
        SDL_Texture *tex = sdl_icon_render(d, icon, r.w, r.h);
        if (!tex) {
            icon_draw(d, icon, r, c);
            return;
        }
        tex = sdl_icon_finish(s, tex, r.w, r.h, col);
        size_t slot = s->n_icons;
        if (s->n_icons == SDL_MAX_ICONS) {
            SDL_DestroyTexture(s->icons[lru].tex);
            slot = lru;
        } else {
            s->n_icons++;
        }
        e = &s->icons[slot];
        *e = (sdl_icon_entry){(int)icon, r.w, r.h, rgb, tex, 0};
    }
    e->used = s->tick;
    /* a translucent icon (rare: a pulse) takes the slow modulated copy */
    SDL_SetTextureAlphaMod(e->tex, col.a);
    SDL_RenderCopy(s->ren, e->tex, NULL, &(SDL_Rect){r.x, r.y, r.w, r.h});
}

/* ---------------------------------------------------------------- life cycle */

void ui_draw_sdl_flush(ui_draw *d)
{
    sdl_impl *s = sdl_of(d);
    while (s->n_texts)
        sdl_text_drop(s, s->n_texts - 1);
    for (size_t i = 0; i < s->n_images; i++) {
        SDL_DestroyTexture(s->images[i].tex);
        free(s->images[i].path);
    }
    s->n_images = 0;
    for (size_t i = 0; i < s->n_icons; i++)
        SDL_DestroyTexture(s->icons[i].tex);
    s->n_icons = 0;
}

void ui_draw_sdl_flush_images(ui_draw *d)
{
    sdl_impl *s = sdl_of(d);
    for (size_t i = 0; i < s->n_images; i++) {
        SDL_DestroyTexture(s->images[i].tex);
        free(s->images[i].path);
    }
    s->n_images = 0;
}

void ui_draw_sdl_set_layers(ui_draw *d, const char *const *packs, size_t n)
{
    sdl_impl *s = sdl_of(d);
    for (size_t i = 0; i < s->n_layers; i++)
        free(s->layers[i]);
    free(s->layers);
    s->layers = n ? core_calloc(n, sizeof *s->layers) : NULL;
    s->n_layers = n;
    for (size_t i = 0; i < n; i++)
        s->layers[i] = core_strdup(packs[i]);
    ui_draw_sdl_flush_images(d);
}

static void sdl_free(ui_draw *d)
{
    sdl_impl *s = sdl_of(d);
    ui_draw_sdl_flush(d);
    ui_draw_sdl_set_layers(d, NULL, 0);
    for (size_t i = 0; i < s->n_fonts; i++)
        TTF_CloseFont(s->fonts[i].font);
    for (int i = 0; i < UI_FONT_STYLE_COUNT; i++)
        SDL_free(s->font_data[i]);
    free(s->texts);
    free(s->root);
    free(s);
    free(d);
}

static const ui_draw_ops sdl_ops = {
    .begin = sdl_begin,
    .end = sdl_end,
    .fill_rect = sdl_fill_rect,
    .fill_round = sdl_fill_round,
    .stroke_rect = sdl_stroke_rect,
    .stroke_round = sdl_stroke_round,
    .line = sdl_line,
    .fill_circle = sdl_fill_circle,
    .fill_triangle = sdl_fill_triangle,
    .text = sdl_text,
    .measure = sdl_measure,
    .image = sdl_image,
    .icon = sdl_icon,
    .clip = sdl_clip,
    .free = sdl_free,
};

static void *sdl_load_font(const char *root, const char *rel, size_t *size)
{
    core_str p = {0};
    core_str_printf(&p, "%s/%s", root ? root : ".", rel);
    void *data =
        core_path_regular(core_str_cstr(&p)) ? SDL_LoadFile(core_str_cstr(&p), size) : NULL;
    core_str_free(&p);
    return data;
}

ui_draw *ui_draw_sdl_new(SDL_Renderer *ren, int width, int height, const char *content_root,
                         char *why, size_t why_n)
{
    assert(ren && width > 0 && height > 0);
    sdl_impl *s = core_alloc(sizeof *s);
    s->ren = ren;
    s->root = core_strdup(content_root);
    s->font_data[UI_FONT_REGULAR] =
        sdl_load_font(content_root, DRAW_SDL_FONT_REGULAR, &s->font_size[UI_FONT_REGULAR]);
    s->font_data[UI_FONT_BOLD] =
        sdl_load_font(content_root, DRAW_SDL_FONT_BOLD, &s->font_size[UI_FONT_BOLD]);
    s->fake_bold = s->font_data[UI_FONT_BOLD] == NULL;
    ui_draw *d = core_alloc(sizeof *d);
    d->ops = &sdl_ops;
    d->width = width;
    d->height = height;
    d->impl = s;
    if (!s->font_data[UI_FONT_REGULAR] || !sdl_font(s, 24, UI_FONT_REGULAR)) {
        if (why && why_n)
            snprintf(why, why_n, "cannot load the font %s/%s: %s",
                     content_root ? content_root : ".", DRAW_SDL_FONT_REGULAR, SDL_GetError());
        sdl_free(d);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    return d;
}

void ui_draw_sdl_resize(ui_draw *d, int width, int height)
{
    assert(d && d->ops == &sdl_ops);
    d->width = width;
    d->height = height;
}

void ui_draw_sdl_stats(const ui_draw *d, draw_sdl_stats *out)
{
    assert(d && d->ops == &sdl_ops);
    const sdl_impl *s = sdl_of(d);
    *out = (draw_sdl_stats){s->n_texts, s->text_bytes, s->n_fonts, s->n_images, s->n_icons};
}
