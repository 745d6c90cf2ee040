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
 * A long fat path in virtual time: 1 Gbit/s each way with 100 ms of round trip, a bandwidth-delay
 * product of 12.5 MB (about 10,000 packets of 1200 bytes in flight). With send and receive
 * buffers of twice that, nothing but the link may limit a bulk transfer once slow start is over:
 * not cwnd growth, the peer's window, Max.Burst, the sender's bound on chunks in flight, the
 * receiver's TSN map or its Gap Ack Block limits.
 */
class LongFatPathTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MESSAGE = 1200;
    private static final long LINK_BITS = 1_000_000_000L;
    private static final int BUFFER = 25 * 1024 * 1024;

    @Test
    void aGigabitPathWith100MsRttIsFilledOnceSlowStartIsOver() {
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(BUFFER).receiveBufferBytes(BUFFER).build();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(3), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(4), 0));
        // 50 ms each way; the bottleneck queue holds what the receive window lets pile up beyond one
        // bandwidth-delay product, so slow start ends at the window and not with a burst of drops
        LinkProfile link = LinkProfile.perfect().withDelay(50 * MS).withRate(LINK_BITS, 16_000_000);
        SimNetwork net = new SimNetwork(clientHost, serverHost, link, 5);
        net.setInvariantCheckInterval(10_000);
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 10 * S, 100_000);
        Bytes payload = Bytes.wrap(new byte[MESSAGE]);
        long[] delivered = {0};
        long start = net.now();
        // Slow start from 4404 bytes grows about 1.6x per round trip (a SACK every second packet):
        // the window is open after about 2 s; one second of the full link is then measured.
        long measureFrom = start + 2 * S;
        long measureTo = start + 3 * S;
        long[] deliveredAtMeasureStart = {-1};
        net.runUntil(() -> net.now() >= measureTo, () -> {
            while (client.send(OutgoingMessage.of(0, 0, false, payload), net.now()) == SendQueue.OfferResult.ACCEPTED) {
                // keep the send buffer full
            }
            for (SimHost.Event e : serverHost.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    delivered[0] += m.message().payload().length();
                }
            }
            serverHost.events().clear();
            if (deliveredAtMeasureStart[0] < 0 && net.now() >= measureFrom) {
                deliveredAtMeasureStart[0] = delivered[0];
            }
        }, measureTo + S, 50_000_000);
        double seconds = (net.now() - measureFrom) / (double) S;
        double bps = (delivered[0] - deliveredAtMeasureStart[0]) * 8.0 / seconds;
        double linkGoodput = LINK_BITS * MESSAGE / 1228.0; // 1200 B of payload in 1228 B packets
        System.out.printf("long fat path: %.1f Mbit/s of %.1f, cwnd %d, peer window %d%n", bps / 1e6,
                linkGoodput / 1e6, client.cwnd(), client.peerReceiverWindow());
        assertThat(bps).as("goodput %.1f Mbit/s, cwnd %d", bps / 1e6, client.cwnd()).isGreaterThan(0.8 * linkGoodput);
    }
}
