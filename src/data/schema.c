/* schema.c: the content schema as text (`malcon-lint --schema`), generated from the loader's own
 * field tables and the rules library's effect table, so the documentation cannot drift. */
#include "data.h"
#include "fields.h"

#include <stdlib.h>
#include <string.h>

static void schema_names(core_str *s, const field_enum *e)
{
    for (int v = e->first; v < e->first + e->count; v++)
        core_str_printf(s, "%s%s", v == e->first ? "" : ", ", e->name(v));
}

static void schema_specials(core_str *s, const field_ref *r)
{
    for (int i = 0; i < r->n_specials; i++)
        core_str_printf(s, "%s%s", i ? ", " : "", r->specials[i].name);
}

/* The type of a row in words. */
static void schema_type(core_str *s, const field *f)
{
    switch (f->type) {
    case FT_TEXT:
        core_str_puts(s, "text");
        break;
    case FT_ML:
        core_str_puts(s, "text {ja, en}");
        break;
    case FT_ID:
        core_str_puts(s, f->aux ? "id [A-Za-z0-9_]" : "id [a-z0-9_]");
        break;
    case FT_INT:
        core_str_printf(s, "integer %d..%d", f->min, f->max);
        break;
    case FT_BOOL:
        core_str_puts(s, "boolean");
        break;
    case FT_ENUM:
    case FT_NAME:
        core_str_puts(s, "one of: ");
        schema_names(s, f->aux);
        break;
    case FT_MASK:
        core_str_printf(s, "list of %ss: ", ((const field_enum *)f->aux)->what);
        schema_names(s, f->aux);
        break;
    case FT_REF: {
        const field_ref *r = f->aux;
        if (r->kind == REF_NONE) {
            core_str_puts(s, "one of: ");
            schema_specials(s, r);
        } else {
            core_str_printf(s, "%s id", tables_ref_name(r->kind));
            if (r->n_specials) {
                core_str_puts(s, ", or ");
                schema_specials(s, r);
            }
        }
        break;
    }
    case FT_REFS:
        core_str_printf(s, "list of %s ids, %d..%d entries",
                        tables_ref_name(((const field_ref *)f->aux)->kind), f->min, f->max);
        break;
    case FT_REF_MAP: {
        const char *k = tables_ref_name(((const field_ref *)f->aux)->kind);
        core_str_printf(s, "mapping %s id: %s id", k, k);
        break;
    }
    case FT_PATH:
        core_str_puts(s, "asset path (assets/...)");
        break;
    case FT_COLOR:
        core_str_puts(s, "colour \"#rrggbb\"");
        break;
    case FT_INTS:
        core_str_printf(s, "list of %d integers %d..%d", f->len, f->min, f->max);
        break;
    case FT_GROUP:
        core_str_printf(s, "mapping (%s)", ((const field_table *)f->aux)->name);
        break;
    case FT_LIST:
        core_str_printf(s, "list of %s, %d..%d entries", ((const field_table *)f->aux)->name,
                        f->min, f->max);
        break;
    case FT_EFFECTS:
        core_str_printf(s, "list of effects, %d..%d entries", f->min, f->max);
        break;
    case FT_OP:
        core_str_puts(s, "effect name");
        break;
    case FT_TYPE_COUNT:
        break;
    }
}

/* The default of an optional row, read from a template struct built by the loader's own
 * defaults (rows and init), so the text says what the loader really does. */
static void schema_default(core_str *s, const field *f, const void *tmpl)
{
    const void *at = (const char *)tmpl + f->offset;
    switch (f->type) {
    case FT_INT:
        core_str_printf(s, "%d", *(const int *)at);
        break;
    case FT_BOOL:
        core_str_puts(s, *(const bool *)at ? "true" : "false");
        break;
    case FT_COLOR:
        core_str_printf(s, "\"#%06x\"", (unsigned)*(const uint32_t *)at);
        break;
    case FT_ENUM: {
        const field_enum *e = f->aux;
        int v = *(const int *)at;
        const char *name = v >= e->first && v < e->first + e->count ? e->name(v) : NULL;
        core_str_puts(s, name ? name : "none");
        break;
    }
    case FT_REF: {
        const field_ref *r = f->aux;
        int v = *(const int *)at;
        const char *name = "none";
        for (int i = 0; i < r->n_specials; i++)
            if (r->specials[i].value == v)
                name = r->specials[i].name;
        core_str_puts(s, name);
        break;
    }
    case FT_MASK: {
        const field_enum *e = f->aux;
        uint32_t m = *(const uint32_t *)at;
        core_str_puts(s, "[");
        bool first = true;
        for (int v = e->first; v < e->first + e->count; v++) {
            if (m & (1u << v)) {
                core_str_printf(s, "%s%s", first ? "" : ", ", e->name(v));
                first = false;
            }
        }
        core_str_puts(s, "]");
        break;
    }
    case FT_ML:
        core_str_puts(s, "empty");
        break;
    case FT_LIST:
    case FT_REFS:
    case FT_EFFECTS:
        core_str_puts(s, "[]");
        break;
    default:
        core_str_puts(s, "none");
        break;
    }
}

static void schema_table(core_str *s, const field_table *t, const void *tmpl, int indent,
                         bool item);

