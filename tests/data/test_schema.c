/* test_schema.c: the schema text is generated from the loader's tables: every key of every
 * table, every effect and every legal name appears in it. */
#include "data.h"
#include "fields.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* True when key appears as a row of the schema: at the start of a line (after blanks and an
 * optional "- "), followed by a blank. */
static bool schema_has_row(const char *text, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = strstr(text, key); p; p = strstr(p + 1, key)) {
        const char *q = p;
        if (q - 2 >= text && q[-1] == ' ' && q[-2] == '-')
            q -= 2;
        while (q > text && q[-1] == ' ')
            q--;
        if ((q == text || q[-1] == '\n') && p[n] == ' ')
            return true;
    }
    return false;
}

/* Checks every row of t (and of nested tables); returns how many rows were seen. */
static size_t schema_check_table(const char *text, const field_table *t)
{
    size_t rows = 0;
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->fields[i];
        if (!schema_has_row(text, f->key))
            print_message("schema lacks %s.%s\n", t->name, f->key);
        assert_true(schema_has_row(text, f->key));
        assert_non_null(f->doc);
        assert_true(strlen(f->doc) > 0);
        rows++;
        if (f->type == FT_GROUP || f->type == FT_LIST)
            rows += schema_check_table(text, f->aux);
    }
    return rows;
}

static void test_schema_lists_every_field(void **state)
{
    (void)state;
    char *text = data_schema_text();
    size_t rows = 0;
    for (size_t i = 0; i < tables_n_files; i++) {
        assert_non_null(strstr(text, tables_files[i].path));
        rows += schema_check_table(text, tables_files[i].table);
    }
    rows += schema_check_table(text, &tables_effect);
    assert_true(rows > 100); /* the walk really went through the nested tables */
    free(text);
}

static void test_schema_lists_every_effect(void **state)
{
    (void)state;
    char *text = data_schema_text();
    assert_true(rules_effect_count() >= 20);
    for (size_t i = 0; i < rules_effect_count(); i++) {
        const effect_info *e = rules_effect_info((int)i);
        char want[64];
        snprintf(want, sizeof want, "  %s(", e->name);
        assert_non_null(strstr(text, want));
        assert_non_null(strstr(text, e->doc));
    }
    /* arguments read from the rules' table: track needs track and amount */
    assert_non_null(strstr(text, "track(amount, track)"));
    assert_non_null(strstr(text, "infect(route, kind?, room?)"));
    assert_non_null(strstr(text, "examine()  [action target: terminal]"));
    free(text);
}

static void test_schema_lists_names_limits_and_defaults(void **state)
{
    (void)state;
    char *text = data_schema_text();
    for (int f = 0; f < FLAG_COUNT; f++)
        assert_non_null(strstr(text, flag_name((flag)f)));
    for (int r = ROUTE_MAIL; r < ROUTE_COUNT; r++)
        assert_non_null(strstr(text, route_name((route)r)));
    for (int t = 0; t < TF_COUNT; t++)
        assert_non_null(strstr(text, target_filter_name((target_filter)t)));
    assert_non_null(strstr(text, "role_pair"));
    assert_non_null(strstr(text, "setup, malware, event, action, meeting"));
    assert_non_null(strstr(text, "1048576 bytes per file"));
    assert_non_null(strstr(text, "16 levels"));
    /* defaults come from scenario_defaults(), not from a copy */
    scenario_def sc;
    memset(&sc, 0, sizeof sc);
    scenario_defaults(&sc);
    char want[96];
    snprintf(want, sizeof want, "integer 0..600; optional, default %d", sc.meeting_seconds);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "integer 1..99; optional, default %d", sc.track_max[TRACK_LEAK]);
    assert_non_null(strstr(text, want));
    assert_non_null(strstr(text, "default [mail, driveby]"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_lists_every_field),
        cmocka_unit_test(test_schema_lists_every_effect),
        cmocka_unit_test(test_schema_lists_names_limits_and_defaults),
    };
    return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
