/* records.c: solo practice records: the line format, the ordering, the top ten per scenario and
 * the file on disk (written atomically; a corrupt file is kept aside, never fatal). */
#include "records.h"

#include "core.h"
#include "data.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECORDS_HEADER "# malcon records 1"

static const char *const records_outcome_ids[OUT_COUNT] = {
    NULL,        "won_declared", "won_briefing", "lost_declared", "lost_briefing",
    "lost_leak", "lost_impact",
};

const char *records_outcome_id(outcome o)
{
    return (int)o > 0 && o < OUT_COUNT ? records_outcome_ids[o] : NULL;
}

static int records_outcome_from_id(const char *s)
{
    for (int o = 1; o < OUT_COUNT; o++)
        if (!strcmp(records_outcome_ids[o], s))
            return o;
    return -1;
}

void records_free(records *r)
{
    if (!r)
        return;
    free(r->items);
    r->items = NULL;
    r->count = r->cap = 0;
}

/* True when s is a scenario id as the loader allows them (no blanks: the line splits on them). */
static bool records_id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= RECORDS_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* "YYYY-MM-DDTHH:MM" with digits where digits belong. */
static bool records_date_ok(const char *s)
{
    static const char pattern[] = "dddd-dd-ddTdd:dd";
    if (strlen(s) != sizeof pattern - 1)
        return false;
    for (size_t i = 0; pattern[i]; i++) {
        if (pattern[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i])
            return false;
    }
    return true;
}

/* Parses one record line; false when it is malformed. */
static bool records_parse_line(const char *line, record *out)
{
    char sc[RECORDS_ID_MAX + 1], date[RECORDS_DATE_MAX + 1], oc[32], rank[4], seed[24];
    int used = 0, score = 0, end = 0;
    memset(out, 0, sizeof *out);
    if (sscanf(line, "%64s %20s %23s %d %d %3s %31s %n", sc, date, seed, &used, &score, rank, oc,
               &end) != 7 ||
        line[end] != '\0')
        return false;
    if (!records_id_ok(sc) || !records_date_ok(date) || used < 0 || used > 86400 || score < 0 ||
        score > 100 || strlen(rank) != 1 || !strchr("SABCD", rank[0]))
        return false;
    /* the seed: decimal digits only (sscanf's %llu would take a sign) */
    size_t sl = strlen(seed);
    if (sl == 0 || sl > 20)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < sl; i++) {
        if (seed[i] < '0' || seed[i] > '9')
            return false;
        uint64_t d = (uint64_t)(seed[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    int o = records_outcome_from_id(oc);
    if (o < 0)
        return false;
    /* the fields were read with one byte to spare: cut to the record's size */
    snprintf(out->scenario, sizeof out->scenario, "%.*s", (int)sizeof out->scenario - 1, sc);
    snprintf(out->date, sizeof out->date, "%.*s", (int)sizeof out->date - 1, date);
    out->seed = v;
    out->seconds_used = used;
    out->score = score;
    out->rank = rank[0];
    out->outcome = (outcome)o;
    return true;
}

static void records_push(records *r, const record *rec)
{
    core_grow((void **)&r->items, &r->cap, r->count + 1, sizeof *r->items);
    r->items[r->count++] = *rec;
}

bool records_parse(records *r, const char *text, int *bad_line)
{
    assert(r && text);
    bool ok = true;
    int line_no = 0;
    if (bad_line)
        *bad_line = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        line_no++;
        char buf[256];
        bool too_long = n >= sizeof buf;
        size_t k = too_long ? sizeof buf - 1 : n;
        memcpy(buf, p, k);
        buf[k] = '\0';
        if (k > 0 && buf[k - 1] == '\r')
            buf[--k] = '\0'; /* a file mended on Windows */
        p += n + (nl ? 1 : 0);
        const char *s = buf;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!too_long && (*s == '\0' || *s == '#'))
            continue;
        record rec;
        if (too_long || !records_parse_line(s, &rec)) {
            if (ok && bad_line)
                *bad_line = line_no;
            ok = false;
            continue;
        }
        records_add(r, &rec);
    }
    return ok;
}

bool records_better(const record *a, const record *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    if (a->seconds_used != b->seconds_used)
        return a->seconds_used < b->seconds_used;
    return strcmp(a->date, b->date) < 0;
}

size_t records_of(const records *r, const char *scenario, const record **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++) {
        const record *rec = &r->items[i];
        if (strcmp(rec->scenario, scenario) != 0)
            continue;
        /* insertion into the sorted prefix (lists are ten long) */
        size_t at = n < max ? n : max;
        while (at > 0 && records_better(rec, out[at - 1]))
            at--;
        if (at < max) {
            size_t last = n < max ? n : max - 1;
            for (size_t k = last; k > at; k--)
                out[k] = out[k - 1];
            out[at] = rec;
        }
        n++;
    }
    return n;
}

