/* effects.c: the handlers of the effect vocabulary (one per effects.def row) and their runner. */
#include "rules_internal.h"

#include <assert.h>
#include <string.h>

typedef void (*fx_handler)(game_state *s, const fx_ctx *c, const effect *e);

/* ---- resolving an effect's arguments ---- */

/* The role an effect's role argument names here, or -1 when it names nobody in play. */
static int fx_role(game_state *s, const fx_ctx *c, int role)
{
    int r = -1;
    switch (role) {
    case ROLE_TARGET:
        r = c->tk == TGT_ROLE ? c->target[0] : c->tk == TGT_ROLE_PAIR ? c->target[1] : -1;
        break;
    case ROLE_SOURCE:
        r = c->tk == TGT_ROLE_PAIR ? c->target[0] : -1;
        break;
    case ROLE_ACTOR:
        r = c->actor;
        break;
    case ROLE_RANDOM:
        r = s->order[core_rng_range(&s->rng, 0, s->n_order - 1)];
        break;
    default:
        r = role;
    }
    return rules_role_in_play(s, r) ? r : -1;
}

/* A random room index. */
static int fx_random_room(game_state *s)
{
    return core_rng_range(&s->rng, 0, s->n_rooms - 1);
}

/* The terminal an action targets, or -1. */
static int fx_terminal(const game_state *s, const fx_ctx *c)
{
    return c->tk == TGT_TERMINAL && c->target[0] >= 0 && c->target[0] < s->n_terminals
               ? c->target[0]
               : -1;
}

/* The room an action targets, or -1. */
static int fx_room(const game_state *s, const fx_ctx *c)
{
    return c->tk == TGT_ROOM && c->target[0] >= 0 && c->target[0] < s->n_rooms ? c->target[0] : -1;
}

/* Picks one of n candidates with the game's RNG (n > 0). */
static int fx_pick(game_state *s, const int *cand, int n)
{
    assert(n > 0);
    return cand[core_rng_range(&s->rng, 0, n - 1)];
}

/* ---- handlers ---- */

static void fx_track(game_state *s, const fx_ctx *c, const effect *e)
{
    if (e->track >= 0 && e->track < TRACK_COUNT)
        play_track(s, c, (track)e->track, e->amount);
}

static void fx_set_flag(game_state *s, const fx_ctx *c, const effect *e)
{
    if (e->flag >= 0 && e->flag < FLAG_COUNT)
        play_flag(s, c, (flag)e->flag, true);
}

static void fx_clear_flag(game_state *s, const fx_ctx *c, const effect *e)
{
    if (e->flag >= 0 && e->flag < FLAG_COUNT)
        play_flag(s, c, (flag)e->flag, false);
}

static void fx_flag_next_round(game_state *s, const fx_ctx *c, const effect *e)
{
    if (e->flag >= 0 && e->flag < FLAG_COUNT)
        s->pending |= 1u << e->flag;
}

/* Changes role r's AP by delta (not below 0, at most 99) and logs it. */
static void fx_change_ap(game_state *s, const fx_ctx *c, int r, int delta)
{
    int v = s->ap[r] + delta;
    v = v < 0 ? 0 : v > 99 ? 99 : v;
    int changed = v - s->ap[r];
    s->ap[r] = (int16_t)v;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_AP, VIS_PUBLIC);
        le.role = r; /* the role whose AP changed */
        le.amount = changed;
        le.value = v;
        play_log(c->log, &le);
    }
}

static void fx_gain_ap(game_state *s, const fx_ctx *c, const effect *e)
{
    int r = fx_role(s, c, e->role);
    if (r >= 0)
        fx_change_ap(s, c, r, e->amount);
}

static void fx_lose_ap(game_state *s, const fx_ctx *c, const effect *e)
{
    int r = fx_role(s, c, e->role);
    if (r >= 0)
        fx_change_ap(s, c, r, -e->amount);
}

