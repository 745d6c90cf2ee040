/*
 * usrsctp_peer: a scriptable SCTP peer on libusrsctp, over UDP encapsulation (RFC 6951), for
 * interop tests. It runs one association on a one-to-one (SOCK_STREAM) socket, reads commands
 * from stdin, one per line, and reports what happens on stdout, one line per thing, flushed.
 *
 *   usrsctp_peer listen  LOCAL_UDP_PORT REMOTE_UDP_PORT SCTP_PORT
 *   usrsctp_peer connect LOCAL_UDP_PORT REMOTE_UDP_PORT REMOTE_ADDR[,REMOTE_ADDR...] SCTP_PORT
 *
 * (several remote addresses: usrsctp_connectx to all; IPv4 or IPv6 literals: when REMOTE_ADDR or
 * USRSCTP_PEER_BIND has an IPv6 one, the socket is AF_INET6, which takes both families)
 *
 * Commands (each answered with "OK <command>" or "ERROR <command>: <why>"):
 *   send STREAM PPID LEN [unordered]   send one message of LEN pattern bytes
 *   shutdown                           graceful shutdown (SHUTDOWN after our data is acked)
 *   abort [REASON...]                  ABORT with a User-Initiated Abort cause carrying REASON
 *   linger-abort                       SO_LINGER on with 0 s, then close: ABORT, no reason
 *   status                             STATUS state=... of the association, or STATUS none
 *   close                              close the socket (graceful shutdown if still up)
 *   quit                               close everything, wait until usrsctp has freed it all
 *   reconfig-enable                    SCTP_ENABLE_STREAM_RESET: accept stream/assoc resets and adds
 *   reset-streams out|in [S...]        SCTP_RESET_STREAMS of our outgoing or incoming streams (none: all)
 *   reset-assoc                        SCTP_RESET_ASSOC (SSN/TSN reset, RFC 6525 section 5.1.4)
 *   add-streams OUT IN                 SCTP_ADD_STREAMS: OUT outgoing, IN incoming streams
 *   scheduler NAME                     stream scheduler of the association: fcfs, rr, rrp, prio, fb
 *   ss-value STREAM VALUE              SCTP_SS_VALUE of a stream (a priority, for prio only)
 *   paddrs                             PADDRS ADDR=STATE,cwnd=C,srtt=MS,rto=MS,mtu=M per peer address
 *   laddrs                             LADDRS ADDR... (the association's local addresses)
 *   primary                            PRIMARY ADDR (SCTP_PRIMARY_ADDR)
 *   set-primary ADDR                   SCTP_PRIMARY_ADDR: send to the peer's ADDR from now on
 *   bindx-add ADDR                     usrsctp_bindx(SCTP_BINDX_ADD_ADDR) on the live association's
 *                                      socket: with ASCONF on, usrsctp asks the peer to add ADDR
 *   bindx-rem ADDR                     usrsctp_bindx(SCTP_BINDX_REM_ADDR): asks the peer to delete it
 *
 * Environment, read when the socket is made, before any association (RFC 8260):
 *   USRSCTP_PEER_IDATA=1               offer I-DATA (SCTP_FRAGMENT_INTERLEAVE 2, then
 *                                      SCTP_INTERLEAVING_SUPPORTED on: usrsctp refuses it otherwise)
 *   USRSCTP_PEER_SCHEDULER=NAME        stream scheduler of future associations, as for "scheduler"
 *   USRSCTP_PEER_PD_POINT=BYTES        SCTP_PARTIAL_DELIVERY_POINT: with interleaving, messages in
 *                                      reassembly on several streams must not fill the window
 * and for multi-homing (RFC 9260 section 6.4):
 *   USRSCTP_PEER_BIND=A[,B...]         usrsctp_bindx these addresses (IPv4 and/or IPv6) instead of
 *                                      the wildcard
 *   USRSCTP_PEER_RTO=INITIAL,MIN,MAX   SCTP_RTOINFO in ms
 *   USRSCTP_PEER_PATH_MAX_RXT=N        SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt
 *   USRSCTP_PEER_HB_INTERVAL=MS        SCTP_PEER_ADDR_PARAMS spp_hbinterval
 *   USRSCTP_PEER_NRSACK=1              usrsctp_sysctl_set_sctp_nrsack_enable(1) before any socket:
 *                                      offer NR-SACK (draft-tuexen-tsvwg-sctp-multipath) and use it
 *                                      when the peer offers it too
 *   USRSCTP_PEER_CMT=1                 concurrent multipath transfer: usrsctp_sysctl_set_sctp_cmt_on_off(1)
 *                                      before any socket (usrsctp refuses the socket option without
 *                                      it), then SCTP_CMT_ON_OFF = SCTP_CMT_BASE for future associations
 *   USRSCTP_PEER_CMT_DAC=1             with CMT, also the sctp_cmt_use_dac sysctl (Delayed Ack for CMT)
 * and for AUTH (RFC 4895), read before the socket is made:
 *   USRSCTP_PEER_AUTH=1                sysctl sctp_auth_enable on (usrsctp 0.9.5 offers HMAC-SHA-1 only)
 *   USRSCTP_PEER_AUTH_CHUNKS=T[,T...]  SCTP_AUTH_CHUNK for each chunk type T (e.g. 0 for DATA)
 *   USRSCTP_PEER_ASCONF=1              sysctls sctp_asconf_enable, sctp_auth_enable and
 *                                      sctp_auto_asconf on (RFC 5061: usrsctp refuses ASCONF without
 *                                      AUTH and lists ASCONF and ASCONF-ACK in its CHUNKS)
 *   USRSCTP_PEER_AUTH_KEY=HEX          SCTP_AUTH_KEY: endpoint-pair shared key 1 = HEX, then
 *                                      SCTP_AUTH_ACTIVE_KEY 1 (EVENT AUTHENTICATION_EVENT is printed)
 *
 * Output lines: READY (listening, or connected), ACCEPTED (listen: the association is up),
 * EVENT <notification> [key=value...] (STREAM_RESET_EVENT, ASSOC_RESET_EVENT and STREAM_CHANGE_EVENT
 * with flags=in,out,denied,failed and their fields; PEER_ADDR_CHANGE addr=A state=ADDR_...),
 * MSG stream=S ppid=P len=L eor=0|1 (one per read; a long
 * message comes in pieces, the last with eor=1), STATUS ..., CLOSED [errno=N (text)] (a read
 * reports the association gone), FINISHED (quit: usrsctp freed everything), OK ..., ERROR ....
 *
 * One thread does everything: it polls stdin and a pipe that usrsctp's upcall writes to when a
 * socket has something to read, so no socket is ever used by two threads. To add a command,
 * write a handler and add it to COMMANDS.
 */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <usrsctp.h>

