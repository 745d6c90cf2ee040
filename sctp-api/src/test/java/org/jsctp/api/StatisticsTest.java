package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The association statistics (RFC 6458 SCTP_STATUS) after a transfer. */
class StatisticsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void countersAreNonZeroAndConsistentAfterATransfer() throws Exception {
        SctpEndpoint server = net.server();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        int total = 0;
        for (int i = 0; i < 30; i++) {
            a.send(SctpMessage.wrap(Loopback.pattern(i, 3000)));
            total += 3000;
        }
        for (int i = 0; i < 30; i++) {
            b.receive(Loopback.TIMEOUT);
        }
        Eventually.until("everything is acknowledged", () -> a.statistics().bufferedAmount() == 0);
        SctpStatistics sent = a.statistics();
        SctpStatistics got = b.statistics();

        assertThat(sent.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        assertThat(sent.outboundStreams()).isEqualTo(10);
        assertThat(sent.dataChunksSent()).isGreaterThanOrEqualTo(60); // 3000 bytes take two full chunks and a bit
        assertThat(sent.bytesSent()).isGreaterThanOrEqualTo(total);
        assertThat(got.bytesReceived()).isGreaterThanOrEqualTo(total);
        assertThat(got.dataChunksReceived()).isGreaterThanOrEqualTo(sent.dataChunksSent() - sent.retransmissions());
        assertThat(sent.sacksReceived()).isPositive().isLessThanOrEqualTo(got.sacksSent());
        assertThat(sent.packetsSent()).isPositive();
        assertThat(got.packetsReceived()).isPositive();
        if (sent.retransmissions() == 0) {
            assertThat(sent.bytesSent()).isEqualTo(total);
            assertThat(got.bytesReceived()).isEqualTo(total);
            assertThat(got.duplicateTsns()).isZero();
        }
        assertThat(sent.peerReceiverWindow()).isPositive();
        assertThat(sent.paths()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(SctpPathState.ACTIVE);
            assertThat(p.srtt()).isPositive();
            assertThat(p.rto()).isPositive();
            assertThat(p.cwnd()).isPositive();
            assertThat(p.ssthresh()).isPositive();
            assertThat(p.address()).isEqualTo(a.remoteAddress());
        });

        a.shutdown();
        SctpStatistics last = a.statistics();
        assertThat(last.state()).isEqualTo(SctpAssociationState.CLOSED);
        assertThat(last.dataChunksSent()).isEqualTo(sent.dataChunksSent());
    }
}
