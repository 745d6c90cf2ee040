package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed options: defaults from the builder, validation, live changes and refused ones. */
class OptionsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void builderOptionsReachTheAssociationAndReadBackTyped() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.adopt(net.endpoint()
                .option(SctpOptions.INIT_MSG, new InitParameters(5, 7, 3, Duration.ZERO))
                .option(SctpOptions.RTO_INFO, new RtoInfo(Duration.ofMillis(500), Duration.ofMillis(200),
                        Duration.ofSeconds(5)))
                .option(SctpOptions.SEND_BUFFER, 64 * 1024)
                .option(SctpOptions.MAX_SEG, 1300)
                .option(SctpOptions.DEFAULT_SEND_PARAM, new DefaultSendParameters(3, 99, false, null))
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.outboundStreams()).isEqualTo(5);
        assertThat(a.getOption(SctpOptions.INIT_MSG)).isEqualTo(new InitParameters(5, 7, 3, Duration.ofSeconds(5)));
        assertThat(a.getOption(SctpOptions.RTO_INFO).min()).isEqualTo(Duration.ofMillis(200));
        assertThat(a.getOption(SctpOptions.SEND_BUFFER)).isEqualTo(64 * 1024);
        assertThat(a.getOption(SctpOptions.MAX_SEG)).isEqualTo(1300);
        assertThat(a.getOption(SctpOptions.NODELAY)).isFalse();
        assertThat(a.getOption(SctpOptions.EVENTS)).isEmpty();

        a.send(SctpMessage.of(new byte[] {1})); // stream and PPID from DEFAULT_SEND_PARAM
        SctpReceivedMessage m = server.accept(Loopback.TIMEOUT).receive(Loopback.TIMEOUT);
        assertThat(m.stream()).isEqualTo(3);
        assertThat(m.ppid()).isEqualTo(99);
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndTheRange() {
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.SEND_BUFFER, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SO_SNDBUF must be in 1500..2147483647: 10");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.INIT_MSG, new InitParameters(0, 1, 1, Duration.ZERO)))
                .hasMessage("SCTP_INITMSG outboundStreams must be in 1..65535: 0");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.RTO_INFO, new RtoInfo(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3)))).hasMessageContaining("0 < min <= initial <= max");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.DELAYED_ACK_TIME,
                new DelayedAckParameters(Duration.ofSeconds(1), 2))).hasMessageContaining("1 ms..500 ms");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.MAX_SEG, 100))
                .hasMessage("SCTP_MAXSEG must be in 1204..65507: 100");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD, -1L))
                .hasMessageContaining("BUFFERED_AMOUNT_LOW_THRESHOLD must be in 0..");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.RTO_INFO, new RtoInfo(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .option(SctpOptions.INIT_MSG, new InitParameters(1, 1, 1, Duration.ofMillis(10))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contradict each other");
    }

    @Test
    void optionsFixedAtSetupCannotBeChangedOnALiveAssociation() throws Exception {
        SctpEndpoint server = net.server();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        assertThatThrownBy(() -> a.setOption(SctpOptions.SEND_BUFFER, 100_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SO_SNDBUF cannot be changed on a live association");
        assertThatThrownBy(() -> a.setOption(SctpOptions.PEER_ADDR_PARAMS,
                new PeerAddressParameters(Duration.ofSeconds(5), 9)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pathMaxRetransmits");
        a.setOption(SctpOptions.PEER_ADDR_PARAMS, new PeerAddressParameters(Duration.ofSeconds(5), 5));
        assertThat(a.getOption(SctpOptions.PEER_ADDR_PARAMS).heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        a.setOption(SctpOptions.EVENTS, Set.of(NotificationKind.SENDER_DRY));
        assertThat(a.getOption(SctpOptions.EVENTS)).containsExactly(NotificationKind.SENDER_DRY);
    }

    @Test
    void switchingNagleOffOnALiveAssociationSendsEachSmallMessageInAPacketOfItsOwn() throws Exception {
        // The bursts are sent from the receiver's listener, on the event loop, so each burst is
        // offered to the core in one task: with Nagle the first message goes and the rest wait for
        // its SACK; without, each goes at once. A fixed MTU: PLPMTUD probes (RFC 8899) would count
        // as packets sent too.
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(1452)).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(1452))
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        long[] counts = new long[2];
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                a.setOption(SctpOptions.NODELAY, true);
                assertThat(a.getOption(SctpOptions.NODELAY)).isTrue();
            }
            long before = a.statistics().packetsSent();
            CompletableFuture<Void> burst = new CompletableFuture<>();
            a.statisticsAsync().thenRun(() -> { // runs on the event loop
                for (int i = 0; i < 10; i++) {
                    a.sendAsync(SctpMessage.of(new byte[] {(byte) i}));
                }
                burst.complete(null);
            });
            burst.get(20, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(i);
            }
            Eventually.until("everything is acknowledged", () -> a.statistics().bufferedAmount() == 0);
            counts[round] = a.statistics().packetsSent() - before;
        }
        assertThat(counts[0]).as("with Nagle, ten messages in few packets").isLessThan(10);
        assertThat(counts[1]).as("without Nagle, a packet each").isGreaterThanOrEqualTo(10);
    }
}
