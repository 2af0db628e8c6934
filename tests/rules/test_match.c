/* test_match.c: determinism, state hashing, the match record, undo and the save text. */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct fixture {
    ruleset *rs;
    match *m;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->rs = helper_ruleset();
    f->rs->scenarios[HS_SOLO].random_infections = 0; /* the script places its own */
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    match_free(f->m);
    ruleset_free(f->rs);
    free(f);
    return 0;
}

/* A short game with every kind of move (solo scenario: free turn order). */
static const char *const script[] = {
    "fac infect T06 usb # a second infection for the lesson",
    "start",
    "next",
    "fac flow hr 3 # draw attention to HR",
    "fac choose media_call # practice",
    "next",
    "note commander T03 suspect",
    "act researcher log_analysis sales",
    "act forensic preserve T01",
    "act commander contain T01",
    "time 540",
    "pass researcher",
    "pass forensic",
    "act notification press_statement",
    "pass notification",
    "pass commander",
    "next",
    "fac skip # quiet round",
    "next",
    "act forensic examine T06",
    "fac reveal T08 # teach a NAS",
    "fac time 60 # extended",
    "pass forensic",
};
#define SCRIPT_LEN (sizeof script / sizeof *script)

static match *new_match(fixture *f, int sc, uint64_t seed)
{
    game_setup su;
    setup_default(&su, f->rs, sc, seed);
    char why[RULES_WHY_MAX];
    match *m = match_new(f->rs, sc, &su, why, sizeof why);
    if (!m)
        fail_msg("match_new: %s", why);
    return m;
}

static void play_all(match *m, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char why[RULES_WHY_MAX];
        if (!match_play_line(m, lines[i], why, sizeof why))
            fail_msg("'%s': %s", lines[i], why);
    }
}

static void test_match_same_moves_same_hash(void **state)
{
    fixture *f = *state;
    f->m = new_match(f, HS_SOLO, 77);
    match *b = new_match(f, HS_SOLO, 77);
    for (size_t i = 0; i < SCRIPT_LEN; i++) {
        play_all(f->m, script + i, 1);
        play_all(b, script + i, 1);
        assert_true(state_equal(match_state(f->m), match_state(b)));
        assert_int_equal(state_hash(match_state(f->m)), state_hash(match_state(b)));
    }
    match_free(b);
}

static void test_match_different_seeds_differ(void **state)
{
    fixture *f = *state;
    uint64_t hashes[40];
    for (int i = 0; i < 40; i++) {
        game_state *s = helper_new(f->rs, HS_SOLO, (uint64_t)i + 1000);
        hashes[i] = state_hash(s);
        for (int j = 0; j < i; j++)
            assert_true(hashes[j] != hashes[i]);
        state_free(s);
    }
}

static void test_match_dup_and_equal(void **state)
{
    fixture *f = *state;
    game_state *s = helper_new(f->rs, HS_TEST, 3);
    helper_begin(s, NULL);
    game_state *d = state_dup(s);
    assert_true(state_equal(s, d));
    assert_int_equal(state_hash(s), state_hash(d));
    helper_do(d, NULL, "act commander report");
    assert_false(state_equal(s, d));
    assert_true(state_hash(s) != state_hash(d));
    /* Applying to a read-only state leaves it unchanged. */
    move m;
    char why[RULES_WHY_MAX];
    assert_true(move_parse(s, "act commander report", &m, why, sizeof why));
    uint64_t before = state_hash(s);
    game_state *n = rules_apply(s, &m, NULL, NULL, why, sizeof why);
    assert_non_null(n);
    assert_int_equal(state_hash(s), before);
    assert_true(state_equal(n, d));
    /* An illegal move gives NULL and a reason. */
    assert_true(move_parse(s, "act forensic examine T01", &m, why, sizeof why));
    assert_null(rules_apply(s, &m, NULL, NULL, why, sizeof why));
    assert_string_equal(why, "it is Commander's turn");
    assert_false(rules_apply_inplace(s, &m, NULL, NULL, NULL, 0));
    assert_int_equal(state_hash(s), before);
    state_free(n);
    state_free(d);
    state_free(s);
}

