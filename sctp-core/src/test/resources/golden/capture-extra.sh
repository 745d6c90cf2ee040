#!/bin/sh
# Re-creates the extra captures (extra-*.pcapng) described in NOTE.md.
# Needs root (dumpcap on lo), tshark/dumpcap, and Debian's libusrsctp-examples.
# Only loopback traffic is captured; every program run is bounded by timeout.
# Usage: sh capture-extra.sh OUTDIR     (program debug output goes to OUTDIR/*.log)
set -u
out=${1:-.}
bin=/usr/lib/usrsctp
filter='udp port 11111 or udp port 22222'

# $1 name, $2 capture seconds, $3 server command, $4 client command, $5 lines for stdin
capture() {
    name=$1; dur=$2; server=$3; client=$4; lines=$5
    dumpcap -i lo -f "$filter" -w "$out/$name.pcapng" -a duration:"$dur" -q > "$out/$name.dumpcap.log" 2>&1 &
    dpid=$!
    sleep 1.5
    timeout $((dur - 2)) $server > "$out/$name.server.log" 2>&1 &
    sleep 0.5
    i=1
    ( while [ "$i" -le "$lines" ]; do echo "hello jsctp line $i"; sleep 0.3; i=$((i + 1)); done ) \
        | timeout $((dur - 4)) $client > "$out/$name.client.log" 2>&1
    wait "$dpid"
}

# Echo over IPv4: server UDP port 11111, client UDP port 22222, SCTP port 7.
capture extra-echo-ipv4 10 "$bin/echo_server 11111 22222" "$bin/client 127.0.0.1 7 0 22222 11111" 5
# The same over IPv6 (::1).
capture extra-echo-ipv6 10 "$bin/echo_server 11111 22222" "$bin/client ::1 7 0 22222 11111" 3
# tsctp: 40 unordered messages of 1000 B.
capture extra-tsctp-unordered 10 "$bin/tsctp -E 11111 -U 22222" \
    "$bin/tsctp -E 22222 -U 11111 -u -n 40 -l 1000 127.0.0.1" 0
# tsctp: PR-SCTP timed reliability (policy 1, lifetime 10 ms), 60 messages of 1000 B.
capture extra-tsctp-prsctp 10 "$bin/tsctp -E 11111 -U 22222" \
    "$bin/tsctp -E 22222 -U 11111 -P 1 -t 10 -n 60 -l 1000 127.0.0.1" 0
