package org.jsctp.core.seq;

/**
 * Stream Sequence Number: a 16-bit serial number compared with RFC 1982 arithmetic
 * (RFC 9260 section 1.6 and 6.5).
 *
 * @param value the number, 0..65535
 */
public record Ssn(int value) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param value the number, 0..65535
     */
    public Ssn {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("SSN out of range: " + value);
        }
    }

    /** {@return the next number, wrapping from 65535 to 0} */
    public Ssn next() {
        return new Ssn((value + 1) & 0xFFFF);
    }

    /**
     * {@return this number advanced by {@code delta} (which may be negative), wrapping}
     *
     * @param delta the distance to move
     */
    public Ssn plus(int delta) {
        return new Ssn((value + delta) & 0xFFFF);
    }

    /**
     * {@return whether this number comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isBefore(Ssn other) {
        return SerialArithmetic.lessThan16(value, other.value);
    }

    /**
     * {@return whether this number comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAfter(Ssn other) {
        return SerialArithmetic.lessThan16(other.value, value);
    }

    /**
     * {@return whether this number equals or comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrBefore(Ssn other) {
        return value == other.value || isBefore(other);
    }

    /**
     * {@return whether this number equals or comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrAfter(Ssn other) {
        return value == other.value || isAfter(other);
    }

    /**
     * {@return how far {@code other} lies after this number (negative when before), in -32768..32767}
     *
     * @param other the number to measure to
     */
    public int distanceTo(Ssn other) {
        return SerialArithmetic.distance16(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