static struct socket *listener;   /* the listening socket, until it accepted one association */
static struct socket *conn;       /* the association's socket */
static int conn_over;             /* a notification said the association ended */
static int conn_done;             /* CLOSED was printed: nothing more to read */
static int wake_pipe[2];          /* upcall -> main loop */

/* One output line, flushed at once so the test sees it now. */
static void emit(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

/* Called by usrsctp's threads when a socket becomes readable or writable: wake the main loop. */
static void upcall(struct socket *so, void *arg, int flags) {
    (void) so; (void) arg; (void) flags;
    char b = 1;
    (void) write(wake_pipe[1], &b, 1); /* non-blocking; a full pipe already means "wake up" */
}

static const char *assoc_state(uint16_t s) {
    switch (s) {
    case SCTP_COMM_UP: return "COMM_UP";
    case SCTP_COMM_LOST: return "COMM_LOST";
    case SCTP_RESTART: return "RESTART";
    case SCTP_SHUTDOWN_COMP: return "SHUTDOWN_COMP";
    case SCTP_CANT_STR_ASSOC: return "CANT_STR_ASSOC";
    default: return "UNKNOWN";
    }
}

static int print_reconfig_notification(const union sctp_notification *n);
static int print_paddr_notification(const union sctp_notification *n);
static int path_params_from_env(struct socket *s);

/* One notification (RFC 6458 section 6.1) as one EVENT line. */
static void print_notification(const union sctp_notification *n) {
    if (print_reconfig_notification(n) || print_paddr_notification(n)) {
        return;
    }
    switch (n->sn_header.sn_type) {
    case SCTP_ASSOC_CHANGE:
        conn_over = n->sn_assoc_change.sac_state == SCTP_COMM_LOST
                || n->sn_assoc_change.sac_state == SCTP_SHUTDOWN_COMP
                || n->sn_assoc_change.sac_state == SCTP_CANT_STR_ASSOC;
        emit("EVENT ASSOC_CHANGE %s error=%u in=%u out=%u", assoc_state(n->sn_assoc_change.sac_state),
             n->sn_assoc_change.sac_error, n->sn_assoc_change.sac_inbound_streams,
             n->sn_assoc_change.sac_outbound_streams);
        break;
    case SCTP_SHUTDOWN_EVENT:
        emit("EVENT SHUTDOWN_EVENT");
        break;
    case SCTP_SEND_FAILED_EVENT:
        emit("EVENT SEND_FAILED_EVENT %s error=%u stream=%u",
             (n->sn_send_failed_event.ssfe_flags & SCTP_DATA_SENT) ? "SENT" : "UNSENT",
             n->sn_send_failed_event.ssfe_error, n->sn_send_failed_event.ssfe_info.snd_sid);
        break;
    case SCTP_REMOTE_ERROR:
        emit("EVENT REMOTE_ERROR cause=%u", ntohs(n->sn_remote_error.sre_error));
        break;
    case SCTP_PARTIAL_DELIVERY_EVENT:
        emit("EVENT PARTIAL_DELIVERY_EVENT indication=%u stream=%u", n->sn_pdapi_event.pdapi_indication,
             n->sn_pdapi_event.pdapi_stream);
        break;
    case SCTP_SENDER_DRY_EVENT:
        emit("EVENT SENDER_DRY_EVENT");
        break;
    case SCTP_AUTHENTICATION_EVENT:
        emit("EVENT AUTHENTICATION_EVENT key=%u indication=%u", n->sn_auth_event.auth_keynumber,
             n->sn_auth_event.auth_indication);
        break;
    default:
        emit("EVENT OTHER type=%u", n->sn_header.sn_type);
        break;
    }
}

/* Reads everything the association's socket has now: messages, notifications, or its end. */
static void drain(void) {
    static char buf[1 << 18];
    while (conn != NULL && !conn_done) {
        struct sctp_rcvinfo info;
        socklen_t infolen = sizeof info;
        unsigned int infotype = 0;
        int flags = 0;
        /* usrsctp_recvv: one message or notification (or a piece of one, without MSG_EOR). */
        ssize_t n = usrsctp_recvv(conn, buf, sizeof buf, NULL, NULL, &info, &infolen, &infotype, &flags);
        if (n < 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) {
            return;
        }
        if (n <= 0) {
            /* 0: the association ended gracefully; an error: it was aborted or lost. */
            if (n == 0) {
                emit("CLOSED");
            } else {
                emit("CLOSED errno=%d (%s)", errno, strerror(errno));
            }
            conn_done = 1;
            return;
        }
        if (flags & MSG_NOTIFICATION) {
            print_notification((const union sctp_notification *) buf);
        } else if (infotype == SCTP_RECVV_RCVINFO) {
            emit("MSG stream=%u ppid=%u len=%zd eor=%d", info.rcv_sid, ntohl(info.rcv_ppid), n,
                 (flags & MSG_EOR) ? 1 : 0);
        } else {
            emit("MSG stream=? ppid=? len=%zd eor=%d", n, (flags & MSG_EOR) ? 1 : 0);
        }
    }
}

/* ---- message interleaving and stream schedulers (RFC 8260) ---- */

#ifndef SCTP_INTERLEAVING_SUPPORTED
#define SCTP_INTERLEAVING_SUPPORTED 0x00001206 /* usrsctp knows it; usrsctp.h 0.9.5 does not name it */
#endif

/* usrsctp's SCTP_SS_* module for one of our scheduler names, or -1. */
static int scheduler_module(const char *name) {
    static const struct { const char *name; int module; } MODULES[] = {
        {"fcfs", SCTP_SS_FIRST_COME}, {"rr", SCTP_SS_ROUND_ROBIN}, {"rrp", SCTP_SS_ROUND_ROBIN_PACKET},
        {"prio", SCTP_SS_PRIORITY}, {"fb", SCTP_SS_FAIR_BANDWITH}, {"default", SCTP_SS_DEFAULT},
    };
    for (size_t i = 0; i < sizeof MODULES / sizeof MODULES[0]; i++) {
        if (strcmp(name, MODULES[i].name) == 0) {
            return MODULES[i].module;
        }
    }
    return -1;
}

static int set_scheduler(struct socket *s, sctp_assoc_t assoc, const char *name) {
    int module = scheduler_module(name);
    if (module < 0) {
        errno = EINVAL;
        return -1;
    }
    struct sctp_assoc_value av = {.assoc_id = assoc, .assoc_value = (uint32_t) module};
    return usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_PLUGGABLE_SS, &av, sizeof av);
}

