package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.PadChunk;
import org.jsctp.core.path.PmtuConfig;
import org.jsctp.core.path.PmtuSearch;
import org.jsctp.core.path.PmtuState;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PLPMTUD (RFC 8899) end to end in virtual time: the sim drops every packet longer than its
 * link MTU silently, as a black hole without ICMP would.
 */
class PlpmtudSimTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    /** MAX_PLPMTU well above every link here, so the link alone limits the search. */
    private static final int MAX = 16384;

    private SimHost clientHost;
    private SimHost serverHost;
    private SimNetwork net;
    private final List<Integer> padPacketSizes = new ArrayList<>();
    private int largestDeliveredPacket;

    private Association establish(AssociationConfig config, int linkMtu) {
        clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
        serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
        net = new SimNetwork(clientHost, serverHost, LinkProfile.perfect().withDelay(10 * MS).withMtu(linkMtu), 5);
        net.setTracer((now, to, packet) -> {
            largestDeliveredPacket = Math.max(largestDeliveredPacket, packet.length);
            if (hasPad(packet)) {
                padPacketSizes.add(packet.length);
            }
        });
        Association a = clientHost.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED
                && !serverHost.associations().isEmpty(), 10 * S, 10_000)).isTrue();
        return a;
    }

    private static boolean hasPad(byte[] packet) {
        try {
            return PacketDecoder.strict().decode(packet).chunks().stream().anyMatch(c -> c instanceof PadChunk);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static AssociationConfig probingUpTo(int max) {
        return AssociationConfig.builder().plpmtud(PmtuConfig.defaults().withMaxPlpmtu(max)).build();
    }

    private static PathStatistics path(Association a) {
        return a.statistics().paths().get(0);
    }

    private static List<ReceivedMessage> received(SimHost host) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message());
            }
        }
        return out;
    }

    private void runToSearchComplete(Association a, int linkMtu) {
        boolean done = net.runUntil(() -> {
            assertThat(path(a).mtu()).as("PLPMTU never above the path MTU").isLessThanOrEqualTo(linkMtu);
            return path(a).pmtuState() == PmtuState.SEARCH_COMPLETE;
        }, net.now() + 30 * 60 * S, 100_000);
        assertThat(done).as("search completes").isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1200, 1500, 9000})
    void convergesOnThePathMtuWithinTheSearchGranularity(int linkMtu) {
        Association a = establish(probingUpTo(MAX), linkMtu);
        assertThat(path(a).mtu()).as("starts at BASE_PLPMTU").isEqualTo(PmtuConfig.DEFAULT_BASE_PLPMTU);
        runToSearchComplete(a, linkMtu);
        assertThat(path(a).mtu()).isBetween(linkMtu - PmtuSearch.GRANULARITY, linkMtu);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        // probes arrive at their exact sizes: the first one is BASE_PLPMTU
        assertThat(padPacketSizes).first().isEqualTo(1200);
        assertThat(padPacketSizes).allSatisfy(n -> assertThat(n % 4).isZero());
    }

    /**
     * RFC 4895 section 6.2 puts an AUTH chunk in a probe when the peer listed HEARTBEAT: the PAD
     * chunk leaves room for it, so probes still have their exact sizes and the search still ends
     * at the path MTU rather than an AUTH chunk's length below it.
     */
    @Test
    void probesKeepTheirSizeWhenThePeerWantsHeartbeatsAuthenticated() {
        AuthConfig auth = AuthConfig.DEFAULTS.withRequired(true).withChunkTypes(Set.of(ChunkType.HEARTBEAT));
        Association a = establish(AssociationConfig.builder().plpmtud(PmtuConfig.defaults().withMaxPlpmtu(MAX))
                .auth(auth).build(), 1500);
        assertThat(a.auth().statistics().inUse()).isTrue();
        runToSearchComplete(a, 1500);
        assertThat(path(a).mtu()).isBetween(1500 - PmtuSearch.GRANULARITY, 1500);
        assertThat(padPacketSizes).first().isEqualTo(1200);
        assertThat(padPacketSizes).allSatisfy(n -> assertThat(n % 4).isZero());
    }

    @Test
    void dataUsesTheDiscoveredPlpmtu() {
        Association a = establish(probingUpTo(MAX), 9000);
        runToSearchComplete(a, 9000);
        Bytes big = Bytes.wrap(new byte[200_000]);
        a.send(OutgoingMessage.of(0, 0, false, big), net.now());
        largestDeliveredPacket = 0;
        net.runUntil(() -> received(serverHost).size() == 1, net.now() + 60 * S, 100_000);
        assertThat(received(serverHost)).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(big));
        assertThat(largestDeliveredPacket).isGreaterThan(8900).isLessThanOrEqualTo(9000);
    }

    @Test
    void survivesABlackHoleWhenThePathMtuShrinksMidTransfer() {
        Association a = establish(probingUpTo(MAX), 9000);
        runToSearchComplete(a, 9000);
        assertThat(path(a).mtu()).isEqualTo(9000);
        int messages = 400;
        for (int i = 0; i < messages; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.runUntil(() -> received(serverHost).size() >= 50, net.now() + 60 * S, 100_000);
        assertThat(received(serverHost).size()).isLessThan(messages);
        LinkProfile shrunk = LinkProfile.perfect().withDelay(10 * MS).withMtu(1500);
        net.aToB().setProfile(shrunk);
        net.bToA().setProfile(shrunk);
        long droppedBefore = net.aToB().dropped();
        net.runUntil(() -> received(serverHost).size() == messages, net.now() + 10 * 60 * S, 200_000);
        assertThat(net.aToB().dropped()).as("full-size packets fell into the black hole").isGreaterThan(droppedBefore);
        assertThat(received(serverHost)).hasSize(messages);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(path(a).mtu()).as("fell back below the new path MTU").isLessThanOrEqualTo(1500);
        runToSearchComplete(a, 1500);
        assertThat(path(a).mtu()).as("searched again").isBetween(1500 - PmtuSearch.GRANULARITY, 1500);
        assertThat(clientHost.events()).extracting(SimHost.Event::event)
                .noneMatch(e -> e instanceof AssociationEvent.CommunicationLost);
    }

    @Test
    void lostProbesDoNotCountAsPathErrors() {
        // Path.Max.Retrans 0 and Association.Max.Retrans 0: a single counted error would end it.
        AssociationConfig config = probingUpTo(MAX).toBuilder().pathMaxRetransmits(0).associationMaxRetransmits(0).build();
        Association a = establish(config, 1500);
        runToSearchComplete(a, 1500);
        assertThat(net.aToB().dropped()).as("oversized probes were lost").isGreaterThan(10);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(clientHost.events()).extracting(SimHost.Event::event)
                .noneMatch(e -> e instanceof AssociationEvent.PeerAddressChange
                        || e instanceof AssociationEvent.CommunicationLost);
    }

    @Test
    void aFixedMtuSendsNoProbes() {
        AssociationConfig config = AssociationConfig.builder().fixedMtu(1400).build();
        Association a = establish(config, 1500);
        for (int i = 0; i < 50; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[3000])), net.now());
        }
        net.runUntil(() -> received(serverHost).size() == 50, net.now() + 60 * S, 100_000);
        net.advance(20 * 60 * S, 100_000);
        assertThat(received(serverHost)).hasSize(50);
        assertThat(padPacketSizes).isEmpty();
        assertThat(path(a).pmtuState()).isEqualTo(PmtuState.DISABLED);
        assertThat(path(a).mtu()).isEqualTo(1400);
        assertThat(largestDeliveredPacket).isEqualTo(1400);
    }
}
