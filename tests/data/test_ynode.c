/* test_ynode.c: the YAML node tree: 1-based marks, duplicate keys dropped, raw-input checks. */
#include "data.h"
#include "ynode.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static ynode *parse_ok(const char *text, core_err *err)
{
    ynode *root = NULL;
    assert_true(ynode_parse("t.yaml", text, strlen(text), err, &root));
    return root;
}

static void test_ynode_marks_are_one_based(void **state)
{
    (void)state;
    core_err err = {0};
    ynode *root = parse_ok("a: 1\nlist:\n  - x\n  - {k: \"v\"}\n", &err);
    assert_int_equal(err.count, 0);
    assert_non_null(root);
    assert_int_equal(root->type, YN_MAP);
    assert_int_equal(root->line, 1);
    assert_int_equal(root->col, 1);
    const ynode *a = ynode_get(root, "a");
    assert_int_equal(a->line, 1);
    assert_int_equal(a->col, 4);
    assert_true(a->plain);
    const ynode *list = ynode_get(root, "list");
    assert_int_equal(list->type, YN_SEQ);
    assert_int_equal(list->n, 2);
    assert_int_equal(list->kids[0]->line, 3);
    assert_int_equal(list->kids[0]->col, 5);
    const ynode *m = list->kids[1];
    assert_int_equal(m->type, YN_MAP);
    assert_int_equal(m->col, 5);
    const ynode *v = ynode_get(m, "k");
    assert_string_equal(v->text, "v");
    assert_false(v->plain);
    assert_int_equal(v->col, 9);
    assert_null(ynode_get(root, "missing"));
    ynode_free(root);
}

static void test_ynode_columns_count_characters(void **state)
{
    (void)state;
    core_err err = {0};
    ynode *root = parse_ok("名前: 値\n", &err);
    const ynode *v = ynode_get(root, "名前");
    assert_non_null(v);
    assert_int_equal(v->col, 5); /* 名, 前, ':', ' ' then the value */
    ynode_free(root);

    int line, col;
    const char *text = "\xEF\xBB\xBF"
                       "ab\ncd\r\nef";
    ynode_position(text, 4, &line, &col); /* 'b' after the byte-order mark */
    assert_int_equal(line, 1);
    assert_int_equal(col, 2);
    ynode_position(text, 10, &line, &col); /* 'e' after a CRLF */
    assert_int_equal(line, 3);
    assert_int_equal(col, 1);
}

static void test_ynode_duplicate_key_dropped(void **state)
{
    (void)state;
    core_err err = {0};
    ynode *root = parse_ok("a: 1\nb: 2\na: 3\n", &err);
    assert_int_equal(err.count, 1);
    assert_int_equal(err.items[0].code, ERR_DUPLICATE_KEY);
    assert_int_equal(err.items[0].line, 3);
    assert_int_equal(err.items[0].col, 1);
    assert_int_equal(root->n, 4); /* two pairs kept */
    assert_string_equal(ynode_get(root, "a")->text, "1");
    ynode_free(root);
    core_err_free(&err);
}

static void test_ynode_nulls(void **state)
{
    (void)state;
    core_err err = {0};
    ynode *root = parse_ok("a:\nb: ~\nc: null\nd: \"\"\ne: 0\n", &err);
    assert_true(ynode_is_null(ynode_get(root, "a")));
    assert_true(ynode_is_null(ynode_get(root, "b")));
    assert_true(ynode_is_null(ynode_get(root, "c")));
    assert_false(ynode_is_null(ynode_get(root, "d"))); /* a quoted empty text is a value */
    assert_false(ynode_is_null(ynode_get(root, "e")));
    ynode_free(root);
}

static void test_ynode_empty_document(void **state)
{
    (void)state;
    core_err err = {0};
    ynode *root = (ynode *)1;
    assert_true(ynode_parse("t.yaml", "# only a comment\n", 17, &err, &root));
    assert_null(root);
    assert_int_equal(err.count, 0);
}

static void test_ynode_refuses_bad_input(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        core_err_code code;
        int line, col;
        bool parsed; /* the tree is still built */
    } cases[] = {
        {"a: [1,\n", ERR_SYNTAX, 2, 1, false},
        {"a: 1\nb: \xC3\x28\n", ERR_ENCODING, 2, 4, false},
        {"a: \xED\xA0\x80\n", ERR_ENCODING, 1, 4, false}, /* a UTF-16 surrogate */
        {"a: &x 1\nb: *x\n", ERR_ALIAS, 1, 4, true},
        {"a: [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]\n", ERR_LIMIT, 1, 19, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        core_err err = {0};
        ynode *root = NULL;
        bool ok = ynode_parse("t.yaml", cases[i].text, strlen(cases[i].text), &err, &root);
        assert_int_equal(ok, cases[i].parsed);
        assert_true(err.count >= 1);
        assert_int_equal(err.items[0].code, cases[i].code);
        assert_int_equal(err.items[0].line, cases[i].line);
        assert_int_equal(err.items[0].col, cases[i].col);
        if (!ok)
            assert_null(root);
        ynode_free(root);
        core_err_free(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ynode_marks_are_one_based),
        cmocka_unit_test(test_ynode_columns_count_characters),
        cmocka_unit_test(test_ynode_duplicate_key_dropped),
        cmocka_unit_test(test_ynode_nulls),
        cmocka_unit_test(test_ynode_empty_document),
        cmocka_unit_test(test_ynode_refuses_bad_input),
    };
    return cmocka_run_group_tests_name("ynode", tests, NULL, NULL);
}
