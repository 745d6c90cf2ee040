package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.UnrecognizedAction;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.PadChunk;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;

/**
 * Takes one received packet apart for an association: checks each chunk's verification tag (RFC
 * 9260 sections 8.5 and 8.5.1), discards packets that bundle a chunk that must travel alone
 * (section 6.10), hands each chunk to the part that handles it, treats unknown chunk types by
 * their two high bits (section 3.2), and stops at an ABORT (section 6.10).
 */
final class ChunkDispatcher {

    private final Tcb tcb;
    private final AssociationCounters counters;
    private final AssociationLifecycle lifecycle;
    private final Handshake handshake;
    private final ShutdownProcedure shutdown;
    private final PathSupervisor paths;
    private final DataDelivery delivery;
    private final DataTransmission transmission;
    private final StreamReconfiguration reconfig;
    private final AddressReconfiguration asconf;
    private final NatSupport nat;

    ChunkDispatcher(Tcb tcb, AssociationCounters counters, AssociationLifecycle lifecycle, Handshake handshake,
                    ShutdownProcedure shutdown, PathSupervisor paths, DataDelivery delivery,
                    DataTransmission transmission, StreamReconfiguration reconfig, AddressReconfiguration asconf) {
        this.tcb = tcb;
        this.counters = counters;
        this.lifecycle = lifecycle;
        this.handshake = handshake;
        this.shutdown = shutdown;
        this.paths = paths;
        this.delivery = delivery;
        this.transmission = transmission;
        this.reconfig = reconfig;
        this.asconf = asconf;
        this.nat = new NatSupport(tcb, handshake, asconf);
    }

