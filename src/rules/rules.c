/* rules.c: checking and applying moves, and enumerating the legal ones. */
#include "rules_internal.h"

#include <assert.h>
#include <string.h>

#define RULES_MAX_SECONDS 86400

/* Where a reason goes and in which language. The checks take one pointer to it, NULL when
 * nobody asked for a reason (bots, enumeration): the hot path passes no more than that. */
typedef struct rules_why {
    char *buf;
    size_t n;
    lang l;
} rules_why;

/* Fails with a formatted reason; the arguments (names looked up for the message) are only
 * evaluated when a reason was asked for, so bots and enumeration pay nothing for them. */
#define FAIL(...) return why ? text_fail(why->buf, why->n, __VA_ARGS__) : false
/* The reason's language (only inside FAIL's arguments: why is not NULL there). */
#define LNG (why->l)
/* The reason's wording in that language. Both wordings take the same arguments in the same
 * order (the compiler checks both against them); "%.0s" skips an argument that only the other
 * language shows. */
#define TX(ja, en) (LNG == LANG_JA ? (ja) : (en))

/* ---- checks ---- */

/* The first flag set in mask (mask != 0). */
static flag rules_first_flag(uint32_t mask)
{
    int f = 0;
    while (!(mask & (1u << f)))
        f++;
    return (flag)f;
}

/* The AP amount of an action's first transfer_ap effect (1 when there is none). */
static int rules_transfer_amount(const action_def *a)
{
    for (size_t i = 0; i < a->n_effects; i++)
        if (a->effects[i].op == EF_TRANSFER_AP)
            return a->effects[i].amount;
    return 1;
}

/* True when action a has an effect with op. */
static bool rules_has_effect(const action_def *a, int op)
{
    for (size_t i = 0; i < a->n_effects; i++)
        if (a->effects[i].op == op)
            return true;
    return false;
}

/* Checks a terminal target against the action's filter and effects. */
static bool rules_check_terminal(const game_state *s, const action_def *a, int t,
                                 const rules_why *why)
{
    if (t < 0 || t >= s->n_terminals)
        FAIL(TX("「%s」には対象の端末が必要です", "%s needs a terminal"), ml_get(&a->name, LNG));
    const term_state *ts = &s->term[t];
    /* a terminal is "T03" in English, "T03（デスクトップPC）" in Japanese: the kind's name is
     * an argument the English wording skips ("%.0s"), so no buffer is needed for it */
#define id text_terminal_id(s, t), text_terminal_kind(s, t, LNG)
    switch (a->filter) {
    case TF_FACE_DOWN:
        if (ts->face_up)
            FAIL(TX("%s（%s）はすでに表向きです", "%s%.0s is already face up"), id);
        break;
    case TF_EXAMINED_INFECTED:
        if (!ts->face_up || !ts->shown_infected)
            FAIL(TX("%s（%s）はまだ調査で感染が確認されていません",
                    "%s%.0s has not been examined and found infected"),
                 id);
        break;
    case TF_NOT_ISOLATED:
        if (ts->isolated)
            FAIL(TX("%s（%s）はすでに隔離されています", "%s%.0s is already isolated"), id);
        break;
    case TF_NOT_PRESERVED:
        if (ts->evidence > 0)
            FAIL(TX("%s（%s）の証拠はすでに保全されています",
                    "%s%.0s's evidence is already preserved"),
                 id);
        break;
    case TF_EXAMINABLE:
        if (ts->face_up && ts->shown_infected)
            FAIL(TX("%s（%s）はすでに感染が判明しています",
                    "%s%.0s is already known to be infected"),
                 id);
        break;
    default:
        break;
    }
    if (rules_has_effect(a, EF_ISOLATE) && ts->isolated)
        FAIL(TX("%s（%s）はすでに隔離されています", "%s%.0s is already isolated"), id);
    if (rules_has_effect(a, EF_PRESERVE) && ts->evidence >= (ts->has_volatile ? 2 : 1))
        FAIL(TX("%s（%s）の証拠はすでに保全されています", "%s%.0s's evidence is already preserved"),
             id);
#undef id
    return true;
}

