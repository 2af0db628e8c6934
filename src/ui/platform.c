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

/* (Re)creates the frame texture at the renderer's output size (windowed mode). */
static bool platform_make_frame(ui_platform *p)
{
    /* With a target set, SDL reports the target's size: ask the window's own output size. */
    SDL_SetRenderTarget(p->ren, NULL);
    SDL_GetRendererOutputSize(p->ren, &p->out_w, &p->out_h);
    if (p->out_w < 1)
        p->out_w = 1;
    if (p->out_h < 1)
        p->out_h = 1;
    if (p->frame)
        SDL_DestroyTexture(p->frame);
    p->frame = NULL;
    if (SDL_RenderTargetSupported(p->ren))
        p->frame = SDL_CreateTexture(p->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                     p->out_w, p->out_h);
    if (p->frame && SDL_SetRenderTarget(p->ren, p->frame) != 0) {
        SDL_DestroyTexture(p->frame);
        p->frame = NULL;
    }
    /* Without a frame texture the game still runs; screenshots then read the back buffer. */
    if (p->draw)
        ui_draw_sdl_resize(p->draw, p->out_w, p->out_h);
    return true;
}

static bool platform_open_window(ui_platform *p, const ui_platform_opts *o, char *why, size_t why_n)
{
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

/* Window coordinates (points) to drawing pixels: they differ on high-DPI screens. */
static void platform_scale_point(const ui_platform *p, int wx, int wy, int *x, int *y)
{
    int ww = 0, wh = 0;
    if (p->win)
        SDL_GetWindowSize(p->win, &ww, &wh);
    if (ww > 0 && wh > 0 && (ww != p->out_w || wh != p->out_h)) {
        *x = (int)((long long)wx * p->out_w / ww);
        *y = (int)((long long)wy * p->out_h / wh);
    } else {
        *x = wx;
        *y = wy;
    }
}

/* Translates one SDL event; false when the game has no use for it. */
static bool platform_translate(ui_platform *p, const SDL_Event *e, ui_input *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_QUIT:
        out->type = IN_QUIT;
        return true;
    case SDL_KEYDOWN:
        out->key = platform_key(e->key.keysym.sym);
        if (out->key == KEY_NONE)
            return false;
        out->type = IN_KEY;
        out->mods = platform_mods(e->key.keysym.mod);
        return true;
    case SDL_TEXTINPUT:
        out->type = IN_TEXT;
        snprintf(out->text, sizeof out->text, "%s", e->text.text);
        return true;
    case SDL_MOUSEMOTION:
        if (p->win && e->motion.windowID != SDL_GetWindowID(p->win))
            return false;
        out->type = IN_MOUSE_MOVE;
        platform_scale_point(p, e->motion.x, e->motion.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (p->win && e->button.windowID != SDL_GetWindowID(p->win))
            return false;
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? IN_MOUSE_DOWN : IN_MOUSE_UP;
        out->button = e->button.button;
        platform_scale_point(p, e->button.x, e->button.y, &out->x, &out->y);
        return true;
    case SDL_MOUSEWHEEL: {
        int dy = e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            dy = -dy;
        if (dy == 0)
            return false;
        out->type = IN_WHEEL;
        out->dy = dy;
        platform_scale_point(p, e->wheel.mouseX, e->wheel.mouseY, &out->x, &out->y);
        return true;
    }
    case SDL_WINDOWEVENT:
        if (p->win && e->window.windowID != SDL_GetWindowID(p->win)) {
            if (e->window.event != SDL_WINDOWEVENT_CLOSE)
                return false;
            out->type = IN_WINDOW_CLOSE; /* a secondary window (the facilitator console) */
            out->button = (int)e->window.windowID;
            return true;
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
        return false;
    case SDL_RENDER_TARGETS_RESET:
        if (p->win)
            platform_make_frame(p);
        return false;
    case SDL_RENDER_DEVICE_RESET:
        /* Every texture is gone: the caches refill on the next frame. */
        ui_draw_sdl_flush(p->draw);
        if (p->win)
            platform_make_frame(p);
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

void platform_present(ui_platform *p)
{
    assert(p);
    if (!p->win) {
        SDL_RenderFlush(p->ren); /* headless: the surface is the result */
        return;
    }
    if (p->frame) {
        SDL_SetRenderTarget(p->ren, NULL);
        SDL_RenderSetClipRect(p->ren, NULL);
        SDL_SetRenderDrawColor(p->ren, 0, 0, 0, 255);
        SDL_RenderClear(p->ren);
        SDL_RenderCopy(p->ren, p->frame, NULL, NULL);
        SDL_RenderPresent(p->ren);
        SDL_SetRenderTarget(p->ren, p->frame);
    } else {
        SDL_RenderPresent(p->ren);
    }
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

bool platform_screenshot(ui_platform *p, const char *png_path, char *why, size_t why_n)
{
    assert(p && png_path);
    bool ok = false;
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, p->out_w, p->out_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        platform_why(why, why_n, "cannot allocate %dx%d pixels: %s", p->out_w, p->out_h,
                     SDL_GetError());
        return false;
    }
    /* Reads the current target: the headless surface, or the window's frame texture (which
     * still holds the last frame after it was presented). */
    if (SDL_RenderReadPixels(p->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
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
}

void platform_flush_images(ui_platform *p)
{
    assert(p);
    ui_draw_sdl_flush_images(p->draw);
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
