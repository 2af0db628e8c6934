/* test_core.c: tests of the core library (RNG, strings, error record, hashing, paths, UTF-8). */
#define _XOPEN_SOURCE 700 /* mkdtemp, symlink, mkfifo */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core.h"

static void test_core_rng_deterministic(void **st)
{
    (void)st;
    core_rng a, b, c;
    core_rng_seed(&a, 42);
    core_rng_seed(&b, 42);
    core_rng_seed(&c, 43);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = core_rng_next(&a), y = core_rng_next(&b), z = core_rng_next(&c);
        assert_int_equal(x, y);
        differ += x != z;
    }
    assert_true(differ > 90);
}

static void test_core_rng_range_bounds_and_spread(void **st)
{
    (void)st;
    core_rng r;
    core_rng_seed(&r, 7);
    int seen[5] = {0};
    for (int i = 0; i < 5000; i++) {
        int v = core_rng_range(&r, -2, 2);
        assert_in_range(v + 2, 0, 4);
        seen[v + 2]++;
    }
    for (int k = 0; k < 5; k++)
        assert_true(seen[k] > 800 && seen[k] < 1200); /* uniform within a wide margin */
    assert_int_equal(core_rng_range(&r, 3, 3), 3);
    assert_int_equal(core_rng_range(&r, 5, 1), 5);
}

static void test_core_rng_chance_extremes(void **st)
{
    (void)st;
    core_rng r;
    core_rng_seed(&r, 1);
    int hits = 0;
    for (int i = 0; i < 1000; i++) {
        assert_false(core_rng_chance(&r, 0));
        assert_true(core_rng_chance(&r, 100));
        hits += core_rng_chance(&r, 30);
    }
    assert_true(hits > 230 && hits < 370);
}

static void test_core_str_builder(void **st)
{
    (void)st;
    core_str s = {0};
    assert_string_equal(core_str_cstr(&s), "");
    core_str_printf(&s, "%d-%s", 12, "ab");
    core_str_puts(&s, "/");
    core_str_append(&s, "xyz", 2);
    assert_string_equal(core_str_cstr(&s), "12-ab/xy");
    assert_int_equal(s.len, 8);
    char *t = core_str_take(&s);
    assert_string_equal(t, "12-ab/xy");
    assert_null(s.buf);
    free(t);
}

static void test_core_err_format_gcc_style(void **st)
{
    (void)st;
    core_err e = {0};
    core_err_add(&e, ERR_UNKNOWN_KEY, LVL_ERROR, "cards/roles.yaml", 3, 5, "unknown key '%s'",
                 "nmae");
    core_err_add(&e, ERR_ASSET, LVL_WARNING, "x.yaml", 0, 0, "missing art");
    assert_int_equal(core_err_errors(&e), 1);
    char *a = core_err_format(&e, 0), *b = core_err_format(&e, 1);
    assert_string_equal(a, "cards/roles.yaml:3:5: error: unknown key 'nmae'");
    assert_string_equal(b, "x.yaml: warning: missing art");
    assert_string_equal(core_err_code_name(ERR_UNKNOWN_KEY), "unknown-key");
    free(a);
    free(b);
    core_err_free(&e);
    assert_int_equal(e.count, 0);
}

static void test_core_err_caps_items(void **st)
{
    (void)st;
    core_err e = {.max_items = 3};
    for (int i = 0; i < 10; i++)
        core_err_add(&e, ERR_TYPE, LVL_ERROR, "f", i + 1, 1, "e%d", i);
    assert_int_equal(e.count, 3);
    assert_int_equal(core_err_errors(&e), 10);
    core_err_free(&e);
}

static void test_core_fnv_known_value(void **st)
{
    (void)st;
    /* FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference value). */
    assert_true(core_fnv1a(CORE_FNV_INIT, "a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(core_fnv1a(CORE_FNV_INIT, "", 0) == CORE_FNV_INIT);
}

static void test_core_utf8_check_positions(void **st)
{
    (void)st;
    const char ok[] = "端末 abc";
    assert_int_equal(core_utf8_check(ok, strlen(ok)), strlen(ok));
    const char bad[] = "ab\xff"
                       "cd";
    assert_int_equal(core_utf8_check(bad, 5), 2);
    const char trunc[] = "a\xe7\xab";
    assert_int_equal(core_utf8_check(trunc, 3), 1);
    const char overlong[] = "\xc0\x80";
    assert_int_equal(core_utf8_check(overlong, 2), 0);
    const char *p = "端a";
    assert_int_equal(core_utf8_next(&p), 0x7AEF);
    assert_int_equal(core_utf8_next(&p), 'a');
    assert_int_equal(core_utf8_next(&p), 0);
}

/* The content folders' confinement: a file or a link inside the root passes; a link out of it,
 * a sibling folder whose name starts like the root's, and a missing file do not. Only regular
 * files count as files (a named pipe would block a read forever). */
static void test_core_paths_inside_and_regular(void **st)
{
    (void)st;
    char base[] = "/tmp/malcon-core-XXXXXX";
    assert_non_null(mkdtemp(base));
    char root[64], sib[64], file[96], in_link[96], out_link[96], fifo[96], other[96];
    snprintf(root, sizeof root, "%s/ab", base);
    snprintf(sib, sizeof sib, "%s/abc", base);
    snprintf(file, sizeof file, "%s/f.png", root);
    snprintf(in_link, sizeof in_link, "%s/in.png", root);
    snprintf(out_link, sizeof out_link, "%s/out.png", root);
    snprintf(fifo, sizeof fifo, "%s/pipe.png", root);
    snprintf(other, sizeof other, "%s/g.png", sib);
    assert_int_equal(mkdir(root, 0700), 0);
    assert_int_equal(mkdir(sib, 0700), 0);
    FILE *fp = fopen(file, "w");
    assert_non_null(fp);
    fclose(fp);
    fp = fopen(other, "w");
    assert_non_null(fp);
    fclose(fp);
    assert_int_equal(symlink("f.png", in_link), 0);
    assert_int_equal(symlink(other, out_link), 0);
    assert_int_equal(mkfifo(fifo, 0600), 0);

    assert_true(core_path_inside(root, file));
    assert_true(core_path_inside(root, in_link));
    assert_false(core_path_inside(root, out_link)); /* ab/out.png -> abc/g.png */
    assert_false(core_path_inside(root, other));
    assert_false(core_path_inside(root, root));
    assert_false(core_path_inside(root, "/nonexistent/malcon"));
    assert_true(core_path_inside("/", file));

    assert_true(core_path_regular(file));
    assert_true(core_path_regular(in_link)); /* a link to a regular file is followed */
    assert_false(core_path_regular(fifo));
    assert_false(core_path_regular(root));
    assert_false(core_path_regular("/nonexistent/malcon"));

    unlink(fifo);
    unlink(out_link);
    unlink(in_link);
    unlink(file);
    unlink(other);
    rmdir(sib);
    rmdir(root);
    rmdir(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_core_rng_deterministic),
        cmocka_unit_test(test_core_rng_range_bounds_and_spread),
        cmocka_unit_test(test_core_rng_chance_extremes),
        cmocka_unit_test(test_core_str_builder),
        cmocka_unit_test(test_core_err_format_gcc_style),
        cmocka_unit_test(test_core_err_caps_items),
        cmocka_unit_test(test_core_fnv_known_value),
        cmocka_unit_test(test_core_utf8_check_positions),
        cmocka_unit_test(test_core_paths_inside_and_regular),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