static void fx_transfer_ap(game_state *s, const fx_ctx *c, const effect *e)
{
    if (c->tk != TGT_ROLE_PAIR)
        return;
    int from = c->target[0], to = c->target[1];
    if (!rules_role_in_play(s, from) || !rules_role_in_play(s, to) || from == to)
        return;
    int n = e->amount < s->ap[from] ? e->amount : s->ap[from];
    if (n <= 0)
        return;
    fx_change_ap(s, c, from, -n);
    fx_change_ap(s, c, to, n);
}

static void fx_examine(game_state *s, const fx_ctx *c, const effect *e)
{
    int t = fx_terminal(s, c);
    if (t >= 0)
        play_examine(s, c, t);
}

static void fx_preserve(game_state *s, const fx_ctx *c, const effect *e)
{
    int t = fx_terminal(s, c);
    if (t < 0)
        return;
    term_state *ts = &s->term[t];
    int level = ts->has_volatile ? 2 : 1;
    if (level <= ts->evidence)
        return;
    bool first = ts->evidence == 0;
    ts->evidence = (uint8_t)level;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_EVIDENCE, VIS_PUBLIC);
        le.terminal = t;
        le.value = level;
        play_log(c->log, &le);
    }
    /* The track counts preserved terminals, infected or not, so it reveals nothing. */
    if (first)
        play_track(s, c, TRACK_EVIDENCE, 1);
}

/* Log analysis: who beaconed in the room last malware phase. Exact with the C2 indicator or
 * EDR; otherwise a coin flip may add one noisy decoy; rotated logs (logs_noisy) are never exact
 * and name one clean terminal too (the flag is used up). */
static void fx_log_analysis(game_state *s, const fx_ctx *c, const effect *e)
{
    int room = fx_room(s, c);
    if (room < 0)
        return;
    const scenario_def *sc = state_scenario(s);
    uint64_t mask = 0;
    int decoys[RULES_MAX_TERMINALS], n_decoys = 0;
    int clean[RULES_MAX_TERMINALS], n_clean = 0;
    for (int t = 0; t < s->n_terminals; t++) {
        if (sc->terminals[t].room != room)
            continue;
        const term_state *ts = &s->term[t];
        if (ts->beacon > 0)
            mask |= 1ull << t;
        else if (!ts->infected) {
            clean[n_clean++] = t;
            if (ts->noise > 0)
                decoys[n_decoys++] = t;
        }
    }
    bool noisy = s->flags & (1u << FLAG_LOGS_NOISY);
    bool exact = !noisy && ((s->flags & (1u << FLAG_C2_KNOWN)) || s->room[room].edr);
    if (noisy) {
        if (n_clean > 0)
            mask |= 1ull << fx_pick(s, clean, n_clean);
    } else if (!exact) {
        if (core_rng_chance(&s->rng, 50) && n_decoys > 0)
            mask |= 1ull << fx_pick(s, decoys, n_decoys);
    }
    if (c->log) {
        log_entry le =
            play_ctx_entry(s, c, LOG_RESULT_LOGS, c->actor >= 0 ? VIS_ROLE : VIS_FACILITATOR);
        le.vis_role = c->actor;
        le.room = room;
        le.mask = mask;
        le.value = exact;
        int n = 0;
        for (int t = 0; t < s->n_terminals; t++)
            n += (mask >> t) & 1;
        le.amount = n;
        play_log(c->log, &le);
    }
    if (noisy)
        play_flag(s, c, FLAG_LOGS_NOISY, false);
}

static void fx_profile(game_state *s, const fx_ctx *c, const effect *e)
{
    if (!c->log)
        return;
    log_entry le =
        play_ctx_entry(s, c, LOG_RESULT_PROFILE, c->actor >= 0 ? VIS_ROLE : VIS_FACILITATOR);
    le.vis_role = c->actor;
    le.amount = rules_active_infections(s);
    le.value = state_scenario(s)->spread_pct;
    play_log(c->log, &le);
}

/* Isolates one terminal: containing before preserving loses the volatile evidence; an
 * infection is contained (facilitator), a clean terminal costs Business impact +1. */
