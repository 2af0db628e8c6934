/* test_effects.c: a scripted game for every action and every effect of the vocabulary. */
#include "helper_ruleset.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Most tests play the solo scenario (free turn order) with only T01 infected. */
typedef helper_fixture fixture;

/* A fresh solo game at round 1's action phase (no event). */
static void begin(fixture *f, uint64_t seed)
{
    state_free(f->s);
    log_buf_clear(&f->log);
    f->s = helper_new(f->rs, HS_SOLO, seed);
    helper_begin(f->s, &f->log);
}

static void refused(fixture *f, const char *line, const char *text)
{
    char why[RULES_WHY_MAX] = "";
    if (helper_try(f->s, &f->log, line, why, sizeof why))
        fail_msg("'%s' was accepted; expected '%s'", line, text);
    if (!strstr(why, text))
        fail_msg("'%s': reason '%s' lacks '%s'", line, why, text);
}

static const viewer PUB = {VIEW_PUBLIC, -1};
static const viewer FAC = {VIEW_FACILITATOR, -1};

static terminal_view term(fixture *f, viewer v, const char *id)
{
    terminal_view tv;
    rules_terminal(f->s, v, helper_term(f->s, id), &tv);
    return tv;
}

static int infections(const game_state *s)
{
    int n = 0;
    for (size_t t = 0; t < state_scenario(s)->n_terminals; t++) {
        terminal_view tv;
        rules_terminal(s, FAC, (int)t, &tv);
        n += tv.infected;
    }
    return n;
}

static void test_effects_reboot_before_preserve_gives_disk_only(void **state)
{
    fixture *f = *state;
    begin(f, 1);
    helper_do(f->s, &f->log, "fac inject employee_reboot # an employee reboots");
    const log_entry *lost = helper_last(&f->log, LOG_EVIDENCE_LOST);
    assert_non_null(lost);
    assert_int_equal(lost->vis, VIS_PUBLIC);
    int t = lost->terminal;
    const char *id = state_scenario(f->s)->terminals[t].id;
    assert_int_equal(state_scenario(f->s)->terminals[t].kind, ruleset_kind(f->rs, "pc"));
    assert_true(term(f, PUB, id).volatile_lost);
    assert_false(term(f, FAC, id).has_volatile);
    char line[64];
    snprintf(line, sizeof line, "act forensic preserve %s", id);
    helper_do(f->s, &f->log, line);
    assert_int_equal(helper_last(&f->log, LOG_EVIDENCE)->value, 1);
    assert_int_equal(term(f, PUB, id).evidence, 1);
    assert_int_equal(rules_track(f->s, TRACK_EVIDENCE), 1);
    /* Another PC still has its memory: full evidence. */
    const char *other = strcmp(id, "T05") == 0 ? "T03" : "T05";
    snprintf(line, sizeof line, "act forensic preserve %s", other);
    helper_do(f->s, &f->log, line);
    assert_int_equal(helper_last(&f->log, LOG_EVIDENCE)->value, 2);
    assert_int_equal(rules_track(f->s, TRACK_EVIDENCE), 2);
    snprintf(line, sizeof line, "act forensic preserve %s", other);
    refused(f, line, "Forensic engineer has 0 AP; Preserve evidence costs 1");
}

static void test_effects_reboot_spares_full_evidence(void **state)
{
    fixture *f = *state;
    begin(f, 2);
    helper_do(f->s, &f->log, "act commander direct forensic");
    helper_do(f->s, &f->log, "act forensic preserve T01");
    refused(f, "act forensic preserve T01", "T01's evidence is already preserved");
    helper_do(f->s, &f->log, "act forensic preserve T03");
    helper_do(f->s, &f->log, "act forensic preserve T05");
    helper_do(f->s, &f->log, "fac inject employee_reboot");
    assert_int_equal(helper_count(&f->log, LOG_EVIDENCE_LOST), 0);
}

static void test_effects_block_c2_stops_leak_and_beacons(void **state)
{
    fixture *f = *state;
    begin(f, 3);
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 1);
    refused(f, "act notification block_c2",
            "Block C2 at the proxy needs the C2 indicator (c2_known)");
    helper_do(f->s, &f->log, "fac inject jpcert_advisory");
    assert_true(rules_flag(f->s, FLAG_C2_KNOWN));
    helper_do(f->s, &f->log, "act notification block_c2");
    assert_true(rules_flag(f->s, FLAG_C2_BLOCKED));
    refused(f, "act notification block_c2", "not possible once the C2 block (c2_blocked)");
    helper_end_round(f->s, &f->log);
    log_buf_clear(&f->log);
    helper_do(f->s, &f->log, "next");
    assert_int_equal(helper_count(&f->log, LOG_BEACON), 0);
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 1);
    room_view rv;
    rules_room(f->s, FAC, helper_room(f->s, "sales"), &rv);
    assert_true(rv.count <= 1); /* the decoy's noise at most */
    /* The C2 domain changes: the block stops working, Leak resumes. */
    helper_do(f->s, &f->log, "fac choose c2_domain_change");
    helper_do(f->s, &f->log, "next");
    assert_false(rules_flag(f->s, FLAG_C2_KNOWN));
    assert_false(rules_flag(f->s, FLAG_C2_BLOCKED));
    helper_end_round(f->s, &f->log);
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 2);
}

