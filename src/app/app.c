/* app.c: the application core: the screen table and switching, content and settings at start,
 * translation, starting/loading games and the autosave hook. No SDL: the main loop (main.c)
 * feeds it inputs and a drawing target. */
#include "app.h"

#include "facil.h"

#include "layout.h"
#include "packs.h"
#include "reload.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define APP_AUTOSAVE_FILE "autosave.malcon"
#define APP_CATALOGUE     "assets/i18n/ja.po"

/* One row per screen_id, in enum order. */
static const screen_ops *const app_screens[SCR_COUNT] = {
    [SCR_TITLE] = &screen_title_ops,         [SCR_SETUP] = &screen_setup_ops,
    [SCR_BOARD] = &screen_board_ops,         [SCR_END] = &screen_end_ops,
    [SCR_SETTINGS] = &screen_settings_ops,   [SCR_ERROR] = &screen_error_ops,
    [SCR_FACILITATOR] = &screen_console_ops, [SCR_RECORDS] = &screen_records_ops,
    [SCR_DEBRIEF] = &screen_debrief_ops,     [SCR_REPLAY] = &screen_replay_ops,
};

const screen_ops *app_screen(screen_id id)
{
    assert(id >= 0 && id < SCR_COUNT);
    return app_screens[id];
}

int app_screen_find(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < SCR_COUNT; i++)
        if (!strcmp(app_screens[i]->name, name))
            return i;
    return -1;
}

void app_goto(app *a, screen_id id)
{
    assert(a && id >= 0 && id < SCR_COUNT);
    a->next_screen = id;
}

const char *app_tr(const app *a, const char *msgid)
{
    assert(msgid);
    if (!a || a->lang != LANG_JA)
        return msgid;
    return i18n_get(a->catalogue, msgid);
}

uint64_t app_random_seed(app *a)
{
    /* splitmix64 over the entropy; short seeds (1..999999) are easy to read out and share. */
    a->seed_entropy += 0x9E3779B97F4A7C15ULL;
    uint64_t z = a->seed_entropy;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return 1 + z % 999999u;
}

void app_player_name(const app *a, int n, char *out, size_t out_n)
{
    assert(out && out_n);
    /* Japanese names take no space before the number (プレイヤー1), English ones do. */
    if (a && a->lang == LANG_JA)
        snprintf(out, out_n, "%s%d", app_tr(a, "Player"), n + 1);
    else
        snprintf(out, out_n, "Player %d", n + 1);
}

/* True when name is player n's default name in either language (so it may be retranslated). */
static bool app_is_default_name(const app *a, int n, const char *name)
{
    char buf[RULES_NAME_MAX];
    app tmp = *a;
    for (int l = 0; l < LANG_COUNT; l++) {
        tmp.lang = (lang)l;
        app_player_name(&tmp, n, buf, sizeof buf);
        if (!strcmp(buf, name))
            return true;
    }
    return false;
}

void app_set_lang(app *a, lang l)
{
    assert(a && (l == LANG_JA || l == LANG_EN));
    if (a->lang == l)
        return;
    app old = *a;
    a->lang = l;
    /* Default player names follow the language; names the group typed stay as they are. */
    game_setup *su = &a->newgame.setup;
    for (int p = 0; p < su->n_players; p++)
        if (app_is_default_name(&old, p, su->player[p]))
            app_player_name(a, p, su->player[p], RULES_NAME_MAX);
}

/* The scenario the new-game screen starts on: the standard incident when there is one. */
static int app_default_scenario(const ruleset *rs)
{
    int sc = ruleset_scenario(rs, "standard");
    if (sc >= 0)
        return sc;
    for (size_t i = 0; i < rs->n_scenarios; i++)
        if (!rs->scenarios[i].tutorial && !rs->scenarios[i].solo_seconds)
            return (int)i;
    return 0;
}

/* Fills the new-game defaults: a four-player workshop (one core role each) of the standard
 * scenario with a fresh seed. */
