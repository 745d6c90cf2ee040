package org.jsctp.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A thread-safe map from a verification tag (any 32-bit value) to an association, read on every
 * packet by any event loop without a lock and without boxing the tag (issue 6: a
 * {@code ConcurrentHashMap<Integer, ...>} made an {@code Integer} per packet received).
 *
 * <p>Buckets hold immutable chains. A change takes the map's lock, builds the bucket's new chain
 * and publishes it with one volatile write (a resize publishes the whole new table), so a reader
 * sees each bucket either before or after a change, never half of one, and a lookup that starts
 * after a change returned sees it. The table doubles when it would be more than three quarters
 * full and halves (never below its first capacity) when a removal leaves it at most an eighth
 * full, so a peak of associations that have since gone keeps no large table behind; the gap
 * between the two bounds keeps a size that goes up and down by one from resizing each time.
 * Tags are ours, chosen at random (RFC 9260 section 5.3.1), so chains stay short whatever tags
 * peers put in their packets.
 *
 * @param <V> what a tag maps to
 */
final class TagMap<V> {

    private static final int FIRST_CAPACITY = 16;

    private record Node<V>(int tag, V value, Node<V> next) {
    }

    private volatile AtomicReferenceArray<Node<V>> table = new AtomicReferenceArray<>(FIRST_CAPACITY);
    /** Written under the lock, read by anyone. */
    private volatile int size;

    /** {@return what {@code tag} maps to, or null} */
    V get(int tag) {
        AtomicReferenceArray<Node<V>> t = table;
        for (Node<V> n = t.get(bucket(tag, t.length())); n != null; n = n.next) {
            if (n.tag == tag) {
                return n.value;
            }
        }
        return null;
    }

    /** {@return whether {@code tag} maps to anything} */
    boolean containsKey(int tag) {
        return get(tag) != null;
    }

    /** {@return how many tags map to something} */
    int size() {
        return size;
    }

    /**
     * Maps {@code tag} to {@code value} unless it maps to something already.
     *
     * @return what the tag mapped to before (then nothing changed), or null
     */
    synchronized V putIfAbsent(int tag, V value) {
        V old = get(tag);
        if (old == null) {
            insert(tag, value);
        }
        return old;
    }

    /** Maps {@code tag} to {@code value}, replacing what it mapped to. */
    synchronized void put(int tag, V value) {
        removeTag(tag);
        insert(tag, value);
    }

    /**
     * Unmaps {@code tag} if it maps to {@code value} (the same object).
     *
     * @return whether it did
     */
    synchronized boolean remove(int tag, V value) {
        if (get(tag) != value || value == null) {
            return false;
        }
        removeTag(tag);
        return true;
    }

    /** {@return the number of buckets now (tests watch the table grow and shrink)} */
    int capacity() {
        return table.length();
    }

    /** {@return an unmodifiable copy of the values, in no particular order} */
    List<V> values() {
        AtomicReferenceArray<Node<V>> t = table;
        List<V> out = new ArrayList<>(size);
        for (int i = 0; i < t.length(); i++) {
            for (Node<V> n = t.get(i); n != null; n = n.next) {
                out.add(n.value);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Adds a tag known to be absent; under the lock. */
    private void insert(int tag, V value) {
        AtomicReferenceArray<Node<V>> t = table;
        if (size + 1 > t.length() / 4 * 3) {
            t = rehashed(t, t.length() * 2);
            table = t;
        }
        int b = bucket(tag, t.length());
        t.set(b, new Node<>(tag, value, t.get(b)));
        size++;
    }

    /** Drops a tag's node, copying the nodes in front of it (chains are immutable); under the lock. */
    private void removeTag(int tag) {
        AtomicReferenceArray<Node<V>> t = table;
        int b = bucket(tag, t.length());
        Node<V> head = t.get(b);
        Node<V> rebuilt = without(head, tag);
        if (rebuilt != head) {
            t.set(b, rebuilt);
            size--;
            if (t.length() > FIRST_CAPACITY && size <= t.length() / 8) {
                table = rehashed(t, t.length() / 2);
            }
        }
    }

    /** The chain without {@code tag}'s node, or the chain itself when the tag is not in it. */
    private static <V> Node<V> without(Node<V> chain, int tag) {
        if (chain == null) {
            return null;
        }
        if (chain.tag == tag) {
            return chain.next;
        }
        Node<V> rest = without(chain.next, tag);
        return rest == chain.next ? chain : new Node<>(chain.tag, chain.value, rest);
    }

    /**
     * A new table of {@code length} buckets (a power of two) with every node rehashed into it;
     * readers go on with the old one until it is published.
     */
    private static <V> AtomicReferenceArray<Node<V>> rehashed(AtomicReferenceArray<Node<V>> t, int length) {
        AtomicReferenceArray<Node<V>> resized = new AtomicReferenceArray<>(length);
        for (int i = 0; i < t.length(); i++) {
            for (Node<V> n = t.get(i); n != null; n = n.next) {
                int b = bucket(n.tag, length);
                resized.set(b, new Node<>(n.tag, n.value, resized.get(b)));
            }
        }
        return resized;
    }

    /** Fibonacci hashing: the tag's bits mixed, the top ones taken. */
    private static int bucket(int tag, int length) {
        return (tag * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(length));
    }
}
