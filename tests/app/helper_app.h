/* helper_app.h: shared helpers of the app tests: temporary folders, fixture files, an app
 * loaded with the shipped content, playing a script line by line. */
#ifndef MALCON_TEST_HELPER_APP_H
#define MALCON_TEST_HELPER_APP_H

#include "app.h"

#include <stdbool.h>
#include <stddef.h>

/* Makes a fresh empty folder under /tmp (caller frees; remove with helper_rmdir). */
char *helper_tmpdir(void);
/* Removes the files directly inside dir, then dir. */
void helper_rmdir(const char *dir);
/* Writes len bytes to dir/name (overwrites); returns the path (caller frees). */
char *helper_write(const char *dir, const char *name, const char *data, size_t len);
/* True when the file exists. */
bool helper_exists(const char *path);
/* Reads a fixture (tests/fixtures/<name>) into a new string (caller frees); asserts it exists. */
char *helper_fixture(const char *name);
/* Initialises a with the shipped content (MALCON_TEST_CONTENT), pref_dir (may be NULL), a
 * fixed seed source and the given window size; asserts the content loaded. */
void helper_app_init(app *a, const char *pref_dir, int w, int h);
/* Sends a key (with mods) to the app. */
void helper_key(app *a, ui_key k, int mods);
/* Sends a left click at (x, y) (move, down, up). */
void helper_click(app *a, int x, int y);
/* Sends typed text. */
void helper_text(app *a, const char *utf8);
/* Runs one 16 ms update (applies screen switches). */
void helper_tick(app *a);
/* Draws the current screen into a fresh recorder of the app's size (caller frees it). */
ui_draw *helper_draw(const app *a);

/* ---- the board tests' game ---- */

/* The save text of the standard workshop game the board tests play (private information on,
 * open off; Aiko commander, Ben researcher, Chika forensic, Daisuke notification) with seed,
 * then the move lines moves (each ending in a newline; may be ""). Caller frees. */
char *helper_standard_game(unsigned long long seed, const char *moves);
/* helper_app_init at 1920x1080 (pref_dir may be NULL), language l, then loads
 * helper_standard_game(seed, moves) (fails the test when it does not load) and runs one tick;
 * asserts the board shows. */
void helper_open_board(app *a, const char *pref_dir, unsigned long long seed, const char *moves,
                       lang l);
/* The index of action id on the acting role's card (KEY_1 + index chooses it); fails the test
 * when the card does not have it. */
int helper_button_of(const app *a, const char *id);
/* A left click at the centre of r. */
void helper_click_rect(app *a, ui_rect r);
/* The match's last move line ("" before the first). */
const char *helper_last_line(const app *a);
/* True when the recorder d drew text (exact: the whole text; else within a longer text) in a
 * box overlapping area. */
bool helper_rec_text_in(const ui_draw *d, const char *text, ui_rect area, bool exact);
/* True when private log entry i (e) is part of the result the board shows right now: the
 * acting role's notebook, or the curtain's result once confirmed (that move's entries only). */
bool helper_board_shows_result(const app *a, size_t i, const log_entry *e);
/* Fails the test (naming label, e.g. "seed 3 step 12") when the drawing d shows a facilitator
 * log line, or a private result that the board is not showing its role right now (the same
 * words as a result shown now excepted: they say nothing new). */
void helper_assert_no_hidden_lines(const app *a, const ui_draw *d, const char *label);

#endif
