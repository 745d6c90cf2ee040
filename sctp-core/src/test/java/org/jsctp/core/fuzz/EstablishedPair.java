package org.jsctp.core.fuzz;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.sim.EstablishedSimPair;
import org.jsctp.core.sim.SimHost;
import org.jsctp.core.sim.SimNetwork;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * Two endpoints with an association ESTABLISHED by a real handshake on a perfect simulated link,
 * for {@link MutatedChunkProperties}: the client is the peer, the server's association the
 * target that crafted packets are sent to as if from the client.
 */
final class EstablishedPair {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int CLIENT_PORT = EstablishedSimPair.CLIENT_PORT;
    private static final int SERVER_PORT = EstablishedSimPair.SERVER_PORT;

    final SimHost client;
    final SimHost server;
    final SimNetwork net;
    final Association peer;
    final Association target;

    EstablishedPair(long seed, boolean interleaving) {
        AssociationConfig config = AssociationConfig.builder().outboundStreams(4).maxInboundStreams(4)
                .receiveBufferBytes(64 * 1024).sendBufferBytes(64 * 1024).maxMessageBytes(32 * 1024)
                .rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS)
                .capabilities(new Capabilities(true, interleaving, false)).build();
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, seed);
        client = pair.client();
        server = pair.server();
        net = pair.net();
        peer = pair.peer();
        target = pair.target();
    }

    /** What recipes are filled in against: the target's view of both TSN sequences and its streams. */
    ChunkRecipes.Target targetState(int peerDataChunksSent, int targetDataChunksSent) {
        return new ChunkRecipes.Target(target.peerInitialTsn().plus(peerDataChunksSent),
                target.localInitialTsn().plus(targetDataChunksSent - 1), target.inboundStreams(),
                target.outboundStreams());
    }

    /** Delivers {@code chunks} to the server as a packet from the client's port with tag {@code tag}. */
    void inject(int tag, List<Chunk> chunks, Mutation mutation) {
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(chunks));
        PacketEncoder.encode(b, CLIENT_PORT, SERVER_PORT, tag, chunks, false);
        byte[] bytes = mutation.apply(b.array());
        server.receive(bytes, net.now());
    }

    /** Checks both sides' invariants and memory limits, their events having been collected. */
    void check() {
        for (SimHost h : List.of(client, server)) {
            for (Association a : h.associations()) {
                AssociationChecks.check(a);
            }
        }
    }

    /** Sends {@code payload} from {@code from} and waits a bounded time for it at the other host; whether it came intact. */
    boolean roundTrip(Association from, SimHost to, int stream, byte[] payload) {
        int before = to.events().size();
        if (from.state() != AssociationState.ESTABLISHED) {
            return false; // went down (or began to) during an earlier round trip: no new data (RFC 9260 section 9.2)
        }
        if (from.send(OutgoingMessage.of(stream, 99, false, Bytes.wrap(payload)), net.now())
                != SendQueue.OfferResult.ACCEPTED) {
            return false;
        }
        net.runUntil(() -> arrived(to, before, payload) || from.state() == AssociationState.CLOSED, net.now() + 120 * S,
                200_000);
        return arrived(to, before, payload);
    }

    private static boolean arrived(SimHost to, int from, byte[] payload) {
        List<SimHost.Event> events = to.events();
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).event() instanceof AssociationEvent.MessageReceived m
                    && m.message().payload().equals(Bytes.wrap(payload))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code host} reported that an association of it went down, and why. */
    static boolean reportedDown(SimHost host) {
        return host.events().stream().anyMatch(e -> e.event() instanceof AssociationEvent.CommunicationLost
                || e.event() instanceof AssociationEvent.ShutdownComplete);
    }

    /** A byte-level change applied after encoding, with the checksum made right again. */
    record Mutation(int kind, int position, int value) {
        static final Mutation NONE = new Mutation(0, 0, 0);

        byte[] apply(byte[] packet) {
            if (kind == 0 || packet.length <= 16) {
                return packet;
            }
            byte[] p = packet.clone();
            if (kind == 1) {
                // rewrite the length field of the first chunk: shorter, longer, odd, past the end
                p[14] = (byte) (value >> 8);
                p[15] = (byte) value;
            } else {
                p[12 + Math.floorMod(position, p.length - 12)] = (byte) value; // any one byte after the header
            }
            ByteBuffer.wrap(p).putInt(8, 0);
            ByteBuffer.wrap(p).putInt(8, Crc32c.compute(p, 0, p.length));
            return p;
        }
    }
}
