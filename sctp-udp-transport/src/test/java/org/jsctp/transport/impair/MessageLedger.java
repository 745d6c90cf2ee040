package org.jsctp.transport.impair;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Self-checking messages for long transfers: each payload starts with its id and a CRC-32 of the
 * rest (random bytes), so the receiving side can tell loss, duplication, corruption and disorder
 * apart. The ledger remembers what was sent and judges what arrived; thread-safe.
 */
public final class MessageLedger {

    /** The bytes every payload starts with: id and checksum. */
    public static final int HEADER = 8;

    /** One message to send. */
    public record Sent(int id, int streamId, boolean unordered, byte[] payload) {
    }

    private final Random random;
    private final Map<Integer, Sent> sent = new HashMap<>();
    private final Map<Integer, Integer> received = new HashMap<>();
    private final Map<Integer, Integer> lastOrderedIdOnStream = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int nextId;

    public MessageLedger(long seed) {
        this.random = new Random(seed);
    }

    /** A new message of {@code length} bytes (at least {@link #HEADER}) on {@code streamId}. */
    public synchronized Sent next(int streamId, boolean unordered, int length) {
        if (length < HEADER) {
            throw new IllegalArgumentException("a checked payload has at least " + HEADER + " bytes: " + length);
        }
        int id = nextId++;
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        CRC32 crc = new CRC32();
        crc.update(payload, HEADER, length - HEADER);
        ByteBuffer.wrap(payload).putInt(id).putInt((int) crc.getValue());
        Sent s = new Sent(id, streamId, unordered, payload);
        sent.put(id, s);
        return s;
    }

    /** A length drawn log-uniformly from {@link #HEADER}..max, so small and large messages are both common. */
    public synchronized int randomLength(int max) {
        return (int) Math.max(HEADER, Math.min(max, Math.round(Math.exp(random.nextDouble() * Math.log(max)))));
    }

    /**
     * Judges one received message: it must be intact, one that was sent, on its stream, not seen
     * before, and on an ordered stream later than the previous one. Problems are collected.
     */
    public synchronized void onReceived(int streamId, boolean unordered, byte[] payload) {
        if (payload.length < HEADER) {
            problems.add("a message of " + payload.length + " bytes on stream " + streamId + " has no header");
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int id = b.getInt();
        int checksum = b.getInt();
        CRC32 crc = new CRC32();
        crc.update(payload, HEADER, payload.length - HEADER);
        Sent s = sent.get(id);
        if ((int) crc.getValue() != checksum || s == null || s.payload().length != payload.length) {
            problems.add("message " + id + " on stream " + streamId + " is corrupt (" + payload.length + " bytes)");
            return;
        }
        if (s.streamId() != streamId || s.unordered() != unordered) {
            problems.add("message " + id + " arrived on stream " + streamId + (unordered ? " unordered" : " ordered")
                    + ", was sent on " + s.streamId() + (s.unordered() ? " unordered" : " ordered"));
        }
        if (received.merge(id, 1, Integer::sum) > 1) {
            problems.add("message " + id + " delivered " + received.get(id) + " times");
        }
        if (!unordered) {
            Integer last = lastOrderedIdOnStream.put(streamId, id);
            if (last != null && last > id) {
                problems.add("message " + id + " on ordered stream " + streamId + " after message " + last);
            }
        }
    }

    /** Messages sent that have not arrived (yet). */
    public synchronized List<Integer> missing() {
        return sent.keySet().stream().filter(id -> !received.containsKey(id)).sorted().toList();
    }

    /** How many distinct messages arrived. */
    public synchronized int receivedCount() {
        return received.size();
    }

    /** How many were sent. */
    public synchronized int sentCount() {
        return sent.size();
    }

    /** Everything that went wrong so far, empty if nothing did. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
