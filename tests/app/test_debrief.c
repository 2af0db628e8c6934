/* test_debrief.c: the debrief's learning points (cards/debrief.yaml: loaded, checked, outside
 * the content hash, the seed's aims, incidents, routes and roles in both languages), the
 * debrief screen (reached from the end screen, six pages by keys and clicks, overrides or
 * "none", lessons tied to the game, the report export into the data folder) and the replay
 * viewer (forwards, backwards, rounds, the same positions as the game). */
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#define GOLDEN_DIR MALCON_FIXTURES "/../golden"

/* True when any text of the learning points (titles, intros, points) in language l has s. */
static bool db_has(const debrief_def *db, lang l, const char *s)
{
    if (strstr(ml_get(&db->title, l), s) || strstr(ml_get(&db->intro, l), s))
        return true;
    for (size_t i = 0; i < db->n_sections; i++) {
        const debrief_section *sec = &db->sections[i];
        if (strstr(ml_get(&sec->title, l), s) || strstr(ml_get(&sec->intro, l), s))
            return true;
        for (size_t k = 0; k < sec->n_points; k++)
            if (strstr(ml_get(&sec->points[k].title, l), s) ||
                strstr(ml_get(&sec->points[k].text, l), s))
                return true;
    }
    return false;
}

static void test_debrief_content_has_the_seed(void **st)
{
    (void)st;
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    assert_non_null(rs);
    const debrief_def *db = &rs->debrief;
    assert_string_equal(db->title.ja, "ゲームを終えて");
    assert_true(db->n_sections >= 5);
    static const char *const ja[] = {
        /* the four aims */
        "未然に防ぐ", "効率よく対応する", "迅速に気付く", "被害を最小化する",
        /* the kinds of incident, with the seed's explanations */
        "情報漏えい", "Webサイト改ざん", "マルウェアを配布するように書き換えられてしまう",
        "サービス妨害", "Webサイトにアクセスが集中し", "マルウェア感染", "ランサムウェア",
        "スパイウェア", "遠隔操作マルウェア",
        /* the routes and how to avoid them */
        "見積もり用写真.xlsxs.exe", "アイコン", "請求書", "別サイトに誘導", "アップデート",
        /* the roles, played and not */
        "コマンダー", "リサーチャー", "フォレンジックエンジニア", "ノーティフィケーション", "PoC",
        "ソリューションアナリスト", "脆弱性診断士", "インシデントハンドラー", "CISO",
        "キュレーター", "SecBoK"};
    for (size_t i = 0; i < sizeof ja / sizeof ja[0]; i++)
        if (!db_has(db, LANG_JA, ja[i]))
            fail_msg("the learning points lack '%s' in Japanese", ja[i]);
    static const char *const en[] = {"Prevent",           "Respond efficiently",
                                     "Notice quickly",    "Minimise the damage",
                                     "Information leak",  "Web site defacement",
                                     "Denial of service", "Malware infection",
                                     "Ransomware",        "Spyware",
                                     "Remote-control",    "xlsxs.exe",
                                     "drive-by",          "up to date",
                                     "Solution analyst",  "Vulnerability assessor",
                                     "Incident handler",  "PoC (Point of Contact)"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        if (!db_has(db, LANG_EN, en[i]))
            fail_msg("the learning points lack '%s' in English", en[i]);
    /* lessons: every finding the app can report has one, in both languages */
    for (int w = 0; w < DW_COUNT; w++) {
        bool found = false;
        for (size_t i = 0; i < db->n_lessons; i++)
            if (db->lessons[i].when == w) {
                found = true;
                assert_true(db->lessons[i].text.ja[0] && db->lessons[i].text.en[0]);
            }
        if (!found)
            fail_msg("no lesson for finding '%s'", debrief_when_name((debrief_when)w));
    }
    ruleset_free(rs);
    core_err_free(&err);
}

/* The tiny fixture's files in memory (plus extra), for loader checks. */
typedef struct mem_set {
    data_file f[16];
    char *text[16];
    size_t n;
} mem_set;

static void mem_add(mem_set *m, const char *name, char *text)
{
    m->f[m->n].name = name;
    m->f[m->n].text = text;
    m->f[m->n].len = strlen(text);
    m->text[m->n] = text;
    m->n++;
}

static void mem_tiny(mem_set *m)
{
    memset(m, 0, sizeof *m);
    static const char *const names[] = {"cards/roles.yaml", "cards/actions.yaml",
                                        "cards/events.yaml", "cards/terminals.yaml",
                                        "scenarios/tiny.yaml"};
    for (size_t i = 0; i < 5; i++) {
        char path[256];
        snprintf(path, sizeof path, "tiny/%s", names[i]);
        mem_add(m, names[i], helper_fixture(path));
    }
}

static void mem_free(mem_set *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->text[i]);
}

