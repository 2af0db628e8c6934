/* debrief.h: the screen state of the debrief (ゲームを終えて), the records and the replay viewer,
 * and what those screens share. Included by app.h (the states live in `app`, like the other
 * screens'); the screens themselves are screen_debrief.c, screen_records.c, screen_replay.c. */
#ifndef MALCON_APP_DEBRIEF_H
#define MALCON_APP_DEBRIEF_H

#include "records.h"
#include "rules.h"
#include "solo.h"

#include <stdbool.h>
#include <stddef.h>

/* The debrief's pages, in order (keys 1-6, Left/Right, Tab). */
typedef enum debrief_page {
    DP_SCORE = 0, /* the outcome and every score term (and a new personal best) */
    DP_TRUTH,     /* the truth on the floor plan: infected, how, when, spread, contained */
    DP_TIMELINE,  /* the chart of the rounds */
    DP_ROLES,     /* what each role did */
    DP_OVERRIDES, /* the facilitator's overrides with their reasons, or none */
    DP_LEARNING,  /* the learning points, tied to what happened */
    DP_COUNT
} debrief_page;

typedef struct debrief_ui {
    int page;             /* debrief_page */
    int focus;            /* button focus: -1 the page tabs, 0.. the buttons */
    int scroll[DP_COUNT]; /* lines scrolled on long pages */
    char message[512];    /* the export's result (the folder written, or why not) */
    bool message_bad;
} debrief_ui;

typedef struct records_ui {
    records list; /* loaded when the screen opens */
    bool loaded;
    int tab;           /* index into the scenarios with a time limit or with records */
    int row;           /* selected record in the tab */
    char message[256]; /* why a game could not start, or a records-file notice */
} records_ui;

struct board_ui;

typedef struct replay_ui {
    match *view;            /* the game replayed up to pos (owned) */
    struct board_ui *board; /* the board drawing's UI state for view (owned, read-only use) */
    size_t pos;             /* moves applied: 0 (setup) .. match_moves of the game */
    int back;               /* the screen Esc goes back to (screen_id) */
    char message[256];
} replay_ui;

#endif