static void schema_row(core_str *s, const field *f, const void *tmpl, int indent, bool dash)
{
    core_str line = {0};
    core_str_printf(&line, "%*s%s%s", indent, "", dash ? "- " : "", f->key);
    while (line.len < 28)
        core_str_puts(&line, " ");
    core_str_puts(&line, " ");
    schema_type(&line, f);
    if (f->required) {
        core_str_puts(&line, "; required");
    } else if (f->type != FT_GROUP) {
        core_str_puts(&line, "; optional, default ");
        schema_default(&line, f, tmpl);
    } else {
        core_str_puts(&line, "; optional");
    }
    core_str_printf(s, "%s\n%*s  %s\n", core_str_cstr(&line), indent + (dash ? 2 : 0), "",
                    f->doc ? f->doc : "");
    core_str_free(&line);
    if (f->type == FT_GROUP) {
        schema_table(s, f->aux, (const char *)tmpl + f->offset, indent + (dash ? 4 : 2), false);
    } else if (f->type == FT_LIST) {
        const field_table *sub = f->aux;
        void *item = core_alloc(sub->size);
        fields_defaults(sub, item);
        schema_table(s, sub, item, indent + (dash ? 4 : 2), true);
        free(item);
    }
}

static void schema_table(core_str *s, const field_table *t, const void *tmpl, int indent, bool item)
{
    /* list items read like YAML: "- " before the first key, the others aligned with it */
    for (size_t i = 0; i < t->n; i++)
        schema_row(s, &t->fields[i], tmpl, item && i > 0 ? indent + 2 : indent, item && i == 0);
}

static void schema_args(core_str *s, uint32_t bits, bool optional)
{
    bool first = true;
    for (size_t i = 0; i < tables_effect.n; i++) {
        const field *f = &tables_effect.fields[i];
        if (f->arg & bits) {
            core_str_printf(s, "%s%s%s", first ? "" : ", ", f->key, optional ? "?" : "");
            first = false;
        }
    }
}

char *data_schema_text(void)
{
    core_str s = {0};
    core_str_puts(&s, "Malware Containment content schema (generated from the loader's tables)\n\n"
                      "GENERAL\n");
    core_str_printf(
        &s,
        "  Files are UTF-8 YAML, one document each. Anchors and aliases (&x, *x) are\n"
        "  refused; a key given twice is an error; an unknown key is an error.\n"
        "  Limits: %d bytes per file, %d levels of nesting, %d bytes per text,\n"
        "  %d entries per list or mapping.\n"
        "  Ids: lower-case letters, digits and '_' (terminal ids may use upper case);\n"
        "  unique within their file; saves and logs refer to them.\n"
        "  Text shown to players: {ja: ..., en: ...}, both languages.\n"
        "  Asset paths: relative to the content root and under assets/; a missing file\n"
        "  is a warning (the game draws the card instead).\n"
        "  An empty value (key: with nothing after it) counts as absent.\n",
        DATA_MAX_FILE_BYTES, DATA_MAX_DEPTH, DATA_MAX_STRING, DATA_MAX_ITEMS);
    core_str_printf(&s,
                    "  Game limits: %d roles, %d rooms, %d terminals per scenario, %d rounds.\n",
                    RULES_MAX_ROLES, RULES_MAX_ROOMS, RULES_MAX_TERMINALS, RULES_MAX_ROUNDS);

    for (size_t i = 0; i < tables_n_files; i++) {
        const field_table *t = tables_files[i].table;
        core_str_printf(&s, "\nFILE %s: %s\n", tables_files[i].path, t->doc);
        void *tmpl = core_alloc(t->size);
        fields_defaults(t, tmpl);
        schema_table(&s, t, tmpl, 2, false);
        free(tmpl);
    }

    core_str_printf(&s, "\nEFFECT: %s\n", tables_effect.doc);
    effect tmpl;
    fields_defaults(&tables_effect, &tmpl);
    schema_table(&s, &tables_effect, &tmpl, 2, false);

    core_str_puts(&s, "\nEFFECT VOCABULARY (do: name; arguments; '?' = optional)\n");
    for (size_t i = 0; i < rules_effect_count(); i++) {
        const effect_info *e = rules_effect_info((int)i);
        core_str line = {0};
        core_str_printf(&line, "  %s(", e->name);
        schema_args(&line, e->required, false);
        if (e->required && e->optional)
            core_str_puts(&line, ", ");
        schema_args(&line, e->optional, true);
        core_str_puts(&line, ")");
        if (e->needs != TGT_NONE)
            core_str_printf(&line, "  [action target: %s]", target_kind_name(e->needs));
        core_str_printf(&s, "%s\n      %s\n", core_str_cstr(&line), e->doc);
        core_str_free(&line);
    }

    const field_enum *names[] = {&tables_flags,   &tables_routes, &tables_tracks, &tables_targets,
                                 &tables_filters, &tables_icons,  &tables_phases};
    core_str_puts(&s, "\nNAMES\n");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        core_str_printf(&s, "  %ss: ", names[i]->what);
        schema_names(&s, names[i]);
        core_str_puts(&s, "\n");
    }
    core_str_puts(&s, "  effect role: a role id, or ");
    schema_specials(&s, &tables_effect_role);
    core_str_puts(&s, "\n  effect kind: a kind id, or ");
    schema_specials(&s, &tables_effect_kind);
    core_str_puts(&s, "\n  effect room: ");
    schema_specials(&s, &tables_effect_room);
    core_str_puts(&s, " (absent: any room)\n");
    return core_str_take(&s);
}
