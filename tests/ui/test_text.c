/* test_text.c: tests of the shared text layout (word wrap, CJK wrap, kinsoku, newline, ellipsis).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* A predictable measure: 10 px per ASCII byte, 20 px per other character (the recorder's rule
 * at 20 px). */
static int measure10(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    return text_approx_width(s, n, 20);
}

/* Lays text out and returns the lines joined with '|' (ellipsis shown as "…"). Caller frees. */
static char *lay(const char *text, int w, int h, bool wrap, bool ellipsis)
{
    text_lines lines = {0};
    text_box box = {w, h, 10, wrap, ellipsis};
    text_layout(&lines, text, &box, measure10, NULL);
    size_t cap = strlen(text) + 8 * (lines.n + 1) + 1;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < lines.n; i++) {
        char *l = text_line_dup(text, &lines.items[i]);
        if (i)
            strcat(out, "|");
        strcat(out, l);
        free(l);
        if (w > 0 && (ellipsis || !wrap))
            assert_true(lines.items[i].w <= w || !ellipsis);
    }
    text_lines_free(&lines);
    return out;
}

static void expect(const char *text, int w, int h, bool wrap, bool ellipsis, const char *want)
{
    char *got = lay(text, w, h, wrap, ellipsis);
    if (strcmp(got, want) != 0)
        print_error("layout of \"%s\" in %d x %d: got \"%s\", want \"%s\"\n", text, w, h, got,
                    want);
    assert_string_equal(got, want);
    free(got);
}

static void test_text_latin_wraps_by_word(void **st)
{
    (void)st;
    /* 10 px per letter: 100 px hold 10 characters. */
    expect("the quick brown fox jumps", 100, 0, true, false, "the quick|brown fox|jumps");
    /* Several spaces stay with the line they end and never start the next. */
    expect("aaaa    bbbb", 60, 0, true, false, "aaaa|bbbb");
    /* A hyphen is a break opportunity. */
    expect("incident-response", 100, 0, true, false, "incident-|response");
    /* Fits: one line. */
    expect("short", 100, 0, true, false, "short");
}

static void test_text_long_word_breaks_between_characters(void **st)
{
    (void)st;
    expect("abcdefghijklmnop", 50, 0, true, false, "abcde|fghij|klmno|p");
    /* A box narrower than one character still advances one character per line. */
    expect("abc", 5, 0, true, false, "a|b|c");
}

static void test_text_cjk_wraps_by_character(void **st)
{
    (void)st;
    /* 20 px per character: 80 px hold four. */
    expect("端末を調査する", 80, 0, true, false, "端末を調|査する");
    /* Latin inside Japanese stays whole ("C2" is one word); CJK breaks anywhere. */
    expect("C2通信", 30, 0, true, false, "C2|通|信");
    expect("C2通信遮断", 80, 0, true, false, "C2通信遮|断");
}

static void test_text_kinsoku(void **st)
{
    (void)st;
    /* "。" may not start a line: the break moves one character earlier. */
    expect("調査する。確認", 80, 0, true, false, "調査す|る。確認");
    /* Neither may "、" nor a closing bracket. */
    expect("感染端末、隔離", 80, 0, true, false, "感染端|末、隔離");
    expect("証拠（メモリ）保全", 120, 0, true, false, "証拠（メモ|リ）保全");
    /* An opening bracket may not end a line. */
    expect("あいう「再起動」", 80, 0, true, false, "あいう|「再起|動」");
    assert_true(text_no_line_start(0x3002));  /* 。 */
    assert_true(text_no_line_start(0x3001));  /* 、 */
    assert_true(text_no_line_start(0x300D));  /* 」 */
    assert_true(text_no_line_start(0xFF09));  /* ） */
    assert_true(text_no_line_start(0x3063));  /* っ */
    assert_false(text_no_line_start(0x3042)); /* あ */
    assert_true(text_no_line_end(0x300C));    /* 「 */
    assert_true(text_no_line_end(0xFF08));    /* （ */
    assert_false(text_no_line_end(0x3002));
}

