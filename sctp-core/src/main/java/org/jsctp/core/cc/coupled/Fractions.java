package org.jsctp.core.cc.coupled;

/**
 * The integer arithmetic the coupled rules share: shares of a whole, products that may need more
 * than 63 bits, all in {@code long} and without division by zero.
 */
final class Fractions {

    private Fractions() {
    }

    /**
     * {@return ceil(amount * part / whole): the share {@code part / whole} of {@code amount},
     * rounded up; {@code amount} itself when {@code whole} is not positive (nothing to share with)}
     * Exact while amount * whole fits 62 bits; beyond that part and whole lose low bits together,
     * which keeps their ratio to better than one part in 2^30 for the amounts used here (a few MTUs).
     *
     * @param amount the non-negative quantity to share
     * @param part the non-negative part, at most {@code whole} (larger values count as {@code whole})
     * @param whole the whole
     */
    static long ceilShare(long amount, long part, long whole) {
        if (whole <= 0) {
            return amount;
        }
        if (amount <= 0 || part <= 0) {
            return 0;
        }
        part = Math.min(part, whole);
        long limit = (Long.MAX_VALUE >> 1) / amount;
        while (whole > 1 && whole > limit) {
            whole >>= 1;
            part >>= 1;
        }
        return (amount * part + whole - 1) / whole;
    }

    /**
     * {@return floor(a * b / c) for non-negative a and b and positive c; exact while a * b fits 63
     * bits, beyond that the larger factor and c lose low bits together; Long.MAX_VALUE if c would
     * lose all of them}
     *
     * @param a a non-negative factor
     * @param b a non-negative factor
     * @param c the positive divisor
     */
    static long mulDiv(long a, long b, long c) {
        if (c <= 0) {
            throw new IllegalArgumentException("divisor must be positive, got " + c);
        }
        while (Math.multiplyHigh(a, b) != 0 || a * b < 0) {
            if (c == 1) {
                return Long.MAX_VALUE;
            }
            if (a > b) {
                a >>= 1;
            } else {
                b >>= 1;
            }
            c >>= 1;
        }
        return a * b / c;
    }

    /**
     * {@return the sign of a * b - c * d, computed exactly in 128 bits, for non-negative factors}
     *
     * @param a a non-negative factor of the first product
     * @param b a non-negative factor of the first product
     * @param c a non-negative factor of the second product
     * @param d a non-negative factor of the second product
     */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /**
     * {@return a + b for non-negative a and b, Long.MAX_VALUE where that would overflow}
     *
     * @param a a non-negative term
     * @param b a non-negative term
     */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
