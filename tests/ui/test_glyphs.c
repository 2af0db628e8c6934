/* test_glyphs.c: the shipped font has a glyph for every character the game can show: UI strings
 * (assets/i18n/ja.po), content texts (cards/, scenarios/) and string literals in the code. */
#define _DEFAULT_SOURCE /* opendir, readdir */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "data.h"
#include "draw_sdl.h"
#include "i18n.h"
#include "text.h"

#define FONT_PATH(f) MALCON_TEST_CONTENT "/" f

typedef struct checker {
    TTF_Font *font;
    size_t checked;    /* characters looked at */
    size_t missing;    /* occurrences without a glyph */
    uint32_t seen[64]; /* distinct missing code points already printed */
    size_t n_seen;
    bool quiet; /* count only (the self-check) */
} checker;

/* Checks every character of s; where says where the string comes from. */
static void check(checker *c, const char *s, const char *where)
{
    if (!s)
        return;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp = text_utf8_next(s, n, &i);
        if (cp < 0x20 || cp == 0x7F)
            continue; /* newlines and tabs are layout, not glyphs */
        c->checked++;
        if (TTF_GlyphIsProvided32(c->font, cp))
            continue;
        c->missing++;
        bool printed = false;
        for (size_t k = 0; k < c->n_seen; k++)
            printed |= c->seen[k] == cp;
        if (!printed && c->n_seen < 64)
            c->seen[c->n_seen++] = cp;
        if (c->quiet)
            continue;
        /* Print every place (a translator fixes them one by one), with the character. */
        char ch[8] = {0};
        size_t j = i;
        while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
            j--;
        if (j > 0)
            j--;
        memcpy(ch, s + j, i - j < sizeof ch - 1 ? i - j : sizeof ch - 1);
        print_message("missing glyph U+%04X \"%s\" in %s: \"%.60s\"\n", (unsigned)cp, ch, where, s);
    }
}

static void check_ml(checker *c, const ml_text *t, const char *what, const char *id)
{
    char where[160];
    snprintf(where, sizeof where, "%s %s (ja)", what, id ? id : "");
    check(c, t->ja, where);
    snprintf(where, sizeof where, "%s %s (en)", what, id ? id : "");
    check(c, t->en, where);
}

static int setup(void **st)
{
    if (TTF_Init() != 0)
        return -1;
    checker *c = calloc(1, sizeof *c);
    c->font = TTF_OpenFont(FONT_PATH(DRAW_SDL_FONT_REGULAR), 24);
    if (!c->font) {
        fprintf(stderr, "cannot open %s: %s\n", FONT_PATH(DRAW_SDL_FONT_REGULAR), TTF_GetError());
        return -1;
    }
    *st = c;
    return 0;
}

static int teardown(void **st)
{
    checker *c = *st;
    TTF_CloseFont(c->font);
    free(c);
    TTF_Quit();
    return 0;
}

static void report(const checker *c, const char *what)
{
    if (c->missing) {
        char list[64 * 8] = "";
        for (size_t k = 0; k < c->n_seen; k++) {
            char one[16];
            snprintf(one, sizeof one, " U+%04X", (unsigned)c->seen[k]);
            strcat(list, one);
        }
        fail_msg("%s: %zu characters of %zu have no glyph:%s", what, c->missing, c->checked, list);
    }
}

