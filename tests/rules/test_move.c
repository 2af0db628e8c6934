/* test_move.c: move lines: parse/format round trips, canonical form, bad lines, noise. */
#include "helper_ruleset.h"

#include "core.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef helper_fixture fixture;

static int setup(void **state)
{
    helper_setup(state);
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 7);
    return 0;
}

static void assert_moves_equal(const move *a, const move *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->role, b->role);
    assert_int_equal(a->action, b->action);
    assert_int_equal(a->target[0], b->target[0]);
    assert_int_equal(a->target[1], b->target[1]);
    assert_int_equal(a->value, b->value);
    assert_int_equal(a->event, b->event);
    assert_string_equal(a->reason, b->reason);
}

/* Parses line (must succeed), checks format == expected and parse(format) == the move. */
static void check_roundtrip(const game_state *s, const char *line, const char *expected,
                            move_kind kind)
{
    move m, m2;
    char why[RULES_WHY_MAX] = "";
    if (!move_parse(s, line, &m, why, sizeof why))
        fail_msg("'%s' did not parse: %s", line, why);
    assert_int_equal(m.kind, kind);
    char *text = move_format(s, &m);
    assert_string_equal(text, expected);
    assert_true(move_parse(s, text, &m2, why, sizeof why));
    assert_moves_equal(&m, &m2);
    free(text);
}

static void test_move_roundtrip_every_kind(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *line;
        move_kind kind;
    } cases[] = {
        {"start", MV_START},
        {"next", MV_NEXT},
        {"briefing", MV_BRIEFING},
        {"act forensic examine T03", MV_ACT},
        {"act researcher log_analysis sales", MV_ACT},
        {"act commander direct researcher", MV_ACT},
        {"act commander report", MV_ACT},
        {"act incident_handler coordinate commander researcher", MV_ACT},
        {"pass notification", MV_PASS},
        {"note commander T03 suspect", MV_NOTE},
        {"note researcher hr watch", MV_NOTE},
        {"note forensic T01 none", MV_NOTE},
        {"time 120", MV_TIME},
        {"fac infect T03 driveby # teaching the drive-by route", MV_FAC_INFECT},
        {"fac cure T01", MV_FAC_CURE},
        {"fac flow sales 5 # show more traffic", MV_FAC_FLOW},
        {"fac choose phishing_wave", MV_FAC_CHOOSE},
        {"fac skip # too hard for beginners", MV_FAC_SKIP},
        {"fac inject media_call # 説明のため", MV_FAC_INJECT},
        {"fac reveal T05 # demo", MV_FAC_REVEAL},
        {"fac time 60 # extended the meeting", MV_FAC_TIME},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_roundtrip(f->s, cases[i].line, cases[i].line, cases[i].kind);
}

static void test_move_canonical_spacing(void **state)
{
    fixture *f = *state;
    check_roundtrip(f->s, "  act   forensic  examine\tT03  ", "act forensic examine T03", MV_ACT);
    check_roundtrip(f->s, "fac skip   #   why not  ", "fac skip # why not", MV_FAC_SKIP);
    check_roundtrip(f->s, "fac skip #", "fac skip", MV_FAC_SKIP);
    check_roundtrip(f->s, "fac skip#a # b", "fac skip # a # b", MV_FAC_SKIP);
    check_roundtrip(f->s, "\tnext\r\n", "next", MV_NEXT);
}

