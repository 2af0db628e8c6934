/* core.h: allocation that aborts on out-of-memory, the seeded RNG, string builder, error record,
 * hashing, file-path checks, UTF-8. */
#ifndef MALCON_CORE_H
#define MALCON_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- allocation: never returns NULL; aborts with a message on out-of-memory ---- */

/* Allocates n bytes (n may be 0); the memory is zeroed. */
void *core_alloc(size_t n);
/* Allocates an array of count elements of size bytes, zeroed; aborts on overflow. */
void *core_calloc(size_t count, size_t size);
/* Resizes p (may be NULL) to n bytes; new bytes are NOT zeroed. */
void *core_realloc(void *p, size_t n);
/* Returns a malloc'd copy of s (NULL gives NULL). The caller owns it. */
char *core_strdup(const char *s);
/* Returns a malloc'd copy of the first n bytes of s, NUL-terminated. */
char *core_strndup(const char *s, size_t n);
/* Grows *items (element size elem) so that it holds at least need elements; *cap is updated. */
void core_grow(void **items, size_t *cap, size_t need, size_t elem);

/* ---- seeded RNG: a plain struct, copied with the state that holds it (xoshiro128**) ---- */

typedef struct core_rng {
    uint32_t s[4];
} core_rng;

/* Seeds the generator from a 64-bit seed (splitmix64 expansion); any seed is valid. */
void core_rng_seed(core_rng *rng, uint64_t seed);
/* Returns the next 32 random bits. */
uint32_t core_rng_next(core_rng *rng);
/* Returns a uniform integer in [lo, hi] (inclusive; lo <= hi), without modulo bias. */
int core_rng_range(core_rng *rng, int lo, int hi);
/* Returns true with probability pct/100 (pct clamped to 0..100). */
bool core_rng_chance(core_rng *rng, int pct);

/* ---- string builder ---- */

typedef struct core_str {
    char *buf; /* always NUL-terminated once anything was appended; may be NULL when empty */
    size_t len;
    size_t cap;
} core_str;

/* Appends a printf-formatted string. */
void core_str_printf(core_str *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends n bytes of p. */
void core_str_append(core_str *s, const char *p, size_t n);
/* Appends a NUL-terminated string. */
void core_str_puts(core_str *s, const char *p);
/* Returns the contents (never NULL: "" when empty). Borrowed. */
const char *core_str_cstr(const core_str *s);
/* Hands the buffer to the caller (never NULL) and resets s. */
char *core_str_take(core_str *s);
/* Frees the buffer and resets s. */
void core_str_free(core_str *s);

/* ---- error record: a list of located messages gathered while loading ---- */

typedef enum core_err_code {
    ERR_NONE = 0,
    ERR_IO,     /* file cannot be read */
    ERR_SYNTAX, /* YAML syntax error */
    ERR_UNKNOWN_KEY,
    ERR_DUPLICATE_KEY,
    ERR_TYPE,       /* wrong node type (scalar/sequence/mapping) or not a number/bool */
    ERR_MISSING,    /* required field absent */
    ERR_UNKNOWN_ID, /* a reference to an id that does not exist */
    ERR_DUPLICATE_ID,
    ERR_RANGE,    /* number out of range */
    ERR_PATH,     /* asset path outside the content folder or malformed */
    ERR_ALIAS,    /* YAML anchors/aliases are refused */
    ERR_LIMIT,    /* size, depth, length or count limit exceeded */
    ERR_ENCODING, /* invalid UTF-8 */
    ERR_VALUE,    /* a value is not one of the legal names, or inconsistent */
    ERR_ASSET,    /* an asset cannot be used (warning level in the game) */
    ERR_CODE_COUNT
} core_err_code;

typedef enum core_err_level { LVL_ERROR, LVL_WARNING } core_err_level;

typedef struct core_err_item {
    core_err_code code;
    core_err_level level;
    char *file; /* path as given; owned */
    int line;   /* 1-based; 0 when unknown */
    int col;    /* 1-based; 0 when unknown */
    char *msg;  /* owned */
} core_err_item;

typedef struct core_err {
    core_err_item *items;
    size_t count;
    size_t cap;
    size_t max_items; /* 0 = default (200); further errors are counted but not stored */
    size_t dropped;
} core_err;

/* Records a message. line/col are 1-based (0 = unknown). */
void core_err_add(core_err *e, core_err_code code, core_err_level level, const char *file, int line,
                  int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Number of LVL_ERROR items recorded (including dropped ones). */
size_t core_err_errors(const core_err *e);
/* Formats item i as "file:line:col: error: message" (GCC style). Caller owns the string. */
char *core_err_format(const core_err *e, size_t i);
/* Short stable name of a code ("unknown-key", ...). */
const char *core_err_code_name(core_err_code code);
/* Frees every item and resets the record. */
void core_err_free(core_err *e);

/* ---- hashing ---- */

/* FNV-1a 64 over n bytes, continuing from h (start with CORE_FNV_INIT). */
#define CORE_FNV_INIT 0xcbf29ce484222325ULL
uint64_t core_fnv1a(uint64_t h, const void *p, size_t n);

/* ---- files ---- */

/* True when path names an existing regular file: a named pipe in a content folder would block
 * a read forever, a device would never end. */
bool core_path_regular(const char *path);
/* True when the existing path resolves to something strictly inside root once symbolic links
 * are followed (a well-formed relative path may still be a link that points anywhere). */
bool core_path_inside(const char *root, const char *path);

/* ---- UTF-8 ---- */

/* Returns the byte offset of the first invalid UTF-8 sequence in s[0..n), or n when valid. */
size_t core_utf8_check(const char *s, size_t n);
/* Decodes one code point at *p (valid UTF-8 assumed), advancing *p. Returns 0 at the end. */
uint32_t core_utf8_next(const char **p);

#endif
