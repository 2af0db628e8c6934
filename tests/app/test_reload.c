/* test_reload.c: hot reload: a broken edit keeps the old content and reports path:line:col in
 * the overlay; a fixed edit applies; a compatible game carries on; an incompatible one restarts
 * from its seed; a game whose scenario is gone goes back to the title; the new-game setup follows
 * its scenario by id; the error screen's content comes back; the inotify watcher (debounced,
 * content files only, new folders followed). */
#define _POSIX_C_SOURCE 200809L
#include "data.h"
#include "helper_app.h"
#include "helper_designer.h"
#include "packs.h"
#include "reload.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct fixture {
    char *root; /* an editable copy of the shipped content */
    char *pref;
    app a;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->root = designer_copy_content();
    f->pref = helper_tmpdir();
    f->a.seed_entropy = 7;
    f->a.width = 1920;
    f->a.height = 1080;
    if (!app_init(&f->a, f->root, f->pref))
        return -1;
    app_set_lang(&f->a, LANG_EN); /* the messages below are the English msgids */
    app_update(&f->a, 16);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    designer_rmtree(f->root);
    designer_rmtree(f->pref);
    free(f->root);
    free(f->pref);
    free(f);
    return 0;
}

/* Loads the mid-game fixture (standard, seed 3, round 3) and shows it. */
static void load_midgame(app *a)
{
    char *text = helper_fixture("board_midgame.malcon");
    char why[256];
    assert_true(app_load_text(a, text, why, sizeof why));
    free(text);
    app_update(a, 16);
    assert_int_equal(a->screen, SCR_BOARD);
}

static void test_reload_broken_edit_keeps_old(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    load_midgame(a);
    const ruleset *old_rs = a->rs;
    const match *old_m = a->match;
    size_t moves = match_moves(a->match);
    /* a misspelt key on line 17 of events.yaml (col 5) */
    designer_edit(f->root, "cards/events.yaml",
                  "  - id: inquiry_surge\n    title:", "  - id: inquiry_surge\n    titel:");
    assert_int_equal(reload_apply(a), RELOAD_FAILED);
    assert_ptr_equal(a->rs, old_rs);
    assert_ptr_equal(a->match, old_m);
    assert_int_equal(match_moves(a->match), moves);
    assert_int_equal(a->screen, SCR_BOARD);
    assert_true(a->reload->overlay);
    char *path = data_path_join(f->root, "cards/events.yaml");
    long i = -1;
    for (size_t k = 0; k < a->reload->errors.count; k++)
        if (a->reload->errors.items[k].code == ERR_UNKNOWN_KEY)
            i = (long)k;
    assert_true(i >= 0);
    assert_string_equal(a->reload->errors.items[i].file, path);
    assert_int_equal(a->reload->errors.items[i].line, 17);
    assert_int_equal(a->reload->errors.items[i].col, 5);
    /* the overlay shows it as path:line:col: error: message, over the board */
    char *line = core_err_format(&a->reload->errors, (size_t)i);
    assert_non_null(strstr(line, "events.yaml:17:5: error: unknown key 'titel'"));
    ui_draw *d = helper_draw(a);
    assert_true(ui_draw_rec_has_text(d, line));
    assert_true(ui_draw_rec_has_text(d, "The content has errors"));
    draw_free(d);
    free(line);
    /* it takes the keys while shown; Esc hides it, and the board is back */
    helper_key(a, KEY_E, 0);
    assert_int_equal(match_moves(a->match), moves);
    helper_key(a, KEY_ESCAPE, 0);
    assert_false(a->reload->overlay);
    d = helper_draw(a);
    assert_false(ui_draw_rec_has_text(d, "The content has errors"));
    draw_free(d);
    /* the next failed reload (F5) shows it again */
    helper_key(a, KEY_F5, 0);
    assert_true(a->reload->overlay);
    assert_ptr_equal(a->rs, old_rs);
    free(path);
}