    /** Handles a packet the endpoint routed to the association. */
    void handlePacket(SctpPacket packet, long nowNanos) {
        if (tcb.state == AssociationState.CLOSED) {
            return;
        }
        if (!ZeroChecksumRules.admits(tcb, packet)) {
            return; // RFC 9653 section 5.3: a zero checksum we did not announce is a wrong checksum
        }
        counters.onPacketReceived(packet);
        if (bundlesALoneChunk(packet)) {
            return;
        }
        int tag = packet.verificationTag(); // no CommonHeader per packet (issue 6)
        boolean carriedData = false;
        boolean immediate = false;
        List<ErrorCause> unrecognized = List.of(); // a list only once a chunk is unrecognized (issue 6)
        ChunkAuthentication.Verdict auth = ChunkAuthentication.Verdict.NONE;
        int index = -1;
        int chunkCount = packet.chunkCount();
        while (++index < chunkCount) { // indexed, the packet's own accessor: no list or iterator per packet (issue 6)
            Chunk chunk = packet.chunk(index);
            if (!acceptsTag(tag, chunk)) {
                return; // RFC 9260 section 8.5: silently discard the packet
            }
            if (chunk instanceof AuthChunk && auth.authIndex() < 0) {
                auth = tcb.auth.check(packet); // RFC 4895 section 6.3
            }
            if (!tcb.auth.admits(chunk, index, auth)) {
                continue; // RFC 4895 section 6.3: needs a valid AUTH chunk before it
            }
            if (chunk instanceof DataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                counters.onDataChunkReceived(data.userData().length());
                delivery.onData(data, reconfig);
            } else if (chunk instanceof IDataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                counters.onDataChunkReceived(data.userData().length());
                delivery.onIData(data, reconfig);
            } else if ((chunk instanceof ForwardTsnChunk || chunk instanceof IForwardTsnChunk) && delivery.isStarted()
                    && tcb.capabilities.forwardTsn()) {
                // RFC 3758 section 3.6: for SACKs, a FORWARD TSN counts as a DATA chunk.
                carriedData = true;
                immediate |= delivery.onForwardTsn(chunk);
            } else if (chunk instanceof SackChunk sack) {
                counters.onSackReceived();
                transmission.onSack(sack, nowNanos);
            } else if (chunk instanceof NrSackChunk nrSack && NrSackRules.negotiated(tcb)) {
                counters.onSackReceived(); // draft-tuexen-tsvwg-sctp-multipath section 4.2
                transmission.onNrSack(nrSack, nowNanos);
            } else if (chunk instanceof InitAckChunk initAck) {
                Handshake.Step step = handshake.onInitAck(initAck, nowNanos);
                if (step == Handshake.Step.COOKIE_ECHOED) {
                    paths.learnFromInitAck(initAck.parameters()); // RFC 9260 section 5.1.2
                }
                lifecycle.onHandshakeStep(step, nowNanos);
            } else if (chunk instanceof CookieAckChunk) {
                lifecycle.onHandshakeStep(handshake.onCookieAck(), nowNanos);
            } else if (chunk instanceof HeartbeatAckChunk ack) {
                paths.onHeartbeatAck(ack, nowNanos);
            } else if (chunk instanceof HeartbeatChunk heartbeat) {
                tcb.sendHeartbeatAck(heartbeat.ack()); // RFC 9260 section 8.3: echo the info unchanged, to its source
            } else if (chunk instanceof ShutdownChunk s) {
                onShutdown(s, nowNanos);
            } else if (chunk instanceof ShutdownAckChunk) {
                if (tcb.isHandshaking()) {
                    // RFC 9260 section 8.5.1 (E): during the handshake a SHUTDOWN ACK is out of the
                    // blue, answered with SHUTDOWN COMPLETE with the T bit and its tag (section 8.4 rule 5).
                    tcb.send(tag, new ShutdownCompleteChunk(true));
                    return;
                }
                onShutdownStep(shutdown.onShutdownAck());
            } else if (chunk instanceof ShutdownCompleteChunk) {
                onShutdownStep(shutdown.onShutdownComplete());
            } else if (chunk instanceof ReconfigChunk r && tcb.capabilities.streamReconfig()) {
                reconfig.onChunk(r, nowNanos); // RFC 6525 section 5
            } else if (chunk instanceof AsconfChunk a && tcb.capabilities.asconf()) {
                asconf.onAsconf(a, tcb.auth.inUse() && ChunkAuthentication.covered(index, auth)); // RFC 5061 section 5.2
            } else if (chunk instanceof AsconfAckChunk a && tcb.capabilities.asconf()) {
                asconf.onAsconfAck(a, tcb.auth.inUse() && ChunkAuthentication.covered(index, auth), nowNanos); // 5061 5.1
            } else if (chunk instanceof ErrorChunk error && error.fromMiddlebox()) {
                nat.onMiddleboxError(error, nowNanos); // draft-ietf-tsvwg-natsupp section 5.1.2
            } else if (chunk instanceof ErrorChunk error) {
                asconf.onError(error.causes()); // RFC 5061 section 5.1 rule A9
                onError(error, nowNanos);
            } else if (chunk instanceof AbortChunk abort && abort.fromMiddlebox() && nat.onMiddleboxAbort(abort, nowNanos)) {
                return; // draft-ietf-tsvwg-natsupp section 6.2: the handshake starts over
            } else if (chunk instanceof AbortChunk abort) {
                lifecycle.close("aborted by the peer" + describe(abort.causes()), abort.causes());
                return; // nothing after an ABORT is processed (section 6.10 and 8.5.1 (B))
            } else if (!isIgnoredHere(chunk)) {
                // RFC 9260 section 3.2: a chunk type we do not process here, known to the codec or
                // not, is treated by the two high bits of its type.
                UnrecognizedAction action = UnrecognizedAction.ofChunkType(chunk.type());
                if (action.reports()) {
                    if (unrecognized.isEmpty()) {
                        unrecognized = new ArrayList<>(1);
                    }
                    unrecognized.add(UnrecognizedChunkTypeCause.of(chunk));
                }
                if (!action.continues()) {
                    break; // stop processing the packet; chunks before this one still count
                }
            }
            if (tcb.state == AssociationState.CLOSED) {
                return;
            }
        }
        if (!unrecognized.isEmpty()) {
            tcb.sendToPeer(new ErrorChunk(false, false, unrecognized));
        }
        if (carriedData && delivery.isStarted()) {
            paths.onDataReceived(); // RFC 9260 section 6.4: later SACKs go where this DATA came from
            delivery.onDataPacketEnd(immediate, shutdown, nowNanos);
        }
        transmission.flush(nowNanos);
    }

