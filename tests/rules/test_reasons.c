/* test_reasons.c: illegal-move reasons (rules_check_lang, move_parse_lang) in English and
 * Japanese: a table of wordings, a sweep that every Japanese reason is Japanese, cuts. */
#include "helper_ruleset.h"

#include "core.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Round 1's action phase without an event (from setup). */
#define BEGIN "start\nnext\nfac skip # test\nnext\n"
/* In solo: every core role passes, then round 2's action phase without an event. */
#define NEXT_ROUND_SOLO                                                                            \
    "pass commander\npass researcher\npass forensic\npass notification\n"                          \
    "next\nfac skip # test\nnext\n"

typedef helper_fixture fixture;

/* Plays each line of script (one move a line) in place; fails the test on a refusal. */
static void play_script(game_state *s, const char *script)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", script);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
        helper_do(s, NULL, line);
}

/* A number in 0..n-1 (n > 0). */
static uint32_t rng_below(core_rng *r, uint32_t n)
{
    return (uint32_t)core_rng_range(r, 0, (int)n - 1);
}

/* True when s holds a byte outside ASCII (a Japanese sentence does). */
static bool has_non_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return true;
    return false;
}

/* ---- the table: one illegal move per row, with its reason in both languages ---- */

/* A move no line can spell (targets out of range, values out of range). */
typedef enum raw_kind {
    RAW_NONE = 0,
    RAW_TERMINAL_99, /* act forensic examine <terminal 99> */
    RAW_ROOM_NONE,   /* act researcher log_analysis <no room> */
    RAW_TARGETED,    /* act commander report <terminal 0> */
    RAW_TIME_BIG,    /* time 90000 */
    RAW_NOTE_BOTH,   /* note commander on T01 and sales at once */
    RAW_BAD_KIND,    /* a move kind past MV_COUNT */
} raw_kind;

typedef struct reason_case {
    const char *name;
    int scenario;
    const char *script; /* played from setup before the move */
    const char *line;   /* the illegal move (parsed in English) ... */
    raw_kind raw;       /* ... or one built by hand */
    const char *en, *ja;
} reason_case;

