/* effect_table.c: the effect vocabulary's rows (from effects.def) and their look-ups. */
#include "effects.h"

#include <string.h>

static const effect_info effect_rows[EF_COUNT] = {
#define EFFECT(id, name, req, opt, needs, undo, doc) [id] = {name, req, opt, needs, undo, doc},
#include "effects.def"
#undef EFFECT
};

size_t rules_effect_count(void)
{
    return EF_COUNT;
}

const effect_info *rules_effect_info(int op)
{
    return op >= 0 && op < EF_COUNT ? &effect_rows[op] : NULL;
}

int rules_effect_find(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < EF_COUNT; i++)
        if (strcmp(effect_rows[i].name, name) == 0)
            return i;
    return -1;
}
