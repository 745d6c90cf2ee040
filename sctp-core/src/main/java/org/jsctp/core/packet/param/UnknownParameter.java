package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.UnrecognizedAction;

/**
 * A parameter of a type this stack does not know, kept whole so the rules of RFC 9260 section
 * 3.2.1 can be applied ({@link #action()}) and the parameter reported back inside an
 * "Unrecognized Parameter" parameter or error cause ({@link #toReportBytes()}).
 *
 * @param type the parameter type, 0..65535
 * @param value the parameter value as received, without padding
 */
public record UnknownParameter(int type, Bytes value) implements Parameter {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param type the parameter type, 0..65535
     * @param value the parameter value as received, without padding
     */
    public UnknownParameter {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("type is a 16-bit value: " + type);
        }
        if (value.length() > 0xFFFF - 4) {
            throw new IllegalArgumentException("value too long: " + value.length());
        }
    }

    /** {@return what the high bits of the type ask a receiver that does not know it to do} */
    public UnrecognizedAction action() {
        return UnrecognizedAction.ofParameterType(type);
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        value.writeTo(out);
    }

    /** {@return the whole parameter (header and value, no padding), as reported back to its sender} */
    public Bytes toReportBytes() {
        return toUnpaddedBytes();
    }
}
