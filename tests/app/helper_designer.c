/* helper_designer.c: helpers of the designer-pipeline tests (see helper_designer.h). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "helper_designer.h"

#include "data.h"
#include "helper_app.h"

#include <assert.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *designer_put(const char *root, const char *rel, const char *text)
{
    char *path = data_path_join(root, rel);
    /* make every folder on the way */
    for (char *p = path + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0777);
        *p = '/';
    }
    FILE *f = fopen(path, "wb");
    assert(f);
    size_t n = strlen(text);
    assert(fwrite(text, 1, n, f) == n);
    fclose(f);
    return path;
}

char *designer_get(const char *root, const char *rel)
{
    char *path = data_path_join(root, rel);
    core_err err = {0};
    char *text = data_read_file(path, 0, NULL, &err);
    assert(text);
    core_err_free(&err);
    free(path);
    return text;
}

void designer_edit(const char *root, const char *rel, const char *from, const char *to)
{
    char *text = designer_get(root, rel);
    char *at = strstr(text, from);
    assert(at);
    core_str s = {0};
    core_str_printf(&s, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    char *out = core_str_take(&s);
    free(designer_put(root, rel, out));
    free(out);
    free(text);
}

/* Copies the YAML files of MALCON_TEST_CONTENT/sub into root/sub. */
static void designer_copy_dir(const char *root, const char *sub)
{
    char *from = data_path_join(MALCON_TEST_CONTENT, sub);
    DIR *d = opendir(from);
    assert(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "%s/%s", sub, e->d_name);
        char *text = designer_get(MALCON_TEST_CONTENT, rel);
        free(designer_put(root, rel, text));
        free(text);
    }
    closedir(d);
    free(from);
}

char *designer_copy_content(void)
{
    char *root = helper_tmpdir();
    designer_copy_dir(root, "cards");
    designer_copy_dir(root, "scenarios");
    return root;
}

static int designer_rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    remove(path);
    return 0;
}

void designer_rmtree(const char *dir)
{
    nftw(dir, designer_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

long designer_err_in(const core_err *err, const char *path)
{
    for (size_t i = 0; i < err->count; i++)
        if (err->items[i].file && strcmp(err->items[i].file, path) == 0)
            return (long)i;
    return -1;
}
