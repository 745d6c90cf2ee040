package org.jsctp.core.path;

/**
 * The constants of Datagram Packetization Layer Path MTU Discovery (RFC 8899 section 5.1) for one
 * association's paths. Sizes are SCTP packet sizes (the UDP payload of RFC 6951: IP and UDP
 * headers excluded); times are nanoseconds.
 *
 * @param enabled whether PLPMTUD runs; when false the path MTU is fixed (RFC 8899 DISABLED state,
 *     RFC 6458 section 8.1.12 SPP_PMTUD_DISABLE)
 * @param basePlpmtu BASE_PLPMTU (RFC 8899 section 5.1.4): the size confirmed first and fallen back
 *     to on a black hole; 1200 for SCTP (RFC 8899 section 6.2.1)
 * @param minPlpmtu MIN_PLPMTU: the size used in the ERROR state, when not even BASE_PLPMTU is
 *     confirmed; at most {@code basePlpmtu}
 * @param maxPlpmtu MAX_PLPMTU: the largest size probed; 0 means the association's {@code pathMtu}
 *     (the UDP transport caps it at the local interface MTU less the IP and UDP headers)
 * @param maxProbes MAX_PROBES (3): consecutive unacknowledged probes of one size before that size
 *     counts as unsupported
 * @param probeTimerNanos PROBE_TIMER: how long a probe waits for its acknowledgement; RFC 8899
 *     section 5.1.1 says at least 1 s and SHOULD be more than 15 s (default 15 s)
 * @param pmtuRaiseTimerNanos PMTU_RAISE_TIMER (600 s): how long SEARCH_COMPLETE waits before
 *     probing for a larger size again
 * @param confirmationTimerNanos CONFIRMATION_TIMER: how often SEARCH_COMPLETE confirms, while data
 *     flows, that the current PLPMTU still gets through (ours: 60 s); less than PMTU_RAISE_TIMER
 */
