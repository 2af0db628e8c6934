/* facil.c: the human facilitator's logic: who runs the hidden side, the console's overrides
 * (each asks for a reason and goes through the rules library and the match), the overlay's
 * PIN, the pause and extension of the timers, and the preview of what the hidden side does next.
 * See facil.h. No drawing and no SDL: tests drive it through these functions. */
#include "facil.h"

#include "board.h"
#include "solo.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACIL_MESSAGE_MS 5000 /* a console message stays this long */
#define FACIL_MAX_DRAFT  99   /* a stepper goes no higher (a room never needs more) */

/* The quick-pick reasons (msgids; app_tr translates them). */
static const char *const facil_quick[FACIL_QUICK_REASONS] = {
    "For teaching",         "To stay on time",    "The workshop's story",
    "Easier for beginners", "A harder challenge", "Correcting a mistake",
};

facil *facil_new(void)
{
    facil *f = core_alloc(sizeof *f);
    f->sel_terminal = -1;
    f->sel_event = -1;
    f->sel_route = ROUTE_MAIL;
    f->focus = -1;
    return f;
}

void facil_free(facil *f)
{
    free(f);
}

/* Says on stdout who runs the hidden side now (the end-to-end test waits on it). */
static void facil_say(const char *what)
{
    printf("malcon: facilitator %s\n", what);
    fflush(stdout);
}

/* The console's UI starts afresh (selections, steppers, form, messages); who is in charge and
 * how the console shows are kept. */
static void facil_reset_ui(facil *f, const match *m)
{
    f->sel_terminal = -1;
    f->sel_event = -1;
    f->sel_route = ROUTE_MAIL;
    f->tab = FT_EVENTS;
    f->focus = -1;
    f->log_scroll = 0;
    f->event_scroll = 0;
    f->draft_valid = false;
    f->asking = false;
    f->n_pending = 0;
    f->reason[0] = '\0';
    f->message[0] = '\0';
    f->message_ms = 0;
    f->paused = false;
    f->ready_for = m;
}

/* ---- who runs the hidden side ---- */

bool facil_human(const app *a)
{
    return a && a->facil && a->match && a->facil->human;
}

bool facil_configured(const app *a)
{
    return a && a->facil && a->match && a->facil->configured;
}

bool facil_paused(const app *a)
{
    return a && a->facil && a->facil->paused;
}

void facil_force_window(app *a)
{
    assert(a && a->facil);
    a->facil->force_window = true;
    a->facil->use_window = true;
    a->facil->window = true; /* the console is there from the start, even before a game */
    a->newgame.computer_facilitator = false;
}

void facil_match_adopted(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    facil_reset_ui(f, a->match);
    f->overlay = false;
    f->pin_prompt = false;
    /* Whoever has the console window open runs the hidden side of whatever game is shown. */
    bool open = f->use_window && f->window;
    f->configured = open;
    f->human = open;
    if (open)
        facil_say("person");
}

void facil_person_starts(app *a)
{
    facil *f = a->facil;
    if (!f || !a->match)
        return;
    f->configured = true;
    f->human = true;
    if (facil_pin_valid(a->newgame.facilitator_pin)) {
        /* facil_pin_valid checked FACIL_PIN_LEN digits: copy exactly those. */
        memcpy(f->pin, a->newgame.facilitator_pin, FACIL_PIN_LEN);
        f->pin[FACIL_PIN_LEN] = '\0';
    }
    /* A second display keeps the truth off the projector; one display gets the overlay. */
    f->use_window = f->force_window || (a->platform && platform_display_count(a->platform) >= 2);
    bool was_open = f->use_window && f->window; /* facil_match_adopted said so already */
    if (f->use_window)
        f->window = true;
    else
        f->overlay = true;
    if (!was_open)
        facil_say("person");
}

void facil_hand_over(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    bool was = f->human;
    f->human = false;
    f->window = false;
    f->overlay = false;
    f->pin_prompt = false;
    f->asking = false;
    f->n_pending = 0;
    f->paused = false; /* the computer runs the clock as it always does */
    if (a->platform)
        platform_text_input(a->platform, false);
    if (a->match)
        a->board.facilitator_wait_ms = FACIL_HANDOVER_MS; /* the room sees the change first */
    if (was || f->configured)
        facil_say("computer");
}

