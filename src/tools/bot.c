/* bot.c: a simple, sensible computer CSIRT team for malcon-sim (see bot.h).
 *
 * What it knows: only what a player team sees. It reads the public state through the rules
 * queries with a public or own-role viewer (room counts and their history, terminals turned
 * face up, markers, tracks, flags) and the log entries its roles may see (log analysis and
 * profiling results). It never calls rules_active_infections or reads facilitator entries.
 * It keeps the game's talk rule: in a workshop with private information, the researcher's
 * results reach the rest of the team only at the meeting (the researcher itself remembers what
 * it has analysed), so the forensic engineer acts on a log analysis the round after it, as
 * players behind the curtain do. With open information (or one solo player) there is no wait.
 * The public rules of the scenario (beacon range, spread timing and rate) are common knowledge;
 * the hidden facts (which terminal is infected, a decoy's noise level) are not.
 *
 * What it remembers from the log:
 *   - suspicion per terminal: raised when log analysis names it (a lot when the result is
 *     exact, less when it may include a decoy) or a tip names its room; lowered when an exact
 *     analysis of its room does not name it; cleared when examined clean;
 *   - per room: when log analysis last looked at it, how often its count turned out to be a
 *     decoy's noise (an analysis naming nobody new, or naming a terminal examined clean), and
 *     the loudest count shown to be all noise (every beaconing terminal is always named);
 *   - the last round a hidden infection may have appeared (a spread time, an infecting event):
 *     a terminal examined clean before it may be infected now;
 *   - the rounds whose counts came while the C2 was blocked (they hold no beacons);
 *   - a belief about the number of active infections: set by profiling, lowered by one for each
 *     terminal known infected that gets isolated, and dropped (unknown) when it may have grown:
 *     a spread time while infections remained, or an event that can infect and was not blocked.
 *
 * Policy: at each decision the role whose turn it is takes the first intent of this list that
 * its actions allow and the rules accept, otherwise it passes:
 *   1. declare containment when the belief is "0 active" and at least one infection was
 *      contained by the team, once the customer briefing is prepared (it is worth more than
 *      the round that waiting costs) or cannot be;
 *   2. report to management in the last phase of a day when not yet reported today;
 *   3. contain a terminal shown infected, once its evidence is preserved (or its volatile
 *      evidence is lost anyway, or the forensic engineer cannot preserve it this round and it
 *      has waited a round, or time or Leak are running out);
 *   4. preserve evidence of a terminal shown infected and still connected;
 *   5. recover deleted data on an examined infected terminal while the C2 is unknown;
 *   6. all-staff alert, 7. patch campaign (both prevent new infections, so early);
 *   8. attacker profiling when the belief is unknown (once per round);
 *   9. log analysis of the room with the highest count not explained by terminals already
 *      known infected (each taken to beacon the middle of the scenario's range), preferring
 *      rooms never analysed to rooms known for decoys' noise (not when the C2 is blocked,
 *      since nothing beacons then);
 *  10. Direct the forensic engineer while infections might remain or it has evidence to keep;
 *  11. examine the most suspected terminal (among equal names, the one in the louder, less
 *      misleading room); when the beacons are silenced and infections remain, or profiling
 *      says more are active than the team has located and nothing is suspected, search: the
 *      face-down terminal most likely to hide one (in a network segment with a known
 *      infection, since spread stays in a segment; in a room whose traffic was not explained),
 *      then a terminal examined clean before the last spread or infecting event;
 *  12. block the C2 at the proxy once it is known and infections might remain, when the Leak
 *      nears its maximum or on the last day (earlier, it silences the beacons that lead to
 *      the hidden infections);
 *  13. last round, infections might remain: isolate the loudest room if impact allows;
 *  14. report to management, 15. contact JPCERT/CC, 16. prepare the customer briefing,
 *  17. preserve disk evidence of isolated infected terminals, 18. consult the police,
 *  19. deploy EDR in the room with the most historic traffic while the C2 is unknown.
 * Ties between equal terminals or rooms are broken by a per-game random order drawn from the
 * bot's own RNG (seeded by the caller from the game seed), never from the game's RNG.
 *
 * How well it plays: the README's "Balance" table (malcon-sim --games 10000 --seed 1, shipped
 * content): about 92% of tutorial games, 69% standard, 42% hard, 64% solo. It is a reference
 * team for balancing, not an expert: it keeps evidence before containing even while the
 * malware spreads, and never re-checks a clean terminal while it has a face-down one to try.
 */
#include "bot.h"

#include "core.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The effect names the bot reads, and the intent each structural one stands for (looked at
 * first: they say most about an action). */
