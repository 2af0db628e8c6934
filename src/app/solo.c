/* solo.c: solo practice: the real-time clock, its `time` / `briefing` moves, the records a
 * finished solo game leaves, and the hints toggle (see solo.h for why the clock lives here). */
#define _POSIX_C_SOURCE 200809L

#include "solo.h"

#include "app.h"
#include "board.h"
#include "records.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the clock ---- */

void solo_clock_init(solo_clock *c, const game_state *s)
{
    assert(c && s);
    memset(c, 0, sizeof *c);
    const scenario_def *sc = state_scenario(s);
    c->on = state_setup(s)->mode == MODE_SOLO && sc->solo_seconds > 0;
    c->limit_s = sc->solo_seconds;
    int left = rules_seconds_left(s);
    if (left < 0)
        left = 0;
    if (left > c->limit_s)
        left = c->limit_s;
    c->ms_left = (uint32_t)left * 1000u;
    c->recorded_s = left;
}

bool solo_clock_running(const solo_clock *c, const game_state *s, bool paused)
{
    if (!c->on || paused || c->ms_left == 0)
        return false;
    clock_view cv;
    rules_clock(s, &cv);
    return cv.phase != PHASE_SETUP && cv.phase != PHASE_OVER;
}

void solo_clock_advance(solo_clock *c, uint32_t dt_ms)
{
    c->ms_left = c->ms_left > dt_ms ? c->ms_left - dt_ms : 0;
}

int solo_clock_seconds(const solo_clock *c)
{
    return (int)((c->ms_left + 999u) / 1000u);
}

bool solo_clock_expired(const solo_clock *c)
{
    return c->on && c->ms_left == 0;
}

bool solo_clock_time_move(const solo_clock *c, move *out)
{
    if (!c->on)
        return false;
    int now = solo_clock_seconds(c);
    if (now == c->recorded_s)
        return false;
    move_init(out, MV_TIME);
    out->value = now;
    return true;
}

void solo_clock_recorded(solo_clock *c, int seconds)
{
    c->recorded_s = seconds;
}

void solo_format_time(int seconds, char *out, size_t out_n)
{
    if (seconds < 0)
        seconds = 0;
    snprintf(out, out_n, "%d:%02d", seconds / 60, seconds % 60);
}

/* ---- the app's side ---- */

void solo_adopt(app *a)
{
    app_solo *so = &a->solo;
    char notice[sizeof so->notice];
    memcpy(notice, so->notice, sizeof notice); /* a problem not yet shown stays */
    memset(so, 0, sizeof *so);
    memcpy(so->notice, notice, sizeof notice);
    so->place = -1;
    so->prev_best = -1;
    solo_sync(a);
    memset(&a->debrief, 0, sizeof a->debrief);
}

void solo_sync(app *a)
{
    app_solo *so = &a->solo;
    if (so->ready && so->for_match == a->match)
        return;
    so->ready = true;
    so->for_match = a->match;
    so->expiry_played = false;
    if (!a->match) {
        memset(&so->clock, 0, sizeof so->clock);
        so->was_over = false;
        return;
    }
    const game_state *s = match_state(a->match);
    solo_clock_init(&so->clock, s);
    /* a game that arrives finished (--load of an old save) is not a new record */
    so->was_over = rules_outcome(s) != OUT_ONGOING;
}

/* Plays one move through the match, saving and printing it like the board does (saved first:
 * a printed move is on disk); false when refused. */
static bool solo_play(app *a, const move *m)
{
    char why[RULES_WHY_MAX];
    char *line = move_format(match_state(a->match), m);
    bool ok = match_play(a->match, m, why, sizeof why);
    if (ok) {
        app_autosave(a);
        printf("malcon: move %s\n", line);
        fflush(stdout);
    }
    free(line);
    return ok;
}

void solo_record_time(app *a, const move *m)
{
    if (!a->match || (m && m->kind != MV_ACT && m->kind != MV_PASS && m->kind != MV_NOTE))
        return;
    solo_sync(a);
    app_solo *so = &a->solo;
    move t;
    if (rules_outcome(match_state(a->match)) != OUT_ONGOING ||
        !solo_clock_time_move(&so->clock, &t))
        return;
    if (solo_play(a, &t))
        solo_clock_recorded(&so->clock, t.value);
}

