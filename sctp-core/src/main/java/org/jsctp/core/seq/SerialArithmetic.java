package org.jsctp.core.seq;

/**
 * Serial number comparison of RFC 1982 for the 32- and 16-bit sequence numbers of SCTP.
 *
 * <p>Two numbers exactly half the number space apart are neither before nor after each other
 * (RFC 1982 section 3.2 leaves that comparison undefined); callers keep their windows far below
 * that distance.
 */
public final class SerialArithmetic {

    private SerialArithmetic() {
    }

    /**
     * {@return whether {@code a} precedes {@code b} in 32-bit serial arithmetic}
     *
     * @param a a 32-bit serial number
     * @param b another
     */
    public static boolean lessThan32(int a, int b) {
        int d = b - a;
        return d > 0;
    }

    /**
     * {@return whether {@code a} precedes {@code b} in 16-bit serial arithmetic; both in 0..65535}
     *
     * @param a a 16-bit serial number
     * @param b another
     */
    public static boolean lessThan16(int a, int b) {
        int d = (b - a) & 0xFFFF;
        return d != 0 && d < 0x8000;
    }

    /**
     * {@return signed distance from {@code a} to {@code b} in 32-bit serial space (positive when b is after a)}
     *
     * @param a a 32-bit serial number
     * @param b another
     */
    public static int distance32(int a, int b) {
        return b - a;
    }

    /**
     * {@return signed distance from {@code a} to {@code b} in 16-bit serial space, in -32768..32767}
     *
     * @param a a 16-bit serial number
     * @param b another
     */
    public static int distance16(int a, int b) {
        return (short) (b - a);
    }
}
