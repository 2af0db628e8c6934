/* sim.c: malcon-sim, the balance simulator: plays N games of a scenario with the bot team and
 * prints win rate, scores, loss causes, tracks and action use. Deterministic: same arguments,
 * same output (seeds S, S+1, ...; no clock, no global RNG). */
#include "bot.h"
#include "core.h"
#include "data.h"
#include "rules.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A game that has not ended after this many moves is a rules bug: stop it and say so. */
#define SIM_MAX_MOVES 20000

typedef struct sim_opts {
    const char *scenario;
    long games;
    uint64_t seed;
    const char *content;
    bool verbose;
    bool script; /* print each game as an action script instead of the figures */
} sim_opts;

/* Sums over the games played (integers: means are printed with two decimals). */
typedef struct sim_totals {
    long games;
    long wins;
    long score;
    long rounds;
    long outcomes[OUT_COUNT];
    long tracks[TRACK_COUNT];
    long *action_uses; /* per action index */
    long stuck;        /* games stopped at SIM_MAX_MOVES */
    long bot_failures; /* times the bot had no move when it should have */
} sim_totals;

static void sim_usage(FILE *f)
{
    fputs("usage: malcon-sim --scenario ID --games N --seed S [--content DIR] [--verbose]"
          " [--script]\n"
          "  --verbose  also print one line per game (seed, outcome, score, rounds)\n"
          "  --script   print each game as an action script for malcon-replay instead\n",
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
        } else if (!strcmp(a, "--scenario") && val) {
            o->scenario = val;
            i++;
        } else if (!strcmp(a, "--content") && val) {
            o->content = val;
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
    return true;
}

/* Prints v/100 with two decimals (v is a value already multiplied by 100). */
static void sim_print_centi(long v)
{
    if (v < 0) {
        putchar('-');
        v = -v;
    }
    printf("%ld.%02ld", v / 100, v % 100);
}

/* Mean of sum over n, with two decimals, rounded half up. */
static void sim_print_mean(long sum, long n)
{
    long sign = sum < 0 ? -1 : 1;
    long a = sum * sign;
    sim_print_centi(sign * ((a * 100 + n / 2) / n));
}

/* Plays one game with seed; adds it to the totals. Returns false when the setup failed. */
static bool sim_play(const ruleset *rs, int sc, uint64_t seed, const sim_opts *o, sim_totals *tot)
{
    game_setup su;
    setup_default(&su, rs, sc, seed);
    /* The workshop rules with open information: the bot team shares its results. */
    su.mode = MODE_WORKSHOP;
    su.open_info = true;
    su.private_info = false;
    char why[RULES_WHY_MAX];
    game_state *s = state_new(rs, sc, &su, why, sizeof why);
    if (!s) {
        fprintf(stderr, "malcon-sim: seed %" PRIu64 ": %s\n", seed, why);
        return false;
    }
    bot *b = bot_new(s, seed);
    log_buf log = {0};
    long moves = 0;
    core_str script = {0};
    if (o->script)
        core_str_printf(&script,
                        "; malcon-sim game, seed %" PRIu64 "\nscenario %s\nseed %" PRIu64
                        "\nmode workshop\noption private off\noption open on\nmoves\n",
                        seed, rs->scenarios[sc].id, seed);
    while (rules_outcome(s) == OUT_ONGOING && moves < SIM_MAX_MOVES) {
        clock_view c;
        rules_clock(s, &c);
        move m;
        if (c.phase == PHASE_ACTION) {
            if (!bot_choose(b, s, &m)) {
                tot->bot_failures++;
                break;
            }
        } else {
            /* The computer facilitator: start the game, then resolve each hidden phase. */
            move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
        }
        log_buf_clear(&log);
        if (o->script) {
            /* Formatted before applying: the line is read in the state it was played in. */
            char *line = move_format(s, &m);
            core_str_printf(&script, "%s\n", line);
            free(line);
        }
        if (!rules_apply_inplace(s, &m, &log, NULL, why, sizeof why)) {
            char *line = move_format(s, &m);
            fprintf(stderr, "malcon-sim: seed %" PRIu64 ": '%s' refused: %s\n", seed, line, why);
            free(line);
            tot->bot_failures++;
            break;
        }
        if (m.kind == MV_ACT && m.action >= 0 && (size_t)m.action < rs->n_actions)
            tot->action_uses[m.action]++;
        bot_observe(b, s, log.items, log.count);
        moves++;
    }
    if (moves >= SIM_MAX_MOVES)
        tot->stuck++;

    outcome res = rules_outcome(s);
    clock_view c;
    rules_clock(s, &c);
    score_view sv;
    rules_score(s, &sv);
    tot->games++;
    tot->outcomes[res]++;
    tot->wins += res == OUT_WIN_DECLARED || res == OUT_WIN_BRIEFING;
    tot->score += sv.total;
    tot->rounds += c.round;
    for (int t = 0; t < TRACK_COUNT; t++)
        tot->tracks[t] += rules_track(s, (track)t);
    if (o->script)
        fputs(core_str_cstr(&script), stdout);
    else if (o->verbose)
        printf("game seed %" PRIu64 ": %s, score %d (%c), rounds %d, moves %ld\n", seed,
               rules_outcome_name(res, LANG_EN), sv.total, sv.rank, c.round, moves);
    core_str_free(&script);
    log_buf_free(&log);
    bot_free(b);
    state_free(s);
    return true;
}

static void sim_report(const ruleset *rs, const scenario_def *sd, const sim_opts *o,
                       const sim_totals *tot)
{
    long n = tot->games;
    printf("scenario: %s\n", sd->id);
    printf("games: %ld (seeds %" PRIu64 "..%" PRIu64 ")\n", n, o->seed,
           o->seed + (uint64_t)(n - 1));
    printf("win rate: ");
    sim_print_mean(tot->wins * 100, n);
    printf("%%\nmean score: ");
    sim_print_mean(tot->score, n);
    printf("\nmean rounds played: ");
    sim_print_mean(tot->rounds, n);
    printf(" of %d\n", sd->days * sd->phases_per_day);
    printf("outcomes:\n");
    for (int k = 0; k < OUT_COUNT; k++)
        if (tot->outcomes[k] > 0 || k != OUT_ONGOING)
            printf("  %6ld  %s\n", tot->outcomes[k], rules_outcome_name((outcome)k, LANG_EN));
    printf("mean final tracks:");
    for (int t = 0; t < TRACK_COUNT; t++) {
        printf("%s %s ", t ? "," : "", track_name((track)t));
        sim_print_mean(tot->tracks[t], n);
    }
    printf("\naction use (mean plays per game):\n");
    for (size_t a = 0; a < rs->n_actions; a++) {
        printf("  %-20s ", rs->actions[a].id);
        sim_print_mean(tot->action_uses[a], n);
        printf("\n");
    }
    if (tot->stuck || tot->bot_failures)
        printf("problems: %ld games did not end, %ld bot failures\n", tot->stuck,
               tot->bot_failures);
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
    sim_totals tot = {0};
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
    tot.action_uses = core_calloc(rs->n_actions ? rs->n_actions : 1, sizeof *tot.action_uses);
    for (long g = 0; g < o.games; g++)
        if (!sim_play(rs, sc, o.seed + (uint64_t)g, &o, &tot))
            goto done;
    if (!o.script)
        sim_report(rs, &rs->scenarios[sc], &o, &tot);
    rc = tot.stuck || tot.bot_failures ? 1 : 0;
    if (fflush(stdout) != 0)
        rc = 1;
done:
    free(tot.action_uses);
    ruleset_free(rs);
    core_err_free(&err);
    return rc;
}
