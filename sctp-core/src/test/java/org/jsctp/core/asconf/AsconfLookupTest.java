package org.jsctp.core.asconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.AddressParameter;
import org.junit.jupiter.api.Test;

/** RFC 5061 section 5.2 rule L2: the address an ASCONF packet is looked up by. */
class AsconfLookupTest {

    private static final CommonHeader HEADER = CommonHeader.of(5000, 7, 0x1234_5678);
    private static final AuthChunk AUTH = new AuthChunk(0, AuthChunk.HMAC_SHA_1, Bytes.wrap(new byte[20]));

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static AsconfChunk asconf(String sender, String added) {
        return new AsconfChunk(1, ip(sender), List.of(new AddIpAddressParameter(1, AddressParameter.of(ip(added)))));
    }

    private static SctpPacket packet(Chunk... chunks) {
        return new SctpPacket(HEADER, List.of(chunks));
    }

    @Test
    void anAuthenticatedAsconfIsLookedUpByItsAddressParameterNotByTheAddressItAdds() {
        assertThat(AsconfLookup.lookupAddress(packet(AUTH, asconf("192.0.2.1", "198.51.100.1"))))
                .isEqualTo(ip("192.0.2.1"));
    }

    @Test
    void anIpv6AddressParameterIsTheLookupAddress() {
        assertThat(AsconfLookup.lookupAddress(packet(AUTH, asconf("2001:db8::1", "2001:db8::2"))))
                .isEqualTo(ip("2001:db8::1"));
    }

    @Test
    void theFirstAsconfOfThePacketCountsWhereverItIsBundled() {
        SctpPacket p = packet(CookieAckChunk.INSTANCE, AUTH, asconf("192.0.2.7", "198.51.100.1"),
                asconf("192.0.2.8", "198.51.100.2"));
        assertThat(AsconfLookup.lookupAddress(p)).isEqualTo(ip("192.0.2.7"));
    }

    @Test
    void aPacketWithoutAsconfHasNoLookupAddress() {
        assertThat(AsconfLookup.lookupAddress(packet(CookieAckChunk.INSTANCE))).isNull();
        assertThat(AsconfLookup.lookupAddress(packet(AUTH, CookieAckChunk.INSTANCE))).isNull();
    }

    @Test
    void theWildcardAddressNamesNoAssociation() {
        assertThat(AsconfLookup.lookupAddress(packet(AUTH, asconf("0.0.0.0", "198.51.100.1")))).isNull();
        assertThat(AsconfLookup.lookupAddress(packet(AUTH, asconf("::", "2001:db8::2")))).isNull();
    }
}