static void fx_isolate_one(game_state *s, const fx_ctx *c, int t)
{
    term_state *ts = &s->term[t];
    if (ts->isolated)
        return;
    ts->isolated = 1;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_ISOLATED, VIS_PUBLIC);
        le.terminal = t;
        play_log(c->log, &le);
    }
    if (ts->evidence == 0 && ts->has_volatile) {
        ts->has_volatile = 0;
        ts->volatile_lost = 1;
        if (c->log) {
            log_entry le = play_ctx_entry(s, c, LOG_EVIDENCE_LOST, VIS_PUBLIC);
            le.terminal = t;
            play_log(c->log, &le);
        }
    }
    if (ts->infected) {
        if (c->log) {
            log_entry le = play_ctx_entry(s, c, LOG_CONTAINED, VIS_FACILITATOR);
            le.terminal = t;
            play_log(c->log, &le);
        }
    } else {
        play_track(s, c, TRACK_IMPACT, 1);
    }
}

static void fx_isolate(game_state *s, const fx_ctx *c, const effect *e)
{
    int t = fx_terminal(s, c);
    if (t >= 0)
        fx_isolate_one(s, c, t);
}

static void fx_isolate_room(game_state *s, const fx_ctx *c, const effect *e)
{
    int room = fx_room(s, c);
    if (room < 0)
        return;
    const scenario_def *sc = state_scenario(s);
    for (int t = 0; t < s->n_terminals; t++)
        if (sc->terminals[t].room == room)
            fx_isolate_one(s, c, t);
}

static void fx_deploy_edr(game_state *s, const fx_ctx *c, const effect *e)
{
    int room = fx_room(s, c);
    if (room < 0)
        return;
    s->room[room].edr = 1;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_EDR, VIS_PUBLIC);
        le.room = room;
        play_log(c->log, &le);
    }
}

static void fx_declare(game_state *s, const fx_ctx *c, const effect *e)
{
    outcome o = rules_active_infections(s) ? OUT_LOSE_DECLARED : OUT_WIN_DECLARED;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_DECLARE, VIS_PUBLIC);
        le.value = o;
        play_log(c->log, &le);
    }
    play_over(s, c->log, o);
}

static void fx_infect(game_state *s, const fx_ctx *c, const effect *e)
{
    if (e->route <= ROUTE_NONE || e->route >= ROUTE_COUNT)
        return;
    const scenario_def *sc = state_scenario(s);
    int room = e->room;
    if (room == ROOM_TARGET)
        room = fx_room(s, c) >= 0 ? fx_room(s, c) : ROOM_RANDOM;
    if (room == ROOM_RANDOM)
        room = fx_random_room(s);
    if (room >= s->n_rooms)
        return;
    int cand[RULES_MAX_TERMINALS], n = 0;
    for (int t = 0; t < s->n_terminals; t++) {
        const term_state *ts = &s->term[t];
        if (ts->infected || ts->isolated)
            continue;
        if (e->kind >= 0 && sc->terminals[t].kind != e->kind)
            continue;
        if (room >= 0 && sc->terminals[t].room != room)
            continue;
        cand[n++] = t;
    }
    if (n == 0)
        return;
    int t = fx_pick(s, cand, n);
    s->term[t].infected = 1;
    s->term[t].route = (uint8_t)e->route;
    s->term[t].infected_round = (int16_t)s->round;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_INFECTED, VIS_FACILITATOR);
        le.terminal = t;
        le.value = e->route;
        play_log(c->log, &le);
    }
}

/* An employee reboots a terminal (public): its volatile evidence is gone unless it was
 * already captured in full. */
