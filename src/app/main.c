/* main.c: the malcon executable: command-line options, the window, the main loop (sleeps when
 * idle, ~60 fps while something moves) and the offscreen --screenshot mode. */
#include "app.h"
#include "packs.h"
#include "reload.h"
#include "facil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAIN_TITLE      "Malware Containment / マルウェア封じ込め"
#define MAIN_FRAME_MS   16   /* ~60 fps while animating */
#define MAIN_IDLE_MS    2000 /* otherwise wake every 2 s (timers are checked; nothing is drawn) */
#define MAIN_SHOT_TICKS 120  /* at most 2 s of updates before a screenshot */

typedef struct main_opts {
    const char *content;
    const char *lang;
    bool fullscreen;
    int w, h;
    const char *scenario;
    const char *seed;
    const char *screen;
    const char *load;
    const char *screenshot;
    const char *packs[PACKS_MAX]; /* --pack DIR (repeatable), in order */
    int n_packs;
    bool facilitator; /* --facilitator: the console in a second window */
    int page;         /* --page N: the debrief's page shown first (1-6) */
} main_opts;

static void main_usage(FILE *f)
{
    fputs("usage: malcon [options]\n"
          "Malware Containment: a CSIRT incident-response training game.\n"
          "\n"
          "  --content DIR        content root (cards/, scenarios/, assets/)\n"
          "  --pack DIR           a content pack laid over it: its cards, scenarios and art add\n"
          "                       to or replace the content's by id (repeatable, in order)\n"
          "  --lang ja|en         language of this session (default: the saved setting)\n"
          "  --fullscreen         start in fullscreen (F11 toggles it at any time)\n"
          "  --size WxH           window size in pixels (default 1280x720)\n"
          "  --scenario ID        scenario for a new game (tutorial, standard, ...)\n"
          "  --seed N             seed for a new game (default: random from the time)\n"
          "  --screen NAME        start on a screen: title, setup, board, end, settings, solo,\n"
          "                       records, debrief, replay\n"
          "                       (board: a new game of --scenario; end: needs --load;\n"
          "                       facilitator: the facilitator console of that game; solo: a\n"
          "                       new solo practice game with its clock; debrief and replay:\n"
          "                       need --load of a game)\n"
          "  --load SAVE          bring the game to the point of a save or action script,\n"
          "                       then show the board (or the end screen if it is over)\n"
          "  --screenshot FILE    render the chosen screen offscreen to FILE (PNG) and exit\n"
          "  --page N             the debrief page shown first (1-6)\n"
          "  --facilitator        a person runs the hidden side from the facilitator console\n"
          "                       in a second window (--screen facilitator: the console itself)\n"
          "  --help               this text\n"
          "\n"
          "Keys everywhere: F11 fullscreen, F12 screenshot (into $MALCON_SCREENSHOT_DIR, else the\n"
          "user data folder), F5 reload the content (saved content files reload by themselves).\n"
          "The user data folder is $MALCON_PREF_DIR when set; its packs/ folders are content\n"
          "packs, switched on and off on the title screen.\n"
          "\n"
          "Exit status: 0 ok, 1 bad options or content, 2 no display.\n",
          f);
}