static void test_glyphs_basic_sets(void **st)
{
    checker *c = *st;
    /* Printable ASCII (names typed by players, numbers), the ellipsis, the kana used in every
     * Japanese sentence, and the marks the UI draws itself. */
    char ascii[96];
    for (int i = 0; i < 95; i++)
        ascii[i] = (char)(0x20 + i);
    ascii[95] = '\0';
    check(c, ascii, "printable ASCII");
    check(c, TEXT_ELLIPSIS "—–・「」『』（）、。！？〜ー…→←↑↓●○■□★☆✓×÷±※", "UI marks");
    char kana[3 * 0x60 * 2 + 1];
    size_t k = 0;
    for (uint32_t cp = 0x3041; cp <= 0x3093; cp++) { /* hiragana */
        kana[k++] = (char)(0xE0 | (cp >> 12));
        kana[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        kana[k++] = (char)(0x80 | (cp & 0x3F));
    }
    for (uint32_t cp = 0x30A1; cp <= 0x30F6; cp++) { /* katakana */
        kana[k++] = (char)(0xE0 | (cp >> 12));
        kana[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        kana[k++] = (char)(0x80 | (cp & 0x3F));
    }
    kana[k] = '\0';
    check(c, kana, "kana");
    report(c, "basic sets");
    /* The check itself can fail: a private-use character has no glyph. */
    checker probe = {.font = c->font, .quiet = true};
    check(&probe, "\xEE\x80\x80", "probe (U+E000, expected missing)");
    assert_int_equal(probe.missing, 1);
}

static void test_glyphs_ui_catalogue(void **st)
{
    checker *c = *st;
    core_err err = {0};
    i18n *t = i18n_load(MALCON_TEST_CONTENT "/assets/i18n/ja.po", &err);
    if (!t) {
        for (size_t i = 0; i < err.count; i++) {
            char *m = core_err_format(&err, i);
            print_message("%s\n", m);
            free(m);
        }
        fail_msg("assets/i18n/ja.po does not load");
    }
    for (size_t i = 0; i < i18n_count(t); i++) {
        const char *ctx, *id, *str;
        i18n_entry(t, i, &ctx, &id, &str);
        char where[160];
        snprintf(where, sizeof where, "ja.po msgid \"%.40s\"", id);
        check(c, id, where);
        check(c, str, where);
        if (ctx)
            check(c, ctx, where);
    }
    print_message("ja.po: %zu entries, %zu characters checked\n", i18n_count(t), c->checked);
    i18n_free(t);
    core_err_free(&err);
    report(c, "assets/i18n/ja.po");
}

static void test_glyphs_content(void **st)
{
    checker *c = *st;
    struct stat sb;
    if (stat(MALCON_TEST_CONTENT "/cards/roles.yaml", &sb) != 0)
        skip(); /* the content is not written yet */
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    if (!rs) {
        for (size_t i = 0; i < err.count; i++) {
            char *m = core_err_format(&err, i);
            print_message("%s\n", m);
            free(m);
        }
        fail_msg("the shipped content does not load");
    }
    for (size_t i = 0; i < rs->n_roles; i++) {
        const role_def *r = &rs->roles[i];
        check_ml(c, &r->name, "role name", r->id);
        check_ml(c, &r->desc, "role desc", r->id);
        check_ml(c, &r->passive, "role passive", r->id);
    }
    for (size_t i = 0; i < rs->n_actions; i++) {
        const action_def *a = &rs->actions[i];
        check_ml(c, &a->name, "action name", a->id);
        check_ml(c, &a->desc, "action desc", a->id);
    }
    for (size_t i = 0; i < rs->n_events; i++) {
        const event_def *e = &rs->events[i];
        check_ml(c, &e->title, "event title", e->id);
        check_ml(c, &e->flavour, "event flavour", e->id);
        check_ml(c, &e->rule, "event rule", e->id);
    }
    for (size_t i = 0; i < rs->n_kinds; i++)
        check_ml(c, &rs->kinds[i].name, "kind name", rs->kinds[i].id);
    for (size_t i = 0; i < rs->n_scenarios; i++) {
        const scenario_def *sc = &rs->scenarios[i];
        char id[96];
        check_ml(c, &sc->name, "scenario name", sc->id);
        check_ml(c, &sc->desc, "scenario desc", sc->id);
        check_ml(c, &sc->malware, "scenario malware", sc->id);
        for (size_t k = 0; k < sc->n_segments; k++) {
            snprintf(id, sizeof id, "%s/%s", sc->id, sc->segments[k].id);
            check_ml(c, &sc->segments[k].name, "segment name", id);
        }
        for (size_t k = 0; k < sc->n_rooms; k++) {
            snprintf(id, sizeof id, "%s/%s", sc->id, sc->rooms[k].id);
            check_ml(c, &sc->rooms[k].name, "room name", id);
        }
        for (size_t k = 0; k < sc->n_terminals; k++) {
            snprintf(id, sizeof id, "%s/%s", sc->id, sc->terminals[k].id);
            check_ml(c, &sc->terminals[k].owner, "terminal owner", id);
        }
        for (size_t k = 0; k < sc->n_hints; k++) {
            snprintf(id, sizeof id, "%s/hint %zu", sc->id, k + 1);
            check_ml(c, &sc->hints[k].text, "hint", id);
        }
    }
    /* the debrief's learning points (cards/debrief.yaml) */
    const debrief_def *db = &rs->debrief;
    check_ml(c, &db->title, "debrief title", "debrief");
    check_ml(c, &db->intro, "debrief intro", "debrief");
    for (size_t i = 0; i < db->n_sections; i++) {
        const debrief_section *sec = &db->sections[i];
        check_ml(c, &sec->title, "debrief section", sec->id);
        check_ml(c, &sec->intro, "debrief section intro", sec->id);
        for (size_t k = 0; k < sec->n_points; k++) {
            check_ml(c, &sec->points[k].title, "debrief point", sec->points[k].id);
            check_ml(c, &sec->points[k].text, "debrief point", sec->points[k].id);
        }
    }
    for (size_t i = 0; i < db->n_lessons; i++)
        check_ml(c, &db->lessons[i].text, "debrief lesson",
                 debrief_when_name((debrief_when)db->lessons[i].when));
    print_message("content: %zu roles, %zu actions, %zu events, %zu scenarios, %zu characters\n",
                  rs->n_roles, rs->n_actions, rs->n_events, rs->n_scenarios, c->checked);
    assert_true(c->checked > 1000); /* the walk really saw the content */
    ruleset_free(rs);
    core_err_free(&err);
    report(c, "shipped content");
}

/* Checks the string literals of one C file (log lines and labels written in the code). */
static void check_c_file(checker *c, const char *path, const char *rel)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    char chunk[8192];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + got + 1 > cap) {
            cap = (n + got + 1) * 2;
            buf = realloc(buf, cap);
        }
        memcpy(buf + n, chunk, got);
        n += got;
    }
    fclose(f);
    if (!buf)
        return;
    buf[n] = '\0';
    /* A small C scanner: skips comments and character constants, collects "..." literals. */
    char *lit = malloc(n + 1);
    int line = 1;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '\n')
            line++;
        if (buf[i] == '/' && buf[i + 1] == '*') {
            char *end = strstr(buf + i + 2, "*/");
            size_t stop = end ? (size_t)(end - buf) + 1 : n;
            for (; i < stop; i++)
                line += buf[i] == '\n';
            continue;
        }
        if (buf[i] == '/' && buf[i + 1] == '/') {
            while (i < n && buf[i] != '\n')
                i++;
            line++;
            continue;
        }
        if (buf[i] == '\'') {
            for (i++; i < n && buf[i] != '\''; i++)
                if (buf[i] == '\\')
                    i++;
            continue;
        }
        if (buf[i] != '"')
            continue;
        size_t l = 0;
        for (i++; i < n && buf[i] != '"' && buf[i] != '\n'; i++) {
            if (buf[i] == '\\') {
                i++; /* escapes are ASCII; keep the literal's characters only */
                continue;
            }
            lit[l++] = buf[i];
        }
        lit[l] = '\0';
        bool wide = false;
        for (size_t k = 0; k < l; k++)
            wide |= (unsigned char)lit[k] >= 0x80;
        if (wide) {
            char where[600];
            snprintf(where, sizeof where, "%s:%d", rel, line);
            check(c, lit, where);
        }
    }
    free(lit);
    free(buf);
}

static void test_glyphs_code_literals(void **st)
{
    checker *c = *st;
    static const char *const dirs[] = {"src/rules", "src/app", "src/ui", "src/data"};
    size_t files = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/%s", MALCON_TEST_CONTENT, dirs[d]);
        DIR *dp = opendir(dir);
        if (!dp)
            continue;
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len < 3 ||
                (strcmp(e->d_name + len - 2, ".c") != 0 && strcmp(e->d_name + len - 2, ".h") != 0))
                continue;
            char path[1024], rel[512];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            snprintf(rel, sizeof rel, "%s/%s", dirs[d], e->d_name);
            check_c_file(c, path, rel);
            files++;
        }
        closedir(dp);
    }
    print_message("code: %zu files, %zu characters in non-ASCII literals\n", files, c->checked);
    assert_true(files > 0);
    report(c, "string literals in src/");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_glyphs_basic_sets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_glyphs_ui_catalogue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_glyphs_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_glyphs_code_literals, setup, teardown),
    };
    return cmocka_run_group_tests_name("glyphs", tests, NULL, NULL);
}
