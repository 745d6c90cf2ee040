package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.cmt.CmtBufferSplitting;
import org.jsctp.core.cmt.CmtCongestionControl;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.path.PmtuConfig;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.StreamSchedulerKind;

/**
 * The protocol parameters and limits of an association, with the defaults of RFC 9260 section 16
 * where it gives one. Times are nanoseconds, sizes bytes. Immutable; build one with {@link #builder()}
 * or change one with {@link #toBuilder()}.
 *
 * @param outboundStreams streams we ask to send on (INIT's Number of Outbound Streams)
 * @param maxInboundStreams streams we accept from the peer (INIT's Number of Inbound Streams)
 * @param receiveBufferBytes receive buffer: the largest a_rwnd we advertise (RFC 9260 section 6.2)
 * @param partialDeliveryPointBytes SCTP_PARTIAL_DELIVERY_POINT (RFC 6458 section 8.1.20): once this
 *     many leading bytes of the message next in line on its stream have arrived, they are handed
 *     to the user as a piece (RFC 9260 section 6.9 allows partial delivery), so a message of any
 *     size can be received; 1..receiveBufferBytes, by default half the receive buffer (as FreeBSD)
 * @param sendBufferBytes user data queued but not yet acknowledged that we accept before refusing sends
 * @param maxMessageBytes largest user message accepted for sending (received messages may be
 *     larger: they arrive in pieces, see {@code partialDeliveryPointBytes})
 * @param pathMtu largest SCTP packet (the UDP payload of RFC 6951) sent before path MTU discovery
 * @param rtoInitialNanos RTO.Initial (1 s)
 * @param rtoMinNanos RTO.Min (1 s)
 * @param rtoMaxNanos RTO.Max (60 s)
 * @param maxInitRetransmits Max.Init.Retransmits (8)
 * @param associationMaxRetransmits Association.Max.Retrans (10)
 * @param pathMaxRetransmits Path.Max.Retrans (5)
 * @param validCookieLifeNanos Valid.Cookie.Life (60 s)
 * @param heartbeatIntervalNanos HB.interval (30 s)
 * @param delayedAckNanos the delayed SACK timer (200 ms; RFC 9260 section 6.2 allows up to 500 ms)
 * @param maxBurst Max.Burst (4)
 * @param capabilities the extensions we offer, with zero checksum (RFC 9653) off unless
 *     {@link Builder#zeroChecksum(int)} turns it on
 * @param noDelay send small messages at once even while data is in flight (SCTP_NODELAY of RFC
 *     6458); when false (the default), a packet that would not be full waits until the data in
 *     flight is acknowledged, so small messages are bundled (Nagle's algorithm, RFC 896)
 * @param lostRetransmissionDetection let a fast retransmission that is lost as well be fast
 *     retransmitted again once SACKs show data sent after it arrived, rather than wait for T3-rtx
 *     (off by default: RFC 9260 section 7.2.4 (5) makes such a chunk ineligible; on lossy paths
 *     most timeouts come from these, see docs/PERFORMANCE.md "Under loss")
 * @param defaultPrPolicy the PR-SCTP policy of messages sent without one (SCTP_DEFAULT_PRINFO of
 *     RFC 7496 section 4.3); {@link PrPolicy#NONE}, fully reliable, by default
 * @param acceptStreamReconfig whether the peer's stream reconfiguration requests (RFC 6525
 *     section 5.2) are performed; when false (the default, as usrsctp) they are answered "Denied".
 *     Offering RE-CONFIG at all is {@link Capabilities#streamReconfig()}
 * @param streamScheduler which stream scheduler of RFC 8260 section 3 picks the stream of each
 *     message (DATA) or fragment (I-DATA), SCTP_STREAM_SCHEDULER of RFC 8260 section 4.3.1;
 *     {@link StreamSchedulerKind#FCFS} by default
 * @param maxPeerAddresses the most addresses the peer may have in the association: an ASCONF Add
 *     IP Address beyond it is refused with Operation Refused Due to Resource Shortage (RFC 5061
 *     section 4.3.2); 1..1024, 32 by default. Whether ASCONF is offered at all is
 *     {@link Capabilities#asconf()} (see {@link #asconfSupported()})
 * @param plpmtud Packetization Layer Path MTU Discovery (RFC 8899): on by default, starting each
 *     path at BASE_PLPMTU (1200) and probing up to MAX_PLPMTU ({@code pathMtu} unless set); when
 *     off, every path uses {@code pathMtu} as a fixed MTU (see docs/EXTENSIONS.md "Path MTU discovery")
 * @param localAddresses our addresses, listed as IPv4/IPv6 Address parameters in INIT and INIT
 *     ACK (RFC 9260 section 5.1.2) so the peer can reach us on each (multi-homing); empty, the
 *     default, lists none and the peer uses the packets' source address. Literal addresses only:
 *     the core never resolves names
 * @param potentiallyFailedMaxRetransmits PotentiallyFailed.Max.Retrans (PFMR) of RFC 7829 section
 *     5: a path of a multi-homed association whose error counter exceeds it becomes Potentially
 *     Failed and carries no data while another path is active; 0 (the RFC 7829 section 8 value,
 *     the default) makes the first timeout do it. At or above Path.Max.Retrans turns quick failover
 *     off
 * @param primarySwitchoverMaxRetransmits Primary.Switchover.Max.Retrans (PSMR) of RFC 7829 section
 *     6: once the primary path's error counter exceeds it while another path is active, that path
 *     becomes the primary for good (no switch back when the old primary recovers);
 *     {@link #PRIMARY_SWITCHOVER_OFF} (the default) keeps the RFC 9260 behaviour of returning to
 *     the primary
 * @param auth how AUTH (RFC 4895) is used when {@link Capabilities#auth()} offers it: required or
 *     not, HMAC preference, chunk types to authenticate, endpoint-pair shared keys;
 *     {@link AuthConfig#DEFAULTS} unless {@link Builder#auth(AuthConfig)} sets it
 * @param cmtEnabled whether concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath
 *     section 3: new data spread over all active paths, with the algorithms of package
 *     {@code org.jsctp.core.cmt}) is wanted; off by default. It takes effect only where NR-SACK
 *     is negotiated too, see {@link org.jsctp.core.cmt.CmtActivation}
 * @param adaptationIndication the Adaptation Code Point we announce in an Adaptation Layer
 *     Indication parameter of our INIT or INIT ACK (RFC 5061 section 4.2.6; SCTP_ADAPTATION_LAYER
 *     of RFC 6458 section 8.1.10); empty, the default, announces none
 * @param maxGapAckBlocks the most Gap Ack Blocks (and NR Gap Ack Blocks) one SACK or NR-SACK of
 *     ours reports; {@link #GAP_BLOCKS_WHAT_FITS} (the default) reports as many as fit one packet
 *     of the path MTU, as RFC 9260 section 6.2 requires; a positive value caps that further
 * @param proportionalRateReduction in Fast Recovery, let marked chunks be retransmitted in
 *     proportion to the data the SACKs report delivered even while the flight size is at or above
 *     cwnd (the proportional part of RFC 6937's Proportional Rate Reduction), so a recovery whose
 *     flight size counts data the receiver holds but could not report does not wait for T3-rtx;
 *     off by default (RFC 9260 section 7.2.4 step 5: marked chunks go "as soon as cwnd allows")
 * @param cmtCongestionControl how the congestion windows of the paths are coupled while CMT runs
 *     (FreeBSD's {@code sctp_cmt_on_off} 1 to 4): {@link CmtCongestionControl#UNCOUPLED}, the
 *     default, gives each path its own RFC 9260 Reno controller; {@link CmtCongestionControl#RP_V1}
 *     and {@link CmtCongestionControl#RP_V2} (CMT/RPv1 and CMT/RPv2 of Dreibholz et al.) and
 *     {@link CmtCongestionControl#LIA} (RFC 6356's linked increases) make the association about as
 *     aggressive as one single-path flow (package {@code org.jsctp.core.cc.coupled}). It matters
 *     only where CMT takes effect ({@code cmtEnabled} and NR-SACK negotiated)
 * @param cmtBufferSplitting which buffers CMT divides among its active paths (FreeBSD's
 *     {@code sctp_buffer_splitting}, bit 0x1 send and bit 0x2 receive):
 *     {@link CmtBufferSplitting#NONE}, the default, limits each path by its cwnd only;
 *     {@link CmtBufferSplitting#SEND} keeps each path's flight size within the send buffer
 *     divided by the number of active paths, {@link CmtBufferSplitting#RECEIVE} within the
 *     peer's advertised receiver window divided by it, {@link CmtBufferSplitting#BOTH} within
 *     the smaller (the rule is {@code org.jsctp.core.cmt.BufferSplit}). It limits new data
 *     only, not retransmissions, and only where CMT takes effect
 */