/* The environment's I-DATA and scheduler choice, on a socket that has no association yet. */
static int interleaving_setup(struct socket *s) {
    const char *idata = getenv("USRSCTP_PEER_IDATA");
    if (idata != NULL && strcmp(idata, "1") == 0) {
        const int level = 2; /* messages of different streams may be interleaved on receipt */
        struct sctp_assoc_value av = {.assoc_id = SCTP_FUTURE_ASSOC, .assoc_value = 1};
        if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE, &level, sizeof level) < 0
                || usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_INTERLEAVING_SUPPORTED, &av, sizeof av) < 0) {
            return -1;
        }
    }
    const char *pd_point = getenv("USRSCTP_PEER_PD_POINT");
    if (pd_point != NULL) {
        uint32_t bytes = (uint32_t) strtoul(pd_point, NULL, 10);
        if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT, &bytes, sizeof bytes) < 0) {
            return -1;
        }
    }
    const char *scheduler = getenv("USRSCTP_PEER_SCHEDULER");
    return scheduler == NULL ? 0 : set_scheduler(s, SCTP_FUTURE_ASSOC, scheduler);
}

/* The environment's AUTH chunk types and shared key (RFC 4895, RFC 6458 section 8.3), for future associations. */
static int auth_setup(struct socket *s) {
    const char *chunks = getenv("USRSCTP_PEER_AUTH_CHUNKS");
    for (const char *c = chunks; c != NULL && *c != '\0';) {
        char *end;
        struct sctp_authchunk ac = {.sauth_chunk = (uint8_t) strtoul(c, &end, 10)};
        if (end == c || usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_AUTH_CHUNK, &ac, sizeof ac) < 0) {
            return -1;
        }
        c = *end == ',' ? end + 1 : end;
    }
    const char *hex = getenv("USRSCTP_PEER_AUTH_KEY");
    if (hex == NULL) {
        return 0;
    }
    size_t n = strlen(hex) / 2;
    struct sctp_authkey *key = calloc(1, sizeof *key + n);
    if (key == NULL) {
        return -1;
    }
    key->sca_assoc_id = SCTP_FUTURE_ASSOC;
    key->sca_keynumber = 1;
    key->sca_keylength = (uint16_t) n;
    for (size_t i = 0; i < n; i++) {
        unsigned int byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1) {
            free(key);
            return -1;
        }
        key->sca_key[i] = (uint8_t) byte;
    }
    int rc = usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_AUTH_KEY, key, (socklen_t) (sizeof *key + n));
    free(key);
    struct sctp_authkeyid active = {.scact_assoc_id = SCTP_FUTURE_ASSOC, .scact_keynumber = 1};
    return rc < 0 ? -1 : usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_AUTH_ACTIVE_KEY, &active, sizeof active);
}

/* Sets the options every association socket needs, then makes it non-blocking with the upcall. */
#ifndef SCTP_CMT_ON_OFF
#define SCTP_CMT_ON_OFF 0x00001200 /* usrsctp's netinet/sctp.h; not in the installed usrsctp.h */
#endif

/* USRSCTP_PEER_CMT=1: CMT (draft-tuexen-tsvwg-sctp-multipath) for future associations; the sysctl is set in main. */
static int cmt_setup(struct socket *s) {
    const char *cmt = getenv("USRSCTP_PEER_CMT");
    if (cmt == NULL || strcmp(cmt, "1") != 0) {
        return 0;
    }
    struct sctp_assoc_value av = {.assoc_id = SCTP_FUTURE_ASSOC, .assoc_value = SCTP_CMT_BASE};
    return usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_CMT_ON_OFF, &av, sizeof av);
}

static int setup_socket(struct socket *s, uint16_t remote_udp_port) {
    const uint16_t events[] = {SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_EVENT, SCTP_SEND_FAILED_EVENT,
                               SCTP_REMOTE_ERROR, SCTP_PARTIAL_DELIVERY_EVENT, SCTP_SENDER_DRY_EVENT,
                               SCTP_STREAM_RESET_EVENT, SCTP_ASSOC_RESET_EVENT, SCTP_STREAM_CHANGE_EVENT,
                               SCTP_PEER_ADDR_CHANGE, SCTP_AUTHENTICATION_EVENT};
    const int on = 1;
    struct sctp_udpencaps encaps;

    /* RFC 6951: send to the peer's UDP port; the wildcard address means every peer address. */
    memset(&encaps, 0, sizeof encaps);
    encaps.sue_address.ss_family = AF_INET;
    encaps.sue_port = htons(remote_udp_port);
    if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, &encaps, sizeof encaps) < 0) {
        return -1;
    }
    /* Subscribe to the notifications we print (RFC 6458 section 6.2.2, SCTP_EVENT). */
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
        struct sctp_event ev = {.se_assoc_id = SCTP_FUTURE_ASSOC, .se_type = events[i], .se_on = 1};
        if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof ev) < 0) {
            return -1;
        }
    }
    /* Ask for stream and PPID with every message (SCTP_RECVRCVINFO), send without Nagle delay. */
    if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof on) < 0
            || usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof on) < 0) {
        return -1;
    }
    return interleaving_setup(s) < 0 || path_params_from_env(s) < 0 || cmt_setup(s) < 0 ? -1 : auth_setup(s);
}

/* After usrsctp_accept or usrsctp_connect: from now on reads are driven by the upcall. */
static void adopt(struct socket *s, const char *line) {
    conn = s;
    usrsctp_set_non_blocking(conn, 1);
    usrsctp_set_upcall(conn, upcall, NULL);
    emit("%s", line);
    drain(); /* what arrived before the upcall was set */
}