static void test_text_newline_is_honoured(void **st)
{
    (void)st;
    expect("one\ntwo", 0, 0, false, false, "one|two");
    expect("one\n\nthree", 0, 0, false, false, "one||three");
    expect("line\n", 0, 0, false, false, "line"); /* a final newline adds no empty line */
    expect("ab cd\nef", 30, 0, true, false, "ab|cd|ef");
    expect("crlf\r\nok", 0, 0, false, false, "crlf|ok");
    expect("", 100, 100, true, true, "");
}

static void test_text_ellipsis_cuts_width_and_height(void **st)
{
    (void)st;
    /* No wrap: the line is cut to fit with the ellipsis (20 px wide here). */
    expect("abcdefghij", 60, 0, false, true, "abcd…");
    /* It fits: untouched. */
    expect("abcdef", 60, 0, false, true, "abcdef");
    /* Wrap in a box two lines high: the second line takes the ellipsis. */
    expect("the quick brown fox jumps", 100, 20, true, true, "the quick|brown fo…");
    expect("the quick brown fox jumps", 110, 20, true, true, "the quick|brown fox…");
    /* The last line is cut further when the ellipsis would not fit after it. */
    expect("aaaaaaaaa bbbbbbbbb ccc", 100, 20, true, true, "aaaaaaaaa|bbbbbbbb…");
    /* CJK. */
    expect("端末を調査して感染を確認する", 80, 20, true, true, "端末を調|査して…");
    /* A newline that leads past the box is cut too. */
    expect("one\ntwo\nthree", 100, 20, false, true, "one|two…");
    /* Without ellipsis every line is laid out even when it spills below the box. */
    expect("one\ntwo\nthree", 100, 20, false, false, "one|two|three");
    /* A box lower than one line still shows one line. */
    expect("abc def", 100, 5, true, true, "abc def");
}

static void test_text_utf8_decoding_is_safe(void **st)
{
    (void)st;
    const char bad[] = "a\xff\xe3\x81";
    size_t i = 0, n = sizeof bad - 1;
    assert_int_equal(text_utf8_next(bad, n, &i), 'a');
    assert_int_equal(text_utf8_next(bad, n, &i), 0xFFFD);
    assert_int_equal(i, 2);
    assert_int_equal(text_utf8_next(bad, n, &i), 0xFFFD); /* truncated sequence: one byte */
    assert_int_equal(i, 3);
    const char ok[] = "\xe7\xab\xaf"; /* 端 */
    i = 0;
    assert_int_equal(text_utf8_next(ok, 3, &i), 0x7AEF);
    assert_int_equal(i, 3);
    /* Overlong encodings are refused. */
    const char overlong[] = "\xc0\xaf";
    i = 0;
    assert_int_equal(text_utf8_next(overlong, 2, &i), 0xFFFD);
    /* Layout of broken text terminates and keeps every byte. */
    char *got = lay("ab\xff\xfe cd", 30, 0, true, false);
    assert_non_null(got);
    free(got);
}

static void test_text_metrics_helpers(void **st)
{
    (void)st;
    assert_int_equal(text_line_height(10), 13);
    assert_int_equal(text_line_height(28), 37);
    assert_true(text_line_height(18) > 18);
    assert_int_equal(text_approx_width("ab", 2, 20), 20);
    assert_int_equal(text_approx_width("端末", 6, 20), 40);
    assert_true(text_is_cjk(0x7AEF));
    assert_true(text_is_cjk(0x30A2)); /* ア */
    assert_false(text_is_cjk('A'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_latin_wraps_by_word),
        cmocka_unit_test(test_text_long_word_breaks_between_characters),
        cmocka_unit_test(test_text_cjk_wraps_by_character),
        cmocka_unit_test(test_text_kinsoku),
        cmocka_unit_test(test_text_newline_is_honoured),
        cmocka_unit_test(test_text_ellipsis_cuts_width_and_height),
        cmocka_unit_test(test_text_utf8_decoding_is_safe),
        cmocka_unit_test(test_text_metrics_helpers),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
