/* play.c: the round's phase machine (malware, event, action, meeting, end of round) and the
 * small state changes shared by moves and effects. */
#include "rules_internal.h"

#include <assert.h>
#include <string.h>

log_entry play_entry(const game_state *s, log_type t, visibility v)
{
    log_entry e;
    memset(&e, 0, sizeof e);
    e.type = t;
    e.vis = v;
    e.vis_role = -1;
    e.round = s->round;
    e.role = e.action = e.event = -1;
    e.terminal = e.terminal2 = e.room = -1;
    e.target_role = e.track = e.flag = -1;
    return e;
}

log_entry play_ctx_entry(const game_state *s, const fx_ctx *c, log_type t, visibility v)
{
    log_entry e = play_entry(s, t, v);
    if (c) {
        e.role = c->actor;
        e.action = c->action;
        e.event = c->event;
    }
    return e;
}

void play_log(log_buf *log, const log_entry *e)
{
    if (log)
        log_buf_push(log, e);
}

void play_track(game_state *s, const fx_ctx *c, track t, int delta)
{
    int max = state_scenario(s)->track_max[t];
    int v = s->track[t] + delta;
    v = v < 0 ? 0 : v > max ? max : v;
    int changed = v - s->track[t];
    s->track[t] = v;
    if (c && c->log) {
        log_entry e = play_ctx_entry(s, c, LOG_TRACK, VIS_PUBLIC);
        e.track = t;
        e.amount = changed;
        e.value = v;
        play_log(c->log, &e);
    }
}

void play_flag(game_state *s, const fx_ctx *c, flag f, bool on)
{
    /* Only a change is news: re-setting a known fact would repeat it in the log. */
    if (((s->flags >> f) & 1u) == (on ? 1u : 0u))
        return;
    if (on)
        s->flags |= 1u << f;
    else
        s->flags &= ~(1u << f);
    if (c && c->log) {
        log_entry e = play_ctx_entry(s, c, LOG_FLAG, VIS_PUBLIC);
        e.flag = f;
        e.value = on;
        play_log(c->log, &e);
    }
}

bool play_active(const game_state *s, int i)
{
    return s->term[i].infected && !s->term[i].isolated;
}

void play_over(game_state *s, log_buf *log, outcome o)
{
    if (s->phase == PHASE_OVER)
        return;
    s->outcome = o;
    s->phase = PHASE_OVER;
    if (log) {
        log_entry e = play_entry(s, LOG_OVER, VIS_PUBLIC);
        e.value = o;
        play_log(log, &e);
    }
}

void play_briefing(game_state *s, log_buf *log)
{
    if (log) {
        log_entry e = play_entry(s, LOG_BRIEFING, VIS_PUBLIC);
        play_log(log, &e);
    }
    play_over(s, log, rules_active_infections(s) ? OUT_LOSE_BRIEFING : OUT_WIN_BRIEFING);
}

void play_check_limits(game_state *s, log_buf *log)
{
    if (s->phase == PHASE_OVER || s->phase == PHASE_SETUP)
        return;
    const scenario_def *sc = state_scenario(s);
    if (sc->track_max[TRACK_LEAK] > 0 && s->track[TRACK_LEAK] >= sc->track_max[TRACK_LEAK])
        play_over(s, log, OUT_LOSE_LEAK);
    else if (sc->track_max[TRACK_IMPACT] > 0 &&
             s->track[TRACK_IMPACT] >= sc->track_max[TRACK_IMPACT])
        play_over(s, log, OUT_LOSE_IMPACT);
}

