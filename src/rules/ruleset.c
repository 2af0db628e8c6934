/* ruleset.c: freeing, id lookups, name tables and scenario defaults of the content model. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

static void ml_free(ml_text *t)
{
    free(t->ja);
    free(t->en);
}

static void effects_free(effect *e)
{
    free(e);
}

void ruleset_free(ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n_roles; i++) {
        role_def *r = &rs->roles[i];
        free(r->id);
        ml_free(&r->name);
        ml_free(&r->desc);
        ml_free(&r->passive);
        effects_free(r->passive_effects);
        free(r->art);
    }
    free(rs->roles);
    for (size_t i = 0; i < rs->n_actions; i++) {
        action_def *a = &rs->actions[i];
        free(a->id);
        ml_free(&a->name);
        ml_free(&a->desc);
        effects_free(a->effects);
        free(a->art);
    }
    free(rs->actions);
    for (size_t i = 0; i < rs->n_events; i++) {
        event_def *e = &rs->events[i];
        free(e->id);
        ml_free(&e->title);
        ml_free(&e->flavour);
        ml_free(&e->rule);
        effects_free(e->effects);
        free(e->art);
    }
    free(rs->events);
    for (size_t i = 0; i < rs->n_kinds; i++) {
        kind_def *k = &rs->kinds[i];
        free(k->id);
        ml_free(&k->name);
        free(k->icon);
        free(k->art);
    }
    free(rs->kinds);
    for (size_t i = 0; i < rs->n_scenarios; i++) {
        scenario_def *sc = &rs->scenarios[i];
        free(sc->id);
        ml_free(&sc->name);
        ml_free(&sc->desc);
        ml_free(&sc->malware);
        free(sc->infections);
        for (size_t k = 0; k < sc->n_segments; k++) {
            free(sc->segments[k].id);
            ml_free(&sc->segments[k].name);
        }
        free(sc->segments);
        for (size_t k = 0; k < sc->n_rooms; k++) {
            free(sc->rooms[k].id);
            ml_free(&sc->rooms[k].name);
        }
        free(sc->rooms);
        for (size_t k = 0; k < sc->n_terminals; k++) {
            free(sc->terminals[k].id);
            ml_free(&sc->terminals[k].owner);
        }
        free(sc->terminals);
        free(sc->roles);
        free(sc->fallback);
        free(sc->deck);
        free(sc->schedule);
        for (size_t k = 0; k < sc->n_hints; k++)
            ml_free(&sc->hints[k].text);
        free(sc->hints);
    }
    free(rs->scenarios);
    debrief_def *db = &rs->debrief;
    ml_free(&db->title);
    ml_free(&db->intro);
    for (size_t i = 0; i < db->n_sections; i++) {
        debrief_section *sec = &db->sections[i];
        free(sec->id);
        ml_free(&sec->title);
        ml_free(&sec->intro);
        for (size_t k = 0; k < sec->n_points; k++) {
            free(sec->points[k].id);
            ml_free(&sec->points[k].title);
            ml_free(&sec->points[k].text);
        }
        free(sec->points);
    }
    free(db->sections);
    for (size_t i = 0; i < db->n_lessons; i++)
        ml_free(&db->lessons[i].text);
    free(db->lessons);
    free(rs);
}

/* Generic id lookup over an array of structs whose first member is `char *id`. */
static int find_id(const void *base, size_t n, size_t stride, const char *id)
{
    if (!id)
        return -1;
    const char *p = base;
    for (size_t i = 0; i < n; i++) {
        const char *const *field = (const char *const *)(const void *)(p + i * stride);
        if (*field && strcmp(*field, id) == 0)
            return (int)i;
    }
    return -1;
}

int ruleset_role(const ruleset *rs, const char *id)
{
    return find_id(rs->roles, rs->n_roles, sizeof *rs->roles, id);
}

int ruleset_action(const ruleset *rs, const char *id)
{
    return find_id(rs->actions, rs->n_actions, sizeof *rs->actions, id);
}

int ruleset_event(const ruleset *rs, const char *id)
{
    return find_id(rs->events, rs->n_events, sizeof *rs->events, id);
}

int ruleset_kind(const ruleset *rs, const char *id)
{
    return find_id(rs->kinds, rs->n_kinds, sizeof *rs->kinds, id);
}

int ruleset_scenario(const ruleset *rs, const char *id)
{
    return find_id(rs->scenarios, rs->n_scenarios, sizeof *rs->scenarios, id);
}

