/* helper_ruleset.c: builds a small but complete ruleset in C so rules tests need no YAML. */
#include "helper_ruleset.h"

#include "core.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static ml_text hr_ml(const char *ja, const char *en)
{
    return (ml_text){core_strdup(ja), core_strdup(en)};
}

/* An effect with every argument at its "none" value. */
static effect hr_fx(int op)
{
    effect e;
    memset(&e, 0, sizeof e);
    e.op = op;
    e.track = -1;
    e.flag = -1;
    e.route = ROUTE_NONE;
    e.role = ROLE_NONE;
    e.kind = KIND_ANY;
    e.room = -1;
    e.event = -1;
    return e;
}

static int hr_op(const char *name)
{
    int op = rules_effect_find(name);
    assert_true(op >= 0);
    return op;
}

static effect hr_track(track t, int amount, uint32_t unless)
{
    effect e = hr_fx(hr_op("track"));
    e.track = t;
    e.amount = amount;
    e.unless = unless;
    return e;
}

static effect hr_flag(const char *op, flag f)
{
    effect e = hr_fx(hr_op(op));
    e.flag = f;
    return e;
}

static effect hr_ap(const char *op, int role, int amount, uint32_t unless)
{
    effect e = hr_fx(hr_op(op));
    e.role = role;
    e.amount = amount;
    e.unless = unless;
    return e;
}

static effect *hr_effects(size_t n, ...)
{
    effect *list = core_calloc(n, sizeof *list);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        list[i] = va_arg(ap, effect);
    va_end(ap);
    return list;
}

#define F(f) (1u << (f))

enum { R_CMD, R_RES, R_FOR, R_NOT, R_POC, R_IH, R_SA, R_VA, N_ROLES };
enum { K_PC, K_LAPTOP, K_SERVER, K_PRINTER, K_NAS, N_KINDS };

static void hr_role(ruleset *rs, int i, const char *id, const char *ja, const char *en, bool core)
{
    role_def *r = &rs->roles[i];
    r->id = core_strdup(id);
    r->name = hr_ml(ja, en);
    r->desc = hr_ml(ja, en);
    r->passive = hr_ml("", "");
    r->ap = 2;
    r->core = core;
    r->color = 0x336699;
}

/* Adds an action; returns it for the optional fields. */
static action_def *hr_action(ruleset *rs, const char *id, const char *ja, const char *en, int role,
                             int ap, target_kind tk, target_filter tf, effect *fx, size_t n_fx)
{
    action_def *a = &rs->actions[rs->n_actions++];
    a->id = core_strdup(id);
    a->name = hr_ml(ja, en);
    a->desc = hr_ml(ja, en);
    a->role = role;
    a->fallback = -1;
    a->ap = ap;
    a->target = tk;
    a->filter = tf;
    a->effects = fx;
    a->n_effects = n_fx;
    return a;
}

static void hr_event(ruleset *rs, const char *id, const char *ja, const char *en, effect *fx,
                     size_t n_fx)
{
    event_def *e = &rs->events[rs->n_events++];
    e->id = core_strdup(id);
    e->title = hr_ml(ja, en);
    e->flavour = hr_ml(ja, en);
    e->rule = hr_ml("", "");
    e->copies = 1;
    e->effects = fx;
    e->n_effects = n_fx;
}

static void hr_kind(ruleset *rs, int i, const char *id, const char *ja, const char *en, bool reboot)
{
    kind_def *k = &rs->kinds[i];
    k->id = core_strdup(id);
    k->name = hr_ml(ja, en);
    k->icon = core_strdup(id);
    k->rebootable = reboot;
}

