/* app.h: the application: the running game, its screens, settings and the loaded content.
 *
 * A screen is a row of screen_ops: enter/leave when it becomes current, input to react to one
 * ui_input, update to advance animations and timers (never draws), draw to draw the whole
 * screen from the app (never changes state). Screen-local state lives in the screen's own
 * struct inside `app`.
 *
 * The main loop (main.c) owns the platform; everything else (content, settings, the match,
 * autosave) lives in `app` and works without a platform, so tests drive screens through the
 * recording drawing interface.
 */
#ifndef MALCON_APP_H
#define MALCON_APP_H

#include "data.h"
#include "debrief.h"
#include "draw.h"
#include "i18n.h"
#include "platform.h"
#include "rules.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum screen_id {
    SCR_TITLE = 0,
    SCR_SETUP,
    SCR_BOARD,
    SCR_END,
    SCR_SETTINGS,
    SCR_ERROR, /* content could not be loaded: the errors, retry, quit */
    SCR_FACILITATOR, /* the facilitator console in the main window (screenshots) */
    SCR_RECORDS,     /* solo practice records per scenario (screen_records.c) */
    SCR_DEBRIEF,     /* after every game: what happened and why (screen_debrief.c) */
    SCR_REPLAY,      /* step through a game move by move (screen_replay.c) */
    SCR_COUNT
} screen_id;

typedef struct app app;

typedef struct screen_ops {
    const char *name; /* as given to --screen */
    void (*enter)(app *a);
    void (*leave)(app *a);
    void (*input)(app *a, const ui_input *in);
    void (*update)(app *a, uint32_t dt_ms);
    void (*draw)(const app *a, ui_draw *d);
} screen_ops;

/* One row per screen, each defined in its screen_<name>.c (the table in app.c lists them). */
extern const screen_ops screen_title_ops;
extern const screen_ops screen_setup_ops;
extern const screen_ops screen_board_ops; /* src/app/screen_board.c (the board helper) */
extern const screen_ops screen_end_ops;
extern const screen_ops screen_settings_ops;
extern const screen_ops screen_error_ops;
extern const screen_ops screen_console_ops; /* src/app/screen_console.c ("facilitator") */
extern const screen_ops screen_records_ops;
extern const screen_ops screen_debrief_ops;
extern const screen_ops screen_replay_ops;

/* Settings chosen on the new-game screen (and kept for the next game). */
typedef struct app_newgame {
    int scenario;     /* ruleset scenario index */
    game_setup setup; /* players, roles, seed, options */
    bool computer_facilitator;
    char facilitator_pin[8]; /* "Person": the overlay's 4-digit PIN ("" none yet) */
} app_newgame;

/* The user's settings (settings.txt in the user's data folder). */
typedef struct app_settings {
    lang lang;
    bool fullscreen;
    bool hints; /* tutorial hints shown */
} app_settings;

/* The board screen's UI state (not rules state: undo never restores it). */
typedef struct board_ui {
    int selected_action;         /* action index chosen, waiting for a target; -1 none */
    int focus;                   /* keyboard focus index in the board's focus order */
    int hover_x, hover_y;        /* last mouse position */
    char message[RULES_WHY_MAX]; /* last illegal-move reason or hint shown */
    uint32_t message_ms;         /* time left to show the message */
    bool curtain;                /* the "pass the screen" curtain is up */
    int curtain_role;            /* whose private result waits behind the curtain */
    size_t curtain_log;          /* log index of that result */
    bool notebook_open;
    uint32_t meeting_ms_left;
    uint32_t anim_ms;             /* running animation clock */
    size_t log_seen;              /* log entries already animated */
    uint32_t facilitator_wait_ms; /* computer facilitator pacing */
    int log_scroll;
    /* added by the board screen (board.h explains the modes) */
    int mode;           /* board_mode: what a click or Enter does now */
    int pending_target; /* role pair: the first role chosen, -1 none */
    int note_kind;      /* note menu: board_target_kind of its target */
    int note_target;    /* note menu: terminal or room index, -1 none */
    int note_x, note_y; /* where the note menu opened */
    int active_role;    /* role chosen on the team strip (solo, meeting), -1 none */
    bool result_shown;  /* the curtain's private result is being shown */
    bool log_focus;     /* the arrows scroll the log */
    int shown_phase, shown_turn, shown_round; /* last announced on stdout ("malcon: ...") */
    int count_from[RULES_MAX_ROOMS];          /* room count animations: from, to, time left */
    int count_to[RULES_MAX_ROOMS];
    uint32_t count_ms[RULES_MAX_ROOMS];
    int event_shown;        /* event whose card is shown, -1 none */
    uint32_t event_ms;      /* flip animation time left */
    const match *ready_for; /* the match this state was set up for (else it is reset) */
    bool paused;            /* the pause menu is open (solo: the clock stops, the board hides) */
    int pause_focus;        /* its keyboard focus */
} board_ui;

