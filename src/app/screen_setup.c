/* screen_setup.c: the new-game screen: scenario, players and their names, who holds which role,
 * language, information options, facilitator, seed, Start. Usable with the mouse alone or the
 * keyboard alone (Tab/arrows move, Enter/Space act, Esc goes back, number keys pick). */
#include "app.h"
#include "facil.h"
#include "layout.h"
#include "widget.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Focus stops, in Tab order (reading order: left column, then right column, then Start). */
typedef enum setup_stop {
    SF_SCENARIO = 0,
    SF_LANG,
    SF_PRIVATE,
    SF_OPEN, /* no longer a row (it was "Open information", the same rule as private off) */
    SF_FAC,
    SF_SEED,
    SF_SEED_NEW,
    SF_PLAYERS,
    SF_NAME, /* one per player: code SF_NAME * 16 + player */
    SF_GRID,
    SF_DEAL,
    SF_START,
    SF_BACK,
    SF_PIN, /* "Person": the overlay's PIN; in Tab order right after SF_FAC (its row) */
    SF_COUNT
} setup_stop;

#define SETUP_CODE(kind, sub) ((int)(kind)*16 + (sub))
#define SETUP_KIND(code)      ((setup_stop)((code) / 16))
#define SETUP_SUB(code)       ((code) % 16)
#define SETUP_MAX_STOPS       (SF_COUNT + RULES_MAX_PLAYERS)
#define SETUP_OPTS            4 /* option rows: language, private, facilitator, seed */

typedef struct setup_geom {
    ui_rect title, hint;
    ui_rect sc_panel, sc_label, sc_prev, sc_next, sc_name, sc_desc, sc_facts;
    ui_rect opt_panel, opt_label[SETUP_OPTS], opt_ctrl[SETUP_OPTS], seed_field, seed_new;
    ui_rect opt_note;  /* what the private-information choice means, under the options */
    ui_rect pin_field; /* "Person": the PIN, between the row's label and its choice */
    ui_rect pl_panel, pl_label, pl_minus, pl_count, pl_plus, names_label;
    ui_rect name[RULES_MAX_PLAYERS], badge[RULES_MAX_PLAYERS];
    ui_rect grid_label, grid_head[RULES_MAX_PLAYERS];
    int n_rows, n_required;        /* rows: sc's roles (required), then the extra roles */
    int row_role[RULES_MAX_ROLES]; /* role index of each row */
    ui_rect extra_label;           /* the line above the extra roles (empty when none) */
    ui_rect row_label[RULES_MAX_ROLES], cell[RULES_MAX_ROLES][RULES_MAX_PLAYERS];
    ui_rect deal, start, back, message;
} setup_geom;

static const scenario_def *setup_scenario(const app *a)
{
    return &a->rs->scenarios[a->newgame.scenario];
}

/* The roles grid's rows: the scenario's roles (required), then the roles that may join
 * (newgame_extra_roles order). Returns the row count; *n_required gets the first part's. */
static int setup_rows(const app *a, int roles[RULES_MAX_ROLES], int *n_required)
{
    const scenario_def *sc = setup_scenario(a);
    int n = 0;
    for (size_t i = 0; i < sc->n_roles && n < RULES_MAX_ROLES; i++)
        roles[n++] = sc->roles[i];
    *n_required = n;
    return n + newgame_extra_roles(a->rs, a->newgame.scenario, roles + n, RULES_MAX_ROLES - n);
}

