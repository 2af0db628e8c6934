/* test_console.c: the facilitator console's logic and screens: the reason form (quick picks,
 * typed and empty reasons, cancel), the overlay's PIN (wrong PIN shows nothing, Esc closes at
 * once), who runs the hidden side (a person stops the computer's pacing; closing the console
 * lets the computer take over; F9 takes it back), the counts set in the malware phase (shown
 * with no visible correction), events chosen / skipped / injected, reveal, undo as far as the
 * rules allow, the meeting timer's pause and extension, and the console driven by clicks and by
 * keys through its own drawing. */
#include "board.h"
#include "facil.h"
#include "helper_app.h"
#include "theme.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Opens the board on the standard game of seed 3 after moves; window: the console is a second
 * window (--facilitator), else the game is set up with a person and the PIN 2468 (overlay). */
static void open_game(app *a, const char *moves, bool window, lang l)
{
    helper_app_init(a, NULL, 1920, 1080);
    app_set_lang(a, l);
    if (window)
        facil_force_window(a);
    char *text = helper_standard_game(3, moves), why[256];
    bool ok = app_load_text(a, text, why, sizeof why);
    free(text);
    if (!ok)
        fail_msg("cannot load the game: %s", why);
    if (!window) {
        snprintf(a->newgame.facilitator_pin, sizeof a->newgame.facilitator_pin, "2468");
        facil_person_starts(a);
    }
    helper_tick(a); /* the board screen enters */
    assert_int_equal(a->screen, SCR_BOARD);
}

static const game_state *st(const app *a)
{
    return match_state(a->match);
}

static phase ph(const app *a)
{
    clock_view c;
    rules_clock(st(a), &c);
    return c.phase;
}

static int term(const app *a, const char *id)
{
    const scenario_def *sc = state_scenario(st(a));
    for (size_t t = 0; t < sc->n_terminals; t++)
        if (!strcmp(sc->terminals[t].id, id))
            return (int)t;
    fail_msg("no terminal %s", id);
    return -1;
}

static int room(const app *a, const char *id)
{
    const scenario_def *sc = state_scenario(st(a));
    for (size_t r = 0; r < sc->n_rooms; r++)
        if (!strcmp(sc->rooms[r].id, id))
            return (int)r;
    fail_msg("no room %s", id);
    return -1;
}

/* The recorded text call whose text is exactly text, or NULL. */
static const ui_rec_call *find_exact(const ui_draw *d, const char *text)
{
    size_t n;
    const ui_rec_call *c = ui_draw_rec_calls(d, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == REC_TEXT && c[i].text && !strcmp(c[i].text, text))
            return &c[i];
    return NULL;
}

/* Draws the console at 1920x1080 into a recorder (caller frees). */
static ui_draw *draw_console(const app *a)
{
    ui_draw *d = ui_draw_rec_new(1920, 1080);
    console_draw(a, d, 1920, 1080);
    return d;
}

/* Clicks the console control labelled text (as drawn now); fails when it is not drawn. */
static void click_console(app *a, const char *text)
{
    ui_draw *d = draw_console(a);
    const ui_rec_call *c = ui_draw_rec_find_text(d, text);
    if (!c)
        fail_msg("the console shows no '%s'", text);
    ui_input in = {0};
    in.type = IN_MOUSE_DOWN;
    in.button = 1;
    in.x = c->r.x + c->r.w / 2;
    in.y = c->r.y + c->r.h / 2;
    draw_free(d);
    console_input(a, &in, 1920, 1080);
}

static void console_key(app *a, ui_key k, int mods)
{
    ui_input in = {0};
    in.type = IN_KEY;
    in.key = k;
    in.mods = mods;
    console_input(a, &in, 1920, 1080);
}

static void console_text(app *a, const char *utf8)
{
    ui_input in = {0};
    in.type = IN_TEXT;
    snprintf(in.text, sizeof in.text, "%s", utf8);
    console_input(a, &in, 1920, 1080);
}

