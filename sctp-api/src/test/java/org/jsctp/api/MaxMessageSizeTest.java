package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.jsctp.core.assoc.AssociationConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MAX_MESSAGE_SIZE: the largest message a send takes (the core's
 * {@code AssociationConfig.maxMessageBytes}), 1 MiB by default; a larger message needs it and
 * SEND_BUFFER raised, and arrives whole (in pieces past the receiver's partial delivery point).
 */
class MaxMessageSizeTest {

    private static final int MIB = 1 << 20;

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void itMapsOntoTheCoreConfigurationAndBackAndRefusesValuesOutOfRange() {
        assertThat(OptionMapping.read(SctpOptions.MAX_MESSAGE_SIZE, AssociationConfig.defaults())).isEqualTo(MIB);
        AssociationConfig.Builder b = AssociationConfig.builder();
        OptionMapping.apply(b, SctpOptions.MAX_MESSAGE_SIZE, 3 * MIB);
        assertThat(b.build().maxMessageBytes()).isEqualTo(3 * MIB);
        assertThat(OptionMapping.read(SctpOptions.MAX_MESSAGE_SIZE, b.build())).isEqualTo(3 * MIB);
        assertThat(SctpOptions.all()).contains(SctpOptions.MAX_MESSAGE_SIZE);
        assertThat(SctpOptions.MAX_MESSAGE_SIZE.isLive()).isFalse();
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.MAX_MESSAGE_SIZE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_MESSAGE_SIZE");
    }

    @Test
    void byDefaultAMessageOverOneMebibyteIsRefusedAndNamesTheOption() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.MAX_MESSAGE_SIZE)).isEqualTo(MIB);
        assertThatThrownBy(() -> a.send(SctpMessage.of(new byte[MIB + 1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_MESSAGE_SIZE");
    }

    @Test
    void raisedWithTheSendBufferAThreeMebibyteMessageArrivesIntact() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.MAX_MESSAGE_SIZE, 3 * MIB)
                .option(SctpOptions.SEND_BUFFER, 4 * MIB).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);
        byte[] large = Loopback.pattern(5, 3 * MIB);
        a.send(SctpMessage.of(large).withStream(1).withPpid(4));

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        SctpReceivedMessage m;
        do {
            m = s.receive(Loopback.TIMEOUT);
            assertThat(m.stream()).isEqualTo(1);
            joined.writeBytes(m.toByteArray());
        } while (!m.isComplete());
        assertThat(joined.toByteArray()).isEqualTo(large);
    }

    @Test
    void theSendBufferStillBoundsTheLargestMessage() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.MAX_MESSAGE_SIZE, 3 * MIB).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        int sendBuffer = a.getOption(SctpOptions.SEND_BUFFER);
        assertThatThrownBy(() -> a.send(SctpMessage.of(new byte[sendBuffer + 1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO_SNDBUF");
    }
}