int records_add(records *r, const record *rec)
{
    assert(r && rec);
    records_push(r, rec);
    const record *stored = &r->items[r->count - 1];
    /* the scenario's list, best first; the worst beyond RECORDS_KEEP drop out */
    size_t total = 0;
    for (size_t i = 0; i < r->count; i++)
        total += strcmp(r->items[i].scenario, rec->scenario) == 0;
    const record **sorted = core_calloc(total, sizeof *sorted);
    records_of(r, rec->scenario, sorted, total);
    int place = -1;
    for (size_t k = 0; k < total; k++)
        if (sorted[k] == stored)
            place = (int)k;
    bool *drop = core_calloc(r->count, sizeof *drop);
    for (size_t k = RECORDS_KEEP; k < total; k++)
        drop[sorted[k] - r->items] = true;
    free(sorted);
    size_t w = 0;
    for (size_t i = 0; i < r->count; i++)
        if (!drop[i])
            r->items[w++] = r->items[i];
    r->count = w;
    free(drop);
    return place < RECORDS_KEEP ? place : -1;
}

char *records_format(const records *r)
{
    core_str s = {0};
    core_str_printf(&s, "%s\n", RECORDS_HEADER);
    /* scenarios in the order they first appear, each best first */
    for (size_t i = 0; i < r->count; i++) {
        bool first = true;
        for (size_t j = 0; j < i && first; j++)
            first = strcmp(r->items[j].scenario, r->items[i].scenario) != 0;
        if (!first)
            continue;
        const record *list[RECORDS_KEEP * 4];
        size_t n = records_of(r, r->items[i].scenario, list, sizeof list / sizeof list[0]);
        if (n > sizeof list / sizeof list[0])
            n = sizeof list / sizeof list[0];
        for (size_t k = 0; k < n; k++) {
            const record *rec = list[k];
            core_str_printf(&s, "%s %s %" PRIu64 " %d %d %c %s\n", rec->scenario, rec->date,
                            rec->seed, rec->seconds_used, rec->score, rec->rank,
                            records_outcome_id(rec->outcome));
        }
    }
    return core_str_take(&s);
}

void records_from_game(record *out, const game_state *s, const char *date)
{
    assert(out && s && date);
    memset(out, 0, sizeof *out);
    const scenario_def *sc = state_scenario(s);
    snprintf(out->scenario, sizeof out->scenario, "%s", sc->id);
    snprintf(out->date, sizeof out->date, "%s", date);
    out->seed = state_setup(s)->seed;
    int left = rules_seconds_left(s);
    if (left < 0)
        left = 0;
    if (left > sc->solo_seconds)
        left = sc->solo_seconds;
    out->seconds_used = sc->solo_seconds - left;
    score_view sv;
    rules_score(s, &sv);
    out->score = sv.total;
    out->rank = sv.rank ? sv.rank : 'D';
    out->outcome = rules_outcome(s);
}

/* dir + name (caller frees). */
static char *records_path(const char *dir, const char *name)
{
    return data_path_join(dir, name);
}

bool records_load(records *r, const char *dir, char *notice, size_t notice_n)
{
    assert(r);
    records_free(r);
    if (notice && notice_n)
        notice[0] = '\0';
    if (!dir)
        return true;
    char *path = records_path(dir, RECORDS_FILE);
    FILE *f = fopen(path, "rb");
    if (!f) {
        free(path);
        return true; /* no records yet */
    }
    fclose(f);
    core_err err = {0};
    char *text = data_read_file(path, 1024 * 1024, NULL, &err);
    bool ok = text != NULL;
    int bad = 0;
    if (ok)
        ok = records_parse(r, text, &bad);
    free(text);
    core_err_free(&err);
    if (!ok) {
        char *aside = records_path(dir, RECORDS_FILE ".bad");
        remove(aside);
        bool moved = rename(path, aside) == 0;
        if (notice && notice_n) {
            if (bad > 0)
                snprintf(notice, notice_n, "line %d: %s", bad, moved ? aside : path);
            else
                snprintf(notice, notice_n, "%s", moved ? aside : path);
        }
        free(aside);
    }
    free(path);
    return ok;
}

bool records_save(const records *r, const char *dir)
{
    assert(r);
    if (!dir)
        return false;
    char *path = records_path(dir, RECORDS_FILE);
    char *text = records_format(r);
    bool ok = data_write_atomic(path, text, strlen(text));
    free(text);
    free(path);
    return ok;
}
