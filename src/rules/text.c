/* text.c: the rules' words in Japanese and English: names, log lines, effect descriptions. */
#include "rules_internal.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Length of the longest prefix of s[0..len) that does not end inside a UTF-8 character. */
static size_t text_utf8_prefix(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--; /* back to the last lead byte */
    if (i == 0)
        return len;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return i - 1 + need <= len ? len : i - 1;
}

bool text_fail(char *why, size_t why_n, const char *fmt, ...)
{
    if (why && why_n > 0) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(why, why_n, fmt, ap);
        va_end(ap);
        /* A Japanese reason cut by a small buffer must not end in half a character. */
        if (n > 0 && (size_t)n >= why_n)
            why[text_utf8_prefix(why, why_n - 1)] = '\0';
    }
    return false;
}

size_t text_len(const char *s, size_t max)
{
    const char *z = memchr(s, '\0', max);
    return z ? (size_t)(z - s) : max;
}

/* ---- fixed words: [item][lang] ---- */

typedef struct text_pair {
    const char *ja;
    const char *en;
} text_pair;

static const char *text_pick(const text_pair *p, lang l)
{
    return l == LANG_JA ? p->ja : p->en;
}

/* A flag as a noun (reasons, conditions), and as sentences when set and when cleared. */
static const text_pair text_flag_noun[FLAG_COUNT] = {
    {"C2指標の判明", "the C2 indicator"},
    {"C2通信の遮断", "the C2 block"},
    {"全社注意喚起", "the all-staff alert"},
    {"脆弱性対策", "the patch campaign"},
    {"説明会準備", "the prepared briefing"},
    {"本日の経営層報告", "today's report to management"},
    {"JPCERT/CCへの連絡", "the JPCERT/CC contact"},
    {"警察への相談", "the police consultation"},
    {"プロキシログの欠損", "the incomplete proxy logs"},
    {"攻撃者の沈黙", "the attacker's silence"},
    {"本日の報道対応", "today's answer to the press"},
};
static const text_pair text_flag_on[FLAG_COUNT] = {
    {"攻撃者のC2指標が判明した", "The attacker's C2 indicator is known"},
    {"プロキシでC2通信を遮断した", "The proxy blocks the C2"},
    {"全社に注意喚起した", "All staff have been alerted"},
    {"脆弱性対策を実施した", "The patch campaign is done"},
    {"お客様説明会の準備ができた", "The customer briefing is prepared"},
    {"本日の経営層報告を行った", "Management got today's report"},
    {"JPCERT/CCに連絡した", "JPCERT/CC has been contacted"},
    {"警察に相談した", "The police have been consulted"},
    {"プロキシログが欠けた: 次のログ分析は不正確になる",
     "The proxy logs are incomplete: the next log analysis is noisy"},
    {"攻撃者が沈黙した: 次のマルウェアフェーズは通信なし",
     "The attacker goes quiet: no beacons in the next malware phase"},
    {"報道対応を行った", "The press has been answered"},
};
static const text_pair text_flag_off[FLAG_COUNT] = {
    {"C2指標が無効になった", "The C2 indicator is no longer valid"},
    {"C2通信の遮断が効かなくなった", "The C2 block no longer works"},
    {"注意喚起の効果が切れた", "The staff alert has worn off"},
    {"脆弱性対策の効果が切れた", "The patches no longer cover everything"},
    {"説明会準備をやり直す必要がある", "The briefing must be prepared again"},
    {"新しい日: まだ経営層に報告していない", "A new day: management has no report yet"},
    {"JPCERT/CCへの連絡が未了に戻った", "The JPCERT/CC contact is reset"},
    {"警察への相談が未了に戻った", "The police consultation is reset"},
    {"ログ分析に使ったプロキシログは元に戻った", "The proxy logs are complete again"},
    {"攻撃者が活動を再開した", "The attacker is active again"},
    {"新しい日: 報道対応はまだ", "A new day: the press has not been answered"},
};
static const text_pair text_tracks[TRACK_COUNT] = {
    {"情報漏えい", "Leak"},
    {"業務影響", "Business impact"},
    {"信頼", "Trust"},
    {"証拠", "Evidence"},
};
static const text_pair text_routes[ROUTE_COUNT] = {
    {"不明", "unknown route"},
    {"メール添付", "mail attachment"},
    {"ドライブバイダウンロード", "drive-by download"},
    {"USBメモリ", "USB stick"},
    {"横展開", "lateral movement"},
};
static const text_pair text_phases[PHASE_COUNT] = {
    {"準備", "Setup"},
    {"マルウェアフェーズ", "Malware phase"},
    {"イベントフェーズ", "Event phase"},
    {"アクションフェーズ", "Action phase"},
    {"作戦会議", "Meeting"},
    {"ゲーム終了", "Game over"},
};
static const text_pair text_outcomes[OUT_COUNT] = {
    {"進行中", "In progress"},
    {"封じ込め宣言成功", "Containment declared: the attacker is out"},
    {"説明会までに封じ込め成功", "Contained before the customer briefing"},
    {"封じ込め宣言失敗: 攻撃者はまだ内部にいた",
     "Declared too early: the attacker was still inside"},
    {"説明会の時点で感染が残っていた", "The attacker was still inside at the briefing"},
    {"大規模な情報漏えい", "A mass data breach"},
    {"業務が止まってしまった", "The company stopped its own business"},
};
static const text_pair text_terms[ST_COUNT] = {
    {"封じ込め成功", "Win"},
    {"残りラウンド", "Rounds left"},
    {"証拠保全", "Evidence preserved"},
    {"信頼", "Trust"},
    {"説明会準備", "Briefing prepared"},
    {"タイムボーナス", "Time bonus"},
    {"情報漏えい", "Leak"},
    {"業務影響", "Business impact"},
};
static const text_pair text_marks[MARK_COUNT] = {
    {"なし", "none"},
    {"怪しい", "suspect"},
    {"シロ", "cleared"},
    {"要注意", "watch"},
};
static const text_pair text_day_parts[3] = {
    {"午前", "morning"}, {"午後", "afternoon"}, {"夕方", "evening"}};