static void test_reload_fixed_edit_carries_on(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    load_midgame(a);
    const ruleset *old_rs = a->rs;
    size_t moves = match_moves(a->match);
    clock_view before;
    rules_clock(match_state(a->match), &before);
    designer_edit(f->root, "cards/events.yaml", "en: Customer calls pile up",
                  "en: The phones never stop");
    assert_int_equal(reload_apply(a), RELOAD_CARRIED_ON);
    assert_ptr_not_equal(a->rs, old_rs);
    assert_false(a->reload->overlay);
    int ev = ruleset_event(a->rs, "inquiry_surge");
    assert_string_equal(ml_get(&a->rs->events[ev].title, LANG_EN), "The phones never stop");
    /* the same game at the same point, on the new content */
    assert_int_equal(match_moves(a->match), moves);
    assert_ptr_equal(state_ruleset(match_state(a->match)), a->rs);
    clock_view after;
    rules_clock(match_state(a->match), &after);
    assert_int_equal(after.round, before.round);
    assert_int_equal(after.phase, before.phase);
    assert_int_equal(a->screen, SCR_BOARD);
    assert_int_equal(a->reload->applied, 1);
    assert_true(a->reload->toast_ms > 0);
    assert_string_equal(a->reload->toast, "Content reloaded: the game goes on");
    /* the toast shows over the board, then goes */
    ui_draw *d = helper_draw(a);
    assert_true(ui_draw_rec_has_text(d, "Content reloaded: the game goes on"));
    draw_free(d);
    a->animating = false;
    app_update(a, RELOAD_TOAST_MS + 1);
    assert_int_equal(a->reload->toast_ms, 0);
    /* the autosave follows (Continue brings back the game on the new content) */
    char *save = designer_get(f->pref, "autosave.malcon");
    char hashline[64];
    snprintf(hashline, sizeof hashline, "content %016llx", (unsigned long long)a->rs->hash);
    assert_non_null(strstr(save, hashline));
    free(save);
}

static void test_reload_incompatible_restarts(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    load_midgame(a);
    /* the save plays "act forensic examine T08": that action is gone */
    designer_edit(f->root, "cards/actions.yaml", "  - id: examine\n", "  - id: inspect\n");
    assert_int_equal(reload_apply(a), RELOAD_RESTARTED);
    assert_non_null(a->match);
    assert_int_equal(match_moves(a->match), 0);
    const game_state *s = match_state(a->match);
    assert_string_equal(state_scenario(s)->id, "standard");
    assert_int_equal(state_setup(s)->seed, 3);
    assert_int_equal(state_setup(s)->n_players, 4);
    assert_string_equal(state_setup(s)->player[1], "Ben");
    assert_string_equal(a->reload->toast,
                        "Content changed too much for this game: restarted from its seed");
    /* the old game is kept */
    char *bak = data_path_join(f->pref, RELOAD_BACKUP_FILE);
    assert_true(helper_exists(bak));
    free(bak);
    app_update(a, 16);
    assert_int_equal(a->screen, SCR_BOARD);
}

static void test_reload_scenario_gone(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    load_midgame(a);
    char *p = data_path_join(f->root, "scenarios/standard.yaml");
    assert_int_equal(unlink(p), 0);
    free(p);
    assert_int_equal(reload_apply(a), RELOAD_GAME_DROPPED);
    assert_null(a->match);
    assert_int_equal(ruleset_scenario(a->rs, "standard"), -1);
    app_update(a, 16);
    assert_int_equal(a->screen, SCR_TITLE);
    /* the new-game setup points at a scenario that exists */
    assert_true(a->newgame.scenario >= 0 && (size_t)a->newgame.scenario < a->rs->n_scenarios);
}

/* The setup follows its scenario by id when indices move (a new scenario sorted first). */
static void test_reload_newgame_follows_id(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    int hard = ruleset_scenario(a->rs, "hard");
    newgame_set_scenario(&a->newgame, a->rs, hard);
    a->newgame.setup.seed = 99;
    char *solo = designer_get(f->root, "scenarios/solo.yaml");
    char *mine = core_strdup(solo);
    memcpy(strstr(mine, "id: solo\n"), "id: aaaa\n", 9);
    free(designer_put(f->root, "scenarios/aaa.yaml", mine));
    assert_int_equal(reload_apply(a), RELOAD_APPLIED);
    assert_int_equal(ruleset_scenario(a->rs, "aaaa"), 0);
    assert_string_equal(a->rs->scenarios[a->newgame.scenario].id, "hard");
    assert_int_equal(a->newgame.setup.seed, 99);
    free(solo);
    free(mine);
}

