#!/usr/bin/env bash
# Side-by-side throughput comparison: our tsctp pair against a pion/sctp (Go) pair
# (bench/pion/pion_tsctp.go: pion's default logger, errors only; 4 MiB UDP buffers; pion's own
# 1 MiB receive window; the sender keeps at most 4 MiB buffered), each talking to its own kind over loopback.
# Runs alternate between the two; the table gives the median receiver goodput of each and the ratio.
#
#   bench/pion.sh [ROUNDS]          (default 3 rounds; RUN_SECONDS=12 LENGTHS="100 1200 8192")
#
# Each sender sends for RUN_SECONDS (tsctp -T), the same time for both programs, long enough that the
# JIT compiler's first seconds weigh little; MESSAGES=N sends that many messages instead. A pion
# sender still running RUN_SECONDS + 60 s later (or PION_TIMEOUT seconds, if set) is stopped and its
# run counted as failed; the table gives the median of the other runs and says how many failed
# (pion 1.8.6's receiver re-sorts its out-of-order queue for every chunk, so a few drops in a window
# of thousands of small chunks can slow it to a crawl). REBUILD=1 rebuilds the examples jar even if it exists.
#
# Needs: a JDK 17 and Maven; for the pion column, Go (GOPATH mode, offline) and Debian's
# golang-github-pion-sctp-dev sources under /usr/share/gocode (PION_GOPATH to use others). Without
# them the pion column reads "-". Builds what it runs. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECONDS_PER_RUN=${RUN_SECONDS:-12}
amount() { if [ -n "${MESSAGES:-}" ]; then echo "-n $MESSAGES"; else echo "-T $SECONDS_PER_RUN"; fi; }
LENGTHS=${LENGTHS:-"100 1200 8192"}
OUT=${OUT:-target/bench}
PION_GOPATH=${PION_GOPATH:-/usr/share/gocode}
mkdir -p "$OUT"
OUT_ABS=$(cd "$OUT" && pwd)

if [ ! -f examples/target/sctp-examples.jar ] || [ "${REBUILD:-0}" = 1 ]; then
    mvn -B -q package -DskipTests >&2
fi
JAR=examples/target/sctp-examples.jar

pion=yes
if ! command -v go >/dev/null 2>&1; then
    echo "pion.sh: no go command: skipping pion/sctp (install golang-go)" >&2
    pion=no
elif [ ! -f "$PION_GOPATH/src/github.com/pion/sctp/association.go" ]; then
    echo "pion.sh: no pion/sctp sources in $PION_GOPATH/src/github.com/pion/sctp: skipping pion/sctp" \
        "(install golang-github-pion-sctp-dev)" >&2
    pion=no
elif ! (cd bench/pion && GO111MODULE=off GOPATH="$PION_GOPATH" GOFLAGS= GOCACHE="$OUT_ABS/gocache" \
        go build -o "$OUT_ABS/pion_tsctp" pion_tsctp.go) >&2; then
    echo "pion.sh: building bench/pion/pion_tsctp.go failed: skipping pion/sctp" >&2
    pion=no
fi

# One receiver run: starts the server, runs the sender, stops the server, prints the goodput
# (Byte/sec) from the server's CSV line (field 6), or "failed" when there is none.
run_pair() { # kind length port_base
    local kind=$1 length=$2 base=$3 server_log="$OUT/server-$1-$2.log" pid rc=0
    if [ "$kind" = ours ]; then
        java -jar "$JAR" tsctp -E "$base" -U $((base + 1)) >"$server_log" 2>&1 &
    else
        "$OUT/pion_tsctp" -E "$base" -U $((base + 1)) >"$server_log" 2>"$OUT/server-pion.err" &
    fi
    pid=$!
    sleep 1 # the server must be listening before the INIT
    if [ "$kind" = ours ]; then
        java -jar "$JAR" tsctp -E $((base + 1)) -U "$base" -l "$length" $(amount) 127.0.0.1 >"$OUT/client.log" 2>&1
    else
        timeout "${PION_TIMEOUT:-$((SECONDS_PER_RUN + 60))}" \
            "$OUT/pion_tsctp" -E $((base + 1)) -U "$base" -l "$length" $(amount) 127.0.0.1 >"$OUT/client-pion.log" 2>&1 \
            || rc=$?
        if [ "$rc" != 0 ]; then
            echo "pion.sh: pion sender, length $length, exited with $rc: $(tail -1 "$OUT/client-pion.log")" >&2
        fi
        if [ -s "$OUT/server-pion.err" ]; then
            echo "pion.sh: pion receiver, length $length: $(head -3 "$OUT/server-pion.err")" >&2
        fi
    fi
    for _ in $(seq 50); do
        grep -q ',' "$server_log" && break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local rate
    rate=$(awk -F', ' '/^[0-9]+, [0-9]+, / { print $6; exit }' "$server_log")
    echo "${rate:-failed}"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| message length | ours (MB/s) | pion/sctp (MB/s) | ours / pion |"
echo "|---|---|---|---|"
port=34000
for length in $LENGTHS; do
    : >"$OUT/ours-$length" ; : >"$OUT/pion-$length"
    for round in $(seq "$ROUNDS"); do
        run_pair ours "$length" $port >>"$OUT/ours-$length"; port=$((port + 2))
        if [ "$pion" = yes ]; then
            run_pair pion "$length" $port >>"$OUT/pion-$length"; port=$((port + 2))
        fi
    done
    ours=$({ grep -v failed "$OUT/ours-$length" || true; } | median)
    theirs=$({ grep -v failed "$OUT/pion-$length" || true; } | median)
    failed=$(grep -c failed "$OUT/pion-$length" || true)
    awk -v l="$length" -v o="$ours" -v t="$theirs" -v f="$failed" -v r="$([ "$pion" = yes ] && echo "$ROUNDS" || echo 0)" 'BEGIN {
        note = f > 0 ? sprintf(" (%d of %d runs failed)", f, r) : ""
        printf "| %d B | %.1f | %s%s | %s |\n", l, o / 1e6,
            (t > 0 ? sprintf("%.1f", t / 1e6) : "-"), note, (t > 0 ? sprintf("%.2f", o / t) : "-") }'
done
echo
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1)$(if [ "$pion" = yes ]; then
    echo ", $(go version | awk '{ print $3 }'), pion/sctp $(dpkg-query -W -f '${Version}' golang-github-pion-sctp-dev 2>/dev/null || echo '?')"
fi), $ROUNDS rounds, each run $(if [ -n "${MESSAGES:-}" ]; then echo "$MESSAGES messages"; else echo "$SECONDS_PER_RUN s of sending"; fi)"