static const struct {
    const char *effect;
    bot_intent intent;
} bot_by_effect[] = {
    {"declare", BI_DECLARE},   {"examine", BI_EXAMINE}, {"preserve", BI_PRESERVE},
    {"log_analysis", BI_LOGS}, {"profile", BI_PROFILE}, {"isolate_room", BI_ISOLATE_ROOM},
    {"isolate", BI_CONTAIN},   {"deploy_edr", BI_EDR},  {"transfer_ap", BI_COORD},
};
#define BOT_N_BY_EFFECT (sizeof bot_by_effect / sizeof bot_by_effect[0])

/* Effect table indices, looked up by name once per bot rather than once per action. */
typedef struct bot_ops {
    int by_effect[BOT_N_BY_EFFECT];
    int set_flag, gain_ap, infect, spread;
} bot_ops;

static void bot_ops_find(bot_ops *o)
{
    for (size_t k = 0; k < BOT_N_BY_EFFECT; k++)
        o->by_effect[k] = rules_effect_find(bot_by_effect[k].effect);
    o->set_flag = rules_effect_find("set_flag");
    o->gain_ap = rules_effect_find("gain_ap");
    o->infect = rules_effect_find("infect");
    o->spread = rules_effect_find("spread");
}

struct bot {
    const ruleset *rs;
    const scenario_def *sc;
    int act[BI_COUNT]; /* the action index that serves each intent, or -1 */
    /* knowledge from the visible log */
    int suspicion[RULES_MAX_TERMINALS];
    int named_round[RULES_MAX_TERMINALS];    /* last round log analysis named it, 0 if never */
    int isolated_round[RULES_MAX_TERMINALS]; /* round the team isolated it, 0 if not */
    int exposure_round; /* last round a hidden infection may have appeared (spread, event) */
    int logs_round[RULES_MAX_ROOMS]; /* last round log analysis looked at the room */
    int fruitless[RULES_MAX_ROOMS];  /* analyses in a row that named nobody new: noise there */
    int noise_seen[RULES_MAX_ROOMS]; /* loudest count log analysis showed to be all noise */
    bool belief_valid;               /* belief_active is a known number */
    int belief_active;
    int profile_round; /* round of the last profiling, 0 if never */
    int contained;     /* terminals known infected that the team isolated */
    bool blocked_now;  /* the proxy blocks the C2 (from the public flag entries) */
    bool silenced[RULES_MAX_ROUNDS + 1]; /* rounds whose counts came with the C2 blocked */
    /* Workshop with private information: a role's private results reach the rest of the team
     * only at the meeting (talk is restricted until then), so they wait here. */
    bool delay_private;
    log_entry pending[32];
    size_t n_pending;
    bot_ops ops; /* effect table indices */
    /* the terminals' merged views in tv_state, read at each entry point */
    terminal_view tv[RULES_MAX_TERMINALS];
    uint64_t tv_have; /* bit t: tv[t] is read from tv_state */
    const game_state *tv_state;
    /* per-game tie-breaking order */
    int tb_terminal[RULES_MAX_TERMINALS];
    int tb_room[RULES_MAX_ROOMS];
};

static const char *const bot_intent_names[BI_COUNT] = {
    "examine",      "preserve", "recover", "logs",    "profile", "contain",
    "isolate_room", "report",   "direct",  "declare", "alert",   "block_c2",
    "briefing",     "jpcert",   "police",  "edr",     "patch",   "coordinate"};

const char *bot_intent_name(bot_intent i)
{
    if (i < 0 || i >= BI_COUNT)
        return "none";
    return bot_intent_names[i];
}

/* Which intent a set_flag effect on flag f serves (BI_NONE for flags the bot ignores). */
static bot_intent bot_flag_intent(int f, target_kind tk)
{
    switch (f) {
    case FLAG_JPCERT_CONTACTED:
        return BI_JPCERT;
    case FLAG_POLICE_CONSULTED:
        return BI_POLICE;
    case FLAG_STAFF_ALERTED:
        return BI_ALERT;
    case FLAG_PATCHED:
        return BI_PATCH;
    case FLAG_C2_BLOCKED:
        return BI_BLOCK;
    case FLAG_BRIEFING_PREPARED:
        return BI_BRIEFING;
    case FLAG_REPORTED_TODAY:
        return BI_REPORT;
    case FLAG_C2_KNOWN:
        /* Learning the C2 from a terminal is data recovery; from nowhere it is a contact. */
        return tk == TGT_TERMINAL ? BI_RECOVER : BI_NONE;
    default:
        return BI_NONE;
    }
}

static bot_intent bot_classify_ops(const ruleset *rs, int a, const bot_ops *o)
{
    const action_def *ad = &rs->actions[a];
    for (size_t k = 0; k < BOT_N_BY_EFFECT; k++)
        for (size_t i = 0; i < ad->n_effects; i++)
            if (o->by_effect[k] >= 0 && ad->effects[i].op == o->by_effect[k])
                return bot_by_effect[k].intent;
    bot_intent best = BI_NONE;
    for (size_t i = 0; i < ad->n_effects; i++) {
        if (ad->effects[i].op != o->set_flag)
            continue;
        bot_intent it = bot_flag_intent(ad->effects[i].flag, ad->target);
        /* A contact that also shares the C2 is still the contact: keep the first flag that
         * names a purpose other than C2 recovery. */
        if (it != BI_NONE && (best == BI_NONE || best == BI_RECOVER))
            best = it;
    }
    if (best != BI_NONE)
        return best;
    for (size_t i = 0; i < ad->n_effects; i++)
        if (ad->effects[i].op == o->gain_ap && ad->target == TGT_ROLE)
            return BI_DIRECT;
    return BI_NONE;
}