/* Checks a room target against the action's effects. */
static bool rules_check_room(const game_state *s, const action_def *a, int r, const rules_why *why)
{
    if (r < 0 || r >= s->n_rooms)
        FAIL(TX("「%s」には対象の部屋が必要です", "%s needs a room"), ml_get(&a->name, LNG));
    const scenario_def *sc = state_scenario(s);
    if (rules_has_effect(a, EF_DEPLOY_EDR) && s->room[r].edr)
        FAIL(TX("%sにはすでにEDRが導入されています", "EDR is already deployed in %s"),
             text_room_ref(s, r, LNG));
    if (rules_has_effect(a, EF_ISOLATE_ROOM)) {
        bool any = false;
        for (int t = 0; t < s->n_terminals; t++)
            if (sc->terminals[t].room == r && !s->term[t].isolated)
                any = true;
        if (!any)
            FAIL(TX("%sの端末はすべて隔離済みです", "every terminal in %s is already isolated"),
                 text_room_ref(s, r, LNG));
    }
    return true;
}

/* The checks of an act move that do not depend on its targets (enumeration runs them once per
 * action rather than once per target: they were most of a random playout's time). */
static bool rules_check_act_head(const game_state *s, const move *m, const rules_why *why)
{
    const ruleset *rs = s->rs;
    if (s->phase != PHASE_ACTION)
        FAIL(TX("役職が行動できるのはアクションフェーズです（現在: %s）",
                "roles act in the action phase (now: %s)"),
             rules_phase_name((phase)s->phase, LNG));
    if (m->action < 0 || (size_t)m->action >= rs->n_actions)
        FAIL(TX("そのアクションはありません", "unknown action"));
    if (!rules_role_in_play(s, m->role))
        FAIL(TX("その役職はこのゲームに参加していません", "that role is not in play"));
    const action_def *a = &rs->actions[m->action];
#define aname ml_get(&a->name, LNG)
#define rname text_role(s, m->role, LNG)
    uint64_t bit = 1ull << m->action;
    int player = rules_action_role(s, m->action);
    if (player < 0)
        FAIL(TX("このシナリオには「%s」を担当する役職がいません",
                "nobody plays %s in this scenario"),
             aname);
    if (player != m->role)
        FAIL(TX("「%s」は%sの担当です", "%s is played by %s"), aname, text_role(s, player, LNG));
    if (s->passed & (1u << m->role))
        FAIL(TX("%sはこのラウンドの手番を終えています", "%s has passed this round"), rname);
    if (s->setup.mode == MODE_WORKSHOP && rules_current_role(s) != m->role)
        FAIL(TX("今は%sの手番です", "it is %s's turn"), text_role(s, rules_current_role(s), LNG));
    if (s->ap[m->role] < a->ap)
        FAIL(TX("%sのAPは残り%dです（「%s」にはAPが%d必要）", "%s has %d AP; %s costs %d"), rname,
             s->ap[m->role], aname, a->ap);
    uint32_t missing = a->requires & ~s->flags;
    if (missing) {
        flag f = rules_first_flag(missing);
        FAIL(TX("「%s」には先に「%s」が必要です%.0s", "%s needs %s (%s)"), aname, text_flag(f, LNG),
             flag_name(f));
    }
    uint32_t present = a->forbids & s->flags;
    if (present) {
        flag f = rules_first_flag(present);
        FAIL(TX("「%s」は「%s」の後には実行できません%.0s", "%s is not possible once %s (%s)"),
             aname, text_flag(f, LNG), flag_name(f));
    }
    if (a->once_per_game && (s->used_game & bit))
        FAIL(TX("「%s」は1ゲームに1回だけです（実行済み）", "%s can be played once per game"),
             aname);
    if (a->once_per_round && (s->used_round & bit))
        FAIL(TX("「%s」はこのラウンドですでに実行済みです", "%s was already played this round"),
             aname);
    if (s->bad_actions & bit) /* content error, found once at state_new */
        for (size_t i = 0; i < a->n_effects; i++) {
            const effect_info *info = rules_effect_info(a->effects[i].op);
            if (!info)
                FAIL(TX("「%s」に不明な効果があります", "%s has an unknown effect"), aname);
            if (info->needs != TGT_NONE && info->needs != a->target)
                FAIL(TX("「%s」では効果 %s を使えません（対象の種類 %s が必要）",
                        "%s cannot use %s (it needs a %s target)"),
                     aname, info->name, target_kind_name(info->needs));
        }
    return true;
#undef aname
#undef rname
}

