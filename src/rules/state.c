/* state.c: creating, copying, hashing and querying a game state (the position). */
#include "rules_internal.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void setup_default(game_setup *su, const ruleset *rs, int scenario, uint64_t seed)
{
    assert(su && rs && scenario >= 0 && (size_t)scenario < rs->n_scenarios);
    const scenario_def *sc = &rs->scenarios[scenario];
    memset(su, 0, sizeof *su);
    su->seed = seed;
    su->mode = sc->solo_seconds > 0 ? MODE_SOLO : MODE_WORKSHOP;
    su->private_info = su->mode == MODE_WORKSHOP;
    su->open_info = false;
    su->n_players = 1;
    memcpy(su->player[0], "Player", sizeof "Player");
    for (size_t i = 0; i < sc->n_roles; i++)
        if (sc->roles[i] >= 0 && sc->roles[i] < RULES_MAX_ROLES)
            su->holds[0] |= 1u << sc->roles[i];
}

/* Checks that the content fits the state's fixed-size arrays. */
static bool state_check_scenario(const ruleset *rs, const scenario_def *sc, char *why, size_t why_n)
{
    if (rs->n_roles == 0 || rs->n_roles > RULES_MAX_ROLES)
        return text_fail(why, why_n, "the ruleset has %zu roles (1..%d)", rs->n_roles,
                         RULES_MAX_ROLES);
    if (rs->n_actions > RULES_MAX_ACTIONS)
        return text_fail(why, why_n, "the ruleset has %zu actions (at most %d)", rs->n_actions,
                         RULES_MAX_ACTIONS);
    if (rs->n_events > INT16_MAX)
        return text_fail(why, why_n, "the ruleset has too many events");
    if (sc->n_rooms == 0 || sc->n_rooms > RULES_MAX_ROOMS)
        return text_fail(why, why_n, "scenario %s has %zu rooms (1..%d)", sc->id, sc->n_rooms,
                         RULES_MAX_ROOMS);
    if (sc->n_terminals == 0 || sc->n_terminals > RULES_MAX_TERMINALS)
        return text_fail(why, why_n, "scenario %s has %zu terminals (1..%d)", sc->id,
                         sc->n_terminals, RULES_MAX_TERMINALS);
    if (sc->days < 1 || sc->phases_per_day < 1 || sc->days * sc->phases_per_day > RULES_MAX_ROUNDS)
        return text_fail(why, why_n, "scenario %s has %d x %d rounds (1..%d)", sc->id, sc->days,
                         sc->phases_per_day, RULES_MAX_ROUNDS);
    if (sc->n_roles == 0)
        return text_fail(why, why_n, "scenario %s has no role in play", sc->id);
    for (size_t i = 0; i < sc->n_roles; i++)
        if (sc->roles[i] < 0 || (size_t)sc->roles[i] >= rs->n_roles)
            return text_fail(why, why_n, "scenario %s names a role that does not exist", sc->id);
    for (size_t i = 0; i < sc->n_terminals; i++) {
        const terminal_def *t = &sc->terminals[i];
        if (t->room < 0 || (size_t)t->room >= sc->n_rooms || t->kind < 0 ||
            (size_t)t->kind >= rs->n_kinds)
            return text_fail(why, why_n, "terminal %s has no valid room or kind", t->id);
    }
    for (size_t i = 0; i < sc->n_rooms; i++)
        if (sc->rooms[i].segment < 0 || (size_t)sc->rooms[i].segment >= sc->n_segments)
            return text_fail(why, why_n, "room %s has no valid segment", sc->rooms[i].id);
    size_t deck = 0;
    if (sc->deck) {
        deck = sc->n_deck;
        for (size_t i = 0; i < sc->n_deck; i++)
            if (sc->deck[i] < 0 || (size_t)sc->deck[i] >= rs->n_events)
                return text_fail(why, why_n, "scenario %s's deck names a missing event", sc->id);
    } else {
        for (size_t i = 0; i < rs->n_events; i++)
            deck += rs->events[i].copies > 0 ? (size_t)rs->events[i].copies : 0;
    }
    if (deck > RULES_MAX_DECK)
        return text_fail(why, why_n, "the event deck has %zu cards (at most %d)", deck,
                         RULES_MAX_DECK);
    for (size_t i = 0; i < sc->n_infections; i++) {
        int t = sc->infections[i].terminal;
        if (t < 0 || (size_t)t >= sc->n_terminals || sc->infections[i].route <= ROUTE_NONE ||
            sc->infections[i].route >= ROUTE_COUNT)
            return text_fail(why, why_n, "scenario %s has an invalid fixed infection", sc->id);
    }
    return true;
}