static const reason_case reason_cases[] = {
    {"not your turn", HS_TEST, BEGIN, "act forensic examine T02", RAW_NONE,
     "it is Commander's turn", "今はコマンダーの手番です"},
    {"not your turn to pass", HS_TEST, BEGIN, "pass researcher", RAW_NONE, "it is Commander's turn",
     "今はコマンダーの手番です"},
    {"not enough AP", HS_SOLO, BEGIN "act forensic examine T02\n", "act forensic preserve T03",
     RAW_NONE, "Forensic engineer has 0 AP; Preserve evidence costs 1",
     "フォレンジックエンジニアのAPは残り0です（「証拠保全」にはAPが1必要）"},
    {"already isolated", HS_SOLO, BEGIN "act commander contain T03\n", "act commander contain T03",
     RAW_NONE, "T03 is already isolated", "T03（デスクトップPC）はすでに隔離されています"},
    {"not examined", HS_SOLO, BEGIN, "act forensic recover_data T01", RAW_NONE,
     "T01 has not been examined and found infected",
     "T01（デスクトップPC）はまだ調査で感染が確認されていません"},
    {"examined and clean", HS_SOLO, BEGIN "act forensic examine T02\n" NEXT_ROUND_SOLO,
     "act forensic recover_data T02", RAW_NONE, "T02 has not been examined and found infected",
     "T02（ノートPC）はまだ調査で感染が確認されていません"},
    {"already known infected", HS_SOLO, BEGIN "fac reveal T01 # teach\n",
     "act forensic examine T01", RAW_NONE, "T01 is already known to be infected",
     "T01（デスクトップPC）はすでに感染が判明しています"},
    {"evidence already preserved", HS_SOLO, BEGIN "act forensic preserve T03\n",
     "act forensic preserve T03", RAW_NONE, "T03's evidence is already preserved",
     "T03（デスクトップPC）の証拠はすでに保全されています"},
    {"not infected (cure)", HS_SOLO, "", "fac cure T02 # mistake", RAW_NONE, "T02 is not infected",
     "T02（ノートPC）は感染していません"},
    {"already infected", HS_SOLO, "", "fac infect T01 mail # again", RAW_NONE,
     "T01 is already infected", "T01（デスクトップPC）はすでに感染しています"},
    {"requires a flag", HS_SOLO, BEGIN, "act notification block_c2", RAW_NONE,
     "Block C2 at the proxy needs the C2 indicator (c2_known)",
     "「C2通信遮断」には先に「C2指標の判明」が必要です"},
    {"forbids a flag", HS_SOLO, BEGIN "fac inject jpcert_advisory # teach\n",
     "act forensic recover_data T01", RAW_NONE,
     "Recover deleted data is not possible once the C2 indicator (c2_known)",
     "「削除データ復元」は「C2指標の判明」の後には実行できません"},
    {"once per round", HS_SOLO, BEGIN "act commander report\n", "act commander report", RAW_NONE,
     "Report to management was already played this round",
     "「経営層報告」はこのラウンドですでに実行済みです"},
    {"once per game", HS_SOLO, BEGIN "act notification contact_jpcert\n" NEXT_ROUND_SOLO,
     "act notification contact_jpcert", RAW_NONE, "Contact JPCERT/CC can be played once per game",
     "「JPCERT/CC連絡」は1ゲームに1回だけです（実行済み）"},
    {"wrong phase (act)", HS_SOLO, "start\n", "act commander report", RAW_NONE,
     "roles act in the action phase (now: Malware phase)",
     "役職が行動できるのはアクションフェーズです（現在: マルウェアフェーズ）"},
    {"wrong phase (pass)", HS_SOLO, "start\n", "pass commander", RAW_NONE,
     "roles pass in the action phase", "手番を終えるのはアクションフェーズです"},
    {"wrong phase (next)", HS_SOLO, BEGIN, "next", RAW_NONE,
     "the roles are still acting: every role must pass first",
     "役職の行動中です: 全員が手番を終えるまで進めません"},
    {"next before start", HS_SOLO, "", "next", RAW_NONE,
     "the game has not started (play \"start\" first)",
     "ゲームはまだ始まっていません（先に start で開始します）"},
    {"start twice", HS_SOLO, "start\n", "start", RAW_NONE, "the game has already started",
     "ゲームはすでに始まっています"},
    {"another role's action", HS_SOLO, BEGIN, "act commander examine T02", RAW_NONE,
     "Examine terminal is played by Forensic engineer",
     "「端末調査」はフォレンジックエンジニアの担当です"},
    {"role not in play", HS_TEST, BEGIN, "act poc press_statement", RAW_NONE,
     "that role is not in play", "その役職はこのゲームに参加していません"},
    {"nobody plays it", HS_BARE, BEGIN, "act commander deploy_edr sales", RAW_NONE,
     "nobody plays Deploy EDR in this scenario",
     "このシナリオには「EDR導入」を担当する役職がいません"},
    {"unknown terminal", HS_SOLO, BEGIN, NULL, RAW_TERMINAL_99, "Examine terminal needs a terminal",
     "「端末調査」には対象の端末が必要です"},
    {"no room", HS_SOLO, BEGIN, NULL, RAW_ROOM_NONE, "Log analysis needs a room",
     "「ログ分析」には対象の部屋が必要です"},
    {"a target for an untargeted action", HS_SOLO, BEGIN, NULL, RAW_TARGETED,
     "Report to management takes no target", "「経営層報告」は対象を取りません"},
    {"role target not in play", HS_SOLO, BEGIN, "act commander direct poc", RAW_NONE,
     "Direct the team needs a role in play", "「指揮」の対象はこのゲームに参加している役職です"},
    {"role target passed", HS_SOLO, BEGIN "pass forensic\n", "act commander direct forensic",
     RAW_NONE, "Forensic engineer has passed this round",
     "フォレンジックエンジニアはこのラウンドの手番を終えています"},
    {"role pair: the same role twice", HS_FULL,
     BEGIN "pass commander\npass researcher\npass forensic\npass notification\npass poc\n",
     "act incident_handler coordinate solution_analyst solution_analyst", RAW_NONE,
     "Coordinate needs two different roles", "「調整」には別々の役職を2人選びます"},
    {"role pair: the receiver passed", HS_FULL,
     BEGIN "pass commander\npass researcher\npass forensic\npass notification\npass poc\n",
     "act incident_handler coordinate solution_analyst researcher", RAW_NONE,
     "Researcher has passed this round", "リサーチャーはこのラウンドの手番を終えています"},
    {"role pair: nothing to give", HS_FULL,
     BEGIN "act commander report\nact commander direct researcher\nact commander contain T03\n"
           "pass commander\n"
           "pass researcher\npass forensic\npass notification\npass poc\n",
     "act incident_handler coordinate commander solution_analyst", RAW_NONE,
     "Commander has 0 AP to give; Coordinate moves 1",
     "コマンダーが渡せるAPは0です（「調整」はAPを1移します）"},
    {"role pair: not in play", HS_SOLO, BEGIN, "act commander coordinate poc researcher", RAW_NONE,
     "Coordinate needs two roles in play", "「調整」にはこのゲームに参加している役職が2人必要です"},
    {"already passed", HS_SOLO, BEGIN "pass forensic\n", "pass forensic", RAW_NONE,
     "Forensic engineer has already passed", "フォレンジックエンジニアはすでに手番を終えています"},
    {"acting after passing", HS_SOLO, BEGIN "pass forensic\n", "act forensic examine T02", RAW_NONE,
     "Forensic engineer has passed this round",
     "フォレンジックエンジニアはこのラウンドの手番を終えています"},
    {"EDR already deployed", HS_SOLO, BEGIN "act researcher deploy_edr sales\n" NEXT_ROUND_SOLO,
     "act researcher deploy_edr sales", RAW_NONE, "EDR is already deployed in sales",
     "営業部にはすでにEDRが導入されています"},
    {"room already isolated", HS_SOLO,
     BEGIN "act notification isolate_room sales\n" NEXT_ROUND_SOLO,
     "act notification isolate_room sales", RAW_NONE, "every terminal in sales is already isolated",
     "営業部の端末はすべて隔離済みです"},
    {"game over", HS_SOLO, BEGIN "act commander declare\n", "act commander report", RAW_NONE,
     "the game is over", "ゲームは終了しています"},
    {"note before start", HS_SOLO, "", "note commander T01 suspect", RAW_NONE,
     "notes are pinned once the game has started", "メモはゲームが始まってから置けます"},
    {"note on two places", HS_SOLO, BEGIN, NULL, RAW_NOTE_BOTH,
     "a note goes on one terminal or one room", "メモは端末1台か部屋1つに置きます"},
    {"briefing before start", HS_SOLO, "", "briefing", RAW_NONE, "the game has not started",
     "ゲームはまだ始まっていません"},
    {"time out of range", HS_SOLO, BEGIN, NULL, RAW_TIME_BIG, "seconds out of range (0..86400)",
     "秒数が範囲外です（0〜86400）"},
    {"infection after start", HS_SOLO, BEGIN, "fac infect T02 usb # late", RAW_NONE,
     "infections are placed by hand only at setup", "感染を手で配置・削除できるのは準備中だけです"},
    {"skip twice", HS_SOLO, "start\nfac skip # quiet\n", "fac skip # again", RAW_NONE,
     "this round's event is already skipped", "このラウンドのイベントはすでに取りやめています"},
    {"skip in the action phase", HS_SOLO, BEGIN, "fac skip # late", RAW_NONE,
     "the event is skipped before it is drawn",
     "イベントを取りやめられるのはカードを引く前だけです"},
    {"reveal twice", HS_SOLO, BEGIN "fac reveal T02 # teach\n", "fac reveal T02 # again", RAW_NONE,
     "T02 is already face up", "T02（ノートPC）はすでに表向きです"},
    {"reveal before start", HS_SOLO, "", "fac reveal T02 # early", RAW_NONE,
     "cards are revealed once the game has started", "カードの公開はゲームが始まってからです"},
    {"inject before start", HS_SOLO, "", "fac inject overtime # early", RAW_NONE,
     "events are injected once the game has started", "イベントの追加はゲームが始まってからです"},
    {"flow in the meeting", HS_TEST,
     BEGIN "pass commander\npass researcher\npass forensic\npass notification\n",
     "fac flow sales 3 # fix", RAW_NONE,
     "the flow is changed in the malware, event or action phase",
     "通信件数を変更できるのはマルウェア・イベント・アクションフェーズです"},
    {"unknown move kind", HS_SOLO, "", NULL, RAW_BAD_KIND, "unknown move", "その操作はありません"},
};

