/* platform.c: the window (or headless target), the event pump and input translation, on SDL2. */
#include "platform.h"

#include "core.h"
#include "draw_sdl.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <unistd.h>
#endif

#define PLATFORM_MAX_WINDOWS 4 /* secondary windows open at once */

/* A secondary window: its own renderer (textures belong to one renderer), frame and drawer. */
struct ui_window {
    ui_platform *p;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *frame;
    ui_draw *draw;
    Uint32 id;
    int out_w, out_h;
};

struct ui_platform {
    SDL_Window *win; /* NULL when headless */
    SDL_Renderer *ren;
    SDL_Surface *surface; /* headless: the software renderer's target */
    SDL_Texture *frame;   /* windowed: the frame is drawn here, so screenshots read it back */
    ui_draw *draw;
    bool headless;
    bool ttf, img; /* which libraries this platform initialised */
    Uint32 sdl_flags;
    Uint32 t0;
    int out_w, out_h; /* drawing size in pixels (renderer output) */
    ui_window *sub[PLATFORM_MAX_WINDOWS]; /* secondary windows (NULL: free slot) */
    char *content_root;                   /* for the secondary windows' drawers */
    Uint32 wake_event; /* platform_wake's user event type ((Uint32)-1: none could be had) */
};

static void platform_why(char *why, size_t why_n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void platform_why(char *why, size_t why_n, const char *fmt, ...)
{
    if (!why || !why_n)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, why_n, fmt, ap);
    va_end(ap);
}

/* True when there is obviously no display to open a window on. */
static bool platform_no_display(void)
{
    const char *drv = SDL_getenv("SDL_VIDEODRIVER");
    if (drv && (strcmp(drv, "dummy") == 0 || strcmp(drv, "offscreen") == 0))
        return false;
    const char *x = SDL_getenv("DISPLAY"), *w = SDL_getenv("WAYLAND_DISPLAY");
    return (!x || !*x) && (!w || !*w);
}

/* (Re)creates a window's frame texture at its renderer's output size; the drawer follows. */
static void platform_frame_make(SDL_Renderer *ren, SDL_Texture **frame, int *w, int *h,
                                ui_draw *draw)
{
    /* With a target set, SDL reports the target's size: ask the window's own output size. */
    SDL_SetRenderTarget(ren, NULL);
    SDL_GetRendererOutputSize(ren, w, h);
    if (*w < 1)
        *w = 1;
    if (*h < 1)
        *h = 1;
    if (*frame)
        SDL_DestroyTexture(*frame);
    *frame = NULL;
    if (SDL_RenderTargetSupported(ren))
        *frame = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, *w, *h);
    if (*frame && SDL_SetRenderTarget(ren, *frame) != 0) {
        SDL_DestroyTexture(*frame);
        *frame = NULL;
    }
    /* Without a frame texture the game still runs; screenshots then read the back buffer. */
    if (draw)
        ui_draw_sdl_resize(draw, *w, *h);
}

/* (Re)creates the main window's frame texture (windowed mode). */
static bool platform_make_frame(ui_platform *p)
{
    platform_frame_make(p->ren, &p->frame, &p->out_w, &p->out_h, p->draw);
    return true;
}

