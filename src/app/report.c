/* report.c: reading a game's story out of its match log (findings, the truth per terminal, key
 * decisions, what each role did, overrides) and writing the after-action report (report.md and
 * timeline.png). Shared by the debrief screen and `malcon-replay --report`. */
#define _POSIX_C_SOURCE 200809L

#include "report.h"

#include "chart.h"
#include "core.h"
#include "data.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *report_tr(const report_text *t, const char *msgid)
{
    assert(msgid);
    if (!t || t->l != LANG_JA || !t->cat)
        return msgid;
    const char *s = i18n_pget(t->cat, "report", msgid);
    return s != msgid ? s : i18n_get(t->cat, msgid);
}

/* ---- the truth per terminal ---- */

void report_truth(const match *m, report_terminal *out)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    size_t nt = sc->n_terminals < RULES_MAX_TERMINALS ? sc->n_terminals : RULES_MAX_TERMINALS;
    memset(out, 0, sizeof *out * RULES_MAX_TERMINALS);
    for (size_t t = 0; t < nt; t++) {
        terminal_view tv;
        rules_terminal(s, fac, (int)t, &tv);
        report_terminal *r = &out[t];
        r->infected = tv.infected;
        r->route = tv.true_route;
        r->infected_round = tv.infected_round;
        r->spread_from = -1;
        r->active = tv.active;
        r->evidence = tv.evidence;
        r->volatile_lost = tv.volatile_lost;
        r->wrong = tv.isolated && !tv.infected;
    }
    const log_buf *log = match_log(m);
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        int t = e->terminal;
        if (t < 0 || (size_t)t >= nt)
            continue;
        switch (e->type) {
        case LOG_SPREAD:
            if (e->terminal2 >= 0 && (size_t)e->terminal2 < nt)
                out[e->terminal2].spread_from = t;
            break;
        case LOG_REVEAL:
            if (e->value && !out[t].found_round)
                out[t].found_round = e->round > 0 ? e->round : 1;
            break;
        case LOG_ISOLATED:
            if (!out[t].isolated_round)
                out[t].isolated_round = e->round > 0 ? e->round : 1;
            break;
        case LOG_EVIDENCE_LOST:
            /* isolating an unpreserved terminal logs the loss right after the isolation */
            if (i > 0 && log->items[i - 1].type == LOG_ISOLATED && log->items[i - 1].terminal == t)
                out[t].lost_to_isolation = true;
            break;
        default:
            break;
        }
    }
}

/* ---- findings ---- */

static void report_find(report_finding *out, size_t max, size_t *n, debrief_when w, int terminal,
                        int terminal2, int round, int event)
{
    if (*n >= max)
        return;
    report_finding *f = &out[(*n)++];
    f->when = w;
    f->terminal = terminal;
    f->terminal2 = terminal2;
    f->room = -1;
    f->round = round;
    f->event = event;
}

/* The round flag f was first set in (0 when never). */
static int report_flag_round(const log_buf *log, flag f)
{
    for (size_t i = 0; i < log->count; i++)
        if (log->items[i].type == LOG_FLAG && log->items[i].flag == (int)f && log->items[i].value)
            return log->items[i].round > 0 ? log->items[i].round : 1;
    return 0;
}