    /**
     * RFC 9260 section 8.5 and 8.5.1: which verification tag a chunk must arrive with. Every chunk
     * carries our tag; an ABORT or SHUTDOWN COMPLETE may carry the peer's with the T bit set.
     */
    private boolean acceptsTag(int tag, Chunk chunk) {
        if ((chunk instanceof AbortChunk a && a.fromMiddlebox() || chunk instanceof ErrorChunk e && e.fromMiddlebox())
                && nat.acceptsMiddleboxTag(tag)) {
            return true; // draft-ietf-tsvwg-natsupp: a NAT function's answer to our INIT
        }
        if (chunk instanceof ErrorChunk error && error.reflectedTag() && error.fromMiddlebox()) {
            return tag == tcb.peerTag; // section 5.1.2: a NAT reflects the tag of our packet
        }
        if (chunk instanceof AbortChunk abort) {
            return abort.reflectedTag() ? tcb.peerTag != 0 && tag == tcb.peerTag : tag == tcb.localTag; // (B)
        }
        if (chunk instanceof ShutdownCompleteChunk complete) {
            return complete.reflectedTag() ? tag == tcb.peerTag : tag == tcb.localTag; // (C)
        }
        return tag == tcb.localTag;
    }

    /**
     * RFC 9260 section 6.10: INIT ACK and SHUTDOWN COMPLETE must travel alone. A packet that bundles
     * one with other chunks is malformed and discarded whole, as the endpoint does with a bundled
     * INIT: neither the handshake step nor the chunks riding along are taken.
     */
    private static boolean bundlesALoneChunk(SctpPacket packet) {
        int count = packet.chunkCount();
        if (count < 2) {
            return false;
        }
        for (int i = 0; i < count; i++) { // indexed: no stream or iterator per packet (issue 6)
            Chunk c = packet.chunk(i);
            if (c instanceof InitAckChunk || c instanceof ShutdownCompleteChunk) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chunks that reach an association but need nothing from it: INIT and COOKIE ECHO are the
     * endpoint's (it saw them first), PAD only fills a packet (RFC 4820 section 3).
     */
    private static boolean isIgnoredHere(Chunk chunk) {
        return chunk instanceof InitChunk || chunk instanceof CookieEchoChunk || chunk instanceof PadChunk;
    }

    private void onError(ErrorChunk error, long nowNanos) {
        for (ErrorCause cause : error.causes()) {
            if (cause instanceof StaleCookieCause && tcb.state == AssociationState.COOKIE_ECHOED) {
                lifecycle.onHandshakeStep(handshake.onStaleCookie(nowNanos), nowNanos);
                return;
            }
        }
        tcb.emit(new AssociationEvent.RemoteError(error.causes()));
    }

    private void onShutdown(ShutdownChunk s, long nowNanos) {
        DataSender sender = transmission.sender();
        if (sender == null || tcb.isHandshaking()) {
            return; // RFC 9260 section 9.2: a SHUTDOWN before the association is up is discarded
        }
        // RFC 9260 section 9.2: the Cumulative TSN Ack of a SHUTDOWN acknowledges like a SACK.
        // One beyond every TSN we sent acknowledges nothing and is left out, where a SACK's is a
        // protocol violation (section 6.2.1): pion/sctp puts its own send-side ack point there,
        // and our outstanding data still waits for the peer's SACKs, as 9.2 has it.
        if (!sender.acknowledgesUnsent(s.cumulativeTsnAck())) {
            transmission.onSack(sender.sackFromCumulativeAck(s.cumulativeTsnAck()), nowNanos);
        }
        if (tcb.state != AssociationState.CLOSED && shutdown.onShutdown()) {
            tcb.emit(new AssociationEvent.PeerShutdown());
        }
    }

    private void onShutdownStep(ShutdownProcedure.Step step) {
        if (step == ShutdownProcedure.Step.COMPLETED) {
            tcb.state = AssociationState.CLOSED;
            tcb.timers.stopAll();
            paths.stop();
            delivery.endReceiving();
            tcb.emit(new AssociationEvent.ShutdownComplete());
        }
    }

    private static String describe(List<ErrorCause> causes) {
        if (causes.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(": ");
        for (int i = 0; i < causes.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(causes.get(i).describe());
        }
        return b.toString();
    }
}
