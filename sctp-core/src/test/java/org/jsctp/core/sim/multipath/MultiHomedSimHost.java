package org.jsctp.core.sim.multipath;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.sim.VirtualTime;

/**
 * An endpoint with several addresses on a {@link MultiPathSimNetwork}, doing what the UDP
 * transport does for multi-homing: it hands each packet's source address to the endpoint or
 * association, sends each outgoing packet to its {@link OutgoingPacket#destination()} (replies of
 * the endpoint go back to the source they answer), from the local address on the same /24 as the
 * destination (each /24 is one network).
 */
public final class MultiHomedSimHost implements AssociationDirectory, VirtualTime.Timers {

    /** A datagram between two addresses. */
    public record Datagram(InetAddress from, InetAddress to, byte[] bytes) {
    }

    /** An event with the association it came from. */
    public record Event(Association association, AssociationEvent event) {
    }

    private final String name;
    private final Endpoint endpoint;
    private final List<InetAddress> addresses;
    private final PacketDecoder decoder;
    private final Map<Integer, Association> byLocalTag = new HashMap<>();
    private final Map<Association, InetAddress> lastSource = new HashMap<>();
    private final List<Datagram> outbox = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    /** When set, every datagram claims this source (a peer sending all paths' packets from one socket). */
    private InetAddress sourceOverride;

    public MultiHomedSimHost(String name, Endpoint endpoint, List<InetAddress> addresses) {
        this.name = name;
        this.endpoint = endpoint;
        this.addresses = List.copyOf(addresses);
        this.decoder = new PacketDecoder(endpoint.decoderOptions());
    }

    public String name() {
        return name;
    }

    public List<InetAddress> addresses() {
        return addresses;
    }

    /** Makes every datagram from now on claim {@code source} as its source address (null: the real one). */
    public void overrideSource(InetAddress source) {
        this.sourceOverride = source;
    }

    /** Starts an association to the peer's {@code peerAddresses}. */
    public Association connect(int peerPort, List<InetAddress> peerAddresses, long nowNanos) {
        Association a = endpoint.connect(peerPort, peerAddresses, nowNanos);
        byLocalTag.put(a.localTag(), a);
        collect(a);
        return a;
    }

    /** A datagram arrives. */
    public void receive(Datagram d, long nowNanos) {
        SctpPacket packet;
        try {
            packet = decoder.decode(d.bytes());
        } catch (DecodeException e) {
            return;
        }
        Association target = byLocalTag.get(packet.header().verificationTag());
        Chunk first = packet.chunks().isEmpty() ? null : packet.chunks().get(0);
        if (target == null && first instanceof org.jsctp.core.packet.chunk.ErrorChunk error && error.reflectedTag()) {
            // draft-ietf-tsvwg-natsupp section 5.1.2: a NAT's ERROR reflects the peer's tag; found
            // by it, as the transport finds it by the peer; the association checks the tag.
            int tag = packet.header().verificationTag();
            target = byLocalTag.values().stream().filter(a -> a.peerTag() == tag).findFirst().orElse(null);
        }
        if (target == null || first instanceof InitChunk || first instanceof CookieEchoChunk) {
            Endpoint.Outcome outcome = endpoint.handlePacket(packet, d.from(), nowNanos, this);
            if (outcome instanceof Endpoint.Outcome.Reply reply) {
                send(reply.packet(), d.from());
            } else if (outcome instanceof Endpoint.Outcome.Accepted accepted) {
                byLocalTag.put(accepted.association().localTag(), accepted.association());
                lastSource.put(accepted.association(), d.from());
            } else if (outcome instanceof Endpoint.Outcome.Restarted restarted) {
                byLocalTag.remove(restarted.previousLocalTag());
                byLocalTag.put(restarted.association().localTag(), restarted.association());
            }
            for (Association a : byLocalTag.values()) {
                collect(a);
            }
        } else {
            lastSource.put(target, d.from());
            target.handlePacket(packet, d.from(), nowNanos);
            collect(target);
        }
    }

    public long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Association a : byLocalTag.values()) {
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

    /** Datagrams waiting to go out, including what user calls produced since the last input. */
    public List<Datagram> drainOutbox() {
        for (Association a : byLocalTag.values()) {
            collect(a);
        }
        List<Datagram> out = new ArrayList<>(outbox);
        outbox.clear();
        return out;
    }

    public List<Event> events() {
        return events;
    }

    public List<Association> associations() {
        return List.copyOf(byLocalTag.values());
    }

    public void checkInvariants() {
        for (Association a : byLocalTag.values()) {
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
        for (Association a : byLocalTag.values()) {
            if (a.peerPort() == peerPort && a.state() != AssociationState.CLOSED) {
                return a;
            }
        }
        return null;
    }

    @Override
    public int size() {
        return (int) byLocalTag.values().stream().filter(a -> a.state() != AssociationState.CLOSED).count();
    }

    private void collect(Association a) {
        for (OutgoingPacket p; (p = a.pollTransmit()) != null; ) {
            InetAddress fallback = a.primaryAddress() != null ? a.primaryAddress() : lastSource.get(a);
            send(p, p.destination() != null ? p.destination() : fallback, a.usableLocalAddresses());
        }
        for (AssociationEvent e; (e = a.pollEvent()) != null; ) {
            events.add(new Event(a, e));
        }
    }

    private void send(OutgoingPacket p, InetAddress to) {
        send(p, to, List.of());
    }

    /**
     * As {@link #send(OutgoingPacket, InetAddress)}, from one of {@code usable} (the association's
     * addresses it may send from, RFC 5061 section 5.3) when it names addresses of this host.
     */
    private void send(OutgoingPacket p, InetAddress to, List<InetAddress> usable) {
        ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
        PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(), p.zeroChecksum());
        List<InetAddress> candidates = usable.stream().filter(addresses::contains).toList();
        InetAddress from = sourceOverride != null ? sourceOverride : localFor(to, candidates.isEmpty() ? addresses
                : candidates);
        outbox.add(new Datagram(from, to, b.array()));
    }

    /** The local address on the destination's /24, else the first. */
    private InetAddress localFor(InetAddress to, List<InetAddress> candidates) {
        if (to != null) {
            byte[] t = to.getAddress();
            for (InetAddress a : candidates) {
                byte[] l = a.getAddress();
                if (l.length == t.length && Arrays.equals(l, 0, l.length - 1, t, 0, t.length - 1)) {
                    return a;
                }
            }
        }
        return candidates.get(0);
    }
}