/* One scenario on the shared board. */
static void hr_scenario(ruleset *rs, int i, const char *id, const int *roles, size_t n_roles,
                        bool fallbacks, int solo_seconds, int random_infections)
{
    scenario_def *sc = &rs->scenarios[i];
    scenario_defaults(sc);
    sc->id = core_strdup(id);
    sc->name = hr_ml("テスト", "Test");
    sc->desc = hr_ml("テスト用シナリオ", "A test scenario");
    sc->malware = hr_ml("テストRAT", "TestRAT");
    sc->solo_seconds = solo_seconds;
    sc->random_infections = random_infections;

    sc->n_segments = 2;
    sc->segments = core_calloc(2, sizeof *sc->segments);
    sc->segments[0] = (segment_def){core_strdup("office"), hr_ml("事務LAN", "Office LAN")};
    sc->segments[1] = (segment_def){core_strdup("lab"), hr_ml("開発LAN", "Lab LAN")};

    static const struct {
        const char *id, *ja, *en;
        int seg;
    } rooms[] = {{"sales", "営業部", "Sales", 0},
                 {"hr", "人事部", "HR", 0},
                 {"dev", "開発部", "Development", 1},
                 {"srv", "サーバールーム", "Server room", 1}};
    sc->n_rooms = 4;
    sc->rooms = core_calloc(4, sizeof *sc->rooms);
    for (int r = 0; r < 4; r++) {
        room_def *rd = &sc->rooms[r];
        rd->id = core_strdup(rooms[r].id);
        rd->name = hr_ml(rooms[r].ja, rooms[r].en);
        rd->segment = rooms[r].seg;
        rd->x = (r % 2) * 50;
        rd->y = (r / 2) * 50;
        rd->w = rd->h = 50;
    }
    static const struct {
        const char *id;
        int room, kind, noise;
    } terms[] = {{"T01", 0, K_PC, 0},      {"T02", 0, K_LAPTOP, 1}, {"T03", 1, K_PC, 0},
                 {"T04", 1, K_PRINTER, 1}, {"T05", 2, K_PC, 0},     {"T06", 2, K_LAPTOP, 0},
                 {"T07", 3, K_SERVER, 1},  {"T08", 3, K_NAS, 0}};
    sc->n_terminals = 8;
    sc->terminals = core_calloc(8, sizeof *sc->terminals);
    for (int t = 0; t < 8; t++) {
        terminal_def *td = &sc->terminals[t];
        td->id = core_strdup(terms[t].id);
        td->room = terms[t].room;
        td->kind = terms[t].kind;
        td->owner = hr_ml("社員", "Staff");
        td->noise = terms[t].noise;
    }
    sc->n_infections = 1;
    sc->infections = core_calloc(1, sizeof *sc->infections);
    sc->infections[0] = (infection_def){0, ROUTE_MAIL};

    sc->n_roles = n_roles;
    sc->roles = core_calloc(n_roles, sizeof *sc->roles);
    memcpy(sc->roles, roles, n_roles * sizeof *roles);
    sc->fallback = core_calloc(rs->n_roles, sizeof *sc->fallback);
    for (size_t r = 0; r < rs->n_roles; r++)
        sc->fallback[r] = -1;
    if (fallbacks) {
        sc->fallback[R_SA] = R_RES;
        sc->fallback[R_VA] = R_NOT;
        sc->fallback[R_IH] = R_CMD;
    }
}