/* Parses the options; false (after a message) when they are wrong. */
static bool main_parse(int argc, char **argv, main_opts *o, bool *help)
{
    memset(o, 0, sizeof *o);
    o->w = 1280;
    o->h = 720;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **slot = NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            *help = true;
            return true;
        } else if (!strcmp(arg, "--fullscreen")) {
            o->fullscreen = true;
            continue;
        } else if (!strcmp(arg, "--facilitator")) {
            o->facilitator = true;
            continue;
        } else if (!strcmp(arg, "--page")) {
            if (i + 1 >= argc || sscanf(argv[i + 1], "%d", &o->page) != 1 || o->page < 1 ||
                o->page > DP_COUNT) {
                fprintf(stderr, "malcon: --page wants a debrief page number, 1 to %d\n", DP_COUNT);
                return false;
            }
            i++;
            continue;
        } else if (!strcmp(arg, "--content")) {
            slot = &o->content;
        } else if (!strcmp(arg, "--pack")) {
            if (o->n_packs >= PACKS_MAX) {
                fprintf(stderr, "malcon: at most %d --pack folders\n", PACKS_MAX);
                return false;
            }
            slot = &o->packs[o->n_packs++];
        } else if (!strcmp(arg, "--lang")) {
            slot = &o->lang;
        } else if (!strcmp(arg, "--scenario")) {
            slot = &o->scenario;
        } else if (!strcmp(arg, "--seed")) {
            slot = &o->seed;
        } else if (!strcmp(arg, "--screen")) {
            slot = &o->screen;
        } else if (!strcmp(arg, "--load")) {
            slot = &o->load;
        } else if (!strcmp(arg, "--screenshot")) {
            slot = &o->screenshot;
        } else if (!strcmp(arg, "--size")) {
            if (i + 1 >= argc || sscanf(argv[i + 1], "%dx%d", &o->w, &o->h) != 2 || o->w < 320 ||
                o->h < 240 || o->w > 8192 || o->h > 8192) {
                fprintf(stderr,
                        "malcon: --size wants WxH (320x240 to 8192x8192), e.g. 1920x1080\n");
                return false;
            }
            i++;
            continue;
        } else {
            fprintf(stderr, "malcon: unknown option '%s' (see malcon --help)\n", arg);
            return false;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "malcon: %s needs a value (see malcon --help)\n", arg);
            return false;
        }
        *slot = argv[++i];
    }
    if (o->lang && strcmp(o->lang, "ja") && strcmp(o->lang, "en")) {
        fprintf(stderr, "malcon: --lang is ja or en, not '%s'\n", o->lang);
        return false;
    }
    /* "solo" is no screen of its own: the board of a new solo practice game */
    if (o->screen && strcmp(o->screen, "solo") != 0 &&
        (app_screen_find(o->screen) < 0 || app_screen_find(o->screen) == SCR_ERROR)) {
        fprintf(stderr,
                "malcon: unknown screen '%s' (title, setup, board, end, settings, solo, "
                "records, debrief, replay, facilitator)\n",
                o->screen);
        return false;
    }
    return true;
}

/* True on X11/Wayland systems with neither display set and no video driver asked for. */
static bool main_no_display(void)
{
#if defined(__unix__) && !defined(__APPLE__) && !defined(__ANDROID__)
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (drv && *drv)
        return false; /* the user chose a driver (dummy, offscreen, kmsdrm): trust them */
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (!x || !*x) && (!w || !*w);
#else
    return false;
#endif
}

