/* draw_sdl.h: the SDL_Renderer drawing implementation (used by platform.c and the UI tests).
 *
 * It includes SDL, so only src/ui and tests/ui may include it; the app gets its ui_draw from
 * platform_draw(). Text is rendered with SDL2_ttf into cached textures, icons are drawn with
 * primitives into cached textures, images are loaded with SDL2_image into cached textures.
 */
#ifndef MALCON_UI_DRAW_SDL_H
#define MALCON_UI_DRAW_SDL_H

#include "draw.h"

#include <SDL.h>

/* Fonts, relative to the content root. The bold face is optional (synthesised when absent). */
#define DRAW_SDL_FONT_REGULAR "assets/fonts/BIZUDPGothic-Regular.ttf"
#define DRAW_SDL_FONT_BOLD    "assets/fonts/BIZUDPGothic-Bold.ttf"

/* Limits on images drawn from content (bigger ones are refused with a warning). */
#define DRAW_SDL_IMAGE_MAX_SIDE  4096
#define DRAW_SDL_IMAGE_MAX_BYTES (16 * 1024 * 1024)

/* Creates a drawer for ren, whose target is width x height pixels. content_root is where image
 * paths and the fonts are found. TTF_Init() and IMG_Init() must have been called. Returns NULL
 * with a reason in why when the regular font cannot be loaded. The drawer borrows ren (free the
 * drawer first, then the renderer). */
ui_draw *ui_draw_sdl_new(SDL_Renderer *ren, int width, int height, const char *content_root,
                         char *why, size_t why_n);
/* Tells the drawer its target's new size (after a window resize). */
void ui_draw_sdl_resize(ui_draw *d, int width, int height);
/* Drops every cached texture (after SDL_RENDER_DEVICE_RESET, when textures are lost). */
void ui_draw_sdl_flush(ui_draw *d);
/* Drops the cached images only, so the next frame reads the files again (art edited on disk). */
void ui_draw_sdl_flush_images(ui_draw *d);
/* Content packs laid over the content root (copied; n == 0: none): an image path resolves in
 * the last pack holding the file, then in the content root; each must stay inside the folder it
 * was found in. Drops the cached images. */
void ui_draw_sdl_set_layers(ui_draw *d, const char *const *packs, size_t n);

/* Cache statistics, for tests: entries and bytes of the text cache, open fonts. */
typedef struct draw_sdl_stats {
    size_t text_entries;
    size_t text_bytes;
    size_t fonts;
    size_t images;
    size_t icons;
} draw_sdl_stats;
void ui_draw_sdl_stats(const ui_draw *d, draw_sdl_stats *out);

#endif