/* Content broken at start: the error screen; a fix and a reload bring the title. */
static void test_reload_from_error_screen(void **state)
{
    (void)state;
    char *root = designer_copy_content();
    designer_edit(root, "cards/roles.yaml", "  - id: commander", "  - id: [commander");
    app a;
    memset(&a, 0, sizeof a);
    assert_false(app_init(&a, root, NULL));
    app_update(&a, 16);
    assert_int_equal(a.screen, SCR_ERROR);
    assert_int_equal(reload_apply(&a), RELOAD_FAILED);
    designer_edit(root, "cards/roles.yaml", "  - id: [commander", "  - id: commander");
    assert_int_equal(reload_apply(&a), RELOAD_APPLIED);
    app_update(&a, 16);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_non_null(a.rs);
    app_free(&a);
    designer_rmtree(root);
    free(root);
}

/* ---- the watcher ---- */

typedef struct wake_count {
    atomic_int n;
} wake_count;

static void count_wake(void *ctx)
{
    atomic_fetch_add(&((wake_count *)ctx)->n, 1);
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Waits up to ms for a debounced change; true when one came. */
static bool wait_change(reload_watch *w, int ms)
{
    for (int t = 0; t < ms; t += 20) {
        if (reload_watch_take(w))
            return true;
        sleep_ms(20);
    }
    return reload_watch_take(w);
}

static void test_reload_watcher(void **state)
{
    (void)state;
    char *root = helper_tmpdir();
    free(designer_put(root, "cards/roles.yaml", "roles: []\n"));
    free(designer_put(root, "assets/art/a.png", "x"));
    wake_count wc;
    atomic_init(&wc.n, 0);
    const char *roots[1] = {root};
    reload_watch *w = reload_watch_new(roots, 1, count_wake, &wc);
    assert_non_null(w);
    assert_false(reload_watch_take(w));
    /* a content file: one wake after the quiet time */
    free(designer_put(root, "cards/roles.yaml", "roles: [1]\n"));
    assert_true(wait_change(w, 3000));
    assert_int_equal(atomic_load(&wc.n), 1);
    /* a burst of writes is one change */
    for (int i = 0; i < 5; i++) {
        free(designer_put(root, "cards/events.yaml", "events: []\n"));
        sleep_ms(20);
    }
    assert_true(wait_change(w, 3000));
    sleep_ms(RELOAD_DEBOUNCE_MS * 2);
    assert_false(reload_watch_take(w));
    assert_int_equal(atomic_load(&wc.n), 2);
    /* editors' swap and backup files, and other files, are not content */
    free(designer_put(root, "cards/.roles.yaml.swp", "x"));
    free(designer_put(root, "cards/roles.yaml~", "x"));
    free(designer_put(root, "cards/notes.txt", "x"));
    free(designer_put(root, "README.md", "x"));
    assert_false(wait_change(w, RELOAD_DEBOUNCE_MS * 3));
    /* art in a folder made after the start, and a scenarios folder that did not exist */
    free(designer_put(root, "assets/art/new/b.png", "x"));
    assert_true(wait_change(w, 3000));
    sleep_ms(50);
    free(designer_put(root, "assets/art/new/c.png", "x"));
    assert_true(wait_change(w, 3000));
    free(designer_put(root, "scenarios/x.yaml", "id: x\n"));
    assert_true(wait_change(w, 3000));
    reload_watch_free(w);
    reload_watch_free(NULL);
    designer_rmtree(root);
    free(root);
}

/* The app's watcher: a saved edit reloads through reload_poll. */
static void test_reload_poll(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    reload_watch_start(a);
    assert_non_null(a->reload->watch);
    assert_false(reload_poll(a));
    designer_edit(f->root, "cards/events.yaml", "en: Customer calls pile up",
                  "en: Calls and more calls");
    bool done = false;
    for (int t = 0; t < 3000 && !done; t += 20) {
        done = reload_poll(a);
        if (!done)
            sleep_ms(20);
    }
    assert_true(done);
    int ev = ruleset_event(a->rs, "inquiry_surge");
    assert_string_equal(ml_get(&a->rs->events[ev].title, LANG_EN), "Calls and more calls");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reload_broken_edit_keeps_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_fixed_edit_carries_on, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_incompatible_restarts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_scenario_gone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reload_newgame_follows_id, setup, teardown),
        cmocka_unit_test(test_reload_from_error_screen),
        cmocka_unit_test(test_reload_watcher),
        cmocka_unit_test_setup_teardown(test_reload_poll, setup, teardown),
    };
    return cmocka_run_group_tests_name("reload", tests, NULL, NULL);
}
