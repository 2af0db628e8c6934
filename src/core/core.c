/* core.c: the implementation of core.h (allocation, RNG, strings, errors, hashing, paths, UTF-8).
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void core_oom(size_t n)
{
    /* Out of memory is not recoverable for a game: say so and stop. */
    fprintf(stderr, "malcon: out of memory (%zu bytes)\n", n);
    abort();
}

void *core_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        core_oom(n);
    return p;
}

void *core_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        core_oom(SIZE_MAX);
    return core_alloc(count * size);
}

void *core_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        core_oom(n);
    return q;
}

char *core_strdup(const char *s)
{
    if (!s)
        return NULL;
    return core_strndup(s, strlen(s));
}

char *core_strndup(const char *s, size_t n)
{
    char *d = core_alloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void core_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            core_oom(SIZE_MAX);
        ncap *= 2;
    }
    *items = core_realloc(*items, ncap * elem);
    *cap = ncap;
}

/* ---- RNG ---- */

static uint64_t core_splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void core_rng_seed(core_rng *rng, uint64_t seed)
{
    uint64_t x = seed;
    uint64_t a = core_splitmix(&x), b = core_splitmix(&x);
    rng->s[0] = (uint32_t)a;
    rng->s[1] = (uint32_t)(a >> 32);
    rng->s[2] = (uint32_t)b;
    rng->s[3] = (uint32_t)(b >> 32);
    if (!(rng->s[0] | rng->s[1] | rng->s[2] | rng->s[3]))
        rng->s[0] = 1;
}

static uint32_t core_rotl(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

uint32_t core_rng_next(core_rng *rng)
{
    uint32_t *s = rng->s;
    uint32_t result = core_rotl(s[1] * 5, 7) * 9;
    uint32_t t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = core_rotl(s[3], 11);
    return result;
}

int core_rng_range(core_rng *rng, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    uint32_t span = (uint32_t)((int64_t)hi - lo + 1);
    uint32_t limit = UINT32_MAX - (UINT32_MAX % span);
    uint32_t r;
    do {
        r = core_rng_next(rng);
    } while (r >= limit);
    return (int)((int64_t)lo + (r % span));
}

bool core_rng_chance(core_rng *rng, int pct)
{
    if (pct <= 0)
        return false;
    if (pct >= 100)
        return true;
    return core_rng_range(rng, 0, 99) < pct;
}

/* ---- strings ---- */

void core_str_append(core_str *s, const char *p, size_t n)
{
    core_grow((void **)&s->buf, &s->cap, s->len + n + 1, 1);
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    s->buf[s->len] = '\0';
}

void core_str_puts(core_str *s, const char *p)
{
    core_str_append(s, p, strlen(p));
}

/* core_str_printf with a va_list (ap is used up); the error record formats through it too. */
static void core_str_vprintf(core_str *s, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n > 0) {
        core_grow((void **)&s->buf, &s->cap, s->len + (size_t)n + 1, 1);
        vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap2);
        s->len += (size_t)n;
    }
    va_end(ap2);
}

void core_str_printf(core_str *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    core_str_vprintf(s, fmt, ap);
    va_end(ap);
}

const char *core_str_cstr(const core_str *s)
{
    return s->buf ? s->buf : "";
}

char *core_str_take(core_str *s)
{
    char *b = s->buf ? s->buf : core_strdup("");
    s->buf = NULL;
    s->len = s->cap = 0;
    return b;
}

void core_str_free(core_str *s)
{
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
}

/* ---- errors ---- */

static const char *const core_err_names[ERR_CODE_COUNT] = {
    [ERR_NONE] = "none",
    [ERR_IO] = "io",
    [ERR_SYNTAX] = "syntax",
    [ERR_UNKNOWN_KEY] = "unknown-key",
    [ERR_DUPLICATE_KEY] = "duplicate-key",
    [ERR_TYPE] = "type",
    [ERR_MISSING] = "missing",
    [ERR_UNKNOWN_ID] = "unknown-id",
    [ERR_DUPLICATE_ID] = "duplicate-id",
    [ERR_RANGE] = "range",
    [ERR_PATH] = "path",
    [ERR_ALIAS] = "alias",
    [ERR_LIMIT] = "limit",
    [ERR_ENCODING] = "encoding",
    [ERR_VALUE] = "value",
    [ERR_ASSET] = "asset",
};

const char *core_err_code_name(core_err_code code)
{
    if ((int)code < 0 || code >= ERR_CODE_COUNT)
        return "?";
    return core_err_names[code];
}

void core_err_add(core_err *e, core_err_code code, core_err_level level, const char *file, int line,
                  int col, const char *fmt, ...)
{
    size_t max = e->max_items ? e->max_items : 200;
    if (e->count >= max) {
        if (level == LVL_ERROR)
            e->dropped++;
        return;
    }
    core_grow((void **)&e->items, &e->cap, e->count + 1, sizeof *e->items);
    core_err_item *it = &e->items[e->count++];
    it->code = code;
    it->level = level;
    it->file = core_strdup(file ? file : "<input>");
    it->line = line;
    it->col = col;
    core_str m = {0};
    va_list ap;
    va_start(ap, fmt);
    core_str_vprintf(&m, fmt, ap);
    va_end(ap);
    it->msg = core_str_take(&m); /* "" for an empty message, never NULL */
}

size_t core_err_errors(const core_err *e)
{
    size_t n = e->dropped;
    for (size_t i = 0; i < e->count; i++)
        if (e->items[i].level == LVL_ERROR)
            n++;
    return n;
}

char *core_err_format(const core_err *e, size_t i)
{
    const core_err_item *it = &e->items[i];
    core_str s = {0};
    const char *lvl = it->level == LVL_ERROR ? "error" : "warning";
    if (it->line > 0)
        core_str_printf(&s, "%s:%d:%d: %s: %s", it->file, it->line, it->col > 0 ? it->col : 1, lvl,
                        it->msg);
    else
        core_str_printf(&s, "%s: %s: %s", it->file, lvl, it->msg);
    return core_str_take(&s);
}

void core_err_free(core_err *e)
{
    for (size_t i = 0; i < e->count; i++) {
        free(e->items[i].file);
        free(e->items[i].msg);
    }
    free(e->items);
    e->items = NULL;
    e->count = e->cap = e->dropped = 0;
}

/* ---- hashing ---- */

uint64_t core_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* ---- files ---- */

bool core_path_regular(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool core_path_inside(const char *root, const char *path)
{
    char *r = realpath(root, NULL);
    char *p = realpath(path, NULL);
    bool ok = false;
    if (r && p) {
        size_t n = strlen(r);
        /* a prefix on a component boundary: /content/base is not inside /content/ba */
        ok = strncmp(p, r, n) == 0 && (p[n] == '/' || (n == 1 && r[0] == '/'));
    }
    free(r);
    free(p);
    return ok;
}

/* ---- UTF-8 ---- */

size_t core_utf8_check(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}

uint32_t core_utf8_next(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    if (!c)
        return 0;
    int len = 1;
    if (c >= 0xF0) {
        c &= 0x07;
        len = 4;
    } else if (c >= 0xE0) {
        c &= 0x0F;
        len = 3;
    } else if (c >= 0xC0) {
        c &= 0x1F;
        len = 2;
    }
    for (int k = 1; k < len && s[k]; k++)
        c = (c << 6) | (s[k] & 0x3F);
    *p += len;
    return c;
}
