package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class AsconfChunkTest {

    @Test
    void decodesSerialNumberIpv4AddressAndRequests() {
        // serial 5, IPv4 Address 192.0.2.1, one parameter of unassigned type 0x7000 (6 bytes), 2 bytes padding
        Chunk c = CodecAssertions.decodeChunk(hex("c1 00 0016 00000005 0005 0008 c0000201 7000 0006 abcd 0000"));
        assertThat(c).isEqualTo(new AsconfChunk(5, ipv4(192, 0, 2, 1),
                List.of(new UnknownParameter(0x7000, Bytes.fromHex("abcd")))));
    }

    @Test
    void decodesAnIpv6AddressAndAcceptsNoRequests() {
        AsconfChunk c = (AsconfChunk) CodecAssertions.decodeChunk(
                hex("c1 00 001c 80000000 0006 0014 20010db8 00000000 00000000 00000001"));
        assertThat(c.serialNumber()).isEqualTo(0x8000_0000);
        assertThat(c.address()).isEqualTo(ExtensionChunkArbitraries.ipv6(hex("20010db8000000000000000000000001")));
        assertThat(c.parameters()).isEmpty();
    }

    @Test
    void ipv4MappedIpv6AddressStaysAnIpv6Parameter() {
        byte[] wire = hex("c1 00 001c 00000001 0006 0014 00000000 00000000 0000ffff 7f000001");
        AsconfChunk c = (AsconfChunk) CodecAssertions.decodeChunk(wire);
        assertThat(c.address()).isInstanceOf(Inet6Address.class);
        assertThat(CodecAssertions.encode(c)).isEqualTo(wire);
    }

    @Test
    void goldenSetPrimaryAndAddIpRequestsReEncodeExactly() {
        // asconf.pcapng frames 9 and 26 (usrsctp): sender 127.0.0.2, Set Primary 127.0.0.2, then Add IP 127.0.0.3
        String[] golden = {
            "c1000020 424a5a0a 00050008 7f000002 c0040010 01000000 00050008 7f000002",
            "c1000020 424a5a0b 00050008 7f000002 c0010010 01000000 00050008 7f000003",
        };
        int[] requestTypes = {ParameterType.SET_PRIMARY_ADDRESS, ParameterType.ADD_IP_ADDRESS};
        for (int i = 0; i < golden.length; i++) {
            byte[] wire = hex(golden[i]);
            AsconfChunk c = (AsconfChunk) CodecAssertions.decodeChunk(wire);
            assertThat(c.serialNumber()).isEqualTo(0x424a5a0a + i);
            assertThat(c.address()).isEqualTo(ipv4(127, 0, 0, 2));
            assertThat(c.parameters()).extracting(Parameter::type).containsExactly(requestTypes[i]);
            assertThat(CodecAssertions.encode(c)).isEqualTo(wire);
        }
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new AsconfChunk(0, ipv4(0, 0, 0, 0), List.of()));
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        CodecAssertions.roundTrip(new AsconfChunk(-1, ExtensionChunkArbitraries.ipv6(ones), List.of(
                new UnknownParameter(0x7001, Bytes.fromHex("01")),
                new UnknownParameter(0xF002, Bytes.empty()),
                new UnknownParameter(0x7003, Bytes.fromHex("010203")))));
        CodecAssertions.roundTrip(new AsconfChunk(1, ipv4(10, 0, 0, 1),
                List.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 4 - 12 - 4])))));
    }

    @Test
    void missingOrTruncatedAddressParameterIsTruncated() {
        assertRejected("c1 00 0006 0000 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("c1 00 0008 00000001", DecodeException.Reason.TRUNCATED);
        assertRejected("c1 00 000a 00000001 0005 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("c1 00 0014 00000001 0006 0014 20010db8 00000000", DecodeException.Reason.LENGTH_OVERRUN);
    }

    @Test
    void addressParameterOtherThanIpv4OrIpv6IsInvalid() {
        // a Host Name Address, then an Add IP Address request where the address belongs
        assertRejected("c1 00 0010 00000001 000b 0008 61626364", DecodeException.Reason.INVALID_VALUE);
        assertRejected("c1 00 0010 00000001 c001 0008 00000001", DecodeException.Reason.INVALID_VALUE);
    }

    @Test
    void addressParameterOfTheWrongLengthIsRejected() {
        // the address parameter's own decoder finds its value cut short (as in Ipv4AddressParameterTest)
        assertRejected("c1 00 000e 00000001 0005 0006 7f00 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("c1 00 0014 00000001 0005 000c 7f000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
        assertRejected("c1 00 0018 00000001 0006 0010 20010db8 00000000 00000000", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void badlyFramedRequestParametersAreRejected() {
        assertRejected("c1 00 0014 00000001 0005 0008 7f000001 7000 0002", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("c1 00 0014 00000001 0005 0008 7f000001 7000 0010", DecodeException.Reason.LENGTH_OVERRUN);
        assertRejected("c1 00 0012 00000001 0005 0008 7f000001 7000 0000", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void parametersAreCopiedAndMustFitTheChunk() {
        List<Parameter> source = new ArrayList<>(List.of(new UnknownParameter(0x7000, Bytes.empty())));
        AsconfChunk c = new AsconfChunk(1, ipv4(10, 0, 0, 1), source);
        source.clear();
        assertThat(c.parameters()).hasSize(1);
        assertThatThrownBy(() -> new AsconfChunk(1, ipv4(10, 0, 0, 1),
                List.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 4 - 12 - 3])))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static InetAddress ipv4(int a, int b, int c, int d) {
        return ExtensionChunkArbitraries.ipv4(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

}
