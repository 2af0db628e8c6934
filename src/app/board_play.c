/* board_play.c: what the player is doing on the board, played through the match.
 *
 * Holds the board's interaction logic apart from drawing and input decoding: choosing an
 * action and its legal targets, playing moves (with autosave and the stdout lines the
 * end-to-end test waits on), undo, note markers, the "pass the screen" curtain for private
 * results, the meeting countdown, and the computer facilitator that plays the hidden side's
 * `start` / `next` after short real-time pauses so the room can follow. Everything here is UI
 * state in a->board: undo of the match never restores it; board_play_sync() re-derives it from the
 * match after every change.
 */
#include "board.h"
#include "facil.h"
#include "solo.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Real-time pacing of the computer facilitator (ms): the room can follow what happens. */
enum {
    PACE_SETUP_MS = 700,    /* before `start` */
    PACE_MALWARE_MS = 1000, /* before the malware acts (counts then count up) */
    PACE_EVENT_MS = 1200,   /* before the event card is drawn (after the counts settle) */
    PACE_OVER_MS = 1800,    /* the final board stays up before the end screen */
    MESSAGE_MS = 4500       /* a message stays in the message bar */
};

static const game_state *play_state(const app *a)
{
    assert(a->match);
    return match_state(a->match);
}

const char *board_play_tr(const app *a, const char *msgid)
{
    if (a->lang == LANG_JA && a->catalogue) {
        const char *t = i18n_pget(a->catalogue, "board", msgid);
        if (t != msgid)
            return t;
    }
    return app_tr(a, msgid);
}

const char *board_play_phase_id(phase p)
{
    static const char *const names[PHASE_COUNT] = {"setup",  "malware", "event",
                                                   "action", "meeting", "over"};
    return (p >= 0 && p < PHASE_COUNT) ? names[p] : "?";
}