/* The checks of an act move's targets (the head passed). */
static bool rules_check_act_targets(const game_state *s, const move *m, const rules_why *why)
{
    const action_def *a = &s->rs->actions[m->action];
#define aname ml_get(&a->name, LNG)
    switch (a->target) {
    case TGT_NONE:
        if (m->target[0] != -1 || m->target[1] != -1)
            FAIL(TX("「%s」は対象を取りません", "%s takes no target"), aname);
        return true;
    case TGT_TERMINAL:
        if (m->target[1] != -1)
            FAIL(TX("「%s」の対象は端末1台です", "%s takes one terminal"), aname);
        return rules_check_terminal(s, a, m->target[0], why);
    case TGT_ROOM:
        if (m->target[1] != -1)
            FAIL(TX("「%s」の対象は部屋1つです", "%s takes one room"), aname);
        return rules_check_room(s, a, m->target[0], why);
    case TGT_ROLE: {
        int r = m->target[0];
        if (m->target[1] != -1 || !rules_role_in_play(s, r))
            FAIL(TX("「%s」の対象はこのゲームに参加している役職です", "%s needs a role in play"),
                 aname);
        if (s->passed & (1u << r))
            FAIL(TX("%sはこのラウンドの手番を終えています", "%s has passed this round"),
                 text_role(s, r, LNG));
        return true;
    }
    case TGT_ROLE_PAIR: {
        int from = m->target[0], to = m->target[1];
        if (!rules_role_in_play(s, from) || !rules_role_in_play(s, to))
            FAIL(TX("「%s」にはこのゲームに参加している役職が2人必要です",
                    "%s needs two roles in play"),
                 aname);
        if (from == to)
            FAIL(TX("「%s」には別々の役職を2人選びます", "%s needs two different roles"), aname);
        if (s->passed & (1u << to))
            FAIL(TX("%sはこのラウンドの手番を終えています", "%s has passed this round"),
                 text_role(s, to, LNG));
        int have = s->ap[from] - (from == m->role ? a->ap : 0);
        int need = rules_transfer_amount(a);
        if (have < need)
            FAIL(TX("%sが渡せるAPは%dです（「%s」はAPを%d移します）",
                    "%s has %d AP to give; %s moves %d"),
                 text_role(s, from, LNG), have < 0 ? 0 : have, aname, need);
        return true;
    }
    }
    FAIL(TX("「%s」の対象の種類が不明です", "%s has an unknown target kind"), aname);
#undef aname
}

static bool rules_check_act(const game_state *s, const move *m, const rules_why *why)
{
    return rules_check_act_head(s, m, why) && rules_check_act_targets(s, m, why);
}

/* The phase a facilitator-side "next" is waiting in, with a reason when there is none. */
static bool rules_check_next(const game_state *s, const rules_why *why)
{
    switch (s->phase) {
    case PHASE_MALWARE:
    case PHASE_EVENT:
    case PHASE_MEETING:
        return true;
    case PHASE_SETUP:
        FAIL(TX("ゲームはまだ始まっていません（先に start で開始します）",
                "the game has not started (play \"start\" first)"));
    case PHASE_ACTION:
        FAIL(TX("役職の行動中です: 全員が手番を終えるまで進めません",
                "the roles are still acting: every role must pass first"));
    default:
        FAIL(TX("ゲームは終了しています", "the game is over"));
    }
}

