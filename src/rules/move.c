/* move.c: moves as canonical text lines: parsing (with "did you mean") and formatting. */
#include "rules_internal.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define MOVE_LINE_MAX  512 /* bytes of a move line */
#define MOVE_TOKENS    8   /* words before the reason */
#define MOVE_TOKEN_MAX 64  /* bytes of one word */

void move_init(move *m, move_kind k)
{
    assert(m);
    memset(m, 0, sizeof *m);
    m->kind = k;
    m->role = -1;
    m->action = -1;
    m->target[0] = m->target[1] = -1;
    m->value = 0;
    m->event = -1;
}

bool move_is_override(move_kind k)
{
    return k >= MV_FAC_INFECT && k <= MV_FAC_TIME;
}

/* ---- words ---- */

static const char *const move_verbs[] = {"start", "next",     "act",  "pass",
                                         "note",  "briefing", "time", "fac"};
static const char *const move_fac_verbs[] = {"infect", "cure",   "flow",   "choose",
                                             "skip",   "inject", "reveal", "time"};
static const move_kind move_fac_kinds[] = {MV_FAC_INFECT, MV_FAC_CURE, MV_FAC_FLOW,
                                           MV_FAC_CHOOSE, MV_FAC_SKIP, MV_FAC_INJECT,
                                           MV_FAC_REVEAL, MV_FAC_TIME};
static const char *const move_mark_names[MARK_COUNT] = {"none", "suspect", "cleared", "watch"};

const char *rules_mark_name(mark m)
{
    return (int)m >= 0 && m < MARK_COUNT ? move_mark_names[m] : NULL;
}

int rules_mark_from_name(const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < MARK_COUNT; i++)
        if (strcmp(move_mark_names[i], s) == 0)
            return i;
    return -1;
}

static int move_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive edit distance (Levenshtein), or a large number for long words. */
static int move_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MOVE_TOKEN_MAX || lb > MOVE_TOKEN_MAX)
        return 1000;
    int row[MOVE_TOKEN_MAX + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = move_lower((unsigned char)a[i - 1]) != move_lower((unsigned char)b[j - 1]);
            int v = diag + cost;
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
        }
    }
    return row[lb];
}

/* A list of candidate ids: get(ctx, i) for i in 0..n-1 (NULL entries are skipped). */
typedef struct id_list {
    const char *(*get)(const void *ctx, int i);
    const void *ctx;
    int n;
} id_list;

static const char *move_id_array(const void *ctx, int i)
{
    return ((const char *const *)ctx)[i];
}

static const char *move_id_role(const void *ctx, int i)
{
    return ((const ruleset *)ctx)->roles[i].id;
}

static const char *move_id_action(const void *ctx, int i)
{
    return ((const ruleset *)ctx)->actions[i].id;
}

static const char *move_id_event(const void *ctx, int i)
{
    return ((const ruleset *)ctx)->events[i].id;
}

static const char *move_id_terminal(const void *ctx, int i)
{
    return ((const scenario_def *)ctx)->terminals[i].id;
}

static const char *move_id_room(const void *ctx, int i)
{
    return ((const scenario_def *)ctx)->rooms[i].id;
}

/* Exact lookup; -1 when absent. */
static int move_find(const id_list *l, const char *tok)
{
    for (int i = 0; i < l->n; i++) {
        const char *id = l->get(l->ctx, i);
        if (id && strcmp(id, tok) == 0)
            return i;
    }
    return -1;
}

/* The closest id when it is close enough to be a typo, else NULL. */
static const char *move_suggest(const id_list *lists, int n_lists, const char *tok)
{
    const char *best = NULL;
    int best_d = 1000;
    for (int k = 0; k < n_lists; k++)
        for (int i = 0; i < lists[k].n; i++) {
            const char *id = lists[k].get(lists[k].ctx, i);
            if (!id)
                continue;
            int d = move_distance(tok, id);
            if (d < best_d) {
                best_d = d;
                best = id;
            }
        }
    size_t len = strlen(tok);
    int limit = len <= 4 ? 1 : len <= 9 ? 2 : 3;
    return best && best_d <= limit ? best : NULL;
}

