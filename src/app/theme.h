/* theme.h: the game's palette (0xRRGGBB, use with UI_RGB): a dark navy table, paper cards and
 * one amber accent, chosen for contrast on a projector. Shared by every screen so the game
 * looks like one thing. */
#ifndef MALCON_APP_THEME_H
#define MALCON_APP_THEME_H

#define THEME_TABLE      0x0e1a2b /* the table (background) */
#define THEME_TABLE_DEEP 0x08111e /* the table's darker edge */
#define THEME_TABLE_LINE 0x16263d /* faint network lines on the table */
#define THEME_PANEL      0x15263f /* panels and buttons at rest */
#define THEME_PANEL_HI   0x1f3658 /* hovered panels and buttons */
#define THEME_PANEL_EDGE 0x2c4a75 /* panel borders */
#define THEME_CARD       0xf1ece0 /* card faces (paper) */
#define THEME_CARD_BACK  0x1d3a63 /* card backs */
#define THEME_TEXT       0xf2f5fa /* text on the table and panels */
#define THEME_TEXT_DIM   0xa8b6cc /* secondary text */
#define THEME_TEXT_INK   0x15202e /* text on cards and on the accent */
#define THEME_ACCENT     0xf2b134 /* primary buttons, the focus ring, highlights */
#define THEME_ACCENT_HI  0xffc95a /* the accent when hovered */
#define THEME_GOOD       0x43c383 /* win, clean, contained */
#define THEME_BAD        0xe9545a /* lose, infected, leak */
#define THEME_WARN       0xf08a3c /* business impact, cautions */
#define THEME_DISABLED   0x3b4a61 /* disabled controls */
#define THEME_SHADOW     0x000000 /* card shadows (use with alpha) */

#endif