/* Every rectangle of the screen, from the window size, the scenario and the player count. */
static void setup_layout(const app *a, setup_geom *g)
{
    int W = a->width, H = a->height;
#define R(x, y, w, h) layout_design_rect((ui_rect){x, y, w, h}, W, H)
    memset(g, 0, sizeof *g);
    g->title = R(80, 36, 820, 90);
    g->hint = R(900, 36, 960, 90);

    g->sc_panel = R(60, 150, 860, 440);
    g->sc_label = R(100, 164, 600, 48);
    g->sc_prev = R(730, 160, 66, 56);
    g->sc_next = R(814, 160, 66, 56);
    g->sc_name = R(100, 222, 780, 96);
    g->sc_desc = R(100, 328, 780, 216);
    g->sc_facts = R(100, 548, 780, 34);

    g->opt_panel = R(60, 606, 860, 364);
    for (int i = 0; i < SETUP_OPTS; i++) {
        g->opt_label[i] = R(100, 620 + i * 68, 400, 60);
        g->opt_ctrl[i] = R(500, 620 + i * 68, 380, 60);
    }
    g->seed_field = R(500, 620 + 3 * 68, 230, 60);
    g->opt_note = R(100, 620 + 4 * 68, 780, 72);
    g->seed_new = R(744, 620 + 3 * 68, 136, 60);
    if (!a->newgame.computer_facilitator) {
        /* between the label and the choice, so the choice never moves under the mouse */
        g->opt_label[2] = R(100, 620 + 2 * 68, 180, 60);
        g->pin_field = R(290, 620 + 2 * 68, 196, 60);
    }

    g->pl_panel = R(960, 150, 900, 820);
    g->pl_label = R(1000, 168, 400, 70);
    g->pl_minus = R(1440, 168, 70, 70);
    g->pl_count = R(1516, 168, 90, 70);
    g->pl_plus = R(1612, 168, 70, 70);
    g->names_label = R(1000, 248, 820, 36);
    for (int p = 0; p < RULES_MAX_PLAYERS; p++) {
        /* one wide column up to four players, two columns beyond */
        int col = p / 4, row = p % 4, two = a->newgame.setup.n_players > 4;
        g->badge[p] = R(1000 + col * 420, 290 + row * 58, 52, 52);
        g->name[p] = R(1060 + col * 420, 290 + row * 58, two ? 350 : 760, 52);
    }
    /* The roles grid: rows are the roles (the scenario's, a line, the extra roles), columns
     * the players; "Deal roles evenly" sits on the grid's heading line. */
    int n = a->newgame.setup.n_players;
    g->n_rows = setup_rows(a, g->row_role, &g->n_required);
    /* the grid starts under the last row of names: fewer players, taller rows */
    int gy = 290 + (n < 4 ? (n > 0 ? n : 1) : 4) * 58 + 4;
    g->grid_label = R(1000, gy + 2, 460, 46);
    g->deal = R(1470, gy, 350, 50);
    int top = gy + 54, bottom = 954;
    int sep = g->n_rows > g->n_required ? 40 : 0;
    int row_h = g->n_rows ? (bottom - top - sep) / (g->n_rows + 1) : 60;
    if (row_h > 56)
        row_h = 56;
    /* columns as wide as a badge needs; the role names get the rest */
    int col_w = 420 / (n > 0 ? n : 1);
    if (col_w > 96)
        col_w = 96;
    int label_w = 820 - col_w * n;
    for (int p = 0; p < n; p++)
        g->grid_head[p] = R(1000 + label_w + p * col_w, top, col_w, row_h);
    if (sep)
        g->extra_label = R(1000, top + (g->n_required + 1) * row_h, 820, sep);
    for (int r = 0; r < g->n_rows && r < RULES_MAX_ROLES; r++) {
        int y = top + (r + 1) * row_h + (r >= g->n_required ? sep : 0);
        g->row_label[r] = R(1000, y, label_w - 10, row_h);
        for (int p = 0; p < n; p++)
            g->cell[r][p] = R(1000 + label_w + p * col_w, y, col_w, row_h);
    }

    g->back = R(60, 990, 300, 72);
    g->message = R(390, 986, 1100, 80);
    g->start = R(1520, 986, 340, 80);
#undef R
}

/* The focus stops that exist now, in Tab order. */
static int setup_stops(const app *a, int *out)
{
    int n = 0;
    for (int k = SF_SCENARIO; k < SF_COUNT; k++) {
        if (k == SF_NAME) {
            for (int p = 0; p < a->newgame.setup.n_players; p++)
                out[n++] = SETUP_CODE(SF_NAME, p);
        } else if (k == SF_GRID) {
            int roles[RULES_MAX_ROLES], req;
            if (setup_rows(a, roles, &req) > 0)
                out[n++] = SETUP_CODE(SF_GRID, 0);
        } else if (k == SF_PIN || k == SF_OPEN) {
            continue; /* the PIN: placed after SF_FAC, beside it; SF_OPEN: not a row */
        } else {
            out[n++] = SETUP_CODE(k, 0);
            if (k == SF_FAC && !a->newgame.computer_facilitator)
                out[n++] = SETUP_CODE(SF_PIN, 0);
        }
    }
    return n;
}

/* Moves the focus by dir stops (wrapping). */
static void setup_move(app *a, int dir)
{
    int stops[SETUP_MAX_STOPS];
    int n = setup_stops(a, stops), at = 0;
    for (int i = 0; i < n; i++)
        if (stops[i] == a->setup.focus)
            at = i;
    a->setup.focus = stops[(at + dir + n) % n];
    if (SETUP_KIND(a->setup.focus) == SF_GRID) {
        int roles[RULES_MAX_ROLES], req;
        int rows = setup_rows(a, roles, &req);
        a->setup.grid_role = dir < 0 ? rows - 1 : 0;
        int r = roles[a->setup.grid_role];
        int h = newgame_holder(&a->newgame.setup, r);
        a->setup.grid_player = h >= 0 ? h : 0;
    }
}

/* Ends text editing: a name left empty gets its default back; a seed that is not a number is
 * dropped. */
static void setup_stop_editing(app *a)
{
    setup_ui *s = &a->setup;
    if (s->editing == SETUP_EDIT_NAME) {
        char *name = a->newgame.setup.player[s->edit_player];
        size_t n = strlen(name);
        while (n && name[n - 1] == ' ')
            name[--n] = '\0';
        if (!name[0])
            app_player_name(a, s->edit_player, name, RULES_NAME_MAX);
    } else if (s->editing == SETUP_EDIT_SEED) {
        uint64_t v;
        if (newgame_parse_seed(s->seed_text, &v))
            a->newgame.setup.seed = v;
        else
            snprintf(s->message, sizeof s->message, "%s",
                     app_tr(a, "The seed is a whole number; the previous seed is kept."));
    } else if (s->editing == SETUP_EDIT_PIN && a->newgame.facilitator_pin[0] &&
               !facil_pin_valid(a->newgame.facilitator_pin)) {
        snprintf(s->message, sizeof s->message, "%s",
                 app_tr(a, "The facilitator's PIN has 4 digits."));
    }
    s->editing = SETUP_EDIT_NONE;
    if (a->platform)
        platform_text_input(a->platform, false);
}