/* The move of row c in state s. */
static move case_move(const game_state *s, const reason_case *c)
{
    move m;
    move_init(&m, MV_COUNT);
    if (c->line) {
        char why[RULES_WHY_MAX] = "";
        if (!move_parse(s, c->line, &m, why, sizeof why))
            fail_msg("%s: '%s' does not parse: %s", c->name, c->line, why);
        return m;
    }
    switch (c->raw) {
    case RAW_TERMINAL_99:
        move_init(&m, MV_ACT);
        m.role = helper_role(s, "forensic");
        m.action = helper_action(s, "examine");
        m.target[0] = 99;
        break;
    case RAW_ROOM_NONE:
        move_init(&m, MV_ACT);
        m.role = helper_role(s, "researcher");
        m.action = helper_action(s, "log_analysis");
        break;
    case RAW_TARGETED:
        move_init(&m, MV_ACT);
        m.role = helper_role(s, "commander");
        m.action = helper_action(s, "report");
        m.target[0] = 0;
        break;
    case RAW_TIME_BIG:
        move_init(&m, MV_TIME);
        m.value = 90000;
        break;
    case RAW_NOTE_BOTH:
        move_init(&m, MV_NOTE);
        m.role = helper_role(s, "commander");
        m.value = MARK_SUSPECT;
        m.target[0] = helper_term(s, "T01");
        m.target[1] = helper_room(s, "sales");
        break;
    case RAW_BAD_KIND:
        move_init(&m, MV_START);
        m.kind = MV_COUNT + 3;
        break;
    default:
        fail_msg("%s: no move", c->name);
    }
    return m;
}

