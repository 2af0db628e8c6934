/* settings.c: the user's settings (language, fullscreen, hints) as key=value lines in the
 * user's data folder, read forgivingly and written atomically. */
#include "app.h"

#include "core.h"
#include "data.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define SETTINGS_FILE      "settings.txt"
#define SETTINGS_MAX_BYTES 4096

void settings_defaults(app_settings *s)
{
    assert(s);
    s->lang = LANG_JA;
    s->fullscreen = false;
    s->hints = true;
}

/* Parses a 0/1 (or false/true, off/on) value; false when it is neither. */
static bool settings_parse_bool(const char *v, bool *out)
{
    if (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "on")) {
        *out = true;
        return true;
    }
    if (!strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "off")) {
        *out = false;
        return true;
    }
    return false;
}

/* Applies one "key=value" line (blanks trimmed); false when it is malformed or unknown. */
static bool settings_apply_line(app_settings *s, char *line)
{
    char *eq = strchr(line, '=');
    if (!eq)
        return false;
    *eq = '\0';
    char *key = line, *val = eq + 1;
    while (*key == ' ' || *key == '\t')
        key++;
    for (char *e = key + strlen(key); e > key && (e[-1] == ' ' || e[-1] == '\t'); e--)
        e[-1] = '\0';
    while (*val == ' ' || *val == '\t')
        val++;
    for (char *e = val + strlen(val); e > val && (e[-1] == ' ' || e[-1] == '\t'); e--)
        e[-1] = '\0';
    if (!strcmp(key, "lang")) {
        if (!strcmp(val, "ja"))
            s->lang = LANG_JA;
        else if (!strcmp(val, "en"))
            s->lang = LANG_EN;
        else
            return false;
        return true;
    }
    if (!strcmp(key, "fullscreen"))
        return settings_parse_bool(val, &s->fullscreen);
    if (!strcmp(key, "hints"))
        return settings_parse_bool(val, &s->hints);
    return false;
}

bool settings_parse(app_settings *s, const char *text)
{
    assert(s);
    settings_defaults(s);
    if (!text)
        return true;
    bool clean = true;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        /* A value is never long: a long line is garbage, not a setting. */
        if (n > 200) {
            clean = false;
        } else {
            char line[256];
            memcpy(line, p, n);
            line[n] = '\0';
            if (n && line[n - 1] == '\r')
                line[n - 1] = '\0';
            const char *q = line;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q && *q != '#') {
                /* A bad line leaves only its own key at the default: one typo must not reset
                 * every other setting. */
                app_settings before = *s;
                if (!settings_apply_line(s, line)) {
                    *s = before;
                    clean = false;
                }
            }
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    return clean;
}

char *settings_format(const app_settings *s)
{
    assert(s);
    core_str out = {0};
    core_str_puts(&out, "# Malware Containment settings (key=value)\n");
    core_str_printf(&out, "lang=%s\n", s->lang == LANG_EN ? "en" : "ja");
    core_str_printf(&out, "fullscreen=%d\n", s->fullscreen ? 1 : 0);
    core_str_printf(&out, "hints=%d\n", s->hints ? 1 : 0);
    return core_str_take(&out);
}

void settings_load(app_settings *s, const char *dir)
{
    assert(s);
    settings_defaults(s);
    if (!dir)
        return;
    char *path = data_path_join(dir, SETTINGS_FILE);
    core_err err = {0};
    size_t len = 0;
    char *text = data_read_file(path, SETTINGS_MAX_BYTES, &len, &err);
    if (text) {
        /* Binary garbage (a NUL inside, invalid UTF-8) is a corrupt file: keep the defaults. */
        if (len == strlen(text) && core_utf8_check(text, len) == len)
            settings_parse(s, text);
    }
    free(text);
    core_err_free(&err);
    free(path);
}

bool settings_save(const app_settings *s, const char *dir)
{
    assert(s);
    if (!dir)
        return false;
    char *path = data_path_join(dir, SETTINGS_FILE);
    char *text = settings_format(s);
    bool ok = data_write_atomic(path, text, strlen(text));
    free(text);
    free(path);
    return ok;
}
