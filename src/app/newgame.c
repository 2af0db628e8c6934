/* newgame.c: the new-game setup logic behind the setup screen (pure: who holds which role,
 * player count changes, seeds), kept apart from drawing so it can be tested directly. */
#include "app.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Number of roles player p holds. */
static int newgame_load(const game_setup *su, int p)
{
    int n = 0;
    for (uint32_t m = su->holds[p]; m; m &= m - 1)
        n++;
    return n;
}

int newgame_holder(const game_setup *su, int role)
{
    assert(su && role >= 0 && role < RULES_MAX_ROLES);
    for (int p = 0; p < su->n_players; p++)
        if (su->holds[p] & (1u << role))
            return p;
    return -1;
}

void newgame_assign(game_setup *su, int role, int player)
{
    assert(su && role >= 0 && role < RULES_MAX_ROLES);
    assert(player >= 0 && player < su->n_players);
    int prev = newgame_holder(su, role);
    if (prev == player)
        return;
    for (int p = 0; p < RULES_MAX_PLAYERS; p++)
        su->holds[p] &= ~(1u << role);
    su->holds[player] |= 1u << role;
    /* The rules seat nobody without a role: the previous holder takes one of the receiver's
     * other roles in exchange (the highest index, so a swap of single roles is exact). */
    if (prev >= 0 && su->holds[prev] == 0) {
        uint32_t others = su->holds[player] & ~(1u << role);
        for (int r = RULES_MAX_ROLES - 1; r >= 0 && others; r--) {
            if (others & (1u << r)) {
                su->holds[player] &= ~(1u << r);
                su->holds[prev] |= 1u << r;
                break;
            }
        }
    }
}

