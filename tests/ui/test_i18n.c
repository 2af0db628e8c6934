/* test_i18n.c: tests of the PO catalogue reader and the string lookup. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "i18n.h"

static const char po_header[] = "msgid \"\"\n"
                                "msgstr \"\"\n"
                                "\"Language: ja\\n\"\n"
                                "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                "\n";

/* Parses header + body; prints the reader's errors when it fails. */
static i18n *parse(const char *body, core_err *err)
{
    size_t n = strlen(po_header) + strlen(body);
    char *text = malloc(n + 1);
    strcpy(text, po_header);
    strcat(text, body);
    i18n *t = i18n_parse(text, n, "test.po", err);
    free(text);
    return t;
}

static void print_errors(const core_err *err)
{
    for (size_t i = 0; i < err->count; i++) {
        char *m = core_err_format(err, i);
        print_message("%s\n", m);
        free(m);
    }
}

static void test_i18n_basic_lookup_and_fallback(void **st)
{
    (void)st;
    core_err err = {0};
    i18n *t = parse("#: src/app/title.c\n"
                    "msgid \"New game\"\n"
                    "msgstr \"新しいゲーム\"\n"
                    "\n"
                    "msgid \"Quit\"\n"
                    "msgstr \"終了\"\n",
                    &err);
    print_errors(&err);
    assert_non_null(t);
    assert_int_equal(core_err_errors(&err), 0);
    assert_int_equal(i18n_count(t), 2);
    assert_string_equal(i18n_get(t, "New game"), "新しいゲーム");
    assert_string_equal(i18n_get(t, "Quit"), "終了");
    /* Unknown strings come back as they are (the English). */
    const char *id = "Not translated";
    assert_ptr_equal(i18n_get(t, id), id);
    /* No catalogue (English play) is the same as an empty one. */
    assert_ptr_equal(i18n_get(NULL, id), id);
    assert_string_equal(i18n_get(t, ""), "");
    i18n_free(t);
    i18n_free(NULL);
    core_err_free(&err);
}

static void test_i18n_context_separates_meanings(void **st)
{
    (void)st;
    core_err err = {0};
    i18n *t = parse("msgctxt \"track\"\n"
                    "msgid \"Trust\"\n"
                    "msgstr \"信頼\"\n"
                    "\n"
                    "msgctxt \"button\"\n"
                    "msgid \"Trust\"\n"
                    "msgstr \"信頼する\"\n"
                    "\n"
                    "msgid \"Trust\"\n"
                    "msgstr \"トラスト\"\n",
                    &err);
    print_errors(&err);
    assert_non_null(t);
    assert_string_equal(i18n_pget(t, "track", "Trust"), "信頼");
    assert_string_equal(i18n_pget(t, "button", "Trust"), "信頼する");
    assert_string_equal(i18n_get(t, "Trust"), "トラスト");
    assert_string_equal(i18n_pget(t, NULL, "Trust"), "トラスト");
    assert_string_equal(i18n_pget(t, "other", "Trust"), "Trust");
    /* The entries can be walked with their contexts. */
    size_t with_ctx = 0;
    for (size_t i = 0; i < i18n_count(t); i++) {
        const char *ctx, *id, *str;
        i18n_entry(t, i, &ctx, &id, &str);
        assert_string_equal(id, "Trust");
        with_ctx += ctx != NULL;
        if (ctx && strcmp(ctx, "track") == 0)
            assert_string_equal(str, "信頼");
    }
    assert_int_equal(with_ctx, 2);
    i18n_free(t);
    core_err_free(&err);
}

static void test_i18n_multiline_and_escapes(void **st)
{
    (void)st;
    core_err err = {0};
    i18n *t = parse("msgid \"\"\n"
                    "\"Two \"\n"
                    "\"lines\\nhere\"\n"
                    "msgstr \"\"\n"
                    "\"二行\\n\"\n"
                    "    \"です\"\n"
                    "\n"
                    "msgid \"Say \\\"hi\\\" \\\\ tab\\there\"\n"
                    "msgstr \"「やあ」\\\\\\tタブ\"\n",
                    &err);
    print_errors(&err);
    assert_non_null(t);
    assert_string_equal(i18n_get(t, "Two lines\nhere"), "二行\nです");
    assert_string_equal(i18n_get(t, "Say \"hi\" \\ tab\there"), "「やあ」\\\tタブ");
    i18n_free(t);
    core_err_free(&err);
}

static void test_i18n_skips_fuzzy_obsolete_untranslated(void **st)
{
    (void)st;
    core_err err = {0};
    i18n *t = parse("#, fuzzy\n"
                    "msgid \"Fuzzy\"\n"
                    "msgstr \"あいまい\"\n"
                    "\n"
                    "#, c-format\n"
                    "msgid \"Round %d\"\n"
                    "msgstr \"ラウンド %d\"\n"
                    "\n"
                    "msgid \"Empty\"\n"
                    "msgstr \"\"\n"
                    "\n"
                    "#~ msgid \"Old\"\n"
                    "#~ msgstr \"古い\"\n"
                    "\n"
                    "#| msgid \"Previous\"\n"
                    "msgid \"Current\"\n"
                    "msgstr \"現在\"\n"
                    "\n"
                    "msgid \"One file\"\n"
                    "msgid_plural \"%d files\"\n"
                    "msgstr[0] \"%d ファイル\"\n",
                    &err);
    print_errors(&err);
    assert_non_null(t);
    assert_string_equal(i18n_get(t, "Fuzzy"), "Fuzzy");
    assert_string_equal(i18n_get(t, "Round %d"), "ラウンド %d"); /* other flags are fine */
    assert_string_equal(i18n_get(t, "Empty"), "Empty");
    assert_string_equal(i18n_get(t, "Old"), "Old");
    assert_string_equal(i18n_get(t, "Current"), "現在");
    assert_string_equal(i18n_get(t, "One file"), "%d ファイル");
    assert_int_equal(i18n_count(t), 3);
    i18n_free(t);
    core_err_free(&err);
}

