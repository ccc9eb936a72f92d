#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for a while, one after the other, and says how each went.
#
#   scripts/fuzz.sh [SECONDS [TARGET...]]    # default: 30 seconds, every target
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`); it installs nothing itself. On a stable
# toolchain it sets RUSTC_BOOTSTRAP=1, since cargo fuzz passes nightly-only flags to rustc.
#
# Settings (environment):
#   FUZZ_SANITIZER     address (default) or none: AddressSanitizer also makes libFuzzer fail
#                      any single allocation above the RSS limit, which catches unbounded
#                      allocations that `none` would let the kernel's overcommit hide
#   FUZZ_RSS_MB        -rss_limit_mb (default 2048): going over it is a crash
#   FUZZ_UNIT_TIMEOUT  -timeout in seconds (default 20): one input taking longer is a crash
#   FUZZ_ARGS          more libFuzzer flags, e.g. "-max_len=65536"
#
# Prints one line per target: executions (libFuzzer's stat::number_of_executed_units), coverage
# (the cov: of its last status line) and whether it crashed, with the crash's input file under
# fuzz/artifacts/TARGET/. Each run's full output is in fuzz/logs/TARGET.log. Inputs that reach
# new code are added to fuzz/corpus/TARGET/ (ignored by git: only the named seeds are committed).
# Exit status: 0 when nothing crashed, 1 when a target crashed, 2 when it could not run at all.
set -uo pipefail

cd "$(dirname "$0")/../fuzz" || exit 2

secs=${1:-30}
shift || true
case $secs in
    '' | *[!0-9]*)
        echo "usage: scripts/fuzz.sh [SECONDS [TARGET...]]" >&2
        exit 2
        ;;
esac
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2
    exit 2
fi
if ! rustc -V | grep -q nightly; then
    export RUSTC_BOOTSTRAP=1
fi
sanitizer=${FUZZ_SANITIZER:-address}
rss=${FUZZ_RSS_MB:-2048}
unit_timeout=${FUZZ_UNIT_TIMEOUT:-20}

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

# Build everything first, so that a build error is reported as one and build time is not taken
# out of the fuzzing time.
echo "building ${#targets[@]} targets (sanitizer: $sanitizer)..." >&2
for t in "${targets[@]}"; do
    if ! cargo fuzz build --sanitizer "$sanitizer" "$t" >&2; then
        echo "cannot build fuzz target $t" >&2
        exit 2
    fi
done

mkdir -p logs
crashed=0
printf '%-16s %12s %8s  %s\n' target executions cov result
for t in "${targets[@]}"; do
    log=logs/$t.log
    mkdir -p "corpus/$t"
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    cargo fuzz run --sanitizer "$sanitizer" "$t" -- \
        -max_total_time="$secs" -rss_limit_mb="$rss" -timeout="$unit_timeout" -print_final_stats=1 \
        ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
    cov=$(grep -o ' cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
    # A slow unit (libFuzzer's -report_slow_units, 10 s) is written as an artifact too, but the
    # run goes on: it is reported, not counted as a crash (-timeout is what makes slowness one).
    artifact=$(grep -o 'Test unit written to .*' "$log" | grep -v '/slow-unit-' | tail -n 1 | sed 's/^Test unit written to //')
    slow=$(grep -c 'Test unit written to .*/slow-unit-' "$log")
    if [ $rc -eq 0 ] && [ -z "$artifact" ]; then
        result=ok
        if [ "$slow" -gt 0 ]; then
            result="ok ($slow slow units, see fuzz/artifacts/$t/)"
        fi
    else
        crashed=1
        kind=$(grep -o -m 1 -E 'panicked at [^:]*:[0-9]+|ERROR: [A-Za-z]+: [a-z-]+' "$log" | head -n 1)
        result="CRASHED (${kind:-exit $rc})${artifact:+: $artifact}; log: fuzz/$log"
    fi
    printf '%-16s %12s %8s  %s\n' "$t" "${execs:--}" "${cov:--}" "$result"
done
exit $crashed
