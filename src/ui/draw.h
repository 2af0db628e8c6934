/* draw.h: the drawing interface the screens draw through (an SDL implementation and a recording
 * one).
 *
 * Screens never call SDL directly: they draw into a `ui_draw`, which is a table of functions
 * plus its implementation's data. ui_draw_sdl_new() draws with SDL2/SDL2_ttf/SDL2_image into a
 * renderer; ui_draw_rec_new() records every call (with its text) so tests can check what a
 * screen would show without a window. Coordinates are pixels of the target, origin top-left.
 */
#ifndef MALCON_UI_DRAW_H
#define MALCON_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ui_rect {
    int x, y, w, h;
} ui_rect;

/* 0xRRGGBBAA */
typedef uint32_t ui_color;

#define UI_RGB(rgb)     ((ui_color)(((uint32_t)(rgb) << 8) | 0xFFu))
#define UI_RGBA(rgb, a) ((ui_color)(((uint32_t)(rgb) << 8) | ((uint32_t)(a)&0xFFu)))

typedef enum ui_font_style { UI_FONT_REGULAR = 0, UI_FONT_BOLD, UI_FONT_STYLE_COUNT } ui_font_style;

typedef enum ui_align {
    UI_ALIGN_LEFT = 0,
    UI_ALIGN_CENTER = 1,
    UI_ALIGN_RIGHT = 2,
    /* vertical, or-ed in */
    UI_VALIGN_TOP = 0,
    UI_VALIGN_MIDDLE = 4,
    UI_VALIGN_BOTTOM = 8
} ui_align;

/* Text drawing options. */
typedef struct ui_text_style {
    int px; /* font pixel height */
    ui_font_style style;
    ui_color color;
    int align;     /* ui_align bits */
    bool wrap;     /* wrap at the box width (by word for Latin, by character for CJK) */
    bool ellipsis; /* cut with "…" when it does not fit the box */
} ui_text_style;

/* Built-in icons drawn with primitives (so cards never depend on art files). */
typedef enum ui_icon {
    UI_ICON_NONE = 0,
    /* roles */
    UI_ICON_COMMANDER,
    UI_ICON_RESEARCHER,
    UI_ICON_FORENSIC,
    UI_ICON_NOTIFICATION,
    UI_ICON_POC,
    UI_ICON_HANDLER,
    UI_ICON_ANALYST,
    UI_ICON_ASSESSOR,
    /* terminal kinds */
    UI_ICON_PC,
    UI_ICON_LAPTOP,
    UI_ICON_SERVER,
    UI_ICON_PRINTER,
    UI_ICON_PHONE,
    UI_ICON_NAS,
    UI_ICON_CAMERA,
    /* markers */
    UI_ICON_INFECTED, /* biohazard-like: infected */
    UI_ICON_CLEAN,    /* check: clean */
    UI_ICON_ISOLATED, /* cut cable: isolated */
    UI_ICON_EVIDENCE, /* disk: evidence preserved */
    UI_ICON_SIGNAL,   /* waves: suspicious communication */
    UI_ICON_CLOCK,
    UI_ICON_LEAK,
    UI_ICON_IMPACT,
    UI_ICON_TRUST,
    UI_ICON_SILENT,
    UI_ICON_EVENT,
    UI_ICON_COUNT
} ui_icon;

typedef struct ui_draw ui_draw;