static void test_effects_staff_alert_stops_phishing(void **state)
{
    fixture *f = *state;
    begin(f, 4);
    helper_do(f->s, &f->log, "fac inject phishing_wave");
    assert_int_equal(infections(f->s), 2);
    const log_entry *e = helper_last(&f->log, LOG_INFECTED);
    assert_int_equal(e->vis, VIS_FACILITATOR);
    assert_int_equal(e->value, ROUTE_MAIL);
    assert_int_equal(e->event, helper_event(f->s, "phishing_wave"));

    begin(f, 4);
    helper_do(f->s, &f->log, "act notification staff_alert");
    helper_do(f->s, &f->log, "fac inject phishing_wave");
    helper_do(f->s, &f->log, "fac inject usb_in_lobby");
    assert_int_equal(infections(f->s), 1);
    assert_int_equal(helper_count(&f->log, LOG_EVENT_BLOCKED), 2);
    e = helper_last(&f->log, LOG_EVENT_BLOCKED);
    assert_int_equal(e->flag, FLAG_STAFF_ALERTED);
    assert_int_equal(e->vis, VIS_PUBLIC);
    refused(f, "act notification staff_alert", "not possible once the all-staff alert");
}

static void test_effects_patch_stops_driveby(void **state)
{
    fixture *f = *state;
    begin(f, 5);
    helper_do(f->s, &f->log, "fac inject compromised_site");
    assert_int_equal(infections(f->s), 2);
    assert_int_equal(helper_last(&f->log, LOG_INFECTED)->value, ROUTE_DRIVEBY);

    begin(f, 5);
    /* The vulnerability assessor is absent: the scenario gives Patch to Notification. */
    helper_do(f->s, &f->log, "act notification patch");
    helper_do(f->s, &f->log, "fac inject compromised_site");
    assert_int_equal(infections(f->s), 1);
    assert_int_equal(helper_last(&f->log, LOG_EVENT_BLOCKED)->flag, FLAG_PATCHED);
}

static void test_effects_usb_infects_a_laptop(void **state)
{
    fixture *f = *state;
    for (uint64_t seed = 1; seed <= 10; seed++) {
        begin(f, seed);
        helper_do(f->s, &f->log, "fac inject usb_in_lobby");
        const log_entry *e = helper_last(&f->log, LOG_INFECTED);
        assert_non_null(e);
        assert_int_equal(e->value, ROUTE_USB);
        const char *id = state_scenario(f->s)->terminals[e->terminal].id;
        assert_true(strcmp(id, "T02") == 0 || strcmp(id, "T06") == 0);
        assert_int_equal(term(f, FAC, id).infected_round, 1);
    }
}

static void test_effects_wrong_declaration_loses(void **state)
{
    fixture *f = *state;
    begin(f, 6);
    helper_do(f->s, &f->log, "act commander declare");
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_DECLARED);
    assert_int_equal(helper_last(&f->log, LOG_DECLARE)->value, OUT_LOSE_DECLARED);
    assert_int_equal(helper_last(&f->log, LOG_OVER)->value, OUT_LOSE_DECLARED);
    clock_view cv;
    rules_clock(f->s, &cv);
    assert_int_equal(cv.phase, PHASE_OVER);
    refused(f, "pass researcher", "the game is over");
    move m[8];
    assert_int_equal(rules_legal_moves(f->s, m, 8), 0);
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.term[ST_WIN], 0);
    assert_int_equal(sv.term[ST_ROUNDS_LEFT], 0);
}

static void test_effects_right_declaration_wins(void **state)
{
    fixture *f = *state;
    begin(f, 6);
    helper_do(f->s, &f->log, "act commander contain T01");
    assert_int_equal(helper_last(&f->log, LOG_CONTAINED)->vis, VIS_FACILITATOR);
    assert_int_equal(rules_active_infections(f->s), 0);
    helper_do(f->s, &f->log, "act commander declare");
    assert_int_equal(rules_outcome(f->s), OUT_WIN_DECLARED);
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.rounds_left, 8);
    assert_int_equal(sv.term[ST_ROUNDS_LEFT], 8 * 2);
    assert_int_equal(sv.term[ST_WIN], 40);
}

