package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.asconf.AsconfReceiver;
import org.jsctp.core.asconf.AsconfRequest;
import org.jsctp.core.asconf.AsconfResult;
import org.jsctp.core.asconf.AsconfSender;
import org.jsctp.core.asconf.ErrorCounting;
import org.jsctp.core.asconf.InMemoryLocalAddressBook;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.IllegalAsconfAckCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.path.Path;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The association's side of RFC 5061: hands received ASCONF and ASCONF-ACK chunks to the
 * {@link AsconfReceiver} and {@link AsconfSender} of org.jsctp.core.asconf, on the real address
 * books (the paths for the peer's addresses, {@link PathAddressBook}; ours,
 * {@link InMemoryLocalAddressBook}), takes the user's requests, sends each ASCONF (with AUTH,
 * which {@link Tcb#sendTo} adds since the peer lists ASCONF in its CHUNKS) and runs the T-4 RTO
 * timer on the association's timers.
 *
 * <p>ASCONF is used only when negotiated (RFC 5061 section 4.1.1): both sides listed ASCONF and
 * ASCONF-ACK in Supported Extensions, AUTH is in use, and the peer's CHUNKS parameter lists both
 * (so that it authenticates what it sends and demands AUTH on what it receives). Chunks not
 * covered by a valid AUTH chunk are discarded before any state is made for them.
 */
final class AddressReconfiguration {

    /** How many recent ASCONF-ACKs are kept for retransmitted ASCONFs (RFC 5061 section 5.2 rule C3). */
    private static final int CACHED_ACKS = 4;
    /** How many requests may wait for the next ASCONF. */
    private static final int MAX_QUEUED = 16;
    /** Room left in a packet for the common header and an AUTH chunk (RFC 5061 section 5.1.1). */
    private static final int PACKET_OVERHEAD = 64;

    private final Tcb tcb;
    private final AssociationLifecycle lifecycle;
    private final PathSupervisor paths;
    private final ErrorCounter errors;
    private final DataTransmission transmission;
    private final Timer t4;
    private final InMemoryLocalAddressBook local;
    private AsconfReceiver receiver;
    private Tsn receiverInitialTsn;
    private AsconfSender sender;
    private Tsn senderInitialTsn;
    /** The path the outstanding ASCONF went to last: T-4 expiries count against it (rule B2). */
    private int asconfPathId;

    AddressReconfiguration(Tcb tcb, AssociationLifecycle lifecycle, PathSupervisor paths, ErrorCounter errors,
                           DataTransmission transmission) {
        this.tcb = tcb;
        this.lifecycle = lifecycle;
        this.paths = paths;
        this.errors = errors;
        this.transmission = transmission;
        AssociationConfig c = tcb.config;
        // RFC 5061 section 5.1 rule B3: T-4 RTO doubles at each expiry, up to RTO.Max.
        this.t4 = tcb.timers.add(new Timer("T-4 RTO", c.rtoInitialNanos(), c.rtoMaxNanos(), Timer.Backoff.EXPONENTIAL,
                false, -1));
        this.local = new InMemoryLocalAddressBook(c.localAddresses());
    }

    /**
     * Whether ASCONF may be used (RFC 5061 section 4.1.1): offered by both, with AUTH in use and
     * ASCONF and ASCONF-ACK in the peer's CHUNKS parameter.
     */
    boolean negotiated() {
        return tcb.capabilities.asconf() && tcb.auth.inUse() && tcb.auth.peerRequires(ChunkType.ASCONF)
                && tcb.auth.peerRequires(ChunkType.ASCONF_ACK);
    }

    /** Our addresses any packet may leave from now (RFC 5061 section 5.3 rules D1, D2 and D4). */
    List<InetAddress> usableLocalAddresses() {
        return local.usableAsSource();
    }

    /** Our addresses the peer knows. */
    List<InetAddress> localAddresses() {
        return local.knownToPeer();
    }

    /** Whether {@code t} is the T-4 RTO timer. */
    boolean owns(Timer t) {
        return t == t4;
    }

    /** A user request (RFC 5061 section 5.1): queued and, if no ASCONF is outstanding, sent at once. */
    AddressRequestStatus request(AsconfRequest request, long nowNanos) {
        if (tcb.state != AssociationState.ESTABLISHED) {
            return AddressRequestStatus.NOT_ESTABLISHED;
        }
        if (!negotiated()) {
            return AddressRequestStatus.NOT_NEGOTIATED;
        }
        AddressRequestStatus s = AddressRequestStatus.of(sender().request(request));
        if (s.isQueued()) {
            flush(nowNanos);
        }
        return s;
    }

    /**
     * draft-ietf-tsvwg-natsupp section 6.4: a NAT function on the path lost its entry for the
     * association (an M-bit ERROR with Missing State); an ASCONF with the VTags parameter restores
     * it as it passes. The tags are named from the NAT's side: the internal one is the tag of the
     * host that started the association, as NAT functions admit associations started from behind
     * them (our reading). Returns whether the request was queued; the answer is reported as
     * {@link AssociationEvent.NatStateMissing} with {@code recovered} true.
     */
    boolean restoreNatState(long nowNanos) {
        int internal = tcb.initiator ? tcb.localTag : tcb.peerTag;
        int remote = tcb.initiator ? tcb.peerTag : tcb.localTag;
        return request(new AsconfRequest.RestoreNatState(internal, remote), nowNanos).isQueued();
    }

    /** Sends the next ASCONF when one is due (RFC 5061 section 5.1 rules A1 to A4). */
    void flush(long nowNanos) {
        if (sender == null || tcb.state != AssociationState.ESTABLISHED) {
            return;
        }
        Path to = paths.dataPath();
        AssociationConfig c = tcb.config;
        sender.poll(nowNanos, to.rto().rtoNanos(), c.rtoMaxNanos()).ifPresent(chunk -> {
            asconfPathId = to.id();
            tcb.sendTo(PathSupervisor.addressOf(to), List.of(chunk));
        });
    }

    /**
     * An ASCONF from the peer (RFC 5061 section 5.2); the ASCONF-ACK goes back to the packet's
     * source (rule C5) when that is one of the peer's addresses, else where replies go.
     *
     * @param authenticated whether a valid AUTH chunk before it in the packet covered it (RFC 4895 section 6.3)
     */
    void onAsconf(AsconfChunk chunk, boolean authenticated) {
        if (!authenticated || !negotiated()) {
            return; // RFC 5061 section 4.1.1: discarded, before any state is made for it
        }
        InetAddress source = tcb.packetSource;
        receiver().onAsconf(chunk, source, true).ifPresent(ack -> {
            if (source != null && paths.set().find(source) != null) {
                tcb.sendTo(source, List.of(ack));
            } else {
                tcb.sendToPeer(ack);
            }
        });
    }

    /** An ASCONF-ACK from the peer (RFC 5061 section 5.1 rules A5 to A8, section 4.3.4). */
    void onAsconfAck(AsconfAckChunk ack, boolean authenticated, long nowNanos) {
        if (!authenticated || !negotiated() || sender == null) {
            return; // RFC 5061 section 4.1.2: an ASCONF-ACK not authenticated is discarded
        }
        AsconfSender.AckOutcome outcome = sender.onAsconfAck(ack);
        if (outcome.kind() == AsconfSender.AckKind.ILLEGAL) {
            // RFC 5061 section 4.3.4: an answer to an ASCONF never sent aborts the association.
            tcb.sendToPeer(AbortChunk.of(IllegalAsconfAckCause.INSTANCE));
            lifecycle.close("the peer acknowledged an ASCONF never sent", List.of(IllegalAsconfAckCause.INSTANCE));
            return;
        }
        report(outcome.results(), true);
        flush(nowNanos); // rule A3: the next queued requests go now
    }

    /**
     * RFC 5061 section 5.1 rule A9: an ERROR reporting ASCONF as an unrecognized chunk type means
     * the peer cannot do it; what was asked failed.
     */
    void onError(List<ErrorCause> causes) {
        if (sender == null) {
            return;
        }
        for (ErrorCause c : causes) {
            if (c instanceof UnrecognizedChunkTypeCause u && u.chunkType() == ChunkType.ASCONF) {
                report(sender.onAsconfNotSupported(), false);
                return;
            }
        }
    }

    /**
     * T-4 RTO expired (RFC 5061 section 5.1 rules B1 to B5): the error counts toward the path's
     * and the association's limits; the same ASCONF goes again, to another path if there is one,
     * or the association fails.
     */
    void onT4Expiry(long nowNanos) {
        if (sender == null) {
            return;
        }
        paths.onRetransmissionTimeout(asconfPathId); // rule B2: the destination's error count, RTO backoff
        AsconfSender.T4Outcome outcome = sender.onT4Expiry(nowNanos);
        if (outcome.associationFailed()) {
            if (!outcome.abandoned().isEmpty()) {
                report(outcome.abandoned(), false);
                tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("ASCONF retransmission limit reached")));
                lifecycle.close("an ASCONF was retransmitted " + tcb.config.associationMaxRetransmits()
                        + " times without an ASCONF-ACK", List.of());
            }
            return;
        }
        Path to = paths.retransmissionPath(asconfPathId); // rule B4: an alternate destination if possible
        asconfPathId = to.id();
        tcb.sendTo(PathSupervisor.addressOf(to), List.of(outcome.retransmission()));
    }

    /** The user hears of each result; {@code answered}: the peer's ASCONF-ACK brought them. */
    private void report(List<AsconfResult> results, boolean answered) {
        for (AsconfResult r : results) {
            if (r.request() instanceof AsconfRequest.RestoreNatState) {
                // draft-ietf-tsvwg-natsupp section 6.4: the answer came back through the NAT
                // function, so its entry exists again, whatever the peer made of the VTags.
                if (answered) {
                    tcb.emit(new AssociationEvent.NatStateMissing(true));
                }
                continue;
            }
            LocalAddressRequest kind = r.request() instanceof AsconfRequest.AddAddress ? LocalAddressRequest.ADD
                    : r.request() instanceof AsconfRequest.DeleteAddress ? LocalAddressRequest.DELETE
                    : LocalAddressRequest.SET_PEER_PRIMARY;
            tcb.emit(new AssociationEvent.LocalAddressChange(r.request().address(), kind, r.success(), r.causes()));
        }
    }

    /** The receiver, made anew when the peer's Initial TSN changed (a restart, RFC 9260 section 5.2.4). */
    private AsconfReceiver receiver() {
        if (receiver == null || !tcb.peerInitialTsn.equals(receiverInitialTsn)) {
            receiverInitialTsn = tcb.peerInitialTsn;
            AssociationConfig c = tcb.config;
            PathAddressBook book = new PathAddressBook(paths, id -> {
                DataSender s = transmission.sender();
                if (s != null) {
                    s.retransmitAwayFromRemovedPath(id);
                }
            });
            receiver = new AsconfReceiver(book, AsconfSerial.of(receiverInitialTsn),
                    Math.min(c.maxPeerAddresses(), PathSupervisor.MAX_PATHS), c.pathMtu() - PACKET_OVERHEAD, CACHED_ACKS);
        }
        return receiver;
    }

    /** The sender, made anew when our Initial TSN changed (rule A2: the serial numbers start there). */
    private AsconfSender sender() {
        if (sender == null || !tcb.localInitialTsn.equals(senderInitialTsn)) {
            senderInitialTsn = tcb.localInitialTsn;
            AssociationConfig c = tcb.config;
            t4.stop();
            sender = new AsconfSender(local, AsconfSerial.of(senderInitialTsn), t4, new ErrorCounting() {
                @Override
                public boolean countExceedsLimit() {
                    return errors.countExceedsLimit(); // rule B2: Association.Max.Retrans
                }

                @Override
                public void clear() {
                    errors.clear(); // rule A5
                }
            }, c.pathMtu() - PACKET_OVERHEAD, MAX_QUEUED);
        }
        return sender;
    }
}