/* Copies src into dst (n bytes) without cutting a UTF-8 character in two. */
static void play_copy_utf8(char *dst, size_t n, const char *src)
{
    if (n == 0)
        return;
    size_t len = strlen(src);
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--; /* src[len] would start a cut character: stop before it */
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

void board_play_message(app *a, const char *text)
{
    play_copy_utf8(a->board.message, sizeof a->board.message, text ? text : "");
    a->board.message_ms = MESSAGE_MS;
}

/* Message "<prefix>: <reason>" with the prefix translated. */
static void play_message2(app *a, const char *prefix_msgid, const char *reason)
{
    char buf[RULES_WHY_MAX * 2];
    snprintf(buf, sizeof buf, "%s: %s", board_play_tr(a, prefix_msgid), reason);
    board_play_message(a, buf);
}

int board_play_acting_role(const app *a)
{
    const game_state *s = play_state(a);
    clock_view c;
    rules_clock(s, &c);
    int chosen = a->board.active_role;
    if (c.phase == PHASE_ACTION) {
        if (state_setup(s)->mode == MODE_WORKSHOP)
            return rules_current_role(s);
        /* solo: the player holds every role and picks which one acts */
        if (chosen >= 0 && rules_role_in_play(s, chosen) && !rules_passed(s, chosen))
            return chosen;
        return rules_current_role(s);
    }
    if (chosen >= 0 && rules_role_in_play(s, chosen))
        return chosen;
    int first;
    return rules_turn_order(s, &first, 1) ? first : -1;
}

int board_play_role_actions(const app *a, int role, int *out)
{
    const game_state *s = play_state(a);
    const ruleset *rs = state_ruleset(s);
    int n = 0;
    if (role < 0)
        return 0;
    for (size_t i = 0; i < rs->n_actions && n < BOARD_MAX_ACTIONS; i++)
        if (rules_action_role(s, (int)i) == role)
            out[n++] = (int)i;
    return n;
}

/* The act move of role for action act with the given targets. */
static move play_act_move(int role, int act, int t0, int t1)
{
    move m;
    move_init(&m, MV_ACT);
    m.role = role;
    m.action = act;
    m.target[0] = t0;
    m.target[1] = t1;
    return m;
}

/* How many candidate ids a target kind ranges over in this game. */
static int play_candidates(const game_state *s, target_kind k)
{
    const scenario_def *sc = state_scenario(s);
    switch (k) {
    case TGT_TERMINAL:
        return (int)sc->n_terminals;
    case TGT_ROOM:
        return (int)sc->n_rooms;
    case TGT_ROLE:
    case TGT_ROLE_PAIR: {
        int team[RULES_MAX_ROLES];
        return (int)rules_turn_order(s, team, RULES_MAX_ROLES);
    }
    default:
        return 1;
    }
}

/* The id of candidate i of a target kind: terminals and rooms by index, roles in turn order
 * (so Tab walks the team strip in its order). */
static int play_candidate(const game_state *s, target_kind k, int i)
{
    if (k != TGT_ROLE && k != TGT_ROLE_PAIR)
        return i;
    int team[RULES_MAX_ROLES];
    int n = (int)rules_turn_order(s, team, RULES_MAX_ROLES);
    return i >= 0 && i < n ? team[i] : -1;
}

bool board_play_action_playable(const app *a, int role, int act, char *why, size_t why_n)
{
    const game_state *s = play_state(a);
    const action_def *ad = &state_ruleset(s)->actions[act];
    char first[RULES_WHY_MAX] = "";
    bool same = true;
    int n = play_candidates(s, ad->target);
    for (int i = 0; i < n; i++) {
        int jn = ad->target == TGT_ROLE_PAIR ? n : 1;
        for (int j = 0; j < jn; j++) {
            move m = play_act_move(
                role, act, ad->target == TGT_NONE ? -1 : play_candidate(s, ad->target, i),
                ad->target == TGT_ROLE_PAIR ? play_candidate(s, ad->target, j) : -1);
            if (ad->target == TGT_ROLE_PAIR && i == j)
                continue;
            char r[RULES_WHY_MAX] = "";
            if (rules_check_lang(s, &m, a->lang, r, sizeof r))
                return true;
            if (!first[0])
                snprintf(first, sizeof first, "%s", r);
            else if (strcmp(first, r) != 0)
                same = false;
        }
    }
    if (why && why_n) {
        if (same || ad->target == TGT_NONE)
            play_copy_utf8(why, why_n, first);
        else
            play_copy_utf8(why, why_n, board_play_tr(a, "no legal target now"));
    }
    return false;
}

static void targets_add(board_targets *t, board_target_kind k, int id)
{
    if (t->n < BOARD_MAX_TARGETS) {
        t->item[t->n].kind = k;
        t->item[t->n].id = id;
        t->n++;
    }
}

bool board_play_targets_has(const board_targets *t, board_target_kind k, int id)
{
    for (int i = 0; i < t->n; i++)
        if (t->item[i].kind == k && t->item[i].id == id)
            return true;
    return false;
}

void board_play_targets(const app *a, board_targets *out)
{
    memset(out, 0, sizeof *out);
    const game_state *s = play_state(a);
    const scenario_def *sc = state_scenario(s);
    const board_ui *b = &a->board;
    if (b->mode == BM_NOTE_TARGET) {
        for (size_t t = 0; t < sc->n_terminals; t++)
            targets_add(out, BT_TERMINAL, (int)t);
        for (size_t r = 0; r < sc->n_rooms; r++)
            targets_add(out, BT_ROOM, (int)r);
        return;
    }
    if (b->mode != BM_TARGET || b->selected_action < 0)
        return;
    int role = board_play_acting_role(a);
    int act = b->selected_action;
    const action_def *ad = &state_ruleset(s)->actions[act];
    int n = play_candidates(s, ad->target);
    switch (ad->target) {
    case TGT_NONE:
        targets_add(out, BT_NONE, act);
        break;
    case TGT_TERMINAL:
    case TGT_ROOM:
    case TGT_ROLE:
        for (int i = 0; i < n; i++) {
            int id = play_candidate(s, ad->target, i);
            move m = play_act_move(role, act, id, -1);
            if (rules_check(s, &m, NULL, 0))
                targets_add(out,
                            ad->target == TGT_TERMINAL ? BT_TERMINAL
                            : ad->target == TGT_ROOM   ? BT_ROOM
                                                       : BT_ROLE,
                            id);
        }
        break;
    case TGT_ROLE_PAIR:
        /* two steps: the role that gives (some receiver must exist), then the receiver */
        for (int i = 0; i < n; i++) {
            int id = play_candidate(s, ad->target, i);
            for (int j = 0; j < n; j++) {
                int from = b->pending_target >= 0 ? b->pending_target : id;
                int to = b->pending_target >= 0 ? id : play_candidate(s, ad->target, j);
                if (from == to)
                    continue;
                move m = play_act_move(role, act, from, to);
                if (rules_check(s, &m, NULL, 0)) {
                    targets_add(out, BT_ROLE, id);
                    break;
                }
                if (b->pending_target >= 0)
                    break; /* the second step has one candidate per i */
            }
        }
        break;
    }
}

/* Clears the selection and menus (not the curtain). */
static void play_clear_selection(app *a)
{
    a->board.mode = BM_IDLE;
    a->board.selected_action = -1;
    a->board.pending_target = -1;
    a->board.note_target = -1;
    a->board.focus = -1; /* no keyboard focus ring until a key moves it */
}

/* True when an action ends the game (declare): it wants a confirmation. */
static bool play_action_is_final(const ruleset *rs, int act)
{
    const action_def *ad = &rs->actions[act];
    for (size_t i = 0; i < ad->n_effects; i++) {
        const effect_info *ei = rules_effect_info(ad->effects[i].op);
        if (ei && strcmp(ei->name, "declare") == 0)
            return true;
    }
    return false;
}

bool board_play_move(app *a, const move *m, char *why, size_t why_n)
{
    char *line = move_format(play_state(a), m);
    /* the reason in the players' language (match_play's is English, for saves and tools) */
    bool ok = rules_check_lang(play_state(a), m, a->lang, why, why_n);
    if (ok)
        solo_record_time(a, m); /* solo: the clock goes into the game before a player's move */
    ok = ok && match_play(a->match, m, why, why_n);
    if (ok) {
        /* saved first: a line on stdout means the move is on disk (the kill test relies on it) */
        app_autosave(a);
        printf("malcon: move %s\n", line);
        fflush(stdout);
        /* what the bar said was about the move before ("Enter or click again to play it."):
         * left there it read as if it were about the next turn */
        a->board.message_ms = 0;
        play_clear_selection(a);
        board_play_sync(a);
    }
    free(line);
    return ok;
}

/* True when the board takes no game input now (curtain, result or game over). */
static bool play_blocked(const app *a)
{
    return a->board.curtain || a->board.result_shown || rules_outcome(play_state(a)) != OUT_ONGOING;
}

void board_play_choose_action(app *a, int act, bool from_keyboard)
{
    if (play_blocked(a))
        return;
    const game_state *s = play_state(a);
    clock_view c;
    rules_clock(s, &c);
    int role = board_play_acting_role(a);
    if (c.phase != PHASE_ACTION || role < 0) {
        board_play_message(a, board_play_tr(a, "Actions are played in the action phase."));
        return;
    }
    char why[RULES_WHY_MAX];
    if (!board_play_action_playable(a, role, act, why, sizeof why)) {
        play_message2(a, "Not possible", why);
        return;
    }
    const ruleset *rs = state_ruleset(s);
    const action_def *ad = &rs->actions[act];
    bool armed = a->board.mode == BM_TARGET && a->board.selected_action == act;
    if (ad->target == TGT_NONE && !from_keyboard && (!play_action_is_final(rs, act) || armed)) {
        move m = play_act_move(role, act, -1, -1);
        if (!board_play_move(a, &m, why, sizeof why))
            play_message2(a, "Not possible", why);
        return;
    }
    play_clear_selection(a);
    a->board.mode = BM_TARGET;
    a->board.selected_action = act;
    a->board.focus = from_keyboard ? 0 : -1;
    if (ad->target == TGT_NONE)
        board_play_message(
            a, board_play_tr(a, play_action_is_final(rs, act)
                                    ? "This ends the game now. Enter or click again to confirm."
                                    : "Enter or click again to play it."));
}

void board_play_choose_target(app *a, board_target_kind k, int id)
{
    if (play_blocked(a))
        return;
    board_ui *b = &a->board;
    if (b->mode == BM_NOTE_TARGET) {
        if (k == BT_TERMINAL || k == BT_ROOM)
            board_play_note_open(a, k, id, b->hover_x, b->hover_y);
        return;
    }
    if (b->mode != BM_TARGET || b->selected_action < 0)
        return;
    const game_state *s = play_state(a);
    const action_def *ad = &state_ruleset(s)->actions[b->selected_action];
    int role = board_play_acting_role(a);
    board_target_kind want = ad->target == TGT_TERMINAL ? BT_TERMINAL
                             : ad->target == TGT_ROOM   ? BT_ROOM
                             : ad->target == TGT_NONE   ? BT_NONE
                                                        : BT_ROLE;
    if (k != want) {
        static const char *const need[] = {"", "Choose a terminal.", "Choose a room.",
                                           "Choose a role."};
        board_play_message(a, board_play_tr(a, need[want]));
        return;
    }
    char why[RULES_WHY_MAX];
    if (ad->target == TGT_ROLE_PAIR && b->pending_target < 0) {
        /* first step: the role that gives; legal when some receiver exists */
        board_targets t;
        board_play_targets(a, &t);
        if (board_play_targets_has(&t, BT_ROLE, id)) {
            b->pending_target = id;
            b->focus = -1; /* Tab starts at the first receiver */
            return;
        }
        int other = -1, team[RULES_MAX_ROLES];
        int n_team = (int)rules_turn_order(s, team, RULES_MAX_ROLES);
        for (int i = 0; i < n_team && other < 0; i++)
            if (team[i] != id)
                other = team[i];
        move m = play_act_move(role, b->selected_action, id, other);
        if (!rules_check_lang(s, &m, a->lang, why, sizeof why))
            play_message2(a, "Not possible", why);
        return;
    }
    move m;
    if (ad->target == TGT_ROLE_PAIR)
        m = play_act_move(role, b->selected_action, b->pending_target, id);
    else
        m = play_act_move(role, b->selected_action, k == BT_NONE ? -1 : id, -1);
    if (!rules_check_lang(s, &m, a->lang, why, sizeof why)) {
        play_message2(a, "Not possible", why);
        return;
    }
    if (!board_play_move(a, &m, why, sizeof why))
        play_message2(a, "Not possible", why);
}

void board_play_cancel(app *a)
{
    board_ui *b = &a->board;
    if (b->notebook_open) {
        b->notebook_open = false;
        return;
    }
    if (b->mode == BM_TARGET && b->pending_target >= 0) {
        b->pending_target = -1; /* back one step of a role pair */
        return;
    }
    play_clear_selection(a);
}

void board_play_end_turn(app *a)
{
    if (play_blocked(a))
        return;
    int role = board_play_acting_role(a);
    move m;
    move_init(&m, MV_PASS);
    m.role = role;
    char why[RULES_WHY_MAX];
    if (role < 0 || !board_play_move(a, &m, why, sizeof why))
        play_message2(a, board_play_tr(a, "Cannot end the turn"),
                      role < 0 ? board_play_tr(a, "it is not the action phase") : why);
}

void board_play_undo(app *a)
{
    if (a->board.curtain || a->board.result_shown)
        return;
    solo_undo_time(a); /* the clock's records go back with the move they came before */
    size_t n = match_moves(a->match);
    if (!match_can_undo(a->match) || !match_undo(a->match)) {
        const char *reason = "nothing to undo";
        if (n > 0) {
            const char *last = match_move_line(a->match, n - 1);
            if (strncmp(last, "act ", 4) == 0)
                reason = "that action revealed hidden facts or drew chance";
            else
                reason = "the facilitator's move cannot be taken back";
        }
        play_message2(a, board_play_tr(a, "Cannot undo"), board_play_tr(a, reason));
        return;
    }
    solo_undo_time(a);
    app_autosave(a); /* before the line, as for moves */
    printf("malcon: undo\n");
    fflush(stdout);
    play_clear_selection(a);
    board_play_sync(a);
    board_play_message(a, board_play_tr(a, "Undone."));
}

void board_play_note_open(app *a, board_target_kind k, int id, int x, int y)
{
    if (play_blocked(a) || (k != BT_TERMINAL && k != BT_ROOM))
        return;
    play_clear_selection(a);
    a->board.mode = BM_NOTE_MARK;
    a->board.note_kind = k;
    a->board.note_target = id;
    a->board.note_x = x;
    a->board.note_y = y;
    a->board.focus = 0;
}

void board_play_note_pin(app *a, mark mk)
{
    board_ui *b = &a->board;
    if (b->mode != BM_NOTE_MARK || b->note_target < 0)
        return;
    move m;
    move_init(&m, MV_NOTE);
    m.role = board_play_acting_role(a);
    m.target[0] = b->note_kind == BT_TERMINAL ? b->note_target : -1;
    m.target[1] = b->note_kind == BT_ROOM ? b->note_target : -1;
    m.value = (int)mk;
    char why[RULES_WHY_MAX];
    if (m.role < 0 || !board_play_move(a, &m, why, sizeof why))
        play_message2(a, board_play_tr(a, "Cannot pin the note"),
                      m.role < 0 ? board_play_tr(a, "no role in play") : why);
    play_clear_selection(a);
}

bool board_play_entry_private(const app *a, const log_entry *e)
{
    const game_state *s = play_state(a);
    if (e->vis != VIS_ROLE || state_setup(s)->mode == MODE_SOLO)
        return false;
    viewer pub = {VIEW_PUBLIC, -1};
    return !rules_visible(s, pub, e);
}

/* The end of the log entries of the move whose entries include index i. */
static size_t play_move_end(const match *m, size_t i)
{
    size_t n = match_moves(m);
    for (size_t k = 0; k < n; k++)
        if (match_log_start(m, k + 1) > i)
            return match_log_start(m, k + 1);
    return match_log(m)->count;
}

void board_play_curtain_confirm(app *a)
{
    board_ui *b = &a->board;
    if (b->curtain) {
        b->curtain = false;
        b->result_shown = true;
        printf("malcon: result %s\n", state_ruleset(play_state(a))->roles[b->curtain_role].id);
        fflush(stdout);
        return;
    }
    if (b->result_shown) {
        b->result_shown = false;
        b->log_seen = play_move_end(a->match, b->curtain_log);
        board_play_message(a, board_play_tr(a, "Filed in the notebook (on this role's turn: N, or "
                                               "a click on the role card)."));
        board_play_sync(a); /* another private result of the same turn may wait */
    }
}

void board_play_meeting_end(app *a)
{
    clock_view c;
    rules_clock(play_state(a), &c);
    if (c.phase != PHASE_MEETING || play_blocked(a))
        return;
    move m;
    move_init(&m, MV_NEXT);
    char why[RULES_WHY_MAX];
    if (!board_play_move(a, &m, why, sizeof why))
        play_message2(a, "Not possible", why);
}

int board_play_count_shown(const app *a, int room)
{
    const board_ui *b = &a->board;
    if (room < 0 || room >= RULES_MAX_ROOMS)
        return 0;
    int from = b->count_from[room], to = b->count_to[room];
    uint32_t left = b->count_ms[room];
    if (left == 0 || from == to)
        return to;
    int done =
        (int)(BOARD_ANIM_COUNT_MS - (left > BOARD_ANIM_COUNT_MS ? BOARD_ANIM_COUNT_MS : left));
    return from + (to - from) * done / BOARD_ANIM_COUNT_MS;
}

/* The facilitator's pause before it acts in phase p. */
static uint32_t play_pace(phase p)
{
    switch (p) {
    case PHASE_SETUP:
        return PACE_SETUP_MS;
    case PHASE_MALWARE:
        return PACE_MALWARE_MS;
    case PHASE_EVENT:
        return PACE_EVENT_MS;
    case PHASE_OVER:
        return PACE_OVER_MS;
    default:
        return 0;
    }
}

void board_play_sync(app *a)
{
    board_ui *b = &a->board;
    const game_state *s = play_state(a);
    const ruleset *rs = state_ruleset(s);
    const scenario_def *sc = state_scenario(s);
    clock_view c;
    rules_clock(s, &c);

    if (c.round != b->shown_round && c.round > 0) {
        printf("malcon: round %d\n", c.round);
        b->shown_round = c.round;
    }
    if ((int)c.phase != b->shown_phase) {
        printf("malcon: phase %s\n", board_play_phase_id(c.phase));
        b->shown_phase = (int)c.phase;
        b->facilitator_wait_ms = play_pace(c.phase);
        if (c.phase == PHASE_MEETING)
            b->meeting_ms_left =
                (uint32_t)(sc->meeting_seconds > 0 ? sc->meeting_seconds : 60) * 1000u;
        play_clear_selection(a);
        b->notebook_open = false;
    }
    int turn = c.phase == PHASE_ACTION ? rules_current_role(s) : -1;
    if (turn != b->shown_turn) {
        if (turn >= 0)
            printf("malcon: turn %s\n", rs->roles[turn].id);
        b->shown_turn = turn;
        if (state_setup(s)->mode == MODE_WORKSHOP) {
            play_clear_selection(a);
            b->notebook_open = false;
        }
    }
    fflush(stdout);

    /* counts: a change counts up from what is shown now */
    viewer pub = {VIEW_PUBLIC, -1};
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++) {
        room_view rv;
        rules_room(s, pub, (int)r, &rv);
        if (rv.count != b->count_to[r]) {
            b->count_from[r] = board_play_count_shown(a, (int)r);
            b->count_to[r] = rv.count;
            b->count_ms[r] = BOARD_ANIM_COUNT_MS;
        }
    }
    int ev = rules_round_event(s);
    if (ev != b->event_shown) {
        b->event_shown = ev;
        b->event_ms = ev >= 0 ? BOARD_ANIM_EVENT_MS : 0;
    }

    /* private results: raise the curtain for the first one not yet handled */
    const log_buf *log = match_log(a->match);
    if (b->log_seen > log->count)
        b->log_seen = log->count; /* undo shortened the log */
    if ((b->curtain || b->result_shown) && b->curtain_log >= log->count) {
        b->curtain = false;
        b->result_shown = false;
    }
    if (!b->curtain && !b->result_shown) {
        size_t i = b->log_seen;
        for (; i < log->count; i++) {
            const log_entry *e = &log->items[i];
            if (board_play_entry_private(a, e) && e->vis_role >= 0) {
                b->curtain = true;
                b->curtain_role = e->vis_role;
                b->curtain_log = i;
                play_clear_selection(a);
                printf("malcon: curtain %s\n", rs->roles[e->vis_role].id);
                fflush(stdout);
                break;
            }
        }
        b->log_seen = i;
    }
}

