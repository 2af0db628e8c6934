/* records.h: personal records of solo practice (records.txt in the user's data folder): the best
 * ten games per scenario, with date, seed, time used, score, rank and outcome.
 *
 * The file is one line per game, so it can be read and mended by hand:
 *   # malcon records 1
 *   <scenario> <date> <seed> <seconds used> <score> <rank> <outcome>
 * e.g. "solo 2026-11-26T21:04 48213 512 86 A won_declared". Lists are ordered by score (high
 * first), then time used (low first), then date (the older record keeps its place on a tie).
 * A corrupt or missing file never stops the game: a corrupt one is kept aside as
 * records.txt.bad (its good lines are kept) and the player is told once.
 */
#ifndef MALCON_APP_RECORDS_H
#define MALCON_APP_RECORDS_H

#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORDS_FILE     "records.txt"
#define RECORDS_KEEP     10 /* records kept per scenario */
#define RECORDS_ID_MAX   64 /* bytes of a scenario id, NUL included */
#define RECORDS_DATE_MAX 20 /* "YYYY-MM-DDTHH:MM" and its NUL, with room to spare */

typedef struct record {
    char scenario[RECORDS_ID_MAX];
    char date[RECORDS_DATE_MAX]; /* local time, ISO 8601 to the minute */
    uint64_t seed;
    int seconds_used;
    int score;
    char rank;       /* 'S', 'A', 'B', 'C' or 'D' */
    outcome outcome; /* how the game ended (never OUT_ONGOING) */
} record;

typedef struct records {
    record *items; /* grouped by nothing in particular; records_of() sorts a scenario's */
    size_t count, cap;
} records;

/* Frees the list's memory (the struct itself is the caller's); leaves it empty. */
void records_free(records *r);
/* Stable name of an outcome in the file ("won_declared", ...), NULL for OUT_ONGOING. */
const char *records_outcome_id(outcome o);
/* Parses the file's text over an empty list. Every good line is kept; returns false when any
 * line is malformed (*bad_line gets the first one, 1-based; may be NULL). */
bool records_parse(records *r, const char *text, int *bad_line);
/* The file's text (caller frees): the header, then every record, each scenario's best first. */
char *records_format(const records *r);
/* True when a comes before b in a scenario's list (higher score, then less time, then older). */
bool records_better(const record *a, const record *b);
/* Adds rec, keeping at most RECORDS_KEEP per scenario. Returns rec's place in its scenario's
 * list (0 = the best), or -1 when it did not make the list. */
int records_add(records *r, const record *rec);
/* The records of one scenario in list order, at most max into out (borrowed pointers); returns
 * how many there are. */
size_t records_of(const records *r, const char *scenario, const record **out, size_t max);
/* Fills a record for the finished game s (solo time from the rules' clock) dated date. */
void records_from_game(record *out, const game_state *s, const char *date);

/* Reads dir/records.txt into r (emptied first). Missing file or no dir: an empty list, true.
 * A corrupt file is renamed dir/records.txt.bad, its good lines kept in r, notice gets a line
 * for the player (English; the caller translates the lead) and false is returned. */
bool records_load(records *r, const char *dir, char *notice, size_t notice_n);
/* Writes r to dir/records.txt atomically; false when it cannot (dir NULL, disk errors). */
bool records_save(const records *r, const char *dir);

#endif
