package org.jsctp.api;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.cmt.CmtBufferSplitting;
import org.jsctp.core.cmt.CmtCongestionControl;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.tx.StreamSchedulerKind;

/**
 * Translates the options that live in the core's {@link AssociationConfig} to and from it; the
 * others ({@link SctpOptions#EVENTS}, {@link SctpOptions#DEFAULT_SEND_PARAM},
 * {@link SctpOptions#BUFFERED_AMOUNT_LOW_THRESHOLD}) are kept by the API.
 */
final class OptionMapping {

    /** Common header (12) and DATA chunk header (16) around the user data of a full packet. */
    static final int DATA_OVERHEAD = 12 + 16;
    static final int MIN_MAX_SEG = AssociationConfig.MIN_PATH_MTU - DATA_OVERHEAD;
    static final int MAX_MAX_SEG = 65535 - DATA_OVERHEAD;

    private OptionMapping() {
    }

    /** Whether the option is kept in the core's configuration. */
    static boolean inCoreConfig(SctpOption<?> o) {
        return o != SctpOptions.EVENTS && o != SctpOptions.DEFAULT_SEND_PARAM && o != SctpOptions.DEFAULT_PRINFO
                && o != SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD;
    }

    /** Sets a core option's value on {@code b}. */
    static void apply(AssociationConfig.Builder b, SctpOption<?> o, Object value) {
        if (o == SctpOptions.INIT_MSG) {
            InitParameters v = (InitParameters) value;
            b.outboundStreams(v.outboundStreams()).maxInboundStreams(v.maxInboundStreams())
                    .maxInitRetransmits(v.maxAttempts());
            if (!v.maxInitTimeout().isZero()) {
                b.rtoMaxNanos(v.maxInitTimeout().toNanos()); // T1-init backs off up to RTO.Max (RFC 9260 section 5.1)
            }
        } else if (o == SctpOptions.RTO_INFO) {
            RtoInfo v = (RtoInfo) value;
            b.rtoInitialNanos(v.initial().toNanos()).rtoMinNanos(v.min().toNanos()).rtoMaxNanos(v.max().toNanos());
        } else if (o == SctpOptions.ASSOC_INFO) {
            AssociationParameters v = (AssociationParameters) value;
            b.associationMaxRetransmits(v.maxRetransmits()).validCookieLifeNanos(v.cookieLife().toNanos());
        } else if (o == SctpOptions.NODELAY) {
            b.noDelay((Boolean) value);
        } else if (o == SctpOptions.MAX_SEG) {
            b.pathMtu((Integer) value + DATA_OVERHEAD);
        } else if (o == SctpOptions.DELAYED_ACK_TIME) {
            b.delayedAckNanos(((DelayedAckParameters) value).delay().toNanos());
        } else if (o == SctpOptions.PEER_ADDR_PARAMS) {
            PeerAddressParameters v = (PeerAddressParameters) value;
            b.heartbeatIntervalNanos(v.heartbeatInterval().toNanos()).pathMaxRetransmits(v.pathMaxRetransmits());
        } else if (o == SctpOptions.SEND_BUFFER) {
            b.sendBufferBytes((Integer) value);
        } else if (o == SctpOptions.MAX_MESSAGE_SIZE) {
            b.maxMessageBytes((Integer) value);
        } else if (o == SctpOptions.RECEIVE_BUFFER) {
            b.receiveBufferBytes((Integer) value);
        } else if (o == SctpOptions.PARTIAL_DELIVERY_POINT) {
            int point = (Integer) value;
            if (point > 0) { // 0: the core's default, half the receive buffer
                b.partialDeliveryPointBytes(point);
            }
        } else if (o == SctpOptions.ENABLE_STREAM_RESET) {
            b.acceptStreamReconfig((Boolean) value);
        } else if (o == SctpOptions.ZERO_CHECKSUM_ACCEPTABLE) {
            b.zeroChecksum((Integer) value); // RFC 9653 section 5.1: the EDMID announced, 0 for none
        } else if (o == SctpOptions.INTERLEAVING_SUPPORTED) {
            b.capabilities(b.capabilities().withInterleaving((Boolean) value)); // RFC 8260 section 2.2
        } else if (o == SctpOptions.STREAM_SCHEDULER) {
            b.streamScheduler(StreamSchedulerKind.valueOf(((SctpStreamScheduler) value).name()));
        } else if (o == SctpOptions.PATH_MTU) {
            PathMtuParameters v = (PathMtuParameters) value;
            if (v.discovery()) { // SPP_PMTUD_ENABLE: RFC 8899 up to spp_pathmtu (0: the interface's MTU)
                b.plpmtud(b.plpmtud().withEnabled(true).withMaxPlpmtu(v.pathMtu() == 0 ? PathConfig.MAX_MTU : v.pathMtu()));
            } else {
                b.fixedMtu(v.pathMtu()); // SPP_PMTUD_DISABLE
            }
        } else if (o == SctpOptions.PEER_ADDR_THLDS) {
            b.potentiallyFailedMaxRetransmits((Integer) value); // RFC 7829 section 6.1
        } else if (o == SctpOptions.NR_SACK_SUPPORTED) {
            b.nrSackSupported((Boolean) value); // draft-tuexen-tsvwg-sctp-multipath section 4.2
        } else if (o == SctpOptions.CMT_ENABLED) {
            b.cmtEnabled((Boolean) value); // draft-tuexen-tsvwg-sctp-multipath section 3
        } else if (o == SctpOptions.CMT_CONGESTION_CONTROL) {
            b.cmtCongestionControl(CmtCongestionControl.valueOf(((SctpCmtCongestionControl) value).name()));
        } else if (o == SctpOptions.CMT_BUFFER_SPLITTING) {
            b.cmtBufferSplitting(CmtBufferSplitting.valueOf(((SctpCmtBufferSplitting) value).name())); // FreeBSD
        } else if (o == SctpOptions.DISABLE_RESTART) {
            b.disableRestart((Boolean) value); // draft-ietf-tsvwg-natsupp section 5.3.1
        } else if (o == SctpOptions.PROPORTIONAL_RATE_REDUCTION) {
            b.proportionalRateReduction((Boolean) value); // RFC 6937 in RFC 9260 section 7.2.4's Fast Recovery
        } else if (o == SctpOptions.LOST_RETRANSMISSION_DETECTION) {
            b.lostRetransmissionDetection((Boolean) value); // beyond RFC 9260 section 7.2.4 (5)
        } else if (o == SctpOptions.ADAPTATION_LAYER) {
            java.util.OptionalInt codePoint = (java.util.OptionalInt) value; // RFC 5061 section 4.2.6
            if (codePoint.isPresent()) {
                b.adaptationIndication(codePoint.getAsInt());
            } else {
                b.noAdaptationIndication();
            }
        } else if (AuthOptions.isAuthOption(o)) {
            AuthOptions.apply(b, o, value); // RFC 4895
        } else if (o == SctpOptions.ASCONF_ENABLED) {
            b.asconfSupported((Boolean) value); // RFC 5061 section 4.2.7
            if ((Boolean) value) {
                b.capabilities(b.capabilities().withAuth(true)); // RFC 5061 section 4.1.1: ASCONF needs AUTH
            }
        } else {
            throw new IllegalArgumentException(o + " is not kept in the core's configuration");
        }
    }

