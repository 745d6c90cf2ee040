package org.jsctp.core.seq;

/**
 * Turns a stream of wrapping 32-bit serial numbers into a monotonic 64-bit number line.
 *
 * <p>Each value is placed at the 64-bit position nearest the last one seen, so values within
 * 2^31 of each other keep their order across the wrap and can be compared, subtracted and used
 * as keys without serial arithmetic.
 */
public final class SerialUnwrapper {

    private long last;

    /**
     * Starts the number line at {@code initial}, which unwraps to its unsigned value.
     *
     * @param initial the first 32-bit value
     */
    public SerialUnwrapper(int initial) {
        this.last = Integer.toUnsignedLong(initial);
    }

    /**
     * {@return the 64-bit position of {@code value}, nearest the last value unwrapped; remembers it}
     *
     * @param value a 32-bit value near the last one
     */
    public long unwrap(int value) {
        last = peek(value);
        return last;
    }

    /**
     * {@return the 64-bit position of {@code value} without remembering it}
     *
     * @param value a 32-bit value near the last one
     */
    public long peek(int value) {
        int delta = value - (int) last;
        return last + delta;
    }
}
