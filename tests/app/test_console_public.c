/* test_console_public.c: while a human facilitator works the console (a second window) the
 * PUBLIC window never shows a facilitator-only fact. Seeded games are played to the end: the
 * console places and removes infections at setup, sets and corrects counts, chooses, skips and
 * injects events, reveals cards, extends the meeting and undoes; the players play random legal
 * moves. After every step the main window is drawn with the recording drawer and checked: no
 * INFECTED token on a terminal the public does not know, no title of an undrawn event (the
 * deck's order, the facilitator's chosen event), no count but the shown one in a room's count
 * box (never the malware's true count or a count set but not shown yet), no override reason,
 * no facilitator log line and no other role's private result. */
#include "board.h"
#include "facil.h"
#include "helper_app.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *const game_head = "malcon-save 1\n"
                                     "scenario %s\n"
                                     "seed %llu\n"
                                     "mode workshop\n"
                                     "option private on\n"
                                     "option open off\n"
                                     "player Aiko commander\n"
                                     "player Ben researcher\n"
                                     "player Chika forensic\n"
                                     "player Daisuke notification%s\n"
                                     "moves\n";

#define REASON_MARK "zq-reason-" /* every override reason starts with it: never on the board */

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

/* Draws the main window and fails on any facilitator-only fact. */
static void check_public(app *a, unsigned long long seed, int step)
{
    assert_false(facil_covers_main(a)); /* the console is a window of its own */
    assert_int_equal(a->screen, SCR_BOARD);
    ui_draw *d = helper_draw(a);
    size_t n;
    const ui_rec_call *calls = ui_draw_rec_calls(d, &n);
    const game_state *s = st(a);
    const ruleset *rs = state_ruleset(s);
    const scenario_def *sc = state_scenario(s);
    viewer pub = {VIEW_PUBLIC, -1}, fac = {VIEW_FACILITATOR, -1};
    board_layout L;
    board_input_layout(a, &L);
    bool curtain = a->board.curtain;

    /* 1. infections: a token only where the public knows it */
    const char *infected = board_play_tr(a, "INFECTED");
    for (int t = 0; t < (int)sc->n_terminals && !curtain; t++) {
        terminal_view pv, fv;
        rules_terminal(s, pub, t, &pv);
        rules_terminal(s, fac, t, &fv);
        if (helper_rec_text_in(d, infected, L.terminal[t], true) && !pv.known_infected)
            fail_msg("seed %llu step %d: %s shows %s unrevealed (truth: %s)", seed, step,
                     sc->terminals[t].id, infected, fv.infected ? "infected" : "clean");
    }

    /* 2. events: no title of one still in the deck or chosen, unless it was drawn */
    const log_buf *log = match_log(a->match);
    for (size_t ev = 0; ev < rs->n_events; ev++) {
        bool drawn = (int)ev == rules_round_event(s);
        for (size_t i = 0; i < log->count && !drawn; i++)
            drawn = log->items[i].type == LOG_EVENT && log->items[i].event == (int)ev &&
                    rules_visible(s, pub, &log->items[i]);
        if (drawn)
            continue;
        const char *title = ml_get(&rs->events[ev].title, a->lang);
        if (ui_draw_rec_has_text(d, title))
            fail_msg("seed %llu step %d: the undrawn event '%s' is on the board", seed, step,
                     title);
    }

    /* 3. counts: a room's count box shows only what the public was shown */
    for (int r = 0; r < (int)sc->n_rooms && !curtain; r++) {
        room_view pv, fv;
        rules_room(s, pub, r, &pv);
        rules_room(s, fac, r, &fv);
        int hidden[2] = {fv.true_count, fv.pending_flow};
        for (int k = 0; k < 2; k++) {
            int v = hidden[k];
            bool public_value = v < 0 || v == pv.count;
            for (int h = 0; h < pv.n_history && !public_value; h++)
                public_value = pv.history[h] == v;
            public_value = public_value || v == board_play_count_shown(a, r);
            if (public_value)
                continue;
            char num[16];
            snprintf(num, sizeof num, "%d", v);
            if (helper_rec_text_in(d, num, L.room_count[r], true))
                fail_msg("seed %llu step %d: room %s's box shows %s (%s), the public saw %d", seed,
                         step, sc->rooms[r].id, num, k ? "set, not shown yet" : "the true count",
                         pv.count);
        }
    }

    /* 4. reasons, facilitator lines, others' private results */
    for (size_t c = 0; c < n; c++)
        if (calls[c].kind == REC_TEXT && calls[c].text && strstr(calls[c].text, REASON_MARK))
            fail_msg("seed %llu step %d: an override reason on the board: %s", seed, step,
                     calls[c].text);
    char label[64];
    snprintf(label, sizeof label, "seed %llu step %d", seed, step);
    helper_assert_no_hidden_lines(a, d, label);
    draw_free(d);
}