static const text_pair text_overrides[MV_COUNT] = {
    [MV_FAC_INFECT] = {"感染を配置", "place an infection"},
    [MV_FAC_CURE] = {"感染を取り除く", "remove an infection"},
    [MV_FAC_FLOW] = {"不審な通信の件数を変更", "change the count shown"},
    [MV_FAC_CHOOSE] = {"次のイベントを指定", "choose the next event"},
    [MV_FAC_SKIP] = {"このラウンドのイベントなし", "no event this round"},
    [MV_FAC_INJECT] = {"イベントを追加", "inject an event"},
    [MV_FAC_REVEAL] = {"カードを公開", "reveal a card"},
    [MV_FAC_TIME] = {"時間を延長", "extend a timer"},
};

const char *text_flag(flag f, lang l)
{
    return (int)f >= 0 && f < FLAG_COUNT ? text_pick(&text_flag_noun[f], l) : "?";
}

const char *text_track(track t, lang l)
{
    return (int)t >= 0 && t < TRACK_COUNT ? text_pick(&text_tracks[t], l) : "?";
}

const char *text_route(route r, lang l)
{
    return (int)r >= 0 && r < ROUTE_COUNT ? text_pick(&text_routes[r], l) : "?";
}

const char *rules_score_term_name(score_term t, lang l)
{
    return (int)t >= 0 && t < ST_COUNT ? text_pick(&text_terms[t], l) : "?";
}

const char *rules_outcome_name(outcome o, lang l)
{
    return (int)o >= 0 && o < OUT_COUNT ? text_pick(&text_outcomes[o], l) : "?";
}

const char *rules_phase_name(phase p, lang l)
{
    return (int)p >= 0 && p < PHASE_COUNT ? text_pick(&text_phases[p], l) : "?";
}

const char *text_role(const game_state *s, int r, lang l)
{
    return r >= 0 && (size_t)r < s->rs->n_roles ? ml_get(&s->rs->roles[r].name, l) : "?";
}

const char *text_action(const game_state *s, int a, lang l)
{
    return a >= 0 && (size_t)a < s->rs->n_actions ? ml_get(&s->rs->actions[a].name, l) : "?";
}