/* Copies a user word into dst for a message: at most 40 bytes, control bytes and invalid
 * UTF-8 replaced by '?', so a message never carries garbage to the screen. */
static void move_quote(char *dst, size_t n, const char *tok)
{
    size_t len = strlen(tok);
    if (len > 40)
        len = 40;
    bool utf8_ok = core_utf8_check(tok, len) == len;
    size_t j = 0;
    for (size_t i = 0; i < len && j + 1 < n; i++) {
        unsigned char ch = (unsigned char)tok[i];
        dst[j++] = ch < 0x20 || ch == 0x7f || (ch >= 0x80 && !utf8_ok) ? '?' : (char)ch;
    }
    dst[j] = '\0';
}

/* A reason's wording in the caller's language l (both take the same arguments). */
#define TX(ja, en) (l == LANG_JA ? (ja) : (en))

/* What kind of word a lookup wanted, named in reasons. */
typedef enum move_what {
    MW_ROLE = 0,
    MW_ACTION,
    MW_TERMINAL,
    MW_ROOM,
    MW_EVENT,
    MW_ROUTE,
    MW_MARK,
    MW_FAC,
    MW_MOVE,
    MW_PLACE,
    MW_COUNT
} move_what;

static const char *const move_what_names[MW_COUNT][2] = {
    {"役職", "role"},      {"アクション", "action"},
    {"端末", "terminal"},  {"部屋", "room"},
    {"イベント", "event"}, {"感染経路", "route"},
    {"メモの印", "mark"},  {"進行役の操作", "facilitator move"},
    {"操作", "move"},      {"端末または部屋", "terminal or room"},
};

/* Fails with "unknown <what> 'tok'" and a suggestion when one is close. */
static bool move_unknown(move_what what, const id_list *lists, int n_lists, const char *tok, lang l,
                         char *why, size_t why_n)
{
    if (!why)
        return false; /* no suggestion search when nobody reads it */
    char q[48];
    move_quote(q, sizeof q, tok);
    const char *w = move_what_names[what][l == LANG_JA ? 0 : 1];
    const char *hint = move_suggest(lists, n_lists, tok);
    if (hint)
        return text_fail(why, why_n,
                         TX("%s「%s」はありません（「%s」のことですか？）",
                            "unknown %s '%s' (did you mean '%s'?)"),
                         w, q, hint);
    return text_fail(why, why_n, TX("%s「%s」はありません", "unknown %s '%s'"), w, q);
}

/* Looks tok up in one list, failing with a suggestion. */
static bool move_lookup(move_what what, const id_list *list, const char *tok, int *out, lang l,
                        char *why, size_t why_n)
{
    *out = move_find(list, tok);
    return *out >= 0 ? true : move_unknown(what, list, 1, tok, l, why, why_n);
}

/* A decimal number 0..max (digits only). */
static bool move_number(const char *tok, int max, int *out, lang l, char *why, size_t why_n)
{
    size_t len = strlen(tok);
    bool digits = len > 0 && len <= 9;
    for (size_t i = 0; i < len && digits; i++)
        if (tok[i] < '0' || tok[i] > '9')
            digits = false;
    char q[48];
    move_quote(q, sizeof q, tok);
    if (!digits)
        return text_fail(why, why_n, TX("「%s」は数ではありません", "'%s' is not a number"), q);
    long v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (tok[i] - '0');
    if (v > max)
        return text_fail(why, why_n, TX("%ldは範囲外です（0〜%d）", "%ld is out of range (0..%d)"),
                         v, max);
    *out = (int)v;
    return true;
}

