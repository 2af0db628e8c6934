#!/usr/bin/env bash
# console.sh: the facilitator console end to end: the real malcon with --facilitator under Xvfb,
# two windows found by title with xdotool (the public board and the facilitator's console), and a
# person facilitating by clicks in the console window: place the infection on T02 (with a quick
# reason), start, raise Sales' count before it is shown (with a reason), inject an event (with a
# reason), draw the round's event. The public window follows each step (its stdout lines: phases,
# the players' first turn). Then the console is handed over: the computer facilitator runs the
# next round's hidden side on its own after the players pass; F9 on the board opens the console
# again. The game's stdout confirms every override ("malcon: move fac ..."), the autosave keeps
# them with their reasons, and the game's own screenshots (F12) of both windows are checked.
#
# usage: tests/e2e/console.sh path/to/malcon [work-dir]
# Exit: 0 pass, 1 fail, 77 skipped (Xvfb or xdotool missing).
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh" # e2e_need_tools, e2e_start_xvfb, cleanup, wait_for, mark

MALCON=${1:?usage: console.sh path/to/malcon [work-dir]}
WORK=${2:-$(mktemp -d /tmp/malcon-e2e-console-XXXXXX)}
STEP_TIMEOUT=${MALCON_E2E_STEP_TIMEOUT:-30} # seconds one expected line may take
W=1280 # the board's window
H=720
SCREEN_W=2800 # room for both windows side by side (there is no window manager)
SCREEN_H=1000

e2e_need_tools

rm -rf "$WORK"
mkdir -p "$WORK/pref" "$WORK/shots"
LOG="$WORK/stdout.log"
ERR="$WORK/stderr.log"
: >"$LOG"
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    echo "---- last stdout lines ($LOG) ----"
    tail -n 30 "$LOG"
    echo "---- stderr ($ERR) ----"
    tail -n 15 "$ERR" 2>/dev/null
    exit 1
}

# ---- a display of our own ----
e2e_start_xvfb 99 140 "${SCREEN_W}x${SCREEN_H}"
echo "e2e: Xvfb on $DISPLAY, work folder $WORK"

# ---- the game: a standard workshop, seed 3 (T07 is infected at random), a person facilitating ----
SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy \
    MALCON_PREF_DIR="$WORK/pref" MALCON_SCREENSHOT_DIR="$WORK/shots" \
    "$MALCON" --facilitator --screen board --scenario standard --seed 3 --lang en \
    --size "${W}x${H}" >"$LOG" 2>"$ERR" &
GAME_PID=$!