/* rules_check with the reason (when why is not NULL) in why's language: the one place every
 * reason is worded. */
static bool rules_check_in(const game_state *s, const move *m, const rules_why *why)
{
    assert(s && m);
    if ((int)m->kind < 0 || m->kind >= MV_COUNT)
        FAIL(TX("その操作はありません", "unknown move"));
    if (move_is_override(m->kind) && !memchr(m->reason, '\0', sizeof m->reason))
        FAIL(TX("理由が長すぎます", "the reason is too long"));
    if (s->phase == PHASE_OVER)
        FAIL(TX("ゲームは終了しています", "the game is over"));
    bool started = s->phase != PHASE_SETUP;
#define term_id(t) text_terminal_id(s, (t)), text_terminal_kind(s, (t), LNG)
    switch (m->kind) {
    case MV_START:
        if (started)
            FAIL(TX("ゲームはすでに始まっています", "the game has already started"));
        return true;
    case MV_NEXT:
        return rules_check_next(s, why);
    case MV_ACT:
        return rules_check_act(s, m, why);
    case MV_PASS:
        if (s->phase != PHASE_ACTION)
            FAIL(TX("手番を終えるのはアクションフェーズです", "roles pass in the action phase"));
        if (!rules_role_in_play(s, m->role))
            FAIL(TX("その役職はこのゲームに参加していません", "that role is not in play"));
        if (s->passed & (1u << m->role))
            FAIL(TX("%sはすでに手番を終えています", "%s has already passed"),
                 text_role(s, m->role, LNG));
        if (s->setup.mode == MODE_WORKSHOP && rules_current_role(s) != m->role)
            FAIL(TX("今は%sの手番です", "it is %s's turn"),
                 text_role(s, rules_current_role(s), LNG));
        return true;
    case MV_NOTE:
        if (!started)
            FAIL(TX("メモはゲームが始まってから置けます",
                    "notes are pinned once the game has started"));
        if (!rules_role_in_play(s, m->role))
            FAIL(TX("その役職はこのゲームに参加していません", "that role is not in play"));
        if (m->value < MARK_NONE || m->value >= MARK_COUNT)
            FAIL(TX("そのメモの印はありません", "unknown mark"));
        if ((m->target[0] >= 0) == (m->target[1] >= 0))
            FAIL(TX("メモは端末1台か部屋1つに置きます", "a note goes on one terminal or one room"));
        if (m->target[0] >= s->n_terminals || m->target[1] >= s->n_rooms)
            FAIL(TX("その端末または部屋はありません", "no such terminal or room"));
        return true;
    case MV_BRIEFING:
        if (!started)
            FAIL(TX("ゲームはまだ始まっていません", "the game has not started"));
        return true;
    case MV_TIME:
    case MV_FAC_TIME:
        if (m->value < 0 || m->value > RULES_MAX_SECONDS)
            FAIL(TX("秒数が範囲外です（0〜%d）", "seconds out of range (0..%d)"),
                 RULES_MAX_SECONDS);
        return true;
    case MV_FAC_INFECT:
    case MV_FAC_CURE: {
        if (started)
            FAIL(TX("感染を手で配置・削除できるのは準備中だけです",
                    "infections are placed by hand only at setup"));
        int t = m->target[0];
        if (t < 0 || t >= s->n_terminals)
            FAIL(TX("その端末はありません", "no such terminal"));
        if (m->kind == MV_FAC_CURE) {
            if (!s->term[t].infected)
                FAIL(TX("%s（%s）は感染していません", "%s%.0s is not infected"), term_id(t));
            return true;
        }
        if (s->term[t].infected)
            FAIL(TX("%s（%s）はすでに感染しています", "%s%.0s is already infected"), term_id(t));
        if (m->value <= ROUTE_NONE || m->value >= ROUTE_COUNT)
            FAIL(TX("その感染経路はありません", "unknown route"));
        return true;
    }
    case MV_FAC_FLOW:
        if (s->phase != PHASE_MALWARE && s->phase != PHASE_EVENT && s->phase != PHASE_ACTION)
            FAIL(TX("通信件数を変更できるのはマルウェア・イベント・アクションフェーズです",
                    "the flow is changed in the malware, event or action phase"));
        if (m->target[0] < 0 || m->target[0] >= s->n_rooms)
            FAIL(TX("その部屋はありません", "no such room"));
        if (m->value < 0 || m->value > RULES_MAX_COUNT)
            FAIL(TX("件数が範囲外です（0〜%d）", "count out of range (0..%d)"), RULES_MAX_COUNT);
        return true;
    case MV_FAC_CHOOSE:
    case MV_FAC_INJECT:
        if (m->event < 0 || (size_t)m->event >= s->rs->n_events)
            FAIL(TX("そのイベントはありません", "no such event"));
        if (m->kind == MV_FAC_INJECT && !started)
            FAIL(TX("イベントの追加はゲームが始まってからです",
                    "events are injected once the game has started"));
        return true;
    case MV_FAC_SKIP:
        if (s->phase != PHASE_MALWARE && s->phase != PHASE_EVENT)
            FAIL(TX("イベントを取りやめられるのはカードを引く前だけです",
                    "the event is skipped before it is drawn"));
        if (s->skip_event)
            FAIL(TX("このラウンドのイベントはすでに取りやめています",
                    "this round's event is already skipped"));
        return true;
    case MV_FAC_REVEAL: {
        int t = m->target[0];
        if (!started)
            FAIL(TX("カードの公開はゲームが始まってからです",
                    "cards are revealed once the game has started"));
        if (t < 0 || t >= s->n_terminals)
            FAIL(TX("その端末はありません", "no such terminal"));
        if (s->term[t].face_up)
            FAIL(TX("%s（%s）はすでに表向きです", "%s%.0s is already face up"), term_id(t));
        return true;
    }
    default:
        break;
    }
#undef term_id
    FAIL(TX("その操作はありません", "unknown move"));
}

