/* test_fileio.c: file helpers: atomic writes, bounded reads, path joining, the content root. */
#define _POSIX_C_SOURCE 200809L

#include "data.h"

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct tmpdir {
    char path[64];
} tmpdir;

static int tmp_setup(void **state)
{
    tmpdir *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    snprintf(t->path, sizeof t->path, "/tmp/malcon-fileio-XXXXXX");
    if (!mkdtemp(t->path)) {
        free(t);
        return -1;
    }
    *state = t;
    return 0;
}

static int tmp_teardown(void **state)
{
    tmpdir *t = *state;
    DIR *d = opendir(t->path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *p = data_path_join(t->path, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(t->path);
    free(t);
    return 0;
}

static size_t count_entries(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void test_fileio_atomic_write_replaces_content(void **state)
{
    tmpdir *t = *state;
    char *path = data_path_join(t->path, "save.txt");
    assert_true(data_write_atomic(path, "first version\n", 14));
    core_err err = {0};
    size_t len = 0;
    char *got = data_read_file(path, 0, &len, &err);
    assert_non_null(got);
    assert_int_equal(len, 14);
    assert_string_equal(got, "first version\n");
    free(got);

    assert_true(data_write_atomic(path, "second\n", 7));
    got = data_read_file(path, 0, &len, &err);
    assert_non_null(got);
    assert_string_equal(got, "second\n");
    free(got);
    /* no temporary file is left beside it */
    assert_int_equal(count_entries(t->path), 1);

    /* an empty write gives an empty file */
    assert_true(data_write_atomic(path, "", 0));
    got = data_read_file(path, 0, &len, &err);
    assert_non_null(got);
    assert_int_equal(len, 0);
    free(got);
    assert_int_equal(err.count, 0);
    free(path);
}

static void test_fileio_atomic_write_fails_cleanly(void **state)
{
    tmpdir *t = *state;
    char *path = data_path_join(t->path, "missing/dir/save.txt");
    errno = 0;
    assert_false(data_write_atomic(path, "x", 1));
    assert_int_equal(errno, ENOENT);
    assert_int_equal(count_entries(t->path), 0);
    free(path);
}

static void test_fileio_read_limit_enforced(void **state)
{
    tmpdir *t = *state;
    char *path = data_path_join(t->path, "big.txt");
    char buf[100];
    memset(buf, 'a', sizeof buf);
    assert_true(data_write_atomic(path, buf, sizeof buf));
    core_err err = {0};
    size_t len = 123;
    assert_null(data_read_file(path, 99, &len, &err));
    assert_int_equal(len, 0);
    assert_int_equal(err.count, 1);
    assert_int_equal(err.items[0].code, ERR_LIMIT);
    assert_string_equal(err.items[0].file, path);
    core_err_free(&err);

    char *ok = data_read_file(path, 100, &len, &err); /* exactly the limit is fine */
    assert_non_null(ok);
    assert_int_equal(len, 100);
    assert_int_equal(ok[100], '\0');
    free(ok);
    assert_int_equal(err.count, 0);
    free(path);
}

/* A named pipe (a hostile content pack) is refused at once, never opened: opening it would
 * wait for a writer forever. So is a folder. */
static void test_fileio_read_refuses_pipes_and_folders(void **state)
{
    tmpdir *t = *state;
    char *path = data_path_join(t->path, "roles.yaml");
    assert_int_equal(mkfifo(path, 0600), 0);
    core_err err = {0};
    assert_null(data_read_file(path, 0, NULL, &err));
    assert_int_equal(err.count, 1);
    assert_int_equal(err.items[0].code, ERR_IO);
    assert_non_null(strstr(err.items[0].msg, "not a regular file"));
    core_err_free(&err);
    assert_null(data_read_file(t->path, 0, NULL, &err));
    assert_int_equal(err.items[0].code, ERR_IO);
    core_err_free(&err);
    free(path);
}

static void test_fileio_read_missing_file(void **state)
{
    tmpdir *t = *state;
    char *path = data_path_join(t->path, "nothing.yaml");
    core_err err = {0};
    assert_null(data_read_file(path, 0, NULL, &err));
    assert_int_equal(err.count, 1);
    assert_int_equal(err.items[0].code, ERR_IO);
    assert_int_equal(err.items[0].line, 0);
    core_err_free(&err);
    free(path);
}

static void test_fileio_path_join(void **state)
{
    (void)state;
    static const struct {
        const char *root, *rel, *want;
    } cases[] = {
        {"/a/b", "cards/roles.yaml", "/a/b/cards/roles.yaml"},
        {"/a/b/", "cards", "/a/b/cards"},
        {"/a/b//", "/cards", "/a/b/cards"},
        {"/", "x", "/x"},
        {"", "x", "x"},
        {NULL, "x", "x"},
        {"root", "", "root"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = data_path_join(cases[i].root, cases[i].rel);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

static void test_fileio_default_root(void **state)
{
    (void)state;
    assert_int_equal(setenv("MALCON_CONTENT", "/somewhere/else", 1), 0);
    assert_string_equal(data_default_root(), "/somewhere/else");
    assert_int_equal(setenv("MALCON_CONTENT", "", 1), 0);
    assert_string_equal(data_default_root(), MALCON_TEST_CONTENT);
    assert_int_equal(unsetenv("MALCON_CONTENT"), 0);
    assert_string_equal(data_default_root(), MALCON_TEST_CONTENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fileio_atomic_write_replaces_content, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_fileio_atomic_write_fails_cleanly, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_fileio_read_limit_enforced, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_fileio_read_missing_file, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_fileio_read_refuses_pipes_and_folders, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test(test_fileio_path_join),
        cmocka_unit_test(test_fileio_default_root),
    };
    return cmocka_run_group_tests_name("fileio", tests, NULL, NULL);
}
