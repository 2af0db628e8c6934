/* bench.c: malcon-bench, the speed and size figures of the README: one figure a line,
 * "name value unit". Rules and content figures are measured in this process; the game's own
 * figures (first frame, idle CPU, peak memory) by running the real `malcon` binary beside this
 * one, under a private Xvfb when one can be started (else SDL's dummy video driver); the frame
 * times by drawing a busy board through the headless platform (SDL's software renderer).
 *
 * Content load/reload and the rules figures count this thread's CPU time (per core, whatever the
 * machine's load); frame times are given both as wall-clock and as CPU time; the game's first
 * frame is wall-clock (it includes waiting for the X server).
 *
 * usage: malcon-bench [--content DIR] [--malcon PATH] [--quick] [--no-xvfb] [--only GROUP]
 * Context (video driver, scenario, counts) goes to stderr, so stdout stays machine-readable. */
#define _POSIX_C_SOURCE 200809L

#include "bot.h"
#include "core.h"
#include "data.h"
#include "rules.h"

#ifdef MALCON_BENCH_UI
#include "app.h"
#include "board.h"
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The scenario the rules figures play (the main one of a workshop). */
#define BENCH_SCENARIO "standard"
/* A game that has not ended after this many moves is a rules bug. */
#define BENCH_MAX_MOVES 20000
#define BENCH_MAX_LEGAL 1024

typedef struct bench_opts {
    const char *content;
    const char *malcon;
    bool quick; /* shorter runs (a smoke test of the bench itself) */
    bool no_xvfb;
    const char *only; /* one group: content, rules, frames, game (NULL: all) */
} bench_opts;

static double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time of this thread, in seconds: what a figure costs on one core, whatever else the
 * machine is doing (on a busy machine, wall-clock figures measure the neighbours too). */
static double bench_cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void bench_sleep(double secs)
{
    struct timespec ts = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
    nanosleep(&ts, NULL);
}

static int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of v[0..n), sorting v (nearest rank). */
static double bench_quantile(double *v, size_t n, double q)
{
    qsort(v, n, sizeof *v, bench_cmp_double);
    size_t i = (size_t)(q * (double)n + 0.999999);
    if (i > 0)
        i--;
    return v[i < n ? i : n - 1];
}

static void bench_print(const char *name, double value, const char *unit)
{
    printf("%s %.*f %s\n", name, value >= 1000 ? 0 : value >= 10 ? 1 : 2, value, unit);
    fflush(stdout);
}

/* ---- content ---- */

static ruleset *bench_load(const char *root)
{
    core_err err = {0};
    ruleset *rs = data_load(root, &err);
    if (!rs)
        for (size_t i = 0; i < err.count; i++) {
            char *line = core_err_format(&err, i);
            fprintf(stderr, "%s\n", line);
            free(line);
        }
    core_err_free(&err);
    return rs;
}

static void bench_content(const bench_opts *o)
{
    enum { RUNS = 30 };
    double t[RUNS];
    int runs = o->quick ? 5 : RUNS;
    for (int i = 0; i < runs; i++) {
        double t0 = bench_cpu_now();
        ruleset *rs = bench_load(o->content);
        t[i] = (bench_cpu_now() - t0) * 1000;
        if (!rs) {
            fprintf(stderr, "malcon-bench: the content does not load\n");
            exit(1);
        }
        ruleset_free(rs);
    }
    bench_print("content_load_ms", bench_quantile(t, (size_t)runs, 0.5), "ms");
}

/* ---- rules ---- */

static uint32_t bench_lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*x >> 33);
}

/* A random legal move; declaring (free and always legal) is drawn again most of the time so that
 * games run their course instead of ending in round 1 (as the random playout tests do). */
static const move *bench_pick(int declare, const move *moves, size_t n, uint64_t *x)
{
    const move *m = &moves[bench_lcg(x) % n];
    for (int tries = 0; tries < 8 && m->kind == MV_ACT && m->action == declare; tries++)
        if (bench_lcg(x) % 50 != 0)
            m = &moves[bench_lcg(x) % n];
    return m;
}

/* Random legal games from a fresh state (state_new: infections placed from the seed) to the end,
 * in place and without a log, for at least secs seconds. */
