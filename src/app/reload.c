/* reload.c: hot reload: the inotify watcher thread, reloading into a new ruleset and carrying
 * the game in progress over (or restarting it from its seed), the error overlay and the toast. */
#define _POSIX_C_SOURCE 200809L

#include "reload.h"

#include "layout.h"
#include "packs.h"
#include "widget.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <unistd.h>

/* ---------------------------------------------------------------- the watcher */

#define RELOAD_MAX_WATCHES 256 /* folders watched at once (roots, content folders, art) */
#define RELOAD_ASSET_DEPTH 4   /* assets/ subfolders followed this deep */

#define RELOAD_DIR_EVENTS  (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
#define RELOAD_ROOT_EVENTS (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)

typedef struct reload_wd {
    int wd;     /* inotify watch descriptor; -1: free slot */
    int depth;  /* 0: a content root; 1: cards/, scenarios/, assets/; 2..: assets' subfolders */
    char *path; /* the folder */
} reload_wd;

struct reload_watch {
    int fd;      /* inotify, non-blocking */
    int stop[2]; /* a pipe: writing to it ends the thread's wait */
    pthread_t thread;
    bool running;
    atomic_bool changed;
    void (*wake)(void *ctx);
    void *ctx;
    reload_wd w[RELOAD_MAX_WATCHES]; /* touched by the thread only once it runs */
    size_t n;
};

/* True when a file name is content the game reads: YAML and art (never editors' hidden, swap
 * or backup files, which change on every keystroke). */
static bool reload_is_content(const char *name)
{
    static const char *const ext[] = {".yaml", ".png", ".jpg", ".jpeg"};
    size_t n = strlen(name);
    if (!n || name[0] == '.' || name[n - 1] == '~')
        return false;
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
            return true;
    }
    return false;
}

static bool reload_is_content_dir(const char *name)
{
    return !strcmp(name, "cards") || !strcmp(name, "scenarios") || !strcmp(name, "assets");
}

/* Watches path (depth as in reload_wd), and for assets/ its subfolders. Quiet when the folder
 * does not exist (a pack holds only what it changes). */
static void reload_watch_add(reload_watch *w, const char *path, int depth)
{
    if (w->n >= RELOAD_MAX_WATCHES)
        return;
    int wd = inotify_add_watch(w->fd, path,
                               (depth == 0 ? RELOAD_ROOT_EVENTS : RELOAD_DIR_EVENTS) | IN_ONLYDIR);
    if (wd < 0)
        return;
    for (size_t i = 0; i < w->n; i++)
        if (w->w[i].wd == wd)
            return; /* the same folder reached twice (a root given twice) */
    w->w[w->n++] = (reload_wd){wd, depth, core_strdup(path)};
    if (depth >= 1 && depth < RELOAD_ASSET_DEPTH) {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        if (depth == 1 && strcmp(base, "assets") != 0)
            return; /* cards/ and scenarios/ are flat */
        DIR *d = opendir(path);
        if (!d)
            return;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char *sub = data_path_join(path, e->d_name);
            DIR *sd = opendir(sub);
            if (sd) {
                closedir(sd);
                reload_watch_add(w, sub, depth + 1);
            }
            free(sub);
        }
        closedir(d);
    }
}

static reload_wd *reload_watch_find(reload_watch *w, int wd)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->w[i].wd == wd)
            return &w->w[i];
    return NULL;
}

