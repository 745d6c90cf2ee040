package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/** Nagle-like bundling, the no-delay option, and the I bit before a shutdown (RFC 7053). */
class BundlingTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private record Run(SimNetwork net, Association client, List<SctpPacket> toServer) {
    }

    private static Run start(boolean noDelay) {
        AssociationConfig config = AssociationConfig.builder().noDelay(noDelay).build();
        SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
        SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        List<SctpPacket> toServer = new ArrayList<>();
        net.setTracer((t, to, p) -> {
            if (to == server) {
                try {
                    toServer.add(PacketDecoder.strict().decode(p));
                } catch (DecodeException e) {
                    throw new AssertionError(e);
                }
            }
        });
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        return new Run(net, a, toServer);
    }

    private static List<Integer> dataChunksPerPacket(List<SctpPacket> packets) {
        List<Integer> out = new ArrayList<>();
        for (SctpPacket p : packets) {
            long n = p.chunks().stream().filter(c -> c instanceof DataChunk).count();
            if (n > 0) {
                out.add((int) n);
            }
        }
        return out;
    }

    private static void sendSmallMessages(Run r) {
        for (int i = 0; i < 10; i++) {
            r.client().send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("0102030405060708")), r.net().now());
        }
        r.net().advance(2 * S, 10_000);
    }

    @Test
    void smallMessagesSentWhileDataIsInFlightWaitAndAreBundled() {
        Run r = start(false);
        sendSmallMessages(r);
        // the first goes out alone; the other nine wait for its SACK and travel together
        assertThat(dataChunksPerPacket(r.toServer())).containsExactly(1, 9);
    }

    @Test
    void withNoDelayEachSmallMessageGoesOutAtOnce() {
        Run r = start(true);
        sendSmallMessages(r);
        assertThat(dataChunksPerPacket(r.toServer())).containsOnly(1).hasSize(10);
    }

    @Test
    void theLastDataBeforeAShutdownAsksForAnImmediateSack() {
        Run r = start(false);
        r.client().send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("01")), r.net().now());
        r.client().send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("02")), r.net().now()); // waits (Nagle)
        r.client().shutdown(r.net().now()); // the waiting message goes now, as the last before SHUTDOWN
        r.net().runUntil(() -> r.client().state() == AssociationState.CLOSED, r.net().now() + 10 * S, 10_000);
        DataChunk last = r.toServer().stream().flatMap(p -> p.chunks().stream())
                .filter(c -> c instanceof DataChunk).map(c -> (DataChunk) c).reduce((a, b) -> b).orElseThrow();
        assertThat(last.immediate()).isTrue();
        assertThat(r.client().state()).isEqualTo(AssociationState.CLOSED);
    }
}
