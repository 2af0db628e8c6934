# lib.sh: what the end-to-end scripts share (sourced, not run): the tools check, a private Xvfb
# display, the clean-up of the game and the server, and waiting on the game's stdout lines.
#
# The sourcing script sets WORK (its work folder), STEP_TIMEOUT (seconds one expected line may
# take) and, before it waits on anything, LOG (the game's stdout file), and defines fail MESSAGE
# (prints what it knows and exits 1). GAME_PID and XVFB_PID are the processes cleanup ends.
# shellcheck shell=bash

XVFB_PID=""
GAME_PID=""
MARK=0 # stdout lines already consumed: waits look only at what came after

# e2e_need_tools: exits 77 (skipped) when Xvfb or xdotool is missing.
e2e_need_tools() {
    local tool
    for tool in Xvfb xdotool; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "SKIP: $tool is not installed (apt-get install xvfb xdotool)"
            exit 77
        fi
    done
}

# cleanup: ends the game (KILL: SDL turns TERM into a quit event only) and our Xvfb. For
# `trap cleanup EXIT`.
cleanup() {
    if [ -n "$GAME_PID" ] && kill -0 "$GAME_PID" 2>/dev/null; then
        kill -KILL "$GAME_PID" 2>/dev/null
    fi
    if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
        kill "$XVFB_PID" 2>/dev/null
        sleep 0.2
        kill -KILL "$XVFB_PID" 2>/dev/null
    fi
}

# e2e_start_xvfb FIRST LAST WxH: an Xvfb of our own on the first free display number from
# FIRST to LAST with a WxH screen; exports DISPLAY. Parallel runs race for numbers: a server
# that dies lost the race (the next number is tried), and one that answers must still be ours a
# moment later (not a parallel run's server answering for a number we lost).
e2e_start_xvfb() {
    local first=$1 last=$2 size=$3 n num=""
    for n in $(seq "$first" "$last"); do
        [ -e "/tmp/.X$n-lock" ] && continue
        [ -e "/tmp/.X11-unix/X$n" ] && continue
        Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
        XVFB_PID=$!
        for _ in $(seq 1 100); do
            if ! kill -0 "$XVFB_PID" 2>/dev/null; then
                break # lost a race for this number: try the next one
            fi
            if DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; then
                sleep 0.2
                kill -0 "$XVFB_PID" 2>/dev/null && num=$n
                break
            fi
            sleep 0.05
        done
        [ -n "$num" ] && break
        kill -KILL "$XVFB_PID" 2>/dev/null
        XVFB_PID=""
    done
    [ -n "$num" ] ||
        fail "no free X display between :$first and :$last (Xvfb log: $(tail -n 3 "$WORK/xvfb.log"))"
    export DISPLAY=":$num"
}

# wait_for TEXT: waits until a stdout line after MARK contains TEXT (fixed string).
wait_for() {
    local text=$1 deadline=$((SECONDS + STEP_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if tail -n +$((MARK + 1)) "$LOG" | grep -qF -- "$text"; then
            return 0
        fi
        kill -0 "$GAME_PID" 2>/dev/null || fail "the game exited while waiting for '$text'"
        sleep 0.05
    done
    fail "timed out after ${STEP_TIMEOUT}s waiting for '$text'"
}

# mark: later waits only see lines printed from now on.
mark() {
    MARK=$(wc -l <"$LOG")
}