size_t report_findings(const match *m, report_finding *out, size_t max)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    const log_buf *log = match_log(m);
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    int nt = (int)(sc->n_terminals < RULES_MAX_TERMINALS ? sc->n_terminals : RULES_MAX_TERMINALS);
    size_t n = 0;
    outcome o = rules_outcome(s);
    clock_view c;
    rules_clock(s, &c);

    /* how the game ended */
    if (o == OUT_LOSE_DECLARED)
        report_find(out, max, &n, DW_DECLARED_TOO_EARLY, -1, -1, c.round, -1);
    if (o == OUT_LOSE_LEAK)
        report_find(out, max, &n, DW_LEAK_MAX, -1, -1, c.round, -1);
    if (o == OUT_LOSE_IMPACT)
        report_find(out, max, &n, DW_IMPACT_MAX, -1, -1, c.round, -1);
    /* the briefing brought forward: in solo practice, the clock ran out */
    for (size_t i = 0; i < match_moves(m) && state_setup(s)->mode == MODE_SOLO; i++)
        if (!strcmp(match_move_line(m, i), "briefing")) {
            report_find(out, max, &n, DW_TIME_RAN_OUT, -1, -1, c.round, -1);
            break;
        }
    for (int t = 0; t < nt; t++)
        if (tr[t].active && o != OUT_ONGOING)
            report_find(out, max, &n, DW_STILL_ACTIVE, t, -1, c.round, -1);

    /* noticing: when the first infected terminal was found */
    int infected = 0, first = 0, first_t = -1, full = 0;
    for (int t = 0; t < nt; t++) {
        if (!tr[t].infected)
            continue;
        infected++;
        full += tr[t].evidence >= 2;
        if (tr[t].found_round && (!first || tr[t].found_round < first)) {
            first = tr[t].found_round;
            first_t = t;
        }
    }
    if (infected > 0 && c.rounds > 0) {
        if (first && first <= (c.rounds + 2) / 3)
            report_find(out, max, &n, DW_FOUND_EARLY, first_t, -1, first, -1);
        else if (!first || first > c.rounds * 2 / 3)
            report_find(out, max, &n, DW_FOUND_LATE, first_t, -1, first, -1);
    }

    /* how it got in, and how it spread */
    for (int t = 0; t < nt; t++) {
        if (!tr[t].infected)
            continue;
        debrief_when w = tr[t].route == ROUTE_MAIL      ? DW_INFECTED_MAIL
                         : tr[t].route == ROUTE_DRIVEBY ? DW_INFECTED_DRIVEBY
                         : tr[t].route == ROUTE_USB     ? DW_INFECTED_USB
                                                        : DW_COUNT;
        if (w != DW_COUNT)
            report_find(out, max, &n, w, t, -1, tr[t].infected_round, -1);
    }
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        if (e->type == LOG_SPREAD)
            report_find(out, max, &n, DW_SPREAD, e->terminal, e->terminal2, e->round, -1);
    }

    /* containment and evidence */
    for (int t = 0; t < nt; t++)
        if (tr[t].infected && tr[t].lost_to_isolation)
            report_find(out, max, &n, DW_CONTAINED_BEFORE_EVIDENCE, t, -1, tr[t].isolated_round,
                        -1);
    for (int t = 0; t < nt; t++)
        if (tr[t].wrong)
            report_find(out, max, &n, DW_WRONG_CONTAINMENT, t, -1, tr[t].isolated_round, -1);
    for (int t = 0; t < nt; t++)
        if (tr[t].infected && tr[t].volatile_lost && !tr[t].lost_to_isolation)
            report_find(out, max, &n, DW_EVIDENCE_LOST_REBOOT, t, -1, 0, -1);
    if (infected > 0 && full == infected)
        report_find(out, max, &n, DW_EVIDENCE_KEPT, -1, -1, 0, -1);

    /* prevention: what the alert and the patches stopped, and the C2 block */
    bool mail_blocked = false, driveby_blocked = false;
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        if (e->type != LOG_EVENT_BLOCKED)
            continue;
        if (e->flag == FLAG_STAFF_ALERTED && !mail_blocked) {
            mail_blocked = true;
            report_find(out, max, &n, DW_PHISHING_BLOCKED, -1, -1, e->round, e->event);
        } else if (e->flag == FLAG_PATCHED && !driveby_blocked) {
            driveby_blocked = true;
            report_find(out, max, &n, DW_DRIVEBY_BLOCKED, -1, -1, e->round, e->event);
        }
    }
    static const struct {
        flag f;
        debrief_when w;
    } flags[] = {{FLAG_STAFF_ALERTED, DW_STAFF_ALERTED},
                 {FLAG_PATCHED, DW_PATCHED},
                 {FLAG_C2_BLOCKED, DW_C2_BLOCKED},
                 {FLAG_JPCERT_CONTACTED, DW_JPCERT_CONTACTED}};
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
        int r = report_flag_round(log, flags[k].f);
        if (r)
            report_find(out, max, &n, flags[k].w, -1, -1, r, -1);
    }
    /* telling people: the briefing */
    if (o != OUT_ONGOING) {
        if (rules_flag(s, FLAG_BRIEFING_PREPARED))
            report_find(out, max, &n, DW_BRIEFING_PREPARED, -1, -1,
                        report_flag_round(log, FLAG_BRIEFING_PREPARED), -1);
        else
            report_find(out, max, &n, DW_BRIEFING_UNPREPARED, -1, -1, c.round, -1);
    }
    return n;
}

/* "T03 (Desktop PC)" as the logs write it. */
static void report_terminal_name(core_str *o, const game_state *s, int t, lang l)
{
    const scenario_def *sc = state_scenario(s);
    if (t < 0 || (size_t)t >= sc->n_terminals) {
        core_str_puts(o, "?");
        return;
    }
    const terminal_def *td = &sc->terminals[t];
    core_str_printf(o, "%s (%s)", td->id, ml_get(&state_ruleset(s)->kinds[td->kind].name, l));
}

