package org.jsctp.core.rx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The chunks held during "deferred reset processing" (RFC 6525 section 5.2.2 E2): DATA or I-DATA
 * of streams the peer asked to reset, with TSNs beyond the request's Sender's Last Assigned TSN,
 * which arrived before our cumulative TSN reached it. They belong after the reset (their SSNs or
 * MIDs count from 0 again), so they are kept here, acknowledged, and handed to reassembly in TSN
 * order once the streams are reset (E4).
 *
 * <p>Bounded: each chunk is charged its user data plus {@link ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
 * (as reassembly charges its entries) and the total stays within {@code maxChargedBytes}; a chunk
 * that does not fit is refused and the caller leaves it unacknowledged, so the peer sends it again
 * after the reset. TSNs are unwrapped to 64 bits by the caller's data tracker, so the order is
 * wrap-safe (RFC 1982).
 *
 * @param <C> the chunk type (DATA or I-DATA)
 */
public final class DeferredResetQueue<C> {

    /**
     * A held chunk and its unwrapped TSN.
     *
     * @param unwrappedTsn the chunk's TSN on the 64-bit number line
     * @param chunk the chunk
     * @param <C> the chunk type (DATA or I-DATA)
     */
    public record Held<C>(long unwrappedTsn, C chunk) {
    }

    private final TreeMap<Long, C> byTsn = new TreeMap<>();
    private final ToIntFunction<C> userDataLength;
    private final long maxChargedBytes;
    private long dataBytes;

    /**
     * An empty queue.
     *
     * @param maxChargedBytes the bound on user data plus per-chunk overhead held
     * @param userDataLength a chunk's user-data bytes
     */
    public DeferredResetQueue(long maxChargedBytes, ToIntFunction<C> userDataLength) {
        if (maxChargedBytes < 0) {
            throw new IllegalArgumentException("negative bound: " + maxChargedBytes);
        }
        this.maxChargedBytes = maxChargedBytes;
        this.userDataLength = userDataLength;
    }

    /**
     * Keeps a chunk when it fits the bound. The caller's data tracker has classified the TSN as
     * new, so a TSN is offered once; a second offer of a held TSN is refused and changes nothing.
     *
     * @param unwrappedTsn the chunk's TSN on the 64-bit number line
     * @param chunk the chunk
     * @return whether it is held (else the caller must not acknowledge it)
     */
    public boolean offer(long unwrappedTsn, C chunk) {
        int length = userDataLength.applyAsInt(chunk);
        if (byTsn.containsKey(unwrappedTsn) || !fits(length)) {
            return false;
        }
        byTsn.put(unwrappedTsn, chunk);
        dataBytes += length;
        return true;
    }

    /**
     * Whether one more chunk stays within the bound.
     *
     * @param length the chunk's user-data bytes
     * @return whether it fits
     */
    public boolean fits(int length) {
        return chargedBytes() + length + ReassemblyQueue.ENTRY_OVERHEAD_BYTES <= maxChargedBytes;
    }

    /** {@return the held chunks in TSN order, removed from the queue} */
    public List<Held<C>> drain() {
        List<Held<C>> out = new ArrayList<>(byTsn.size());
        for (Map.Entry<Long, C> e : byTsn.entrySet()) {
            out.add(new Held<>(e.getKey(), e.getValue()));
        }
        clear();
        return out;
    }

    /** Drops everything held (the association ends, restarts or resets its TSNs). */
    public void clear() {
        byTsn.clear();
        dataBytes = 0;
    }

    /** {@return the user-data bytes held: they count against the receive window (RFC 9260 section 6.2)} */
    public long dataBytes() {
        return dataBytes;
    }

    /** {@return the user data plus per-chunk overhead held: what counts against the bound} */
    public long chargedBytes() {
        return dataBytes + (long) byTsn.size() * ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
    }

    /** {@return the number of chunks held} */
    public int size() {
        return byTsn.size();
    }

    /** {@return whether nothing is held} */
    public boolean isEmpty() {
        return byTsn.isEmpty();
    }

    /**
     * Whether a chunk with this TSN is held.
     *
     * @param unwrappedTsn the TSN on the 64-bit number line
     * @return whether it is held
     */
    public boolean contains(long unwrappedTsn) {
        return byTsn.containsKey(unwrappedTsn);
    }

    /** Throws IllegalStateException if the byte count does not match the chunks held; for tests. */
    public void checkInvariants() {
        long sum = 0;
        for (C c : byTsn.values()) {
            sum += userDataLength.applyAsInt(c);
        }
        if (sum != dataBytes || chargedBytes() > maxChargedBytes) {
            throw new IllegalStateException("deferred-reset queue holds " + sum + " B, counts " + dataBytes
                    + " B, bound " + maxChargedBytes);
        }
    }
}
