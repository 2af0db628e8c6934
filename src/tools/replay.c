/* replay.c: malcon-replay, plays a save or action script headless and prints the canonical log and
 * final state a viewer may see (golden replay tests diff this output); with --report DIR it also
 * writes the after-action report (DIR/report.md and DIR/timeline.png). */
#include "core.h"
#include "data.h"
#include "rules.h"
#ifdef MALCON_REPLAY_REPORT
#include "app.h"
#include "i18n.h"
#include "report.h"
#endif

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct replay_opts {
    const char *file;
    const char *content;
    const char *viewer; /* public | facilitator | role:<id> */
    lang lang;
    bool lang_given;    /* --lang was given (the report is then in that language only) */
    const char *report; /* --report DIR, or NULL */
} replay_opts;

static void replay_usage(FILE *f)
{
    fputs("usage: malcon-replay FILE [--content DIR] [--viewer public|facilitator|role:<id>]"
          " [--lang ja|en] [--report DIR]\n"
          "  --report DIR   also write the after-action report: DIR/report.md (Japanese and\n"
          "                 English, or the --lang given) and DIR/timeline.png (the chart)\n",
          f);
}

/* Parses argv into o; false (after a message) on a bad command line. */
static bool replay_parse_args(int argc, char **argv, replay_opts *o)
{
    o->file = NULL;
    o->content = NULL;
    o->viewer = "public";
    o->lang = LANG_EN;
    o->lang_given = false;
    o->report = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            replay_usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--content") && has_value) {
            o->content = argv[++i];
        } else if (!strcmp(a, "--viewer") && has_value) {
            o->viewer = argv[++i];
        } else if (!strcmp(a, "--report") && has_value) {
            o->report = argv[++i];
        } else if (!strcmp(a, "--lang") && has_value) {
            o->lang_given = true;
            const char *l = argv[++i];
            if (!strcmp(l, "ja"))
                o->lang = LANG_JA;
            else if (!strcmp(l, "en"))
                o->lang = LANG_EN;
            else {
                fprintf(stderr, "malcon-replay: unknown language '%s' (ja or en)\n", l);
                return false;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "malcon-replay: unknown or incomplete option '%s'\n", a);
            return false;
        } else if (!o->file) {
            o->file = a;
        } else {
            fprintf(stderr, "malcon-replay: more than one FILE given ('%s')\n", a);
            return false;
        }
    }
    if (!o->file) {
        fputs("malcon-replay: no FILE given\n", stderr);
        return false;
    }
    return true;
}

/* Turns the --viewer text into a viewer of rs; false (after a message) when unknown. */
static bool replay_viewer(const ruleset *rs, const char *text, viewer *v)
{
    v->role = -1;
    if (!strcmp(text, "public")) {
        v->kind = VIEW_PUBLIC;
        return true;
    }
    if (!strcmp(text, "facilitator")) {
        v->kind = VIEW_FACILITATOR;
        return true;
    }
    if (!strncmp(text, "role:", 5)) {
        int r = ruleset_role(rs, text + 5);
        if (r < 0) {
            fprintf(stderr, "malcon-replay: unknown role '%s'\n", text + 5);
            return false;
        }
        v->kind = VIEW_ROLE;
        v->role = r;
        return true;
    }
    fprintf(stderr, "malcon-replay: unknown viewer '%s' (public, facilitator or role:<id>)\n",
            text);
    return false;
}

static void replay_print_log(const match *m, viewer v, lang l)
{
    const game_state *s = match_state(m);
    const log_buf *log = match_log(m);
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        if (!rules_visible(s, v, e))
            continue;
        char *line = rules_log_format(s, e, l);
        printf("[r%d] %s\n", e->round, line);
        free(line);
    }
}

static const char *replay_evidence_name(int evidence)
{
    return evidence >= 2 ? "full" : evidence == 1 ? "disk" : "none";
}

static void replay_print_terminal(const game_state *s, viewer v, int t)
{
    const scenario_def *sc = state_scenario(s);
    const terminal_def *td = &sc->terminals[t];
    terminal_view tv;
    rules_terminal(s, v, t, &tv);
    printf("terminal %s (%s):", td->id, sc->rooms[td->room].id);
    if (!tv.face_up)
        printf(" face down");
    else if (tv.known_infected)
        printf(" infected (%s) since r%d", route_name(tv.route) ? route_name(tv.route) : "?",
               tv.examined_round);
    else
        printf(" clean at r%d", tv.examined_round);
    if (tv.isolated)
        printf(", isolated");
    if (tv.evidence > 0)
        printf(", evidence %s", replay_evidence_name(tv.evidence));
    if (tv.volatile_lost)
        printf(", volatile lost");
    if (tv.note != MARK_NONE)
        printf(", note %s by %s", rules_mark_name(tv.note),
               tv.note_role >= 0 ? state_ruleset(s)->roles[tv.note_role].id : "?");
    if (v.kind == VIEW_FACILITATOR) {
        if (tv.infected)
            printf(" | truth: infected (%s) at r%d, %s, volatile %s",
                   route_name(tv.true_route) ? route_name(tv.true_route) : "?", tv.infected_round,
                   tv.active ? "active" : "contained", tv.has_volatile ? "kept" : "gone");
        else
            printf(" | truth: clean");
    }
    printf("\n");
}

