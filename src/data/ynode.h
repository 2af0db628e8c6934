/* ynode.h: internal: a small YAML node tree (mapping/sequence/scalar with 1-based marks) built
 * from libyaml's event API, with the raw-input checks (UTF-8, limits, aliases, duplicate keys). */
#ifndef MALCON_YNODE_H
#define MALCON_YNODE_H

#include "core.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ynode_type { YN_SCALAR = 0, YN_SEQ, YN_MAP } ynode_type;

typedef struct ynode ynode;
struct ynode {
    ynode_type type;
    int line, col;    /* 1-based start mark */
    bool plain;       /* scalar written without quotes (candidates for null, numbers, booleans) */
    bool bad;         /* an error was already reported for this node: mappers skip it silently */
    const char *file; /* the file it was read from (borrowed from ynode_parse's caller): nodes
                         of layered content keep naming their own file after a merge */
    char *text;       /* scalar: NUL-terminated bytes (never NULL for scalars) */
    size_t len;       /* scalar: bytes in text */
    ynode **kids;     /* sequence: items; mapping: key, value, key, value, ... */
    size_t n;         /* entries in kids (a mapping has n / 2 pairs) */
    size_t cap;
};

/* Parses one YAML document of text[0..len) into a tree. Every node records file (borrowed: it
 * must outlive the tree). Every problem goes into err located in file (1-based line:col): invalid
 * UTF-8 (ERR_ENCODING), syntax (ERR_SYNTAX), anchors and aliases (ERR_ALIAS), depth/length/item
 * limits of data.h (ERR_LIMIT), duplicate keys (ERR_DUPLICATE_KEY; the later pair is dropped).
 * Returns false when the file cannot be mapped at all (encoding, syntax, depth); then *out is NULL.
 * On true, *out is the root (NULL for an empty document), owned by the caller (ynode_free). Nodes
 * that carry a reported problem are kept with `bad` set so that mapping stays aligned but does not
 * report them twice. */
bool ynode_parse(const char *file, const char *text, size_t len, core_err *err, ynode **out);

/* Frees a tree. NULL is a no-op. */
void ynode_free(ynode *n);

/* The value node of key in mapping m, or NULL (m may be NULL or not a mapping). */
const ynode *ynode_get(const ynode *m, const char *key);

/* True when n is a plain scalar that YAML reads as null ("", "~", "null"). */
bool ynode_is_null(const ynode *n);

/* Name of the node type for messages ("a mapping", "a list", "a scalar"). */
const char *ynode_type_name(const ynode *n);

/* The 1-based line and column of byte offset off in text (column counted in characters, as
 * libyaml counts them). */
void ynode_position(const char *text, size_t off, int *line, int *col);

#endif