void solo_undo_time(app *a)
{
    if (!a->match)
        return;
    size_t n = match_moves(a->match);
    while (n > 0 && !strncmp(match_move_line(a->match, n - 1), "time ", 5) &&
           match_can_undo(a->match) && match_undo(a->match))
        n--;
    solo_sync(a);
    solo_clock_recorded(&a->solo.clock, rules_seconds_left(match_state(a->match)));
}

int solo_seconds_shown(const app *a, const game_state *s)
{
    const scenario_def *sc = state_scenario(s);
    if (state_setup(s)->mode != MODE_SOLO || sc->solo_seconds <= 0)
        return -1;
    if (a->match && s == match_state(a->match) && a->solo.for_match == a->match && a->solo.clock.on)
        return solo_clock_seconds(&a->solo.clock);
    int left = rules_seconds_left(s);
    return left < 0 ? 0 : left > sc->solo_seconds ? sc->solo_seconds : left;
}

/* Local time now as "YYYY-MM-DDTHH:MM". */
static void solo_now(char *out, size_t out_n)
{
    time_t t = time(NULL);
    struct tm tmv;
    if (localtime_r(&t, &tmv) == NULL || strftime(out, out_n, "%Y-%m-%dT%H:%M", &tmv) == 0)
        snprintf(out, out_n, "1970-01-01T00:00");
}

void solo_file_record(app *a, const char *date)
{
    app_solo *so = &a->solo;
    solo_sync(a);
    if (!a->match || so->filed)
        return;
    const game_state *s = match_state(a->match);
    const scenario_def *sc = state_scenario(s);
    if (rules_outcome(s) == OUT_ONGOING || state_setup(s)->mode != MODE_SOLO ||
        sc->solo_seconds <= 0)
        return;
    char now[RECORDS_DATE_MAX];
    if (!date) {
        solo_now(now, sizeof now);
        date = now;
    }
    records list = {0};
    char notice[200];
    if (!records_load(&list, a->pref_dir, notice, sizeof notice))
        snprintf(so->notice, sizeof so->notice, "%s (%s)",
                 app_tr(a, "The records file could not be read; it was kept aside"), notice);
    const record *best[1];
    so->prev_best = records_of(&list, sc->id, best, 1) > 0 ? best[0]->score : -1;
    record rec;
    records_from_game(&rec, s, date);
    so->place = records_add(&list, &rec);
    so->saved = records_save(&list, a->pref_dir);
    so->filed = true;
    records_free(&list);
}

void solo_tick(app *a, uint32_t dt_ms)
{
    if (!a->match)
        return;
    solo_sync(a);
    app_solo *so = &a->solo;
    const game_state *s = match_state(a->match);
    /* fast forward (screenshots) takes no real time: the clock shows where it stands */
    if (solo_clock_running(&so->clock, s, a->board.paused) && !a->fast_forward) {
        solo_clock_advance(&so->clock, dt_ms);
        a->animating = true; /* the seconds tick on screen */
    }
    if (solo_clock_expired(&so->clock) && !so->expiry_played && rules_outcome(s) == OUT_ONGOING) {
        clock_view cv;
        rules_clock(s, &cv);
        if (cv.phase != PHASE_SETUP) {
            /* the time is out: the customer briefing happens at once */
            so->expiry_played = true;
            move t, b;
            move_init(&t, MV_TIME);
            t.value = 0;
            move_init(&b, MV_BRIEFING);
            char why[RULES_WHY_MAX];
            if (board_play_move(a, &t, why, sizeof why))
                solo_clock_recorded(&so->clock, 0);
            if (!board_play_move(a, &b, why, sizeof why))
                fprintf(stderr, "malcon: the briefing could not start: %s\n", why);
            board_play_message(a,
                               board_play_tr(a, "Time is up: the customer briefing starts now."));
        }
    }
    bool over = rules_outcome(match_state(a->match)) != OUT_ONGOING;
    if (over && !so->was_over)
        solo_file_record(a, NULL);
    so->was_over = over;
}

void solo_toggle_hints(app *a)
{
    a->settings.hints = !a->settings.hints;
    settings_save(&a->settings, a->pref_dir);
    if (a->match)
        board_play_message(a, board_play_tr(a, a->settings.hints ? "Hints on (H hides them)."
                                                                 : "Hints off (H shows them)."));
}
