package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.CollidingNatTableEntryCause;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.MissingNatTableEntryCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.DisableRestartParameter;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-host rules of SCTP NAT support (draft-ietf-tsvwg-natsupp): Disable Restart (sections
 * 5.3.1 and 6.1) and the ABORT and ERROR chunks with the M bit that a NAT function sends
 * (sections 5.1, 6.2 and 6.4).
 */
class NatSupportTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private static SimHost host(String name, int port, long seed, boolean disableRestart) {
        AssociationConfig config = AssociationConfig.builder().disableRestart(disableRestart).build();
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static List<Association> open(SimHost h) {
        return h.associations().stream().filter(a -> a.state() != AssociationState.CLOSED).toList();
    }

    private static List<AssociationEvent> events(SimHost h) {
        return h.events().stream().map(SimHost.Event::event).toList();
    }

    private static SctpPacket decode(byte[] bytes) {
        try {
            return new PacketDecoder(DecoderOptions.STRICT).decode(bytes);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] packet(int sourcePort, int destinationPort, int tag, Chunk chunk) {
        ByteBuffer b = ByteBuffer.allocate(12 + chunk.encodedLength());
        PacketEncoder.encode(b, sourcePort, destinationPort, tag, List.of(chunk), false);
        return b.array();
    }

    // ---------------------------------------------------------------- Disable Restart

    @ParameterizedTest(name = "disabled by the {0}")
    @ValueSource(strings = {"server", "client"})
    void withDisableRestartExchangedARestartIsRefusedAndTheAssociationLivesOn(String side) {
        boolean serverDisables = side.equals("server");
        SimHost server = host("server", 7, 2, serverDisables);
        SimHost firstClient = host("client", 5000, 1, !serverDisables);
        SimNetwork net = new SimNetwork(firstClient, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association before = firstClient.connect(7, 0);
        net.runUntil(() -> before.state() == AssociationState.ESTABLISHED && !open(server).isEmpty(), 10 * S, 10_000);
        Association serverSide = open(server).get(0);
        assertThat(serverSide.capabilities().disableRestart()).isTrue();
        assertThat(before.capabilities().disableRestart()).isTrue();
        int localTag = serverSide.localTag();
        int peerTag = serverSide.peerTag();

        // Another host with the same ports (behind a NAT, say), or the client rebooted: its INIT
        // looks like a restart of the association.
        SimHost other = host("other", 5000, 99, false);
        SimNetwork net2 = new SimNetwork(other, server, LinkProfile.perfect().withDelay(10 * MS), 4);
        net2.advance(net.now(), 10);
        Association restarting = other.connect(7, net2.now());
        net2.runUntil(() -> restarting.state() == AssociationState.CLOSED, net2.now() + 10 * S, 10_000);

        assertThat(restarting.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(events(other)).anySatisfy(e -> assertThat(e).isInstanceOf(AssociationEvent.CommunicationLost.class));
        assertThat(open(server)).containsExactly(serverSide);
        assertThat(serverSide.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(serverSide.localTag()).isEqualTo(localTag);
        assertThat(serverSide.peerTag()).isEqualTo(peerTag);
        assertThat(events(server)).noneMatch(AssociationEvent.Restarted.class::isInstance);

        // The original association still carries data both ways.
        before.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("0102")), net.now());
        net.runUntil(() -> events(server).stream().anyMatch(AssociationEvent.MessageReceived.class::isInstance),
                net.now() + 10 * S, 10_000);
        ReceivedMessage m = events(server).stream().filter(AssociationEvent.MessageReceived.class::isInstance)
                .map(e -> ((AssociationEvent.MessageReceived) e).message()).findFirst().orElseThrow();
        assertThat(m.payload()).isEqualTo(Bytes.fromHex("0102"));
    }

    @Test
    void disableRestartIsSentInInitAndInitAckOnlyWhenConfigured() {
        SimHost server = host("server", 7, 2, true);
        SimHost client = host("client", 5000, 1, false);
        List<byte[]> seen = new java.util.ArrayList<>();
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        net.setTracer((now, to, p) -> seen.add(p.clone()));
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        InitChunk init = (InitChunk) decode(seen.get(0)).chunks().get(0);
        assertThat(init.parameters()).noneMatch(DisableRestartParameter.class::isInstance);
        assertThat(((org.jsctp.core.packet.chunk.InitAckChunk) decode(seen.get(1)).chunks().get(0)).parameters())
                .contains(DisableRestartParameter.INSTANCE);
        assertThat(a.capabilities().disableRestart()).isTrue(); // either side's parameter counts
    }

    @Test
    void withoutDisableRestartTheRestartStillHappens() {
        SimHost server = host("server", 7, 2, false);
        SimHost firstClient = host("client", 5000, 1, false);
        SimNetwork net = new SimNetwork(firstClient, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association before = firstClient.connect(7, 0);
        net.runUntil(() -> before.state() == AssociationState.ESTABLISHED && !open(server).isEmpty(), 10 * S, 10_000);
        SimHost other = host("other", 5000, 99, false);
        SimNetwork net2 = new SimNetwork(other, server, LinkProfile.perfect().withDelay(10 * MS), 4);
        net2.advance(net.now(), 10);
        Association restarting = other.connect(7, net2.now());
        net2.runUntil(() -> restarting.state() == AssociationState.ESTABLISHED, net2.now() + 10 * S, 10_000);
        assertThat(restarting.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(events(server)).anySatisfy(e -> assertThat(e).isInstanceOf(AssociationEvent.Restarted.class));
    }

    // ---------------------------------------------------------------- M bit

    @ParameterizedTest(name = "T bit {0}")
    @ValueSource(booleans = {false, true})
    void aNatReportingATagCollisionToOurInitMakesUsStartOverWithANewTag(boolean tBit) {
        SimHost client = host("client", 5000, 1, false);
        SimHost server = host("server", 7, 2, false);
        Association a = client.connect(7, 0);
        List<byte[]> first = client.drainOutbox();
        InitChunk init = (InitChunk) decode(first.get(0)).chunks().get(0);
        int oldTag = a.localTag();
        assertThat(init.initiateTag()).isEqualTo(oldTag);

        // The NAT function answers the INIT: ABORT, M bit, VTag and Port Number Collision.
        client.receive(packet(7, 5000, oldTag, new AbortChunk(tBit, true,
                List.of(CollidingNatTableEntryCause.of(init)))), 5 * MS);

        assertThat(a.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        assertThat(a.localTag()).isNotEqualTo(oldTag).isNotZero();
        List<byte[]> again = client.drainOutbox();
        assertThat(again).hasSize(1);
        InitChunk newInit = (InitChunk) decode(again.get(0)).chunks().get(0);
        assertThat(newInit.initiateTag()).isEqualTo(a.localTag());
        assertThat(newInit.initialTsn()).isNotEqualTo(init.initialTsn());
        assertThat(events(client)).contains(new AssociationEvent.LocalTagChanged(oldTag, a.localTag()));
        assertThat(events(client)).noneMatch(AssociationEvent.CommunicationLost.class::isInstance);

        // The new INIT goes through: the association comes up with the new tag.
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        server.receive(again.get(0), 6 * MS);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(open(server).get(0).peerTag()).isEqualTo(a.localTag());
    }

    @Test
    void aNatRepeatingTheCollisionEndsTheAttemptAfterMaxInitRetransmitsNewTags() {
        SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000,
                AssociationConfig.builder().maxInitRetransmits(3).build()), new SeededRandomSource(1), 0));
        Association a = client.connect(7, 0);
        client.drainOutbox();
        for (int i = 0; i < 3; i++) {
            client.receive(packet(7, 5000, a.localTag(), new AbortChunk(false, true,
                    List.of(CollidingNatTableEntryCause.NO_CHUNK))), (i + 1) * MS);
            assertThat(a.state()).isEqualTo(AssociationState.COOKIE_WAIT);
            assertThat(client.drainOutbox()).hasSize(1);
        }
        client.receive(packet(7, 5000, a.localTag(), new AbortChunk(false, true,
                List.of(CollidingNatTableEntryCause.NO_CHUNK))), 10 * MS);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(events(client)).filteredOn(AssociationEvent.LocalTagChanged.class::isInstance).hasSize(3);
    }

    @Test
    void anAbortWithoutTheMBitOrWithOtherCausesStillEndsTheHandshake() {
        SimHost client = host("client", 5000, 1, false);
        Association a = client.connect(7, 0);
        client.drainOutbox();
        client.receive(packet(7, 5000, a.localTag(), new AbortChunk(false, false,
                List.of(CollidingNatTableEntryCause.NO_CHUNK))), 5 * MS);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);

        SimHost client2 = host("client", 5000, 3, false);
        Association b = client2.connect(7, 0);
        client2.drainOutbox();
        client2.receive(packet(7, 5000, b.localTag(), new AbortChunk(false, true, List.<ErrorCause>of())), 5 * MS);
        assertThat(b.state()).isEqualTo(AssociationState.CLOSED);
    }

    @Test
    void aNatReportingMissingStateIsReportedAndTheAssociationGoesOn() {
        SimHost server = host("server", 7, 2, false);
        SimHost client = host("client", 5000, 1, false);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !open(server).isEmpty(), 10 * S, 10_000);

        // Section 5.1.2: the NAT reflects the tag of our packet (the peer's tag) with the T bit.
        client.receive(packet(7, 5000, a.peerTag(), new ErrorChunk(true, true,
                List.of(MissingNatTableEntryCause.NO_PACKET))), net.now());
        assertThat(events(client)).contains(new AssociationEvent.NatStateMissing(false));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);

        // Without the M bit a reflected ERROR is not the NAT's: its tag does not pass (RFC 9260 8.5).
        int before = events(client).size();
        client.receive(packet(7, 5000, a.peerTag(), new ErrorChunk(true, false,
                List.of(MissingNatTableEntryCause.NO_PACKET))), net.now());
        assertThat(events(client)).hasSize(before);
    }
}
