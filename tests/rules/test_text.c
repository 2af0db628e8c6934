/* test_text.c: log lines and effect descriptions in both languages, names, the effect table. */
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
    game_setup su;
    setup_default(&su, f->rs, HS_FULL, 1);
    su.n_players = 2;
    snprintf(su.player[1], sizeof su.player[1], "Aiko");
    su.holds[0] = 0x0fu; /* core roles */
    su.holds[1] = 0xf0u; /* expansion roles */
    char why[RULES_WHY_MAX];
    f->s = state_new(f->rs, HS_FULL, &su, why, sizeof why);
    assert_non_null(f->s);
    helper_do(f->s, NULL, "start");
    return 0;
}

static log_entry entry(log_type t)
{
    log_entry e;
    memset(&e, 0, sizeof e);
    e.type = t;
    e.round = 1;
    e.vis_role = e.role = e.action = e.event = -1;
    e.terminal = e.terminal2 = e.room = e.target_role = e.track = e.flag = -1;
    return e;
}

static void expect_line(const game_state *s, const log_entry *e, const char *en, const char *ja)
{
    char *a = rules_log_format(s, e, LANG_EN);
    char *b = rules_log_format(s, e, LANG_JA);
    assert_string_equal(a, en);
    assert_string_equal(b, ja);
    free(a);
    free(b);
}

static void test_text_examples(void **state)
{
    fixture *f = *state;
    const game_state *s = f->s;
    log_entry e = entry(LOG_REVEAL);
    e.role = helper_role(s, "forensic");
    e.action = helper_action(s, "examine");
    e.terminal = helper_term(s, "T01");
    e.value = 1;
    e.amount = ROUTE_MAIL;
    expect_line(s, &e,
                "Forensic engineer: Examine terminal -> T01 (PC): INFECTED via mail attachment",
                "フォレンジックエンジニア: 端末調査 → T01 (デスクトップPC): 感染 (メール添付)");
    e.value = 0;
    e.amount = ROUTE_NONE;
    expect_line(s, &e, "Forensic engineer: Examine terminal -> T01 (PC): clean",
                "フォレンジックエンジニア: 端末調査 → T01 (デスクトップPC): 異常なし");

    e = entry(LOG_ACTION);
    e.role = helper_role(s, "incident_handler");
    e.action = helper_action(s, "coordinate");
    e.target_role = helper_role(s, "commander");
    e.value = helper_role(s, "researcher");
    expect_line(s, &e, "Incident handler: Coordinate -> from Commander to Researcher",
                "インシデントハンドラー: 調整 → コマンダーからリサーチャーへ");

    e = entry(LOG_TRACK);
    e.track = TRACK_TRUST;
    e.amount = -1;
    e.value = 4;
    expect_line(s, &e,
                "Trust \xe2\x88\x92"
                "1 (now 4)",
                "信頼 \xe2\x88\x92"
                "1 (現在 4)");

    e = entry(LOG_RESULT_LOGS);
    e.room = helper_room(s, "sales");
    e.mask = 3;
    e.value = 1;
    expect_line(s, &e, "Log analysis of Sales: T01 (PC), T02 (Laptop) (exact)",
                "営業部のログ分析: T01 (デスクトップPC)、T02 (ノートPC) (確実)");

    e = entry(LOG_OVERRIDE);
    e.value = MV_FAC_INFECT;
    e.terminal = helper_term(s, "T03");
    e.amount = ROUTE_DRIVEBY;
    snprintf(e.reason, sizeof e.reason, "teach drive-by");
    expect_line(s, &e,
                "Facilitator override: place an infection T03 (PC) (drive-by download) (reason: "
                "teach drive-by)",
                "進行役の操作: 感染を配置 T03 (デスクトップPC) (ドライブバイダウンロード)（理由: "
                "teach drive-by）");

    e = entry(LOG_TURN);
    e.role = helper_role(s, "poc");
    expect_line(s, &e, "Turn: PoC (Aiko)", "手番: PoC (Aiko)");

    e = entry(LOG_ROUND);
    e.round = 6;
    e.amount = 2;
    e.value = 2;
    expect_line(s, &e, "Round 6: day 2, evening", "ラウンド6: 2日目 夕方");
}

/* Every log type, with every field set: a readable line in both languages. */
static void test_text_every_log_type(void **state)
{
    fixture *f = *state;
    for (int t = 0; t < LOG_TYPE_COUNT; t++) {
        log_entry e = entry((log_type)t);
        e.role = helper_role(f->s, "commander");
        e.action = helper_action(f->s, "contain");
        e.event = helper_event(f->s, "media_call");
        e.terminal = 0;
        e.terminal2 = 1;
        e.room = 1;
        e.track = TRACK_LEAK;
        e.flag = FLAG_C2_KNOWN;
        e.amount = 2;
        e.value = 1;
        e.mask = 5;
        snprintf(e.reason, sizeof e.reason, "reason");
        if (t == LOG_OVERRIDE)
            e.value = MV_FAC_FLOW;
        if (t == LOG_OVER)
            e.value = OUT_WIN_DECLARED;
        char *en = rules_log_format(f->s, &e, LANG_EN);
        char *ja = rules_log_format(f->s, &e, LANG_JA);
        if (!en[0] || !ja[0] || strchr(en, '?') || strchr(ja, '?'))
            fail_msg("log type %d: '%s' / '%s'", t, en, ja);
        assert_int_equal(core_utf8_check(ja, strlen(ja)), strlen(ja));
        assert_string_not_equal(en, ja);
        bool wide = false;
        for (const char *p = ja; *p; p++)
            wide |= (unsigned char)*p >= 0x80;
        if (!wide)
            fail_msg("log type %d has no Japanese text: '%s'", t, ja);
        free(en);
        free(ja);
    }
    /* Every flag set and cleared has its own sentence. */
    for (int fl = 0; fl < FLAG_COUNT; fl++)
        for (int on = 0; on < 2; on++) {
            log_entry e = entry(LOG_FLAG);
            e.flag = fl;
            e.value = on;
            char *en = rules_log_format(f->s, &e, LANG_EN);
            char *ja = rules_log_format(f->s, &e, LANG_JA);
            assert_true(en[0] && ja[0]);
            free(en);
            free(ja);
        }
}

