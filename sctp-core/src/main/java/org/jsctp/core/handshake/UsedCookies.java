package org.jsctp.core.handshake;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The verification-tag pairs of the State Cookies this endpoint has already turned into (or
 * applied to) an association, remembered until those cookies can no longer be valid anyway: a
 * TIME-WAIT-like memory that makes every cookie single-use.
 *
 * <p>RFC 9260 section 5.1.5 accepts a valid COOKIE ECHO whenever no association exists, so
 * without this memory a COOKIE ECHO repeated within its cookie's life after the association
 * ended (aborted, shut down, its ABORT lost) would re-create the association with the old tags
 * and initial TSNs, and stale packets of the old incarnation would be taken as the new one's.
 * Section 5.1.3 leaves how a cookie is checked to the implementation; refusing a second use is
 * such a check.
 *
 * <p>Memory is bounded: an entry is dropped once its cookie has expired (its creation time plus
 * the longest life span any cookie may have), and when {@code capacity} entries are held the
 * oldest goes first, so a peer that churns through more associations than that within one cookie
 * life can make the oldest cookie usable again (docs/SECURITY.md, known limits).
 */
public final class UsedCookies {

    private record Entry(long key, long expiresAtNanos) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> byAge = new ArrayDeque<>();
    private final Map<Long, Long> expiry = new HashMap<>();

    /**
     * An empty record.
     *
     * @param capacity how many tag pairs are held at most (at least 1)
     */
    public UsedCookies(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Notes that the cookie naming {@code localTag} and {@code peerTag} was used; it stays used until {@code expiresAtNanos}.
     *
     * @param localTag the cookie's local Verification Tag
     * @param peerTag the cookie's peer Verification Tag
     * @param expiresAtNanos when the cookie expires
     * @param nowNanos the current time
     */
    public void remember(int localTag, int peerTag, long expiresAtNanos, long nowNanos) {
        forgetExpired(nowNanos);
        long key = key(localTag, peerTag);
        Long previous = expiry.put(key, expiresAtNanos);
        if (previous != null) {
            expiry.put(key, Math.max(previous, expiresAtNanos)); // stays in the queue under its first entry
            return;
        }
        byAge.addLast(new Entry(key, expiresAtNanos));
        while (byAge.size() > capacity) {
            expiry.remove(byAge.removeFirst().key());
        }
    }

    /**
     * {@return whether a cookie naming these tags was used and could still be valid at {@code nowNanos}}
     *
     * @param localTag the cookie's local Verification Tag
     * @param peerTag the cookie's peer Verification Tag
     * @param nowNanos the current time
     */
    public boolean wasUsed(int localTag, int peerTag, long nowNanos) {
        Long until = expiry.get(key(localTag, peerTag));
        return until != null && nowNanos - until <= 0;
    }

    /** {@return how many tag pairs are held now} */
    public int size() {
        return expiry.size();
    }

    private void forgetExpired(long nowNanos) {
        for (Entry e; (e = byAge.peekFirst()) != null; ) {
            Long until = expiry.get(e.key());
            if (until == null || nowNanos - until > 0) {
                byAge.removeFirst();
                expiry.remove(e.key());
            } else {
                break; // entries are in the order they were used; later ones do not expire sooner by much
            }
        }
    }

    private static long key(int localTag, int peerTag) {
        return ((long) localTag << 32) | (peerTag & 0xFFFF_FFFFL);
    }
}