bool facil_reopen(app *a)
{
    facil *f = a->facil;
    if (!f)
        return false;
    if (f->use_window) {
        f->window = true;
        if (a->match && !f->human) {
            f->human = true;
            f->configured = true;
            facil_say("person");
        }
        return true;
    }
    if (!a->match || a->screen != SCR_BOARD)
        return false;
    f->pin_prompt = true;
    f->pin_typed[0] = '\0';
    f->pin_wrong = false;
    printf("malcon: pin prompt\n");
    fflush(stdout);
    return true;
}

void facil_window_failed(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    f->use_window = false;
    f->force_window = false;
    f->window = false;
    if (f->human)
        f->overlay = true; /* the person was in charge: the truth now shows over the board */
}

void facil_overlay_close(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    f->overlay = false;
    f->pin_prompt = false;
    f->asking = false;
    f->n_pending = 0;
    if (a->platform)
        platform_text_input(a->platform, false);
    printf("malcon: overlay closed\n");
    fflush(stdout);
}

bool facil_covers_main(const app *a)
{
    const facil *f = a ? a->facil : NULL;
    return f && (f->overlay || f->pin_prompt) && a->match && a->screen == SCR_BOARD;
}

/* ---- the PIN ---- */

bool facil_pin_valid(const char *text)
{
    if (!text)
        return false;
    size_t n = strlen(text);
    if (n != FACIL_PIN_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

void facil_pin_digit(app *a, int digit)
{
    facil *f = a->facil;
    if (!f || !f->pin_prompt || digit < 0 || digit > 9)
        return;
    size_t n = strlen(f->pin_typed);
    if (n >= FACIL_PIN_LEN)
        return;
    f->pin_typed[n] = (char)('0' + digit);
    f->pin_typed[n + 1] = '\0';
    f->pin_wrong = false;
    if (n + 1 < FACIL_PIN_LEN)
        return;
    if (!f->pin[0]) {
        /* no PIN yet (a game that began with the computer): the first one typed is the PIN */
        snprintf(f->pin, sizeof f->pin, "%s", f->pin_typed);
    } else if (strcmp(f->pin, f->pin_typed) != 0) {
        f->pin_wrong = true;
        f->pin_typed[0] = '\0';
        printf("malcon: pin wrong\n");
        fflush(stdout);
        return;
    }
    f->pin_typed[0] = '\0';
    f->pin_prompt = false;
    f->overlay = true;
    f->configured = true;
    printf("malcon: overlay open\n");
    fflush(stdout);
    if (!f->human) {
        f->human = true;
        facil_say("person");
    }
}

void facil_pin_backspace(app *a)
{
    facil *f = a->facil;
    size_t n = f ? strlen(f->pin_typed) : 0;
    if (n > 0)
        f->pin_typed[n - 1] = '\0';
}

void facil_pin_cancel(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    f->pin_prompt = false;
    f->pin_typed[0] = '\0';
    f->pin_wrong = false;
}

/* ---- messages ---- */

void facil_message(app *a, const char *text, bool bad)
{
    facil *f = a->facil;
    if (!f)
        return;
    snprintf(f->message, sizeof f->message, "%s", text ? text : "");
    f->message_ms = FACIL_MESSAGE_MS;
    f->message_bad = bad;
}

/* "<prefix>: <reason>" with the prefix translated. */
static void facil_message2(app *a, const char *prefix_msgid, const char *reason)
{
    char buf[RULES_WHY_MAX * 2];
    snprintf(buf, sizeof buf, "%s: %s", app_tr(a, prefix_msgid), reason);
    facil_message(a, buf, true);
}

/* ---- moves ---- */

static const game_state *facil_state(const app *a)
{
    return match_state(a->match);
}

static phase facil_phase(const app *a)
{
    clock_view c;
    rules_clock(facil_state(a), &c);
    return c.phase;
}

/* The counts the steppers start from: what the public will see (malware phase) or sees. */
static void facil_baseline(const app *a, int *out)
{
    facil_preview pv;
    facil_preview_get(a, &pv);
    const scenario_def *sc = state_scenario(facil_state(a));
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++)
        out[r] = pv.shown[r];
}

/* Takes the steppers' values afresh when the round or phase changed (or were reset). */
static void facil_sync_drafts(app *a)
{
    facil *f = a->facil;
    clock_view c;
    rules_clock(facil_state(a), &c);
    if (f->draft_valid && f->draft_round == c.round && f->draft_phase == (int)c.phase)
        return;
    facil_baseline(a, f->draft);
    f->draft_valid = true;
    f->draft_round = c.round;
    f->draft_phase = (int)c.phase;
}

bool facil_play(app *a, const move *m, char *why, size_t why_n)
{
    if (!a->match) {
        snprintf(why, why_n, "%s", app_tr(a, "There is no game in progress."));
        return false;
    }
    const game_state *s = facil_state(a);
    char *line = move_format(s, m);
    /* the reason in the facilitator's language (match_play's is English, for saves and tools) */
    bool ok = rules_check_lang(s, m, a->lang, why, why_n) && match_play(a->match, m, why, why_n);
    if (ok) {
        /* saved first: a line on stdout means the move is on disk (as for the board's moves) */
        app_autosave(a);
        printf("malcon: move %s\n", line);
        fflush(stdout);
        /* the board follows at once (counts count up, the event card flips) */
        if (a->board.ready_for == a->match)
            board_play_sync(a);
        if (a->facil)
            facil_sync_drafts(a);
    }
    free(line);
    return ok;
}

/* Plays a move that needs no reason (start, next); a refusal goes to the message. */
static bool facil_play_plain(app *a, move_kind k)
{
    move m;
    move_init(&m, k);
    char why[RULES_WHY_MAX];
    if (!facil_play(a, &m, why, sizeof why)) {
        facil_message2(a, "Not possible", why);
        return false;
    }
    return true;
}

bool facil_request(app *a, const move *ms, int n, bool then_next, int extend_s)
{
    facil *f = a->facil;
    assert(f && n >= 0 && n <= FACIL_MAX_PENDING);
    if (!a->match) {
        facil_message(a, app_tr(a, "There is no game in progress."), true);
        return false;
    }
    const game_state *s = facil_state(a);
    for (int i = 0; i < n; i++) {
        char why[RULES_WHY_MAX];
        if (!rules_check_lang(s, &ms[i], a->lang, why, sizeof why)) {
            facil_message2(a, "Not possible", why);
            return false;
        }
    }
    if (n == 0)
        return then_next ? facil_play_plain(a, MV_NEXT) : true;
    memcpy(f->pending, ms, (size_t)n * sizeof *ms);
    f->n_pending = n;
    f->pending_next = then_next;
    f->pending_extend_s = extend_s;
    f->reason[0] = '\0';
    f->asking = true;
    f->focus = -1;
    if (a->platform)
        platform_text_input(a->platform, true);
    return true;
}

const char *facil_quick_reason(const app *a, int i)
{
    assert(i >= 0 && i < FACIL_QUICK_REASONS);
    return app_tr(a, facil_quick[i]);
}

void facil_reason_type(app *a, const char *utf8)
{
    facil *f = a->facil;
    if (!f || !f->asking || !utf8)
        return;
    const char *p = utf8;
    while (*p) {
        const char *q = p;
        uint32_t cp = core_utf8_next(&q);
        size_t len = (size_t)(q - p), have = strlen(f->reason);
        /* one line: a control character would break the move line in the save */
        if (cp < 0x20 || cp == 0x7f || have + len + 1 > sizeof f->reason)
            break;
        memcpy(f->reason + have, p, len);
        f->reason[have + len] = '\0';
        p = q;
    }
}

void facil_reason_backspace(app *a)
{
    facil *f = a->facil;
    if (!f || !f->asking)
        return;
    size_t n = strlen(f->reason);
    while (n > 0) {
        n--;
        if (((unsigned char)f->reason[n] & 0xC0) != 0x80)
            break;
    }
    f->reason[n] = '\0';
}

void facil_reason_quick(app *a, int i)
{
    facil *f = a->facil;
    if (!f || !f->asking || i < 0 || i >= FACIL_QUICK_REASONS)
        return;
    f->reason[0] = '\0';
    facil_reason_type(a, facil_quick_reason(a, i));
}

/* The reason without blanks around it (the move line is trimmed when it is read back). */
static void facil_trimmed_reason(const facil *f, char *out, size_t n)
{
    const char *s = f->reason;
    while (*s == ' ')
        s++;
    snprintf(out, n, "%s", s);
    size_t len = strlen(out);
    while (len > 0 && out[len - 1] == ' ')
        out[--len] = '\0';
}

bool facil_reason_confirm(app *a)
{
    facil *f = a->facil;
    if (!f || !f->asking)
        return false;
    f->asking = false;
    if (a->platform)
        platform_text_input(a->platform, false);
    char reason[RULES_REASON_MAX];
    facil_trimmed_reason(f, reason, sizeof reason);
    int n = f->n_pending;
    f->n_pending = 0;
    for (int i = 0; i < n; i++) {
        move m = f->pending[i];
        memcpy(m.reason, reason, sizeof m.reason);
        char why[RULES_WHY_MAX];
        if (!facil_play(a, &m, why, sizeof why)) {
            facil_message2(a, "Not possible", why);
            return false;
        }
    }
    if (f->pending_next && !facil_play_plain(a, MV_NEXT))
        return false;
    if (f->pending_extend_s > 0) {
        uint32_t ms = (uint32_t)f->pending_extend_s * 1000u;
        if (a->solo.clock.on)
            a->solo.clock.ms_left += ms; /* the solo clock (recorded at the next player move) */
        else
            a->board.meeting_ms_left += ms;
    }
    facil_message(a,
                  app_tr(a, reason[0] ? "Done: recorded with its reason for the debrief."
                                      : "Done: recorded without a reason."),
                  false);
    return true;
}

void facil_reason_cancel(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    f->asking = false;
    f->n_pending = 0;
    if (a->platform)
        platform_text_input(a->platform, false);
    facil_message(a, app_tr(a, "Cancelled: nothing was changed."), false);
}

/* ---- the console's actions ---- */

/* True when there is a game; else a message. */
static bool facil_need_game(app *a)
{
    if (a->match && a->facil)
        return true;
    if (a->facil)
        facil_message(a, app_tr(a, "There is no game in progress."), true);
    return false;
}

/* The one-move request of kind k on the selected terminal (or a message asking for one). */
static void facil_terminal_move(app *a, move_kind k)
{
    if (!facil_need_game(a))
        return;
    facil *f = a->facil;
    const scenario_def *sc = state_scenario(facil_state(a));
    if (f->sel_terminal < 0 || (size_t)f->sel_terminal >= sc->n_terminals) {
        facil_message(a, app_tr(a, "Choose a terminal on the floor plan first."), true);
        return;
    }
    move m;
    move_init(&m, k);
    m.target[0] = f->sel_terminal;
    if (k == MV_FAC_INFECT)
        m.value = f->sel_route;
    facil_request(a, &m, 1, false, 0);
}

void facil_select_terminal(app *a, int terminal)
{
    if (!facil_need_game(a))
        return;
    const scenario_def *sc = state_scenario(facil_state(a));
    if (terminal >= -1 && terminal < (int)sc->n_terminals)
        a->facil->sel_terminal = terminal;
}

void facil_place(app *a)
{
    facil_terminal_move(a, MV_FAC_INFECT);
}

void facil_cure(app *a)
{
    facil_terminal_move(a, MV_FAC_CURE);
}

void facil_reveal(app *a)
{
    facil_terminal_move(a, MV_FAC_REVEAL);
}

/* The one-move request of kind k on the selected event. */
static void facil_event_move(app *a, move_kind k)
{
    if (!facil_need_game(a))
        return;
    facil *f = a->facil;
    const ruleset *rs = state_ruleset(facil_state(a));
    if (f->sel_event < 0 || (size_t)f->sel_event >= rs->n_events) {
        facil_message(a, app_tr(a, "Choose an event in the list first."), true);
        return;
    }
    move m;
    move_init(&m, k);
    m.event = f->sel_event;
    facil_request(a, &m, 1, false, 0);
}

void facil_choose(app *a)
{
    facil_event_move(a, MV_FAC_CHOOSE);
}

void facil_inject(app *a)
{
    facil_event_move(a, MV_FAC_INJECT);
}

void facil_skip(app *a)
{
    if (!facil_need_game(a))
        return;
    move m;
    move_init(&m, MV_FAC_SKIP);
    facil_request(a, &m, 1, false, 0);
}

/* True when the counts may be set (malware) or corrected (event, action) now. */
static bool facil_flow_phase(app *a)
{
    phase p = facil_phase(a);
    if (p == PHASE_MALWARE || p == PHASE_EVENT || p == PHASE_ACTION)
        return true;
    facil_message(a,
                  app_tr(a, "The counts are set in the malware phase (and corrected later in the "
                            "round)."),
                  true);
    return false;
}

void facil_flow_step(app *a, int room, int delta)
{
    if (!facil_need_game(a) || !facil_flow_phase(a))
        return;
    const scenario_def *sc = state_scenario(facil_state(a));
    if (room < 0 || (size_t)room >= sc->n_rooms || room >= RULES_MAX_ROOMS)
        return;
    facil_sync_drafts(a);
    int v = a->facil->draft[room] + delta;
    a->facil->draft[room] = v < 0 ? 0 : v > FACIL_MAX_DRAFT ? FACIL_MAX_DRAFT : v;
}

void facil_flow_reset(app *a)
{
    if (!facil_need_game(a))
        return;
    a->facil->draft_valid = false;
    facil_sync_drafts(a);
}

/* The `fac flow` moves of the rooms whose stepper differs from the baseline; returns how many. */
static int facil_flow_moves(app *a, move *out)
{
    facil_sync_drafts(a);
    int base[RULES_MAX_ROOMS];
    facil_baseline(a, base);
    const scenario_def *sc = state_scenario(facil_state(a));
    int n = 0;
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++) {
        if (a->facil->draft[r] == base[r])
            continue;
        move_init(&out[n], MV_FAC_FLOW);
        out[n].target[0] = (int)r;
        out[n].value = a->facil->draft[r];
        n++;
    }
    return n;
}

