package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * Throughput bands in virtual time, so that congestion-control regressions fail a test whatever
 * the speed of the machine running it: a bulk transfer must use most of a clean link and a fair
 * share of a lossy one.
 */
class ThroughputTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MESSAGE = 1200;

    /** Goodput in bits per second of a bulk transfer of {@code totalBytes} over {@code link}. */
    private static double goodput(LinkProfile link, long totalBytes, long seed) {
        AssociationConfig config = AssociationConfig.defaults();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(seed), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(seed + 1), 0));
        SimNetwork net = new SimNetwork(clientHost, serverHost, link, seed);
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 10 * S, 100_000);
        Bytes payload = Bytes.wrap(new byte[MESSAGE]);
        long[] queued = {0};
        long[] delivered = {0};
        long start = net.now();
        net.runUntil(() -> delivered[0] >= totalBytes, () -> {
            while (queued[0] < totalBytes
                    && client.send(OutgoingMessage.of(0, 0, false, payload), net.now()) == SendQueue.OfferResult.ACCEPTED) {
                queued[0] += MESSAGE;
            }
            for (SimHost.Event e : serverHost.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    delivered[0] += m.message().payload().length();
                }
            }
            serverHost.events().clear();
        }, start + 600 * S, 10_000_000);
        assertThat(delivered[0]).as("everything delivered").isGreaterThanOrEqualTo(totalBytes);
        return delivered[0] * 8.0 * S / (net.now() - start);
    }

    @Test
    void aCleanTenMegabitLinkWith30MsRttIsUsedAtLeast80Percent() {
        // 10 Mbit/s each way, 15 ms each way, a queue of about two bandwidth-delay products
        LinkProfile link = LinkProfile.perfect().withDelay(15 * MS).withRate(10_000_000L, 75_000);
        double bps = goodput(link, 5_000_000, 1);
        // the wire carries SCTP, UDP-less here: 1200 B of payload travel in 1228 B packets
        assertThat(bps).as("goodput %.2f Mbit/s", bps / 1e6).isGreaterThan(0.8 * 10_000_000 * MESSAGE / 1228.0);
    }

    @Test
    void onePercentLossStillGivesAUsefulShare() {
        LinkProfile link = LinkProfile.perfect().withDelay(15 * MS).withRate(10_000_000L, 75_000).withLoss(0.01);
        double bps = goodput(link, 2_000_000, 2);
        // the Mathis model gives a Reno flow about 1.22 * MSS / (RTT * sqrt(p)) = 3.9 Mbit/s here
        assertThat(bps).as("goodput %.2f Mbit/s", bps / 1e6).isGreaterThan(2_000_000);
    }
}
