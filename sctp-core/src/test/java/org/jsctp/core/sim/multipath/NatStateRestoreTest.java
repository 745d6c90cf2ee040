package org.jsctp.core.sim.multipath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.MissingNatTableEntryCause;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.param.VtagsParameter;
import org.jsctp.core.sim.LinkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * draft-ietf-tsvwg-natsupp section 6.4 end to end in virtual time: an SCTP-aware NAT function
 * reports that it lost its entry for the association (an ERROR with the M bit and Missing State);
 * the end host sends an authenticated ASCONF with the VTags parameter, which re-creates the entry
 * as it passes, and reports the recovery when the ASCONF-ACK is back.
 */
class NatStateRestoreTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final InetAddress C1 = ip("10.0.1.1");
    private static final InetAddress S1 = ip("10.0.1.2");

    private MultiHomedSimHost client;
    private MultiHomedSimHost server;
    private MultiPathSimNetwork net;
    private final List<SctpPacket> clientToServer = new ArrayList<>();

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static SctpPacket decode(byte[] bytes) {
        try {
            return PacketDecoder.strict().decode(bytes);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static MultiHomedSimHost host(String name, int port, InetAddress address, long seed, boolean asconf) {
        AssociationConfig config = AssociationConfig.builder().localAddresses(List.of(address)).plpmtudEnabled(false)
                .auth(AuthConfig.DEFAULTS).asconfSupported(asconf).build();
        return new MultiHomedSimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0),
                List.of(address));
    }

    private Association establish(boolean asconf) {
        client = host("client", 5000, C1, 1, asconf);
        server = host("server", 7, S1, 2, asconf);
        net = new MultiPathSimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        net.link(C1, S1).drop(p -> {
            clientToServer.add(decode(p));
            return false;
        });
        Association a = client.connect(7, List.of(S1), 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty()
                && server.associations().get(0).state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    /** The NAT's ERROR: the M bit, Missing State, and (T bit) the tag of our packet it could not map. */
    private void natReportsMissingState(Association a) {
        ErrorChunk error = new ErrorChunk(true, true, List.of(MissingNatTableEntryCause.NO_PACKET));
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(new CommonHeader(7, 5000, a.peerTag(), 0),
                List.of(error), false, null));
        client.receive(new MultiHomedSimHost.Datagram(S1, C1, bytes), net.now());
    }

    private List<AssociationEvent> clientEvents() {
        return client.events().stream().map(MultiHomedSimHost.Event::event).toList();
    }

    private List<VtagsParameter> vtagsSent() {
        List<VtagsParameter> out = new ArrayList<>();
        for (SctpPacket p : clientToServer) {
            p.chunks().stream().filter(c -> c instanceof AsconfChunk).map(c -> (AsconfChunk) c)
                    .flatMap(c -> c.parameters().stream()).filter(x -> x instanceof VtagsParameter)
                    .forEach(x -> out.add((VtagsParameter) x));
        }
        return out;
    }

    @Test
    void anAsconfWithTheVtagsRestoresTheNatEntryAndTheRecoveryIsReported() {
        Association a = establish(true);
        Association peer = server.associations().get(0);
        List<InetAddress> peerAddressesBefore = peer.peerAddresses();
        natReportsMissingState(a);
        assertThat(clientEvents()).contains(new AssociationEvent.NatStateMissing(false));

        assertThat(net.runUntil(() -> clientEvents().contains(new AssociationEvent.NatStateMissing(true)),
                net.now() + 10 * S, 10_000)).isTrue();
        // We started the association, so we are the host behind the NAT: our tag is the internal one.
        assertThat(vtagsSent()).singleElement().satisfies(v -> {
            assertThat(v.internalVerificationTag()).isEqualTo(a.localTag());
            assertThat(v.remoteVerificationTag()).isEqualTo(a.peerTag());
        });
        // The peer has nothing to do for the VTags: no address change, no error, the association goes on.
        assertThat(peer.peerAddresses()).isEqualTo(peerAddressesBefore);
        assertThat(server.events()).extracting(MultiHomedSimHost.Event::event)
                .noneMatch(e -> e instanceof AssociationEvent.PeerAddressChange || e instanceof AssociationEvent.RemoteError);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(peer.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @ParameterizedTest(name = "reports while one is out: {0}")
    @ValueSource(ints = {2, 5})
    void repeatedReportsWhileTheRestoreIsOutSendOneVtagsRequest(int reports) {
        Association a = establish(true);
        for (int i = 0; i < reports; i++) {
            natReportsMissingState(a);
        }
        assertThat(net.runUntil(() -> clientEvents().contains(new AssociationEvent.NatStateMissing(true)),
                net.now() + 10 * S, 10_000)).isTrue();
        assertThat(vtagsSent()).hasSize(1);
    }

    @Test
    void withoutAsconfTheLossIsReportedAndNothingIsSent() {
        Association a = establish(false);
        int before = clientToServer.size();
        natReportsMissingState(a);
        net.runUntil(() -> false, net.now() + 5 * S, 10_000);
        assertThat(clientEvents()).contains(new AssociationEvent.NatStateMissing(false))
                .doesNotContain(new AssociationEvent.NatStateMissing(true));
        assertThat(clientToServer.subList(before, clientToServer.size()))
                .noneMatch(p -> p.chunks().stream().anyMatch(c -> c instanceof AsconfChunk));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
    }
}
