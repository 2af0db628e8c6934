/* test_draw_sdl.c: offscreen renders through the SDL drawer: shapes, Japanese text, icons,
 * images (good, missing, corrupt, oversized, escaping), clipping and the bounded caches. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, symlink, ftruncate */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "draw_sdl.h"
#include "icon.h"
#include "layout.h"
#include "platform.h"

#define BG 0x102030

/* A content root in a temporary folder: the shipped fonts (linked) and test images. */
typedef struct fixture {
    char root[64];
    ui_platform *p;
    ui_draw *d;
} fixture;

static void path_in(const fixture *f, const char *rel, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", f->root, rel);
}

static void write_file(const fixture *f, const char *rel, const void *data, size_t n)
{
    char path[256];
    path_in(f, rel, path, sizeof path);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    fclose(fp);
}

static int setup(void **st)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->root, "/tmp/malcon_ui_XXXXXX");
    if (!mkdtemp(f->root))
        return -1;
    char dir[256], link[256];
    const char *sub[] = {"assets", "assets/fonts", "assets/art"};
    for (int i = 0; i < 3; i++) {
        path_in(f, sub[i], dir, sizeof dir);
        if (mkdir(dir, 0700) != 0)
            return -1;
    }
    const char *fonts[] = {DRAW_SDL_FONT_REGULAR, DRAW_SDL_FONT_BOLD};
    for (int i = 0; i < 2; i++) {
        snprintf(dir, sizeof dir, "%s/%s", MALCON_TEST_CONTENT, fonts[i]);
        path_in(f, fonts[i], link, sizeof link);
        if (symlink(dir, link) != 0)
            return -1;
    }
    ui_platform_opts o = {"test", 640, 360, false, true, f->root};
    char why[256] = "";
    f->p = platform_open(&o, why, sizeof why);
    if (!f->p) {
        fprintf(stderr, "platform_open: %s\n", why);
        return -1;
    }
    f->d = platform_draw(f->p);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    fixture *f = *st;
    platform_close(f->p);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->root);
    free(f);
    return 0;
}

/* Takes a screenshot into the fixture folder and loads it back as 32-bit RGBA pixels. */
static SDL_Surface *shoot(fixture *f)
{
    char path[256], why[256] = "";
    path_in(f, "shot.png", path, sizeof path);
    platform_present(f->p);
    if (!platform_screenshot(f->p, path, why, sizeof why))
        fail_msg("screenshot: %s", why);
    SDL_Surface *raw = IMG_Load(path);
    assert_non_null(raw);
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    assert_non_null(s);
    assert_int_equal(s->w, 640);
    assert_int_equal(s->h, 360);
    return s;
}

