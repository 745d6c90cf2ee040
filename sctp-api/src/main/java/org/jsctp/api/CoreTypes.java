package org.jsctp.api;

import org.jsctp.core.assoc.PrStatistics;
import org.jsctp.core.tx.PrPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.AssociationStatistics;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.packet.cause.CauseCode;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.transport.TransportType;

/** Conversions from the core's and the transport's types to the API's, which expose neither. */
final class CoreTypes {

    private CoreTypes() {
    }

    static SctpAssociationState state(AssociationState s) {
        return switch (s) {
            case CLOSED -> SctpAssociationState.CLOSED;
            case COOKIE_WAIT -> SctpAssociationState.COOKIE_WAIT;
            case COOKIE_ECHOED -> SctpAssociationState.COOKIE_ECHOED;
            case ESTABLISHED -> SctpAssociationState.ESTABLISHED;
            case SHUTDOWN_PENDING -> SctpAssociationState.SHUTDOWN_PENDING;
            case SHUTDOWN_SENT -> SctpAssociationState.SHUTDOWN_SENT;
            case SHUTDOWN_RECEIVED -> SctpAssociationState.SHUTDOWN_RECEIVED;
            case SHUTDOWN_ACK_SENT -> SctpAssociationState.SHUTDOWN_ACK_SENT;
        };
    }

    static List<SctpErrorCause> causes(List<ErrorCause> causes) {
        List<SctpErrorCause> out = new ArrayList<>(causes.size());
        for (ErrorCause c : causes) {
            out.add(new SctpErrorCause(c.code(), CauseCode.name(c.code()), c.describe()));
        }
        return out;
    }

    static SctpReceivedMessage message(SctpAssociation a, ReceivedMessage m) {
        return new SctpReceivedMessage(a, m.payload().asReadOnlyBuffer(), m.streamId(), m.sequenceNumber(),
                m.firstTsn() & 0xFFFF_FFFFL, m.ppid(), m.unordered(), m.complete());
    }

    static TransportType transportType(SctpTransportType t) {
        return switch (t) {
            case AUTO -> TransportType.AUTO;
            case EPOLL -> TransportType.EPOLL;
            case NIO -> TransportType.NIO;
        };
    }

    static SctpTransportType transportType(TransportType t) {
        return switch (t) {
            case AUTO -> SctpTransportType.AUTO;
            case EPOLL -> SctpTransportType.EPOLL;
            case NIO -> SctpTransportType.NIO;
        };
    }

    static SctpStatistics statistics(SctpAssociation a, AssociationState state, int outbound, int inbound,
                                     AssociationStatistics s) {
        List<SctpPathStatistics> paths = new ArrayList<>(s.paths().size());
        for (PathStatistics p : s.paths()) {
            paths.add(new SctpPathStatistics(a.remoteAddress(p.address()), SctpPathState.valueOf(p.state().name()),
                    Duration.ofNanos(p.srttNanos()), Duration.ofNanos(p.rtoNanos()), p.cwnd(), p.ssthresh(), p.mtu(),
                    SctpPathMtuState.valueOf(p.pmtuState().name()), p.dataPacketsSent()));
        }
        return new SctpStatistics(state(state), outbound, inbound, s.packetsSent(), s.packetsReceived(),
                s.dataChunksSent(), s.dataChunksReceived(), s.userBytesSent(), s.userBytesReceived(),
                s.t3Retransmissions(), s.fastRetransmissions(), s.sacksSent(), s.sacksReceived(), s.duplicateTsns(),
                s.peerReceiverWindow(), s.bufferedAmount(), paths, prStatistics(s.abandoned()),
                s.zeroChecksumPacketsSent(), s.zeroChecksumPacketsReceived());
    }

    static SctpPrStatistics prStatistics(PrStatistics p) {
        return new SctpPrStatistics(p.ttlUnsent(), p.ttlSent(), p.rtxUnsent(), p.rtxSent(), p.prioUnsent(),
                p.prioSent());
    }

    /** The core's policy for an API one. */
    static PrPolicy prPolicy(SctpPrPolicy p) {
        return switch (p.policy()) {
            case NONE -> PrPolicy.NONE;
            case TTL -> PrPolicy.ttl(p.value());
            case RTX -> PrPolicy.rtx((int) p.value());
            case PRIO -> PrPolicy.prio((int) p.value());
        };
    }
}
