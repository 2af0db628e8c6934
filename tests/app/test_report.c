/* test_report.c: the after-action report: its Markdown from a golden save compared exactly with
 * the committed expectation (tests/golden/standard_facilitated.report.md; regenerate with
 * MALCON_GOLDEN_UPDATE=1 and read the diff), the chart PNG (exists, right size, not empty), and
 * what the report is read from: the truth per terminal, findings, decisions, role lines,
 * overrides and the chart's numbers. */
#include "chart.h"
#include "helper_app.h"
#include "report.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define GOLDEN_DIR MALCON_FIXTURES "/../golden"

typedef struct fixture {
    ruleset *rs;
    i18n *cat;
} fixture;

static int setup(void **st)
{
    fixture *f = calloc(1, sizeof *f);
    core_err err = {0};
    f->rs = data_load(MALCON_TEST_CONTENT, &err);
    assert_non_null(f->rs);
    f->cat = i18n_load(MALCON_TEST_CONTENT "/assets/i18n/ja.po", &err);
    assert_non_null(f->cat);
    core_err_free(&err);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    fixture *f = *st;
    i18n_free(f->cat);
    ruleset_free(f->rs);
    free(f);
    return 0;
}

static match *load_game(const fixture *f, const char *path)
{
    core_err err = {0};
    char *text = data_read_file(path, 0, NULL, &err);
    assert_non_null(text);
    char why[256];
    match *m = match_load_text(f->rs, text, NULL, why, sizeof why);
    if (!m)
        fail_msg("%s: %s", path, why);
    free(text);
    core_err_free(&err);
    return m;
}

