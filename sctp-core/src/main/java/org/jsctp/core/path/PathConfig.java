package org.jsctp.core.path;

import org.jsctp.core.tx.RtoEstimator;

/**
 * The per-path protocol parameters of RFC 9260 section 16 and the bounds of one {@link Path}.
 * Times are nanoseconds, sizes bytes. The association builds one from its own configuration.
 *
 * @param rtoInitialNanos RTO.Initial (1 s)
 * @param rtoMinNanos RTO.Min (1 s)
 * @param rtoMaxNanos RTO.Max (60 s)
 * @param pathMaxRetransmits Path.Max.Retrans (5): the path becomes inactive when its error counter exceeds this
 * @param heartbeatIntervalNanos HB.interval (30 s); 0 heartbeats an idle path once per RTO (with jitter)
 * @param mtu the largest SCTP packet sent on the path, until path MTU discovery changes it
 * @param rememberedHeartbeats how many unacknowledged heartbeats (nonces) the path remembers, 1..64
 */
public record PathConfig(long rtoInitialNanos, long rtoMinNanos, long rtoMaxNanos, int pathMaxRetransmits,
                         long heartbeatIntervalNanos, int mtu, int rememberedHeartbeats) {

    /** Smallest MTU accepted: a sanity floor; the association enforces its own configured minimum. */
    public static final int MIN_MTU = 512;
    /** Largest MTU accepted: the largest UDP payload. */
    public static final int MAX_MTU = 65535;
    /** RFC 9260 section 16: Path.Max.Retrans is 5. */
    public static final int DEFAULT_PATH_MAX_RETRANSMITS = 5;
    /** RFC 9260 section 16: HB.interval is 30 seconds. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_NANOS = 30_000_000_000L;
    /** A 1500-byte Ethernet MTU less IPv6 (40) and UDP (8) headers. */
    public static final int DEFAULT_MTU = 1452;
    /** Unacknowledged heartbeats remembered by default. */
    public static final int DEFAULT_REMEMBERED_HEARTBEATS = 4;

    /**
     * Checks the ranges.
     *
     * @param rtoInitialNanos RTO.Initial (1 s)
     * @param rtoMinNanos RTO.Min (1 s)
     * @param rtoMaxNanos RTO.Max (60 s)
     * @param pathMaxRetransmits Path.Max.Retrans (5): the path becomes inactive when its error counter exceeds this
     * @param heartbeatIntervalNanos HB.interval (30 s); 0 heartbeats an idle path once per RTO (with jitter)
     * @param mtu the largest SCTP packet sent on the path, until path MTU discovery changes it
     * @param rememberedHeartbeats how many unacknowledged heartbeats (nonces) the path remembers, 1..64
     * @throws IllegalArgumentException if a component is out of range
     */
    public PathConfig {
        if (rtoMinNanos <= 0 || rtoMinNanos > rtoInitialNanos || rtoInitialNanos > rtoMaxNanos) {
            throw new IllegalArgumentException("need 0 < RTO.Min <= RTO.Initial <= RTO.Max, got initial="
                    + rtoInitialNanos + " min=" + rtoMinNanos + " max=" + rtoMaxNanos);
        }
        if (pathMaxRetransmits < 0 || pathMaxRetransmits > 1000) {
            throw new IllegalArgumentException("pathMaxRetransmits must be in 0..1000: " + pathMaxRetransmits);
        }
        if (heartbeatIntervalNanos < 0) {
            throw new IllegalArgumentException("heartbeatIntervalNanos must not be negative: " + heartbeatIntervalNanos);
        }
        checkMtu(mtu);
        if (rememberedHeartbeats < 1 || rememberedHeartbeats > SentHeartbeats.MAX_CAPACITY) {
            throw new IllegalArgumentException("rememberedHeartbeats must be in 1.." + SentHeartbeats.MAX_CAPACITY
                    + ": " + rememberedHeartbeats);
        }
    }

    /** {@return the RFC 9260 section 16 values, a 1452-byte MTU and 4 remembered heartbeats} */
    public static PathConfig defaults() {
        return new PathConfig(RtoEstimator.DEFAULT_INITIAL_NANOS, RtoEstimator.DEFAULT_MIN_NANOS,
                RtoEstimator.DEFAULT_MAX_NANOS, DEFAULT_PATH_MAX_RETRANSMITS, DEFAULT_HEARTBEAT_INTERVAL_NANOS,
                DEFAULT_MTU, DEFAULT_REMEMBERED_HEARTBEATS);
    }

    static void checkMtu(int mtu) {
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("mtu must be in " + MIN_MTU + ".." + MAX_MTU + ": " + mtu);
        }
    }
}
