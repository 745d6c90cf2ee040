package org.jsctp.core.tx;

import java.util.Arrays;

/**
 * First-come, first-served scheduling (RFC 8260 section 3.1): messages leave in the order they
 * were offered, whatever their stream.
 *
 * <p>Each active stream is kept in a binary min-heap keyed by the offer sequence number of its
 * first message, so {@link #select()} is the heap's top and a head change is one sift. Memory
 * grows with the number of active streams only.
 */
public final class FcfsScheduler implements StreamScheduler {

    private static final int INITIAL_CAPACITY = 8;

    private long[] orders = new long[INITIAL_CAPACITY];
    private int[] streams = new int[INITIAL_CAPACITY];
    private int size;

    /** A scheduler with no active stream. */
    public FcfsScheduler() {
    }

    @Override
    public void streamActivated(int streamId, long headOrder, int headBytes) {
        if (size == orders.length) {
            orders = Arrays.copyOf(orders, size * 2);
            streams = Arrays.copyOf(streams, size * 2);
        }
        orders[size] = headOrder;
        streams[size] = streamId;
        siftUp(size++);
    }

    @Override
    public void headChanged(int streamId, long headOrder, int headBytes) {
        int i = indexOf(streamId);
        long old = orders[i];
        orders[i] = headOrder;
        if (headOrder < old) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    @Override
    public void streamDeactivated(int streamId) {
        removeAt(indexOf(streamId));
    }

    @Override
    public int peek() {
        return select(); // choosing has no side effect here
    }

    @Override
    public int select() {
        if (size == 0) {
            throw new IllegalStateException("select() without an active stream");
        }
        return streams[0];
    }

    @Override
    public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        // Order depends only on offer sequence numbers; sizes do not matter here.
    }

    @Override
    public void clear() {
        size = 0;
    }

    @Override
    public int activeStreamCount() {
        return size;
    }

    @Override
    public void checkInvariants() {
        for (int i = 1; i < size; i++) {
            if (orders[(i - 1) / 2] > orders[i]) {
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

    /** Linear search from the top, which is the stream usually asked about (it was just selected). */
    private int indexOf(int streamId) {
        for (int i = 0; i < size; i++) {
            if (streams[i] == streamId) {
                return i;
            }
        }
        throw new IllegalStateException("stream " + streamId + " is not active in the scheduler");
    }

    private void removeAt(int i) {
        size--;
        if (i == size) {
            return;
        }
        orders[i] = orders[size];
        streams[i] = streams[size];
        // The moved entry goes down or up; once it went down, the entry now at i is a former
        // child, not smaller than its parent, and siftUp leaves it where it is.
        siftDown(i);
        siftUp(i);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (orders[parent] <= orders[i]) {
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
            int smaller = left + 1 < size && orders[left + 1] < orders[left] ? left + 1 : left;
            if (orders[i] <= orders[smaller]) {
                return;
            }
            swap(i, smaller);
            i = smaller;
        }
    }

    private void swap(int a, int b) {
        long o = orders[a];
        orders[a] = orders[b];
        orders[b] = o;
        int s = streams[a];
        streams[a] = streams[b];
        streams[b] = s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FcfsScheduler[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(streams[i]).append('@').append(orders[i]);
        }
        return b.append(']').toString();
    }
}