static void test_reasons_table_en_and_ja(void **state)
{
    fixture *f = *state;
    size_t n = sizeof reason_cases / sizeof *reason_cases;
    assert_true(n >= 15);
    for (size_t i = 0; i < n; i++) {
        const reason_case *c = &reason_cases[i];
        game_state *s = helper_new(f->rs, c->scenario, 1);
        play_script(s, c->script);
        move m = case_move(s, c);
        char en[RULES_WHY_MAX] = "", en2[RULES_WHY_MAX] = "", ja[RULES_WHY_MAX] = "";
        if (rules_check(s, &m, en, sizeof en))
            fail_msg("%s: the move is legal", c->name);
        assert_false(rules_check_lang(s, &m, LANG_EN, en2, sizeof en2));
        assert_false(rules_check_lang(s, &m, LANG_JA, ja, sizeof ja));
        if (strcmp(en, c->en) != 0)
            fail_msg("%s: en reason '%s', expected '%s'", c->name, en, c->en);
        if (strcmp(ja, c->ja) != 0)
            fail_msg("%s: ja reason '%s', expected '%s'", c->name, ja, c->ja);
        /* rules_check is rules_check_lang in English, word for word */
        assert_string_equal(en, en2);
        /* nothing applies, and a NULL why asks for no reason at all */
        assert_false(rules_check_lang(s, &m, LANG_JA, NULL, 0));
        state_free(s);
    }
}

/* Content errors (an effect the action's target cannot serve, an unknown effect) are worded
 * in both languages too: the board shows them rather than nothing. */
static void test_reasons_content_errors(void **state)
{
    fixture *f = *state;
    int prof = ruleset_action(f->rs, "profiling");
    int report = ruleset_action(f->rs, "report");
    assert_true(prof >= 0 && report >= 0);
    f->rs->actions[prof].effects[0].op = rules_effect_find("examine"); /* needs a terminal */
    f->rs->actions[report].effects[0].op = 9999;
    game_state *s = helper_new(f->rs, HS_SOLO, 1);
    play_script(s, BEGIN);
    static const struct {
        const char *line, *en, *ja;
    } cases[] = {
        {"act researcher profiling",
         "Attacker profiling cannot use examine (it needs a terminal target)",
         "「攻撃者プロファイリング」では効果 examine を使えません（対象の種類 terminal が必要）"},
        {"act commander report", "Report to management has an unknown effect",
         "「経営層報告」に不明な効果があります"},
    };
    for (size_t i = 0; i < 2; i++) {
        move m;
        assert_true(move_parse(s, cases[i].line, &m, NULL, 0));
        char en[RULES_WHY_MAX], ja[RULES_WHY_MAX];
        assert_false(rules_check(s, &m, en, sizeof en));
        assert_false(rules_check_lang(s, &m, LANG_JA, ja, sizeof ja));
        assert_string_equal(en, cases[i].en);
        assert_string_equal(ja, cases[i].ja);
    }
    state_free(s);
}

