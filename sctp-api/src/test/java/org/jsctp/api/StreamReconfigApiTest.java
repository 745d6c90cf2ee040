package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stream reconfiguration through the API (RFC 6525, RFC 6525 sections 6.1 and 6.3):
 * the futures of resetStreams, resetAssociation and addStreams, the notifications on both sides,
 * SCTP_ENABLE_STREAM_RESET accepting or denying, and one request at a time.
 */
class StreamReconfigApiTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private SctpAssociation[] connect(boolean serverAccepts) throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.ENABLE_STREAM_RESET, serverAccepts).build());
        server.listen();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        return new SctpAssociation[] {a, b};
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(Loopback.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void resetStreamsRestartsTheStreamAndBothSidesAreTold() throws Exception {
        SctpAssociation[] p = connect(true);
        SctpAssociation a = p[0];
        SctpAssociation b = p[1];
        b.setOption(SctpOptions.EVENTS, EnumSet.of(NotificationKind.STREAM_RESET));
        a.send(SctpMessage.of(Loopback.pattern(1, 100)).withStream(1));
        a.send(SctpMessage.of(Loopback.pattern(2, 100)).withStream(1));

        SctpNotification.StreamReset r = await(a.resetStreams(1));
        a.send(SctpMessage.of(Loopback.pattern(3, 100)).withStream(1));

        assertThat(r.result()).isEqualTo(SctpReconfigResult.PERFORMED);
        assertThat(r.direction()).isEqualTo(SctpStreamDirection.OUTGOING);
        assertThat(r.streams()).containsExactly(1);
        for (int i = 1; i <= 3; i++) {
            SctpReceivedMessage m = b.receive(Loopback.TIMEOUT);
            assertThat(m.toByteArray()).isEqualTo(Loopback.pattern(i, 100));
            assertThat(m.stream()).isEqualTo(1);
        }
        SctpNotification n = b.receiveNotification(Loopback.TIMEOUT);
        assertThat(n).isEqualTo(new SctpNotification.StreamReset(b, List.of(1), SctpStreamDirection.INCOMING,
                SctpReconfigResult.PERFORMED));
    }

    @Test
    void aPeerWithoutTheOptionDeniesAndDataStillFlows() throws Exception {
        SctpAssociation[] p = connect(false);
        SctpAssociation a = p[0];
        assertThat(await(a.resetStreams()).result()).isEqualTo(SctpReconfigResult.DENIED);
        assertThat(await(a.resetAssociation()).result()).isEqualTo(SctpReconfigResult.DENIED);
        assertThat(await(a.addStreams(1, 0)).result()).isEqualTo(SctpReconfigResult.DENIED);
        a.send(SctpMessage.of(Loopback.pattern(4, 10)));
        assertThat(p[1].receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(4, 10));
        assertThat(p[1].getOption(SctpOptions.ENABLE_STREAM_RESET)).isFalse();
    }

    @Test
    void addStreamsAndResetAssociationWorkAndTheNewStreamsCarryMessages() throws Exception {
        SctpAssociation[] p = connect(true);
        SctpAssociation a = p[0];
        SctpAssociation b = p[1];
        int out = a.outboundStreams();
        SctpNotification.StreamChange c = await(a.addStreams(2, 0));
        assertThat(c.result()).isEqualTo(SctpReconfigResult.PERFORMED);
        assertThat(c.outboundStreams()).isEqualTo(out + 2);
        assertThat(a.outboundStreams()).isEqualTo(out + 2);
        a.send(SctpMessage.of(Loopback.pattern(5, 10)).withStream(out + 1));
        assertThat(b.receive(Loopback.TIMEOUT).stream()).isEqualTo(out + 1);

        SctpNotification.AssociationReset r = await(a.resetAssociation());
        assertThat(r.result()).isEqualTo(SctpReconfigResult.PERFORMED);
        a.send(SctpMessage.of(Loopback.pattern(6, 10)));
        b.send(SctpMessage.of(Loopback.pattern(7, 10)));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(6, 10));
        assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(7, 10));
    }

    @Test
    void aSecondRequestWhileOneIsOutstandingFailsWithATypedException() throws Exception {
        SctpAssociation[] p = connect(true);
        SctpAssociation a = p[0];
        // The first request waits for this message's acknowledgement (a delayed SACK), so it is
        // still outstanding when the second comes.
        a.send(SctpMessage.of(Loopback.pattern(8, 10)).withStream(0));
        var first = a.resetStreams(0);
        var second = a.resetAssociation();
        assertThatThrownBy(() -> await(second)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SctpReconfigException.class).hasMessageContaining("outstanding");
        assertThat(await(first).result()).isEqualTo(SctpReconfigResult.PERFORMED);
    }
}