/* Reads every pending event; true when any of them is a content change. */
static bool reload_watch_read(reload_watch *w)
{
    union {
        struct inotify_event ev;
        char buf[8192];
    } u;
    bool changed = false;
    for (;;) {
        ssize_t got = read(w->fd, u.buf, sizeof u.buf);
        if (got <= 0)
            break; /* EAGAIN: drained */
        for (ssize_t off = 0; off < got;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)(u.buf + off);
            off += (ssize_t)(sizeof *ev + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {
                changed = true;
                continue;
            }
            reload_wd *at = reload_watch_find(w, ev->wd);
            if (!at)
                continue;
            if (ev->mask & IN_IGNORED) { /* the folder went away */
                free(at->path);
                *at = w->w[--w->n];
                changed = true;
                continue;
            }
            const char *name = ev->len ? ev->name : "";
            if (ev->mask & IN_ISDIR) {
                bool relevant = at->depth == 0 ? reload_is_content_dir(name) : at->depth >= 1;
                if (!relevant || name[0] == '.')
                    continue;
                if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
                    char *sub = data_path_join(at->path, name);
                    reload_watch_add(w, sub, at->depth + 1);
                    free(sub);
                }
                changed = true;
            } else if (at->depth >= 1 && reload_is_content(name)) {
                changed = true;
            }
        }
    }
    return changed;
}

static void *reload_watch_run(void *arg)
{
    reload_watch *w = arg;
    bool pending = false;
    for (;;) {
        struct pollfd p[2] = {{w->fd, POLLIN, 0}, {w->stop[0], POLLIN, 0}};
        /* asleep until something happens; while a burst goes on, until it has been quiet */
        int r = poll(p, 2, pending ? RELOAD_DEBOUNCE_MS : -1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (p[1].revents)
            break;
        if (r == 0) {
            pending = false;
            atomic_store(&w->changed, true);
            if (w->wake)
                w->wake(w->ctx);
            continue;
        }
        if ((p[0].revents & POLLIN) && reload_watch_read(w))
            pending = true;
    }
    return NULL;
}

reload_watch *reload_watch_new(const char *const *roots, size_t n, void (*wake)(void *ctx),
                               void *ctx)
{
    assert(roots || n == 0);
    reload_watch *w = core_calloc(1, sizeof *w);
    w->stop[0] = w->stop[1] = -1;
    atomic_init(&w->changed, false);
    w->wake = wake;
    w->ctx = ctx;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || pipe(w->stop) != 0) {
        fprintf(stderr, "malcon: cannot watch the content files (%s): press F5 to reload\n",
                strerror(errno));
        reload_watch_free(w);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        reload_watch_add(w, roots[i], 0);
        for (int k = 0; k < 3; k++) {
            static const char *const dirs[] = {"cards", "scenarios", "assets"};
            char *p = data_path_join(roots[i], dirs[k]);
            reload_watch_add(w, p, 1);
            free(p);
        }
    }
    if (pthread_create(&w->thread, NULL, reload_watch_run, w) != 0) {
        fprintf(stderr, "malcon: cannot start the content watcher: press F5 to reload\n");
        reload_watch_free(w);
        return NULL;
    }
    w->running = true;
    return w;
}

bool reload_watch_take(reload_watch *w)
{
    return w && atomic_exchange(&w->changed, false);
}

void reload_watch_free(reload_watch *w)
{
    if (!w)
        return;
    if (w->running) {
        ssize_t wr = write(w->stop[1], "x", 1);
        (void)wr;
        pthread_join(w->thread, NULL);
    }
    for (size_t i = 0; i < w->n; i++)
        free(w->w[i].path);
    if (w->fd >= 0)
        close(w->fd);
    for (int i = 0; i < 2; i++)
        if (w->stop[i] >= 0)
            close(w->stop[i]);
    free(w);
}

/* ---------------------------------------------------------------- reloading */

static app_reload *reload_get(app *a)
{
    if (!a->reload)
        a->reload = core_calloc(1, sizeof *a->reload);
    return a->reload;
}

static void reload_toast(app *a, const char *text, bool good)
{
    app_reload *r = reload_get(a);
    snprintf(r->toast, sizeof r->toast, "%s", text);
    r->toast_good = good;
    r->toast_ms = RELOAD_TOAST_MS;
}

void reload_show_errors(app *a, const core_err *err)
{
    app_reload *r = reload_get(a);
    core_err_free(&r->errors);
    for (size_t i = 0; i < err->count; i++) {
        const core_err_item *it = &err->items[i];
        core_err_add(&r->errors, it->code, it->level, it->file, it->line, it->col, "%s", it->msg);
    }
    r->errors.dropped = err->dropped;
    r->overlay = true;
    r->scroll = 0;
    r->without_packs = false;
    r->toast_ms = 0; /* an earlier "reloaded" would contradict the overlay */
}