/* ---- the reason form ---- */

static void test_console_every_override_asks_for_a_reason(void **state)
{
    (void)state;
    app a;
    open_game(&a, "", true, LANG_EN);
    assert_true(facil_human(&a));
    facil_select_terminal(&a, term(&a, "T02"));
    a.facil->sel_route = ROUTE_USB;
    facil_place(&a);
    /* nothing is played before the reason */
    assert_true(a.facil->asking);
    assert_int_equal(match_moves(a.match), 0);
    ui_draw *d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "Place an infection: T02"));
    /* an empty reason is allowed but discouraged */
    assert_true(ui_draw_rec_has_text(d, "An empty reason is allowed"));
    draw_free(d);
    /* a quick pick, then typed words replace nothing but add */
    facil_reason_quick(&a, 0);
    assert_string_equal(a.facil->reason, "For teaching");
    facil_reason_type(&a, ": Sato's USB stick");
    facil_reason_backspace(&a);
    facil_reason_type(&a, "k");
    d = draw_console(&a);
    assert_false(ui_draw_rec_has_text(d, "An empty reason is allowed"));
    draw_free(d);
    assert_true(facil_reason_confirm(&a));
    assert_false(a.facil->asking);
    assert_string_equal(helper_last_line(&a),
                        "fac infect T02 usb # For teaching: Sato's USB stick");
    /* the override is in the log with its reason, for the facilitator and the debrief only */
    const log_buf *log = match_log(a.match);
    const log_entry *e = &log->items[log->count - 1];
    assert_int_equal(e->type, LOG_OVERRIDE);
    assert_int_equal(e->vis, VIS_FACILITATOR);
    assert_string_equal(e->reason, "For teaching: Sato's USB stick");

    /* empty reason: played, with a note that none was given */
    facil_select_terminal(&a, term(&a, "T02"));
    facil_cure(&a);
    assert_true(facil_reason_confirm(&a));
    assert_string_equal(helper_last_line(&a), "fac cure T02");
    assert_non_null(strstr(a.facil->message, "without a reason"));

    /* cancel: nothing happens; blanks around a reason are dropped (the save trims them) */
    size_t n = match_moves(a.match);
    facil_place(&a);
    facil_reason_type(&a, "oops");
    facil_reason_cancel(&a);
    assert_int_equal(match_moves(a.match), n);
    facil_place(&a);
    facil_reason_type(&a, "  story  ");
    facil_reason_type(&a, "\nline two"); /* a control character stops the typing */
    assert_true(facil_reason_confirm(&a));
    assert_string_equal(helper_last_line(&a), "fac infect T02 usb # story");

    /* an illegal override is refused at once, with the rules' reason (no form) */
    facil_place(&a);
    assert_false(a.facil->asking);
    assert_non_null(strstr(a.facil->message, "already infected"));
    app_free(&a);
}

/* ---- the PIN and the overlay ---- */

