/* board_input.c: turns one ui_input (mouse or key) on the board screen into board_play calls.
 *
 * Hit testing uses the same board_layout the drawing uses, so what is clicked is what was
 * drawn. Every mouse action has a keyboard path (see the key list in screen_board.c).
 */
#include "board.h"

#include <string.h>

void board_input_layout(const app *a, board_layout *L)
{
    const game_state *s = match_state(a->match);
    const scenario_def *sc = state_scenario(s);
    clock_view c;
    rules_clock(s, &c);
    int acts[BOARD_MAX_ACTIONS];
    int n =
        c.phase == PHASE_ACTION ? board_play_role_actions(a, board_play_acting_role(a), acts) : 0;
    int w = a->width > 0 ? a->width : 1920, h = a->height > 0 ? a->height : 1080;
    int team[RULES_MAX_ROLES];
    board_layout_compute(L, w, h, sc, n, (int)rules_turn_order(s, team, RULES_MAX_ROLES));
}

/* The note menu's item rectangles (as drawn by board_draw's note menu). */
static ui_rect input_note_item(const app *a, const board_layout *L, int i)
{
    int ih = L->px_body + L->pad, w = layout_px(420, L->w, L->h);
    int h = ih * 5 + L->pad;
    int x = a->board.note_x, y = a->board.note_y;
    x = x < L->pad ? L->pad : x;
    y = y < L->pad ? L->pad : y;
    if (x > L->w - w - L->pad)
        x = L->w - w - L->pad;
    if (y > L->h - h - L->pad)
        y = L->h - h - L->pad;
    ui_rect r = {x + L->pad / 2, y + L->pad / 2 + ih * (i + 1), w - L->pad, ih - 4};
    return r;
}

/* The rectangle of a board target (for placing the note menu under the keyboard focus). */
static ui_rect input_target_rect(const board_layout *L, const app *a, board_target t)
{
    ui_rect none = {L->w / 2, L->h / 2, 0, 0};
    int team[RULES_MAX_ROLES];
    int n_team = (int)rules_turn_order(match_state(a->match), team, RULES_MAX_ROLES);
    switch (t.kind) {
    case BT_TERMINAL:
        return t.id < L->n_terminals ? L->terminal[t.id] : none;
    case BT_ROOM:
        return t.id < L->n_rooms ? L->room[t.id] : none;
    case BT_ROLE:
        for (int i = 0; i < L->n_team && i < n_team; i++)
            if (team[i] == t.id)
                return L->team_chip[i];
        return none;
    default:
        return none;
    }
}

/* Moves the keyboard focus by delta through n items. */
static void input_focus_move(app *a, int delta, int n)
{
    if (n <= 0)
        return;
    int f = a->board.focus < 0 ? (delta > 0 ? -1 : 0) : a->board.focus % n;
    a->board.focus = ((f + delta) % n + n) % n;
}

/* Cycles the role chosen on the team strip (solo acting role, meeting notes). */
static void input_cycle_role(app *a, int delta)
{
    const game_state *s = match_state(a->match);
    int team[RULES_MAX_ROLES];
    int n = (int)rules_turn_order(s, team, RULES_MAX_ROLES);
    if (n == 0)
        return;
    int cur = board_play_acting_role(a), at = 0;
    for (int i = 0; i < n; i++)
        if (team[i] == cur)
            at = i;
    for (int k = 1; k <= n; k++) {
        int r = team[((at + delta * k) % n + n) % n];
        clock_view c;
        rules_clock(s, &c);
        if (c.phase == PHASE_ACTION && rules_passed(s, r))
            continue;
        a->board.active_role = r;
        return;
    }
}

/* True when the acting role's notebook may open now: its own turn (or solo). */
static bool input_notebook_allowed(const app *a)
{
    const game_state *s = match_state(a->match);
    clock_view c;
    rules_clock(s, &c);
    return c.phase == PHASE_ACTION && board_play_acting_role(a) >= 0;
}

static void input_enter(app *a, const board_layout *L)
{
    board_ui *b = &a->board;
    const game_state *s = match_state(a->match);
    clock_view c;
    rules_clock(s, &c);
    if (c.phase == PHASE_MEETING && b->mode == BM_IDLE) {
        board_play_meeting_end(a);
        return;
    }
    if (b->mode == BM_NOTE_MARK) {
        static const mark marks[] = {MARK_SUSPECT, MARK_CLEARED, MARK_WATCH, MARK_NONE};
        board_play_note_pin(a, marks[(b->focus < 0 ? 0 : b->focus) % 4]);
        return;
    }
    if (b->mode == BM_TARGET || b->mode == BM_NOTE_TARGET) {
        board_targets t;
        board_play_targets(a, &t);
        if (t.n == 0)
            return;
        board_target pick = t.item[(b->focus < 0 ? 0 : b->focus) % t.n];
        if (b->mode == BM_NOTE_TARGET) {
            ui_rect r = input_target_rect(L, a, pick);
            board_play_note_open(a, pick.kind, pick.id, r.x + r.w / 2, r.y + r.h / 2);
        } else {
            board_play_choose_target(a, pick.kind, pick.id);
        }
        return;
    }
    if (c.phase != PHASE_ACTION || b->focus < 0)
        return;
    int acts[BOARD_MAX_ACTIONS];
    int n = board_play_role_actions(a, board_play_acting_role(a), acts);
    int f = b->focus % (n + 2);
    if (f < n)
        board_play_choose_action(a, acts[f], true);
    else if (f == n)
        board_play_end_turn(a);
    else
        board_play_undo(a);
}

