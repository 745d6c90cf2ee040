package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a multi-homed endpoint's sockets a datagram leaves from. */
class SocketRouterTest {

    private static SocketRouter router(String... locals) throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        List<PacketWriter> writers = new ArrayList<>();
        TransportCounters counters = new TransportCounters();
        for (String l : locals) {
            addresses.add(InetAddress.getByName(l));
            writers.add(new PacketWriter(new EmbeddedChannel(), counters, false));
        }
        return new SocketRouter(addresses, writers, DatagramFilter.NONE, counters);
    }

    @Test
    void theSocketOnTheDestinationsNetworkIsChosen() throws Exception {
        SocketRouter r = router("192.0.2.10", "198.51.100.10", "2001:db8::10");
        assertThat(r.socketFor(InetAddress.getByName("198.51.100.77"))).isEqualTo(1);
        assertThat(r.socketFor(InetAddress.getByName("192.0.2.99"))).isEqualTo(0);
        assertThat(r.socketFor(InetAddress.getByName("2001:db8::99"))).isEqualTo(2);
    }

    @Test
    void loopbackGoesFromLoopbackAndTheClosestAddressWins() throws Exception {
        SocketRouter r = router("192.0.2.10", "127.0.0.1", "127.0.0.2");
        assertThat(r.socketFor(InetAddress.getByName("127.0.0.1"))).isEqualTo(1);
        assertThat(r.socketFor(InetAddress.getByName("127.0.0.2"))).isEqualTo(2);
        assertThat(r.socketFor(InetAddress.getByName("::ffff:127.0.0.2"))).isEqualTo(2);
    }

    @Test
    void aDestinationOfAnotherFamilyTakesTheFirstSocket() throws Exception {
        SocketRouter r = router("192.0.2.10", "198.51.100.10");
        assertThat(r.socketFor(InetAddress.getByName("2001:db8::1"))).isZero();
    }

    @Test
    void commonPrefixCountsLeadingEqualBits() {
        assertThat(SocketRouter.commonPrefix(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 1})).isEqualTo(32);
        assertThat(SocketRouter.commonPrefix(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2})).isEqualTo(30);
        assertThat(SocketRouter.commonPrefix(new byte[] {(byte) 0x80, 0}, new byte[] {0, 0})).isZero();
    }
}