void board_play_reset_view(board_ui *b, const match *m)
{
    memset(b, 0, sizeof *b);
    b->selected_action = -1;
    b->pending_target = -1;
    b->note_target = -1;
    b->active_role = -1;
    b->curtain_role = -1;
    b->shown_phase = -1;
    b->shown_turn = -1;
    b->shown_round = -1;
    b->event_shown = -1;
    b->focus = -1;
    b->ready_for = m;
    if (!m)
        return;
    const game_state *s = match_state(m);
    /* what is already on the board when we arrive is shown as it is, without animation */
    b->log_seen = match_log(m)->count;
    viewer pub = {VIEW_PUBLIC, -1};
    const scenario_def *sc = state_scenario(s);
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++) {
        room_view rv;
        rules_room(s, pub, (int)r, &rv);
        b->count_from[r] = b->count_to[r] = rv.count;
    }
    b->event_shown = rules_round_event(s);
}

void board_play_reset(app *a)
{
    board_play_reset_view(&a->board, a->match);
    if (a->match)
        board_play_sync(a);
}

/* The computer facilitator's step in the hidden side's phases: after its pause it plays
 * `start` (setup) or `next` (malware, event). True when it played a move. */
static bool play_facilitator_step(app *a, phase p, uint32_t dt)
{
    board_ui *b = &a->board;
    if (p != PHASE_SETUP && p != PHASE_MALWARE && p != PHASE_EVENT)
        return false;
    if (facil_human(a))
        return false; /* a person runs the hidden side from the console (facil.h) */
    if (b->facilitator_wait_ms > dt && !a->fast_forward) {
        b->facilitator_wait_ms -= dt;
        return false;
    }
    b->facilitator_wait_ms = 0;
    move m;
    move_init(&m, p == PHASE_SETUP ? MV_START : MV_NEXT);
    char why[RULES_WHY_MAX];
    if (!board_play_move(a, &m, why, sizeof why)) {
        play_message2(a, "The facilitator cannot go on", why);
        return false;
    }
    return true;
}

