#!/usr/bin/env bash
# kill_resume.sh: the end-to-end "nothing lost" test. The real malcon in a real X window
# (Xvfb), with a private data folder, plays a standard workshop game driven by seeded random
# keys (actions, targets, passes, notes, undo, the curtain, the meeting; the computer
# facilitator plays its "next"s on its own) and is killed with SIGKILL at random moments. After
# each kill the autosave must hold every move the game printed ("malcon: move ..." is printed
# only once the move is on disk; at most the one move being saved at the kill may be there
# unprinted), it must replay (malcon-replay), and a restart + Continue must bring back exactly
# that game: the same moves (the game saves again on Continue), round and phase.
#
# usage: tests/e2e/kill_resume.sh path/to/malcon path/to/malcon-replay [work-dir]
# env:   MALCON_KILL_SEED (default 1) seeds the keys and the kill moments; MALCON_KILLS
#        (default 6) kills; MALCON_E2E_STEP_TIMEOUT seconds one expected line may take (30).
# Exit: 0 pass, 1 fail, 77 skipped (Xvfb or xdotool missing).
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh" # e2e_need_tools, e2e_start_xvfb, cleanup, wait_for, mark

MALCON=${1:?usage: kill_resume.sh path/to/malcon path/to/malcon-replay [work-dir]}
REPLAY=${2:?usage: kill_resume.sh path/to/malcon path/to/malcon-replay [work-dir]}
WORK=${3:-$(mktemp -d /tmp/malcon-kill-XXXXXX)}
STEP_TIMEOUT=${MALCON_E2E_STEP_TIMEOUT:-30}
SEED=${MALCON_KILL_SEED:-1}
KILLS=${MALCON_KILLS:-6}
W=1280
H=720

e2e_need_tools

rm -rf "$WORK"
mkdir -p "$WORK/pref" "$WORK/home" "$WORK/runs"
# Everything the game could write goes under WORK: its data folder, and HOME / XDG_DATA_HOME
# in case anything asks SDL for the user's folder.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share"
export MALCON_PREF_DIR="$WORK/pref"
SAVE="$WORK/pref/autosave.malcon"
LOG=""
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    if [ -n "$LOG" ]; then
        echo "---- last stdout lines ($LOG) ----"
        tail -n 25 "$LOG"
        echo "---- stderr ----"
        tail -n 15 "${LOG%.log}.err" 2>/dev/null
    fi
    echo "(work folder kept: $WORK)"
    exit 1
}

# ---- a display of our own ----
e2e_start_xvfb 120 160 1920x1080
echo "e2e: Xvfb on $DISPLAY, seed $SEED, $KILLS kills, work folder $WORK"

# ---- helpers ----
RANDOM=$SEED

# start_game RUN ARGS...: starts malcon with its stdout in runs/RUN.log.
start_game() {
    local run=$1
    shift
    LOG="$WORK/runs/$run.log"
    : >"$LOG"
    MARK=0
    SDL_VIDEODRIVER=x11 SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy \
        "$MALCON" --lang en --size "${W}x${H}" "$@" >"$LOG" 2>"${LOG%.log}.err" &
    GAME_PID=$!
}

find_window() {
    WID=$(timeout 20 xdotool search --sync --onlyvisible --name 'Malware Containment' | head -1)
    [ -n "$WID" ] || fail "no window titled 'Malware Containment'"
}

# saved_moves FILE: the move lines of a save (after "moves"; comments and blanks skipped).
saved_moves() {
    awk 'f && !/^[ \t]*;/ && NF {print} /^[ \t]*moves[ \t]*$/ {f=1}' "$1"
}

# printed_ops LOG: the moves and undos the game printed, in order ("undo" for an undo).
printed_ops() {
    sed -n -e 's/^malcon: move \(.*\)$/\1/p' -e 's/^malcon: undo$/undo/p' "$1"
}

# replay_check FILE: malcon-replay reads the save; prints "round phase moves hash".
replay_check() {
    local out
    out=$("$REPLAY" "$1" 2>&1) || fail "malcon-replay refused $1: $(echo "$out" | tail -n 3)"
    local round phase moves hash
    round=$(echo "$out" | sed -n 's/^clock: round \([0-9]*\)\/.*/\1/p')
    phase=$(echo "$out" | sed -n 's/^clock: .*, \([A-Za-z ]*\)$/\1/p' | tr 'A-Z' 'a-z')
    case "$phase" in
    "game over") phase=over ;;
    *) phase=${phase%% *} ;;
    esac
    moves=$(echo "$out" | sed -n 's/^moves: //p')
    hash=$(echo "$out" | sed -n 's/^hash //p')
    echo "$round $phase $moves $hash"
}

# Keys a player might press on the board, with weights: choose an action (1-6), play it or its
# focused target / confirm the curtain / end the meeting (Return), move the focus, end the
# turn (e), pin a note (m, then a mark 1-3), undo (ctrl+z), the notebook (n). Not Escape: with
# nothing chosen it opens the pause menu, whose Title and Quit would end the run.
KEYS=(1 1 2 2 3 3 4 5 6 Return Return Return Return Return Return Tab Tab Right e e m m 1 2 ctrl+z ctrl+z n)

# header FILE: the save's lines up to "moves" (its game: scenario, seed, players), no comments.
header() {
    awk '/^[ \t]*;/ {next} {print} /^[ \t]*moves[ \t]*$/ {exit}' "$1"
}

# first_line PREFIX: the first stdout line after MARK that starts with PREFIX.
first_line() {
    tail -n +$((MARK + 1)) "$LOG" | grep -m1 "^$1" || true
}