bool rules_check_fast(const game_state *s, const move *m, char *why, size_t why_n)
{
    if (!why)
        return rules_check_in(s, m, NULL);
    rules_why w = {why, why_n, LANG_EN};
    return rules_check_in(s, m, &w);
}

bool rules_check(const game_state *s, const move *m, char *why, size_t why_n)
{
    return rules_check_fast(s, m, why, why_n);
}

bool rules_check_lang(const game_state *s, const move *m, lang l, char *why, size_t why_n)
{
    if (!why)
        return rules_check_in(s, m, NULL);
    rules_why w = {why, why_n, l};
    return rules_check_in(s, m, &w);
}

/* ---- applying ---- */

/* Plays a checked action; returns whether every effect row allows undo. */
static bool rules_play_act(game_state *s, const move *m, log_buf *log)
{
    const action_def *a = &s->rs->actions[m->action];
    s->ap[m->role] = (int16_t)(s->ap[m->role] - a->ap);
    s->used_round |= 1ull << m->action;
    s->used_game |= 1ull << m->action;
    if (log) {
        log_entry e = play_entry(s, LOG_ACTION, VIS_PUBLIC);
        e.role = m->role;
        e.action = m->action;
        switch (a->target) {
        case TGT_TERMINAL:
            e.terminal = m->target[0];
            break;
        case TGT_ROOM:
            e.room = m->target[0];
            break;
        case TGT_ROLE:
            e.target_role = m->target[0];
            break;
        case TGT_ROLE_PAIR: /* from in target_role, to in value */
            e.target_role = m->target[0];
            e.value = m->target[1];
            break;
        default:
            break;
        }
        play_log(log, &e);
    }
    fx_ctx c = {.actor = m->role,
                .action = m->action,
                .event = -1,
                .target = {m->target[0], m->target[1]},
                .tk = a->target,
                .log = log};
    effects_run(s, &c, a->effects, a->n_effects);
    bool undo = true;
    for (size_t i = 0; i < a->n_effects; i++)
        if (!rules_effect_info(a->effects[i].op)->undoable)
            undo = false;
    return undo;
}

