package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;

/**
 * An error cause with a code this stack does not know, kept as bytes.
 *
 * @param code the cause code, 0..65535
 * @param value the cause value as received, without padding
 */
public record UnknownCause(int code, Bytes value) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param code the cause code, 0..65535
     * @param value the cause value as received, without padding
     */
    public UnknownCause {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("code is a 16-bit value: " + code);
        }
        if (value.length() > 0xFFFF - 4) {
            throw new IllegalArgumentException("value too long: " + value.length());
        }
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        value.writeTo(out);
    }
}