static void replay_print_final(const match *m, viewer v, lang l)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    clock_view c;
    rules_clock(s, &c);
    printf("-- final state --\n");
    printf("clock: round %d/%d, day %d/%d, phase of day %d/%d, %s\n", c.round, c.rounds, c.day,
           c.days, c.phase_of_day + 1, c.phases_per_day, rules_phase_name(c.phase, l));
    printf("outcome: %s\n", rules_outcome_name(rules_outcome(s), l));
    printf("tracks:");
    for (int t = 0; t < TRACK_COUNT; t++)
        printf("%s %s %d/%d", t ? "," : "", track_name((track)t), rules_track(s, (track)t),
               rules_track_max(s, (track)t));
    printf("\nflags:");
    int n_flags = 0;
    for (int f = 0; f < FLAG_COUNT; f++) {
        if (rules_flag(s, (flag)f)) {
            printf(" %s", flag_name((flag)f));
            n_flags++;
        }
    }
    printf("%s\n", n_flags ? "" : " none");
    for (size_t r = 0; r < sc->n_rooms; r++) {
        room_view rv;
        rules_room(s, v, (int)r, &rv);
        printf("room %s: shown %d, history", sc->rooms[r].id, rv.count);
        if (rv.n_history == 0)
            printf(" none");
        for (int i = 0; i < rv.n_history && i < RULES_MAX_ROUNDS; i++)
            printf(" %d", rv.history[i]);
        if (rv.edr)
            printf(", edr");
        if (v.kind == VIEW_FACILITATOR)
            printf(" | truth %d%s", rv.true_count, rv.overridden ? " (overridden)" : "");
        printf("\n");
    }
    for (size_t t = 0; t < sc->n_terminals; t++)
        replay_print_terminal(s, v, (int)t);
    score_view sv;
    rules_score(s, &sv);
    printf("score:");
    for (int t = 0; t < ST_COUNT; t++)
        printf("%s %s %d", t ? "," : "", rules_score_term_name((score_term)t, l), sv.term[t]);
    printf("; total %d, rank %c\n", sv.total, sv.rank);
    printf("moves: %zu\n", match_moves(m));
    printf("hash %016" PRIx64 "\n", state_hash(s));
}

/* Writes the after-action report into o->report (made when missing); false after a message. */
static bool replay_report(const replay_opts *o, const match *m, const char *root)
{
#ifdef MALCON_REPLAY_REPORT
    /* the UI words come with the content (or the shipped ones, like the game) */
    core_err err = {0};
    i18n *cat = app_catalogue_load(root, &err);
    core_err_free(&err);
    char why[256] = "";
    int langs = !o->lang_given ? REPORT_BOTH : o->lang == LANG_JA ? REPORT_JA : REPORT_EN;
    bool ok = report_mkdirs(o->report);
    if (!ok)
        snprintf(why, sizeof why, "cannot make the folder %s", o->report);
    else
        ok = report_write(o->report, m, cat, langs, root, why, sizeof why);
    i18n_free(cat);
    if (!ok) {
        fprintf(stderr, "malcon-replay: --report: %s\n", why);
        return false;
    }
    fprintf(stderr, "malcon-replay: report written to %s/report.md and %s/timeline.png\n",
            o->report, o->report);
    return true;
#else
    (void)m;
    (void)root;
    fprintf(stderr, "malcon-replay: --report %s: built without the UI (MALCON_UI=OFF)\n",
            o->report);
    return false;
#endif
}

int main(int argc, char **argv)
{
    replay_opts o;
    if (!replay_parse_args(argc, argv, &o)) {
        replay_usage(stderr);
        return 2;
    }
    int rc = 1;
    core_err err = {0};
    ruleset *rs = NULL;
    char *text = NULL;
    match *m = NULL;

    const char *root = o.content ? o.content : data_default_root();
    rs = data_load(root, &err);
    for (size_t i = 0; i < err.count; i++) {
        char *msg = core_err_format(&err, i);
        fprintf(stderr, "%s\n", msg);
        free(msg);
    }
    if (!rs) {
        fprintf(stderr, "malcon-replay: the content in '%s' does not load\n", root);
        goto done;
    }
    core_err_free(&err);
    viewer v;
    if (!replay_viewer(rs, o.viewer, &v))
        goto done;
    size_t len = 0;
    text = data_read_file(o.file, 0, &len, &err);
    if (!text) {
        for (size_t i = 0; i < err.count; i++) {
            char *msg = core_err_format(&err, i);
            fprintf(stderr, "%s\n", msg);
            free(msg);
        }
        goto done;
    }
    bool mismatch = false;
    char why[RULES_WHY_MAX * 2];
    why[0] = '\0';
    m = match_load_text(rs, text, &mismatch, why, sizeof why);
    if (!m) {
        fprintf(stderr, "%s:%s\n", o.file, why);
        goto done;
    }
    if (mismatch)
        fprintf(stderr, "%s: warning: made with other content (content hash differs)\n", o.file);
    replay_print_log(m, v, o.lang);
    replay_print_final(m, v, o.lang);
    rc = fflush(stdout) == 0 ? 0 : 1;
    if (o.report && !replay_report(&o, m, root))
        rc = 1;
done:
    match_free(m);
    free(text);
    ruleset_free(rs);
    core_err_free(&err);
    return rc;
}
