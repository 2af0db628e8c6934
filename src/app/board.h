/* board.h: the board screen's internal interface (layout maths, play logic, drawing, input).
 *
 * The board screen is split by job so each piece stays testable on its own:
 *   board_layout.c - every rectangle of the screen from (w, h, scenario); pure maths;
 *   board_play.c   - what the player is doing (selected action, legal targets, curtain, notes),
 *                    playing moves through the match, the computer facilitator's pacing and
 *                    the animations' clocks (UI state only: undo never restores it);
 *   board_draw.c   - draws the whole screen from the app (never changes state);
 *   board_input.c  - turns one ui_input (mouse or key) into board_play calls;
 *   screen_board.c - the screen_ops row that ties them together.
 */
#ifndef MALCON_APP_BOARD_H
#define MALCON_APP_BOARD_H

#include "app.h"
#include "layout.h"

#include <stdbool.h>
#include <stddef.h>

#define BOARD_MAX_ACTIONS   9   /* action buttons of one role (number keys 1-9) */
#define BOARD_MAX_MOVES     768 /* legal moves gathered at once (more are ignored) */
#define BOARD_MAX_TARGETS   64  /* legal targets of one action */
#define BOARD_ANIM_COUNT_MS 900 /* a room's count counts up (and pops) */
#define BOARD_ANIM_EVENT_MS 900 /* the event card flips */

/* ---- layout (board_layout.c) ---- */

/* Every rectangle of the board screen for one window size and scenario. */
typedef struct board_layout {
    int w, h;
    /* type scale in pixels (body >= 28 at 1080p) */
    int px_huge, px_big, px_title, px_body, px_small;
    int pad, radius;
    /* top bar: clock, tracks, status (silent / meeting) */
    ui_rect top, clock, status;
    ui_rect track[TRACK_COUNT];
    /* the floor plan: rooms with their header, count and terminal cards; segment legend */
    ui_rect board, plan, legend;
    ui_rect hint; /* tutorial scenarios: the hint strip over the legend (else empty) */
    int n_rooms;
    ui_rect room[RULES_MAX_ROOMS];
    ui_rect room_head[RULES_MAX_ROOMS];  /* name and markers, left of the count box */
    ui_rect room_count[RULES_MAX_ROOMS]; /* big number and signal icon, history under them */
    ui_rect room_hist[RULES_MAX_ROOMS];  /* small bars of previous rounds (in the count box) */
    ui_rect room_marks[RULES_MAX_ROOMS]; /* the room's markers (EDR, note) */
    int n_terminals;
    ui_rect terminal[RULES_MAX_TERMINALS];
    /* right column: the event card and the public log */
    ui_rect side, event, log;
    /* bottom panel: banner, role card, action buttons, end turn / undo, team chips */
    ui_rect panel, banner, role_card, actions_area, team;
    int n_actions;
    ui_rect action[BOARD_MAX_ACTIONS];
    ui_rect end_turn, undo;
    ui_rect meeting_end; /* the meeting's "end it now" button (where end turn and undo are) */
    int n_team;
    ui_rect team_chip[RULES_MAX_ROLES];
    /* the message bar (over the bottom of the floor plan) and modal boxes */
    ui_rect message, modal;
} board_layout;

/* Computes every rectangle for a w x h window (w, h >= 1), the scenario's rooms and terminals,
 * n_actions action buttons (0..BOARD_MAX_ACTIONS) and n_team team chips (0..RULES_MAX_ROLES).
 * Pure: the same arguments always give the same layout. */
void board_layout_compute(board_layout *L, int w, int h, const scenario_def *sc, int n_actions,
                          int n_team);
/* True when the two rectangles share any pixel. */
bool board_layout_overlap(ui_rect a, ui_rect b);
/* True when inner lies wholly inside outer. */
bool board_layout_inside(ui_rect inner, ui_rect outer);

/* ---- play (board_play.c) ---- */

/* What a click or Enter does now. */
typedef enum board_mode {
    BM_IDLE = 0,    /* nothing chosen: buttons, hover, notes */
    BM_TARGET,      /* an action is chosen: its legal targets light up */
    BM_NOTE_TARGET, /* M was pressed: choose the terminal or room to pin a note on */
    BM_NOTE_MARK    /* the note menu is open: choose suspect / cleared / watch / remove */
} board_mode;

/* What a target of the selected action is. */
typedef enum board_target_kind {
    BT_NONE = 0, /* the action has no target: the action itself */
    BT_TERMINAL,
    BT_ROOM,
    BT_ROLE
} board_target_kind;

/* One target on the board. */
typedef struct board_target {
    board_target_kind kind;
    int id; /* terminal, room or role index; the action index for BT_NONE */
} board_target;

/* The legal targets of the selected action (or of a note), in keyboard focus order. */
typedef struct board_targets {
    int n;
    board_target item[BOARD_MAX_TARGETS];
} board_targets;

