/* test_packs.c: content packs: layered loading (override by id, additions, partial packs,
 * scenarios, art resolution, errors naming the pack's files) and the user's packs folder
 * (listing, on/off choices kept in packs.txt, a broken pack falling back to the base content). */
#include "data.h"
#include "helper_app.h"
#include "helper_designer.h"
#include "packs.h"
#include "reload.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *const EV_HEAD = "events:\n"
                                   "  - id: inquiry_surge\n"
                                   "    title: {ja: 問い合わせ（改）, en: Calls pile up (pack)}\n"
                                   "    flavour: {ja: 改訂版, en: The pack's version}\n"
                                   "    effects:\n"
                                   "      - {do: lose_ap, role: notification, amount: 1}\n";

static const char *const EV_NEW =
    "events:\n"
    "  - id: vpn_outage\n"
    "    title: {ja: VPN障害, en: VPN outage}\n"
    "    flavour: {ja: 在宅勤務者がつながらない。, en: Remote staff cannot connect.}\n"
    "    copies: 1\n"
    "    effects:\n"
    "      - {do: lose_ap, role: notification, amount: 1}\n"
    "  - id: printer_jam\n"
    "    title: {ja: 紙詰まり, en: Printer jam}\n"
    "    flavour: {ja: 総務が困っている。, en: Facilities need a hand.}\n"
    "    effects:\n"
    "      - {do: lose_ap, role: commander, amount: 1}\n";

/* Loads the shipped content with the given packs over it; prints the messages on failure. */
static ruleset *load_with(const char *const *packs, size_t n, core_err *err)
{
    const char *roots[8] = {MALCON_TEST_CONTENT};
    for (size_t i = 0; i < n; i++)
        roots[1 + i] = packs[i];
    ruleset *rs = data_load_layers(roots, 1 + n, err);
    if (!rs)
        for (size_t i = 0; i < err->count; i++) {
            char *l = core_err_format(err, i);
            fprintf(stderr, "%s\n", l);
            free(l);
        }
    return rs;
}

static ruleset *load_base(void)
{
    core_err err = {0};
    ruleset *rs = data_load(MALCON_TEST_CONTENT, &err);
    assert_non_null(rs);
    core_err_free(&err);
    return rs;
}

static void test_packs_override_by_id(void **state)
{
    (void)state;
    char *pack = helper_tmpdir();
    free(designer_put(pack, "cards/events.yaml", EV_HEAD));
    ruleset *base = load_base();
    core_err err = {0};
    ruleset *rs = load_with((const char *[]){pack}, 1, &err);
    assert_non_null(rs);
    /* the same number of events, the replaced one in its place, the others untouched */
    assert_int_equal(rs->n_events, base->n_events);
    int i = ruleset_event(rs, "inquiry_surge");
    assert_int_equal(i, ruleset_event(base, "inquiry_surge"));
    assert_string_equal(ml_get(&rs->events[i].title, LANG_EN), "Calls pile up (pack)");
    assert_int_equal(rs->events[i].copies, 1); /* the pack's item is whole: its defaults */
    for (size_t e = 0; e < rs->n_events; e++)
        if ((int)e != i)
            assert_string_equal(ml_get(&rs->events[e].title, LANG_JA),
                                ml_get(&base->events[e].title, LANG_JA));
    assert_int_equal(rs->n_roles, base->n_roles);
    assert_int_equal(rs->n_scenarios, base->n_scenarios);
    /* other content, other hash (saves notice); the base alone keeps its hash */
    assert_true(rs->hash != base->hash);
    ruleset *again = load_with(NULL, 0, &err);
    assert_true(again->hash == base->hash);
    ruleset_free(again);
    ruleset_free(rs);
    ruleset_free(base);
    core_err_free(&err);
    designer_rmtree(pack);
    free(pack);
}

static void test_packs_add_events(void **state)
{
    (void)state;
    char *pack = helper_tmpdir();
    free(designer_put(pack, "cards/events.yaml", EV_NEW));
    ruleset *base = load_base();
    core_err err = {0};
    ruleset *rs = load_with((const char *[]){pack}, 1, &err);
    assert_non_null(rs);
    assert_int_equal(rs->n_events, base->n_events + 2);
    assert_int_equal(ruleset_event(rs, "vpn_outage"), (int)base->n_events);
    assert_int_equal(ruleset_event(rs, "printer_jam"), (int)base->n_events + 1);
    /* the new events reach the default deck and resolve roles of the base */
    const event_def *e = &rs->events[base->n_events];
    assert_int_equal(e->effects[0].role, ruleset_role(rs, "notification"));
    ruleset_free(rs);
    ruleset_free(base);
    core_err_free(&err);
    designer_rmtree(pack);
    free(pack);
}