char *report_lesson_text(const game_state *s, const debrief_lesson *ls, const report_finding *f,
                         lang l)
{
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    const char *p = ml_get(&ls->text, l);
    core_str o = {0};
    while (*p) {
        if (*p == '{') {
            const char *end = strchr(p, '}');
            size_t k = end ? (size_t)(end - p - 1) : 0;
            int room = f->room;
            if (room < 0 && f->terminal >= 0 && (size_t)f->terminal < sc->n_terminals)
                room = sc->terminals[f->terminal].room;
            if (end && k == 8 && !strncmp(p + 1, "terminal", 8)) {
                report_terminal_name(&o, s, f->terminal, l);
            } else if (end && k == 9 && !strncmp(p + 1, "terminal2", 9)) {
                report_terminal_name(&o, s, f->terminal2, l);
            } else if (end && k == 4 && !strncmp(p + 1, "room", 4)) {
                core_str_puts(&o, room >= 0 && (size_t)room < sc->n_rooms
                                      ? ml_get(&sc->rooms[room].name, l)
                                      : "?");
            } else if (end && k == 5 && !strncmp(p + 1, "round", 5)) {
                core_str_printf(&o, "%d", f->round);
            } else if (end && k == 5 && !strncmp(p + 1, "event", 5)) {
                core_str_puts(&o, f->event >= 0 && (size_t)f->event < rs->n_events
                                      ? ml_get(&rs->events[f->event].title, l)
                                      : "?");
            } else {
                core_str_append(&o, p, 1); /* not a placeholder: kept as written */
                p++;
                continue;
            }
            p = end + 1;
            continue;
        }
        core_str_append(&o, p, 1);
        p++;
    }
    return core_str_take(&o);
}

/* ---- lines ---- */

void report_lines_free(report_lines *ls)
{
    if (!ls)
        return;
    for (size_t i = 0; i < ls->count; i++)
        free(ls->items[i].text);
    free(ls->items);
    ls->items = NULL;
    ls->count = ls->cap = 0;
}

/* Adds a line (takes text). */
static void report_add(report_lines *ls, int round, int role, char *text)
{
    core_grow((void **)&ls->items, &ls->cap, ls->count + 1, sizeof *ls->items);
    ls->items[ls->count].round = round;
    ls->items[ls->count].role = role;
    ls->items[ls->count].text = text;
    ls->count++;
}

/* A log line with a consequence after it: "line → consequence" (takes nothing). */
static char *report_with(const game_state *s, const log_entry *e, const report_text *t,
                         const char *prefix_msgid, const char *consequence_msgid)
{
    char *line = rules_log_format(s, e, t->l);
    core_str o = {0};
    if (prefix_msgid)
        core_str_printf(&o, "%s ", report_tr(t, prefix_msgid));
    core_str_puts(&o, line);
    if (consequence_msgid)
        core_str_printf(&o, "%s%s", t->l == LANG_JA ? " → " : " -> ",
                        report_tr(t, consequence_msgid));
    free(line);
    return core_str_take(&o);
}

void report_decisions(const match *m, const report_text *t, report_lines *out)
{
    const game_state *s = match_state(m);
    const log_buf *log = match_log(m);
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    int nt = (int)state_scenario(s)->n_terminals;
    bool found = false;
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        bool term_ok = e->terminal >= 0 && e->terminal < nt && e->terminal < RULES_MAX_TERMINALS;
        const char *cons = NULL, *prefix = NULL;
        switch (e->type) {
        case LOG_REVEAL:
            if (!e->value)
                continue;
            cons = found ? "another infected terminal found" : "the first infected terminal found";
            found = true;
            break;
        case LOG_ISOLATED:
            if (!term_ok)
                continue;
            if (!tr[e->terminal].infected)
                cons = "it was clean: Business impact +1";
            else if (i + 1 < log->count && log->items[i + 1].type == LOG_EVIDENCE_LOST &&
                     log->items[i + 1].terminal == e->terminal)
                cons = "contained, but its memory evidence was lost: it was not preserved first";
            else
                cons = "contained: it no longer beacons or leaks";
            break;
        case LOG_EVIDENCE:
            if (!term_ok || !tr[e->terminal].infected)
                continue;
            cons = e->value >= 2 ? "the evidence of an infected terminal is kept in full"
                                 : "only the disk of an infected terminal is kept";
            break;
        case LOG_EVIDENCE_LOST:
            /* after an isolation it is told with the isolation */
            if (!term_ok || !tr[e->terminal].infected ||
                (i > 0 && log->items[i - 1].type == LOG_ISOLATED))
                continue;
            cons = "the memory of an infected terminal is gone";
            break;
        case LOG_FLAG:
            if (!e->value)
                continue;
            switch (e->flag) {
            case FLAG_C2_BLOCKED:
                cons = "Leak stops, but the remaining infections go quiet";
                break;
            case FLAG_STAFF_ALERTED:
                cons = "phishing mail no longer infects";
                break;
            case FLAG_PATCHED:
                cons = "drive-by downloads no longer infect";
                break;
            case FLAG_JPCERT_CONTACTED:
                cons = "JPCERT/CC shares the attacker's C2 indicator";
                break;
            case FLAG_C2_KNOWN:
                cons = "log analysis becomes exact; the C2 can be blocked";
                break;
            case FLAG_BRIEFING_PREPARED:
                break; /* the line says it all */
            default:
                continue;
            }
            break;
        case LOG_EVENT_BLOCKED:
            if (e->flag != FLAG_STAFF_ALERTED && e->flag != FLAG_PATCHED)
                continue;
            cons = "an infection was prevented";
            break;
        case LOG_INFECTED:
            if (e->round <= 0 || e->value == ROUTE_LATERAL)
                continue; /* placed at setup (the truth table has them); spread: below */
            prefix = "(hidden until now)";
            break;
        case LOG_SPREAD:
            prefix = "(hidden until now)";
            break;
        case LOG_DECLARE:
        case LOG_BRIEFING:
            break;
        case LOG_OVER:
            break;
        default:
            continue;
        }
        report_add(out, e->round, e->role, report_with(s, e, t, prefix, cons));
    }
}