bot_intent bot_classify(const ruleset *rs, int a)
{
    assert(rs && a >= 0 && (size_t)a < rs->n_actions);
    bot_ops o;
    bot_ops_find(&o);
    return bot_classify_ops(rs, a, &o);
}

bot *bot_new(const game_state *s, uint64_t seed)
{
    assert(s);
    bot *b = core_alloc(sizeof *b);
    b->rs = state_ruleset(s);
    b->sc = state_scenario(s);
    const game_setup *su = state_setup(s);
    b->delay_private = su->mode == MODE_WORKSHOP && su->private_info && !su->open_info;
    for (int i = 0; i < BI_COUNT; i++)
        b->act[i] = -1;
    bot_ops_find(&b->ops);
    for (size_t a = 0; a < b->rs->n_actions; a++) {
        bot_intent it = bot_classify_ops(b->rs, (int)a, &b->ops);
        if (it != BI_NONE && b->act[it] < 0)
            b->act[it] = (int)a;
    }
    core_rng rng;
    core_rng_seed(&rng, seed ^ 0x626f747465616dULL); /* "botteam": a stream of its own */
    for (int t = 0; t < RULES_MAX_TERMINALS; t++)
        b->tb_terminal[t] = core_rng_range(&rng, 0, 9);
    for (int r = 0; r < RULES_MAX_ROOMS; r++)
        b->tb_room[r] = core_rng_range(&rng, 0, 9);
    return b;
}

void bot_free(bot *b)
{
    free(b);
}

/* True when the team may see e: public entries, and the private results of its own roles (the
 * team holds every role in play). Facilitator truth never passes. */
static bool bot_sees(const game_state *s, const log_entry *e)
{
    viewer v = {VIEW_PUBLIC, -1};
    if (rules_visible(s, v, e))
        return true;
    if (e->vis != VIS_ROLE || e->vis_role < 0 || !rules_role_in_play(s, e->vis_role))
        return false;
    v.kind = VIEW_ROLE;
    v.role = e->vis_role;
    return rules_visible(s, v, e);
}

/* What the team knows of terminal t: the public view merged with its roles' private views. */
static void bot_terminal_read(const game_state *s, int t, terminal_view *out)
{
    viewer v = {VIEW_PUBLIC, -1};
    rules_terminal(s, v, t, out);
    int order[RULES_MAX_ROLES];
    size_t n = rules_turn_order(s, order, RULES_MAX_ROLES);
    for (size_t i = 0; i < n; i++) {
        terminal_view rv;
        viewer rvw = {VIEW_ROLE, order[i]};
        rules_terminal(s, rvw, t, &rv);
        out->face_up |= rv.face_up;
        out->known_infected |= rv.known_infected;
        out->known_clean |= rv.known_clean && !out->known_infected;
        if (out->route == ROUTE_NONE)
            out->route = rv.route;
        if (rv.examined_round > out->examined_round)
            out->examined_round = rv.examined_round;
    }
}

/* Forgets the cached terminal views: called at each entry point (bot_observe, bot_choose), since
 * the state may have changed since the last one. Within one, the state does not change. */
static void bot_refresh(bot *b, const game_state *s)
{
    b->tv_have = 0;
    b->tv_state = s;
}

/* The team's view of terminal t in s. The policy looks at terminals many times per decision,
 * so each is read once per entry point and cached (the cache is not part of what the bot
 * knows, hence the cast: the bot itself is never const). */
static void bot_terminal(const bot *b, const game_state *s, int t, terminal_view *out)
{
    if (b->tv_state != s || t < 0 || t >= 64) {
        bot_terminal_read(s, t, out);
        return;
    }
    bot *m = (bot *)b;
    if (!(m->tv_have & (1ULL << t))) {
        bot_terminal_read(s, t, &m->tv[t]);
        m->tv_have |= 1ULL << t;
    }
    *out = m->tv[t];
}

static void bot_room(const game_state *s, int r, room_view *out)
{
    viewer v = {VIEW_PUBLIC, -1};
    rules_room(s, v, r, out);
}

/* True when the effect's flag conditions hold in s (it would do something). */
static bool bot_effect_live(const game_state *s, const effect *e)
{
    for (int f = 0; f < FLAG_COUNT; f++) {
        bool set = rules_flag(s, (flag)f);
        if ((e->unless & (1u << f)) && set)
            return false;
        if ((e->only_if & (1u << f)) && !set)
            return false;
    }
    return true;
}

