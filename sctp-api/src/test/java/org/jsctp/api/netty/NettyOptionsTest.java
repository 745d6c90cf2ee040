package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.nio.sctp.MessageInfo;
import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannelOption;
import java.net.InetSocketAddress;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPrPolicy;
import org.jsctp.api.SctpStreamScheduler;
import org.junit.jupiter.api.Test;

/** The mapping of Netty's SCTP channel options and our custom ones, and of outbound messages. */
class NettyOptionsTest {

    private final UdpSctpChannelConfig config = new UdpSctpChannel().config();

    @Test
    void standardOptionsMapOntoOurs() {
        assertThat(config.setOption(SctpChannelOption.SCTP_NODELAY, true)).isTrue();
        assertThat(config.isSctpNoDelay()).isTrue();
        config.setSendBufferSize(300_000).setReceiveBufferSize(200_000);
        assertThat(config.getSendBufferSize()).isEqualTo(300_000);
        assertThat(config.getReceiveBufferSize()).isEqualTo(200_000);
        config.setInitMaxStreams(InitMaxStreams.create(17, 9));
        assertThat(config.getInitMaxStreams().maxInStreams()).isEqualTo(17);
        assertThat(config.getInitMaxStreams().maxOutStreams()).isEqualTo(9);
        assertThat(config.store().get(SctpOptions.INIT_MSG).outboundStreams()).isEqualTo(9);
        assertThat(config.store().get(SctpOptions.INIT_MSG).maxInboundStreams()).isEqualTo(17);

        config.setOption(SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE, 2);
        assertThat(config.getOption(UdpSctpChannelOption.of(SctpOptions.INTERLEAVING_SUPPORTED))).isTrue();
        assertThat(config.getOption(SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE)).isEqualTo(2);
        assertThatThrownBy(() -> config.setOption(SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void disablingFragmentationIsATypedError() {
        assertThat(config.setOption(SctpChannelOption.SCTP_DISABLE_FRAGMENTS, false)).isTrue();
        assertThatThrownBy(() -> config.setOption(SctpChannelOption.SCTP_DISABLE_FRAGMENTS, true))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("SCTP_DISABLE_FRAGMENTS");
        assertThat(config.getOption(SctpChannelOption.SCTP_DISABLE_FRAGMENTS)).isFalse();
    }

    @Test
    void customOptionsCarryPortsAndExtensions() {
        config.setOption(UdpSctpChannelOption.UDP_PORT, 21234);
        config.setOption(UdpSctpChannelOption.REMOTE_UDP_PORT, 21235);
        config.setOption(UdpSctpChannelOption.PR_POLICY, SctpPrPolicy.rtx(2));
        config.setOption(UdpSctpChannelOption.STREAM_SCHEDULER, SctpStreamScheduler.RR);
        config.setOption(UdpSctpChannelOption.ZERO_CHECKSUM, 1);
        config.setOption(UdpSctpChannelOption.STREAM_RESET, true);
        assertThat(config.getOption(UdpSctpChannelOption.UDP_PORT)).isEqualTo(21234);
        assertThat(config.getOption(UdpSctpChannelOption.REMOTE_UDP_PORT)).isEqualTo(21235);
        assertThat(config.getOption(UdpSctpChannelOption.PR_POLICY)).isEqualTo(SctpPrPolicy.rtx(2));
        assertThat(config.getOption(UdpSctpChannelOption.STREAM_SCHEDULER)).isEqualTo(SctpStreamScheduler.RR);
        assertThat(config.getOption(UdpSctpChannelOption.ZERO_CHECKSUM)).isEqualTo(1);
        assertThat(config.getOption(UdpSctpChannelOption.STREAM_RESET)).isTrue();
        assertThat(config.getOptions()).containsKeys(UdpSctpChannelOption.UDP_PORT, ChannelOption.SO_SNDBUF);
        assertThatThrownBy(() -> config.setOption(UdpSctpChannelOption.REMOTE_UDP_PORT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REMOTE_UDP_PORT");
        assertThatThrownBy(() -> config.setOption(ChannelOption.SO_RCVBUF, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientChannelCollectsItsAddressesAndThePeersBeforeConnecting() throws Exception {
        java.net.InetAddress a2 = java.net.InetAddress.getByName("127.0.0.2");
        UdpSctpChannel ch = new UdpSctpChannel();
        assertThat(ch.bindAddress(a2).isSuccess()).isTrue(); // sctp_bindx before connect
        assertThat(ch.allLocalAddresses()).extracting(InetSocketAddress::getAddress).containsExactly(a2);
        assertThat(ch.unbindAddress(a2).isSuccess()).isTrue();
        assertThat(ch.allLocalAddresses()).isEmpty();

        config.setOption(UdpSctpChannelOption.REMOTE_ADDRESSES, java.util.List.of(a2));
        assertThat(config.getOption(UdpSctpChannelOption.REMOTE_ADDRESSES)).containsExactly(a2);
        assertThatThrownBy(() -> config.setOption(UdpSctpChannelOption.REMOTE_ADDRESSES,
                java.util.List.of(java.net.InetAddress.getByName("0.0.0.0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
    }

    @Test
    void optionsNettyDoesNotKnowAreLeftToNetty() {
        assertThat(config.setOption(ChannelOption.TCP_NODELAY, true)).isFalse();
        assertThat(config.setOption(ChannelOption.WRITE_SPIN_COUNT, 4)).isTrue();
        assertThat(config.getWriteSpinCount()).isEqualTo(4);
    }

    @Test
    void serverConfigHasBacklogAndPorts() {
        UdpSctpServerChannelConfig s = new UdpSctpServerChannel().config();
        assertThat(s.getOption(UdpSctpChannelOption.UDP_PORT)).isEqualTo(9899);
        s.setBacklog(7);
        assertThat(s.getBacklog()).isEqualTo(7);
        assertThatThrownBy(() -> s.setBacklog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outboundMessageKeepsStreamPpidUnorderedAndLifetime() {
        MessageInfo info = MessageInfo.createOutgoing(new InetSocketAddress(0), 5).payloadProtocolID(46)
                .unordered(true).timeToLive(250);
        io.netty.channel.sctp.SctpMessage m = new io.netty.channel.sctp.SctpMessage(info,
                Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        try {
            SctpMessage out = MessageConversion.outbound(m);
            assertThat(out.stream()).isEqualTo(5);
            assertThat(out.ppid()).isEqualTo(46);
            assertThat(out.isUnordered()).isTrue();
            assertThat(out.prPolicy()).isEqualTo(SctpPrPolicy.ttl(250));
            assertThat(out.toByteArray()).containsExactly(1, 2, 3);
            assertThat(m.content().readerIndex()).isZero(); // the caller's buffer is left as it was
        } finally {
            m.release();
        }
        io.netty.channel.sctp.SctpMessage plain = new io.netty.channel.sctp.SctpMessage(7, 2,
                Unpooled.wrappedBuffer(new byte[] {4}));
        try {
            SctpMessage out = MessageConversion.outbound(plain);
            assertThat(out.stream()).isEqualTo(2);
            assertThat(out.ppid()).isEqualTo(7);
            assertThat(out.prPolicy()).isNull();
        } finally {
            plain.release();
        }
    }
}