static void test_console_pin_protects_the_overlay(void **state)
{
    (void)state;
    assert_true(facil_pin_valid("0042"));
    assert_false(facil_pin_valid("042"));
    assert_false(facil_pin_valid("12a4"));
    assert_false(facil_pin_valid("12345"));
    assert_false(facil_pin_valid(NULL));

    app a;
    open_game(&a, "", false, LANG_EN);
    /* one display: the console opens over the board at the start (the PIN was just set) */
    assert_true(facil_human(&a));
    assert_true(facil_covers_main(&a));
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Facilitator console"));
    draw_free(d);
    /* Esc closes it at once: the board again, the person still in charge */
    helper_key(&a, KEY_ESCAPE, 0);
    assert_false(facil_covers_main(&a));
    assert_true(facil_human(&a));
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "Facilitator console"));
    assert_true(ui_draw_rec_has_text(d, "Waiting for the facilitator"));
    draw_free(d);

    /* F9: the PIN prompt; a wrong PIN shows "Wrong PIN" and nothing of the console */
    helper_key(&a, KEY_F9, 0);
    assert_true(a.facil->pin_prompt);
    helper_key(&a, KEY_1, 0);
    helper_key(&a, KEY_3, 0);
    helper_key(&a, KEY_5, 0);
    helper_key(&a, KEY_7, 0);
    assert_true(a.facil->pin_wrong);
    assert_false(a.facil->overlay);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Wrong PIN"));
    assert_false(ui_draw_rec_has_text(d, "infected"));
    assert_false(ui_draw_rec_has_text(d, "Events"));
    assert_false(ui_draw_rec_has_text(d, "T07")); /* no board either: only the prompt */
    draw_free(d);
    /* the right PIN, by clicking the keypad */
    const char *pin = "2468";
    for (int i = 0; i < 4; i++) {
        d = helper_draw(&a);
        char digit[2] = {pin[i], 0};
        const ui_rec_call *c = find_exact(d, digit);
        assert_non_null(c);
        helper_click(&a, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2);
        draw_free(d);
    }
    assert_false(a.facil->pin_prompt);
    assert_true(facil_covers_main(&a));
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "infected")); /* the truth, on the facilitator's turn */
    draw_free(d);
    /* the overlay's Close button, then F9 and Esc leave the prompt with nothing shown */
    d = helper_draw(&a);
    const ui_rec_call *close = ui_draw_rec_find_text(d, "Close (Esc)");
    assert_non_null(close);
    helper_click(&a, close->r.x + close->r.w / 2, close->r.y + close->r.h / 2);
    draw_free(d);
    assert_false(facil_covers_main(&a));
    helper_key(&a, KEY_F9, 0);
    helper_key(&a, KEY_2, 0);
    helper_key(&a, KEY_ESCAPE, 0);
    assert_false(facil_covers_main(&a));
    assert_false(a.facil->pin_prompt);
    app_free(&a);

    /* a game the computer runs: the first F9 sets the PIN, later ones ask for it */
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    char why[256];
    assert_true(
        app_start_quick(&a, ruleset_scenario(a.rs, "standard"), MODE_WORKSHOP, why, sizeof why));
    helper_tick(&a);
    assert_false(facil_configured(&a));
    helper_key(&a, KEY_F9, 0);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Set a 4-digit PIN"));
    draw_free(d);
    for (int k = 0; k < 4; k++)
        helper_key(&a, KEY_9, 0);
    assert_true(facil_covers_main(&a));
    assert_true(facil_human(&a));
    assert_string_equal(a.facil->pin, "9999");
    app_free(&a);
}

/* ---- who runs the hidden side ---- */

static void test_console_person_in_charge_then_takeover(void **state)
{
    (void)state;
    app a;
    open_game(&a, "start\n", true, LANG_EN);
    assert_int_equal(ph(&a), PHASE_MALWARE);
    /* a person is in charge: the computer's pacing submits nothing, however long it waits */
    for (int i = 0; i < 100; i++)
        app_update(&a, 100);
    assert_int_equal(match_moves(a.match), 1);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Waiting for the facilitator"));
    assert_false(ui_draw_rec_has_text(d, "Computer facilitator"));
    draw_free(d);

    /* the console is closed: the computer takes over after a short pause, and says so */
    facil_hand_over(&a);
    assert_false(a.facil->window);
    assert_false(facil_human(&a));
    app_update(&a, 200);
    assert_int_equal(match_moves(a.match), 1);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Computer facilitator"));
    assert_false(ui_draw_rec_has_text(d, "Waiting for the facilitator"));
    draw_free(d);
    for (int i = 0; i < 60; i++)
        app_update(&a, 100);
    assert_int_equal(ph(&a), PHASE_ACTION); /* malware, then the event: the game went on */
    assert_int_equal(match_moves(a.match), 3);
    assert_string_equal(helper_last_line(&a), "next");

    /* F9 opens the console window again: the person takes the hidden side back */
    helper_key(&a, KEY_F9, 0);
    assert_true(a.facil->window);
    assert_true(facil_human(&a));
    /* the round goes on to the meeting, whose countdown still ends it (a players' phase) */
    const char *passes[] = {"pass commander", "pass researcher", "pass forensic",
                            "pass notification"};
    for (int i = 0; i < 4; i++) {
        char why[RULES_WHY_MAX];
        assert_true(match_play_line(a.match, passes[i], why, sizeof why));
    }
    board_play_sync(&a);
    assert_int_equal(ph(&a), PHASE_MEETING);
    for (int i = 0; i < 200; i++)
        app_update(&a, 1000);
    assert_int_equal(ph(&a), PHASE_MALWARE); /* round 2's malware phase waits for the person */
    size_t n = match_moves(a.match);
    for (int i = 0; i < 50; i++)
        app_update(&a, 100);
    assert_int_equal(match_moves(a.match), n);
    app_free(&a);
}