/* The listening socket is readable: take the association (only one) and stop listening. */
static void accept_one(void) {
    struct socket *s = usrsctp_accept(listener, NULL, NULL);
    if (s == NULL) {
        if (errno != EWOULDBLOCK && errno != EAGAIN) {
            emit("ERROR accept: %s", strerror(errno));
        }
        return;
    }
    usrsctp_close(listener);
    listener = NULL;
    adopt(s, "ACCEPTED");
}

/* ---- multi-homing (RFC 9260 section 6.4, RFC 6458 sections 8.1.7, 9.1, 9.3) ---- */

#define MAX_ADDRS 8

/* Parses "A[,B...]" IPv4 literals with SCTP port PORT into OUT; returns how many, or -1. */
static int parse_addrs(const char *list, uint16_t port, struct sockaddr_in *out) {
    char copy[256];
    int n = 0;
    if (strlen(list) >= sizeof copy) {
        return -1;
    }
    strcpy(copy, list);
    for (char *tok = strtok(copy, ","); tok != NULL; tok = strtok(NULL, ",")) {
        if (n == MAX_ADDRS) {
            return -1;
        }
        memset(&out[n], 0, sizeof out[n]);
        out[n].sin_family = AF_INET;
        out[n].sin_port = htons(port);
        if (inet_pton(AF_INET, tok, &out[n].sin_addr) != 1) {
            return -1;
        }
        n++;
    }
    return n > 0 ? n : -1;
}

/*
 * Addresses of either family packed one after the other, each as long as its family's sockaddr:
 * the layout usrsctp_bindx and usrsctp_connectx read (no sa_len on Linux).
 */
struct addr_list {
    int count;
    int has_v6;
    unsigned char buf[MAX_ADDRS * sizeof(struct sockaddr_in6)];
};

/* Parses "A[,B...]" IPv4 or IPv6 literals with SCTP port PORT into OUT; returns the count, or -1. */
static int parse_addr_list(const char *list, uint16_t port, struct addr_list *out) {
    char copy[512];
    size_t used = 0;
    memset(out, 0, sizeof *out);
    if (strlen(list) >= sizeof copy) {
        return -1;
    }
    strcpy(copy, list);
    for (char *tok = strtok(copy, ","); tok != NULL; tok = strtok(NULL, ",")) {
        if (out->count == MAX_ADDRS) {
            return -1;
        }
        if (strchr(tok, ':') != NULL) {
            struct sockaddr_in6 a6;
            memset(&a6, 0, sizeof a6);
            a6.sin6_family = AF_INET6;
            a6.sin6_port = htons(port);
            if (inet_pton(AF_INET6, tok, &a6.sin6_addr) != 1) {
                return -1;
            }
            memcpy(out->buf + used, &a6, sizeof a6);
            used += sizeof a6;
            out->has_v6 = 1;
        } else {
            struct sockaddr_in a4;
            memset(&a4, 0, sizeof a4);
            a4.sin_family = AF_INET;
            a4.sin_port = htons(port);
            if (inet_pton(AF_INET, tok, &a4.sin_addr) != 1) {
                return -1;
            }
            memcpy(out->buf + used, &a4, sizeof a4);
            used += sizeof a4;
        }
        out->count++;
    }
    return out->count > 0 ? out->count : -1;
}

/* The address part of a sockaddr as text (IPv4 or IPv6). */
static const char *addr_text(const struct sockaddr *a, char *buf, size_t len) {
    const void *raw = a->sa_family == AF_INET ? (const void *) &((const struct sockaddr_in *) a)->sin_addr
                                              : (const void *) &((const struct sockaddr_in6 *) a)->sin6_addr;
    if (inet_ntop(a->sa_family, raw, buf, (socklen_t) len) == NULL) {
        snprintf(buf, len, "?");
    }
    return buf;
}

static size_t addr_len(const struct sockaddr *a) {
    return a->sa_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

static const char *paddr_change_state(uint32_t s) {
    switch (s) {
    case SCTP_ADDR_AVAILABLE: return "ADDR_AVAILABLE";
    case SCTP_ADDR_UNREACHABLE: return "ADDR_UNREACHABLE";
    case SCTP_ADDR_REMOVED: return "ADDR_REMOVED";
    case SCTP_ADDR_ADDED: return "ADDR_ADDED";
    case SCTP_ADDR_MADE_PRIM: return "ADDR_MADE_PRIM";
    case SCTP_ADDR_CONFIRMED: return "ADDR_CONFIRMED";
    default: return "UNKNOWN";
    }
}

/* SCTP_PEER_ADDR_CHANGE as one EVENT line; 1 if N was one. */
static int print_paddr_notification(const union sctp_notification *n) {
    if (n->sn_header.sn_type != SCTP_PEER_ADDR_CHANGE) {
        return 0;
    }
    char text[INET6_ADDRSTRLEN];
    emit("EVENT PEER_ADDR_CHANGE addr=%s state=%s error=%u",
         addr_text((const struct sockaddr *) &n->sn_paddr_change.spc_aaddr, text, sizeof text),
         paddr_change_state(n->sn_paddr_change.spc_state), n->sn_paddr_change.spc_error);
    return 1;
}

/* usrsctp's SCTP_GET_PEER_ADDR_INFO state as a word. */
static const char *paddr_state(int32_t s) {
    if (s & SCTP_UNCONFIRMED) {
        return "UNCONFIRMED";
    }
    if (s & SCTP_ACTIVE) {
        return "ACTIVE";
    }
    if (s & SCTP_INACTIVE) {
        return "INACTIVE";
    }
    return "UNKNOWN";
}

/* USRSCTP_PEER_BIND=A[,B...]: usrsctp_bindx these addresses (SCTP port PORT) instead of the wildcard. */
static int bind_from_env(struct socket *s, uint16_t port, int *bound) {
    const char *list = getenv("USRSCTP_PEER_BIND");
    *bound = 0;
    if (list == NULL || *list == '\0') {
        return 0;
    }
    struct addr_list addrs;
    int n = parse_addr_list(list, port, &addrs);
    if (n < 0) {
        errno = EINVAL;
        return -1;
    }
    *bound = 1;
    return usrsctp_bindx(s, (struct sockaddr *) addrs.buf, n, SCTP_BINDX_ADD_ADDR);
}

/*
 * Path timers from the environment, for tests that wait for a failover (RFC 9260 section 8.2):
 * USRSCTP_PEER_RTO=INITIAL,MIN,MAX (ms, SCTP_RTOINFO), USRSCTP_PEER_PATH_MAX_RXT=N and
 * USRSCTP_PEER_HB_INTERVAL=MS (SCTP_PEER_ADDR_PARAMS) for future associations.
 */
static int path_params_from_env(struct socket *s) {
    const char *rto = getenv("USRSCTP_PEER_RTO");
    if (rto != NULL) {
        struct sctp_rtoinfo info = {.srto_assoc_id = SCTP_FUTURE_ASSOC};
        if (sscanf(rto, "%u,%u,%u", &info.srto_initial, &info.srto_min, &info.srto_max) != 3
                || usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RTOINFO, &info, sizeof info) < 0) {
            return -1;
        }
    }
    const char *rxt = getenv("USRSCTP_PEER_PATH_MAX_RXT");
    const char *hb = getenv("USRSCTP_PEER_HB_INTERVAL");
    if (rxt != NULL || hb != NULL) {
        struct sctp_paddrparams pp;
        memset(&pp, 0, sizeof pp);
        pp.spp_assoc_id = SCTP_FUTURE_ASSOC;
        if (rxt != NULL) {
            pp.spp_pathmaxrxt = (uint16_t) atoi(rxt);
        }
        if (hb != NULL) {
            pp.spp_hbinterval = (uint32_t) atoi(hb);
            pp.spp_flags = SPP_HB_ENABLE;
        }
        if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &pp, sizeof pp) < 0) {
            return -1;
        }
    }
    return 0;
}