/* Two packs in order: the second replaces the first's item; a pack may hold only a scenario. */
static void test_packs_partial_and_stacked(void **state)
{
    (void)state;
    char *p1 = helper_tmpdir(), *p2 = helper_tmpdir(), *p3 = helper_tmpdir();
    free(designer_put(p1, "cards/events.yaml", EV_NEW));
    char *ev2 = core_strdup(EV_NEW);
    char *at = strstr(ev2, "VPN outage");
    memcpy(at, "VPN OUTAGE", 10);
    /* only the first item: the second pack changes one event of the first */
    *strstr(ev2, "  - id: printer_jam") = '\0';
    free(designer_put(p2, "cards/events.yaml", ev2));
    free(ev2);
    char *solo = designer_get(MALCON_TEST_CONTENT, "scenarios/solo.yaml");
    char *mine = core_strdup(solo);
    memcpy(strstr(mine, "id: solo\n"), "id: mine\n", 9);
    free(designer_put(p3, "scenarios/mine.yaml", mine));
    ruleset *base = load_base();
    core_err err = {0};
    ruleset *rs = load_with((const char *[]){p1, p2, p3}, 3, &err);
    assert_non_null(rs);
    assert_int_equal(rs->n_events, base->n_events + 2);
    int v = ruleset_event(rs, "vpn_outage");
    assert_string_equal(ml_get(&rs->events[v].title, LANG_EN), "VPN OUTAGE");
    assert_true(ruleset_event(rs, "printer_jam") >= 0);
    assert_int_equal(rs->n_scenarios, base->n_scenarios + 1);
    assert_true(ruleset_scenario(rs, "mine") >= 0);
    assert_true(ruleset_scenario(rs, "solo") >= 0);
    assert_int_equal(rs->n_roles, base->n_roles);
    assert_int_equal(rs->n_actions, base->n_actions);
    ruleset_free(rs);
    ruleset_free(base);
    core_err_free(&err);
    free(solo);
    free(mine);
    for (int i = 0; i < 3; i++) {
        const char *d = i == 0 ? p1 : i == 1 ? p2 : p3;
        designer_rmtree(d);
    }
    free(p1);
    free(p2);
    free(p3);
}

/* A pack's scenario with the id of a base scenario replaces it, whatever its file name. */
static void test_packs_scenario_override(void **state)
{
    (void)state;
    char *pack = helper_tmpdir();
    char *std = designer_get(MALCON_TEST_CONTENT, "scenarios/standard.yaml");
    core_str s = {0};
    char *name = strstr(std, "\nname:");
    char *eol = strchr(name + 1, '\n');
    core_str_printf(&s, "%.*s\nname: {ja: 改造版, en: Modded standard}%s", (int)(name - std), std,
                    eol);
    char *mod = core_str_take(&s);
    free(designer_put(pack, "scenarios/zz_other_name.yaml", mod));
    ruleset *base = load_base();
    core_err err = {0};
    ruleset *rs = load_with((const char *[]){pack}, 1, &err);
    assert_non_null(rs);
    assert_int_equal(rs->n_scenarios, base->n_scenarios);
    int sc = ruleset_scenario(rs, "standard");
    assert_true(sc >= 0);
    assert_string_equal(ml_get(&rs->scenarios[sc].name, LANG_EN), "Modded standard");
    ruleset_free(rs);
    ruleset_free(base);
    core_err_free(&err);
    free(std);
    free(mod);
    designer_rmtree(pack);
    free(pack);
}

