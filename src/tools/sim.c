/* sim.c: malcon-sim, the designer's balance tool: plays N games of a scenario with the bot team
 * and prints the win rate with its 95% confidence interval, scores, rounds, loss causes, tracks
 * and action use; --set tries a scenario number without editing files. Deterministic: same
 * arguments, same output (seeds S, S+1, ...; no clock, no global RNG). */
#include "bot.h"
#include "core.h"
#include "data.h"
#include "rules.h"
#include "simstat.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIM_MAX_SETS 32

typedef struct sim_opts {
    const char *scenario;
    long games;
    uint64_t seed;
    const char *content;
    bool verbose;
    bool script; /* print each game as an action script instead of the figures */
    bool row;    /* print one Markdown table row (the README's balance table) */
    bool open;   /* workshop games with the beginners' open-information setting */
    const char *sets[SIM_MAX_SETS];
    int n_sets;
} sim_opts;

static void sim_usage(FILE *f)
{
    fputs(
        "usage: malcon-sim --scenario ID --games N --seed S [--content DIR] [--set KEY=VALUE]..."
        "\n                  [--open] [--verbose | --script | --row]\n"
        "  Plays N games (seeds S, S+1, ...) with the bot team and prints the win rate with its\n"
        "  95% Wilson confidence interval, mean score and rounds, outcomes, the most common loss,\n"
        "  mean final tracks and action use (mean plays per game). Games use the scenario's\n"
        "  default setup: solo practice when it has a time limit, else a workshop with private\n"
        "  information (the researcher's results reach the team at the meeting).\n"
        "  --open     workshop games with open information (every result public at once)\n"
        "  --set KEY=VALUE  try a scenario number without editing files (repeatable); keys:\n",
        f);
    const char *k = simstat_set_keys();
    while (*k) {
        const char *nl = strchr(k, '\n');
        size_t n = nl ? (size_t)(nl - k) : strlen(k);
        fprintf(f, "                     %.*s\n", (int)n, k);
        k += n + (nl ? 1 : 0);
    }
    fputs("  --verbose  also print one line per game (seed, outcome, score, rounds)\n"
          "  --script   print each game as an action script for malcon-replay instead\n"
          "  --row      print one Markdown table row: scenario, games, win rate (95% CI),\n"
          "             mean score, mean rounds, top loss cause\n",
          f);
}

static bool sim_parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return false;
    *out = (uint64_t)v;
    return true;
}

static bool sim_parse_args(int argc, char **argv, sim_opts *o)
{
    memset(o, 0, sizeof *o);
    o->games = -1;
    bool have_seed = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            sim_usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--verbose")) {
            o->verbose = true;
        } else if (!strcmp(a, "--script")) {
            o->script = true;
        } else if (!strcmp(a, "--row")) {
            o->row = true;
        } else if (!strcmp(a, "--open")) {
            o->open = true;
        } else if (!strcmp(a, "--scenario") && val) {
            o->scenario = val;
            i++;
        } else if (!strcmp(a, "--content") && val) {
            o->content = val;
            i++;
        } else if (!strcmp(a, "--set") && val) {
            if (o->n_sets >= SIM_MAX_SETS) {
                fprintf(stderr, "malcon-sim: at most %d --set options\n", SIM_MAX_SETS);
                return false;
            }
            o->sets[o->n_sets++] = val;
            i++;
        } else if (!strcmp(a, "--games") && val) {
            uint64_t n;
            if (!sim_parse_u64(val, &n) || n < 1 || n > 1000000) {
                fprintf(stderr, "malcon-sim: --games wants 1..1000000, not '%s'\n", val);
                return false;
            }
            o->games = (long)n;
            i++;
        } else if (!strcmp(a, "--seed") && val) {
            if (!sim_parse_u64(val, &o->seed)) {
                fprintf(stderr, "malcon-sim: --seed wants a non-negative integer, not '%s'\n", val);
                return false;
            }
            have_seed = true;
            i++;
        } else {
            fprintf(stderr, "malcon-sim: unknown or incomplete option '%s'\n", a);
            return false;
        }
    }
    if (!o->scenario || o->games < 0 || !have_seed) {
        fputs("malcon-sim: --scenario, --games and --seed are required\n", stderr);
        return false;
    }
    if ((o->script && o->row) || (o->script && o->verbose) || (o->row && o->verbose)) {
        fputs("malcon-sim: --verbose, --script and --row do not go together\n", stderr);
        return false;
    }
    return true;
}

