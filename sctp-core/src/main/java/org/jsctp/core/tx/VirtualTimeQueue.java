package org.jsctp.core.tx;

import java.util.Arrays;

/**
 * The active streams of a fair-queueing scheduler ordered by virtual finish time: the virtual
 * time at which the service a stream has received so far would end if every stream were served
 * at its share of the link. The stream with the earliest finish time goes next; equal times go
 * in the order the streams reached them, which is round robin.
 *
 * <p>A stream becomes active at the current virtual time (that of the last stream chosen), so a
 * stream that was idle gets no credit for the time it had nothing to send. Times are compared
 * by their difference, so they may wrap around the 64-bit range: all active streams lie within
 * one grant's worth of each other, far below 2^63.
 *
 * <p>A binary min-heap, as in {@link FcfsScheduler}; memory grows with the number of active
 * streams only. Shared by {@link FairBandwidthScheduler} and {@link WeightedFairScheduler}.
 */
final class VirtualTimeQueue {

    private static final int INITIAL_CAPACITY = 8;

    private long[] finish = new long[INITIAL_CAPACITY];
    /** Breaks ties of equal finish times: the one that reached it first goes first. */
    private long[] arrival = new long[INITIAL_CAPACITY];
    private int[] streams = new int[INITIAL_CAPACITY];
    private int size;
    private long virtualTime;
    private long arrivals;

    void activate(int streamId) {
        if (size == finish.length) {
            finish = Arrays.copyOf(finish, size * 2);
            arrival = Arrays.copyOf(arrival, size * 2);
            streams = Arrays.copyOf(streams, size * 2);
        }
        finish[size] = virtualTime;
        arrival[size] = arrivals++;
        streams[size] = streamId;
        siftUp(size++);
    }

    void deactivate(int streamId) {
        int i = indexOf(streamId);
        size--;
        if (i == size) {
            return;
        }
        move(size, i);
        siftDown(i);
        siftUp(i);
    }

    /** The stream with the earliest finish time; the virtual time advances to it. */
    int select() {
        requireActive();
        virtualTime = finish[0];
        return streams[0];
    }

    int peek() {
        requireActive();
        return streams[0];
    }

    /**
     * Moves the stream's finish time on by {@code increment}, the service it just received
     * divided by its share.
     */
    void charge(int streamId, long increment) {
        int i = indexOf(streamId);
        finish[i] += increment;
        arrival[i] = arrivals++;
        siftDown(i);
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void checkInvariants() {
        for (int i = 1; i < size; i++) {
            if (less(i, (i - 1) / 2)) {
                throw new IllegalStateException("heap order broken at " + i + ": " + this);
            }
        }
        int[] ids = Arrays.copyOf(streams, size);
        Arrays.sort(ids);
        for (int i = 1; i < size; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalStateException("stream " + ids[i] + " is in the heap twice");
            }
        }
    }

    private void requireActive() {
        if (size == 0) {
            throw new IllegalStateException("no active stream");
        }
    }

    /** Searches from the top, where the stream just served usually is. */
    private int indexOf(int streamId) {
        for (int i = 0; i < size; i++) {
            if (streams[i] == streamId) {
                return i;
            }
        }
        throw new IllegalStateException("stream " + streamId + " is not active in the scheduler");
    }

    /** Wrap-safe: compares differences, not values. */
    private boolean less(int a, int b) {
        long d = finish[a] - finish[b];
        return d != 0 ? d < 0 : arrival[a] - arrival[b] < 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smaller = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(smaller, i)) {
                return;
            }
            swap(i, smaller);
            i = smaller;
        }
    }

    private void move(int from, int to) {
        finish[to] = finish[from];
        arrival[to] = arrival[from];
        streams[to] = streams[from];
    }

    private void swap(int a, int b) {
        long f = finish[a];
        finish[a] = finish[b];
        finish[b] = f;
        long r = arrival[a];
        arrival[a] = arrival[b];
        arrival[b] = r;
        int s = streams[a];
        streams[a] = streams[b];
        streams[b] = s;
    }

    /** Test hook: starts the virtual clock elsewhere, to cross the 64-bit wrap. */
    void setVirtualTime(long value) {
        virtualTime = value;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(streams[i]).append('@').append(finish[i]);
        }
        return b.append(']').toString();
    }
}
