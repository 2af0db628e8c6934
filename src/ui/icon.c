/* icon.c: the built-in icons, each a small drawing on a 100x100 grid made of draw.h primitives. */
#include "icon.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#define ICON_PI 3.14159265f

/* A pen maps the 100x100 design grid onto the icon's square. */
typedef struct icon_pen {
    ui_draw *d;
    float x, y, s; /* origin and pixels per grid unit */
    ui_color c;
} icon_pen;

static int icon_x(const icon_pen *p, float u)
{
    return (int)lroundf(p->x + u * p->s);
}

static int icon_y(const icon_pen *p, float u)
{
    return (int)lroundf(p->y + u * p->s);
}

static int icon_len(const icon_pen *p, float u)
{
    int n = (int)lroundf(u * p->s);
    return n < 1 ? 1 : n;
}

static void icon_rect(const icon_pen *p, float x, float y, float w, float h, float radius,
                      ui_color c)
{
    int x0 = icon_x(p, x), y0 = icon_y(p, y);
    ui_rect r = {x0, y0, icon_x(p, x + w) - x0, icon_y(p, y + h) - y0};
    if (radius > 0)
        draw_round(p->d, r, icon_len(p, radius), c);
    else
        draw_fill(p->d, r, c);
}

static void icon_circle(const icon_pen *p, float cx, float cy, float r, ui_color c)
{
    draw_circle(p->d, icon_x(p, cx), icon_y(p, cy), icon_len(p, r), c);
}

static void icon_line(const icon_pen *p, float x0, float y0, float x1, float y1, float t,
                      ui_color c)
{
    draw_line(p->d, icon_x(p, x0), icon_y(p, y0), icon_x(p, x1), icon_y(p, y1), icon_len(p, t), c);
}

static void icon_tri(const icon_pen *p, float x0, float y0, float x1, float y1, float x2, float y2,
                     ui_color c)
{
    draw_triangle(p->d, icon_x(p, x0), icon_y(p, y0), icon_x(p, x1), icon_y(p, y1), icon_x(p, x2),
                  icon_y(p, y2), c);
}

/* Fills a polygon that is star-shaped around (cx, cy) (xy: n points, x then y). */
static void icon_fan(const icon_pen *p, float cx, float cy, const float *xy, int n, ui_color c)
{
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        icon_tri(p, cx, cy, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1], c);
    }
}

/* An arc of radius r from angle a0 to a1 (degrees, clockwise on screen, 0 = right). */
static void icon_arc(const icon_pen *p, float cx, float cy, float r, float a0, float a1, float t,
                     ui_color c)
{
    int seg = (int)(fabsf(a1 - a0) / 12.0f) + 2;
    float px = cx + r * cosf(a0 * ICON_PI / 180), py = cy + r * sinf(a0 * ICON_PI / 180);
    for (int i = 1; i <= seg; i++) {
        float a = (a0 + (a1 - a0) * (float)i / (float)seg) * ICON_PI / 180;
        float nx = cx + r * cosf(a), ny = cy + r * sinf(a);
        icon_line(p, px, py, nx, ny, t, c);
        px = nx;
        py = ny;
    }
}

static void icon_ring(const icon_pen *p, float cx, float cy, float r, float t, ui_color c)
{
    icon_arc(p, cx, cy, r, 0, 360, t, c);
}

/* A shield outline scaled by k around (50, 50). */
static void icon_shield(const icon_pen *p, float k, ui_color c)
{
    static const float shape[] = {50, 6, 84, 17, 84, 50, 74, 72, 50, 93, 26, 72, 16, 50, 16, 17};
    float xy[16];
    for (int i = 0; i < 16; i++)
        xy[i] = 50 + (shape[i] - 50) * k;
    icon_fan(p, 50, 50, xy, 8, c);
}

/* ---- roles ---- */