static void input_key(app *a, const ui_input *in, const board_layout *L)
{
    board_ui *b = &a->board;
    const game_state *s = match_state(a->match);
    clock_view c;
    rules_clock(s, &c);
    ui_key k = in->key;

    if ((in->mods & MOD_CTRL) && k == KEY_Z) {
        board_play_undo(a);
        return;
    }
    if (b->notebook_open) {
        if (k == KEY_N || k == KEY_ESCAPE || k == KEY_ENTER || k == KEY_SPACE)
            b->notebook_open = false;
        return;
    }
    if (b->log_focus) {
        /* the log has the arrows until Esc or L gives them back */
        switch (k) {
        case KEY_UP:
            b->log_scroll++;
            return;
        case KEY_DOWN:
            b->log_scroll = b->log_scroll > 0 ? b->log_scroll - 1 : 0;
            return;
        case KEY_HOME:
            b->log_scroll = 1000000; /* clamped by the drawing: the oldest lines */
            return;
        case KEY_END:
            b->log_scroll = 0;
            return;
        case KEY_ESCAPE:
        case KEY_L:
            b->log_focus = false;
            return;
        default:
            break;
        }
    }
    switch (k) {
    case KEY_ESCAPE:
        board_play_cancel(a);
        return;
    case KEY_L:
        b->log_focus = !b->log_focus;
        return;
    case KEY_PAGEUP:
        b->log_scroll += 4;
        return;
    case KEY_PAGEDOWN:
        b->log_scroll = b->log_scroll > 4 ? b->log_scroll - 4 : 0;
        return;
    case KEY_N:
        if (input_notebook_allowed(a))
            b->notebook_open = true;
        else
            board_play_message(a, board_play_tr(a, "The notebook opens only on its role's turn."));
        return;
    case KEY_M:
        if (c.phase == PHASE_ACTION || c.phase == PHASE_MEETING) {
            board_play_cancel(a);
            b->mode = BM_NOTE_TARGET;
            b->focus = 0;
        }
        return;
    case KEY_E:
        if (c.phase == PHASE_ACTION)
            board_play_end_turn(a);
        return;
    case KEY_R:
        if (state_setup(s)->mode == MODE_SOLO || c.phase != PHASE_ACTION)
            input_cycle_role(a, (in->mods & MOD_SHIFT) ? -1 : 1);
        return;
    case KEY_ENTER:
    case KEY_SPACE:
        input_enter(a, L);
        return;
    case KEY_TAB:
    case KEY_RIGHT:
    case KEY_DOWN:
    case KEY_LEFT:
    case KEY_UP: {
        int delta =
            (k == KEY_LEFT || k == KEY_UP || (k == KEY_TAB && (in->mods & MOD_SHIFT))) ? -1 : 1;
        if (b->mode == BM_NOTE_MARK) {
            input_focus_move(a, delta, 4);
        } else if (b->mode == BM_TARGET || b->mode == BM_NOTE_TARGET) {
            board_targets t;
            board_play_targets(a, &t);
            input_focus_move(a, delta, t.n);
        } else if (c.phase == PHASE_ACTION) {
            int acts[BOARD_MAX_ACTIONS];
            input_focus_move(a, delta,
                             board_play_role_actions(a, board_play_acting_role(a), acts) + 2);
        }
        return;
    }
    default:
        break;
    }
    if (k >= KEY_1 && k <= KEY_9) {
        int i = (int)(k - KEY_1);
        if (b->mode == BM_NOTE_MARK) {
            static const mark marks[] = {MARK_SUSPECT, MARK_CLEARED, MARK_WATCH, MARK_NONE};
            if (i < 4)
                board_play_note_pin(a, marks[i]);
            return;
        }
        int acts[BOARD_MAX_ACTIONS];
        int n = c.phase == PHASE_ACTION
                    ? board_play_role_actions(a, board_play_acting_role(a), acts)
                    : 0;
        if (i < n)
            board_play_choose_action(a, acts[i], true);
    }
}

