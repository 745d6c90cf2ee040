package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The State Cookie's private layout: what is sealed comes back unchanged, and nothing else is read. */
class CookieContentsTest {

    private static CookieContents contents(OptionalInt adaptation) throws Exception {
        return new CookieContents(0x1111_2222, 0x3333_4444, new Tsn(7), new Tsn(-9), 65_536, 10, 12, 5000, 7, 0, 0,
                new Capabilities(true, false, true, 0), List.of(InetAddress.getByName("192.0.2.1")), null, null,
                adaptation);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0xCAFE_BABE, -1})
    void thePeersAdaptationCodePointComesBack(int codePoint) throws Exception {
        CookieContents c = contents(OptionalInt.of(codePoint));
        assertThat(CookieContents.decode(c.encode())).contains(c);
    }

    @Test
    void noCodePointComesBackAsNone() throws Exception {
        CookieContents c = contents(OptionalInt.empty());
        assertThat(CookieContents.decode(c.encode())).hasValueSatisfying(d -> {
            assertThat(d).isEqualTo(c);
            assertThat(d.peerAdaptationIndication()).isEmpty();
        });
    }

    @Test
    void aPresenceByteOtherThanZeroOrOneOrTrailingBytesAreNotOurs() throws Exception {
        byte[] none = contents(OptionalInt.empty()).encode().toByteArray();
        byte[] bad = none.clone();
        bad[bad.length - 1] = 2;
        assertThat(CookieContents.decode(Bytes.wrap(bad))).isEmpty();
        byte[] longer = java.util.Arrays.copyOf(none, none.length + 1);
        assertThat(CookieContents.decode(Bytes.wrap(longer))).isEmpty();
    }
}