/* Logs a facilitator override with its reason. */
static void rules_log_override(const game_state *s, const move *m, log_buf *log)
{
    if (!log)
        return;
    log_entry e = play_entry(s, LOG_OVERRIDE, VIS_FACILITATOR);
    e.value = m->kind;
    e.amount = m->value;
    e.event = m->event;
    if (m->kind == MV_FAC_FLOW)
        e.room = m->target[0];
    else
        e.terminal = m->target[0];
    memcpy(e.reason, m->reason, sizeof e.reason);
    e.reason[sizeof e.reason - 1] = '\0';
    play_log(log, &e);
}

bool rules_apply_inplace(game_state *s, const move *m, log_buf *log, bool *undoable, char *why,
                         size_t why_n)
{
    if (!rules_check_fast(s, m, why, why_n))
        return false;
    bool undo = false;
    if (move_is_override(m->kind))
        rules_log_override(s, m, log);
    fx_ctx fac = {.actor = -1, .action = -1, .event = -1, .target = {-1, -1}, .log = log};
    switch (m->kind) {
    case MV_START:
        play_start(s, log);
        break;
    case MV_NEXT:
        play_next(s, log);
        break;
    case MV_ACT:
        undo = rules_play_act(s, m, log);
        break;
    case MV_PASS:
        undo = !play_pass(s, log, m->role);
        break;
    case MV_NOTE: {
        note_state *n = &s->note[m->role];
        bool clear = m->value == MARK_NONE;
        n->terminal = (int8_t)(clear ? -1 : m->target[0]);
        n->room = (int8_t)(clear ? -1 : m->target[1]);
        n->mark = (uint8_t)m->value;
        log_entry e = play_entry(s, LOG_NOTE, VIS_PUBLIC);
        e.role = m->role;
        e.terminal = m->target[0];
        e.room = m->target[1];
        e.value = m->value;
        play_log(log, &e);
        undo = true;
        break;
    }
    case MV_BRIEFING:
        play_briefing(s, log);
        break;
    case MV_TIME:
        s->seconds_left = m->value;
        undo = true;
        break;
    case MV_FAC_INFECT:
        s->term[m->target[0]].infected = 1;
        s->term[m->target[0]].route = (uint8_t)m->value;
        s->term[m->target[0]].infected_round = 0;
        break;
    case MV_FAC_CURE:
        s->term[m->target[0]].infected = 0;
        s->term[m->target[0]].route = ROUTE_NONE;
        break;
    case MV_FAC_FLOW: {
        room_state *rm = &s->room[m->target[0]];
        if (s->phase == PHASE_MALWARE) {
            /* Before the counts are shown: this round's count will be the facilitator's. */
            rm->pending_flow = (int16_t)(m->value + 1);
            break;
        }
        rm->shown[s->n_history - 1] = (int16_t)m->value;
        rm->overridden = 1;
        log_entry e = play_entry(s, LOG_COUNT_SHOWN, VIS_PUBLIC);
        e.room = m->target[0];
        e.amount = m->value;
        play_log(log, &e);
        break;
    }
    case MV_FAC_CHOOSE:
        s->chosen_event = (int16_t)m->event;
        break;
    case MV_FAC_SKIP:
        s->skip_event = 1;
        break;
    case MV_FAC_INJECT:
        play_event(s, log, m->event);
        break;
    case MV_FAC_REVEAL:
        play_examine(s, &fac, m->target[0]);
        break;
    case MV_FAC_TIME:
        break;
    default:
        assert(!"checked move of unknown kind");
    }
    play_check_limits(s, log);
    if (s->phase == PHASE_OVER)
        undo = false; /* the end of the game is never taken back */
    if (undoable)
        *undoable = undo;
    return true;
}

