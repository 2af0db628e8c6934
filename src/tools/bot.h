/* bot.h: a simple but sensible computer CSIRT team that plays every role of a game (for malcon-sim
 * and playout tests). It sees only what a player team sees: the public state and log, plus the
 * private results of the roles it holds, never the facilitator's truth. */
#ifndef MALCON_BOT_H
#define MALCON_BOT_H

#include "rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bot bot;

/* Creates a team for the game s (at setup or later), holding every role in play. The ruleset of
 * s is borrowed and must outlive the bot. seed feeds the bot's own tie-breaking RNG (never the
 * game's), so the same game seed gives the same decisions. */
bot *bot_new(const game_state *s, uint64_t seed);
/* Frees the bot. NULL is a no-op. */
void bot_free(bot *b);

/* Shows the bot the log entries that a move just produced (s is the state after that move).
 * Entries the team may not see (facilitator truth, other teams' private results) are ignored
 * here, so the caller may pass everything. In a workshop with private information, a role's
 * private results are held back until the meeting entry (talk is restricted until then). */
void bot_observe(bot *b, const game_state *s, const log_entry *entries, size_t n);

/* Chooses the team's next move in s: an action or a pass for the role whose turn it is. Returns
 * false when s is not waiting for the team (setup, facilitator phases, game over). The move
 * written to out is always legal in s. */
bool bot_choose(bot *b, const game_state *s, move *out);

/* The bot's intent classes, found by reading each action's effects (not its id), so the bot
 * plays any content that uses the effect vocabulary. */
typedef enum bot_intent {
    BI_NONE = -1,
    BI_EXAMINE = 0,
    BI_PRESERVE,
    BI_RECOVER,
    BI_LOGS,
    BI_PROFILE,
    BI_CONTAIN,
    BI_ISOLATE_ROOM,
    BI_REPORT,
    BI_DIRECT,
    BI_DECLARE,
    BI_ALERT,
    BI_BLOCK,
    BI_BRIEFING,
    BI_JPCERT,
    BI_POLICE,
    BI_EDR,
    BI_PATCH,
    BI_COORD,
    BI_COUNT
} bot_intent;

/* The intent class of action index a of rs (BI_NONE when the bot does not use it). */
bot_intent bot_classify(const ruleset *rs, int a);
/* A short stable name of an intent ("examine", "contain", ...), for reports. */
const char *bot_intent_name(bot_intent i);

#endif