static void test_effects_contain_clean_costs_impact(void **state)
{
    fixture *f = *state;
    begin(f, 7);
    helper_do(f->s, &f->log, "act commander contain T03");
    assert_int_equal(rules_track(f->s, TRACK_IMPACT), 1);
    const log_entry *e = helper_last(&f->log, LOG_TRACK);
    assert_int_equal(e->track, TRACK_IMPACT);
    assert_int_equal(e->amount, 1);
    assert_int_equal(e->vis, VIS_PUBLIC);
    assert_true(term(f, PUB, "T03").isolated);
    assert_int_equal(helper_count(&f->log, LOG_ISOLATED), 1);
    assert_int_equal(helper_count(&f->log, LOG_CONTAINED), 0);
    refused(f, "act commander contain T03", "T03 is already isolated");
}

static void test_effects_contain_before_preserve_loses_volatile(void **state)
{
    fixture *f = *state;
    begin(f, 8);
    helper_do(f->s, &f->log, "act commander contain T01");
    const log_entry *e = helper_last(&f->log, LOG_EVIDENCE_LOST);
    assert_non_null(e);
    assert_int_equal(e->terminal, helper_term(f->s, "T01"));
    assert_true(term(f, PUB, "T01").volatile_lost);
    helper_do(f->s, &f->log, "act forensic preserve T01");
    assert_int_equal(term(f, PUB, "T01").evidence, 1);

    /* Preserving first keeps the memory image. */
    begin(f, 8);
    helper_do(f->s, &f->log, "act forensic preserve T01");
    helper_do(f->s, &f->log, "act commander contain T01");
    assert_int_equal(helper_count(&f->log, LOG_EVIDENCE_LOST), 0);
    assert_int_equal(term(f, PUB, "T01").evidence, 2);
    assert_true(term(f, FAC, "T01").has_volatile);
}

static void test_effects_isolate_room(void **state)
{
    fixture *f = *state;
    begin(f, 9);
    helper_do(f->s, &f->log, "act notification isolate_room sales");
    assert_true(term(f, PUB, "T01").isolated);
    assert_true(term(f, PUB, "T02").isolated);
    assert_false(term(f, PUB, "T03").isolated);
    assert_int_equal(rules_track(f->s, TRACK_IMPACT), 1); /* T02 was clean */
    assert_int_equal(helper_count(&f->log, LOG_EVIDENCE_LOST), 2);
    assert_int_equal(helper_count(&f->log, LOG_CONTAINED), 1);
    assert_int_equal(rules_active_infections(f->s), 0);
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    refused(f, "act notification isolate_room sales",
            "every terminal in sales is already isolated");
}

/* Runs one log analysis of sales in round 1 and returns its entry. */
static const log_entry *analyse_sales(fixture *f)
{
    helper_do(f->s, &f->log, "act researcher log_analysis sales");
    const log_entry *e = helper_last(&f->log, LOG_RESULT_LOGS);
    assert_non_null(e);
    return e;
}

static void test_effects_log_analysis_exact_with_c2(void **state)
{
    fixture *f = *state;
    begin(f, 10);
    helper_do(f->s, &f->log, "fac inject jpcert_advisory");
    const log_entry *e = analyse_sales(f);
    int t01 = helper_term(f->s, "T01");
    assert_int_equal(e->value, 1);
    assert_int_equal(e->mask, 1ull << t01);
    assert_int_equal(e->vis, VIS_ROLE);
    assert_int_equal(e->vis_role, helper_role(f->s, "researcher"));
    assert_int_equal(e->room, helper_room(f->s, "sales"));
}

static void test_effects_log_analysis_exact_with_edr(void **state)
{
    fixture *f = *state;
    begin(f, 11);
    /* The solution analyst is absent: the scenario gives Deploy EDR to the researcher. */
    helper_do(f->s, &f->log, "act researcher deploy_edr sales");
    assert_non_null(helper_last(&f->log, LOG_EDR));
    room_view rv;
    rules_room(f->s, PUB, helper_room(f->s, "sales"), &rv);
    assert_true(rv.edr);
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    refused(f, "act researcher deploy_edr sales", "EDR is already deployed in sales");
    const log_entry *e = analyse_sales(f);
    assert_int_equal(e->value, 1);
    assert_int_equal(e->mask, 1ull << helper_term(f->s, "T01"));
}