/* An event was drawn: forget the belief when it may have added an infection. The flags after
 * the event resolved are the ones that blocked it or not, so s (after the move) is right. */
static void bot_see_event(bot *b, const game_state *s, int ev)
{
    if (ev < 0 || (size_t)ev >= b->rs->n_events)
        return;
    const event_def *ed = &b->rs->events[ev];
    int infect = b->ops.infect, spread = b->ops.spread;
    for (size_t i = 0; i < ed->n_effects; i++) {
        const effect *e = &ed->effects[i];
        if (!bot_effect_live(s, e))
            continue;
        if (e->op == infect || (e->op == spread && (!b->belief_valid || b->belief_active > 0))) {
            b->belief_valid = false;
            clock_view c;
            rules_clock(s, &c);
            b->exposure_round = c.round;
        }
    }
}

/* Takes in one visible entry: the team now knows what it says. */
static void bot_learn(bot *b, const game_state *s, const log_entry *e)
{
    switch (e->type) {
    case LOG_FLAG:
        if (e->flag == FLAG_C2_BLOCKED)
            b->blocked_now = e->value != 0;
        break;
    case LOG_ROUND: {
        /* The malware phase of this round runs with the flags the last round left. */
        if (e->round >= 0 && e->round <= RULES_MAX_ROUNDS)
            b->silenced[e->round] = b->blocked_now;
        /* Spread happens every spread_every rounds: the number may have grown since. */
        int every = b->sc->spread_every > 0 ? b->sc->spread_every : b->sc->phases_per_day;
        bool spread_time = e->round > 1 && every > 0 && (e->round - 1) % every == 0;
        /* A terminal examined clean before a spread may be infected now. */
        if (spread_time && b->sc->spread_pct > 0)
            b->exposure_round = e->round - 1;
        if (spread_time && b->sc->spread_pct > 0 && b->belief_valid && b->belief_active > 0)
            b->belief_valid = false;
        break;
    }
    case LOG_DAY_END:
        if (b->sc->spread_pct > 0 && b->belief_valid && b->belief_active > 0)
            b->belief_valid = false;
        break;
    case LOG_RESULT_LOGS:
        if (e->room < 0 || e->room >= RULES_MAX_ROOMS)
            break;
        b->logs_round[e->room] = e->round;
        bool news = false, suspect_named = false;
        for (size_t t = 0; t < b->sc->n_terminals && t < 64; t++) {
            if (b->sc->terminals[t].room != e->room)
                continue;
            if (e->mask & (1ULL << t)) {
                terminal_view tv;
                bot_terminal(b, s, (int)t, &tv);
                news |= !tv.known_clean || e->value;
                suspect_named |= !tv.known_clean;
                b->suspicion[t] += e->value ? 100 : 40;
                b->named_round[t] = e->round;
            } else if (e->value) {
                b->suspicion[t] /= 2; /* exact and silent: probably not active */
            }
        }
        b->fruitless[e->room] = news ? 0 : b->fruitless[e->room] + 1;
        /* Every beaconing terminal is always named: when only terminals known clean (or
         * none) were, the room's count this round was all decoys' noise. */
        if (!suspect_named) {
            room_view rv;
            bot_room(s, e->room, &rv);
            if (rv.count > b->noise_seen[e->room])
                b->noise_seen[e->room] = rv.count;
        }
        break;
    case LOG_RESULT_PROFILE:
        b->belief_valid = true;
        b->belief_active = e->amount;
        b->profile_round = e->round;
        break;
    case LOG_REVEAL:
        if (e->terminal >= 0 && e->terminal < RULES_MAX_TERMINALS && e->value == 0) {
            /* Named by log analysis yet clean: that room's count was a decoy's noise. */
            int room = b->sc->terminals[e->terminal].room;
            if (b->named_round[e->terminal] > 0 && room >= 0 && room < RULES_MAX_ROOMS)
                b->fruitless[room]++;
            b->suspicion[e->terminal] = 0;
        }
        break;
    case LOG_ISOLATED: {
        if (e->terminal < 0 || e->terminal >= RULES_MAX_TERMINALS)
            break;
        b->isolated_round[e->terminal] = e->round;
        terminal_view tv;
        bot_terminal(b, s, e->terminal, &tv);
        if (tv.known_infected) {
            b->contained++;
            if (b->belief_valid && b->belief_active > 0)
                b->belief_active--;
        }
        break;
    }
    case LOG_TIP:
        for (size_t t = 0; t < b->sc->n_terminals && t < RULES_MAX_TERMINALS; t++)
            if (b->sc->terminals[t].room == e->room)
                b->suspicion[t] += 30;
        break;
    case LOG_EVENT:
        bot_see_event(b, s, e->event);
        break;
    default:
        break;
    }
}

