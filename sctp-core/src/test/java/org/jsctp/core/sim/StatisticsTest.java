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
import org.jsctp.core.path.PathState;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/** The association's counters (RFC 6458 section 8.2.2 SCTP_STATUS) after transfers on the simulated network. */
class StatisticsTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final AssociationConfig config = AssociationConfig.defaults();
    private final SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
    private final SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);

    private long received() {
        return server.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    private Association established() {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty(),
                10 * S, 10_000)).isTrue();
        return a;
    }

    private static boolean carriesData(byte[] p) {
        return p.length > 12 && p[12] == 0;
    }

    @Test
    void aCleanTransferCountsEveryChunkOnBothSidesAndNoRetransmission() {
        Association a = established();
        for (int i = 0; i < 20; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.runUntil(() -> received() == 20 && a.bufferedAmount() == 0, 60 * S, 100_000);
        AssociationStatistics sent = a.statistics();
        AssociationStatistics got = server.associations().get(0).statistics();

        assertThat(sent.dataChunksSent()).isEqualTo(20);
        assertThat(sent.userBytesSent()).isEqualTo(20_000);
        assertThat(got.dataChunksReceived()).isEqualTo(20);
        assertThat(got.userBytesReceived()).isEqualTo(20_000);
        assertThat(sent.t3Retransmissions() + sent.fastRetransmissions()).isZero();
        assertThat(got.duplicateTsns()).isZero();
        // the link loses nothing: the server's association received all the client sent but the
        // INIT and COOKIE ECHO, which its endpoint handled before the association existed
        assertThat(got.packetsReceived()).isEqualTo(sent.packetsSent() - 2);
        assertThat(sent.sacksReceived()).isEqualTo(got.sacksSent()).isPositive();
        assertThat(sent.bufferedAmount()).isZero();
        assertThat(sent.paths()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PathState.ACTIVE);
            assertThat(p.srttNanos()).isPositive();
            assertThat(p.rtoNanos()).isGreaterThanOrEqualTo(config.rtoMinNanos());
            assertThat(p.cwnd()).isPositive();
        });
    }

    @Test
    void aLostPacketIsCountedAsAFastRetransmissionAndALostLastPacketAsAT3One() {
        Association a = established();
        net.aToB().dropNext(1, StatisticsTest::carriesData);
        for (int i = 0; i < 20; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.runUntil(() -> received() == 20 && a.bufferedAmount() == 0, 60 * S, 100_000);
        assertThat(a.statistics().fastRetransmissions()).isEqualTo(1);
        assertThat(a.statistics().t3Retransmissions()).isZero();
        assertThat(a.statistics().t3Expiries()).isZero();

        net.aToB().dropNext(1, StatisticsTest::carriesData);
        a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100])), net.now());
        net.runUntil(() -> received() == 21 && a.bufferedAmount() == 0, net.now() + 60 * S, 100_000);
        assertThat(a.statistics().t3Retransmissions()).isEqualTo(1);
        assertThat(a.statistics().t3Expiries()).isEqualTo(1);
        assertThat(a.statistics().dataChunksSent()).isEqualTo(23);
    }

    @Test
    void aDuplicatedPacketIsCountedAsDuplicateTsnsByTheReceiver() {
        Association a = established();
        net.aToB().setProfile(LinkProfile.perfect().withDelay(10 * MS).withDuplication(1.0));
        a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100])), net.now());
        net.runUntil(() -> received() == 1 && a.bufferedAmount() == 0, net.now() + 10 * S, 10_000);
        net.advance(S, 10_000);
        AssociationStatistics got = server.associations().get(0).statistics();
        assertThat(got.dataChunksReceived()).isEqualTo(2);
        assertThat(got.duplicateTsns()).isEqualTo(1);
    }
}
