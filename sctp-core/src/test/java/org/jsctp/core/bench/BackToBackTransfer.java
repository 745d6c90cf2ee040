package org.jsctp.core.bench;

import java.nio.ByteBuffer;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationDirectory;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.PacketToSend;
import org.jsctp.core.assoc.TransmitSink;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * Two associations of the sans-IO core wired back to back in memory, no network in between: what
 * one sends is encoded, decoded and handed to the other at once, in virtual time that moves by a
 * fixed step per message. A bulk sender offers messages of one length on stream 0, the receiver
 * takes every event as it comes (as an application reading its socket would), SACKs flow back.
 *
 * <p>The harness itself allocates what a transport must: a fresh array for every packet towards
 * the receiver, since the delivered message's payload is a view of it (as in the UDP transport's
 * receive path), and nothing else per packet; packets towards the sender (SACKs) are decoded from
 * a reused buffer. Packets are taken without an object per packet, as the UDP transport takes them
 * ({@link Association#transmitNext}). The sent {@link OutgoingMessage} is created per message (it is the user's).
 */
public final class BackToBackTransfer {

    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;
    private static final long STEP_NANOS = 10_000;

    private final Endpoint clientEndpoint;
    private final Endpoint serverEndpoint;
    private final PacketDecoder decoder = PacketDecoder.strict();
    private final ByteBuffer scratch = ByteBuffer.allocate(65_536);
    /** What {@link #encode} last wrote into {@link #scratch}. */
    private int encodedLength;
    /** The sink of every take: made once, so a take allocates nothing. */
    private final TransmitSink encoder = this::encode;
    private final Bytes payload;
    private final Association client;
    private Association server;
    private long now;
    private long deliveredMessages;
    private long deliveredBytes;

    private final AssociationDirectory directory = new AssociationDirectory() {
        @Override
        public Association find(int localTag, int peerPort) {
            return server != null && server.localTag() == localTag ? server : null;
        }

        @Override
        public Association findByPeer(int peerPort) {
            return server;
        }

        @Override
        public int size() {
            return server == null ? 0 : 1;
        }
    };

    /**
     * Establishes the pair with a real handshake.
     *
     * @param config both sides' association configuration
     * @param messageBytes the length of every message sent
     */
    public BackToBackTransfer(AssociationConfig config, int messageBytes) {
        this.payload = Bytes.wrap(new byte[messageBytes]);
        this.clientEndpoint = new Endpoint(EndpointConfig.of(CLIENT_PORT, config), new SeededRandomSource(1), 0);
        this.serverEndpoint = new Endpoint(EndpointConfig.of(SERVER_PORT, config), new SeededRandomSource(2), 0);
        this.client = clientEndpoint.connect(SERVER_PORT, 0);
        for (int round = 0; round < 100 && !established(); round++) {
            pump();
        }
        if (!established()) {
            throw new IllegalStateException("back-to-back handshake failed");
        }
    }

    /** A pair with default configuration sending 1200-byte messages. */
    public static BackToBackTransfer defaults() {
        return new BackToBackTransfer(AssociationConfig.defaults(), 1200);
    }

    private boolean established() {
        return client.state() == AssociationState.ESTABLISHED && server != null
                && server.state() == AssociationState.ESTABLISHED;
    }

    /**
     * Offers one message, first moving packets and time while the send buffer refuses it, then
     * moves whatever both sides want to send until neither has more.
     */
    public void sendOne() {
        sendBurst(1);
    }

    /**
     * Offers {@code k} messages before any packet moves (a sender that writes faster than its
     * SACKs return, so several packets wait in its transmit queue at the next take), moving
     * packets and time only while the send buffer refuses one; then moves whatever both sides want
     * to send until neither has more.
     */
    public void sendBurst(int k) {
        now += STEP_NANOS;
        runTimers();
        for (int i = 0; i < k; i++) {
            for (int tries = 0; client.send(OutgoingMessage.of(0, 0, false, payload), now) != SendQueue.OfferResult.ACCEPTED;
                 tries++) {
                if (tries > 10_000) {
                    throw new IllegalStateException("the sender never took the message: " + client.state());
                }
                now += STEP_NANOS;
                runTimers();
                pump();
            }
        }
        pump();
    }

    /** Sends {@code n} messages, one per step. */
    public void send(int n) {
        for (int i = 0; i < n; i++) {
            sendOne();
        }
    }

    /** Sends {@code bursts} bursts of {@code k} messages ({@link #sendBurst}). */
    public void sendBursts(int bursts, int k) {
        for (int i = 0; i < bursts; i++) {
            sendBurst(k);
        }
    }

    /** Messages the receiver has delivered so far. */
    public long deliveredMessages() {
        return deliveredMessages;
    }

    /** Payload bytes the receiver has delivered so far. */
    public long deliveredBytes() {
        return deliveredBytes;
    }

    /** The sending association. */
    public Association client() {
        return client;
    }

    /** The receiving association. */
    public Association server() {
        return server;
    }

    private void runTimers() {
        if (client.nextDeadline() <= now) {
            client.handleTimeout(now);
        }
        if (server != null && server.nextDeadline() <= now) {
            server.handleTimeout(now);
        }
    }

    /**
     * Moves packets both ways until both sides are quiet. Packets are taken as the UDP transport
     * takes them ({@link Association#transmitNext}): the sink only encodes the core's reused slot
     * into the scratch buffer, and the packet is delivered once the sink has returned, so no
     * association is called back during a take.
     */
    private void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            while (client.transmitNext(encoder)) {
                toServer(encodedLength);
                moved = true;
            }
            if (server != null) {
                drainServerEvents();
                while (server.transmitNext(encoder)) {
                    toClient(encodedLength);
                    moved = true;
                }
            }
            while (client.pollEvent() != null) {
                // the sender's events (communication up, none in steady state)
            }
        }
    }

    /** Encodes the packet into {@link #scratch} and notes its length in {@link #encodedLength}. */
    private void encode(PacketToSend p) {
        scratch.clear();
        encodedLength = PacketEncoder.encode(scratch, p.sourcePort(), p.destinationPort(), p.verificationTag(),
                p.chunks(), false);
    }

    /** Delivers the packet of {@code length} bytes encoded in {@link #scratch} to the server side. */
    private void toServer(int length) {
        byte[] datagram = new byte[length]; // the transport's per-datagram array, which the payload views
        System.arraycopy(scratch.array(), 0, datagram, 0, length);
        SctpPacket packet = decode(datagram, length);
        if (server != null && packet.verificationTag() == server.localTag()) { // as the transport reads it: no header object
            server.handlePacket(packet, now);
            return;
        }
        Endpoint.Outcome outcome = serverEndpoint.handlePacket(packet, now, directory);
        if (outcome instanceof Endpoint.Outcome.Reply reply) {
            encode(reply.packet()); // the endpoint's stateless answer (INIT ACK): a record, not per message
            toClient(encodedLength);
        } else if (outcome instanceof Endpoint.Outcome.Accepted accepted) {
            server = accepted.association();
        }
    }

    /** Delivers the packet of {@code length} bytes encoded in {@link #scratch} to the client. */
    private void toClient(int length) {
        client.handlePacket(decode(scratch.array(), length), now);
    }

    private SctpPacket decode(byte[] bytes, int length) {
        try {
            return decoder.decode(bytes, 0, length);
        } catch (DecodeException e) {
            throw new IllegalStateException("the core encoded an undecodable packet", e);
        }
    }

    private void drainServerEvents() {
        for (AssociationEvent e; (e = server.pollEvent()) != null; ) {
            if (e instanceof AssociationEvent.MessageReceived m) {
                deliveredMessages++;
                deliveredBytes += m.message().payload().length();
            }
        }
    }
}