/* The "<role name>: " a log line starts with, cut off (the line is under the role's heading). */
static char *report_strip_role(const game_state *s, int role, char *line, lang l)
{
    const char *name = ml_get(&state_ruleset(s)->roles[role].name, l);
    size_t n = strlen(name);
    if (!strncmp(line, name, n) && line[n] == ':' && line[n + 1] == ' ')
        memmove(line, line + n + 2, strlen(line + n + 2) + 1);
    return line;
}

void report_role_actions(const match *m, int role, const report_text *t, report_lines *out)
{
    const game_state *s = match_state(m);
    const log_buf *log = match_log(m);
    size_t moves = match_moves(m);
    for (size_t k = 0; k < moves; k++) {
        size_t from = match_log_start(m, k), to = match_log_start(m, k + 1);
        const log_entry *act = NULL, *result = NULL;
        for (size_t i = from; i < to; i++) {
            const log_entry *e = &log->items[i];
            if (e->type == LOG_ACTION && e->role == role && !act)
                act = e;
            else if (act && !result &&
                     (e->type == LOG_REVEAL || e->type == LOG_RESULT_LOGS ||
                      e->type == LOG_RESULT_PROFILE))
                result = e;
        }
        if (!act)
            continue;
        char *line = report_strip_role(s, role, rules_log_format(s, act, t->l), t->l);
        if (result) {
            /* the result's line names the action and its target already (examination, log
             * analysis, profiling): it replaces the action's */
            free(line);
            line = report_strip_role(s, role, rules_log_format(s, result, t->l), t->l);
        }
        report_add(out, act->round, role, line);
    }
}

void report_overrides(const match *m, const report_text *t, report_lines *out)
{
    const game_state *s = match_state(m);
    const log_buf *log = match_log(m);
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        if (e->type == LOG_OVERRIDE)
            report_add(out, e->round, -1, rules_log_format(s, e, t->l));
    }
}

/* ---- Markdown ---- */

/* Appends text as one table cell (pipes escaped, line breaks as spaces). */
static void md_cell(core_str *o, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '|')
            core_str_puts(o, "\\|");
        else if (*p == '\n' || *p == '\r')
            core_str_puts(o, " ");
        else
            core_str_append(o, p, 1);
    }
}

/* Appends text as running text (a leading Markdown marker escaped, line breaks kept). */
static void md_text(core_str *o, const char *text)
{
    for (const char *p = text; *p; p++) {
        if ((*p == '*' || *p == '_' || *p == '`' || *p == '<') && (p == text || p[-1] != '\\'))
            core_str_append(o, "\\", 1);
        core_str_append(o, p, 1);
    }
}

const char *report_player_name(const report_text *t, int p, const char *name, char *buf, size_t n)
{
    assert(name && buf && n > 0);
    /* the two defaults as app_player_name makes them: "Player 3", "プレイヤー3" (no space) */
    char en[RULES_NAME_MAX + 16], ja[RULES_NAME_MAX + 16] = "";
    snprintf(en, sizeof en, "Player %d", p + 1);
    if (t && t->cat)
        snprintf(ja, sizeof ja, "%s%d", i18n_get(t->cat, "Player"), p + 1);
    if (strcmp(name, en) != 0 && (!ja[0] || strcmp(name, ja) != 0))
        return name;
    snprintf(buf, n, "%s", t && t->l == LANG_JA && ja[0] ? ja : en);
    return buf;
}

const char *report_route_msgid(route r)
{
    switch (r) {
    case ROUTE_MAIL:
        return "Mail attachment";
    case ROUTE_DRIVEBY:
        return "Drive-by download";
    case ROUTE_USB:
        return "USB stick";
    case ROUTE_LATERAL:
        return "Lateral movement";
    default:
        return "Unknown route";
    }
}

