/* facil.h: the human facilitator (GAME.md section 9): who runs the hidden side now, the console's
 * state, the overrides it plays (each with a reason, through the rules library and the match), the
 * PIN of the one-display overlay and the pause and extension of the timers.
 *
 * The console shows the truth on the facilitator's own screen: a second window (two displays,
 * or --facilitator), else a PIN-protected overlay on the main window (F9). While a person is in
 * charge the board's computer facilitator submits nothing and the board says "waiting for the
 * facilitator"; closing the console (its window's close button, "Hand over") lets the computer
 * take over again until the console is opened again (F9). Nothing here draws: screen_console.c
 * draws and decodes input; tests drive these functions directly. Everything here is UI state:
 * undo of the match never restores it.
 */
#ifndef MALCON_APP_FACIL_H
#define MALCON_APP_FACIL_H

#include "app.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FACIL_PIN_LEN       4                     /* digits of the overlay's PIN */
#define FACIL_EXTEND_S      60                    /* one press of "+1 min" */
#define FACIL_MAX_PENDING   (RULES_MAX_ROOMS + 1) /* override moves behind one reason */
#define FACIL_QUICK_REASONS 6                     /* quick-pick reasons of the reason form */
#define FACIL_HANDOVER_MS   1500                  /* the computer's pause after it takes over */
#define FACIL_CONSOLE_W     1440                  /* the console window's first size */
#define FACIL_CONSOLE_H     810
#define FACIL_TITLE         "Facilitator console / 進行役コンソール - Malware Containment"

/* The console's lower panel. */
typedef enum facil_tab { FT_EVENTS = 0, FT_LOG, FT_PRIVATE, FT_COUNT } facil_tab;

/* The facilitator's state (a->facil). */
typedef struct facil {
    /* who runs the hidden side */
    bool configured;   /* a person facilitates this game (the board names who does now) */
    bool human;        /* a person runs the hidden side now: the computer submits nothing */
    bool use_window;   /* the console is a second window (else the PIN overlay) */
    bool force_window; /* --facilitator: always a window, whatever the displays */
    bool window;       /* the console window should be open (main.c opens and closes it) */
    bool overlay;      /* the console covers the main window (one display) */
    /* the PIN of the overlay */
    char pin[FACIL_PIN_LEN + 1]; /* "" when none is set yet (the first F9 sets it) */
    bool pin_prompt;             /* the PIN prompt covers the main window */
    char pin_typed[FACIL_PIN_LEN + 1];
    bool pin_wrong; /* the last try was wrong: "wrong PIN", nothing shown */
    /* timers (app state: the meeting countdown lives in a->board) */
    bool paused;
    /* the console's UI state */
    int sel_terminal; /* terminal chosen on the console's floor plan, -1 none */
    int sel_route;    /* route for "place an infection" (ROUTE_MAIL..) */
    int sel_event;    /* event chosen in the events list, -1 none */
    int tab;          /* facil_tab */
    int focus;        /* keyboard focus: index in the console's control list, -1 none */
    int hover_x, hover_y;
    int log_scroll;             /* log lines scrolled up from the newest */
    int event_scroll;           /* event rows scrolled down */
    int draft[RULES_MAX_ROOMS]; /* the counts the steppers show (malware: as they will show) */
    bool draft_valid;
    int draft_round, draft_phase; /* when the drafts were taken */
    /* the reason form: the overrides waiting for their reason */
    bool asking;
    int n_pending;
    move pending[FACIL_MAX_PENDING];
    bool pending_next;    /* then `next` (Show counts) */
    int pending_extend_s; /* then the running timer (solo clock, meeting) gets this much more */
    char reason[RULES_REASON_MAX];
    /* feedback */
    char message[RULES_WHY_MAX * 2];
    uint32_t message_ms;
    bool message_bad;
    const match *ready_for; /* the match this state was set up for */
    int w, h;               /* the console window's drawing size (0: not open) */
} facil;

/* What the next `next` moves will produce, computed on a copy of the state (the real game and
 * its RNG are untouched: the copy draws exactly what the real game will draw). */
typedef struct facil_preview {
    bool counts;                     /* malware phase: the counts below are still to come */
    int true_count[RULES_MAX_ROOMS]; /* what the malware produces this round */
    int shown[RULES_MAX_ROOMS];      /* what the public will see (a flow set already included) */
    int next_event;                  /* the event the next draw resolves, -1 none or unknown */
    bool skipped;                    /* this round's event is skipped */
    bool chosen;                     /* next_event is the facilitator's choice */
} facil_preview;

/* A new facilitator state (nobody facilitates by hand). */
facil *facil_new(void);
/* Frees it; NULL is a no-op. */
void facil_free(facil *f);

/* ---- who runs the hidden side ---- */

/* True when a person runs the hidden side of the game in progress now (the board's computer
 * facilitator then submits nothing). */
bool facil_human(const app *a);
/* True when this game has a human facilitator (in charge or not). */
bool facil_configured(const app *a);
/* True when the timers are paused by the facilitator. */
bool facil_paused(const app *a);
/* --facilitator: the console is always a second window, and the new-game screen starts with
 * "Facilitator: Person". */
void facil_force_window(app *a);
/* A match was adopted (new, loaded, continued): the console's UI starts afresh; a console
 * window that is open stays open and its person stays in charge. */
void facil_match_adopted(app *a);
/* The new game was set up with "Facilitator: Person": a person is in charge and the console
 * opens at once (a window with two displays or --facilitator, else the overlay, whose PIN is
 * the one set on the new-game screen). */