/* ---- every Japanese reason is Japanese: a sweep over random states and moves ---- */

typedef struct sweep_stats {
    size_t refused;                /* illegal moves seen */
    char seen[128][RULES_WHY_MAX]; /* distinct English reasons (first 128) */
    size_t n_seen;
} sweep_stats;

/* Checks move m's reasons in s: English as rules_check says, Japanese non-ASCII, whole and
 * valid UTF-8; tallies distinct English reasons. */
static void sweep_check(const game_state *s, const move *m, sweep_stats *st)
{
    char en[RULES_WHY_MAX] = "", ja[RULES_WHY_MAX] = "", en2[RULES_WHY_MAX] = "";
    bool legal = rules_check(s, m, en, sizeof en);
    assert_int_equal(rules_check_lang(s, m, LANG_JA, ja, sizeof ja), legal);
    assert_int_equal(rules_check_lang(s, m, LANG_EN, en2, sizeof en2), legal);
    if (legal)
        return;
    st->refused++;
    assert_string_equal(en, en2);
    if (!has_non_ascii(ja))
        fail_msg("Japanese reason without Japanese: '%s' (en '%s')", ja, en);
    size_t len = strlen(ja);
    assert_true(len + 1 < sizeof ja); /* never cut with the shipped-size buffer */
    assert_int_equal(core_utf8_check(ja, len), len);
    for (size_t i = 0; i < st->n_seen; i++)
        if (strcmp(st->seen[i], en) == 0)
            return;
    if (st->n_seen < 128)
        snprintf(st->seen[st->n_seen++], RULES_WHY_MAX, "%s", en);
}

/* A move of any kind with fields drawn at random (in and out of range). */
static move sweep_random_move(const game_state *s, core_rng *r)
{
    const ruleset *rs = state_ruleset(s);
    const scenario_def *sc = state_scenario(s);
    move m;
    move_init(&m, (move_kind)rng_below(r, MV_COUNT));
    int pick = (int)rng_below(r, 10);
    int n_roles = (int)rs->n_roles, n_terms = (int)sc->n_terminals;
    m.role = pick == 0 ? -1 : (int)rng_below(r, (uint32_t)n_roles);
    m.action = (int)rng_below(r, (uint32_t)rs->n_actions + (pick == 1));
    if (pick >= 5 && m.action < (int)rs->n_actions) /* past "played by": the deeper reasons */
        m.role = rules_action_role(s, m.action);
    target_kind tk = rs->actions[m.action < (int)rs->n_actions ? m.action : 0].target;
    int span = tk == TGT_TERMINAL ? n_terms : tk == TGT_ROOM ? (int)sc->n_rooms : n_roles;
    if (m.kind == MV_NOTE) {
        if (rng_below(r, 2))
            m.target[0] = (int)rng_below(r, (uint32_t)n_terms);
        else
            m.target[1] = (int)rng_below(r, (uint32_t)sc->n_rooms);
        m.value = (int)rng_below(r, MARK_COUNT + 1);
    } else if (m.kind != MV_ACT || tk != TGT_NONE || pick == 2) {
        m.target[0] = pick == 3 ? 99 : (int)rng_below(r, (uint32_t)(span > 0 ? span : 1));
        if (tk == TGT_ROLE_PAIR || pick == 4)
            m.target[1] = (int)rng_below(r, (uint32_t)n_roles);
    }
    if (m.kind == MV_FAC_INFECT)
        m.value = (int)rng_below(r, ROUTE_COUNT + 1);
    else if (m.kind == MV_FAC_FLOW || m.kind == MV_TIME || m.kind == MV_FAC_TIME)
        m.value = pick == 5 ? 100000 : (int)rng_below(r, 50);
    m.event = pick == 6 ? 999 : (int)rng_below(r, (uint32_t)rs->n_events);
    snprintf(m.reason, sizeof m.reason, "sweep");
    return m;
}

