/* helper_app.c: shared helpers of the app tests (see helper_app.h). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "helper_app.h"

#include "board.h"

#include <assert.h>
#include <dirent.h>
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

char *helper_tmpdir(void)
{
    char tmpl[] = "/tmp/malcon-app-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert(d);
    return core_strdup(d);
}

void helper_rmdir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = data_path_join(dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(dp);
    rmdir(dir);
}

char *helper_write(const char *dir, const char *name, const char *data, size_t len)
{
    char *p = data_path_join(dir, name);
    FILE *f = fopen(p, "wb");
    assert(f);
    assert(fwrite(data, 1, len, f) == len);
    fclose(f);
    return p;
}

bool helper_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

char *helper_fixture(const char *name)
{
    char *p = data_path_join(MALCON_FIXTURES, name);
    core_err err = {0};
    char *text = data_read_file(p, 0, NULL, &err);
    assert(text);
    core_err_free(&err);
    free(p);
    return text;
}

void helper_app_init(app *a, const char *pref_dir, int w, int h)
{
    memset(a, 0, sizeof *a);
    a->seed_entropy = 12345;
    a->width = w;
    a->height = h;
    bool ok = app_init(a, MALCON_TEST_CONTENT, pref_dir);
    if (!ok) {
        for (size_t i = 0; i < a->content_err.count; i++) {
            char *l = core_err_format(&a->content_err, i);
            fprintf(stderr, "%s\n", l);
            free(l);
        }
    }
    assert(ok);
    app_update(a, 16); /* enters the first screen */
}

void helper_key(app *a, ui_key k, int mods)
{
    ui_input in = {0};
    in.type = IN_KEY;
    in.key = k;
    in.mods = mods;
    app_input(a, &in);
}

void helper_click(app *a, int x, int y)
{
    ui_input in = {0};
    in.x = x;
    in.y = y;
    in.button = 1;
    in.type = IN_MOUSE_MOVE;
    app_input(a, &in);
    in.type = IN_MOUSE_DOWN;
    app_input(a, &in);
    in.type = IN_MOUSE_UP;
    app_input(a, &in);
}

void helper_text(app *a, const char *utf8)
{
    ui_input in = {0};
    in.type = IN_TEXT;
    snprintf(in.text, sizeof in.text, "%s", utf8);
    app_input(a, &in);
}

void helper_tick(app *a)
{
    app_update(a, 16);
}

ui_draw *helper_draw(const app *a)
{
    ui_draw *d = ui_draw_rec_new(a->width, a->height);
    app_draw(a, d);
    return d;
}

char *helper_standard_game(unsigned long long seed, const char *moves)
{
    core_str t = {0};
    core_str_printf(&t,
                    "malcon-save 1\n"
                    "scenario standard\n"
                    "seed %llu\n"
                    "mode workshop\n"
                    "option private on\n"
                    "option open off\n"
                    "player Aiko commander\n"
                    "player Ben researcher\n"
                    "player Chika forensic\n"
                    "player Daisuke notification\n"
                    "moves\n"
                    "%s",
                    seed, moves);
    return core_str_take(&t);
}

void helper_open_board(app *a, const char *pref_dir, unsigned long long seed, const char *moves,
                       lang l)
{
    helper_app_init(a, pref_dir, 1920, 1080);
    app_set_lang(a, l);
    char *text = helper_standard_game(seed, moves);
    char why[256];
    bool ok = app_load_text(a, text, why, sizeof why);
    free(text);
    if (!ok)
        fail_msg("cannot load the game: %s", why);
    helper_tick(a); /* the board screen enters */
    assert_int_equal(a->screen, SCR_BOARD);
}

int helper_button_of(const app *a, const char *id)
{
    int acts[BOARD_MAX_ACTIONS];
    int n = board_play_role_actions(a, board_play_acting_role(a), acts);
    for (int i = 0; i < n; i++)
        if (acts[i] == ruleset_action(a->rs, id))
            return i;
    fail_msg("action %s is not on the acting role's card", id);
    return -1;
}

void helper_click_rect(app *a, ui_rect r)
{
    helper_click(a, r.x + r.w / 2, r.y + r.h / 2);
}

const char *helper_last_line(const app *a)
{
    size_t n = match_moves(a->match);
    return n ? match_move_line(a->match, n - 1) : "";
}

bool helper_rec_text_in(const ui_draw *d, const char *text, ui_rect area, bool exact)
{
    size_t n;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == REC_TEXT && c[i].text &&
            (exact ? strcmp(c[i].text, text) == 0 : strstr(c[i].text, text) != NULL) &&
            board_layout_overlap(c[i].r, area))
            return true;
    return false;
}

bool helper_board_shows_result(const app *a, size_t i, const log_entry *e)
{
    const board_ui *b = &a->board;
    if (b->notebook_open)
        return e->vis_role == board_play_acting_role(a);
    if (!b->result_shown || e->vis_role != b->curtain_role || i < b->curtain_log)
        return false;
    /* the result of the move behind the curtain only */
    size_t n = match_moves(a->match);
    for (size_t k = 0; k < n; k++)
        if (match_log_start(a->match, k) <= b->curtain_log &&
            b->curtain_log < match_log_start(a->match, k + 1))
            return i < match_log_start(a->match, k + 1);
    return true;
}

void helper_assert_no_hidden_lines(const app *a, const ui_draw *d, const char *label)
{
    const game_state *s = match_state(a->match);
    const log_buf *log = match_log(a->match);
    size_t n;
    const ui_rec_call *calls = ui_draw_rec_calls(d, &n);
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        bool priv = board_play_entry_private(a, e);
        if (e->vis != VIS_FACILITATOR && !priv)
            continue;
        if (priv && helper_board_shows_result(a, i, e))
            continue;
        char *text = rules_log_format(s, e, a->lang);
        /* the same words as a result shown now (the same room analysed twice) say nothing new */
        bool same = false;
        for (size_t j = 0; j < log->count && priv && !same; j++) {
            const log_entry *o = &log->items[j];
            if (j == i || !board_play_entry_private(a, o) || !helper_board_shows_result(a, j, o))
                continue;
            char *other = rules_log_format(s, o, a->lang);
            same = strcmp(other, text) == 0;
            free(other);
        }
        for (size_t c = 0; c < n && !same; c++)
            if (calls[c].kind == REC_TEXT && calls[c].text && strstr(calls[c].text, text))
                fail_msg("%s: %s line %zu on screen (curtain %d, result %d, curtain_log %zu, "
                         "log_seen %zu, notebook %d): %s",
                         label, priv ? "private" : "facilitator", i, a->board.curtain,
                         a->board.result_shown, a->board.curtain_log, a->board.log_seen,
                         a->board.notebook_open, text);
        free(text);
    }
}
