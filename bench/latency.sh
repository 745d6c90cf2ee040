#!/usr/bin/env bash
# Side-by-side latency comparison (issue 6): request/response round trips of small messages at a
# low rate, our `latency` client against our `echo-server`, and the fair usrsctp pair
# (bench/usrsctp/fair_latency.c: client and echo server, no debug output, AF_CONN over its own UDP
# socket), each talking to its own kind over loopback. Runs alternate between the pairs; the table
# gives the medians over the rounds of each run's median (p50) and 99th percentile, and the ratios.
# Each round also measures two floors with plain UDP datagrams of the same length and the same
# client (bench/udp/udp_latency.c): a C echo server (the kernel and the wake-ups alone) and a
# Netty epoll echo server (bench/udp/NettyUdpEcho.java: what the JVM and Netty add on one side).
#
#   bench/latency.sh [ROUNDS]     (default 3; LENGTH=100 COUNT=2000 WARMUP=40000 WARMUP_RATE=2000
#                                RATE=100 REBUILD=1)
#
# The warm-up is long (40,000 round trips at 2,000/s) because the JVM's C2 compiler is still busy
# well after 10,000 at this rate, and its compilations compete with the event loops for the CPUs
# (docs/PERFORMANCE.md, "Latency"). Both pairs get the same warm-up.
#
# Needs: a JDK 17, Maven, gcc and libusrsctp-dev. Builds what it runs. Prints Markdown table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
LENGTH=${LENGTH:-100}
COUNT=${COUNT:-2000}
WARMUP=${WARMUP:-40000}
WARMUP_RATE=${WARMUP_RATE:-2000}
RATE=${RATE:-100}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"

if [ ! -f examples/target/sctp-examples.jar ] || [ "${REBUILD:-1}" = 1 ]; then
    mvn -B -q package -DskipTests >&2
fi
gcc -O2 -Wall -o "$OUT/fair_latency" bench/usrsctp/fair_latency.c -lusrsctp -lpthread
gcc -O2 -Wall -o "$OUT/udp_latency" bench/udp/udp_latency.c
# -am and a compile phase in the same run: sctp-core resolves to its target/classes, not to ~/.m2.
mvn -B -q -pl sctp-udp-transport -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$(cd "$OUT" && pwd)/netty.classpath" >&2
JAR=examples/target/sctp-examples.jar
ARGS=(-l "$LENGTH" -n "$COUNT" -w "$WARMUP" -W "$WARMUP_RATE" -r "$RATE")

# Waits up to 10 s until the server's log ($1) shows the line that says it is up ($2).
await_up() { # server_log pattern
    for _ in $(seq 100); do
        grep -qs "$2" "$1" && break # -s: the server may not have opened its log yet
        sleep 0.1
    done
}

# Runs the client command that follows, stops the server, and prints the client's result line
# ("latency: samples=... p50_us=... p99_us=...") or, on stderr, why there was none.
measure_and_stop() { # server_pid label client_command...
    local pid=$1 label=$2
    shift 2
    "$@" >"$OUT/latency-client.log" 2>&1 || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    grep '^latency: ' "$OUT/latency-client.log" || { echo "$label failed:" >&2; cat "$OUT/latency-client.log" >&2; }
}

# One run: starts the echo server, waits until it is up, runs the client, stops the server.
run_pair() { # kind port_base
    local kind=$1 base=$2 server_log="$OUT/latency-server-$1.log"
    if [ "$kind" = ours ]; then
        java -jar "$JAR" echo-server "$base" >"$server_log" 2>&1 &
    else
        "$OUT/fair_latency" -E "$base" -U $((base + 1)) >"$server_log" 2>&1 &
    fi
    local pid=$!
    await_up "$server_log" 'SCTP port' # usrsctp aborts an INIT that comes before it listens
    if [ "$kind" = ours ]; then
        measure_and_stop "$pid" "$kind run" java -jar "$JAR" latency -E $((base + 1)) -U "$base" "${ARGS[@]}" 127.0.0.1
    else
        measure_and_stop "$pid" "$kind run" "$OUT/fair_latency" -E $((base + 1)) -U "$base" "${ARGS[@]}" 127.0.0.1
    fi
}

# One floor run: a plain UDP echo server (c or netty), the C client against it at the same rate.
run_floor() { # kind port
    local kind=$1 port=$2 server_log="$OUT/latency-floor-$1.log"
    if [ "$kind" = c ]; then
        "$OUT/udp_latency" -E "$port" >"$server_log" 2>&1 &
    else
        java -cp "$(cat "$OUT/netty.classpath")" bench/udp/NettyUdpEcho.java "$port" >"$server_log" 2>&1 &
    fi
    local pid=$!
    await_up "$server_log" 'ready'
    measure_and_stop "$pid" "$kind floor run" "$OUT/udp_latency" -U "$port" "${ARGS[@]}" 127.0.0.1
}

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$OUT/latency-ours" ; : >"$OUT/latency-usrsctp" ; : >"$OUT/latency-floor-c" ; : >"$OUT/latency-floor-netty"
port=34000
for round in $(seq "$ROUNDS"); do
    run_pair ours $port >>"$OUT/latency-ours"; port=$((port + 2))
    run_pair usrsctp $port >>"$OUT/latency-usrsctp"; port=$((port + 2))
    run_floor c $port >>"$OUT/latency-floor-c"; port=$((port + 1))
    run_floor netty $port >>"$OUT/latency-floor-netty"; port=$((port + 1))
done
row() { # label field
    local o t
    o=$(field "$2" <"$OUT/latency-ours" | median)
    t=$(field "$2" <"$OUT/latency-usrsctp" | median)
    awk -v l="$1" -v o="$o" -v t="$t" 'BEGIN { printf "| %s | %.1f µs | %.1f µs | %.2f |\n", l, o, t, (t > 0 ? o / t : 0) }'
}
echo "| comparison | ours | usrsctp | ratio |"
echo "|---|---|---|---|"
row "round trip, median (p50), $LENGTH B at $RATE/s" p50_us
row "round trip, p99, $LENGTH B at $RATE/s" p99_us
echo
floor() { # label file
    awk -v l="$1" -v p="$(field p50_us <"$2" | median)" -v q="$(field p99_us <"$2" | median)" \
        'BEGIN { printf "| %s | %.1f µs | %.1f µs |\n", l, p, q }'
}
echo "| floor: plain UDP, $LENGTH B at $RATE/s, C client | p50 | p99 |"
echo "|---|---|---|"
floor "C echo server (kernel and wake-ups)" "$OUT/latency-floor-c"
floor "Netty epoll echo server (plus the JVM and Netty on one side)" "$OUT/latency-floor-netty"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1), $ROUNDS rounds of $COUNT round trips" \
    "after $WARMUP warm-up round trips at $WARMUP_RATE/s; each run's line:"
sed 's/^/    ours:    /' "$OUT/latency-ours"
sed 's/^/    usrsctp: /' "$OUT/latency-usrsctp"
sed 's/^/    udp, C echo:     /' "$OUT/latency-floor-c"
sed 's/^/    udp, Netty echo: /' "$OUT/latency-floor-netty"
