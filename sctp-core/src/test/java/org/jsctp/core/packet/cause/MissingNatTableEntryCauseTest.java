package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class MissingNatTableEntryCauseTest {

    /** An IPv4 header: version 4, IHL 5, total length 20, protocol 132 (SCTP). */
    private static final String IPV4_HEADER = "4500 0014 0000 0000 4084 0000 c0000201 cb007101";

    @Test
    void decodesTheEmptyFormFreeBsdSends() {
        ErrorCause cause = decodeOne("00b1 0004");
        assertThat(cause).isEqualTo(MissingNatTableEntryCause.NO_PACKET);
        assertThat(((MissingNatTableEntryCause) cause).ipVersion()).isEqualTo(-1);
        assertThat(cause.describe()).isEqualTo("Missing State");
    }

    @Test
    void keepsTheCopiedPacketWithItsIpHeader() {
        MissingNatTableEntryCause cause = (MissingNatTableEntryCause) decodeOne("00b1 0018 " + IPV4_HEADER);
        assertThat(cause.packet()).isEqualTo(Bytes.fromHex(IPV4_HEADER.replace(" ", "")));
        assertThat(cause.ipVersion()).isEqualTo(4);
        assertThat(cause.describe()).isEqualTo("Missing State: 20-byte copy of an IPv4 packet");
    }

    @Test
    void roundTripsEmptyTruncatedAndLargestCopies() {
        CodecAssertions.roundTrip(MissingNatTableEntryCause.NO_PACKET);
        CodecAssertions.roundTrip(new MissingNatTableEntryCause(Bytes.fromHex("60")));
        CodecAssertions.roundTrip(new MissingNatTableEntryCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void causeLengthBelowTheHeaderIsTooShort() {
        assertRejected("00b1 0001 00000000", Reason.LENGTH_TOO_SHORT);
    }
}