/* Art: a path resolves in the highest layer that has the file; the loader agrees. */
static void test_packs_art(void **state)
{
    (void)state;
    char *base = designer_copy_content();
    char *pack = helper_tmpdir();
    free(designer_put(base, "assets/art/shared.png", "base"));
    free(designer_put(pack, "assets/art/shared.png", "pack"));
    free(designer_put(pack, "assets/art/only_pack.png", "pack"));
    const char *roots[2] = {base, pack};
    char *p = data_asset_path(roots, 2, "assets/art/shared.png");
    char *want = data_path_join(pack, "assets/art/shared.png");
    assert_string_equal(p, want);
    free(p);
    free(want);
    p = data_asset_path(roots, 1, "assets/art/shared.png");
    want = data_path_join(base, "assets/art/shared.png");
    assert_string_equal(p, want);
    free(p);
    free(want);
    assert_null(data_asset_path(roots, 2, "assets/art/nowhere.png"));
    /* an event of the pack with art only the pack has: no "not found" warning */
    char *ev = core_strdup(EV_NEW);
    core_str s = {0};
    char *cut = strstr(ev, "    copies: 1\n");
    core_str_printf(&s, "%.*s    art: assets/art/only_pack.png\n%s", (int)(cut - ev), ev, cut);
    char *with_art = core_str_take(&s);
    char *evpath = designer_put(pack, "cards/events.yaml", with_art);
    core_err err = {0};
    ruleset *rs = data_load_layers(roots, 2, &err);
    assert_non_null(rs);
    assert_int_equal(err.count, 0);
    assert_string_equal(rs->events[ruleset_event(rs, "vpn_outage")].art,
                        "assets/art/only_pack.png");
    ruleset_free(rs);
    /* art nowhere: a warning in the pack's file, the content still loads */
    designer_edit(pack, "cards/events.yaml", "only_pack.png", "missing.png");
    rs = data_load_layers(roots, 2, &err);
    assert_non_null(rs);
    long w = designer_err_in(&err, evpath);
    assert_true(w >= 0);
    assert_int_equal(err.items[w].level, LVL_WARNING);
    assert_int_equal(err.items[w].code, ERR_ASSET);
    assert_int_equal(err.items[w].line, 5);
    ruleset_free(rs);
    core_err_free(&err);
    free(evpath);
    free(ev);
    free(with_art);
    designer_rmtree(base);
    designer_rmtree(pack);
    free(base);
    free(pack);
}

/* Errors name the pack's file (path:line:col), whatever the problem. */
static void test_packs_errors_name_pack(void **state)
{
    (void)state;
    char *pack = helper_tmpdir();
    /* an unknown role in a new event (line 7, col 29: the role's value) */
    char *bad = core_strdup(EV_NEW);
    memcpy(strstr(bad, "role: notification"), "role: notificatio_", 18);
    char *path = designer_put(pack, "cards/events.yaml", bad);
    core_err err = {0};
    ruleset *rs = load_with((const char *[]){pack}, 1, &err);
    assert_null(rs);
    assert_int_equal(core_err_errors(&err), 1);
    assert_string_equal(err.items[0].file, path);
    assert_int_equal(err.items[0].code, ERR_UNKNOWN_ID);
    assert_int_equal(err.items[0].line, 7);
    assert_int_equal(err.items[0].col, 29);
    core_err_free(&err);
    /* an unknown key in a replacing item */
    char *head = core_strdup(EV_HEAD);
    char *fl = strstr(head, "    flavour:");
    memcpy(fl, "    flavor: ", 12);
    free(designer_put(pack, "cards/events.yaml", head));
    rs = load_with((const char *[]){pack}, 1, &err);
    assert_null(rs);
    long i = -1;
    for (size_t k = 0; k < err.count; k++)
        if (err.items[k].code == ERR_UNKNOWN_KEY)
            i = (long)k;
    assert_true(i >= 0);
    assert_string_equal(err.items[i].file, path);
    assert_int_equal(err.items[i].line, 4);
    assert_int_equal(err.items[i].col, 5);
    core_err_free(&err);
    /* a syntax error */
    free(designer_put(pack, "cards/events.yaml", "events:\n  - id: [oops\n"));
    rs = load_with((const char *[]){pack}, 1, &err);
    assert_null(rs);
    assert_true(designer_err_in(&err, path) >= 0);
    assert_int_equal(err.items[designer_err_in(&err, path)].code, ERR_SYNTAX);
    core_err_free(&err);
    /* the same new id twice in the pack: a duplicate, named in the pack */
    core_str s = {0};
    core_str_printf(&s, "%s%s", EV_NEW, strstr(EV_NEW, "  - id: vpn_outage"));
    char *twice = core_str_take(&s);
    free(designer_put(pack, "cards/events.yaml", twice));
    rs = load_with((const char *[]){pack}, 1, &err);
    assert_null(rs);
    i = designer_err_in(&err, path);
    assert_true(i >= 0);
    assert_int_equal(err.items[i].code, ERR_DUPLICATE_ID);
    core_err_free(&err);
    /* a pack folder that is not there */
    rs = load_with((const char *[]){"/nonexistent/malcon-pack"}, 1, &err);
    assert_null(rs);
    assert_true(designer_err_in(&err, "/nonexistent/malcon-pack") >= 0);
    core_err_free(&err);
    free(twice);
    free(head);
    free(bad);
    free(path);
    designer_rmtree(pack);
    free(pack);
}