bool facil_draft_changed(const app *a)
{
    if (!a->match || !a->facil || !a->facil->draft_valid)
        return false;
    int base[RULES_MAX_ROOMS];
    facil_baseline(a, base);
    const scenario_def *sc = state_scenario(facil_state(a));
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++)
        if (a->facil->draft[r] != base[r])
            return true;
    return false;
}

int facil_draft(const app *a, int room)
{
    if (!a->facil || room < 0 || room >= RULES_MAX_ROOMS)
        return 0;
    if (!a->facil->draft_valid && a->match) {
        int base[RULES_MAX_ROOMS];
        facil_baseline(a, base);
        return base[room];
    }
    return a->facil->draft[room];
}

void facil_flow_apply(app *a)
{
    if (!facil_need_game(a) || !facil_flow_phase(a))
        return;
    move ms[RULES_MAX_ROOMS];
    int n = facil_flow_moves(a, ms);
    if (n == 0) {
        facil_message(a, app_tr(a, "No count was changed."), false);
        return;
    }
    facil_request(a, ms, n, false, 0);
}

void facil_continue(app *a)
{
    if (!facil_need_game(a))
        return;
    switch (facil_phase(a)) {
    case PHASE_SETUP:
        facil_play_plain(a, MV_START);
        break;
    case PHASE_MALWARE: {
        /* changed counts first (one reason for all of them), then the counts are shown */
        move ms[RULES_MAX_ROOMS];
        int n = facil_flow_moves(a, ms);
        facil_request(a, ms, n, true, 0);
        break;
    }
    case PHASE_EVENT:
    case PHASE_MEETING:
        facil_play_plain(a, MV_NEXT);
        break;
    case PHASE_ACTION:
        facil_message(a,
                      app_tr(a, "The players are acting: the round goes on when every role has "
                                "ended its turn."),
                      false);
        break;
    default:
        facil_message(a, app_tr(a, "The game is over."), false);
        break;
    }
}