/* The function table every implementation provides. */
typedef struct ui_draw_ops {
    void (*begin)(ui_draw *d, ui_color clear);
    void (*end)(ui_draw *d);
    void (*fill_rect)(ui_draw *d, ui_rect r, ui_color c);
    void (*fill_round)(ui_draw *d, ui_rect r, int radius, ui_color c);
    void (*stroke_rect)(ui_draw *d, ui_rect r, int thickness, ui_color c);
    void (*stroke_round)(ui_draw *d, ui_rect r, int radius, int thickness, ui_color c);
    void (*line)(ui_draw *d, int x0, int y0, int x1, int y1, int thickness, ui_color c);
    void (*fill_circle)(ui_draw *d, int cx, int cy, int radius, ui_color c);
    void (*fill_triangle)(ui_draw *d, int x0, int y0, int x1, int y1, int x2, int y2, ui_color c);
    /* Draws UTF-8 text in box r; returns the height used (lines x text_line_height(px), the
     * same in every implementation). Lines are aligned in r by st->align; r.w <= 0 means no
     * width limit (no wrap, no cut); with ellipsis, r.h limits the lines. */
    int (*text)(ui_draw *d, ui_rect r, const char *utf8, const ui_text_style *st);
    /* Measures text without wrapping: the widest line's width and lines x line height. */
    void (*measure)(ui_draw *d, const char *utf8, const ui_text_style *st, int *w, int *h);
    /* Draws an image file (path relative to the content root) scaled into r with its aspect
     * kept (centred, never cropped); false when it cannot be loaded (missing, broken, larger
     * than 4096x4096 or 16 MB, or a path leaving the content folder: a warning is printed once
     * and the caller draws the fallback card). The recorder always answers false. */
    bool (*image)(ui_draw *d, ui_rect r, const char *asset_path);
    /* Draws a built-in icon in the largest square centred in r (see icon.h). */
    void (*icon)(ui_draw *d, ui_icon icon, ui_rect r, ui_color c);
    void (*clip)(ui_draw *d, const ui_rect *r); /* NULL = no clip */
    void (*free)(ui_draw *d);
} ui_draw_ops;

struct ui_draw {
    const ui_draw_ops *ops;
    int width, height; /* target size in pixels */
    void *impl;
};

/* ---- convenience wrappers (draw_* call through the table) ---- */
void draw_begin(ui_draw *d, ui_color clear);
void draw_end(ui_draw *d);
void draw_fill(ui_draw *d, ui_rect r, ui_color c);
void draw_round(ui_draw *d, ui_rect r, int radius, ui_color c);
void draw_stroke(ui_draw *d, ui_rect r, int thickness, ui_color c);
void draw_stroke_round(ui_draw *d, ui_rect r, int radius, int thickness, ui_color c);
void draw_line(ui_draw *d, int x0, int y0, int x1, int y1, int thickness, ui_color c);
void draw_circle(ui_draw *d, int cx, int cy, int radius, ui_color c);
void draw_triangle(ui_draw *d, int x0, int y0, int x1, int y1, int x2, int y2, ui_color c);
int draw_text(ui_draw *d, ui_rect r, const char *utf8, const ui_text_style *st);
void draw_measure(ui_draw *d, const char *utf8, const ui_text_style *st, int *w, int *h);
bool draw_image(ui_draw *d, ui_rect r, const char *asset_path);
void draw_icon(ui_draw *d, ui_icon icon, ui_rect r, ui_color c);
void draw_clip(ui_draw *d, const ui_rect *r);
/* Frees the implementation; NULL is a no-op. */
void draw_free(ui_draw *d);

/* ---- the recording implementation (tests) ---- */

typedef enum ui_rec_kind {
    REC_BEGIN,
    REC_END,
    REC_FILL,
    REC_ROUND,
    REC_STROKE,
    REC_STROKE_ROUND,
    REC_LINE,
    REC_CIRCLE,
    REC_TRIANGLE,
    REC_TEXT,
    REC_IMAGE,
    REC_ICON,
    REC_CLIP
} ui_rec_kind;

typedef struct ui_rec_call {
    ui_rec_kind kind;
    ui_rect r;
    ui_color color;
    int icon;
    char *text; /* REC_TEXT: the text; REC_IMAGE: the path; else NULL */
    /* REC_ROUND, REC_CIRCLE: radius; REC_STROKE, REC_STROKE_ROUND, REC_LINE: thickness;
     * REC_TEXT: font px. A line's r holds x0, y0 and the deltas x1 - x0, y1 - y0. */
    int arg;
} ui_rec_call;

/* A recorder of the given size; measure() answers with a fixed-advance approximation. */
ui_draw *ui_draw_rec_new(int width, int height);
/* The calls recorded since the last begin (borrowed). */
const ui_rec_call *ui_draw_rec_calls(const ui_draw *d, size_t *count);
/* True when any recorded text call contains needle. */
bool ui_draw_rec_has_text(const ui_draw *d, const char *needle);
/* The first recorded text call containing needle (borrowed), or NULL: its r is the box the
 * screen drew the text in, so a test can click a button by its label. */
const ui_rec_call *ui_draw_rec_find_text(const ui_draw *d, const char *needle);
/* How many calls of the given kind were recorded since the last begin. */
size_t ui_draw_rec_count(const ui_draw *d, ui_rec_kind kind);

#endif