ruleset *helper_ruleset(void)
{
    ruleset *rs = core_calloc(1, sizeof *rs);
    rs->hash = 0x0123456789abcdefULL;

    rs->n_roles = N_ROLES;
    rs->roles = core_calloc(N_ROLES, sizeof *rs->roles);
    hr_role(rs, R_CMD, "commander", "コマンダー", "Commander", true);
    hr_role(rs, R_RES, "researcher", "リサーチャー", "Researcher", true);
    hr_role(rs, R_FOR, "forensic", "フォレンジックエンジニア", "Forensic engineer", true);
    hr_role(rs, R_NOT, "notification", "ノーティフィケーション", "Notification", true);
    hr_role(rs, R_POC, "poc", "PoC", "PoC", false);
    hr_role(rs, R_IH, "incident_handler", "インシデントハンドラー", "Incident handler", false);
    hr_role(rs, R_SA, "solution_analyst", "ソリューションアナリスト", "Solution analyst", false);
    hr_role(rs, R_VA, "vuln_assessor", "脆弱性診断士", "Vulnerability assessor", false);
    /* A passive to exercise passive effects: the incident handler's reports give the
     * commander one more AP each round. */
    rs->roles[R_IH].n_passive_effects = 1;
    rs->roles[R_IH].passive_effects = hr_effects(1, hr_ap("gain_ap", R_CMD, 1, 0));

    rs->n_kinds = N_KINDS;
    rs->kinds = core_calloc(N_KINDS, sizeof *rs->kinds);
    hr_kind(rs, K_PC, "pc", "デスクトップPC", "PC", true);
    hr_kind(rs, K_LAPTOP, "laptop", "ノートPC", "Laptop", true);
    hr_kind(rs, K_SERVER, "server", "サーバー", "Server", false);
    hr_kind(rs, K_PRINTER, "printer", "複合機", "Printer", false);
    hr_kind(rs, K_NAS, "nas", "NAS", "NAS", false);

    rs->actions = core_calloc(RULES_MAX_ROLES * 4, sizeof *rs->actions);
    action_def *a;
    hr_action(rs, "examine", "端末調査", "Examine terminal", R_FOR, 2, TGT_TERMINAL, TF_EXAMINABLE,
              hr_effects(1, hr_fx(hr_op("examine"))), 1);
    hr_action(rs, "preserve", "証拠保全", "Preserve evidence", R_FOR, 1, TGT_TERMINAL,
              TF_NOT_PRESERVED, hr_effects(1, hr_fx(hr_op("preserve"))), 1);
    a = hr_action(rs, "recover_data", "削除データ復元", "Recover deleted data", R_FOR, 1,
                  TGT_TERMINAL, TF_EXAMINED_INFECTED,
                  hr_effects(1, hr_flag("set_flag", FLAG_C2_KNOWN)), 1);
    a->forbids = F(FLAG_C2_KNOWN);
    a = hr_action(rs, "log_analysis", "ログ分析", "Log analysis", R_RES, 1, TGT_ROOM, TF_ANY,
                  hr_effects(1, hr_fx(hr_op("log_analysis"))), 1);
    a->is_private = true;
    a = hr_action(rs, "profiling", "攻撃者プロファイリング", "Attacker profiling", R_RES, 1,
                  TGT_NONE, TF_ANY, hr_effects(1, hr_fx(hr_op("profile"))), 1);
    a->is_private = true;
    hr_action(rs, "contain", "端末隔離", "Contain terminal", R_CMD, 1, TGT_TERMINAL,
              TF_NOT_ISOLATED, hr_effects(1, hr_fx(hr_op("isolate"))), 1);
    a = hr_action(
        rs, "report", "経営層報告", "Report to management", R_CMD, 1, TGT_NONE, TF_ANY,
        hr_effects(2, hr_track(TRACK_TRUST, 1, 0), hr_flag("set_flag", FLAG_REPORTED_TODAY)), 2);
    a->once_per_round = true;
    a = hr_action(rs, "direct", "指揮", "Direct the team", R_CMD, 1, TGT_ROLE, TF_ANY,
                  hr_effects(1, hr_ap("gain_ap", ROLE_TARGET, 1, 0)), 1);
    a->once_per_round = true;
    hr_action(rs, "declare", "封じ込め宣言", "Declare containment", R_CMD, 0, TGT_NONE, TF_ANY,
              hr_effects(1, hr_fx(hr_op("declare"))), 1);
    hr_action(rs, "isolate_room", "ネットワーク分離", "Isolate room", R_NOT, 2, TGT_ROOM, TF_ANY,
              hr_effects(1, hr_fx(hr_op("isolate_room"))), 1);
    a = hr_action(rs, "staff_alert", "全社注意喚起", "All-staff alert", R_NOT, 1, TGT_NONE, TF_ANY,
                  hr_effects(1, hr_flag("set_flag", FLAG_STAFF_ALERTED)), 1);
    a->forbids = F(FLAG_STAFF_ALERTED);
    a = hr_action(rs, "block_c2", "C2通信遮断", "Block C2 at the proxy", R_NOT, 1, TGT_NONE, TF_ANY,
                  hr_effects(1, hr_flag("set_flag", FLAG_C2_BLOCKED)), 1);
    a->requires = F(FLAG_C2_KNOWN);
    a->forbids = F(FLAG_C2_BLOCKED);
    a = hr_action(rs, "prepare_briefing", "説明会準備", "Prepare customer briefing", R_NOT, 1,
                  TGT_NONE, TF_ANY, hr_effects(1, hr_flag("set_flag", FLAG_BRIEFING_PREPARED)), 1);
    a->forbids = F(FLAG_BRIEFING_PREPARED);
    a = hr_action(
        rs, "contact_jpcert", "JPCERT/CC連絡", "Contact JPCERT/CC", R_POC, 1, TGT_NONE, TF_ANY,
        hr_effects(3, hr_track(TRACK_TRUST, 1, 0), hr_flag("set_flag", FLAG_JPCERT_CONTACTED),
                   hr_flag("flag_next_round", FLAG_C2_KNOWN)),
        3);
    a->fallback = R_NOT;
    a->once_per_game = true;
    a = hr_action(
        rs, "consult_police", "警察へ相談", "Consult the police", R_POC, 1, TGT_NONE, TF_ANY,
        hr_effects(2, hr_track(TRACK_TRUST, 1, 0), hr_flag("set_flag", FLAG_POLICE_CONSULTED)), 2);
    a->fallback = R_CMD;
    a->once_per_game = true;
    a = hr_action(rs, "press_statement", "報道対応", "Answer the press", R_POC, 1, TGT_NONE, TF_ANY,
                  hr_effects(1, hr_flag("set_flag", FLAG_PRESS_ANSWERED)), 1);
    a->fallback = R_NOT;
    a->once_per_round = true;
    hr_action(rs, "deploy_edr", "EDR導入", "Deploy EDR", R_SA, 2, TGT_ROOM, TF_ANY,
              hr_effects(1, hr_fx(hr_op("deploy_edr"))), 1);
    a = hr_action(rs, "patch", "脆弱性対策", "Patch campaign", R_VA, 1, TGT_NONE, TF_ANY,
                  hr_effects(1, hr_flag("set_flag", FLAG_PATCHED)), 1);
    a->forbids = F(FLAG_PATCHED);
    effect xfer = hr_fx(hr_op("transfer_ap"));
    xfer.amount = 1;
    hr_action(rs, "coordinate", "調整", "Coordinate", R_IH, 1, TGT_ROLE_PAIR, TF_ANY,
              hr_effects(1, xfer), 1);

    rs->events = core_calloc(32, sizeof *rs->events);
    hr_event(rs, "inquiry_surge", "問い合わせ殺到", "Customer calls pile up",
             hr_effects(1, hr_ap("lose_ap", R_NOT, 1, F(FLAG_BRIEFING_PREPARED))), 1);
    hr_event(rs, "ceo_status", "社長から状況確認", "The CEO wants an update",
             hr_effects(1, hr_track(TRACK_TRUST, -1, F(FLAG_REPORTED_TODAY))), 1);
    effect reboot = hr_fx(hr_op("lose_volatile"));
    reboot.kind = K_PC;
    hr_event(rs, "employee_reboot", "社員がPCを再起動", "An employee reboots a PC",
             hr_effects(1, reboot), 1);
    effect phish = hr_fx(hr_op("infect"));
    phish.route = ROUTE_MAIL;
    phish.unless = F(FLAG_STAFF_ALERTED);
    hr_event(rs, "phishing_wave", "標的型メール", "Phishing wave", hr_effects(1, phish), 1);
    effect driveby = hr_fx(hr_op("infect"));
    driveby.route = ROUTE_DRIVEBY;
    driveby.unless = F(FLAG_PATCHED);
    hr_event(rs, "compromised_site", "Webサイト改ざん", "A web site is compromised",
             hr_effects(1, driveby), 1);
    hr_event(rs, "proxy_logs_rotated", "プロキシログのローテーション", "Proxy logs rotated",
             hr_effects(1, hr_flag("set_flag", FLAG_LOGS_NOISY)), 1);
    hr_event(rs, "jpcert_advisory", "JPCERT/CCの注意喚起", "JPCERT/CC advisory",
             hr_effects(1, hr_flag("set_flag", FLAG_C2_KNOWN)), 1);
    hr_event(rs, "staff_sick", "メンバーが体調不良", "A team member is unwell",
             hr_effects(1, hr_ap("lose_ap", ROLE_RANDOM, 1, 0)), 1);
    hr_event(rs, "attacker_quiet", "攻撃者の沈黙", "The attacker goes quiet",
             hr_effects(1, hr_flag("set_flag", FLAG_ATTACKER_QUIET)), 1);
    hr_event(rs, "media_call", "新聞社から取材", "A newspaper calls",
             hr_effects(1, hr_track(TRACK_TRUST, -1, F(FLAG_PRESS_ANSWERED))), 1);
    effect noise = hr_fx(hr_op("noise"));
    noise.amount = 2;
    noise.room = ROOM_RANDOM;
    hr_event(rs, "av_false_positive", "ウイルス対策ソフトの誤検知", "Antivirus false positive",
             hr_effects(1, noise), 1);
    hr_event(
        rs, "c2_domain_change", "C2ドメインの切り替え", "The C2 domain changes",
        hr_effects(2, hr_flag("clear_flag", FLAG_C2_KNOWN), hr_flag("clear_flag", FLAG_C2_BLOCKED)),
        2);
    hr_event(rs, "helpdesk_tip", "ヘルプデスクへの問い合わせ", "Helpdesk ticket",
             hr_effects(1, hr_fx(hr_op("tip"))), 1);
    hr_event(rs, "lateral_movement", "横展開の兆候", "Lateral movement",
             hr_effects(1, hr_fx(hr_op("spread"))), 1);
    hr_event(rs, "overtime", "残業の承認", "Overtime approved",
             hr_effects(1, hr_ap("gain_ap", ROLE_RANDOM, 1, 0)), 1);
    hr_event(rs, "quiet_tomorrow", "攻撃者の休眠", "The attacker will sleep",
             hr_effects(1, hr_flag("flag_next_round", FLAG_ATTACKER_QUIET)), 1);
    effect usb = hr_fx(hr_op("infect"));
    usb.route = ROUTE_USB;
    usb.kind = K_LAPTOP;
    usb.unless = F(FLAG_STAFF_ALERTED);
    hr_event(rs, "usb_in_lobby", "ロビーで拾ったUSBメモリ", "USB stick in the lobby",
             hr_effects(1, usb), 1);
    effect praise = hr_track(TRACK_TRUST, 1, 0);
    praise.only_if = F(FLAG_POLICE_CONSULTED);
    hr_event(rs, "police_praise", "警察からの評価", "The police thank the team",
             hr_effects(1, praise), 1);

    static const int core4[] = {R_CMD, R_RES, R_FOR, R_NOT};
    static const int all8[] = {R_CMD, R_RES, R_FOR, R_NOT, R_POC, R_IH, R_SA, R_VA};
    rs->n_scenarios = HS_COUNT;
    rs->scenarios = core_calloc(HS_COUNT, sizeof *rs->scenarios);
    hr_scenario(rs, HS_TEST, "test", core4, 4, true, 0, 0);
    hr_scenario(rs, HS_SOLO, "solo", core4, 4, true, 600, 1);
    hr_scenario(rs, HS_FULL, "full", all8, 8, false, 0, 0);
    hr_scenario(rs, HS_BARE, "bare", core4, 4, false, 0, 0);
    return rs;
}

