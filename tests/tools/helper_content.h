/* helper_content.h: the shipped content, loaded once per tools test program (cmocka group
 * setup), and its scenarios by id. */
#ifndef MALCON_TEST_HELPER_CONTENT_H
#define MALCON_TEST_HELPER_CONTENT_H

#include "rules.h"

/* The shipped content (MALCON_TEST_CONTENT) between helper_content_setup and _teardown. Tests
 * may change a scenario's numbers if they put them back. */
extern ruleset *helper_rs;

/* cmocka group setup: loads the shipped content into helper_rs; prints the loader's errors and
 * fails the group when it does not load. */
int helper_content_setup(void **st);
/* cmocka group teardown: frees helper_rs. */
int helper_content_teardown(void **st);
/* The index of scenario id in helper_rs; fails the test when the content has no such scenario. */
int helper_scenario(const char *id);

#endif