void facil_undo(app *a)
{
    if (!facil_need_game(a))
        return;
    solo_undo_time(a); /* the solo clock's records go back with the move they came before */
    size_t n = match_moves(a->match);
    if (match_can_undo(a->match) && match_undo(a->match)) {
        solo_undo_time(a);
        app_autosave(a);
        printf("malcon: undo\n");
        fflush(stdout);
        if (a->board.ready_for == a->match)
            board_play_sync(a);
        a->facil->draft_valid = false;
        facil_message(a, app_tr(a, "Undone."), false);
        return;
    }
    const char *reason = "nothing to undo";
    if (n > 0) {
        const char *last = match_move_line(a->match, n - 1);
        if (strncmp(last, "act ", 4) == 0)
            reason = "that action revealed hidden facts or drew chance";
        else if (strncmp(last, "fac ", 4) == 0)
            reason = "a facilitator's override stays: it is recorded for the debrief";
        else if (strcmp(last, "next") == 0 || strcmp(last, "start") == 0)
            reason = "the hidden side has moved on (it drew chance)";
        else
            reason = "the rules do not allow it";
    }
    facil_message2(a, "Cannot undo", app_tr(a, reason));
}

void facil_pause_toggle(app *a)
{
    facil *f = a->facil;
    if (!f)
        return;
    f->paused = !f->paused;
    facil_message(a, app_tr(a, f->paused ? "Timers paused." : "Timers running again."), false);
}