static void setup_start_editing(app *a, int what, int player)
{
    setup_ui *s = &a->setup;
    if (s->editing != SETUP_EDIT_NONE)
        setup_stop_editing(a);
    s->editing = what;
    s->edit_player = player;
    if (what == SETUP_EDIT_SEED)
        snprintf(s->seed_text, sizeof s->seed_text, "%" PRIu64, a->newgame.setup.seed);
    if (what == SETUP_EDIT_PIN)
        a->newgame.facilitator_pin[0] = '\0'; /* a PIN is typed afresh, never edited */
    if (a->platform)
        platform_text_input(a->platform, true);
}

/* Appends typed UTF-8 text to the field being edited (whole characters that fit). */
static void setup_type(app *a, const char *text)
{
    setup_ui *s = &a->setup;
    char *buf;
    size_t cap;
    if (s->editing == SETUP_EDIT_NAME) {
        buf = a->newgame.setup.player[s->edit_player];
        cap = RULES_NAME_MAX;
    } else if (s->editing == SETUP_EDIT_SEED) {
        buf = s->seed_text;
        cap = 21;
    } else if (s->editing == SETUP_EDIT_PIN) {
        buf = a->newgame.facilitator_pin;
        cap = FACIL_PIN_LEN + 1;
    } else {
        return;
    }
    const char *p = text;
    while (*p) {
        const char *q = p;
        uint32_t cp = core_utf8_next(&q);
        size_t len = (size_t)(q - p), have = strlen(buf);
        if (cp < 0x20 || cp == 0x7f || have + len + 1 > cap)
            break;
        /* The seed is digits; a name may be any printable text (saves escape it). */
        if ((s->editing == SETUP_EDIT_SEED || s->editing == SETUP_EDIT_PIN) &&
            !(cp >= '0' && cp <= '9'))
            break;
        memcpy(buf + have, p, len);
        buf[have + len] = '\0';
        p = q;
    }
}

/* Removes the last character (a whole UTF-8 sequence) of the field being edited. */
static void setup_backspace(app *a)
{
    setup_ui *s = &a->setup;
    char *buf = s->editing == SETUP_EDIT_NAME   ? a->newgame.setup.player[s->edit_player]
                : s->editing == SETUP_EDIT_SEED ? s->seed_text
                : s->editing == SETUP_EDIT_PIN  ? a->newgame.facilitator_pin
                                                : NULL;
    if (!buf)
        return;
    size_t n = strlen(buf);
    while (n > 0) {
        n--;
        if (((unsigned char)buf[n] & 0xC0) != 0x80)
            break;
    }
    buf[n] = '\0';
}

static void setup_set_players(app *a, int n)
{
    const char *names[RULES_MAX_PLAYERS];
    char buf[RULES_MAX_PLAYERS][RULES_NAME_MAX];
    for (int p = 0; p < RULES_MAX_PLAYERS; p++) {
        app_player_name(a, p, buf[p], sizeof buf[p]);
        names[p] = buf[p];
    }
    newgame_set_players(&a->newgame.setup, a->rs, a->newgame.scenario, n, names);
    if (a->setup.grid_player >= a->newgame.setup.n_players)
        a->setup.grid_player = a->newgame.setup.n_players - 1;
    a->setup.message[0] = '\0';
}

static void setup_cycle_scenario(app *a, int dir)
{
    int n = (int)a->rs->n_scenarios;
    int sc = (a->newgame.scenario + dir + n) % n;
    newgame_set_scenario(&a->newgame, a->rs, sc);
    a->setup.grid_role = 0;
    a->setup.message[0] = '\0';
}

static void setup_start(app *a)
{
    setup_stop_editing(a);
    /* one display: the facilitator's console is an overlay behind this PIN (facil.h) */
    if (!a->newgame.computer_facilitator && !(a->facil && a->facil->force_window) &&
        !facil_pin_valid(a->newgame.facilitator_pin)) {
        snprintf(a->setup.message, sizeof a->setup.message, "%s",
                 app_tr(a, "Set a 4-digit PIN for the facilitator console first."));
        a->setup.focus = SETUP_CODE(SF_PIN, 0);
        setup_start_editing(a, SETUP_EDIT_PIN, 0);
        return;
    }
    char why[RULES_WHY_MAX];
    if (!app_start_newgame(a, why, sizeof why))
        snprintf(a->setup.message, sizeof a->setup.message, "%s: %s",
                 app_tr(a, "The game could not start"), why);
}

static void setup_back(app *a)
{
    setup_stop_editing(a);
    app_goto(a, SCR_TITLE);
}

/* Takes the role of grid row `row` out of the game (Delete, 0, or choosing its holder again):
 * only an extra role can leave, and only from a player who holds another role. */
static void setup_grid_remove(app *a, int row)
{
    int roles[RULES_MAX_ROLES], req;
    int rows = setup_rows(a, roles, &req);
    if (row < 0 || row >= rows)
        return;
    const char *why = NULL;
    if (row < req)
        why = "The scenario's roles are always played: give it to another player instead.";
    else if (newgame_holder(&a->newgame.setup, roles[row]) >= 0 &&
             !newgame_unassign(&a->newgame.setup, a->rs, a->newgame.scenario, roles[row]))
        why = "Every player holds at least one role.";
    if (why)
        snprintf(a->setup.message, sizeof a->setup.message, "%s", app_tr(a, why));
}

/* Grid cell (row, player) chosen: the player takes the row's role; choosing the holder of an
 * extra role again takes the role out of the game. */
