/* helper_content.c: the shipped content for the tools tests (see helper_content.h). */
#include "helper_content.h"

#include "core.h"
#include "data.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

ruleset *helper_rs;

int helper_content_setup(void **st)
{
    (void)st;
    core_err err = {0};
    helper_rs = data_load(MALCON_TEST_CONTENT, &err);
    for (size_t i = 0; i < err.count; i++) {
        char *m = core_err_format(&err, i);
        fprintf(stderr, "%s\n", m);
        free(m);
    }
    core_err_free(&err);
    return helper_rs ? 0 : -1;
}

int helper_content_teardown(void **st)
{
    (void)st;
    ruleset_free(helper_rs);
    helper_rs = NULL;
    return 0;
}

int helper_scenario(const char *id)
{
    int sc = ruleset_scenario(helper_rs, id);
    if (sc < 0)
        fail_msg("scenario '%s' is not in the shipped content", id);
    return sc;
}