static void test_match_setup_copy_is_canonical(void **state)
{
    fixture *f = *state;
    game_setup a, b;
    setup_default(&a, f->rs, HS_TEST, 9);
    setup_default(&b, f->rs, HS_TEST, 9);
    memset(b.player[0] + 7, 'Z', sizeof b.player[0] - 8); /* junk after the name's NUL */
    memset(b.player[5], 'Q', sizeof b.player[5]);         /* junk in an unused slot */
    char why[RULES_WHY_MAX];
    game_state *sa = state_new(f->rs, HS_TEST, &a, why, sizeof why);
    game_state *sb = state_new(f->rs, HS_TEST, &b, why, sizeof why);
    assert_true(state_equal(sa, sb));
    assert_int_equal(state_hash(sa), state_hash(sb));
    state_free(sa);
    state_free(sb);
}

static void test_match_save_load_roundtrip(void **state)
{
    fixture *f = *state;
    f->m = new_match(f, HS_SOLO, 1234567890123ULL);
    play_all(f->m, script, SCRIPT_LEN);
    char *text = match_save_text(f->m);
    const char *head = "malcon-save 1\n"
                       "content 0123456789abcdef\n"
                       "scenario solo\n"
                       "seed 1234567890123\n"
                       "mode solo\n"
                       "option private off\n"
                       "option open off\n"
                       "player Player commander researcher forensic notification\n"
                       "moves\n"
                       "fac infect T06 usb # a second infection for the lesson\n"
                       "start\n";
    assert_memory_equal(text, head, strlen(head));
    bool mismatch = true;
    char why[RULES_WHY_MAX] = "";
    match *b = match_load_text(f->rs, text, &mismatch, why, sizeof why);
    if (!b)
        fail_msg("load: %s", why);
    assert_false(mismatch);
    assert_int_equal(match_moves(b), SCRIPT_LEN);
    assert_int_equal(state_hash(match_state(b)), state_hash(match_state(f->m)));
    assert_true(state_equal(match_state(b), match_state(f->m)));
    char *again = match_save_text(b);
    assert_string_equal(text, again);
    assert_int_equal(match_log(b)->count, match_log(f->m)->count);
    free(again);
    free(text);
    match_free(b);
}

static void test_match_player_names_and_roles(void **state)
{
    fixture *f = *state;
    game_setup su;
    setup_default(&su, f->rs, HS_TEST, 5);
    su.n_players = 3;
    snprintf(su.player[0], sizeof su.player[0], "Ana Maria");
    snprintf(su.player[1], sizeof su.player[1], "100%% sure");
    snprintf(su.player[2], sizeof su.player[2], "山田 太郎");
    su.holds[0] = 1u << ruleset_role(f->rs, "commander");
    su.holds[1] =
        (1u << ruleset_role(f->rs, "researcher")) | (1u << ruleset_role(f->rs, "forensic"));
    su.holds[2] = 1u << ruleset_role(f->rs, "notification");
    su.open_info = true;
    char why[RULES_WHY_MAX];
    f->m = match_new(f->rs, HS_TEST, &su, why, sizeof why);
    assert_non_null(f->m);
    char *text = match_save_text(f->m);
    assert_non_null(strstr(text, "player Ana%20Maria commander\n"));
    assert_non_null(strstr(text, "player 100%25%20sure researcher forensic\n"));
    assert_non_null(strstr(text, "player 山田%20太郎 notification\n"));
    assert_non_null(strstr(text, "mode workshop\noption private on\noption open on\n"));
    match *b = match_load_text(f->rs, text, NULL, why, sizeof why);
    assert_non_null(b);
    const game_setup *lb = state_setup(match_state(b));
    assert_int_equal(lb->n_players, 3);
    assert_string_equal(lb->player[0], "Ana Maria");
    assert_string_equal(lb->player[1], "100% sure");
    assert_string_equal(lb->player[2], "山田 太郎");
    assert_true(lb->open_info);
    assert_int_equal(state_hash(match_state(b)), state_hash(match_state(f->m)));
    match_free(b);
    free(text);
}

static void test_match_action_script(void **state)
{
    fixture *f = *state;
    const char *text = "; a hand-written action script: header lines left out take defaults\n"
                       "scenario solo\n"
                       "seed 42\n"
                       "\n"
                       "start\n"
                       "  next  \r\n"
                       "; comments anywhere\n"
                       "next\n"
                       "act commander report\n";
    char why[RULES_WHY_MAX] = "";
    bool mismatch = false;
    f->m = match_load_text(f->rs, text, &mismatch, why, sizeof why);
    if (!f->m)
        fail_msg("load: %s", why);
    assert_false(mismatch); /* no content line: nothing to compare */
    assert_int_equal(match_moves(f->m), 4);
    match *b = new_match(f, HS_SOLO, 42);
    play_all(b, (const char *const[]){"start", "next", "next", "act commander report"}, 4);
    assert_int_equal(state_hash(match_state(f->m)), state_hash(match_state(b)));
    assert_int_equal(state_setup(match_state(f->m))->mode, MODE_SOLO);
    match_free(b);
}