public record AssociationConfig(int outboundStreams, int maxInboundStreams, int receiveBufferBytes,
                                int partialDeliveryPointBytes, long sendBufferBytes, int maxMessageBytes, int pathMtu,
                                long rtoInitialNanos, long rtoMinNanos, long rtoMaxNanos,
                                int maxInitRetransmits, int associationMaxRetransmits, int pathMaxRetransmits,
                                long validCookieLifeNanos, long heartbeatIntervalNanos, long delayedAckNanos,
                                int maxBurst, Capabilities capabilities, boolean noDelay,
                                boolean lostRetransmissionDetection, PrPolicy defaultPrPolicy,
                                boolean acceptStreamReconfig, StreamSchedulerKind streamScheduler,
                                int maxPeerAddresses, PmtuConfig plpmtud,
                                List<InetAddress> localAddresses, int potentiallyFailedMaxRetransmits,
                                int primarySwitchoverMaxRetransmits, AuthConfig auth, boolean cmtEnabled,
                                OptionalInt adaptationIndication, int maxGapAckBlocks,
                                boolean proportionalRateReduction, CmtCongestionControl cmtCongestionControl,
                                CmtBufferSplitting cmtBufferSplitting) {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** {@link #primarySwitchoverMaxRetransmits()} that turns Primary Path Switchover (RFC 7829 section 6) off. */
    public static final int PRIMARY_SWITCHOVER_OFF = -1;

    /** {@link #maxGapAckBlocks()} that reports as many Gap Ack Blocks as fit the path MTU (RFC 9260 section 6.2). */
    public static final int GAP_BLOCKS_WHAT_FITS = 0;

    /** Smallest SCTP packet size we run with: an IPv6 minimum MTU of 1280 less IPv6 and UDP headers. */
    public static final int MIN_PATH_MTU = 1280 - 40 - 8;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param outboundStreams streams we ask to send on (INIT's Number of Outbound Streams)
     * @param maxInboundStreams streams we accept from the peer (INIT's Number of Inbound Streams)
     * @param receiveBufferBytes receive buffer: the largest a_rwnd we advertise (RFC 9260 section 6.2)
     * @param partialDeliveryPointBytes SCTP_PARTIAL_DELIVERY_POINT (RFC 6458 section 8.1.20): once this
     *     many leading bytes of the message next in line on its stream have arrived, they are handed
     *     to the user as a piece (RFC 9260 section 6.9 allows partial delivery), so a message of any
     *     size can be received; 1..receiveBufferBytes, by default half the receive buffer (as FreeBSD)
     * @param sendBufferBytes user data queued but not yet acknowledged that we accept before refusing sends
     * @param maxMessageBytes largest user message accepted for sending (received messages may be
     *     larger: they arrive in pieces, see {@code partialDeliveryPointBytes})
     * @param pathMtu largest SCTP packet (the UDP payload of RFC 6951) sent before path MTU discovery
     * @param rtoInitialNanos RTO.Initial (1 s)
     * @param rtoMinNanos RTO.Min (1 s)
     * @param rtoMaxNanos RTO.Max (60 s)
     * @param maxInitRetransmits Max.Init.Retransmits (8)
     * @param associationMaxRetransmits Association.Max.Retrans (10)
     * @param pathMaxRetransmits Path.Max.Retrans (5)
     * @param validCookieLifeNanos Valid.Cookie.Life (60 s)
     * @param heartbeatIntervalNanos HB.interval (30 s)
     * @param delayedAckNanos the delayed SACK timer (200 ms; RFC 9260 section 6.2 allows up to 500 ms)
     * @param maxBurst Max.Burst (4)
     * @param capabilities the extensions we offer, with zero checksum (RFC 9653) off unless
     *     {@link Builder#zeroChecksum(int)} turns it on
     * @param noDelay send small messages at once even while data is in flight (SCTP_NODELAY of RFC
     *     6458); when false (the default), a packet that would not be full waits until the data in
     *     flight is acknowledged, so small messages are bundled (Nagle's algorithm, RFC 896)
     * @param lostRetransmissionDetection let a fast retransmission that is lost as well be fast
     *     retransmitted again once SACKs show data sent after it arrived, rather than wait for T3-rtx
     *     (off by default: RFC 9260 section 7.2.4 (5) makes such a chunk ineligible; on lossy paths
     *     most timeouts come from these, see docs/PERFORMANCE.md "Under loss")
     * @param defaultPrPolicy the PR-SCTP policy of messages sent without one (SCTP_DEFAULT_PRINFO of
     *     RFC 7496 section 4.3); {@link PrPolicy#NONE}, fully reliable, by default
     * @param acceptStreamReconfig whether the peer's stream reconfiguration requests (RFC 6525
     *     section 5.2) are performed; when false (the default, as usrsctp) they are answered "Denied".
     *     Offering RE-CONFIG at all is {@link Capabilities#streamReconfig()}
     * @param streamScheduler which stream scheduler of RFC 8260 section 3 picks the stream of each
     *     message (DATA) or fragment (I-DATA), SCTP_STREAM_SCHEDULER of RFC 8260 section 4.3.1;
     *     {@link StreamSchedulerKind#FCFS} by default
     * @param maxPeerAddresses the most addresses the peer may have in the association: an ASCONF Add
     *     IP Address beyond it is refused with Operation Refused Due to Resource Shortage (RFC 5061
     *     section 4.3.2); 1..1024, 32 by default. Whether ASCONF is offered at all is
     *     {@link Capabilities#asconf()} (see {@link #asconfSupported()})
     * @param plpmtud Packetization Layer Path MTU Discovery (RFC 8899): on by default, starting each
     *     path at BASE_PLPMTU (1200) and probing up to MAX_PLPMTU ({@code pathMtu} unless set); when
     *     off, every path uses {@code pathMtu} as a fixed MTU (see docs/EXTENSIONS.md "Path MTU discovery")
     * @param localAddresses our addresses, listed as IPv4/IPv6 Address parameters in INIT and INIT
     *     ACK (RFC 9260 section 5.1.2) so the peer can reach us on each (multi-homing); empty, the
     *     default, lists none and the peer uses the packets' source address. Literal addresses only:
     *     the core never resolves names
     * @param potentiallyFailedMaxRetransmits PotentiallyFailed.Max.Retrans (PFMR) of RFC 7829 section
     *     5: a path of a multi-homed association whose error counter exceeds it becomes Potentially
     *     Failed and carries no data while another path is active; 0 (the RFC 7829 section 8 value,
     *     the default) makes the first timeout do it. At or above Path.Max.Retrans turns quick failover
     *     off
     * @param primarySwitchoverMaxRetransmits Primary.Switchover.Max.Retrans (PSMR) of RFC 7829 section
     *     6: once the primary path's error counter exceeds it while another path is active, that path
     *     becomes the primary for good (no switch back when the old primary recovers);
     *     {@link #PRIMARY_SWITCHOVER_OFF} (the default) keeps the RFC 9260 behaviour of returning to
     *     the primary
     * @param auth how AUTH (RFC 4895) is used when {@link Capabilities#auth()} offers it: required or
     *     not, HMAC preference, chunk types to authenticate, endpoint-pair shared keys;
     *     {@link AuthConfig#DEFAULTS} unless {@link Builder#auth(AuthConfig)} sets it
     * @param cmtEnabled whether concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath
     *     section 3: new data spread over all active paths, with the algorithms of package
     *     {@code org.jsctp.core.cmt}) is wanted; off by default. It takes effect only where NR-SACK
     *     is negotiated too, see {@link org.jsctp.core.cmt.CmtActivation}
     * @param adaptationIndication the Adaptation Code Point we announce in an Adaptation Layer
     *     Indication parameter of our INIT or INIT ACK (RFC 5061 section 4.2.6; SCTP_ADAPTATION_LAYER
     *     of RFC 6458 section 8.1.10); empty, the default, announces none
     * @param maxGapAckBlocks the most Gap Ack Blocks (and NR Gap Ack Blocks) one SACK or NR-SACK of
     *     ours reports; {@link #GAP_BLOCKS_WHAT_FITS} (the default) reports as many as fit one packet
     *     of the path MTU, as RFC 9260 section 6.2 requires; a positive value caps that further
     * @param proportionalRateReduction in Fast Recovery, let marked chunks be retransmitted in
     *     proportion to the data the SACKs report delivered even while the flight size is at or above
     *     cwnd (the proportional part of RFC 6937's Proportional Rate Reduction), so a recovery whose
     *     flight size counts data the receiver holds but could not report does not wait for T3-rtx;
     *     off by default (RFC 9260 section 7.2.4 step 5: marked chunks go "as soon as cwnd allows")
     * @param cmtCongestionControl how the congestion windows of the paths are coupled while CMT runs
     *     (FreeBSD's {@code sctp_cmt_on_off} 1 to 4): {@link CmtCongestionControl#UNCOUPLED}, the
     *     default, gives each path its own RFC 9260 Reno controller; {@link CmtCongestionControl#RP_V1}
     *     and {@link CmtCongestionControl#RP_V2} (CMT/RPv1 and CMT/RPv2 of Dreibholz et al.) and
     *     {@link CmtCongestionControl#LIA} (RFC 6356's linked increases) make the association about as
     *     aggressive as one single-path flow (package {@code org.jsctp.core.cc.coupled}). It matters
     *     only where CMT takes effect ({@code cmtEnabled} and NR-SACK negotiated)
     * @param cmtBufferSplitting which buffers CMT divides among its active paths (FreeBSD's
     *     {@code sctp_buffer_splitting}, bit 0x1 send and bit 0x2 receive):
     *     {@link CmtBufferSplitting#NONE}, the default, limits each path by its cwnd only;
     *     {@link CmtBufferSplitting#SEND} keeps each path's flight size within the send buffer
     *     divided by the number of active paths, {@link CmtBufferSplitting#RECEIVE} within the
     *     peer's advertised receiver window divided by it, {@link CmtBufferSplitting#BOTH} within
     *     the smaller (the rule is {@code org.jsctp.core.cmt.BufferSplit}). It limits new data
     *     only, not retransmissions, and only where CMT takes effect
     * @throws IllegalArgumentException if a component is out of range
     */
    public AssociationConfig {
        Objects.requireNonNull(adaptationIndication, "adaptationIndication (OptionalInt.empty() for none)");
        requireRange("outboundStreams", outboundStreams, 1, 65535);
        requireRange("maxInboundStreams", maxInboundStreams, 1, 65535);
        requireRange("receiveBufferBytes", receiveBufferBytes, 1500, Integer.MAX_VALUE);
        requireRange("partialDeliveryPointBytes", partialDeliveryPointBytes, 1, receiveBufferBytes);
        if (sendBufferBytes < 1500) {
            throw new IllegalArgumentException("sendBufferBytes must be at least 1500: " + sendBufferBytes);
        }
        requireRange("maxMessageBytes", maxMessageBytes, 1, Integer.MAX_VALUE);
        requireRange("pathMtu", pathMtu, MIN_PATH_MTU, 65535);
        if (rtoMinNanos <= 0 || rtoMinNanos > rtoInitialNanos || rtoInitialNanos > rtoMaxNanos) {
            throw new IllegalArgumentException("need 0 < RTO.Min <= RTO.Initial <= RTO.Max");
        }
        requireRange("maxInitRetransmits", maxInitRetransmits, 0, 1000);
        requireRange("associationMaxRetransmits", associationMaxRetransmits, 0, 1000);
        requireRange("pathMaxRetransmits", pathMaxRetransmits, 0, 1000);
        requireRange("maxGapAckBlocks", maxGapAckBlocks, 0, 65535);
        if (validCookieLifeNanos <= 0 || heartbeatIntervalNanos <= 0 || delayedAckNanos <= 0) {
            throw new IllegalArgumentException("cookie life, heartbeat interval and delayed-ACK time must be positive");
        }
        if (delayedAckNanos > 500 * MS) {
            throw new IllegalArgumentException("RFC 9260 section 6.2: the SACK delay must not exceed 500 ms");
        }
        requireRange("maxBurst", maxBurst, 1, 1000);
        if (capabilities == null) {
            throw new IllegalArgumentException("capabilities must not be null");
        }
        if (defaultPrPolicy == null) {
            throw new IllegalArgumentException("defaultPrPolicy must not be null (PrPolicy.NONE for none)");
        }
        if (streamScheduler == null) {
            throw new IllegalArgumentException("streamScheduler must not be null (FCFS is the default)");
        }
        requireRange("maxPeerAddresses", maxPeerAddresses, 1, 1024);
        if (plpmtud == null) {
            throw new IllegalArgumentException("plpmtud must not be null (PmtuConfig.disabled() for a fixed MTU)");
        }
        if (plpmtud.enabled() && plpmtud.maxPlpmtu() == 0 && pathMtu < plpmtud.basePlpmtu()) {
            throw new IllegalArgumentException("pathMtu " + pathMtu + " (MAX_PLPMTU) below BASE_PLPMTU "
                    + plpmtud.basePlpmtu());
        }
        if (localAddresses == null) {
            throw new IllegalArgumentException("localAddresses must not be null (empty for none)");
        }
        localAddresses = List.copyOf(localAddresses);
        if (localAddresses.stream().distinct().count() != localAddresses.size()) {
            throw new IllegalArgumentException("localAddresses lists an address twice: " + localAddresses);
        }
        requireRange("potentiallyFailedMaxRetransmits", potentiallyFailedMaxRetransmits, 0, 1000);
        requireRange("primarySwitchoverMaxRetransmits", primarySwitchoverMaxRetransmits, PRIMARY_SWITCHOVER_OFF, 1000);
        if (auth == null) {
            throw new IllegalArgumentException("auth must not be null (AuthConfig.DEFAULTS for the defaults)");
        }
        if (cmtCongestionControl == null) {
            throw new IllegalArgumentException("cmtCongestionControl must not be null (UNCOUPLED is the default)");
        }
        if (cmtBufferSplitting == null) {
            throw new IllegalArgumentException("cmtBufferSplitting must not be null (NONE is the default)");
        }
    }

    /** {@return RFC 9260 section 16 values, 10 outbound and 2048 inbound streams, 2 MiB buffers, PR-SCTP offered} */
    public static AssociationConfig defaults() {
        return builder().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.outboundStreams = outboundStreams;
        b.maxInboundStreams = maxInboundStreams;
        b.receiveBufferBytes = receiveBufferBytes;
        // A point at the default stays the default, so it follows a new receive buffer size.
        if (partialDeliveryPointBytes != defaultPartialDeliveryPoint(receiveBufferBytes)) {
            b.partialDeliveryPointBytes(partialDeliveryPointBytes);
        }
        b.sendBufferBytes = sendBufferBytes;
        b.maxMessageBytes = maxMessageBytes;
        b.pathMtu = pathMtu;
        b.rtoInitialNanos = rtoInitialNanos;
        b.rtoMinNanos = rtoMinNanos;
        b.rtoMaxNanos = rtoMaxNanos;
        b.maxInitRetransmits = maxInitRetransmits;
        b.associationMaxRetransmits = associationMaxRetransmits;
        b.pathMaxRetransmits = pathMaxRetransmits;
        b.validCookieLifeNanos = validCookieLifeNanos;
        b.heartbeatIntervalNanos = heartbeatIntervalNanos;
        b.delayedAckNanos = delayedAckNanos;
        b.maxBurst = maxBurst;
        b.capabilities = capabilities;
        b.noDelay = noDelay;
        b.lostRetransmissionDetection = lostRetransmissionDetection;
        b.defaultPrPolicy = defaultPrPolicy;
        b.acceptStreamReconfig = acceptStreamReconfig;
        b.streamScheduler = streamScheduler;
        b.maxPeerAddresses = maxPeerAddresses;
        b.plpmtud = plpmtud;
        b.localAddresses = localAddresses;
        b.potentiallyFailedMaxRetransmits = potentiallyFailedMaxRetransmits;
        b.primarySwitchoverMaxRetransmits = primarySwitchoverMaxRetransmits;
        b.auth = auth;
        b.cmtEnabled = cmtEnabled;
        b.adaptationIndication = adaptationIndication;
        b.maxGapAckBlocks = maxGapAckBlocks;
        b.proportionalRateReduction = proportionalRateReduction;
        b.cmtCongestionControl = cmtCongestionControl;
        b.cmtBufferSplitting = cmtBufferSplitting;
        return b;
    }

    /**
     * The EDMID we announce in Zero Checksum Acceptable (RFC 9653), or
     * {@link Capabilities#NO_ZERO_CHECKSUM} when off.
     *
     * @return the error detection method identifier
     */
    public int zeroChecksumMethod() {
        return capabilities.zeroChecksumMethod();
    }

    /**
     * Whether ASCONF (RFC 5061) is offered: {@link Capabilities#asconf()} of {@link #capabilities()};
     * off by default. It is usable only where AUTH is negotiated too (RFC 5061 section 4.1.1).
     *
     * @return whether ASCONF and ASCONF-ACK are offered in Supported Extensions
     */
    public boolean asconfSupported() {
        return capabilities.asconf();
    }

    /** {@return whether PLPMTUD (RFC 8899) runs; when not, {@link #pathMtu()} is the fixed MTU of every path} */
    public boolean plpmtudEnabled() {
        return plpmtud.enabled();
    }

    /**
     * Whether we offer NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2): when the peer
     * offers it too, we acknowledge with NR-SACK chunks and free the data it reports
     * non-renegable at once. Off by default (see {@link Builder#nrSackSupported(boolean)}).
     *
     * @return whether NR-SACK is offered
     */
    public boolean nrSackSupported() {
        return capabilities.nrSack();
    }

    /**
     * Whether we send the Disable Restart parameter (draft-ietf-tsvwg-natsupp section 5.3.1) in
     * our INIT and INIT ACK; off by default.
     *
     * @return whether restarts are refused
     */
    public boolean disableRestart() {
        return capabilities.disableRestart();
    }

    /**
     * {@return the partial delivery point for a receive buffer when none is set: half of it, as FreeBSD does}
     *
     * @param receiveBufferBytes the receive buffer in bytes
     */
    public static int defaultPartialDeliveryPoint(int receiveBufferBytes) {
        return Math.max(1, receiveBufferBytes / 2);
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int outboundStreams = 10;
        private int maxInboundStreams = 2048;
        private int receiveBufferBytes = 2 * 1024 * 1024;
        private int partialDeliveryPointBytes;
        /** Whether the point was set; if not, the default for the receive buffer applies. */
        private boolean partialDeliveryPointSet;
        private long sendBufferBytes = 2L * 1024 * 1024;
        private int maxMessageBytes = 1024 * 1024;
        private int pathMtu = 1452;
        private long rtoInitialNanos = S;
        private long rtoMinNanos = S;
        private long rtoMaxNanos = 60 * S;
        private int maxInitRetransmits = 8;
        private int associationMaxRetransmits = 10;
        private int pathMaxRetransmits = 5;
        private long validCookieLifeNanos = 60 * S;
        private long heartbeatIntervalNanos = 30 * S;
        private long delayedAckNanos = 200 * MS;
        private int maxBurst = 4;
        private Capabilities capabilities = new Capabilities(true, false, false);
        private boolean noDelay = false;
        private boolean lostRetransmissionDetection = false;
        private PrPolicy defaultPrPolicy = PrPolicy.NONE;
        private boolean acceptStreamReconfig = false;
        /** The flag of {@link #nrSackSupported(boolean)}, or null when not set (capabilities decide). */
        private Boolean nrSackSupported;
        /** The flag of {@link #disableRestart(boolean)}, or null when not set (capabilities decide). */
        private Boolean disableRestart;
        /** The EDMID of {@link #zeroChecksum(int)}, or null when not set (capabilities decide). */
        private Integer zeroChecksumMethod;
        private StreamSchedulerKind streamScheduler = StreamSchedulerKind.FCFS;
        private int maxPeerAddresses = 32;
        private PmtuConfig plpmtud = PmtuConfig.defaults();
        private List<InetAddress> localAddresses = List.of();
        private int potentiallyFailedMaxRetransmits = 0;
        private int primarySwitchoverMaxRetransmits = PRIMARY_SWITCHOVER_OFF;
        private AuthConfig auth = AuthConfig.DEFAULTS;
        private boolean cmtEnabled = false;
        private OptionalInt adaptationIndication = OptionalInt.empty();
        private int maxGapAckBlocks = GAP_BLOCKS_WHAT_FITS;
        private boolean proportionalRateReduction = false;
        private CmtCongestionControl cmtCongestionControl = CmtCongestionControl.UNCOUPLED;
        private CmtBufferSplitting cmtBufferSplitting = CmtBufferSplitting.NONE;

        private Builder() {
        }

        /**
         * Sets {@link AssociationConfig#outboundStreams()}; the range is checked by {@link #build()}.
         *
         * @param value the new outboundStreams
         * @return this builder
         */
        public Builder outboundStreams(int value) {
            this.outboundStreams = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#maxInboundStreams()}; the range is checked by {@link #build()}.
         *
         * @param value the new maxInboundStreams
         * @return this builder
         */
        public Builder maxInboundStreams(int value) {
            this.maxInboundStreams = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#receiveBufferBytes()}; the range is checked by {@link #build()}.
         *
         * @param value the new receiveBufferBytes
         * @return this builder
         */
        public Builder receiveBufferBytes(int value) {
            this.receiveBufferBytes = value;
            return this;
        }

        /**
         * SCTP_PARTIAL_DELIVERY_POINT (RFC 6458 section 8.1.20), 1..receiveBufferBytes. Unless
         * set, it is {@link AssociationConfig#defaultPartialDeliveryPoint} of the receive buffer.
         *
         * @param value the partial delivery point in bytes
         * @return this builder
         */
        public Builder partialDeliveryPointBytes(int value) {
            this.partialDeliveryPointBytes = value;
            this.partialDeliveryPointSet = true;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#sendBufferBytes()}; the range is checked by {@link #build()}.
         *
         * @param value the new sendBufferBytes
         * @return this builder
         */
        public Builder sendBufferBytes(long value) {
            this.sendBufferBytes = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#maxMessageBytes()}; the range is checked by {@link #build()}.
         *
         * @param value the new maxMessageBytes
         * @return this builder
         */
        public Builder maxMessageBytes(int value) {
            this.maxMessageBytes = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#pathMtu()}; the range is checked by {@link #build()}.
         *
         * @param value the new pathMtu
         * @return this builder
         */
        public Builder pathMtu(int value) {
            this.pathMtu = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#rtoInitialNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new rtoInitialNanos
         * @return this builder
         */
        public Builder rtoInitialNanos(long value) {
            this.rtoInitialNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#rtoMinNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new rtoMinNanos
         * @return this builder
         */
        public Builder rtoMinNanos(long value) {
            this.rtoMinNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#rtoMaxNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new rtoMaxNanos
         * @return this builder
         */
        public Builder rtoMaxNanos(long value) {
            this.rtoMaxNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#maxInitRetransmits()}; the range is checked by {@link #build()}.
         *
         * @param value the new maxInitRetransmits
         * @return this builder
         */
        public Builder maxInitRetransmits(int value) {
            this.maxInitRetransmits = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#associationMaxRetransmits()}; the range is checked by {@link #build()}.
         *
         * @param value the new associationMaxRetransmits
         * @return this builder
         */
        public Builder associationMaxRetransmits(int value) {
            this.associationMaxRetransmits = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#pathMaxRetransmits()}; the range is checked by {@link #build()}.
         *
         * @param value the new pathMaxRetransmits
         * @return this builder
         */
        public Builder pathMaxRetransmits(int value) {
            this.pathMaxRetransmits = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#validCookieLifeNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new validCookieLifeNanos
         * @return this builder
         */
        public Builder validCookieLifeNanos(long value) {
            this.validCookieLifeNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#heartbeatIntervalNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new heartbeatIntervalNanos
         * @return this builder
         */
        public Builder heartbeatIntervalNanos(long value) {
            this.heartbeatIntervalNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#delayedAckNanos()}; the range is checked by {@link #build()}.
         *
         * @param value the new delayedAckNanos
         * @return this builder
         */
        public Builder delayedAckNanos(long value) {
            this.delayedAckNanos = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#maxBurst()}; the range is checked by {@link #build()}.
         *
         * @param value the new maxBurst
         * @return this builder
         */
        public Builder maxBurst(int value) {
            this.maxBurst = value;
            return this;
        }

        /**
         * The extensions offered so far, so one option can change its own flag with a wither.
         *
         * @return the capabilities this builder would build with
         */
        public Capabilities capabilities() {
            return capabilities;
        }

        /**
         * Sets {@link AssociationConfig#capabilities()}; the range is checked by {@link #build()}.
         *
         * @param value the new capabilities
         * @return this builder
         */
        public Builder capabilities(Capabilities value) {
            this.capabilities = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#noDelay()}; the range is checked by {@link #build()}.
         *
         * @param value the new noDelay
         * @return this builder
         */
        public Builder noDelay(boolean value) {
            this.noDelay = value;
            return this;
        }

        /**
         * Sets {@link AssociationConfig#lostRetransmissionDetection()}; the range is checked by {@link #build()}.
         *
         * @param value the new lostRetransmissionDetection
         * @return this builder
         */
        public Builder lostRetransmissionDetection(boolean value) {
            this.lostRetransmissionDetection = value;
            return this;
        }

        /**
         * The PR-SCTP policy of messages sent without one (RFC 7496 section 4.3, SCTP_DEFAULT_PRINFO).
         *
         * @param value the policy
         * @return this builder
         */
        public Builder defaultPrPolicy(PrPolicy value) {
            this.defaultPrPolicy = value;
            return this;
        }

        /**
         * Whether the peer's stream reconfiguration requests are performed (RFC 6525 section 5.2)
         * or denied (the default).
         *
         * @param value true to accept
         * @return this builder
         */
        public Builder acceptStreamReconfig(boolean value) {
            this.acceptStreamReconfig = value;
            return this;
        }

        /**
         * Announces Zero Checksum Acceptable (RFC 9653 section 4) in our INIT and INIT ACK with
         * error detection method {@code edmid}: we then take packets with a zero checksum as well as
         * with a correct CRC32C (section 5.3), and send zero checksums to a peer that announced the
         * same method (section 5.2). {@link Capabilities#NO_ZERO_CHECKSUM} (0), the default, turns
         * it off. Wins over the zero checksum of {@link #capabilities(Capabilities)}, whichever is
         * called first.
         *
         * <p>Which EDMID: RFC 9653 registers one method, 1 (SCTP over DTLS, RFC 8261, section 6),
         * and none for UDP encapsulation (RFC 6951). Over plain UDP only the 16-bit UDP checksum
         * (optional over IPv4) would be left, far weaker than CRC32C, so turn this on only when the
         * datagrams travel inside a layer that protects their integrity at least as well, such as
         * DTLS or an authenticated tunnel (IPsec, WireGuard), and the peer knows it too. EDMID 1
         * is the honest choice only when that layer is DTLS; for another one, agree on a value with
         * the peer (any non-zero value works between two jsctp endpoints, since only equal EDMIDs
         * count).
         *
         * @param edmid the Error Detection Method Identifier, or 0 for off
         * @return this builder
         */
        public Builder zeroChecksum(int edmid) {
            this.zeroChecksumMethod = edmid;
            return this;
        }

        /**
         * The stream scheduler (SCTP_STREAM_SCHEDULER, RFC 8260 section 4.3.1).
         *
         * @param value the scheduler kind
         * @return this builder
         */
        public Builder streamScheduler(StreamSchedulerKind value) {
            this.streamScheduler = value;
            return this;
        }

        /**
         * Offers ASCONF (RFC 5061 section 4.2.7) or not: {@link Capabilities#withAsconf} on the
         * capabilities so far.
         *
         * @param value whether ASCONF and ASCONF-ACK are offered
         * @return this builder
         */
        public Builder asconfSupported(boolean value) {
            this.capabilities = capabilities.withAsconf(value);
            return this;
        }

        /**
         * Offers AUTH (RFC 4895) and uses it as {@code value} says; the same as
         * {@code capabilities(capabilities().withAuth(true))} with these settings.
         *
         * @param value the AUTH settings
         * @return this builder
         */
        public Builder auth(AuthConfig value) {
            this.auth = value;
            this.capabilities = capabilities.withAuth(true);
            return this;
        }

        /**
         * Offers NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2, chunk type 0x10 in
         * Supported Extensions). When both sides offer it, each acknowledges with NR-SACK instead
         * of SACK; our receiver never reneges, so it reports every out-of-order TSN as
         * non-renegable and the sender frees those chunks (and their room in the send buffer) at
         * once. Off by default: usrsctp and FreeBSD offer it only when their nrsack_enable sysctl
         * is on (off by default) and Linux not at all, so only jsctp-to-jsctp associations would
         * use it otherwise. Wins over the flag of {@link #capabilities(Capabilities)}.
         *
         * @param value whether NR-SACK is offered
         * @return this builder
         */
        public Builder nrSackSupported(boolean value) {
            this.nrSackSupported = value;
            return this;
        }

        /**
         * Our addresses to list in INIT and INIT ACK (RFC 9260 section 5.1.2); empty for none.
         *
         * @param value literal IPv4/IPv6 addresses, each once
         * @return this builder
         */
        public Builder localAddresses(List<InetAddress> value) {
            this.localAddresses = value;
            return this;
        }

        /**
         * The PLPMTUD constants (RFC 8899 section 5.1), {@link PmtuConfig#defaults()} unless set.
         *
         * @param value the constants, {@link PmtuConfig#disabled()} for a fixed MTU
         * @return this builder
         */
        public Builder plpmtud(PmtuConfig value) {
            this.plpmtud = value;
            return this;
        }

        /** {@return the PLPMTUD settings this builder would build with} */
        public PmtuConfig plpmtud() {
            return plpmtud;
        }

        /**
         * Turns PLPMTUD (RFC 8899) on or off, keeping its other constants.
         *
         * @param value whether PLPMTUD runs
         * @return this builder
         */
        public Builder plpmtudEnabled(boolean value) {
            this.plpmtud = plpmtud.withEnabled(value);
            return this;
        }

        /**
         * PotentiallyFailed.Max.Retrans (RFC 7829 section 5), 0 by default.
         *
         * @param value 0..1000
         * @return this builder
         */
        public Builder potentiallyFailedMaxRetransmits(int value) {
            this.potentiallyFailedMaxRetransmits = value;
            return this;
        }

        /**
         * The most addresses the peer may have (see {@link AssociationConfig#maxPeerAddresses()}).
         *
         * @param value 1..1024
         * @return this builder
         */
        public Builder maxPeerAddresses(int value) {
            this.maxPeerAddresses = value;
            return this;
        }

        /**
         * A fixed path MTU: PLPMTUD off and every path sending packets of up to {@code bytes}
         * (the tools' {@code --mtu N}; RFC 6458 section 8.1.12 spp_pathmtu with SPP_PMTUD_DISABLE).
         *
         * @param bytes the path MTU in bytes (the SCTP packet size)
         * @return this builder
         */
        public Builder fixedMtu(int bytes) {
            this.pathMtu = bytes;
            this.plpmtud = plpmtud.withEnabled(false);
            return this;
        }

        /**
         * Primary.Switchover.Max.Retrans (RFC 7829 section 6), {@link #PRIMARY_SWITCHOVER_OFF} by default.
         *
         * @param value -1 (off) or 0..1000
         * @return this builder
         */
        public Builder primarySwitchoverMaxRetransmits(int value) {
            this.primarySwitchoverMaxRetransmits = value;
            return this;
        }

        /**
         * Sends the Disable Restart parameter (draft-ietf-tsvwg-natsupp section 5.3.1) in our INIT
         * and INIT ACK. When either side sent it, a restart of the association (RFC 9260 section
         * 5.2.4 case A) is refused and the existing association lives on (section 6.1): behind a
         * NAT another host with the same ports could otherwise restart it. Off by default. Wins
         * over the flag of {@link #capabilities(Capabilities)}.
         *
         * @param value whether restarts are disabled
         * @return this builder
         */
        public Builder disableRestart(boolean value) {
            this.disableRestart = value;
            return this;
        }

        /**
         * The AUTH settings so far.
         *
         * @return the settings
         */
        public AuthConfig auth() {
            return auth;
        }

        /**
         * Wants concurrent multipath transfer or not (see {@link AssociationConfig#cmtEnabled()});
         * off by default.
         *
         * @param value whether CMT is wanted
         * @return this builder
         */
        public Builder cmtEnabled(boolean value) {
            this.cmtEnabled = value;
            return this;
        }

        /**
         * The Adaptation Code Point to announce (see {@link AssociationConfig#adaptationIndication()});
         * any 32-bit value.
         *
         * @param codePoint the code point, as an unsigned 32-bit value in an int
         * @return this builder
         */
        public Builder adaptationIndication(int codePoint) {
            this.adaptationIndication = OptionalInt.of(codePoint);
            return this;
        }

        /**
         * Announces no Adaptation Layer Indication (the default).
         *
         * @return this builder
         */
        public Builder noAdaptationIndication() {
            this.adaptationIndication = OptionalInt.empty();
            return this;
        }

        /**
         * Caps the Gap Ack Blocks per SACK (see {@link AssociationConfig#maxGapAckBlocks()});
         * {@link #GAP_BLOCKS_WHAT_FITS} by default.
         *
         * @param value the cap, or {@link #GAP_BLOCKS_WHAT_FITS}
         * @return this builder
         */
        public Builder maxGapAckBlocks(int value) {
            this.maxGapAckBlocks = value;
            return this;
        }

        /**
         * Proportional retransmission in Fast Recovery or not (see
         * {@link AssociationConfig#proportionalRateReduction()}); off by default.
         *
         * @param value whether it is on
         * @return this builder
         */
        public Builder proportionalRateReduction(boolean value) {
            this.proportionalRateReduction = value;
            return this;
        }

        /**
         * How the paths' congestion windows are coupled while CMT runs (see
         * {@link AssociationConfig#cmtCongestionControl()}); {@link CmtCongestionControl#UNCOUPLED}
         * by default.
         *
         * @param value the coupling
         * @return this builder
         */
        public Builder cmtCongestionControl(CmtCongestionControl value) {
            this.cmtCongestionControl = value;
            return this;
        }

        /**
         * Which buffers CMT divides among its active paths (see
         * {@link AssociationConfig#cmtBufferSplitting()}); {@link CmtBufferSplitting#NONE} by
         * default.
         *
         * @param value the buffer splitting
         * @return this builder
         */
        public Builder cmtBufferSplitting(CmtBufferSplitting value) {
            this.cmtBufferSplitting = value;
            return this;
        }

        /**
         * {@return the configuration}
         *
         * @throws IllegalArgumentException if a value is out of its range or values contradict each other
         */
        public AssociationConfig build() {
            Capabilities capabilities = zeroChecksumMethod == null ? this.capabilities
                    : this.capabilities.withZeroChecksum(zeroChecksumMethod);
            if (nrSackSupported != null) {
                capabilities = capabilities.withNrSack(nrSackSupported);
            }
            if (disableRestart != null) {
                capabilities = capabilities.withDisableRestart(disableRestart);
            }
            int pdPoint = partialDeliveryPointSet ? partialDeliveryPointBytes
                    : defaultPartialDeliveryPoint(receiveBufferBytes);
            return new AssociationConfig(outboundStreams, maxInboundStreams, receiveBufferBytes, pdPoint, sendBufferBytes, maxMessageBytes, pathMtu, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits, associationMaxRetransmits, pathMaxRetransmits, validCookieLifeNanos, heartbeatIntervalNanos, delayedAckNanos, maxBurst, capabilities, noDelay, lostRetransmissionDetection, defaultPrPolicy,
                    acceptStreamReconfig, streamScheduler, maxPeerAddresses, plpmtud, localAddresses,
                    potentiallyFailedMaxRetransmits, primarySwitchoverMaxRetransmits, auth, cmtEnabled,
                    adaptationIndication, maxGapAckBlocks, proportionalRateReduction, cmtCongestionControl,
                    cmtBufferSplitting);
        }
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
