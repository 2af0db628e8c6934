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

#endif