bool newgame_required(const ruleset *rs, int sc, int role)
{
    assert(rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    const scenario_def *s = &rs->scenarios[sc];
    for (size_t i = 0; i < s->n_roles; i++)
        if (s->roles[i] == role)
            return true;
    return false;
}

int newgame_extra_roles(const ruleset *rs, int sc, int *out, int max)
{
    assert(rs && sc >= 0 && (size_t)sc < rs->n_scenarios && out);
    int n = 0;
    /* Two passes: the expansion roles were made for larger groups, so they come first; a
     * core role some scenario leaves out can still join after them. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t r = 0; r < rs->n_roles && r < RULES_MAX_ROLES && n < max; r++)
            if (rs->roles[r].core == (pass == 1) && !newgame_required(rs, sc, (int)r))
                out[n++] = (int)r;
    return n;
}

int newgame_max_players(const ruleset *rs, int sc)
{
    assert(rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    int extra[RULES_MAX_ROLES];
    int n = (int)rs->scenarios[sc].n_roles + newgame_extra_roles(rs, sc, extra, RULES_MAX_ROLES);
    if (n > RULES_MAX_PLAYERS)
        n = RULES_MAX_PLAYERS;
    return n < 1 ? 1 : n;
}

/* Fills holds[] with the even deal over n players: sc's roles in turn order and, when the
 * players outnumber them, as many extra roles as it takes to give everyone one (round robin). */
static void newgame_even(uint32_t holds[RULES_MAX_PLAYERS], const ruleset *rs, int sc, int n)
{
    const scenario_def *s = &rs->scenarios[sc];
    int deal[2 * RULES_MAX_ROLES], k = 0;
    for (size_t i = 0; i < s->n_roles && k < RULES_MAX_ROLES; i++)
        deal[k++] = s->roles[i];
    int extra[RULES_MAX_ROLES];
    int n_extra = newgame_extra_roles(rs, sc, extra, RULES_MAX_ROLES);
    for (int i = 0; k < n && i < n_extra; i++)
        deal[k++] = extra[i];
    memset(holds, 0, sizeof(uint32_t) * RULES_MAX_PLAYERS);
    for (int i = 0; i < k; i++)
        holds[i % n] |= 1u << deal[i];
}

void newgame_deal_evenly(game_setup *su, const ruleset *rs, int sc)
{
    assert(su && rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    assert(su->n_players >= 1 && su->n_players <= RULES_MAX_PLAYERS);
    newgame_even(su->holds, rs, sc, su->n_players);
}

bool newgame_unassign(game_setup *su, const ruleset *rs, int sc, int role)
{
    assert(su && rs && role >= 0 && role < RULES_MAX_ROLES);
    int p = newgame_holder(su, role);
    if (p < 0 || newgame_required(rs, sc, role) || su->holds[p] == 1u << role)
        return false;
    su->holds[p] &= ~(1u << role);
    return true;
}

void newgame_set_players(game_setup *su, const ruleset *rs, int sc, int n, const char *const *names)
{
    assert(su && rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    if (n < 1)
        n = 1;
    if (n > newgame_max_players(rs, sc))
        n = newgame_max_players(rs, sc);
    int old = su->n_players;
    if (old < 1 || old > RULES_MAX_PLAYERS)
        old = 1;
    for (int p = old; p < n; p++) {
        if (names && names[p])
            snprintf(su->player[p], RULES_NAME_MAX, "%s", names[p]);
        else
            snprintf(su->player[p], RULES_NAME_MAX, "Player %d", p + 1);
    }
    /* An untouched even deal stays an even deal: the group only said how many they are. */
    uint32_t even[RULES_MAX_PLAYERS];
    newgame_even(even, rs, sc, old);
    bool was_even = su->n_players == old && !memcmp(even, su->holds, sizeof even);
    su->n_players = n;
    if (was_even) {
        newgame_deal_evenly(su, rs, sc);
        return;
    }
    /* A hand-made deal changes as little as it can: the scenario's roles of players who left go
     * to the least loaded remaining players (their extra roles leave with them); a new player
     * takes one role from the most loaded player, or else the first extra role nobody holds. */
    for (int p = n; p < RULES_MAX_PLAYERS; p++) {
        uint32_t m = su->holds[p];
        su->holds[p] = 0;
        for (int r = 0; r < RULES_MAX_ROLES; r++) {
            if (!(m & (1u << r)) || !newgame_required(rs, sc, r))
                continue;
            int best = 0;
            for (int q = 1; q < n; q++)
                if (newgame_load(su, q) < newgame_load(su, best))
                    best = q;
            su->holds[best] |= 1u << r;
        }
    }
    const scenario_def *s = &rs->scenarios[sc];
    int extra[RULES_MAX_ROLES];
    int n_extra = newgame_extra_roles(rs, sc, extra, RULES_MAX_ROLES);
    /* Every role a player may hold, in the grid's order: the last one moves first, so the
     * first player keeps the lead role. */
    int rows[2 * RULES_MAX_ROLES], n_rows = 0;
    for (size_t i = 0; i < s->n_roles && n_rows < RULES_MAX_ROLES; i++)
        rows[n_rows++] = s->roles[i];
    for (int i = 0; i < n_extra; i++)
        rows[n_rows++] = extra[i];
    for (int p = old; p < n; p++) {
        int most = -1;
        for (int q = 0; q < n; q++)
            if (q != p && newgame_load(su, q) > 1 &&
                (most < 0 || newgame_load(su, q) > newgame_load(su, most)))
                most = q;
        if (most >= 0) {
            for (int i = n_rows; i-- > 0;) {
                if (su->holds[most] & (1u << rows[i])) {
                    newgame_assign(su, rows[i], p);
                    break;
                }
            }
            continue;
        }
        for (int i = 0; i < n_extra; i++) {
            if (newgame_holder(su, extra[i]) < 0) {
                su->holds[p] |= 1u << extra[i];
                break;
            }
        }
    }
    /* Anything required left unheld (roles not yet dealt) goes to the first player. */
    for (size_t i = 0; i < s->n_roles; i++)
        if (newgame_holder(su, s->roles[i]) < 0)
            su->holds[0] |= 1u << s->roles[i];
}

bool newgame_valid(const game_setup *su, const ruleset *rs, int sc, char *why, size_t why_n)
{
    assert(su && rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    if (su->n_players < 1 || su->n_players > RULES_MAX_PLAYERS) {
        if (why)
            snprintf(why, why_n, "the number of players must be 1 to %d", RULES_MAX_PLAYERS);
        return false;
    }
    const scenario_def *s = &rs->scenarios[sc];
    for (size_t i = 0; i < s->n_roles; i++) {
        int r = s->roles[i], holders = 0;
        for (int p = 0; p < su->n_players; p++)
            if (su->holds[p] & (1u << r))
                holders++;
        if (holders != 1) {
            if (why)
                snprintf(why, why_n, "role %s is held by %d players (exactly one must hold it)",
                         rs->roles[r].id, holders);
            return false;
        }
    }
    uint32_t known = rs->n_roles >= 32 ? UINT32_MAX : (1u << rs->n_roles) - 1u, seen = 0;
    for (int p = 0; p < su->n_players; p++) {
        if (su->holds[p] & ~known) {
            if (why)
                snprintf(why, why_n, "player %d holds a role the content does not have", p + 1);
            return false;
        }
        if (su->holds[p] & seen) {
            if (why)
                snprintf(why, why_n, "player %d holds a role another player holds", p + 1);
            return false;
        }
        seen |= su->holds[p];
        if (!su->holds[p]) {
            if (why)
                snprintf(why, why_n, "player %d holds no role", p + 1);
            return false;
        }
    }
    return true;
}

void newgame_set_scenario(app_newgame *ng, const ruleset *rs, int sc)
{
    assert(ng && rs && sc >= 0 && (size_t)sc < rs->n_scenarios);
    ng->scenario = sc;
    /* Fewer roles than players: the last players leave (their names stay for later). */
    if (ng->setup.n_players > newgame_max_players(rs, sc))
        ng->setup.n_players = newgame_max_players(rs, sc);
    if (ng->setup.n_players < 1)
        ng->setup.n_players = 1;
    newgame_deal_evenly(&ng->setup, rs, sc);
}

bool newgame_parse_seed(const char *text, uint64_t *out)
{
    assert(text && out);
    while (*text == ' ')
        text++;
    if (!*text)
        return false;
    uint64_t v = 0;
    size_t n = 0;
    for (; *text >= '0' && *text <= '9'; text++, n++) {
        uint64_t d = (uint64_t)(*text - '0');
        if (n >= 20 || v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    while (*text == ' ')
        text++;
    if (*text)
        return false;
    *out = v;
    return true;
}
