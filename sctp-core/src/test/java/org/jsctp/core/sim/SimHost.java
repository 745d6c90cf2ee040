package org.jsctp.core.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationDirectory;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.InitChunk;

/**
 * One endpoint on the simulated network with its associations, doing what the UDP transport
 * will do: decode arriving bytes, route INIT and COOKIE ECHO to the endpoint and everything else
 * by verification tag to its association, and collect what the associations want to send,
 * encoded as bytes.
 */
public final class SimHost implements AssociationDirectory, VirtualTime.Timers {

    /** An event with the association it came from. */
    public record Event(Association association, AssociationEvent event) {
    }

    private final String name;
    private final Endpoint endpoint;
    private final PacketDecoder decoder;
    private final Map<Integer, Association> byLocalTag = new HashMap<>();
    private final List<byte[]> outbox = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private int undecodable;
    private boolean reading = true;

    public SimHost(String name, Endpoint endpoint) {
        this(name, endpoint, endpoint.decoderOptions());
    }

    /** A host decoding with {@code options}; the fuzz targets skip the checksum (see docs/FUZZING.md). */
    public SimHost(String name, Endpoint endpoint, DecoderOptions options) {
        this.name = name;
        this.endpoint = endpoint;
        this.decoder = new PacketDecoder(options);
    }

    public String name() {
        return name;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Starts an association from this host. */
    public Association connect(int peerPort, long nowNanos) {
        Association a = endpoint.connect(peerPort, nowNanos);
        byLocalTag.put(a.localTag(), a);
        collect(a);
        return a;
    }

    /** A packet arrives from the network. */
    public void receive(byte[] bytes, long nowNanos) {
        SctpPacket packet;
        try {
            packet = decoder.decode(bytes);
        } catch (DecodeException e) {
            undecodable++;
            return;
        }
        Association target = byLocalTag.get(packet.header().verificationTag());
        if (target == null && first(packet) instanceof org.jsctp.core.packet.chunk.ErrorChunk error && error.reflectedTag()) {
            // draft-ietf-tsvwg-natsupp section 5.1.2: a NAT's ERROR reflects the peer's tag; found
            // by the peer, as the transport does; the association checks the tag.
            target = findByPeer(packet.header().sourcePort());
        }
        boolean toEndpoint = target == null || first(packet) instanceof InitChunk || first(packet) instanceof CookieEchoChunk;
        if (toEndpoint) {
            Endpoint.Outcome outcome = endpoint.handlePacket(packet, nowNanos, this);
            if (outcome instanceof Endpoint.Outcome.Reply reply) {
                outbox.add(encode(reply.packet()));
            } else if (outcome instanceof Endpoint.Outcome.Accepted accepted) {
                Association a = accepted.association();
                byLocalTag.put(a.localTag(), a);
                if (packet.chunks().size() > 1) {
                    // As the transport does (RFC 9260 section 5.1): what is bundled after the COOKIE
                    // ECHO belongs to the new association, with the AUTH bytes (RFC 4895 section 6.3).
                    a.handlePacket(packet.afterFirstChunk(), nowNanos);
                }
                collect(a);
            } else if (outcome instanceof Endpoint.Outcome.Restarted restarted) {
                byLocalTag.remove(restarted.previousLocalTag());
                byLocalTag.put(restarted.association().localTag(), restarted.association());
            }
            for (Association a : List.copyOf(byLocalTag.values())) {
                collect(a);
            }
        } else {
            target.handlePacket(packet, nowNanos);
            collect(target);
        }
    }

    /** The earliest deadline of any association. */
    public long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Association a : List.copyOf(byLocalTag.values())) {
            next = Math.min(next, a.nextDeadline());
        }
        return next;
    }

    public void handleTimeout(long nowNanos) {
        for (Association a : List.copyOf(byLocalTag.values())) {
            if (a.nextDeadline() <= nowNanos) {
                a.handleTimeout(nowNanos);
                collect(a);
            }
        }
    }

    /**
     * Packets waiting to go out, including what user calls made since the last input (a
     * {@code send} or {@code shutdown} called by the test); the network takes them.
     */
    public List<byte[]> drainOutbox() {
        for (Association a : List.copyOf(byLocalTag.values())) {
            collect(a);
        }
        List<byte[]> out = new ArrayList<>(outbox);
        outbox.clear();
        return out;
    }

    /**
     * Whether the application reads its events (and so its received messages) as they come; when
     * off, they wait in the associations and hold the receive window shut.
     */
    public void setReading(boolean reading) {
        this.reading = reading;
        for (Association a : List.copyOf(byLocalTag.values())) {
            collect(a); // an application that starts reading reads what is waiting at once
        }
    }

    public List<Event> events() {
        return events;
    }

    public List<Association> associations() {
        return List.copyOf(byLocalTag.values());
    }

    /** Packets that did not decode. */
    public int undecodable() {
        return undecodable;
    }

    /** Checks every association's invariants. */
    public void checkInvariants() {
        for (Association a : List.copyOf(byLocalTag.values())) {
            a.checkInvariants();
        }
    }

    @Override
    public Association find(int localTag, int peerPort) {
        Association a = byLocalTag.get(localTag);
        return a != null && a.peerPort() == peerPort ? a : null;
    }

    @Override
    public Association findByPeer(int peerPort) {
        for (Association a : List.copyOf(byLocalTag.values())) {
            if (a.peerPort() == peerPort && a.state() != AssociationState.CLOSED) {
                return a;
            }
        }
        return null;
    }

    @Override
    public int size() {
        int open = 0;
        for (Association a : List.copyOf(byLocalTag.values())) {
            if (a.state() != AssociationState.CLOSED) {
                open++;
            }
        }
        return open;
    }

    private void collect(Association a) {
        for (OutgoingPacket p; (p = a.pollTransmit()) != null; ) {
            outbox.add(encode(p));
        }
        if (reading) {
            for (AssociationEvent e; (e = a.pollEvent()) != null; ) {
                events.add(new Event(a, e));
                if (e instanceof AssociationEvent.LocalTagChanged changed) {
                    // draft-ietf-tsvwg-natsupp section 6.2: re-key, as the transport does
                    byLocalTag.remove(changed.previousLocalTag());
                    byLocalTag.put(changed.localTag(), a);
                }
            }
        }
    }

    private static Chunk first(SctpPacket p) {
        return p.chunks().isEmpty() ? null : p.chunks().get(0);
    }

    private static byte[] encode(OutgoingPacket p) {
        ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
        PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(), p.zeroChecksum());
        return b.array();
    }
}
