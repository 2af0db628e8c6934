/* layout.h: layout maths from the window size: scale, type scale, rectangle helpers (no SDL).
 *
 * Screens are designed for 1920x1080 and scaled uniformly: layout_scale() is
 * min(w/1920, h/1080) in thousandths (integer maths, so layouts are reproducible). The type
 * scale below is in design pixels at 1080p; layout_font_px() scales it and never goes under
 * LAYOUT_MIN_TEXT_PX, so body text stays legible on a projector even at 1280x720 (28 * 2/3 =
 * 18.7 px) and in smaller windows.
 */
#ifndef MALCON_UI_LAYOUT_H
#define MALCON_UI_LAYOUT_H

#include "draw.h"

#include <stdbool.h>

/* The design resolution. */
#define LAYOUT_BASE_W 1920
#define LAYOUT_BASE_H 1080

/* The smallest text size ever used, in real pixels (projector legibility). */
#define LAYOUT_MIN_TEXT_PX 18

/* The type scale, in design pixels at 1920x1080. */
typedef enum layout_type {
    TYPE_TITLE = 0, /* 64: screen titles */
    TYPE_HEADING,   /* 44: panel headings */
    TYPE_LARGE,     /* 34: card names, buttons, whose turn it is */
    TYPE_BODY,      /* 28: body text, card text, log lines */
    TYPE_SMALL,     /* 24: captions, hints, counters (still >= 18 px at 720p) */
    TYPE_COUNT
} layout_type;

/* The design size in pixels of a type scale entry at 1080p. */
int layout_type_base(layout_type t);
/* The real pixel size of a type scale entry for a w x h window (>= LAYOUT_MIN_TEXT_PX). */
int layout_font_px(layout_type t, int w, int h);

/* min(w/1920, h/1080) in thousandths (1000 = design size); at least 1. */
int layout_scale(int w, int h);
/* A design length (pixels at 1080p) scaled to the window, rounded to nearest; a positive length
 * never becomes 0. */
int layout_px(int base_px, int w, int h);
/* The design canvas (1920x1080 scaled by layout_scale) centred in the window. */
ui_rect layout_canvas(int w, int h);
/* A rectangle given in design pixels mapped onto the window's canvas. */
ui_rect layout_design_rect(ui_rect design, int w, int h);

/* True when the point (x, y) lies inside r (left/top edges in, right/bottom edges out). */
bool ui_rect_contains(ui_rect r, int x, int y);

/* r shrunk by d on every side (never to a negative size). */
ui_rect layout_inset(ui_rect r, int d);
/* r shrunk by dx on the left and right and dy on the top and bottom. */
ui_rect layout_inset2(ui_rect r, int dx, int dy);
/* A w x h rectangle centred in r. */
ui_rect layout_center(ui_rect r, int w, int h);
/* The largest rectangle of aspect aw:ah that fits in r, centred. */
ui_rect layout_fit_aspect(ui_rect r, int aw, int ah);
/* Splits r into n rows (top to bottom) separated by gap; the leftover pixels go to the first
 * rows, so the rows cover r exactly. out has n entries. */
void layout_split_rows(ui_rect r, int n, int gap, ui_rect *out);
/* Splits r into n columns (left to right) separated by gap, like layout_split_rows. */
void layout_split_cols(ui_rect r, int n, int gap, ui_rect *out);
/* Splits r into n rows whose heights are proportional to weight[i] (weights > 0). */
void layout_split_rows_w(ui_rect r, int n, const int *weight, int gap, ui_rect *out);
/* Splits r into n columns whose widths are proportional to weight[i]. */
void layout_split_cols_w(ui_rect r, int n, const int *weight, int gap, ui_rect *out);
/* Cell i (row-major) of a cols x rows grid over r with gap between cells. */
ui_rect layout_grid_cell(ui_rect r, int cols, int rows, int gap, int i);
/* Cuts a strip of height h (clamped to r) off the top of *r and returns it; *r loses the strip
 * and the gap below it. The _bottom/_left/_right versions cut the other edges. */
ui_rect layout_cut_top(ui_rect *r, int h, int gap);
ui_rect layout_cut_bottom(ui_rect *r, int h, int gap);
ui_rect layout_cut_left(ui_rect *r, int w, int gap);
ui_rect layout_cut_right(ui_rect *r, int w, int gap);

#endif