static void icon_commander(const icon_pen *p)
{
    /* A five-pointed star: the one who leads. */
    float xy[20];
    for (int i = 0; i < 10; i++) {
        float r = i % 2 ? 19.0f : 46.0f;
        float a = (-90.0f + 36.0f * (float)i) * ICON_PI / 180;
        xy[2 * i] = 50 + r * cosf(a);
        xy[2 * i + 1] = 54 + r * sinf(a);
    }
    icon_fan(p, 50, 54, xy, 10, p->c);
}

static void icon_researcher(const icon_pen *p)
{
    /* A magnifier. */
    icon_ring(p, 41, 41, 25, 10, p->c);
    icon_line(p, 60, 60, 86, 86, 15, p->c);
}

static void icon_forensic(const icon_pen *p)
{
    /* A fingerprint: open concentric loops, each cut a little differently. */
    icon_line(p, 50, 46, 50, 62, 6, p->c);
    icon_arc(p, 50, 50, 10, 190, 350, 6, p->c);
    icon_arc(p, 50, 50, 10, 350, 400, 6, p->c);
    icon_arc(p, 50, 50, 20, 160, 390, 6, p->c);
    icon_arc(p, 50, 50, 30, 150, 380, 6, p->c);
    icon_arc(p, 50, 50, 40, 175, 365, 6, p->c);
    icon_line(p, 40, 52, 38, 80, 6, p->c);
    icon_line(p, 60, 55, 62, 74, 6, p->c);
}

static void icon_notification(const icon_pen *p)
{
    /* A megaphone: the voice to the outside. */
    icon_tri(p, 26, 38, 76, 14, 76, 86, p->c);
    icon_tri(p, 26, 38, 76, 86, 26, 62, p->c);
    icon_rect(p, 12, 36, 18, 28, 5, p->c);
    icon_rect(p, 72, 10, 10, 80, 5, p->c);
    icon_line(p, 34, 62, 40, 84, 10, p->c);
}

static void icon_poc(const icon_pen *p)
{
    /* A headset with a microphone: the point of contact who takes the calls. */
    icon_arc(p, 50, 54, 36, 180, 360, 8, p->c);
    icon_rect(p, 8, 46, 20, 32, 7, p->c);
    icon_rect(p, 72, 46, 20, 32, 7, p->c);
    icon_arc(p, 50, 62, 30, 20, 80, 6, p->c);
    icon_rect(p, 40, 84, 18, 10, 5, p->c);
}

static void icon_handler(const icon_pen *p)
{
    /* A clipboard with a checklist. */
    icon_rect(p, 18, 14, 64, 80, 7, p->c);
    icon_rect(p, 27, 26, 46, 60, 2, ICON_HOLE);
    icon_rect(p, 34, 6, 32, 16, 5, p->c);
    for (int i = 0; i < 3; i++) {
        float y = 40 + 15 * (float)i;
        icon_circle(p, 36, y, 4, p->c);
        icon_line(p, 45, y, 65, y, 5, p->c);
    }
}

static void icon_analyst(const icon_pen *p)
{
    /* A bar chart on axes. */
    icon_line(p, 14, 12, 14, 86, 7, p->c);
    icon_line(p, 14, 86, 90, 86, 7, p->c);
    icon_rect(p, 25, 56, 14, 24, 2, p->c);
    icon_rect(p, 46, 38, 14, 42, 2, p->c);
    icon_rect(p, 67, 18, 14, 62, 2, p->c);
}

static void icon_assessor(const icon_pen *p)
{
    /* A shield with a rim. */
    icon_shield(p, 1.0f, p->c);
    icon_shield(p, 0.78f, ICON_HOLE);
    icon_shield(p, 0.62f, p->c);
}

/* ---- terminal kinds ---- */

static void icon_pc(const icon_pen *p)
{
    /* A desktop monitor on a stand. */
    icon_rect(p, 8, 14, 84, 56, 6, p->c);
    icon_rect(p, 15, 21, 70, 42, 2, ICON_HOLE);
    icon_rect(p, 43, 70, 14, 12, 0, p->c);
    icon_rect(p, 26, 80, 48, 8, 4, p->c);
}