    /** A core option's value in {@code c}. */
    static Object read(SctpOption<?> o, AssociationConfig c) {
        if (o == SctpOptions.INIT_MSG) {
            return new InitParameters(c.outboundStreams(), c.maxInboundStreams(), c.maxInitRetransmits(),
                    Duration.ofNanos(c.rtoMaxNanos()));
        } else if (o == SctpOptions.RTO_INFO) {
            return new RtoInfo(Duration.ofNanos(c.rtoInitialNanos()), Duration.ofNanos(c.rtoMinNanos()),
                    Duration.ofNanos(c.rtoMaxNanos()));
        } else if (o == SctpOptions.ASSOC_INFO) {
            return new AssociationParameters(c.associationMaxRetransmits(), Duration.ofNanos(c.validCookieLifeNanos()));
        } else if (o == SctpOptions.NODELAY) {
            return c.noDelay();
        } else if (o == SctpOptions.MAX_SEG) {
            return c.pathMtu() - DATA_OVERHEAD;
        } else if (o == SctpOptions.DELAYED_ACK_TIME) {
            return new DelayedAckParameters(Duration.ofNanos(c.delayedAckNanos()), 2);
        } else if (o == SctpOptions.PEER_ADDR_PARAMS) {
            return new PeerAddressParameters(Duration.ofNanos(c.heartbeatIntervalNanos()), c.pathMaxRetransmits());
        } else if (o == SctpOptions.SEND_BUFFER) {
            return (int) Math.min(Integer.MAX_VALUE, c.sendBufferBytes());
        } else if (o == SctpOptions.MAX_MESSAGE_SIZE) {
            return c.maxMessageBytes();
        } else if (o == SctpOptions.RECEIVE_BUFFER) {
            return c.receiveBufferBytes();
        } else if (o == SctpOptions.PARTIAL_DELIVERY_POINT) {
            return c.partialDeliveryPointBytes();
        } else if (o == SctpOptions.ENABLE_STREAM_RESET) {
            return c.acceptStreamReconfig();
        } else if (o == SctpOptions.ZERO_CHECKSUM_ACCEPTABLE) {
            return c.zeroChecksumMethod();
        } else if (o == SctpOptions.INTERLEAVING_SUPPORTED) {
            return c.capabilities().interleaving();
        } else if (o == SctpOptions.STREAM_SCHEDULER) {
            return SctpStreamScheduler.valueOf(c.streamScheduler().name());
        } else if (AuthOptions.isAuthOption(o)) {
            return AuthOptions.read(o, c);
        } else if (o == SctpOptions.NR_SACK_SUPPORTED) {
            return c.nrSackSupported();
        } else if (o == SctpOptions.CMT_ENABLED) {
            return c.cmtEnabled();
        } else if (o == SctpOptions.CMT_CONGESTION_CONTROL) {
            return SctpCmtCongestionControl.valueOf(c.cmtCongestionControl().name());
        } else if (o == SctpOptions.CMT_BUFFER_SPLITTING) {
            return SctpCmtBufferSplitting.valueOf(c.cmtBufferSplitting().name());
        } else if (o == SctpOptions.DISABLE_RESTART) {
            return c.disableRestart();
        } else if (o == SctpOptions.PROPORTIONAL_RATE_REDUCTION) {
            return c.proportionalRateReduction();
        } else if (o == SctpOptions.LOST_RETRANSMISSION_DETECTION) {
            return c.lostRetransmissionDetection();
        } else if (o == SctpOptions.ADAPTATION_LAYER) {
            return c.adaptationIndication();
        } else if (o == SctpOptions.PEER_ADDR_THLDS) {
            return c.potentiallyFailedMaxRetransmits();
        } else if (o == SctpOptions.ASCONF_ENABLED) {
            return c.asconfSupported();
        }
        if (o == SctpOptions.PATH_MTU) {
            if (!c.plpmtudEnabled()) {
                return PathMtuParameters.fixed(c.pathMtu());
            }
            int max = c.plpmtud().maxPlpmtu();
            return new PathMtuParameters(true, max == PathConfig.MAX_MTU ? 0 : max == 0 ? c.pathMtu() : max);
        }
        throw new IllegalArgumentException(o + " is not kept in the core's configuration");
    }

    /** An immutable copy of a set of notification kinds. */
    static Set<NotificationKind> copyKinds(Set<NotificationKind> kinds) {
        return kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }
}