const char *text_terminal_id(const game_state *s, int t)
{
    const scenario_def *sc = state_scenario(s);
    return t >= 0 && (size_t)t < sc->n_terminals && sc->terminals[t].id ? sc->terminals[t].id : "?";
}

const char *text_room(const game_state *s, int r, lang l)
{
    const scenario_def *sc = state_scenario(s);
    return r >= 0 && (size_t)r < sc->n_rooms ? ml_get(&sc->rooms[r].name, l) : "?";
}

const char *text_terminal_kind(const game_state *s, int t, lang l)
{
    const scenario_def *sc = state_scenario(s);
    int k = t >= 0 && (size_t)t < sc->n_terminals ? sc->terminals[t].kind : -1;
    return k >= 0 && (size_t)k < s->rs->n_kinds ? ml_get(&s->rs->kinds[k].name, l) : "?";
}

const char *text_room_ref(const game_state *s, int r, lang l)
{
    if (l == LANG_JA)
        return text_room(s, r, l);
    const scenario_def *sc = state_scenario(s);
    return r >= 0 && (size_t)r < sc->n_rooms && sc->rooms[r].id ? sc->rooms[r].id : "?";
}

/* "T03 (PC)": the terminal's id and its kind's name. */
static void text_terminal(core_str *o, const game_state *s, int t, lang l)
{
    const scenario_def *sc = state_scenario(s);
    if (t < 0 || (size_t)t >= sc->n_terminals) {
        core_str_puts(o, "?");
        return;
    }
    int k = sc->terminals[t].kind;
    const char *kind =
        k >= 0 && (size_t)k < s->rs->n_kinds ? ml_get(&s->rs->kinds[k].name, l) : "?";
    core_str_printf(o, "%s (%s)", text_terminal_id(s, t), kind);
}

/* "Role: Action" prefix of an entry caused by an action, or nothing. */
static bool text_actor(core_str *o, const game_state *s, const log_entry *e, lang l)
{
    if (e->role < 0 || e->action < 0)
        return false;
    core_str_printf(o, "%s: %s", text_role(s, e->role, l), text_action(s, e->action, l));
    return true;
}

static const char *text_arrow(lang l)
{
    return l == LANG_JA ? " → " : " -> ";
}

static void text_signed(core_str *o, int v)
{
    core_str_printf(o, "%s%d", v >= 0 ? "+" : "\xe2\x88\x92", v >= 0 ? v : -v);
}