# The console window's size (it may be smaller than asked on a small desktop).
console_size() {
    local geo
    geo=$(xdotool getwindowgeometry "$CID" | sed -n 's/.*Geometry: \([0-9]*\)x\([0-9]*\).*/\1 \2/p')
    CW=${geo% *}
    CH=${geo#* }
}

# cclick X Y: a click in the console at a design point of its 1920x1080 layout, scaled to the
# window like layout_design_rect (uniform scale, canvas centred).
cclick() {
    local s ox oy
    s=$((CW * 1000 / 1920))
    [ $((CH * 1000 / 1080)) -lt $s ] && s=$((CH * 1000 / 1080))
    ox=$(((CW - 1920 * s / 1000) / 2))
    oy=$(((CH - 1080 * s / 1000) / 2))
    xdotool mousemove --window "$CID" $((ox + $1 * s / 1000)) $((oy + $2 * s / 1000)) click 1
    sleep 0.15 # one frame: the next click sees the console this one changed
}

# bkey KEY: a key on the board's window. It takes the keyboard focus first: SDL gives a key to
# the window that has the focus (with no window manager, nobody moves it for us).
bkey() {
    xdotool windowfocus --sync "$WID" 2>/dev/null || xdotool windowfocus "$WID"
    xdotool mousemove --window "$WID" $((W / 2)) $((H / 2))
    xdotool key --window "$WID" "$1"
}

# shot NAME [console]: the game's own screenshot (F12) of the board or of the console.
SHOTS=0
shot() {
    mark
    if [ "${2:-}" = console ]; then
        xdotool windowfocus --sync "$CID" 2>/dev/null || xdotool windowfocus "$CID"
        xdotool mousemove --window "$CID" 40 40
        xdotool key --window "$CID" F12
    else
        bkey F12
    fi
    wait_for "malcon: screenshot "
    SHOTS=$((SHOTS + 1))
    local file
    file=$(printf '%s/malcon-shot-%03d.png' "$WORK/shots" "$SHOTS")
    [ -s "$file" ] || fail "the screenshot $file was not written"
    mv "$file" "$WORK/shots/$1.png"
    echo "e2e: screenshot $1.png"
}

# The design points clicked (tests/app/test_console.c checks that each lands on its control).
T02="300 265"
MAIL="1252 327"
PLACE="1339 390"
PRIMARY="1518 452" # Start the game / Show the counts / Draw the event / End the meeting
HANDOVER="1518 1012"
QUICK_TEACHING="528 590"
CONFIRM="1400 882"
EVENT_2="1190 708"
INJECT="1709 921"
SALES_PLUS="526 203"

wait_for "malcon: first frame"
wait_for "malcon: console open"
wait_for "malcon: facilitator person"
WID=$(timeout 20 xdotool search --sync --onlyvisible --name '^Malware Containment /' | head -1)
[ -n "$WID" ] || fail "no board window titled 'Malware Containment / ...'"
CID=$(timeout 20 xdotool search --sync --onlyvisible --name '^Facilitator console' | head -1)
[ -n "$CID" ] || fail "no console window titled 'Facilitator console ...'"
[ "$WID" != "$CID" ] || fail "the board and the console are the same window"
echo "e2e: board window $WID, console window $CID"
# side by side (no window manager: the game placed the console where the desktop had room)
xdotool windowmove "$WID" 0 0
xdotool windowmove "$CID" $((W + 10)) 0
sleep 0.3
console_size
echo "e2e: console ${CW}x${CH}"
wait_for "malcon: phase setup"
shot board_waiting

# ---- setup: T02 gets the infection by hand (mail), with a quick reason; then start ----
mark
cclick $T02
cclick $MAIL
cclick $PLACE
cclick $QUICK_TEACHING
shot reason_form console
mark
cclick $CONFIRM
wait_for "malcon: move fac infect T02 mail # For teaching"
echo "e2e: the facilitator placed the infection on T02"
mark
cclick $PRIMARY
wait_for "malcon: move start"
wait_for "malcon: phase malware"
shot console_malware console

# ---- malware phase: Sales shows two more before anyone sees a count ----
mark
cclick $SALES_PLUS
cclick $SALES_PLUS
cclick $PRIMARY
cclick $QUICK_TEACHING
cclick $CONFIRM
wait_for "malcon: move fac flow sales"
wait_for "malcon: move next"
wait_for "malcon: phase event"
echo "e2e: the counts are shown, Sales' set by the facilitator"

# ---- event phase: inject the second event of the list, then draw the round's own ----
mark
cclick $EVENT_2
cclick $INJECT
cclick $QUICK_TEACHING
cclick $CONFIRM
wait_for "malcon: move fac inject "
INJECTED=$(tail -n +$((MARK + 1)) "$LOG" | grep -F "malcon: move fac inject " | head -1)
echo "e2e: injected: ${INJECTED#malcon: move }"
mark
cclick $PRIMARY
wait_for "malcon: move next"
wait_for "malcon: phase action"
wait_for "malcon: turn commander"
shot board_action
echo "e2e: the public board reached the players' turn"

# ---- the console is handed over: the computer runs the hidden side of round 2 ----
mark
cclick $HANDOVER
wait_for "malcon: facilitator computer"
wait_for "malcon: console closed"
for role in commander researcher forensic notification; do
    mark
    bkey e
    wait_for "malcon: move pass $role"
done
wait_for "malcon: phase meeting"
mark
bkey Return # the meeting ends
wait_for "malcon: round 2"
wait_for "malcon: phase malware"
wait_for "malcon: phase event" # nobody clicked: the computer facilitator went on
wait_for "malcon: phase action"
wait_for "malcon: turn commander"
shot board_computer
echo "e2e: the computer facilitator ran round 2's hidden side"

# ---- F9 on the board: the console again, the person in charge ----
mark
bkey F9
wait_for "malcon: facilitator person"
wait_for "malcon: console open"

# ---- the end: the game quits cleanly; the record keeps every override with its reason ----
kill -TERM "$GAME_PID"
for _ in $(seq 1 200); do
    kill -0 "$GAME_PID" 2>/dev/null || break
    sleep 0.05
done
kill -0 "$GAME_PID" 2>/dev/null && fail "the game did not quit on SIGTERM"
wait "$GAME_PID"
rc=$?
GAME_PID=""
[ $rc -eq 0 ] || fail "the game exited with status $rc"
SAVE="$WORK/pref/autosave.malcon"
[ -s "$SAVE" ] || fail "no autosave at $SAVE"
grep -q "^fac infect T02 mail # For teaching$" "$SAVE" || fail "the autosave lacks the placement"
grep -q "^fac flow sales [0-9]* # For teaching$" "$SAVE" || fail "the autosave lacks the count"
grep -q "^fac inject [a-z0-9_]* # For teaching$" "$SAVE" || fail "the autosave lacks the injection"
for f in board_waiting reason_form console_malware board_action board_computer; do
    [ -s "$WORK/shots/$f.png" ] || fail "missing screenshot $f.png"
done
echo "e2e: PASS (facilitator console: placement, count, injection by clicks; takeover; F9; screenshots in $WORK/shots)"
exit 0
