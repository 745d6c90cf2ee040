/*
 * fair_tsctp: a throughput sender/receiver on libusrsctp for side-by-side comparisons with our
 * stack (issue 6). It differs from Debian's tsctp in the two ways that make that one slow on
 * loopback: no debug tracing, and UDP socket buffers we choose (usrsctp's own UDP encapsulation
 * socket has fixed 128 KiB buffers, which loopback bursts overflow).
 *
 * To own the UDP socket, usrsctp runs in AF_CONN mode: it hands every outgoing SCTP packet to
 * conn_output(), which sends it as the payload of a UDP datagram, and a receive thread feeds every
 * datagram's payload to usrsctp_conninput(). On the wire this is exactly RFC 6951 encapsulation:
 * the UDP payload is the SCTP packet, common header first. Both ends must be this program.
 *
 * Output lines match usrsctp's tsctp (and ours), so the bench script parses all three alike:
 *   sender:   "Sending of N messages of length L took S seconds."
 *             "Throughput was X Byte/sec."
 *   receiver: "len, msgs, recvcalls, bytes, seconds, rate, notifications" values, one CSV line
 *             per association.
 *
 * Usage: fair_tsctp [-l LEN] [-n MSGS] [-T SECONDS] [-u] [-E LOCAL_UDP] [-U REMOTE_UDP]
 *                   [-p SCTP_PORT] [-B SOCKET_BUFFER] [-D] [ADDRESS]
 * Without ADDRESS it receives; with one it sends to ADDRESS:REMOTE_UDP.
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

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct socket *open_sctp(uint16_t sctp_port, int no_delay, int buffer_bytes) {
    struct socket *s = usrsctp_socket(AF_CONN, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (s == NULL) {
        perror("usrsctp_socket");
        exit(1);
    }
    usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &no_delay, sizeof(no_delay));
    usrsctp_setsockopt(s, SOL_SOCKET, SO_SNDBUF, &buffer_bytes, sizeof(buffer_bytes));
    usrsctp_setsockopt(s, SOL_SOCKET, SO_RCVBUF, &buffer_bytes, sizeof(buffer_bytes));
    struct sockaddr_conn local = conn_address(sctp_port);
    if (usrsctp_bind(s, (struct sockaddr *) &local, sizeof(local)) < 0) {
        perror("usrsctp_bind");
        exit(1);
    }
    return s;
}

static int receive(uint16_t sctp_port, int buffer_bytes) {
    struct socket *listener = open_sctp(sctp_port, 1, buffer_bytes);
    if (usrsctp_listen(listener, 1) < 0) {
        perror("usrsctp_listen");
        return 1;
    }
    static char buf[1 << 20];
    for (;;) {
        struct socket *a = usrsctp_accept(listener, NULL, NULL);
        if (a == NULL) {
            perror("usrsctp_accept");
            return 1;
        }
        long messages = 0, calls = 0, bytes = 0, last_length = 0, current = 0;
        double first = 0;
        for (;;) {
            struct sctp_rcvinfo info;
            socklen_t info_len = sizeof(info);
            unsigned int info_type = 0;
            int flags = 0;
            ssize_t n = usrsctp_recvv(a, buf, sizeof(buf), NULL, NULL, &info, &info_len, &info_type, &flags);
            if (n <= 0) {
                break; /* the peer shut down (0) or the association failed */
            }
            if (calls++ == 0) {
                first = now_seconds();
            }
            bytes += n;
            current += n;
            if (flags & MSG_EOR) {
                messages++;
                last_length = current;
                current = 0;
            }
        }
        double seconds = calls ? now_seconds() - first : 0;
        printf("%ld, %ld, %ld, %ld, %f, %f, %d\n", last_length, messages, calls, bytes, seconds,
               seconds > 0 ? bytes / seconds : 0.0, 1);
        fflush(stdout);
        usrsctp_close(a);
    }
}