public record PmtuConfig(boolean enabled, int basePlpmtu, int minPlpmtu, int maxPlpmtu, int maxProbes,
                         long probeTimerNanos, long pmtuRaiseTimerNanos, long confirmationTimerNanos) {

    private static final long S = 1_000_000_000L;

    /** RFC 8899 section 6.2.1: BASE_PLPMTU for SCTP is 1200 bytes. */
    public static final int DEFAULT_BASE_PLPMTU = 1200;
    /** RFC 8899 section 5.1.2: MAX_PROBES default 3. */
    public static final int DEFAULT_MAX_PROBES = 3;
    /** RFC 8899 section 5.1.1: PROBE_TIMER SHOULD be larger than 15 s; we use 15 s. */
    public static final long DEFAULT_PROBE_TIMER_NANOS = 15 * S;
    /** RFC 8899 section 5.1.1: PMTU_RAISE_TIMER 600 s. */
    public static final long DEFAULT_PMTU_RAISE_TIMER_NANOS = 600 * S;
    /** Our CONFIRMATION_TIMER (RFC 8899 section 5.1.1 leaves the value open). */
    public static final long DEFAULT_CONFIRMATION_TIMER_NANOS = 60 * S;
    /** RFC 8899 section 5.1.1: the PROBE_TIMER MUST NOT be smaller than 1 second. */
    public static final long MIN_PROBE_TIMER_NANOS = S;

    /**
     * Checks the ranges.
     *
     * @param enabled whether PLPMTUD runs; when false the path MTU is fixed (RFC 8899 DISABLED state,
     *     RFC 6458 section 8.1.12 SPP_PMTUD_DISABLE)
     * @param basePlpmtu BASE_PLPMTU (RFC 8899 section 5.1.4): the size confirmed first and fallen back
     *     to on a black hole; 1200 for SCTP (RFC 8899 section 6.2.1)
     * @param minPlpmtu MIN_PLPMTU: the size used in the ERROR state, when not even BASE_PLPMTU is
     *     confirmed; at most {@code basePlpmtu}
     * @param maxPlpmtu MAX_PLPMTU: the largest size probed; 0 means the association's {@code pathMtu}
     *     (the UDP transport caps it at the local interface MTU less the IP and UDP headers)
     * @param maxProbes MAX_PROBES (3): consecutive unacknowledged probes of one size before that size
     *     counts as unsupported
     * @param probeTimerNanos PROBE_TIMER: how long a probe waits for its acknowledgement; RFC 8899
     *     section 5.1.1 says at least 1 s and SHOULD be more than 15 s (default 15 s)
     * @param pmtuRaiseTimerNanos PMTU_RAISE_TIMER (600 s): how long SEARCH_COMPLETE waits before
     *     probing for a larger size again
     * @param confirmationTimerNanos CONFIRMATION_TIMER: how often SEARCH_COMPLETE confirms, while data
     *     flows, that the current PLPMTU still gets through (ours: 60 s); less than PMTU_RAISE_TIMER
     * @throws IllegalArgumentException if a component is out of range
     */
    public PmtuConfig {
        if (minPlpmtu < PathConfig.MIN_MTU || minPlpmtu > basePlpmtu) {
            throw new IllegalArgumentException("need " + PathConfig.MIN_MTU + " <= MIN_PLPMTU <= BASE_PLPMTU, got min="
                    + minPlpmtu + " base=" + basePlpmtu);
        }
        if (basePlpmtu > PathConfig.MAX_MTU || basePlpmtu % 4 != 0 || minPlpmtu % 4 != 0) {
            throw new IllegalArgumentException("BASE_PLPMTU and MIN_PLPMTU must be multiples of 4 up to "
                    + PathConfig.MAX_MTU + ": base=" + basePlpmtu + " min=" + minPlpmtu);
        }
        if (maxPlpmtu != 0 && (maxPlpmtu < basePlpmtu || maxPlpmtu > PathConfig.MAX_MTU)) {
            throw new IllegalArgumentException("MAX_PLPMTU must be 0 (the path MTU) or in BASE_PLPMTU.."
                    + PathConfig.MAX_MTU + ": " + maxPlpmtu);
        }
        if (maxProbes < 1 || maxProbes > 100) {
            throw new IllegalArgumentException("MAX_PROBES must be in 1..100: " + maxProbes);
        }
        if (probeTimerNanos < MIN_PROBE_TIMER_NANOS) {
            throw new IllegalArgumentException("RFC 8899 section 5.1.1: PROBE_TIMER must be at least 1 s: "
                    + probeTimerNanos);
        }
        if (confirmationTimerNanos <= 0 || pmtuRaiseTimerNanos <= 0) {
            throw new IllegalArgumentException("PMTU_RAISE_TIMER and CONFIRMATION_TIMER must be positive");
        }
    }

    /** {@return PLPMTUD on with the RFC 8899 defaults, probing up to the association's path MTU} */
    public static PmtuConfig defaults() {
        return new PmtuConfig(true, DEFAULT_BASE_PLPMTU, DEFAULT_BASE_PLPMTU, 0, DEFAULT_MAX_PROBES,
                DEFAULT_PROBE_TIMER_NANOS, DEFAULT_PMTU_RAISE_TIMER_NANOS, DEFAULT_CONFIRMATION_TIMER_NANOS);
    }

    /** {@return PLPMTUD off: the path MTU stays what it is configured to be} */
    public static PmtuConfig disabled() {
        return defaults().withEnabled(false);
    }

    /**
     * {@return a copy with {@link #enabled()} set to {@code value}}
     *
     * @param value the new enabled
     */
    public PmtuConfig withEnabled(boolean value) {
        return new PmtuConfig(value, basePlpmtu, minPlpmtu, maxPlpmtu, maxProbes, probeTimerNanos,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #basePlpmtu()} set to {@code value}}
     *
     * @param value the new basePlpmtu
     */
    public PmtuConfig withBasePlpmtu(int value) {
        return new PmtuConfig(enabled, value, Math.min(minPlpmtu, value), maxPlpmtu, maxProbes, probeTimerNanos,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #minPlpmtu()} set to {@code value}}
     *
     * @param value the new minPlpmtu
     */
    public PmtuConfig withMinPlpmtu(int value) {
        return new PmtuConfig(enabled, basePlpmtu, value, maxPlpmtu, maxProbes, probeTimerNanos,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #maxPlpmtu()} set to {@code value}}
     *
     * @param value the new maxPlpmtu
     */
    public PmtuConfig withMaxPlpmtu(int value) {
        return new PmtuConfig(enabled, basePlpmtu, minPlpmtu, value, maxProbes, probeTimerNanos,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #maxProbes()} set to {@code value}}
     *
     * @param value the new maxProbes
     */
    public PmtuConfig withMaxProbes(int value) {
        return new PmtuConfig(enabled, basePlpmtu, minPlpmtu, maxPlpmtu, value, probeTimerNanos,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #probeTimerNanos()} set to {@code value}}
     *
     * @param value the new probeTimerNanos
     */
    public PmtuConfig withProbeTimerNanos(long value) {
        return new PmtuConfig(enabled, basePlpmtu, minPlpmtu, maxPlpmtu, maxProbes, value,
                pmtuRaiseTimerNanos, confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #pmtuRaiseTimerNanos()} set to {@code value}}
     *
     * @param value the new pmtuRaiseTimerNanos
     */
    public PmtuConfig withPmtuRaiseTimerNanos(long value) {
        return new PmtuConfig(enabled, basePlpmtu, minPlpmtu, maxPlpmtu, maxProbes, probeTimerNanos, value,
                confirmationTimerNanos);
    }

    /**
     * {@return a copy with {@link #confirmationTimerNanos()} set to {@code value}}
     *
     * @param value the new confirmationTimerNanos
     */
    public PmtuConfig withConfirmationTimerNanos(long value) {
        return new PmtuConfig(enabled, basePlpmtu, minPlpmtu, maxPlpmtu, maxProbes, probeTimerNanos,
                pmtuRaiseTimerNanos, value);
    }

    /**
     * {@return MAX_PLPMTU for a path whose configured MTU is {@code pathMtu}: {@link #maxPlpmtu()}, or
     * {@code pathMtu} when that is 0, rounded down to a multiple of 4 (SCTP packets are) and never
     * below BASE_PLPMTU}
     *
     * @param pathMtu the configured path MTU, or 0
     */
    public int effectiveMax(int pathMtu) {
        int max = maxPlpmtu == 0 ? pathMtu : maxPlpmtu;
        return Math.max(basePlpmtu, max & ~3);
    }
}