void bot_observe(bot *b, const game_state *s, const log_entry *entries, size_t n)
{
    assert(b && s && (entries || n == 0));
    bot_refresh(b, s);
    for (size_t k = 0; k < n; k++) {
        const log_entry *e = &entries[k];
        if (!bot_sees(s, e))
            continue;
        bool result = e->type == LOG_RESULT_LOGS || e->type == LOG_RESULT_PROFILE;
        if (result && e->vis == VIS_ROLE && b->delay_private &&
            b->n_pending < sizeof b->pending / sizeof b->pending[0]) {
            /* Behind the curtain only the researcher reads it; the others hear it at the
             * meeting. The researcher still knows what it has done this round. */
            if (e->type == LOG_RESULT_LOGS && e->room >= 0 && e->room < RULES_MAX_ROOMS)
                b->logs_round[e->room] = e->round;
            if (e->type == LOG_RESULT_PROFILE)
                b->profile_round = e->round;
            b->pending[b->n_pending++] = *e;
            continue;
        }
        if (e->type == LOG_MEETING) {
            for (size_t i = 0; i < b->n_pending; i++)
                bot_learn(b, s, &b->pending[i]);
            b->n_pending = 0;
        }
        bot_learn(b, s, e);
    }
}

/* ---- choosing ---- */

/* Builds "act r <intent's action> t0 t1" into out; true when role r plays it and it is legal. */
static bool bot_try(const bot *b, const game_state *s, int r, bot_intent it, int t0, int t1,
                    move *out)
{
    int a = b->act[it];
    if (a < 0 || rules_action_role(s, a) != r)
        return false;
    move_init(out, MV_ACT);
    out->role = r;
    out->action = a;
    out->target[0] = t0;
    out->target[1] = t1;
    return rules_check(s, out, NULL, 0);
}

/* True when role r can play the intent at all (saves enumerating targets). */
static bool bot_plays(const bot *b, const game_state *s, int r, bot_intent it)
{
    int a = b->act[it];
    return a >= 0 && rules_action_role(s, a) == r && rules_ap(s, r) >= b->rs->actions[a].ap;
}

/* The role that plays intent it in this game, or -1. */
static int bot_player_of(const bot *b, const game_state *s, bot_intent it)
{
    return b->act[it] < 0 ? -1 : rules_action_role(s, b->act[it]);
}

/* True when infections might remain, as far as the team knows. */
static bool bot_might_remain(const bot *b)
{
    return !b->belief_valid || b->belief_active > 0;
}

static int bot_terminals(const bot *b)
{
    size_t n = b->sc->n_terminals;
    return (int)(n < RULES_MAX_TERMINALS ? n : RULES_MAX_TERMINALS);
}

static int bot_rooms(const bot *b)
{
    size_t n = b->sc->n_rooms;
    return (int)(n < RULES_MAX_ROOMS ? n : RULES_MAX_ROOMS);
}

/* The infections the team has located and not yet isolated (known infected, not isolated). */
static int bot_located(const bot *b, const game_state *s)
{
    int located = 0;
    for (int t = 0; t < bot_terminals(b); t++) {
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        located += tv.known_infected && !tv.isolated;
    }
    return located;
}

/* Known-infected terminals in room that were connected when this round's counts came (their
 * beacons explain its count): one isolated this round still beaconed in its malware phase. */
static int bot_known_active_in(const bot *b, const game_state *s, int room)
{
    clock_view c;
    rules_clock(s, &c);
    int n = 0;
    for (int t = 0; t < bot_terminals(b); t++) {
        if (b->sc->terminals[t].room != room)
            continue;
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        n += tv.known_infected && (!tv.isolated || b->isolated_round[t] == c.round);
    }
    return n;
}

/* A room's count this round beyond what its known infections explain (each is taken to beacon
 * the middle of the scenario's range: the public rules say how loud an infection is). */
static int bot_room_residual(const bot *b, const game_state *s, int room)
{
    room_view rv;
    bot_room(s, room, &rv);
    int mid = (b->sc->beacon_min + b->sc->beacon_max + 1) / 2;
    return rv.count - bot_known_active_in(b, s, room) * (mid > 0 ? mid : 1);
}

/* A room's counts so far, leaving out rounds when the C2 block silenced the beacons (their
 * counts were only decoys' noise and events). */
static int bot_room_history(const bot *b, const game_state *s, int room)
{
    room_view rv;
    bot_room(s, room, &rv);
    int sum = 0;
    for (int i = 0; i < rv.n_history && i < RULES_MAX_ROUNDS; i++)
        if (!b->silenced[i + 1])
            sum += rv.history[i];
    return sum;
}

/* True when the forensic engineer has something worth an extra AP. */
static bool bot_forensic_has_work(const bot *b, const game_state *s)
{
    for (int t = 0; t < bot_terminals(b); t++) {
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        if (tv.known_infected && !tv.isolated && tv.evidence == 0 && !tv.volatile_lost)
            return true;
        if (!tv.face_up && !tv.isolated && b->suspicion[t] > 0)
            return true;
    }
    return false;
}

