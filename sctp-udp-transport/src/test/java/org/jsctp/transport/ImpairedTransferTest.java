package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.transport.impair.Impairment;
import org.jsctp.transport.impair.ImpairmentRelay;
import org.jsctp.transport.impair.LedgerListener;
import org.jsctp.transport.impair.MessageLedger;
import org.jsctp.transport.impair.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two of our endpoints through the impairment relay over loopback UDP, with loss, reordering,
 * duplication, delay with jitter and corruption both ways: a transfer each way delivers every
 * message exactly once, intact, in order on the ordered streams, and the unordered stream
 * completes; with DATA and with I-DATA (RFC 8260), several seeds.
 */
class ImpairedTransferTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final long MS = 1_000_000L;
    /** Messages each way; {@code -Dimpair.messages=N} runs longer transfers. */
    private static final int MESSAGES = Integer.getInteger("impair.messages", 1000);
    private static final int MAX_LENGTH = 16_000;

    /** The relay's impairment each way. */
    static final Impairment IMPAIRMENT = Impairment.NONE.withLoss(0.03).withReorder(0.03, 3 * MS).withDuplicate(0.02)
            .withDelay(MS, MS).withCorrupt(0.01, 1);

    private final Endpoints endpoints = new Endpoints();
    private ImpairmentRelay relay;

    @AfterEach
    void closeAll() throws Exception {
        endpoints.close();
        if (relay != null) {
            relay.close();
        }
    }

    static Stream<Arguments> seedsAndChunkTypes() {
        return Stream.of(Arguments.of(1L, false), Arguments.of(2L, false), Arguments.of(3L, false),
                Arguments.of(4L, true), Arguments.of(5L, true));
    }

    /** Settings for impaired paths of a few milliseconds: a low RTO.Min so losses cost little time. */
    static AssociationConfig config(boolean interleaving) {
        return AssociationConfig.builder().sendBufferBytes(16L * 1024 * 1024).rtoInitialNanos(200 * MS)
                .rtoMinNanos(50 * MS).capabilities(new Capabilities(true, interleaving, false)).build();
    }

    @ParameterizedTest(name = "seed {0}, I-DATA {1}")
    @MethodSource("seedsAndChunkTypes")
    void everyMessageArrivesOnceIntactAndInOrder(long seed, boolean interleaving) throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        LedgerListener atServer = new LedgerListener(new MessageLedger(seed));
        LedgerListener atClient = new LedgerListener(new MessageLedger(seed + 100));
        serverEvents.forwardTo(atServer);
        clientEvents.forwardTo(atClient);
        UdpSctpEndpoint server = endpoints.bind(host, 5000, serverEvents, TransportType.AUTO, config(interleaving));
        UdpSctpEndpoint client = endpoints.bind(host, 5001, clientEvents, TransportType.AUTO, config(interleaving));
        relay = ImpairmentRelay.builder().forwardTo(Endpoints.addressOf(server, host)).seed(seed)
                .impairBoth(IMPAIRMENT).start();

        SctpUdpAssociation c = client.connect(relay.addressFacing(Side.A), 5000).get(T, TimeUnit.SECONDS);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();
        assertThat(c.call((core, now) -> core.capabilities().interleaving()).get(T, TimeUnit.SECONDS))
                .isEqualTo(interleaving);

        CheckedTraffic.send(c, atServer.ledger(), MESSAGES, MAX_LENGTH);
        CheckedTraffic.send(s, atClient.ledger(), MESSAGES, MAX_LENGTH);
        atServer.whenReceived(MESSAGES).get(60 + MESSAGES / 100, TimeUnit.SECONDS);
        atClient.whenReceived(MESSAGES).get(60 + MESSAGES / 100, TimeUnit.SECONDS);
        CheckedTraffic.assertAllDelivered(atServer.ledger());
        CheckedTraffic.assertAllDelivered(atClient.ledger());

        assertThat(clientEvents.saw(AssociationEvent.CommunicationLost.class)).as("client lost the transfer").isFalse();
        assertThat(serverEvents.saw(AssociationEvent.CommunicationLost.class)).as("server lost the transfer").isFalse();

        c.shutdown().get(T, TimeUnit.SECONDS);
        assertThat(clientEvents.saw(AssociationEvent.ShutdownComplete.class)).isTrue();
        assertThat(clientEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        // The server's side closes too: normally on the SHUTDOWN COMPLETE (RFC 9260 section 9.2).
        // A late duplicate of one of its packets that the relay held back past the client's close
        // is out of the blue there and answered with an ABORT (section 8.4 rule 8), which may
        // reach the server before the SHUTDOWN COMPLETE does: then it closes on that instead.
        s.closeFuture().get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.saw(AssociationEvent.ShutdownComplete.class)
                || serverEvents.saw(AssociationEvent.CommunicationLost.class)).as("server side closed and said how").isTrue();

        // The relay did impair, each way; every corrupted datagram that arrived was rejected by
        // CRC32C (none reached the messages, checked above).
        for (Side from : Side.values()) {
            var counts = relay.counters(from);
            assertThat(counts.lost()).as(from.directionFrom() + " lost").isPositive();
            assertThat(counts.duplicated()).as(from.directionFrom() + " duplicated").isPositive();
            assertThat(counts.reordered()).as(from.directionFrom() + " reordered").isPositive();
        }
        long corrupted = relay.counters(Side.A).corrupted() + relay.counters(Side.B).corrupted();
        long rejected = server.counters().undecodable() + client.counters().undecodable();
        assertThat(corrupted).isPositive();
        assertThat(rejected).isPositive().isLessThanOrEqualTo(corrupted);
    }
}