static bool move_argc(const char *verb, int have, int want, lang l, char *why, size_t why_n)
{
    if (have == want)
        return true;
    return text_fail(
        why, why_n,
        TX("「%s」の引数は%d個です%.0s（%d個あります）", "'%s' takes %d argument%s, not %d"), verb,
        want, want == 1 ? "" : "s", have);
}

static bool move_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Parses the words of an "act" line (tok[0] == "act"). */
static bool move_parse_act(const game_state *s, char **tok, int n, move *m, lang l, char *why,
                           size_t why_n)
{
    const ruleset *rs = s->rs;
    const scenario_def *sc = state_scenario(s);
    id_list roles = {move_id_role, rs, (int)rs->n_roles};
    id_list actions = {move_id_action, rs, (int)rs->n_actions};
    if (n < 3)
        return text_fail(
            why, why_n,
            TX("act には役職とアクションが必要です", "'act' needs a role and an action"));
    if (!move_lookup(MW_ROLE, &roles, tok[1], &m->role, l, why, why_n) ||
        !move_lookup(MW_ACTION, &actions, tok[2], &m->action, l, why, why_n))
        return false;
    const action_def *a = &rs->actions[m->action];
    int want = a->target == TGT_NONE ? 0 : a->target == TGT_ROLE_PAIR ? 2 : 1;
    static const char *const what[][2] = {{"は対象を取りません", "no target"},
                                          {"の対象は端末1台です", "a terminal"},
                                          {"の対象は部屋1つです", "a room"},
                                          {"の対象は役職1人です", "a role"},
                                          {"の対象は役職2人です", "two roles"}};
    if (n - 3 != want)
        return text_fail(
            why, why_n, TX("「%s」%s", "%s takes %s"), l == LANG_JA ? ml_get(&a->name, l) : a->id,
            (int)a->target >= 0 && a->target <= TGT_ROLE_PAIR ? what[a->target][l != LANG_JA]
                                                              : "?");
    for (int i = 0; i < want; i++) {
        const char *t = tok[3 + i];
        bool ok = true;
        if (a->target == TGT_TERMINAL) {
            id_list ids = {move_id_terminal, sc, (int)sc->n_terminals};
            ok = move_lookup(MW_TERMINAL, &ids, t, &m->target[i], l, why, why_n);
        } else if (a->target == TGT_ROOM) {
            id_list ids = {move_id_room, sc, (int)sc->n_rooms};
            ok = move_lookup(MW_ROOM, &ids, t, &m->target[i], l, why, why_n);
        } else {
            ok = move_lookup(MW_ROLE, &roles, t, &m->target[i], l, why, why_n);
        }
        if (!ok)
            return false;
    }
    return true;
}