/* One malformed catalogue per row: the reader reports it at the right line. */
static void test_i18n_reports_errors_with_lines(void **st)
{
    (void)st;
    static const struct {
        const char *body;
        int line; /* in the body; the header has 5 lines */
        const char *msg;
    } rows[] = {
        {"msgid \"a\"\nmsgstr \"unterminated\n", 2, "unterminated string"},
        {"msgid \"a\"\nmsgstr \"bad \\q escape\"\n", 2, "unknown escape"},
        {"msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", 0, "duplicate msgid"},
        {"msgid \"a\"\n", 2, "msgid without msgstr"},
        {"msgstr \"x\"\n", 1, "msgstr without msgid"},
        {"msgid \"a\"\nmsgstr \"x\" junk\n", 2, "unexpected text"},
        {"msgfoo \"a\"\n", 1, "unknown keyword"},
        {"msgid \"a\"\nmsgstr \"\xff\"\n", 1, "invalid UTF-8"},
        {"msgid \"a\"\nmsgstr[0] \"x\"\n", 2, "bad msgstr[n]"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        core_err err = {0};
        i18n *t = parse(rows[i].body, &err);
        if (t || err.count == 0)
            fail_msg("row %zu: no error for %s", i, rows[i].body);
        char *m = core_err_format(&err, 0);
        if (!strstr(m, rows[i].msg))
            fail_msg("row %zu: got \"%s\", want \"%s\"", i, m, rows[i].msg);
        if (rows[i].line && err.items[0].line != rows[i].line + 5)
            fail_msg("row %zu: error at line %d, want %d (%s)", i, err.items[0].line,
                     rows[i].line + 5, m);
        assert_string_equal(err.items[0].file, "test.po");
        free(m);
        core_err_free(&err);
    }
}

static void test_i18n_refuses_other_charsets(void **st)
{
    (void)st;
    const char *po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=EUC-JP\\n\"\n";
    core_err err = {0};
    assert_null(i18n_parse(po, strlen(po), "euc.po", &err));
    assert_true(core_err_errors(&err) > 0);
    core_err_free(&err);
}

static void test_i18n_load_missing_file(void **st)
{
    (void)st;
    core_err err = {0};
    assert_null(i18n_load("/nonexistent/ja.po", &err));
    assert_int_equal(err.items[0].code, ERR_IO);
    core_err_free(&err);
}

/* A named pipe where the catalogue should be (a hostile content pack) is refused at once:
 * opening it would wait for a writer forever. */
static void test_i18n_load_refuses_a_pipe(void **st)
{
    (void)st;
    char dir[] = "/tmp/malcon-i18n-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/ja.po", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    core_err err = {0};
    assert_null(i18n_load(path, &err));
    assert_int_equal(err.items[0].code, ERR_IO);
    assert_non_null(strstr(err.items[0].msg, "not a regular file"));
    core_err_free(&err);
    remove(path);
    rmdir(dir);
}

static void test_i18n_load_from_file_round_trip(void **st)
{
    (void)st;
    char path[] = "/tmp/malcon_i18n_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(po_header, f);
    fputs("msgid \"Settings\"\r\nmsgstr \"設定\"\r\n", f); /* CRLF, as Windows editors save */
    fclose(f);
    core_err err = {0};
    i18n *t = i18n_load(path, &err);
    print_errors(&err);
    assert_non_null(t);
    assert_string_equal(i18n_get(t, "Settings"), "設定");
    i18n_free(t);
    core_err_free(&err);
    remove(path);
}

static void test_i18n_shipped_catalogue_loads(void **st)
{
    (void)st;
    core_err err = {0};
    i18n *t = i18n_load(MALCON_TEST_CONTENT "/assets/i18n/ja.po", &err);
    print_errors(&err);
    assert_non_null(t);
    assert_int_equal(core_err_errors(&err), 0);
    /* Every entry kept translates to something other than the English, with the same printf
     * conversions (a screen formats the translation with the English's arguments). */
    for (size_t i = 0; i < i18n_count(t); i++) {
        const char *id, *str;
        i18n_entry(t, i, NULL, &id, &str);
        assert_true(*str);
        char a[16] = {0}, b[16] = {0};
        size_t na = 0, nb = 0;
        for (const char *p = id; *p && na < 15; p++)
            if (p[0] == '%' && p[1]) {
                a[na++] = p[1] == '%' ? '%' : p[1];
                p++;
            }
        for (const char *p = str; *p && nb < 15; p++)
            if (p[0] == '%' && p[1]) {
                b[nb++] = p[1] == '%' ? '%' : p[1];
                p++;
            }
        if (strcmp(a, b) != 0)
            fail_msg("ja.po: \"%s\" -> \"%s\": the %% conversions differ", id, str);
    }
    i18n_free(t);
    core_err_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_i18n_basic_lookup_and_fallback),
        cmocka_unit_test(test_i18n_context_separates_meanings),
        cmocka_unit_test(test_i18n_multiline_and_escapes),
        cmocka_unit_test(test_i18n_skips_fuzzy_obsolete_untranslated),
        cmocka_unit_test(test_i18n_reports_errors_with_lines),
        cmocka_unit_test(test_i18n_refuses_other_charsets),
        cmocka_unit_test(test_i18n_load_missing_file),
        cmocka_unit_test(test_i18n_load_refuses_a_pipe),
        cmocka_unit_test(test_i18n_load_from_file_round_trip),
        cmocka_unit_test(test_i18n_shipped_catalogue_loads),
    };
    return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
