/* text.c: line breaking and ellipsis for UTF-8 text, with kinsoku basics; pure (no SDL). */
#include "text.h"

#include "core.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

uint32_t text_utf8_next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    assert(*i < n);
    unsigned c = s[*i];
    size_t len;
    uint32_t cp, min;
    if (c < 0x80) {
        (*i)++;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        goto bad;
    }
    if (*i + len > n)
        goto bad;
    for (size_t k = 1; k < len; k++) {
        if ((s[*i + k] & 0xC0) != 0x80)
            goto bad;
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        goto bad;
    *i += len;
    return cp;
bad:
    /* One byte at a time, so a caller's loop always moves forward. */
    (*i)++;
    return 0xFFFD;
}

bool text_is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF)       /* radicals, CJK marks, kana, ideographs */
           || (cp >= 0xAC00 && cp <= 0xD7AF)    /* Hangul syllables */
           || (cp >= 0xF900 && cp <= 0xFAFF)    /* compatibility ideographs */
           || (cp >= 0xFE30 && cp <= 0xFE4F)    /* compatibility forms */
           || (cp >= 0xFF00 && cp <= 0xFFEF)    /* full-width and half-width forms */
           || (cp >= 0x20000 && cp <= 0x3FFFF); /* supplementary ideographs */
}

/* Characters that must not begin a line: closing brackets, Japanese and Latin stops, small kana
 * and the prolonged sound mark (JIS X 4051 basics). Sorted for the binary search. */
static const uint32_t text_no_start[] = {
    0x0021, 0x0029, 0x002C, 0x002E, 0x003A, 0x003B, 0x003F, 0x005D, 0x007D, 0x00BB, 0x2010,
    0x2019, 0x201D, 0x2026, 0x2030, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F,
    0x3011, 0x3015, 0x3017, 0x3019, 0x301C, 0x301F, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049,
    0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x309B, 0x309C, 0x309D, 0x309E,
    0x30A0, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,
    0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A,
    0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E, 0xFF60, 0xFF61, 0xFF63, 0xFF64, 0xFF65,
};

/* Characters that must not end a line: opening brackets and quotes. Sorted. */
static const uint32_t text_no_end[] = {
    0x0028, 0x005B, 0x007B, 0x00AB, 0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E,
    0x3010, 0x3014, 0x3016, 0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

static bool text_in(const uint32_t *set, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set[mid] == cp)
            return true;
        if (set[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool text_no_line_start(uint32_t cp)
{
    return text_in(text_no_start, sizeof text_no_start / sizeof text_no_start[0], cp);
}

bool text_no_line_end(uint32_t cp)
{
    return text_in(text_no_end, sizeof text_no_end / sizeof text_no_end[0], cp);
}

static bool text_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t';
}

/* May a line break between a (before) and b (after)? */
static bool text_can_break(uint32_t a, uint32_t b)
{
    if (text_is_space(b))
        return false; /* break after the run of spaces, so they stay at the line's end */
    if (text_no_line_start(b) || text_no_line_end(a))
        return false;
    if (text_is_space(a))
        return true;
    if (text_is_cjk(a) || text_is_cjk(b))
        return true;
    /* "clean-up" may break after its hyphen, "C2/proxy" after the slash. */
    return (a == '-' || a == '/') && b > ' ';
}

int text_line_height(int px)
{
    assert(px > 0);
    /* 1.3 em: room for Japanese glyphs (which fill the em box) plus descenders and leading. */
    return (px * 13 + 9) / 10;
}

int text_approx_width(const char *s, size_t n, int px)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp = text_utf8_next(s, n, &i);
        w += cp < 0x80 ? px / 2 : px;
    }
    return w;
}

void text_lines_free(text_lines *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static void text_push(text_lines *out, size_t start, size_t len, int w)
{
    core_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items);
    out->items[out->n++] = (text_line){start, len, w, false};
}

/* Length of s[start..end) without its trailing spaces. */
static size_t text_trim_end(const char *s, size_t start, size_t end)
{
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    return end - start;
}

/* Cuts line l so that it and "…" fit in max_w (max_w <= 0: just marks it). */
static void text_cut(text_line *l, const char *s, int max_w, text_measure_fn measure, void *ctx)
{
    int ell = measure(ctx, TEXT_ELLIPSIS, strlen(TEXT_ELLIPSIS));
    l->ellipsis = true;
    if (max_w <= 0 || l->w + ell <= max_w) {
        l->w += ell;
        return;
    }
    /* The longest prefix, by whole characters, that leaves room for the ellipsis. */
    size_t best = 0;
    int best_w = 0;
    size_t i = 0;
    while (i < l->len) {
        text_utf8_next(s + l->start, l->len, &i);
        size_t keep = text_trim_end(s, l->start, l->start + i);
        int w = measure(ctx, s + l->start, keep);
        if (w + ell > max_w)
            break;
        best = keep;
        best_w = w;
    }
    l->len = best;
    l->w = best_w + ell;
}