/* "Day 2 afternoon" for round r (1-based) of s's clock. */
static void report_when(core_str *o, const game_state *s, int r, const report_text *t)
{
    const scenario_def *sc = state_scenario(s);
    int ppd = sc->phases_per_day > 0 ? sc->phases_per_day : 3;
    int day = (r - 1) / ppd + 1, part = (r - 1) % ppd;
    static const char *const parts[3] = {"morning", "afternoon", "evening"};
    core_str_printf(o, report_tr(t, "Day %d"), day);
    if (ppd == 3)
        core_str_printf(o, " %s", report_tr(t, parts[part]));
    else
        core_str_printf(o, " (%d/%d)", part + 1, ppd);
}

static void report_md_summary(core_str *o, const match *m, const report_text *t)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    const game_setup *su = state_setup(s);
    outcome oc = rules_outcome(s);
    score_view sv;
    rules_score(s, &sv);
    clock_view c;
    rules_clock(s, &c);
    lang l = t->l;
    core_str_printf(o, "# %s: ", report_tr(t, "After-action report"));
    md_text(o, ml_get(&sc->name, l));
    core_str_printf(o, "\n\n*%s*\n\n", report_tr(t, "Malware Containment, digital edition"));
    core_str_printf(o, "| %s | %s |\n|---|---|\n", report_tr(t, "Item"), report_tr(t, "Value"));
    core_str_printf(o, "| %s | ", report_tr(t, "Scenario"));
    md_cell(o, ml_get(&sc->name, l));
    core_str_printf(o, " (`%s`) |\n", sc->id);
    core_str_printf(o, "| %s | %" PRIu64 " |\n", report_tr(t, "Seed"), su->seed);
    core_str_printf(o, "| %s | %s |\n", report_tr(t, "Mode"),
                    report_tr(t, su->mode == MODE_SOLO ? "Solo practice" : "Workshop"));
    bool won = rules_outcome_won(oc);
    core_str_printf(o, "| %s | **%s**: ", report_tr(t, "Outcome"),
                    oc == OUT_ONGOING ? report_tr(t, "Not finished")
                    : won             ? report_tr(t, "Contained")
                                      : report_tr(t, "Not contained"));
    md_cell(o, rules_outcome_name(oc, l));
    core_str_puts(o, " |\n");
    core_str_printf(o, "| %s | **%d** / 100 (%s **%c**) |\n", report_tr(t, "Score"), sv.total,
                    report_tr(t, "rank"), sv.rank ? sv.rank : '-');
    core_str_printf(o, "| %s | ", report_tr(t, "Rounds"));
    core_str_printf(o, report_tr(t, "%d of %d"), c.round, c.rounds);
    if (c.round > 0) {
        core_str_puts(o, " (");
        report_when(o, s, c.round, t);
        core_str_puts(o, ")");
    }
    core_str_puts(o, " |\n");
    if (su->mode == MODE_SOLO && sc->solo_seconds > 0) {
        int left = rules_seconds_left(s);
        left = left < 0 ? 0 : left > sc->solo_seconds ? sc->solo_seconds : left;
        int used = sc->solo_seconds - left;
        core_str_printf(o, "| %s | ", report_tr(t, "Time used"));
        core_str_printf(o, report_tr(t, "%d:%02d of %d:%02d"), used / 60, used % 60,
                        sc->solo_seconds / 60, sc->solo_seconds % 60);
        core_str_puts(o, " |\n");
    }
    core_str_puts(o, "\n");
}

static void report_md_players(core_str *o, const match *m, const report_text *t)
{
    const game_state *s = match_state(m);
    const game_setup *su = state_setup(s);
    const ruleset *rs = state_ruleset(s);
    core_str_printf(o, "## %s\n\n| %s | %s |\n|---|---|\n", report_tr(t, "Players and roles"),
                    report_tr(t, "Player"), report_tr(t, "Roles"));
    for (int p = 0; p < su->n_players; p++) {
        core_str_puts(o, "| ");
        char pbuf[RULES_NAME_MAX + 16];
        md_cell(o, report_player_name(t, p, su->player[p], pbuf, sizeof pbuf));
        core_str_puts(o, " | ");
        int k = 0;
        for (size_t r = 0; r < rs->n_roles && r < 32; r++)
            if (su->holds[p] & (1u << r)) {
                if (k++)
                    core_str_puts(o, t->l == LANG_JA ? "、" : ", ");
                md_cell(o, ml_get(&rs->roles[r].name, t->l));
            }
        core_str_puts(o, " |\n");
    }
    core_str_puts(o, "\n");
}

