/* packs.h: content packs: a designer's folders laid over the base content, so decks, scenarios
 * and art can be added or overridden without editing the repository.
 *
 * A pack is a folder shaped like the content root holding only what it changes: for example
 * only scenarios/my.yaml, or a cards/events.yaml with two new events, or assets/art/x.png to
 * replace one picture (data_load_layers says how items merge: same id replaces, new id adds).
 * Packs come from two places, laid over the base in this order:
 *   - `--pack DIR` on the command line (repeatable; on for this session);
 *   - every folder in <user data>/packs/ (sorted by name), each switched on or off on the title
 *     screen; the choice is kept in <user data>/packs.txt ("on NAME" / "off NAME" lines; a new
 *     folder starts off, so a broken pack never stops the game from starting).
 * Content that fails to load with its packs falls back to the base content at start, with the
 * packs' errors in the reload overlay (reload.h); F5 tries the packs again.
 */
#ifndef MALCON_APP_PACKS_H
#define MALCON_APP_PACKS_H

#include "app.h"

#include <stdbool.h>
#include <stddef.h>

#define PACKS_MAX  16          /* packs from each source */
#define PACKS_DIR  "packs"     /* under the user data folder */
#define PACKS_FILE "packs.txt" /* the title screen's on/off choices */

typedef struct app_packs {
    char *cli[PACKS_MAX]; /* --pack DIR, in order */
    size_t n_cli;
    char *user_name[PACKS_MAX]; /* <user data>/packs/NAME/, sorted by name */
    char *user_dir[PACKS_MAX];
    bool user_on[PACKS_MAX];
    size_t n_user;
    char *in_use[2 * PACKS_MAX]; /* the packs of the content in play, lowest first */
    size_t n_in_use;
} app_packs;

/* Adds a --pack folder (before app_init, which keeps it). False when there are too many. */
bool packs_add(app *a, const char *dir);
/* Lists the folders in <user data>/packs/ and reads packs.txt (no user data folder: none). */
void packs_scan(app *a);
/* Frees the packs' state (app_free calls it). */
void packs_free(app *a);

/* The content roots wanted now: the content root, then the --pack folders, then the user packs
 * switched on. Writes at most max borrowed pointers into roots; returns how many. */
size_t packs_roots(const app *a, const char **roots, size_t max);
/* Loads the content of packs_roots (data_load_layers). When that fails and packs are in the
 * way, the base content alone is loaded: its ruleset is returned, the packs' errors go to the
 * reload overlay and err keeps only the base's messages. Records the packs in use (and tells
 * the platform, for art) when a ruleset comes back. */
ruleset *packs_load(app *a, core_err *err);
/* Loads the content of packs_roots with no fallback (a reload): NULL with the messages in
 * err. On success the caller calls packs_adopt once the new ruleset is in play. */
ruleset *packs_load_wanted(const app *a, core_err *err);
/* Records packs_roots as the packs in use and hands them to the platform (image paths). */
void packs_adopt(app *a);
/* Number of packs in use (over the content root). */
size_t packs_in_use(const app *a);

/* Switches user pack i on or off and saves packs.txt; false when i is out of range. The caller
 * reloads the content (reload_apply). */
bool packs_toggle(app *a, size_t i);
/* Formats the on/off choices of the user packs as packs.txt text (caller frees). */
char *packs_format(const app *a);
/* Applies packs.txt text to the user packs found (unknown names and bad lines are skipped). */
void packs_parse(app *a, const char *text);

/* ---- the title screen's list ---- */

/* Number of user packs (rows of the title's list). */
size_t packs_count(const app *a);
/* The title's pack list in area: a heading, one row per user pack (an on/off box with a word,
 * and the name); row `focus` (-1 none) has the focus ring. */
void packs_draw_list(const app *a, ui_draw *d, ui_rect area, int focus);
/* The row of the title's list at (x, y) in area, or -1. */
int packs_hit(const app *a, ui_rect area, int x, int y);
/* The title's input for its pack list in area (a->title_pack_focus is the focused row, -1 when
 * the menu has the focus): Right arrow or P moves into the list, Up/Down move in it, Enter or
 * Space switches the row's pack on or off (saved, and the content reloads at once), Left, Tab
 * or Esc go back to the menu; the mouse focuses a row and a click switches it. True when it
 * used the input (the menu must not). No-op without user packs. */
bool packs_title_input(app *a, const ui_input *in, ui_rect area);

#endif
