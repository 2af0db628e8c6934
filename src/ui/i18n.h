/* i18n.h: the UI string catalogue: a gettext PO file (assets/i18n/ja.po) read at run time.
 *
 * msgid is the English UI string and msgstr its Japanese translation. Why our own small PO
 * reader instead of libintl's gettext(): the game's language is an in-game setting that can be
 * switched at any moment, independent of the OS locale (the ja_JP locale is often not even
 * installed on workshop laptops, and gettext() follows the process locale), and we ship no
 * compiled .mo file: translators edit ja.po with Poedit or any PO editor and the game reads it
 * as it is. The format is standard, so `msgfmt --check` validates it (a CTest does).
 */
#ifndef MALCON_UI_I18N_H
#define MALCON_UI_I18N_H

#include "core.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct i18n i18n;

/* Reads a PO file. Understands msgctxt, msgid, msgid_plural (msgstr[0] is used), multi-line
 * strings and the C escapes (\n \t \" \\ ...); entries flagged fuzzy, obsolete (#~) and
 * untranslated (empty msgstr) are left out, so the English shows instead. Every problem goes
 * into err as "path:line:col: error: message"; returns NULL when there was any error. */
i18n *i18n_load(const char *po_path, core_err *err);
/* The same from memory: name is the path reported in errors; text need not be NUL-terminated. */
i18n *i18n_parse(const char *text, size_t len, const char *name, core_err *err);
/* The translation of msgid (no context), or msgid itself when there is none or t is NULL.
 * Borrowed: valid until i18n_free (or as long as msgid when msgid is returned). */
const char *i18n_get(const i18n *t, const char *msgid);
/* The translation of msgid in context ctx (msgctxt), or msgid. ctx NULL = no context. */
const char *i18n_pget(const i18n *t, const char *ctx, const char *msgid);
/* Number of translated entries kept. */
size_t i18n_count(const i18n *t);
/* Entry i (0 <= i < i18n_count) in msgid order: its context (NULL when none), msgid and msgstr.
 * Borrowed. For tools and tests (the glyph coverage test walks every string). */
void i18n_entry(const i18n *t, size_t i, const char **ctx, const char **msgid, const char **msgstr);
/* Frees the catalogue; NULL is a no-op. */
void i18n_free(i18n *t);

#endif
