package org.jsctp.core.seq;

/**
 * Message Identifier of I-DATA: a 32-bit serial number compared with RFC 1982 arithmetic (RFC 8260 section 2.1).
 *
 * <p>The value is kept as an {@code int} holding the unsigned number's bits; {@link #toString()}
 * and {@link #unsigned()} show it unsigned.
 *
 * @param value the 32-bit number's bits, unsigned in an {@code int}
 */
public record Mid(int value) {

    /**
     * {@return the number with this unsigned value}
     *
     * @param unsigned 0..2^32-1
     * @throws IllegalArgumentException if it is out of range
     */
    public static Mid of(long unsigned) {
        if (unsigned < 0 || unsigned > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Mid out of range: " + unsigned);
        }
        return new Mid((int) unsigned);
    }

    /** {@return the number as an unsigned value 0..2^32-1} */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    /** {@return the next number, wrapping from 2^32-1 to 0} */
    public Mid next() {
        return new Mid(value + 1);
    }

    /** {@return the previous number, wrapping from 0 to 2^32-1} */
    public Mid previous() {
        return new Mid(value - 1);
    }

    /**
     * {@return this number advanced by {@code delta} (which may be negative), wrapping}
     *
     * @param delta the distance to move
     */
    public Mid plus(int delta) {
        return new Mid(value + delta);
    }

    /**
     * {@return whether this number comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isBefore(Mid other) {
        return SerialArithmetic.lessThan32(value, other.value);
    }

    /**
     * {@return whether this number comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAfter(Mid other) {
        return SerialArithmetic.lessThan32(other.value, value);
    }

    /**
     * {@return whether this number equals or comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrBefore(Mid other) {
        return value == other.value || isBefore(other);
    }

    /**
     * {@return whether this number equals or comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrAfter(Mid other) {
        return value == other.value || isAfter(other);
    }

    /**
     * {@return how far {@code other} lies after this number (negative when before)}
     *
     * @param other the number to measure to
     */
    public int distanceTo(Mid other) {
        return SerialArithmetic.distance32(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(value);
    }
}