static void bench_random_games(const ruleset *rs, int sc, double secs)
{
    move *moves = core_calloc(BENCH_MAX_LEGAL, sizeof *moves);
    int declare = ruleset_action(rs, "declare");
    uint64_t x = 7;
    long games = 0, applied = 0;
    double t0 = bench_cpu_now(), el = 0;
    while (el < secs) {
        for (int k = 0; k < 64; k++) {
            game_setup su;
            setup_default(&su, rs, sc, (uint64_t)games + 1);
            char why[RULES_WHY_MAX];
            game_state *s = state_new(rs, sc, &su, why, sizeof why);
            if (!s) {
                fprintf(stderr, "malcon-bench: %s\n", why);
                exit(1);
            }
            for (int i = 0; i < BENCH_MAX_MOVES && rules_outcome(s) == OUT_ONGOING; i++) {
                size_t n = rules_legal_moves(s, moves, BENCH_MAX_LEGAL);
                if (n > BENCH_MAX_LEGAL)
                    n = BENCH_MAX_LEGAL;
                if (!rules_apply_inplace(s, bench_pick(declare, moves, n, &x), NULL, NULL, NULL,
                                         0)) {
                    fprintf(stderr, "malcon-bench: a legal move was refused\n");
                    exit(1);
                }
                applied++;
            }
            state_free(s);
            games++;
        }
        el = bench_cpu_now() - t0;
    }
    free(moves);
    fprintf(stderr, "malcon-bench: random games: %ld games, %.1f moves per game\n", games,
            (double)applied / (double)games);
    bench_print("rules_moves_per_s", (double)applied / el, "moves/s");
    bench_print("playouts_random_per_s", (double)games / el, "games/s");
}

/* Games of the bot team with the computer facilitator (as malcon-sim plays them), with the log
 * the bot needs, for at least secs seconds. */
static void bench_bot_games(const ruleset *rs, int sc, double secs)
{
    long games = 0, applied = 0;
    log_buf log = {0};
    double t0 = bench_cpu_now(), el = 0;
    while (el < secs) {
        for (int k = 0; k < 16; k++) {
            game_setup su;
            setup_default(&su, rs, sc, (uint64_t)games + 1);
            su.mode = MODE_WORKSHOP;
            su.open_info = true;
            su.private_info = false;
            char why[RULES_WHY_MAX];
            game_state *s = state_new(rs, sc, &su, why, sizeof why);
            if (!s) {
                fprintf(stderr, "malcon-bench: %s\n", why);
                exit(1);
            }
            bot *b = bot_new(s, (uint64_t)games + 1);
            for (int i = 0; i < BENCH_MAX_MOVES && rules_outcome(s) == OUT_ONGOING; i++) {
                clock_view c;
                rules_clock(s, &c);
                move m;
                if (c.phase == PHASE_ACTION) {
                    if (!bot_choose(b, s, &m))
                        break;
                } else {
                    move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
                }
                log_buf_clear(&log);
                if (!rules_apply_inplace(s, &m, &log, NULL, why, sizeof why)) {
                    fprintf(stderr, "malcon-bench: a bot move was refused: %s\n", why);
                    exit(1);
                }
                bot_observe(b, s, log.items, log.count);
                applied++;
            }
            bot_free(b);
            state_free(s);
            games++;
        }
        el = bench_cpu_now() - t0;
    }
    log_buf_free(&log);
    fprintf(stderr, "malcon-bench: bot games: %ld games, %.1f moves per game\n", games,
            (double)applied / (double)games);
    bench_print("playouts_bot_per_s", (double)games / el, "games/s");
}

static void bench_rules(const bench_opts *o)
{
    ruleset *rs = bench_load(o->content);
    if (!rs)
        exit(1);
    int sc = ruleset_scenario(rs, BENCH_SCENARIO);
    if (sc < 0)
        sc = 0;
    fprintf(stderr,
            "malcon-bench: rules figures on scenario %s, per second of one core's CPU time\n",
            rs->scenarios[sc].id);
    bench_random_games(rs, sc, o->quick ? 0.3 : 3.0);
    bench_bot_games(rs, sc, o->quick ? 0.3 : 3.0);
    ruleset_free(rs);
}

/* ---- the real game, in a process of its own ---- */

typedef struct bench_child {
    pid_t pid;
    int out;        /* its stdout (a pipe) */
    char buf[8192]; /* what it printed so far (the last part) */
    size_t len;
} bench_child;

static char bench_xdisplay[32]; /* ":N" of our Xvfb, or "" */
static pid_t bench_xvfb_pid;