static void report_md_score(core_str *o, const match *m, const report_text *t)
{
    const game_state *s = match_state(m);
    score_view sv;
    rules_score(s, &sv);
    core_str_printf(o, "## %s\n\n| %s | %s |\n|---|---:|\n", report_tr(t, "Score"),
                    report_tr(t, "Term"), report_tr(t, "Points"));
    for (int i = 0; i < ST_COUNT; i++) {
        core_str_puts(o, "| ");
        md_cell(o, rules_score_term_name((score_term)i, t->l));
        if (sv.term[i])
            core_str_printf(o, " | %+d |\n", sv.term[i]);
        else
            core_str_puts(o, " | 0 |\n");
    }
    core_str_printf(o, "| **%s** | **%d** |\n\n", report_tr(t, "Total (0 to 100)"), sv.total);
}

static void report_md_truth(core_str *o, const match *m, const report_text *t)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    lang l = t->l;
    report_terminal tr[RULES_MAX_TERMINALS];
    report_truth(m, tr);
    core_str_printf(o, "## %s\n\n", report_tr(t, "The truth"));
    core_str_printf(o, "%s: ", report_tr(t, "The malware"));
    md_text(o, ml_get(&sc->malware, l));
    core_str_puts(o, "\n\n");
    core_str_printf(o, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", report_tr(t, "Terminal"),
                    report_tr(t, "Room"), report_tr(t, "Infected"), report_tr(t, "How it got in"),
                    report_tr(t, "Since"), report_tr(t, "Found"), report_tr(t, "Isolated"),
                    report_tr(t, "Evidence"));
    core_str_puts(o, "|---|---|---|---|---|---|---|---|\n");
    int clean = 0;
    size_t nt = sc->n_terminals < RULES_MAX_TERMINALS ? sc->n_terminals : RULES_MAX_TERMINALS;
    for (size_t i = 0; i < nt; i++) {
        const report_terminal *r = &tr[i];
        if (!r->infected && !r->wrong) {
            clean++;
            continue;
        }
        core_str o2 = {0};
        report_terminal_name(&o2, s, (int)i, l);
        core_str_puts(o, "| ");
        md_cell(o, core_str_cstr(&o2));
        core_str_free(&o2);
        core_str_puts(o, " | ");
        md_cell(o, ml_get(&sc->rooms[sc->terminals[i].room].name, l));
        if (!r->infected) {
            core_str_printf(o, " | %s | - | - | - | ", report_tr(t, "no (a wrong containment)"));
            core_str_printf(o, report_tr(t, "round %d"), r->isolated_round);
            core_str_puts(o, " | - |\n");
            continue;
        }
        core_str_printf(o, " | %s | %s",
                        r->active ? report_tr(t, "yes, still active") : report_tr(t, "yes"),
                        report_tr(t, report_route_msgid(r->route)));
        if (r->spread_from >= 0 && (size_t)r->spread_from < nt) {
            core_str_printf(o, " (%s ", report_tr(t, "from"));
            md_cell(o, sc->terminals[r->spread_from].id);
            core_str_puts(o, ")");
        }
        core_str_puts(o, " | ");
        if (r->infected_round <= 0)
            core_str_puts(o, report_tr(t, "before the game"));
        else
            core_str_printf(o, report_tr(t, "round %d"), r->infected_round);
        core_str_puts(o, " | ");
        if (r->found_round)
            core_str_printf(o, report_tr(t, "round %d"), r->found_round);
        else
            core_str_puts(o, report_tr(t, "never"));
        core_str_puts(o, " | ");
        if (r->isolated_round)
            core_str_printf(o, report_tr(t, "round %d"), r->isolated_round);
        else
            core_str_puts(o, report_tr(t, "never"));
        core_str_printf(o, " | %s |\n",
                        r->evidence >= 2   ? report_tr(t, "full")
                        : r->evidence == 1 ? report_tr(t, "disk only")
                                           : report_tr(t, "none"));
    }
    core_str_puts(o, "\n");
    core_str_printf(o, report_tr(t, "The other %d terminals were clean."), clean);
    core_str_puts(o, "\n\n");
}