/* ---- drivers ---- */

game_state *helper_new(const ruleset *rs, int sc, uint64_t seed)
{
    game_setup su;
    setup_default(&su, rs, sc, seed);
    char why[RULES_WHY_MAX] = "";
    game_state *s = state_new(rs, sc, &su, why, sizeof why);
    if (!s)
        fail_msg("state_new: %s", why);
    return s;
}

bool helper_try(game_state *s, log_buf *log, const char *line, char *why, size_t why_n)
{
    move m;
    if (!move_parse(s, line, &m, why, why_n))
        return false;
    return rules_apply_inplace(s, &m, log, NULL, why, why_n);
}

void helper_do(game_state *s, log_buf *log, const char *line)
{
    char why[RULES_WHY_MAX] = "";
    if (!helper_try(s, log, line, why, sizeof why))
        fail_msg("'%s' refused: %s", line, why);
}

void helper_quiet_round(game_state *s, log_buf *log)
{
    helper_do(s, log, "next");
    helper_do(s, log, "fac skip # test");
    helper_do(s, log, "next");
}

void helper_begin(game_state *s, log_buf *log)
{
    helper_do(s, log, "start");
    helper_quiet_round(s, log);
}

void helper_end_round(game_state *s, log_buf *log)
{
    while (rules_outcome(s) == OUT_ONGOING) {
        clock_view cv;
        rules_clock(s, &cv);
        if (cv.phase == PHASE_MEETING) {
            helper_do(s, log, "next");
            return;
        }
        if (cv.phase != PHASE_ACTION)
            return;
        int r = rules_current_role(s);
        assert_true(r >= 0);
        char line[64];
        snprintf(line, sizeof line, "pass %s", state_ruleset(s)->roles[r].id);
        helper_do(s, log, line);
    }
}