/* Writes sum/n with two decimals into buf, rounded half away from zero (integer maths: the same
 * text on every machine). */
static void sim_fmt_mean(char *buf, size_t size, long sum, long n)
{
    long a = sum < 0 ? -sum : sum;
    long v = (a * 100 + n / 2) / n;
    snprintf(buf, size, "%s%ld.%02ld", sum < 0 && v ? "-" : "", v / 100, v % 100);
}

/* Prints the mean of sum over n with two decimals. */
static void sim_print_mean(long sum, long n)
{
    char buf[32];
    sim_fmt_mean(buf, sizeof buf, sum, n);
    fputs(buf, stdout);
}

/* The most common loss as "name (p%)", or "none". */
static void sim_print_top_loss(const simstat_totals *tot)
{
    outcome top = simstat_top_loss(tot);
    if (top == OUT_ONGOING) {
        printf("none");
        return;
    }
    printf("%s (", rules_outcome_name(top, LANG_EN));
    sim_print_mean(tot->outcomes[top] * 100, tot->games);
    printf("%%)");
}

static void sim_print_overrides(const sim_opts *o)
{
    for (int i = 0; i < o->n_sets; i++)
        printf("%s%s", i ? ", " : "", o->sets[i]);
}

static void sim_report(const ruleset *rs, const scenario_def *sd, const sim_opts *o,
                       const simstat_totals *tot)
{
    long n = tot->games;
    double lo, hi;
    simstat_wilson(tot->wins, n, SIMSTAT_Z95, &lo, &hi);
    printf("scenario: %s (%s)\n", sd->id,
           sd->solo_seconds > 0 ? "solo practice"
           : o->open            ? "workshop, open information"
                                : "workshop, private information");
    printf("games: %ld (seeds %" PRIu64 "..%" PRIu64 ")\n", n, o->seed,
           o->seed + (uint64_t)(n - 1));
    if (o->n_sets) {
        printf("overrides: ");
        sim_print_overrides(o);
        printf("\n");
    }
    printf("win rate: ");
    sim_print_mean(tot->wins * 100, n);
    printf("%% (95%% CI %.2f..%.2f%%)\n", lo * 100.0, hi * 100.0);
    printf("mean score: ");
    sim_print_mean(tot->score, n);
    printf(" (sd %.2f)\n", simstat_score_sd(tot));
    printf("mean rounds played: ");
    sim_print_mean(tot->rounds, n);
    printf(" of %d\n", sd->days * sd->phases_per_day);
    printf("outcomes:\n");
    for (int k = 0; k < OUT_COUNT; k++) {
        if (k == OUT_ONGOING && tot->outcomes[k] == 0)
            continue;
        char pct[32];
        sim_fmt_mean(pct, sizeof pct, tot->outcomes[k] * 100, n);
        printf("  %7ld %7s%%  %s\n", tot->outcomes[k], pct,
               rules_outcome_name((outcome)k, LANG_EN));
    }
    printf("top loss cause: ");
    sim_print_top_loss(tot);
    printf("\nmean final tracks:");
    for (int t = 0; t < TRACK_COUNT; t++) {
        printf("%s %s ", t ? "," : "", track_name((track)t));
        sim_print_mean(tot->tracks[t], n);
    }
    printf("\naction use (mean plays per game):\n");
    for (size_t a = 0; a < rs->n_actions; a++) {
        const char *role = rs->roles[rs->actions[a].role].id;
        printf("  %-20s %-18s ", rs->actions[a].id, role);
        sim_print_mean(tot->action_uses[a], n);
        printf("\n");
    }
    if (tot->stuck || tot->bot_failures)
        printf("problems: %ld games did not end, %ld bot failures\n", tot->stuck,
               tot->bot_failures);
}

