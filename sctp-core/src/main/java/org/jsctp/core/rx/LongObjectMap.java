package org.jsctp.core.rx;

/**
 * A small open-addressing hash map from {@code long} keys to non-null values, without boxing.
 *
 * <p>Linear probing with backward-shift deletion, so there are no tombstones and lookups stay
 * short after many removals. The table starts small and doubles when half full, so memory grows
 * with the number of entries, not with the key space: a receiver with 65535 inbound streams pays
 * only for the streams in use. An empty map holds no table at all until its first entry (an
 * association has several of these maps and most of them stay empty). Slots can be walked with {@link #capacity()} and {@link #valueAt};
 * callers must not remove entries while walking (collect the keys first).
 */
final class LongObjectMap<V> {

    private static final int INITIAL_CAPACITY = 8;
    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

    private static final long[] NO_KEYS = new long[0];
    private static final Object[] NO_VALUES = new Object[0];

    private long[] keys = NO_KEYS;
    private Object[] values = NO_VALUES;
    private int mask;
    private int size;

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        if (size == 0) {
            return null;
        }
        int i = home(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Maps {@code key} to {@code value} (not null); returns the previous value or null. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null values are not allowed");
        }
        if (values.length == 0) {
            resize(INITIAL_CAPACITY);
        }
        int i = home(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        if (size * 2 > values.length) {
            resize(values.length * 2);
        }
        return null;
    }

    /** Removes {@code key}; returns its value or null when absent. */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        if (size == 0) {
            return null;
        }
        int i = home(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                V old = (V) values[i];
                deleteSlot(i);
                return old;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Number of slots, for walking the table with {@link #valueAt} and {@link #keyAt}. */
    int capacity() {
        return values.length;
    }

    /** The value in slot {@code slot}, or null when the slot is empty. */
    @SuppressWarnings("unchecked")
    V valueAt(int slot) {
        return (V) values[slot];
    }

    /** The key in slot {@code slot}; meaningful only when {@link #valueAt} is not null. */
    long keyAt(int slot) {
        return keys[slot];
    }

    /** Removes every entry and lets the table go (the next entry makes a small one again). */
    void clear() {
        keys = NO_KEYS;
        values = NO_VALUES;
        mask = 0;
        size = 0;
    }

    private int home(long key) {
        long x = key * MIX;
        return (int) (x ^ (x >>> 32)) & mask;
    }

    /** Empties slot {@code i} and shifts later members of its probe run back so none is orphaned. */
    private void deleteSlot(int i) {
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                break;
            }
            int h = home(keys[j]);
            // Entry j may fill the hole if its home is not cyclically inside (hole, j].
            if (((j - h) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        size--;
    }

    private void resize(int newCapacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[newCapacity];
        values = new Object[newCapacity];
        mask = newCapacity - 1;
        for (int s = 0; s < oldValues.length; s++) {
            if (oldValues[s] != null) {
                int i = home(oldKeys[s]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                values[i] = oldValues[s];
            }
        }
    }

    /** Checks that every entry is reachable from its home slot and the size is right. */
    void checkInvariants() {
        int counted = 0;
        for (int s = 0; s < values.length; s++) {
            if (values[s] != null) {
                counted++;
                if (get(keys[s]) != values[s]) {
                    throw new IllegalStateException("entry " + keys[s] + " unreachable from its home slot");
                }
            }
        }
        if (counted != size) {
            throw new IllegalStateException("size " + size + " but " + counted + " entries");
        }
        if (size * 2 > values.length) {
            throw new IllegalStateException("table over half full: " + size + "/" + values.length);
        }
    }

    @Override
    public String toString() {
        return "LongObjectMap[size=" + size + ", capacity=" + values.length + "]";
    }
}