static void app_newgame_defaults(app *a)
{
    app_newgame *ng = &a->newgame;
    memset(ng, 0, sizeof *ng);
    ng->computer_facilitator = true;
    game_setup *su = &ng->setup;
    su->mode = MODE_WORKSHOP;
    su->private_info = true;
    su->open_info = false;
    su->seed = app_random_seed(a);
    su->n_players = 4;
    for (int p = 0; p < RULES_MAX_PLAYERS; p++)
        app_player_name(a, p, su->player[p], RULES_NAME_MAX);
    if (a->rs && a->rs->n_scenarios) {
        newgame_set_scenario(ng, a->rs, app_default_scenario(a->rs));
    }
}

i18n *app_catalogue_load(const char *content_root, core_err *err)
{
    const char *roots[2] = {content_root, data_default_root()};
    i18n *cat = NULL;
    for (int i = 0; i < 2 && !cat; i++) {
        if (i == 1 && !strcmp(roots[0], roots[1]))
            break;
        char *po = data_path_join(roots[i], APP_CATALOGUE);
        FILE *f = fopen(po, "rb"); /* a missing catalogue is no error: English shows */
        if (f) {
            fclose(f);
            cat = i18n_load(po, err);
        }
        free(po);
    }
    return cat;
}

/* Loads the content (and the UI catalogue) from a->content_root. */
static bool app_load_content(app *a)
{
    ruleset_free(a->rs);
    a->rs = NULL;
    core_err_free(&a->content_err);
    a->rs = packs_load(a, &a->content_err); /* the base content with the packs over it */
    if (a->rs && a->rs->n_scenarios == 0) {
        core_err_add(&a->content_err, ERR_MISSING, LVL_ERROR, "scenarios", 0, 0,
                     "no scenario found: the game needs at least one scenarios/*.yaml");
        ruleset_free(a->rs);
        a->rs = NULL;
    }
    i18n_free(a->catalogue);
    a->catalogue = NULL;
    core_err perr = {0};
    a->catalogue = app_catalogue_load(a->content_root, &perr);
    /* A broken catalogue is not fatal (English shows), but the designer must hear of it. */
    for (size_t i = 0; i < perr.count; i++) {
        char *line = core_err_format(&perr, i);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    if (!a->catalogue && !perr.count)
        fprintf(stderr, "malcon: no %s in %s: the game speaks English only\n", APP_CATALOGUE,
                a->content_root);
    core_err_free(&perr);
    return a->rs != NULL;
}

bool app_init(app *a, const char *content_root, const char *pref_dir)
{
    assert(a);
    a->content_root = core_strdup(content_root ? content_root : data_default_root());
    if (!a->facil)
        a->facil = facil_new();
    a->board.selected_action = -1;
    a->board.curtain_role = -1;
    a->setup.editing = -1;
    a->title_focus = -1; /* the title picks its main action on first entry */
    a->title_pack_focus = -1;
    if (a->width <= 0 || a->height <= 0) {
        a->width = LAYOUT_BASE_W;
        a->height = LAYOUT_BASE_H;
    }
    if (pref_dir) {
        size_t n = strlen(pref_dir);
        a->pref_dir = core_alloc(n + 2);
        memcpy(a->pref_dir, pref_dir, n);
        if (n == 0 || pref_dir[n - 1] != '/')
            a->pref_dir[n++] = '/';
        a->pref_dir[n] = '\0';
        a->autosave_path = data_path_join(a->pref_dir, APP_AUTOSAVE_FILE);
    }
    settings_load(&a->settings, a->pref_dir);
    a->lang = a->settings.lang;
    packs_scan(a); /* the user's content packs and which are on */
    bool ok = app_load_content(a);
    app_newgame_defaults(a);
    a->screen = a->next_screen = ok ? SCR_TITLE : SCR_ERROR;
    a->screen_entered = false;
    return ok;
}

void app_free(app *a)
{
    if (!a)
        return;
    if (a->screen_entered && app_screens[a->screen]->leave)
        app_screens[a->screen]->leave(a);
    a->screen_entered = false;
    match_free(a->match);
    a->match = NULL;
    ruleset_free(a->rs);
    a->rs = NULL;
    core_err_free(&a->content_err);
    i18n_free(a->catalogue);
    a->catalogue = NULL;
    free(a->content_root);
    free(a->pref_dir);
    free(a->autosave_path);
    a->content_root = a->pref_dir = a->autosave_path = NULL;
    facil_free(a->facil);
    a->facil = NULL;
    reload_free(a); /* stops the file watcher (before main closes the platform it wakes) */
    packs_free(a);
}

bool app_reload_content(app *a)
{
    assert(a);
    match_free(a->match);
    a->match = NULL;
    bool ok = app_load_content(a);
    lang l = a->lang;
    app_newgame_defaults(a);
    a->lang = l;
    return ok;
}

void app_set_screen(app *a, screen_id id)
{
    assert(a && id >= 0 && id < SCR_COUNT);
    if (a->screen_entered && app_screens[a->screen]->leave)
        app_screens[a->screen]->leave(a);
    a->screen = a->next_screen = id;
    a->screen_entered = true;
    if (app_screens[id]->enter)
        app_screens[id]->enter(a);
}

void app_input(app *a, const ui_input *in)
{
    assert(a && in);
    switch (in->type) {
    case IN_QUIT:
        a->quit = true;
        return;
    case IN_RESIZE:
        if (in->w > 0 && in->h > 0) {
            a->width = in->w;
            a->height = in->h;
        }
        break;
    case IN_KEY:
        if (in->key == KEY_F11) {
            if (a->platform)
                platform_toggle_fullscreen(a->platform);
            a->settings.fullscreen = !a->settings.fullscreen;
            settings_save(&a->settings, a->pref_dir);
            return;
        }
        /* F9: the facilitator console (its window, or the PIN prompt of the overlay) */
        if (in->key == KEY_F9 && !facil_covers_main(a) && facil_reopen(a))
            return;
        break;
    case IN_MOUSE_MOVE:
    case IN_MOUSE_DOWN:
    case IN_MOUSE_UP:
        a->hover_x = in->x;
        a->hover_y = in->y;
        break;
    default:
        break;
    }
    if (!a->screen_entered)
        app_set_screen(a, a->screen);
    if (reload_input(a, in)) /* F5, and the reload error overlay over any screen */
        return;
    if (facil_covers_main(a)) {
        console_main_input(a, in); /* the overlay or its PIN prompt hides the screen */
        return;
    }
    if (app_screens[a->screen]->input)
        app_screens[a->screen]->input(a, in);
}

void app_update(app *a, uint32_t dt_ms)
{
    assert(a);
    if (!a->screen_entered || a->next_screen != a->screen)
        app_set_screen(a, a->next_screen);
    if (app_screens[a->screen]->update)
        app_screens[a->screen]->update(a, dt_ms);
    facil_update(a, dt_ms);
    reload_update(a, dt_ms);
}

void app_draw(const app *a, ui_draw *d)
{
    assert(a && d);
    if (facil_covers_main(a))
        console_main_draw(a, d); /* never the board behind the console or the PIN prompt */
    else
        app_screens[a->screen]->draw(a, d);
    reload_draw(a, d); /* the reload toast and error overlay over the screen */
}

/* Resets the board's UI state for a match that is about to be shown. */
static void app_board_reset(app *a)
{
    memset(&a->board, 0, sizeof a->board);
    a->board.selected_action = -1;
    a->board.curtain_role = -1;
}

/* Takes ownership of m as the game in progress, saves it and shows it. */
static void app_adopt_match(app *a, match *m)
{
    match_free(a->match);
    a->match = m;
    app_board_reset(a);
    facil_match_adopted(a);
    solo_adopt(a); /* the solo clock, its record and the debrief start over with this game */
    /* Save a game in progress at once (Continue works before the first move); a finished game
     * being shown (--load of a finished save) must not remove the autosave of another game. */
    if (rules_outcome(match_state(m)) == OUT_ONGOING)
        app_autosave(a);
    app_goto(a, app_match_screen(a));
}

bool app_start_newgame(app *a, char *why, size_t why_n)
{
    assert(a && a->rs);
    app_newgame *ng = &a->newgame;
    ng->setup.mode = MODE_WORKSHOP;
    if (!newgame_valid(&ng->setup, a->rs, ng->scenario, why, why_n))
        return false;
    match *m = match_new(a->rs, ng->scenario, &ng->setup, why, why_n);
    if (!m)
        return false;
    app_adopt_match(a, m);
    if (!ng->computer_facilitator)
        facil_person_starts(a); /* a person runs the hidden side: the console opens */
    /* The next game from this screen gets a new seed (this one is recorded in the save). */
    ng->setup.seed = app_random_seed(a);
    return true;
}

bool app_start_quick(app *a, int sc, game_mode mode, char *why, size_t why_n)
{
    return app_start_seeded(a, sc, mode, app_random_seed(a), why, why_n);
}

bool app_start_seeded(app *a, int sc, game_mode mode, uint64_t seed, char *why, size_t why_n)
{
    assert(a && a->rs && sc >= 0 && (size_t)sc < a->rs->n_scenarios);
    game_setup su;
    memset(&su, 0, sizeof su);
    setup_default(&su, a->rs, sc, seed);
    su.mode = mode;
    /* One person sees everything anyway: no curtain to pass around; a tutorial shows every
     * result openly, so the learner sees what each role learns. */
    if (su.n_players <= 1)
        su.private_info = false;
    if (a->rs->scenarios[sc].tutorial)
        su.open_info = true;
    app_player_name(a, 0, su.player[0], RULES_NAME_MAX);
    match *m = match_new(a->rs, sc, &su, why, why_n);
    if (!m)
        return false;
    app_adopt_match(a, m);
    return true;
}

bool app_load_text(app *a, const char *text, char *why, size_t why_n)
{
    assert(a && a->rs && text);
    bool mismatch = false;
    match *m = match_load_text(a->rs, text, &mismatch, why, why_n);
    if (!m)
        return false;
    if (mismatch)
        fprintf(stderr, "malcon: the save was made with other content; it replays as it is now\n");
    app_adopt_match(a, m);
    return true;
}

bool app_continue(app *a, char *why, size_t why_n)
{
    assert(a && a->rs);
    char reason[RULES_WHY_MAX] = "";
    match *m = NULL;
    a->autosave = autosave_check(a->autosave_path, a->rs, &m, reason, sizeof reason);
    switch (a->autosave) {
    case AUTOSAVE_OK:
        app_adopt_match(a, m);
        return true;
    case AUTOSAVE_BAD:
        snprintf(why, why_n, "%s (%s)",
                 app_tr(a, "The autosaved game could not be read; it was kept as "
                           "autosave.malcon.bad"),
                 reason);
        return false;
    case AUTOSAVE_FINISHED:
        snprintf(why, why_n, "%s", app_tr(a, "The autosaved game is over: start a new one."));
        return false;
    case AUTOSAVE_NONE:
    default:
        snprintf(why, why_n, "%s", app_tr(a, "There is no game to continue."));
        return false;
    }
}

screen_id app_match_screen(const app *a)
{
    assert(a);
    if (a->match && rules_outcome(match_state(a->match)) != OUT_ONGOING)
        return SCR_END;
    return SCR_BOARD;
}

void app_autosave(app *a)
{
    assert(a);
    if (!a->match || !a->autosave_path)
        return;
    if (rules_outcome(match_state(a->match)) != OUT_ONGOING) {
        autosave_remove(a->autosave_path);
        a->autosave = AUTOSAVE_NONE;
        return;
    }
    if (autosave_write(a->autosave_path, a->match))
        a->autosave = AUTOSAVE_OK;
    else
        fprintf(stderr, "malcon: cannot write %s\n", a->autosave_path);
}