static void icon_laptop(const icon_pen *p)
{
    /* An open laptop: screen and a wide keyboard base. */
    icon_rect(p, 18, 18, 64, 46, 5, p->c);
    icon_rect(p, 24, 24, 52, 34, 2, ICON_HOLE);
    icon_tri(p, 14, 68, 86, 68, 95, 82, p->c);
    icon_tri(p, 14, 68, 95, 82, 5, 82, p->c);
    icon_rect(p, 42, 68, 16, 4, 0, ICON_HOLE);
}

static void icon_server(const icon_pen *p)
{
    /* A rack of three units with slots and lights. */
    for (int i = 0; i < 3; i++) {
        float y = 8 + 29 * (float)i;
        icon_rect(p, 16, y, 68, 25, 5, p->c);
        icon_rect(p, 25, y + 10, 30, 5, 0, ICON_HOLE);
        icon_circle(p, 66, y + 12.5f, 4, ICON_HOLE);
        icon_circle(p, 75, y + 12.5f, 3, ICON_HOLE);
    }
}

static void icon_printer(const icon_pen *p)
{
    /* A printer: paper in at the top, a page out at the bottom. */
    icon_rect(p, 28, 8, 44, 30, 2, p->c);
    icon_rect(p, 8, 34, 84, 38, 7, p->c);
    icon_circle(p, 80, 45, 4, ICON_HOLE);
    icon_rect(p, 22, 58, 56, 36, 0, ICON_HOLE);
    icon_rect(p, 27, 62, 46, 30, 0, p->c);
    icon_rect(p, 33, 70, 34, 4, 0, ICON_HOLE);
    icon_rect(p, 33, 79, 26, 4, 0, ICON_HOLE);
}

static void icon_phone(const icon_pen *p)
{
    /* A smartphone. */
    icon_rect(p, 28, 6, 44, 88, 9, p->c);
    icon_rect(p, 33, 16, 34, 62, 2, ICON_HOLE);
    icon_circle(p, 50, 86, 4, ICON_HOLE);
    icon_rect(p, 43, 10, 14, 3, 0, ICON_HOLE);
}

static void icon_nas(const icon_pen *p)
{
    /* A storage box with drive bays and lights. */
    icon_rect(p, 20, 6, 60, 88, 7, p->c);
    for (int i = 0; i < 3; i++)
        icon_rect(p, 28, 16 + 17 * (float)i, 44, 11, 2, ICON_HOLE);
    for (int i = 0; i < 3; i++)
        icon_circle(p, 38 + 12 * (float)i, 80, 4, ICON_HOLE);
}

static void icon_camera(const icon_pen *p)
{
    /* A camera: body, viewfinder bump, lens. */
    icon_rect(p, 6, 26, 88, 60, 9, p->c);
    icon_rect(p, 32, 14, 36, 18, 4, p->c);
    icon_circle(p, 50, 56, 22, ICON_HOLE);
    icon_circle(p, 50, 56, 14, p->c);
    icon_circle(p, 80, 37, 4, ICON_HOLE);
}

/* ---- markers ---- */

static void icon_infected(const icon_pen *p)
{
    /* A virus: a round body with knobbed spikes and spots. */
    for (int i = 0; i < 8; i++) {
        float a = (22.5f + 45.0f * (float)i) * ICON_PI / 180;
        icon_line(p, 50, 50, 50 + 38 * cosf(a), 50 + 38 * sinf(a), 7, p->c);
        icon_circle(p, 50 + 40 * cosf(a), 50 + 40 * sinf(a), 7, p->c);
    }
    icon_circle(p, 50, 50, 27, p->c);
    icon_circle(p, 42, 43, 6, ICON_HOLE);
    icon_circle(p, 59, 55, 5, ICON_HOLE);
    icon_circle(p, 45, 61, 3.5f, ICON_HOLE);
}

static void icon_clean(const icon_pen *p)
{
    /* A check mark. */
    icon_line(p, 14, 52, 38, 76, 15, p->c);
    icon_line(p, 38, 76, 86, 24, 15, p->c);
}

