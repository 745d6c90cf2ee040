/*
 * usrsctp_peer: a scriptable SCTP peer on libusrsctp, over UDP encapsulation (RFC 6951), for
 * interop tests. It runs one association on a one-to-one (SOCK_STREAM) socket, reads commands
 * from stdin, one per line, and reports what happens on stdout, one line per thing, flushed.
 *
 *   usrsctp_peer listen  LOCAL_UDP_PORT REMOTE_UDP_PORT SCTP_PORT
 *   usrsctp_peer connect LOCAL_UDP_PORT REMOTE_UDP_PORT REMOTE_ADDR SCTP_PORT
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
 *
 * Environment, read when the socket is made, before any association (RFC 8260):
 *   USRSCTP_PEER_IDATA=1               offer I-DATA (SCTP_FRAGMENT_INTERLEAVE 2, then
 *                                      SCTP_INTERLEAVING_SUPPORTED on: usrsctp refuses it otherwise)
 *   USRSCTP_PEER_SCHEDULER=NAME        stream scheduler of future associations, as for "scheduler"
 *   USRSCTP_PEER_PD_POINT=BYTES        SCTP_PARTIAL_DELIVERY_POINT: with interleaving, messages in
 *                                      reassembly on several streams must not fill the window
 * and for AUTH (RFC 4895), read before the socket is made:
 *   USRSCTP_PEER_AUTH=1                sysctl sctp_auth_enable on (usrsctp 0.9.5 offers HMAC-SHA-1 only)
 *   USRSCTP_PEER_AUTH_CHUNKS=T[,T...]  SCTP_AUTH_CHUNK for each chunk type T (e.g. 0 for DATA)
 *   USRSCTP_PEER_AUTH_KEY=HEX          SCTP_AUTH_KEY: endpoint-pair shared key 1 = HEX, then
 *                                      SCTP_AUTH_ACTIVE_KEY 1 (EVENT AUTHENTICATION_EVENT is printed)
 *
 * Output lines: READY (listening, or connected), ACCEPTED (listen: the association is up),
 * EVENT <notification> [key=value...] (STREAM_RESET_EVENT, ASSOC_RESET_EVENT and STREAM_CHANGE_EVENT
 * with flags=in,out,denied,failed and their fields), MSG stream=S ppid=P len=L eor=0|1 (one per read; a long
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

/* One notification (RFC 6458 section 6.1) as one EVENT line. */
static void print_notification(const union sctp_notification *n) {
    if (print_reconfig_notification(n)) {
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
static int setup_socket(struct socket *s, uint16_t remote_udp_port) {
    const uint16_t events[] = {SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_EVENT, SCTP_SEND_FAILED_EVENT,
                               SCTP_REMOTE_ERROR, SCTP_PARTIAL_DELIVERY_EVENT, SCTP_SENDER_DRY_EVENT,
                               SCTP_STREAM_RESET_EVENT, SCTP_ASSOC_RESET_EVENT, SCTP_STREAM_CHANGE_EVENT,
                               SCTP_AUTHENTICATION_EVENT};
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
    return interleaving_setup(s) < 0 ? -1 : auth_setup(s);
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

/* Closes the sockets and waits (bounded) until usrsctp has freed every association. */
static int finish(void) {
    if (conn != NULL) {
        usrsctp_close(conn);
    }
    if (listener != NULL) {
        usrsctp_close(listener);
    }
    for (int i = 0; i < 300; i++) {
        if (usrsctp_finish() == 0) { /* fails while any association or socket is left */
            emit("FINISHED");
            return 0;
        }
        usleep(100 * 1000);
    }
    emit("ERROR quit: usrsctp_finish did not succeed within 30 s");
    return 1;
}

static int usage(void) {
    fprintf(stderr, "usage: usrsctp_peer listen LOCAL_UDP_PORT REMOTE_UDP_PORT SCTP_PORT\n"
                    "       usrsctp_peer connect LOCAL_UDP_PORT REMOTE_UDP_PORT REMOTE_ADDR SCTP_PORT\n");
    return 2;
}

int main(int argc, char **argv) {
    int listening = argc == 5 && strcmp(argv[1], "listen") == 0;
    if (!listening && !(argc == 6 && strcmp(argv[1], "connect") == 0)) {
        return usage();
    }
    uint16_t local_udp = (uint16_t) atoi(argv[2]);
    uint16_t remote_udp = (uint16_t) atoi(argv[3]);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t) atoi(argv[listening ? 4 : 5]));
    if (!listening && inet_pton(AF_INET, argv[4], &addr.sin_addr) != 1) {
        return usage();
    }

    if (pipe(wake_pipe) < 0 || fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK) < 0) {
        perror("pipe");
        return 1;
    }
    /* usrsctp_init: UDP encapsulation on LOCAL_UDP_PORT, no conn_output, no debug printer. */
    usrsctp_init(local_udp, NULL, NULL);
    const char *auth = getenv("USRSCTP_PEER_AUTH");
    if (auth != NULL && strcmp(auth, "1") == 0) {
        usrsctp_sysctl_set_sctp_auth_enable(1); /* before any socket: AUTH in INIT and INIT ACK */
    }

    /* usrsctp_socket without callbacks: the socket API, one-to-one style (SOCK_STREAM). */
    struct socket *s = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (s == NULL || setup_socket(s, remote_udp) < 0) {
        emit("ERROR socket: %s", strerror(errno));
        return 1;
    }
    if (listening) {
        /* usrsctp_bind + usrsctp_listen on INADDR_ANY:SCTP_PORT; accept when the upcall says so. */
        struct sockaddr_in any = addr;
        any.sin_addr.s_addr = htonl(INADDR_ANY);
        if (usrsctp_bind(s, (struct sockaddr *) &any, sizeof any) < 0 || usrsctp_listen(s, 1) < 0) {
            emit("ERROR listen: %s", strerror(errno));
            return 1;
        }
        listener = s;
        usrsctp_set_non_blocking(listener, 1);
        usrsctp_set_upcall(listener, upcall, NULL);
        emit("READY");
        accept_one(); /* in case an association completed before the upcall was set */
    } else {
        /* usrsctp_connect blocks until the association is up (or failed). */
        if (usrsctp_connect(s, (struct sockaddr *) &addr, sizeof addr) < 0) {
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
