/*
 * udp_latency: request/response round trips of plain UDP datagrams on loopback, the floor under
 * bench/latency.sh's comparison (issue 6): what the kernel, the loopback and two wake-ups cost
 * per round trip at the same rate, with no SCTP and no runtime in the way.
 *
 * Without ADDRESS it is an echo server on UDP port -E (epoll_wait, then recvfrom and sendto, as
 * an event loop does); with one it is the client, which measures like fair_latency.c and our
 * `latency` subcommand: one request outstanding, request i sent at its slot of the rate (-r per
 * second) or at once if the reply to i-1 came after it, the first -w round trips (at -W per
 * second) not counted, each reply checked against its request, CLOCK_MONOTONIC from just before
 * sendto() to the return of recv(), percentiles by nearest rank, and the same result line:
 *   latency: samples=N length=L min_us=X p50_us=X p90_us=X p99_us=X p99.9_us=X max_us=X
 *
 * The echo server of another kind (bench/udp/NettyUdpEcho.java: the same echo on a Netty epoll
 * event loop) is measured with this client too.
 *
 * Usage: udp_latency [-l LEN] [-n COUNT] [-w WARMUP] [-W WARMUP_RATE] [-r RATE] [-E LOCAL_UDP]
 *                    [-U REMOTE_UDP] [ADDRESS]
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../latency_samples.h"

static int serve(int fd) {
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN};
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        perror("udp_latency: epoll");
        return 1;
    }
    printf("udp_latency echo server: ready\n");
    fflush(stdout);
    char buf[65536];
    for (;;) {
        struct epoll_event ready;
        if (epoll_wait(ep, &ready, 1, -1) < 1) {
            continue;
        }
        struct sockaddr_in from;
        socklen_t from_len = sizeof from;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *) &from, &from_len);
        if (n >= 0) {
            sendto(fd, buf, (size_t) n, 0, (struct sockaddr *) &from, from_len);
        }
    }
}

static int measure(int fd, long length, long count, long warmup, long warmup_rate, long rate) {
    char *request = calloc(1, (size_t) length), *reply = malloc((size_t) length + 1);
    int64_t *samples = malloc(sizeof(int64_t) * (size_t) count);
    int64_t interval = 1000000000 / (warmup > 0 ? warmup_rate : rate), slot = now_nanos();
    for (long i = 0; i < warmup + count; i++) {
        if (i == warmup) {
            interval = 1000000000 / rate;
            slot = now_nanos();
        }
        uint32_t number = htonl((uint32_t) i);
        memcpy(request, &number, length < 4 ? (size_t) length : 4);
        sleep_until(slot);
        int64_t sent = now_nanos();
        if (send(fd, request, (size_t) length, 0) != length) {
            perror("udp_latency: send");
            return 1;
        }
        ssize_t n = recv(fd, reply, (size_t) length + 1, 0);
        int64_t round_trip = now_nanos() - sent;
        if (n < 0) {
            perror("udp_latency: recv (is the echo server up?)");
            return 1;
        }
        if (n != length || memcmp(reply, request, (size_t) length) != 0) {
            fprintf(stderr, "udp_latency: the reply to message %ld is not its request\n", i);
            return 1;
        }
        if (i >= warmup) {
            samples[i - warmup] = round_trip;
        }
        slot += interval;
        if (slot < now_nanos()) {
            slot = now_nanos(); /* this round trip overran its slot: never a burst */
        }
    }
    print_latency_line(samples, count, length);
    return 0;
}

int main(int argc, char **argv) {
    long length = 100, count = 2000, warmup = 10000, warmup_rate = 2000, rate = 100;
    int local_port = 0, remote_port = 9899, opt;
    while ((opt = getopt(argc, argv, "l:n:w:W:r:E:U:")) != -1) {
        switch (opt) {
        case 'l': length = atol(optarg); break;
        case 'n': count = atol(optarg); break;
        case 'w': warmup = atol(optarg); break;
        case 'W': warmup_rate = atol(optarg); break;
        case 'r': rate = atol(optarg); break;
        case 'E': local_port = atoi(optarg); break;
        case 'U': remote_port = atoi(optarg); break;
        default:
            fprintf(stderr, "usage: %s [-l LEN] [-n COUNT] [-w WARMUP] [-W WARMUP_RATE] [-r RATE] [-E LOCAL_UDP]"
                            " [-U REMOTE_UDP] [ADDRESS]\n", argv[0]);
            return 2;
        }
    }
    if (length < 1 || length > 65507 || count < 1 || warmup < 0 || rate < 1 || rate > 1000000
            || warmup_rate < 1 || warmup_rate > 1000000) {
        fprintf(stderr, "need 1 <= LEN <= 65507, COUNT >= 1, WARMUP >= 0, 1 <= RATE, WARMUP_RATE <= 1000000\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_port = htons((uint16_t) local_port)};
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *) &local, sizeof local) < 0) {
        perror("udp_latency: bind");
        return 1;
    }
    if (optind >= argc) {
        return serve(fd);
    }
    struct sockaddr_in remote = {.sin_family = AF_INET, .sin_port = htons((uint16_t) remote_port)};
    if (inet_pton(AF_INET, argv[optind], &remote.sin_addr) != 1
            || connect(fd, (struct sockaddr *) &remote, sizeof remote) < 0) {
        fprintf(stderr, "udp_latency: cannot use address %s\n", argv[optind]);
        return 1;
    }
    return measure(fd, length, count, warmup, warmup_rate, rate);
}
