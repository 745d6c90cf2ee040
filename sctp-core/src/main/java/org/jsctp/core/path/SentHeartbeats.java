package org.jsctp.core.path;

/**
 * The last few heartbeats sent on one path that have not been acknowledged: each one's nonce and
 * send time, in a fixed ring.
 *
 * <p>The ring is bounded by its capacity: recording a heartbeat when it is full forgets the
 * oldest one, whose acknowledgement is then ignored like any unknown nonce (its RTO ran out long
 * ago and it was counted as unanswered). The peer cannot grow it: only our own sends add to it.
 * An acknowledged entry is removed, so a replayed acknowledgement matches nothing.
 */
final class SentHeartbeats {

    /** What {@link #take} found. */
    enum Match {
        /** No remembered heartbeat has this nonce and send time. */
        NOT_FOUND,
        /** An older heartbeat matched and is forgotten. */
        FOUND,
        /** The heartbeat recorded last matched and is forgotten. */
        FOUND_NEWEST
    }

    /** Largest capacity accepted: matching is a linear scan. */
    static final int MAX_CAPACITY = 64;

    private final long[] nonces;
    private final long[] sentAt;
    private final boolean[] used;
    private int next;
    private int count;
    private int newest = -1;

    SentHeartbeats(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("remembered heartbeats must be in 1.." + MAX_CAPACITY + ": " + capacity);
        }
        this.nonces = new long[capacity];
        this.sentAt = new long[capacity];
        this.used = new boolean[capacity];
    }

    /** Remembers a heartbeat just sent, forgetting the oldest one if the ring is full. */
    void record(long nonce, long sentAtNanos) {
        if (!used[next]) {
            count++;
        }
        nonces[next] = nonce;
        sentAt[next] = sentAtNanos;
        used[next] = true;
        newest = next;
        next = (next + 1) % nonces.length;
    }

    /**
     * Finds and forgets the heartbeat with this nonce and send time.
     *
     * @return whether one matched, and whether it was the one recorded last
     */
    Match take(long nonce, long sentAtNanos) {
        for (int i = 0; i < nonces.length; i++) {
            if (used[i] && nonces[i] == nonce && sentAt[i] == sentAtNanos) {
                used[i] = false;
                count--;
                if (i == newest) {
                    newest = -1;
                    return Match.FOUND_NEWEST;
                }
                return Match.FOUND;
            }
        }
        return Match.NOT_FOUND;
    }

    /** Whether the heartbeat recorded last is still unacknowledged. */
    boolean newestOutstanding() {
        return newest >= 0;
    }

    int size() {
        return count;
    }

    int capacity() {
        return nonces.length;
    }

    void checkInvariants() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        if (n != count) {
            throw new IllegalStateException("heartbeat ring counts " + count + " but holds " + n);
        }
        if (newest >= 0 && !used[newest]) {
            throw new IllegalStateException("newest heartbeat slot " + newest + " is empty");
        }
    }
}
