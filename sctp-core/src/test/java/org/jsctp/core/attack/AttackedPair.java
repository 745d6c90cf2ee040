package org.jsctp.core.attack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.sim.EstablishedSimPair;
import org.jsctp.core.sim.SimHost;
import org.jsctp.core.sim.SimNetwork;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * A client and a server on a perfect simulated link with an ESTABLISHED association, and an
 * attacker that injects packets into the server: as if from the client's port (on-path, or a
 * blind guesser spoofing the client's address) or from any other port. What the server sends in
 * answer to an injected packet is returned decoded, and also delivered to the client, so both
 * sides stay in step.
 */
final class AttackedPair {

    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final int CLIENT_PORT = EstablishedSimPair.CLIENT_PORT;
    static final int SERVER_PORT = EstablishedSimPair.SERVER_PORT;

    final SimHost client;
    final SimHost server;
    final SimNetwork net;
    /** The client's association: the legitimate peer. */
    final Association peer;
    /** The server's association: what the attacker aims at. */
    final Association target;
    private final PacketDecoder decoder = PacketDecoder.strict();
    private int messageId;

    AttackedPair() {
        this(defaults().build(), defaults().build(), 1);
    }

    AttackedPair(AssociationConfig clientConfig, AssociationConfig serverConfig, long seed) {
        EstablishedSimPair pair = EstablishedSimPair.establish(clientConfig, serverConfig, seed);
        client = pair.client();
        server = pair.server();
        net = pair.net();
        peer = pair.peer();
        target = pair.target();
    }

    /** Small buffers and fast timers, so exhaustion and retransmission tests stay short. */
    static AssociationConfig.Builder defaults() {
        return AssociationConfig.builder().outboundStreams(16).maxInboundStreams(16)
                .receiveBufferBytes(64 * 1024).sendBufferBytes(256 * 1024).maxMessageBytes(256 * 1024)
                .rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS).rtoMaxNanos(2 * S).noDelay(true)
                .plpmtudEnabled(false); // exact TSNs and packets: no PLPMTUD probes
    }

    /** Injects a packet with {@code tag} from the client's SCTP port; returns what the server answered. */
    List<SctpPacket> inject(int tag, Chunk... chunks) {
        return inject(CLIENT_PORT, tag, List.of(chunks));
    }

    /** Injects a packet from SCTP port {@code fromPort}; returns what the server sent right after it. */
    List<SctpPacket> inject(int fromPort, int tag, List<? extends Chunk> chunks) {
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(chunks));
        PacketEncoder.encode(b, fromPort, SERVER_PORT, tag, chunks, false);
        return injectBytes(b.array());
    }

    /** Injects a datagram as it is; returns what the server sent right after it. */
    List<SctpPacket> injectBytes(byte[] datagram) {
        server.receive(datagram, net.now());
        List<SctpPacket> answers = new ArrayList<>();
        for (byte[] out : server.drainOutbox()) {
            SctpPacket p = decode(out);
            answers.add(p);
            if (p.header().destinationPort() == CLIENT_PORT) {
                client.receive(out, net.now());
            }
        }
        server.checkInvariants();
        return answers;
    }

    /** A packet one of the pair sent, decoded; one that does not decode fails the test. */
    SctpPacket decode(byte[] datagram) {
        try {
            return decoder.decode(datagram);
        } catch (DecodeException e) {
            throw new AssertionError("a packet sent does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * A fresh message goes from the client to the server and another back, each delivered intact
     * within a bounded (virtual) time: the association still works both ways.
     */
    boolean transfersBothWays() {
        return transfer(peer, server, 1200) && transfer(target, client, 1200);
    }

    /** Sends a fresh message of {@code length} bytes from {@code from}; whether {@code to} got it intact. */
    boolean transfer(Association from, SimHost to, int length) {
        byte[] payload = new byte[length];
        ByteBuffer.wrap(payload).putInt(++messageId);
        for (int i = 4; i < length; i++) {
            payload[i] = (byte) (messageId * 31 + i);
        }
        Bytes expected = Bytes.wrap(payload);
        int before = to.events().size();
        if (from.send(OutgoingMessage.of(0, 1, false, expected), net.now()) != SendQueue.OfferResult.ACCEPTED) {
            return false;
        }
        net.runUntil(() -> arrived(to, before, expected) || from.state() == AssociationState.CLOSED,
                net.now() + 60 * S, 100_000);
        return arrived(to, before, expected);
    }

    /** Whether {@code host} reported an association lost. */
    static boolean lost(SimHost host) {
        return host.events().stream().anyMatch(e -> e.event() instanceof AssociationEvent.CommunicationLost);
    }

    /** The reason of the first CommunicationLost event of {@code host}, or null. */
    static String lostReason(SimHost host) {
        return host.events().stream().filter(e -> e.event() instanceof AssociationEvent.CommunicationLost)
                .map(e -> ((AssociationEvent.CommunicationLost) e.event()).reason()).findFirst().orElse(null);
    }

    private static boolean arrived(SimHost to, int from, Bytes payload) {
        List<SimHost.Event> events = to.events();
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).event() instanceof AssociationEvent.MessageReceived m && m.message().payload().equals(payload)) {
                return true;
            }
        }
        return false;
    }
}
