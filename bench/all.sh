#!/usr/bin/env bash
# Every comparison of issue 6 in one command: throughput against usrsctp and plain UDP
# (compare.sh), transfer under loss (loss.sh), latency with its two plain-UDP floors
# (latency.sh) and scale (scale.sh), each with ROUNDS alternating rounds, medians and ratios.
# Builds once, then runs the four scripts in turn; prints one Markdown report, headed by the
# machine and the date, and keeps it in $OUT/report.md (each script's own files under $OUT too).
#
#   bench/all.sh [ROUNDS]     (default 3; each script's environment variables pass through)
#
# About 25 minutes with the defaults on a 2-vCPU machine (22 on 2026-12-03). Measure on a quiet
# machine: the scripts compete for the CPUs with anything else that runs.
#
# Needs: a JDK 17, Maven, gcc, libusrsctp-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
OUT=${OUT:-target/bench/all}
mkdir -p "$OUT"

mvn -B -q package -DskipTests >&2

# One script's tables under a heading; its files go to a directory of its own.
section() { # title script
    echo "## $1"
    echo
    OUT="$OUT/$2" REBUILD=0 "bench/$2.sh" "$ROUNDS"
    echo
}

{
    echo "# bench/all.sh $ROUNDS"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"
    echo "Linux $(uname -r), $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown),"
    echo "load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    section "Throughput (bench/compare.sh)" compare
    section "Under loss (bench/loss.sh)" loss
    section "Latency (bench/latency.sh)" latency
    section "Scale (bench/scale.sh)" scale
    echo "finished $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/report.md"
