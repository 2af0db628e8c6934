/* card_draw.h: the cards' look, shared by the board (on screen) and malcon-sheet (print and
 * play), so a printed card is the card the room saw on the projector.
 *
 * Every card is drawn from the ruleset (the same YAML and art) into a rectangle with a set of
 * metrics: the board passes its layout's type sizes (legible on a projector whatever the card's
 * size), a sheet passes card_draw_metrics() of the card's own size. Art, when a card has it and
 * it loads, takes the place the drawn picture would have; otherwise the drawn icon shows. Never
 * changes anything.
 *
 * Sheets: A4 portrait at 300 dpi (2480 x 3508 px), poker-size cards (63 x 88 mm = 744 x 1039 px)
 * in a 3 x 3 grid with crop marks in the margins and a footer line.
 */
#ifndef MALCON_APP_CARD_DRAW_H
#define MALCON_APP_CARD_DRAW_H

#include "draw.h"
#include "i18n.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

/* The cards' palette (0xRRGGBB): paper faces, navy ink, the event's wine red. */
#define CARD_FACE     0xeef2f8
#define CARD_INK      0x14213a
#define CARD_INK_SOFT 0x45506a
#define CARD_RULE_BOX 0xdfe6f0
#define CARD_BACK     0x2b4a7a
#define CARD_EVENT    0x7a2e3b
#define CARD_INFECTED 0xe5484d
#define CARD_WHITE    0xf3f6fb

/* Type sizes and spacing a card is drawn with. */
typedef struct card_metrics {
    int px_title, px_body, px_small; /* font pixel heights */
    int pad, radius;
} card_metrics;

/* What every card needs: the content, the language, the UI words (msgctxt "card" in ja.po,
 * else the context-free entry; NULL: English) and the metrics. */
typedef struct card_ctx {
    const ruleset *rs;
    lang l;
    const i18n *cat;
    card_metrics m;
} card_ctx;

/* Metrics for a card drawn on its own at w x h pixels (a sheet): sizes follow the width. */
card_metrics card_draw_metrics(int w, int h);
/* A card word in the context's language. */
const char *card_draw_tr(const card_ctx *c, const char *msgid);

/* ---- the cards ---- */

/* An event card's face: the wine-red title band with the event icon, its art (when it loads)
 * over a third of the body, the rule (the YAML rule, else the effects described) in a box, then
 * the story. Too thin (mid-flip) for words: the band only. */
void card_draw_event(ui_draw *d, ui_rect r, const card_ctx *c, int ev);
/* The back of an event card, with an optional caption (NULL: none). */
void card_draw_event_back(ui_draw *d, ui_rect r, const card_ctx *c, const char *caption);
/* A role card: its art when it loads (with a border of the role's colour), else the drawn card
 * (the role's colour, a big icon, the name). With full, the drawn card also tells the action
 * points, the passive ability and the description (print); the board shows the short one. */
void card_draw_role(ui_draw *d, ui_rect r, const card_ctx *c, int role, bool full);
/* A terminal card's face: the label (the terminal's id) at the top, the kind's art or icon, and
 * the kind's name under it when name is true; infected gives the red face and border. */
void card_draw_terminal(ui_draw *d, ui_rect r, const card_ctx *c, int kind, const char *label,
                        bool infected, bool name);
/* A terminal card's back: the label at the top, a ring with a question mark (the kind is
 * unknown) and the owner's name (may be NULL) at the bottom. */
void card_draw_terminal_back(ui_draw *d, ui_rect r, const card_ctx *c, const char *label,
                             const char *owner);
/* A terminal kind card (print): the kind's name, its art or icon and whether employees may
 * reboot it. */
void card_draw_kind(ui_draw *d, ui_rect r, const card_ctx *c, int kind);
/* An action card (print): the owning role's colour band with its icon and the action's name,
 * the cost, the target and limits, its art, and what it does. */
void card_draw_action(ui_draw *d, ui_rect r, const card_ctx *c, int act);

/* ---- sheets ---- */

#define CARD_SHEET_W   2480 /* A4 portrait at 300 dpi */
#define CARD_SHEET_H   3508
#define CARD_W         744 /* 63 x 88 mm at 300 dpi */
#define CARD_H         1039
#define CARD_SHEET_COL 3
#define CARD_SHEET_ROW 3
#define CARD_PER_SHEET (CARD_SHEET_COL * CARD_SHEET_ROW)

typedef enum card_kind {
    CARD_ROLES = 0,
    CARD_ACTIONS,
    CARD_EVENTS,
    CARD_KINDS,
    CARD_KIND_COUNT
} card_kind;

/* One card to print: its kind and index in the ruleset's list. */
typedef struct card_ref {
    card_kind kind;
    int index;
} card_ref;

/* The file-name word of a kind ("roles", "actions", "events", "terminals"). */
const char *card_draw_kind_name(card_kind k);
/* The cards of kind k in print order (an event as many times as its copies, at least once);
 * writes at most max into out (may be NULL) and returns how many there are. */
size_t card_draw_list(const ruleset *rs, card_kind k, card_ref *out, size_t max);
/* Pages needed for n cards (ceil(n / CARD_PER_SHEET)). */
size_t card_draw_pages(size_t n);
/* Slot i's card rectangle on a sheet (i in 0..CARD_PER_SHEET-1, row by row). */
ui_rect card_draw_slot(int i);
/* Draws one card of any kind in r. */
void card_draw_card(ui_draw *d, ui_rect r, const card_ctx *c, card_ref card);
/* Draws a whole sheet (begin .. end): white paper, cards[0..n) (n <= CARD_PER_SHEET) in the
 * grid, crop marks at every cut line in the margins, and footer centred at the bottom. The
 * drawing target must be CARD_SHEET_W x CARD_SHEET_H. */
void card_draw_sheet(ui_draw *d, const card_ctx *c, const card_ref *cards, size_t n,
                     const char *footer);

#endif