/* Parses a "fac ..." line's words (tok[0] == "fac") and its reason. */
static bool move_parse_fac(const game_state *s, char **tok, int n, move *m, lang l, char *why,
                           size_t why_n)
{
    const ruleset *rs = s->rs;
    const scenario_def *sc = state_scenario(s);
    id_list verbs = {move_id_array, move_fac_verbs,
                     (int)(sizeof move_fac_verbs / sizeof *move_fac_verbs)};
    id_list terms = {move_id_terminal, sc, (int)sc->n_terminals};
    id_list rooms = {move_id_room, sc, (int)sc->n_rooms};
    id_list events = {move_id_event, rs, (int)rs->n_events};
    if (n < 2)
        return text_fail(why, why_n,
                         TX("fac には進行役の操作が必要です（infect, cure, flow, "
                            "choose, skip, inject, reveal, time）",
                            "'fac' needs a facilitator move (infect, cure, flow, "
                            "choose, skip, inject, reveal, time)"));
    int v;
    if (!move_lookup(MW_FAC, &verbs, tok[1], &v, l, why, why_n))
        return false;
    char reason[RULES_REASON_MAX];
    memcpy(reason, m->reason, sizeof reason);
    move_init(m, move_fac_kinds[v]);
    memcpy(m->reason, reason, sizeof reason);
    char **arg = tok + 2;
    int argc = n - 2;
    char verb[24];
    snprintf(verb, sizeof verb, "fac %s", move_fac_verbs[v]);
    switch (m->kind) {
    case MV_FAC_INFECT: {
        static const char *const routes[] = {"mail", "driveby", "usb", "lateral"};
        id_list rl = {move_id_array, routes, 4};
        int r;
        if (!move_argc(verb, argc, 2, l, why, why_n) ||
            !move_lookup(MW_TERMINAL, &terms, arg[0], &m->target[0], l, why, why_n) ||
            !move_lookup(MW_ROUTE, &rl, arg[1], &r, l, why, why_n))
            return false;
        m->value = ROUTE_MAIL + r;
        return true;
    }
    case MV_FAC_CURE:
    case MV_FAC_REVEAL:
        return move_argc(verb, argc, 1, l, why, why_n) &&
               move_lookup(MW_TERMINAL, &terms, arg[0], &m->target[0], l, why, why_n);
    case MV_FAC_FLOW:
        return move_argc(verb, argc, 2, l, why, why_n) &&
               move_lookup(MW_ROOM, &rooms, arg[0], &m->target[0], l, why, why_n) &&
               move_number(arg[1], RULES_MAX_COUNT, &m->value, l, why, why_n);
    case MV_FAC_CHOOSE:
    case MV_FAC_INJECT:
        return move_argc(verb, argc, 1, l, why, why_n) &&
               move_lookup(MW_EVENT, &events, arg[0], &m->event, l, why, why_n);
    case MV_FAC_SKIP:
        return move_argc(verb, argc, 0, l, why, why_n);
    case MV_FAC_TIME:
        return move_argc(verb, argc, 1, l, why, why_n) &&
               move_number(arg[0], 86400, &m->value, l, why, why_n);
    default:
        return text_fail(why, why_n,
                         TX("その進行役の操作はありません", "unknown facilitator move"));
    }
}

bool move_parse(const game_state *s, const char *line, move *out, char *why, size_t why_n)
{
    return move_parse_lang(s, line, LANG_EN, out, why, why_n);
}

