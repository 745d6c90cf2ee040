package org.jsctp.core.tx;

import java.util.Arrays;

/**
 * Round-robin scheduling (RFC 8260 section 3.2): active streams take turns, one message each
 * with DATA, one fragment each with I-DATA (the queue asks for every fragment then).
 *
 * <p>The active streams form a ring in the order they became active; {@link #select()} takes the
 * stream at the front and moves it to the back, and a newly active stream joins at the back, so
 * it waits for one full turn. Memory grows with the number of active streams only.
 */
public final class RoundRobinScheduler implements StreamScheduler {

    private static final int INITIAL_CAPACITY = 8;

    /** Circular buffer of stream ids; the front is at {@code head}. */
    private int[] ring = new int[INITIAL_CAPACITY];
    private int head;
    private int size;

    /** A scheduler with no active stream. */
    public RoundRobinScheduler() {
    }

    @Override
    public void streamActivated(int streamId, long headOrder, int headBytes) {
        if (size == ring.length) {
            int[] grown = new int[size * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = at(i);
            }
            ring = grown;
            head = 0;
        }
        ring[slot(size++)] = streamId;
    }

    @Override
    public void headChanged(int streamId, long headOrder, int headBytes) {
        // The turn order does not depend on which message is first.
    }

    @Override
    public void streamDeactivated(int streamId) {
        // Usually the stream just served, which select() moved to the back: search from there.
        for (int i = size - 1; i >= 0; i--) {
            if (at(i) == streamId) {
                for (int j = i; j < size - 1; j++) {
                    ring[slot(j)] = at(j + 1);
                }
                size--;
                return;
            }
        }
        throw new IllegalStateException("stream " + streamId + " is not active in the scheduler");
    }

    @Override
    public int peek() {
        if (size == 0) {
            throw new IllegalStateException("peek() without an active stream");
        }
        return ring[head];
    }

    @Override
    public int select() {
        if (size == 0) {
            throw new IllegalStateException("select() without an active stream");
        }
        int streamId = ring[head];
        // Front to back: with the ring full this is a rotation by one.
        head = (head + 1) % ring.length;
        ring[slot(size - 1)] = streamId;
        return streamId;
    }

    @Override
    public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        // Turns are counted in grants (select calls), not bytes.
    }

    @Override
    public void clear() {
        head = 0;
        size = 0;
    }

    @Override
    public int activeStreamCount() {
        return size;
    }

    @Override
    public void checkInvariants() {
        int[] ids = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = at(i);
        }
        Arrays.sort(ids);
        for (int i = 1; i < size; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalStateException("stream " + ids[i] + " is in the ring twice");
            }
        }
    }

    private int slot(int i) {
        return (head + i) % ring.length;
    }

    private int at(int i) {
        return ring[slot(i)];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("RoundRobinScheduler[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(at(i));
        }
        return b.append(']').toString();
    }
}