game_state *rules_apply(const game_state *s, const move *m, log_buf *log, bool *undoable, char *why,
                        size_t why_n)
{
    if (!rules_check_fast(s, m, why, why_n))
        return NULL;
    game_state *n = state_dup(s);
    bool ok = rules_apply_inplace(n, m, log, undoable, why, why_n);
    assert(ok);
    (void)ok;
    return n;
}

/* ---- enumeration ---- */

typedef struct move_sink {
    move *out;
    size_t max;
    size_t count;
} move_sink;

static void rules_sink(const game_state *s, move_sink *k, const move *m)
{
    if (!rules_check_fast(s, m, NULL, 0))
        return;
    if (k->count < k->max)
        k->out[k->count] = *m;
    k->count++;
}

/* Adds an act move whose head (rules_check_act_head) already passed, if its targets do: the
 * rest of rules_check_in holds for every act move in the action phase. */
static void rules_sink_targets(const game_state *s, move_sink *k, const move *m)
{
    if (!rules_check_act_targets(s, m, NULL))
        return;
    if (k->count < k->max)
        k->out[k->count] = *m;
    k->count++;
}

/* Every target of action a for role r. */
static void rules_enum_action(const game_state *s, move_sink *k, move *tpl, int r, int a)
{
    const action_def *ad = &s->rs->actions[a];
    if (s->ap[r] < ad->ap)
        return;
    move m = *tpl;
    m.role = r;
    m.action = a;
    assert(m.kind == MV_ACT && s->phase == PHASE_ACTION);
    if (!rules_check_act_head(s, &m, NULL))
        return;
    switch (ad->target) {
    case TGT_NONE:
        rules_sink_targets(s, k, &m);
        break;
    case TGT_TERMINAL:
        for (int t = 0; t < s->n_terminals; t++) {
            m.target[0] = t;
            rules_sink_targets(s, k, &m);
        }
        break;
    case TGT_ROOM:
        for (int t = 0; t < s->n_rooms; t++) {
            m.target[0] = t;
            rules_sink_targets(s, k, &m);
        }
        break;
    case TGT_ROLE:
        for (int i = 0; i < s->n_order; i++) {
            m.target[0] = s->order[i];
            rules_sink_targets(s, k, &m);
        }
        break;
    case TGT_ROLE_PAIR:
        for (int i = 0; i < s->n_order; i++)
            for (int j = 0; j < s->n_order; j++) {
                if (i == j)
                    continue;
                m.target[0] = s->order[i];
                m.target[1] = s->order[j];
                rules_sink_targets(s, k, &m);
            }
        break;
    }
}

size_t rules_legal_moves(const game_state *s, move *out, size_t max)
{
    move_sink k = {out, max, 0};
    move m;
    switch (s->phase) {
    case PHASE_SETUP:
        move_init(&m, MV_START);
        rules_sink(s, &k, &m);
        break;
    case PHASE_MALWARE:
    case PHASE_EVENT:
    case PHASE_MEETING:
        move_init(&m, MV_NEXT);
        rules_sink(s, &k, &m);
        break;
    case PHASE_ACTION: {
        for (int i = 0; i < s->n_order; i++) {
            int r = s->order[i];
            if (s->passed & (1u << r))
                continue;
            if (s->setup.mode == MODE_WORKSHOP && r != rules_current_role(s))
                continue;
            move tpl;
            move_init(&tpl, MV_ACT);
            for (size_t a = 0; a < s->rs->n_actions; a++)
                if (s->action_role[a] == r)
                    rules_enum_action(s, &k, &tpl, r, (int)a);
            move_init(&m, MV_PASS);
            m.role = r;
            rules_sink(s, &k, &m);
        }
        break;
    }
    default:
        break;
    }
    return k.count;
}