bool facil_timer_extendable(const app *a)
{
    if (!a->match)
        return false;
    phase p = facil_phase(a);
    if (a->solo.clock.on)
        return p != PHASE_OVER;
    return p == PHASE_MEETING;
}

void facil_extend(app *a, int seconds)
{
    if (!facil_need_game(a))
        return;
    if (!facil_timer_extendable(a)) {
        facil_message(a, app_tr(a, "The meeting timer runs in the meeting phase."), true);
        return;
    }
    move m;
    move_init(&m, MV_FAC_TIME);
    m.value = seconds;
    facil_request(a, &m, 1, false, seconds);
}

/* ---- queries and time ---- */

/* Plays the hidden side and passes on a copy until the next event is drawn; the event, or -1. */
static int facil_preview_event(const game_state *s)
{
    game_state *d = state_dup(s);
    int ev = -1;
    for (int guard = 0; guard < 4 * RULES_MAX_ROLES + 8; guard++) {
        clock_view c;
        rules_clock(d, &c);
        move m;
        if (c.phase == PHASE_OVER)
            break;
        if (c.phase == PHASE_SETUP) {
            move_init(&m, MV_START);
        } else if (c.phase == PHASE_ACTION) {
            move_init(&m, MV_PASS);
            m.role = rules_current_role(d);
        } else {
            move_init(&m, MV_NEXT);
        }
        if (!rules_apply_inplace(d, &m, NULL, NULL, NULL, 0))
            break;
        if (c.phase == PHASE_EVENT) {
            ev = rules_round_event(d);
            break;
        }
    }
    state_free(d);
    return ev;
}

