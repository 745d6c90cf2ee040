package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6951 section 5.4: the remote UDP port is remembered per peer address. */
class PeerDestinationsTest {

    @Test
    void eachAddressStartsOnTheInitialPortAndLearnsItsOwn() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        PeerDestinations d = new PeerDestinations(9899);
        d.know(List.of(a, b));
        assertThat(d.of(b)).isEqualTo(new InetSocketAddress(b, 9899));

        assertThat(d.learn(new InetSocketAddress(b, 40000))).isTrue();
        assertThat(d.of(b)).isEqualTo(new InetSocketAddress(b, 40000));
        assertThat(d.of(a)).isEqualTo(new InetSocketAddress(a, 9899));
    }

    @Test
    void aSourceThatIsNoPeerAddressTeachesNothing() throws Exception {
        PeerDestinations d = new PeerDestinations(9899);
        d.know(List.of(InetAddress.getByName("192.0.2.1")));
        InetAddress stranger = InetAddress.getByName("203.0.113.5");
        assertThat(d.learn(new InetSocketAddress(stranger, 1234))).isFalse();
        assertThat(d.of(InetAddress.getByName("192.0.2.1")).getPort()).isEqualTo(9899);
    }

    @Test
    void anIpv4MappedSourceCountsAsItsIpv4Address() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.1");
        PeerDestinations d = new PeerDestinations(9899);
        d.know(List.of(v4));
        assertThat(d.learn(new InetSocketAddress(InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1}), 5555))).isTrue();
        assertThat(d.of(v4).getPort()).isEqualTo(5555);
    }
}