/* What the title screen knows about the autosaved game. */
typedef enum autosave_status {
    AUTOSAVE_NONE = 0, /* no file (or no user data folder) */
    AUTOSAVE_OK,       /* a game in progress can be continued */
    AUTOSAVE_FINISHED, /* the saved game is over: nothing to continue */
    AUTOSAVE_BAD       /* the file could not be read: it was moved aside (.bad) */
} autosave_status;

/* The setup screen's text fields. */
enum { SETUP_EDIT_NONE = -1, SETUP_EDIT_NAME = 0, SETUP_EDIT_SEED = 1, SETUP_EDIT_PIN = 2 };

/* Per-screen UI state of the screens in this folder (never restored by undo). */
typedef struct setup_ui {
    int focus;          /* index in the setup screen's focus order */
    int editing;        /* text field being edited (SETUP_EDIT_*), -1 none */
    int edit_player;    /* the player whose name is edited */
    int grid_role;      /* keyboard position in the roles grid: row (role slot) */
    int grid_player;    /* and column (player) */
    char seed_text[24]; /* the seed while it is being typed */
    char message[256];  /* why Start did not start, or a note */
} setup_ui;

struct app {
    /* content */
    char *content_root;
    ruleset *rs;
    core_err content_err; /* why the content did not load (SCR_ERROR shows it) */
    /* language and look */
    lang lang;
    app_settings settings;
    i18n *catalogue; /* the UI strings in Japanese (assets/i18n/ja.po); NULL: English only */
    /* platform */
    ui_platform *platform; /* NULL in pure tests */
    int width, height;
    bool quit;
    bool animating;    /* set by a screen's update while something moves or a timer runs (the
                          loop then ticks at ~60 fps; otherwise it sleeps until input) */
    bool fast_forward; /* screenshots: the computer facilitator and the board's animations
                          take no real time (the board settles where a player must act) */
    /* screens */
    screen_id screen;
    screen_id next_screen; /* switch requested (applied between frames) */
    bool screen_entered;   /* the current screen's enter ran */
    /* game */
    app_newgame newgame;
    match *match; /* the game in progress, or NULL */
    board_ui board;
    /* per-screen state of the other screens */
    int title_focus;
    int title_armed; /* a new-game entry chosen once over a saved game (-1 none): again starts it */
    int settings_focus;
    int end_focus;
    int error_scroll;
    int hover_x, hover_y; /* last mouse position (title, settings, end) */
    setup_ui setup;
    /* files */
    char *pref_dir;      /* the user's data folder (ends with '/'), or NULL: nothing persists */
    char *autosave_path; /* where the game in progress is saved after every move, or NULL */
    autosave_status autosave;
    char title_message[256];  /* shown on the title (autosave problems, start failures) */
    char title_continue[192]; /* what "Continue" would bring back (scenario, day, phase) */
    uint64_t seed_entropy;    /* source of random seeds (main: the time; tests: fixed) */
    struct facil *facil;      /* the human facilitator and the console (facil.h) */
    struct app_packs *packs;   /* content packs over content_root (packs.h; made on first use) */
    struct app_reload *reload; /* hot reload: watcher, error overlay, toast (reload.h) */
    int title_pack_focus;      /* the title's focus in its content pack list, -1 none */
    /* solo practice, the debrief, records and replay (solo.h, debrief.h) */
    app_solo solo;
    debrief_ui debrief;
    records_ui records;
    replay_ui replay;
    screen_id settings_back; /* where the settings screen goes back to (the title, or the board
                                when opened from the pause menu) */
};