/* A UI string in the app's language: the board's own translation (msgctxt "board" in
 * assets/i18n/ja.po, so the board's short words never clash with another screen's), else the
 * catalogue's context-free one (app_tr), else the English msgid. */
const char *board_play_tr(const app *a, const char *msgid);
/* The role whose card is shown and who acts: the rules' current role in the workshop's action
 * phase; otherwise the role chosen on the team strip (solo, meeting), -1 when none is in play. */
int board_play_acting_role(const app *a);
/* The actions the role plays in this game (rules_action_role), at most BOARD_MAX_ACTIONS, in
 * content order; returns how many. */
int board_play_role_actions(const app *a, int role, int *out);
/* True when the role may play action act now (some legal target exists). When false and why
 * is given, writes the rules library's reason. */
bool board_play_action_playable(const app *a, int role, int act, char *why, size_t why_n);
/* Lists the legal targets for the current selection (selected action, or the note target
 * step). For a role pair after the first choice, the second role's candidates. */
void board_play_targets(const app *a, board_targets *out);
/* True when target id of kind k is in t. */
bool board_play_targets_has(const board_targets *t, board_target_kind k, int id);

/* Resets the board's UI state for the match now in a->match (entering the screen, loading). */
void board_play_reset(app *a);
/* Resets b for showing m (may be NULL) as it stands: no selection, no menu, no animation, the
 * rooms' counts and the round's event as the public sees them, the log seen. board_play_reset
 * and the replay viewer's board both start from it. */
void board_play_reset_view(board_ui *b, const match *m);
/* Chooses action act of the acting role: no-target actions are played at once unless
 * confirm is needed (declare); targeted ones wait for a target. Illegal: message. */
void board_play_choose_action(app *a, int act, bool from_keyboard);
/* Plays the selected action on target id (or shows the rules' reason when illegal). */
void board_play_choose_target(app *a, board_target_kind k, int id);
/* Cancels the current selection or menu. */
void board_play_cancel(app *a);
/* The acting role ends its turn (pass). */
void board_play_end_turn(app *a);
/* Takes the last move back when the rules allow it; otherwise a "cannot undo" message. */
void board_play_undo(app *a);
/* Opens the note menu for terminal (kind BT_TERMINAL) or room (BT_ROOM) id at (x, y). */
void board_play_note_open(app *a, board_target_kind k, int id, int x, int y);
/* Pins the acting role's note mark (MARK_NONE removes it) on the note menu's target. */
void board_play_note_pin(app *a, mark mk);
/* The curtain's player confirms: the private result is shown; a second confirm files it. */
void board_play_curtain_confirm(app *a);
/* The meeting ends now (button / key) through `next`. */
void board_play_meeting_end(app *a);
/* The count shown for room r now (counts up while its animation runs). */
int board_play_count_shown(const app *a, int room);
/* Shows a message in the message bar for a few seconds. */
void board_play_message(app *a, const char *text);
/* Plays m through the match (autosave, stdout lines, animations). False with why when illegal. */
bool board_play_move(app *a, const move *m, char *why, size_t why_n);
/* Advances timers: animations, the computer facilitator, the meeting countdown, the end. */
void board_play_tick(app *a, uint32_t dt_ms);
/* Notices what changed in the match (phase, turn, counts, event, private results) and starts
 * the matching animation or curtain; prints "malcon: phase/turn ..." lines. */
void board_play_sync(app *a);
/* True when the entry is a private result waiting for its role (curtain material). */
bool board_play_entry_private(const app *a, const log_entry *e);
/* Lower-case stable name of a phase for stdout lines ("action", "meeting", ...). */
const char *board_play_phase_id(phase p);

/* ---- drawing (board_draw.c) ---- */

/* Draws the whole board screen. */
void board_draw(const app *a, ui_draw *d);

/* ---- the pause menu (board_pause.c) ---- */

/* True when the pause menu is open in a solo game: the board is hidden (no peeking). */
bool board_pause_hides(const app *a);
/* Opens the pause menu (the solo clock stops; its value is recorded and the game saved). */
void board_pause_open(app *a);
/* Closes it (Resume). */
void board_pause_close(app *a);
/* Takes the inputs that belong to the pause menu: everything while it is open; H (hints) and
 * Esc with nothing chosen, or a click on the top bar's status box, while it is closed. True when
 * the input was used. */
bool board_pause_input(app *a, const ui_input *in);
/* Draws the menu over the board (solo: instead of it). Nothing when it is closed. */
void board_pause_draw(const app *a, ui_draw *d);

/* ---- input (board_input.c) ---- */

/* Reacts to one input on the board screen. */
void board_input(app *a, const ui_input *in);
/* Computes the layout for the app's window and the acting role's action count. */
void board_input_layout(const app *a, board_layout *L);

#endif
