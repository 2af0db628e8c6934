/* packs.c: content packs: the --pack folders and <user data>/packs/, their on/off choices
 * (packs.txt), loading the content laid over with them, and the title screen's list. */
#define _POSIX_C_SOURCE 200809L

#include "packs.h"

#include "layout.h"
#include "reload.h"
#include "widget.h"

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The packs' state, made on first use (main adds --pack folders before app_init). */
static app_packs *packs_get(app *a)
{
    if (!a->packs)
        a->packs = core_calloc(1, sizeof *a->packs);
    return a->packs;
}

bool packs_add(app *a, const char *dir)
{
    assert(a && dir);
    app_packs *p = packs_get(a);
    if (p->n_cli >= PACKS_MAX)
        return false;
    p->cli[p->n_cli++] = core_strdup(dir);
    return true;
}

static void packs_clear_user(app_packs *p)
{
    for (size_t i = 0; i < p->n_user; i++) {
        free(p->user_name[i]);
        free(p->user_dir[i]);
    }
    p->n_user = 0;
}

static void packs_clear_in_use(app_packs *p)
{
    for (size_t i = 0; i < p->n_in_use; i++)
        free(p->in_use[i]);
    p->n_in_use = 0;
}

void packs_free(app *a)
{
    if (!a || !a->packs)
        return;
    app_packs *p = a->packs;
    for (size_t i = 0; i < p->n_cli; i++)
        free(p->cli[i]);
    packs_clear_user(p);
    packs_clear_in_use(p);
    free(p);
    a->packs = NULL;
}

static int packs_cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

void packs_parse(app *a, const char *text)
{
    assert(a && text);
    app_packs *p = packs_get(a);
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char line[512];
        if (n < sizeof line) {
            memcpy(line, s, n);
            line[n] = '\0';
            if (n && line[n - 1] == '\r')
                line[n - 1] = '\0';
            bool on = strncmp(line, "on ", 3) == 0, off = strncmp(line, "off ", 4) == 0;
            const char *name = on ? line + 3 : off ? line + 4 : NULL;
            for (size_t i = 0; name && i < p->n_user; i++)
                if (strcmp(p->user_name[i], name) == 0)
                    p->user_on[i] = on;
        }
        s += nl ? n + 1 : n;
    }
}

char *packs_format(const app *a)
{
    assert(a);
    core_str s = {0};
    core_str_printf(&s, "%s", "");
    for (size_t i = 0; a->packs && i < a->packs->n_user; i++)
        core_str_printf(&s, "%s %s\n", a->packs->user_on[i] ? "on" : "off", a->packs->user_name[i]);
    return core_str_take(&s);
}

void packs_scan(app *a)
{
    assert(a);
    app_packs *p = packs_get(a);
    packs_clear_user(p);
    if (!a->pref_dir)
        return;
    char *dir = data_path_join(a->pref_dir, PACKS_DIR);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char *names[PACKS_MAX];
        size_t n = 0;
        while ((e = readdir(d)) != NULL && n < PACKS_MAX) {
            if (e->d_name[0] == '.')
                continue;
            char *full = data_path_join(dir, e->d_name);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
                names[n++] = core_strdup(e->d_name);
            free(full);
        }
        closedir(d);
        qsort(names, n, sizeof *names, packs_cmp_names);
        for (size_t i = 0; i < n; i++) {
            p->user_name[i] = names[i];
            p->user_dir[i] = data_path_join(dir, names[i]);
            p->user_on[i] = false;
        }
        p->n_user = n;
    }
    free(dir);
    char *file = data_path_join(a->pref_dir, PACKS_FILE);
    core_err err = {0};
    FILE *f = fopen(file, "rb");
    if (f) {
        fclose(f);
        char *text = data_read_file(file, 64 * 1024, NULL, &err);
        if (text)
            packs_parse(a, text);
        free(text);
    }
    core_err_free(&err);
    free(file);
}

size_t packs_roots(const app *a, const char **roots, size_t max)
{
    assert(a && roots && max >= 1);
    size_t n = 0;
    roots[n++] = a->content_root ? a->content_root : data_default_root();
    const app_packs *p = a->packs;
    for (size_t i = 0; p && i < p->n_cli && n < max; i++)
        roots[n++] = p->cli[i];
    for (size_t i = 0; p && i < p->n_user && n < max; i++)
        if (p->user_on[i])
            roots[n++] = p->user_dir[i];
    return n;
}

