/* sheet.c: malcon-sheet: renders every card (roles, actions, events, terminal kinds) from the
 * content to print-and-play PNG sheets (A4 at 300 dpi, 3 x 3 poker-size cards with crop marks),
 * drawn by the same code as the board (card_draw), headless. */
#define _POSIX_C_SOURCE 200809L

#include "app.h"
#include "card_draw.h"
#include "data.h"
#include "platform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SHEET_MAX_PACKS 16

static void sheet_usage(FILE *f)
{
    fputs("usage: malcon-sheet [--content DIR] [--pack DIR]... --lang ja|en --out DIR\n"
          "  Renders every card (roles, actions, events, terminal kinds) to print-and-play\n"
          "  PNG sheets: A4 portrait at 300 dpi (2480x3508), nine 63x88 mm cards a sheet with\n"
          "  crop marks. Files: DIR/<roles|actions|events|terminals>-<lang>-<NN>.png; each\n"
          "  file written is printed. An event prints as many times as its copies.\n"
          "  --content DIR  content root (default: $MALCON_CONTENT or the built-in one)\n"
          "  --pack DIR     a content pack laid over it (repeatable, in order)\n"
          "  Exit status: 0 ok, 1 bad options or content, 2 cannot render or write.\n",
          f);
}

/* The UI words in Japanese: the content root's catalogue, else the shipped one. */
static i18n *sheet_catalogue(const char *root)
{
    core_err err = {0};
    i18n *cat = app_catalogue_load(root, &err);
    core_err_free(&err);
    return cat;
}

/* Makes dir and the folders on its way, unless they exist. */
static bool sheet_mkdir(const char *dir)
{
    char *p = core_strdup(dir);
    for (char *s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        mkdir(p, 0777); /* an existing one is fine; the last check says if it worked */
        *s = '/';
    }
    free(p);
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode);
    return mkdir(dir, 0777) == 0;
}

int main(int argc, char **argv)
{
    const char *content = NULL, *lang_s = NULL, *out = NULL;
    const char *packs[SHEET_MAX_PACKS];
    size_t n_packs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            sheet_usage(stdout);
            return 0;
        }
        if (i + 1 >= argc || (strcmp(a, "--content") && strcmp(a, "--pack") &&
                              strcmp(a, "--lang") && strcmp(a, "--out"))) {
            fprintf(stderr, "malcon-sheet: %s '%s'\n",
                    i + 1 >= argc && a[0] == '-' ? "missing value for" : "unknown option", a);
            sheet_usage(stderr);
            return 1;
        }
        const char *v = argv[++i];
        if (!strcmp(a, "--content"))
            content = v;
        else if (!strcmp(a, "--lang"))
            lang_s = v;
        else if (!strcmp(a, "--out"))
            out = v;
        else if (n_packs < SHEET_MAX_PACKS)
            packs[n_packs++] = v;
        else {
            fprintf(stderr, "malcon-sheet: at most %d packs\n", SHEET_MAX_PACKS);
            return 1;
        }
    }
    if (!lang_s || !out || (strcmp(lang_s, "ja") && strcmp(lang_s, "en"))) {
        fprintf(stderr, "malcon-sheet: --lang ja|en and --out DIR are needed\n");
        sheet_usage(stderr);
        return 1;
    }
    lang l = strcmp(lang_s, "ja") ? LANG_EN : LANG_JA;
    if (!content)
        content = data_default_root();

    const char *roots[1 + SHEET_MAX_PACKS];
    roots[0] = content;
    for (size_t i = 0; i < n_packs; i++)
        roots[1 + i] = packs[i];
    core_err err = {0};
    ruleset *rs = data_load_layers(roots, 1 + n_packs, &err);
    for (size_t i = 0; i < err.count; i++) {
        char *line = core_err_format(&err, i);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    core_err_free(&err);
    if (!rs) {
        fprintf(stderr, "malcon-sheet: the content has errors\n");
        return 1;
    }
    if (!sheet_mkdir(out)) {
        fprintf(stderr, "malcon-sheet: cannot make the folder %s: %s\n", out, strerror(errno));
        ruleset_free(rs);
        return 2;
    }

    /* headless: SDL's software renderer on a surface; no display is ever needed */
    if (!getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (!getenv("SDL_AUDIODRIVER"))
        setenv("SDL_AUDIODRIVER", "dummy", 1);
    ui_platform_opts po = {0};
    po.title = "malcon-sheet";
    po.width = CARD_SHEET_W;
    po.height = CARD_SHEET_H;
    po.headless = true;
    po.content_root = content;
    char why[256] = "";
    ui_platform *p = platform_open(&po, why, sizeof why);
    if (!p) {
        fprintf(stderr, "malcon-sheet: %s\n", why);
        ruleset_free(rs);
        return 2;
    }
    platform_set_asset_layers(p, packs, n_packs);
    i18n *cat = l == LANG_JA ? sheet_catalogue(content) : NULL;
    card_ctx c = {rs, l, cat, card_draw_metrics(CARD_W, CARD_H)};
    static const char *const kind_words[CARD_KIND_COUNT] = {"Role cards", "Action cards",
                                                            "Event cards", "Terminal cards"};
    int rc = 0;
    size_t files = 0;
    for (int k = 0; k < CARD_KIND_COUNT && rc == 0; k++) {
        size_t n = card_draw_list(rs, (card_kind)k, NULL, 0);
        card_ref *cards = core_calloc(n ? n : 1, sizeof *cards);
        card_draw_list(rs, (card_kind)k, cards, n);
        size_t pages = card_draw_pages(n);
        for (size_t pg = 0; pg < pages && rc == 0; pg++) {
            size_t first = pg * CARD_PER_SHEET;
            size_t count = n - first < CARD_PER_SHEET ? n - first : CARD_PER_SHEET;
            char page[64], footer[256];
            snprintf(page, sizeof page, card_draw_tr(&c, "page %zu/%zu"), pg + 1, pages);
            snprintf(footer, sizeof footer, "%s · %s · %s · %s",
                     l == LANG_JA ? "マルウェア封じ込め" : "Malware Containment",
                     card_draw_tr(&c, kind_words[k]), l == LANG_JA ? "日本語" : "English", page);
            ui_draw *d = platform_draw(p);
            card_draw_sheet(d, &c, cards + first, count, footer);
            platform_present(p);
            char name[96];
            snprintf(name, sizeof name, "%s-%s-%02zu.png", card_draw_kind_name((card_kind)k),
                     lang_s, pg + 1);
            char *path = data_path_join(out, name);
            if (platform_screenshot(p, path, why, sizeof why)) {
                printf("%s (%zu card%s)\n", path, count, count == 1 ? "" : "s");
                files++;
            } else {
                fprintf(stderr, "malcon-sheet: %s\n", why);
                rc = 2;
            }
            free(path);
        }
        free(cards);
    }
    if (rc == 0)
        printf("malcon-sheet: %zu sheets\n", files);
    i18n_free(cat);
    platform_close(p);
    ruleset_free(rs);
    return rc;
}