static void test_reasons_every_japanese_reason_is_japanese(void **state)
{
    fixture *f = *state;
    sweep_stats *st = calloc(1, sizeof *st);
    core_rng r;
    core_rng_seed(&r, 7);
    move legal[512];
    for (int sc = 0; sc < HS_COUNT; sc++)
        for (uint64_t seed = 1; seed <= 12; seed++) {
            game_state *s = helper_new(f->rs, sc, seed);
            for (int step = 0; step < 400; step++) {
                for (int k = 0; k < 12; k++) {
                    move m = sweep_random_move(s, &r);
                    sweep_check(s, &m, st);
                }
                size_t n = rules_legal_moves(s, legal, 512);
                if (n == 0)
                    break;
                move pick = legal[rng_below(&r, (uint32_t)(n < 512 ? n : 512))];
                assert_true(rules_apply_inplace(s, &pick, NULL, NULL, NULL, 0));
            }
            /* the game over, every kind of move once more */
            for (int k = 0; k < 40; k++) {
                move m = sweep_random_move(s, &r);
                sweep_check(s, &m, st);
            }
            state_free(s);
        }
    print_message("%zu refusals, %zu distinct reasons, every Japanese one non-ASCII\n", st->refused,
                  st->n_seen);
    assert_true(st->n_seen >= 60);
    free(st);
}

/* ---- cutting: a short buffer never ends inside a character ---- */

static void test_reasons_cut_between_characters(void **state)
{
    fixture *f = *state;
    game_state *s = helper_new(f->rs, HS_SOLO, 1);
    play_script(s, BEGIN "act forensic examine T02\n");
    move m;
    assert_true(move_parse(s, "act forensic preserve T03", &m, NULL, 0));
    char full[RULES_WHY_MAX];
    assert_false(rules_check_lang(s, &m, LANG_JA, full, sizeof full));
    size_t len = strlen(full);
    for (size_t n = 1; n <= len + 1; n++) {
        char cut[RULES_WHY_MAX];
        memset(cut, 'x', sizeof cut);
        assert_false(rules_check_lang(s, &m, LANG_JA, cut, n));
        size_t cl = strlen(cut);
        assert_true(cl < n);
        assert_int_equal(core_utf8_check(cut, cl), cl);
        assert_memory_equal(cut, full, cl); /* a prefix of the whole reason */
        assert_true(n - 1 - cl < 4);        /* at most one character dropped */
    }
    state_free(s);
}

/* ---- move lines typed by a person ---- */

typedef struct parse_case {
    const char *line;
    const char *en, *ja;
} parse_case;

static const parse_case parse_cases[] = {
    {"act forensic exmine T01", "unknown action 'exmine' (did you mean 'examine'?)",
     "アクション「exmine」はありません（「examine」のことですか？）"},
    {"act comander report", "unknown role 'comander' (did you mean 'commander'?)",
     "役職「comander」はありません（「commander」のことですか？）"},
    {"act forensic examine T99", "unknown terminal 'T99'", "端末「T99」はありません"},
    {"act commander", "'act' needs a role and an action", "act には役職とアクションが必要です"},
    {"act forensic examine", "examine takes a terminal", "「端末調査」の対象は端末1台です"},
    {"act commander report sales", "report takes no target", "「経営層報告」は対象を取りません"},
    {"pass", "'pass' takes 1 argument, not 0", "「pass」の引数は1個です（0個あります）"},
    {"note commander T01 maybe", "unknown mark 'maybe'", "メモの印「maybe」はありません"},
    {"note commander lobby suspect", "unknown terminal or room 'lobby'",
     "端末または部屋「lobby」はありません"},
    {"fac flow sales lots # x", "'lots' is not a number", "「lots」は数ではありません"},
    {"fac flow sales 5000 # x", "5000 is out of range (0..999)", "5000は範囲外です（0〜999）"},
    {"fac",
     "'fac' needs a facilitator move (infect, cure, flow, choose, skip, inject, reveal, time)",
     "fac には進行役の操作が必要です（infect, cure, flow, choose, skip, inject, reveal, time）"},
    {"fac infect T02 floppy # x", "unknown route 'floppy'", "感染経路「floppy」はありません"},
    {"fac inject nothing # x", "unknown event 'nothing'", "イベント「nothing」はありません"},
    {"strat", "unknown move 'strat' (did you mean 'start'?)",
     "操作「strat」はありません（「start」のことですか？）"},
    {"start # because", "only facilitator moves take a reason ('# ...')",
     "理由（# ...）を付けられるのは進行役の操作だけです"},
    {"   ", "empty line", "空の行です"},
    {"a b c d e f g h i", "too many words (at most 8)", "語が多すぎます（最大8語）"},
};

