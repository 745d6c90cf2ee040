package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages larger than the receiver's buffer arrive in pieces (RFC 6458 sections 8.1.20 and 5.3.5). */
class PartialDeliveryTest {

    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aMessageLargerThanTheReceiveBufferArrivesInOrderedPiecesThatJoinToIt() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.RECEIVE_BUFFER, RECEIVE_BUFFER)
                .option(SctpOptions.PARTIAL_DELIVERY_POINT, 16 * 1024).build());
        server.listen();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);
        assertThat(s.getOption(SctpOptions.PARTIAL_DELIVERY_POINT)).isEqualTo(16 * 1024);

        byte[] large = Loopback.pattern(7, 4 * RECEIVE_BUFFER);
        a.sendAsync(SctpMessage.of(large).withStream(1).withPpid(9));
        a.sendAsync(SctpMessage.of(Loopback.pattern(8, 100)).withStream(1));

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<SctpReceivedMessage> pieces = new ArrayList<>();
        SctpReceivedMessage m;
        do {
            m = s.receive(Loopback.TIMEOUT);
            pieces.add(m);
            joined.writeBytes(m.toByteArray());
            assertThat(m.stream()).isEqualTo(1);
            assertThat(m.ppid()).isEqualTo(9);
        } while (!m.isComplete());
        assertThat(joined.toByteArray()).isEqualTo(large);
        assertThat(pieces.size()).isGreaterThan(1); // it could not have fitted the buffer whole
        assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(p -> assertThat(p.isComplete()).isFalse());

        SctpReceivedMessage next = s.receive(Loopback.TIMEOUT); // the stream goes on after the piecewise one
        assertThat(next.toByteArray()).isEqualTo(Loopback.pattern(8, 100));
        assertThat(next.isComplete()).isTrue();
    }

    @Test
    void thePartialDeliveryPointDefaultsToHalfTheReceiveBuffer() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.RECEIVE_BUFFER, RECEIVE_BUFFER).build());
        server.listen();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);
        assertThat(s.getOption(SctpOptions.PARTIAL_DELIVERY_POINT)).isEqualTo(RECEIVE_BUFFER / 2);
        a.shutdown();
    }
}