static int send_messages(const char *address, uint16_t sctp_port, long length, long count, int seconds_limit,
                         int unordered, int no_delay, int buffer_bytes) {
    struct socket *s = open_sctp((uint16_t) (49152 + getpid() % 16384), no_delay, buffer_bytes);
    struct sockaddr_conn remote = conn_address(sctp_port);
    if (usrsctp_connect(s, (struct sockaddr *) &remote, sizeof(remote)) < 0) {
        perror("usrsctp_connect");
        return 1;
    }
    (void) address;
    char *payload = calloc(1, (size_t) length);
    struct sctp_sndinfo info;
    memset(&info, 0, sizeof(info));
    info.snd_flags = unordered ? SCTP_UNORDERED : 0;
    double start = now_seconds();
    double deadline = seconds_limit > 0 ? start + seconds_limit : 0;
    long sent = 0;
    while ((count == 0 || sent < count) && (deadline == 0 || now_seconds() < deadline)) {
        if (usrsctp_sendv(s, payload, (size_t) length, NULL, 0, &info, sizeof(info), SCTP_SENDV_SNDINFO, 0) < 0) {
            perror("usrsctp_sendv");
            return 1;
        }
        sent++;
    }
    /*
     * The time counts until everything is acknowledged: a graceful shutdown (SHUT_WR sends
     * SHUTDOWN once all data is acked), then a read that returns 0 once the association is closed.
     */
    usrsctp_shutdown(s, SHUT_WR);
    char sink[256];
    for (;;) {
        struct sctp_rcvinfo info_in;
        socklen_t info_len = sizeof(info_in);
        unsigned int info_type = 0;
        int flags = 0;
        if (usrsctp_recvv(s, sink, sizeof(sink), NULL, NULL, &info_in, &info_len, &info_type, &flags) <= 0) {
            break;
        }
    }
    double seconds = now_seconds() - start;
    usrsctp_close(s);
    printf("Sending of %ld messages of length %ld took %f seconds.\n", sent, length, seconds);
    printf("Throughput was %f Byte/sec.\n", sent * (double) length / seconds);
    fflush(stdout);
    free(payload);
    return 0;
}

int main(int argc, char **argv) {
    long length = 1024, count = 1024;
    int seconds = 0, unordered = 0, no_delay = 0;
    int local_udp = 9899, remote_udp = 9899, sctp_port = 5001;
    int buffer_bytes = 4 * 1024 * 1024;
    int opt;
    while ((opt = getopt(argc, argv, "l:n:T:uE:U:p:B:D")) != -1) {
        switch (opt) {
        case 'l': length = atol(optarg); break;
        case 'n': count = atol(optarg); break;
        case 'T': seconds = atoi(optarg); count = 0; break;
        case 'u': unordered = 1; break;
        case 'E': local_udp = atoi(optarg); break;
        case 'U': remote_udp = atoi(optarg); break;
        case 'p': sctp_port = atoi(optarg); break;
        case 'B': buffer_bytes = atoi(optarg); break;
        case 'D': no_delay = 1; break;
        default:
            fprintf(stderr, "usage: %s [-l LEN] [-n MSGS] [-T SECONDS] [-u] [-E LOCAL_UDP] [-U REMOTE_UDP]"
                    " [-p SCTP_PORT] [-B SOCKET_BUFFER] [-D] [ADDRESS]\n", argv[0]);
            return 2;
        }
    }
    if (length < 1 || length > 1 << 20) {
        fprintf(stderr, "length must be in 1..1048576\n");
        return 2;
    }
    open_udp((uint16_t) local_udp, buffer_bytes);
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
    int rc = address == NULL ? receive((uint16_t) sctp_port, buffer_bytes)
                             : send_messages(address, (uint16_t) sctp_port, length, count, seconds, unordered,
                                             no_delay, buffer_bytes);
    _exit(rc); /* skip usrsctp_finish: the receive thread still holds the socket */
}
