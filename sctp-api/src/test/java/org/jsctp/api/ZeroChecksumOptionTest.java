package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SctpOptions#ZERO_CHECKSUM_ACCEPTABLE}: zero checksum (RFC 9653) through the API. */
class ZeroChecksumOptionTest {

    private static final int DTLS = 1;

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void twoEndpointsWithTheOptionExchangeZeroChecksumPackets() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, DTLS).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, DTLS).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);

        for (int i = 0; i < 5; i++) {
            a.send(SctpMessage.of(Loopback.pattern(i, 2000)));
            assertThat(s.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 2000));
            s.send(SctpMessage.of(Loopback.pattern(i, 300)));
            assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 300));
        }

        assertThat(a.getOption(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE)).isEqualTo(DTLS);
        SctpStatistics sent = a.statistics();
        SctpStatistics got = s.statistics();
        assertThat(sent.zeroChecksumPacketsSent()).isPositive();
        assertThat(got.zeroChecksumPacketsReceived()).isPositive();
        assertThat(got.zeroChecksumPacketsSent()).isPositive();
        a.shutdown();
    }

    @Test
    void theOptionIsOffByDefaultAndAnEndpointWithoutItGetsCrc32cOnly() throws Exception {
        SctpEndpoint server = net.server(); // without the option
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, DTLS).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);

        a.send(SctpMessage.of(Loopback.pattern(1, 2000)));
        assertThat(s.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(1, 2000));
        s.send(SctpMessage.of(Loopback.pattern(2, 20)));
        assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(2, 20));

        assertThat(s.getOption(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE)).isZero();
        assertThat(a.statistics().zeroChecksumPacketsSent()).isZero();
        assertThat(s.statistics().zeroChecksumPacketsSent()).isZero();
        assertThat(s.statistics().zeroChecksumPacketsReceived()).isZero();
        assertThatThrownBy(() -> a.setOption(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, 0))
                .isInstanceOf(IllegalStateException.class);
        a.shutdown();
    }
}