void play_spread(game_state *s, const fx_ctx *c)
{
    const scenario_def *sc = state_scenario(s);
    /* Snapshot first: a terminal infected by this step does not spread in the same step. */
    bool source[RULES_MAX_TERMINALS];
    for (int t = 0; t < s->n_terminals; t++)
        source[t] = play_active(s, t);
    for (int t = 0; t < s->n_terminals; t++) {
        if (!source[t] || !core_rng_chance(&s->rng, sc->spread_pct))
            continue;
        int seg = sc->rooms[sc->terminals[t].room].segment;
        int cand[RULES_MAX_TERMINALS], n = 0;
        for (int u = 0; u < s->n_terminals; u++)
            if (!s->term[u].infected && !s->term[u].isolated &&
                sc->rooms[sc->terminals[u].room].segment == seg)
                cand[n++] = u;
        if (n == 0)
            continue;
        int u = cand[core_rng_range(&s->rng, 0, n - 1)];
        s->term[u].infected = 1;
        s->term[u].route = ROUTE_LATERAL;
        s->term[u].infected_round = (int16_t)s->round;
        if (c && c->log) {
            log_entry e = play_ctx_entry(s, c, LOG_SPREAD, VIS_FACILITATOR);
            e.terminal = t;
            e.terminal2 = u;
            play_log(c->log, &e);
            e = play_ctx_entry(s, c, LOG_INFECTED, VIS_FACILITATOR);
            e.terminal = u;
            e.value = ROUTE_LATERAL;
            play_log(c->log, &e);
        }
    }
}

void play_examine(game_state *s, const fx_ctx *c, int t)
{
    term_state *ts = &s->term[t];
    ts->face_up = 1;
    ts->shown_infected = ts->infected;
    ts->shown_route = ts->infected ? ts->route : ROUTE_NONE;
    ts->examined_round = (int16_t)(s->round > 0 ? s->round : 0);
    if (c && c->log) {
        log_entry e = play_ctx_entry(s, c, LOG_REVEAL, VIS_PUBLIC);
        e.terminal = t;
        e.value = ts->shown_infected;
        e.amount = ts->shown_route;
        play_log(c->log, &e);
    }
}

void play_event(game_state *s, log_buf *log, int ev)
{
    const event_def *ed = &s->rs->events[ev];
    fx_ctx c = {.actor = -1, .action = -1, .event = ev, .target = {-1, -1}, .log = log};
    if (log) {
        log_entry e = play_entry(s, LOG_EVENT, VIS_PUBLIC);
        e.event = ev;
        play_log(log, &e);
    }
    effects_run(s, &c, ed->effects, ed->n_effects);
}

/* ---- the round ---- */

/* Starts the next round: clock, AP back to base (before the event, so an event's lose_ap
 * costs this round's AP), per-round bits, the roles' passive effects. */
static void play_begin_round(game_state *s, log_buf *log)
{
    s->round++;
    s->phase = PHASE_MALWARE;
    s->passed = 0;
    s->used_round = 0;
    s->turn = 0;
    s->round_event = -1;
    s->skip_event = 0;
    for (int i = 0; i < s->n_order; i++)
        s->ap[s->order[i]] = (int16_t)s->rs->roles[s->order[i]].ap;
    if (log) {
        clock_view cv;
        rules_clock(s, &cv);
        log_entry e = play_entry(s, LOG_ROUND, VIS_PUBLIC);
        e.amount = cv.day;
        e.value = cv.phase_of_day;
        play_log(log, &e);
    }
    for (int i = 0; i < s->n_order && s->phase != PHASE_OVER; i++) {
        const role_def *rd = &s->rs->roles[s->order[i]];
        fx_ctx c = {
            .actor = s->order[i], .action = -1, .event = -1, .target = {-1, -1}, .log = log};
        effects_run(s, &c, rd->passive_effects, rd->n_passive_effects);
    }
}

void play_start(game_state *s, log_buf *log)
{
    assert(s->phase == PHASE_SETUP);
    log_entry e = play_entry(s, LOG_START, VIS_PUBLIC);
    e.value = s->sc;
    play_log(log, &e);
    play_begin_round(s, log);
    for (int t = 0; t < s->n_terminals; t++) {
        if (!s->term[t].infected)
            continue;
        e = play_entry(s, LOG_INFECTED, VIS_FACILITATOR);
        e.round = 0;
        e.terminal = t;
        e.value = s->term[t].route;
        play_log(log, &e);
    }
}

