package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures say what happened, with the peer and the reason, in typed exceptions. */
class ErrorsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void connectingWhereNothingAnswersFailsWithNoAnswerAfterTheInitRetransmissions() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, Loopback.host())) { // takes the datagrams, answers none
            SctpEndpoint client = net.adopt(net.endpoint()
                    .option(SctpOptions.RTO_INFO, new RtoInfo(Duration.ofMillis(20), Duration.ofMillis(10),
                            Duration.ofMillis(40)))
                    .option(SctpOptions.INIT_MSG, new InitParameters(10, 10, 2, Duration.ZERO)).build());
            InetSocketAddress to = new InetSocketAddress(Loopback.host(), silent.getLocalPort());
            assertThatThrownBy(() -> client.connect(to, 7))
                    .isInstanceOf(SctpConnectException.class)
                    .hasMessage("could not connect to 127.0.0.1:" + silent.getLocalPort()
                            + " (SCTP port 7): no answer after 2 INIT retransmissions");
            assertThat(client.associations()).isEmpty();
        }
    }

    @Test
    void connectingToAnEndpointThatDoesNotListenIsRefusedWithItsReason() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build()); // no listen()
        SctpEndpoint client = net.client();
        assertThatThrownBy(() -> client.connect(Loopback.addressOf(server), 7))
                .isInstanceOf(SctpConnectException.class)
                .hasMessage("could not connect to 127.0.0.1:" + server.localAddress().getPort() + " (SCTP port 7): "
                        + "refused by peer: cause 'User-Initiated Abort: SCTP port 7 is not accepting associations "
                        + "(not listening)'")
                .satisfies(e -> assertThat(((SctpException) e).causes()).hasSize(1));
    }

    @Test
    void aPeersAbortEndsReceivingWithItsReason() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        server.accept(Loopback.TIMEOUT).abort("bye");
        assertThatThrownBy(a::receive)
                .isInstanceOf(SctpAbortedException.class)
                .hasMessage("association to 127.0.0.1:" + server.localAddress().getPort()
                        + " (SCTP port 7) aborted by peer: cause 'User-Initiated Abort: bye'")
                .satisfies(e -> assertThat(((SctpException) e).association()).isSameAs(a));
        assertThatThrownBy(() -> a.send(SctpMessage.of(new byte[] {1}))).isInstanceOf(SctpAbortedException.class);
        assertThatThrownBy(a::shutdown).isInstanceOf(SctpAbortedException.class);
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsAllowed() throws Exception {
        SctpEndpoint server = net.server();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        assertThatThrownBy(() -> SctpMessage.of(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one byte");
        assertThatThrownBy(() -> SctpMessage.of(new byte[1]).withStream(70000))
                .hasMessageContaining("stream must be in 0..65535");
        assertThatThrownBy(() -> a.sendAsync(SctpMessage.of(new byte[1]).withStream(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream 10 does not exist").hasMessageContaining("10 outbound streams (0..9)");
        assertThatThrownBy(() -> a.receive(Duration.ofMillis(1))).isInstanceOf(SctpTimeoutException.class);
    }
}