static void test_effects_log_analysis_inexact_may_name_a_decoy(void **state)
{
    fixture *f = *state;
    int with_decoy = 0;
    uint64_t t01 = 1ull << 0, t02 = 1ull << 1;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        begin(f, seed);
        const log_entry *e = analyse_sales(f);
        assert_int_equal(e->value, 0);
        assert_true(e->mask & t01);                  /* the beacon is always named */
        assert_int_equal(e->mask & ~(t01 | t02), 0); /* nothing outside the room */
        with_decoy += (e->mask & t02) != 0;
    }
    assert_true(with_decoy > 0 && with_decoy < 60);
}

static void test_effects_log_analysis_noisy_after_rotation(void **state)
{
    fixture *f = *state;
    begin(f, 12);
    helper_do(f->s, &f->log, "fac inject jpcert_advisory");
    helper_do(f->s, &f->log, "fac inject proxy_logs_rotated");
    assert_true(rules_flag(f->s, FLAG_LOGS_NOISY));
    const log_entry *e = analyse_sales(f);
    assert_int_equal(e->value, 0);
    assert_int_equal(e->mask, 3ull); /* T01 and the room's only clean terminal T02 */
    assert_false(rules_flag(f->s, FLAG_LOGS_NOISY));
    helper_do(f->s, &f->log, "act researcher log_analysis sales");
    assert_int_equal(helper_last(&f->log, LOG_RESULT_LOGS)->value, 1);
}

static void test_effects_profile_is_private(void **state)
{
    fixture *f = *state;
    begin(f, 13);
    helper_do(f->s, &f->log, "act researcher profiling");
    const log_entry *e = helper_last(&f->log, LOG_RESULT_PROFILE);
    assert_non_null(e);
    assert_int_equal(e->vis, VIS_ROLE);
    assert_int_equal(e->vis_role, helper_role(f->s, "researcher"));
    assert_int_equal(e->amount, 1);
    assert_int_equal(e->value, 50);
}

static void test_effects_direct_once_per_round(void **state)
{
    fixture *f = *state;
    begin(f, 14);
    int forn = helper_role(f->s, "forensic");
    helper_do(f->s, &f->log, "act commander direct forensic");
    assert_int_equal(rules_ap(f->s, forn), 3);
    assert_int_equal(rules_ap(f->s, helper_role(f->s, "commander")), 1);
    const log_entry *e = helper_last(&f->log, LOG_AP);
    assert_int_equal(e->role, forn);
    assert_int_equal(e->amount, 1);
    refused(f, "act commander direct researcher", "Direct the team was already played this round");
    helper_do(f->s, &f->log, "pass notification");
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    helper_do(f->s, &f->log, "pass notification");
    refused(f, "act commander direct notification", "Notification has passed this round");
    helper_do(f->s, &f->log, "act commander direct researcher");
    assert_int_equal(rules_ap(f->s, helper_role(f->s, "researcher")), 3);
}

static void test_effects_coordinate_transfers_ap(void **state)
{
    fixture *f = *state;
    begin(f, 15);
    int cmd = helper_role(f->s, "commander"), res = helper_role(f->s, "researcher");
    int forn = helper_role(f->s, "forensic");
    /* The incident handler is absent: the scenario gives Coordinate to the commander. */
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "coordinate")), cmd);
    refused(f, "act commander coordinate researcher researcher", "needs two different roles");
    helper_do(f->s, &f->log, "act commander coordinate forensic researcher");
    assert_int_equal(rules_ap(f->s, forn), 1);
    assert_int_equal(rules_ap(f->s, res), 3);
    assert_int_equal(rules_ap(f->s, cmd), 1);
    assert_int_equal(helper_count(&f->log, LOG_AP), 2);
    /* The commander's own last AP pays the cost: nothing left to give. */
    refused(f, "act commander coordinate commander researcher", "Commander has 0 AP to give");
    helper_do(f->s, &f->log, "act forensic preserve T01");
    refused(f, "act commander coordinate forensic researcher",
            "Forensic engineer has 0 AP to give");
    helper_do(f->s, &f->log, "pass researcher");
    refused(f, "act commander coordinate commander researcher", "Researcher has passed this round");
}

static void test_effects_coordinate_in_full_workshop(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_FULL, 3);
    helper_begin(f->s, &f->log);
    for (int i = 0; i < 5; i++) {
        char line[64];
        snprintf(line, sizeof line, "pass %s", f->rs->roles[rules_current_role(f->s)].id);
        helper_do(f->s, &f->log, line);
    }
    int ih = helper_role(f->s, "incident_handler");
    assert_int_equal(rules_current_role(f->s), ih);
    refused(f, "act incident_handler coordinate vuln_assessor commander", "Commander has passed");
    helper_do(f->s, &f->log, "act incident_handler coordinate commander solution_analyst");
    /* A role that has passed may still give its unused AP. */
    assert_int_equal(rules_ap(f->s, helper_role(f->s, "commander")), 2);
    assert_int_equal(rules_ap(f->s, helper_role(f->s, "solution_analyst")), 3);
}

