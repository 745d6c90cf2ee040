package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class StateCookieParameterTest {

    @Test
    void stateCookieIsKeptByteForByte() {
        String cookie = "4b414d452d425344312e31000000006b1e0b6b";
        StateCookieParameter p = (StateCookieParameter) decodeOne("0007 0017 " + cookie + " 00");
        assertThat(p.cookie()).isEqualTo(Bytes.fromHex(cookie));
        assertThat(p.type()).isEqualTo(ParameterType.STATE_COOKIE);
    }

    @Test
    void roundTripsEmptyAndLongCookies() {
        CodecAssertions.roundTrip(new StateCookieParameter(Bytes.empty()));
        CodecAssertions.roundTrip(new StateCookieParameter(Bytes.wrap(new byte[333])));
    }

    @Test
    void partialPaddingAtTheEndIsRejected() {
        // A 5-byte parameter needs 3 padding bytes: 1 is neither its padding nor a clean end.
        assertRejected("0007 0005 aa 00", DecodeException.Reason.MISSING_PADDING);
    }

    @Test
    void lengthBelowTheHeaderIsTooShort() {
        assertRejected("0007 0003", DecodeException.Reason.LENGTH_TOO_SHORT);
    }
}