/* ---- the user's packs folder ---- */

static char *make_pref_with_packs(void)
{
    char *pref = helper_tmpdir();
    char *solo = designer_get(MALCON_TEST_CONTENT, "scenarios/solo.yaml");
    memcpy(strstr(solo, "id: solo\n"), "id: mine\n", 9);
    char *pdir = data_path_join(pref, "packs/b_office");
    free(designer_put(pdir, "scenarios/mine.yaml", solo));
    free(pdir);
    pdir = data_path_join(pref, "packs/a_events");
    free(designer_put(pdir, "cards/events.yaml", EV_NEW));
    free(pdir);
    free(solo);
    return pref;
}

static void test_packs_user_folder(void **state)
{
    (void)state;
    char *pref = make_pref_with_packs();
    app a;
    helper_app_init(&a, pref, 1920, 1080);
    size_t base_events = a.rs->n_events;
    /* found, sorted, off by default: the content is the base */
    assert_int_equal(packs_count(&a), 2);
    assert_string_equal(a.packs->user_name[0], "a_events");
    assert_string_equal(a.packs->user_name[1], "b_office");
    assert_false(a.packs->user_on[0]);
    assert_int_equal(packs_in_use(&a), 0);
    assert_int_equal(ruleset_scenario(a.rs, "mine"), -1);
    /* switched on: kept in packs.txt; a reload lays it over */
    assert_true(packs_toggle(&a, 1));
    assert_false(packs_toggle(&a, 7));
    char *txt = designer_get(pref, PACKS_FILE);
    assert_string_equal(txt, "off a_events\non b_office\n");
    free(txt);
    assert_int_equal(reload_apply(&a), RELOAD_APPLIED);
    assert_true(ruleset_scenario(a.rs, "mine") >= 0);
    assert_int_equal(packs_in_use(&a), 1);
    app_free(&a);
    /* the next start remembers it */
    helper_app_init(&a, pref, 1920, 1080);
    assert_true(a.packs->user_on[1]);
    assert_true(ruleset_scenario(a.rs, "mine") >= 0);
    assert_int_equal(a.rs->n_events, base_events);
    /* a pack folder made while the game runs is listed after a reload (F5), switched off */
    char *cdir = data_path_join(pref, "packs/c_new");
    free(designer_put(cdir, "scenarios/c.yaml", "id: broken_on_purpose\n"));
    helper_key(&a, KEY_F5, 0);
    assert_int_equal(packs_count(&a), 3);
    assert_string_equal(a.packs->user_name[2], "c_new");
    assert_false(a.packs->user_on[2]);
    assert_true(a.packs->user_on[1]);
    assert_false(a.reload && a.reload->overlay); /* off: its broken file is not read */
    free(cdir);
    /* parse/format round trip; unknown names and bad lines are skipped */
    packs_parse(&a, "on a_events\r\nbogus line\non nobody\n");
    assert_true(a.packs->user_on[0]);
    char *f = packs_format(&a);
    assert_string_equal(f, "on a_events\non b_office\noff c_new\n");
    free(f);
    app_free(&a);
    designer_rmtree(pref);
    free(pref);
}

/* A broken pack switched on does not stop the game: the base loads and the overlay says why. */
static void test_packs_broken_falls_back(void **state)
{
    (void)state;
    char *pref = make_pref_with_packs();
    char *pdir = data_path_join(pref, "packs/a_events");
    char *path = designer_put(pdir, "cards/events.yaml", "events:\n  - id: [oops\n");
    free(designer_put(pref, PACKS_FILE, "on a_events\non b_office\n"));
    app a;
    helper_app_init(&a, pref, 1920, 1080);
    assert_int_equal(a.screen, SCR_TITLE);
    assert_int_equal(ruleset_scenario(a.rs, "mine"), -1); /* no pack at all, not half of them */
    assert_int_equal(packs_in_use(&a), 0);
    assert_non_null(a.reload);
    assert_true(a.reload->overlay);
    assert_true(a.reload->without_packs);
    assert_true(designer_err_in(&a.reload->errors, path) >= 0);
    app_set_lang(&a, LANG_EN);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "the game runs without them"));
    draw_free(d);
    /* fixed: F5 lays both packs over */
    free(designer_put(pdir, "cards/events.yaml", EV_NEW));
    helper_key(&a, KEY_F5, 0);
    assert_false(a.reload->overlay);
    assert_true(ruleset_scenario(a.rs, "mine") >= 0);
    assert_true(ruleset_event(a.rs, "vpn_outage") >= 0);
    assert_int_equal(packs_in_use(&a), 2);
    app_free(&a);
    free(path);
    free(pdir);
    designer_rmtree(pref);
    free(pref);
}

