/* fileio.c: small file helpers of the data layer: the content root, whole-file reads with a size
 * limit, atomic writes (temp file, fsync, rename, fsync of the directory) and path joining. */
#define _POSIX_C_SOURCE 200809L

#include "data.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MALCON_CONTENT_DIR
#define MALCON_CONTENT_DIR "."
#endif

const char *data_default_root(void)
{
    const char *env = getenv("MALCON_CONTENT");
    return env && *env ? env : MALCON_CONTENT_DIR;
}

char *data_path_join(const char *root, const char *rel)
{
    if (!root || !*root)
        return core_strdup(rel ? rel : "");
    if (!rel || !*rel)
        return core_strdup(root);
    size_t rl = strlen(root);
    while (rl > 1 && root[rl - 1] == '/')
        rl--;
    while (*rel == '/')
        rel++;
    core_str s = {0};
    core_str_append(&s, root, rl);
    if (root[rl - 1] != '/')
        core_str_puts(&s, "/");
    core_str_puts(&s, rel);
    return core_str_take(&s);
}

char *data_read_file(const char *path, size_t max, size_t *len, core_err *err)
{
    if (len)
        *len = 0;
    /* Only regular files: opening a named pipe (a hostile content pack's cards/roles.yaml or
     * picture) would block the game forever, and a device could be read without end. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        core_err_add(err, ERR_IO, LVL_ERROR, path, 0, 0, "not a regular file");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        core_err_add(err, ERR_IO, LVL_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = core_alloc(cap);
    bool ok = true;
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            buf = core_realloc(buf, cap);
        }
        size_t want = cap - n - 1;
        /* read at most one byte beyond the limit: enough to know it was exceeded */
        if (max && want > max + 1 - n)
            want = max + 1 - n;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (max && n > max) {
            core_err_add(err, ERR_LIMIT, LVL_ERROR, path, 0, 0,
                         "file too large: more than %zu bytes", max);
            ok = false;
            break;
        }
        if (got < want) {
            if (ferror(f)) {
                core_err_add(err, ERR_IO, LVL_ERROR, path, 0, 0, "read error: %s", strerror(errno));
                ok = false;
            }
            break;
        }
    }
    fclose(f);
    if (!ok) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* fsyncs the directory holding path, so that the rename itself survives a power cut. */
static int data_sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir =
        slash ? core_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : core_strdup(".");
    int rc = -1;
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        rc = fsync(fd);
        close(fd);
    }
    free(dir);
    return rc;
}

bool data_write_atomic(const char *path, const char *data, size_t len)
{
    core_str tmp = {0};
    core_str_printf(&tmp, "%s.tmp.XXXXXX", path);
    char *name = core_str_take(&tmp);
    int saved = 0;
    int fd = mkstemp(name);
    if (fd < 0) {
        saved = errno;
        free(name);
        errno = saved;
        return false;
    }
    /* mkstemp makes the file 0600; a save or export is an ordinary user file. */
    (void)fchmod(fd, 0644);
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        saved = errno;
        close(fd);
        goto fail;
    }
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 || fsync(fileno(f)) != 0) {
        saved = errno;
        fclose(f);
        goto fail;
    }
    if (fclose(f) != 0) {
        saved = errno;
        goto fail;
    }
    if (rename(name, path) != 0) {
        saved = errno;
        goto fail;
    }
    free(name);
    /* The data is safe once renamed; a directory that cannot be synced is not a failure of
     * the write itself (some file systems refuse fsync on directories). */
    (void)data_sync_dir(path);
    return true;
fail:
    unlink(name);
    free(name);
    errno = saved ? saved : EIO;
    return false;
}
