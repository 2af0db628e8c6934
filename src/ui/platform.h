/* platform.h: the window, the event pump and input translation (SDL2 behind a small interface).
 *
 * The app never includes SDL: it opens a platform, polls ui_input events, draws a frame through
 * the platform's ui_draw, and presents. A headless platform (no window: an offscreen surface
 * with SDL's software renderer) serves --screenshot and tests.
 */
#ifndef MALCON_UI_PLATFORM_H
#define MALCON_UI_PLATFORM_H

#include "draw.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Keys the game uses, independent of SDL. */
typedef enum ui_key {
    KEY_NONE = 0,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_ENTER,
    KEY_ESCAPE,
    KEY_TAB,
    KEY_SPACE,
    KEY_BACKSPACE,
    KEY_DELETE,
    KEY_HOME,
    KEY_END,
    KEY_PAGEUP,
    KEY_PAGEDOWN,
    KEY_0,
    KEY_1,
    KEY_2,
    KEY_3,
    KEY_4,
    KEY_5,
    KEY_6,
    KEY_7,
    KEY_8,
    KEY_9,
    KEY_A,
    KEY_B,
    KEY_C,
    KEY_D,
    KEY_E,
    KEY_F,
    KEY_G,
    KEY_H,
    KEY_I,
    KEY_J,
    KEY_K,
    KEY_L,
    KEY_M,
    KEY_N,
    KEY_O,
    KEY_P,
    KEY_Q,
    KEY_R,
    KEY_S,
    KEY_T,
    KEY_U,
    KEY_V,
    KEY_W,
    KEY_X,
    KEY_Y,
    KEY_Z,
    KEY_F1,
    KEY_F2,
    KEY_F3,
    KEY_F4,
    KEY_F5,
    KEY_F6,
    KEY_F7,
    KEY_F8,
    KEY_F9,
    KEY_F10,
    KEY_F11,
    KEY_F12,
    KEY_COUNT
} ui_key;

enum { MOD_SHIFT = 1, MOD_CTRL = 2, MOD_ALT = 4 };

typedef enum ui_input_type {
    IN_NONE = 0,
    IN_QUIT,        /* window closed / quit requested */
    IN_KEY,         /* key pressed (repeat included): key, mods */
    IN_TEXT,        /* text typed (UTF-8 in text) */
    IN_MOUSE_MOVE,  /* x, y (drawing pixels: scaled from window points on high-DPI screens) */
    IN_MOUSE_DOWN,  /* x, y, button (1 left, 3 right) */
    IN_MOUSE_UP,    /* x, y, button */
    IN_WHEEL,       /* dy (+ up) at x, y */
    IN_RESIZE,      /* new drawing size in w, h (platform_draw's size already follows) */
    IN_WINDOW_CLOSE /* a secondary window's close button (window id in button and window) */
} ui_input_type;

typedef struct ui_input {
    ui_input_type type;
    ui_key key;
    int mods;
    int x, y;
    int button;
    int dy;
    int w, h;
    char text[32];
    int window; /* 0: the main window; else the secondary window's id (platform_window_id) */
} ui_input;

typedef struct ui_platform ui_platform;

typedef struct ui_platform_opts {
    const char *title;
    int width, height; /* initial size in pixels */
    bool fullscreen;
    bool headless;            /* no window: offscreen target of width x height */
    const char *content_root; /* for image paths and the font */
} ui_platform_opts;

/* Opens the window (or the headless target), initialises SDL_ttf/SDL_image and loads the
 * shipped font. Returns NULL and writes a reason (for example "no display: set DISPLAY or run
 * under Xvfb") when it cannot. */
ui_platform *platform_open(const ui_platform_opts *o, char *why, size_t why_n);
void platform_close(ui_platform *p);
/* The drawing target of the window (size follows the window). Borrowed. */
ui_draw *platform_draw(ui_platform *p);
/* Next pending input; false when none. Waits up to timeout_ms for one (0: do not wait), so an
 * idle game sleeps instead of spinning. */
bool platform_poll(ui_platform *p, ui_input *out, int timeout_ms);
/* Shows the frame drawn since draw_begin. */
void platform_present(ui_platform *p);
/* Milliseconds since start (monotonic). */
uint32_t platform_ticks(ui_platform *p);
void platform_toggle_fullscreen(ui_platform *p);
/* Starts/stops text input (for name fields). It is off after platform_open, so letter keys
 * arrive only as IN_KEY until a field asks for IN_TEXT. No-op when headless. */
void platform_text_input(ui_platform *p, bool on);
/* Saves the last drawn frame as PNG; false with a reason on failure. */
bool platform_screenshot(ui_platform *p, const char *png_path, char *why, size_t why_n);
/* ---- secondary windows (the facilitator console on the facilitator's own screen) ---- */

/* A second top-level window with its own renderer and drawing target. Its inputs come from
 * platform_poll with ui_input.window set to its id; mouse positions are in its own pixels. */
typedef struct ui_window ui_window;

/* How many displays (screens) the system has; 1 when headless or unknown. */
int platform_display_count(ui_platform *p);
/* Opens a secondary window of w x h pixels titled title: on another display than the main
 * window when there is one (so the projector never shows it), else beside the main window where
 * the desktop has room. Returns NULL with a reason when headless or when SDL cannot. The
 * platform keeps it until platform_window_close (platform_close closes what is left). */
ui_window *platform_window_open(ui_platform *p, const char *title, int w, int h, char *why,
                                size_t why_n);
/* Closes the window (NULL is a no-op); its pending inputs are dropped. */
void platform_window_close(ui_window *w);
/* The id that tags the window's inputs (never 0). */
int platform_window_id(const ui_window *w);
/* The window's drawing target (size follows the window). Borrowed. */
ui_draw *platform_window_draw(ui_window *w);
/* Shows the frame drawn into the window since draw_begin. */
void platform_window_present(ui_window *w);
/* Saves the window's last drawn frame as PNG; false with a reason on failure. */
bool platform_window_screenshot(ui_window *w, const char *png_path, char *why, size_t why_n);

/* Wakes a platform_poll waiting in another thread (it returns, with or without an input):
 * safe to call from any thread while the platform is open (a file watcher uses it, so the idle
 * loop keeps sleeping instead of polling). */
void platform_wake(ui_platform *p);
/* Content packs laid over the content root for images (copied; see ui_draw_sdl_set_layers):
 * an image path resolves in the last pack holding it, then the content root. */
void platform_set_asset_layers(ui_platform *p, const char *const *packs, size_t n);
/* Drops the cached images, so edited art files are read again on the next frame. */
void platform_flush_images(ui_platform *p);
/* Path of the user's data folder (SDL_GetPrefPath("malcon", "malcon")), caller frees; NULL when
 * none can be had. */
char *platform_pref_path(void);

#endif