static void test_effects_day_without_report_costs_trust(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].spread_pct = 0;
    begin(f, 16);
    for (int r = 0; r < 3; r++) {
        helper_end_round(f->s, &f->log);
        helper_quiet_round(f->s, &f->log);
    }
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 4);
    assert_int_equal(helper_last(&f->log, LOG_DAY_END)->amount, 1);
    /* Day 2 with a report: +1 and no loss at the end of the day. */
    helper_do(f->s, &f->log, "act commander report");
    assert_true(rules_flag(f->s, FLAG_REPORTED_TODAY));
    refused(f, "act commander report", "Report to management was already played this round");
    for (int r = 0; r < 3; r++) {
        helper_end_round(f->s, &f->log);
        helper_quiet_round(f->s, &f->log);
    }
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 5);
    assert_false(rules_flag(f->s, FLAG_REPORTED_TODAY));
}

static void test_effects_spread_at_day_end_within_segment(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].spread_pct = 100;
    const scenario_def *sc = &f->rs->scenarios[HS_SOLO];
    for (uint64_t seed = 1; seed <= 30; seed++) {
        begin(f, seed);
        helper_end_round(f->s, &f->log);
        helper_quiet_round(f->s, &f->log);
        helper_end_round(f->s, &f->log);
        assert_int_equal(infections(f->s), 1); /* not before the end of the day */
        helper_quiet_round(f->s, &f->log);
        helper_end_round(f->s, &f->log);
        assert_int_equal(infections(f->s), 2);
        const log_entry *e = helper_last(&f->log, LOG_SPREAD);
        assert_non_null(e);
        assert_int_equal(e->vis, VIS_FACILITATOR);
        assert_int_equal(e->terminal, 0);
        int seg = sc->rooms[sc->terminals[e->terminal2].room].segment;
        assert_int_equal(seg, sc->rooms[sc->terminals[0].room].segment);
        assert_int_equal(helper_last(&f->log, LOG_INFECTED)->value, ROUTE_LATERAL);
    }
    /* A contained infection does not spread. */
    begin(f, 1);
    helper_do(f->s, &f->log, "act commander contain T01");
    for (int r = 0; r < 3; r++) {
        helper_end_round(f->s, &f->log);
        helper_quiet_round(f->s, &f->log);
    }
    assert_int_equal(infections(f->s), 1);
}

static void test_effects_spread_event_and_tip(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].spread_pct = 100;
    begin(f, 17);
    helper_do(f->s, &f->log, "fac inject lateral_movement");
    assert_int_equal(infections(f->s), 2);
    helper_do(f->s, &f->log, "fac inject helpdesk_tip");
    const log_entry *e = helper_last(&f->log, LOG_TIP);
    assert_non_null(e);
    assert_int_equal(e->vis, VIS_PUBLIC);
    const scenario_def *sc = state_scenario(f->s);
    /* The tip names the room of an active infection. */
    bool ok = false;
    for (size_t t = 0; t < sc->n_terminals; t++) {
        terminal_view tv;
        rules_terminal(f->s, FAC, (int)t, &tv);
        if (tv.active && sc->terminals[t].room == e->room)
            ok = true;
    }
    assert_true(ok);
    /* No active infection: no tip. */
    begin(f, 17);
    helper_do(f->s, &f->log, "act commander contain T01");
    helper_do(f->s, &f->log, "fac inject helpdesk_tip");
    assert_null(helper_last(&f->log, LOG_TIP));
}

static void test_effects_noise_and_ap_events(void **state)
{
    fixture *f = *state;
    begin(f, 18);
    int before[4];
    for (int r = 0; r < 4; r++) {
        room_view rv;
        rules_room(f->s, PUB, r, &rv);
        before[r] = rv.count;
    }
    helper_do(f->s, &f->log, "fac inject av_false_positive");
    const log_entry *e = helper_last(&f->log, LOG_COUNT_SHOWN);
    assert_int_equal(e->value, 2);
    room_view rv;
    rules_room(f->s, PUB, e->room, &rv);
    assert_int_equal(rv.count, before[e->room] + 2);
    assert_int_equal(rv.history[0], before[e->room] + 2);

    int total = 0;
    const scenario_def *sc = state_scenario(f->s);
    for (size_t i = 0; i < sc->n_roles; i++)
        total += rules_ap(f->s, sc->roles[i]);
    helper_do(f->s, &f->log, "fac inject overtime");
    e = helper_last(&f->log, LOG_AP);
    assert_int_equal(e->amount, 1);
    assert_true(rules_role_in_play(f->s, e->role));
    helper_do(f->s, &f->log, "fac inject staff_sick");
    helper_do(f->s, &f->log, "fac inject staff_sick");
    int after = 0;
    for (size_t i = 0; i < sc->n_roles; i++)
        after += rules_ap(f->s, sc->roles[i]);
    assert_int_equal(after, total + 1 - 2);
}

