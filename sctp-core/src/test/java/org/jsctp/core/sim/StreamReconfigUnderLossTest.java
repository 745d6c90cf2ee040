package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stream reconfiguration requests of every kind, made by both sides at random moments while both
 * send on random streams over a link that loses, duplicates and reorders packets (RFC 6525
 * section 5 under stress): every message arrives exactly once and in order on its stream, the
 * association stays up, and every request gets its outcome.
 */
class StreamReconfigUnderLossTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private static AssociationConfig config(boolean interleaving) {
        return AssociationConfig.builder().noDelay(true).rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS)
                .rtoMaxNanos(2 * S).associationMaxRetransmits(30)
                .capabilities(Capabilities.NONE.withForwardTsn(true).withInterleaving(interleaving)
                        .withStreamReconfig(true))
                .acceptStreamReconfig(true).build();
    }

    /** One side's sending: the next index per stream, and the messages it sent. */
    private static final class Sender {
        final Association association;
        final Map<Integer, Integer> nextIndex = new HashMap<>();
        int sent;

        Sender(Association association) {
            this.association = association;
        }

        void sendOne(SplittableRandom random, long now) {
            int stream = random.nextInt(association.outboundStreams());
            int index = nextIndex.getOrDefault(stream, 0);
            byte[] payload = ByteBuffer.allocate(8 + random.nextInt(1200)).putInt(stream).putInt(index).array();
            SendQueue.OfferResult r = association.send(OutgoingMessage.of(stream, 0, false, Bytes.wrap(payload)), now);
            if (r == SendQueue.OfferResult.ACCEPTED) {
                nextIndex.put(stream, index + 1);
                sent++;
            }
        }

        void request(SplittableRandom random, long now) {
            switch (random.nextInt(5)) {
                case 0 -> association.resetStreams(new int[] {random.nextInt(association.outboundStreams())}, now);
                case 1 -> association.resetStreams(new int[0], now);
                case 2 -> association.resetIncomingStreams(new int[0], now);
                case 3 -> association.resetAssociation(now);
                default -> association.addStreams(1 + random.nextInt(3), random.nextInt(2), now);
            }
        }
    }

    /** Checks that {@code host} received every message of {@code sender} once, in order per stream. */
    private static void assertReceivedAllInOrder(SimHost host, Sender sender) {
        Map<Integer, Integer> expected = new HashMap<>();
        int count = 0;
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                ByteBuffer b = ByteBuffer.wrap(m.message().payload().toByteArray());
                int stream = b.getInt();
                int index = b.getInt();
                assertThat(stream).isEqualTo(m.message().streamId());
                assertThat(index).as("message on stream %d", stream).isEqualTo(expected.getOrDefault(stream, 0));
                expected.put(stream, index + 1);
                count++;
            }
        }
        assertThat(count).isEqualTo(sender.sent);
        assertThat(expected).isEqualTo(sender.nextIndex);
    }

    @ParameterizedTest(name = "seed {0}, I-DATA {1}")
    @CsvSource({"1, false", "2, true", "3, false", "4, true", "5, false", "6, true"})
    void requestsOfBothSidesAmidDataOnALossyLinkLoseNothing(long seed, boolean interleaving) {
        EstablishedSimPair p = EstablishedSimPair.establish(config(interleaving), config(interleaving), seed);
        LinkProfile lossy = LinkProfile.perfect().withDelay(5 * MS).withJitter(3 * MS).withLoss(0.05)
                .withDuplication(0.02);
        p.net().aToB().setProfile(lossy);
        p.net().bToA().setProfile(lossy);
        SplittableRandom random = new SplittableRandom(seed);
        Sender client = new Sender(p.peer());
        Sender server = new Sender(p.target());
        for (int step = 0; step < 1500; step++) {
            p.net().advance(random.nextInt(1, 10) * MS, 200_000);
            long now = p.net().now();
            Sender s = random.nextBoolean() ? client : server;
            if (random.nextInt(25) == 0) {
                s.request(random, now);
            } else {
                s.sendOne(random, now);
            }
        }
        // Let everything in flight and every outstanding request finish.
        p.net().runUntil(() -> false, p.net().now() + 60 * S, 2_000_000);

        assertThat(p.peer().state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.target().state()).isEqualTo(AssociationState.ESTABLISHED);
        assertReceivedAllInOrder(p.server(), client);
        assertReceivedAllInOrder(p.client(), server);
        List<AssociationEvent> outcomes = new ArrayList<>();
        for (SimHost h : List.of(p.client(), p.server())) {
            for (SimHost.Event e : h.events()) {
                if (e.event() instanceof AssociationEvent.StreamReset || e.event() instanceof AssociationEvent.AssociationReset
                        || e.event() instanceof AssociationEvent.StreamChange) {
                    outcomes.add(e.event());
                }
            }
        }
        assertThat(outcomes).isNotEmpty();
        assertThat(client.sent + server.sent).isGreaterThan(1000);
    }
}