static void input_click(app *a, const ui_input *in, const board_layout *L)
{
    board_ui *b = &a->board;
    const game_state *s = match_state(a->match);
    clock_view c;
    rules_clock(s, &c);
    int x = in->x, y = in->y;

    if (in->button == 3) {
        /* right: cancel what is chosen, else pin a note on what is under the mouse */
        if (b->mode != BM_IDLE) {
            board_play_cancel(a);
            return;
        }
        if (c.phase != PHASE_ACTION && c.phase != PHASE_MEETING)
            return;
        for (int t = 0; t < L->n_terminals; t++)
            if (ui_rect_contains(L->terminal[t], x, y)) {
                board_play_note_open(a, BT_TERMINAL, t, x, y);
                return;
            }
        for (int r = 0; r < L->n_rooms; r++)
            if (ui_rect_contains(L->room[r], x, y)) {
                board_play_note_open(a, BT_ROOM, r, x, y);
                return;
            }
        return;
    }
    if (in->button != 1)
        return;
    b->focus = -1; /* the mouse is in use: no keyboard focus ring */
    if (b->mode == BM_NOTE_MARK) {
        static const mark marks[] = {MARK_SUSPECT, MARK_CLEARED, MARK_WATCH, MARK_NONE};
        for (int i = 0; i < 4; i++)
            if (ui_rect_contains(input_note_item(a, L, i), x, y)) {
                board_play_note_pin(a, marks[i]);
                return;
            }
        board_play_cancel(a);
        return;
    }
    if (c.phase == PHASE_MEETING && ui_rect_contains(L->meeting_end, x, y)) {
        board_play_meeting_end(a);
        return;
    }
    if (c.phase == PHASE_ACTION) {
        int acts[BOARD_MAX_ACTIONS];
        int n = board_play_role_actions(a, board_play_acting_role(a), acts);
        for (int i = 0; i < n && i < L->n_actions; i++)
            if (ui_rect_contains(L->action[i], x, y)) {
                board_play_choose_action(a, acts[i], false);
                return;
            }
        if (ui_rect_contains(L->end_turn, x, y)) {
            board_play_end_turn(a);
            return;
        }
        if (ui_rect_contains(L->undo, x, y)) {
            board_play_undo(a);
            return;
        }
        /* the role card opens the acting role's notebook: the mouse's way to N */
        if (b->mode == BM_IDLE && ui_rect_contains(L->role_card, x, y)) {
            if (input_notebook_allowed(a))
                b->notebook_open = true;
            return;
        }
    }
    int team[RULES_MAX_ROLES];
    int n_team = (int)rules_turn_order(s, team, RULES_MAX_ROLES);
    for (int i = 0; i < L->n_team && i < n_team; i++) {
        if (!ui_rect_contains(L->team_chip[i], x, y))
            continue;
        int role = team[i];
        if (b->mode == BM_TARGET)
            board_play_choose_target(a, BT_ROLE, role);
        else if (state_setup(s)->mode == MODE_SOLO || c.phase != PHASE_ACTION)
            b->active_role = role; /* who acts (solo) or pins notes (meeting) */
        return;
    }
    for (int t = 0; t < L->n_terminals; t++)
        if (ui_rect_contains(L->terminal[t], x, y)) {
            board_play_choose_target(a, BT_TERMINAL, t);
            return;
        }
    for (int r = 0; r < L->n_rooms; r++)
        if (ui_rect_contains(L->room[r], x, y)) {
            board_play_choose_target(a, BT_ROOM, r);
            return;
        }
    if (ui_rect_contains(L->log, x, y)) {
        b->log_focus = !b->log_focus;
        return;
    }
}

void board_input(app *a, const ui_input *in)
{
    if (!a->match)
        return;
    board_ui *b = &a->board;
    if (b->ready_for != a->match)
        board_play_reset(a); /* a new match arrived while the board was showing */
    if (board_pause_input(a, in))
        return; /* the pause menu (Esc), the hints (H) */
    board_layout L;
    board_input_layout(a, &L);
    switch (in->type) {
    case IN_MOUSE_MOVE:
        b->hover_x = in->x;
        b->hover_y = in->y;
        return;
    case IN_WHEEL:
        if (ui_rect_contains(L.log, in->x, in->y)) {
            b->log_scroll += in->dy; /* up (+) shows older lines */
            if (b->log_scroll < 0)
                b->log_scroll = 0;
        }
        return;
    case IN_KEY:
    case IN_MOUSE_DOWN:
        break;
    default:
        return;
    }
    if (in->type == IN_MOUSE_DOWN) {
        b->hover_x = in->x;
        b->hover_y = in->y;
    }
    if (b->curtain || b->result_shown) {
        /* the curtain takes only its confirmation */
        bool go = in->type == IN_MOUSE_DOWN ? in->button == 1
                                            : (in->key == KEY_ENTER || in->key == KEY_SPACE);
        if (go)
            board_play_curtain_confirm(a);
        return;
    }
    if (in->type == IN_KEY)
        input_key(a, in, &L);
    else if (b->notebook_open)
        b->notebook_open = false;
    else
        input_click(a, in, &L);
}
