/* view.c: what each viewer may see (GAME.md section 5): log visibility, terminals and rooms. */
#include "rules_internal.h"

#include <assert.h>
#include <string.h>

bool rules_visible(const game_state *s, viewer v, const log_entry *e)
{
    assert(s && e);
    switch (e->vis) {
    case VIS_PUBLIC:
        return true;
    case VIS_FACILITATOR:
        return v.kind == VIEW_FACILITATOR;
    case VIS_ROLE:
        if (v.kind == VIEW_FACILITATOR)
            return true;
        /* Role-private results are public with open information, with private information
         * off, and in solo practice (one person holds every role). */
        if (s->setup.open_info || !s->setup.private_info || s->setup.mode == MODE_SOLO)
            return true;
        return v.kind == VIEW_ROLE && v.role == e->vis_role;
    }
    return false;
}

/* The note on terminal t or room r (one of them -1): the first role in turn order. */
static void view_note(const game_state *s, int t, int r, mark *m, int *role)
{
    *m = MARK_NONE;
    *role = -1;
    for (int i = 0; i < s->n_order; i++) {
        const note_state *n = &s->note[s->order[i]];
        if (n->mark == MARK_NONE)
            continue;
        if ((t >= 0 && n->terminal == t) || (r >= 0 && n->room == r)) {
            *m = (mark)n->mark;
            *role = s->order[i];
            return;
        }
    }
}

void rules_terminal(const game_state *s, viewer v, int terminal, terminal_view *out)
{
    assert(s && out && terminal >= 0 && terminal < s->n_terminals);
    const term_state *ts = &s->term[terminal];
    memset(out, 0, sizeof *out);
    out->face_up = ts->face_up;
    out->known_infected = ts->face_up && ts->shown_infected;
    out->known_clean = ts->face_up && !ts->shown_infected;
    out->route = out->known_infected ? (route)ts->shown_route : ROUTE_NONE;
    out->examined_round = ts->examined_round;
    out->isolated = ts->isolated;
    out->evidence = ts->evidence;
    out->volatile_lost = ts->volatile_lost;
    view_note(s, terminal, -1, &out->note, &out->note_role);
    out->true_route = ROUTE_NONE;
    if (v.kind != VIEW_FACILITATOR)
        return; /* the truth stays hidden from everyone else */
    out->infected = ts->infected;
    out->true_route = ts->infected ? (route)ts->route : ROUTE_NONE;
    out->infected_round = ts->infected_round;
    out->active = play_active(s, terminal);
    out->has_volatile = ts->has_volatile;
}

void rules_room(const game_state *s, viewer v, int room, room_view *out)
{
    assert(s && out && room >= 0 && room < s->n_rooms);
    const room_state *rm = &s->room[room];
    memset(out, 0, sizeof *out);
    out->n_history = s->n_history;
    for (int i = 0; i < s->n_history; i++)
        out->history[i] = rm->shown[i];
    out->count = s->n_history > 0 ? rm->shown[s->n_history - 1] : 0;
    out->edr = rm->edr;
    view_note(s, -1, room, &out->note, &out->note_role);
    out->pending_flow = -1;
    if (v.kind != VIEW_FACILITATOR)
        return;
    out->overridden = rm->overridden;
    out->true_count = rm->true_count;
    out->pending_flow = rm->pending_flow - 1;
}
