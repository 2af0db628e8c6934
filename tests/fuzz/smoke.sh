#!/usr/bin/env bash
# smoke.sh: the bounded fuzz smoke run of CI. Builds the libFuzzer targets in their own build
# folder (clang, ASan + UBSan, coverage), with libyaml's C sources compiled into the loader
# target (Debian's source package, fetched with `apt-get source`; when that is impossible the
# loader links Debian's libyaml and this says so), then runs each target for a bounded time
# over a scratch copy of its committed corpus (tests/fuzz/corpus/<target>/).
#
# usage: tests/fuzz/smoke.sh [build-dir]      (default: build-fuzz)
# env:   FUZZ_SECONDS  time per target (default 20)
#        FUZZ_KEEP=1   keep the scratch corpora (new inputs the run found) in build-dir/work
# Exit: 0 when no target found a crash, leak or broken invariant; 1 otherwise (the crashing
# input is left in build-dir/work/<target>/ and its path printed: add it to the committed
# corpus with the fix).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD=${1:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-20}
TARGETS=(loader move save)

tools/deps --extra clang libclang-rt-14-dev

# ---- libyaml's sources, the same version as the installed library ----
YAML_DIR="$ROOT/$BUILD/libyaml-src"
fetch_libyaml() {
    [ -f "$YAML_DIR/src/api.c" ] && return 0
    local ver
    ver=$(dpkg-query -W -f='${Version}' libyaml-dev 2>/dev/null || true)
    local dl="$ROOT/$BUILD/libyaml-dl"
    rm -rf "$dl" && mkdir -p "$dl"
    # deb-src for the installed Debian suite, when none is configured yet
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        local suite
        suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
        [ -n "$suite" ] && [ "$(id -u)" -eq 0 ] || return 1
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            "$suite" >/etc/apt/sources.list.d/malcon-src.sources
        apt-get update -q >/dev/null 2>&1 || return 1
    fi
    (cd "$dl" && apt-get source --download-only -q "libyaml${ver:+=$ver}" >/dev/null 2>&1) ||
        (cd "$dl" && apt-get source --download-only -q libyaml >/dev/null 2>&1) || return 1
    local orig
    orig=$(ls "$dl"/libyaml_*.orig.tar.* 2>/dev/null | head -1)
    [ -n "$orig" ] || return 1
    rm -rf "$YAML_DIR" && mkdir -p "$YAML_DIR"
    tar -xf "$orig" -C "$YAML_DIR" --strip-components=1
    [ -f "$YAML_DIR/src/api.c" ]
}
mkdir -p "$BUILD"
if fetch_libyaml; then
    echo "fuzz: libyaml sources in $YAML_DIR (compiled into the targets, instrumented)"
else
    echo "fuzz: WARNING: could not fetch libyaml's sources (apt-get source libyaml);"
    echo "fuzz: the loader target links Debian's uninstrumented libyaml instead"
    YAML_DIR=""
fi

# ---- the build ----
CC=clang cmake -S . -B "$BUILD" -DMALCON_FUZZ=ON -DMALCON_UI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMALCON_SANITIZE=ON -DMALCON_LIBYAML_SRC="$YAML_DIR" >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target "${TARGETS[@]/#/fuzz_}" >/dev/null

# ---- the runs ----
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
rc=0
for t in "${TARGETS[@]}"; do
    work="$ROOT/$BUILD/work/$t"
    rm -rf "$work" && mkdir -p "$work/corpus" "$work/crash"
    cp "tests/fuzz/corpus/$t"/* "$work/corpus/"
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    echo "fuzz: $t for ${SECONDS_EACH}s over $(ls "$work/corpus" | wc -l) seeds"
    if "$BUILD/fuzz/fuzz_$t" "$work/corpus" "${dict[@]}" -max_total_time="$SECONDS_EACH" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/crash/" >"$work/log.txt" 2>&1; then
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)|cov:' \
            "$work/log.txt" | tail -4 | sed 's/^/fuzz:   /'
    else
        rc=1
        echo "fuzz: $t FAILED; the input that broke it:"
        ls "$work/crash/"* 2>/dev/null | sed 's/^/fuzz:   /'
        grep -E 'ERROR|invariant|SUMMARY' "$work/log.txt" | head -5 | sed 's/^/fuzz:   /'
    fi
done
[ "${FUZZ_KEEP:-0}" = 1 ] || [ $rc -ne 0 ] || rm -rf "$ROOT/$BUILD/work"
exit $rc
