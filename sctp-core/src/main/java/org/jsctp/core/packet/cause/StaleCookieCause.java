package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Stale Cookie Error, RFC 9260 section 3.3.10.3: a valid State Cookie arrived after its lifetime
 * had run out.
 *
 * <pre>
 *  Cause Code = 3 | Cause Length = 8
 *  Measure of Staleness (usec) (32)
 * </pre>
 *
 * @param stalenessMicros how long ago the cookie expired, in microseconds: a 32-bit unsigned
 *     value kept in an {@code int}, see {@link #unsignedStalenessMicros()}
 */
public record StaleCookieCause(int stalenessMicros) implements ErrorCause {

    /** Length in bytes of the error cause's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * {@return the cause for a staleness of {@code micros} microseconds, 0 to 2^32-1}
     *
     * @param micros how long ago the cookie expired, in microseconds
     */
    public static StaleCookieCause ofMicros(long micros) {
        if (micros < 0 || micros > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("staleness is a 32-bit unsigned value: " + micros);
        }
        return new StaleCookieCause((int) micros);
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static StaleCookieCause decode(WireReader value) throws DecodeException {
        int micros = value.readU32();
        value.expectEnd(); // RFC 9260 section 3.3.10.3: Cause Length is 8
        return new StaleCookieCause(micros);
    }

    /** {@return the staleness as an unsigned value 0..2^32-1 microseconds} */
    public long unsignedStalenessMicros() {
        return Integer.toUnsignedLong(stalenessMicros);
    }

    @Override
    public int code() {
        return CauseCode.STALE_COOKIE;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), "cookie " + unsignedStalenessMicros() + " us too old");
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, stalenessMicros);
    }
}