ruleset *packs_load_wanted(const app *a, core_err *err)
{
    const char *roots[1 + 2 * PACKS_MAX];
    size_t n = packs_roots(a, roots, sizeof roots / sizeof roots[0]);
    return data_load_layers(roots, n, err);
}

void packs_adopt(app *a)
{
    app_packs *p = packs_get(a);
    const char *roots[1 + 2 * PACKS_MAX];
    size_t n = packs_roots(a, roots, sizeof roots / sizeof roots[0]);
    packs_clear_in_use(p);
    for (size_t i = 1; i < n; i++)
        p->in_use[p->n_in_use++] = core_strdup(roots[i]);
    if (a->platform)
        platform_set_asset_layers(a->platform, (const char *const *)p->in_use, p->n_in_use);
}

size_t packs_in_use(const app *a)
{
    return a && a->packs ? a->packs->n_in_use : 0;
}

ruleset *packs_load(app *a, core_err *err)
{
    assert(a && err);
    const char *roots[1 + 2 * PACKS_MAX];
    size_t n = packs_roots(a, roots, sizeof roots / sizeof roots[0]);
    core_err layered = {.max_items = err->max_items};
    ruleset *rs = data_load_layers(roots, n, &layered);
    if (!rs && n > 1) {
        /* the base alone: a broken pack must not keep the game from starting */
        core_err base = {.max_items = err->max_items};
        rs = data_load(roots[0], &base);
        if (rs) {
            fprintf(stderr, "malcon: the content packs have errors; playing without them:\n");
            for (size_t i = 0; i < layered.count; i++) {
                char *line = core_err_format(&layered, i);
                fprintf(stderr, "%s\n", line);
                free(line);
            }
            reload_show_errors(a, &layered);
            a->reload->without_packs = true;
            core_err_free(&layered);
            layered = base;
            app_packs *p = packs_get(a);
            packs_clear_in_use(p);
            if (a->platform)
                platform_set_asset_layers(a->platform, NULL, 0);
        } else {
            core_err_free(&base);
        }
    } else if (rs) {
        packs_adopt(a);
    }
    for (size_t i = 0; i < layered.count; i++) {
        const core_err_item *it = &layered.items[i];
        core_err_add(err, it->code, it->level, it->file, it->line, it->col, "%s", it->msg);
    }
    err->dropped += layered.dropped;
    core_err_free(&layered);
    return rs;
}

bool packs_toggle(app *a, size_t i)
{
    app_packs *p = packs_get(a);
    if (i >= p->n_user)
        return false;
    p->user_on[i] = !p->user_on[i];
    if (a->pref_dir) {
        char *text = packs_format(a);
        char *file = data_path_join(a->pref_dir, PACKS_FILE);
        if (!data_write_atomic(file, text, strlen(text)))
            fprintf(stderr, "malcon: cannot write %s\n", file);
        free(file);
        free(text);
    }
    return true;
}

size_t packs_count(const app *a)
{
    return a && a->packs ? a->packs->n_user : 0;
}

/* ---- the title screen's list ---- */

/* Row i's rectangle in area (a heading line first). */
static ui_rect packs_row(const app *a, ui_rect area, size_t i)
{
    int head = layout_px(120, a->width, a->height); /* the heading and what packs are */
    int row = layout_px(68, a->width, a->height);
    return (ui_rect){area.x, area.y + head + (int)i * row, area.w,
                     row - layout_px(8, a->width, a->height)};
}

int packs_hit(const app *a, ui_rect area, int x, int y)
{
    for (size_t i = 0; i < packs_count(a); i++) {
        ui_rect r = packs_row(a, area, i);
        if (r.y + r.h > area.y + area.h - layout_px(56, a->width, a->height))
            break;
        if (ui_rect_contains(r, x, y))
            return (int)i;
    }
    return -1;
}