/* 1: containment may be declared. */
static bool bot_want_declare(const bot *b, const game_state *s, const clock_view *c)
{
    if (!b->belief_valid || b->belief_active != 0 || b->contained == 0)
        return false;
    int br = bot_player_of(b, s, BI_BRIEFING);
    bool briefing_pending = !rules_flag(s, FLAG_BRIEFING_PREPARED) && br >= 0;
    return !briefing_pending || c->round >= c->rounds;
}

/* 3: contain the first ready terminal shown infected. */
static bool bot_do_contain(const bot *b, const game_state *s, int r, const clock_view *c, move *out)
{
    if (!bot_plays(b, s, r, BI_CONTAIN))
        return false;
    int fr = bot_player_of(b, s, BI_PRESERVE);
    bool forensic_done =
        fr < 0 || rules_passed(s, fr) || rules_ap(s, fr) < b->rs->actions[b->act[BI_PRESERVE]].ap;
    int leak = rules_track(s, TRACK_LEAK), leak_max = rules_track_max(s, TRACK_LEAK);
    int active_known = bot_located(b, s);
    int exfil = b->sc->exfil > 0 ? b->sc->exfil : 1;
    bool urgent = c->round >= c->rounds || leak + 2 * exfil * active_known >= leak_max;
    for (int t = 0; t < bot_terminals(b); t++) {
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        if (!tv.known_infected || tv.isolated)
            continue;
        bool waited = tv.examined_round > 0 && tv.examined_round < c->round - 1;
        bool ready = tv.evidence > 0 || tv.volatile_lost || urgent || (forensic_done && waited);
        if (ready && bot_try(b, s, r, BI_CONTAIN, t, -1, out))
            return true;
    }
    return false;
}

/* Tries intent it on every terminal matching want (per terminal view), first match wins. */
typedef bool (*bot_want_fn)(const bot *b, const terminal_view *tv, int t);

static bool bot_on_terminals(const bot *b, const game_state *s, int r, bot_intent it,
                             bot_want_fn want, move *out)
{
    if (!bot_plays(b, s, r, it))
        return false;
    for (int t = 0; t < bot_terminals(b); t++) {
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        if (want(b, &tv, t) && bot_try(b, s, r, it, t, -1, out))
            return true;
    }
    return false;
}

static bool bot_want_preserve_active(const bot *b, const terminal_view *tv, int t)
{
    return tv->known_infected && !tv->isolated && tv->evidence == 0 && !tv->volatile_lost;
}

static bool bot_want_preserve_isolated(const bot *b, const terminal_view *tv, int t)
{
    return tv->known_infected && tv->evidence == 0;
}

static bool bot_want_recover(const bot *b, const terminal_view *tv, int t)
{
    return tv->known_infected && tv->face_up;
}

/* 9: log analysis of the loudest unexplained room not analysed this round. */
static bool bot_do_logs(const bot *b, const game_state *s, int r, const clock_view *c, move *out)
{
    if (!bot_plays(b, s, r, BI_LOGS) || rules_flag(s, FLAG_C2_BLOCKED) || !bot_might_remain(b))
        return false;
    int best = -1, best_score = 0;
    for (int room = 0; room < bot_rooms(b); room++) {
        if (b->logs_round[room] == c->round)
            continue;
        int residual = bot_room_residual(b, s, room);
        if (residual <= 0)
            continue;
        /* Unexplained traffic first; a room never analysed beats one whose count turned out
         * to be a decoy's noise, and a count no louder than its known noise counts less. */
        int noisy = b->noise_seen[room] < residual ? b->noise_seen[room] : residual;
        int score = 1000 + residual * 100 - noisy * 60 + (b->logs_round[room] == 0 ? 60 : 0) -
                    b->fruitless[room] * 70 + b->tb_room[room];
        if (score > best_score) {
            best_score = score;
            best = room;
        }
    }
    return best >= 0 && bot_try(b, s, r, BI_LOGS, best, -1, out);
}

/* How likely a face-down terminal is to hide an infection once the beacons are silenced:
 * infections spread within a network segment, and rooms whose traffic was not a decoy's
 * noise count more. Always at least 1. */
static int bot_silent_score(const bot *b, const game_state *s, int t)
{
    int room = b->sc->terminals[t].room;
    int segment = b->sc->rooms[room].segment;
    int score = 1;
    for (int u = 0; u < bot_terminals(b); u++) {
        terminal_view tv;
        bot_terminal(b, s, u, &tv);
        if (tv.known_infected && b->sc->rooms[b->sc->terminals[u].room].segment == segment) {
            score += 100;
            break;
        }
    }
    /* Traffic from a room with a located infection is explained already; traffic from a
     * room never analysed is the most telling. */
    int history = bot_room_history(b, s, room);
    bool explained = false;
    for (int u = 0; u < bot_terminals(b); u++) {
        terminal_view tv;
        bot_terminal(b, s, u, &tv);
        explained |= tv.known_infected && b->sc->terminals[u].room == room;
    }
    int fruitless = room < RULES_MAX_ROOMS ? b->fruitless[room] : 0;
    score += history * (explained ? 1 : 5) - fruitless * 20;
    if (history > 0 && room < RULES_MAX_ROOMS && b->logs_round[room] == 0)
        score += 20;
    return score > 1 ? score : 1;
}

