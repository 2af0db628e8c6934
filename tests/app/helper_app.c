/* helper_app.c: shared helpers of the app tests (see helper_app.h). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "helper_app.h"

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *helper_tmpdir(void)
{
    char tmpl[] = "/tmp/malcon-app-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert(d);
    return core_strdup(d);
}

void helper_rmdir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = data_path_join(dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(dp);
    rmdir(dir);
}

char *helper_write(const char *dir, const char *name, const char *data, size_t len)
{
    char *p = data_path_join(dir, name);
    FILE *f = fopen(p, "wb");
    assert(f);
    assert(fwrite(data, 1, len, f) == len);
    fclose(f);
    return p;
}

bool helper_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

char *helper_fixture(const char *name)
{
    char *p = data_path_join(MALCON_FIXTURES, name);
    core_err err = {0};
    char *text = data_read_file(p, 0, NULL, &err);
    assert(text);
    core_err_free(&err);
    free(p);
    return text;
}

void helper_app_init(app *a, const char *pref_dir, int w, int h)
{
    memset(a, 0, sizeof *a);
    a->seed_entropy = 12345;
    a->width = w;
    a->height = h;
    bool ok = app_init(a, MALCON_TEST_CONTENT, pref_dir);
    if (!ok) {
        for (size_t i = 0; i < a->content_err.count; i++) {
            char *l = core_err_format(&a->content_err, i);
            fprintf(stderr, "%s\n", l);
            free(l);
        }
    }
    assert(ok);
    app_update(a, 16); /* enters the first screen */
}

void helper_key(app *a, ui_key k, int mods)
{
    ui_input in = {0};
    in.type = IN_KEY;
    in.key = k;
    in.mods = mods;
    app_input(a, &in);
}

void helper_click(app *a, int x, int y)
{
    ui_input in = {0};
    in.x = x;
    in.y = y;
    in.button = 1;
    in.type = IN_MOUSE_MOVE;
    app_input(a, &in);
    in.type = IN_MOUSE_DOWN;
    app_input(a, &in);
    in.type = IN_MOUSE_UP;
    app_input(a, &in);
}

void helper_text(app *a, const char *utf8)
{
    ui_input in = {0};
    in.type = IN_TEXT;
    snprintf(in.text, sizeof in.text, "%s", utf8);
    app_input(a, &in);
}

void helper_tick(app *a)
{
    app_update(a, 16);
}

ui_draw *helper_draw(const app *a)
{
    ui_draw *d = ui_draw_rec_new(a->width, a->height);
    app_draw(a, d);
    return d;
}