/* Checks the players against the roles: each of the scenario's roles held by exactly one
 * player, any other ruleset role held by at most one (holding it brings it into play: larger
 * groups add the expansion roles), every player holding at least one role. */
static bool state_check_setup(const ruleset *rs, const scenario_def *sc, const game_setup *su,
                              char *why, size_t why_n)
{
    if (su->n_players < 1 || su->n_players > RULES_MAX_PLAYERS)
        return text_fail(why, why_n, "%d players (1..%d)", su->n_players, RULES_MAX_PLAYERS);
    if (su->mode != MODE_WORKSHOP && su->mode != MODE_SOLO)
        return text_fail(why, why_n, "unknown game mode");
    uint32_t seen = 0;
    for (int p = 0; p < su->n_players; p++) {
        size_t len = text_len(su->player[p], RULES_NAME_MAX);
        if (len == 0 || len >= RULES_NAME_MAX)
            return text_fail(why, why_n, "player %d needs a name (1..%d bytes)", p + 1,
                             RULES_NAME_MAX - 1);
        uint32_t h = su->holds[p];
        if (h == 0)
            return text_fail(why, why_n, "player %s holds no role", su->player[p]);
        for (int r = 0; r < 32; r++) {
            if (!(h & (1u << r)))
                continue;
            if ((size_t)r >= rs->n_roles)
                return text_fail(why, why_n, "player %s holds an unknown role", su->player[p]);
            if (seen & (1u << r))
                return text_fail(why, why_n, "%s is held by two players", rs->roles[r].id);
            seen |= 1u << r;
        }
    }
    for (size_t i = 0; i < sc->n_roles; i++)
        if (!(seen & (1u << sc->roles[i])))
            return text_fail(why, why_n, "no player holds %s", rs->roles[sc->roles[i]].id);
    return true;
}

static int state_action_role(const game_state *s, int action);

/* Places an infection on terminal t at setup. */
static void state_infect(game_state *s, int t, route r)
{
    s->term[t].infected = 1;
    s->term[t].route = (uint8_t)r;
    s->term[t].infected_round = 0;
}

