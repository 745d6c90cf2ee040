package org.jsctp.core.seq;

/**
 * Transmission Sequence Number: a 32-bit serial number compared with RFC 1982 arithmetic (RFC 9260 section 1.6).
 *
 * <p>The value is kept as an {@code int} holding the unsigned number's bits; {@link #toString()}
 * and {@link #unsigned()} show it unsigned.
 */
public record Tsn(int value) {

    public static Tsn of(long unsigned) {
        if (unsigned < 0 || unsigned > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Tsn out of range: " + unsigned);
        }
        return new Tsn((int) unsigned);
    }

    /** The number as an unsigned value 0..2^32-1. */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    /** The next number, wrapping from 2^32-1 to 0. */
    public Tsn next() {
        return new Tsn(value + 1);
    }

    /** The previous number, wrapping from 0 to 2^32-1. */
    public Tsn previous() {
        return new Tsn(value - 1);
    }

    /** This number advanced by {@code delta} (which may be negative), wrapping. */
    public Tsn plus(int delta) {
        return new Tsn(value + delta);
    }

    public boolean isBefore(Tsn other) {
        return SerialArithmetic.lessThan32(value, other.value);
    }

    public boolean isAfter(Tsn other) {
        return SerialArithmetic.lessThan32(other.value, value);
    }

    public boolean isAtOrBefore(Tsn other) {
        return value == other.value || isBefore(other);
    }

    public boolean isAtOrAfter(Tsn other) {
        return value == other.value || isAfter(other);
    }

    /** How far {@code other} lies after this number (negative when before). */
    public int distanceTo(Tsn other) {
        return SerialArithmetic.distance32(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(value);
    }
}