static void report_md_timeline(core_str *o, const match *m, const report_text *t,
                               const char *chart_png)
{
    const game_state *s = match_state(m);
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    lang l = t->l;
    chart_data cd;
    chart_compute(&cd, m);
    core_str_printf(o, "## %s\n\n", report_tr(t, "Timeline"));
    if (chart_png)
        core_str_printf(o, "![%s](%s)\n\n", report_tr(t, "Timeline chart"), chart_png);
    core_str_printf(o, "%s\n\n",
                    report_tr(t, "Suspicious communications shown per room and round, the event "
                                 "drawn, the actions of each role, and the hidden side (now "
                                 "shown)."));
    core_str_printf(o, "| %s | %s |", report_tr(t, "Round"), report_tr(t, "When"));
    for (int r = 0; r < cd.n_rooms; r++) {
        core_str_puts(o, " ");
        md_cell(o, ml_get(&sc->rooms[r].name, l));
        core_str_puts(o, " |");
    }
    core_str_printf(o, " %s | %s | %s |\n|---:|---|", report_tr(t, "Event"),
                    report_tr(t, "Actions"), report_tr(t, "Hidden side"));
    for (int r = 0; r < cd.n_rooms; r++)
        core_str_puts(o, "---:|");
    core_str_puts(o, "---|---|---|\n");
    for (int k = 0; k < cd.rounds; k++) {
        core_str_printf(o, "| %d | ", k + 1);
        report_when(o, s, k + 1, t);
        core_str_puts(o, " |");
        for (int r = 0; r < cd.n_rooms; r++)
            core_str_printf(o, " %d |", cd.count[r][k]);
        core_str_puts(o, " ");
        if (cd.event[k] >= 0)
            md_cell(o, ml_get(&rs->events[cd.event[k]].title, l));
        else
            core_str_puts(o, "-");
        core_str_puts(o, " | ");
        int n = 0;
        for (int i = 0; i < cd.n_roles; i++) {
            if (!cd.actions[i][k])
                continue;
            if (n++)
                core_str_puts(o, l == LANG_JA ? "、" : ", ");
            md_cell(o, ml_get(&rs->roles[cd.role[i]].name, l));
            core_str_printf(o, " %d", cd.actions[i][k]);
        }
        if (!n)
            core_str_puts(o, "-");
        core_str_puts(o, " | ");
        n = 0;
        for (int i = 0; i < cd.n_marks; i++) {
            const chart_mark *mk = &cd.marks[i];
            if (mk->round != k + 1)
                continue;
            if (n++)
                core_str_puts(o, l == LANG_JA ? "、" : "; ");
            const char *id = sc->terminals[mk->terminal].id;
            switch (mk->kind) {
            case CM_INFECTED:
                if (mk->terminal2 == CHART_BEFORE)
                    core_str_printf(o, report_tr(t, "%s infected before the game"), id);
                else
                    core_str_printf(o, report_tr(t, "%s infected"), id);
                break;
            case CM_SPREAD:
                core_str_printf(o, report_tr(t, "%s infected from %s"), id,
                                sc->terminals[mk->terminal2].id);
                break;
            case CM_FOUND:
                core_str_printf(o, report_tr(t, "%s found"), id);
                break;
            case CM_CONTAINED:
                core_str_printf(o, report_tr(t, "%s contained"), id);
                break;
            case CM_WRONG:
                core_str_printf(o, report_tr(t, "%s isolated (clean)"), id);
                break;
            default:
                break;
            }
        }
        if (!n)
            core_str_puts(o, "-");
        core_str_puts(o, " |\n");
    }
    core_str_puts(o, "\n");
}

/* A bulleted list of lines, each with its round; "none" when empty. */
static void report_md_lines(core_str *o, const report_lines *ls, const report_text *t,
                            const char *none_msgid)
{
    if (ls->count == 0) {
        core_str_printf(o, "%s\n\n", report_tr(t, none_msgid));
        return;
    }
    for (size_t i = 0; i < ls->count; i++) {
        core_str_puts(o, "- ");
        if (ls->items[i].round > 0) {
            core_str_puts(o, "**");
            core_str_printf(o, report_tr(t, "Round %d"), ls->items[i].round);
            core_str_puts(o, "**: ");
        } else {
            core_str_printf(o, "**%s**: ", report_tr(t, "Setup")); /* before round 1 */
        }
        md_text(o, ls->items[i].text);
        core_str_puts(o, "\n");
    }
    core_str_puts(o, "\n");
}

static void report_md_learning(core_str *o, const match *m, const report_text *t)
{
    const game_state *s = match_state(m);
    const debrief_def *db = &state_ruleset(s)->debrief;
    lang l = t->l;
    core_str_printf(o, "## %s\n\n", report_tr(t, "Learning points"));
    if (db->n_sections == 0 && db->n_lessons == 0) {
        core_str_printf(o, "%s\n\n", report_tr(t, "This content has no learning points."));
        return;
    }
    report_finding fs[REPORT_MAX_FINDINGS];
    size_t nf = report_findings(m, fs, REPORT_MAX_FINDINGS);
    core_str_printf(o, "### %s\n\n", report_tr(t, "What this game teaches"));
    int shown = 0;
    for (size_t i = 0; i < db->n_lessons; i++)
        for (size_t k = 0; k < nf; k++) {
            if ((int)fs[k].when != db->lessons[i].when)
                continue;
            char *txt = report_lesson_text(s, &db->lessons[i], &fs[k], l);
            core_str_puts(o, "- ");
            md_text(o, txt);
            core_str_puts(o, "\n");
            free(txt);
            shown++;
        }
    if (!shown)
        core_str_printf(o, "%s\n", report_tr(t, "Nothing in particular: see the points below."));
    core_str_puts(o, "\n");
    for (size_t i = 0; i < db->n_sections; i++) {
        const debrief_section *sec = &db->sections[i];
        core_str_puts(o, "### ");
        md_text(o, ml_get(&sec->title, l));
        core_str_puts(o, "\n\n");
        const char *intro = ml_get(&sec->intro, l);
        if (*intro) {
            md_text(o, intro);
            core_str_puts(o, "\n\n");
        }
        for (size_t k = 0; k < sec->n_points; k++) {
            core_str_puts(o, "- **");
            md_text(o, ml_get(&sec->points[k].title, l));
            core_str_puts(o, "**: ");
            md_text(o, ml_get(&sec->points[k].text, l));
            core_str_puts(o, "\n");
        }
        core_str_puts(o, "\n");
    }
}