static void test_debrief_loader(void **st)
{
    (void)st;
    /* without the file: no learning points, and the same content hash as with it */
    mem_set m;
    mem_tiny(&m);
    core_err err = {0};
    ruleset *a = data_load_mem(m.f, m.n, NULL, &err);
    assert_non_null(a);
    assert_int_equal(a->debrief.n_sections, 0);
    mem_add(
        &m, "cards/debrief.yaml",
        core_strdup("title: {ja: ゲームを終えて, en: After the game}\n"
                    "sections:\n"
                    "  - id: aims\n"
                    "    title: {ja: 目的, en: Aims}\n"
                    "    points:\n"
                    "      - {id: prevent, title: {ja: 未然に防ぐ, en: Prevent}, text: {ja: あ, "
                    "en: a}}\n"
                    "lessons:\n"
                    "  - when: spread\n"
                    "    text: {ja: \"{terminal}から\", en: \"from {terminal}\"}\n"));
    ruleset *b = data_load_mem(m.f, m.n, NULL, &err);
    if (!b) {
        for (size_t i = 0; i < err.count; i++) {
            char *l = core_err_format(&err, i);
            print_message("%s\n", l);
            free(l);
        }
        fail();
    }
    assert_int_equal(b->debrief.n_sections, 1);
    assert_string_equal(b->debrief.sections[0].points[0].title.ja, "未然に防ぐ");
    assert_int_equal(b->debrief.n_lessons, 1);
    assert_int_equal(b->debrief.lessons[0].when, DW_SPREAD);
    assert_true(a->hash == b->hash); /* text for people: saves stay compatible */
    ruleset_free(a);
    ruleset_free(b);
    mem_free(&m);

    /* errors with their place: an unknown finding, a missing title, a stray key */
    static const struct {
        const char *yaml;
        int line, col;
        const char *what;
    } bad[] = {
        {"title: {ja: a, en: b}\nsections:\n  - id: s\n    title: {ja: a, en: b}\n    points:\n"
         "      - {id: p, title: {ja: a, en: b}, text: {ja: a, en: b}}\nlessons:\n"
         "  - {when: spred, text: {ja: a, en: b}}\n",
         8, 12, "spred"},
        {"sections:\n  - id: s\n    title: {ja: a, en: b}\n    points:\n"
         "      - {id: p, title: {ja: a, en: b}, text: {ja: a, en: b}}\n",
         1, 1, "title"},
        {"title: {ja: a, en: b}\ncolour: red\nsections:\n  - id: s\n    title: {ja: a, en: b}\n"
         "    points:\n      - {id: p, title: {ja: a, en: b}, text: {ja: a, en: b}}\n",
         2, 1, "colour"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mem_tiny(&m);
        mem_add(&m, "cards/debrief.yaml", core_strdup(bad[i].yaml));
        core_err e2 = {0};
        ruleset *r = data_load_mem(m.f, m.n, NULL, &e2);
        assert_null(r);
        assert_true(e2.count >= 1);
        char *msg = core_err_format(&e2, 0);
        if (!strstr(msg, "debrief.yaml") || !strstr(msg, bad[i].what) ||
            e2.items[0].line != bad[i].line || e2.items[0].col != bad[i].col)
            fail_msg("case %zu: got '%s' at %d:%d", i, msg, e2.items[0].line, e2.items[0].col);
        free(msg);
        core_err_free(&e2);
        mem_free(&m);
    }
    core_err_free(&err);
}

/* An app showing the finished game of a fixture on its end screen (English). */
static void show_finished(app *a, const char *pref, const char *path)
{
    helper_app_init(a, pref, 1920, 1080);
    app_set_lang(a, LANG_EN);
    core_err err = {0};
    char *text = data_read_file(path, 0, NULL, &err);
    assert_non_null(text);
    char why[256];
    assert_true(app_load_text(a, text, why, sizeof why));
    free(text);
    core_err_free(&err);
    helper_tick(a);
    assert_int_equal(a->screen, SCR_END);
}

static void test_debrief_pages(void **st)
{
    (void)st;
    app a;
    show_finished(&a, NULL, MALCON_FIXTURES "/tutorial_won.malcon");
    /* the end screen's main button leads to the debrief */
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Debrief"));
    draw_free(d);
    helper_key(&a, KEY_ENTER, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_DEBRIEF);

    static const char *const want[DP_COUNT] = {
        "Every score term",     "What really happened",         "Actions by role",
        "Report to management", "None: the game ran as dealt.", "What this game teaches"};
    for (int p = 0; p < DP_COUNT; p++) {
        helper_key(&a, (ui_key)(KEY_1 + p), 0);
        assert_int_equal(a.debrief.page, p);
        d = helper_draw(&a);
        if (!ui_draw_rec_has_text(d, want[p]))
            fail_msg("page %d does not show '%s'", p + 1, want[p]);
        draw_free(d);
    }
    /* page 1: every score term by name */
    helper_key(&a, KEY_1, 0);
    d = helper_draw(&a);
    for (int t = 0; t < ST_COUNT; t++)
        assert_true(ui_draw_rec_has_text(d, rules_score_term_name((score_term)t, LANG_EN)));
    draw_free(d);
    /* page 2: the truth, with how it got in */
    helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.debrief.page, DP_TRUTH);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Mail attachment"));
    assert_true(ui_draw_rec_has_text(d, "found in round 1"));
    draw_free(d);
    /* page 6: a lesson tied to this game */
    helper_key(&a, KEY_6, 0);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "got in through a mail attachment"));
    draw_free(d);
    /* tabs by mouse */
    d = helper_draw(&a);
    const ui_rec_call *tab = ui_draw_rec_find_text(d, "The truth");
    assert_non_null(tab);
    int x = tab->r.x + tab->r.w / 2, y = tab->r.y + tab->r.h / 2;
    draw_free(d);
    helper_click(&a, x, y);
    assert_int_equal(a.debrief.page, DP_TRUTH);
    /* Esc: the title */
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_TITLE);
    app_free(&a);
}

