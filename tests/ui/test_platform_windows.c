/* test_platform_windows.c: the platform's secondary windows (the facilitator console) under SDL's
 * dummy video driver: a second window draws, presents and screenshots with its own renderer;
 * inputs are tagged with the window they belong to (0 for the main window, the console's id
 * otherwise) and mouse positions are in that window's pixels; its close button arrives as
 * IN_WINDOW_CLOSE; after it is closed, its inputs are dropped; headless platforms refuse one. */
#define _DEFAULT_SOURCE /* mkstemps */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "platform.h"

/* Skips unless the dummy video driver is in use (CTest sets it). */
static void need_dummy(void)
{
    const char *drv = SDL_getenv("SDL_VIDEODRIVER");
    if (!drv || strcmp(drv, "dummy") != 0)
        skip();
}

/* Pushes an SDL event and returns the first input the platform makes of anything pending. */
static bool push_and_poll(ui_platform *p, SDL_Event *e, ui_input *out)
{
    SDL_PushEvent(e);
    bool got = false;
    ui_input in;
    while (platform_poll(p, &in, 0))
        if (!got) {
            *out = in;
            got = true;
        }
    return got;
}

static void test_platform_windows_second_window_draws_and_screenshots(void **st)
{
    (void)st;
    need_dummy();
    ui_platform_opts o = {"main", 400, 300, false, false, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    if (!p)
        fail_msg("platform_open: %s", why);
    assert_true(platform_display_count(p) >= 1);
    ui_window *w = platform_window_open(p, "console", 320, 200, why, sizeof why);
    if (!w)
        fail_msg("platform_window_open: %s", why);
    assert_true(platform_window_id(w) != 0);
    ui_draw *d = platform_window_draw(w);
    assert_int_equal(d->width, 320);
    assert_int_equal(d->height, 200);
    assert_ptr_not_equal(d, platform_draw(p)); /* its own drawer: textures are per renderer */
    draw_begin(d, UI_RGB(0x000000));
    draw_fill(d, (ui_rect){10, 10, 40, 40}, UI_RGB(0xff0000));
    draw_text(d, (ui_rect){60, 10, 200, 40}, "進行役",
              &(ui_text_style){24, UI_FONT_BOLD, UI_RGB(0xffffff), 0, false, false});
    draw_end(d);
    /* the main window draws something else at the same time */
    ui_draw *md = platform_draw(p);
    draw_begin(md, UI_RGB(0x0000ff));
    draw_end(md);
    platform_present(p);
    platform_window_present(w);
    char path[] = "/tmp/malcon_console_XXXXXX.png";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    close(fd);
    if (!platform_window_screenshot(w, path, why, sizeof why))
        fail_msg("screenshot: %s", why);
    SDL_Surface *s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 320);
    assert_int_equal(s->h, 200);
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    const uint8_t *px = (const uint8_t *)rgba->pixels + 20 * rgba->pitch + 20 * 4;
    assert_int_equal(px[0], 0xff); /* the console's red, not the main window's blue */
    assert_int_equal(px[2], 0x00);
    SDL_FreeSurface(rgba);
    SDL_FreeSurface(s);
    unlink(path);
    platform_window_close(w);
    platform_window_close(NULL); /* no-op */
    platform_close(p);
}

static void test_platform_windows_inputs_are_tagged(void **st)
{
    (void)st;
    need_dummy();
    ui_platform_opts o = {"main", 400, 300, false, false, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    assert_non_null(p);
    ui_window *w = platform_window_open(p, "console", 320, 200, why, sizeof why);
    assert_non_null(w);
    Uint32 cid = (Uint32)platform_window_id(w);
    SDL_Window *main_win = NULL;
    for (Uint32 id = 1; id < 64 && !main_win; id++)
        if (id != cid && SDL_GetWindowFromID(id))
            main_win = SDL_GetWindowFromID(id);
    assert_non_null(main_win);
    Uint32 mid = SDL_GetWindowID(main_win);
    ui_input in;
    SDL_Event e;

    /* a click in the console: tagged with its id, at its own coordinates */
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = cid;
    e.button.button = 1;
    e.button.x = 30;
    e.button.y = 40;
    assert_true(push_and_poll(p, &e, &in));
    assert_int_equal(in.type, IN_MOUSE_DOWN);
    assert_int_equal(in.window, (int)cid);
    assert_int_equal(in.x, 30);
    assert_int_equal(in.y, 40);
    /* a key in the main window: window 0 */
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.windowID = mid;
    e.key.keysym.sym = SDLK_F9;
    assert_true(push_and_poll(p, &e, &in));
    assert_int_equal(in.type, IN_KEY);
    assert_int_equal(in.key, KEY_F9);
    assert_int_equal(in.window, 0);
    /* typed text in the console */
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    e.text.windowID = cid;
    snprintf(e.text.text, sizeof e.text.text, "理由");
    assert_true(push_and_poll(p, &e, &in));
    assert_int_equal(in.type, IN_TEXT);
    assert_int_equal(in.window, (int)cid);
    assert_string_equal(in.text, "理由");
    /* its close button: IN_WINDOW_CLOSE (never a quit of the game) */
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = cid;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    assert_true(push_and_poll(p, &e, &in));
    assert_int_equal(in.type, IN_WINDOW_CLOSE);
    assert_int_equal(in.window, (int)cid);
    assert_int_equal(in.button, (int)cid);
    /* closed: its inputs are dropped, the main window's still arrive */
    platform_window_close(w);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = cid;
    e.button.button = 1;
    assert_false(push_and_poll(p, &e, &in));
    e.button.windowID = mid;
    assert_true(push_and_poll(p, &e, &in));
    assert_int_equal(in.window, 0);
    platform_close(p);
}

static void test_platform_windows_refused_when_headless(void **st)
{
    (void)st;
    ui_platform_opts o = {"headless", 200, 100, false, true, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    assert_non_null(p);
    assert_int_equal(platform_display_count(p), 1);
    assert_null(platform_window_open(p, "console", 320, 200, why, sizeof why));
    assert_non_null(strstr(why, "headless"));
    platform_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_platform_windows_second_window_draws_and_screenshots),
        cmocka_unit_test(test_platform_windows_inputs_are_tagged),
        cmocka_unit_test(test_platform_windows_refused_when_headless),
    };
    return cmocka_run_group_tests_name("platform_windows", tests, NULL, NULL);
}