/* True when profiling says more infections are active than the team has located: one hides
 * somewhere (quiet beacons, or a spread that the counts have not shown yet). */
static bool bot_hidden_known(const bot *b, const game_state *s)
{
    if (!b->belief_valid)
        return false;
    int located = bot_located(b, s);
    return b->belief_active > located;
}

/* 11: examine the most suspected terminal; when beacons are silenced, or profiling says an
 * infection hides and nothing is suspected, search where one is most likely. */
static bool bot_do_examine(const bot *b, const game_state *s, int r, move *out)
{
    if (!bot_plays(b, s, r, BI_EXAMINE))
        return false;
    bool silent = rules_flag(s, FLAG_C2_BLOCKED) ? bot_might_remain(b) : bot_hidden_known(b, s);
    int best = -1, best_score = 0;
    for (int t = 0; t < bot_terminals(b); t++) {
        terminal_view tv;
        bot_terminal(b, s, t, &tv);
        if (tv.isolated || tv.known_infected)
            continue;
        /* A terminal examined clean is checked again on an exact name, or when an infection
         * may have reached it since (a spread or an infecting event came after the check) and
         * it is named again or the search has nowhere better to look. Else it is a decoy. */
        bool stale = tv.known_clean && tv.examined_round <= b->exposure_round;
        if (tv.known_clean && b->suspicion[t] < 100 &&
            !(stale && (silent || b->named_round[t] > tv.examined_round)))
            continue;
        int room = b->sc->terminals[t].room;
        int score = 0;
        if (b->suspicion[t] > 0) {
            /* Among names, the louder and less often misleading room first. */
            int residual = bot_room_residual(b, s, room);
            score = 1000 + b->suspicion[t] * 10 + b->named_round[t] +
                    (residual > 0 ? residual * 20 : 0) - b->fruitless[room] * 30;
        } else if (silent) {
            score = bot_silent_score(b, s, t);
            if (tv.face_up)
                score = score / 3 > 0 ? score / 3 : 1; /* it was clean once */
        }
        if (score <= 0)
            continue;
        score = score * 10 + b->tb_terminal[t];
        move m;
        if (score > best_score && bot_try(b, s, r, BI_EXAMINE, t, -1, &m)) {
            best_score = score;
            best = t;
            *out = m;
        }
    }
    return best >= 0;
}

/* 13: the last resort on the last round: cut off the loudest room while impact allows. */
static bool bot_do_isolate_room(const bot *b, const game_state *s, int r, const clock_view *c,
                                move *out)
{
    if (c->round < c->rounds || !bot_might_remain(b) || !bot_plays(b, s, r, BI_ISOLATE_ROOM))
        return false;
    int impact = rules_track(s, TRACK_IMPACT), impact_max = rules_track_max(s, TRACK_IMPACT);
    int best = -1, best_score = 0;
    bool silent = rules_flag(s, FLAG_C2_BLOCKED);
    for (int room = 0; room < bot_rooms(b); room++) {
        /* With the C2 blocked the counts are only noise: judge the room by its terminals. */
        int residual = silent ? 0 : bot_room_residual(b, s, room);
        int maybe_clean = 0;
        for (int t = 0; t < bot_terminals(b); t++) {
            terminal_view tv;
            bot_terminal(b, s, t, &tv);
            if (b->sc->terminals[t].room != room || tv.isolated || tv.known_infected)
                continue;
            maybe_clean++;
            if (silent && !tv.face_up)
                residual += bot_silent_score(b, s, t);
        }
        if (residual <= 0 || impact + maybe_clean >= impact_max)
            continue;
        int score = residual * 10 + b->tb_room[room];
        if (score > best_score) {
            best_score = score;
            best = room;
        }
    }
    return best >= 0 && bot_try(b, s, r, BI_ISOLATE_ROOM, best, -1, out);
}

/* 19: EDR where traffic has been heaviest, while log analysis is not yet exact. */
static bool bot_do_edr(const bot *b, const game_state *s, int r, move *out)
{
    if (rules_flag(s, FLAG_C2_KNOWN) || !bot_might_remain(b) || !bot_plays(b, s, r, BI_EDR))
        return false;
    int best = -1, best_score = 0;
    for (int room = 0; room < bot_rooms(b); room++) {
        room_view rv;
        bot_room(s, room, &rv);
        int score = bot_room_history(b, s, room) * 10 + b->tb_room[room];
        if (!rv.edr && bot_room_history(b, s, room) > 0 && score > best_score) {
            best_score = score;
            best = room;
        }
    }
    return best >= 0 && bot_try(b, s, r, BI_EDR, best, -1, out);
}