/* The whole report in one language. */
static void report_md_lang(core_str *o, const match *m, const report_text *t, const char *chart_png)
{
    const game_state *s = match_state(m);
    const ruleset *rs = state_ruleset(s);
    const scenario_def *sc = state_scenario(s);
    report_md_summary(o, m, t);
    report_md_players(o, m, t);
    report_md_score(o, m, t);
    report_md_truth(o, m, t);
    report_md_timeline(o, m, t, chart_png);

    report_lines ls = {0};
    core_str_printf(o, "## %s\n\n", report_tr(t, "Key decisions and their consequences"));
    report_decisions(m, t, &ls);
    report_md_lines(o, &ls, t, "No decision was recorded.");
    report_lines_free(&ls);

    core_str_printf(o, "## %s\n\n", report_tr(t, "What each role did"));
    for (size_t i = 0; i < sc->n_roles; i++) {
        int r = sc->roles[i];
        core_str_puts(o, "### ");
        md_text(o, ml_get(&rs->roles[r].name, t->l));
        int p = rules_role_player(s, r);
        if (p >= 0) {
            core_str_puts(o, " (");
            char pbuf[RULES_NAME_MAX + 16];
            md_text(o, report_player_name(t, p, state_setup(s)->player[p], pbuf, sizeof pbuf));
            core_str_puts(o, ")");
        }
        core_str_puts(o, "\n\n");
        report_role_actions(m, r, t, &ls);
        report_md_lines(o, &ls, t, "No action.");
        report_lines_free(&ls);
    }

    core_str_printf(o, "## %s\n\n", report_tr(t, "Facilitator overrides"));
    report_overrides(m, t, &ls);
    report_md_lines(o, &ls, t, "None: the game ran as dealt.");
    report_lines_free(&ls);

    report_md_learning(o, m, t);
}

char *report_markdown(const match *m, const i18n *cat, int langs, const char *chart_png)
{
    assert(m);
    if (!(langs & REPORT_BOTH))
        langs = REPORT_BOTH;
    core_str o = {0};
    core_str_puts(&o, "<!-- Malware Containment: after-action report (malcon) -->\n\n");
    bool first = true;
    for (int l = 0; l < LANG_COUNT; l++) {
        int bit = l == LANG_JA ? REPORT_JA : REPORT_EN;
        if (!(langs & bit))
            continue;
        if (!first)
            core_str_puts(&o, "---\n\n");
        first = false;
        report_text t = {(lang)l, cat};
        report_md_lang(&o, m, &t, chart_png);
    }
    return core_str_take(&o);
}

bool report_mkdirs(const char *path)
{
    if (!path || !*path)
        return false;
    char *p = core_strdup(path);
    bool ok = true;
    for (char *q = p + 1; *q && ok; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST)
            ok = false;
        *q = '/';
    }
    if (ok && mkdir(p, 0755) != 0 && errno != EEXIST)
        ok = false;
    free(p);
    return ok;
}

bool report_write(const char *dir, const match *m, const i18n *cat, int langs,
                  const char *content_root, char *why, size_t why_n)
{
    assert(dir && m);
    char *md = report_markdown(m, cat, langs, "timeline.png");
    char *md_path = data_path_join(dir, "report.md");
    bool ok = data_write_atomic(md_path, md, strlen(md));
    if (!ok)
        snprintf(why, why_n, "cannot write %s: %s", md_path, strerror(errno));
    free(md);
    free(md_path);
    if (!ok)
        return false;
    char *png = data_path_join(dir, "timeline.png");
    /* the chart speaks the report's language (Japanese when both are written) */
    report_text t = {(langs & REPORT_JA) ? LANG_JA : LANG_EN, cat};
    ok = chart_write_png(png, REPORT_CHART_W, REPORT_CHART_H, m, &t, content_root, why, why_n);
    free(png);
    return ok;
}