/* ---- counts, events, reveal ---- */

static void test_console_counts_set_before_they_are_shown(void **state)
{
    (void)state;
    app a;
    open_game(&a, "start\n", true, LANG_EN);
    /* the preview is what `next` produces (a copy draws what the game will draw) */
    facil_preview pv;
    facil_preview_get(&a, &pv);
    assert_true(pv.counts);
    int sales = room(&a, "sales");
    int want = pv.shown[sales] + 2;
    facil_flow_step(&a, sales, 1);
    facil_flow_step(&a, sales, 1);
    assert_int_equal(facil_draft(&a, sales), want);
    assert_true(facil_draft_changed(&a));
    size_t log_before = match_log(a.match)->count;
    facil_continue(&a); /* Show the counts: the changed count asks for a reason first */
    assert_true(a.facil->asking);
    assert_true(a.facil->pending_next);
    facil_reason_type(&a, "a clearer first clue");
    assert_true(facil_reason_confirm(&a));
    assert_int_equal(ph(&a), PHASE_EVENT);
    char line[128];
    snprintf(line, sizeof line, "fac flow sales %d # a clearer first clue", want);
    assert_string_equal(match_move_line(a.match, 1), line);
    assert_string_equal(match_move_line(a.match, 2), "next");
    viewer pub = {VIEW_PUBLIC, -1};
    room_view rv;
    rules_room(st(&a), pub, sales, &rv);
    assert_int_equal(rv.count, want);
    /* no visible correction: one public count per room this round, the facilitator's */
    const log_buf *log = match_log(a.match);
    int shown = 0;
    for (size_t i = log_before; i < log->count; i++)
        if (log->items[i].type == LOG_COUNT_SHOWN && log->items[i].room == sales) {
            shown++;
            assert_int_equal(log->items[i].amount, want);
        }
    assert_int_equal(shown, 1);
    /* the malware's own counts match the preview */
    viewer fac = {VIEW_FACILITATOR, -1};
    for (size_t r = 0; r < state_scenario(st(&a))->n_rooms; r++) {
        rules_room(st(&a), fac, (int)r, &rv);
        assert_int_equal(rv.true_count, pv.true_count[r]);
    }
    /* unchanged counts: Show the counts needs no reason */
    app_free(&a);
    open_game(&a, "start\n", true, LANG_EN);
    facil_continue(&a);
    assert_false(a.facil->asking);
    assert_string_equal(helper_last_line(&a), "next");
    /* a correction later in the round: a visible change, with a reason */
    facil_flow_step(&a, sales, -5);
    facil_flow_apply(&a);
    assert_true(a.facil->asking);
    assert_true(facil_reason_confirm(&a));
    assert_non_null(strstr(helper_last_line(&a), "fac flow sales 0"));
    app_free(&a);
}

