package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/** The buffered-amount-low event raised from SACK processing when the data queued or in flight falls to the threshold. */
class BufferedAmountLowTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final AssociationConfig config = AssociationConfig.defaults();
    private final SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
    private final SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);

    private Association established() {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    private List<AssociationEvent.BufferedAmountLow> lows() {
        return client.events().stream().map(SimHost.Event::event)
                .filter(e -> e instanceof AssociationEvent.BufferedAmountLow)
                .map(e -> (AssociationEvent.BufferedAmountLow) e).toList();
    }

    @Test
    void itFiresOnceWhenTheBufferedAmountCrossesTheThresholdDownwards() {
        Association a = established();
        a.setBufferedAmountLowThreshold(20_000);
        for (int i = 0; i < 100; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.runUntil(() -> a.bufferedAmount() == 0, 60 * S, 100_000);
        assertThat(lows()).singleElement().satisfies(e -> assertThat(e.bufferedAmount()).isLessThanOrEqualTo(20_000));
    }

    @Test
    void withTheDefaultThresholdOfZeroItFiresWhenEverythingIsAcknowledged() {
        Association a = established();
        assertThat(a.bufferedAmountLowThreshold()).isZero();
        a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        net.runUntil(() -> a.bufferedAmount() == 0, 10 * S, 10_000);
        assertThat(lows()).containsExactly(new AssociationEvent.BufferedAmountLow(0));
    }

    @Test
    void itDoesNotFireWhenTheAmountNeverRoseAboveTheThreshold() {
        Association a = established();
        a.setBufferedAmountLowThreshold(10_000);
        a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        net.runUntil(() -> a.bufferedAmount() == 0, 10 * S, 10_000);
        net.advance(S, 10_000);
        assertThat(lows()).isEmpty();
    }
}
