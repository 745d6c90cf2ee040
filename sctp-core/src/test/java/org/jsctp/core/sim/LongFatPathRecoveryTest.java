package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

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

class LongFatPathRecoveryTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MESSAGE = 1200;
    private static final long LINK_BITS = 1_000_000_000L;
    private static final int BUFFER = 25 * 1024 * 1024;

    @Test
    void explore() {
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(BUFFER).receiveBufferBytes(BUFFER).proportionalRateReduction(true).build();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(3), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(4), 0));
        LinkProfile link = LinkProfile.perfect().withDelay(50 * MS).withRate(LINK_BITS, 12_500_000);
        SimNetwork net = new SimNetwork(clientHost, serverHost, link, 5);
        net.setInvariantCheckInterval(10_000);
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 10 * S, 100_000);
        Bytes payload = Bytes.wrap(new byte[MESSAGE]);
        long[] delivered = {0};
        long start = net.now();
        long[] nextReport = {start + 100 * MS};
        long[] lastDelivered = {0};
        long end = start + 6 * S;
        net.runUntil(() -> net.now() >= end, () -> {
            while (client.send(OutgoingMessage.of(0, 0, false, payload), net.now()) == SendQueue.OfferResult.ACCEPTED) {
            }
            for (SimHost.Event e : serverHost.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    delivered[0] += m.message().payload().length();
                }
            }
            serverHost.events().clear();
            if (net.now() >= nextReport[0]) {
                AssociationStatistics s = client.statistics();
                System.out.printf("t=%5d ms  %7.1f Mbit/s  cwnd %9d ssthresh %9d  t3x %d fr %d t3r %d dropped %d%n",
                        (net.now() - start) / MS, (delivered[0] - lastDelivered[0]) * 8.0 / 0.1 / 1e6,
                        client.cwnd(), 0L, s.t3Expiries(), s.fastRetransmissions(), s.t3Retransmissions(),
                        net.aToB().dropped());
                lastDelivered[0] = delivered[0];
                nextReport[0] += 100 * MS;
            }
        }, end + S, 80_000_000);
    }
}