static void test_debrief_overrides_and_japanese(void **st)
{
    (void)st;
    app a;
    show_finished(&a, NULL, GOLDEN_DIR "/standard_facilitated.malcon");
    helper_key(&a, KEY_D, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_DEBRIEF);
    helper_key(&a, KEY_5, 0);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "reason: Sato opened"));
    assert_false(ui_draw_rec_has_text(d, "None: the game ran as dealt."));
    draw_free(d);
    app_set_lang(&a, LANG_JA);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "進行役の操作"));
    assert_true(ui_draw_rec_has_text(d, "理由"));
    draw_free(d);
    helper_key(&a, KEY_6, 0);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "このゲームから学べること"));
    assert_true(ui_draw_rec_has_text(d, "見積もり用写真.xlsxs.exe"));
    draw_free(d);
    app_free(&a);
}

static void test_debrief_export(void **st)
{
    (void)st;
    char *dir = helper_tmpdir();
    app a;
    show_finished(&a, dir, MALCON_FIXTURES "/tutorial_won.malcon");
    app_goto(&a, SCR_DEBRIEF);
    helper_tick(&a);
    helper_key(&a, KEY_X, 0);
    assert_false(a.debrief.message_bad);
    assert_non_null(strstr(a.debrief.message, "/reports/"));
    assert_non_null(strstr(a.debrief.message, "-tutorial-1/report.md"));
    /* the path shown is where the files are */
    const char *path = strchr(a.debrief.message, '/');
    assert_non_null(path);
    char md[1024], png[1100], folder[1024];
    snprintf(md, sizeof md, "%s", path);
    assert_true(helper_exists(md));
    snprintf(folder, sizeof folder, "%s", md);
    *strrchr(folder, '/') = '\0';
    snprintf(png, sizeof png, "%s/timeline.png", folder);
    assert_true(helper_exists(png));
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Report written:"));
    draw_free(d);
    helper_rmdir(folder);
    char *reports = data_path_join(dir, "reports");
    helper_rmdir(reports);
    free(reports);
    app_free(&a);
    helper_rmdir(dir);
    free(dir);

    /* no data folder: told, not crashed */
    show_finished(&a, NULL, MALCON_FIXTURES "/tutorial_won.malcon");
    app_goto(&a, SCR_DEBRIEF);
    helper_tick(&a);
    helper_key(&a, KEY_X, 0);
    assert_true(a.debrief.message_bad);
    app_free(&a);
}