/* Prints the content errors as file:line:col lines. */
static void main_print_errors(const core_err *e)
{
    for (size_t i = 0; i < e->count; i++) {
        char *line = core_err_format(e, i);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    if (e->dropped)
        fprintf(stderr, "malcon: ... and %zu more\n", e->dropped);
}

/* Applies --scenario, --seed, --load and --screen; false (after a message) on a bad value. */
static bool main_prepare(app *a, const main_opts *o, screen_id *first)
{
    char why[RULES_WHY_MAX + 64];
    *first = SCR_TITLE;
    if (o->scenario) {
        int sc = ruleset_scenario(a->rs, o->scenario);
        if (sc < 0) {
            fprintf(stderr, "malcon: unknown scenario '%s'; there are:", o->scenario);
            for (size_t i = 0; i < a->rs->n_scenarios; i++)
                fprintf(stderr, " %s", a->rs->scenarios[i].id);
            fputc('\n', stderr);
            return false;
        }
        newgame_set_scenario(&a->newgame, a->rs, sc);
    }
    if (o->seed && !newgame_parse_seed(o->seed, &a->newgame.setup.seed)) {
        fprintf(stderr, "malcon: --seed wants a whole number, not '%s'\n", o->seed);
        return false;
    }
    if (o->load) {
        core_err err = {0};
        char *text = data_read_file(o->load, 4 * 1024 * 1024, NULL, &err);
        if (!text) {
            main_print_errors(&err);
            core_err_free(&err);
            return false;
        }
        core_err_free(&err);
        bool ok = app_load_text(a, text, why, sizeof why);
        free(text);
        if (!ok) {
            fprintf(stderr, "%s: %s\n", o->load, why);
            return false;
        }
        *first = app_match_screen(a);
    }
    if (o->screen && !strcmp(o->screen, "solo")) {
        /* solo practice as the title starts it: the timed scenario (or --scenario) with the
         * clock running, one player holding the core roles */
        int sc = o->scenario ? a->newgame.scenario : -1;
        for (size_t i = 0; sc < 0 && i < a->rs->n_scenarios; i++)
            if (a->rs->scenarios[i].solo_seconds > 0 && !a->rs->scenarios[i].tutorial)
                sc = (int)i;
        if (sc < 0 || !app_start_seeded(a, sc, MODE_SOLO, a->newgame.setup.seed, why, sizeof why)) {
            fprintf(stderr, "malcon: cannot start solo practice: %s\n",
                    sc < 0 ? "no scenario has a solo time limit" : why);
            return false;
        }
        *first = SCR_BOARD;
        return true;
    }
    if (o->screen) {
        screen_id s = (screen_id)app_screen_find(o->screen);
        if ((s == SCR_DEBRIEF || s == SCR_REPLAY) && !a->match) {
            fprintf(stderr, "malcon: --screen %s needs --load of a game\n", o->screen);
            return false;
        }
        if (s == SCR_DEBRIEF && o->page > 0)
            a->debrief.page = o->page - 1;
        if ((s == SCR_BOARD || s == SCR_FACILITATOR) && !a->match) {
            if (!app_start_newgame(a, why, sizeof why)) {
                fprintf(stderr, "malcon: cannot start the game: %s\n", why);
                return false;
            }
        }
        if (s == SCR_END && (!a->match || rules_outcome(match_state(a->match)) == OUT_ONGOING)) {
            fprintf(stderr, "malcon: --screen end needs --load of a finished game\n");
            return false;
        }
        *first = s;
    }
    return true;
}

/* Renders the first screen offscreen and saves it: enter, update until animations settle (a
 * bounded number of ticks), draw, save. Returns the exit status. */
static int main_screenshot(app *a, ui_platform *p, screen_id first, const char *png)
{
    a->fast_forward = true; /* the board settles where a player must act, with no pauses */
    app_set_screen(a, first);
    for (int i = 0; i < MAIN_SHOT_TICKS; i++) {
        a->animating = false;
        app_update(a, MAIN_FRAME_MS);
        if (i >= 3 && !a->animating)
            break;
    }
    ui_draw *d = platform_draw(p);
    a->width = d->width;
    a->height = d->height;
    app_draw(a, d);
    platform_present(p);
    char why[256];
    if (!platform_screenshot(p, png, why, sizeof why)) {
        fprintf(stderr, "malcon: screenshot: %s\n", why);
        return 1;
    }
    printf("malcon: screenshot %s (%s)\n", png, app_screen(a->screen)->name);
    return 0;
}

/* Saves the frame just presented (F12) as the next numbered PNG in the screenshot folder: the
 * main window's, or the console window's when win is not NULL. */
static void main_save_frame(const app *a, ui_platform *p, ui_window *win, int *counter)
{
    const char *dir = getenv("MALCON_SCREENSHOT_DIR");
    if (!dir || !*dir)
        dir = a->pref_dir ? a->pref_dir : ".";
    char name[64];
    snprintf(name, sizeof name, "malcon-shot-%03d.png", ++*counter);
    char *path = data_path_join(dir, name);
    char why[256];
    if (win ? platform_window_screenshot(win, path, why, sizeof why)
            : platform_screenshot(p, path, why, sizeof why))
        printf("malcon: screenshot %s\n", path);
    else
        fprintf(stderr, "malcon: screenshot: %s\n", why);
    fflush(stdout);
    free(path);
}

/* Opens or closes the facilitator console's window as the app wants it (facil.h). True when it
 * was opened or closed now. */
static bool main_console_sync(app *a, ui_platform *p, ui_window **win)
{
    facil *f = a->facil;
    bool want = f && f->use_window && f->window;
    if (want && !*win) {
        char why[256] = "";
        *win =
            platform_window_open(p, FACIL_TITLE, FACIL_CONSOLE_W, FACIL_CONSOLE_H, why, sizeof why);
        if (!*win) {
            fprintf(stderr, "malcon: cannot open the facilitator console window: %s\n", why);
            facil_window_failed(a);
            return true;
        }
        ui_draw *d = platform_window_draw(*win);
        f->w = d->width;
        f->h = d->height;
        printf("malcon: console open\n");
        fflush(stdout);
        return true;
    }
    if (!want && *win) {
        platform_window_close(*win);
        *win = NULL;
        if (f)
            f->w = f->h = 0;
        printf("malcon: console closed\n");
        fflush(stdout);
        return true;
    }
    return false;
}

/* One input of the console window. Sets *shot on F12 (a screenshot of the console). */
static void main_console_input(app *a, const ui_input *in, bool *shot)
{
    facil *f = a->facil;
    if (in->type == IN_WINDOW_CLOSE)
        facil_hand_over(a); /* the game goes on: the computer facilitates until F9 */
    else if (in->type == IN_RESIZE)
        f->w = in->w, f->h = in->h;
    else if (in->type == IN_KEY && in->key == KEY_F12)
        *shot = true;
    else if (in->type == IN_KEY && in->key == KEY_F11)
        ; /* fullscreen is the projector's business */
    else
        console_input(a, in, f->w, f->h);
}

/* The interactive loop. Returns the exit status. */
static int main_loop(app *a, ui_platform *p)
{
    bool first_frame = false, was_animating = true, shot = false, console_shot = false;
    ui_window *console = NULL;
    int shots = 0;
    int shown = -1;
    uint32_t last = platform_ticks(p);
    while (!a->quit) {
        ui_input in;
        int timeout = was_animating ? MAIN_FRAME_MS : MAIN_IDLE_MS;
        if (!first_frame)
            timeout = 0;
        bool got = platform_poll(p, &in, timeout), changed = got;
        while (got && !a->quit) {
            if (in.window != 0) {
                /* the facilitator console's window (inputs of a closed one are dropped) */
                if (console && in.window == platform_window_id(console))
                    main_console_input(a, &in, &console_shot);
            } else if (in.type == IN_KEY && in.key == KEY_F12) {
                shot = true; /* F12 belongs to the loop: it saves the next frame it presents */
            } else {
                app_input(a, &in);
            }
            got = platform_poll(p, &in, 0);
        }
        if (a->quit)
            break;
        /* a saved content file (the watcher woke the wait above): reload it */
        if (reload_poll(a))
            changed = true;
        uint32_t now = platform_ticks(p);
        uint32_t dt = now - last;
        last = now;
        /* Time spent idle is not animation time: a new animation starts from its beginning. */
        if (!was_animating && dt > MAIN_FRAME_MS)
            dt = MAIN_FRAME_MS;
        if (dt > 250)
            dt = 250;
        a->animating = false;
        app_update(a, dt);
        /* Draw only when something may have changed (input, movement, a new screen); an idle
         * wake-up draws and shows nothing. */
        changed = changed || was_animating || a->animating || !first_frame;
        was_animating = a->animating;
        if ((int)a->screen != shown) {
            shown = (int)a->screen;
            changed = true;
            printf("malcon: screen %s\n", app_screen(a->screen)->name);
            fflush(stdout);
        }
        changed = main_console_sync(a, p, &console) || changed;
        if (changed) {
            ui_draw *d = platform_draw(p);
            a->width = d->width;
            a->height = d->height;
            app_draw(a, d);
            /* the console shows the same game: it changes when the main window does */
            if (console)
                console_draw(a, platform_window_draw(console), a->facil->w, a->facil->h);
            /* Only a new frame is shown: presenting costs a full-window copy (~1% of a core
             * every 2 s with Mesa's software GL). An uncovered window arrives as a resize. */
            platform_present(p);
            if (console)
                platform_window_present(console);
        }
        if (!first_frame) {
            first_frame = true;
            printf("malcon: first frame\n");
            fflush(stdout);
        }
        if (shot) {
            shot = false;
            main_save_frame(a, p, NULL, &shots);
        }
        if (console_shot && console) {
            console_shot = false;
            main_save_frame(a, p, console, &shots);
        }
    }
    platform_window_close(console);
    return 0;
}

int main(int argc, char **argv)
{
    /* One line at a time: the end-to-end test waits on these lines through a pipe or file. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    main_opts o;
    bool help = false;
    if (!main_parse(argc, argv, &o, &help)) {
        main_usage(stderr);
        return 1;
    }
    if (help) {
        main_usage(stdout);
        return 0;
    }

    /* Screenshots are reproducible: they never touch the user's own data folder, only one
     * given explicitly with MALCON_PREF_DIR (tests use it, e.g. for a title with Continue). */
    const char *env = getenv("MALCON_PREF_DIR");
    char *pref = NULL;
    if (env && *env)
        pref = core_strdup(env);
    else if (!o.screenshot)
        pref = platform_pref_path();

    app a;
    memset(&a, 0, sizeof a);
    /* A new game's seed comes from the time; a screenshot is the same image every run. */
    a.seed_entropy = o.screenshot ? 0 : (uint64_t)time(NULL) ^ ((uint64_t)clock() << 32);
    a.width = o.w;
    a.height = o.h;
    for (int i = 0; i < o.n_packs; i++)
        packs_add(&a, o.packs[i]);
    bool content_ok = app_init(&a, o.content, pref);
    free(pref);
    if (!content_ok) {
        fprintf(stderr, "malcon: the content in %s has errors:\n", a.content_root);
        main_print_errors(&a.content_err);
        if (o.screenshot) {
            app_free(&a);
            return 1;
        }
    }
    if (o.lang)
        app_set_lang(&a, strcmp(o.lang, "en") ? LANG_JA : LANG_EN);
    if (o.facilitator && !o.screenshot)
        facil_force_window(&a);

    screen_id first = content_ok ? SCR_TITLE : SCR_ERROR;
    if (content_ok && !main_prepare(&a, &o, &first)) {
        app_free(&a);
        return 1;
    }

    /* SDL quietly falls back to its invisible "offscreen" driver when there is no display, so
     * a player would see nothing at all: say so plainly instead. */
    if (!o.screenshot && main_no_display()) {
        fprintf(stderr, "malcon: no display: set DISPLAY or run under Xvfb (or use --screenshot, "
                        "which needs no window)\n");
        app_free(&a);
        return 2;
    }
    ui_platform_opts po = {0};
    po.title = MAIN_TITLE;
    po.width = o.w;
    po.height = o.h;
    po.fullscreen = !o.screenshot && (o.fullscreen || a.settings.fullscreen);
    po.headless = o.screenshot != NULL;
    po.content_root = a.content_root;
    char why[256] = "";
    ui_platform *p = platform_open(&po, why, sizeof why);
    if (!p) {
        fprintf(stderr, "malcon: %s\n", why[0] ? why : "cannot open a window");
        app_free(&a);
        return 2;
    }
    a.platform = p;
    reload_attach(&a, !o.screenshot); /* pack art; the content watcher in a real game */
    if (po.fullscreen != a.settings.fullscreen)
        a.settings.fullscreen = po.fullscreen; /* this session only: not saved */

    int rc;
    if (o.screenshot) {
        rc = main_screenshot(&a, p, first, o.screenshot);
    } else {
        app_set_screen(&a, first);
        rc = main_loop(&a, p);
    }
    app_free(&a);
    platform_close(p);
    return rc;
}