static void test_effects_trust_events_and_blockers(void **state)
{
    fixture *f = *state;
    begin(f, 19);
    helper_do(f->s, &f->log, "fac inject ceo_status");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 4);
    helper_do(f->s, &f->log, "act commander report");
    helper_do(f->s, &f->log, "fac inject ceo_status");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 5);
    assert_int_equal(helper_last(&f->log, LOG_EVENT_BLOCKED)->flag, FLAG_REPORTED_TODAY);
    /* The PoC is absent: Notification answers the press. */
    helper_do(f->s, &f->log, "act notification press_statement");
    helper_do(f->s, &f->log, "fac inject media_call");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 5);
    /* only_if: the police's thanks need a consultation first. */
    helper_do(f->s, &f->log, "fac inject police_praise");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 5);
    helper_do(f->s, &f->log, "act commander consult_police");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 6);
    helper_do(f->s, &f->log, "fac inject police_praise");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 7);
    /* The briefing prepared: the inquiry surge costs nothing. */
    helper_do(f->s, &f->log, "act notification prepare_briefing");
    assert_true(rules_flag(f->s, FLAG_BRIEFING_PREPARED));
    helper_do(f->s, &f->log, "fac inject inquiry_surge");
    assert_int_equal(helper_last(&f->log, LOG_EVENT_BLOCKED)->flag, FLAG_BRIEFING_PREPARED);
}

static void test_effects_examine_and_recover(void **state)
{
    fixture *f = *state;
    begin(f, 20);
    refused(f, "act forensic recover_data T01", "T01 has not been examined and found infected");
    helper_do(f->s, &f->log, "act forensic examine T03");
    const log_entry *e = helper_last(&f->log, LOG_REVEAL);
    assert_int_equal(e->value, 0);
    assert_int_equal(e->vis, VIS_PUBLIC);
    terminal_view tv = term(f, PUB, "T03");
    assert_true(tv.face_up && tv.known_clean && !tv.known_infected);
    assert_int_equal(tv.examined_round, 1);
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    helper_do(f->s, &f->log, "act forensic examine T03"); /* a re-check of a clean card */
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    helper_do(f->s, &f->log, "act forensic examine T01");
    e = helper_last(&f->log, LOG_REVEAL);
    assert_int_equal(e->value, 1);
    assert_int_equal(e->amount, ROUTE_MAIL);
    tv = term(f, PUB, "T01");
    assert_true(tv.known_infected);
    assert_int_equal(tv.route, ROUTE_MAIL);
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    refused(f, "act forensic examine T01", "T01 is already known to be infected");
    helper_do(f->s, &f->log, "act forensic recover_data T01");
    assert_true(rules_flag(f->s, FLAG_C2_KNOWN));
    refused(f, "act forensic recover_data T01", "not possible once the C2 indicator");
}

static void test_effects_leak_max_loses(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].track_max[TRACK_LEAK] = 3;
    f->rs->scenarios[HS_SOLO].spread_pct = 0;
    begin(f, 21);
    helper_end_round(f->s, &f->log);
    helper_quiet_round(f->s, &f->log);
    helper_end_round(f->s, &f->log);
    helper_do(f->s, &f->log, "next");
    assert_int_equal(rules_track(f->s, TRACK_LEAK), 3);
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_LEAK);
    assert_int_equal(helper_last(&f->log, LOG_OVER)->value, OUT_LOSE_LEAK);
}

static void test_effects_impact_max_loses(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].track_max[TRACK_IMPACT] = 2;
    begin(f, 22);
    helper_do(f->s, &f->log, "act notification isolate_room hr");
    assert_int_equal(rules_track(f->s, TRACK_IMPACT), 2);
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_IMPACT);
}

static void test_effects_track_clamps(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].track_start[TRACK_TRUST] = 0;
    begin(f, 23);
    helper_do(f->s, &f->log, "fac inject ceo_status");
    assert_int_equal(rules_track(f->s, TRACK_TRUST), 0);
    assert_int_equal(helper_last(&f->log, LOG_TRACK)->amount, 0);
}