static void test_report_golden_markdown(void **st)
{
    fixture *f = *st;
    match *m = load_game(f, GOLDEN_DIR "/standard_facilitated.malcon");
    char *md = report_markdown(m, f->cat, REPORT_BOTH, "timeline.png");
    const char *path = GOLDEN_DIR "/standard_facilitated.report.md";
    const char *update = getenv("MALCON_GOLDEN_UPDATE");
    if (update && *update && strcmp(update, "0") != 0) {
        assert_true(data_write_atomic(path, md, strlen(md)));
        print_message("updated %s\n", path);
    }
    core_err err = {0};
    char *want = data_read_file(path, 0, NULL, &err);
    assert_non_null(want);
    if (strcmp(md, want) != 0) {
        /* name the first differing line, so the failure says what changed */
        const char *a = md, *b = want;
        int line = 1;
        while (*a && *a == *b) {
            line += *a == '\n';
            a++;
            b++;
        }
        fail_msg("report.md differs from %s at line %d (MALCON_GOLDEN_UPDATE=1 regenerates it)",
                 path, line);
    }
    /* what a facilitator hands out: both languages, every part */
    static const char *const parts[] = {"# 事後報告書",
                                        "# After-action report",
                                        "| Seed | 3 |",
                                        "## Players and roles",
                                        "| Aki | Commander, Researcher |",
                                        "## Score",
                                        "**Total (0 to 100)**",
                                        "## The truth",
                                        "Mail attachment",
                                        "![Timeline chart](timeline.png)",
                                        "## Key decisions and their consequences",
                                        "the first infected terminal found",
                                        "## What each role did",
                                        "### Forensic engineer (Ben)",
                                        "## Facilitator overrides",
                                        "reason: Sato opened 見積もり用写真.xlsxs.exe",
                                        "## Learning points",
                                        "### The four aims of a CSIRT",
                                        "未然に防ぐ",
                                        "xlsxs.exe",
                                        "ソリューションアナリスト"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (!strstr(md, parts[i]))
            fail_msg("the report lacks '%s'", parts[i]);
    free(want);
    free(md);
    core_err_free(&err);
    match_free(m);
}

static void test_report_one_language(void **st)
{
    fixture *f = *st;
    match *m = load_game(f, MALCON_FIXTURES "/tutorial_won.malcon");
    char *en = report_markdown(m, f->cat, REPORT_EN, NULL);
    assert_non_null(strstr(en, "# After-action report"));
    assert_null(strstr(en, "事後報告書"));
    assert_null(strstr(en, "timeline.png")); /* no chart given: no link */
    char *ja = report_markdown(m, f->cat, REPORT_JA, "timeline.png");
    assert_non_null(strstr(ja, "# 事後報告書"));
    assert_null(strstr(ja, "# After-action report"));
    free(en);
    free(ja);
    match_free(m);
}

/* Reads a big-endian 32-bit number. */
static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void test_report_write_files(void **st)
{
    fixture *f = *st;
    match *m = load_game(f, GOLDEN_DIR "/standard_facilitated.malcon");
    char *dir = helper_tmpdir();
    char *sub = data_path_join(dir, "a/b");
    assert_true(report_mkdirs(sub));
    char why[256] = "";
    if (!report_write(sub, m, f->cat, REPORT_BOTH, MALCON_TEST_CONTENT, why, sizeof why))
        fail_msg("report_write: %s", why);
    char *md_path = data_path_join(sub, "report.md");
    char *png_path = data_path_join(sub, "timeline.png");
    core_err err = {0};
    char *md = data_read_file(md_path, 0, NULL, &err);
    assert_non_null(md);
    char *want = report_markdown(m, f->cat, REPORT_BOTH, "timeline.png");
    assert_string_equal(md, want);
    size_t len = 0;
    unsigned char *png = (unsigned char *)data_read_file(png_path, 0, &len, &err);
    assert_non_null(png);
    assert_true(len > 20000); /* a chart, not an empty frame */
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    assert_int_equal(be32(png + 16), REPORT_CHART_W);
    assert_int_equal(be32(png + 20), REPORT_CHART_H);
    print_message("timeline.png: %ux%u, %zu bytes\n", be32(png + 16), be32(png + 20), len);
    free(png);
    free(md);
    free(want);
    remove(md_path);
    remove(png_path);
    free(md_path);
    free(png_path);
    helper_rmdir(sub);
    char *a = data_path_join(dir, "a");
    helper_rmdir(a);
    free(a);
    helper_rmdir(dir);
    free(sub);
    free(dir);
    core_err_free(&err);
    match_free(m);
}

static bool has_finding(const report_finding *fs, size_t n, debrief_when w)
{
    for (size_t i = 0; i < n; i++)
        if (fs[i].when == w)
            return true;
    return false;
}

static void test_report_truth_and_findings(void **st)
{
    fixture *f = *st;
    /* the tutorial won the textbook way: T01 in by mail at setup, found in round 1, evidence
     * kept in full, contained in round 2, staff alerted, briefing prepared */
    match *m = load_game(f, MALCON_FIXTURES "/tutorial_won.malcon");
    const scenario_def *sc = state_scenario(match_state(m));
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    int t01 = scenario_terminal(sc, "T01");
    assert_true(t01 >= 0);
    assert_true(tr[t01].infected);
    assert_int_equal(tr[t01].route, ROUTE_MAIL);
    assert_int_equal(tr[t01].infected_round, 0);
    assert_int_equal(tr[t01].found_round, 1);
    assert_int_equal(tr[t01].isolated_round, 2);
    assert_int_equal(tr[t01].evidence, 2);
    assert_false(tr[t01].active);
    assert_false(tr[t01].lost_to_isolation);
    report_finding fs[REPORT_MAX_FINDINGS];
    size_t n = report_findings(m, fs, REPORT_MAX_FINDINGS);
    assert_true(has_finding(fs, n, DW_FOUND_EARLY));
    assert_true(has_finding(fs, n, DW_INFECTED_MAIL));
    assert_true(has_finding(fs, n, DW_EVIDENCE_KEPT));
    assert_true(has_finding(fs, n, DW_STAFF_ALERTED));
    assert_true(has_finding(fs, n, DW_BRIEFING_PREPARED));
    assert_false(has_finding(fs, n, DW_STILL_ACTIVE));
    assert_false(has_finding(fs, n, DW_CONTAINED_BEFORE_EVIDENCE));
    assert_false(has_finding(fs, n, DW_TIME_RAN_OUT));
    /* a lesson's placeholders are filled from its finding */
    const debrief_def *db = &f->rs->debrief;
    for (size_t i = 0; i < db->n_lessons; i++) {
        if (db->lessons[i].when != DW_INFECTED_MAIL)
            continue;
        for (size_t k = 0; k < n; k++)
            if (fs[k].when == DW_INFECTED_MAIL) {
                char *txt = report_lesson_text(match_state(m), &db->lessons[i], &fs[k], LANG_EN);
                assert_non_null(strstr(txt, "T01 (Desktop PC)"));
                assert_null(strchr(txt, '{'));
                free(txt);
            }
    }
    match_free(m);

    /* the lost tutorial: still active at the end */
    m = load_game(f, MALCON_FIXTURES "/tutorial_lost.malcon");
    n = report_findings(m, fs, REPORT_MAX_FINDINGS);
    outcome o = rules_outcome(match_state(m));
    assert_true(o != OUT_WIN_DECLARED && o != OUT_WIN_BRIEFING);
    assert_true(has_finding(fs, n, DW_STILL_ACTIVE) || has_finding(fs, n, DW_LEAK_MAX) ||
                has_finding(fs, n, DW_IMPACT_MAX) || has_finding(fs, n, DW_DECLARED_TOO_EARLY));
    match_free(m);
}

static void test_report_contained_before_evidence(void **st)
{
    fixture *f = *st;
    /* contain the infected terminal without preserving it: the memory is lost with it */
    static const char script[] = "scenario tutorial\nseed 11\nmode solo\nmoves\nstart\nnext\nnext\n"
                                 "act commander contain T01\n";
    char why[256];
    match *m = match_load_text(f->rs, script, NULL, why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    int t01 = scenario_terminal(state_scenario(match_state(m)), "T01");
    assert_true(tr[t01].lost_to_isolation);
    assert_true(tr[t01].volatile_lost);
    report_finding fs[REPORT_MAX_FINDINGS];
    size_t n = report_findings(m, fs, REPORT_MAX_FINDINGS);
    assert_true(has_finding(fs, n, DW_CONTAINED_BEFORE_EVIDENCE));
    report_text t = {LANG_EN, NULL};
    report_lines ls = {0};
    report_decisions(m, &t, &ls);
    bool said = false;
    for (size_t i = 0; i < ls.count; i++)
        said = said || strstr(ls.items[i].text, "it was not preserved first");
    assert_true(said);
    report_lines_free(&ls);
    match_free(m);
}

static void test_report_lines_and_chart(void **st)
{
    fixture *f = *st;
    match *m = load_game(f, GOLDEN_DIR "/standard_facilitated.malcon");
    const game_state *s = match_state(m);
    report_text en = {LANG_EN, f->cat};
    report_lines ls = {0};
    report_overrides(m, &en, &ls);
    assert_int_equal(ls.count, 8);
    assert_non_null(strstr(ls.items[0].text, "reason: today's story starts in Sales"));
    report_lines_free(&ls);
    /* every action is listed under its role, once */
    int actions = 0;
    const log_buf *log = match_log(m);
    for (size_t i = 0; i < log->count; i++)
        actions += log->items[i].type == LOG_ACTION;
    const scenario_def *sc = state_scenario(s);
    size_t listed = 0;
    for (size_t i = 0; i < sc->n_roles; i++) {
        report_role_actions(m, sc->roles[i], &en, &ls);
        listed += ls.count;
        report_lines_free(&ls);
    }
    assert_int_equal(listed, (size_t)actions);
    /* the chart's numbers are the game's */
    chart_data c;
    chart_compute(&c, m);
    clock_view cv;
    rules_clock(s, &cv);
    assert_int_equal(c.rounds, cv.round);
    assert_int_equal(c.total_rounds, cv.rounds);
    viewer pub = {VIEW_PUBLIC, -1};
    int sum = 0;
    for (int r = 0; r < c.n_rooms; r++) {
        room_view rv;
        rules_room(s, pub, r, &rv);
        for (int k = 0; k < rv.n_history; k++)
            assert_int_equal(c.count[r][k], rv.history[k]);
    }
    for (int i = 0; i < c.n_roles; i++)
        for (int k = 0; k < RULES_MAX_ROUNDS; k++)
            sum += c.actions[i][k];
    assert_int_equal(sum, actions);
    /* the hidden side is shown: the infection from before the game, its find and containment */
    bool before = false, found = false, contained = false;
    for (int i = 0; i < c.n_marks; i++) {
        before = before || (c.marks[i].kind == CM_INFECTED && c.marks[i].terminal2 == CHART_BEFORE);
        found = found || c.marks[i].kind == CM_FOUND;
        contained = contained || c.marks[i].kind == CM_CONTAINED;
    }
    assert_true(before && found && contained);
    /* drawn through the recorder: every room's name in the legend, the round numbers */
    ui_draw *d = ui_draw_rec_new(1600, 1000);
    draw_begin(d, 0);
    chart_draw(d, (ui_rect){0, 0, 1600, 1000}, &c, s, &en, 24);
    for (size_t r = 0; r < sc->n_rooms; r++)
        assert_true(ui_draw_rec_has_text(d, sc->rooms[r].name.en));
    assert_true(ui_draw_rec_has_text(d, "Actions by role"));
    assert_true(ui_draw_rec_has_text(d, "Day 3"));
    draw_free(d);
    match_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_golden_markdown),
        cmocka_unit_test(test_report_one_language),
        cmocka_unit_test(test_report_write_files),
        cmocka_unit_test(test_report_truth_and_findings),
        cmocka_unit_test(test_report_contained_before_evidence),
        cmocka_unit_test(test_report_lines_and_chart),
    };
    return cmocka_run_group_tests_name("report", tests, setup, teardown);
}