/* ---- the screen table ---- */

/* The screen table (one row per screen_id). */
const screen_ops *app_screen(screen_id id);
/* Finds a screen by its --screen name; -1 when unknown. */
int app_screen_find(const char *name);
/* Asks to switch to another screen (after this frame). */
void app_goto(app *a, screen_id id);
/* Translates a UI string to the app's language (gettext catalogue; msgid is the English). */
const char *app_tr(const app *a, const char *msgid);
/* The UI words (assets/i18n/ja.po) of content_root, else the shipped ones (a designer's
 * content folder borrows them rather than fall back to English); NULL when neither loads, with
 * a broken catalogue's errors in err. The game and the tools (replay, sheet) load it alike. */
i18n *app_catalogue_load(const char *content_root, core_err *err);

/* ---- life cycle (app.c) ---- */

/* Initialises a zeroed app: loads content from content_root (NULL: data_default_root()),
 * reads settings from pref_dir (may be NULL: defaults, nothing persists) and prepares the
 * new-game defaults. Returns false when the content failed to load: a->content_err holds the
 * errors and the app starts on SCR_ERROR. The platform (a->platform) may be set before or
 * after. */
bool app_init(app *a, const char *content_root, const char *pref_dir);
/* Frees everything the app owns (not the platform). */
void app_free(app *a);
/* Reloads the content (the error screen's "retry"); true when it loaded. */
bool app_reload_content(app *a);
/* Switches screens now: the old screen's leave, then the new one's enter. */
void app_set_screen(app *a, screen_id id);
/* Feeds one input to the current screen (global keys first: F11 toggles fullscreen). */
void app_input(app *a, const ui_input *in);
/* Applies a pending screen switch, then advances the current screen by dt_ms. */
void app_update(app *a, uint32_t dt_ms);
/* Draws the current screen (begin .. end included). */
void app_draw(const app *a, ui_draw *d);
/* Sets the language (the UI and content text follow at once). */
void app_set_lang(app *a, lang l);
/* A fresh random seed (from a->seed_entropy; changes on every call). */
uint64_t app_random_seed(app *a);
/* Default player name n (0-based) in the app's language: "Player 1" / "プレイヤー1". */
void app_player_name(const app *a, int n, char *out, size_t out_n);

/* ---- games (app.c) ---- */

/* Starts a new match for a->newgame and goes to the board; false with a reason when the
 * rules refuse the setup. Any previous match is freed. */
bool app_start_newgame(app *a, char *why, size_t why_n);
/* Starts scenario sc with its default setup for one player (solo practice, tutorial). */
bool app_start_quick(app *a, int sc, game_mode mode, char *why, size_t why_n);
/* The same with a given seed ("play this seed again" from the records). */
bool app_start_seeded(app *a, int sc, game_mode mode, uint64_t seed, char *why, size_t why_n);
/* Replaces the match by one rebuilt from save or script text (the app takes nothing);
 * false with "line N: reason" on failure. */
bool app_load_text(app *a, const char *text, char *why, size_t why_n);
/* Loads the autosaved game and shows it; false with a reason (the title shows it) when there
 * is none or it is corrupt (then kept aside as autosave.malcon.bad). */
bool app_continue(app *a, char *why, size_t why_n);
/* The screen that shows the current match: SCR_END when it is over, else SCR_BOARD. */
screen_id app_match_screen(const app *a);
/* Writes the match in progress to the autosave file (the board calls it after every move).
 * A finished game removes the autosave: finished games are not continued. */
void app_autosave(app *a);

/* ---- settings (settings.c) ---- */

/* The defaults: Japanese, windowed, hints on. */
void settings_defaults(app_settings *s);
/* Parses "key=value" lines (lang=ja|en, fullscreen=0|1, hints=0|1) over the defaults.
 * Unknown keys and malformed lines are skipped; returns false when anything was skipped. */
