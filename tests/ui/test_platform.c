/* test_platform.c: tests of the platform: headless and dummy-window opening, input translation,
 * idle waiting, screenshots, the "no display" reason and the preferences folder. */
#define _DEFAULT_SOURCE /* setenv, mkdtemp, mkstemps, strdup */
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

static ui_platform *open_headless(int w, int h)
{
    ui_platform_opts o = {"test", w, h, false, true, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    if (!p)
        fail_msg("platform_open: %s", why);
    return p;
}

static void push_key(SDL_Keycode sym, Uint16 mod)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void test_platform_translates_keys(void **st)
{
    (void)st;
    ui_platform *p = open_headless(320, 200);
    push_key(SDLK_a, KMOD_LSHIFT);
    push_key(SDLK_z, KMOD_LCTRL | KMOD_LALT);
    push_key(SDLK_7, 0);
    push_key(SDLK_KP_3, 0);
    push_key(SDLK_F11, 0);
    push_key(SDLK_CAPSLOCK, 0); /* not a game key: skipped */
    push_key(SDLK_KP_ENTER, 0);
    push_key(SDLK_ESCAPE, 0);
    push_key(SDLK_PAGEDOWN, 0);
    const struct {
        ui_key key;
        int mods;
    } want[] = {{KEY_A, MOD_SHIFT}, {KEY_Z, MOD_CTRL | MOD_ALT},
                {KEY_7, 0},         {KEY_3, 0},
                {KEY_F11, 0},       {KEY_ENTER, 0},
                {KEY_ESCAPE, 0},    {KEY_PAGEDOWN, 0}};
    ui_input in;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_true(platform_poll(p, &in, 0));
        assert_int_equal(in.type, IN_KEY);
        assert_int_equal(in.key, want[i].key);
        assert_int_equal(in.mods, want[i].mods);
    }
    assert_false(platform_poll(p, &in, 0));
    platform_close(p);
}

static void test_platform_translates_text_mouse_wheel_quit(void **st)
{
    (void)st;
    ui_platform *p = open_headless(320, 200);
    SDL_Event e = {0};
    e.type = SDL_TEXTINPUT;
    strcpy(e.text.text, "日本");
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = 12;
    e.motion.y = 34;
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_RIGHT;
    e.button.x = 100;
    e.button.y = 50;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 1;
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    e.wheel.mouseX = 5;
    e.wheel.mouseY = 6;
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);

    ui_input in;
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_TEXT);
    assert_string_equal(in.text, "日本");
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_MOUSE_MOVE);
    assert_int_equal(in.x, 12);
    assert_int_equal(in.y, 34);
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_MOUSE_DOWN);
    assert_int_equal(in.button, 3);
    assert_int_equal(in.x, 100);
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_MOUSE_UP);
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_WHEEL);
    assert_int_equal(in.dy, -1); /* "natural" scrolling is turned back into wheel direction */
    assert_int_equal(in.x, 5);
    assert_true(platform_poll(p, &in, 0));
    assert_int_equal(in.type, IN_QUIT);
    platform_close(p);
}

static void test_platform_idle_poll_waits_then_gives_up(void **st)
{
    (void)st;
    ui_platform *p = open_headless(320, 200);
    ui_input in;
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    uint32_t t0 = platform_ticks(p);
    assert_false(platform_poll(p, &in, 60));
    uint32_t t1 = platform_ticks(p);
    assert_true(t1 - t0 >= 40); /* it slept instead of returning at once */
    assert_true(t1 >= t0);
    /* Fullscreen and text input are harmless without a window. */
    platform_toggle_fullscreen(p);
    platform_text_input(p, true);
    platform_text_input(p, false);
    platform_close(p);
}

