/*
 * fair_latency: request/response round-trip times on libusrsctp, the usrsctp side of
 * bench/latency.sh (issue 6). Both ends are this program: without ADDRESS it is an echo server,
 * with one it is the client that measures. Like fair_tsctp.c it runs usrsctp without debug output
 * in AF_CONN mode over a UDP socket of its own (RFC 6951 encapsulation on the wire: the UDP payload
 * is the SCTP packet).
 *
 * The measurement matches our `latency` subcommand (examples/.../LatencyCommand.java):
 *   - one request outstanding at a time, request i sent at its slot of the rate (-r per second),
 *     or at once when the reply to i-1 came after that slot;
 *   - a round trip runs from just before usrsctp_sendv() on the main thread to the reply's arrival
 *     in the receive callback (usrsctp calls it on the thread that feeds it the datagram), both
 *     CLOCK_MONOTONIC; waking the main thread afterwards is not counted;
 *   - the first -w round trips are not counted; each reply is checked against its request;
 *   - percentiles by nearest rank; the result line is the same:
 *     latency: samples=N length=L min_us=X p50_us=X p90_us=X p99_us=X p99.9_us=X max_us=X
 *
 * The -w warm-up round trips (for the JVM's JIT on our side; the same here) go at the rate of -W.
 *
 * The echo server answers inside usrsctp's receive callback, on the thread that received the
 * datagram: the same single-thread path our echo-server takes on its event loop.
 *
 * Both ends turn Nagle's algorithm off (SCTP_NODELAY), as ours do; -N keeps it on. With it on, a
 * request or reply waits for the acknowledgement of the one before, and when the other side does
 * not bundle that SACK with its own message it comes with the delayed-SACK timer (200 ms).
 *
 * Usage: fair_latency [-l LEN] [-n COUNT] [-w WARMUP] [-r RATE] [-E LOCAL_UDP] [-U REMOTE_UDP]
 *                     [-W WARMUP_RATE] [-p SCTP_PORT] [-N] [ADDRESS]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <usrsctp.h>

#include "udp_conn.h"
#include "../latency_samples.h"


typedef int (*receive_fn)(struct socket *, union sctp_sockstore, void *, size_t, struct sctp_rcvinfo, int, void *);

static struct socket *open_sctp(int type, uint16_t sctp_port, int no_delay, receive_fn on_receive) {
    struct socket *s = usrsctp_socket(AF_CONN, type, IPPROTO_SCTP, on_receive, NULL, 0, NULL);
    if (s == NULL) {
        perror("usrsctp_socket");
        exit(1);
    }
    const int on = 1;
    usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &no_delay, sizeof(no_delay));
    usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on));
    struct sockaddr_conn local = conn_address(sctp_port);
    if (usrsctp_bind(s, (struct sockaddr *) &local, sizeof(local)) < 0) {
        perror("usrsctp_bind");
        exit(1);
    }
    return s;
}

/* ------------------------------------------------------------------ echo server */

