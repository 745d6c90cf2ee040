package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message interleaving and stream schedulers through the API (RFC 8260 section 4.3):
 * SCTP_INTERLEAVING_SUPPORTED negotiates I-DATA only when both sides offer it,
 * SCTP_STREAM_SCHEDULER chooses the scheduler, SCTP_STREAM_SCHEDULER_VALUE is set per stream.
 */
class InterleavingApiTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private SctpEndpoint server(boolean interleaving) throws Exception {
        SctpEndpoint s = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.INTERLEAVING_SUPPORTED, interleaving)
                .build());
        s.listen();
        return s;
    }

    @Test
    void interleavingIsUsedWhenBothSidesOfferItAndLargeMessagesOnSeveralStreamsArriveIntact() throws Exception {
        SctpEndpoint server = server(true);
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.INTERLEAVING_SUPPORTED, true)
                .option(SctpOptions.STREAM_SCHEDULER, SctpStreamScheduler.RR).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.INTERLEAVING_SUPPORTED)).isTrue();
        assertThat(a.getOption(SctpOptions.STREAM_SCHEDULER)).isEqualTo(SctpStreamScheduler.RR);
        assertThat(a.isInterleaving()).isTrue();
        assertThat(b.isInterleaving()).isTrue();

        for (int i = 0; i < 6; i++) {
            a.sendAsync(SctpMessage.of(Loopback.pattern(i, 300_000)).withStream(i % 3));
        }
        List<byte[]> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(b.receive(Loopback.TIMEOUT).toByteArray());
        }
        List<Integer> ids = new ArrayList<>();
        for (byte[] m : got) {
            assertThat(m).hasSize(300_000);
            boolean matched = false;
            for (int i = 0; i < 6; i++) {
                if (java.util.Arrays.equals(m, Loopback.pattern(i, 300_000))) {
                    ids.add(i);
                    matched = true;
                }
            }
            assertThat(matched).as("message intact").isTrue();
        }
        assertThat(ids).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        a.shutdown();
    }

    @Test
    void interleavingIsNotUsedWhenOnlyOneSideOffersIt() throws Exception {
        SctpEndpoint server = server(false);
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.INTERLEAVING_SUPPORTED, true).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.isInterleaving()).isFalse();
        assertThat(b.getOption(SctpOptions.INTERLEAVING_SUPPORTED)).isFalse();
        a.send(SctpMessage.of(Loopback.pattern(1, 5000)));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(1, 5000));
        a.shutdown();
    }

    @Test
    void streamSchedulerValuesAreSetPerStreamOnALiveAssociationAndChecked() throws Exception {
        SctpEndpoint server = server(false);
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.STREAM_SCHEDULER, SctpStreamScheduler.WFQ)
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getStreamSchedulerValue(2)).isEqualTo(1); // WFQ's default weight
        a.setStreamSchedulerValue(2, 4);
        assertThat(a.getStreamSchedulerValue(2)).isEqualTo(4);
        assertThatThrownBy(() -> a.setStreamSchedulerValue(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WFQ");
        assertThatThrownBy(() -> a.setStreamSchedulerValue(a.outboundStreams(), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.setOption(SctpOptions.STREAM_SCHEDULER, SctpStreamScheduler.FB))
                .isInstanceOf(IllegalStateException.class);
        a.send(SctpMessage.of(Loopback.pattern(1, 100)).withStream(2));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(1, 100));
        assertThat(b.getOption(SctpOptions.STREAM_SCHEDULER)).isEqualTo(SctpStreamScheduler.FCFS);
        a.shutdown();
    }
}