/* --pack folders come before app_init and stay on. */
static void test_packs_command_line(void **state)
{
    (void)state;
    char *pack = helper_tmpdir();
    free(designer_put(pack, "cards/events.yaml", EV_NEW));
    app a;
    memset(&a, 0, sizeof a);
    assert_true(packs_add(&a, pack));
    a.seed_entropy = 1;
    assert_true(app_init(&a, MALCON_TEST_CONTENT, NULL));
    assert_true(ruleset_event(a.rs, "printer_jam") >= 0);
    assert_int_equal(packs_in_use(&a), 1);
    assert_string_equal(a.packs->in_use[0], pack);
    const char *roots[4];
    assert_int_equal(packs_roots(&a, roots, 4), 2);
    assert_string_equal(roots[1], pack);
    app_free(&a);
    designer_rmtree(pack);
    free(pack);
}

/* The title lists the user's packs with on/off switches, by keyboard and mouse. */
static void test_packs_title_list(void **state)
{
    (void)state;
    char *pref = make_pref_with_packs();
    app a;
    helper_app_init(&a, pref, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    assert_int_equal(a.screen, SCR_TITLE);
    ui_draw *d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "Content packs"));
    assert_true(ui_draw_rec_has_text(d, "a_events"));
    assert_true(ui_draw_rec_has_text(d, "b_office"));
    assert_true(ui_draw_rec_has_text(d, "Off"));
    assert_false(ui_draw_rec_has_text(d, "On"));
    draw_free(d);
    /* keyboard: into the list, down to b_office, switch it on: the content follows at once */
    assert_int_equal(a.title_pack_focus, -1);
    helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.title_pack_focus, 0);
    helper_key(&a, KEY_DOWN, 0);
    assert_int_equal(a.title_pack_focus, 1);
    helper_key(&a, KEY_ENTER, 0);
    helper_tick(&a);
    assert_true(a.packs->user_on[1]);
    assert_true(ruleset_scenario(a.rs, "mine") >= 0);
    assert_int_equal(a.screen, SCR_TITLE);
    d = helper_draw(&a);
    assert_true(ui_draw_rec_has_text(d, "On"));
    draw_free(d);
    /* the menu's keys are the list's while it has the focus; Left gives them back */
    helper_key(&a, KEY_DOWN, 0);
    assert_int_equal(a.title_pack_focus, 0);
    helper_key(&a, KEY_LEFT, 0);
    assert_int_equal(a.title_pack_focus, -1);
    helper_key(&a, KEY_DOWN, 0);
    assert_int_equal(a.title_pack_focus, -1);
    /* mouse: a click on a row switches it */
    d = helper_draw(&a);
    const ui_rec_call *row = ui_draw_rec_find_text(d, "a_events");
    assert_non_null(row);
    int x = row->r.x + row->r.w / 2, y = row->r.y + row->r.h / 2;
    draw_free(d);
    helper_click(&a, x, y);
    helper_tick(&a);
    assert_true(a.packs->user_on[0]);
    assert_true(ruleset_event(a.rs, "vpn_outage") >= 0);
    char *txt = designer_get(pref, PACKS_FILE);
    assert_string_equal(txt, "on a_events\non b_office\n");
    free(txt);
    app_free(&a);
    /* no packs: the title's art, no list */
    helper_app_init(&a, NULL, 1920, 1080);
    app_set_lang(&a, LANG_EN);
    d = helper_draw(&a);
    assert_false(ui_draw_rec_has_text(d, "Content packs"));
    draw_free(d);
    helper_key(&a, KEY_RIGHT, 0);
    assert_int_equal(a.title_pack_focus, -1);
    app_free(&a);
    designer_rmtree(pref);
    free(pref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_packs_override_by_id),
        cmocka_unit_test(test_packs_add_events),
        cmocka_unit_test(test_packs_partial_and_stacked),
        cmocka_unit_test(test_packs_scenario_override),
        cmocka_unit_test(test_packs_art),
        cmocka_unit_test(test_packs_errors_name_pack),
        cmocka_unit_test(test_packs_user_folder),
        cmocka_unit_test(test_packs_broken_falls_back),
        cmocka_unit_test(test_packs_command_line),
        cmocka_unit_test(test_packs_title_list),
    };
    return cmocka_run_group_tests_name("packs", tests, NULL, NULL);
}
