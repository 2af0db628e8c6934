/* icon.h: the built-in icons (roles, terminal kinds, markers), drawn with draw.h primitives.
 *
 * Cards must look good with no art at all, so every ui_icon is a small vector drawing made of
 * rounded rectangles, circles, triangles and thick lines, in one colour. Icons differ by shape,
 * not only by colour (colour-blind players, black-and-white printouts of the debrief).
 */
#ifndef MALCON_UI_ICON_H
#define MALCON_UI_ICON_H

#include "draw.h"

/* The "hole" colour: icons draw with it to cut a shape out of what they drew before. A drawer
 * that renders icons offscreen (the SDL one) erases those pixels; a drawer that draws straight
 * onto the screen ignores fully transparent colours, which leaves the silhouette whole. */
#define ICON_HOLE ((ui_color)0)

/* Draws icon into the largest square centred in r, in colour c, through d's primitives. */
void icon_draw(ui_draw *d, ui_icon icon, ui_rect r, ui_color c);
/* The icon of a YAML icon name (the kinds' `icon:` field: pc, laptop, server, printer, phone,
 * nas, camera; also role ids and marker names such as commander, infected, clock). UI_ICON_NONE
 * for an unknown name or NULL. */
ui_icon icon_from_name(const char *name);
/* The stable name of an icon ("pc", "commander", ...), or NULL when out of range. */
const char *icon_name(ui_icon icon);

#endif
