/* effects.h: internal: the effect ids generated from effects.def. */
#ifndef MALCON_EFFECTS_H
#define MALCON_EFFECTS_H

#include "rules.h"

typedef enum effect_id {
#define EFFECT(id, name, req, opt, needs, undo, doc) id,
#include "effects.def"
#undef EFFECT
    EF_COUNT
} effect_id;

#endif