game_state *state_new(const ruleset *rs, int sc_index, const game_setup *su, char *why,
                      size_t why_n)
{
    assert(rs && su);
    if (sc_index < 0 || (size_t)sc_index >= rs->n_scenarios) {
        text_fail(why, why_n, "no scenario %d", sc_index);
        return NULL;
    }
    const scenario_def *sc = &rs->scenarios[sc_index];
    if (!state_check_scenario(rs, sc, why, why_n))
        return NULL;
    if (!state_check_setup(rs, sc, su, why, why_n))
        return NULL;

    game_state *s = core_calloc(1, sizeof *s);
    s->rs = rs;
    /* In play: the scenario's roles (in their order), then the held roles it does not name
     * (ruleset order). The checks above make every index valid and each role appear once. */
    uint32_t in_play = 0, held = 0;
    for (int p = 0; p < su->n_players; p++)
        held |= su->holds[p];
    for (size_t i = 0; i < sc->n_roles; i++)
        if (!(in_play & (1u << sc->roles[i]))) {
            in_play |= 1u << sc->roles[i];
            s->order[s->n_order++] = (int8_t)sc->roles[i];
        }
    for (size_t r = 0; r < rs->n_roles; r++)
        if ((held & (1u << r)) && !(in_play & (1u << r))) {
            in_play |= 1u << r;
            s->order[s->n_order++] = (int8_t)r;
        }
    /* A canonical copy: zeroed first, names copied up to their NUL, so that padding and the
     * bytes after a name never make two equal setups hash differently. */
    s->setup.seed = su->seed;
    s->setup.mode = su->mode;
    s->setup.private_info = su->private_info;
    s->setup.open_info = su->open_info;
    s->setup.n_players = su->n_players;
    for (int p = 0; p < su->n_players; p++) {
        size_t len = text_len(su->player[p], RULES_NAME_MAX - 1);
        memcpy(s->setup.player[p], su->player[p], len);
        s->setup.holds[p] = su->holds[p];
    }
    core_rng_seed(&s->rng, su->seed);
    s->sc = sc_index;
    s->phase = PHASE_SETUP;
    s->outcome = OUT_ONGOING;
    s->round = 0;
    s->turn = 0;
    s->seconds_left = sc->solo_seconds;
    for (int t = 0; t < TRACK_COUNT; t++) {
        int v = sc->track_start[t];
        s->track[t] = v < 0 ? 0 : v > sc->track_max[t] ? sc->track_max[t] : v;
    }
    s->in_play = in_play;
    s->round_event = -1;
    s->chosen_event = -1;
    s->n_terminals = (uint8_t)sc->n_terminals;
    s->n_rooms = (uint8_t)sc->n_rooms;
    for (int r = 0; r < RULES_MAX_ROLES; r++) {
        s->note[r].terminal = -1;
        s->note[r].room = -1;
    }
    for (size_t i = 0; i < sc->n_terminals; i++)
        s->term[i].has_volatile = 1;
    for (size_t a = 0; a < rs->n_actions; a++) {
        s->action_role[a] = (int8_t)state_action_role(s, (int)a);
        const action_def *ad = &rs->actions[a];
        for (size_t i = 0; i < ad->n_effects; i++) {
            const effect_info *info = rules_effect_info(ad->effects[i].op);
            if (!info || (info->needs != TGT_NONE && info->needs != ad->target))
                s->bad_actions |= 1ull << a;
        }
    }

    /* The deck: the scenario's list, or every event with its copies; shuffled by the seed. */
    if (sc->deck) {
        for (size_t i = 0; i < sc->n_deck; i++)
            s->deck[s->n_deck++] = (int16_t)sc->deck[i];
    } else {
        for (size_t e = 0; e < rs->n_events; e++)
            for (int c = 0; c < rs->events[e].copies; c++)
                s->deck[s->n_deck++] = (int16_t)e;
    }
    for (int i = s->n_deck - 1; i > 0; i--) {
        int j = core_rng_range(&s->rng, 0, i);
        int16_t tmp = s->deck[i];
        s->deck[i] = s->deck[j];
        s->deck[j] = tmp;
    }

    for (size_t i = 0; i < sc->n_infections; i++)
        state_infect(s, sc->infections[i].terminal, sc->infections[i].route);
    /* Random infections: distinct clean terminals, routes from the scenario's set. */
    int routes[ROUTE_COUNT], n_routes = 0;
    for (int r = ROUTE_MAIL; r < ROUTE_COUNT; r++)
        if (sc->random_routes & (1u << r))
            routes[n_routes++] = r;
    if (n_routes == 0)
        routes[n_routes++] = ROUTE_MAIL;
    for (int k = 0; k < sc->random_infections; k++) {
        int clean[RULES_MAX_TERMINALS], n_clean = 0;
        for (int t = 0; t < s->n_terminals; t++)
            if (!s->term[t].infected)
                clean[n_clean++] = t;
        if (n_clean == 0)
            break;
        int t = clean[core_rng_range(&s->rng, 0, n_clean - 1)];
        state_infect(s, t, (route)routes[core_rng_range(&s->rng, 0, n_routes - 1)]);
    }
    return s;
}

game_state *state_dup(const game_state *s)
{
    assert(s);
    game_state *d = core_alloc(sizeof *d);
    memcpy(d, s, sizeof *d);
    return d;
}

void state_free(game_state *s)
{
    free(s);
}

bool state_equal(const game_state *a, const game_state *b)
{
    assert(a && b);
    return a->rs == b->rs &&
           memcmp(&a->setup, &b->setup, sizeof *a - offsetof(game_state, setup)) == 0;
}

uint64_t state_hash(const game_state *s)
{
    assert(s);
    /* Every byte after the ruleset pointer is canonical (see struct game_state). */
    return core_fnv1a(CORE_FNV_INIT, &s->setup, sizeof *s - offsetof(game_state, setup));
}