static void test_effects_briefing_after_last_round(void **state)
{
    fixture *f = *state;
    f->rs->scenarios[HS_SOLO].days = 1;
    f->rs->scenarios[HS_SOLO].phases_per_day = 1;
    begin(f, 24);
    helper_do(f->s, &f->log, "act commander contain T01");
    helper_end_round(f->s, &f->log);
    assert_int_equal(rules_outcome(f->s), OUT_WIN_BRIEFING);
    assert_non_null(helper_last(&f->log, LOG_BRIEFING));
    score_view sv;
    rules_score(f->s, &sv);
    assert_int_equal(sv.rounds_left, 0);

    begin(f, 24);
    helper_end_round(f->s, &f->log);
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_BRIEFING);
}

static void test_effects_briefing_move(void **state)
{
    fixture *f = *state;
    state_free(f->s);
    f->s = helper_new(f->rs, HS_SOLO, 25);
    refused(f, "briefing", "the game has not started");
    helper_do(f->s, &f->log, "start");
    helper_do(f->s, &f->log, "briefing"); /* the solo clock ran out in the malware phase */
    assert_int_equal(rules_outcome(f->s), OUT_LOSE_BRIEFING);

    begin(f, 25);
    helper_do(f->s, &f->log, "act commander contain T01");
    helper_do(f->s, &f->log, "time 0");
    helper_do(f->s, &f->log, "briefing");
    assert_int_equal(rules_outcome(f->s), OUT_WIN_BRIEFING);
}

static void test_effects_facilitator_overrides_logged(void **state)
{
    fixture *f = *state;
    state_free(f->s);
    f->s = helper_new(f->rs, HS_SOLO, 26);
    helper_do(f->s, &f->log, "fac infect T05 usb # teach USB");
    helper_do(f->s, &f->log, "fac cure T01 # move it");
    refused(f, "fac cure T01", "T01 is not infected");
    refused(f, "fac infect T05 mail", "T05 is already infected");
    assert_false(term(f, FAC, "T01").infected);
    assert_true(term(f, FAC, "T05").infected);
    assert_int_equal(term(f, FAC, "T05").true_route, ROUTE_USB);
    helper_do(f->s, &f->log, "start");
    assert_int_equal(helper_last(&f->log, LOG_INFECTED)->terminal, helper_term(f->s, "T05"));
    refused(f, "fac infect T03 mail", "only at setup");
    /* A flow set before the counts are shown replaces the malware's count: the public log
     * shows that room's count once, already the facilitator's (no visible correction). */
    helper_do(f->s, &f->log, "fac flow sales 5 # point them at Sales");
    int sales = helper_room(f->s, "sales");
    size_t before = f->log.count;
    helper_do(f->s, &f->log, "next");
    int shown_sales = 0;
    for (size_t i = before; i < f->log.count; i++)
        if (f->log.items[i].type == LOG_COUNT_SHOWN && f->log.items[i].room == sales) {
            assert_int_equal(f->log.items[i].amount, 5);
            shown_sales++;
        }
    assert_int_equal(shown_sales, 1);
    room_view sv;
    rules_room(f->s, FAC, sales, &sv);
    assert_true(sv.overridden);
    assert_int_equal(sv.pending_flow, -1);
    int dev = helper_room(f->s, "dev");
    room_view rv;
    rules_room(f->s, FAC, dev, &rv);
    int true_count = rv.true_count;
    helper_do(f->s, &f->log, "fac flow dev 7 # make it obvious");
    rules_room(f->s, PUB, dev, &rv);
    assert_int_equal(rv.count, 7);
    assert_false(rv.overridden); /* hidden from the public */
    assert_int_equal(rv.true_count, 0);
    rules_room(f->s, FAC, dev, &rv);
    assert_true(rv.overridden);
    assert_int_equal(rv.true_count, true_count);
    helper_do(f->s, &f->log, "fac skip # too early for events");
    refused(f, "fac skip", "already skipped");
    helper_do(f->s, &f->log, "next");
    assert_non_null(helper_last(&f->log, LOG_NO_EVENT));
    helper_do(f->s, &f->log, "fac inject media_call # practice the press");
    assert_int_equal(helper_last(&f->log, LOG_EVENT)->event, helper_event(f->s, "media_call"));
    helper_do(f->s, &f->log, "fac choose overtime # reward");
    helper_do(f->s, &f->log, "fac reveal T05 # show a USB infection");
    const log_entry *e = helper_last(&f->log, LOG_REVEAL);
    assert_int_equal(e->vis, VIS_PUBLIC);
    assert_int_equal(e->value, 1);
    assert_int_equal(e->amount, ROUTE_USB);
    assert_true(term(f, PUB, "T05").known_infected);
    refused(f, "fac reveal T05", "T05 is already face up");
    helper_do(f->s, &f->log, "fac time 30 # the team asked for more time");

    static const struct {
        move_kind kind;
        const char *reason;
    } expected[] = {{MV_FAC_INFECT, "teach USB"},
                    {MV_FAC_CURE, "move it"},
                    {MV_FAC_FLOW, "point them at Sales"},
                    {MV_FAC_FLOW, "make it obvious"},
                    {MV_FAC_SKIP, "too early for events"},
                    {MV_FAC_INJECT, "practice the press"},
                    {MV_FAC_CHOOSE, "reward"},
                    {MV_FAC_REVEAL, "show a USB infection"},
                    {MV_FAC_TIME, "the team asked for more time"}};
    size_t k = 0;
    for (size_t i = 0; i < f->log.count; i++) {
        const log_entry *o = &f->log.items[i];
        if (o->type != LOG_OVERRIDE)
            continue;
        assert_true(k < sizeof expected / sizeof *expected);
        assert_int_equal(o->vis, VIS_FACILITATOR);
        assert_int_equal(o->value, expected[k].kind);
        assert_string_equal(o->reason, expected[k].reason);
        k++;
    }
    assert_int_equal(k, sizeof expected / sizeof *expected);
}

