package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.impair.Impairment;
import org.jsctp.transport.impair.ImpairmentRelay;
import org.jsctp.transport.impair.LedgerListener;
import org.jsctp.transport.impair.MessageLedger;
import org.jsctp.transport.impair.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 6951 section 5.4 under NAT rebinding: the relay, playing a NAT between two of our
 * endpoints (client on side A, server on side B), moves its UDP port towards one side, dropping
 * the old mapping. The side that sees the new source port learns it from the first packet that
 * passes the verification tag check, and the association carries on: a transfer in progress
 * completes, an idle association survives on its heartbeats.
 */
class NatRebindingTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final long MS = 1_000_000L;
    private static final int MESSAGES = 600;

    private final Endpoints endpoints = new Endpoints();
    private final InetAddress host = InetAddress.getLoopbackAddress();
    private final EventRecorder serverEvents = new EventRecorder();
    private final EventRecorder clientEvents = new EventRecorder();
    private final LedgerListener atServer = new LedgerListener(new MessageLedger(7));
    private final LedgerListener atClient = new LedgerListener(new MessageLedger(8));
    private ImpairmentRelay relay;
    private SctpUdpAssociation c;
    private SctpUdpAssociation s;

    @AfterEach
    void closeAll() throws Exception {
        endpoints.close();
        if (relay != null) {
            relay.close();
        }
    }

    private void connect(AssociationConfig config, ImpairmentRelay.Builder relayBuilder) throws Exception {
        serverEvents.forwardTo(atServer);
        clientEvents.forwardTo(atClient);
        UdpSctpEndpoint server = endpoints.bind(host, 5000, serverEvents, TransportType.AUTO, config);
        UdpSctpEndpoint client = endpoints.bind(host, 5001, clientEvents, TransportType.AUTO, config);
        relay = relayBuilder.forwardTo(Endpoints.addressOf(server, host)).start();
        c = client.connect(relay.addressFacing(Side.A), 5000).get(T, TimeUnit.SECONDS);
        s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS).association();
        assertThat(s.remoteAddress().getPort()).isEqualTo(relay.portFacing(Side.B));
    }

    /** The association's handle on the side that sees the relay's port towards {@code side}. */
    private SctpUdpAssociation seenFrom(Side side) {
        return side == Side.B ? s : c;
    }

    @ParameterizedTest(name = "rebinding towards side {0}")
    @EnumSource(Side.class)
    void aTransferSurvivesARebindingMidway(Side towards) throws Exception {
        connect(ImpairedTransferTest.config(false), ImpairmentRelay.builder().seed(3)
                .impairBoth(Impairment.NONE.withLoss(0.01).withDelay(MS, 0)));
        int oldPort = relay.portFacing(towards);
        CheckedTraffic.send(c, atServer.ledger(), MESSAGES, 8000);
        CheckedTraffic.send(s, atClient.ledger(), MESSAGES, 8000);

        atServer.whenReceived(MESSAGES / 4).get(T, TimeUnit.SECONDS);
        int newPort = relay.rebind(towards).get(T, TimeUnit.SECONDS);
        assertThat(newPort).isNotEqualTo(oldPort);
        atServer.whenReceived(MESSAGES).get(60, TimeUnit.SECONDS);
        atClient.whenReceived(MESSAGES).get(60, TimeUnit.SECONDS);
        CheckedTraffic.assertAllDelivered(atServer.ledger());
        CheckedTraffic.assertAllDelivered(atClient.ledger());
        assertThat(seenFrom(towards).remoteAddress().getPort()).isEqualTo(newPort);
        assertThat(relay.rebinds(towards)).isEqualTo(1);
        shutDownCleanly();
    }

    @Test
    void aTransferSurvivesRebindingEveryFewHundredPackets() throws Exception {
        connect(ImpairedTransferTest.config(false), ImpairmentRelay.builder().seed(4).rebindEvery(Side.B, 150)
                .rebindEvery(Side.A, 170).impairBoth(Impairment.NONE.withDelay(MS, MS)));
        CheckedTraffic.send(c, atServer.ledger(), MESSAGES, 8000);
        CheckedTraffic.send(s, atClient.ledger(), MESSAGES, 8000);
        atServer.whenReceived(MESSAGES).get(60, TimeUnit.SECONDS);
        atClient.whenReceived(MESSAGES).get(60, TimeUnit.SECONDS);
        CheckedTraffic.assertAllDelivered(atServer.ledger());
        CheckedTraffic.assertAllDelivered(atClient.ledger());
        assertThat(relay.rebinds(Side.B)).isGreaterThanOrEqualTo(2);
        assertThat(relay.rebinds(Side.A)).isGreaterThanOrEqualTo(2);
        shutDownCleanly();
    }

    @ParameterizedTest(name = "rebinding towards side {0}")
    @EnumSource(Side.class)
    void anIdleAssociationSurvivesARebindingOnItsHeartbeats(Side towards) throws Exception {
        AssociationConfig config = ImpairedTransferTest.config(false).toBuilder()
                .heartbeatIntervalNanos(200 * MS).build();
        connect(config, ImpairmentRelay.builder().seed(5));
        int newPort = relay.rebind(towards).get(T, TimeUnit.SECONDS);
        // Only heartbeats cross now. The side behind the new port answers to it once it has learned it.
        InetSocketAddress from = relay.whenDatagramFrom(towards, newPort).get(T, TimeUnit.SECONDS);
        assertThat(from.getPort()).isEqualTo(Endpoints.addressOf(towards == Side.B ? endpointOf(s) : endpointOf(c),
                host).getPort());
        assertThat(seenFrom(towards).remoteAddress().getPort()).isEqualTo(newPort);

        var toServer = serverEvents.when(AssociationEvent.MessageReceived.class);
        var toClient = clientEvents.when(AssociationEvent.MessageReceived.class);
        c.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[] {1}))).get(T, TimeUnit.SECONDS);
        s.send(OutgoingMessage.of(0, 2, false, Bytes.wrap(new byte[] {2}))).get(T, TimeUnit.SECONDS);
        toServer.get(T, TimeUnit.SECONDS);
        toClient.get(T, TimeUnit.SECONDS);
        shutDownCleanly();
    }

    private UdpSctpEndpoint endpointOf(SctpUdpAssociation a) {
        return a == s ? serverEndpoint() : clientEndpoint();
    }

    private UdpSctpEndpoint serverEndpoint() {
        return endpoints.opened().get(0);
    }

    private UdpSctpEndpoint clientEndpoint() {
        return endpoints.opened().get(1);
    }

    private void shutDownCleanly() throws Exception {
        c.shutdown().get(T, TimeUnit.SECONDS);
        serverEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(clientEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(serverEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
    }
}
