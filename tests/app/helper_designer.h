/* helper_designer.h: helpers of the designer-pipeline tests (packs, reload, sheets): folder
 * trees in /tmp, a copy of the shipped content that a test may edit, files by relative path. */
#ifndef MALCON_TEST_HELPER_DESIGNER_H
#define MALCON_TEST_HELPER_DESIGNER_H

#include "core.h"

#include <stdbool.h>
#include <stddef.h>

/* Writes text to root/rel, making the folders on the way; returns the path (caller frees). */
char *designer_put(const char *root, const char *rel, const char *text);
/* Reads root/rel into a new string (caller frees); asserts it exists. */
char *designer_get(const char *root, const char *rel);
/* Replaces the first `from` in root/rel by `to`; asserts it was there. */
void designer_edit(const char *root, const char *rel, const char *from, const char *to);
/* A fresh folder holding a copy of the shipped YAML files of cards/ and scenarios/ (no assets:
 * the UI words come from the shipped catalogue). Caller frees; remove with designer_rmtree. */
char *designer_copy_content(void);
/* Removes a folder and everything under it. */
void designer_rmtree(const char *dir);
/* The first item of err whose file is path, or -1. */
long designer_err_in(const core_err *err, const char *path);

#endif