static void test_match_load_errors(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        const char *why;
    } cases[] = {
        {"malcon-save 2\nscenario test\n", "line 1: unsupported save version"},
        {"scenario nowhere\n", "line 1: unknown scenario 'nowhere'"},
        {"seed 42\nstart\n", "line 2: no 'scenario' line before the moves"},
        {"seed 42\n", "line 2: no 'scenario' line"},
        {"scenario test\nseed forty\n", "line 2: 'seed' takes a number"},
        {"scenario test\nseed 99999999999999999999\n", "line 2: the seed is too large"},
        {"scenario test\nmode party\n", "line 2: 'mode' is workshop or solo"},
        {"scenario test\noption loud on\n", "line 2: unknown option 'loud'"},
        {"scenario test\noption open maybe\n", "line 2: 'option' takes a name and on or off"},
        {"scenario test\nplayer Bob\n", "line 2: 'player' takes a name and at least one role"},
        {"scenario test\nplayer Bob wizard\n", "line 2: unknown role 'wizard'"},
        {"scenario test\nplayer Bob%2 commander\n", "line 2: bad %-escape"},
        {"scenario test\nplayer Bob commander\nmoves\n", "line 3: no player holds researcher"},
        {"scenario test\ncontent 12\n", "line 2: 'content' takes a 16-digit hex hash"},
        {"scenario test\nmoves\nstart\nnext\nnext\nact forensic examine T01\n",
         "line 6: it is Commander's turn"},
        {"scenario test\nstart\nstrat\n", "line 3: unknown move 'strat' (did you mean 'start'?)"},
        {"scenario test\nmoves\nmoves\n", "line 3: unknown move 'moves'"},
        /* not UTF-8: refused where it is, never shown as garbage */
        {"scenario test\nplayer Ab\xff commander\n", "line 2: invalid UTF-8 at column 10"},
        /* an escape that decodes to a byte the text could not hold (found by fuzz_save: the
         * name loaded, then its save did not load back) */
        {"scenario test\nplayer Ben%ecover commander\n",
         "line 2: a player name is not UTF-8 text once decoded"},
        {"scenario test\nmoves\nfac cure T01 # 理由\xe3\x81\n",
         "line 3: invalid UTF-8 at column 18"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char why[RULES_WHY_MAX] = "";
        match *m = match_load_text(f->rs, cases[i].text, NULL, why, sizeof why);
        if (m) {
            match_free(m);
            fail_msg("case %zu loaded", i);
        }
        if (!strstr(why, cases[i].why))
            fail_msg("case %zu: '%s' lacks '%s'", i, why, cases[i].why);
    }
    char why[RULES_WHY_MAX];
    assert_null(match_load_text(f->rs, NULL, NULL, why, sizeof why));
}

static void test_match_hash_mismatch(void **state)
{
    fixture *f = *state;
    bool mismatch = false;
    char why[RULES_WHY_MAX];
    f->m = match_load_text(f->rs, "content 00000000000000ff\nscenario test\nseed 1\n", &mismatch,
                           why, sizeof why);
    assert_non_null(f->m);
    assert_true(mismatch);
    assert_int_equal(match_moves(f->m), 0);
}

