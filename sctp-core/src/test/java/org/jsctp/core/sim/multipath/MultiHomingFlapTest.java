package org.jsctp.core.sim.multipath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.sim.LinkProfile;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths that go down and come back at random times, under light random loss, while data flows
 * both ways: every message arrives once and in order per stream, whichever paths carry it (RFC 9260
 * sections 6.4, 6.4.1, 8.2; RFC 7829).
 */
class MultiHomingFlapTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final InetAddress C1 = ip("10.0.1.1");
    private static final InetAddress C2 = ip("10.0.2.1");
    private static final InetAddress S1 = ip("10.0.1.2");
    private static final InetAddress S2 = ip("10.0.2.2");
    private static final int MESSAGES = 150;
    private static final int STREAMS = 3;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static MultiHomedSimHost host(String name, int port, List<InetAddress> addresses, long seed) {
        AssociationConfig config = AssociationConfig.builder().localAddresses(addresses).rtoMinNanos(200 * MS)
                .rtoInitialNanos(500 * MS).associationMaxRetransmits(40).build();
        return new MultiHomedSimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0),
                addresses);
    }

    private static Bytes payload(int id) {
        byte[] b = new byte[300 + id % 7 * 211];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        return Bytes.wrap(b);
    }

    private static List<ReceivedMessage> received(MultiHomedSimHost host) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message());
            }
        }
        return out;
    }

    private static void assertOnceInOrder(List<ReceivedMessage> got) {
        assertThat(got).hasSize(MESSAGES);
        for (int s = 0; s < STREAMS; s++) {
            int stream = s;
            List<ReceivedMessage> onStream = got.stream().filter(m -> m.streamId() == stream).toList();
            assertThat(onStream).hasSize(MESSAGES / STREAMS);
            for (int k = 0; k < onStream.size(); k++) {
                assertThat(onStream.get(k).payload()).isEqualTo(payload(stream + STREAMS * k));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void flappingPathsLoseAndDuplicateNothing(long seed) {
        MultiHomedSimHost client = host("client", 5000, List.of(C1, C2), seed * 10 + 1);
        MultiHomedSimHost server = host("server", 7, List.of(S1, S2), seed * 10 + 2);
        MultiPathSimNetwork net = new MultiPathSimNetwork(client, server,
                LinkProfile.perfect().withDelay(15 * MS).withJitter(5 * MS).withLoss(0.02), seed);
        Association a = client.connect(7, List.of(S1, S2), 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty(),
                30 * S, 100_000)).isTrue();
        Association b = server.associations().get(0);
        SplittableRandom chaos = new SplittableRandom(seed);
        int[] sentA = {0};
        int[] sentB = {0};
        long[] nextFlap = {net.now() + 200 * MS};
        int[] flaps = {0};
        Runnable app = () -> {
            while (sentA[0] < MESSAGES && a.sendBufferAvailable() > 3000) {
                a.send(OutgoingMessage.of(sentA[0] % STREAMS, 0, false, payload(sentA[0])), net.now());
                sentA[0]++;
            }
            while (sentB[0] < MESSAGES && b.state() == AssociationState.ESTABLISHED && b.sendBufferAvailable() > 3000) {
                b.send(OutgoingMessage.of(sentB[0] % STREAMS, 0, false, payload(sentB[0])), net.now());
                sentB[0]++;
            }
            if (net.now() >= nextFlap[0]) {
                // one network at a time goes down or comes up; never both down for long
                boolean initial = flaps[0]++ == 0; // the primary's network goes down first, with data in flight
                boolean first = initial || chaos.nextBoolean();
                net.setDown(first ? C1 : C2, first ? S1 : S2, initial || chaos.nextInt(3) == 0);
                net.setDown(first ? C2 : C1, first ? S2 : S1, false);
                nextFlap[0] = net.now() + chaos.nextLong(300 * MS, 4 * S);
            }
        };
        boolean done = net.runUntil(() -> received(server).size() == MESSAGES && received(client).size() == MESSAGES,
                app, 3600 * S, 2_000_000);
        assertThat(done).as("seed %d: all messages both ways", seed).isTrue();
        assertOnceInOrder(received(server));
        assertOnceInOrder(received(client));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(net.link(C2, S2).delivered() + net.link(S2, C2).delivered()).as("the second network carried traffic")
                .isGreaterThan(10);
    }
}
