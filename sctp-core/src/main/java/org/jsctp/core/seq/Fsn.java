package org.jsctp.core.seq;

/**
 * Fragment Sequence Number of I-DATA: a 32-bit serial number compared with RFC 1982 arithmetic (RFC 8260 section 2.1).
 *
 * <p>The value is kept as an {@code int} holding the unsigned number's bits; {@link #toString()}
 * and {@link #unsigned()} show it unsigned.
 *
 * @param value the 32-bit number's bits, unsigned in an {@code int}
 */
public record Fsn(int value) {

    /**
     * {@return the number with this unsigned value}
     *
     * @param unsigned 0..2^32-1
     * @throws IllegalArgumentException if it is out of range
     */
    public static Fsn of(long unsigned) {
        if (unsigned < 0 || unsigned > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Fsn out of range: " + unsigned);
        }
        return new Fsn((int) unsigned);
    }

    /** {@return the number as an unsigned value 0..2^32-1} */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    /** {@return the next number, wrapping from 2^32-1 to 0} */
    public Fsn next() {
        return new Fsn(value + 1);
    }

    /** {@return the previous number, wrapping from 0 to 2^32-1} */
    public Fsn previous() {
        return new Fsn(value - 1);
    }

    /**
     * {@return this number advanced by {@code delta} (which may be negative), wrapping}
     *
     * @param delta the distance to move
     */
    public Fsn plus(int delta) {
        return new Fsn(value + delta);
    }

    /**
     * {@return whether this number comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isBefore(Fsn other) {
        return SerialArithmetic.lessThan32(value, other.value);
    }

    /**
     * {@return whether this number comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAfter(Fsn other) {
        return SerialArithmetic.lessThan32(other.value, value);
    }

    /**
     * {@return whether this number equals or comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrBefore(Fsn other) {
        return value == other.value || isBefore(other);
    }

    /**
     * {@return whether this number equals or comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrAfter(Fsn other) {
        return value == other.value || isAfter(other);
    }

    /**
     * {@return how far {@code other} lies after this number (negative when before)}
     *
     * @param other the number to measure to
     */
    public int distanceTo(Fsn other) {
        return SerialArithmetic.distance32(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(value);
    }
}
