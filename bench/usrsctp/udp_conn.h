/*
 * udp_conn.h: the AF_CONN plumbing the fair usrsctp programs share (fair_tsctp.c, fair_latency.c).
 * usrsctp hands every outgoing SCTP packet to conn_output(), which sends it as the payload of a
 * UDP datagram on a socket of ours; udp_receiver() feeds every datagram's payload to
 * usrsctp_conninput(). On the wire this is RFC 6951 encapsulation: the UDP payload is the SCTP
 * packet. The peer is learned from the first datagram received (a receiver) or set by the caller
 * (a sender). Each program is one translation unit, so the definitions live here as statics.
 */
#ifndef UDP_CONN_H
#define UDP_CONN_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <usrsctp.h>

#define MAX_DATAGRAM 65536

static int udp_fd = -1;
static struct sockaddr_in peer;          /* where conn_output sends to */
static volatile int peer_known = 0;      /* the receiver learns the peer from its first datagram */
static pthread_mutex_t peer_lock = PTHREAD_MUTEX_INITIALIZER;
static int conn_token;                   /* the AF_CONN "address": any unique pointer will do */

/* usrsctp calls this for every SCTP packet it wants sent. */
static int conn_output(void *addr, void *buffer, size_t length, uint8_t tos, uint8_t set_df) {
    (void) addr; (void) tos; (void) set_df;
    if (!peer_known) {
        return 0; /* nothing to send to yet; SCTP retransmits */
    }
    pthread_mutex_lock(&peer_lock);
    struct sockaddr_in to = peer;
    pthread_mutex_unlock(&peer_lock);
    if (sendto(udp_fd, buffer, length, 0, (struct sockaddr *) &to, sizeof(to)) < 0 && errno != EAGAIN) {
        perror("sendto");
    }
    return 0;
}

/* Feeds every received datagram to usrsctp, learning the peer's address on the way. */
static void *udp_receiver(void *arg) {
    (void) arg;
    static char buf[MAX_DATAGRAM];
    for (;;) {
        struct sockaddr_in from;
        socklen_t len = sizeof(from);
        ssize_t n = recvfrom(udp_fd, buf, sizeof(buf), 0, (struct sockaddr *) &from, &len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return NULL; /* socket closed at exit */
        }
        if (!peer_known) {
            pthread_mutex_lock(&peer_lock);
            peer = from;
            peer_known = 1;
            pthread_mutex_unlock(&peer_lock);
        }
        usrsctp_conninput(&conn_token, buf, (size_t) n, 0);
    }
}

static void open_udp(uint16_t local_port, int buffer_bytes) {
    udp_fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (udp_fd < 0) {
        perror("socket");
        exit(1);
    }
    /* The point of this program: buffers large enough for loopback bursts. */
    setsockopt(udp_fd, SOL_SOCKET, SO_RCVBUF, &buffer_bytes, sizeof(buffer_bytes));
    setsockopt(udp_fd, SOL_SOCKET, SO_SNDBUF, &buffer_bytes, sizeof(buffer_bytes));
    struct sockaddr_in local;
    memset(&local, 0, sizeof(local));
    local.sin_family = AF_INET;
    local.sin_port = htons(local_port);
    local.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(udp_fd, (struct sockaddr *) &local, sizeof(local)) < 0) {
        perror("bind UDP port");
        exit(1);
    }
}

static struct sockaddr_conn conn_address(uint16_t sctp_port) {
    struct sockaddr_conn a;
    memset(&a, 0, sizeof(a));
    a.sconn_family = AF_CONN;
    a.sconn_port = htons(sctp_port);
    a.sconn_addr = &conn_token;
    return a;
}

#endif
