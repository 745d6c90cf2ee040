#!/usr/bin/env bash
# Scale measurements (issue 6): retained heap per idle association with 10,000 established,
# association setup rate, and aggregate throughput of many associations into one endpoint served
# by 1 and by 2 event loops on one UDP port (SO_REUSEPORT, epoll). In-JVM over loopback UDP
# (ScaleBench in sctp-udp-transport's test sources): for the setup rate the clients are one
# lightweight handshake generator (HandshakeLoad: one socket, one thread, a SCTP port per client),
# so the figure is the server's; for memory and throughput they are endpoints of ours. CPU figures
# are thread CPU time, which depends little on what else the machine runs; rates are wall clock.
#
#   bench/scale.sh [ROUNDS]     (default 3; ASSOCIATIONS=10000 CLIENTS=16 DURATION=5 LENGTH=1200)
#
# DURATION is the seconds each throughput run measures. (It was SECONDS, which bash keeps as its own
# clock, starting at 0 in a new shell: every throughput run measured over about 0 s.)
#
# Prints Markdown table rows: | comparison | value | target |
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
ASSOCIATIONS=${ASSOCIATIONS:-10000}
CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-5}
LENGTH=${LENGTH:-1200}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"

# -am and a compile phase in the same run: sctp-core resolves to its target/classes, not to ~/.m2
# (which has no jar of it on a fresh machine). The last module written, the transport, wins the file.
if ! mvn -B -q -o -pl sctp-udp-transport -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$PWD/$OUT/scale.classpath" >/dev/null 2>&1; then
    # Offline without the dependency plugin's own dependencies: take surefire's test class path
    # from Maven's debug output instead (no test runs).
    mvn -B -o -X -pl sctp-udp-transport -am test -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false 2>&1 |
        sed -n 's/^\[DEBUG\] *(f) testPath = \[\(.*\)\]$/\1/p' | tail -1 | sed 's/, /:/g' >"$OUT/scale.classpath"
fi
CP="sctp-udp-transport/target/test-classes:sctp-udp-transport/target/classes:sctp-core/target/classes:$(cat "$OUT/scale.classpath")"
bench() { java -Xmx4g -Dio.netty.leakDetection.level=DISABLED -cp "$CP" org.jsctp.transport.ScaleBench "$@" 2>>"$OUT/scale.err"; }
result() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$OUT/heap" ; : >"$OUT/rate" ; : >"$OUT/cpu" ; : >"$OUT/alloc" ; : >"$OUT/t1" ; : >"$OUT/t2"
: >"$OUT/c1" ; : >"$OUT/c2"
for round in $(seq "$ROUNDS"); do
    bench memory "$ASSOCIATIONS" | tee "$OUT/memory-$round.log" | result heap_per_idle_association >>"$OUT/heap"
    bench setup "$ASSOCIATIONS" 500 3 >"$OUT/setup-$round.log"
    result setup_rate <"$OUT/setup-$round.log" >>"$OUT/rate"
    result setup_server_cpu <"$OUT/setup-$round.log" >>"$OUT/cpu"
    result setup_server_allocation <"$OUT/setup-$round.log" >>"$OUT/alloc"
    for loops in 1 2; do
        bench throughput "$loops" "$CLIENTS" "$DURATION" "$LENGTH" >"$OUT/throughput-$loops-$round.log"
        result "throughput_${loops}_loops" <"$OUT/throughput-$loops-$round.log" >>"$OUT/t$loops"
        result "throughput_${loops}_loops_server_cpu" <"$OUT/throughput-$loops-$round.log" >>"$OUT/c$loops"
    done
done
heap=$(median <"$OUT/heap"); rate=$(median <"$OUT/rate"); cpu=$(median <"$OUT/cpu"); alloc=$(median <"$OUT/alloc")
t1=$(median <"$OUT/t1"); t2=$(median <"$OUT/t2"); c1=$(median <"$OUT/c1"); c2=$(median <"$OUT/c2")
echo "| comparison | value | target |"
echo "|---|---|---|"
awk -v h="$heap" -v n="$ASSOCIATIONS" 'BEGIN { printf "| retained heap per idle association (%d established) | %.1f KiB | <= 16 KiB |\n", n, h / 1024 }'
awk -v r="$rate" -v n="$ASSOCIATIONS" 'BEGIN { printf "| association setup rate (%d, 500 handshakes in flight) | %.0f /s | >= 5000 /s |\n", n, r }'
awk -v c="$cpu" 'BEGIN { printf "| server event-loop CPU per association set up | %.1f us (%.0f /s per core) | |\n", c, (c > 0 ? 1e6 / c : 0) }'
awk -v a="$alloc" 'BEGIN { printf "| server allocation per association set up | %.1f KiB | |\n", a / 1024 }'
awk -v a="$t1" -v b="$t2" -v x="$c1" -v y="$c2" -v k="$CLIENTS" -v l="$LENGTH" 'BEGIN {
    printf "| aggregate goodput, %d associations of %d B messages, 1 event loop | %.1f MB/s | |\n", k, l, a
    printf "| same, 2 event loops (SO_REUSEPORT) | %.1f MB/s | |\n", b
    printf "| 2 loops / 1 loop | %.2f | > 1 (grows with the loops) |\n", (a > 0 ? b / a : 0)
    printf "| server event-loop CPU per MB received, 1 loop / 2 loops | %.1f / %.1f ms | |\n", x / 1000, y / 1000 }'
echo
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds (medians)"