int scenario_room(const scenario_def *sc, const char *id)
{
    return find_id(sc->rooms, sc->n_rooms, sizeof *sc->rooms, id);
}

int scenario_terminal(const scenario_def *sc, const char *id)
{
    return find_id(sc->terminals, sc->n_terminals, sizeof *sc->terminals, id);
}

const char *ml_get(const ml_text *t, lang l)
{
    const char *a = l == LANG_JA ? t->ja : t->en;
    const char *b = l == LANG_JA ? t->en : t->ja;
    if (a && *a)
        return a;
    if (b && *b)
        return b;
    return "";
}

/* ---- name tables ---- */

static int name_find(const char *const *names, int n, const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static const char *const route_names[ROUTE_COUNT] = {"none", "mail", "driveby", "usb", "lateral"};
static const char *const track_names[TRACK_COUNT] = {"leak", "impact", "trust", "evidence"};
static const char *const flag_names[FLAG_COUNT] = {
    "c2_known",          "c2_blocked",     "staff_alerted",    "patched",
    "briefing_prepared", "reported_today", "jpcert_contacted", "police_consulted",
    "logs_noisy",        "attacker_quiet", "press_answered",
};
static const char *const target_kind_names[] = {"none", "terminal", "room", "role", "role_pair"};
static const char *const target_filter_names[TF_COUNT] = {
    "any", "face_down", "examined_infected", "not_isolated", "not_preserved", "examinable"};

const char *route_name(route r)
{
    return (int)r >= 0 && r < ROUTE_COUNT ? route_names[r] : NULL;
}

static const char *const debrief_when_names[DW_COUNT] = {
    "contained_before_evidence",
    "evidence_lost_reboot",
    "evidence_kept",
    "phishing_blocked",
    "driveby_blocked",
    "infected_mail",
    "infected_driveby",
    "infected_usb",
    "spread",
    "c2_blocked",
    "wrong_containment",
    "found_early",
    "found_late",
    "still_active",
    "declared_too_early",
    "briefing_prepared",
    "briefing_unprepared",
    "jpcert_contacted",
    "staff_alerted",
    "patched",
    "leak_max",
    "impact_max",
    "time_ran_out",
};

const char *debrief_when_name(debrief_when w)
{
    return (int)w >= 0 && w < DW_COUNT ? debrief_when_names[w] : NULL;
}

const char *track_name(track t)
{
    return (int)t >= 0 && t < TRACK_COUNT ? track_names[t] : NULL;
}

int track_from_name(const char *s)
{
    return name_find(track_names, TRACK_COUNT, s);
}

const char *flag_name(flag f)
{
    return (int)f >= 0 && f < FLAG_COUNT ? flag_names[f] : NULL;
}

const char *target_kind_name(target_kind t)
{
    return (int)t >= 0 && t <= TGT_ROLE_PAIR ? target_kind_names[t] : NULL;
}

const char *target_filter_name(target_filter f)
{
    return (int)f >= 0 && f < TF_COUNT ? target_filter_names[f] : NULL;
}

void scenario_defaults(scenario_def *sc)
{
    sc->days = 3;
    sc->phases_per_day = 3;
    sc->beacon_min = 1;
    sc->beacon_max = 3;
    sc->noise_min = 0;
    sc->noise_max = 1;
    sc->exfil = 1;
    sc->spread_pct = 50;
    sc->spread_every = 0; /* 0: phases_per_day, i.e. at the end of each day */
    sc->random_infections = 0;
    sc->random_routes = (1u << ROUTE_MAIL) | (1u << ROUTE_DRIVEBY);
    sc->track_start[TRACK_LEAK] = 0;
    sc->track_max[TRACK_LEAK] = 12;
    sc->track_start[TRACK_IMPACT] = 0;
    sc->track_max[TRACK_IMPACT] = 6;
    sc->track_start[TRACK_TRUST] = 5;
    sc->track_max[TRACK_TRUST] = 10;
    sc->track_start[TRACK_EVIDENCE] = 0;
    sc->track_max[TRACK_EVIDENCE] = RULES_MAX_TERMINALS;
    sc->solo_seconds = 0;
    sc->meeting_seconds = 60;
    sc->tutorial = false;
    sc->score = (score_weights){
        .win = 40,
        .per_round_left = 2,
        .per_evidence = 6,
        .per_partial = 3,
        .per_trust = 2,
        .briefing = 10,
        .per_leak = 2,
        .per_impact = 3,
        .time_bonus_max = 10,
        .rank_s = 90,
        .rank_a = 75,
        .rank_b = 60,
        .rank_c = 40,
    };
}
