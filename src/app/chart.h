/* chart.h: the debrief's timeline chart of a game's rounds: each room's suspicious-communication
 * count (lines), the event drawn, the actions of each role (stacked bars) and the hidden side
 * now shown (markers: infections, spread, finds, containments). Computed from the match, drawn
 * through the draw interface, so the debrief screen and the report's PNG are the same picture. */
#ifndef MALCON_APP_CHART_H
#define MALCON_APP_CHART_H

#include "draw.h"
#include "report.h"
#include "rules.h"

#include <stdbool.h>

#define CHART_MAX_MARKS 96

typedef enum chart_mark_kind {
    CM_INFECTED = 0, /* a new infection (an event's mail or drive-by, ...) */
    CM_SPREAD,       /* spread to terminal from terminal2 */
    CM_FOUND,        /* examined and seen infected */
    CM_CONTAINED,    /* an infected terminal isolated */
    CM_WRONG,        /* a clean terminal isolated */
    CM_KIND_COUNT
} chart_mark_kind;

#define CHART_BEFORE (-2) /* terminal2 of a CM_INFECTED mark: infected before the game */

typedef struct chart_mark {
    int round; /* 1-based (infections from before the game show in round 1) */
    chart_mark_kind kind;
    int terminal, terminal2; /* spread: to terminal from terminal2 */
} chart_mark;

typedef struct chart_data {
    int rounds;       /* rounds played (columns) */
    int total_rounds; /* the scenario's rounds */
    int n_rooms;
    int count[RULES_MAX_ROOMS][RULES_MAX_ROUNDS]; /* count shown per room and round */
    int max_count;
    int n_roles;                                    /* roles in play, in turn order */
    int role[RULES_MAX_ROLES];                      /* their ruleset indices */
    int actions[RULES_MAX_ROLES][RULES_MAX_ROUNDS]; /* actions played per role and round */
    int max_actions;                                /* the most in one round (all roles) */
    int event[RULES_MAX_ROUNDS];                    /* event drawn per round, -1 none */
    int n_marks;
    chart_mark marks[CHART_MAX_MARKS];
    int before;           /* terminals infected before the game */
    char before_ids[160]; /* their ids, comma separated */
} chart_data;

/* Reads the chart's data out of match m (the truth included). */
void chart_compute(chart_data *c, const match *m);
/* Draws the chart of c for game s into r with labels of px pixels (words in t's language). */
void chart_draw(ui_draw *d, ui_rect r, const chart_data *c, const game_state *s,
                const report_text *t, int px);
/* Renders the chart of m alone to a w x h PNG with the SDL software renderer (no window);
 * content_root gives the font. False with a reason when it cannot. */
bool chart_write_png(const char *path, int w, int h, const match *m, const report_text *t,
                     const char *content_root, char *why, size_t why_n);

#endif
