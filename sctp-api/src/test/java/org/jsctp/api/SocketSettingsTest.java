package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint builder's UDP socket settings reach the transport: the socket buffer size is
 * checked and used, and with segmentation offload off a bulk transfer on epoll sends every
 * datagram by itself (no {@code UDP_SEGMENT} sends), while with it on runs of packets leave
 * together.
 */
class SocketSettingsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aSocketBufferMustBePositive() {
        assertThatThrownBy(() -> SctpEndpoint.builder().socketBufferBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void segmentationOffloadCanBeTurnedOffAndTheSmallerSocketBufferCarriesATransfer() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint plain = net.adopt(net.endpoint().socketBufferBytes(256 * 1024).segmentationOffload(false).build());
        assumeTrue(plain.transportType() == SctpTransportType.EPOLL, "segmentation offload is an epoll feature");
        assertThat(sentInRuns(plain, server)).as("UDP_SEGMENT sends with offload off").isZero();
        SctpEndpoint offloading = net.adopt(net.endpoint().segmentationOffload(true).build());
        assertThat(sentInRuns(offloading, server)).as("UDP_SEGMENT sends with offload on").isPositive();
    }

    /** Sends a bulk of full-size messages from {@code client} to {@code server}; the client's segmented sends. */
    private static long sentInRuns(SctpEndpoint client, SctpEndpoint server) throws Exception {
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        int count = 300;
        // queued at once, faster than the window opens, so SACKs release packets in runs
        java.util.List<java.util.concurrent.CompletableFuture<?>> queued = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            queued.add(a.sendAsync(SctpMessage.of(Loopback.pattern(i, 1200))));
        }
        for (int i = 0; i < count; i++) {
            assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 1200));
        }
        java.util.concurrent.CompletableFuture.allOf(queued.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
                .get(Loopback.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        return client.transport().counters().segmentedSends();
    }
}