static void setup_grid_pick(app *a, int row, int player)
{
    int roles[RULES_MAX_ROLES], req;
    int rows = setup_rows(a, roles, &req);
    if (row < 0 || row >= rows || player < 0 || player >= a->newgame.setup.n_players)
        return;
    a->setup.message[0] = '\0';
    if (row >= req && newgame_holder(&a->newgame.setup, roles[row]) == player)
        setup_grid_remove(a, row);
    else
        newgame_assign(&a->newgame.setup, roles[row], player);
}

/* Sets option row i to value v (0/1). */
static void setup_set_option(app *a, setup_stop k, int v)
{
    game_setup *su = &a->newgame.setup;
    switch (k) {
    case SF_LANG:
        /* the same setting as on the settings screen: it sticks for the next start too */
        app_set_lang(a, v ? LANG_EN : LANG_JA);
        if (a->settings.lang != a->lang) {
            a->settings.lang = a->lang;
            settings_save(&a->settings, a->pref_dir);
        }
        break;
    case SF_PRIVATE:
        /* one choice: the rules' "open information" is the same as private information off
         * (two rows that said one thing confused the trainer: private off + open off) */
        su->private_info = v;
        su->open_info = !v;
        break;
    case SF_OPEN:
        su->open_info = v;
        su->private_info = !v;
        break;
    case SF_FAC:
        a->newgame.computer_facilitator = !v;
        if (v)
            snprintf(a->setup.message, sizeof a->setup.message, "%s",
                     app_tr(a, "A person runs the hidden side from the facilitator console: on a "
                               "second screen, or over the board with F9 and this PIN."));
        break;
    default:
        break;
    }
}

static int setup_option_value(const app *a, setup_stop k)
{
    const game_setup *su = &a->newgame.setup;
    switch (k) {
    case SF_LANG:
        return a->lang == LANG_EN;
    case SF_PRIVATE:
        return su->private_info && !su->open_info; /* open information overrides it */
    case SF_OPEN:
        return su->open_info;
    case SF_FAC:
        return !a->newgame.computer_facilitator;
    default:
        return 0;
    }
}

/* Enter/Space on the focused stop. */
static void setup_activate(app *a)
{
    int code = a->setup.focus;
    setup_stop k = SETUP_KIND(code);
    switch (k) {
    case SF_SCENARIO:
        setup_cycle_scenario(a, 1);
        break;
    case SF_LANG:
    case SF_PRIVATE:
    case SF_OPEN:
        setup_set_option(a, k, !setup_option_value(a, k));
        break;
    case SF_FAC:
        setup_set_option(a, k, !setup_option_value(a, k));
        break;
    case SF_PIN:
        setup_start_editing(a, SETUP_EDIT_PIN, 0);
        break;
    case SF_SEED:
        setup_start_editing(a, SETUP_EDIT_SEED, 0);
        break;
    case SF_SEED_NEW:
        a->newgame.setup.seed = app_random_seed(a);
        break;
    case SF_PLAYERS:
        setup_set_players(
            a, a->newgame.setup.n_players % newgame_max_players(a->rs, a->newgame.scenario) + 1);
        break;
    case SF_NAME:
        setup_start_editing(a, SETUP_EDIT_NAME, SETUP_SUB(code));
        break;
    case SF_GRID:
        setup_grid_pick(a, a->setup.grid_role, a->setup.grid_player);
        break;
    case SF_DEAL:
        newgame_deal_evenly(&a->newgame.setup, a->rs, a->newgame.scenario);
        break;
    case SF_START:
        setup_start(a);
        break;
    case SF_BACK:
        setup_back(a);
        break;
    default:
        break;
    }
}

/* Left/Right on the focused stop. */
static void setup_horizontal(app *a, int dir)
{
    setup_stop k = SETUP_KIND(a->setup.focus);
    switch (k) {
    case SF_SCENARIO:
        setup_cycle_scenario(a, dir);
        break;
    case SF_LANG:
    case SF_PRIVATE:
    case SF_OPEN:
    case SF_FAC:
        setup_set_option(a, k, dir > 0);
        break;
    case SF_PLAYERS:
        setup_set_players(a, a->newgame.setup.n_players + dir);
        break;
    case SF_GRID: {
        int n = a->newgame.setup.n_players;
        a->setup.grid_player = (a->setup.grid_player + dir + n) % n;
        break;
    }
    default:
        setup_move(a, dir);
        break;
    }
}

