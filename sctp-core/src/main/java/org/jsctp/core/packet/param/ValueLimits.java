package org.jsctp.core.packet.param;

import org.jsctp.core.packet.Tlv;

/**
 * Argument checks shared by the parameter records' compact constructors: the ranges of 8- and
 * 16-bit fields and the 16-bit length field that bounds every value (RFC 9260 section 3.2.1).
 */
final class ValueLimits {

    /** Largest value a parameter can carry: the 16-bit length field counts the 4-byte header too. */
    static final int MAX_VALUE_LENGTH = 0xFFFF - Tlv.HEADER_LENGTH;

    private ValueLimits() {
    }

    /** Fails unless {@code value} fits an unsigned 8-bit field. */
    static int u8(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " is an 8-bit value: " + value);
        }
        return value;
    }

    /** Fails unless {@code value} fits an unsigned 16-bit field. */
    static int u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " is a 16-bit value: " + value);
        }
        return value;
    }

    /** Fails unless {@code valueLength} bytes of value fit one parameter. */
    static void valueLength(int valueLength, String parameter) {
        if (valueLength > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(parameter + " value of " + valueLength
                    + " bytes does not fit a 16-bit parameter length");
        }
    }
}
