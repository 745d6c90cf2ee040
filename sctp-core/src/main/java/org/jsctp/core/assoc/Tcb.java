package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timers;

/**
 * The Transmission Control Block of RFC 9260 section 14.2 that the parts of an association
 * share: tags, initial TSNs, stream counts, the negotiated extensions, the state, the timers,
 * and the queues of packets and events the association hands out after each input.
 */
final class Tcb {

    final AssociationConfig config;
    final RandomSource random;
    final int localPort;
    final int peerPort;
    final Timers timers = new Timers();
    final TransmitQueue transmits = new TransmitQueue(); // reused storage: no object per packet (issue 6)
    final ArrayDeque<AssociationEvent> events = new ArrayDeque<>(4);

    AssociationState state;
    /** The peer's Adaptation Code Point from its INIT or INIT ACK (RFC 5061 section 4.2.6), if any. */
    java.util.OptionalInt peerAdaptationIndication = java.util.OptionalInt.empty();
    /** Whether we started the association (sent its INIT), rather than answered a COOKIE ECHO. */
    boolean initiator;
    int localTag;
    Tsn localInitialTsn;
    int peerTag;
    Tsn peerInitialTsn;
    int peerReceiverWindow;
    int outboundStreams;
    int inboundStreams;
    Capabilities capabilities = Capabilities.NONE;
    /**
     * Where packets go unless a part names a destination (RFC 9260 section 6.4): the primary
     * path's address, null for the anonymous path. The {@link PathSupervisor} keeps it.
     */
    InetAddress destination;
    /**
     * While a received packet is handled: the known peer address it came from, where replies go
     * (RFC 9260 section 6.4: replies to the source); null otherwise.
     */
    InetAddress replyTo;
    /** While a received packet is handled: its source address as the transport gave it, or null. */
    InetAddress packetSource;
    /**
     * While a received packet is handled: its source when that is a known peer address, confirmed
     * or not (a HEARTBEAT ACK may go to an unconfirmed address, RFC 9260 section 5.4); else null.
     */
    InetAddress heartbeatReplyTo;
    /**
     * The confirmed peer address DATA last came from, where SACKs sent later (delayed, window
     * updates) go (RFC 9260 section 6.4); null to use {@link #destination}. The
     * {@link PathSupervisor} clears it when that path stops being active.
     */
    InetAddress sackTo;
    /** AUTH (RFC 4895): our and the peer's parameters, keys, signing and checking. */
    final ChunkAuthentication auth;

    Tcb(AssociationConfig config, RandomSource random, int localPort, int peerPort, int localTag, Tsn localInitialTsn) {
        this.config = config;
        this.random = random;
        this.localPort = localPort;
        this.peerPort = peerPort;
        this.localTag = localTag;
        this.localInitialTsn = localInitialTsn;
        this.auth = new ChunkAuthentication(this);
    }

    /** Queues a packet of one chunk with verification tag {@code tag}. */
    void send(int tag, Chunk chunk) {
        send(tag, List.of(chunk));
    }

    /** Queues a packet, with a zero checksum where RFC 9653 section 5.2 allows ({@link ZeroChecksumRules}). */
    private void send(int tag, List<Chunk> chunks) {
        sendTo(replyTo != null ? replyTo : destination, tag, chunks);
    }

    /** Queues a packet to the peer address {@code to} (null: the anonymous path). */
    void sendTo(InetAddress to, int tag, List<Chunk> chunks) {
        enqueue(to, tag, null, chunks);
    }

    /**
     * Queues a packet of {@code first} (a SACK, or null) and then {@code rest} to the peer address
     * {@code to}, with the peer's tag; {@code rest} is copied, not kept (a bundling scratch list).
     */
    void sendTo(InetAddress to, Chunk first, List<Chunk> rest) {
        enqueue(to, peerTag, first, rest);
    }

    /** As {@link #sendSack(List)}, of {@code first} (the SACK) and then {@code rest}, which is copied. */
    void sendSack(Chunk first, List<Chunk> rest) {
        enqueue(sackDestination(), peerTag, first, rest);
    }

    /**
     * Opens the packet in the transmit queue and closes it once complete: its AUTH chunk
     * where the peer wants one (RFC 4895 section 6.2), then its checksum choice (RFC 9653 section 5.2,
     * {@link ZeroChecksumRules}).
     */
    private void enqueue(InetAddress to, int tag, Chunk first, List<Chunk> rest) {
        List<Chunk> chunks = transmits.open(localPort, peerPort, tag, to, first, rest);
        List<Chunk> signed = auth.protect(chunks); // a new list when it adds an AUTH chunk
        if (signed != chunks) {
            transmits.replaceOpen(signed);
        }
        transmits.close(ZeroChecksumRules.maySendZero(this, signed));
    }

    /** Queues a packet of several chunks to the peer address {@code to}, with the peer's tag. */
    void sendTo(InetAddress to, List<Chunk> chunks) {
        sendTo(to, peerTag, chunks);
    }

    /** Queues a packet of one chunk to the peer, with its tag. */
    void sendToPeer(Chunk chunk) {
        send(peerTag, chunk);
    }

    /** Queues a packet of several chunks to the peer, in order. */
    void sendToPeer(List<Chunk> chunks) {
        send(peerTag, chunks);
    }

    /** Queues a packet of SACK (and other control chunks) to where the acknowledged DATA came from (RFC 9260 section 6.4). */
    void sendSack(List<Chunk> chunks) {
        sendTo(sackDestination(), peerTag, chunks);
    }

    /** Where a SACK goes (RFC 9260 section 6.4): where the packet being answered came from, else where DATA last came from, else {@link #destination}. */
    private InetAddress sackDestination() {
        return replyTo != null ? replyTo : sackTo != null ? sackTo : destination;
    }

    /** Queues a HEARTBEAT ACK to the heartbeat's source (RFC 9260 sections 6.4 and 8.3). */
    void sendHeartbeatAck(Chunk ack) {
        sendTo(heartbeatReplyTo != null ? heartbeatReplyTo : replyTo != null ? replyTo : destination, peerTag,
                List.of(ack));
    }

    void emit(AssociationEvent event) {
        events.add(event);
    }

    /** Takes the peer's side of the association from a verified cookie. */
    void adoptPeer(CookieContents cookie) {
        peerTag = cookie.peerTag();
        peerInitialTsn = cookie.peerInitialTsn();
        peerReceiverWindow = cookie.peerReceiverWindow();
        outboundStreams = cookie.outboundStreams();
        inboundStreams = cookie.inboundStreams();
        // The cookie names what both sides had in common when it was made; never use more than
        // this endpoint offers now (a zero checksum we do not announce would make every packet we
        // send fail the peer's CRC32C check, RFC 9653 section 5.2).
        capabilities = cookie.capabilities().commonWith(config.capabilities());
        auth.adopt(cookie);
        capabilities = capabilities.withAuth(auth.inUse());
        peerAdaptationIndication = cookie.peerAdaptationIndication();
    }

    boolean isHandshaking() {
        return state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED;
    }
}