/* One-to-many socket: every message goes back on its association and stream with its PPID. */
static int echo(struct socket *s, union sctp_sockstore addr, void *data, size_t length, struct sctp_rcvinfo rcv,
                int flags, void *ulp_info) {
    (void) addr; (void) ulp_info;
    if (data == NULL) {
        return 1; /* the association went away */
    }
    if (!(flags & MSG_NOTIFICATION)) {
        struct sctp_sndinfo snd;
        memset(&snd, 0, sizeof(snd));
        snd.snd_sid = rcv.rcv_sid;
        snd.snd_ppid = rcv.rcv_ppid;
        snd.snd_assoc_id = rcv.rcv_assoc_id;
        snd.snd_flags = (rcv.rcv_flags & SCTP_UNORDERED) ? SCTP_UNORDERED : 0;
        if (usrsctp_sendv(s, data, length, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
            perror("usrsctp_sendv");
        }
    }
    free(data);
    return 1;
}

static int serve(uint16_t sctp_port, int no_delay) {
    struct socket *s = open_sctp(SOCK_SEQPACKET, sctp_port, no_delay, echo);
    if (usrsctp_listen(s, 1) < 0) {
        perror("usrsctp_listen");
        return 1;
    }
    printf("fair_latency echo server: SCTP port %u\n", sctp_port);
    fflush(stdout);
    for (;;) {
        pause(); /* everything happens in the receive callback */
    }
}

/* ------------------------------------------------------------------ client */

static pthread_mutex_t reply_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t reply_ready = PTHREAD_COND_INITIALIZER;
static volatile int64_t request_sent_nanos;
static int64_t reply_round_trip;
static char *reply_data;
static size_t reply_length;
static int replies;
static int association_gone;

static int on_reply(struct socket *s, union sctp_sockstore addr, void *data, size_t length, struct sctp_rcvinfo rcv,
                    int flags, void *ulp_info) {
    (void) s; (void) addr; (void) rcv; (void) ulp_info;
    int64_t arrived = now_nanos();
    pthread_mutex_lock(&reply_lock);
    if (data == NULL) {
        association_gone = 1;
    } else if (!(flags & MSG_NOTIFICATION) && (flags & MSG_EOR)) {
        free(reply_data);
        reply_data = data;
        reply_length = length;
        reply_round_trip = arrived - request_sent_nanos;
        replies++;
        data = NULL;
    }
    pthread_cond_signal(&reply_ready);
    pthread_mutex_unlock(&reply_lock);
    free(data);
    return 1;
}

static int measure(uint16_t sctp_port, long length, long count, long warmup, long warmup_rate, long rate,
                   int no_delay) {
    struct socket *s = open_sctp(SOCK_STREAM, (uint16_t) (49152 + getpid() % 16384), no_delay, on_reply);
    struct sockaddr_conn remote = conn_address(sctp_port);
    if (usrsctp_connect(s, (struct sockaddr *) &remote, sizeof(remote)) < 0) {
        perror("usrsctp_connect");
        return 1;
    }
    int64_t *samples = calloc((size_t) count, sizeof(int64_t));
    char *request = calloc(1, (size_t) length);
    struct sctp_sndinfo snd;
    memset(&snd, 0, sizeof(snd));
    int64_t interval = 1000000000LL / (warmup > 0 ? warmup_rate : rate);
    int64_t slot = now_nanos();
    for (long i = 0; i < warmup + count; i++) {
        if (i == warmup) {
            interval = 1000000000LL / rate; /* the measured round trips start now */
            slot = now_nanos();
        }
        sleep_until(slot);
        uint32_t number = htonl((uint32_t) i);
        memcpy(request, &number, length < 4 ? (size_t) length : 4);
        pthread_mutex_lock(&reply_lock);
        int before = replies;
        pthread_mutex_unlock(&reply_lock);
        request_sent_nanos = now_nanos();
        if (usrsctp_sendv(s, request, (size_t) length, NULL, 0, &snd, sizeof(snd), SCTP_SENDV_SNDINFO, 0) < 0) {
            perror("usrsctp_sendv");
            return 1;
        }
        struct timespec limit;
        clock_gettime(CLOCK_REALTIME, &limit);
        limit.tv_sec += 10;
        pthread_mutex_lock(&reply_lock);
        while (replies == before && !association_gone) {
            if (pthread_cond_timedwait(&reply_ready, &reply_lock, &limit) == ETIMEDOUT) {
                break;
            }
        }
        int ok = replies > before && reply_length == (size_t) length && memcmp(reply_data, request, length) == 0;
        int64_t round_trip = reply_round_trip;
        pthread_mutex_unlock(&reply_lock);
        if (!ok) {
            fprintf(stderr, "fair_latency: no matching reply to message %ld\n", i);
            return 1;
        }
        if (i >= warmup) {
            samples[i - warmup] = round_trip;
        }
        int64_t now = now_nanos();
        slot = slot + interval > now ? slot + interval : now;
    }
    usrsctp_shutdown(s, SHUT_RDWR);
    print_latency_line(samples, count, length);
    return 0;
}

int main(int argc, char **argv) {
    long length = 100, count = 2000, warmup = 10000, warmup_rate = 2000, rate = 100;
    int local_udp = 9899, remote_udp = 9899, sctp_port = 7, no_delay = 1;
    int opt;
    while ((opt = getopt(argc, argv, "l:n:w:W:r:E:U:p:N")) != -1) {
        switch (opt) {
        case 'l': length = atol(optarg); break;
        case 'n': count = atol(optarg); break;
        case 'w': warmup = atol(optarg); break;
        case 'W': warmup_rate = atol(optarg); break;
        case 'r': rate = atol(optarg); break;
        case 'E': local_udp = atoi(optarg); break;
        case 'U': remote_udp = atoi(optarg); break;
        case 'p': sctp_port = atoi(optarg); break;
        case 'N': no_delay = 0; break;
        default:
            fprintf(stderr, "usage: %s [-l LEN] [-n COUNT] [-w WARMUP] [-W WARMUP_RATE] [-r RATE] [-E LOCAL_UDP]"
                    " [-U REMOTE_UDP] [-p SCTP_PORT] [-N] [ADDRESS]\n", argv[0]);
            return 2;
        }
    }
    if (length < 1 || length > 65536 || count < 1 || warmup < 0 || rate < 1 || rate > 1000000
        || warmup_rate < 1 || warmup_rate > 1000000) {
        fprintf(stderr, "need 1 <= LEN <= 65536, COUNT >= 1, WARMUP >= 0, 1 <= RATE, WARMUP_RATE <= 1000000\n");
        return 2;
    }
    open_udp((uint16_t) local_udp, 4 * 1024 * 1024);
    const char *address = optind < argc ? argv[optind] : NULL;
    if (address != NULL) {
        memset(&peer, 0, sizeof(peer));
        peer.sin_family = AF_INET;
        peer.sin_port = htons((uint16_t) remote_udp);
        if (inet_pton(AF_INET, address, &peer.sin_addr) != 1) {
            fprintf(stderr, "not an IPv4 address: %s\n", address);
            return 2;
        }
        peer_known = 1;
    }
    usrsctp_init(0, conn_output, NULL); /* AF_CONN only, no debug output */
    usrsctp_sysctl_set_sctp_ecn_enable(0);
    usrsctp_register_address(&conn_token);
    pthread_t receiver;
    pthread_create(&receiver, NULL, udp_receiver, NULL);
    int rc = address == NULL ? serve((uint16_t) sctp_port, no_delay)
                             : measure((uint16_t) sctp_port, length, count, warmup, warmup_rate, rate, no_delay);
    _exit(rc);
}