static void test_console_events_choose_skip_inject(void **state)
{
    (void)state;
    app a;
    open_game(&a, "start\n", true, LANG_JA);
    const ruleset *rs = a.rs;
    int ev = ruleset_event(rs, "media_call");
    assert_true(ev >= 0);
    facil_preview pv;
    facil_preview_get(&a, &pv);
    int before = pv.next_event;
    /* choose: the next draw is that event, and the console says it is the facilitator's */
    a.facil->sel_event = ev;
    facil_choose(&a);
    assert_true(facil_reason_confirm(&a));
    facil_preview_get(&a, &pv);
    assert_int_equal(pv.next_event, ev);
    assert_true(pv.chosen);
    ui_draw *d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "（あなたの選択）"));
    draw_free(d);
    facil_continue(&a); /* counts */
    facil_continue(&a); /* the event */
    assert_int_equal(ph(&a), PHASE_ACTION);
    assert_int_equal(rules_round_event(st(&a)), ev);
    facil_preview_get(&a, &pv);
    assert_false(pv.chosen);
    (void)before;
    /* inject: resolved at once */
    int ceo = ruleset_event(rs, "ceo_status");
    a.facil->sel_event = ceo;
    facil_inject(&a);
    assert_true(facil_reason_confirm(&a));
    const log_buf *log = match_log(a.match);
    bool seen = false;
    for (size_t i = 0; i < log->count; i++)
        seen |= log->items[i].type == LOG_EVENT && log->items[i].event == ceo;
    assert_true(seen);
    app_free(&a);

    /* skip: no event this round */
    open_game(&a, "start\nnext\n", true, LANG_EN);
    facil_skip(&a);
    assert_true(facil_reason_confirm(&a));
    facil_preview_get(&a, &pv);
    assert_true(pv.skipped);
    facil_continue(&a);
    assert_int_equal(rules_round_event(st(&a)), -1);
    app_free(&a);
}

static void test_console_reveal_and_undo(void **state)
{
    (void)state;
    app a;
    open_game(&a, "start\nnext\nnext\n", true, LANG_EN);
    assert_int_equal(ph(&a), PHASE_ACTION);
    /* an undoable player move is taken back from the console */
    char why[RULES_WHY_MAX];
    assert_true(match_play_line(a.match, "act commander report", why, sizeof why));
    size_t n = match_moves(a.match);
    facil_undo(&a);
    assert_int_equal(match_moves(a.match), n - 1);
    /* a reveal is an override: it stays, and the console says why */
    facil_select_terminal(&a, term(&a, "T05"));
    facil_reveal(&a);
    facil_reason_quick(&a, 0);
    assert_true(facil_reason_confirm(&a));
    viewer pub = {VIEW_PUBLIC, -1};
    terminal_view tv;
    rules_terminal(st(&a), pub, term(&a, "T05"), &tv);
    assert_true(tv.face_up);
    n = match_moves(a.match);
    facil_undo(&a);
    assert_int_equal(match_moves(a.match), n);
    assert_non_null(strstr(a.facil->message, "Cannot undo"));
    assert_non_null(strstr(a.facil->message, "recorded for the debrief"));
    app_free(&a);
}

/* ---- timers ---- */

static void test_console_meeting_timer_pause_and_extend(void **state)
{
    (void)state;
    app a;
    open_game(&a,
              "start\nnext\nnext\npass commander\npass researcher\npass forensic\n"
              "pass notification\n",
              true, LANG_EN);
    assert_int_equal(ph(&a), PHASE_MEETING);
    uint32_t left = a.board.meeting_ms_left;
    assert_true(left > 5000);
    facil_pause_toggle(&a);
    assert_true(facil_paused(&a));
    for (int i = 0; i < 500; i++)
        app_update(&a, 1000); /* paused: the meeting never ends on its own */
    assert_int_equal(a.board.meeting_ms_left, left);
    assert_int_equal(ph(&a), PHASE_MEETING);
    ui_draw *d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "(paused)"));
    draw_free(d);
    /* +1 min: recorded for the debrief as `fac time 60 # reason` */
    facil_extend(&a, FACIL_EXTEND_S);
    facil_reason_type(&a, "a lively discussion");
    assert_true(facil_reason_confirm(&a));
    assert_string_equal(helper_last_line(&a), "fac time 60 # a lively discussion");
    assert_int_equal(a.board.meeting_ms_left, left + 60000);
    facil_pause_toggle(&a);
    app_update(&a, 1000);
    assert_int_equal(a.board.meeting_ms_left, left + 59000);
    /* outside the meeting there is nothing to extend */
    facil_continue(&a); /* ends the meeting */
    assert_int_equal(ph(&a), PHASE_MALWARE);
    size_t n = match_moves(a.match);
    facil_extend(&a, 60);
    assert_false(a.facil->asking);
    assert_int_equal(match_moves(a.match), n);
    app_free(&a);
}

