/* simstat.c: the balance simulator's engine: bot games, totals, Wilson intervals and the
 * designer's scenario overrides (see simstat.h). */
#include "simstat.h"

#include "bot.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void simstat_init(simstat_totals *t, const ruleset *rs)
{
    assert(t && rs);
    memset(t, 0, sizeof *t);
    t->n_actions = rs->n_actions;
    t->action_uses = core_calloc(rs->n_actions ? rs->n_actions : 1, sizeof *t->action_uses);
}

void simstat_free(simstat_totals *t)
{
    if (!t)
        return;
    free(t->action_uses);
    memset(t, 0, sizeof *t);
}

bool simstat_play(const ruleset *rs, int sc, uint64_t seed, bool open, simstat_totals *tot,
                  simstat_game *g, core_str *script, char *why, size_t why_n)
{
    assert(rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    game_setup su;
    /* The scenario's own setup: solo practice for a timed scenario, else a workshop with
     * private information (the researcher's results reach the team at the meeting). */
    setup_default(&su, rs, sc, seed);
    if (open && su.mode == MODE_WORKSHOP)
        su.open_info = true;
    char reason[RULES_WHY_MAX];
    game_state *s = state_new(rs, sc, &su, reason, sizeof reason);
    if (!s) {
        if (why && why_n)
            snprintf(why, why_n, "seed %" PRIu64 ": %s", seed, reason);
        return false;
    }
    bot *b = bot_new(s, seed);
    log_buf log = {0};
    long moves = 0;
    bool failed = false;
    if (script)
        core_str_printf(script,
                        "; malcon-sim game, seed %" PRIu64 "\nscenario %s\nseed %" PRIu64
                        "\nmode %s\noption private %s\noption open %s\nmoves\n",
                        seed, rs->scenarios[sc].id, seed,
                        su.mode == MODE_SOLO ? "solo" : "workshop", su.private_info ? "on" : "off",
                        su.open_info ? "on" : "off");
    while (rules_outcome(s) == OUT_ONGOING && moves < SIMSTAT_MAX_MOVES) {
        clock_view c;
        rules_clock(s, &c);
        move m;
        if (c.phase == PHASE_ACTION) {
            if (!bot_choose(b, s, &m)) {
                failed = true;
                break;
            }
        } else {
            /* The computer facilitator: start the game, then resolve each hidden phase. */
            move_init(&m, c.phase == PHASE_SETUP ? MV_START : MV_NEXT);
        }
        log_buf_clear(&log);
        if (script) {
            /* Formatted before applying: the line is read in the state it was played in. */
            char *line = move_format(s, &m);
            core_str_printf(script, "%s\n", line);
            free(line);
        }
        if (!rules_apply_inplace(s, &m, &log, NULL, reason, sizeof reason)) {
            char *line = move_format(s, &m);
            fprintf(stderr, "malcon-sim: seed %" PRIu64 ": '%s' refused: %s\n", seed, line, reason);
            free(line);
            failed = true;
            break;
        }
        if (tot && m.kind == MV_ACT && m.action >= 0 && (size_t)m.action < tot->n_actions)
            tot->action_uses[m.action]++;
        bot_observe(b, s, log.items, log.count);
        moves++;
    }

    outcome res = rules_outcome(s);
    clock_view c;
    rules_clock(s, &c);
    score_view sv;
    rules_score(s, &sv);
    if (tot) {
        tot->games++;
        tot->outcomes[res]++;
        tot->wins += rules_outcome_won(res);
        tot->score += sv.total;
        tot->score_sq += (long long)sv.total * sv.total;
        tot->rounds += c.round;
        for (int t = 0; t < TRACK_COUNT; t++)
            tot->tracks[t] += rules_track(s, (track)t);
        tot->stuck += moves >= SIMSTAT_MAX_MOVES;
        tot->bot_failures += failed;
    }
    if (g) {
        g->result = res;
        g->score = sv.total;
        g->rank = sv.rank;
        g->rounds = c.round;
        g->moves = moves;
    }
    log_buf_free(&log);
    bot_free(b);
    state_free(s);
    return true;
}

bool simstat_run(const ruleset *rs, int sc, uint64_t seed, long games, bool open,
                 simstat_totals *tot, char *why, size_t why_n)
{
    for (long i = 0; i < games; i++)
        if (!simstat_play(rs, sc, seed + (uint64_t)i, open, tot, NULL, NULL, why, why_n))
            return false;
    return true;
}

void simstat_wilson(long k, long n, double z, double *lo, double *hi)
{
    assert(lo && hi && k >= 0 && k <= n);
    if (n <= 0) {
        *lo = 0.0;
        *hi = 1.0;
        return;
    }
    double p = (double)k / (double)n;
    double z2n = z * z / (double)n;
    double centre = (p + z2n / 2.0) / (1.0 + z2n);
    double half = z * sqrt(p * (1.0 - p) / (double)n + z2n / (4.0 * (double)n)) / (1.0 + z2n);
    *lo = centre - half < 0.0 ? 0.0 : centre - half;
    *hi = centre + half > 1.0 ? 1.0 : centre + half;
    /* At 0 or n the exact bound is the end itself; rounding must not move it. */
    if (k == 0)
        *lo = 0.0;
    if (k == n)
        *hi = 1.0;
}

double simstat_score_sd(const simstat_totals *t)
{
    assert(t);
    if (t->games < 2)
        return 0.0;
    double n = (double)t->games;
    double mean = (double)t->score / n;
    double var = ((double)t->score_sq - n * mean * mean) / (n - 1.0);
    return var > 0.0 ? sqrt(var) : 0.0;
}

outcome simstat_top_loss(const simstat_totals *t)
{
    assert(t);
    static const outcome losses[] = {OUT_LOSE_DECLARED, OUT_LOSE_BRIEFING, OUT_LOSE_LEAK,
                                     OUT_LOSE_IMPACT};
    outcome best = OUT_ONGOING;
    long most = 0;
    for (size_t i = 0; i < sizeof losses / sizeof losses[0]; i++)
        if (t->outcomes[losses[i]] > most) {
            most = t->outcomes[losses[i]];
            best = losses[i];
        }
    return best;
}

/* ---- designer overrides ---- */

static const char simstat_keys[] = "beacon.min, beacon.max       beacons per active infection\n"
                                   "noise.min, noise.max         clamp of a decoy's noise\n"
                                   "exfil                        Leak per active infection\n"
                                   "spread.chance, spread.every  spread % and its period\n"
                                   "random_infections            infections placed from the seed\n"
                                   "tracks.<track>.start|max     leak, impact, trust, evidence\n"
                                   "terminals.<id>.noise         one terminal's decoy noise\n";

const char *simstat_set_keys(void)
{
    return simstat_keys;
}

/* The field that key names in sd, with the loader's range; NULL for an unknown key. */
static int *simstat_field(scenario_def *sd, const char *key, int *min, int *max)
{
    static const struct {
        const char *key;
        size_t offset;
        int min, max;
    } plain[] = {
        {"beacon.min", offsetof(scenario_def, beacon_min), 0, 9},
        {"beacon.max", offsetof(scenario_def, beacon_max), 0, 9},
        {"noise.min", offsetof(scenario_def, noise_min), 0, 9},
        {"noise.max", offsetof(scenario_def, noise_max), 0, 9},
        {"exfil", offsetof(scenario_def, exfil), 0, 9},
        {"spread.chance", offsetof(scenario_def, spread_pct), 0, 100},
        {"spread.every", offsetof(scenario_def, spread_every), 0, RULES_MAX_ROUNDS},
        {"random_infections", offsetof(scenario_def, random_infections), 0, RULES_MAX_TERMINALS},
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (!strcmp(key, plain[i].key)) {
            *min = plain[i].min;
            *max = plain[i].max;
            return (int *)((char *)sd + plain[i].offset);
        }
    if (!strncmp(key, "tracks.", 7)) {
        const char *dot = strchr(key + 7, '.');
        if (!dot || dot == key + 7 || (size_t)(dot - (key + 7)) >= 16)
            return NULL;
        char name[16];
        memcpy(name, key + 7, (size_t)(dot - (key + 7)));
        name[dot - (key + 7)] = '\0';
        int t = track_from_name(name);
        if (t < 0)
            return NULL;
        if (!strcmp(dot + 1, "start")) {
            *min = 0;
            *max = 99;
            return &sd->track_start[t];
        }
        if (!strcmp(dot + 1, "max")) {
            *min = 1;
            *max = 99;
            return &sd->track_max[t];
        }
        return NULL;
    }
    if (!strncmp(key, "terminals.", 10)) {
        const char *dot = strrchr(key + 10, '.');
        if (!dot || strcmp(dot + 1, "noise") != 0)
            return NULL;
        for (size_t i = 0; i < sd->n_terminals; i++) {
            const char *id = sd->terminals[i].id;
            if (strlen(id) == (size_t)(dot - (key + 10)) && !strncmp(id, key + 10, strlen(id))) {
                *min = 0;
                *max = 9;
                return &sd->terminals[i].noise;
            }
        }
        return NULL;
    }
    return NULL;
}

/* Why sd is no longer a valid scenario (the loader's cross-field checks), or NULL. */
static const char *simstat_invalid(const scenario_def *sd)
{
    if (sd->beacon_min > sd->beacon_max)
        return "beacon.min would be above beacon.max";
    if (sd->noise_min > sd->noise_max)
        return "noise.min would be above noise.max";
    for (int t = 0; t < TRACK_COUNT; t++)
        if (sd->track_start[t] > sd->track_max[t])
            return "a track would start above its max";
    if ((size_t)sd->random_infections + sd->n_infections > sd->n_terminals)
        return "there would be more infections than terminals";
    if (sd->random_infections > 0 && !sd->random_routes)
        return "random infections need random_routes in the scenario file";
    return NULL;
}

bool simstat_set(scenario_def *sd, const char *kv, char *why, size_t why_n)
{
    assert(sd && kv);
    const char *eq = strchr(kv, '=');
    char key[96];
    if (!eq || eq == kv || (size_t)(eq - kv) >= sizeof key) {
        snprintf(why, why_n, "'%s' is not key=value", kv);
        return false;
    }
    memcpy(key, kv, (size_t)(eq - kv));
    key[eq - kv] = '\0';
    int min = 0, max = 0;
    int *field = simstat_field(sd, key, &min, &max);
    if (!field) {
        snprintf(why, why_n, "unknown key '%s' (see --help)", key);
        return false;
    }
    const char *val = eq + 1;
    char *end = NULL;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (!*val || *end || errno || v < min || v > max) {
        snprintf(why, why_n, "%s wants an integer in %d..%d, not '%s'", key, min, max, val);
        return false;
    }
    int old = *field;
    *field = (int)v;
    const char *bad = simstat_invalid(sd);
    if (bad) {
        *field = old;
        snprintf(why, why_n, "%s=%ld: %s", key, v, bad);
        return false;
    }
    return true;
}