static void fx_lose_volatile(game_state *s, const fx_ctx *c, const effect *e)
{
    const scenario_def *sc = state_scenario(s);
    int cand[RULES_MAX_TERMINALS], n = 0;
    for (int t = 0; t < s->n_terminals; t++) {
        const term_state *ts = &s->term[t];
        int kind = sc->terminals[t].kind;
        if (e->kind >= 0 && kind != e->kind)
            continue;
        if (!s->rs->kinds[kind].rebootable || !ts->has_volatile || ts->evidence >= 2)
            continue;
        cand[n++] = t;
    }
    if (n == 0)
        return;
    int t = fx_pick(s, cand, n);
    s->term[t].has_volatile = 0;
    s->term[t].volatile_lost = 1;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_EVIDENCE_LOST, VIS_PUBLIC);
        le.terminal = t;
        play_log(c->log, &le);
    }
}

static void fx_noise(game_state *s, const fx_ctx *c, const effect *e)
{
    int room = e->room;
    if (room == ROOM_TARGET)
        room = fx_room(s, c);
    if (room < 0 || room >= s->n_rooms)
        room = fx_random_room(s);
    if (s->n_history == 0)
        return; /* no count shown yet: nothing to add to */
    int16_t *cnt = &s->room[room].shown[s->n_history - 1];
    int v = *cnt + e->amount;
    v = v < 0 ? 0 : v > RULES_MAX_COUNT ? RULES_MAX_COUNT : v;
    *cnt = (int16_t)v;
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_COUNT_SHOWN, VIS_PUBLIC);
        le.room = room;
        le.amount = v;
        le.value = e->amount;
        play_log(c->log, &le);
    }
}

static void fx_tip(game_state *s, const fx_ctx *c, const effect *e)
{
    int cand[RULES_MAX_TERMINALS], n = 0;
    for (int t = 0; t < s->n_terminals; t++)
        if (play_active(s, t))
            cand[n++] = t;
    if (n == 0)
        return;
    int t = fx_pick(s, cand, n);
    if (c->log) {
        log_entry le = play_ctx_entry(s, c, LOG_TIP, VIS_PUBLIC);
        le.room = state_scenario(s)->terminals[t].room;
        play_log(c->log, &le);
    }
}

static void fx_spread(game_state *s, const fx_ctx *c, const effect *e)
{
    play_spread(s, c);
}

static const fx_handler fx_handlers[EF_COUNT] = {
    [EF_TRACK] = fx_track,
    [EF_SET_FLAG] = fx_set_flag,
    [EF_CLEAR_FLAG] = fx_clear_flag,
    [EF_FLAG_NEXT_ROUND] = fx_flag_next_round,
    [EF_GAIN_AP] = fx_gain_ap,
    [EF_LOSE_AP] = fx_lose_ap,
    [EF_TRANSFER_AP] = fx_transfer_ap,
    [EF_EXAMINE] = fx_examine,
    [EF_PRESERVE] = fx_preserve,
    [EF_LOG_ANALYSIS] = fx_log_analysis,
    [EF_PROFILE] = fx_profile,
    [EF_ISOLATE] = fx_isolate,
    [EF_ISOLATE_ROOM] = fx_isolate_room,
    [EF_DEPLOY_EDR] = fx_deploy_edr,
    [EF_DECLARE] = fx_declare,
    [EF_INFECT] = fx_infect,
    [EF_LOSE_VOLATILE] = fx_lose_volatile,
    [EF_NOISE] = fx_noise,
    [EF_TIP] = fx_tip,
    [EF_SPREAD] = fx_spread,
};

void effects_run(game_state *s, const fx_ctx *c, const effect *list, size_t n)
{
    for (size_t i = 0; i < n && s->phase != PHASE_OVER; i++) {
        const effect *e = &list[i];
        if (e->op < 0 || e->op >= EF_COUNT)
            continue;
        assert(fx_handlers[e->op]);
        uint32_t blocking = e->unless & s->flags;
        if (blocking) {
            if (c->log) {
                log_entry le = play_ctx_entry(s, c, LOG_EVENT_BLOCKED, VIS_PUBLIC);
                int f = 0;
                while (!(blocking & (1u << f)))
                    f++;
                le.flag = f;
                play_log(c->log, &le);
            }
            continue;
        }
        if ((e->only_if & s->flags) != e->only_if)
            continue;
        fx_handlers[e->op](s, c, e);
    }
}
