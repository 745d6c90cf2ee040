package org.jsctp.api;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The association options (RFC 6458 section 8.1) as typed keys. Set endpoint-wide defaults with
 * the builders' {@code option(key, value)}; read and change one association's with
 * {@link SctpAssociation#getOption} and {@link SctpAssociation#setOption}. Each says whether it
 * can be changed on a live (set up) association; changing one that cannot throws
 * {@link IllegalStateException}. A value out of range throws {@link IllegalArgumentException}
 * naming the option and the range. Read-only status (SCTP_STATUS, SCTP_GET_PEER_ADDR_INFO) is in
 * {@link SctpAssociation#statistics()}.
 */
public final class SctpOptions {

    private static final Duration MAX_DELAYED_ACK = Duration.ofMillis(500);

    /**
     * SCTP_INITMSG (section 8.1.3): streams asked for and INIT retransmissions. Not live: it
     * shapes the setup.
     */
    public static final SctpOption<InitParameters> INIT_MSG = SctpOption.of("SCTP_INITMSG", InitParameters.class,
            false, v -> {
                range("SCTP_INITMSG outboundStreams", v.outboundStreams(), 1, 65535);
                range("SCTP_INITMSG maxInboundStreams", v.maxInboundStreams(), 1, 65535);
                range("SCTP_INITMSG maxAttempts", v.maxAttempts(), 0, 1000);
                positiveOrZero("SCTP_INITMSG maxInitTimeout (zero keeps RTO.Max)", v.maxInitTimeout());
            });

    /**
     * SCTP_RTOINFO (section 8.1.1): RTO.Initial, RTO.Min, RTO.Max with 0 &lt; min &lt;= initial
     * &lt;= max. Not live.
     */
    public static final SctpOption<RtoInfo> RTO_INFO = SctpOption.of("SCTP_RTOINFO", RtoInfo.class, false, v -> {
        if (v.min().isNegative() || v.min().isZero() || v.min().compareTo(v.initial()) > 0
                || v.initial().compareTo(v.max()) > 0) {
            throw new IllegalArgumentException("SCTP_RTOINFO must have 0 < min <= initial <= max: " + v);
        }
    });

    /** SCTP_ASSOCINFO (section 8.1.2): Association.Max.Retrans and the cookie life. Not live. */
    public static final SctpOption<AssociationParameters> ASSOC_INFO = SctpOption.of("SCTP_ASSOCINFO",
            AssociationParameters.class, false, v -> {
                range("SCTP_ASSOCINFO maxRetransmits", v.maxRetransmits(), 0, 1000);
                positive("SCTP_ASSOCINFO cookieLife", v.cookieLife());
            });

    /**
     * SCTP_DEFAULT_SNDINFO (section 8.1.31): stream, PPID, unordered flag and context of
     * messages that do not set them. Live.
     */
    public static final SctpOption<DefaultSendParameters> DEFAULT_SEND_PARAM = SctpOption.of("SCTP_DEFAULT_SNDINFO",
            DefaultSendParameters.class, true, v -> range("SCTP_DEFAULT_SNDINFO stream", v.stream(), 0, 65535));

    /**
     * SCTP_DEFAULT_PRINFO (RFC 7496 section 4.3): the PR-SCTP policy of messages that do not set
     * one with {@link SctpMessage#withPrPolicy}. Default {@link SctpPrPolicy#NONE}. Live.
     */
    public static final SctpOption<SctpPrPolicy> DEFAULT_PRINFO = SctpOption.of("SCTP_DEFAULT_PRINFO",
            SctpPrPolicy.class, true, v -> {
            });

    /**
     * SCTP_NODELAY (section 8.1.5): true sends small messages at once instead of bundling them
     * while data is in flight (Nagle's algorithm off). Default false. Live.
     */
    public static final SctpOption<Boolean> NODELAY = SctpOption.of("SCTP_NODELAY", Boolean.class, true, v -> {
    });

    /**
     * SCTP_MAXSEG (section 8.1.16): the largest user data put in one DATA chunk, 1204..65507
     * bytes (the SCTP packet, i.e. the UDP payload, less 28 bytes of headers), default 1424. Not
     * live.
     */
    public static final SctpOption<Integer> MAX_SEG = SctpOption.of("SCTP_MAXSEG", Integer.class, false,
            v -> range("SCTP_MAXSEG", v, OptionMapping.MIN_MAX_SEG, OptionMapping.MAX_MAX_SEG));

    /** SCTP_DELAYED_SACK (section 8.1.19): the SACK delay and frequency. Not live. */
    public static final SctpOption<DelayedAckParameters> DELAYED_ACK_TIME = SctpOption.of("SCTP_DELAYED_SACK",
            DelayedAckParameters.class, false, v -> {
                if (v.delay().toNanos() < 1_000_000 || v.delay().compareTo(MAX_DELAYED_ACK) > 0) {
                    throw new IllegalArgumentException("SCTP_DELAYED_SACK delay must be in 1 ms..500 ms "
                            + "(RFC 9260 section 6.2): " + v.delay());
                }
                if (v.frequency() != 2) {
                    throw new IllegalArgumentException("SCTP_DELAYED_SACK frequency must be 2 (a SACK for at least "
                            + "every second packet, RFC 9260 section 6.2; other values are not supported yet): "
                            + v.frequency());
                }
            });

    /**
     * SCTP_PEER_ADDR_PARAMS (section 8.1.12): HB.interval and Path.Max.Retrans. Live for the
     * heartbeat interval; Path.Max.Retrans is fixed once the association exists.
     */
    public static final SctpOption<PeerAddressParameters> PEER_ADDR_PARAMS = SctpOption.of("SCTP_PEER_ADDR_PARAMS",
            PeerAddressParameters.class, true, v -> {
                positive("SCTP_PEER_ADDR_PARAMS heartbeatInterval", v.heartbeatInterval());
                range("SCTP_PEER_ADDR_PARAMS pathMaxRetransmits", v.pathMaxRetransmits(), 0, 1000);
            });

    /**
     * SCTP_EVENT (section 6.2.2): the notification kinds delivered. Default none (RFC 6458). Live;
     * {@code subscribe(...)} adds to it.
     */
    public static final SctpOption<Set<NotificationKind>> EVENTS = SctpOption.of("SCTP_EVENT", Set.class, true,
            v -> {
                for (Object k : v) {
                    if (!(k instanceof NotificationKind)) {
                        throw new IllegalArgumentException("SCTP_EVENT holds NotificationKind values, not " + k);
                    }
                }
            });

    /**
     * SO_SNDBUF: bytes of messages accepted but not yet sent before sends wait (or
     * {@code trySend} says no); 1500..2^31-1, default 2 MiB. A message larger than this, or than
     * {@link #MAX_MESSAGE_SIZE}, is refused. Not live.
     */
    public static final SctpOption<Integer> SEND_BUFFER = SctpOption.of("SO_SNDBUF", Integer.class, false,
            v -> range("SO_SNDBUF", v, 1500, Integer.MAX_VALUE));

    /**
     * The largest message a send takes, in bytes (not in RFC 6458, whose sockets bound it by the
     * send buffer only); 1..2^31-1, default 1 MiB. A send is refused with an
     * {@link IllegalArgumentException} for a message larger than this or than
     * {@link #SEND_BUFFER}, so a larger message needs both raised. It bounds what we send only:
     * the peer's larger messages arrive, in pieces past {@link #PARTIAL_DELIVERY_POINT}. Not live.
     */
    public static final SctpOption<Integer> MAX_MESSAGE_SIZE = SctpOption.of("MAX_MESSAGE_SIZE", Integer.class, false,
            v -> range("MAX_MESSAGE_SIZE", v, 1, Integer.MAX_VALUE));

    /**
     * SO_RCVBUF: the receive buffer and so the largest window advertised to the peer; a message
     * counts against it until the application has read it. 1500..2^31-1, default 2 MiB. Not live.
     */
    public static final SctpOption<Integer> RECEIVE_BUFFER = SctpOption.of("SO_RCVBUF", Integer.class, false,
            v -> range("SO_RCVBUF", v, 1500, Integer.MAX_VALUE));

    /**
     * The level at or below which a falling buffered amount raises
     * {@link SctpNotification.BufferedAmountLow}; 0..2^63-1 bytes, default 0 (raised when
     * everything is acknowledged). Live.
     */
    public static final SctpOption<Long> BUFFERED_AMOUNT_LOW_THRESHOLD = SctpOption.of("BUFFERED_AMOUNT_LOW_THRESHOLD",
            Long.class, true, v -> range("BUFFERED_AMOUNT_LOW_THRESHOLD", v, 0, Long.MAX_VALUE));

    /**
     * SCTP_PARTIAL_DELIVERY_POINT (section 8.1.20): from what size a message being reassembled is
     * delivered in pieces ({@link SctpReceivedMessage#isComplete()} false on all but the last);
     * 0 (the default) for the stack's own choice, half the receive buffer. At most the receive
     * buffer. Not live; reading it gives the value in effect.
     */
    public static final SctpOption<Integer> PARTIAL_DELIVERY_POINT = SctpOption.of("SCTP_PARTIAL_DELIVERY_POINT",
            Integer.class, false, v -> range("SCTP_PARTIAL_DELIVERY_POINT", v, 0, Integer.MAX_VALUE));

    /**
     * SCTP_ENABLE_STREAM_RESET (RFC 6525 section 6.3.1): whether the peer's stream
     * reconfiguration requests (stream reset, association reset, adding streams) are performed;
     * when false, the default as in usrsctp, they are answered "Denied". Our own requests
     * ({@code resetStreams}, {@code resetAssociation}, {@code addStreams}) work either way when the
     * peer supports RE-CONFIG, which the API always offers. Live.
     */
    public static final SctpOption<Boolean> ENABLE_STREAM_RESET = SctpOption.of("SCTP_ENABLE_STREAM_RESET",
            Boolean.class, true, v -> {
            });

    /**
     * Zero checksum (RFC 9653): the Error Detection Method Identifier (EDMID) to announce in a
     * Zero Checksum Acceptable parameter, or 0 (the default) for off. When on, associations accept
     * packets with a zero checksum besides correct CRC32Cs (section 5.3) and, once the peer
     * announced the same EDMID, send zero checksums themselves except where section 5.2 keeps
     * CRC32C (INIT, COOKIE ECHO, the handshake, ABORT, answers to out-of-the-blue packets). It
     * saves the CRC32C per packet, and nothing else checks the bytes: turn it on only when the UDP
     * datagrams travel inside a layer that protects their integrity at least as well as CRC32C
     * (DTLS, an authenticated tunnel). RFC 9653 registers 1 for SCTP over DTLS and no method for
     * plain UDP encapsulation; use 1 when the layer is DTLS, otherwise a value agreed with the
     * peer (only equal EDMIDs count). Not live: it shapes the setup; an endpoint-wide setting.
     */
    public static final SctpOption<Integer> ZERO_CHECKSUM_ACCEPTABLE = SctpOption.of("ZERO_CHECKSUM_ACCEPTABLE",
            Integer.class, false, v -> {
            });

    /**
     * SCTP_INTERLEAVING_SUPPORTED (RFC 8260 section 4.3.3): offer user message interleaving
     * (I-DATA and I-FORWARD-TSN chunks, RFC 8260 section 2) in INIT / INIT ACK. Used when both
     * sides offer it; then a large message no longer holds up small ones on other streams,
     * provided the {@link #STREAM_SCHEDULER} is not {@link SctpStreamScheduler#FCFS}. Default
     * false. Not live: it is negotiated at setup.
     */
    public static final SctpOption<Boolean> INTERLEAVING_SUPPORTED = SctpOption.of("SCTP_INTERLEAVING_SUPPORTED",
            Boolean.class, false, v -> {
            });

    /**
     * SCTP_STREAM_SCHEDULER (RFC 8260 section 4.3.1): the stream scheduler of section 3. Default
     * {@link SctpStreamScheduler#FCFS}. Not live: chosen for each new association. Per-stream
     * priorities or weights (SCTP_STREAM_SCHEDULER_VALUE, section 4.3.2) are set with
     * {@link SctpAssociation#setStreamSchedulerValue}.
     */
    public static final SctpOption<SctpStreamScheduler> STREAM_SCHEDULER = SctpOption.of("SCTP_STREAM_SCHEDULER",
            SctpStreamScheduler.class, false, v -> {
            });

    /**
     * The path MTU (RFC 6458 section 8.1.12 {@code spp_pathmtu}, {@code SPP_PMTUD_ENABLE} /
     * {@code SPP_PMTUD_DISABLE}): discovery by probing (RFC 8899, the default, up to the
     * configured path MTU, i.e. {@link #MAX_SEG} + 28) or a fixed MTU. Not live.
     */
    public static final SctpOption<PathMtuParameters> PATH_MTU = SctpOption.of("SCTP_PEER_ADDR_PARAMS spp_pathmtu",
            PathMtuParameters.class, false, v -> {
                if (v.discovery()) {
                    if (v.pathMtu() != 0) {
                        range("SCTP_PEER_ADDR_PARAMS spp_pathmtu (SPP_PMTUD_ENABLE: MAX_PLPMTU, or 0)", v.pathMtu(),
                                org.jsctp.core.path.PmtuConfig.DEFAULT_BASE_PLPMTU, 65535);
                    }
                } else {
                    range("SCTP_PEER_ADDR_PARAMS spp_pathmtu (SPP_PMTUD_DISABLE)", v.pathMtu(),
                            org.jsctp.core.assoc.AssociationConfig.MIN_PATH_MTU, 65535);
                }
            });

    /**
     * SCTP_PEER_ADDR_THLDS (RFC 7829 section 6.1): PotentiallyFailed.Max.Retrans, the error count
     * above which a path of a multi-homed association becomes Potentially Failed and carries no
     * data while another path is active (quick failover, RFC 7829 section 5). 0 (the default, RFC
     * 7829 section 8) makes the first timeout do it; at or above Path.Max.Retrans
     * ({@link #PEER_ADDR_PARAMS}) turns it off. 0..1000. Live.
     */
    public static final SctpOption<Integer> PEER_ADDR_THLDS = SctpOption.of("SCTP_PEER_ADDR_THLDS", Integer.class,
            true, v -> range("SCTP_PEER_ADDR_THLDS", v, 0, 1000));

    /**
     * NR-SACK supported (SCTP_NRSACK_SUPPORTED in spirit; draft-tuexen-tsvwg-sctp-multipath section
     * 4.2): offer NR-SACK (chunk type 0x10 in Supported Extensions). When both sides offer it,
     * acknowledgements are NR-SACKs, and data the receiver reports as non-renegable (we report all
     * out-of-order data so) leaves the sender's send buffer at once instead of at the cumulative
     * acknowledgement. Default false (usrsctp offers it only with its nrsack_enable sysctl on).
     * Not live: it is negotiated at setup.
     */
    public static final SctpOption<Boolean> NR_SACK_SUPPORTED = SctpOption.of("NR_SACK_SUPPORTED",
            Boolean.class, false, v -> {
            });

    /**
     * Concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath section 3; RFC 6458 has no
     * such option, usrsctp calls its own SCTP_CMT_ON_OFF): a multi-homed association spreads new
     * data over all its active paths at once, each under its own congestion window, with Split Fast
     * Retransmit, Cwnd Update for Changeover and Delayed Ack for CMT. Runs only where NR-SACK is
     * negotiated, so set {@link #NR_SACK_SUPPORTED} too (and the peer must offer NR-SACK); with one
     * active path data goes to the primary as without CMT. Default false. Not live: read when the
     * association starts its data transfer.
     */
    public static final SctpOption<Boolean> CMT_ENABLED = SctpOption.of("SCTP_CMT_ON_OFF", Boolean.class, false,
            v -> {
            });

    /**
     * How {@link #CMT_ENABLED}'s paths share the congestion window (FreeBSD's
     * {@code sctp_cmt_on_off} values 1 to 4, see {@link SctpCmtCongestionControl}). Default
     * {@link SctpCmtCongestionControl#UNCOUPLED}; matters only where CMT runs. Not live.
     */
    public static final SctpOption<SctpCmtCongestionControl> CMT_CONGESTION_CONTROL = SctpOption.of(
            "CMT_CONGESTION_CONTROL", SctpCmtCongestionControl.class, false, v -> {
            });

    /**
     * Which buffers {@link #CMT_ENABLED}'s active paths split among themselves (FreeBSD's
     * {@code sctp_buffer_splitting} sysctl, SCTP_BUFFER_SPLITTING, see
     * {@link SctpCmtBufferSplitting}): a path holding its share of the send buffer or of the
     * peer's receive window in flight takes no more new data. Default
     * {@link SctpCmtBufferSplitting#NONE}; matters only where CMT runs. Not live.
     */
    public static final SctpOption<SctpCmtBufferSplitting> CMT_BUFFER_SPLITTING = SctpOption.of(
            "CMT_BUFFER_SPLITTING", SctpCmtBufferSplitting.class, false, v -> {
            });

    /**
     * Disable Restart (draft-ietf-tsvwg-natsupp sections 5.3.1 and 6.1): send the Disable Restart
     * parameter in INIT / INIT ACK, so that once either side sent it a restart of the association
     * (RFC 9260 section 5.2.4 case A) is refused and the association lives on. Useful behind a
     * NAT, where another host with the same ports could otherwise restart it. Default false. Not
     * live: it is negotiated at setup.
     */
    public static final SctpOption<Boolean> DISABLE_RESTART = SctpOption.of("DISABLE_RESTART",
            Boolean.class, false, v -> {
            });

    /**
     * The Adaptation Code Point to announce in an Adaptation Layer Indication parameter of INIT
     * and INIT ACK (SCTP_ADAPTATION_LAYER, RFC 6458 section 8.1.10; RFC 5061 section 4.2.6): any
     * 32-bit value (an unsigned value held in an int), empty for none, the default. The peer's
     * arrives as {@link SctpNotification.AdaptationIndication} (subscribe to
     * {@link NotificationKind#ADAPTATION_INDICATION}). Not live: it is sent at setup.
     */
    public static final SctpOption<OptionalInt> ADAPTATION_LAYER = SctpOption.of("SCTP_ADAPTATION_LAYER",
            OptionalInt.class, false, v -> {
            });

    /**
     * Offer AUTH (RFC 4895; SCTP_AUTH_SUPPORTED of usrsctp): RANDOM, CHUNKS and HMAC-ALGO in INIT
     * and INIT ACK, AUTH chunks before the chunks the peer lists. Used when both sides offer it;
     * otherwise the association goes on without it and an
     * {@link SctpNotification.Authentication} with {@link SctpNotification.Authentication.Indication#NO_AUTH}
     * says so. ASCONF and ASCONF-ACK are always listed (RFC 5061). Default false. Not live.
     */
    public static final SctpOption<Boolean> AUTH_SUPPORTED = SctpOption.of("SCTP_AUTH_SUPPORTED", Boolean.class, false,
            v -> {
            });

    /**
     * Require AUTH: a peer that does not offer it is refused with an ABORT (implies
     * {@link #AUTH_SUPPORTED}). Default false. Not live.
     */
    public static final SctpOption<Boolean> AUTH_REQUIRED = SctpOption.of("AUTH_REQUIRED", Boolean.class, false,
            v -> {
            });

    /**
     * SCTP_HMAC_IDENT (RFC 6458 section 8.3.2): the HMAC algorithms we accept, most preferred first;
     * SHA-1 must be among them (RFC 4895 section 3.3). Default SHA-256, SHA-1. Not live.
     */
    public static final SctpOption<java.util.List<SctpAuthHmac>> AUTH_HMAC_IDENT = SctpOption.of("SCTP_HMAC_IDENT",
            java.util.List.class, false, v -> {
                if (!v.contains(SctpAuthHmac.SHA_1)) {
                    throw new IllegalArgumentException("SCTP_HMAC_IDENT must contain SHA-1 (RFC 4895 section 3.3): " + v);
                }
                if (v.size() != Set.copyOf(v).size()) {
                    throw new IllegalArgumentException("SCTP_HMAC_IDENT lists an algorithm twice: " + v);
                }
            });

    /**
     * SCTP_AUTH_CHUNK (RFC 6458 section 8.3.1): chunk types (0..255) we accept only
     * authenticated, e.g. 0 for DATA; INIT (1), INIT ACK (2), SHUTDOWN COMPLETE (14) and AUTH (15)
     * cannot be (RFC 4895 section 3.2). Default none (plus ASCONF and ASCONF-ACK). Not live.
     */
    public static final SctpOption<Set<Integer>> AUTH_CHUNKS = SctpOption.of("SCTP_AUTH_CHUNK", Set.class, false,
            v -> {
                for (Object t : v) {
                    if (!(t instanceof Integer i) || i < 0 || i > 255 || i == 1 || i == 2 || i == 14 || i == 15) {
                        throw new IllegalArgumentException("SCTP_AUTH_CHUNK holds chunk types 0..255 other than "
                                + "1, 2, 14 and 15 (RFC 4895 section 3.2), not " + t);
                    }
                }
            });

    /**
     * The endpoint-pair shared keys new associations start with, and the active one (SCTP_AUTH_KEY
     * and SCTP_AUTH_ACTIVE_KEY on the endpoint, RFC 6458 sections 8.3.2, 8.3.3). Default
     * {@link SctpAuthKeys#DEFAULT}. Not live; an association's own keys are changed on it.
     */
    public static final SctpOption<SctpAuthKeys> AUTH_KEYS = SctpOption.of("SCTP_AUTH_KEY", SctpAuthKeys.class, false,
            v -> {
            });

    /**
     * Offer ASCONF (RFC 5061; SCTP_ASCONF_SUPPORTED of usrsctp): ASCONF and ASCONF-ACK in Supported
     * Extensions, so that local addresses can be added and deleted on a live association
     * ({@link SctpAssociation#bindAddress}, {@link SctpAssociation#unbindAddress}) and the peer asked
     * to change its primary ({@link SctpAssociation#setPeerPrimary}). RFC 5061 section 4.1.1 requires
     * AUTH, so setting it true also turns {@link #AUTH_SUPPORTED} on; ASCONF is used only when the
     * peer offers both. Default false. Not live: it is negotiated at setup.
     */
    public static final SctpOption<Boolean> ASCONF_ENABLED = SctpOption.of("SCTP_ASCONF_SUPPORTED", Boolean.class,
            false, v -> {
            });

    /**
     * Proportional Rate Reduction in Fast Recovery (the proportional part of RFC 6937; RFC 6458 has
     * no such option): during Fast Recovery, chunks marked for retransmission go out in proportion
     * to the data each SACK reports delivered, even while the flight size is at or above cwnd. A
     * recovery after a burst of losses larger than one SACK can report then proceeds by fast
     * retransmissions instead of waiting for T3-rtx. Default false, as RFC 9260 section 7.2.4 step
     * 5 sends marked chunks only "as soon as cwnd allows". Not live: read when the association
     * starts its data transfer.
     */
    public static final SctpOption<Boolean> PROPORTIONAL_RATE_REDUCTION = SctpOption.of("PROPORTIONAL_RATE_REDUCTION",
            Boolean.class, false, v -> {
            });

    /**
     * Lost retransmission detection (beyond RFC 9260; RFC 6458 has no such option): a fast
     * retransmission that is lost as well is fast retransmitted again once SACKs show that data sent
     * after it arrived, instead of waiting for T3-rtx, which RFC 9260 section 7.2.4 (5) implies by
     * making such a chunk ineligible. On lossy paths most timeouts come from such chunks (see
     * docs/PERFORMANCE.md, "Under loss"). Default false. Not live: read when the association starts
     * its data transfer.
     */
    public static final SctpOption<Boolean> LOST_RETRANSMISSION_DETECTION = SctpOption.of(
            "LOST_RETRANSMISSION_DETECTION", Boolean.class, false, v -> {
            });

    private SctpOptions() {
    }

    /** {@return every option, in the order above} */
    public static java.util.List<SctpOption<?>> all() {
        return java.util.List.of(INIT_MSG, RTO_INFO, ASSOC_INFO, DEFAULT_SEND_PARAM, DEFAULT_PRINFO, NODELAY, MAX_SEG, DELAYED_ACK_TIME,
                PEER_ADDR_PARAMS, EVENTS, SEND_BUFFER, MAX_MESSAGE_SIZE, RECEIVE_BUFFER, BUFFERED_AMOUNT_LOW_THRESHOLD,
                PARTIAL_DELIVERY_POINT, ENABLE_STREAM_RESET, ZERO_CHECKSUM_ACCEPTABLE, INTERLEAVING_SUPPORTED, STREAM_SCHEDULER,
                PATH_MTU, PEER_ADDR_THLDS, NR_SACK_SUPPORTED, DISABLE_RESTART, AUTH_SUPPORTED, AUTH_REQUIRED,
                AUTH_HMAC_IDENT, AUTH_CHUNKS, AUTH_KEYS, CMT_ENABLED, CMT_CONGESTION_CONTROL,
                CMT_BUFFER_SPLITTING, ASCONF_ENABLED, ADAPTATION_LAYER,
                PROPORTIONAL_RATE_REDUCTION, LOST_RETRANSMISSION_DETECTION);
    }

    private static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ": " + value);
        }
    }

    private static void positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private static void positiveOrZero(String what, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
    }
}
