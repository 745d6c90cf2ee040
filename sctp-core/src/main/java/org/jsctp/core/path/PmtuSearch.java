package org.jsctp.core.path;

/**
 * The search algorithm of RFC 8899 section 5.3.2: which size to probe next, between the largest
 * size confirmed and MAX_PLPMTU.
 *
 * <p>Ours has two phases. First it climbs a list of sizes common on real paths, each an SCTP
 * packet (UDP payload) that fits a well-known link MTU:
 * <pre>
 *   1280  1400  1452 (1500 less IPv6+UDP)  1472 (1500 less IPv4+UDP)  4000
 *   8952 (9000 less IPv6+UDP)  8972 (9000 less IPv4+UDP)  then MAX_PLPMTU
 * </pre>
 * skipping those not above the confirmed size or above MAX_PLPMTU. The first size that fails
 * (MAX_PROBES unanswered probes) ends the climb; then it halves the gap between the largest
 * size confirmed and the smallest that failed, until that gap is at most {@link #GRANULARITY}
 * bytes. The result is therefore never above the real path MTU (only confirmed sizes are
 * adopted) and, when the search completes, within {@link #GRANULARITY} bytes below it or equal
 * to MAX_PLPMTU. Every size is a multiple of 4, as SCTP packets are.
 */
public final class PmtuSearch {

    /** The binary refinement stops once the unknown band is at most this wide. */
    public static final int GRANULARITY = 16;

    private static final int[] STEPS = {1280, 1400, 1452, 1472, 4000, 8952, 8972};

    private final int max;
    private int confirmed;
    /** Smallest size known to fail, or 0 while climbing the steps. */
    private int failed;

    /**
     * A search above {@code confirmed}, up to {@code max}.
     *
     * @param confirmed the largest size already confirmed (the current PLPMTU)
     * @param max MAX_PLPMTU, a multiple of 4
     */
    public PmtuSearch(int confirmed, int max) {
        if (confirmed < PathConfig.MIN_MTU || max < confirmed || max % 4 != 0) {
            throw new IllegalArgumentException("need MIN_MTU <= confirmed <= max, max a multiple of 4: confirmed="
                    + confirmed + " max=" + max);
        }
        this.confirmed = confirmed;
        this.max = max;
    }

    /** {@return the next size to probe, or 0 when the search is complete} */
    public int next() {
        if (failed == 0) {
            for (int s : STEPS) {
                if (s > confirmed && s <= max) {
                    return s;
                }
            }
            return confirmed < max ? max : 0;
        }
        if (failed - confirmed <= GRANULARITY) {
            return 0;
        }
        int mid = (confirmed + (failed - confirmed) / 2) & ~3;
        return mid > confirmed ? mid : 0;
    }

    /**
     * A probe of {@code size} was acknowledged: the path carries it.
     *
     * @param size the probed size in bytes
     */
    public void succeeded(int size) {
        confirmed = Math.max(confirmed, size);
    }

    /**
     * MAX_PROBES probes of {@code size} went unanswered: take it as larger than the path allows.
     *
     * @param size the probed size in bytes
     */
    public void failed(int size) {
        if (size > confirmed && (failed == 0 || size < failed)) {
            failed = size;
        }
    }

    /** {@return the smallest size found unsupported, or 0 if none failed} */
    public int failed() {
        return failed;
    }

    /** {@return the largest size confirmed so far} */
    public int confirmed() {
        return confirmed;
    }
}