/* Confirms the reason form (if the last request opened it) with a marked reason. */
static void give_reason(app *a, core_rng *rng, int *k)
{
    if (!a->facil->asking)
        return;
    char reason[64];
    snprintf(reason, sizeof reason, REASON_MARK "%d", (*k)++);
    if (core_rng_range(rng, 0, 3) == 0)
        facil_reason_quick(a, core_rng_range(rng, 0, FACIL_QUICK_REASONS - 1));
    facil_reason_type(a, reason);
    facil_reason_confirm(a);
}

/* One facilitator step in the current phase (random overrides, then maybe continue). */
static void console_step(app *a, core_rng *rng, int *k)
{
    const game_state *s = st(a);
    const scenario_def *sc = state_scenario(s);
    const ruleset *rs = state_ruleset(s);
    int nt = (int)sc->n_terminals, nr = (int)sc->n_rooms;
    switch (ph(a)) {
    case PHASE_SETUP:
        /* move the infection somewhere else, by hand */
        for (int t = 0; t < nt; t++) {
            viewer fac = {VIEW_FACILITATOR, -1};
            terminal_view tv;
            rules_terminal(s, fac, t, &tv);
            if (tv.infected && core_rng_range(rng, 0, 1)) {
                facil_select_terminal(a, t);
                facil_cure(a);
                give_reason(a, rng, k);
                break;
            }
        }
        facil_select_terminal(a, core_rng_range(rng, 0, nt - 1));
        a->facil->sel_route = core_rng_range(rng, ROUTE_MAIL, ROUTE_USB);
        facil_place(a);
        give_reason(a, rng, k);
        facil_continue(a);
        break;
    case PHASE_MALWARE:
        for (int i = core_rng_range(rng, 0, 3); i > 0; i--)
            facil_flow_step(a, core_rng_range(rng, 0, nr - 1), core_rng_range(rng, -2, 3));
        if (core_rng_range(rng, 0, 2) == 0) {
            a->facil->sel_event = core_rng_range(rng, 0, (int)rs->n_events - 1);
            facil_choose(a);
            give_reason(a, rng, k);
        }
        if (core_rng_range(rng, 0, 7) == 0) {
            facil_skip(a);
            give_reason(a, rng, k);
        }
        facil_continue(a); /* changed counts ask for their reason, then `next` */
        give_reason(a, rng, k);
        break;
    case PHASE_EVENT:
        if (core_rng_range(rng, 0, 4) == 0) {
            a->facil->sel_event = core_rng_range(rng, 0, (int)rs->n_events - 1);
            facil_choose(a);
            give_reason(a, rng, k);
        }
        facil_continue(a);
        break;
    case PHASE_ACTION: {
        int r = core_rng_range(rng, 0, 9);
        if (r == 0) {
            facil_select_terminal(a, core_rng_range(rng, 0, nt - 1));
            facil_reveal(a);
            give_reason(a, rng, k);
        } else if (r == 1) {
            a->facil->sel_event = core_rng_range(rng, 0, (int)rs->n_events - 1);
            facil_inject(a);
            give_reason(a, rng, k);
        } else if (r == 2) {
            facil_flow_step(a, core_rng_range(rng, 0, nr - 1), core_rng_range(rng, -1, 2));
            facil_flow_apply(a);
            give_reason(a, rng, k);
        } else if (r == 3) {
            facil_undo(a);
        } else if (r == 4) {
            a->facil->sel_event = core_rng_range(rng, 0, (int)rs->n_events - 1);
            facil_choose(a);
            give_reason(a, rng, k);
        }
        break;
    }
    case PHASE_MEETING:
        if (core_rng_range(rng, 0, 2) == 0) {
            facil_extend(a, FACIL_EXTEND_S);
            give_reason(a, rng, k);
        }
        facil_continue(a);
        break;
    default:
        break;
    }
}

