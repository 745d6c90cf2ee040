package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * For random network impairments and random message streams, every message is delivered exactly
 * once, intact (joined from its pieces if it was partially delivered), and in order on ordered streams; the association stays up (or says why it went
 * down); and a graceful shutdown leaves both sides CLOSED.
 */
class TransferProperties {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** Payload: message id, length, then bytes derived from both, so corruption and mix-ups show. */
    private static Bytes payload(int id, int length) {
        byte[] b = new byte[Math.max(length, 8)];
        ByteBuffer.wrap(b).putInt(id).putInt(b.length);
        for (int i = 8; i < b.length; i++) {
            b[i] = (byte) (id * 131 + i * 17);
        }
        return Bytes.wrap(b);
    }

    private static int idOf(Bytes payload) {
        return payload.asReadOnlyBuffer().getInt(0);
    }

    @Property(tries = 300)
    void everyMessageArrivesOnceIntactAndInOrderUnderImpairment(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
            @ForAll @DoubleRange(min = 0, max = 0.1) double duplication,
            @ForAll @IntRange(min = 0, max = 30) int jitterMs,
            @ForAll @IntRange(min = 1, max = 60) int messageCount) {
        try {
            Statistics.collect(run(seed, loss, duplication, jitterMs, messageCount));
        } catch (AssertionError e) {
            throw new AssertionError(String.format("seed=%dL, loss=%s, duplication=%s, jitterMs=%d, messageCount=%d: %s",
                    seed, loss, duplication, jitterMs, messageCount, e.getMessage()), e);
        }
    }

    /** Runs one scenario and returns how it ended: "all delivered", "association lost" or "handshake gave up". */
    static String run(long seed, double loss, double duplication, int jitterMs, int messageCount) {
        AssociationConfig config = AssociationConfig.builder().outboundStreams(8).maxInboundStreams(8)
                .rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS).associationMaxRetransmits(30).pathMaxRetransmits(30)
                .build();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(seed), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(~seed), 0));
        LinkProfile link = LinkProfile.perfect().withDelay(10 * MS).withJitter(jitterMs * MS)
                .withLoss(loss).withDuplication(duplication);
        SimNetwork net = new SimNetwork(clientHost, serverHost, link, seed);
        if (Boolean.getBoolean("sim.trace")) {
            int[] lines = {0};
            net.setTracer((t, to, p) -> {
                if (t > Long.getLong("sim.traceFrom", 0) && lines[0]++ < 400) {
                    try {
                        System.out.println("TRACE " + t / 1_000_000 + "ms -> " + to.name() + " "
                                + org.jsctp.core.packet.PacketDecoder.strict().decode(p).chunks().toString().replaceAll("userData=\\[[^]]*\\]", ""));
                    } catch (org.jsctp.core.packet.DecodeException e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() != AssociationState.COOKIE_WAIT && client.state() != AssociationState.COOKIE_ECHOED,
                600 * S, 1_000_000);
        if (client.state() != AssociationState.ESTABLISHED) {
            return "handshake gave up"; // covered by SimHandshakeProperties
        }

        SplittableRandom r = new SplittableRandom(seed);
        Map<Integer, OutgoingMessage> sent = new HashMap<>();
        for (int id = 0; id < messageCount; id++) {
            int length = r.nextInt(10) == 0 ? 8 + r.nextInt(256 * 1024) : 8 + r.nextInt(3000);
            OutgoingMessage m = OutgoingMessage.of(r.nextInt(8), id, r.nextInt(4) == 0, payload(id, length));
            SendQueue.OfferResult result = client.send(m, net.now());
            if (result == SendQueue.OfferResult.REFUSED_BUFFER_FULL) {
                net.runUntil(() -> client.bufferedAmount() == 0, net.now() + 600 * S, 2_000_000);
                result = client.send(m, net.now());
            }
            assertThat(result).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            sent.put(id, m);
        }
        Association server = serverHost.associations().get(0);
        net.runUntil(() -> received(serverHost).size() >= messageCount || client.state() == AssociationState.CLOSED,
                net.now() + 48 * 3600 * S, 5_000_000);

        List<ReceivedMessage> got = received(serverHost);
        if (client.state() == AssociationState.CLOSED) {
            assertThat(clientHost.events()).extracting(SimHost.Event::event)
                    .anyMatch(e -> e instanceof AssociationEvent.CommunicationLost);
            return "association lost";
        }
        java.util.Set<Integer> missing = new java.util.TreeSet<>(sent.keySet());
        for (ReceivedMessage m : got) {
            missing.remove(idOf(m.payload()));
        }
        assertThat(missing).as("messages not delivered by t=%d ns (client %s, %d bytes unacknowledged)",
                net.now(), client.state(), client.bufferedAmount()).isEmpty();
        assertThat(got).hasSize(messageCount);
        Map<Integer, Integer> lastOrderedIdPerStream = new HashMap<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ReceivedMessage m : got) {
            int id = idOf(m.payload());
            assertThat(seen.add(id)).as("message %d delivered once", id).isTrue();
            OutgoingMessage original = sent.get(id);
            assertThat(m.payload()).as("message %d intact", id).isEqualTo(original.payload());
            assertThat(m.streamId()).isEqualTo(original.streamId());
            assertThat(m.ppid()).isEqualTo(id);
            if (!original.unordered()) {
                Integer previous = lastOrderedIdPerStream.put(m.streamId(), id);
                assertThat(previous == null || previous < id).as("order on stream %d", m.streamId()).isTrue();
            }
        }

        client.shutdown(net.now());
        net.runUntil(() -> client.state() == AssociationState.CLOSED && server.state() == AssociationState.CLOSED,
                net.now() + 3600 * S, 2_000_000);
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(server.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(clientHost.undecodable() + serverHost.undecodable()).isZero();
        return "all delivered";
    }

    /**
     * The messages received, each joined from its pieces if it came in several (partial delivery:
     * the pieces of a message come in order with nothing else of its stream between them).
     */
    private static List<ReceivedMessage> received(SimHost host) {
        List<ReceivedMessage> out = new ArrayList<>();
        Map<Integer, List<ReceivedMessage>> open = new HashMap<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage piece = m.message();
                List<ReceivedMessage> pieces = open.computeIfAbsent(piece.streamId(), k -> new ArrayList<>());
                pieces.add(piece);
                if (piece.complete()) {
                    open.remove(piece.streamId());
                    out.add(pieces.size() == 1 ? piece : joined(pieces));
                }
            }
        }
        return out;
    }

    private static ReceivedMessage joined(List<ReceivedMessage> pieces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ReceivedMessage p : pieces) {
            assertThat(p.sequenceNumber()).as("pieces of one message").isEqualTo(pieces.get(0).sequenceNumber());
            bytes.writeBytes(p.payload().toByteArray());
        }
        ReceivedMessage first = pieces.get(0);
        ReceivedMessage last = pieces.get(pieces.size() - 1);
        return new ReceivedMessage(first.streamId(), first.unordered(), first.interleaved(), first.sequenceNumber(),
                first.ppid(), Bytes.wrap(bytes.toByteArray()), first.firstTsn(), last.lastTsn());
    }
}