static void test_debrief_replay_viewer(void **st)
{
    (void)st;
    app a;
    show_finished(&a, NULL, GOLDEN_DIR "/standard_facilitated.malcon");
    app_goto(&a, SCR_DEBRIEF);
    helper_tick(&a);
    helper_key(&a, KEY_R, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_REPLAY);
    size_t total = match_moves(a.match);
    assert_int_equal(a.replay.pos, 0);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Replay"));
    draw_free(d);
    /* forwards: each position is the game's own state after that many moves */
    for (int i = 0; i < 5; i++)
        helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.replay.pos, 5);
    assert_true(state_equal(match_state(a.replay.view), match_state_at(a.match, 4)));
    d = helper_draw(&a);
    /* the move as the room saw it: its first public log line, in the players' language (not
     * the save's move line) */
    const game_state *gs = match_state(a.match);
    const log_buf *log = match_log(a.match);
    viewer pub = {VIEW_PUBLIC, -1};
    char *first = NULL;
    for (size_t i = match_log_start(a.match, 4); i < match_log_start(a.match, 5) && !first; i++)
        if (rules_visible(gs, pub, &log->items[i]))
            first = rules_log_format(gs, &log->items[i], a.lang);
    assert_non_null(first);
    assert_true(ui_draw_rec_has_text(d, first));
    free(first);
    char line[300];
    snprintf(line, sizeof line, "> %s", match_move_line(a.match, 4));
    assert_false(ui_draw_rec_has_text(d, line));
    draw_free(d);
    /* backwards across moves that drew chance (rebuilt from the save, never undone) */
    helper_key(&a, KEY_LEFT, 0);
    helper_key(&a, KEY_LEFT, 0);
    assert_int_equal(a.replay.pos, 3);
    assert_true(state_equal(match_state(a.replay.view), match_state_at(a.match, 2)));
    /* rounds, the end, the start */
    helper_key(&a, KEY_DOWN, 0);
    clock_view c;
    rules_clock(match_state(a.replay.view), &c);
    assert_int_equal(c.round, 2);
    helper_key(&a, KEY_END, 0);
    assert_int_equal(a.replay.pos, total);
    assert_true(state_equal(match_state(a.replay.view), match_state(a.match)));
    helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.replay.pos, total);
    helper_key(&a, KEY_HOME, 0);
    assert_int_equal(a.replay.pos, 0);
    /* the board drawn is the public one: the hidden infection is not named at the start */
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "INFECTED"));
    draw_free(d);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_DEBRIEF);
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_debrief_content_has_the_seed),
        cmocka_unit_test(test_debrief_loader),
        cmocka_unit_test(test_debrief_pages),
        cmocka_unit_test(test_debrief_overrides_and_japanese),
        cmocka_unit_test(test_debrief_export),
        cmocka_unit_test(test_debrief_replay_viewer),
    };
    return cmocka_run_group_tests_name("debrief", tests, NULL, NULL);
}
