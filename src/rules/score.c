/* score.c: the score (GAME.md section 8) from the scenario's weights; every term is shown. */
#include "rules_internal.h"

#include <assert.h>
#include <string.h>

void rules_score(const game_state *s, score_view *out)
{
    assert(s && out);
    const scenario_def *sc = state_scenario(s);
    const score_weights *w = &sc->score;
    memset(out, 0, sizeof *out);
    outcome o = (outcome)s->outcome;
    bool won = rules_outcome_won(o);
    int rounds = sc->days * sc->phases_per_day;
    /* Rounds left count when the game ended early (declaration); the briefing uses them all. */
    out->rounds_left = o == OUT_WIN_BRIEFING || o == OUT_LOSE_BRIEFING ? 0 : rounds - s->round;
    if (out->rounds_left < 0)
        out->rounds_left = 0;
    for (int t = 0; t < s->n_terminals; t++) {
        const term_state *ts = &s->term[t];
        if (!ts->infected)
            continue;
        out->infected_total++;
        if (ts->evidence >= 2)
            out->evidence_full++;
        else if (ts->evidence == 1)
            out->evidence_partial++;
    }
    out->term[ST_WIN] = won ? w->win : 0;
    out->term[ST_ROUNDS_LEFT] = won ? out->rounds_left * w->per_round_left : 0;
    out->term[ST_EVIDENCE] =
        out->evidence_full * w->per_evidence + out->evidence_partial * w->per_partial;
    out->term[ST_TRUST] = s->track[TRACK_TRUST] * w->per_trust;
    out->term[ST_BRIEFING] = (s->flags & (1u << FLAG_BRIEFING_PREPARED)) ? w->briefing : 0;
    if (won && s->setup.mode == MODE_SOLO && sc->solo_seconds > 0) {
        int left = s->seconds_left < 0                  ? 0
                   : s->seconds_left > sc->solo_seconds ? sc->solo_seconds
                                                        : s->seconds_left;
        out->term[ST_TIME] = (int)((int64_t)w->time_bonus_max * left / sc->solo_seconds);
    }
    out->term[ST_LEAK] = -s->track[TRACK_LEAK] * w->per_leak;
    out->term[ST_IMPACT] = -s->track[TRACK_IMPACT] * w->per_impact;
    int total = 0;
    for (int i = 0; i < ST_COUNT; i++)
        total += out->term[i];
    out->total = total < 0 ? 0 : total > 100 ? 100 : total;
    out->rank = out->total >= w->rank_s   ? 'S'
                : out->total >= w->rank_a ? 'A'
                : out->total >= w->rank_b ? 'B'
                : out->total >= w->rank_c ? 'C'
                                          : 'D';
}
