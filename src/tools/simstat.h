/* simstat.h: the balance simulator's engine (malcon-sim and its tests): plays games of a scenario
 * with the bot team, sums what happened, and gives win rates with Wilson score intervals.
 * Deterministic: a game depends only on the ruleset, the scenario and its seed. */
#ifndef MALCON_SIMSTAT_H
#define MALCON_SIMSTAT_H

#include "core.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A game that has not ended after this many moves is a rules or bot bug: it is stopped and
 * counted as stuck. */
#define SIMSTAT_MAX_MOVES 20000

/* z of a two-sided 95% confidence interval. */
#define SIMSTAT_Z95 1.959963984540054

/* Sums over the games played (integers, so the order of games never changes a figure). */
typedef struct simstat_totals {
    long games;
    long wins;
    long score;         /* sum of final scores */
    long long score_sq; /* sum of squared final scores (for the score's spread) */
    long rounds;        /* sum of the round each game ended in */
    long outcomes[OUT_COUNT];
    long tracks[TRACK_COUNT]; /* sums of the final track values */
    long *action_uses;        /* per action index of the ruleset: plays over all games */
    size_t n_actions;
    long stuck;        /* games stopped at SIMSTAT_MAX_MOVES */
    long bot_failures; /* times the bot had no legal move when it should have had one */
} simstat_totals;

/* What one game came to. */
typedef struct simstat_game {
    outcome result;
    int score;
    char rank;
    int rounds; /* the round the game ended in */
    long moves;
} simstat_game;

/* Prepares empty totals for games of rs (one action counter per action). */
void simstat_init(simstat_totals *t, const ruleset *rs);
/* Frees what simstat_init allocated; the totals are empty afterwards. */
void simstat_free(simstat_totals *t);

/* Plays one game of scenario sc with seed: the computer facilitator resolves the hidden phases
 * and the bot team (seeded with the same seed) plays every role, in the scenario's default
 * setup (setup_default: solo practice when it has a time limit, else a workshop with private
 * information, where the researcher's results reach the others at the meeting). open turns
 * the beginners' open-information setting on in a workshop (everyone sees every result at
 * once). The game is added to tot (may be NULL) and described in g (may be NULL). When script
 * is not NULL, the game is appended to it as an action script that malcon-replay plays back.
 * Returns false and writes why when the setup does not fit the scenario; a stuck game or a bot
 * failure still returns true (and is counted in tot). */
bool simstat_play(const ruleset *rs, int sc, uint64_t seed, bool open, simstat_totals *tot,
                  simstat_game *g, core_str *script, char *why, size_t why_n);

/* Plays games seeds seed, seed+1, ... seed+games-1 into tot (see simstat_play). Returns false
 * and writes why at the first setup failure. */
bool simstat_run(const ruleset *rs, int sc, uint64_t seed, long games, bool open,
                 simstat_totals *tot, char *why, size_t why_n);

/* The Wilson score interval of a proportion: k successes in n trials, z standard deviations
 * (SIMSTAT_Z95 for 95%). Writes the bounds as fractions in 0..1; n == 0 gives 0..1. Unlike the
 * normal approximation it stays inside 0..1 and is sensible for rates near 0% or 100%. */
void simstat_wilson(long k, long n, double z, double *lo, double *hi);

/* The sample standard deviation of the final scores (0 with fewer than two games). */
double simstat_score_sd(const simstat_totals *t);

/* The losing outcome that happened most often (ties: the first in outcome order), or
 * OUT_ONGOING when no game was lost. */
outcome simstat_top_loss(const simstat_totals *t);

/* Applies one designer override "key=value" to a scenario's numbers, for trying a number
 * without editing files. Keys are the scenario's YAML paths: beacon.min, beacon.max, noise.min,
 * noise.max, exfil, spread.chance, spread.every, random_infections, tracks.<track>.start,
 * tracks.<track>.max (track: leak, impact, trust, evidence), and terminals.<id>.noise. The
 * value must be an integer in the loader's range, and the scenario must stay valid (min <= max,
 * start <= max, enough terminals for the infections): otherwise returns false, writes why and
 * leaves sd unchanged. */
bool simstat_set(scenario_def *sd, const char *kv, char *why, size_t why_n);

/* The keys simstat_set accepts, one per line (for --help). */
const char *simstat_set_keys(void);

#endif