static uint32_t px(const SDL_Surface *s, int x, int y)
{
    const uint8_t *p = (const uint8_t *)s->pixels + y * s->pitch + x * 4;
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* Pixels of r that differ from colour bg. */
static int count_not(const SDL_Surface *s, ui_rect r, uint32_t bg)
{
    int n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            n += px(s, x, y) != bg;
    return n;
}

static void test_draw_sdl_renders_shapes_text_and_icons(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    assert_int_equal(d->width, 640);
    assert_int_equal(d->height, 360);
    draw_begin(d, UI_RGB(BG));
    draw_round(d, (ui_rect){20, 20, 200, 100}, 16, UI_RGB(0xf5f1e8));
    ui_text_style ts = {28, UI_FONT_BOLD, UI_RGB(0x202020), UI_ALIGN_LEFT, true, false};
    int h = draw_text(d, (ui_rect){30, 30, 180, 80}, "端末調査", &ts);
    assert_true(h >= 28);
    ui_text_style en = {20, UI_FONT_REGULAR, UI_RGB(0xffffff), UI_ALIGN_CENTER, false, true};
    draw_text(d, (ui_rect){240, 20, 380, 40}, "Examine terminal", &en);
    /* Every icon in its own 40 px cell, 13 per row. */
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++) {
        int k = i - 1;
        draw_icon(d, (ui_icon)i, (ui_rect){20 + 46 * (k % 13), 160 + 50 * (k / 13), 40, 40},
                  UI_RGB(0xffd166));
    }
    draw_circle(d, 600, 320, 20, UI_RGB(0x00ff00));
    draw_line(d, 300, 300, 500, 300, 6, UI_RGB(0xff0000));
    draw_triangle(d, 20, 340, 60, 280, 100, 340, UI_RGB(0x0000ff));
    draw_stroke_round(d, (ui_rect){120, 280, 80, 60}, 12, 4, UI_RGB(0xffffff));
    draw_end(d);
    SDL_Surface *s = shoot(f);

    /* Background where nothing was drawn, the fill inside the rounded rectangle, and its
     * rounded corner left as background. */
    assert_int_equal(px(s, 630, 120), BG);
    assert_int_equal(px(s, 200, 110), 0xf5f1e8);
    assert_int_equal(px(s, 20, 20), BG);
    /* The Japanese text really rendered: dark glyph pixels on the card. */
    int dark = 0;
    for (int y = 30; y < 30 + h; y++)
        for (int x = 30; x < 210; x++)
            dark += px(s, x, y) == 0x202020;
    assert_true(dark > 100);
    /* The English line, centred: ink on both halves of its box. */
    assert_true(count_not(s, (ui_rect){240, 20, 190, 40}, BG) > 50);
    assert_true(count_not(s, (ui_rect){430, 20, 190, 40}, BG) > 50);
    /* Every icon put ink in its cell, and no two icons look the same. */
    static uint8_t mask[UI_ICON_COUNT][40 * 40];
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++) {
        int k = i - 1, x0 = 20 + 46 * (k % 13), y0 = 160 + 50 * (k / 13);
        int ink = 0;
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < 40; x++) {
                mask[i][y * 40 + x] = px(s, x0 + x, y0 + y) != BG;
                ink += mask[i][y * 40 + x];
            }
        if (ink < 120)
            fail_msg("icon %s: only %d pixels drawn", icon_name((ui_icon)i), ink);
        if (ink > 40 * 40 - 50)
            fail_msg("icon %s: fills its whole cell", icon_name((ui_icon)i));
    }
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++)
        for (int j = i + 1; j < UI_ICON_COUNT; j++) {
            int diff = 0;
            for (int k = 0; k < 40 * 40; k++)
                diff += mask[i][k] != mask[j][k];
            if (diff < 100)
                fail_msg("icons %s and %s differ by only %d pixels", icon_name((ui_icon)i),
                         icon_name((ui_icon)j), diff);
        }
    /* The other primitives. */
    assert_int_equal(px(s, 600, 320), 0x00ff00);
    assert_int_equal(px(s, 400, 300), 0xff0000);
    assert_int_equal(px(s, 60, 330), 0x0000ff);
    assert_int_equal(px(s, 160, 281), 0xffffff); /* the stroke's top edge */
    assert_int_equal(px(s, 160, 310), BG);       /* its inside is not filled */
    SDL_FreeSurface(s);
}

static void test_draw_sdl_alpha_and_clip(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    draw_begin(d, UI_RGB(0x000000));
    draw_fill(d, (ui_rect){0, 0, 100, 100}, UI_RGBA(0xffffff, 0x80));
    draw_clip(d, &(ui_rect){200, 0, 50, 50});
    draw_fill(d, (ui_rect){150, 0, 200, 200}, UI_RGB(0xff0000));
    draw_clip(d, &(ui_rect){0, 0, 0, 0}); /* an empty clip draws nothing at all */
    draw_fill(d, (ui_rect){400, 0, 100, 100}, UI_RGB(0x00ff00));
    draw_clip(d, NULL);
    draw_fill(d, (ui_rect){500, 200, 10, 10}, UI_RGB(0x0000ff));
    draw_end(d);
    SDL_Surface *s = shoot(f);
    uint32_t half = px(s, 50, 50);
    assert_true(((half >> 16) & 0xff) >= 0x7e && ((half >> 16) & 0xff) <= 0x81);
    assert_int_equal(px(s, 220, 20), 0xff0000);
    assert_int_equal(px(s, 160, 20), 0x000000); /* left of the clip */
    assert_int_equal(px(s, 220, 80), 0x000000); /* below the clip */
    assert_int_equal(px(s, 450, 50), 0x000000);
    assert_int_equal(px(s, 505, 205), 0x0000ff);
    SDL_FreeSurface(s);
}