static bool platform_open_window(ui_platform *p, const ui_platform_opts *o, char *why, size_t why_n)
{
#ifdef __linux__
    /* No GPU render node (a virtual machine, Xvfb, a remote display): OpenGL would be Mesa's
     * software rasterizer, which maps LLVM (RSS 160 MiB instead of 55) and starts later than
     * SDL's own software renderer, which is then used, window surface included. An explicit
     * SDL_RENDER_DRIVER still wins. */
    if (!SDL_GetHint(SDL_HINT_RENDER_DRIVER) && access("/dev/dri", F_OK) != 0) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
#endif
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
    /* A projector laptop must not go to sleep in the middle of a workshop. */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    p->sdl_flags = SDL_INIT_VIDEO | SDL_INIT_EVENTS;
    if (SDL_InitSubSystem(p->sdl_flags) != 0) {
        p->sdl_flags = 0;
        if (platform_no_display())
            platform_why(why, why_n,
                         "no display: set DISPLAY or run under Xvfb (or use --screenshot, which "
                         "needs no window) [SDL: %s]",
                         SDL_GetError());
        else
            platform_why(why, why_n, "cannot start the video system: %s", SDL_GetError());
        return false;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    p->win = SDL_CreateWindow(o->title ? o->title : "Malware Containment", SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, o->width, o->height, flags);
    if (!p->win) {
        if (platform_no_display())
            platform_why(why, why_n, "no display: set DISPLAY or run under Xvfb [SDL: %s]",
                         SDL_GetError());
        else
            platform_why(why, why_n, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    /* Below this the board cannot be laid out legibly; never shrink the size asked for. */
    SDL_SetWindowMinimumSize(p->win, o->width < 640 ? o->width : 640,
                             o->height < 360 ? o->height : 360);
    p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!p->ren)
        p->ren = SDL_CreateRenderer(p->win, -1, 0);
    if (!p->ren)
        p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
    if (!p->ren) {
        platform_why(why, why_n, "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    /* SDL starts with text input on: keep it off until a name field asks, so letter keys do
     * not also arrive as IN_TEXT and no input method pops up over the board. */
    SDL_StopTextInput();
    return platform_make_frame(p);
}

static bool platform_open_headless(ui_platform *p, const ui_platform_opts *o, char *why,
                                   size_t why_n)
{
    /* Events only: a headless run needs no video driver at all, so it works with the dummy
     * driver, with no display, and under sanitizers without loading any GPU library. */
    p->sdl_flags = SDL_INIT_EVENTS;
    if (SDL_InitSubSystem(p->sdl_flags) != 0) {
        p->sdl_flags = 0;
        platform_why(why, why_n, "cannot start SDL events: %s", SDL_GetError());
        return false;
    }
    p->surface =
        SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!p->surface) {
        platform_why(why, why_n, "cannot create a %dx%d offscreen surface: %s", o->width, o->height,
                     SDL_GetError());
        return false;
    }
    p->ren = SDL_CreateSoftwareRenderer(p->surface);
    if (!p->ren) {
        platform_why(why, why_n, "cannot create the software renderer: %s", SDL_GetError());
        return false;
    }
    p->out_w = o->width;
    p->out_h = o->height;
    return true;
}

ui_platform *platform_open(const ui_platform_opts *o, char *why, size_t why_n)
{
    assert(o);
    platform_why(why, why_n, "unknown error");
    if (o->width < 1 || o->height < 1 || o->width > 16384 || o->height > 16384) {
        platform_why(why, why_n, "bad window size %dx%d", o->width, o->height);
        return NULL;
    }
    ui_platform *p = core_alloc(sizeof *p);
    p->headless = o->headless;
    p->content_root = o->content_root ? core_strdup(o->content_root) : NULL;
    bool ok = o->headless ? platform_open_headless(p, o, why, why_n)
                          : platform_open_window(p, o, why, why_n);
    if (!ok)
        goto fail;
    if (!TTF_WasInit()) {
        if (TTF_Init() != 0) {
            platform_why(why, why_n, "cannot start SDL_ttf: %s", TTF_GetError());
            goto fail;
        }
        p->ttf = true;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG); /* formats load lazily if this fails */
    p->img = true;
    p->draw = ui_draw_sdl_new(p->ren, p->out_w, p->out_h, o->content_root, why, why_n);
    if (!p->draw)
        goto fail;
    p->t0 = SDL_GetTicks();
    p->wake_event = SDL_RegisterEvents(1);
    return p;
fail:
    platform_close(p);
    return NULL;
}

void platform_close(ui_platform *p)
{
    if (!p)
        return;
    for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
        platform_window_close(p->sub[i]);
    draw_free(p->draw);
    if (p->frame)
        SDL_DestroyTexture(p->frame);
    if (p->ren)
        SDL_DestroyRenderer(p->ren);
    if (p->surface)
        SDL_FreeSurface(p->surface);
    if (p->win)
        SDL_DestroyWindow(p->win);
    if (p->img)
        IMG_Quit();
    if (p->ttf)
        TTF_Quit();
    if (p->sdl_flags)
        SDL_QuitSubSystem(p->sdl_flags);
    /* SDL_Quit only when nothing else is running, so a test can open platforms in turn. */
    if (SDL_WasInit(SDL_INIT_EVERYTHING) == 0)
        SDL_Quit();
    free(p->content_root);
    free(p);
}

ui_draw *platform_draw(ui_platform *p)
{
    assert(p);
    return p->draw;
}

static ui_key platform_key(SDL_Keycode k)
{
    if (k >= SDLK_a && k <= SDLK_z)
        return (ui_key)(KEY_A + (k - SDLK_a));
    if (k >= SDLK_0 && k <= SDLK_9)
        return (ui_key)(KEY_0 + (k - SDLK_0));
    if (k >= SDLK_F1 && k <= SDLK_F12)
        return (ui_key)(KEY_F1 + (k - SDLK_F1));
    switch (k) {
    case SDLK_UP:
        return KEY_UP;
    case SDLK_DOWN:
        return KEY_DOWN;
    case SDLK_LEFT:
        return KEY_LEFT;
    case SDLK_RIGHT:
        return KEY_RIGHT;
    case SDLK_RETURN:
    case SDLK_RETURN2:
    case SDLK_KP_ENTER:
        return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
        return KEY_ESCAPE;
    case SDLK_TAB:
        return KEY_TAB;
    case SDLK_SPACE:
        return KEY_SPACE;
    case SDLK_BACKSPACE:
        return KEY_BACKSPACE;
    case SDLK_DELETE:
        return KEY_DELETE;
    case SDLK_HOME:
        return KEY_HOME;
    case SDLK_END:
        return KEY_END;
    case SDLK_PAGEUP:
        return KEY_PAGEUP;
    case SDLK_PAGEDOWN:
        return KEY_PAGEDOWN;
    case SDLK_KP_0:
        return KEY_0;
    case SDLK_KP_1:
        return KEY_1;
    case SDLK_KP_2:
        return KEY_2;
    case SDLK_KP_3:
        return KEY_3;
    case SDLK_KP_4:
        return KEY_4;
    case SDLK_KP_5:
        return KEY_5;
    case SDLK_KP_6:
        return KEY_6;
    case SDLK_KP_7:
        return KEY_7;
    case SDLK_KP_8:
        return KEY_8;
    case SDLK_KP_9:
        return KEY_9;
    default:
        return KEY_NONE;
    }
}

static int platform_mods(Uint16 m)
{
    int mods = 0;
    if (m & KMOD_SHIFT)
        mods |= MOD_SHIFT;
    if (m & (KMOD_CTRL | KMOD_GUI)) /* Cmd on a Mac does what Ctrl does elsewhere */
        mods |= MOD_CTRL;
    if (m & KMOD_ALT)
        mods |= MOD_ALT;
    return mods;
}

/* Window coordinates (points) of win to drawing pixels of an out_w x out_h target: they differ
 * on high-DPI screens. */
static void platform_scale_in(SDL_Window *win, int out_w, int out_h, int wx, int wy, int *x, int *y)
{
    int ww = 0, wh = 0;
    if (win)
        SDL_GetWindowSize(win, &ww, &wh);
    if (ww > 0 && wh > 0 && (ww != out_w || wh != out_h)) {
        *x = (int)((long long)wx * out_w / ww);
        *y = (int)((long long)wy * out_h / wh);
    } else {
        *x = wx;
        *y = wy;
    }
}

static void platform_scale_point(const ui_platform *p, int wx, int wy, int *x, int *y)
{
    platform_scale_in(p->win, p->out_w, p->out_h, wx, wy, x, y);
}

/* The secondary window with SDL window id id, or NULL. */
static ui_window *platform_sub(const ui_platform *p, Uint32 id)
{
    for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
        if (p->sub[i] && p->sub[i]->id == id)
            return p->sub[i];
    return NULL;
}

/* Tags out with the secondary window an event came from; false when it came from a window that
 * is neither the main one nor a live secondary one (a closed console: its inputs are dropped). */
static bool platform_tag(const ui_platform *p, Uint32 id, ui_input *out, ui_window **sub)
{
    *sub = NULL;
    if (!p->win || id == 0 || id == SDL_GetWindowID(p->win))
        return true;
    *sub = platform_sub(p, id);
    if (!*sub)
        return false;
    out->window = (int)id;
    return true;
}

/* A mouse position in the drawing pixels of the window it belongs to. */
static void platform_mouse_at(const ui_platform *p, const ui_window *sub, int wx, int wy, int *x,
                              int *y)
{
    if (sub)
        platform_scale_in(sub->win, sub->out_w, sub->out_h, wx, wy, x, y);
    else
        platform_scale_point(p, wx, wy, x, y);
}

/* Translates one SDL event; false when the game has no use for it. */
static bool platform_translate(ui_platform *p, const SDL_Event *e, ui_input *out)
{
    memset(out, 0, sizeof *out);
    ui_window *sub = NULL;
    switch (e->type) {
    case SDL_QUIT:
        out->type = IN_QUIT;
        return true;
    case SDL_KEYDOWN:
        out->key = platform_key(e->key.keysym.sym);
        if (out->key == KEY_NONE || !platform_tag(p, e->key.windowID, out, &sub))
            return false;
        out->type = IN_KEY;
        out->mods = platform_mods(e->key.keysym.mod);
        return true;
    case SDL_TEXTINPUT:
        if (!platform_tag(p, e->text.windowID, out, &sub))
            return false;
        out->type = IN_TEXT;
        snprintf(out->text, sizeof out->text, "%s", e->text.text);
        return true;
    case SDL_MOUSEMOTION:
        if (!platform_tag(p, e->motion.windowID, out, &sub))
            return false;
        out->type = IN_MOUSE_MOVE;
        platform_mouse_at(p, sub, e->motion.x, e->motion.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (!platform_tag(p, e->button.windowID, out, &sub))
            return false;
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? IN_MOUSE_DOWN : IN_MOUSE_UP;
        out->button = e->button.button;
        platform_mouse_at(p, sub, e->button.x, e->button.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEWHEEL: {
        int dy = e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            dy = -dy;
        if (dy == 0 || !platform_tag(p, e->wheel.windowID, out, &sub))
            return false;
        out->type = IN_WHEEL;
        out->dy = dy;
        platform_mouse_at(p, sub, e->wheel.mouseX, e->wheel.mouseY, &out->x, &out->y);
        return true;
    }
    case SDL_WINDOWEVENT:
        if (p->win && e->window.windowID != SDL_GetWindowID(p->win)) {
            sub = platform_sub(p, e->window.windowID);
            if (e->window.event == SDL_WINDOWEVENT_CLOSE) {
                out->type = IN_WINDOW_CLOSE; /* a secondary window (the facilitator console) */
                out->button = out->window = (int)e->window.windowID;
                return true;
            }
            if (sub && e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                platform_frame_make(sub->ren, &sub->frame, &sub->out_w, &sub->out_h, sub->draw);
                out->type = IN_RESIZE;
                out->window = (int)sub->id;
                out->w = sub->out_w;
                out->h = sub->out_h;
                return true;
            }
            return false;
        }
        if (e->window.event == SDL_WINDOWEVENT_CLOSE) {
            out->type = IN_QUIT;
            return true;
        }
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            platform_make_frame(p);
            out->type = IN_RESIZE;
            out->w = p->out_w;
            out->h = p->out_h;
            return true;
        }
        if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            /* uncovered: a resize to the same size makes the loop draw and show a frame (an
             * idle loop presents nothing otherwise) */
            out->type = IN_RESIZE;
            out->w = p->out_w;
            out->h = p->out_h;
            return true;
        }
        return false;
    case SDL_RENDER_TARGETS_RESET:
        if (p->win)
            platform_make_frame(p);
        for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
            if (p->sub[i])
                platform_frame_make(p->sub[i]->ren, &p->sub[i]->frame, &p->sub[i]->out_w,
                                    &p->sub[i]->out_h, p->sub[i]->draw);
        return false;
    case SDL_RENDER_DEVICE_RESET:
        /* Every texture is gone: the caches refill on the next frame. */
        ui_draw_sdl_flush(p->draw);
        if (p->win)
            platform_make_frame(p);
        for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
            if (p->sub[i]) {
                ui_draw_sdl_flush(p->sub[i]->draw);
                platform_frame_make(p->sub[i]->ren, &p->sub[i]->frame, &p->sub[i]->out_w,
                                    &p->sub[i]->out_h, p->sub[i]->draw);
            }
        return false;
    default:
        return false;
    }
}

bool platform_poll(ui_platform *p, ui_input *out, int timeout_ms)
{
    assert(p && out);
    SDL_Event e;
    bool got = timeout_ms > 0 ? SDL_WaitEventTimeout(&e, timeout_ms) : SDL_PollEvent(&e);
    while (got) {
        if (platform_translate(p, &e, out))
            return true;
        got = SDL_PollEvent(&e); /* skip what the game ignores without waiting again */
    }
    return false;
}

/* Copies a window's frame texture to the screen (or presents the back buffer without one). */
static void platform_frame_present(SDL_Renderer *ren, SDL_Texture *frame)
{
    if (frame) {
        SDL_SetRenderTarget(ren, NULL);
        SDL_RenderSetClipRect(ren, NULL);
        SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
        SDL_RenderClear(ren);
        SDL_RenderCopy(ren, frame, NULL, NULL);
        SDL_RenderPresent(ren);
        SDL_SetRenderTarget(ren, frame);
    } else {
        SDL_RenderPresent(ren);
    }
}

void platform_present(ui_platform *p)
{
    assert(p);
    if (!p->win) {
        SDL_RenderFlush(p->ren); /* headless: the surface is the result */
        return;
    }
    platform_frame_present(p->ren, p->frame);
}

uint32_t platform_ticks(ui_platform *p)
{
    assert(p);
    return SDL_GetTicks() - p->t0;
}

void platform_toggle_fullscreen(ui_platform *p)
{
    assert(p);
    if (!p->win)
        return;
    bool full = (SDL_GetWindowFlags(p->win) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
    SDL_SetWindowFullscreen(p->win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void platform_text_input(ui_platform *p, bool on)
{
    assert(p);
    if (!p->win)
        return;
    if (on)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
}

/* Saves the current target of ren (w x h pixels) as PNG. */
static bool platform_save_png(SDL_Renderer *ren, int w, int h, const char *png_path, char *why,
                              size_t why_n)
{
    bool ok = false;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        platform_why(why, why_n, "cannot allocate %dx%d pixels: %s", w, h, SDL_GetError());
        return false;
    }
    /* Reads the current target: the headless surface, or the window's frame texture (which
     * still holds the last frame after it was presented). */
    if (SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
        platform_why(why, why_n, "cannot read the frame back: %s", SDL_GetError());
        goto done;
    }
    /* The frame is opaque: a clear colour with alpha must not make a see-through PNG. */
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb) {
        platform_why(why, why_n, "cannot convert the frame: %s", SDL_GetError());
        goto done;
    }
    if (IMG_SavePNG(rgb, png_path) != 0)
        platform_why(why, why_n, "cannot write %s: %s", png_path, IMG_GetError());
    else
        ok = true;
    SDL_FreeSurface(rgb);
done:
    SDL_FreeSurface(s);
    return ok;
}

bool platform_screenshot(ui_platform *p, const char *png_path, char *why, size_t why_n)
{
    assert(p && png_path);
    return platform_save_png(p->ren, p->out_w, p->out_h, png_path, why, why_n);
}

/* ---- secondary windows ---- */

int platform_display_count(ui_platform *p)
{
    assert(p);
    if (!p->win)
        return 1;
    int n = SDL_GetNumVideoDisplays();
    return n > 0 ? n : 1;
}

/* Where a w x h secondary window goes: the centre of another display than the main window's;
 * with one display, beside the main window where the desktop has room (else at its right
 * edge). The size is clamped to the display's usable area. */
static void platform_window_place(const ui_platform *p, int *x, int *y, int *w, int *h)
{
    int n = SDL_GetNumVideoDisplays();
    int main_disp = SDL_GetWindowDisplayIndex(p->win);
    if (main_disp < 0)
        main_disp = 0;
    int disp = n >= 2 ? (main_disp == 0 ? 1 : 0) : main_disp;
    SDL_Rect b = {0, 0, *w, *h};
    if (SDL_GetDisplayUsableBounds(disp, &b) != 0 || b.w < 1 || b.h < 1) {
        *x = *y = (int)SDL_WINDOWPOS_UNDEFINED;
        return;
    }
    if (*w > b.w)
        *w = b.w;
    if (*h > b.h)
        *h = b.h;
    if (n >= 2) {
        *x = b.x + (b.w - *w) / 2;
        *y = b.y + (b.h - *h) / 2;
        return;
    }
    int mx = 0, my = 0, mw = 0, mh = 0;
    SDL_GetWindowPosition(p->win, &mx, &my);
    SDL_GetWindowSize(p->win, &mw, &mh);
    if (b.x + b.w - (mx + mw) >= *w)
        *x = mx + mw;
    else if (mx - b.x >= *w)
        *x = mx - *w;
    else
        *x = b.x + b.w - *w;
    *y = my + *h <= b.y + b.h ? my : b.y + b.h - *h;
    if (*y < b.y)
        *y = b.y;
}

ui_window *platform_window_open(ui_platform *p, const char *title, int w, int h, char *why,
                                size_t why_n)
{
    assert(p && title);
    if (!p->win) {
        platform_why(why, why_n, "no secondary window without a display (headless)");
        return NULL;
    }
    int slot = -1;
    for (int i = 0; i < PLATFORM_MAX_WINDOWS && slot < 0; i++)
        if (!p->sub[i])
            slot = i;
    if (slot < 0 || w < 1 || h < 1) {
        platform_why(why, why_n, slot < 0 ? "too many windows" : "bad window size %dx%d", w, h);
        return NULL;
    }
    int x, y;
    platform_window_place(p, &x, &y, &w, &h);
    ui_window *sw = core_alloc(sizeof *sw);
    sw->p = p;
    sw->win = SDL_CreateWindow(title, x, y, w, h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!sw->win) {
        platform_why(why, why_n, "cannot open a window: %s", SDL_GetError());
        goto fail;
    }
    SDL_SetWindowMinimumSize(sw->win, w < 640 ? w : 640, h < 360 ? h : 360);
    sw->id = SDL_GetWindowID(sw->win);
    sw->ren = SDL_CreateRenderer(sw->win, -1, SDL_RENDERER_ACCELERATED);
    if (!sw->ren)
        sw->ren = SDL_CreateRenderer(sw->win, -1, 0);
    if (!sw->ren)
        sw->ren = SDL_CreateRenderer(sw->win, -1, SDL_RENDERER_SOFTWARE);
    if (!sw->ren) {
        platform_why(why, why_n, "cannot create a renderer: %s", SDL_GetError());
        goto fail;
    }
    platform_frame_make(sw->ren, &sw->frame, &sw->out_w, &sw->out_h, NULL);
    /* Textures belong to one renderer: the window gets its own drawer (and font caches). */
    sw->draw = ui_draw_sdl_new(sw->ren, sw->out_w, sw->out_h, p->content_root, why, why_n);
    if (!sw->draw)
        goto fail;
    p->sub[slot] = sw;
    return sw;
fail:
    if (sw->ren)
        SDL_DestroyRenderer(sw->ren);
    if (sw->win)
        SDL_DestroyWindow(sw->win);
    free(sw);
    return NULL;
}

void platform_window_close(ui_window *w)
{
    if (!w)
        return;
    for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
        if (w->p->sub[i] == w)
            w->p->sub[i] = NULL;
    draw_free(w->draw);
    if (w->frame)
        SDL_DestroyTexture(w->frame);
    if (w->ren)
        SDL_DestroyRenderer(w->ren);
    if (w->win)
        SDL_DestroyWindow(w->win);
    free(w);
}

int platform_window_id(const ui_window *w)
{
    assert(w);
    return (int)w->id;
}

ui_draw *platform_window_draw(ui_window *w)
{
    assert(w);
    return w->draw;
}

void platform_window_present(ui_window *w)
{
    assert(w);
    platform_frame_present(w->ren, w->frame);
}

bool platform_window_screenshot(ui_window *w, const char *png_path, char *why, size_t why_n)
{
    assert(w && png_path);
    return platform_save_png(w->ren, w->out_w, w->out_h, png_path, why, why_n);
}

void platform_wake(ui_platform *p)
{
    assert(p);
    if (p->wake_event == (Uint32)-1)
        return;
    SDL_Event e;
    SDL_zero(e);
    e.type = p->wake_event;
    SDL_PushEvent(&e); /* thread-safe; the pump ignores it, which ends the wait */
}

void platform_set_asset_layers(ui_platform *p, const char *const *packs, size_t n)
{
    assert(p);
    ui_draw_sdl_set_layers(p->draw, packs, n);
    for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
        if (p->sub[i] && p->sub[i]->draw)
            ui_draw_sdl_set_layers(p->sub[i]->draw, packs, n);
}

void platform_flush_images(ui_platform *p)
{
    assert(p);
    ui_draw_sdl_flush_images(p->draw);
    for (int i = 0; i < PLATFORM_MAX_WINDOWS; i++)
        if (p->sub[i] && p->sub[i]->draw)
            ui_draw_sdl_flush_images(p->sub[i]->draw);
}

char *platform_pref_path(void)
{
    char *sdl = SDL_GetPrefPath("malcon", "malcon");
    if (!sdl)
        return NULL;
    char *copy = core_strdup(sdl); /* ours to free() with free(), not SDL_free() */
    SDL_free(sdl);
    return copy;
}