static void test_effects_fallbacks_and_orphans(void **state)
{
    fixture *f = *state;
    f->s = helper_new(f->rs, HS_TEST, 27);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "deploy_edr")),
                     helper_role(f->s, "researcher"));
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "consult_police")),
                     helper_role(f->s, "commander"));
    helper_begin(f->s, &f->log);
    refused(f, "act commander deploy_edr sales", "Deploy EDR is played by Researcher");
    state_free(f->s);
    f->s = helper_new(f->rs, HS_BARE, 27);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "deploy_edr")), -1);
    assert_int_equal(rules_action_role(f->s, helper_action(f->s, "contact_jpcert")),
                     helper_role(f->s, "notification"));
    helper_begin(f->s, &f->log);
    refused(f, "act researcher deploy_edr sales", "nobody plays Deploy EDR in this scenario");
    refused(f, "act poc contact_jpcert", "that role is not in play");
}

static void test_effects_effect_needs_target_kind(void **state)
{
    fixture *f = *state;
    action_def *report = &f->rs->actions[ruleset_action(f->rs, "report")];
    report->effects[0].op = rules_effect_find("examine");
    begin(f, 28);
    refused(f, "act commander report",
            "Report to management cannot use examine (it needs a terminal target)");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, helper_setup_solo_t01, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_effects_reboot_before_preserve_gives_disk_only),
        T(test_effects_reboot_spares_full_evidence),
        T(test_effects_block_c2_stops_leak_and_beacons),
        T(test_effects_staff_alert_stops_phishing),
        T(test_effects_patch_stops_driveby),
        T(test_effects_usb_infects_a_laptop),
        T(test_effects_wrong_declaration_loses),
        T(test_effects_right_declaration_wins),
        T(test_effects_contain_clean_costs_impact),
        T(test_effects_contain_before_preserve_loses_volatile),
        T(test_effects_isolate_room),
        T(test_effects_log_analysis_exact_with_c2),
        T(test_effects_log_analysis_exact_with_edr),
        T(test_effects_log_analysis_inexact_may_name_a_decoy),
        T(test_effects_log_analysis_noisy_after_rotation),
        T(test_effects_profile_is_private),
        T(test_effects_direct_once_per_round),
        T(test_effects_coordinate_transfers_ap),
        T(test_effects_coordinate_in_full_workshop),
        T(test_effects_day_without_report_costs_trust),
        T(test_effects_spread_at_day_end_within_segment),
        T(test_effects_spread_event_and_tip),
        T(test_effects_noise_and_ap_events),
        T(test_effects_trust_events_and_blockers),
        T(test_effects_examine_and_recover),
        T(test_effects_leak_max_loses),
        T(test_effects_impact_max_loses),
        T(test_effects_track_clamps),
        T(test_effects_briefing_after_last_round),
        T(test_effects_briefing_move),
        T(test_effects_facilitator_overrides_logged),
        T(test_effects_fallbacks_and_orphans),
        T(test_effects_effect_needs_target_kind),
    };
#undef T
    return cmocka_run_group_tests_name("effects", tests, NULL, NULL);
}