/* paddrs: PADDRS ADDR=STATE,cwnd=C,srtt=MS,rto=MS,mtu=M ... (usrsctp_getpaddrs, SCTP_GET_PEER_ADDR_INFO). */
static int cmd_paddrs(char *args) {
    (void) args;
    struct sockaddr *addrs = NULL;
    int n = usrsctp_getpaddrs(conn, 0, &addrs);
    if (n < 0) {
        return -1;
    }
    char line[1024] = "PADDRS";
    const char *p = (const char *) addrs;
    for (int i = 0; i < n; i++) {
        const struct sockaddr *a = (const struct sockaddr *) p;
        struct sctp_paddrinfo info;
        memset(&info, 0, sizeof info);
        memcpy(&info.spinfo_address, a, addr_len(a));
        socklen_t len = sizeof info;
        char text[INET6_ADDRSTRLEN];
        char item[160];
        if (usrsctp_getsockopt(conn, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO, &info, &len) < 0) {
            snprintf(item, sizeof item, " %s=? ", addr_text(a, text, sizeof text));
        } else {
            snprintf(item, sizeof item, " %s=%s,cwnd=%u,srtt=%u,rto=%u,mtu=%u", addr_text(a, text, sizeof text),
                     paddr_state(info.spinfo_state), info.spinfo_cwnd, info.spinfo_srtt, info.spinfo_rto,
                     info.spinfo_mtu);
        }
        strncat(line, item, sizeof line - strlen(line) - 1);
        p += addr_len(a);
    }
    if (n > 0) {
        usrsctp_freepaddrs(addrs);
    }
    emit("%s", line);
    return 0;
}

/* laddrs: LADDRS ADDR ... (usrsctp_getladdrs). */
static int cmd_laddrs(char *args) {
    (void) args;
    struct sockaddr *addrs = NULL;
    int n = usrsctp_getladdrs(conn, 0, &addrs);
    if (n < 0) {
        return -1;
    }
    char line[1024] = "LADDRS";
    const char *p = (const char *) addrs;
    for (int i = 0; i < n; i++) {
        const struct sockaddr *a = (const struct sockaddr *) p;
        char text[INET6_ADDRSTRLEN];
        strncat(line, " ", sizeof line - strlen(line) - 1);
        strncat(line, addr_text(a, text, sizeof text), sizeof line - strlen(line) - 1);
        p += addr_len(a);
    }
    if (n > 0) {
        usrsctp_freeladdrs(addrs);
    }
    emit("%s", line);
    return 0;
}

/* primary: PRIMARY ADDR (SCTP_PRIMARY_ADDR). */
static int cmd_primary(char *args) {
    (void) args;
    struct sctp_setprim prim;
    memset(&prim, 0, sizeof prim);
    socklen_t len = sizeof prim;
    if (usrsctp_getsockopt(conn, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim, &len) < 0) {
        return -1;
    }
    char text[INET6_ADDRSTRLEN];
    emit("PRIMARY %s", addr_text((const struct sockaddr *) &prim.ssp_addr, text, sizeof text));
    return 0;
}

/* set-primary ADDR: SCTP_PRIMARY_ADDR, our choice of the peer's address to send to. */
static int cmd_set_primary(char *args) {
    struct sockaddr_in a[MAX_ADDRS];
    if (parse_addrs(args, 0, a) != 1) {
        errno = EINVAL;
        return -1;
    }
    struct sctp_setprim prim;
    memset(&prim, 0, sizeof prim);
    memcpy(&prim.ssp_addr, &a[0], sizeof a[0]);
    return usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim, sizeof prim);
}

/* ---- commands ---- */

static int cmd_send(char *args) {
    unsigned int stream, ppid;
    size_t len;
    char extra[32] = "";
    if (sscanf(args, "%u %u %zu %31s", &stream, &ppid, &len, extra) < 3) {
        errno = EINVAL;
        return -1;
    }
    char *data = malloc(len > 0 ? len : 1);
    if (data == NULL) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        data[i] = (char) (i * 7 + 3); /* the pattern the Java tests use */
    }
    struct sctp_sndinfo info;
    memset(&info, 0, sizeof info);
    info.snd_sid = (uint16_t) stream;
    info.snd_ppid = htonl(ppid);
    info.snd_flags = strcmp(extra, "unordered") == 0 ? SCTP_UNORDERED : 0;
    /* Blocking for the send, so a long message waits for buffer space instead of failing. */
    usrsctp_set_non_blocking(conn, 0);
    ssize_t n = usrsctp_sendv(conn, data, len, NULL, 0, &info, sizeof info, SCTP_SENDV_SNDINFO, 0);
    int saved = errno;
    usrsctp_set_non_blocking(conn, 1);
    free(data);
    errno = saved;
    return n < 0 ? -1 : 0;
}

