/* screen_board.c: the board screen (the game itself, as a room sees it on a projector).
 *
 * The work is split over board_layout.c (rectangles), board_play.c (selection, moves,
 * curtain, facilitator pacing), board_draw.c (drawing) and board_input.c (mouse and keys);
 * this file is the screen_ops row that ties them together.
 *
 * Mouse:
 *   click an action button     choose it; its legal targets light up, the others dim
 *                              (an action without a target is played at once; Declare
 *                              containment asks for a second click)
 *   click a lit target         play the action on it (an unlit one: the rules' reason)
 *   right-click / Esc          cancel the choice; with nothing chosen, right-click on a
 *                              terminal or room opens the note menu (suspect/cleared/watch)
 *   End turn / Undo buttons    pass / take back the last move
 *   team strip                 choose the target role; in solo practice or the meeting,
 *                              choose which role acts / pins notes
 *   wheel over the log         scroll it; hover: tooltips for actions, cards, rooms, event
 * Keyboard (every action reachable without a mouse):
 *   1-9          choose the acting role's action 1-9 (then Enter plays a no-target action)
 *   Tab/arrows   next / previous legal target (or action button when nothing is chosen)
 *   Enter/Space  play on the focused target; continue (curtain, result); end the meeting
 *   Esc          cancel (closes the notebook, the note menu, the log focus); with nothing
 *                chosen, the pause menu (board_pause.c; solo: the clock stops, the board hides)
 *   H            tutorial hints on / off (saved in the settings)
 *   E            end the turn (pass)
 *   N            the acting role's notebook (only on that role's own turn)
 *   M            pin a note: choose a terminal/room, Enter, then 1 suspect, 2 cleared,
 *                3 watch, 4 remove
 *   R            solo / meeting: the next role acts / pins notes (Shift+R: previous)
 *   Ctrl+Z       undo (when the rules allow it; otherwise "Cannot undo: ...")
 *   L            focus the log (arrows scroll; Home/End), PageUp/PageDown scroll it
 * Stdout lines for the end-to-end test (flushed): "malcon: phase <setup|malware|event|action|
 * meeting|over>", "malcon: turn <role_id>", "malcon: round <n>", "malcon: move <line>",
 * "malcon: curtain <role_id>", "malcon: result <role_id>", "malcon: undo".
 */
#include "board.h"
#include "facil.h"
#include "solo.h"

static void screen_board_enter(app *a)
{
    /* back from another screen with the same game: the curtain and the animations stay */
    if (a->board.ready_for != a->match || !a->match)
        board_play_reset(a);
    else
        board_play_sync(a);
}

static void screen_board_leave(app *a)
{
    a->board.notebook_open = false; /* it opens again only on its role's turn, by N */
}

static void screen_board_input(app *a, const ui_input *in)
{
    board_input(a, in);
}

static void screen_board_update(app *a, uint32_t dt_ms)
{
    if (!a->match)
        return;
    if (!a->board.paused)
        board_play_tick(a, dt_ms); /* the pause menu stops the facilitator and the timers */
    /* the solo clock (stopped while paused, also by the facilitator), its end, records */
    solo_tick(a, facil_paused(a) ? 0 : dt_ms);
    /* keep ticking at frame rate while anything moves or a timer runs */
    const board_ui *b = &a->board;
    clock_view c;
    rules_clock(match_state(a->match), &c);
    bool moving = b->message_ms > 0 || b->event_ms > 0;
    for (int r = 0; r < RULES_MAX_ROOMS && !moving; r++)
        moving = b->count_ms[r] > 0;
    bool timer = !b->curtain && !b->result_shown &&
                 (c.phase == PHASE_SETUP || c.phase == PHASE_MALWARE || c.phase == PHASE_EVENT ||
                  c.phase == PHASE_MEETING || c.phase == PHASE_OVER);
    if (moving || timer)
        a->animating = true;
}

static void screen_board_draw(const app *a, ui_draw *d)
{
    board_draw(a, d);
}

const screen_ops screen_board_ops = {"board",
                                     screen_board_enter,
                                     screen_board_leave,
                                     screen_board_input,
                                     screen_board_update,
                                     screen_board_draw};
