#!/usr/bin/env bash
# Transfer under loss (issue 6): 5,000 messages of 1200 bytes through the impairment relay
# (sctp-udp-transport test sources, org.jsctp.transport.impair) with 10% loss each way and 5 ms
# delay each way (10 ms RTT), our tsctp pair against the fair usrsctp pair
# (bench/usrsctp/fair_tsctp.c), alternating, ROUNDS rounds. Prints Markdown table rows
#   | comparison | ours | usrsctp | ratio |
# with the median elapsed seconds (sender: first message to the last one acknowledged) and
# goodput, then the per-run figures and our retransmission statistics.
#
#   bench/loss.sh [ROUNDS]      (default 3)
#
# Ours runs twice per round: with the defaults (RFC 9260: RTO.Min 1 s, a lost fast retransmission
# waits for T3-rtx), and tuned with TUNED (default "--rto-min 50 --detect-lost-retransmissions").
# Environment: MESSAGES (5000), LENGTH (1200), LOSS (0.1), DELAY (5ms), TUNED, REBUILD (1: build
# first), OUT (target/bench/loss).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
MESSAGES=${MESSAGES:-5000}
LENGTH=${LENGTH:-1200}
LOSS=${LOSS:-0.1}
DELAY=${DELAY:-5ms}
TUNED=${TUNED:-"--rto-min 50 --detect-lost-retransmissions"}
OUT=${OUT:-target/bench/loss}
mkdir -p "$OUT"

if [ ! -f examples/target/sctp-examples.jar ] || [ "${REBUILD:-1}" = 1 ]; then
    mvn -B -q package -DskipTests >&2
fi
if [ ! -f "$OUT/relay.cp" ] || [ "${REBUILD:-1}" = 1 ]; then
    # -am and a compile phase in the same run: sctp-core resolves to its target/classes, not to
    # ~/.m2 (which has no jar of it on a fresh machine).
    mvn -B -q -o -pl sctp-udp-transport -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$PWD/$OUT/relay.cp" >&2
fi
gcc -O2 -Wall -o "$OUT/fair_tsctp" bench/usrsctp/fair_tsctp.c -lusrsctp -lpthread
JAR=examples/target/sctp-examples.jar
RELAY_CP="sctp-udp-transport/target/test-classes:sctp-udp-transport/target/classes:sctp-core/target/classes:$(cat "$OUT/relay.cp")"
SPEC="loss=$LOSS,delay=$DELAY"

# One transfer: relay, server, client; prints the client's elapsed seconds.
# Args: kind (ours|usrsctp) options port_base seed; ports port_base..port_base+3 are used.
run() {
    local kind=$1 options=$2 base=$3 seed=$4 tag="$1-$3" relay_pid server_pid
    local server_udp=$base client_udp=$((base + 1)) relay_a=$((base + 2)) relay_b=$((base + 3))
    java -cp "$RELAY_CP" org.jsctp.transport.impair.ImpairmentRelayMain --listen "$relay_a" --b-port "$relay_b" \
        --forward "127.0.0.1:$server_udp" --both "$SPEC" --seed "$seed" >"$OUT/relay-$tag.log" 2>&1 &
    relay_pid=$!
    if [ "$kind" = ours ]; then
        java -jar "$JAR" tsctp -E "$server_udp" -U "$relay_b" >"$OUT/server-$tag.log" 2>&1 &
    else
        "$OUT/fair_tsctp" -E "$server_udp" -U "$relay_b" >"$OUT/server-$tag.log" 2>&1 &
    fi
    server_pid=$!
    for _ in $(seq 100); do
        grep -q "relay listening" "$OUT/relay-$tag.log" 2>/dev/null && break
        sleep 0.1
    done
    sleep 1 # the server must be listening before the INIT: usrsctp aborts early INITs
    if [ "$kind" = ours ]; then
        # shellcheck disable=SC2086 # the options are separate words
        java -jar "$JAR" tsctp -E "$client_udp" -U "$relay_a" -l "$LENGTH" -n "$MESSAGES" --stats $options \
            127.0.0.1 >"$OUT/client-$tag.log" 2>&1
        echo "$options" >"$OUT/options-$tag"
    else
        "$OUT/fair_tsctp" -E "$client_udp" -U "$relay_a" -l "$LENGTH" -n "$MESSAGES" 127.0.0.1 \
            >"$OUT/client-$tag.log" 2>&1
    fi
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    kill "$relay_pid" 2>/dev/null || true
    wait "$relay_pid" 2>/dev/null || true
    awk '/^Sending of/ { print $(NF - 1) }' "$OUT/client-$tag.log"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$OUT/ours-default"; : >"$OUT/ours-tuned"; : >"$OUT/usrsctp"
rm -f "$OUT"/client-*.log "$OUT"/options-*
port=23000 # below the ephemeral port range, where test JVMs bind
for round in $(seq "$ROUNDS"); do
    run ours "" $port "$round" >>"$OUT/ours-default"; port=$((port + 4))
    run usrsctp "" $port "$round" >>"$OUT/usrsctp"; port=$((port + 4))
    run ours "$TUNED" $port "$round" >>"$OUT/ours-tuned"; port=$((port + 4))
done
theirs=$(median <"$OUT/usrsctp")
bytes=$((MESSAGES * LENGTH))
row() { # label ours_seconds
    awk -v l="$1" -v o="$2" -v t="$theirs" -v b="$bytes" 'BEGIN {
        printf "| %s: elapsed s (goodput KB/s) | %.1f (%.0f) | %.1f (%.0f) | %.2fx sooner |\n", l, o, (o > 0 ? b / o / 1e3 : 0),
            t, (t > 0 ? b / t / 1e3 : 0), (o > 0 ? t / o : 0) }'
}
echo "| comparison | ours | usrsctp | ratio |"
echo "|---|---|---|---|"
row "$MESSAGES x $LENGTH B, $SPEC each way, both with defaults" "$(median <"$OUT/ours-default")"
row "same, ours with $TUNED" "$(median <"$OUT/ours-tuned")"
echo
echo "runs (s): ours default: $(tr '\n' ' ' <"$OUT/ours-default"); ours tuned: $(tr '\n' ' ' <"$OUT/ours-tuned"); usrsctp: $(tr '\n' ' ' <"$OUT/usrsctp")"
for f in "$OUT"/client-ours-*.log; do
    tag=$(basename "$f" .log); tag=${tag#client-}
    echo "ours [$(cat "$OUT/options-$tag" 2>/dev/null)]: $(grep '^Statistics' "$f" || echo 'no statistics')"
done
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1), $ROUNDS rounds"
