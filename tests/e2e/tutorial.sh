#!/usr/bin/env bash
# tutorial.sh: the end-to-end test: the real malcon in a real X window (Xvfb), driven like a
# person with xdotool: title -> Tutorial (a click) -> three rounds of the tutorial played with the
# board's keys (report, log analysis, examine, prepare the briefing; preserve evidence, alert the
# staff; contain, declare) -> the end screen -> Title (a click) -> Quit (a click). It waits on the
# game's stdout lines ("malcon: ..."), never on fixed sleeps, takes the game's own screenshots
# (F12) at key points and checks them, and fails with the last lines of the log on a timeout.
#
# usage: tests/e2e/tutorial.sh path/to/malcon [work-dir]
# Exit: 0 pass, 1 fail, 77 skipped (Xvfb or xdotool missing).
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh" # e2e_need_tools, e2e_start_xvfb, cleanup, wait_for, mark

MALCON=${1:?usage: tutorial.sh path/to/malcon [work-dir]}
WORK=${2:-$(mktemp -d /tmp/malcon-e2e-XXXXXX)}
STEP_TIMEOUT=${MALCON_E2E_STEP_TIMEOUT:-30} # seconds one expected line may take
W=1280
H=720

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
    tail -n 25 "$LOG"
    echo "---- stderr ($ERR) ----"
    tail -n 15 "$ERR" 2>/dev/null
    exit 1
}

# ---- a display of our own ----
e2e_start_xvfb 99 140 1920x1080
echo "e2e: Xvfb on $DISPLAY, work folder $WORK"

# ---- the game ----
# SDL's software renderer: Xvfb has no GPU, and Mesa's GL (which SDL would load otherwise) is
# slower here and leaves a leak in an unloaded library that fails sanitizer runs.
SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy \
    MALCON_PREF_DIR="$WORK/pref" MALCON_SCREENSHOT_DIR="$WORK/shots" \
    "$MALCON" --lang en --size "${W}x${H}" >"$LOG" 2>"$ERR" &
GAME_PID=$!

key() {
    xdotool key --window "$WID" "$@"
}

click() {
    xdotool mousemove --window "$WID" "$1" "$2" click 1
}

# A design rectangle's centre (1920x1080 design, scaled to the window like layout_design_rect).
centre() {
    local x=$1 y=$2 w=$3 h=$4
    echo $(((x + w / 2) * W / 1920)) $(((y + h / 2) * H / 1080))
}

# shot NAME: the game's own screenshot (F12) of what it shows now, kept as NAME.png.
SHOTS=0
shot() {
    mark
    key F12
    wait_for "malcon: screenshot "
    SHOTS=$((SHOTS + 1))
    local file
    file=$(printf '%s/malcon-shot-%03d.png' "$WORK/shots" "$SHOTS")
    [ -s "$file" ] || fail "the screenshot $file was not written"
    local size
    size=$(od -An -tx1 -j16 -N8 "$file" | tr -d ' \n')
    [ "$size" = "$(printf '%08x%08x' $W $H)" ] || fail "$file is not ${W}x${H} (IHDR $size)"
    mv "$file" "$WORK/shots/$1.png"
    echo "e2e: screenshot $1.png"
}

# act KEYS... EXPECTED: presses keys (a number chooses the action, Enter plays it or its focused
# target), then waits for the move line the game prints.
act() {
    local expect=${*: -1}
    mark
    for k in "${@:1:$#-1}"; do
        key "$k"
    done
    wait_for "malcon: move $expect"
    echo "e2e: played $expect"
}

# end_turn ROLE NEXT: the acting role passes; waits for the next turn (or the meeting).
end_turn() {
    mark
    key e
    wait_for "malcon: move pass $1"
    wait_for "$2"
}

wait_for "malcon: first frame"
WID=$(timeout 20 xdotool search --sync --onlyvisible --name 'Malware Containment' | head -1)
[ -n "$WID" ] || fail "no window titled 'Malware Containment'"
wait_for "malcon: screen title"
shot title

# Title -> Tutorial, by mouse (the fourth menu button).
mark
click $(centre 150 $((376 + 3 * 80)) 640 70)
wait_for "malcon: screen board"
wait_for "malcon: phase action"
wait_for "malcon: turn commander"
shot round1

# ---- round 1: report; analyse the logs; examine T01; prepare the briefing ----
act 2 Return "act commander report"
end_turn commander "malcon: turn researcher"
act 1 Return "act researcher log_analysis"
end_turn researcher "malcon: turn forensic"
act 1 Return "act forensic examine T01"
shot examined
end_turn forensic "malcon: turn notification"
act 4 Return "act notification prepare_briefing"
end_turn notification "malcon: phase meeting"
shot meeting
mark
key Return # the meeting ends
wait_for "malcon: round 2"
wait_for "malcon: turn commander"

# ---- round 2: preserve T01's evidence; alert the staff ----
end_turn commander "malcon: turn researcher"
end_turn researcher "malcon: turn forensic"
act 2 Return "act forensic preserve T01"
end_turn forensic "malcon: turn notification"
act 2 Return "act notification staff_alert"
end_turn notification "malcon: phase meeting"
mark
key Return
wait_for "malcon: round 3"
wait_for "malcon: turn commander"

# ---- round 3: contain T01, declare containment (it asks for a confirmation) ----
act 1 Return "act commander contain T01"
mark
key 4 Return Return # choose, play, confirm
wait_for "malcon: move act commander declare"
wait_for "malcon: phase over"
wait_for "malcon: screen end"
shot end

# End -> Title -> Quit, by mouse.
mark
click $(centre 1580 976 280 84)
wait_for "malcon: screen title"
mark
click $(centre 150 $((376 + 6 * 80)) 640 70)  # Quit (after Records and Settings)
for _ in $(seq 1 200); do
    kill -0 "$GAME_PID" 2>/dev/null || break
    sleep 0.05
done
kill -0 "$GAME_PID" 2>/dev/null && fail "the game did not quit after Quit was clicked"
wait "$GAME_PID"
rc=$?
GAME_PID=""
[ $rc -eq 0 ] || fail "the game exited with status $rc"
# a won game leaves no autosave behind: there is nothing to continue
[ -e "$WORK/pref/autosave.malcon" ] && fail "the finished game was left in the autosave"
grep -q "malcon: screen end" "$LOG" || fail "the end screen was never shown"
echo "e2e: PASS (tutorial won; screenshots in $WORK/shots)"
exit 0