static void test_match_undo(void **state)
{
    fixture *f = *state;
    f->m = new_match(f, HS_SOLO, 8);
    char why[RULES_WHY_MAX];
    assert_false(match_can_undo(f->m));
    assert_false(match_undo(f->m));
    play_all(f->m, (const char *const[]){"start", "next", "next"}, 3);
    assert_false(match_can_undo(f->m)); /* "next" drew the event: never taken back */
    uint64_t before = state_hash(match_state(f->m));
    size_t log_before = match_log(f->m)->count;
    play_all(f->m, (const char *const[]){"act commander report"}, 1);
    assert_true(match_can_undo(f->m));
    assert_true(match_undo(f->m));
    assert_int_equal(state_hash(match_state(f->m)), before);
    assert_int_equal(match_log(f->m)->count, log_before);
    assert_int_equal(match_moves(f->m), 3);
    /* Examining reveals a hidden fact: no undo. */
    play_all(f->m, (const char *const[]){"act forensic examine T03"}, 1);
    assert_false(match_can_undo(f->m));
    assert_false(match_undo(f->m));
    /* Passes, notes and the clock are undoable; the pass that ends the round is not. */
    play_all(f->m,
             (const char *const[]){"note researcher T03 cleared", "time 500", "pass researcher",
                                   "pass forensic", "pass commander"},
             5);
    assert_true(match_can_undo(f->m));
    assert_true(match_undo(f->m));
    assert_true(match_undo(f->m));
    assert_true(match_undo(f->m));
    assert_true(match_undo(f->m));
    assert_true(match_undo(f->m));
    assert_false(match_can_undo(f->m));
    play_all(f->m,
             (const char *const[]){"pass researcher", "pass forensic", "pass commander",
                                   "pass notification"},
             4);
    assert_false(match_can_undo(f->m));
    /* An illegal move changes nothing. */
    size_t n = match_moves(f->m);
    assert_false(match_play_line(f->m, "act forensic examine T03", why, sizeof why));
    assert_int_equal(match_moves(f->m), n);
}

static void test_match_history(void **state)
{
    fixture *f = *state;
    f->m = new_match(f, HS_SOLO, 8);
    play_all(f->m, script, SCRIPT_LEN);
    assert_int_equal(match_moves(f->m), SCRIPT_LEN);
    game_state *s = helper_new(f->rs, HS_SOLO, 8);
    assert_true(state_equal(match_state_at(f->m, (size_t)-1), s));
    for (size_t i = 0; i < SCRIPT_LEN; i++) {
        assert_string_equal(match_move_line(f->m, i), script[i]);
        helper_do(s, NULL, script[i]);
        assert_true(state_equal(match_state_at(f->m, i), s));
        assert_true(match_log_start(f->m, i) <= match_log_start(f->m, i + 1));
    }
    assert_int_equal(match_log_start(f->m, SCRIPT_LEN), match_log(f->m)->count);
    /* "start" logged LOG_START first. */
    const log_buf *log = match_log(f->m);
    assert_int_equal(log->items[match_log_start(f->m, 1)].type, LOG_START);
    state_free(s);
}

static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* Mutated save texts (bytes changed, lines cut, lines dropped) never crash the loader: it
 * either loads or says which line is wrong. */
static void test_match_load_never_crashes(void **state)
{
    fixture *f = *state;
    f->m = new_match(f, HS_SOLO, 31);
    play_all(f->m, script, SCRIPT_LEN);
    char *text = match_save_text(f->m);
    size_t len = strlen(text);
    char *buf = malloc(len + 1);
    uint32_t x = 7;
    int loaded = 0;
    for (int i = 0; i < 3000; i++) {
        memcpy(buf, text, len + 1);
        size_t n = len;
        int edits = 1 + (int)(lcg(&x) % 4);
        for (int e = 0; e < edits && n > 0; e++) {
            size_t at = lcg(&x) % n;
            switch (lcg(&x) % 4) {
            case 0:
                buf[at] = (char)(1 + lcg(&x) % 255);
                break;
            case 1:
                buf[at] = '\n';
                break;
            case 2: { /* drop the rest of this line */
                char *nl = strchr(buf + at, '\n');
                if (nl)
                    memmove(buf + at, nl, strlen(nl) + 1);
                n = strlen(buf);
                break;
            }
            default:
                n = at;
                buf[n] = '\0';
            }
        }
        char why[RULES_WHY_MAX] = "";
        match *m = match_load_text(f->rs, buf, NULL, why, sizeof why);
        if (m) {
            loaded++;
            char *again = match_save_text(m);
            match *b = match_load_text(f->rs, again, NULL, why, sizeof why);
            assert_non_null(b);
            assert_int_equal(state_hash(match_state(b)), state_hash(match_state(m)));
            match_free(b);
            free(again);
            match_free(m);
        } else {
            assert_int_equal(strncmp(why, "line ", 5), 0);
        }
    }
    assert_true(loaded > 0);
    free(buf);
    free(text);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_match_same_moves_same_hash),
        T(test_match_different_seeds_differ),
        T(test_match_dup_and_equal),
        T(test_match_setup_copy_is_canonical),
        T(test_match_save_load_roundtrip),
        T(test_match_player_names_and_roles),
        T(test_match_action_script),
        T(test_match_load_errors),
        T(test_match_hash_mismatch),
        T(test_match_undo),
        T(test_match_history),
        T(test_match_load_never_crashes),
    };
#undef T
    return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}