/* True when prog is an executable file in $PATH. */
static bool bench_in_path(const char *prog)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    char *copy = core_strdup(path);
    bool found = false;
    for (char *dir = strtok(copy, ":"); dir && !found; dir = strtok(NULL, ":")) {
        char *full = data_path_join(dir, prog);
        found = access(full, X_OK) == 0;
        free(full);
    }
    free(copy);
    return found;
}

/* Starts a private Xvfb on the first free display from :160; false when it cannot. */
static bool bench_xvfb_start(void)
{
    if (!bench_in_path("Xvfb"))
        return false;
    for (int n = 160; n < 200; n++) {
        char lock[64], sock[64];
        snprintf(lock, sizeof lock, "/tmp/.X%d-lock", n);
        snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", n);
        if (access(lock, F_OK) == 0 || access(sock, F_OK) == 0)
            continue;
        char disp[16];
        snprintf(disp, sizeof disp, ":%d", n);
        pid_t pid = fork();
        if (pid < 0)
            return false;
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, 1);
                dup2(null, 2);
            }
            execlp("Xvfb", "Xvfb", disp, "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
                   (char *)NULL);
            _exit(127);
        }
        for (int i = 0; i < 200; i++) {
            if (access(sock, F_OK) == 0) {
                snprintf(bench_xdisplay, sizeof bench_xdisplay, "%s", disp);
                bench_xvfb_pid = pid;
                return true;
            }
            if (waitpid(pid, NULL, WNOHANG) == pid)
                break; /* lost the race for this number: try the next */
            bench_sleep(0.025);
        }
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    return false;
}

static void bench_xvfb_stop(void)
{
    if (bench_xvfb_pid > 0) {
        kill(bench_xvfb_pid, SIGTERM);
        waitpid(bench_xvfb_pid, NULL, 0);
        bench_xvfb_pid = 0;
    }
}

/* Runs malcon with args (NULL-terminated) and pref as its data folder; stdout is piped to us. */
static bool bench_spawn(bench_child *c, const char *malcon, const char *pref,
                        const char *const *args)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    memset(c, 0, sizeof *c);
    c->pid = fork();
    if (c->pid < 0)
        return false;
    if (c->pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 2);
        setenv("MALCON_PREF_DIR", pref, 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        if (bench_xdisplay[0]) {
            setenv("DISPLAY", bench_xdisplay, 1);
            setenv("SDL_VIDEODRIVER", "x11", 1);
            setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
        } else if (!getenv("SDL_VIDEODRIVER")) {
            setenv("SDL_VIDEODRIVER", getenv("DISPLAY") ? "x11" : "dummy", 1);
        }
        const char *argv[16] = {malcon};
        int n = 1;
        for (; args[n - 1] && n < 15; n++)
            argv[n] = args[n - 1];
        argv[n] = NULL;
        execv(malcon, (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    c->out = fds[0];
    fcntl(c->out, F_SETFL, fcntl(c->out, F_GETFL) | O_NONBLOCK);
    return true;
}

/* Waits up to secs for a line containing text on the child's stdout; false on timeout/exit. */
static bool bench_wait_line(bench_child *c, const char *text, double secs)
{
    double end = bench_now() + secs;
    while (bench_now() < end) {
        if (c->len >= sizeof c->buf - 512) { /* keep the last part */
            memmove(c->buf, c->buf + c->len / 2, c->len - c->len / 2);
            c->len -= c->len / 2;
        }
        ssize_t got = read(c->out, c->buf + c->len, sizeof c->buf - 1 - c->len);
        if (got > 0) {
            c->len += (size_t)got;
            c->buf[c->len] = '\0';
            char *hit = strstr(c->buf, text);
            if (hit) {
                /* consume through the end of that line */
                char *nl = strchr(hit, '\n');
                size_t cut = nl ? (size_t)(nl + 1 - c->buf) : c->len;
                memmove(c->buf, c->buf + cut, c->len - cut);
                c->len -= cut;
                c->buf[c->len] = '\0';
                return true;
            }
            continue;
        }
        if (got == 0)
            return false; /* it exited */
        bench_sleep(0.001);
    }
    return false;
}

/* Ends the child: SIGTERM (SDL makes it a quit event), then SIGKILL if it lingers. */
static void bench_stop(bench_child *c)
{
    if (c->pid <= 0)
        return;
    kill(c->pid, SIGTERM);
    for (int i = 0; i < 100; i++) {
        if (waitpid(c->pid, NULL, WNOHANG) == c->pid) {
            c->pid = 0;
            break;
        }
        bench_sleep(0.02);
    }
    if (c->pid > 0) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, NULL, 0);
        c->pid = 0;
    }
    close(c->out);
}

