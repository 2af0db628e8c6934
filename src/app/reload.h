/* reload.h: hot reload of the content while the game runs: F5, or a change to any content file
 * (cards/, scenarios/, assets/ of every content root in use) noticed without polling.
 *
 * A reload loads the content into a NEW ruleset. On errors an overlay lists them as
 * `path:line:col: error: message` (scrollable; Esc hides it; the next failed reload shows it
 * again) and the last good content stays in play. On success the game in progress is replayed
 * on the new content (its save text loaded with the new ruleset): if every move still applies
 * it carries on ("Content reloaded"); otherwise it restarts from the same setup and seed and
 * says so (the old game's save is kept as autosave-before-reload.malcon in the user data
 * folder). Cached art is dropped so edited pictures show at once. The swap happens between
 * frames: the new ruleset and match go in, the current screen is entered again (so nothing
 * keeps a pointer into the old content), then the old ones are freed.
 *
 * The watcher is Linux inotify read by a small thread that blocks in poll(); after a burst of
 * changes and 200 ms of quiet (editors write in several steps) it raises a flag and wakes the
 * main loop through platform_wake, so an idle game keeps sleeping.
 */
#ifndef MALCON_APP_RELOAD_H
#define MALCON_APP_RELOAD_H

#include "app.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RELOAD_DEBOUNCE_MS 200
#define RELOAD_TOAST_MS    4000
#define RELOAD_BACKUP_FILE "autosave-before-reload.malcon"

/* ---- the file watcher ---- */

typedef struct reload_watch reload_watch;

/* Starts watching cards/, scenarios/ and assets/ (with assets' subfolders) of each of the n
 * roots, and each root for those folders appearing. Only content files count (.yaml, .png,
 * .jpg, .jpeg, .po; editors' hidden and backup files do not). After a change and
 * RELOAD_DEBOUNCE_MS of quiet, wake(ctx) is called from the watcher's thread (may be NULL).
 * Returns NULL (after a message) when the watcher cannot start: then only F5 reloads. */
reload_watch *reload_watch_new(const char *const *roots, size_t n, void (*wake)(void *ctx),
                               void *ctx);
/* True once for each debounced burst of changes since the last call (clears it). */
bool reload_watch_take(reload_watch *w);
/* Stops the thread and frees the watcher. NULL is a no-op. */
void reload_watch_free(reload_watch *w);

/* ---- reloading ---- */

typedef enum reload_result {
    RELOAD_FAILED = 0,  /* errors: the overlay shows them, the old content stays */
    RELOAD_APPLIED,     /* new content, no game in progress */
    RELOAD_CARRIED_ON,  /* the game in progress goes on with the new content */
    RELOAD_RESTARTED,   /* the game no longer replays: restarted from its setup and seed */
    RELOAD_GAME_DROPPED /* not even its setup fits the new content: back to the title */
} reload_result;

/* What the app keeps for reloads (a->reload, made on first use). */
typedef struct app_reload {
    reload_watch *watch;
    core_err errors;    /* the last failed reload's messages */
    bool overlay;       /* the error overlay is shown */
    int scroll;         /* first error line shown */
    char toast[256];    /* a short note over the screen ("Content reloaded") */
    uint32_t toast_ms;  /* time it stays */
    bool toast_good;    /* a tick (reloaded) rather than a warning sign (restarted) */
    bool without_packs; /* the errors are the packs' at start: the game runs without them */
    unsigned applied;   /* successful reloads so far */
} app_reload;

/* Reloads the content now (F5, a file change, a pack switched on or off) as described above. */
reload_result reload_apply(app *a);
/* Puts err's messages into the overlay and shows it (packs_load's fallback at start). */
void reload_show_errors(app *a, const core_err *err);
/* Once the platform is open (a->platform): hands it the packs in use (their art), and with
 * watch starts the file watcher (the interactive game; not screenshots). */
void reload_attach(app *a, bool watch);
/* Starts the file watcher on the content roots in use, waking the app's platform. */
void reload_watch_start(app *a);
/* The main loop's check after each wait: reloads when the watcher saw a change. True when it
 * did (the frame must be drawn). */
bool reload_poll(app *a);
/* Frees the reload state and stops the watcher (app_free calls it). */
void reload_free(app *a);

/* ---- the overlay and the toast (app.c calls these around the current screen) ---- */

/* Global keys and the overlay's input: F5 reloads (on the new-game screen, whose F5 starts the
 * game, Ctrl+F5; the error screen's F5 is its retry); while the overlay is shown it takes every
 * key and the wheel (Esc hides it, arrows and PageUp/PageDown scroll). True when consumed. */
bool reload_input(app *a, const ui_input *in);
/* Counts the toast down (keeps the loop ticking while it shows). */
void reload_update(app *a, uint32_t dt_ms);
/* Draws the overlay and the toast over the screen (nothing when neither shows). */
void reload_draw(const app *a, ui_draw *d);

#endif
