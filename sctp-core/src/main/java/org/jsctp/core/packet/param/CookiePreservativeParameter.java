package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Cookie Preservative, RFC 9260 section 3.3.2.1: an INIT's request for a longer-lived State
 * Cookie, sent after a Stale Cookie error.
 *
 * <pre>
 *  type = 9 | length = 8
 *  Suggested Cookie Life-Span Increment in milliseconds (32)
 * </pre>
 *
 * <p>The increment is a 32-bit unsigned number; it is held as a {@code long} so that it reads
 * as the number of milliseconds it is, with no sign conversion at the caller.
 *
 * @param lifeSpanIncrementMillis the suggested increment, 0 to 2^32-1 milliseconds
 */
public record CookiePreservativeParameter(long lifeSpanIncrementMillis) implements Parameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param lifeSpanIncrementMillis the suggested increment, 0 to 2^32-1 milliseconds
     * @throws IllegalArgumentException if a component is out of range
     */
    public CookiePreservativeParameter {
        if (lifeSpanIncrementMillis < 0 || lifeSpanIncrementMillis > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("life-span increment is a 32-bit unsigned value: "
                    + lifeSpanIncrementMillis);
        }
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CookiePreservativeParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.2.1: a single 32-bit field, so the length is exactly 8.
        long increment = Integer.toUnsignedLong(value.readU32());
        value.expectEnd();
        return new CookiePreservativeParameter(increment);
    }

    @Override
    public int type() {
        return ParameterType.COOKIE_PRESERVATIVE;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, (int) lifeSpanIncrementMillis);
    }
}