/* CPU time the process (all its threads) has used, in seconds: the scheduler's nanosecond
 * figures (/proc/PID/task/TID/schedstat), since utime + stime count whole 10 ms ticks and an
 * idle game uses a few milliseconds in five seconds. */
static double bench_cpu_secs(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    double total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char stat[600];
        snprintf(stat, sizeof stat, "%s/%s/schedstat", path, e->d_name);
        FILE *f = fopen(stat, "r");
        if (!f)
            continue;
        unsigned long long ns = 0;
        if (fscanf(f, "%llu", &ns) == 1)
            total += (double)ns / 1e9;
        fclose(f);
    }
    closedir(d);
    return total;
}

/* The process's peak resident memory (VmHWM) in MiB, or -1. */
static double bench_peak_rss_mb(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    double mb = -1;
    while (fgets(line, sizeof line, f)) {
        unsigned long kb;
        if (sscanf(line, "VmHWM: %lu kB", &kb) == 1)
            mb = (double)kb / 1024.0;
    }
    fclose(f);
    return mb;
}

/* The CPU share (percent of one core) the child uses over secs of waiting for input. */
static double bench_idle_cpu(const bench_child *c, double secs)
{
    double c0 = bench_cpu_secs(c->pid), t0 = bench_now();
    bench_sleep(secs);
    double c1 = bench_cpu_secs(c->pid), t1 = bench_now();
    if (c0 < 0 || c1 < 0)
        return -1;
    return (c1 - c0) / (t1 - t0) * 100.0;
}

/* The game's figures with one renderer: suffix "" for SDL's software renderer (the renderer of
 * the frame-time target, and what a machine without a GPU driver gets), "_default_renderer"
 * for the one the game picks by itself (under Xvfb: OpenGL on Mesa's llvmpipe, which maps
 * LLVM: tens of MiB). */
static void bench_game_with(const bench_opts *o, const char *pref, const char *suffix,
                            bool software)
{
    char name[96];
    if (software)
        setenv("SDL_RENDER_DRIVER", "software", 1);
    else
        unsetenv("SDL_RENDER_DRIVER");

    /* time to the first frame: median of several starts (the first one warms the file cache) */
    enum { STARTS = 7 };
    double t[STARTS];
    int starts = o->quick ? 2 : STARTS, good = 0;
    const char *title_args[] = {"--lang", "ja", "--size", "1920x1080", NULL};
    for (int i = 0; i < starts; i++) {
        bench_child c;
        double t0 = bench_now();
        if (!bench_spawn(&c, o->malcon, pref, title_args))
            break;
        bool ok = bench_wait_line(&c, "malcon: first frame", 20);
        double ms = (bench_now() - t0) * 1000;
        if (ok && i == starts - 1) {
            /* the last one stays up: CPU while the title waits for input */
            bench_sleep(1.0);
            double cpu = bench_idle_cpu(&c, o->quick ? 2.0 : 10.0);
            snprintf(name, sizeof name, "idle_cpu_title%s_pct", suffix);
            if (cpu >= 0)
                bench_print(name, cpu, "%");
        }
        bench_stop(&c);
        if (ok)
            t[good++] = ms;
    }
    snprintf(name, sizeof name, "first_frame%s_ms", suffix);
    if (good)
        bench_print(name, bench_quantile(t, (size_t)good, 0.5), "ms");

    /* a game on the board: idle CPU once the team must act, then the peak memory */
    const char *board_args[] = {"--lang",   "ja",    "--size",     "1920x1080",
                                "--screen", "board", "--scenario", BENCH_SCENARIO,
                                "--seed",   "3",     NULL};
    bench_child c;
    if (bench_spawn(&c, o->malcon, pref, board_args)) {
        if (bench_wait_line(&c, "malcon: phase action", 30)) {
            bench_sleep(1.5); /* the counts' roll-up animation ends */
            double cpu = bench_idle_cpu(&c, o->quick ? 2.0 : 10.0);
            snprintf(name, sizeof name, "idle_cpu_board%s_pct", suffix);
            if (cpu >= 0)
                bench_print(name, cpu, "%");
            double mb = bench_peak_rss_mb(c.pid);
            snprintf(name, sizeof name, "peak_rss_board%s_mb", suffix);
            if (mb >= 0)
                bench_print(name, mb, "MiB");
        } else {
            fprintf(stderr, "malcon-bench: the board never reached the action phase\n");
        }
        bench_stop(&c);
    }
    unsetenv("SDL_RENDER_DRIVER");
}