void facil_person_starts(app *a);
/* The console is closed (its window's close button, "Hand over"): the computer facilitator
 * takes over after a short pause. The game goes on untouched. */
void facil_hand_over(app *a);
/* F9 on the main window: opens the console again (the window, or the PIN prompt of the
 * overlay). True when it did something (there is a game on the board). */
bool facil_reopen(app *a);
/* The console window could not be opened: the overlay serves instead (F9 and the PIN). */
void facil_window_failed(app *a);
/* Esc on the overlay: it closes at once; the person stays in charge (F9 shows it again). */
void facil_overlay_close(app *a);
/* True when the main window shows the console (overlay) or the PIN prompt instead of the
 * current screen. */
bool facil_covers_main(const app *a);

/* ---- the PIN ---- */

/* True when text is a PIN: exactly FACIL_PIN_LEN digits. */
bool facil_pin_valid(const char *text);
/* One digit (0-9) typed at the PIN prompt; the fourth one checks it: the right PIN (or the first
 * PIN set) opens the overlay and puts the person in charge; a wrong one shows "wrong PIN" and
 * nothing else. */
void facil_pin_digit(app *a, int digit);
/* Removes the last digit typed. */
void facil_pin_backspace(app *a);
/* Closes the PIN prompt (Esc). */
void facil_pin_cancel(app *a);

/* ---- moves ---- */

/* Plays one move from the console: checked by the rules (the reason in the app's language),
 * played through the match ("malcon: move <line>" on stdout, autosave); the board follows.
 * False with why when the rules refuse it. */
bool facil_play(app *a, const move *m, char *why, size_t why_n);
/* Asks for the reason of n override moves (n <= FACIL_MAX_PENDING), then `next` when
 * then_next, then extend_s more seconds on the meeting countdown. Refused (false, a message)
 * when one of them is illegal now. n == 0 with then_next plays `next` at once. */
bool facil_request(app *a, const move *ms, int n, bool then_next, int extend_s);
/* The quick-pick reason i (0..FACIL_QUICK_REASONS-1) in the app's language. */
const char *facil_quick_reason(const app *a, int i);
/* Types UTF-8 text into the reason (whole characters that fit). */
void facil_reason_type(app *a, const char *utf8);
/* Removes the last character of the reason. */
void facil_reason_backspace(app *a);
/* Replaces the reason by quick-pick i. */
void facil_reason_quick(app *a, int i);
/* Plays the waiting moves with the reason (an empty one is allowed), then `next` / the
 * extension. False when the rules refused one (the message says why; the rest is dropped). */
bool facil_reason_confirm(app *a);
/* Drops the waiting moves. */
void facil_reason_cancel(app *a);

/* The console's own actions (each checks the phase and explains a refusal in the message). */
void facil_select_terminal(app *a, int terminal);
void facil_place(app *a);  /* fac infect <selected> <route> (setup) */
void facil_cure(app *a);   /* fac cure <selected> (setup) */
void facil_reveal(app *a); /* fac reveal <selected> */
void facil_choose(app *a); /* fac choose <selected event> */
void facil_inject(app *a); /* fac inject <selected event> */
void facil_skip(app *a);   /* fac skip */
/* Steps the count room r will show (or, after the malware phase, the correction) by delta. */
void facil_flow_step(app *a, int room, int delta);
/* The steppers go back to the malware's own counts (malware phase) or the shown ones. */
void facil_flow_reset(app *a);
/* After the malware phase: the changed counts as `fac flow` corrections (with a reason). */
void facil_flow_apply(app *a);
/* The phase's main step: start (setup), show the counts (malware: changed counts first, with a
 * reason), draw the event (event), end the meeting (meeting). */
void facil_continue(app *a);
/* Takes the last move back when the rules allow it; else the reason in the message. */
void facil_undo(app *a);
/* Pauses or resumes the timers (app only: nothing is recorded). */
void facil_pause_toggle(app *a);
/* True when a timer runs that "+1 min" extends: the solo clock, or the meeting countdown in the
 * meeting phase. */
bool facil_timer_extendable(const app *a);
/* Extends that timer by seconds: recorded as `fac time <seconds> # reason`. */
void facil_extend(app *a, int seconds);

/* ---- queries and time ---- */

/* The preview of what the hidden side does next (see facil_preview). */
void facil_preview_get(const app *a, facil_preview *out);
/* The count room r's stepper shows now (the draft). */
int facil_draft(const app *a, int room);
/* True when some stepper differs from what is (or will be) shown. */
bool facil_draft_changed(const app *a);
/* Shows a message in the console for a few seconds (bad: a refusal). */
void facil_message(app *a, const char *text, bool bad);
/* Advances the console's clocks and re-derives its state from the match (phase changes reset
 * the steppers). Called every frame by app_update. */
void facil_update(app *a, uint32_t dt_ms);

/* ---- the console's drawing and input (screen_console.c) ---- */

/* Draws the whole console (begin .. end included) for a w x h target. */
void console_draw(const app *a, ui_draw *d, int w, int h);
/* Reacts to one input of the console drawn at w x h (mouse and keys; Esc closes an overlay). */
void console_input(app *a, const ui_input *in, int w, int h);
/* The main window while facil_covers_main(): the PIN prompt or the console overlay. */
void console_main_draw(const app *a, ui_draw *d);
void console_main_input(app *a, const ui_input *in);

#endif