/* A real game's log: every line formats in both languages. */
static void test_text_game_log(void **state)
{
    fixture *f = *state;
    log_buf log = {0};
    game_state *s = helper_new(f->rs, HS_TEST, 4);
    helper_do(s, &log, "start");
    for (int r = 0; r < 4; r++) {
        helper_do(s, &log, "next");
        helper_do(s, &log, "next");
        helper_end_round(s, &log);
    }
    assert_true(log.count > 20);
    for (size_t i = 0; i < log.count; i++)
        for (int l = 0; l < LANG_COUNT; l++) {
            char *text = rules_log_format(s, &log.items[i], (lang)l);
            assert_true(text[0] != '\0');
            assert_null(strchr(text, '?'));
            free(text);
        }
    log_buf_free(&log);
    state_free(s);
}

static void test_text_effect_descriptions(void **state)
{
    fixture *f = *state;
    for (size_t op = 0; op < rules_effect_count(); op++) {
        effect e;
        memset(&e, 0, sizeof e);
        e.op = (int)op;
        e.amount = 1;
        e.track = TRACK_TRUST;
        e.flag = FLAG_PATCHED;
        e.route = ROUTE_DRIVEBY;
        e.role = ROLE_RANDOM;
        e.kind = ruleset_kind(f->rs, "pc");
        e.room = ROOM_RANDOM;
        e.event = -1;
        for (int l = 0; l < LANG_COUNT; l++) {
            char *text = rules_effect_describe(f->rs, &e, (lang)l);
            if (!text[0] || strchr(text, '?'))
                fail_msg("effect %s: '%s'", rules_effect_info((int)op)->name, text);
            free(text);
        }
    }
    effect e;
    memset(&e, 0, sizeof e);
    e.op = rules_effect_find("track");
    e.track = TRACK_TRUST;
    e.amount = -1;
    e.unless = 1u << FLAG_REPORTED_TODAY;
    char *en = rules_effect_describe(f->rs, &e, LANG_EN);
    char *ja = rules_effect_describe(f->rs, &e, LANG_JA);
    assert_string_equal(en, "Trust \xe2\x88\x92"
                            "1 unless today's report to management");
    assert_string_equal(ja, "信頼 \xe2\x88\x92"
                            "1（「本日の経営層報告」があれば無効）");
    free(en);
    free(ja);
    e = (effect){.op = rules_effect_find("lose_ap"),
                 .role = ruleset_role(f->rs, "notification"),
                 .amount = 1,
                 .unless = 1u << FLAG_BRIEFING_PREPARED,
                 .kind = -1,
                 .room = -1};
    en = rules_effect_describe(f->rs, &e, LANG_EN);
    assert_string_equal(en, "Notification \xe2\x88\x92"
                            "1 AP this round unless the prepared briefing");
    free(en);
}

static void test_text_names(void **state)
{
    (void)state;
    for (int p = 0; p < PHASE_COUNT; p++)
        for (int l = 0; l < LANG_COUNT; l++) {
            assert_true(rules_phase_name((phase)p, (lang)l)[0] != '\0');
            for (int q = 0; q < p; q++)
                assert_string_not_equal(rules_phase_name((phase)p, (lang)l),
                                        rules_phase_name((phase)q, (lang)l));
        }
    for (int o = 0; o < OUT_COUNT; o++)
        for (int l = 0; l < LANG_COUNT; l++) {
            assert_true(rules_outcome_name((outcome)o, (lang)l)[0] != '\0');
            for (int q = 0; q < o; q++)
                assert_string_not_equal(rules_outcome_name((outcome)o, (lang)l),
                                        rules_outcome_name((outcome)q, (lang)l));
        }
    assert_string_equal(rules_phase_name(PHASE_COUNT, LANG_EN), "?");
    assert_string_equal(rules_outcome_name(OUT_COUNT, LANG_JA), "?");
    assert_string_equal(rules_outcome_name(OUT_LOSE_LEAK, LANG_JA), "大規模な情報漏えい");
}

static void test_text_effect_table(void **state)
{
    (void)state;
    assert_int_equal(rules_effect_count(), 20);
    for (size_t op = 0; op < rules_effect_count(); op++) {
        const effect_info *info = rules_effect_info((int)op);
        assert_non_null(info);
        assert_int_equal(rules_effect_find(info->name), (int)op);
        assert_true(info->doc[0] != '\0');
    }
    assert_null(rules_effect_info(-1));
    assert_null(rules_effect_info((int)rules_effect_count()));
    assert_int_equal(rules_effect_find("teleport"), -1);
    assert_int_equal(rules_effect_find(NULL), -1);
    /* Undo is allowed exactly for effects that neither draw randomness nor reveal. */
    assert_true(rules_effect_info(rules_effect_find("preserve"))->undoable);
    assert_false(rules_effect_info(rules_effect_find("examine"))->undoable);
    assert_int_equal(rules_effect_info(rules_effect_find("isolate"))->needs, TGT_TERMINAL);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_text_examples), T(test_text_every_log_type),
        T(test_text_game_log), T(test_text_effect_descriptions),
        T(test_text_names),    T(test_text_effect_table),
    };
#undef T
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