static void icon_isolated(const icon_pen *p)
{
    /* A plug pulled out of its socket, with the spark of the cut between them. */
    icon_line(p, 4, 50, 26, 50, 9, p->c);
    icon_rect(p, 24, 34, 18, 32, 5, p->c);
    icon_line(p, 42, 42, 50, 42, 5, p->c);
    icon_line(p, 42, 58, 50, 58, 5, p->c);
    icon_rect(p, 64, 34, 18, 32, 5, p->c);
    icon_circle(p, 70, 42, 3, ICON_HOLE);
    icon_circle(p, 70, 58, 3, ICON_HOLE);
    icon_line(p, 80, 50, 96, 50, 9, p->c);
    icon_line(p, 54, 24, 58, 12, 5, p->c);
    icon_line(p, 46, 22, 40, 12, 5, p->c);
    icon_line(p, 54, 76, 58, 88, 5, p->c);
    icon_line(p, 46, 78, 40, 88, 5, p->c);
}

static void icon_evidence(const icon_pen *p)
{
    /* A floppy disk: the evidence, saved. */
    static const float body[] = {10, 10, 76, 10, 90, 24, 90, 90, 10, 90};
    icon_fan(p, 50, 50, body, 5, p->c);
    icon_rect(p, 28, 10, 40, 26, 0, ICON_HOLE);
    icon_rect(p, 54, 15, 8, 16, 0, p->c);
    icon_rect(p, 22, 52, 56, 38, 3, ICON_HOLE);
    icon_rect(p, 29, 61, 42, 5, 0, p->c);
    icon_rect(p, 29, 73, 42, 5, 0, p->c);
}

static void icon_signal(const icon_pen *p)
{
    /* Radio waves from a source: suspicious communication. */
    icon_circle(p, 50, 74, 9, p->c);
    for (int i = 0; i < 3; i++)
        icon_arc(p, 50, 74, 24 + 17 * (float)i, 222, 318, 8, p->c);
}

static void icon_clock(const icon_pen *p)
{
    /* A clock face at ten past two. */
    icon_ring(p, 50, 50, 40, 9, p->c);
    for (int i = 0; i < 12; i += 3) {
        float a = 30.0f * (float)i * ICON_PI / 180;
        icon_circle(p, 50 + 29 * cosf(a), 50 + 29 * sinf(a), 3, p->c);
    }
    icon_line(p, 50, 50, 50, 24, 8, p->c);
    icon_line(p, 50, 50, 69, 59, 8, p->c);
    icon_circle(p, 50, 50, 7, p->c);
}

static void icon_leak(const icon_pen *p)
{
    /* A drop: data dripping out. */
    icon_circle(p, 50, 62, 28, p->c);
    icon_tri(p, 50, 6, 25.8f, 48, 74.2f, 48, p->c);
    icon_arc(p, 50, 62, 18, 110, 165, 5, ICON_HOLE);
}

static void icon_impact(const icon_pen *p)
{
    /* A lightning bolt: the business is hit. */
    icon_tri(p, 66, 4, 18, 60, 56, 52, p->c);
    icon_tri(p, 34, 96, 82, 40, 44, 48, p->c);
    icon_tri(p, 56, 52, 18, 60, 44, 48, p->c);
    icon_tri(p, 44, 48, 82, 40, 56, 52, p->c);
}

static void icon_trust(const icon_pen *p)
{
    /* A heart. */
    icon_circle(p, 32, 36, 22, p->c);
    icon_circle(p, 68, 36, 22, p->c);
    /* The sides are tangent to the lobes (computed for apex (50, 90)). */
    icon_tri(p, 15.44f, 50.49f, 84.56f, 50.49f, 50, 90, p->c);
    icon_rect(p, 30, 30, 40, 22, 0, p->c);
}

static void icon_silent(const icon_pen *p)
{
    /* A speech bubble struck through: no news, no beacons. */
    icon_rect(p, 8, 14, 84, 56, 16, p->c);
    icon_tri(p, 24, 64, 46, 64, 20, 88, p->c);
    icon_line(p, 10, 6, 90, 92, 17, ICON_HOLE);
    icon_line(p, 14, 10, 86, 88, 8, p->c);
}

