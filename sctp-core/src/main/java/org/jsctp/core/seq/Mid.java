package org.jsctp.core.seq;

/**
 * Message Identifier of I-DATA: a 32-bit serial number compared with RFC 1982 arithmetic (RFC 8260 section 2.1).
 *
 * <p>The value is kept as an {@code int} holding the unsigned number's bits; {@link #toString()}
 * and {@link #unsigned()} show it unsigned.
 */
public record Mid(int value) {

    public static Mid of(long unsigned) {
        if (unsigned < 0 || unsigned > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Mid out of range: " + unsigned);
        }
        return new Mid((int) unsigned);
    }

    /** The number as an unsigned value 0..2^32-1. */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    /** The next number, wrapping from 2^32-1 to 0. */
    public Mid next() {
        return new Mid(value + 1);
    }

    /** The previous number, wrapping from 0 to 2^32-1. */
    public Mid previous() {
        return new Mid(value - 1);
    }

    /** This number advanced by {@code delta} (which may be negative), wrapping. */
    public Mid plus(int delta) {
        return new Mid(value + delta);
    }

    public boolean isBefore(Mid other) {
        return SerialArithmetic.lessThan32(value, other.value);
    }

    public boolean isAfter(Mid other) {
        return SerialArithmetic.lessThan32(other.value, value);
    }

    public boolean isAtOrBefore(Mid other) {
        return value == other.value || isBefore(other);
    }

    public boolean isAtOrAfter(Mid other) {
        return value == other.value || isAfter(other);
    }

    /** How far {@code other} lies after this number (negative when before). */
    public int distanceTo(Mid other) {
        return SerialArithmetic.distance32(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(value);
    }
}