int helper_count(const log_buf *b, log_type t)
{
    int n = 0;
    for (size_t i = 0; i < b->count; i++)
        n += b->items[i].type == t;
    return n;
}

const log_entry *helper_last(const log_buf *b, log_type t)
{
    for (size_t i = b->count; i-- > 0;)
        if (b->items[i].type == t)
            return &b->items[i];
    return NULL;
}

int helper_term(const game_state *s, const char *id)
{
    int i = scenario_terminal(state_scenario(s), id);
    if (i < 0)
        fail_msg("no terminal %s", id);
    return i;
}

int helper_room(const game_state *s, const char *id)
{
    int i = scenario_room(state_scenario(s), id);
    if (i < 0)
        fail_msg("no room %s", id);
    return i;
}

int helper_role(const game_state *s, const char *id)
{
    int i = ruleset_role(state_ruleset(s), id);
    if (i < 0)
        fail_msg("no role %s", id);
    return i;
}

int helper_event(const game_state *s, const char *id)
{
    int i = ruleset_event(state_ruleset(s), id);
    if (i < 0)
        fail_msg("no event %s", id);
    return i;
}

int helper_action(const game_state *s, const char *id)
{
    int i = ruleset_action(state_ruleset(s), id);
    if (i < 0)
        fail_msg("no action %s", id);
    return i;
}

int helper_setup(void **state)
{
    helper_fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->rs = helper_ruleset();
    *state = f;
    return 0;
}

int helper_setup_solo_t01(void **state)
{
    helper_setup(state);
    helper_fixture *f = *state;
    f->rs->scenarios[HS_SOLO].random_infections = 0;
    return 0;
}

int helper_teardown(void **state)
{
    helper_fixture *f = *state;
    state_free(f->s);
    log_buf_free(&f->log);
    ruleset_free(f->rs);
    free(f);
    return 0;
}
