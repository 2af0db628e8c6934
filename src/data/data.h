/* data.h: content loading (YAML -> ruleset, with file:line:col errors) and small file helpers. */
#ifndef MALCON_DATA_H
#define MALCON_DATA_H

#include "core.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

/* Limits enforced on content (documented in the designer guide and `malcon-lint --schema`). */
#define DATA_MAX_FILE_BYTES (1024 * 1024) /* one YAML file */
#define DATA_MAX_DEPTH      16            /* nesting of mappings/sequences */
#define DATA_MAX_STRING     4096          /* bytes of one scalar */
#define DATA_MAX_ITEMS      256           /* entries of one list */

/* The default content root (the repository, compiled in), or $MALCON_CONTENT when set. */
const char *data_default_root(void);

/* Loads every content file under root: cards/roles.yaml, cards/actions.yaml, cards/events.yaml,
 * cards/terminals.yaml, scenarios/NAME.yaml (sorted by name) and, when it is there, the
 * debrief's learning points cards/debrief.yaml. Every problem goes into err as
 * "path:line:col: error: message"; loading goes on to report as many as it can. Returns the
 * ruleset when there was no error (warnings allowed), else NULL. The content hash covers the
 * bytes of every file read but the learning points' (text for people, never for the rules). */
ruleset *data_load(const char *root, core_err *err);

/* Loads layered content: roots[0] is the base content (as data_load), roots[1..n_roots) are
 * content packs laid over it in order. A pack holds any subset of the content files (for
 * example only scenarios/my.yaml, or a cards/events.yaml with two new events): an item of a
 * pack's card file (role, action, event, kind) replaces the item of a lower layer with the same
 * id, in its place, and an item with a new id is added after them; a pack's scenario replaces a
 * lower layer's scenario of the same file name or id. Asset paths resolve in the highest layer
 * holding the file (data_asset_path). Messages name the file of the layer they come from. With
 * n_roots == 1 this is data_load (same hash); packs change the hash. */
ruleset *data_load_layers(const char *const *roots, size_t n_roots, core_err *err);

/* The file an asset path of layered content names: the first of roots[n_roots-1] .. roots[0]
 * that holds rel, joined (caller frees), or NULL when none does. */
char *data_asset_path(const char *const *roots, size_t n_roots, const char *rel);

/* One in-memory content file, for tests and fuzzing: name is the path reported in errors and
 * decides the file's type by its tail ("roles.yaml", "actions.yaml", "events.yaml",
 * "terminals.yaml", or anything under "scenarios/"). */
typedef struct data_file {
    const char *name;
    const char *text;
    size_t len;
} data_file;

/* Loads content from memory files (same rules as data_load; asset paths are checked for form
 * and confinement only, not existence, when root is NULL). */
ruleset *data_load_mem(const data_file *files, size_t n, const char *root, core_err *err);

/* The schema of every content file: fields, types, defaults and legal values. Caller owns. */
char *data_schema_text(void);

/* Reads a whole regular file (at most max bytes; 0 = no limit) into a NUL-terminated buffer
 * (caller frees). Returns NULL and records an ERR_IO / ERR_LIMIT error when it cannot (a named
 * pipe or device is refused, never opened). */
char *data_read_file(const char *path, size_t max, size_t *len, core_err *err);

/* Writes data atomically: a temporary file beside path, flushed to disk (fsync), then renamed
 * over path. Returns false with errno kept on failure. */
bool data_write_atomic(const char *path, const char *data, size_t len);

/* Joins root and a relative content path into a new string (caller frees). */
char *data_path_join(const char *root, const char *rel);

#endif