static void setup_key(app *a, const ui_input *in)
{
    setup_ui *s = &a->setup;
    if (s->editing != SETUP_EDIT_NONE) {
        switch (in->key) {
        case KEY_BACKSPACE:
            setup_backspace(a);
            return;
        case KEY_ENTER:
        case KEY_ESCAPE:
            setup_stop_editing(a);
            return;
        case KEY_TAB:
            setup_stop_editing(a);
            setup_move(a, (in->mods & MOD_SHIFT) ? -1 : 1);
            return;
        case KEY_UP:
        case KEY_DOWN:
            setup_stop_editing(a);
            setup_move(a, in->key == KEY_UP ? -1 : 1);
            return;
        default:
            return; /* letters arrive as IN_TEXT */
        }
    }
    setup_stop k = SETUP_KIND(s->focus);
    switch (in->key) {
    case KEY_TAB:
        setup_move(a, (in->mods & MOD_SHIFT) ? -1 : 1);
        break;
    case KEY_UP:
    case KEY_DOWN: {
        int dir = in->key == KEY_UP ? -1 : 1;
        int roles[RULES_MAX_ROLES], req;
        int rows = setup_rows(a, roles, &req);
        if (k == SF_GRID && s->grid_role + dir >= 0 && s->grid_role + dir < rows)
            s->grid_role += dir;
        else
            setup_move(a, dir);
        break;
    }
    case KEY_LEFT:
    case KEY_RIGHT:
        setup_horizontal(a, in->key == KEY_LEFT ? -1 : 1);
        break;
    case KEY_ENTER:
    case KEY_SPACE:
        setup_activate(a);
        break;
    case KEY_ESCAPE:
        setup_back(a);
        break;
    case KEY_F5:
        setup_start(a);
        break;
    case KEY_DELETE:
    case KEY_BACKSPACE:
    case KEY_0:
        if (k == SF_GRID)
            setup_grid_remove(a, s->grid_role);
        break;
    default:
        if (in->key >= KEY_1 && in->key <= KEY_8) {
            int num = (int)(in->key - KEY_1) + 1;
            if (k == SF_PLAYERS) {
                setup_set_players(a, num);
            } else if (k == SF_GRID && num <= a->newgame.setup.n_players) {
                /* a number gives the focused role to that player */
                int roles[RULES_MAX_ROLES], req;
                if (s->grid_role < setup_rows(a, roles, &req)) {
                    s->grid_player = num - 1;
                    a->setup.message[0] = '\0';
                    newgame_assign(&a->newgame.setup, roles[s->grid_role], num - 1);
                }
            }
        }
        break;
    }
}

static void setup_click(app *a, int x, int y)
{
    setup_geom g;
    setup_layout(a, &g);
    setup_ui *s = &a->setup;
    bool was_editing = s->editing != SETUP_EDIT_NONE;
    if (was_editing)
        setup_stop_editing(a);
#define HIT(r) ui_rect_contains((r), x, y)
    if (HIT(g.sc_prev) || HIT(g.sc_next) || HIT(g.sc_name)) {
        s->focus = SETUP_CODE(SF_SCENARIO, 0);
        setup_cycle_scenario(a, HIT(g.sc_prev) ? -1 : 1);
        return;
    }
    static const setup_stop opt_kind[SETUP_OPTS - 1] = {SF_LANG, SF_PRIVATE, SF_FAC};
    for (int i = 0; i < SETUP_OPTS - 1; i++) {
        for (int v = 0; v < 2; v++) {
            if (HIT(widget_segment_rect(g.opt_ctrl[i], 2, v))) {
                s->focus = SETUP_CODE(opt_kind[i], 0);
                setup_set_option(a, opt_kind[i], v);
                return;
            }
        }
    }
    if (!a->newgame.computer_facilitator && HIT(g.pin_field)) {
        s->focus = SETUP_CODE(SF_PIN, 0);
        setup_start_editing(a, SETUP_EDIT_PIN, 0);
        return;
    }
    if (HIT(g.seed_field)) {
        s->focus = SETUP_CODE(SF_SEED, 0);
        setup_start_editing(a, SETUP_EDIT_SEED, 0);
        return;
    }
    if (HIT(g.seed_new)) {
        s->focus = SETUP_CODE(SF_SEED_NEW, 0);
        a->newgame.setup.seed = app_random_seed(a);
        return;
    }
    if (HIT(g.pl_minus) || HIT(g.pl_plus)) {
        s->focus = SETUP_CODE(SF_PLAYERS, 0);
        setup_set_players(a, a->newgame.setup.n_players + (HIT(g.pl_plus) ? 1 : -1));
        return;
    }
    int n = a->newgame.setup.n_players;
    for (int p = 0; p < n; p++) {
        if (HIT(g.name[p]) || HIT(g.badge[p])) {
            s->focus = SETUP_CODE(SF_NAME, p);
            setup_start_editing(a, SETUP_EDIT_NAME, p);
            return;
        }
    }
    for (int r = 0; r < g.n_rows; r++) {
        for (int p = 0; p < n; p++) {
            if (HIT(g.cell[r][p])) {
                s->focus = SETUP_CODE(SF_GRID, 0);
                s->grid_role = r;
                s->grid_player = p;
                setup_grid_pick(a, r, p);
                return;
            }
        }
    }
    if (HIT(g.deal)) {
        s->focus = SETUP_CODE(SF_DEAL, 0);
        newgame_deal_evenly(&a->newgame.setup, a->rs, a->newgame.scenario);
        return;
    }
    if (HIT(g.start)) {
        s->focus = SETUP_CODE(SF_START, 0);
        setup_start(a);
        return;
    }
    if (HIT(g.back)) {
        setup_back(a);
        return;
    }
#undef HIT
}

static void setup_input(app *a, const ui_input *in)
{
    if (!a->rs)
        return;
    switch (in->type) {
    case IN_KEY:
        setup_key(a, in);
        break;
    case IN_TEXT:
        setup_type(a, in->text);
        break;
    case IN_MOUSE_DOWN:
        if (in->button == 1)
            setup_click(a, in->x, in->y);
        break;
    default:
        break;
    }
}

static void setup_enter(app *a)
{
    a->setup.editing = SETUP_EDIT_NONE;
    a->setup.message[0] = '\0';
    int stops[SETUP_MAX_STOPS];
    int n = setup_stops(a, stops);
    bool ok = false;
    for (int i = 0; i < n; i++)
        ok |= stops[i] == a->setup.focus;
    if (!ok)
        a->setup.focus = SETUP_CODE(SF_SCENARIO, 0);
    if (a->newgame.scenario < 0 || (size_t)a->newgame.scenario >= a->rs->n_scenarios)
        newgame_set_scenario(&a->newgame, a->rs, 0);
}

