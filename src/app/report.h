/* report.h: what happened in a game, read from its match log (the truth included: the debrief
 * comes after the game), and the after-action report a facilitator hands out: report.md
 * (Markdown, Japanese and/or English) with the timeline chart beside it as timeline.png.
 *
 * Everything here works from a match and the content alone (no app), so the debrief screen
 * and `malcon-replay SAVE --report DIR` show and write the same things. UI words go through the
 * catalogue (assets/i18n/ja.po, msgctxt "report", else the context-free entry).
 */
#ifndef MALCON_APP_REPORT_H
#define MALCON_APP_REPORT_H

#include "i18n.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

/* The language words are wanted in, and the catalogue that has them (may be NULL: English). */
typedef struct report_text {
    lang l;
    const i18n *cat;
} report_text;

/* msgid (English) in t's language. */
const char *report_tr(const report_text *t, const char *msgid);
/* Player p's name (0-based) as shown in t's language: a default name ("Player 3", "プレイヤー3")
 * follows the language (a game set up in Japanese and shown in English said "プレイヤー3");
 * a chosen name is kept. Returns name, or buf (n bytes) holding the rewritten one. */
const char *report_player_name(const report_text *t, int p, const char *name, char *buf, size_t n);
/* The English name of an infection route ("Mail attachment", ...; "Unknown route" out of
 * range): a msgid for report_tr or app_tr, so the report and the screens name routes alike. */
const char *report_route_msgid(route r);

/* ---- findings: facts the learning points tie to ---- */

#define REPORT_MAX_FINDINGS 64

typedef struct report_finding {
    debrief_when when;
    int terminal, terminal2, room, round, event; /* details (-1 / 0 when none) */
} report_finding;

/* The findings of match m in log order, at most max into out; returns how many were written. A
 * finding about a terminal is given once per terminal; the others once per game. */
size_t report_findings(const match *m, report_finding *out, size_t max);
/* The text of lesson ls for finding f in language l, with its {terminal}, {terminal2}, {room},
 * {round} and {event} filled in (caller frees). */
char *report_lesson_text(const game_state *s, const debrief_lesson *ls, const report_finding *f,
                         lang l);

/* ---- the truth per terminal ---- */

typedef struct report_terminal {
    bool infected;          /* at the end (an isolated one stays infected, but contained) */
    route route;            /* how it got in */
    int infected_round;     /* 0: before the game */
    int spread_from;        /* lateral: the terminal it came from, -1 */
    int found_round;        /* examined and seen infected (0: never) */
    int isolated_round;     /* 0: never isolated */
    bool active;            /* still active at the end */
    bool wrong;             /* a clean terminal that was isolated */
    bool volatile_lost;     /* its memory evidence was lost */
    bool lost_to_isolation; /* ... because it was contained before it was preserved */
    int evidence;           /* 0 none, 1 disk only, 2 full */
} report_terminal;

/* Fills out[t] for every terminal of m's scenario (out has RULES_MAX_TERMINALS entries). */
void report_truth(const match *m, report_terminal *out);

/* ---- lines of text ---- */

/* A growable list of text lines, each with its round and role (-1 when none). */
typedef struct report_line {
    int round;
    int role;
    char *text;
} report_line;

typedef struct report_lines {
    report_line *items;
    size_t count, cap;
} report_lines;

void report_lines_free(report_lines *ls);

/* Key decisions and their consequences, in order: the first infected terminal found, every
 * examination that found one, containments (right, wrong, before the evidence), the C2 block,
 * the staff alert and patching (and what they stopped), JPCERT/CC, the declaration, the
 * briefing, and the hidden spread now shown. */
void report_decisions(const match *m, const report_text *t, report_lines *out);
/* What role r did, one line per action it played ("Examine terminal -> T03 (Desktop PC)"). */
void report_role_actions(const match *m, int role, const report_text *t, report_lines *out);
/* Every facilitator override with its reason (empty when there was none). */
void report_overrides(const match *m, const report_text *t, report_lines *out);

/* ---- the after-action report ---- */

/* Language choice for the report: one language, or both (Japanese first). */
enum { REPORT_JA = 1, REPORT_EN = 2, REPORT_BOTH = 3 };

#define REPORT_CHART_W 1600 /* timeline.png's size in pixels */
#define REPORT_CHART_H 1000

/* report.md's text for m in the languages of the langs mask (caller frees). chart_png is the
 * chart's file name as linked from the report (NULL: no chart line). */
char *report_markdown(const match *m, const i18n *cat, int langs, const char *chart_png);
/* Writes dir/report.md and dir/timeline.png (the chart drawn headless with the SDL software
 * renderer; content_root gives the font). dir must exist. False with a reason when a file
 * cannot be written. */
bool report_write(const char *dir, const match *m, const i18n *cat, int langs,
                  const char *content_root, char *why, size_t why_n);
/* Makes the folder path and any missing parents (like mkdir -p); false when it cannot. */
bool report_mkdirs(const char *path);

#endif