static void test_console_solo_clock_pause_and_extend(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    facil_force_window(&a);
    char why[256];
    assert_true(app_start_quick(&a, ruleset_scenario(a.rs, "solo"), MODE_SOLO, why, sizeof why));
    helper_tick(&a);
    assert_true(facil_human(&a));
    assert_true(a.solo.clock.on);
    facil_continue(&a); /* start */
    facil_continue(&a); /* the counts */
    facil_continue(&a); /* the event */
    assert_int_equal(ph(&a), PHASE_ACTION);
    app_update(&a, 1000);
    uint32_t left = a.solo.clock.ms_left;
    facil_pause_toggle(&a);
    for (int i = 0; i < 10; i++)
        app_update(&a, 1000);
    assert_int_equal(a.solo.clock.ms_left, left); /* the facilitator's pause holds the clock */
    ui_draw *d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "Solo clock"));
    draw_free(d);
    facil_extend(&a, FACIL_EXTEND_S);
    facil_reason_type(&a, "a phone call");
    assert_true(facil_reason_confirm(&a));
    assert_string_equal(helper_last_line(&a), "fac time 60 # a phone call");
    assert_int_equal(a.solo.clock.ms_left, left + 60000);
    facil_pause_toggle(&a);
    app_update(&a, 1000);
    assert_int_equal(a.solo.clock.ms_left, left + 59000);
    app_free(&a);
}

/* ---- the console by mouse and by keyboard ---- */

static void test_console_clicks_and_keys(void **state)
{
    (void)state;
    app a;
    open_game(&a, "", true, LANG_EN);
    /* setup by clicks: a terminal, a route, Place, a quick reason, Confirm */
    click_console(&a, "T03");
    assert_int_equal(a.facil->sel_terminal, term(&a, "T03"));
    click_console(&a, "Drive-by");
    assert_int_equal(a.facil->sel_route, ROUTE_DRIVEBY);
    click_console(&a, "Place infection");
    assert_true(a.facil->asking);
    click_console(&a, "Correcting a mistake");
    click_console(&a, "Confirm (Enter)");
    assert_string_equal(helper_last_line(&a), "fac infect T03 driveby # Correcting a mistake");
    click_console(&a, "Start the game (C)");
    assert_int_equal(ph(&a), PHASE_MALWARE);
    /* the rest by keys: C shows the counts (nothing changed: no reason needed) */
    console_key(&a, KEY_C, 0);
    assert_int_equal(ph(&a), PHASE_EVENT);
    /* Tab walks the controls; Enter on "Skip this round's event" opens the form */
    ui_draw *d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "Skip this round's event"));
    draw_free(d);
    bool found = false;
    for (int i = 0; i < 80 && !found; i++) {
        console_key(&a, KEY_TAB, 0);
        d = draw_console(&a);
        /* the focus ring (the accent outline of widget_focus) is around the button */
        size_t nc;
        const ui_rec_call *calls = ui_draw_rec_calls(d, &nc);
        const ui_rec_call *skip = ui_draw_rec_find_text(d, "Skip this round's event");
        int cx = skip->r.x + skip->r.w / 2, cy = skip->r.y + skip->r.h / 2;
        for (size_t k = 0; k < nc; k++)
            found |= calls[k].kind == REC_STROKE_ROUND &&
                     calls[k].color == UI_RGB(THEME_ACCENT_HI) &&
                     ui_rect_contains(calls[k].r, cx, cy);
        draw_free(d);
    }
    assert_true(found);
    console_key(&a, KEY_ENTER, 0);
    assert_true(a.facil->asking);
    console_text(&a, "time is short");
    console_key(&a, KEY_ENTER, 0);
    assert_string_equal(helper_last_line(&a), "fac skip # time is short");
    console_key(&a, KEY_C, 0);
    assert_int_equal(ph(&a), PHASE_ACTION);
    assert_int_equal(rules_round_event(st(&a)), -1);
    /* Esc in the form cancels; Ctrl+Z says why it cannot undo */
    console_key(&a, KEY_Z, MOD_CTRL);
    assert_non_null(strstr(a.facil->message, "Cannot undo"));
    /* the tabs: the log shows the truth, marked as such, with the reasons */
    click_console(&a, "Log");
    d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "[truth]"));
    assert_true(ui_draw_rec_has_text(d, "time is short"));
    draw_free(d);
    click_console(&a, "Events");
    d = draw_console(&a);
    assert_true(ui_draw_rec_has_text(d, "#1"));
    draw_free(d);
    app_free(&a);
}