void facil_preview_get(const app *a, facil_preview *out)
{
    memset(out, 0, sizeof *out);
    out->next_event = -1;
    if (!a->match)
        return;
    const game_state *s = facil_state(a);
    const scenario_def *sc = state_scenario(s);
    viewer fac = {VIEW_FACILITATOR, -1};
    clock_view c;
    rules_clock(s, &c);
    /* The malware phase's counts: `next` on a copy (the same RNG draws the same beacons). */
    game_state *d = NULL;
    if (c.phase == PHASE_MALWARE) {
        move nx;
        move_init(&nx, MV_NEXT);
        d = state_dup(s);
        if (rules_apply_inplace(d, &nx, NULL, NULL, NULL, 0)) {
            out->counts = true;
        } else {
            state_free(d);
            d = NULL;
        }
    }
    for (size_t r = 0; r < sc->n_rooms && r < RULES_MAX_ROOMS; r++) {
        room_view rv;
        rules_room(d ? d : s, fac, (int)r, &rv);
        out->true_count[r] = rv.true_count;
        out->shown[r] = rv.count;
    }
    state_free(d);
    out->next_event = facil_preview_event(s);
    /* the facilitator's skip of this round, and a chosen event not drawn yet */
    const log_buf *log = match_log(a->match);
    int chosen = -1;
    for (size_t i = 0; i < log->count; i++) {
        const log_entry *e = &log->items[i];
        if (e->type == LOG_OVERRIDE && e->value == MV_FAC_SKIP && e->round == c.round &&
            (c.phase == PHASE_MALWARE || c.phase == PHASE_EVENT))
            out->skipped = true;
        if (e->type == LOG_OVERRIDE && e->value == MV_FAC_CHOOSE)
            chosen = e->event;
        /* drawn (not injected: an injection is logged right after its override) */
        bool injected = i > 0 && log->items[i - 1].type == LOG_OVERRIDE &&
                        log->items[i - 1].value == MV_FAC_INJECT;
        if (e->type == LOG_EVENT && e->event == chosen && !injected)
            chosen = -1;
    }
    out->chosen = chosen >= 0 && chosen == out->next_event;
}

void facil_update(app *a, uint32_t dt_ms)
{
    facil *f = a->facil;
    if (!f)
        return;
    if (f->ready_for != a->match) {
        /* the match changed under the console (content reloaded, ...): start afresh */
        facil_reset_ui(f, a->match);
        if (!a->match) {
            f->overlay = false;
            f->pin_prompt = false;
        }
    }
    f->message_ms = f->message_ms > dt_ms ? f->message_ms - dt_ms : 0;
    if (f->message_ms > 0)
        a->animating = true;
    if (a->match)
        facil_sync_drafts(a);
}
