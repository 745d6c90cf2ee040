package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * State Cookie, RFC 9260 section 3.3.3.1: the cookie an INIT ACK hands to the initiator, to be
 * echoed in COOKIE ECHO. Only its creator can read it.
 *
 * <pre>
 *  type = 7 | length
 *  Cookie (length - 4 bytes)
 * </pre>
 *
 * @param cookie the cookie bytes, kept byte for byte
 */
public record StateCookieParameter(Bytes cookie) implements Parameter {

    /**
     * Checks that the value fits the 16-bit length field.
     *
     * @param cookie the cookie bytes, kept byte for byte
     */
    public StateCookieParameter {
        ValueLimits.valueLength(cookie.length(), "State Cookie");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static StateCookieParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.3.1: the cookie's format is private to the endpoint that made it;
        // whether it is acceptable (even when empty) is decided when it comes back.
        return new StateCookieParameter(value.readRemaining());
    }

    @Override
    public int type() {
        return ParameterType.STATE_COOKIE;
    }

    @Override
    public int valueLength() {
        return cookie.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        cookie.writeTo(out);
    }
}