static void icon_event(const icon_pen *p)
{
    /* A card with an exclamation mark. */
    icon_rect(p, 20, 6, 60, 88, 9, p->c);
    icon_line(p, 50, 22, 50, 58, 12, ICON_HOLE);
    icon_circle(p, 50, 75, 7, ICON_HOLE);
}

typedef void (*icon_fn)(const icon_pen *p);

/* One row per icon: its stable name and its drawing. */
static const struct {
    const char *name;
    icon_fn draw;
} icon_table[UI_ICON_COUNT] = {
    [UI_ICON_COMMANDER] = {"commander", icon_commander},
    [UI_ICON_RESEARCHER] = {"researcher", icon_researcher},
    [UI_ICON_FORENSIC] = {"forensic", icon_forensic},
    [UI_ICON_NOTIFICATION] = {"notification", icon_notification},
    [UI_ICON_POC] = {"poc", icon_poc},
    [UI_ICON_HANDLER] = {"handler", icon_handler},
    [UI_ICON_ANALYST] = {"analyst", icon_analyst},
    [UI_ICON_ASSESSOR] = {"assessor", icon_assessor},
    [UI_ICON_PC] = {"pc", icon_pc},
    [UI_ICON_LAPTOP] = {"laptop", icon_laptop},
    [UI_ICON_SERVER] = {"server", icon_server},
    [UI_ICON_PRINTER] = {"printer", icon_printer},
    [UI_ICON_PHONE] = {"phone", icon_phone},
    [UI_ICON_NAS] = {"nas", icon_nas},
    [UI_ICON_CAMERA] = {"camera", icon_camera},
    [UI_ICON_INFECTED] = {"infected", icon_infected},
    [UI_ICON_CLEAN] = {"clean", icon_clean},
    [UI_ICON_ISOLATED] = {"isolated", icon_isolated},
    [UI_ICON_EVIDENCE] = {"evidence", icon_evidence},
    [UI_ICON_SIGNAL] = {"signal", icon_signal},
    [UI_ICON_CLOCK] = {"clock", icon_clock},
    [UI_ICON_LEAK] = {"leak", icon_leak},
    [UI_ICON_IMPACT] = {"impact", icon_impact},
    [UI_ICON_TRUST] = {"trust", icon_trust},
    [UI_ICON_SILENT] = {"silent", icon_silent},
    [UI_ICON_EVENT] = {"event", icon_event},
};

/* Other names content uses for the same icons (the role ids of cards/roles.yaml). */
static const struct {
    const char *name;
    ui_icon icon;
} icon_alias[] = {
    {"incident_handler", UI_ICON_HANDLER}, {"solution_analyst", UI_ICON_ANALYST},
    {"vuln_assessor", UI_ICON_ASSESSOR},   {"desktop", UI_ICON_PC},
    {"smartphone", UI_ICON_PHONE},
};

void icon_draw(ui_draw *d, ui_icon icon, ui_rect r, ui_color c)
{
    assert(d);
    if (icon <= UI_ICON_NONE || icon >= UI_ICON_COUNT || r.w <= 0 || r.h <= 0)
        return;
    int side = r.w < r.h ? r.w : r.h;
    icon_pen p = {d, (float)(r.x + (r.w - side) / 2), (float)(r.y + (r.h - side) / 2),
                  (float)side / 100.0f, c};
    icon_table[icon].draw(&p);
}

ui_icon icon_from_name(const char *name)
{
    if (!name)
        return UI_ICON_NONE;
    for (int i = UI_ICON_NONE + 1; i < UI_ICON_COUNT; i++)
        if (strcmp(icon_table[i].name, name) == 0)
            return (ui_icon)i;
    for (size_t i = 0; i < sizeof icon_alias / sizeof icon_alias[0]; i++)
        if (strcmp(icon_alias[i].name, name) == 0)
            return icon_alias[i].icon;
    return UI_ICON_NONE;
}

const char *icon_name(ui_icon icon)
{
    if (icon <= UI_ICON_NONE || icon >= UI_ICON_COUNT)
        return NULL;
    return icon_table[icon].name;
}