static int cmd_shutdown(char *args) {
    (void) args;
    /* SHUT_WR: no more data from us; usrsctp sends SHUTDOWN once all of it is acked (9.2). */
    return usrsctp_shutdown(conn, SHUT_WR);
}

static int cmd_abort(char *args) {
    struct sctp_sndinfo info;
    memset(&info, 0, sizeof info);
    /* A send with SCTP_ABORT: the data becomes the User-Initiated Abort cause (RFC 6458 5.3.2). */
    info.snd_flags = SCTP_ABORT;
    return usrsctp_sendv(conn, args, strlen(args), NULL, 0, &info, sizeof info, SCTP_SENDV_SNDINFO, 0) < 0
           ? -1 : 0;
}

static int cmd_linger_abort(char *args) {
    (void) args;
    struct linger l = {.l_onoff = 1, .l_linger = 0};
    /* Closing with a zero linger time aborts the association instead of shutting it down. */
    if (usrsctp_setsockopt(conn, SOL_SOCKET, SO_LINGER, &l, sizeof l) < 0) {
        return -1;
    }
    usrsctp_close(conn);
    conn = NULL;
    return 0;
}

static int cmd_status(char *args) {
    (void) args;
    struct sctp_status st;
    socklen_t len = sizeof st;
    memset(&st, 0, sizeof st);
    if (usrsctp_getsockopt(conn, IPPROTO_SCTP, SCTP_STATUS, &st, &len) < 0) {
        emit("STATUS none");
    } else {
        emit("STATUS state=0x%x unacked=%u pending=%u", st.sstat_state, st.sstat_unackdata, st.sstat_penddata);
    }
    return 0;
}

static int cmd_close(char *args) {
    (void) args;
    usrsctp_close(conn);
    conn = NULL;
    return 0;
}

/* ---- stream reconfiguration (RFC 6525, RFC 6525 sections 6.1 and 6.3.2-6.3.4) ---- */

/* The flags of a reconfiguration event as a comma-separated list (in,out,denied,failed). */
static const char *reconfig_flags(uint16_t f, char *buf, size_t size) {
    snprintf(buf, size, "%s%s%s%s", (f & SCTP_STREAM_RESET_INCOMING_SSN) ? "in," : "",
             (f & SCTP_STREAM_RESET_OUTGOING_SSN) ? "out," : "", (f & SCTP_STREAM_RESET_DENIED) ? "denied," : "",
             (f & SCTP_STREAM_RESET_FAILED) ? "failed," : "");
    size_t len = strlen(buf);
    if (len > 0) {
        buf[len - 1] = '\0';
    } else {
        snprintf(buf, size, "none");
    }
    return buf;
}

/* Prints a stream reset, association reset or stream change event; returns 0 for other notifications. */
static int print_reconfig_notification(const union sctp_notification *n) {
    char flags[40];
    switch (n->sn_header.sn_type) {
    case SCTP_STREAM_RESET_EVENT: {
        const struct sctp_stream_reset_event *e = &n->sn_strreset_event;
        size_t count = (e->strreset_length - sizeof *e) / sizeof(uint16_t);
        char list[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < count && used + 8 < sizeof list; i++) {
            used += (size_t) snprintf(list + used, sizeof list - used, "%s%u", i == 0 ? "" : ",",
                                      e->strreset_stream_list[i]);
        }
        emit("EVENT STREAM_RESET_EVENT flags=%s streams=%s", reconfig_flags(e->strreset_flags, flags, sizeof flags),
             count == 0 ? "all" : list);
        return 1;
    }
    case SCTP_ASSOC_RESET_EVENT:
        emit("EVENT ASSOC_RESET_EVENT flags=%s local_tsn=%u remote_tsn=%u",
             reconfig_flags(n->sn_assocreset_event.assocreset_flags, flags, sizeof flags),
             n->sn_assocreset_event.assocreset_local_tsn, n->sn_assocreset_event.assocreset_remote_tsn);
        return 1;
    case SCTP_STREAM_CHANGE_EVENT:
        emit("EVENT STREAM_CHANGE_EVENT flags=%s in=%u out=%u",
             reconfig_flags(n->sn_strchange_event.strchange_flags, flags, sizeof flags),
             n->sn_strchange_event.strchange_instrms, n->sn_strchange_event.strchange_outstrms);
        return 1;
    default:
        return 0;
    }
}

static int cmd_reconfig_enable(char *args) {
    (void) args;
    struct sctp_assoc_value v = {.assoc_id = SCTP_FUTURE_ASSOC,
            .assoc_value = SCTP_ENABLE_RESET_STREAM_REQ | SCTP_ENABLE_RESET_ASSOC_REQ | SCTP_ENABLE_CHANGE_ASSOC_REQ};
    /* On a one-to-one socket the option applies to its association, whatever the id. */
    return usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_ENABLE_STREAM_RESET, &v, sizeof v);
}

static int cmd_reset_streams(char *args) {
    char dir[8] = "";
    int consumed = 0;
    if (sscanf(args, "%7s%n", dir, &consumed) < 1 || (strcmp(dir, "out") != 0 && strcmp(dir, "in") != 0)) {
        errno = EINVAL;
        return -1;
    }
    uint16_t list[64];
    uint16_t count = 0;
    char *p = args + consumed;
    unsigned int stream;
    int len;
    while (count < 64 && sscanf(p, "%u%n", &stream, &len) == 1) {
        list[count++] = (uint16_t) stream;
        p += len;
    }
    size_t size = sizeof(struct sctp_reset_streams) + count * sizeof(uint16_t);
    struct sctp_reset_streams *r = calloc(1, size);
    if (r == NULL) {
        return -1;
    }
    r->srs_assoc_id = SCTP_FUTURE_ASSOC;
    r->srs_flags = strcmp(dir, "out") == 0 ? SCTP_STREAM_RESET_OUTGOING : SCTP_STREAM_RESET_INCOMING;
    r->srs_number_streams = count; /* 0: all streams */
    memcpy(r->srs_stream_list, list, count * sizeof(uint16_t));
    int rc = usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_RESET_STREAMS, r, (socklen_t) size);
    int saved = errno;
    free(r);
    errno = saved;
    return rc;
}

