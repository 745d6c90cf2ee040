package org.jsctp.core.cc;

/**
 * Settings of a {@link RenoCongestionController}.
 *
 * <p>All sizes are bytes, counted the way the association counts its flight size (the sizes of
 * the DATA or I-DATA chunks in flight).
 *
 * @param mtu the path's MTU as RFC 9260 section 7 uses it in its formulas (4 * MTU and so on);
 *            the association passes later changes to {@link RenoCongestionController#onMtuChange}
 * @param initialCwnd the window before any data is sent; 0 selects the formula of RFC 9260
 *                    section 7.2.1, min(4 * MTU, max(2 * MTU, {@code initialWindowFloor}))
 * @param maxBurst Max.Burst, the most packets sent in one transmission opportunity (RFC 9260
 *                 sections 6.1 rule D and 16); 0 switches the limit off
 * @param slowStartIncreaseLimit L of RFC 9260 section 7.2.1: one SACK grows cwnd in slow start by
 *                               at most L * MTU; the RFC says L SHOULD be 1 and MAY be larger
 * @param initialWindowFloor the byte count inside the initial-window formula: 4404 in RFC 9260
 *                           section 7.2.1 (three packets of 1468 bytes, i.e. a 1500-byte MTU less
 *                           the IPv4 and SCTP common headers)
 */
public record RenoConfig(int mtu, long initialCwnd, int maxBurst, int slowStartIncreaseLimit, long initialWindowFloor) {

    /** Max.Burst of RFC 9260 section 16. */
    public static final int DEFAULT_MAX_BURST = 4;
    /** L of RFC 9260 section 7.2.1: SHOULD be 1. */
    public static final int DEFAULT_SLOW_START_INCREASE_LIMIT = 1;
    /** The byte count of the initial-window formula of RFC 9260 section 7.2.1. */
    public static final long DEFAULT_INITIAL_WINDOW_FLOOR = 4404;

    /**
     * Checks the ranges.
     *
     * @param mtu the path's MTU as RFC 9260 section 7 uses it in its formulas (4 * MTU and so on);
     *     the association passes later changes to {@link RenoCongestionController#onMtuChange}
     * @param initialCwnd the window before any data is sent; 0 selects the formula of RFC 9260
     *     section 7.2.1, min(4 * MTU, max(2 * MTU, {@code initialWindowFloor}))
     * @param maxBurst Max.Burst, the most packets sent in one transmission opportunity (RFC 9260
     *     sections 6.1 rule D and 16); 0 switches the limit off
     * @param slowStartIncreaseLimit L of RFC 9260 section 7.2.1: one SACK grows cwnd in slow start by
     *     at most L * MTU; the RFC says L SHOULD be 1 and MAY be larger
     * @param initialWindowFloor the byte count inside the initial-window formula: 4404 in RFC 9260
     *     section 7.2.1 (three packets of 1468 bytes, i.e. a 1500-byte MTU less
     *     the IPv4 and SCTP common headers)
     * @throws IllegalArgumentException if a component is out of range
     */
    public RenoConfig {
        if (mtu <= 0) {
            throw new IllegalArgumentException("mtu must be positive, got " + mtu);
        }
        if (initialCwnd < 0) {
            throw new IllegalArgumentException("initialCwnd must be 0 (RFC formula) or positive, got " + initialCwnd);
        }
        if (maxBurst < 0) {
            throw new IllegalArgumentException("maxBurst must be 0 (no limit) or positive, got " + maxBurst);
        }
        if (slowStartIncreaseLimit < 1) {
            throw new IllegalArgumentException("slowStartIncreaseLimit (L) must be at least 1, got " + slowStartIncreaseLimit);
        }
        if (initialWindowFloor <= 0) {
            throw new IllegalArgumentException("initialWindowFloor must be positive, got " + initialWindowFloor);
        }
    }

    /**
     * {@return the RFC 9260 defaults for a path with the given MTU}
     *
     * @param mtu the path MTU in bytes
     */
    public static RenoConfig defaults(int mtu) {
        return new RenoConfig(mtu, 0, DEFAULT_MAX_BURST, DEFAULT_SLOW_START_INCREASE_LIMIT, DEFAULT_INITIAL_WINDOW_FLOOR);
    }

    /**
     * {@return this configuration with a fixed initial window instead of the RFC formula (0 restores the formula)}
     *
     * @param bytes the initial cwnd in bytes, or 0
     */
    public RenoConfig withInitialCwnd(long bytes) {
        return new RenoConfig(mtu, bytes, maxBurst, slowStartIncreaseLimit, initialWindowFloor);
    }

    /**
     * {@return this configuration with another Max.Burst (0 switches the limit off)}
     *
     * @param packets Max.Burst in packets, or 0
     */
    public RenoConfig withMaxBurst(int packets) {
        return new RenoConfig(mtu, initialCwnd, packets, slowStartIncreaseLimit, initialWindowFloor);
    }

    /**
     * {@return this configuration with another slow-start limit L}
     *
     * @param l the limit L in MTUs (RFC 9260 section 7.2.1)
     */
    public RenoConfig withSlowStartIncreaseLimit(int l) {
        return new RenoConfig(mtu, initialCwnd, maxBurst, l, initialWindowFloor);
    }

    /**
     * {@return this configuration with another byte count in the initial-window formula}
     *
     * @param bytes the byte count, 4380 in RFC 9260 section 7.2.1
     */
    public RenoConfig withInitialWindowFloor(long bytes) {
        return new RenoConfig(mtu, initialCwnd, maxBurst, slowStartIncreaseLimit, bytes);
    }

    /**
     * {@return the window before any data is sent: the override if one is set, otherwise
     * min(4 * MTU, max(2 * MTU, initialWindowFloor)) (RFC 9260 section 7.2.1)}
     */
    public long initialWindow() {
        if (initialCwnd > 0) {
            return initialCwnd;
        }
        return Math.min(4L * mtu, Math.max(2L * mtu, initialWindowFloor));
    }
}
