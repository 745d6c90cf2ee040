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
import org.junit.jupiter.api.Test;

/** The receive window follows the application's reading (RFC 9260 section 6.2) and the sender dry event. */
class WindowTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int BUFFER = 16 * 1024;

    private final AssociationConfig config = AssociationConfig.builder().receiveBufferBytes(BUFFER).build();
    private final SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
    private final SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);

    private long received() {
        return server.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    @Test
    void aReceiverThatDoesNotReadStopsTheSenderAndReadingReopensTheWindowAtOnce() {
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        java.util.List<org.jsctp.core.packet.chunk.DataChunk> seen = new java.util.ArrayList<>();
        net.setTracer((t, to, p) -> {
            try {
                for (org.jsctp.core.packet.chunk.Chunk c : org.jsctp.core.packet.PacketDecoder.strict().decode(p).chunks()) {
                    if (c instanceof org.jsctp.core.packet.chunk.DataChunk d) {
                        seen.add(d);
                    }
                }
            } catch (org.jsctp.core.packet.DecodeException e) {
                throw new AssertionError(e);
            }
        });
        server.setReading(false);
        for (int i = 0; i < 64; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.advance(5 * S, 100_000);
        // no more than the receive buffer is in the receiver, the rest waits at the sender
        assertThat(a.bufferedAmount()).isGreaterThan(64 * 1000 - BUFFER - 2000);
        // no message was cut into slivers, neither to squeeze into the closing window (sender-side
        // silly window avoidance) nor to fill the end of a packet when it fits a packet of its own
        assertThat(seen).allSatisfy(d -> assertThat(d.beginning() && d.ending()).isTrue());

        server.setReading(true);
        long resumed = net.now();
        net.runUntil(() -> received() == 64, net.now() + 60 * S, 100_000);
        assertThat(received()).isEqualTo(64);
        // the window update restarts the transfer at once: without it the sender would wait for its
        // zero-window probe, whose T3-rtx has backed off to 2 s by now
        assertThat(net.now() - resumed).isLessThan(S);
        net.advance(S, 10_000);
        assertThat(client.events()).extracting(SimHost.Event::event)
                .contains(new AssociationEvent.SenderDry());
    }
}
