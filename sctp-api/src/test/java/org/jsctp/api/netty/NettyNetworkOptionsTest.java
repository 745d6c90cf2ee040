package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.api.netty.Until.until;

import com.sun.nio.sctp.MessageInfo;
import com.sun.nio.sctp.PeerAddressChangeNotification;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpAuthKeys;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPathStatistics;
import org.jsctp.api.SctpPrPolicy;
import org.jsctp.api.SctpPrStatistics;
import org.jsctp.api.SctpReconfigResult;
import org.jsctp.api.SctpStatistics;
import org.jsctp.api.SctpStreamScheduler;
import org.junit.jupiter.api.Test;

/**
 * The options and calls that need a network, over UDP on loopback with our channels on both
 * sides: primary addresses and ASCONF on a multi-homed pair (127.0.0.1 and 127.0.0.2), PR-SCTP
 * lifetimes against a stalled receiver, and each {@link UdpSctpChannelOption} observed taking
 * effect in the association.
 */
class NettyNetworkOptionsTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");
    /** The server's accepted channel, once its pipeline has the collector. */
    private static UdpSctpChannel child(Collector c) throws Exception {
        until("the server accepted the association", () -> c.channel != null);
        return (UdpSctpChannel) c.channel;
    }

    private static <T> T event(Collector c, Class<T> type, java.util.function.Predicate<T> which) throws Exception {
        for (;;) {
            Object e = c.nextEvent();
            if (type.isInstance(e) && which.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    private static SctpMessage message(int stream, int seq, int size) {
        ByteBuf b = Unpooled.buffer(size);
        b.writeInt(seq);
        b.writeZero(size - 4);
        return new SctpMessage(0, stream, b);
    }

    private static int seq(Object received) {
        return java.nio.ByteBuffer.wrap(((Collector.Received) received).bytes()).getInt();
    }

    private static long dataPacketsTo(SctpAssociation a, InetAddress ip) throws Exception {
        return a.statisticsAsync().get(20, TimeUnit.SECONDS).paths().stream()
                .filter(p -> p.address().getAddress().equals(ip)).mapToLong(SctpPathStatistics::dataPacketsSent).sum();
    }

    @Test
    void primaryAndPeerPrimaryAddressOnAMultihomedPair() throws Exception {
        Collector server = new Collector();
        Collector client = new Collector();
        try (NettyPair pair = new NettyPair()) {
            pair.serverExtraAddresses.add(A2);
            pair.clientAddresses.addAll(List.of(A1, A2));
            pair.server(Map.of(UdpSctpChannelOption.ASCONF, true), () -> server);
            UdpSctpChannel ch = pair.client(Map.of(UdpSctpChannelOption.ASCONF, true,
                    UdpSctpChannelOption.REMOTE_ADDRESSES, List.of(A2)), client);
            UdpSctpChannel accepted = child(server);
            assertThat(ch.allRemoteAddresses()).contains(new InetSocketAddress(A1, 7), new InetSocketAddress(A2, 7));
            assertThat(accepted.sctpAssociation().peerAddresses()).containsExactlyInAnyOrder(A1, A2);

            // SCTP_PRIMARY_ADDR (RFC 6458 section 8.1.8): our data goes to the server's 127.0.0.2
            ch.config().setOption(SctpChannelOption.SCTP_PRIMARY_ADDR, new InetSocketAddress(A2, 7));
            until("the primary is 127.0.0.2", () -> A2.equals(ch.sctpAssociation().primaryAddress()));
            assertThat(ch.remoteAddress().getAddress()).isEqualTo(A2);
            assertThat(((InetSocketAddress) ch.config().getOption(SctpChannelOption.SCTP_PRIMARY_ADDR)).getAddress())
                    .isEqualTo(A2);
            long before = dataPacketsTo(ch.sctpAssociation(), A2);
            ch.writeAndFlush(message(0, 1, 100)).sync();
            assertThat(seq(server.next())).isEqualTo(1);
            assertThat(dataPacketsTo(ch.sctpAssociation(), A2)).isGreaterThan(before);

            // SCTP_SET_PEER_PRIMARY_ADDR (section 8.3.2, ASCONF): the server sends to our 127.0.0.2
            ch.config().setOption(SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR, new InetSocketAddress(A2, 0));
            until("the server's primary is 127.0.0.2", () -> A2.equals(accepted.sctpAssociation().primaryAddress()));
            long peerBefore = dataPacketsTo(accepted.sctpAssociation(), A2);
            accepted.writeAndFlush(message(0, 2, 100)).sync();
            assertThat(seq(client.next())).isEqualTo(2);
            assertThat(dataPacketsTo(accepted.sctpAssociation(), A2)).isGreaterThan(peerBefore);
        }
    }

    @Test
    void bindAndUnbindAddressOnALiveChannelReachThePeersPipeline() throws Exception {
        Collector server = new Collector();
        try (NettyPair pair = new NettyPair()) {
            pair.clientAddresses.add(A1);
            pair.server(Map.of(UdpSctpChannelOption.ASCONF, true), () -> server);
            UdpSctpChannel ch = pair.client(Map.of(UdpSctpChannelOption.ASCONF, true), new Collector());
            UdpSctpChannel accepted = child(server);
            assertThat(accepted.sctpAssociation().peerAddresses()).containsExactly(A1);

            ChannelFuture bound = ch.bindAddress(A2); // ASCONF Add IP Address (RFC 5061 section 4.2.1)
            assertThat(bound.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(bound.isSuccess()).as("bindAddress: %s", bound.cause()).isTrue();
            assertThat(ch.allLocalAddresses()).extracting(InetSocketAddress::getAddress).contains(A1, A2);
            PeerAddressChangeNotification added = event(server, PeerAddressChangeNotification.class,
                    n -> n.event() == PeerAddressChangeNotification.AddressChangeEvent.ADDR_ADDED);
            assertThat(((InetSocketAddress) added.address()).getAddress()).isEqualTo(A2);
            assertThat(added.association()).isSameAs(accepted.association());

            ChannelFuture unbound = ch.unbindAddress(A2); // Delete IP Address (section 4.2.2)
            assertThat(unbound.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(unbound.isSuccess()).as("unbindAddress: %s", unbound.cause()).isTrue();
            PeerAddressChangeNotification removed = event(server, PeerAddressChangeNotification.class,
                    n -> n.event() == PeerAddressChangeNotification.AddressChangeEvent.ADDR_REMOVED);
            assertThat(((InetSocketAddress) removed.address()).getAddress()).isEqualTo(A2);
            assertThat(accepted.sctpAssociation().peerAddresses()).containsExactly(A1);
        }
    }

    /** A receiver that reads nothing until {@code setAutoRead(true)}. */
    private static final class Stalled extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * Messages that may be abandoned go to a receiver that stalls; once the sender gave some up,
     * the receiver reads: it gets the others, in order, and then a reliable marker.
     */
    private static void abandonedWhileTheReceiverStalls(Map<ChannelOption<?>, Object> clientOptions,
                                                        MessageInfo info) throws Exception {
        Collector server = new Collector();
        int count = 40;
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(ChannelOption.SO_RCVBUF, 4096), Stalled::new, () -> server);
            UdpSctpChannel ch = pair.client(clientOptions, new Collector());
            UdpSctpChannel accepted = child(server);
            ch.eventLoop().submit(() -> {
                for (int i = 0; i < count; i++) {
                    SctpMessage m = message(0, i, 1000);
                    ch.write(info == null ? m : new SctpMessage(info, m.content()));
                }
                ch.flush();
            }).sync();
            until("the sender abandoned messages", () -> {
                SctpPrStatistics pr = ch.sctpAssociation().statisticsAsync().get(20, TimeUnit.SECONDS).abandoned();
                return pr.ttlUnsent() + pr.ttlSent() > 0;
            });
            ch.writeAndFlush(message(0, 1000, 100)).sync(); // reliable: no lifetime
            accepted.eventLoop().submit(() -> accepted.config().setAutoRead(true)).sync();

            List<Integer> got = new ArrayList<>();
            for (int s; (s = seq(server.next())) != 1000; ) {
                got.add(s);
            }
            SctpStatistics stats = ch.sctpAssociation().statisticsAsync().get(20, TimeUnit.SECONDS);
            long abandoned = stats.abandoned().ttlUnsent() + stats.abandoned().ttlSent();
            assertThat(got).isSorted().doesNotHaveDuplicates().hasSizeLessThan(count);
            assertThat(got.size() + abandoned).isEqualTo(count);
        }
    }

    @Test
    void timeToLiveIsAPrSctpLifetime() throws Exception {
        abandonedWhileTheReceiverStalls(Map.of(),
                MessageInfo.createOutgoing(null, 0).timeToLive(50)); // RFC 7496 section 4.1
    }

    @Test
    void prPolicyOptionGivesMessagesWithoutOneALifetime() throws Exception {
        abandonedWhileTheReceiverStalls(Map.of(UdpSctpChannelOption.PR_POLICY, SctpPrPolicy.ttl(50)), null);
    }

    @Test
    void udpPortsAreTheOnesUsed() throws Exception {
        Collector server = new Collector();
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(), () -> server);
            UdpSctpChannel ch = pair.client(Map.of(UdpSctpChannelOption.UDP_PORT, 23871), new Collector());
            UdpSctpChannel accepted = child(server);
            // RFC 6951 section 5.1: our UDP port is the one set; the peer's the REMOTE_UDP_PORT set
            assertThat(accepted.sctpAssociation().remoteAddress().getPort()).isEqualTo(23871);
            assertThat(ch.sctpAssociation().remoteAddress().getPort()).isEqualTo(pair.serverUdpPort());
            assertThat(ch.config().getOption(UdpSctpChannelOption.UDP_PORT)).isEqualTo(23871);
        }
    }

    @Test
    void streamResetOptionDecidesWhetherThePeersRequestIsPerformed() throws Exception {
        for (boolean enabled : new boolean[] {true, false}) {
            Collector server = new Collector();
            try (NettyPair pair = new NettyPair()) {
                pair.server(Map.of(UdpSctpChannelOption.STREAM_RESET, enabled), () -> server);
                UdpSctpChannel ch = pair.client(Map.of(), new Collector());
                UdpSctpChannel accepted = child(server);
                assertThat(accepted.config().getOption(UdpSctpChannelOption.STREAM_RESET)).isEqualTo(enabled);
                SctpNotification.StreamReset r = ch.sctpAssociation().resetStreams(0).get(20, TimeUnit.SECONDS);
                // RFC 6525 section 5.2.2: performed, or denied when the peer does not allow it
                assertThat(r.result()).isEqualTo(enabled ? SctpReconfigResult.PERFORMED : SctpReconfigResult.DENIED);
                if (enabled) {
                    assertThat(event(server, SctpNotification.StreamReset.class, n -> true).streams()).containsExactly(0);
                }
            }
        }
    }

    @Test
    void roundRobinSchedulerInterleavesStreams() throws Exception {
        Collector server = new Collector();
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(), () -> server);
            UdpSctpChannel ch = pair.client(Map.of(UdpSctpChannelOption.STREAM_SCHEDULER, SctpStreamScheduler.RR),
                    new Collector());
            assertThat(ch.sctpAssociation().getOption(SctpOptions.STREAM_SCHEDULER)).isEqualTo(SctpStreamScheduler.RR);
            int each = 30;
            ch.eventLoop().submit(() -> {
                for (int i = 0; i < each; i++) {
                    ch.write(message(0, i, 1000));
                }
                for (int i = 0; i < each; i++) {
                    ch.write(message(1, 100 + i, 1000));
                }
                ch.flush();
            }).sync();
            List<Integer> streams = new ArrayList<>();
            for (int i = 0; i < 2 * each; i++) {
                streams.add(((Collector.Received) server.next()).stream());
            }
            // RFC 8260 section 3.2: stream 1 gets its turns before stream 0's queue is empty
            assertThat(streams.subList(0, each)).contains(1);
        }
    }

    @Test
    void zeroChecksumIsUsedBothWays() throws Exception {
        Collector server = new Collector();
        Collector client = new Collector();
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(UdpSctpChannelOption.ZERO_CHECKSUM, 1), () -> server);
            UdpSctpChannel ch = pair.client(Map.of(UdpSctpChannelOption.ZERO_CHECKSUM, 1), client);
            UdpSctpChannel accepted = child(server);
            ch.writeAndFlush(message(0, 1, 100)).sync();
            assertThat(seq(server.next())).isEqualTo(1);
            accepted.writeAndFlush(message(0, 2, 100)).sync();
            assertThat(seq(client.next())).isEqualTo(2);
            // RFC 9653 section 5: each side sends packets without a CRC32c once the other accepts them
            until("the client sent zero-checksum packets", () -> ch.sctpAssociation().statisticsAsync()
                    .get(20, TimeUnit.SECONDS).zeroChecksumPacketsSent() > 0);
            until("the server sent zero-checksum packets", () -> accepted.sctpAssociation().statisticsAsync()
                    .get(20, TimeUnit.SECONDS).zeroChecksumPacketsSent() > 0);
        }
    }

    @Test
    void authKeysAuthenticateTheAssociation() throws Exception {
        Collector server = new Collector();
        Map<ChannelOption<?>, Object> auth = Map.of(UdpSctpChannelOption.AUTH_SUPPORTED, true,
                UdpSctpChannelOption.AUTH_KEYS, SctpAuthKeys.of(3, new byte[] {1, 2, 3, 4}),
                UdpSctpChannelOption.of(SctpOptions.AUTH_CHUNKS), Set.of(0));
        try (NettyPair pair = new NettyPair()) {
            pair.server(auth, () -> server);
            UdpSctpChannel ch = pair.client(auth, new Collector());
            UdpSctpChannel accepted = child(server);
            ch.writeAndFlush(message(0, 1, 100)).sync();
            assertThat(seq(server.next())).isEqualTo(1);
            // RFC 4895 section 6.3: DATA went in AUTH chunks under key 3, which the server reports
            assertThat(ch.sctpAssociation().isAuthenticatedAsync().get(20, TimeUnit.SECONDS)).isTrue();
            SctpNotification.Authentication a = event(server, SctpNotification.Authentication.class, n -> true);
            assertThat(a.keyId()).isEqualTo(3);
            assertThat(accepted.config().getOption(UdpSctpChannelOption.AUTH_KEYS).activeKeyId()).isEqualTo(3);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