static void bench_game(const bench_opts *o)
{
    if (access(o->malcon, X_OK) != 0) {
        fprintf(stderr,
                "malcon-bench: no game binary at %s (--malcon PATH): game figures skipped\n",
                o->malcon);
        return;
    }
    if (!o->no_xvfb && !getenv("DISPLAY") && bench_xvfb_start())
        fprintf(stderr, "malcon-bench: the game runs under a private Xvfb %s (x11 driver)\n",
                bench_xdisplay);
    else
        fprintf(stderr, "malcon-bench: the game runs with SDL_VIDEODRIVER=%s%s\n",
                getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER")
                : getenv("DISPLAY")       ? "x11"
                                          : "dummy",
                getenv("DISPLAY") ? "" : " (SDL polls every 1 ms while waiting: idle CPU is high)");
    char pref[] = "/tmp/malcon-bench-XXXXXX";
    if (!mkdtemp(pref)) {
        fprintf(stderr, "malcon-bench: cannot make a temporary folder\n");
        return;
    }
    char *keep = getenv("SDL_RENDER_DRIVER") ? core_strdup(getenv("SDL_RENDER_DRIVER")) : NULL;
    bench_game_with(o, pref, "", true);
    bench_game_with(o, pref, "_default_renderer", false);
    if (keep)
        setenv("SDL_RENDER_DRIVER", keep, 1);
    free(keep);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", pref);
    if (system(cmd) != 0)
        fprintf(stderr, "malcon-bench: could not remove %s\n", pref);
    bench_xvfb_stop();
}

/* ---- frames and reload, in this process (the headless platform) ---- */

#ifdef MALCON_BENCH_UI
/* Keeps the board busy: every room's count rolls up from zero and the event card flips. */
static void bench_busy(app *a)
{
    board_ui *b = &a->board;
    for (int r = 0; r < RULES_MAX_ROOMS; r++) {
        b->count_from[r] = 0;
        b->count_ms[r] = BOARD_ANIM_COUNT_MS / 2 + (uint32_t)(b->anim_ms % 300);
    }
    b->event_ms = BOARD_ANIM_EVENT_MS / 2 + (uint32_t)(b->anim_ms % 300);
}

static void bench_frames(const bench_opts *o)
{
    app a;
    memset(&a, 0, sizeof a);
    a.width = 1920;
    a.height = 1080;
    a.seed_entropy = 1;
    if (!app_init(&a, o->content, NULL)) {
        fprintf(stderr, "malcon-bench: the content does not load\n");
        app_free(&a);
        return;
    }
    app_set_lang(&a, LANG_JA);
    ui_platform_opts po = {"malcon-bench", 1920, 1080, false, true, a.content_root};
    char why[256] = "";
    ui_platform *p = platform_open(&po, why, sizeof why);
    if (!p) {
        fprintf(stderr, "malcon-bench: %s\n", why);
        app_free(&a);
        return;
    }
    a.platform = p;
    /* a standard game in round 3: cards examined, notes, counts with history, an event */
    char *path = data_path_join(MALCON_BENCH_FIXTURES, "board_midgame.malcon");
    core_err err = {0};
    char *text = data_read_file(path, 0, NULL, &err);
    core_err_free(&err);
    free(path);
    if (!text || !app_load_text(&a, text, why, sizeof why)) {
        fprintf(stderr, "malcon-bench: the mid-game fixture: %s\n", text ? why : "unreadable");
        free(text);
        app_free(&a);
        platform_close(p);
        return;
    }
    free(text);
    /* the board announces phases and turns on stdout: keep those out of the figures */
    fflush(stdout);
    int saved_out = dup(1), null = open("/dev/null", O_WRONLY);
    if (null >= 0)
        dup2(null, 1);
    app_set_screen(&a, SCR_BOARD);
    ui_draw *d = platform_draw(p);

    enum { WARM = 30, FRAMES = 600 };
    int frames = o->quick ? 60 : FRAMES;
    double *t = core_calloc((size_t)frames, sizeof *t);
    double *tc = core_calloc((size_t)frames, sizeof *tc);
    for (int i = -WARM; i < frames; i++) {
        double t0 = bench_now(), c0 = bench_cpu_now();
        bench_busy(&a);
        a.animating = false;
        app_update(&a, 16);
        app_draw(&a, d);
        platform_present(p);
        if (i >= 0) {
            t[i] = (bench_now() - t0) * 1000;
            tc[i] = (bench_cpu_now() - c0) * 1000;
        }
    }
    fflush(stdout);
    if (saved_out >= 0) {
        dup2(saved_out, 1);
        close(saved_out);
    }
    if (null >= 0)
        close(null);
    if (!a.animating || a.screen != SCR_BOARD)
        fprintf(stderr, "malcon-bench: warning: the board was not animating\n");
    fprintf(stderr,
            "malcon-bench: %d frames of the standard board at 1920x1080 (ja), software "
            "renderer, all rooms counting and the event card flipping\n",
            frames);
    double p50 = bench_quantile(t, (size_t)frames, 0.5);
    double p99 = bench_quantile(t, (size_t)frames, 0.99);
    bench_print("frame_ms_p50", p50, "ms");
    bench_print("frame_ms_p99", p99, "ms");
    bench_print("frame_cpu_ms_p50", bench_quantile(tc, (size_t)frames, 0.5), "ms");
    bench_print("frame_cpu_ms_p99", bench_quantile(tc, (size_t)frames, 0.99), "ms");
    free(t);
    free(tc);

    /* the error screen's "retry": the content again, the game dropped */
    enum { RELOADS = 20 };
    double r[RELOADS];
    int reloads = o->quick ? 3 : RELOADS;
    for (int i = 0; i < reloads; i++) {
        double t0 = bench_cpu_now();
        if (!app_reload_content(&a))
            fprintf(stderr, "malcon-bench: reload failed\n");
        r[i] = (bench_cpu_now() - t0) * 1000;
    }
    bench_print("content_reload_ms", bench_quantile(r, (size_t)reloads, 0.5), "ms");
    app_free(&a);
    platform_close(p);
}
#endif