/* One row of the README's balance table. */
static void sim_row(const scenario_def *sd, const sim_opts *o, const simstat_totals *tot)
{
    double lo, hi;
    simstat_wilson(tot->wins, tot->games, SIMSTAT_Z95, &lo, &hi);
    printf("| %s", sd->id);
    if (o->n_sets) {
        printf(" (");
        sim_print_overrides(o);
        printf(")");
    }
    printf(" | %ld | ", tot->games);
    sim_print_mean(tot->wins * 100, tot->games);
    printf("%% (%.1f-%.1f) | ", lo * 100.0, hi * 100.0);
    sim_print_mean(tot->score, tot->games);
    printf(" | ");
    sim_print_mean(tot->rounds, tot->games);
    printf(" of %d | ", sd->days * sd->phases_per_day);
    sim_print_top_loss(tot);
    printf(" |\n");
}

int main(int argc, char **argv)
{
    sim_opts o;
    if (!sim_parse_args(argc, argv, &o)) {
        sim_usage(stderr);
        return 2;
    }
    int rc = 1;
    core_err err = {0};
    simstat_totals tot = {0};
    core_str script = {0};
    const char *root = o.content ? o.content : data_default_root();
    ruleset *rs = data_load(root, &err);
    for (size_t i = 0; i < err.count; i++) {
        char *msg = core_err_format(&err, i);
        fprintf(stderr, "%s\n", msg);
        free(msg);
    }
    if (!rs) {
        fprintf(stderr, "malcon-sim: the content in '%s' does not load\n", root);
        goto done;
    }
    int sc = ruleset_scenario(rs, o.scenario);
    if (sc < 0) {
        fprintf(stderr, "malcon-sim: unknown scenario '%s' (", o.scenario);
        for (size_t i = 0; i < rs->n_scenarios; i++)
            fprintf(stderr, "%s%s", i ? ", " : "", rs->scenarios[i].id);
        fprintf(stderr, ")\n");
        goto done;
    }
    /* Overrides change this run's copy of the scenario only, never the files. */
    for (int i = 0; i < o.n_sets; i++) {
        char why[160];
        if (!simstat_set(&rs->scenarios[sc], o.sets[i], why, sizeof why)) {
            fprintf(stderr, "malcon-sim: --set %s\n", why);
            rc = 2;
            goto done;
        }
    }
    simstat_init(&tot, rs);
    for (long g = 0; g < o.games; g++) {
        uint64_t seed = o.seed + (uint64_t)g;
        simstat_game gm;
        char why[RULES_WHY_MAX + 32];
        core_str_free(&script);
        if (!simstat_play(rs, sc, seed, o.open, &tot, &gm, o.script ? &script : NULL, why,
                          sizeof why)) {
            fprintf(stderr, "malcon-sim: %s\n", why);
            goto done;
        }
        if (o.script)
            fputs(core_str_cstr(&script), stdout);
        else if (o.verbose)
            printf("game seed %" PRIu64 ": %s, score %d (%c), rounds %d, moves %ld\n", seed,
                   rules_outcome_name(gm.result, LANG_EN), gm.score, gm.rank, gm.rounds, gm.moves);
    }
    if (o.row)
        sim_row(&rs->scenarios[sc], &o, &tot);
    else if (!o.script)
        sim_report(rs, &rs->scenarios[sc], &o, &tot);
    rc = tot.stuck || tot.bot_failures ? 1 : 0;
    if (fflush(stdout) != 0)
        rc = 1;
done:
    core_str_free(&script);
    simstat_free(&tot);
    ruleset_free(rs);
    core_err_free(&err);
    return rc;
}
