package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.junit.jupiter.api.Test;

/** Whole parameter lists taken from the usrsctp captures in the shared golden directory. */
class GoldenParameterListTest {

    /** The parameters of the INIT in golden/asconf.pcapng frame 1, after the INIT's fixed fields. */
    private static final String ASCONF_INIT_PARAMETERS = "800800070fc18000"
            + "80020024aedea1fa67fd4684fa152c93d2b6b42ad99453ca8021e9b476da687e05fcad4b"
            + "8004000600010000" + "8003000680c10000" + "000c000600050000"
            + "000500087f000002" + "000500087f000001";

    @Test
    void decodesEveryParameterOfARealInitAndReencodesTheSameBytes() throws Exception {
        byte[] wire = hex(ASCONF_INIT_PARAMETERS);
        List<Parameter> parameters = CodecAssertions.decodeParameters(wire);
        assertThat(parameters).containsExactly(
                new SupportedExtensionsParameter(List.of(0x0f, 0xc1, 0x80)),
                new RandomParameter(Bytes.fromHex(
                        "aedea1fa67fd4684fa152c93d2b6b42ad99453ca8021e9b476da687e05fcad4b")),
                new RequestedHmacAlgorithmParameter(List.of(RequestedHmacAlgorithmParameter.HMAC_SHA_1)),
                new ChunkListParameter(List.of(0x80, 0xc1)),
                new SupportedAddressTypesParameter(List.of(ParameterType.IPV4_ADDRESS)),
                AddressParameter.of(InetAddress.getByAddress(hex("7f000002"))),
                AddressParameter.of(InetAddress.getByAddress(hex("7f000001"))));
        ByteBuffer out = ByteBuffer.allocate(Parameters.listLength(parameters));
        Parameters.encodeList(out, parameters);
        assertThat(out.array()).isEqualTo(wire);
    }

    @Test
    void decodesTheOutgoingResetAndAddStreamsRequestsOfARealReconfig() {
        // golden/reconfig.pcapng frames 20 and 51: each RE-CONFIG carries one request.
        assertThat(CodecAssertions.decodeParameters(hex("000d0014709780c53ec89a30709780ce00010002")))
                .singleElement().isInstanceOf(OutgoingSsnResetRequestParameter.class);
        assertThat(CodecAssertions.decodeParameters(hex("0011000c709780c700020000")))
                .containsExactly(new AddOutgoingStreamsRequestParameter(0x709780c7, 2));
    }
}