char *rules_log_format(const game_state *s, const log_entry *e, lang l)
{
    assert(s && e);
    bool ja = l == LANG_JA;
    const scenario_def *sc = state_scenario(s);
    core_str o = {0};
    switch (e->type) {
    case LOG_START:
        core_str_printf(&o, ja ? "ゲーム開始: %s" : "The game starts: %s", ml_get(&sc->name, l));
        break;
    case LOG_ROUND: {
        core_str_printf(&o, ja ? "ラウンド%d: %d日目 " : "Round %d: day %d, ", e->round, e->amount);
        if (sc->phases_per_day == 3 && e->value >= 0 && e->value < 3)
            core_str_puts(&o, text_pick(&text_day_parts[e->value], l));
        else
            core_str_printf(&o, ja ? "第%dフェーズ" : "phase %d", e->value + 1);
        break;
    }
    case LOG_INFECTED:
        text_terminal(&o, s, e->terminal, l);
        core_str_printf(&o, ja ? " が感染 (%s)" : " infected via %s",
                        text_route((route)e->value, l));
        break;
    case LOG_BEACON:
        text_terminal(&o, s, e->terminal, l);
        if (ja)
            core_str_printf(&o, " が%sへ不審な通信 %d件", text_room(s, e->room, l), e->amount);
        else
            core_str_printf(&o, " beaconed %d into %s", e->amount, text_room(s, e->room, l));
        break;
    case LOG_NOISE:
        text_terminal(&o, s, e->terminal, l);
        if (ja)
            core_str_printf(&o, " のノイズ %d件 (%s)", e->amount, text_room(s, e->room, l));
        else
            core_str_printf(&o, " made %d noise in %s", e->amount, text_room(s, e->room, l));
        break;
    case LOG_COUNT_SHOWN:
        if (ja)
            core_str_printf(&o, "%s: 不審な通信 %d件", text_room(s, e->room, l), e->amount);
        else
            core_str_printf(&o, "%s: %d suspicious communication%s", text_room(s, e->room, l),
                            e->amount, e->amount == 1 ? "" : "s");
        break;
    case LOG_TRACK:
        core_str_printf(&o, "%s ", text_track((track)e->track, l));
        text_signed(&o, e->amount);
        core_str_printf(&o, ja ? " (現在 %d)" : " (now %d)", e->value);
        break;
    case LOG_FLAG:
        if (e->flag >= 0 && e->flag < FLAG_COUNT)
            core_str_puts(
                &o, text_pick(e->value ? &text_flag_on[e->flag] : &text_flag_off[e->flag], l));
        break;
    case LOG_EVENT:
        core_str_printf(&o, ja ? "イベント: %s" : "Event: %s",
                        e->event >= 0 && (size_t)e->event < s->rs->n_events
                            ? ml_get(&s->rs->events[e->event].title, l)
                            : "?");
        break;
    case LOG_EVENT_BLOCKED:
        core_str_printf(&o, ja ? "「%s」により無効" : "No effect thanks to %s",
                        text_flag((flag)e->flag, l));
        break;
    case LOG_NO_EVENT:
        core_str_puts(&o, ja ? "このラウンドのイベントはなし" : "No event this round");
        break;
    case LOG_TURN: {
        core_str_printf(&o, ja ? "手番: %s" : "Turn: %s", text_role(s, e->role, l));
        int p = rules_role_player(s, e->role);
        if (p >= 0 && s->setup.n_players > 1)
            core_str_printf(&o, " (%s)", s->setup.player[p]);
        break;
    }
    case LOG_ACTION:
        text_actor(&o, s, e, l);
        if (e->terminal >= 0) {
            core_str_puts(&o, text_arrow(l));
            text_terminal(&o, s, e->terminal, l);
        } else if (e->room >= 0) {
            core_str_printf(&o, "%s%s", text_arrow(l), text_room(s, e->room, l));
        } else if (e->target_role >= 0 && e->action >= 0 &&
                   s->rs->actions[e->action].target == TGT_ROLE_PAIR) {
            if (ja)
                core_str_printf(&o, " → %sから%sへ", text_role(s, e->target_role, l),
                                text_role(s, e->value, l));
            else
                core_str_printf(&o, " -> from %s to %s", text_role(s, e->target_role, l),
                                text_role(s, e->value, l));
        } else if (e->target_role >= 0) {
            core_str_printf(&o, "%s%s", text_arrow(l), text_role(s, e->target_role, l));
        }
        break;
    case LOG_PASS:
        core_str_printf(&o, ja ? "%s: 手番終了" : "%s ends the turn", text_role(s, e->role, l));
        break;
    case LOG_AP:
        core_str_printf(&o, ja ? "%s AP " : "%s ", text_role(s, e->role, l));
        text_signed(&o, e->amount);
        core_str_printf(&o, ja ? " (残り %d)" : " AP (now %d)", e->value);
        break;
    case LOG_REVEAL:
        if (text_actor(&o, s, e, l))
            core_str_puts(&o, text_arrow(l));
        else if (e->role < 0 && e->event < 0)
            core_str_puts(&o, ja ? "進行役がカードを公開: " : "The facilitator reveals ");
        text_terminal(&o, s, e->terminal, l);
        if (e->value)
            core_str_printf(&o, ja ? ": 感染 (%s)" : ": INFECTED via %s",
                            text_route((route)e->amount, l));
        else
            core_str_puts(&o, ja ? ": 異常なし" : ": clean");
        break;
    case LOG_ISOLATED:
        text_terminal(&o, s, e->terminal, l);
        core_str_puts(&o, ja ? " をネットワークから隔離した" : " is cut off the network");
        break;
    case LOG_CONTAINED:
        text_terminal(&o, s, e->terminal, l);
        core_str_puts(&o, ja ? " の感染を封じ込めた" : ": the infection is contained");
        break;
    case LOG_EVIDENCE:
        text_terminal(&o, s, e->terminal, l);
        if (ja)
            core_str_puts(&o, e->value >= 2 ? ": 証拠保全 (メモリとディスク)"
                                            : ": 証拠保全 (ディスクのみ)");
        else
            core_str_puts(&o, e->value >= 2 ? ": evidence preserved (memory and disk)"
                                            : ": evidence preserved (disk only)");
        break;
    case LOG_EVIDENCE_LOST:
        if (e->event >= 0)
            core_str_puts(&o, ja ? "社員が再起動した: " : "An employee rebooted ");
        text_terminal(&o, s, e->terminal, l);
        core_str_puts(&o, ja ? " の揮発性の証拠（メモリ）が失われた"
                             : (e->event >= 0 ? ": its volatile evidence is lost"
                                              : ": volatile evidence (memory) lost"));
        break;
    case LOG_RESULT_LOGS: {
        core_str_printf(&o,
                        ja ? "%sのログ分析: " : "Log analysis of %s: ", text_room(s, e->room, l));
        int n = 0;
        for (int t = 0; t < s->n_terminals && t < 64; t++) {
            if (!((e->mask >> t) & 1))
                continue;
            if (n++)
                core_str_puts(&o, ja ? "、" : ", ");
            text_terminal(&o, s, t, l);
        }
        if (n == 0)
            core_str_puts(&o, ja ? "不審な通信は見つからない" : "no beacon found");
        if (e->value)
            core_str_puts(&o, ja ? " (確実)" : " (exact)");
        else
            core_str_puts(&o, ja ? " (おとりを含むかもしれない)" : " (may name a decoy)");
        break;
    }
    case LOG_RESULT_PROFILE:
        if (ja)
            core_str_printf(&o, "攻撃者プロファイリング: %s、活動中の感染 %d台、拡散率 %d%%",
                            ml_get(&sc->malware, l), e->amount, e->value);
        else
            core_str_printf(&o, "Attacker profile: %s, %d active infection%s, spreads at %d%%",
                            ml_get(&sc->malware, l), e->amount, e->amount == 1 ? "" : "s",
                            e->value);
        break;
    case LOG_EDR:
        core_str_printf(&o, ja ? "%sにEDRを導入した" : "EDR deployed in %s",
                        text_room(s, e->room, l));
        break;
    case LOG_TIP:
        core_str_printf(&o,
                        ja ? "ヘルプデスクへの情報: %sの端末の様子がおかしい"
                           : "Helpdesk tip: a machine in %s is acting strangely",
                        text_room(s, e->room, l));
        break;
    case LOG_NOTE:
        if (e->value == MARK_NONE) {
            core_str_printf(&o, ja ? "%sがメモを外した" : "%s removes the note",
                            text_role(s, e->role, l));
            break;
        }
        core_str_printf(&o, ja ? "%sのメモ: " : "%s marks ", text_role(s, e->role, l));
        if (e->terminal >= 0)
            text_terminal(&o, s, e->terminal, l);
        else
            core_str_puts(&o, text_room(s, e->room, l));
        core_str_printf(&o, ja ? " = %s" : ": %s",
                        e->value > 0 && e->value < MARK_COUNT ? text_pick(&text_marks[e->value], l)
                                                              : "?");
        break;
    case LOG_MEETING:
        core_str_puts(&o,
                      ja ? "作戦会議: 今だけ自由に話せます" : "Meeting: you may talk freely now");
        break;
    case LOG_DAY_END:
        core_str_printf(&o, ja ? "%d日目が終わった" : "End of day %d", e->amount);
        break;
    case LOG_SPREAD:
        core_str_puts(&o, ja ? "横展開: " : "Spread: ");
        text_terminal(&o, s, e->terminal, l);
        core_str_puts(&o, text_arrow(l));
        text_terminal(&o, s, e->terminal2, l);
        break;
    case LOG_OVERRIDE: {
        const text_pair *what = e->value >= 0 && e->value < MV_COUNT && text_overrides[e->value].en
                                    ? &text_overrides[e->value]
                                    : NULL;
        core_str_printf(&o, ja ? "進行役の操作: %s" : "Facilitator override: %s",
                        what ? text_pick(what, l) : "?");
        switch (e->value) {
        case MV_FAC_INFECT:
            core_str_puts(&o, " ");
            text_terminal(&o, s, e->terminal, l);
            core_str_printf(&o, " (%s)", text_route((route)e->amount, l));
            break;
        case MV_FAC_CURE:
        case MV_FAC_REVEAL:
            core_str_puts(&o, " ");
            text_terminal(&o, s, e->terminal, l);
            break;
        case MV_FAC_FLOW:
            core_str_printf(&o, ja ? " %s → %d件" : " %s -> %d", text_room(s, e->room, l),
                            e->amount);
            break;
        case MV_FAC_CHOOSE:
        case MV_FAC_INJECT:
            core_str_printf(&o, " %s",
                            e->event >= 0 && (size_t)e->event < s->rs->n_events
                                ? ml_get(&s->rs->events[e->event].title, l)
                                : "?");
            break;
        case MV_FAC_TIME:
            core_str_printf(&o, ja ? " %d秒" : " %d s", e->amount);
            break;
        default:
            break;
        }
        if (e->reason[0])
            core_str_printf(&o, ja ? "（理由: %s）" : " (reason: %s)", e->reason);
        break;
    }
    case LOG_BRIEFING:
        core_str_puts(&o, ja ? "お客様説明会の時間になった" : "The customer briefing is held");
        break;
    case LOG_DECLARE:
        core_str_puts(&o, ja ? "コマンダーが封じ込めを宣言した" : "Containment is declared");
        break;
    case LOG_OVER:
        core_str_printf(&o, ja ? "ゲーム終了: %s" : "Game over: %s",
                        rules_outcome_name((outcome)e->value, l));
        break;
    default:
        core_str_puts(&o, "?");
        break;
    }
    return core_str_take(&o);
}