static void reload_print(const core_err *e)
{
    for (size_t i = 0; i < e->count; i++) {
        char *line = core_err_format(e, i);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
}

/* True when both rulesets have the same roles at the same indices (a new-game setup's role
 * assignment then still means the same thing). */
static bool reload_same_roles(const ruleset *x, const ruleset *y)
{
    if (x->n_roles != y->n_roles)
        return false;
    for (size_t i = 0; i < x->n_roles; i++)
        if (strcmp(x->roles[i].id, y->roles[i].id) != 0)
            return false;
    return true;
}

/* Points the new-game setup at the same scenario (by id) in the new content; the players,
 * names and options stay, and the roles stay dealt when they still fit. */
static void reload_remap_newgame(app *a, const ruleset *old, const ruleset *rs)
{
    app_newgame *ng = &a->newgame;
    const char *id = old && ng->scenario >= 0 && (size_t)ng->scenario < old->n_scenarios
                         ? old->scenarios[ng->scenario].id
                         : NULL;
    int sc = id ? ruleset_scenario(rs, id) : -1;
    if (sc < 0)
        sc = ruleset_scenario(rs, "standard");
    if (sc < 0)
        sc = 0;
    char why[RULES_WHY_MAX];
    if (old && reload_same_roles(old, rs) && newgame_valid(&ng->setup, rs, sc, why, sizeof why))
        ng->scenario = sc;
    else
        newgame_set_scenario(ng, rs, sc);
}

/* Keeps the old game's save beside the autosave before it is replaced by a restart. */
static void reload_backup(const app *a, const char *text)
{
    if (!a->pref_dir)
        return;
    char *path = data_path_join(a->pref_dir, RELOAD_BACKUP_FILE);
    if (data_write_atomic(path, text, strlen(text)))
        fprintf(stderr, "malcon: the game before the reload is kept in %s\n", path);
    free(path);
}

/* Rebuilds the game in progress on rs: the same moves, else the same setup and seed. */
static match *reload_carry(app *a, const ruleset *rs, reload_result *res)
{
    char *text = match_save_text(a->match);
    char why[RULES_WHY_MAX];
    bool mismatch = false;
    match *m = match_load_text(rs, text, &mismatch, why, sizeof why);
    if (m) {
        *res = RELOAD_CARRIED_ON;
    } else {
        fprintf(stderr, "malcon: the game does not replay on the new content (%s)\n", why);
        reload_backup(a, text);
        char *moves = strstr(text, "\nmoves\n");
        if (moves)
            moves[7] = '\0'; /* the header: scenario, seed, mode, options, players */
        m = match_load_text(rs, text, NULL, why, sizeof why);
        *res = m ? RELOAD_RESTARTED : RELOAD_GAME_DROPPED;
        if (!m)
            fprintf(stderr, "malcon: nor does its setup (%s)\n", why);
    }
    free(text);
    return m;
}

reload_result reload_apply(app *a)
{
    assert(a);
    app_reload *r = reload_get(a);
    if (!a->rs) {
        /* no content in play (the error screen): this is its retry */
        bool ok = app_reload_content(a);
        if (ok) {
            app_goto(a, SCR_TITLE);
            r->applied++;
        }
        printf("malcon: reload %s\n", ok ? "applied" : "failed");
        fflush(stdout);
        return ok ? RELOAD_APPLIED : RELOAD_FAILED;
    }
    packs_scan(a); /* pack folders added or removed since (the title lists them) */
    core_err err = {0};
    ruleset *rs = packs_load_wanted(a, &err);
    if (!rs) {
        fprintf(stderr, "malcon: the content has errors; the last good content stays:\n");
        reload_print(&err);
        reload_show_errors(a, &err);
        core_err_free(&err);
        printf("malcon: reload failed\n");
        fflush(stdout);
        return RELOAD_FAILED;
    }
    reload_print(&err); /* warnings */
    core_err_free(&err);
    core_err_free(&r->errors);
    r->overlay = false;

    reload_result res = RELOAD_APPLIED;
    bool had_match = a->match != NULL;
    match *m = had_match ? reload_carry(a, rs, &res) : NULL;

    /* the swap, between frames: leave the screen, put the new content in, enter it again, and
     * only then free what the old content's screen state could still point at */
    screen_id screen = a->screen;
    if (a->screen_entered && app_screen(screen)->leave)
        app_screen(screen)->leave(a);
    a->screen_entered = false;
    board_ui kept = a->board;
    ruleset *old_rs = a->rs;
    match *old_m = a->match;
    reload_remap_newgame(a, old_rs, rs);
    a->rs = rs;
    a->match = m;
    if (res == RELOAD_GAME_DROPPED && (screen == SCR_BOARD || screen == SCR_END))
        screen = SCR_TITLE;
    else if (m && (screen == SCR_BOARD || screen == SCR_END))
        screen = app_match_screen(a);
    a->screen = a->next_screen = screen;
    /* the board's state belongs to the old match: the next visit starts it afresh (its pointer
     * could otherwise meet a later match at the freed address) */
    a->board.ready_for = NULL;
    app_set_screen(a, screen);
    if (res == RELOAD_CARRIED_ON && a->screen == SCR_BOARD && kept.curtain &&
        match_log(m)->count == match_log(old_m)->count) {
        /* the same game at the same point: the private result behind the curtain stays */
        a->board.curtain = kept.curtain;
        a->board.curtain_role = kept.curtain_role;
        a->board.curtain_log = kept.curtain_log;
        a->board.result_shown = kept.result_shown;
    }
    if (res == RELOAD_CARRIED_ON || res == RELOAD_RESTARTED)
        app_autosave(a);
    match_free(old_m);
    ruleset_free(old_rs);

    /* the art: the packs in use may have changed, and the files too */
    packs_adopt(a);
    if (a->platform)
        platform_flush_images(a->platform);
    /* a pack switched on or off changes the folders to watch */
    if (r->watch) {
        reload_watch_free(r->watch);
        r->watch = NULL;
        reload_watch_start(a);
    }
    r->applied++;
    static const char *const said[] = {
        [RELOAD_APPLIED] = "Content reloaded",
        [RELOAD_CARRIED_ON] = "Content reloaded: the game goes on",
        [RELOAD_RESTARTED] = "Content changed too much for this game: restarted from its seed",
        [RELOAD_GAME_DROPPED] = "Content changed: the game in progress no longer fits it",
    };
    static const char *const word[] = {[RELOAD_APPLIED] = "applied",
                                       [RELOAD_CARRIED_ON] = "carried-on",
                                       [RELOAD_RESTARTED] = "restarted",
                                       [RELOAD_GAME_DROPPED] = "dropped"};
    reload_toast(a, app_tr(a, said[res]), res == RELOAD_APPLIED || res == RELOAD_CARRIED_ON);
    printf("malcon: reload %s\n", word[res]);
    fflush(stdout);
    return res;
}

static void reload_wake(void *ctx)
{
    platform_wake(ctx);
}

void reload_watch_start(app *a)
{
    assert(a);
    app_reload *r = reload_get(a);
    if (r->watch)
        return;
    const char *roots[1 + 2 * PACKS_MAX];
    size_t n = packs_roots(a, roots, sizeof roots / sizeof roots[0]);
    r->watch = reload_watch_new(roots, n, a->platform ? reload_wake : NULL, a->platform);
}

void reload_attach(app *a, bool watch)
{
    assert(a && a->platform);
    if (a->packs)
        platform_set_asset_layers(a->platform, (const char *const *)a->packs->in_use,
                                  a->packs->n_in_use);
    if (watch)
        reload_watch_start(a);
}

bool reload_poll(app *a)
{
    if (!a->reload || !reload_watch_take(a->reload->watch))
        return false;
    reload_apply(a);
    return true;
}

void reload_free(app *a)
{
    if (!a || !a->reload)
        return;
    reload_watch_free(a->reload->watch);
    core_err_free(&a->reload->errors);
    free(a->reload);
    a->reload = NULL;
}

/* ---------------------------------------------------------------- overlay and toast */

typedef struct reload_box {
    ui_rect panel, list, close;
} reload_box;

static reload_box reload_layout(const app *a)
{
    int W = a->width, H = a->height;
    reload_box b;
    b.panel = layout_design_rect((ui_rect){120, 90, 1680, 900}, W, H);
    b.list = layout_design_rect((ui_rect){170, 300, 1580, 560}, W, H);
    b.close = layout_design_rect((ui_rect){1390, 880, 360, 84}, W, H);
    return b;
}

bool reload_input(app *a, const ui_input *in)
{
    assert(a && in);
    /* the error screen's F5 is its own retry; the new-game screen's F5 starts the game (its
     * hint says so): Ctrl+F5 reloads there, and saved files reload by themselves anyway */
    if (in->type == IN_KEY && in->key == KEY_F5 && a->screen != SCR_ERROR &&
        (a->screen != SCR_SETUP || (in->mods & MOD_CTRL))) {
        reload_apply(a);
        return true;
    }
    app_reload *r = a->reload;
    if (!r || !r->overlay)
        return false;
    int n = (int)r->errors.count;
    switch (in->type) {
    case IN_KEY:
        if (in->key == KEY_ESCAPE || in->key == KEY_ENTER)
            r->overlay = false;
        else if ((in->key == KEY_DOWN || in->key == KEY_PAGEDOWN) && r->scroll + 1 < n)
            r->scroll += in->key == KEY_PAGEDOWN ? 5 : 1;
        else if (in->key == KEY_UP || in->key == KEY_PAGEUP)
            r->scroll -= in->key == KEY_PAGEUP ? 5 : 1;
        else if (in->key == KEY_HOME)
            r->scroll = 0;
        else if (in->key == KEY_END)
            r->scroll = n - 1;
        break;
    case IN_WHEEL:
        r->scroll -= in->dy;
        break;
    case IN_MOUSE_DOWN:
        if (in->button == 1 && ui_rect_contains(reload_layout(a).close, in->x, in->y))
            r->overlay = false;
        break;
    case IN_QUIT:
    case IN_RESIZE:
    case IN_WINDOW_CLOSE:
        return false; /* the app and the platform still need these */
    default:
        break;
    }
    if (r->scroll > n - 1)
        r->scroll = n - 1;
    if (r->scroll < 0)
        r->scroll = 0;
    return true;
}

void reload_update(app *a, uint32_t dt_ms)
{
    app_reload *r = a->reload;
    if (!r || !r->toast_ms)
        return;
    r->toast_ms = r->toast_ms > dt_ms ? r->toast_ms - dt_ms : 0;
    a->animating = true; /* so the toast goes away on time */
}

static void reload_draw_overlay(const app *a, ui_draw *d)
{
    const app_reload *r = a->reload;
    int W = a->width, H = a->height;
    reload_box b = reload_layout(a);
    draw_fill(d, (ui_rect){0, 0, W, H}, UI_RGBA(THEME_TABLE_DEEP, 200));
    int rad = layout_px(20, W, H);
    widget_panel(d, b.panel, rad);
    draw_stroke_round(d, b.panel, rad, layout_px(4, W, H), UI_RGB(THEME_BAD));
    ui_rect head = layout_design_rect((ui_rect){170, 120, 1580, 80}, W, H);
    widget_text(d, head, app_tr(a, "The content has errors"), layout_font_px(TYPE_HEADING, W, H),
                UI_FONT_BOLD, THEME_BAD, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    char line[512];
    snprintf(line, sizeof line, "%s",
             r->without_packs
                 ? app_tr(a, "The content packs have errors: the game runs without them. Fix the "
                             "files and save them, or press F5.")
                 : app_tr(a, "Nothing changed: the last good content stays in play. Fix the files "
                             "and save them, or press F5."));
    ui_rect sub = layout_design_rect((ui_rect){170, 205, 1580, 80}, W, H);
    ui_text_style st = widget_style(layout_font_px(TYPE_BODY, W, H), UI_FONT_REGULAR, THEME_TEXT,
                                    UI_ALIGN_LEFT | UI_VALIGN_TOP);
    st.wrap = true;
    draw_text(d, sub, line, &st);

    draw_clip(d, &b.list);
    int y = b.list.y, px = layout_font_px(TYPE_BODY, W, H);
    ui_text_style es = widget_style(px, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    es.wrap = true;
    size_t shown = 0;
    for (size_t i = (size_t)(r->scroll > 0 ? r->scroll : 0);
         i < r->errors.count && y < b.list.y + b.list.h; i++) {
        char *msg = core_err_format(&r->errors, i);
        es.color = UI_RGB(r->errors.items[i].level == LVL_ERROR ? THEME_TEXT : THEME_WARN);
        int used =
            draw_text(d, (ui_rect){b.list.x, y, b.list.w, b.list.y + b.list.h - y}, msg, &es);
        free(msg);
        y += used + layout_px(12, W, H);
        shown++;
    }
    draw_clip(d, NULL);
    size_t below = r->errors.count - (size_t)(r->scroll > 0 ? r->scroll : 0) - shown;
    ui_rect foot = layout_design_rect((ui_rect){170, 880, 1200, 84}, W, H);
    size_t errors = core_err_errors(&r->errors);
    char count[96];
    snprintf(count, sizeof count, app_tr(a, "%zu error(s), %zu warning(s)"), errors,
             r->errors.count - errors);
    if (below || r->scroll > 0 || r->errors.dropped)
        snprintf(line, sizeof line, "%s · %s · %s", count,
                 app_tr(a, "Arrow keys or the wheel scroll the list"),
                 app_tr(a, "Esc closes this"));
    else
        snprintf(line, sizeof line, "%s · %s", count,
                 app_tr(a, "Esc closes this; F5 reloads again"));
    widget_text(d, foot, line, layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    widget_button(d, b.close, app_tr(a, "Close (Esc)"), layout_font_px(TYPE_LARGE, W, H),
                  WF_PRIMARY | WF_FOCUS);
}

static void reload_draw_toast(const app *a, ui_draw *d)
{
    const app_reload *r = a->reload;
    int W = a->width, H = a->height;
    int px = layout_font_px(TYPE_BODY, W, H);
    ui_text_style st =
        widget_style(px, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    int tw = 0, th = 0;
    draw_measure(d, r->toast, &st, &tw, &th);
    int pad = layout_px(28, W, H);
    int w = tw + 2 * pad + th, h = th + pad;
    if (w > W - 2 * pad)
        w = W - 2 * pad;
    ui_rect box = {(W - w) / 2, layout_px(24, W, H), w, h};
    draw_round(d, box, h / 2, UI_RGBA(THEME_PANEL, 240));
    draw_stroke_round(d, box, h / 2, layout_px(3, W, H), UI_RGB(THEME_ACCENT));
    draw_icon(d, r->toast_good ? UI_ICON_CLEAN : UI_ICON_EVENT,
              (ui_rect){box.x + pad / 2, box.y + (h - th) / 2, th, th}, UI_RGB(THEME_ACCENT));
    st.ellipsis = true;
    draw_text(d, (ui_rect){box.x + pad / 2 + th, box.y, w - pad - th, h}, r->toast, &st);
}

void reload_draw(const app *a, ui_draw *d)
{
    const app_reload *r = a->reload;
    if (!r)
        return;
    if (r->toast_ms && r->toast[0])
        reload_draw_toast(a, d);
    if (r->overlay)
        reload_draw_overlay(a, d);
}