bool move_parse_lang(const game_state *s, const char *line, lang l, move *out, char *why,
                     size_t why_n)
{
    assert(s && out);
    move_init(out, MV_COUNT);
    if (!line)
        return text_fail(why, why_n, TX("空の行です", "empty line"));
    size_t len = text_len(line, MOVE_LINE_MAX + 1);
    if (len > MOVE_LINE_MAX)
        return text_fail(
            why, why_n,
            TX("行が長すぎます（最大%dバイト）", "the line is too long (at most %d bytes)"),
            MOVE_LINE_MAX);
    char buf[MOVE_LINE_MAX + 1];
    memcpy(buf, line, len);
    buf[len] = '\0';

    /* The reason: everything after the first '#', trimmed. */
    char *hash = strchr(buf, '#');
    bool has_reason = hash != NULL;
    if (hash) {
        *hash = '\0';
        char *r = hash + 1;
        while (move_is_blank(*r))
            r++;
        size_t rl = strlen(r);
        while (rl > 0 && move_is_blank(r[rl - 1]))
            r[--rl] = '\0';
        if (rl >= RULES_REASON_MAX)
            return text_fail(
                why, why_n,
                TX("理由が長すぎます（最大%dバイト）", "the reason is too long (at most %d bytes)"),
                RULES_REASON_MAX - 1);
        for (size_t i = 0; i < rl; i++)
            if ((unsigned char)r[i] < 0x20 || r[i] == 0x7f)
                return text_fail(
                    why, why_n,
                    TX("理由に制御文字が含まれています", "the reason has a control character"));
        if (core_utf8_check(r, rl) != rl)
            return text_fail(
                why, why_n, TX("理由が正しいUTF-8ではありません", "the reason is not valid UTF-8"));
        memcpy(out->reason, r, rl + 1);
    }

    char *tok[MOVE_TOKENS];
    int n = 0;
    char *p = buf;
    for (;;) {
        while (move_is_blank(*p))
            p++;
        if (!*p)
            break;
        if (n == MOVE_TOKENS)
            return text_fail(why, why_n,
                             TX("語が多すぎます（最大%d語）", "too many words (at most %d)"),
                             MOVE_TOKENS);
        tok[n++] = p;
        while (*p && !move_is_blank(*p))
            p++;
        if (*p)
            *p++ = '\0';
        if (strlen(tok[n - 1]) > MOVE_TOKEN_MAX)
            return text_fail(
                why, why_n,
                TX("長すぎる語があります（最大%dバイト）", "a word is too long (at most %d bytes)"),
                MOVE_TOKEN_MAX);
    }
    if (n == 0)
        return text_fail(why, why_n, TX("空の行です", "empty line"));

    id_list verbs = {move_id_array, move_verbs, (int)(sizeof move_verbs / sizeof *move_verbs)};
    int v = move_find(&verbs, tok[0]);
    if (v < 0)
        return move_unknown(MW_MOVE, &verbs, 1, tok[0], l, why, why_n);
    if (has_reason && strcmp(tok[0], "fac") != 0)
        return text_fail(why, why_n,
                         TX("理由（# ...）を付けられるのは進行役の操作だけです",
                            "only facilitator moves take a reason ('# ...')"));

    const ruleset *rs = s->rs;
    const scenario_def *sc = state_scenario(s);
    id_list roles = {move_id_role, rs, (int)rs->n_roles};
    move m;
    move_init(&m, MV_COUNT);
    memcpy(m.reason, out->reason, sizeof m.reason);
    bool ok = false;
    switch (v) {
    case 0: /* start */
    case 1: /* next */
    case 5: /* briefing */
        m.kind = v == 0 ? MV_START : v == 1 ? MV_NEXT : MV_BRIEFING;
        ok = move_argc(tok[0], n - 1, 0, l, why, why_n);
        break;
    case 2:
        m.kind = MV_ACT;
        ok = move_parse_act(s, tok, n, &m, l, why, why_n);
        break;
    case 3:
        m.kind = MV_PASS;
        ok = move_argc("pass", n - 1, 1, l, why, why_n) &&
             move_lookup(MW_ROLE, &roles, tok[1], &m.role, l, why, why_n);
        break;
    case 4: {
        m.kind = MV_NOTE;
        if (!move_argc("note", n - 1, 3, l, why, why_n) ||
            !move_lookup(MW_ROLE, &roles, tok[1], &m.role, l, why, why_n))
            break;
        id_list places[2] = {{move_id_terminal, sc, (int)sc->n_terminals},
                             {move_id_room, sc, (int)sc->n_rooms}};
        m.target[0] = move_find(&places[0], tok[2]);
        if (m.target[0] < 0)
            m.target[1] = move_find(&places[1], tok[2]);
        if (m.target[0] < 0 && m.target[1] < 0) {
            move_unknown(MW_PLACE, places, 2, tok[2], l, why, why_n);
            break;
        }
        id_list marks = {move_id_array, move_mark_names, MARK_COUNT};
        ok = move_lookup(MW_MARK, &marks, tok[3], &m.value, l, why, why_n);
        break;
    }
    case 6:
        m.kind = MV_TIME;
        ok = move_argc("time", n - 1, 1, l, why, why_n) &&
             move_number(tok[1], 86400, &m.value, l, why, why_n);
        break;
    case 7:
        ok = move_parse_fac(s, tok, n, &m, l, why, why_n);
        break;
    default:
        break;
    }
    if (!ok)
        return false;
    *out = m;
    return true;
}

/* ---- formatting ---- */

