package org.jsctp.core.tx;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Priority scheduling (RFC 8260 section 3.4): the active streams of the highest priority are
 * served first, and streams of equal priority take turns (round robin: one message each with
 * DATA, one fragment each with I-DATA). A lower value means a higher priority; a stream whose
 * priority was never set has {@link #DEFAULT_PRIORITY}, the highest.
 *
 * <p>Active streams are kept in one ring per priority, the rings ordered by priority; priorities
 * are stored only for streams that were given one, so unused streams cost nothing.
 */
public final class PriorityScheduler implements StreamScheduler {

    /** The priority of a stream that was not given one: 0, the highest, as usrsctp's. */
    public static final int DEFAULT_PRIORITY = 0;

    /** Priorities set through {@link #setStreamValue}, by stream. */
    private final Map<Integer, Integer> priorities = new HashMap<>();
    /** The active streams, one ring per priority; the front of each ring is served next. */
    private final TreeMap<Integer, ArrayDeque<Integer>> rings = new TreeMap<>();
    /** The priority each active stream is filed under. */
    private final Map<Integer, Integer> activePriority = new HashMap<>();

    /** A scheduler with no active stream. */
    public PriorityScheduler() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the value is the stream's priority, lower first. An active stream moves to the back
     * of its new priority's ring.
     */
    @Override
    public void setStreamValue(int streamId, int value) {
        checkRange(streamId, value);
        if (value == DEFAULT_PRIORITY) {
            priorities.remove(streamId);
        } else {
            priorities.put(streamId, value);
        }
        Integer old = activePriority.get(streamId);
        if (old != null && old != value) {
            remove(streamId, old);
            file(streamId, value);
        }
    }

    /**
     * The priority of a stream.
     *
     * @param streamId the outbound stream
     * @return its priority, {@link #DEFAULT_PRIORITY} if none was set
     */
    public int priorityOf(int streamId) {
        return priorities.getOrDefault(streamId, DEFAULT_PRIORITY);
    }

    @Override
    public void streamActivated(int streamId, long headOrder, int headBytes) {
        if (activePriority.containsKey(streamId)) {
            throw new IllegalStateException("stream " + streamId + " is already active");
        }
        file(streamId, priorityOf(streamId));
    }

    @Override
    public void headChanged(int streamId, long headOrder, int headBytes) {
        // The turn order does not depend on which message is first.
    }

    @Override
    public void streamDeactivated(int streamId) {
        Integer p = activePriority.get(streamId);
        if (p == null) {
            throw new IllegalStateException("stream " + streamId + " is not active in the scheduler");
        }
        remove(streamId, p);
    }

    @Override
    public int select() {
        ArrayDeque<Integer> ring = top();
        int streamId = ring.pollFirst();
        ring.addLast(streamId); // RFC 8260 section 3.4: equal priorities are served round robin
        return streamId;
    }

    @Override
    public int peek() {
        return top().peekFirst();
    }

    @Override
    public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        // Turns are counted in grants.
    }

    /** Forgets the active streams; the priorities set stay. */
    @Override
    public void clear() {
        rings.clear();
        activePriority.clear();
    }

    @Override
    public int activeStreamCount() {
        return activePriority.size();
    }

    @Override
    public void checkInvariants() {
        int filed = 0;
        for (Map.Entry<Integer, ArrayDeque<Integer>> e : rings.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalStateException("empty ring kept for priority " + e.getKey());
            }
            for (int s : e.getValue()) {
                if (!e.getKey().equals(activePriority.get(s)) || activePriority.get(s) != priorityOf(s)) {
                    throw new IllegalStateException("stream " + s + " filed under the wrong priority " + e.getKey());
                }
                filed++;
            }
        }
        if (filed != activePriority.size()) {
            throw new IllegalStateException(filed + " streams filed, " + activePriority.size() + " active");
        }
    }

    private ArrayDeque<Integer> top() {
        if (rings.isEmpty()) {
            throw new IllegalStateException("no active stream");
        }
        return rings.firstEntry().getValue();
    }

    private void file(int streamId, int priority) {
        rings.computeIfAbsent(priority, p -> new ArrayDeque<>()).addLast(streamId);
        activePriority.put(streamId, priority);
    }

    private void remove(int streamId, int priority) {
        ArrayDeque<Integer> ring = rings.get(priority);
        ring.removeLastOccurrence(streamId); // usually the one just served, now at the back
        if (ring.isEmpty()) {
            rings.remove(priority);
        }
        activePriority.remove(streamId);
    }

    static void checkRange(int streamId, int value) {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream must be 0..65535: " + streamId);
        }
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("stream scheduler value must be 0..65535 (RFC 8260 section 4.3.2): "
                    + value);
        }
    }

    @Override
    public String toString() {
        return "PriorityScheduler" + rings;
    }
}