bool settings_parse(app_settings *s, const char *text);
/* Formats settings as key=value lines (caller frees); settings_parse reads it back. */
char *settings_format(const app_settings *s);
/* Reads dir/settings.txt (dir may be NULL: defaults). Missing or corrupt: defaults. */
void settings_load(app_settings *s, const char *dir);
/* Writes dir/settings.txt atomically; false when it cannot (dir NULL, disk errors). */
bool settings_save(const app_settings *s, const char *dir);

/* ---- the new-game setup (newgame.c, pure) ---- */

/* The rules seat every player with at least one role: a scenario takes at most as many players
 * as its roles plus the extra roles that may join it (and at most RULES_MAX_PLAYERS): 8 with
 * the shipped content. */
int newgame_max_players(const ruleset *rs, int sc);
/* True when role r is one of scenario sc's roles (required: exactly one player holds it). */
bool newgame_required(const ruleset *rs, int sc, int role);
/* The roles that may join sc beyond its own, in the order a deal adds them: the expansion
 * roles (core: false) in ruleset order, then any other ruleset role sc leaves out. Writes up to
 * max role indices to out; returns how many. The setup grid lists them after sc's roles. */
int newgame_extra_roles(const ruleset *rs, int sc, int *out, int max);
/* Deals sc's roles as evenly as possible to su's n_players players, in turn order (player 1
 * gets the first role, ...); with more players than sc's roles, extra roles join (in
 * newgame_extra_roles order) until everyone holds one. Every role of sc is held by exactly one
 * player; no other role is held. */
void newgame_deal_evenly(game_setup *su, const ruleset *rs, int sc);
/* Takes an extra (not required) role from its holder, so it leaves the game; false and no
 * change when r is required, held by nobody, or its holder's only role. */
bool newgame_unassign(game_setup *su, const ruleset *rs, int sc, int role);
/* Changes the number of players (clamped to 1..newgame_max_players), keeping it valid: an
 * untouched even deal is dealt evenly again; otherwise the required roles of removed players go
 * to the least loaded remaining players (their extra roles leave) and each new player takes one
 * role from the most loaded player, or else the next extra role. New players get their names
 * from names[] (may be NULL: "Player N"). */
void newgame_set_players(game_setup *su, const ruleset *rs, int sc, int n,
                         const char *const *names);
/* Gives role r to player p (taking it from whoever held it); when that leaves the previous
 * holder with no role, they take one of p's other roles in exchange (a swap). */
void newgame_assign(game_setup *su, int role, int player);
/* The player who holds role r, or -1. */
int newgame_holder(const game_setup *su, int role);
/* True when every role of sc is held by exactly one of the n_players players, every player
 * holds at least one role, and any other role held is a ruleset role held by one player only
 * (it joins the game); else false with a reason. */
bool newgame_valid(const game_setup *su, const ruleset *rs, int sc, char *why, size_t why_n);
/* Switches the setup to scenario sc: keeps players, names and options, redeals the roles. */
void newgame_set_scenario(app_newgame *ng, const ruleset *rs, int sc);
/* Parses a seed typed by the user (decimal, up to 20 digits); false when it is not one. */
bool newgame_parse_seed(const char *text, uint64_t *out);

/* ---- autosave (autosave.c) ---- */

/* Checks the autosave at path: AUTOSAVE_NONE when absent, AUTOSAVE_OK or AUTOSAVE_FINISHED when
 * it loads, AUTOSAVE_BAD when it does not (corrupt, or cut short: the autosave's first line
 * counts its moves): the file is then renamed to path + ".bad" and why gets the loader's
 * reason. When a bad file's previous copy (path + ".prev", one move earlier) loads, it is put
 * back as the autosave and AUTOSAVE_OK returned with the bad file's reason in why (why is
 * empty on a plain OK). With out non-NULL, a loadable game is returned there (caller frees). */
autosave_status autosave_check(const char *path, const ruleset *rs, match **out, char *why,
                               size_t why_n);
/* Writes the save text of m to path atomically (temporary file, fsync, rename), after keeping
 * the current file as path + ".prev"; false when it cannot. */
bool autosave_write(const char *path, const match *m);
/* Removes the autosave and its previous copy (a finished game is not continued). */
void autosave_remove(const char *path);

#endif