static int cmd_reset_assoc(char *args) {
    (void) args;
    sctp_assoc_t id = SCTP_FUTURE_ASSOC;
    return usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_RESET_ASSOC, &id, sizeof id);
}

static int cmd_add_streams(char *args) {
    unsigned int out, in;
    if (sscanf(args, "%u %u", &out, &in) != 2) {
        errno = EINVAL;
        return -1;
    }
    struct sctp_add_streams a = {.sas_assoc_id = SCTP_FUTURE_ASSOC, .sas_instrms = (uint16_t) in,
                                 .sas_outstrms = (uint16_t) out};
    return usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_ADD_STREAMS, &a, sizeof a);
}

static int cmd_scheduler(char *args) {
    char name[16] = "";
    if (sscanf(args, "%15s", name) != 1) {
        errno = EINVAL;
        return -1;
    }
    return set_scheduler(conn, SCTP_CURRENT_ASSOC, name);
}

static int cmd_ss_value(char *args) {
    unsigned int stream, value;
    if (sscanf(args, "%u %u", &stream, &value) != 2 || stream > 0xFFFF || value > 0xFFFF) {
        errno = EINVAL;
        return -1;
    }
    struct sctp_stream_value sv = {.assoc_id = SCTP_CURRENT_ASSOC, .stream_id = (uint16_t) stream,
                                   .stream_value = (uint16_t) value};
    return usrsctp_setsockopt(conn, IPPROTO_SCTP, SCTP_SS_VALUE, &sv, sizeof sv);
}

/* bindx-add / bindx-rem ADDR: usrsctp_bindx of one IPv4 address on the live socket (RFC 5061 via usrsctp). */
static int bindx_one(char *args, int flags) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
#ifdef HAVE_SIN_LEN
    a.sin_len = sizeof a;
#endif
    while (*args == ' ') {
        args++;
    }
    if (conn == NULL || inet_pton(AF_INET, args, &a.sin_addr) != 1) {
        errno = EINVAL;
        return -1;
    }
    struct sockaddr *laddrs = NULL;
    int n = usrsctp_getladdrs(conn, 0, &laddrs);
    if (n > 0) {
        a.sin_port = ((struct sockaddr_in *) laddrs)->sin_port; /* the association's SCTP port */
        usrsctp_freeladdrs(laddrs);
    }
    return usrsctp_bindx(conn, (struct sockaddr *) &a, 1, flags);
}

static int cmd_bindx_add(char *args) {
    return bindx_one(args, SCTP_BINDX_ADD_ADDR);
}

static int cmd_bindx_rem(char *args) {
    return bindx_one(args, SCTP_BINDX_REM_ADDR);
}

struct command {
    const char *name;
    int (*run)(char *args);   /* returns 0, or -1 with errno set */
};

static const struct command COMMANDS[] = {
    {"send", cmd_send}, {"shutdown", cmd_shutdown}, {"abort", cmd_abort},
    {"linger-abort", cmd_linger_abort}, {"status", cmd_status}, {"close", cmd_close},
    /* stream reconfiguration */
    {"reconfig-enable", cmd_reconfig_enable}, {"reset-streams", cmd_reset_streams},
    {"reset-assoc", cmd_reset_assoc}, {"add-streams", cmd_add_streams},
    /* RFC 8260 */
    {"scheduler", cmd_scheduler}, {"ss-value", cmd_ss_value},
    /* multi-homing */
    {"paddrs", cmd_paddrs}, {"laddrs", cmd_laddrs}, {"primary", cmd_primary}, {"set-primary", cmd_set_primary},
    /* RFC 5061 */
    {"bindx-add", cmd_bindx_add}, {"bindx-rem", cmd_bindx_rem},
};

/* Runs one command line; returns 1 for quit. */
static int run_command(char *line) {
    line[strcspn(line, "\r\n")] = '\0';
    char *args = line + strcspn(line, " ");
    if (*args != '\0') {
        *args++ = '\0';
    }
    if (*line == '\0') {
        return 0;
    }
    if (strcmp(line, "quit") == 0) {
        return 1;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
        if (strcmp(line, COMMANDS[i].name) == 0) {
            if (conn == NULL) {
                emit("ERROR %s: no association socket", line);
            } else if (COMMANDS[i].run(args) < 0) {
                emit("ERROR %s: %s", line, strerror(errno));
            } else {
                emit("OK %s", line);
            }
            return 0;
        }
    }
    emit("ERROR %s: unknown command", line);
    return 0;
}

/*
 * Closes the sockets and waits (bounded) until usrsctp has freed every association. The bound
 * (15 s) stays below the 20 s the Java side waits for the exit after quit, so that a finish that
 * does not succeed is reported by this program's own ERROR line, not by a bare timeout there.
 */
static int finish(void) {
    if (conn != NULL) {
        usrsctp_close(conn);
    }
    if (listener != NULL) {
        usrsctp_close(listener);
    }
    for (int i = 0; i < 150; i++) {
        if (usrsctp_finish() == 0) { /* fails while any association or socket is left */
            emit("FINISHED");
            return 0;
        }
        usleep(100 * 1000);
    }
    emit("ERROR quit: usrsctp_finish did not succeed within 15 s");
    return 1;
}

static int usage(void) {
    fprintf(stderr, "usage: usrsctp_peer listen LOCAL_UDP_PORT REMOTE_UDP_PORT SCTP_PORT\n"
                    "       usrsctp_peer connect LOCAL_UDP_PORT REMOTE_UDP_PORT REMOTE_ADDR[,ADDR...] SCTP_PORT\n");
    return 2;
}