static const char *move_safe(const char *id)
{
    return id && *id ? id : "?";
}

static const char *move_role_id(const game_state *s, int r)
{
    return r >= 0 && (size_t)r < s->rs->n_roles ? move_safe(s->rs->roles[r].id) : "?";
}

static const char *move_term_id(const game_state *s, int t)
{
    const scenario_def *sc = state_scenario(s);
    return t >= 0 && (size_t)t < sc->n_terminals ? move_safe(sc->terminals[t].id) : "?";
}

static const char *move_room_id(const game_state *s, int r)
{
    const scenario_def *sc = state_scenario(s);
    return r >= 0 && (size_t)r < sc->n_rooms ? move_safe(sc->rooms[r].id) : "?";
}

static const char *move_event_id(const game_state *s, int e)
{
    return e >= 0 && (size_t)e < s->rs->n_events ? move_safe(s->rs->events[e].id) : "?";
}

char *move_format(const game_state *s, const move *m)
{
    assert(s && m);
    core_str out = {0};
    switch (m->kind) {
    case MV_START:
        core_str_puts(&out, "start");
        break;
    case MV_NEXT:
        core_str_puts(&out, "next");
        break;
    case MV_BRIEFING:
        core_str_puts(&out, "briefing");
        break;
    case MV_ACT: {
        bool ok = m->action >= 0 && (size_t)m->action < s->rs->n_actions;
        core_str_printf(&out, "act %s %s", move_role_id(s, m->role),
                        ok ? move_safe(s->rs->actions[m->action].id) : "?");
        target_kind tk = ok ? s->rs->actions[m->action].target : TGT_NONE;
        for (int i = 0; i < 2; i++) {
            if (m->target[i] < 0)
                continue;
            const char *id = tk == TGT_TERMINAL ? move_term_id(s, m->target[i])
                             : tk == TGT_ROOM   ? move_room_id(s, m->target[i])
                                                : move_role_id(s, m->target[i]);
            core_str_printf(&out, " %s", id);
        }
        break;
    }
    case MV_PASS:
        core_str_printf(&out, "pass %s", move_role_id(s, m->role));
        break;
    case MV_NOTE:
        core_str_printf(&out, "note %s %s %s", move_role_id(s, m->role),
                        m->target[0] >= 0 ? move_term_id(s, m->target[0])
                                          : move_room_id(s, m->target[1]),
                        move_safe(rules_mark_name((mark)m->value)));
        break;
    case MV_TIME:
        core_str_printf(&out, "time %d", m->value);
        break;
    case MV_FAC_INFECT:
        core_str_printf(&out, "fac infect %s %s", move_term_id(s, m->target[0]),
                        move_safe(route_name((route)m->value)));
        break;
    case MV_FAC_CURE:
        core_str_printf(&out, "fac cure %s", move_term_id(s, m->target[0]));
        break;
    case MV_FAC_FLOW:
        core_str_printf(&out, "fac flow %s %d", move_room_id(s, m->target[0]), m->value);
        break;
    case MV_FAC_CHOOSE:
        core_str_printf(&out, "fac choose %s", move_event_id(s, m->event));
        break;
    case MV_FAC_SKIP:
        core_str_puts(&out, "fac skip");
        break;
    case MV_FAC_INJECT:
        core_str_printf(&out, "fac inject %s", move_event_id(s, m->event));
        break;
    case MV_FAC_REVEAL:
        core_str_printf(&out, "fac reveal %s", move_term_id(s, m->target[0]));
        break;
    case MV_FAC_TIME:
        core_str_printf(&out, "fac time %d", m->value);
        break;
    default:
        core_str_puts(&out, "?");
        break;
    }
    if (move_is_override(m->kind) && memchr(m->reason, '\0', sizeof m->reason) && m->reason[0])
        core_str_printf(&out, " # %s", m->reason);
    return core_str_take(&out);
}
