/* replay_main.c: a main() for the fuzz targets without libFuzzer: runs the target once on every
 * file named (folders: every file inside), so the committed corpora and every input a fuzzer
 * once found are regression tests of the ordinary (and sanitizer) builds. */
#define _POSIX_C_SOURCE 200809L

#include "fuzz_common.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path, size_t *count)
{
    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(path, 0, &len, &err);
    if (!text) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        core_err_free(&err);
        return 1;
    }
    /* an exact-size copy: a read past the input's end is caught under ASan */
    uint8_t *buf = malloc(len ? len : 1);
    memcpy(buf, text, len);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    free(text);
    (*count)++;
    return 0;
}

static int replay_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: no such file %s\n", path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path, count);
    DIR *d = opendir(path);
    if (!d)
        return 1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        core_grow((void **)&names, &cap, n + 1, sizeof *names);
        names[n++] = data_path_join(path, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, replay_cmp);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        rc |= replay_path(names[i], count);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
    }
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++)
        rc |= replay_path(argv[i], &count);
    printf("replay: %zu inputs, no invariant broken\n", count);
    return rc || count == 0;
}
