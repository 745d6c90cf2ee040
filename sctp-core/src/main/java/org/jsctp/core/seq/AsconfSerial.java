package org.jsctp.core.seq;

/**
 * The Serial Number of an ASCONF chunk and of the ASCONF-ACK that answers it (RFC 5061 section
 * 4.1.1): 32 bits that wrap from 2^32-1 to 0, compared with RFC 1982 serial arithmetic.
 *
 * <p>The sender starts at its Initial TSN (RFC 5061 section 5.1 rule A2); the receiver's
 * Peer-Serial-Number starts at the peer's Initial TSN minus 1 (section 5.2 rule C1).
 *
 * @param value the unsigned number's 32 bits
 */
public record AsconfSerial(int value) {

    /**
     * {@return the serial number that starts where a TSN does (RFC 5061 section 5.1 rule A2)}
     *
     * @param initialTsn our Initial TSN
     */
    public static AsconfSerial of(Tsn initialTsn) {
        return new AsconfSerial(initialTsn.value());
    }

    /** {@return the next number, wrapping from 2^32-1 to 0} */
    public AsconfSerial next() {
        return new AsconfSerial(value + 1);
    }

    /** {@return the previous number, wrapping from 0 to 2^32-1} */
    public AsconfSerial previous() {
        return new AsconfSerial(value - 1);
    }

    /**
     * {@return whether this number comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isBefore(AsconfSerial other) {
        return SerialArithmetic.lessThan32(value, other.value);
    }

    /**
     * {@return whether this number comes after {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAfter(AsconfSerial other) {
        return SerialArithmetic.lessThan32(other.value, value);
    }

    /**
     * {@return whether this number equals or comes before {@code other} in serial number arithmetic (RFC 1982)}
     *
     * @param other the number to compare with
     */
    public boolean isAtOrBefore(AsconfSerial other) {
        return value == other.value || isBefore(other);
    }

    /** {@return the number as an unsigned value 0..2^32-1} */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(value);
    }
}