/* Malware phase: pending flags, beacons and noise into the rooms' counts, exfiltration. */
static void play_malware(game_state *s, log_buf *log)
{
    const scenario_def *sc = state_scenario(s);
    fx_ctx c = {.actor = -1, .action = -1, .event = -1, .target = {-1, -1}, .log = log};
    for (int f = 0; f < FLAG_COUNT; f++)
        if (s->pending & (1u << f))
            play_flag(s, &c, (flag)f, true);
    s->pending = 0;

    bool blocked = s->flags & (1u << FLAG_C2_BLOCKED);
    bool quiet = s->flags & (1u << FLAG_ATTACKER_QUIET);
    int counts[RULES_MAX_ROOMS] = {0};
    int leak = 0;
    for (int t = 0; t < s->n_terminals; t++) {
        term_state *ts = &s->term[t];
        const terminal_def *td = &sc->terminals[t];
        ts->beacon = 0;
        ts->noise = 0;
        if (play_active(s, t)) {
            if (!blocked && !quiet) {
                int b = core_rng_range(&s->rng, sc->beacon_min,
                                       sc->beacon_max > sc->beacon_min ? sc->beacon_max
                                                                       : sc->beacon_min);
                b = b < 0 ? 0 : b > 255 ? 255 : b;
                ts->beacon = (uint8_t)b;
                counts[td->room] += b;
                if (log) {
                    log_entry e = play_entry(s, LOG_BEACON, VIS_FACILITATOR);
                    e.terminal = t;
                    e.room = td->room;
                    e.amount = b;
                    play_log(log, &e);
                }
            }
            if (!blocked)
                leak += sc->exfil;
        } else if (!ts->infected && !ts->isolated && td->noise > 0) {
            int hi = td->noise < sc->noise_max ? td->noise : sc->noise_max;
            int n = hi > 0 ? core_rng_range(&s->rng, 0, hi) : 0;
            if (n < sc->noise_min)
                n = sc->noise_min;
            n = n > 255 ? 255 : n;
            ts->noise = (uint8_t)n;
            counts[td->room] += n;
            if (n > 0 && log) {
                log_entry e = play_entry(s, LOG_NOISE, VIS_FACILITATOR);
                e.terminal = t;
                e.room = td->room;
                e.amount = n;
                play_log(log, &e);
            }
        }
    }
    if (quiet)
        play_flag(s, &c, FLAG_ATTACKER_QUIET, false);
    for (int r = 0; r < s->n_rooms; r++) {
        int n = counts[r] > RULES_MAX_COUNT ? RULES_MAX_COUNT : counts[r];
        room_state *rm = &s->room[r];
        rm->true_count = (int16_t)n;
        rm->overridden = 0;
        if (rm->pending_flow) {
            /* A flow set by the facilitator before the count was shown: the public sees only
             * the facilitator's count, never the malware's and then a correction. */
            n = rm->pending_flow - 1;
            rm->pending_flow = 0;
            rm->overridden = 1;
        }
        rm->shown[s->round - 1] = (int16_t)n;
        if (log) {
            log_entry e = play_entry(s, LOG_COUNT_SHOWN, VIS_PUBLIC);
            e.room = r;
            e.amount = n;
            play_log(log, &e);
        }
    }
    s->n_history = (uint8_t)s->round;
    if (leak)
        play_track(s, &c, TRACK_LEAK, leak);
    s->phase = PHASE_EVENT;
    play_check_limits(s, log);
}

/* The action phase begins: the first role in turn order plays (workshop). */
static void play_enter_action(game_state *s, log_buf *log)
{
    s->phase = PHASE_ACTION;
    s->turn = 0;
    if (s->setup.mode == MODE_WORKSHOP && log) {
        log_entry e = play_entry(s, LOG_TURN, VIS_PUBLIC);
        e.role = s->order[0];
        play_log(log, &e);
    }
}

/* Event phase: no event when skipped; else this round's scheduled events, else the
 * facilitator's choice, else the deck (reshuffled when exhausted). */
