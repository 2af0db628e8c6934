/* text.h: text layout shared by every drawing implementation (line breaking, kinsoku, ellipsis).
 *
 * Pure code: no SDL. The SDL implementation and the recorder both lay text out with
 * text_layout() and differ only in the measure callback they pass (real glyph advances for SDL,
 * a fixed-advance approximation for the recorder), so what a test sees wrapped is what the
 * player sees wrapped, up to the glyph widths.
 */
#ifndef MALCON_UI_TEXT_H
#define MALCON_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The ellipsis appended to cut text (U+2026). */
#define TEXT_ELLIPSIS "\xE2\x80\xA6"

/* Width in pixels of the n bytes at s (a whole number of UTF-8 characters, no newline). */
typedef int (*text_measure_fn)(void *ctx, const char *s, size_t n);

/* One laid-out line: bytes [start, start+len) of the text, its width, and whether "…" follows. */
typedef struct text_line {
    size_t start;
    size_t len;
    int w;         /* width including the ellipsis when there is one */
    bool ellipsis; /* draw TEXT_ELLIPSIS after the bytes */
} text_line;

/* A growable list of lines (owned; free with text_lines_free). */
typedef struct text_lines {
    text_line *items;
    size_t n;
    size_t cap;
} text_lines;

/* How to lay a text out in a box. */
typedef struct text_box {
    int max_w;     /* box width; <= 0: unlimited (no wrapping, no cut by width) */
    int max_h;     /* box height; <= 0: unlimited (no cut by height) */
    int line_h;    /* line advance in pixels (> 0) */
    bool wrap;     /* break long lines (by word for Latin, by character for CJK) */
    bool ellipsis; /* cut what does not fit the box with "…" */
} text_box;

/* Lays utf8 out into out (which is cleared first). A '\n' always ends a line; with wrap, a line
 * breaks at the last break opportunity that fits (after spaces, around CJK characters, never
 * before 、。」） and the like nor after 「（), and a word wider than the box is broken between
 * characters. With ellipsis, lines wider than the box (without wrap) and the last line that fits
 * the box's height (when more would follow) are cut with "…". Empty text gives no lines.
 * Invalid UTF-8 bytes are treated as one character each. */
void text_layout(text_lines *out, const char *utf8, const text_box *box, text_measure_fn measure,
                 void *ctx);
/* Frees the lines' storage and resets the list. */
void text_lines_free(text_lines *l);
/* A malloc'd copy of one line's text, with "…" appended when the line has one. Caller frees. */
char *text_line_dup(const char *utf8, const text_line *line);

/* The line advance used for a font of px pixels (the same for every implementation). */
int text_line_height(int px);
/* The recorder's approximate width of s[0..n): px/2 per ASCII byte, px per other character. */
int text_approx_width(const char *s, size_t n, int px);

/* Decodes the character at s[*i] (s has n bytes), advancing *i by its length. An invalid or
 * truncated sequence decodes as U+FFFD and advances by one byte, so loops always progress. */
uint32_t text_utf8_next(const char *s, size_t n, size_t *i);
/* True for characters laid out one by one (CJK ideographs, kana, full-width forms, CJK marks). */
bool text_is_cjk(uint32_t cp);
/* Kinsoku: true for characters that must not start a line (、。，．」』）！？ small kana, ...). */
bool text_no_line_start(uint32_t cp);
/* Kinsoku: true for characters that must not end a line (「『（ and other opening brackets). */
bool text_no_line_end(uint32_t cp);

#endif