/* ---- main ---- */

static void bench_usage(FILE *f)
{
    fputs(
        "usage: malcon-bench [--content DIR] [--malcon PATH] [--quick] [--no-xvfb] [--only GROUP]\n"
        "Prints the speed and size figures, one a line: name value unit.\n"
        "  --content DIR  content root (default: the built-in one)\n"
        "  --malcon PATH  the game binary (default: malcon beside this program)\n"
        "  --quick        short runs (checks the bench works; figures are rough)\n"
        "  --no-xvfb      never start a private Xvfb for the game's figures\n"
        "  --only GROUP   one group of figures: content, rules, frames or game\n",
        f);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    bench_opts o = {data_default_root(), NULL, false, false, NULL};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--content") && i + 1 < argc) {
            o.content = argv[++i];
        } else if (!strcmp(argv[i], "--malcon") && i + 1 < argc) {
            o.malcon = argv[++i];
        } else if (!strcmp(argv[i], "--quick")) {
            o.quick = true;
        } else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            o.only = argv[++i];
        } else if (!strcmp(argv[i], "--no-xvfb")) {
            o.no_xvfb = true;
        } else if (!strcmp(argv[i], "--help")) {
            bench_usage(stdout);
            return 0;
        } else {
            bench_usage(stderr);
            return 2;
        }
    }
    char self[4096] = "";
    char *malcon = NULL;
    if (!o.malcon) {
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        if (n > 0) {
            self[n] = '\0';
            char *slash = strrchr(self, '/');
            if (slash)
                slash[1] = '\0';
        }
        malcon = data_path_join(self[0] ? self : ".", "malcon");
        o.malcon = malcon;
    }
    signal(SIGPIPE, SIG_IGN);

    /* the machine's load first: every figure below is worth what this one says */
    FILE *lf = fopen("/proc/loadavg", "r");
    double load = -1;
    if (lf) {
        if (fscanf(lf, "%lf", &load) != 1)
            load = -1;
        fclose(lf);
    }
    if (load >= 0)
        printf("machine_load_1m %.2f runnable\n", load);
    printf("machine_cores %ld cores\n", sysconf(_SC_NPROCESSORS_ONLN));
#define BENCH_WANT(name) (!o.only || !strcmp(o.only, name))
    if (BENCH_WANT("content"))
        bench_content(&o);
    if (BENCH_WANT("rules"))
        bench_rules(&o);
#ifdef MALCON_BENCH_UI
    if (BENCH_WANT("frames"))
        bench_frames(&o);
#endif
    if (BENCH_WANT("game"))
        bench_game(&o);
    free(malcon);
    return 0;
}