/* A flag-setting intent with no target, wanted while its flag is clear. */
static bool bot_do_flag(const bot *b, const game_state *s, int r, bot_intent it, flag f, move *out)
{
    return !rules_flag(s, f) && bot_plays(b, s, r, it) && bot_try(b, s, r, it, -1, -1, out);
}

/* 12: blocking the C2 stops the Leak but silences the beacons that lead to hidden infections
 * (and to the ones that spread later): block only when the Leak nears its maximum, or on the
 * last day. (Blocking as soon as every known infection was located won 38% of the hard
 * scenario's games in malcon-sim, against 60% with this rule.) */
static bool bot_want_block(const bot *b, const game_state *s, const clock_view *c)
{
    if (!rules_flag(s, FLAG_C2_KNOWN) || !bot_might_remain(b))
        return false;
    int located = bot_located(b, s);
    int exfil = b->sc->exfil > 0 ? b->sc->exfil : 1;
    int guess = b->belief_valid ? b->belief_active : located + 1;
    int leak = rules_track(s, TRACK_LEAK), leak_max = rules_track_max(s, TRACK_LEAK);
    bool leak_danger = leak + 2 * exfil * guess >= leak_max;
    return leak_danger || c->day >= c->days;
}

/* The decision for role r: the first intent of the policy list that works. */
static bool bot_pick(const bot *b, const game_state *s, int r, move *out)
{
    clock_view c;
    rules_clock(s, &c);
    bool last_phase = c.phase_of_day == c.phases_per_day - 1;

    if (bot_want_declare(b, s, &c) && bot_try(b, s, r, BI_DECLARE, -1, -1, out))
        return true;
    if (last_phase && bot_do_flag(b, s, r, BI_REPORT, FLAG_REPORTED_TODAY, out))
        return true;
    if (bot_do_contain(b, s, r, &c, out))
        return true;
    if (bot_on_terminals(b, s, r, BI_PRESERVE, bot_want_preserve_active, out))
        return true;
    if (!rules_flag(s, FLAG_C2_KNOWN) &&
        bot_on_terminals(b, s, r, BI_RECOVER, bot_want_recover, out))
        return true;
    if (bot_do_flag(b, s, r, BI_ALERT, FLAG_STAFF_ALERTED, out))
        return true;
    if (bot_do_flag(b, s, r, BI_PATCH, FLAG_PATCHED, out))
        return true;
    if (!b->belief_valid && b->profile_round != c.round &&
        bot_try(b, s, r, BI_PROFILE, -1, -1, out))
        return true;
    if (bot_do_logs(b, s, r, &c, out))
        return true;
    int fr = bot_player_of(b, s, BI_EXAMINE);
    if (fr >= 0 && fr != r && !rules_passed(s, fr) &&
        (bot_might_remain(b) || bot_forensic_has_work(b, s)) && bot_plays(b, s, r, BI_DIRECT) &&
        bot_try(b, s, r, BI_DIRECT, fr, -1, out))
        return true;
    if (bot_do_examine(b, s, r, out))
        return true;
    if (bot_want_block(b, s, &c) && bot_do_flag(b, s, r, BI_BLOCK, FLAG_C2_BLOCKED, out))
        return true;
    if (bot_do_isolate_room(b, s, r, &c, out))
        return true;
    if (bot_do_flag(b, s, r, BI_REPORT, FLAG_REPORTED_TODAY, out))
        return true;
    if (bot_do_flag(b, s, r, BI_JPCERT, FLAG_JPCERT_CONTACTED, out))
        return true;
    if (bot_do_flag(b, s, r, BI_BRIEFING, FLAG_BRIEFING_PREPARED, out))
        return true;
    if (bot_on_terminals(b, s, r, BI_PRESERVE, bot_want_preserve_isolated, out))
        return true;
    if (bot_do_flag(b, s, r, BI_POLICE, FLAG_POLICE_CONSULTED, out))
        return true;
    if (bot_do_edr(b, s, r, out))
        return true;
    return false;
}

bool bot_choose(bot *b, const game_state *s, move *out)
{
    assert(b && s && out);
    clock_view c;
    rules_clock(s, &c);
    if (c.phase != PHASE_ACTION || rules_outcome(s) != OUT_ONGOING)
        return false;
    bot_refresh(b, s);
    int r = rules_current_role(s);
    if (r < 0)
        return false;
    if (bot_pick(b, s, r, out))
        return true;
    move_init(out, MV_PASS);
    out->role = r;
    if (rules_check(s, out, NULL, 0))
        return true;
    /* The rules refused a pass (they should not): take any legal move so games always end. */
    move legal[64];
    size_t n = rules_legal_moves(s, legal, 64);
    if (n == 0)
        return false;
    *out = legal[0];
    return true;
}