void board_play_tick(app *a, uint32_t dt)
{
    board_ui *b = &a->board;
    if (!a->match)
        return;
    if (b->ready_for != a->match)
        board_play_reset(a); /* a new match arrived while the board was showing */
    b->anim_ms += dt;
    b->message_ms = b->message_ms > dt ? b->message_ms - dt : 0;
    b->event_ms = b->event_ms > dt ? b->event_ms - dt : 0;
    for (int r = 0; r < RULES_MAX_ROOMS; r++)
        b->count_ms[r] = b->count_ms[r] > dt ? b->count_ms[r] - dt : 0;

    /* The computer facilitator runs the hidden side unless a person does from the console
     * (facil.h). Fast forward (screenshots) plays its moves at once, up to the point where a
     * player must act. */
    clock_view c;
    for (int guard = 0; guard < 64; guard++) {
        if (b->curtain || b->result_shown)
            return; /* the room is busy with a private result: the hidden side waits */
        rules_clock(play_state(a), &c);
        if (!play_facilitator_step(a, c.phase, dt) || !a->fast_forward)
            break;
    }
    if (a->fast_forward) {
        b->event_ms = 0;
        memset(b->count_ms, 0, sizeof b->count_ms);
    }
    rules_clock(play_state(a), &c);
    if (c.phase == PHASE_MEETING) {
        if (facil_paused(a)) {
            /* the facilitator paused the timers: the countdown waits */
        } else if (b->meeting_ms_left > dt) {
            b->meeting_ms_left -= dt;
        } else {
            b->meeting_ms_left = 0;
            board_play_meeting_end(a);
        }
    } else if (c.phase == PHASE_OVER) {
        if (b->facilitator_wait_ms > dt && !a->fast_forward) {
            b->facilitator_wait_ms -= dt;
        } else {
            b->facilitator_wait_ms = 0;
            app_goto(a, SCR_END);
        }
    }
}