static void test_draw_sdl_images_good_and_bad(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    /* A good 8x4 PNG, written with SDL_image itself. */
    SDL_Surface *img = SDL_CreateRGBSurfaceWithFormat(0, 8, 4, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_FillRect(img, NULL, SDL_MapRGBA(img->format, 0xff, 0x80, 0x00, 0xff));
    char path[256];
    path_in(f, "assets/art/ok.png", path, sizeof path);
    assert_int_equal(IMG_SavePNG(img, path), 0);
    SDL_FreeSurface(img);
    /* A corrupt one: garbage behind a PNG name. */
    const char garbage[] = "this is not a PNG at all, just text pretending";
    write_file(f, "assets/art/corrupt.png", garbage, sizeof garbage);
    /* A PNG signature and IHDR that claim 5000 x 10 pixels (refused before decoding). */
    const unsigned char huge[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0, 0,
                                  13,   'I', 'H', 'D', 'R',  0,    0,    0x13, 0x88, 0, 0,
                                  0,    10,  8,   6,   0,    0,    0,    0,    0,    0, 0};
    write_file(f, "assets/art/huge.png", huge, sizeof huge);
    /* A file over 16 MB (sparse: costs no disk). */
    path_in(f, "assets/art/big.png", path, sizeof path);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(ftruncate(fileno(fp), DRAW_SDL_IMAGE_MAX_BYTES + 1), 0);
    fclose(fp);

    draw_begin(d, UI_RGB(BG));
    assert_true(draw_image(d, (ui_rect){0, 0, 80, 80}, "assets/art/ok.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/missing.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/corrupt.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/huge.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/big.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "../outside.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/../../x.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "/etc/passwd"));
    /* Asking again answers from the cache (the warning is printed once). */
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/corrupt.png"));
    assert_true(draw_image(d, (ui_rect){0, 0, 80, 80}, "assets/art/ok.png"));
    draw_sdl_stats stats;
    ui_draw_sdl_stats(d, &stats);
    assert_int_equal(stats.images, 8);
    draw_end(d);
    SDL_Surface *s = shoot(f);
    /* 8x4 scaled into 80x80 keeping its aspect: 80x40, centred vertically. */
    assert_int_equal(px(s, 40, 40), 0xff8000);
    assert_int_equal(px(s, 40, 10), BG);
    assert_int_equal(px(s, 140, 40), BG); /* the failed ones drew nothing */
    SDL_FreeSurface(s);
}

/* Hostile pictures: only PNG and JPEG are decoded, their header size is checked before any
 * decoding allocates, and a symbolic link out of the content folder is not followed. */
static void test_draw_sdl_images_hostile(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    SDL_Surface *img = SDL_CreateRGBSurfaceWithFormat(0, 8, 4, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_FillRect(img, NULL, SDL_MapRGBA(img->format, 0x00, 0x80, 0xff, 0xff));
    char path[256];
    /* a good JPEG is drawn */
    path_in(f, "assets/art/ok.jpg", path, sizeof path);
    assert_int_equal(IMG_SaveJPG(img, path, 90), 0);
    /* a BMP is a picture SDL_image could read, but not a format content may use */
    path_in(f, "assets/art/pic.bmp", path, sizeof path);
    assert_int_equal(SDL_SaveBMP(img, path), 0);
    /* a good PNG outside the content folder, reached through a link inside it */
    char outside[300], link[256];
    snprintf(outside, sizeof outside, "%s.outside.png", f->root);
    assert_int_equal(IMG_SavePNG(img, outside), 0);
    path_in(f, "assets/art/link.png", link, sizeof link);
    assert_int_equal(symlink(outside, link), 0);
    SDL_FreeSurface(img);
    /* a JPEG whose frame header claims 10 x 5000 pixels */
    const unsigned char tall[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF,
                                  0xC0, 0x00, 0x11, 0x08, 0x13, 0x88, 0x00, 0x0A, 0x03,
                                  0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01};
    write_file(f, "assets/art/tall.jpg", tall, sizeof tall);
    /* a JPEG start with no frame header at all, and a truncated one */
    const unsigned char noframe[] = {0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9};
    write_file(f, "assets/art/noframe.jpg", noframe, sizeof noframe);
    write_file(f, "assets/art/cut.jpg", tall, 12);
    /* a named pipe: opening it would wait for a writer forever */
    path_in(f, "assets/art/pipe.png", path, sizeof path);
    assert_int_equal(mkfifo(path, 0600), 0);

    draw_begin(d, UI_RGB(BG));
    assert_true(draw_image(d, (ui_rect){0, 0, 80, 80}, "assets/art/ok.jpg"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/pic.bmp"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/link.png"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/tall.jpg"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/noframe.jpg"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/cut.jpg"));
    assert_false(draw_image(d, (ui_rect){100, 0, 80, 80}, "assets/art/pipe.png"));
    draw_end(d);
    SDL_Surface *s = shoot(f);
    assert_int_equal(px(s, 140, 40), BG); /* the refused ones drew nothing */
    uint32_t c = px(s, 40, 40);           /* JPEG is lossy: near 0080ff */
    assert_true((c >> 16) < 0x20 && ((c >> 8) & 0xff) > 0x60 && (c & 0xff) > 0xd0);
    SDL_FreeSurface(s);
    remove(outside);
}

static void test_draw_sdl_text_cache_is_bounded_and_tint_shared(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    draw_begin(d, UI_RGB(BG));
    ui_text_style ts = {22, UI_FONT_REGULAR, UI_RGB(0xffffff), 0, false, false};
    draw_text(d, (ui_rect){0, 0, 300, 40}, "同じ文字列", &ts);
    draw_sdl_stats a;
    ui_draw_sdl_stats(d, &a);
    ts.color = UI_RGB(0xff0000);
    draw_text(d, (ui_rect){0, 50, 300, 40}, "同じ文字列", &ts);
    draw_sdl_stats b;
    ui_draw_sdl_stats(d, &b);
    assert_int_equal(a.text_entries, b.text_entries); /* the colour is a tint */
    /* A long session of ever-new strings (timers, log lines) stays bounded. */
    char buf[64];
    for (int i = 0; i < 1300; i++) { /* more than the 1024 entries kept */
        snprintf(buf, sizeof buf, "ラウンド %d / log line %d", i, i * 7);
        ts.px = 18 + i % 40;
        draw_text(d, (ui_rect){0, 100, 600, 40}, buf, &ts);
    }
    ui_draw_sdl_stats(d, &b);
    assert_true(b.text_entries <= 1024);
    assert_true(b.text_bytes <= (size_t)64 * 1024 * 1024);
    assert_true(b.fonts <= 24);
    draw_end(d);
    /* Measuring agrees with drawing: one line's height, and a width that grows with text. */
    int w1, h1, w2, h2;
    draw_measure(d, "端末", &ts, &w1, &h1);
    draw_measure(d, "端末端末", &ts, &w2, &h2);
    assert_true(w1 > 0 && w2 > w1 + w1 / 2);
    assert_int_equal(h1, h2);
}

static void test_draw_sdl_text_wraps_and_cuts_like_the_recorder(void **st)
{
    fixture *f = *st;
    ui_draw *d = f->d;
    ui_text_style ts = {20, UI_FONT_REGULAR, UI_RGB(0xffffff), 0, true, false};
    draw_begin(d, UI_RGB(BG));
    int one = draw_text(d, (ui_rect){0, 0, 600, 300}, "短い", &ts);
    int many = draw_text(d, (ui_rect){0, 0, 120, 300},
                         "端末を調査し、感染の有無を確認する。揮発性の証拠を保全すること。", &ts);
    assert_true(one > 0);
    assert_true(many >= 4 * one);
    ts.ellipsis = true;
    int cut = draw_text(d, (ui_rect){0, 0, 120, 2 * one},
                        "端末を調査し、感染の有無を確認する。揮発性の証拠を保全すること。", &ts);
    assert_int_equal(cut, 2 * one);
    draw_end(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_draw_sdl_renders_shapes_text_and_icons, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_draw_sdl_alpha_and_clip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_sdl_images_good_and_bad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_sdl_images_hostile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draw_sdl_text_cache_is_bounded_and_tint_shared, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_draw_sdl_text_wraps_and_cuts_like_the_recorder, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("draw_sdl", tests, NULL, NULL);
}