/* ---- effect descriptions ---- */

/* Who an effect's role argument names. */
static const char *text_effect_role(const ruleset *rs, int role, lang l)
{
    bool ja = l == LANG_JA;
    switch (role) {
    case ROLE_TARGET:
        return ja ? "指定した役職" : "the chosen role";
    case ROLE_RANDOM:
        return ja ? "ランダムな役職" : "a random role";
    case ROLE_ACTOR:
        return ja ? "実行した役職" : "the acting role";
    case ROLE_SOURCE:
        return ja ? "1人目の役職" : "the first role";
    default:
        return role >= 0 && (size_t)role < rs->n_roles ? ml_get(&rs->roles[role].name, l) : "?";
    }
}

/* "A, B" list of flag nouns in mask. */
static void text_flag_list(core_str *o, uint32_t mask, lang l, const char *en_join)
{
    int n = 0;
    for (int f = 0; f < FLAG_COUNT; f++) {
        if (!(mask & (1u << f)))
            continue;
        if (n++)
            core_str_puts(o, l == LANG_JA ? "・" : en_join);
        core_str_puts(o, text_flag((flag)f, l));
    }
}

char *rules_effect_describe(const ruleset *rs, const effect *e, lang l)
{
    assert(rs && e);
    bool ja = l == LANG_JA;
    core_str o = {0};
    const char *kind =
        e->kind >= 0 && (size_t)e->kind < rs->n_kinds ? ml_get(&rs->kinds[e->kind].name, l) : NULL;
    switch (e->op) {
    case EF_TRACK:
        core_str_printf(&o, "%s ", text_track((track)e->track, l));
        text_signed(&o, e->amount);
        break;
    case EF_SET_FLAG:
    case EF_CLEAR_FLAG:
    case EF_FLAG_NEXT_ROUND:
        if (e->op == EF_FLAG_NEXT_ROUND)
            core_str_puts(&o, ja ? "次のラウンドから: " : "From the next round: ");
        if (e->flag >= 0 && e->flag < FLAG_COUNT)
            core_str_puts(&o, text_pick(e->op == EF_CLEAR_FLAG ? &text_flag_off[e->flag]
                                                               : &text_flag_on[e->flag],
                                        l));
        break;
    case EF_GAIN_AP:
    case EF_LOSE_AP:
        core_str_printf(&o, ja ? "%sのAP " : "%s ", text_effect_role(rs, e->role, l));
        text_signed(&o, e->op == EF_GAIN_AP ? e->amount : -e->amount);
        core_str_puts(&o, ja ? "（このラウンド）" : " AP this round");
        break;
    case EF_TRANSFER_AP:
        core_str_printf(&o,
                        ja ? "1人目の役職から2人目の役職へAPを%d移す"
                           : "Move %d AP from the first role to the second",
                        e->amount);
        break;
    case EF_EXAMINE:
        core_str_puts(&o, ja ? "端末を表にする: 感染の有無と経路が分かる"
                             : "Turn the terminal face up: infected or clean, and the route");
        break;
    case EF_PRESERVE:
        core_str_puts(&o, ja ? "端末の証拠を保全する（メモリが残っていればメモリも）"
                             : "Preserve the terminal's evidence (memory too while it lasts)");
        break;
    case EF_LOG_ANALYSIS:
        core_str_puts(&o, ja ? "非公開: 部屋のどの端末が前のラウンドに不審な通信をしたか"
                             : "Private: which terminals of the room beaconed last round");
        break;
    case EF_PROFILE:
        core_str_puts(&o, ja ? "非公開: マルウェアの種類、拡散率、活動中の感染数"
                             : "Private: the malware family, its spread rate and the active "
                               "infections");
        break;
    case EF_ISOLATE:
        core_str_puts(&o, ja ? "端末を隔離する（感染していなければ業務影響 +1）"
                             : "Isolate the terminal (a clean one costs Business impact +1)");
        break;
    case EF_ISOLATE_ROOM:
        core_str_puts(&o, ja ? "部屋の全端末を隔離する（感染していない端末ごとに業務影響 +1）"
                             : "Isolate every terminal of the room (Business impact +1 per "
                               "clean one)");
        break;
    case EF_DEPLOY_EDR:
        core_str_puts(&o, ja ? "部屋にEDRを導入する: ログ分析が確実になる"
                             : "Deploy EDR in the room: its log analysis becomes exact");
        break;
    case EF_DECLARE:
        core_str_puts(&o, ja ? "封じ込めを宣言する（ゲーム終了）"
                             : "Declare containment (the game ends)");
        break;
    case EF_INFECT:
        if (ja)
            core_str_printf(&o, "%s%sが新たに感染する（%s）", kind ? kind : "端末",
                            e->room == ROOM_TARGET ? "（指定した部屋）" : "",
                            text_route((route)e->route, l));
        else
            core_str_printf(&o, "A new infection of a %s%s via %s", kind ? kind : "terminal",
                            e->room == ROOM_TARGET ? " in the room" : "",
                            text_route((route)e->route, l));
        break;
    case EF_LOSE_VOLATILE:
        if (ja)
            core_str_printf(&o, "社員が%sを再起動する: 揮発性の証拠が失われる",
                            kind ? kind : "端末");
        else
            core_str_printf(&o, "An employee reboots a %s: its volatile evidence is lost",
                            kind ? kind : "terminal");
        break;
    case EF_NOISE:
        if (ja)
            core_str_printf(&o, "%sの不審な通信 +%d件",
                            e->room == ROOM_TARGET ? "指定した部屋" : "ある部屋", e->amount);
        else
            core_str_printf(&o, "+%d suspicious communications in %s", e->amount,
                            e->room == ROOM_TARGET ? "the room" : "a room");
        break;
    case EF_TIP:
        core_str_puts(&o, ja ? "通報により、感染中の端末がある部屋が分かる"
                             : "A tip names the room of an active infection");
        break;
    case EF_SPREAD:
        core_str_puts(&o, ja ? "活動中の感染がただちに拡散を試みる"
                             : "Every active infection tries to spread now");
        break;
    default:
        core_str_puts(&o, "?");
        break;
    }
    if (e->unless) {
        if (ja) {
            core_str_puts(&o, "（「");
            text_flag_list(&o, e->unless, l, " or ");
            core_str_puts(&o, "」があれば無効）");
        } else {
            core_str_puts(&o, " unless ");
            text_flag_list(&o, e->unless, l, " or ");
        }
    }
    if (e->only_if) {
        if (ja) {
            core_str_puts(&o, "（「");
            text_flag_list(&o, e->only_if, l, " and ");
            core_str_puts(&o, "」があるときのみ）");
        } else {
            core_str_puts(&o, " only with ");
            text_flag_list(&o, e->only_if, l, " and ");
        }
    }
    return core_str_take(&o);
}
