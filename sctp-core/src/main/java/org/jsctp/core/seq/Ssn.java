package org.jsctp.core.seq;

/**
 * Stream Sequence Number: a 16-bit serial number compared with RFC 1982 arithmetic
 * (RFC 9260 section 1.6 and 6.5).
 */
public record Ssn(int value) {

    public Ssn {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("SSN out of range: " + value);
        }
    }

    /** The next number, wrapping from 65535 to 0. */
    public Ssn next() {
        return new Ssn((value + 1) & 0xFFFF);
    }

    /** This number advanced by {@code delta} (which may be negative), wrapping. */
    public Ssn plus(int delta) {
        return new Ssn((value + delta) & 0xFFFF);
    }

    public boolean isBefore(Ssn other) {
        return SerialArithmetic.lessThan16(value, other.value);
    }

    public boolean isAfter(Ssn other) {
        return SerialArithmetic.lessThan16(other.value, value);
    }

    public boolean isAtOrBefore(Ssn other) {
        return value == other.value || isBefore(other);
    }

    public boolean isAtOrAfter(Ssn other) {
        return value == other.value || isAfter(other);
    }

    /** How far {@code other} lies after this number (negative when before), in -32768..32767. */
    public int distanceTo(Ssn other) {
        return SerialArithmetic.distance16(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
