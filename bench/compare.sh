#!/usr/bin/env bash
# Side-by-side throughput comparison (issue 6): our tsctp pair against a fair usrsctp pair
# (bench/usrsctp/fair_tsctp.c: no debug output, 4 MiB UDP buffers), each talking to its own kind
# over loopback, plus the plain-UDP limit (bench/udp/UdpBlaster.java). Runs alternate between the
# programs; the table gives the median receiver goodput of each and the ratios.
#
#   bench/compare.sh [ROUNDS]          (default 3 rounds; RUN_SECONDS=12 LENGTHS="100 1200 8192")
#
# Each sender sends for RUN_SECONDS (tsctp -T), the same time for both programs, long enough that the
# JIT compiler's first seconds weigh little; MESSAGES=N sends that many messages instead.
#
# Needs: a JDK 17, Maven, gcc and libusrsctp-dev. Builds what it runs. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECONDS_PER_RUN=${RUN_SECONDS:-12}
amount() { if [ -n "${MESSAGES:-}" ]; then echo "-n $MESSAGES"; else echo "-T $SECONDS_PER_RUN"; fi; }
LENGTHS=${LENGTHS:-"100 1200 8192"}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"

if [ ! -f examples/target/sctp-examples.jar ] || [ "${REBUILD:-1}" = 1 ]; then
    mvn -B -q package -DskipTests >&2
fi
gcc -O2 -Wall -o "$OUT/fair_tsctp" bench/usrsctp/fair_tsctp.c -lusrsctp -lpthread
JAR=examples/target/sctp-examples.jar

# One receiver run: starts the server, runs the sender, stops the server, prints the goodput
# (Byte/sec) from the server's CSV line (field 6).
run_pair() { # kind length port_base
    local kind=$1 length=$2 base=$3 server_log="$OUT/server-$1-$2.log" pid
    if [ "$kind" = ours ]; then
        java -jar "$JAR" tsctp -E "$base" -U $((base + 1)) >"$server_log" 2>&1 &
    else
        "$OUT/fair_tsctp" -E "$base" -U $((base + 1)) >"$server_log" 2>&1 &
    fi
    pid=$!
    sleep 1 # the server must be listening before the INIT: usrsctp aborts early INITs
    if [ "$kind" = ours ]; then
        java -jar "$JAR" tsctp -E $((base + 1)) -U "$base" -l "$length" $(amount) 127.0.0.1 >"$OUT/client.log" 2>&1
    else
        "$OUT/fair_tsctp" -E $((base + 1)) -U "$base" -l "$length" $(amount) 127.0.0.1 >"$OUT/client.log" 2>&1
    fi
    for _ in $(seq 50); do
        grep -q ',' "$server_log" && break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    awk -F', ' '/,/ { print $6; exit }' "$server_log"
}

run_udp() { # length port
    java bench/udp/UdpBlaster.java receive "$2" 5 >"$OUT/udp.log" 2>&1 &
    local pid=$!
    sleep 1.5
    java bench/udp/UdpBlaster.java send 127.0.0.1 "$2" "$1" 3 >/dev/null
    wait "$pid"
    awk '{ print $5 }' "$OUT/udp.log"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| message length | ours (MB/s) | usrsctp fair (MB/s) | ours / usrsctp | plain UDP (MB/s) | ours / UDP |"
echo "|---|---|---|---|---|---|"
port=32000
for length in $LENGTHS; do
    : >"$OUT/ours-$length" ; : >"$OUT/usrsctp-$length" ; : >"$OUT/udp-$length"
    for round in $(seq "$ROUNDS"); do
        run_pair ours "$length" $port >>"$OUT/ours-$length"; port=$((port + 2))
        run_pair usrsctp "$length" $port >>"$OUT/usrsctp-$length"; port=$((port + 2))
        if [ "$length" = 1200 ]; then
            run_udp "$length" $port >>"$OUT/udp-$length"; port=$((port + 1))
        fi
    done
    ours=$(median <"$OUT/ours-$length")
    theirs=$(median <"$OUT/usrsctp-$length")
    udp=$(median <"$OUT/udp-$length")
    awk -v l="$length" -v o="$ours" -v t="$theirs" -v u="$udp" 'BEGIN {
        printf "| %d B | %.1f | %.1f | %.2f | %s | %s |\n", l, o / 1e6, t / 1e6, (t > 0 ? o / t : 0),
            (u > 0 ? sprintf("%.1f", u / 1e6) : "-"), (u > 0 ? sprintf("%.2f", o / u) : "-") }'
done
echo
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1), $ROUNDS rounds, each run $(if [ -n "${MESSAGES:-}" ]; then echo "$MESSAGES messages"; else echo "$SECONDS_PER_RUN s of sending"; fi)"