static void test_console_screen_row_and_no_game(void **state)
{
    (void)state;
    assert_int_equal(app_screen_find("facilitator"), SCR_FACILITATOR);
    app a;
    helper_app_init(&a, NULL, 1280, 720);
    app_set_lang(&a, LANG_EN);
    facil_force_window(&a);
    /* the console window before any game: it says so */
    ui_draw *d = ui_draw_rec_new(1280, 720);
    console_draw(&a, d, 1280, 720);
    assert_true(ui_draw_rec_has_text(d, "No game in progress yet"));
    draw_free(d);
    /* a new game from the setup screen with --facilitator: the person is in charge */
    assert_false(a.newgame.computer_facilitator);
    char why[256];
    assert_true(app_start_newgame(&a, why, sizeof why));
    helper_tick(&a);
    assert_true(facil_human(&a));
    assert_true(a.facil->window);
    app_set_screen(&a, SCR_FACILITATOR);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Setup: place the infections"));
    draw_free(d);
    helper_key(&a, KEY_ESCAPE, 0);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    app_free(&a);
}

/* The new-game screen: "Facilitator: Person" needs a 4-digit PIN (typed digits only, never
 * shown), then Start puts the person in charge with the console open over the board. */
static void test_console_setup_person_needs_a_pin(void **state)
{
    (void)state;
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    app_set_screen(&a, SCR_SETUP);
    helper_tick(&a);
    ui_draw *d = helper_draw(&a);
    const ui_rec_call *c = find_exact(d, "Person");
    assert_non_null(c);
    helper_click(&a, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2);
    draw_free(d);
    assert_false(a.newgame.computer_facilitator);
    d = helper_draw(&a);
    assert_non_null(find_exact(d, "PIN"));
    c = find_exact(d, "Start");
    assert_non_null(c);
    ui_rect start = c->r;
    draw_free(d);
    helper_click(&a, start.x + start.w / 2, start.y + start.h / 2);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_SETUP); /* no PIN: no game */
    assert_non_null(strstr(a.setup.message, "4-digit PIN"));
    assert_int_equal(a.setup.editing, SETUP_EDIT_PIN);
    helper_text(&a, "12");
    helper_text(&a, "ab");  /* digits only */
    helper_text(&a, "345"); /* four at most */
    assert_string_equal(a.newgame.facilitator_pin, "1234");
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "1234")); /* the room never sees the PIN */
    assert_non_null(find_exact(d, "●●●●"));
    draw_free(d);
    helper_click(&a, start.x + start.w / 2, start.y + start.h / 2);
    helper_tick(&a);
    assert_int_equal(a.screen, SCR_BOARD);
    assert_true(facil_human(&a));
    assert_true(facil_covers_main(&a)); /* one display: the console opens over the board */
    helper_key(&a, KEY_ESCAPE, 0);
    assert_false(facil_covers_main(&a));
    helper_key(&a, KEY_F9, 0);
    helper_key(&a, KEY_1, 0);
    helper_key(&a, KEY_2, 0);
    helper_key(&a, KEY_3, 0);
    helper_key(&a, KEY_4, 0);
    assert_true(facil_covers_main(&a));
    /* back to Computer: no PIN needed, the computer facilitates */
    app_free(&a);
    helper_app_init(&a, NULL, 1920, 1080);
    char why[256];
    assert_true(app_start_newgame(&a, why, sizeof why));
    assert_false(facil_configured(&a));
    assert_false(facil_human(&a));
    app_free(&a);
}

