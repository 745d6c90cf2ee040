package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * For random receive buffers (down to one packet), partial delivery points, impairments and
 * messages of up to five buffers on several streams, DATA or I-DATA, every message arrives, in
 * pieces or whole, and joined is exactly what was sent: partial delivery never deadlocks.
 */
class PartialDeliveryProperties {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Property(tries = 150)
    void messagesLargerThanTheReceiveBufferAllArriveIntact(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        assertThat(run(seed)).isIn("all delivered", "handshake gave up");
    }

    /** One scenario, seeded; returns how it ended. */
    static String run(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int buffer = 1500 + r.nextInt(8000);
        int pdPoint = 1 + r.nextInt(buffer);
        boolean interleaving = r.nextBoolean();
        double loss = r.nextDouble() * 0.25;
        String scenario = String.format("seed=%dL buffer=%d pdPoint=%d interleaving=%s loss=%.3f", seed, buffer, pdPoint,
                interleaving, loss);
        AssociationConfig c = AssociationConfig.builder().receiveBufferBytes(buffer).partialDeliveryPointBytes(pdPoint)
                .rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS).associationMaxRetransmits(100).pathMaxRetransmits(100)
                .capabilities(new Capabilities(true, interleaving, false)).build();
        SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, c), new SeededRandomSource(seed), 0));
        SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, c), new SeededRandomSource(~seed), 0));
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS).withJitter(20 * MS)
                .withLoss(loss).withDuplication(0.02), seed);
        if (Boolean.getBoolean("pd.trace")) {
            long[] lines = {0};
            net.setTracer((t, to, p) -> {
                if (t > Long.getLong("pd.traceFrom", 0) && lines[0]++ < 400) {
                    try {
                        System.out.println("TRACE " + t / 1_000_000 + "ms -> " + to.name() + " "
                                + org.jsctp.core.packet.PacketDecoder.strict().decode(p).chunks().toString()
                                .replaceAll("userData=\\[[^]]*\\]", ""));
                    } catch (org.jsctp.core.packet.DecodeException e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED || a.state() == AssociationState.CLOSED, 600 * S,
                1_000_000);
        if (a.state() != AssociationState.ESTABLISHED) {
            return "handshake gave up"; // covered by SimHandshakeProperties
        }
        int count = 1 + r.nextInt(6);
        List<byte[]> sent = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int stream = r.nextInt(3);
            byte[] p = new byte[1 + r.nextInt(5 * buffer)];
            r.nextBytes(p);
            sent.add(p);
            a.send(OutgoingMessage.of(stream, id, r.nextInt(4) == 0, Bytes.wrap(p)), net.now());
        }
        Map<Integer, byte[]> got = new HashMap<>();
        Map<Integer, ByteArrayOutputStream> open = new HashMap<>();
        int[] seen = {0};
        net.runUntil(() -> {
            List<SimHost.Event> events = server.events();
            for (; seen[0] < events.size(); seen[0]++) {
                if (events.get(seen[0]).event() instanceof AssociationEvent.MessageReceived m) {
                    ReceivedMessage piece = m.message();
                    // pieces of one message come in order, nothing else of the stream between them
                    ByteArrayOutputStream b = open.computeIfAbsent(piece.streamId(), k -> new ByteArrayOutputStream());
                    b.writeBytes(piece.payload().toByteArray());
                    if (piece.complete()) {
                        assertThat(got.put(piece.ppid(), b.toByteArray())).as("%s: message %d once", scenario, piece.ppid())
                                .isNull();
                        open.remove(piece.streamId());
                    }
                }
            }
            return got.size() == count;
        }, net.now() + 3600 * S, 5_000_000);
        assertThat(got.keySet()).as("%s: messages delivered (client %s, %d B unacknowledged)", scenario, a.state(),
                a.bufferedAmount()).hasSize(count);
        for (int id = 0; id < count; id++) {
            assertThat(got.get(id)).as("%s: message %d intact", scenario, id).isEqualTo(sent.get(id));
        }
        assertThat(open).as("%s: no partial delivery left open", scenario).isEmpty();
        return "all delivered";
    }
}