int main(int argc, char **argv) {
    int listening = argc == 5 && strcmp(argv[1], "listen") == 0;
    if (!listening && !(argc == 6 && strcmp(argv[1], "connect") == 0)) {
        return usage();
    }
    uint16_t local_udp = (uint16_t) atoi(argv[2]);
    uint16_t remote_udp = (uint16_t) atoi(argv[3]);
    uint16_t sctp_port = (uint16_t) atoi(argv[listening ? 4 : 5]);
    /* REMOTE_ADDR may list several addresses, A,B: usrsctp_connectx to all of them. */
    struct addr_list remotes;
    int remote_count = listening ? 0 : parse_addr_list(argv[4], sctp_port, &remotes);
    if (!listening && remote_count < 0) {
        return usage();
    }
    /* An IPv6 address on either side needs an AF_INET6 socket; not V6ONLY, it takes IPv4 too. */
    struct addr_list binds;
    const char *bind_list = getenv("USRSCTP_PEER_BIND");
    int family = (!listening && remotes.has_v6)
            || (bind_list != NULL && *bind_list != '\0' && parse_addr_list(bind_list, 0, &binds) > 0 && binds.has_v6)
            ? AF_INET6 : AF_INET;

    if (pipe(wake_pipe) < 0 || fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK) < 0) {
        perror("pipe");
        return 1;
    }
    /* usrsctp_init: UDP encapsulation on LOCAL_UDP_PORT, no conn_output, no debug printer. */
    usrsctp_init(local_udp, NULL, NULL);
    const char *nrsack = getenv("USRSCTP_PEER_NRSACK");
    if (nrsack != NULL && strcmp(nrsack, "1") == 0) {
        usrsctp_sysctl_set_sctp_nrsack_enable(1); /* off by default in usrsctp */
    }
    const char *cmt = getenv("USRSCTP_PEER_CMT");
    if (cmt != NULL && strcmp(cmt, "1") == 0) {
        usrsctp_sysctl_set_sctp_cmt_on_off(1); /* before any socket: SCTP_CMT_ON_OFF needs it */
        const char *dac = getenv("USRSCTP_PEER_CMT_DAC");
        if (dac != NULL && strcmp(dac, "1") == 0) {
            usrsctp_sysctl_set_sctp_cmt_use_dac(1);
        }
    }
    const char *asconf = getenv("USRSCTP_PEER_ASCONF");
    if (asconf != NULL && strcmp(asconf, "1") == 0) {
        usrsctp_sysctl_set_sctp_auth_enable(1);   /* RFC 5061 section 4.1.1: ASCONF needs AUTH */
        usrsctp_sysctl_set_sctp_asconf_enable(1);
        usrsctp_sysctl_set_sctp_auto_asconf(1);
    }
    const char *auth = getenv("USRSCTP_PEER_AUTH");
    if (auth != NULL && strcmp(auth, "1") == 0) {
        usrsctp_sysctl_set_sctp_auth_enable(1); /* before any socket: AUTH in INIT and INIT ACK */
    }

    /* usrsctp_socket without callbacks: the socket API, one-to-one style (SOCK_STREAM). */
    struct socket *s = usrsctp_socket(family, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (s == NULL || setup_socket(s, remote_udp) < 0) {
        emit("ERROR socket: %s", strerror(errno));
        return 1;
    }
    if (listening) {
        /* usrsctp_bind + usrsctp_listen on INADDR_ANY:SCTP_PORT; accept when the upcall says so. */
        struct sockaddr_in any;
        memset(&any, 0, sizeof any);
        any.sin_family = AF_INET;
        any.sin_port = htons(sctp_port);
        any.sin_addr.s_addr = htonl(INADDR_ANY);
        struct sockaddr_in6 any6;
        memset(&any6, 0, sizeof any6);
        any6.sin6_family = AF_INET6;
        any6.sin6_port = htons(sctp_port);
        any6.sin6_addr = in6addr_any;
        int bound;
        if (bind_from_env(s, sctp_port, &bound) < 0
                || (!bound && (family == AF_INET6 ? usrsctp_bind(s, (struct sockaddr *) &any6, sizeof any6)
                                                  : usrsctp_bind(s, (struct sockaddr *) &any, sizeof any)) < 0)
                || usrsctp_listen(s, 1) < 0) {
            emit("ERROR listen: %s", strerror(errno));
            return 1;
        }
        listener = s;
        usrsctp_set_non_blocking(listener, 1);
        usrsctp_set_upcall(listener, upcall, NULL);
        emit("READY");
        accept_one(); /* in case an association completed before the upcall was set */
    } else {
        /* usrsctp_connect(x) blocks until the association is up (or failed). */
        int bound;
        if (bind_from_env(s, 0, &bound) < 0) {
            emit("ERROR bind: %s", strerror(errno));
            return 1;
        }
        struct sockaddr *first = (struct sockaddr *) remotes.buf;
        if ((remote_count == 1 ? usrsctp_connect(s, first, (socklen_t) addr_len(first))
                               : usrsctp_connectx(s, first, remote_count, NULL)) < 0) {
            emit("ERROR connect: %s", strerror(errno));
            usrsctp_close(s);
            finish();
            return 1;
        }
        adopt(s, "READY");
    }

    struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = wake_pipe[0], .events = POLLIN}};
    char line[1024];
    size_t have = 0;
    for (;;) {
        /* Once the association ended, usrsctp frees it a little later without waking the
           socket: look again every 50 ms until a read reports the end. */
        int ready = poll(fds, 2, conn_over && !conn_done ? 50 : -1);
        if (ready == 0) {
            drain();
            continue;
        }
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            perror("poll");
            break;
        }
        if (fds[1].revents & POLLIN) {
            char b[64];
            (void) read(wake_pipe[0], b, sizeof b);
            if (listener != NULL) {
                accept_one();
            }
            drain();
        }
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            /* Raw reads, not stdio, so no line waits in a buffer that poll cannot see. */
            ssize_t n = read(STDIN_FILENO, line + have, sizeof line - 1 - have);
            if (n <= 0) {
                break; /* end of input means quit */
            }
            have += (size_t) n;
            char *nl;
            while ((nl = memchr(line, '\n', have)) != NULL) {
                *nl = '\0';
                size_t used = (size_t) (nl - line) + 1;
                if (run_command(line)) {
                    return finish();
                }
                drain(); /* e.g. the end a local abort caused */
                memmove(line, nl + 1, have - used);
                have -= used;
            }
            if (have == sizeof line - 1) {
                emit("ERROR input: line too long");
                have = 0;
            }
        }
    }
    return finish();
}