/* The points tests/e2e/console.sh clicks (design pixels of a 1920x1080 console; the script
 * scales them to the window) land on the controls it means, in the states it clicks them in. */
static void test_console_e2e_click_points(void **state)
{
    (void)state;
    typedef struct {
        int x, y;
        const char *label;
    } point;
    app a;
    open_game(&a, "", true, LANG_EN);
    const point setup[] = {{300, 265, "T02"},
                           {1252, 327, "Mail"},
                           {1339, 390, "Place infection"},
                           {1518, 452, "Start the game (C)"},
                           {1518, 1012, "Hand over to the computer"}};
    const point form[] = {{528, 590, "For teaching"}, {1400, 882, "Confirm (Enter)"}};
    const point events[] = {{1190, 708, "#2"}, {1709, 921, "Inject now"}};
    const point malware[] = {{526, 203, "+"}, {1518, 452, "Show the counts (C)"}};
    struct {
        const point *p;
        int n;
    } sets[4] = {{setup, 5}, {form, 2}, {events, 2}, {malware, 2}};
    for (int k = 0; k < 4; k++) {
        if (k == 1) {
            facil_select_terminal(&a, term(&a, "T02"));
            facil_place(&a);
        } else if (k == 2) {
            facil_reason_cancel(&a);
        } else if (k == 3) {
            facil_continue(&a);
        }
        ui_draw *d = draw_console(&a);
        for (int i = 0; i < sets[k].n; i++) {
            const point *p = &sets[k].p[i];
            size_t n;
            const ui_rec_call *c = ui_draw_rec_calls(d, &n);
            bool hit = false;
            for (size_t j = 0; j < n && !hit; j++)
                hit = c[j].kind == REC_TEXT && c[j].text && !strcmp(c[j].text, p->label) &&
                      ui_rect_contains(c[j].r, p->x, p->y);
            if (!hit) {
                const ui_rec_call *at = find_exact(d, p->label);
                fail_msg("(%d, %d) misses '%s' (drawn at %d,%d %dx%d)", p->x, p->y, p->label,
                         at ? at->r.x : -1, at ? at->r.y : -1, at ? at->r.w : 0, at ? at->r.h : 0);
            }
        }
        draw_free(d);
    }
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_console_every_override_asks_for_a_reason),
        cmocka_unit_test(test_console_pin_protects_the_overlay),
        cmocka_unit_test(test_console_person_in_charge_then_takeover),
        cmocka_unit_test(test_console_counts_set_before_they_are_shown),
        cmocka_unit_test(test_console_events_choose_skip_inject),
        cmocka_unit_test(test_console_reveal_and_undo),
        cmocka_unit_test(test_console_meeting_timer_pause_and_extend),
        cmocka_unit_test(test_console_solo_clock_pause_and_extend),
        cmocka_unit_test(test_console_clicks_and_keys),
        cmocka_unit_test(test_console_screen_row_and_no_game),
        cmocka_unit_test(test_console_e2e_click_points),
        cmocka_unit_test(test_console_setup_person_needs_a_pin),
    };
    return cmocka_run_group_tests_name("console", tests, NULL, NULL);
}
