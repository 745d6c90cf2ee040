package org.jsctp.core.tx;

import java.util.Arrays;

/**
 * A bit per slot of {@link OutstandingData}'s ring: the index that lets SACK processing visit only
 * the chunks in one state (in flight, gap-acked, not yet acknowledged) inside a TSN range, 64
 * slots per word, instead of every chunk held (RFC 9260 section 6.2.1 (D), section 7.2.4).
 */
final class SlotBits {

    private long[] words;
    private int capacity;

    /** @param capacity the number of slots */
    SlotBits(int capacity) {
        resize(capacity);
    }

    /** Drops every bit and makes room for {@code capacity} slots. */
    void resize(int capacity) {
        this.capacity = capacity;
        this.words = new long[(capacity + 63) >>> 6];
    }

    void set(int slot) {
        words[slot >>> 6] |= 1L << slot;
    }

    void clear(int slot) {
        words[slot >>> 6] &= ~(1L << slot);
    }

    boolean get(int slot) {
        return (words[slot >>> 6] & (1L << slot)) != 0;
    }

    /** The lowest set slot in {@code from..to-1}, or -1 if none. */
    int next(int from, int to) {
        if (from >= to) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        int lastWord = (to - 1) >>> 6;
        while (true) {
            if (word != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(word);
                return slot < to ? slot : -1;
            }
            if (++w > lastWord) {
                return -1;
            }
            word = words[w];
        }
    }

    /** How many bits are set (for invariant checks). */
    int cardinality() {
        int n = 0;
        for (long word : words) {
            n += Long.bitCount(word);
        }
        return n;
    }

    int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "SlotBits" + Arrays.toString(words);
    }
}