/* One seeded game of scenario sc_id, played to its end with the console acting. */
static void play_game(const char *sc_id, unsigned long long seed, lang l)
{
    app a;
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, l);
    facil_force_window(&a);
    char text[1024], why[256];
    snprintf(text, sizeof text, game_head, sc_id, seed,
             strcmp(sc_id, "hard") == 0 ? " poc" : ""); /* the hard scenario adds the PoC */
    if (!app_load_text(&a, text, why, sizeof why))
        fail_msg("cannot load: %s", why);
    helper_tick(&a);
    assert_true(facil_human(&a));
    core_rng rng;
    core_rng_seed(&rng, seed * 104729u + 7);
    move *legal = calloc(512, sizeof *legal);
    int step = 0, reasons = 0, overrides_before = 0;
    check_public(&a, seed, step);
    while (rules_outcome(st(&a)) == OUT_ONGOING && step < 3000) {
        step++;
        if (a.board.curtain || a.board.result_shown) {
            board_play_curtain_confirm(&a);
        } else if (ph(&a) != PHASE_ACTION || core_rng_range(&rng, 0, 4) == 0) {
            size_t before = match_moves(a.match);
            console_step(&a, &rng, &reasons);
            /* the console acts; in the action phase the players go on too */
            if (ph(&a) == PHASE_ACTION && match_moves(a.match) == before)
                continue;
        } else {
            size_t nl = rules_legal_moves(st(&a), legal, 512);
            nl = nl > 512 ? 512 : nl;
            size_t m = 0;
            for (size_t i = 0; i < nl; i++)
                if (legal[i].kind == MV_ACT || legal[i].kind == MV_PASS)
                    legal[m++] = legal[i];
            if (m == 0)
                continue;
            move mv = legal[core_rng_range(&rng, 0, (int)m - 1)];
            if (mv.kind == MV_ACT && strcmp(a.rs->actions[mv.action].id, "declare") == 0 &&
                core_rng_range(&rng, 0, 9) != 0)
                continue;
            if (!board_play_move(&a, &mv, why, sizeof why))
                fail_msg("seed %llu: a legal move was refused: %s", seed, why);
        }
        size_t before_update = match_moves(a.match);
        app_update(&a, 16); /* the computer must not move while the person is in charge */
        if (match_moves(a.match) != before_update)
            fail_msg("seed %llu step %d: '%s' was played with nobody's input", seed, step,
                     match_move_line(a.match, match_moves(a.match) - 1));
        check_public(&a, seed, step);
    }
    assert_int_not_equal(rules_outcome(st(&a)), OUT_ONGOING);
    /* the console did act: overrides with reasons are in the record */
    const log_buf *log = match_log(a.match);
    for (size_t i = 0; i < log->count; i++)
        overrides_before += log->items[i].type == LOG_OVERRIDE;
    assert_true(overrides_before >= 3);
    assert_true(reasons >= 3);
    free(legal);
    app_free(&a);
}

static void test_console_public_window_never_shows_facilitator_facts(void **state)
{
    (void)state;
    for (unsigned long long seed = 1; seed <= 5; seed++)
        play_game("standard", seed, seed % 2 ? LANG_EN : LANG_JA);
    play_game("hard", 11, LANG_JA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_console_public_window_never_shows_facilitator_facts),
    };
    return cmocka_run_group_tests_name("console_public", tests, NULL, NULL);
}
