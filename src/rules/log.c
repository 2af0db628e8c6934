/* log.c: the growable list of log entries that moves append to. */
#include "rules_internal.h"

#include <stdlib.h>

void log_buf_push(log_buf *b, const log_entry *e)
{
    core_grow((void **)&b->items, &b->cap, b->count + 1, sizeof *b->items);
    b->items[b->count++] = *e;
}

void log_buf_clear(log_buf *b)
{
    b->count = 0;
}

void log_buf_free(log_buf *b)
{
    if (!b)
        return;
    free(b->items);
    b->items = NULL;
    b->count = b->cap = 0;
}