static void test_move_fields(void **state)
{
    fixture *f = *state;
    move m;
    char why[RULES_WHY_MAX];
    assert_true(move_parse(f->s, "act incident_handler coordinate forensic notification", &m, why,
                           sizeof why));
    assert_int_equal(m.role, helper_role(f->s, "incident_handler"));
    assert_int_equal(m.action, helper_action(f->s, "coordinate"));
    assert_int_equal(m.target[0], helper_role(f->s, "forensic"));
    assert_int_equal(m.target[1], helper_role(f->s, "notification"));
    assert_true(move_parse(f->s, "note commander hr suspect", &m, why, sizeof why));
    assert_int_equal(m.target[0], -1);
    assert_int_equal(m.target[1], helper_room(f->s, "hr"));
    assert_int_equal(m.value, MARK_SUSPECT);
    assert_true(move_parse(f->s, "fac infect T04 usb", &m, why, sizeof why));
    assert_int_equal(m.target[0], helper_term(f->s, "T04"));
    assert_int_equal(m.value, ROUTE_USB);
    assert_true(move_is_override(m.kind));
    assert_false(move_is_override(MV_ACT));
    assert_false(move_is_override(MV_TIME));
}

static void test_move_rejects_bad_lines(void **state)
{
    fixture *f = *state;
    char long_reason[300], long_line[700], long_word[100];
    memset(long_reason, 0, sizeof long_reason);
    strcpy(long_reason, "fac skip # ");
    memset(long_reason + strlen(long_reason), 'x', 200);
    memset(long_line, 'a', 600);
    long_line[600] = '\0';
    strcpy(long_word, "act ");
    memset(long_word + 4, 'w', 70);
    long_word[74] = '\0';
    const struct {
        const char *line;
        const char *why;
    } cases[] = {
        {"", "empty line"},
        {"   \t ", "empty line"},
        {"strat", "unknown move 'strat' (did you mean 'start'?)"},
        {"dance", "unknown move 'dance'"},
        {"start now", "'start' takes 0 arguments, not 1"},
        {"act", "'act' needs a role and an action"},
        {"act forensic", "'act' needs a role and an action"},
        {"act forensc examine T03", "unknown role 'forensc' (did you mean 'forensic'?)"},
        {"act forensic exmine T03", "unknown action 'exmine' (did you mean 'examine'?)"},
        {"act forensic examine", "examine takes a terminal"},
        {"act forensic examine T03 T04", "examine takes a terminal"},
        {"act forensic examine T99", "unknown terminal 'T99'"},
        {"act forensic examine t03", "(did you mean 'T03'?)"},
        {"act commander report T01", "report takes no target"},
        {"act researcher log_analysis salse", "unknown room 'salse' (did you mean 'sales'?)"},
        {"act incident_handler coordinate commander", "coordinate takes two roles"},
        {"pass", "'pass' takes 1 argument, not 0"},
        {"pass nobody", "unknown role 'nobody'"},
        {"note commander T03 sus", "unknown mark 'sus'"},
        {"note commander T03", "'note' takes 3 arguments, not 2"},
        {"note commander nowhere suspect", "unknown terminal or room 'nowhere'"},
        {"time -5", "'-5' is not a number"},
        {"time 999999", "999999 is out of range (0..86400)"},
        {"time 12x", "'12x' is not a number"},
        {"fac", "'fac' needs a facilitator move"},
        {"fac infct T01 mail", "unknown facilitator move 'infct' (did you mean 'infect'?)"},
        {"fac infect T01 email", "unknown route 'email' (did you mean 'mail'?)"},
        {"fac infect T01", "'fac infect' takes 2 arguments, not 1"},
        {"fac flow sales 1000", "1000 is out of range (0..999)"},
        {"fac choose nothing", "unknown event 'nothing'"},
        {"fac skip now", "'fac skip' takes 0 arguments, not 1"},
        {"next # because", "only facilitator moves take a reason"},
        {long_reason, "the reason is too long"},
        {"fac skip # a\x01z", "the reason has a control character"},
        {"fac skip # \xff\xfe", "the reason is not valid UTF-8"},
        {long_line, "the line is too long"},
        {"a b c d e f g h i", "too many words"},
        {long_word, "a word is too long"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        move m;
        char why[RULES_WHY_MAX] = "";
        if (move_parse(f->s, cases[i].line, &m, why, sizeof why))
            fail_msg("'%s' parsed", cases[i].line);
        if (!strstr(why, cases[i].why))
            fail_msg("'%s': reason '%s' lacks '%s'", cases[i].line, why, cases[i].why);
    }
    move m;
    char why[RULES_WHY_MAX];
    assert_false(move_parse(f->s, NULL, &m, why, sizeof why));
    assert_false(move_parse(f->s, "strat", &m, NULL, 0)); /* why may be NULL */
}

/* A small LCG so the noise is the same on every run. */
static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* Random bytes and mutated valid lines: parse never crashes; a failure always says why (in
 * valid UTF-8); a success always round-trips through the canonical form. */
static void test_move_never_crashes_on_noise(void **state)
{
    fixture *f = *state;
    static const char *const seeds[] = {"act forensic examine T03",
                                        "fac infect T03 driveby # why",
                                        "note commander hr watch",
                                        "act incident_handler coordinate commander researcher",
                                        "time 42",
                                        "fac flow sales 5 # x",
                                        "pass notification",
                                        "fac inject media_call"};
    uint32_t x = 12345;
    int parsed = 0;
    for (int i = 0; i < 20000; i++) {
        char line[160];
        size_t len;
        if (i % 2) {
            len = lcg(&x) % 100;
            for (size_t k = 0; k < len; k++) {
                uint32_t r = lcg(&x) % 4;
                line[k] = r == 0   ? (char)(lcg(&x) % 256)
                          : r == 1 ? ' '
                                   : (char)('a' + lcg(&x) % 26);
            }
        } else {
            const char *base = seeds[lcg(&x) % (sizeof seeds / sizeof *seeds)];
            len = strlen(base);
            memcpy(line, base, len);
            int edits = 1 + (int)(lcg(&x) % 3);
            for (int e = 0; e < edits && len > 0; e++) {
                size_t at = lcg(&x) % len;
                switch (lcg(&x) % 3) {
                case 0:
                    line[at] = (char)(lcg(&x) % 256);
                    break;
                case 1:
                    len = at;
                    break;
                default:
                    line[at] = ' ';
                }
            }
        }
        line[len] = '\0';
        move m, m2;
        char why[RULES_WHY_MAX] = "";
        if (move_parse(f->s, line, &m, why, sizeof why)) {
            parsed++;
            char *text = move_format(f->s, &m);
            assert_true(move_parse(f->s, text, &m2, why, sizeof why));
            assert_moves_equal(&m, &m2);
            char *again = move_format(f->s, &m2);
            assert_string_equal(text, again);
            free(text);
            free(again);
            /* Checking a parsed move is safe in any state, legal or not. */
            rules_check(f->s, &m, why, sizeof why);
        } else {
            assert_true(why[0] != '\0');
            assert_int_equal(core_utf8_check(why, strlen(why)), strlen(why));
        }
    }
    assert_true(parsed > 0);
}

static void test_move_mark_names(void **state)
{
    (void)state;
    for (int m = 0; m < MARK_COUNT; m++)
        assert_int_equal(rules_mark_from_name(rules_mark_name((mark)m)), m);
    assert_int_equal(rules_mark_from_name("maybe"), -1);
    assert_int_equal(rules_mark_from_name(NULL), -1);
    assert_null(rules_mark_name(MARK_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_move_roundtrip_every_kind, setup, helper_teardown),
        cmocka_unit_test_setup_teardown(test_move_canonical_spacing, setup, helper_teardown),
        cmocka_unit_test_setup_teardown(test_move_fields, setup, helper_teardown),
        cmocka_unit_test_setup_teardown(test_move_rejects_bad_lines, setup, helper_teardown),
        cmocka_unit_test_setup_teardown(test_move_never_crashes_on_noise, setup, helper_teardown),
        cmocka_unit_test(test_move_mark_names),
    };
    return cmocka_run_group_tests_name("move", tests, NULL, NULL);
}
