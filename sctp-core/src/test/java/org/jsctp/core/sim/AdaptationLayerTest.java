package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.AdaptationLayerIndicationParameter;
import org.jsctp.core.packet.param.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The Adaptation Layer Indication (RFC 5061 section 4.2.6): each side announces its code point in
 * its INIT or INIT ACK when configured, and each hears of the other's (RFC 6458 section 6.1.6)
 * right after the association comes up; the COOKIE ECHO receiver has it from the State Cookie.
 */
class AdaptationLayerTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int CLIENT_CODE_POINT = 0x0102_0304;
    private static final int SERVER_CODE_POINT = 0xCAFE_BABE; // above 2^31: unsigned on the wire

    private final List<Chunk> handshake = new ArrayList<>();
    private SimHost client;
    private SimHost server;

    private Association establish(AssociationConfig clientConfig, AssociationConfig serverConfig) {
        client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, clientConfig), new SeededRandomSource(1), 0));
        server = new SimHost("server", new Endpoint(EndpointConfig.of(7, serverConfig), new SeededRandomSource(2), 0));
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        net.setTracer((now, to, packet) -> {
            try {
                PacketDecoder.strict().decode(packet).chunks().stream()
                        .filter(c -> c instanceof InitChunk || c instanceof InitAckChunk).forEach(handshake::add);
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        });
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty()
                && server.associations().get(0).state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    private static List<AssociationEvent> events(SimHost host) {
        return host.events().stream().map(SimHost.Event::event).toList();
    }

    private List<Integer> announced(Class<? extends Chunk> kind) {
        List<Integer> out = new ArrayList<>();
        for (Chunk c : handshake) {
            List<Parameter> parameters = c instanceof InitChunk i ? i.parameters()
                    : c instanceof InitAckChunk ack ? ack.parameters() : List.of();
            if (kind.isInstance(c)) {
                parameters.stream().filter(p -> p instanceof AdaptationLayerIndicationParameter)
                        .forEach(p -> out.add(((AdaptationLayerIndicationParameter) p).adaptationCodePoint()));
            }
        }
        return out;
    }

    @Test
    void eachSideAnnouncesItsCodePointAndHearsThePeersRightAfterCommunicationUp() {
        Association a = establish(AssociationConfig.builder().adaptationIndication(CLIENT_CODE_POINT).build(),
                AssociationConfig.builder().adaptationIndication(SERVER_CODE_POINT).build());
        assertThat(announced(InitChunk.class)).containsExactly(CLIENT_CODE_POINT);
        assertThat(announced(InitAckChunk.class)).containsExactly(SERVER_CODE_POINT);

        List<AssociationEvent> clientEvents = events(client);
        int up = clientEvents.indexOf(clientEvents.stream().filter(e -> e instanceof AssociationEvent.CommunicationUp)
                .findFirst().orElseThrow());
        assertThat(clientEvents.get(up + 1)).isEqualTo(new AssociationEvent.AdaptationIndication(SERVER_CODE_POINT));
        assertThat(a.peerAdaptationIndication()).isEqualTo(OptionalInt.of(SERVER_CODE_POINT));
        // The server had the client's from the State Cookie.
        assertThat(events(server)).contains(new AssociationEvent.AdaptationIndication(CLIENT_CODE_POINT));
        assertThat(server.associations().get(0).peerAdaptationIndication()).isEqualTo(OptionalInt.of(CLIENT_CODE_POINT));
    }

    @Test
    void onlyTheSideThatIsConfiguredAnnouncesOneAndOnlyItsPeerHearsOfIt() {
        Association a = establish(AssociationConfig.defaults(),
                AssociationConfig.builder().adaptationIndication(SERVER_CODE_POINT).build());
        assertThat(announced(InitChunk.class)).isEmpty();
        assertThat(events(client)).contains(new AssociationEvent.AdaptationIndication(SERVER_CODE_POINT));
        assertThat(events(server)).noneMatch(e -> e instanceof AssociationEvent.AdaptationIndication);
        assertThat(server.associations().get(0).peerAdaptationIndication()).isEmpty();
        assertThat(a.peerAdaptationIndication()).isPresent();
    }

    @Test
    void byDefaultNeitherSideAnnouncesOne() {
        Association a = establish(AssociationConfig.defaults(), AssociationConfig.defaults());
        assertThat(announced(InitChunk.class)).isEmpty();
        assertThat(announced(InitAckChunk.class)).isEmpty();
        assertThat(events(client)).noneMatch(e -> e instanceof AssociationEvent.AdaptationIndication);
        assertThat(a.peerAdaptationIndication()).isEmpty();
    }
}