static void test_reasons_move_lines(void **state)
{
    fixture *f = *state;
    game_state *s = helper_new(f->rs, HS_SOLO, 1);
    for (size_t i = 0; i < sizeof parse_cases / sizeof *parse_cases; i++) {
        const parse_case *c = &parse_cases[i];
        move m;
        char en[RULES_WHY_MAX] = "", en2[RULES_WHY_MAX] = "", ja[RULES_WHY_MAX] = "";
        assert_false(move_parse(s, c->line, &m, en, sizeof en));
        assert_false(move_parse_lang(s, c->line, LANG_EN, &m, en2, sizeof en2));
        assert_false(move_parse_lang(s, c->line, LANG_JA, &m, ja, sizeof ja));
        if (strcmp(en, c->en) != 0)
            fail_msg("'%s': en '%s', expected '%s'", c->line, en, c->en);
        if (strcmp(ja, c->ja) != 0)
            fail_msg("'%s': ja '%s', expected '%s'", c->line, ja, c->ja);
        assert_string_equal(en, en2);
        assert_false(move_parse_lang(s, c->line, LANG_JA, &m, NULL, 0));
    }
    /* the reason too long, control bytes and bad UTF-8 (built, not written in the table) */
    char line[400];
    snprintf(line, sizeof line, "fac skip # %0300d", 0);
    const char *bad[] = {line, "fac skip # a\x01z", "fac skip # \xff\xfe"};
    const char *want_ja[] = {"理由が長すぎます（最大127バイト）", "理由に制御文字が含まれています",
                             "理由が正しいUTF-8ではありません"};
    for (size_t i = 0; i < 3; i++) {
        move m;
        char ja[RULES_WHY_MAX] = "";
        assert_false(move_parse_lang(s, bad[i], LANG_JA, &m, ja, sizeof ja));
        assert_string_equal(ja, want_ja[i]);
    }
    state_free(s);
}

/* Random mutations of valid lines: every Japanese parse reason is Japanese and whole. */
static void test_reasons_move_lines_sweep(void **state)
{
    fixture *f = *state;
    game_state *s = helper_new(f->rs, HS_SOLO, 1);
    static const char *const seeds[] = {
        "act forensic examine T01",   "act incident_handler coordinate commander researcher",
        "note commander sales watch", "fac flow sales 3 # fix",
        "fac infect T02 usb # x",     "fac time 60 # extra",
        "pass notification",          "time 300",
        "fac choose overtime # x"};
    static const char alphabet[] = "abcdefT0123456789 _#\t";
    core_rng r;
    core_rng_seed(&r, 11);
    size_t refused = 0;
    for (int i = 0; i < 20000; i++) {
        char line[96];
        snprintf(line, sizeof line, "%s", seeds[rng_below(&r, 9)]);
        size_t len = strlen(line);
        int edits = 1 + (int)rng_below(&r, 3);
        for (int e = 0; e < edits && len > 0; e++) {
            size_t at = rng_below(&r, (uint32_t)len);
            switch (rng_below(&r, 3)) {
            case 0: /* replace a byte */
                line[at] = alphabet[rng_below(&r, sizeof alphabet - 1)];
                break;
            case 1: /* delete a byte */
                memmove(line + at, line + at + 1, len - at);
                len--;
                break;
            default: /* cut the line */
                line[at] = '\0';
                len = at;
                break;
            }
        }
        move m;
        char en[RULES_WHY_MAX] = "", ja[RULES_WHY_MAX] = "";
        bool ok = move_parse(s, line, &m, en, sizeof en);
        assert_int_equal(move_parse_lang(s, line, LANG_JA, &m, ja, sizeof ja), ok);
        if (ok)
            continue;
        refused++;
        if (!has_non_ascii(ja))
            fail_msg("'%s': Japanese reason without Japanese: '%s' (en '%s')", line, ja, en);
        assert_int_equal(core_utf8_check(ja, strlen(ja)), strlen(ja));
    }
    print_message("%zu mutated lines refused, every Japanese reason non-ASCII\n", refused);
    assert_true(refused > 1000);
    state_free(s);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, helper_setup_solo_t01, helper_teardown)
    const struct CMUnitTest tests[] = {
        T(test_reasons_table_en_and_ja),
        T(test_reasons_content_errors),
        T(test_reasons_every_japanese_reason_is_japanese),
        T(test_reasons_cut_between_characters),
        T(test_reasons_move_lines),
        T(test_reasons_move_lines_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
