package org.jsctp.core.rx;

/**
 * The memory budget of a reassembly queue: user-data bytes held plus a fixed charge per held
 * entry (a fragment waiting for its message, a complete message waiting for its turn or held
 * back behind a partial delivery, or a message or piece waiting to be polled).
 *
 * <p>The per-entry charge stands for the objects and table slots an entry costs besides its user
 * data, so a flood of tiny (even empty) fragments exhausts the budget after
 * {@code maxBytes / ENTRY_OVERHEAD_BYTES} entries instead of growing memory without limit.
 */
final class ReassemblyBudget {

    /** What one held entry is charged on top of its user data. */
    static final int ENTRY_OVERHEAD_BYTES = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
    /** Largest budget: a reassembled message must fit one Java array. */
    static final long MAX_BUDGET_BYTES = Integer.MAX_VALUE - 8;

    private final long maxBytes;
    /** What the exceptions to the bound may reach (see {@link ReassemblyQueue}): twice the bound. */
    private final long hardLimit;
    private long dataBytes;
    private long entries;
    /** Charge set aside for chunks held outside the queue that it will take later (RFC 6525 section 5.2.2 E2). */
    private long reserved;

    ReassemblyBudget(long maxBytes) {
        if (maxBytes < ENTRY_OVERHEAD_BYTES + 1 || maxBytes > MAX_BUDGET_BYTES) {
            throw new IllegalArgumentException("maxBufferedBytes must be in " + (ENTRY_OVERHEAD_BYTES + 1) + ".."
                    + MAX_BUDGET_BYTES + ": " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.hardLimit = Math.min(2 * maxBytes, MAX_BUDGET_BYTES);
    }

    /** Whether one more entry of {@code length} data bytes fits. */
    boolean fits(int length) {
        return charged() + length + ENTRY_OVERHEAD_BYTES <= maxBytes;
    }

    /** Whether one more entry of {@code length} data bytes stays within the hard limit. */
    boolean fitsHardLimit(int length) {
        return charged() + length + ENTRY_OVERHEAD_BYTES <= hardLimit;
    }

    void addEntry(int length) {
        dataBytes += length;
        entries++;
    }

    void removeEntry(int length) {
        dataBytes -= length;
        entries--;
        if (dataBytes < 0 || entries < 0) {
            throw new IllegalStateException("budget below zero: " + this);
        }
    }

    /** Releases {@code count} entries holding {@code length} data bytes in all. */
    void removeEntries(long count, long length) {
        dataBytes -= length;
        entries -= count;
        if (dataBytes < 0 || entries < 0) {
            throw new IllegalStateException("budget below zero: " + this);
        }
    }

    /** User-data bytes held. */
    long dataBytes() {
        return dataBytes;
    }

    /** Entries held. */
    long entries() {
        return entries;
    }

    /** Data bytes plus the per-entry charge, plus what is reserved: what counts against the bound. */
    long charged() {
        return dataBytes + entries * ENTRY_OVERHEAD_BYTES + reserved;
    }

    /** Sets the charge reserved for chunks the queue will take later (never negative). */
    void setReserved(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative reservation: " + bytes);
        }
        reserved = bytes;
    }

    long reserved() {
        return reserved;
    }

    long maxBytes() {
        return maxBytes;
    }

    long hardLimit() {
        return hardLimit;
    }

    @Override
    public String toString() {
        return "budget[" + dataBytes + " B in " + entries + " entries, " + reserved + " B reserved, max " + maxBytes + "]";
    }
}