void packs_draw_list(const app *a, ui_draw *d, ui_rect area, int focus)
{
    size_t n = packs_count(a);
    if (!n)
        return;
    int W = a->width, H = a->height;
    int px = layout_font_px(TYPE_BODY, W, H);
    /* a panel around the list, as tall as its rows */
    size_t shown = 0;
    while (shown < n && packs_row(a, area, shown).y + packs_row(a, area, shown).h <=
                            area.y + area.h - layout_px(56, W, H))
        shown++;
    int pad = layout_px(24, W, H);
    ui_rect last = packs_row(a, area, shown ? shown - 1 : 0);
    int bottom = last.y + last.h + layout_px(56, W, H);
    widget_panel(d,
                 (ui_rect){area.x - pad, area.y - pad, area.w + 2 * pad, bottom - area.y + 2 * pad},
                 layout_px(20, W, H));
    widget_text(d, (ui_rect){area.x, area.y, area.w, layout_px(56, W, H)},
                app_tr(a, "Content packs"), layout_font_px(TYPE_LARGE, W, H), UI_FONT_BOLD,
                THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    widget_text(d, (ui_rect){area.x, area.y + layout_px(56, W, H), area.w, layout_px(48, W, H)},
                app_tr(a, "Your own cards, scenarios and art (the packs folder)"),
                layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
    for (size_t i = 0; i < shown; i++) {
        ui_rect r = packs_row(a, area, i);
        bool on = a->packs->user_on[i];
        int flags = (int)i == focus ? WF_FOCUS | WF_HOVER : 0;
        widget_button(d, r, "", px, flags);
        /* the switch: a box with a tick and the word, so colour is not the only sign */
        int bs = r.h * 6 / 10;
        ui_rect box = {r.x + r.h / 5, r.y + (r.h - bs) / 2, bs, bs};
        draw_round(d, box, bs / 5, UI_RGB(on ? THEME_GOOD : THEME_TABLE_DEEP));
        draw_stroke_round(d, box, bs / 5, layout_px(3, W, H),
                          UI_RGB(on ? THEME_GOOD : THEME_TEXT_DIM));
        if (on)
            draw_icon(d, UI_ICON_CLEAN, layout_inset(box, bs / 8), UI_RGB(THEME_TEXT_INK));
        const char *word = on ? app_tr(a, "On") : app_tr(a, "Off");
        int ww = layout_px(110, W, H);
        ui_rect wr = {box.x + box.w + layout_px(14, W, H), r.y, ww, r.h};
        widget_text(d, wr, word, px, UI_FONT_BOLD, on ? THEME_GOOD : THEME_TEXT_DIM,
                    UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        ui_rect nr = {wr.x + wr.w, r.y, r.x + r.w - wr.x - wr.w - layout_px(16, W, H), r.h};
        ui_text_style st =
            widget_style(px, UI_FONT_REGULAR, THEME_TEXT, UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
        st.ellipsis = true;
        draw_text(d, nr, a->packs->user_name[i], &st);
    }
    /* how to reach the list without a mouse */
    ui_rect hint = {area.x, last.y + last.h + layout_px(8, W, H), area.w, layout_px(48, W, H)};
    const char *how = focus >= 0 ? app_tr(a, "Enter: switch on or off · Left: back to the menu")
                                 : app_tr(a, "Right arrow or P: choose packs");
    widget_text(d, hint, how, layout_font_px(TYPE_SMALL, W, H), UI_FONT_REGULAR, THEME_TEXT_DIM,
                UI_ALIGN_LEFT | UI_VALIGN_MIDDLE);
}

/* Switches row i and reloads, so the title shows (and Start plays) the content as chosen. */
static void packs_switch(app *a, int i)
{
    if (packs_toggle(a, (size_t)i))
        reload_apply(a);
}

bool packs_title_input(app *a, const ui_input *in, ui_rect area)
{
    int n = (int)packs_count(a);
    if (n == 0) {
        a->title_pack_focus = -1;
        return false;
    }
    int *f = &a->title_pack_focus;
    if (*f >= n)
        *f = n - 1;
    switch (in->type) {
    case IN_KEY:
        if (*f < 0) {
            if (in->key == KEY_RIGHT || in->key == KEY_P) {
                *f = 0;
                return true;
            }
            return false;
        }
        switch (in->key) {
        case KEY_UP:
            *f = *f > 0 ? *f - 1 : n - 1;
            return true;
        case KEY_DOWN:
            *f = *f + 1 < n ? *f + 1 : 0;
            return true;
        case KEY_ENTER:
        case KEY_SPACE:
            packs_switch(a, *f);
            return true;
        case KEY_LEFT:
        case KEY_ESCAPE:
        case KEY_TAB:
            *f = -1;
            return true;
        default:
            return false;
        }
    case IN_MOUSE_MOVE: {
        int row = packs_hit(a, area, in->x, in->y);
        if (row >= 0)
            *f = row;
        return row >= 0;
    }
    case IN_MOUSE_DOWN: {
        int row = in->button == 1 ? packs_hit(a, area, in->x, in->y) : -1;
        if (row < 0)
            return false;
        *f = row;
        packs_switch(a, row);
        return true;
    }
    default:
        return false;
    }
}
