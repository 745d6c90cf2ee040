package org.jsctp.core.cc;

/**
 * How long a path has gone without DATA being sent to it, counted in whole RTOs (the unit of
 * RFC 9260 section 7.2.1's idle rule).
 *
 * <p>Each RTO of idleness is handed out once: {@link #takeIdleRtos} moves the reference point
 * forward by the periods it returns, so asking twice in the same idle stretch does not count the
 * same period twice. Before anything has been sent the path is not idle, it is new.
 */
final class IdleTracker {

    private boolean sentAny;
    private long referenceNanos;

    void onDataSent(long nowNanos) {
        sentAny = true;
        referenceNanos = nowNanos;
    }

    /** The whole RTOs elapsed since the last send (or since the last periods taken), consumed. */
    long takeIdleRtos(long nowNanos, long rtoNanos) {
        if (!sentAny) {
            return 0;
        }
        long idle = nowNanos - referenceNanos;
        if (idle < rtoNanos) {
            return 0; // includes a clock that did not move forward
        }
        long periods = idle / rtoNanos;
        referenceNanos += periods * rtoNanos; // periods * rtoNanos <= idle, no overflow
        return periods;
    }
}