static void setup_leave(app *a)
{
    if (a->setup.editing != SETUP_EDIT_NONE)
        setup_stop_editing(a);
}

/* ---- drawing ---- */

static bool setup_focused(const app *a, setup_stop k, int sub)
{
    return a->setup.focus == SETUP_CODE(k, sub);
}

static bool setup_hover(const app *a, ui_rect r)
{
    return ui_rect_contains(r, a->hover_x, a->hover_y);
}

/* A text field with its value (and a caret while edited). */
static void setup_draw_field(const app *a, ui_draw *d, ui_rect r, const char *text, bool focus,
                             bool editing, int px)
{
    int rad = r.h / 5;
    draw_round(d, r, rad, UI_RGB(editing ? widget_shade(THEME_TABLE_DEEP, 6) : THEME_TABLE_DEEP));
    draw_stroke_round(d, r, rad, 2,
                      UI_RGB(editing             ? THEME_ACCENT
                             : setup_hover(a, r) ? THEME_TEXT_DIM
                                                 : THEME_PANEL_EDGE));
    int pad = r.h / 4;
    ui_rect t = {r.x + pad, r.y, r.w - 2 * pad, r.h};
    widget_text(d, t, text, px, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    if (editing) {
        ui_text_style st = widget_style(px, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT);
        int w = 0, h = 0;
        draw_measure(d, text, &st, &w, &h);
        int x = t.x + (w < t.w ? w : t.w) + 2;
        draw_fill(d, (ui_rect){x, r.y + r.h / 5, r.h / 18 > 2 ? r.h / 18 : 2, r.h * 3 / 5},
                  UI_RGB(THEME_ACCENT));
    }
    if (focus && !editing)
        widget_focus(d, r, rad);
}

static void setup_draw_scenario(const app *a, ui_draw *d, const setup_geom *g)
{
    int W = a->width, H = a->height;
    const scenario_def *sc = setup_scenario(a);
    widget_panel(d, g->sc_panel, layout_px(24, W, H));
    char label[96];
    snprintf(label, sizeof label, "%s  %d / %zu", app_tr(a, "Scenario"), a->newgame.scenario + 1,
             a->rs->n_scenarios);
    widget_text(d, g->sc_label, label, layout_font_px(TYPE_SMALL, W, H), UI_FONT_BOLD, THEME_ACCENT,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    bool f = setup_focused(a, SF_SCENARIO, 0);
    widget_arrow(d, g->sc_prev, -1, setup_hover(a, g->sc_prev) ? WF_HOVER : 0);
    widget_arrow(d, g->sc_next, 1, setup_hover(a, g->sc_next) ? WF_HOVER : 0);
    ui_rect name = g->sc_name;
    draw_round(d, name, name.h / 5, UI_RGB(THEME_PANEL_HI));
    ui_text_style st = widget_style(layout_font_px(TYPE_LARGE, W, H), UI_FONT_BOLD, THEME_TEXT,
                                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    st.wrap = true;
    ui_rect nt = layout_inset2(name, name.h / 6, 0);
    draw_text(d, nt, ml_get(&sc->name, a->lang), &st);
    if (f)
        widget_focus(d, name, name.h / 5);
    /* the story whole: a long one (English at 720p) steps down rather than ending in "..." */
    const char *desc = ml_get(&sc->desc, a->lang);
    int dpx = layout_font_px(TYPE_SMALL, W, H);
    ui_text_style ds = widget_style(widget_fit_wrapped_px(d, desc, dpx, dpx * 3 / 4, g->sc_desc.w,
                                                          g->sc_desc.h, UI_FONT_REGULAR),
                                    UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_TOP);
    ds.wrap = true;
    draw_text(d, g->sc_desc, desc, &ds);
    char facts[192];
    snprintf(facts, sizeof facts, app_tr(a, "%zu rooms · %zu terminals · %d days × %d phases"),
             sc->n_rooms, sc->n_terminals, sc->days, sc->phases_per_day);
    widget_text(d, g->sc_facts, facts, layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

static void setup_draw_options(const app *a, ui_draw *d, const setup_geom *g)
{
    int W = a->width, H = a->height;
    widget_panel(d, g->opt_panel, layout_px(24, W, H));
    static const char *const labels[SETUP_OPTS] = {
        "Language",
        "Private information",
        "Facilitator",
        "Seed",
    };
    static const setup_stop kinds[SETUP_OPTS - 1] = {SF_LANG, SF_PRIVATE, SF_FAC};
    int px = layout_font_px(TYPE_BODY, W, H);
    const game_setup *su = &a->newgame.setup;
    for (int i = 0; i < SETUP_OPTS; i++) {
        widget_text(d, g->opt_label[i], app_tr(a, labels[i]), px, UI_FONT_BOLD, THEME_TEXT,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        if (i == SETUP_OPTS - 1)
            break;
        const char *two[2];
        int flags = setup_focused(a, kinds[i], 0) ? WF_FOCUS : 0;
        if (kinds[i] == SF_LANG) {
            two[0] = "日本語";
            two[1] = "English";
        } else if (kinds[i] == SF_FAC) {
            two[0] = app_tr(a, "Computer");
            two[1] = app_tr(a, "Person");
        } else {
            two[0] = app_tr(a, "Off");
            two[1] = app_tr(a, "On");
        }
        widget_segments(d, g->opt_ctrl[i], two, 2, setup_option_value(a, kinds[i]),
                        layout_font_px(TYPE_SMALL, W, H), flags);
        if (kinds[i] == SF_FAC && !a->newgame.computer_facilitator) {
            /* the PIN is never shown: a dot per digit, "PIN" while it is empty */
            bool pin_editing = a->setup.editing == SETUP_EDIT_PIN;
            char dots[4 * FACIL_PIN_LEN + 1] = "";
            for (size_t k = 0; k < strlen(a->newgame.facilitator_pin) && k < FACIL_PIN_LEN; k++)
                strcat(dots, "●");
            setup_draw_field(a, d, g->pin_field, dots[0] || pin_editing ? dots : "PIN",
                             setup_focused(a, SF_PIN, 0), pin_editing,
                             layout_font_px(TYPE_SMALL, W, H));
        }
    }
    bool editing = a->setup.editing == SETUP_EDIT_SEED;
    char seed[32];
    if (editing)
        snprintf(seed, sizeof seed, "%s", a->setup.seed_text);
    else
        snprintf(seed, sizeof seed, "%" PRIu64, su->seed);
    setup_draw_field(a, d, g->seed_field, seed, setup_focused(a, SF_SEED, 0), editing, px);
    /* the choice in words: what the room will see */
    ui_text_style ns = widget_style(layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                                    THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ns.wrap = true;
    draw_text(d, g->opt_note,
              app_tr(a, setup_option_value(a, SF_PRIVATE)
                            ? "Private information on: a result is shown only to the role that "
                              "acted, behind a curtain."
                            : "Private information off: every result is shown to the whole room "
                              "(for beginners)."),
              &ns);
    widget_button(d, g->seed_new, app_tr(a, "New"), layout_font_px(TYPE_SMALL, W, H),
                  (setup_focused(a, SF_SEED_NEW, 0) ? WF_FOCUS : 0) |
                      (setup_hover(a, g->seed_new) ? WF_HOVER : 0));
}

static void setup_draw_players(const app *a, ui_draw *d, const setup_geom *g)
{
    int W = a->width, H = a->height;
    const game_setup *su = &a->newgame.setup;
    int px = layout_font_px(TYPE_BODY, W, H), small = layout_font_px(TYPE_SMALL, W, H);
    widget_panel(d, g->pl_panel, layout_px(24, W, H));
    widget_text(d, g->pl_label, app_tr(a, "Players"), layout_font_px(TYPE_HEADING, W, H),
                UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    widget_button(d, g->pl_minus, "−", layout_font_px(TYPE_LARGE, W, H),
                  (su->n_players <= 1 ? WF_DISABLED : 0) |
                      (setup_hover(a, g->pl_minus) ? WF_HOVER : 0));
    widget_button(
        d, g->pl_plus, "+", layout_font_px(TYPE_LARGE, W, H),
        (su->n_players >= newgame_max_players(a->rs, a->newgame.scenario) ? WF_DISABLED : 0) |
            (setup_hover(a, g->pl_plus) ? WF_HOVER : 0));
    char num[16];
    snprintf(num, sizeof num, "%d", su->n_players);
    draw_round(d, g->pl_count, g->pl_count.h / 5, UI_RGB(THEME_TABLE_DEEP));
    widget_text(d, g->pl_count, num, layout_font_px(TYPE_HEADING, W, H), UI_FONT_BOLD, THEME_ACCENT,
                UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    if (setup_focused(a, SF_PLAYERS, 0)) {
        ui_rect all = {g->pl_minus.x, g->pl_minus.y, g->pl_plus.x + g->pl_plus.w - g->pl_minus.x,
                       g->pl_minus.h};
        widget_focus(d, all, all.h / 4);
    }
    char seats[192];
    snprintf(seats, sizeof seats, app_tr(a, "Up to %d players. Click a name to edit it."),
             newgame_max_players(a->rs, a->newgame.scenario));
    widget_text(d, g->names_label, seats, small, UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    for (int p = 0; p < su->n_players; p++) {
        ui_rect b = g->badge[p];
        draw_circle(d, b.x + b.w / 2, b.y + b.h / 2, b.h / 2, UI_RGB(THEME_PANEL_EDGE));
        snprintf(num, sizeof num, "%d", p + 1);
        widget_text(d, b, num, small, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        bool editing = a->setup.editing == SETUP_EDIT_NAME && a->setup.edit_player == p;
        setup_draw_field(a, d, g->name[p], su->player[p], setup_focused(a, SF_NAME, p), editing,
                         px);
    }

    /* the roles grid */
    widget_text(d, g->grid_label, app_tr(a, "Who holds which role"), small, UI_FONT_BOLD,
                THEME_ACCENT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    for (int p = 0; p < su->n_players; p++) {
        ui_rect h = g->grid_head[p];
        int rad = (h.w < h.h ? h.w : h.h) * 2 / 5;
        draw_circle(d, h.x + h.w / 2, h.y + h.h / 2, rad, UI_RGB(THEME_PANEL_EDGE));
        snprintf(num, sizeof num, "%d", p + 1);
        widget_text(d, h, num, small, UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
    }
    bool grid_focus = setup_focused(a, SF_GRID, 0);
    if (g->n_rows > g->n_required) {
        /* The extra roles: a rule and a line that says what they are. */
        ui_rect xl = g->extra_label;
        draw_fill(d, (ui_rect){xl.x, xl.y + xl.h / 2, layout_px(24, W, H), layout_px(2, W, H)},
                  UI_RGB(THEME_PANEL_EDGE));
        ui_rect xt = {xl.x + layout_px(34, W, H), xl.y, xl.w - layout_px(34, W, H), xl.h};
        widget_text(d, xt, app_tr(a, "Expansion roles (optional): larger groups add them"), small,
                    UI_FONT_BOLD, THEME_TEXT_DIM, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    }
    for (int r = 0; r < g->n_rows; r++) {
        const role_def *ro = &a->rs->roles[g->row_role[r]];
        int holder = newgame_holder(su, g->row_role[r]);
        ui_rect l = g->row_label[r];
        if (r % 2 == 0) {
            ui_rect band = {l.x - layout_px(8, W, H), l.y,
                            g->cell[r][su->n_players - 1].x + g->cell[r][su->n_players - 1].w -
                                l.x + layout_px(16, W, H),
                            l.h};
            draw_round(d, band, band.h / 5, UI_RGBA(THEME_TABLE_DEEP, 110));
        }
        ui_rect chip = {l.x, l.y + l.h / 6, l.h * 2 / 3, l.h * 2 / 3};
        draw_round(d, chip, chip.h / 4, UI_RGB(ro->color));
        ui_icon ic = widget_role_icon(ro->id);
        if (ic != UI_ICON_NONE)
            draw_icon(d, ic, layout_inset(chip, chip.h / 8), UI_RGB(THEME_TEXT));
        ui_rect nl = {chip.x + chip.w + l.h / 4, l.y, l.w - chip.w - l.h / 4, l.h};
        /* An extra role nobody holds is out of the game: its name is dimmed (and its row has
         * no filled cell). */
        widget_text(d, nl, ml_get(&ro->name, a->lang), small, UI_FONT_REGULAR,
                    holder < 0 ? THEME_TEXT_DIM : THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        for (int p = 0; p < su->n_players; p++) {
            ui_rect c = g->cell[r][p];
            int cx = c.x + c.w / 2, cy = c.y + c.h / 2;
            int rad = (c.w < c.h ? c.w : c.h) * 3 / 8;
            if (p == holder) {
                draw_circle(d, cx, cy, rad, UI_RGB(ro->color));
                draw_icon(d, UI_ICON_CLEAN, layout_center(c, rad, rad), UI_RGB(THEME_TEXT));
            } else {
                draw_circle(d, cx, cy, rad, UI_RGB(THEME_PANEL_EDGE));
                draw_circle(d, cx, cy, rad - (rad / 6 > 2 ? rad / 6 : 2),
                            UI_RGB(setup_hover(a, c) ? THEME_PANEL_HI : THEME_PANEL));
            }
            if (grid_focus && a->setup.grid_role == r && a->setup.grid_player == p)
                widget_focus(d, layout_center(c, rad * 2 + 4, rad * 2 + 4), rad);
        }
    }
    widget_button(d, g->deal, app_tr(a, "Deal roles evenly"), small,
                  (setup_focused(a, SF_DEAL, 0) ? WF_FOCUS : 0) |
                      (setup_hover(a, g->deal) ? WF_HOVER : 0));
}

static void setup_draw(const app *a, ui_draw *d)
{
    int W = a->width, H = a->height;
    draw_begin(d, UI_RGB(THEME_TABLE));
    widget_background(d, W, H);
    if (!a->rs) {
        draw_end(d);
        return;
    }
    setup_geom g;
    setup_layout(a, &g);
    widget_text(d, g.title, app_tr(a, "New workshop game"), layout_font_px(TYPE_TITLE, W, H),
                UI_FONT_BOLD, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    ui_text_style hs = widget_style(layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                                    THEME_TEXT_DIM, UI_ALIGN_RIGHT | UI_VALIGN_MIDDLE);
    hs.wrap = true;
    draw_text(d, g.hint, app_tr(a, "Tab or arrows: move · Enter: change · Esc: back · F5: start"),
              &hs);
    setup_draw_scenario(a, d, &g);
    setup_draw_options(a, d, &g);
    setup_draw_players(a, d, &g);

    int px = layout_font_px(TYPE_LARGE, W, H);
    widget_button(d, g.back, app_tr(a, "Back"), px,
                  (setup_focused(a, SF_BACK, 0) ? WF_FOCUS : 0) |
                      (setup_hover(a, g.back) ? WF_HOVER : 0));
    widget_button(d, g.start, app_tr(a, "Start"), px,
                  WF_PRIMARY | (setup_focused(a, SF_START, 0) ? WF_FOCUS : 0) |
                      (setup_hover(a, g.start) ? WF_HOVER : 0));
    if (a->setup.message[0]) {
        ui_text_style ms = widget_style(layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR,
                                        THEME_WARN, UI_ALIGN_CENTER | UI_VALIGN_MIDDLE);
        ms.wrap = true;
        draw_text(d, g.message, a->setup.message, &ms);
    }
    draw_end(d);
}

const screen_ops screen_setup_ops = {
    .name = "setup",
    .enter = setup_enter,
    .leave = setup_leave,
    .input = setup_input,
    .update = NULL,
    .draw = setup_draw,
};