const ruleset *state_ruleset(const game_state *s)
{
    return s->rs;
}

const scenario_def *state_scenario(const game_state *s)
{
    return &s->rs->scenarios[s->sc];
}

const game_setup *state_setup(const game_state *s)
{
    return &s->setup;
}

/* ---- queries ---- */

void rules_clock(const game_state *s, clock_view *out)
{
    const scenario_def *sc = state_scenario(s);
    out->phase = (phase)s->phase;
    out->round = s->round;
    out->days = sc->days;
    out->phases_per_day = sc->phases_per_day;
    out->rounds = sc->days * sc->phases_per_day;
    int r = s->round > 0 ? s->round - 1 : 0;
    out->day = r / sc->phases_per_day + 1;
    out->phase_of_day = r % sc->phases_per_day;
}

outcome rules_outcome(const game_state *s)
{
    return (outcome)s->outcome;
}

bool rules_outcome_won(outcome o)
{
    return o == OUT_WIN_DECLARED || o == OUT_WIN_BRIEFING;
}

int rules_current_role(const game_state *s)
{
    if (s->phase != PHASE_ACTION)
        return -1;
    if (s->setup.mode == MODE_WORKSHOP)
        return s->turn >= 0 && s->turn < s->n_order ? s->order[s->turn] : -1;
    for (int i = 0; i < s->n_order; i++)
        if (!(s->passed & (1u << s->order[i])))
            return s->order[i];
    return -1;
}

int rules_ap(const game_state *s, int role)
{
    if (!rules_role_in_play(s, role))
        return 0;
    return s->ap[role];
}

bool rules_passed(const game_state *s, int role)
{
    return role >= 0 && role < RULES_MAX_ROLES && (s->passed & (1u << role));
}

bool rules_role_in_play(const game_state *s, int role)
{
    return role >= 0 && role < RULES_MAX_ROLES && (s->in_play & (1u << role));
}

size_t rules_turn_order(const game_state *s, int *out, size_t max)
{
    size_t n = 0;
    for (; n < s->n_order && n < max; n++)
        out[n] = s->order[n];
    return n;
}

/* Who plays action a: its owner if in play, else its own fallback, else the scenario's
 * fallback for the owner, else nobody (-1). Fixed for a game, so state_new caches it. */
static int state_action_role(const game_state *s, int action)
{
    const action_def *a = &s->rs->actions[action];
    if (rules_role_in_play(s, a->role))
        return a->role;
    if (rules_role_in_play(s, a->fallback))
        return a->fallback;
    const scenario_def *sc = state_scenario(s);
    if (sc->fallback && a->role >= 0 && (size_t)a->role < s->rs->n_roles &&
        rules_role_in_play(s, sc->fallback[a->role]))
        return sc->fallback[a->role];
    return -1;
}

int rules_action_role(const game_state *s, int action)
{
    if (action < 0 || (size_t)action >= s->rs->n_actions)
        return -1;
    return s->action_role[action];
}

int rules_role_player(const game_state *s, int role)
{
    if (role < 0 || role >= RULES_MAX_ROLES)
        return -1;
    for (int p = 0; p < s->setup.n_players; p++)
        if (s->setup.holds[p] & (1u << role))
            return p;
    return -1;
}

int rules_track(const game_state *s, track t)
{
    assert((int)t >= 0 && t < TRACK_COUNT);
    return s->track[t];
}

int rules_track_max(const game_state *s, track t)
{
    assert((int)t >= 0 && t < TRACK_COUNT);
    return state_scenario(s)->track_max[t];
}

bool rules_flag(const game_state *s, flag f)
{
    return (int)f >= 0 && f < FLAG_COUNT && (s->flags & (1u << f));
}

int rules_active_infections(const game_state *s)
{
    int n = 0;
    for (int t = 0; t < s->n_terminals; t++)
        n += play_active(s, t);
    return n;
}

int rules_round_event(const game_state *s)
{
    return s->round_event;
}

int rules_seconds_left(const game_state *s)
{
    return s->seconds_left;
}

size_t rules_deck_peek(const game_state *s, int *out, size_t n)
{
    size_t k = 0;
    for (int i = s->deck_pos; i < s->n_deck && k < n; i++)
        out[k++] = s->deck[i];
    return k;
}
