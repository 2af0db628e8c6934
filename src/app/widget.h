/* widget.h: the drawn controls shared by the menu screens (buttons, switches, panels, the table
 * background, focus rings), so every screen has the same look and the same focus cue. */
#ifndef MALCON_APP_WIDGET_H
#define MALCON_APP_WIDGET_H

#include "draw.h"
#include "theme.h"

#include <stdbool.h>

/* Control states, or-ed. */
enum {
    WF_FOCUS = 1,    /* keyboard focus: the amber ring */
    WF_HOVER = 2,    /* the mouse is over it */
    WF_PRIMARY = 4,  /* the screen's main action: filled with the accent */
    WF_DISABLED = 8, /* cannot be used now: greyed */
    WF_SELECTED = 16 /* chosen (segments, grid cells) */
};

/* A text style in one call. */
ui_text_style widget_style(int px, ui_font_style style, uint32_t rgb, int align);
/* Draws text in r with the style's parts given inline; returns the height used. */
int widget_text(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, uint32_t rgb,
                int align);
/* The table: navy with a darker edge and faint network lines (fills the whole w x h target). */
void widget_background(ui_draw *d, int w, int h);
/* A raised panel (rounded, with a border) for grouping. */
void widget_panel(ui_draw *d, ui_rect r, int radius);
/* The keyboard focus ring around r (drawn outside r). */
void widget_focus(ui_draw *d, ui_rect r, int radius);
/* A button with a centred label of px pixels in the given WF_* state. */
void widget_button(ui_draw *d, ui_rect r, const char *label, int px, int flags);
/* A segmented choice: n labels side by side in r, the selected one filled. */
void widget_segments(ui_draw *d, ui_rect r, const char *const *labels, int n, int selected, int px,
                     int flags);
/* Segment i's rectangle inside r (for hit tests), as widget_segments lays them out. */
ui_rect widget_segment_rect(ui_rect r, int n, int i);
/* A small arrow button (dir -1: left, +1: right) for cycling values. */
void widget_arrow(ui_draw *d, ui_rect r, int dir, int flags);
/* The drawn icon of a role id (commander, researcher, ...); UI_ICON_NONE when unknown. */
ui_icon widget_role_icon(const char *role_id);
/* The drawn icon of a terminal kind's icon name (pc, laptop, server, ...); UI_ICON_PC when
 * unknown. */
ui_icon widget_kind_icon(const char *icon_name);
/* A face-down card (the back of a terminal card): rounded, patterned, with a faint emblem. */
void widget_card_back(ui_draw *d, ui_rect r);
/* The colour of a rank's stamp (S/A accent, B good, C warning, else bad), the same on every
 * screen that shows a score. */
uint32_t widget_rank_color(char rank);
/* A 0xRRGGBB colour darkened or lightened by pct (-100..100). */
uint32_t widget_shade(uint32_t rgb, int pct);
/* One line of text in box r, cut with an ellipsis when it does not fit; returns the height. */
int widget_line(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, ui_color c,
                int align);
/* Text wrapped in box r (cut with an ellipsis when it overflows); returns the height used. */
int widget_wrap(ui_draw *d, ui_rect r, const char *utf8, int px, ui_font_style style, ui_color c,
                int align);
/* The width of utf8 on one line at px. */
int widget_text_width(ui_draw *d, const char *utf8, int px, ui_font_style style);
/* The height utf8 takes wrapped at w pixels in px type, laid out as draw_text lays it out. */
int widget_text_height(ui_draw *d, const char *utf8, int px, ui_font_style style, int w);
/* The largest size from px down to lo at which utf8 fits one line of w pixels; lo when none
 * does (the drawing then cuts it with an ellipsis). */
int widget_fit_px(ui_draw *d, const char *utf8, int px, int lo, int w, ui_font_style style);
/* The largest size from px down to lo at which utf8, wrapped at w pixels, fits h pixels with no
 * Latin word broken between its letters; lo when none does. Labels and hints use it so a small
 * window steps their type down instead of cutting them or splitting a word. */
int widget_fit_wrapped_px(ui_draw *d, const char *utf8, int px, int lo, int w, int h,
                          ui_font_style style);

#endif