static void test_platform_dummy_window_draws_and_screenshots(void **st)
{
    (void)st;
    /* The windowed path (frame texture, present, read back) under the dummy video driver. */
    const char *drv = SDL_getenv("SDL_VIDEODRIVER");
    if (!drv || strcmp(drv, "dummy") != 0)
        skip();
    ui_platform_opts o = {"windowed test", 400, 300, false, false, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    if (!p)
        fail_msg("platform_open (window): %s", why);
    ui_draw *d = platform_draw(p);
    assert_int_equal(d->width, 400);
    assert_int_equal(d->height, 300);
    draw_begin(d, UI_RGB(0x000000));
    draw_fill(d, (ui_rect){100, 100, 50, 50}, UI_RGB(0x00ff00));
    draw_end(d);
    platform_present(p);
    char path[] = "/tmp/malcon_shot_XXXXXX.png";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    close(fd);
    if (!platform_screenshot(p, path, why, sizeof why))
        fail_msg("screenshot: %s", why);
    SDL_Surface *s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 400);
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    const uint8_t *px = (const uint8_t *)rgba->pixels + 120 * rgba->pitch + 120 * 4;
    assert_int_equal(px[0], 0x00);
    assert_int_equal(px[1], 0xff);
    assert_int_equal(px[2], 0x00);
    SDL_FreeSurface(rgba);
    SDL_FreeSurface(s);
    /* A resize reaches the game as IN_RESIZE with the new drawing size, and the frame follows
     * (the renderer reports its target's size while one is set: this once went wrong). */
    SDL_Window *win = NULL;
    for (Uint32 id = 1; id < 64 && !win; id++)
        win = SDL_GetWindowFromID(id);
    assert_non_null(win);
    SDL_SetWindowSize(win, 500, 320);
    ui_input in;
    bool resized = false;
    while (platform_poll(p, &in, 20))
        if (in.type == IN_RESIZE) {
            resized = true;
            assert_int_equal(in.w, 500);
            assert_int_equal(in.h, 320);
        }
    assert_true(resized);
    assert_int_equal(d->width, 500);
    assert_int_equal(d->height, 320);
    draw_begin(d, UI_RGB(0x000000));
    draw_end(d);
    platform_present(p);
    assert_true(platform_screenshot(p, path, why, sizeof why));
    s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 500);
    assert_int_equal(s->h, 320);
    SDL_FreeSurface(s);
    remove(path);
    /* A screenshot into a folder that does not exist fails with a reason. */
    assert_false(platform_screenshot(p, "/nonexistent/dir/x.png", why, sizeof why));
    assert_true(strlen(why) > 0);
    platform_close(p);
}

static void test_platform_no_display_says_so(void **st)
{
    (void)st;
    /* A window with the X11 driver and no DISPLAY: the reason names the cause. */
    char *old_drv = SDL_getenv("SDL_VIDEODRIVER") ? strdup(SDL_getenv("SDL_VIDEODRIVER")) : NULL;
    char *old_disp = SDL_getenv("DISPLAY") ? strdup(SDL_getenv("DISPLAY")) : NULL;
    setenv("SDL_VIDEODRIVER", "x11", 1);
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    ui_platform_opts o = {"no display", 400, 300, false, false, MALCON_TEST_CONTENT};
    char why[256] = "";
    ui_platform *p = platform_open(&o, why, sizeof why);
    assert_null(p);
    if (!strstr(why, "no display"))
        fail_msg("reason: %s", why);
    if (old_drv)
        setenv("SDL_VIDEODRIVER", old_drv, 1);
    else
        unsetenv("SDL_VIDEODRIVER");
    if (old_disp)
        setenv("DISPLAY", old_disp, 1);
    free(old_drv);
    free(old_disp);
}

static void test_platform_rejects_bad_sizes_and_missing_font(void **st)
{
    (void)st;
    char why[256] = "";
    ui_platform_opts o = {"bad", 0, 100, false, true, MALCON_TEST_CONTENT};
    assert_null(platform_open(&o, why, sizeof why));
    assert_non_null(strstr(why, "size"));
    ui_platform_opts nofont = {"nofont", 100, 100, false, true, "/nonexistent"};
    assert_null(platform_open(&nofont, why, sizeof why));
    assert_non_null(strstr(why, "font"));
}

static void test_platform_pref_path(void **st)
{
    (void)st;
    char home[] = "/tmp/malcon_pref_XXXXXX";
    assert_non_null(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    char *path = platform_pref_path();
    assert_non_null(path);
    assert_true(strncmp(path, home, strlen(home)) == 0);
    assert_non_null(strstr(path, "malcon"));
    free(path);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* First: a failed test elsewhere may leave SDL's video running, which would hide it. */
        cmocka_unit_test(test_platform_no_display_says_so),
        cmocka_unit_test(test_platform_translates_keys),
        cmocka_unit_test(test_platform_translates_text_mouse_wheel_quit),
        cmocka_unit_test(test_platform_idle_poll_waits_then_gives_up),
        cmocka_unit_test(test_platform_dummy_window_draws_and_screenshots),
        cmocka_unit_test(test_platform_rejects_bad_sizes_and_missing_font),
        cmocka_unit_test(test_platform_pref_path),
    };
    return cmocka_run_group_tests_name("platform", tests, NULL, NULL);
}
