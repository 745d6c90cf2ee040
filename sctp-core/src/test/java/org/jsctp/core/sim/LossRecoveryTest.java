package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.AssociationStatistics;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * Loss recovery on a lossy low-RTT path, in virtual time (issue 6's "under loss" case: 10% loss
 * each way, 10 ms RTT). With RFC 9260's RTO.Min of 1 s almost all the time goes into T3-rtx
 * timeouts, most of them for fast retransmissions that were lost as well; detecting those
 * ({@link AssociationConfig#lostRetransmissionDetection()}) and a low RTO.Min each cut the time.
 */
class LossRecoveryTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MESSAGE = 1200;

    /** What one bulk transfer took. */
    private record Outcome(long nanos, AssociationStatistics sender) {
    }

    private static Outcome transfer(AssociationConfig config, LinkProfile link, int messages, long seed,
                                    BiConsumer<SimNetwork, Association> before) {
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(seed), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(seed + 1), 0));
        SimNetwork net = new SimNetwork(clientHost, serverHost, LinkProfile.perfect().withDelay(5 * MS), seed);
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 60 * S, 100_000);
        net.aToB().setProfile(link);
        net.bToA().setProfile(link);
        before.accept(net, client);
        Bytes payload = Bytes.wrap(new byte[MESSAGE]);
        int[] queued = {0};
        int[] delivered = {0};
        long start = net.now();
        net.runUntil(() -> delivered[0] >= messages && client.bufferedAmount() == 0, () -> {
            while (queued[0] < messages
                    && client.send(OutgoingMessage.of(0, 0, false, payload), net.now()) == SendQueue.OfferResult.ACCEPTED) {
                queued[0]++;
            }
            for (SimHost.Event e : serverHost.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived) {
                    delivered[0]++;
                }
            }
            serverHost.events().clear();
        }, start + 3000 * S, 100_000_000);
        assertThat(delivered[0]).as("all delivered").isEqualTo(messages);
        return new Outcome(net.now() - start, client.statistics());
    }

    private static AssociationConfig config(long rtoMin, boolean detectLostRetransmissions) {
        return AssociationConfig.builder().rtoMinNanos(rtoMin).lostRetransmissionDetection(detectLostRetransmissions)
                .plpmtudEnabled(false).build(); // exact packet counts: no PLPMTUD probes
    }

    @Test
    void aLostFastRetransmissionIsSentAgainBeforeT3WithDetectionAndOnlyByT3Without() {
        for (boolean detect : new boolean[] {false, true}) {
            // The original and the fast retransmission of the 6th message's TSN are both lost.
            Outcome o = transfer(config(S, detect), LinkProfile.perfect().withDelay(5 * MS), 40, 3, (net, client) -> {
                int lostTsn = client.localInitialTsn().value() + 5;
                net.aToB().dropNext(2, p -> p.length >= 20 && p[12] == 0 && ByteBuffer.wrap(p, 16, 4).getInt() == lostTsn);
            });
            if (detect) {
                assertThat(o.sender().t3Expiries()).as("T3 expiries with detection").isZero();
                assertThat(o.sender().fastRetransmissions()).isEqualTo(2);
                assertThat(o.nanos()).as("recovered before the 1 s RTO").isLessThan(S);
            } else {
                assertThat(o.sender().t3Expiries()).as("T3 expiries without detection").isEqualTo(1);
                assertThat(o.nanos()).isGreaterThan(S);
            }
        }
    }

    /**
     * RFC 9260 section 7.2.4 step 4: the fast retransmission of the first outstanding chunk
     * restarts T3-rtx. Here the chunk is lost at 0 s and only 985 ms later do three packets behind
     * it bring the miss indications; the fast retransmission is acknowledged at about 1005 ms,
     * after the timer started at 0 s would have expired (RTO 1 s) had it not been restarted.
     */
    @Test
    void aFastRetransmissionOfTheFirstOutstandingChunkRestartsT3() {
        AssociationConfig config = AssociationConfig.builder().noDelay(true).build();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(9), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(10), 0));
        SimNetwork net = new SimNetwork(clientHost, serverHost, LinkProfile.perfect().withDelay(5 * MS), 9);
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 60 * S, 100_000);
        net.aToB().dropNext(1, p -> p.length > 12 && p[12] == 0);
        long start = net.now();
        client.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[MESSAGE])), start);
        net.advance(985 * MS, 100_000);
        for (int i = 0; i < 3; i++) {
            client.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[MESSAGE])), net.now());
        }
        net.runUntil(() -> client.bufferedAmount() == 0, start + 10 * S, 100_000);
        assertThat(client.bufferedAmount()).isZero();
        assertThat(client.statistics().fastRetransmissions()).isEqualTo(1);
        assertThat(client.statistics().t3Expiries()).as("T3-rtx expiries").isZero();
        assertThat(client.statistics().t3Retransmissions()).isZero();
    }

    @Test
    void tenPercentLossEachWayWith10MsRtt() {
        LinkProfile lossy = LinkProfile.perfect().withDelay(5 * MS).withLoss(0.1);
        int messages = 1500;
        Outcome rfc = transfer(config(S, false), lossy, messages, 1, (net, client) -> { });
        Outcome detecting = transfer(config(S, true), lossy, messages, 1, (net, client) -> { });
        Outcome lowRtoMin = transfer(config(50 * MS, false), lossy, messages, 1, (net, client) -> { });
        Outcome both = transfer(config(50 * MS, true), lossy, messages, 1, (net, client) -> { });
        // Most timeouts come from lost fast retransmissions: detecting them removes most.
        assertThat(detecting.sender().t3Expiries()).isLessThan(rfc.sender().t3Expiries() / 2);
        assertThat(detecting.nanos()).isLessThan(rfc.nanos() * 6 / 10);
        // A low RTO.Min makes each remaining timeout cheap.
        assertThat(lowRtoMin.nanos()).isLessThan(rfc.nanos() / 2);
        assertThat(both.nanos()).isLessThan(rfc.nanos() / 3);
    }
}