# new_game RUN SEED: a fresh standard workshop game straight on the board.
new_game() {
    start_game "$1" --screen board --scenario standard --seed "$2"
    wait_for "malcon: first frame"
    find_window
    wait_for "malcon: screen board"
    [ -s "$SAVE" ] || fail "no autosave once the game was shown"
    header "$SAVE" >"$WORK/header.txt"
    saved_moves "$SAVE" >"$WORK/base.txt"
}

# ---- the runs ----
new_game 0 "$((SEED * 7919 % 1000 + 1))"
TOTAL_PRINTED=0
GAMES=1

for k in $(seq 1 "$KILLS"); do
    # ---- play a while, then kill ----
    nkeys=$((15 + RANDOM % 46))
    last_ctrlz=-1 # stdout lines when the last ctrl+z was sent
    for _ in $(seq 1 "$nkeys"); do
        key=${KEYS[$((RANDOM % ${#KEYS[@]}))]}
        [ "$key" = ctrl+z ] && last_ctrlz=$(wc -l <"$LOG")
        xdotool key --window "$WID" "$key" 2>/dev/null
        sleep "0.0$((RANDOM % 10))"
        grep -q "^malcon: screen end" "$LOG" && break
    done
    sleep "$((RANDOM % 2)).$((RANDOM % 10))"
    kill -KILL "$GAME_PID"
    wait "$GAME_PID" 2>/dev/null
    GAME_PID=""
    [ -e "$SAVE" ] && cp "$SAVE" "$WORK/runs/kill$k.malcon"

    # ---- what the game printed, against what is on disk ----
    cp "$WORK/base.txt" "$WORK/expect.txt"
    nprinted=0
    while IFS= read -r op; do
        nprinted=$((nprinted + 1))
        if [ "$op" = undo ]; then
            sed -i '$d' "$WORK/expect.txt"
        else
            echo "$op" >>"$WORK/expect.txt"
        fi
    done < <(printed_ops "$LOG")
    TOTAL_PRINTED=$((TOTAL_PRINTED + nprinted))
    ne=$(wc -l <"$WORK/expect.txt")
    if [ ! -e "$SAVE" ]; then
        # no autosave: only a finished game removes it (a finished game is not continued)
        cat "$WORK/header.txt" "$WORK/expect.txt" >"$WORK/runs/kill$k.expected.malcon"
        "$REPLAY" "$WORK/runs/kill$k.expected.malcon" | grep -q "^outcome: In progress" &&
            fail "kill $k: the autosave is gone but the game ($ne moves printed) was not over"
        echo "e2e: kill $k after $nkeys keys: the game had ended ($ne moves); a new game"
        new_game "k${k}new" "$((k * 31 + SEED))"
        GAMES=$((GAMES + 1))
        continue
    fi
    saved_moves "$SAVE" >"$WORK/saved.txt"
    ns=$(wc -l <"$WORK/saved.txt")
    if cmp -s "$WORK/expect.txt" "$WORK/saved.txt"; then
        note="every printed move saved"
    elif [ "$ns" -eq $((ne + 1)) ] && cmp -s "$WORK/expect.txt" <(head -n "$ne" "$WORK/saved.txt"); then
        note="plus the move being saved at the kill"
    elif [ "$ns" -eq $((ne - 1)) ] && [ "$last_ctrlz" -ge 0 ] &&
        [ "$(printed_ops "$LOG" | wc -l)" -eq "$(head -n "$last_ctrlz" "$LOG" | printed_ops /dev/stdin | wc -l)" ] &&
        cmp -s "$WORK/saved.txt" <(head -n "$ns" "$WORK/expect.txt"); then
        note="less the undo being saved at the kill"
    else
        diff "$WORK/expect.txt" "$WORK/saved.txt" | head -n 10
        fail "kill $k: the autosave ($ns moves) is not what the game printed ($ne moves)"
    fi
    read -r round phase moves hash < <(replay_check "$SAVE")
    [ "$moves" = "$ns" ] || fail "kill $k: malcon-replay counts $moves moves, the file has $ns"
    echo "e2e: kill $k after $nkeys keys: $ns moves saved, $nprinted printed in this run ($note); round $round, $phase"

    # ---- restart, Continue: exactly that game comes back ----
    start_game "k$k" # no options: the title
    wait_for "malcon: first frame"
    find_window
    wait_for "malcon: screen title"
    mark
    xdotool key --window "$WID" Return # Continue has the focus when there is a game to continue
    wait_for "malcon: screen board"
    wait_for "malcon: phase "
    got=$(first_line "malcon: phase ")
    [ "$got" = "malcon: phase $phase" ] || fail "kill $k: Continue came back in '$got', not phase $phase"
    if [ "$phase" != setup ]; then
        got=$(first_line "malcon: round ")
        [ "$got" = "malcon: round $round" ] || fail "kill $k: Continue came back in '$got', not round $round"
    fi
    # Continue saved the game again: every saved move is still there (the facilitator may
    # already have played on)
    saved_moves "$SAVE" >"$WORK/now.txt"
    cmp -s "$WORK/saved.txt" <(head -n "$ns" "$WORK/now.txt") ||
        fail "kill $k: after Continue the autosave does not start with the $ns saved moves"
    cp "$WORK/saved.txt" "$WORK/base.txt" # this run's printed moves follow these
done

# ---- the last game ends normally ----
kill -KILL "$GAME_PID" 2>/dev/null
wait "$GAME_PID" 2>/dev/null
GAME_PID=""
echo "e2e: PASS ($KILLS kills over $GAMES game(s), $TOTAL_PRINTED moves printed, none lost; runs in $WORK/runs)"
exit 0