/* Lays out one paragraph s[start..end) (no newline inside) with wrapping. */
static void text_wrap_para(text_lines *out, const char *s, size_t start, size_t end, int max_w,
                           text_measure_fn measure, void *ctx)
{
    size_t pos = start;
    if (pos == end) {
        text_push(out, start, 0, 0); /* an empty paragraph is an empty line */
        return;
    }
    while (pos < end) {
        size_t best = 0; /* end of the longest line that fits, at a break opportunity */
        int best_w = 0;
        size_t i = pos;
        uint32_t prev = text_utf8_next(s, end, &i);
        for (;;) {
            bool at_end = i >= end;
            uint32_t next = 0;
            if (!at_end) {
                size_t j = i;
                next = text_utf8_next(s, end, &j);
            }
            if (at_end || text_can_break(prev, next)) {
                size_t len = text_trim_end(s, pos, i);
                int w = measure(ctx, s + pos, len);
                if (w > max_w && best)
                    break;
                if (w > max_w) {
                    /* Not even the first word fits: break it between characters. */
                    size_t k = pos;
                    text_utf8_next(s, end, &k); /* at least one character per line */
                    best = k;
                    best_w = measure(ctx, s + pos, k - pos);
                    while (k < i) {
                        size_t k2 = k;
                        text_utf8_next(s, end, &k2);
                        int w2 = measure(ctx, s + pos, k2 - pos);
                        if (w2 > max_w)
                            break;
                        best = k = k2;
                        best_w = w2;
                    }
                    break;
                }
                best = i;
                best_w = w;
                if (at_end)
                    break;
            }
            prev = next;
            text_utf8_next(s, end, &i);
        }
        text_push(out, pos, text_trim_end(s, pos, best), best_w);
        pos = best;
        while (pos < end && (s[pos] == ' ' || s[pos] == '\t'))
            pos++; /* a wrapped line does not start with the spaces it broke at */
    }
}

void text_layout(text_lines *out, const char *utf8, const text_box *box, text_measure_fn measure,
                 void *ctx)
{
    assert(out && box && measure && box->line_h > 0);
    out->n = 0;
    if (!utf8 || !*utf8)
        return;
    size_t n = strlen(utf8);
    bool wrap = box->wrap && box->max_w > 0;
    /* Only a cut needs a line budget; without ellipsis every line is laid out (and may spill). */
    size_t max_lines = SIZE_MAX;
    if (box->ellipsis && box->max_h > 0)
        max_lines = box->max_h / box->line_h > 0 ? (size_t)(box->max_h / box->line_h) : 1;
    size_t start = 0;
    bool more = false; /* text was left out below the box */
    for (;;) {
        const char *nl = memchr(utf8 + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - utf8) : n;
        size_t end_trim = end;
        if (end_trim > start && utf8[end_trim - 1] == '\r')
            end_trim--; /* tolerate CRLF text */
        if (wrap) {
            text_wrap_para(out, utf8, start, end_trim, box->max_w, measure, ctx);
        } else {
            size_t len = end_trim - start;
            text_push(out, start, len, measure(ctx, utf8 + start, len));
        }
        if (!nl || end + 1 >= n)
            break; /* a final newline does not open an empty last line */
        start = end + 1;
        if (out->n >= max_lines) {
            more = true;
            break;
        }
    }
    if (out->n > max_lines) {
        out->n = max_lines;
        more = true;
    }
    if (!box->ellipsis)
        return;
    if (box->max_w > 0) {
        for (size_t k = 0; k < out->n; k++)
            if (out->items[k].w > box->max_w)
                text_cut(&out->items[k], utf8, box->max_w, measure, ctx);
    }
    if (more && box->max_h > 0 && out->n > 0 && !out->items[out->n - 1].ellipsis)
        text_cut(&out->items[out->n - 1], utf8, box->max_w, measure, ctx);
}

char *text_line_dup(const char *utf8, const text_line *line)
{
    size_t ell = line->ellipsis ? strlen(TEXT_ELLIPSIS) : 0;
    char *s = core_alloc(line->len + ell + 1);
    memcpy(s, utf8 + line->start, line->len);
    memcpy(s + line->len, TEXT_ELLIPSIS, ell);
    s[line->len + ell] = '\0';
    return s;
}