static void play_event_phase(game_state *s, log_buf *log)
{
    const scenario_def *sc = state_scenario(s);
    bool any = false;
    if (!s->skip_event) {
        for (size_t i = 0; i < sc->n_schedule && s->phase != PHASE_OVER; i++) {
            int ev = sc->schedule[i].event;
            if (sc->schedule[i].round != s->round || ev < 0 || (size_t)ev >= s->rs->n_events)
                continue;
            any = true;
            s->round_event = (int16_t)ev;
            play_event(s, log, ev);
        }
        if (!any && s->chosen_event >= 0) {
            any = true;
            int ev = s->chosen_event;
            s->chosen_event = -1;
            s->round_event = (int16_t)ev;
            play_event(s, log, ev);
        }
        if (!any && s->n_deck > 0) {
            if (s->deck_pos >= s->n_deck) {
                for (int i = s->n_deck - 1; i > 0; i--) {
                    int j = core_rng_range(&s->rng, 0, i);
                    int16_t tmp = s->deck[i];
                    s->deck[i] = s->deck[j];
                    s->deck[j] = tmp;
                }
                s->deck_pos = 0;
            }
            any = true;
            int ev = s->deck[s->deck_pos++];
            s->round_event = (int16_t)ev;
            play_event(s, log, ev);
        }
    }
    if (!any && log) {
        log_entry e = play_entry(s, LOG_NO_EVENT, VIS_PUBLIC);
        play_log(log, &e);
    }
    if (s->phase != PHASE_OVER)
        play_enter_action(s, log);
}

/* End of round: spread, end of day (Trust without a report), the briefing after the last
 * round, else the next round. */
static void play_end_round(game_state *s, log_buf *log)
{
    const scenario_def *sc = state_scenario(s);
    fx_ctx c = {.actor = -1, .action = -1, .event = -1, .target = {-1, -1}, .log = log};
    int every = sc->spread_every > 0 ? sc->spread_every : sc->phases_per_day;
    if (s->round % every == 0)
        play_spread(s, &c);
    if (s->round % sc->phases_per_day == 0) {
        if (!(s->flags & (1u << FLAG_REPORTED_TODAY)))
            play_track(s, &c, TRACK_TRUST, -1);
        if (s->flags & (1u << FLAG_REPORTED_TODAY))
            play_flag(s, &c, FLAG_REPORTED_TODAY, false);
        if (s->flags & (1u << FLAG_PRESS_ANSWERED))
            play_flag(s, &c, FLAG_PRESS_ANSWERED, false);
        if (log) {
            log_entry e = play_entry(s, LOG_DAY_END, VIS_PUBLIC);
            e.amount = s->round / sc->phases_per_day;
            play_log(log, &e);
        }
    }
    s->passed = 0;
    s->used_round = 0;
    if (s->round >= sc->days * sc->phases_per_day)
        play_briefing(s, log);
    else
        play_begin_round(s, log);
}

void play_next(game_state *s, log_buf *log)
{
    switch (s->phase) {
    case PHASE_MALWARE:
        play_malware(s, log);
        break;
    case PHASE_EVENT:
        play_event_phase(s, log);
        break;
    case PHASE_MEETING:
        play_end_round(s, log);
        break;
    default:
        assert(!"play_next outside a waiting phase");
    }
}

bool play_pass(game_state *s, log_buf *log, int role)
{
    s->passed |= 1u << role;
    if (log) {
        log_entry e = play_entry(s, LOG_PASS, VIS_PUBLIC);
        e.role = role;
        play_log(log, &e);
    }
    bool all = true;
    for (int i = 0; i < s->n_order; i++)
        if (!(s->passed & (1u << s->order[i])))
            all = false;
    if (!all) {
        if (s->setup.mode == MODE_WORKSHOP) {
            /* The next role in turn order that has not passed. */
            int n = s->n_order;
            for (int k = 1; k <= n; k++) {
                int i = (s->turn + k) % n;
                if (!(s->passed & (1u << s->order[i]))) {
                    s->turn = i;
                    break;
                }
            }
            if (log) {
                log_entry e = play_entry(s, LOG_TURN, VIS_PUBLIC);
                e.role = s->order[s->turn];
                play_log(log, &e);
            }
        }
        return false;
    }
    if (s->setup.mode == MODE_WORKSHOP) {
        s->phase = PHASE_MEETING;
        if (log) {
            log_entry e = play_entry(s, LOG_MEETING, VIS_PUBLIC);
            play_log(log, &e);
        }
        return false;
    }
    play_end_round(s, log);
    return true;
}
