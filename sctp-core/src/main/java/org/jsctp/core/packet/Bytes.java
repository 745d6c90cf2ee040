package org.jsctp.core.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable run of bytes: payloads, cookies, nonces and other opaque fields of the wire format.
 *
 * <p>{@link #wrap} shares the caller's array without copying, which is how the decoder hands out
 * payloads of a received packet without copying them; whoever wraps an array promises not to
 * change it afterwards. {@link #copyOf} takes a private copy. Equality is by content.
 */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);
    private static final HexFormat HEX = HexFormat.of();
    private static final int TO_STRING_LIMIT = 32;

    private final byte[] array;
    private final int offset;
    private final int length;

    private Bytes(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** {@return no bytes} */
    public static Bytes empty() {
        return EMPTY;
    }

    /**
     * Shares {@code array} (no copy); the caller must not modify it afterwards.
     *
     * @param array the bytes
     * @return a run over the whole array
     */
    public static Bytes wrap(byte[] array) {
        return wrap(array, 0, array.length);
    }

    /**
     * Shares {@code length} bytes of {@code array} from {@code offset} (no copy).
     *
     * @param array the bytes
     * @param offset where the run starts
     * @param length the run's length
     * @return a run over that range
     */
    public static Bytes wrap(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return length == 0 ? EMPTY : new Bytes(array, offset, length);
    }

    /**
     * {@return a private copy of {@code array}}
     *
     * @param array the bytes to copy
     */
    public static Bytes copyOf(byte[] array) {
        return array.length == 0 ? EMPTY : new Bytes(array.clone(), 0, array.length);
    }

    /**
     * Parses hexadecimal digits, e.g. {@code "00ff10"}; for tests and configuration.
     *
     * @param hex an even number of hexadecimal digits
     * @return the bytes
     */
    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex));
    }

    /**
     * {@return the run's length in bytes}
     */
    public int length() {
        return length;
    }

    /**
     * {@return whether the run has no bytes}
     */
    public boolean isEmpty() {
        return length == 0;
    }

    /**
     * {@return the byte at {@code index} as an unsigned value 0..255}
     *
     * @param index 0..{@code length() - 1}
     */
    public int getUnsigned(int index) {
        Objects.checkIndex(index, length);
        return array[offset + index] & 0xFF;
    }

    /**
     * {@return bytes {@code [from, from + count)} of this run, sharing storage.}
     *
     * @param from the first byte, 0..{@code length()}
     * @param count how many bytes
     */
    public Bytes slice(int from, int count) {
        Objects.checkFromIndexSize(from, count, length);
        if (count == length) {
            return this; // the whole view (a message sent in one chunk): immutable, so shareable
        }
        return count == 0 ? EMPTY : new Bytes(array, offset + from, count);
    }

    /**
     * Writes all bytes at the buffer's position and advances it.
     *
     * @param out a buffer with room for {@link #length()} bytes
     */
    public void writeTo(ByteBuffer out) {
        out.put(array, offset, length);
    }

    /**
     * Copies all bytes into {@code target} from {@code targetOffset}.
     *
     * @param target the array
     * @param targetOffset where the first byte goes
     */
    public void copyTo(byte[] target, int targetOffset) {
        System.arraycopy(array, offset, target, targetOffset, length);
    }

    /** {@return a fresh array holding these bytes} */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** {@return a read-only view of these bytes} */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
    }

    /** {@return all bytes as lower-case hexadecimal digits} */
    public String toHex() {
        return HEX.formatHex(array, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other
                && Arrays.equals(array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        if (length <= TO_STRING_LIMIT) {
            return "[" + length + " B " + toHex() + "]";
        }
        return "[" + length + " B " + HEX.formatHex(array, offset, offset + TO_STRING_LIMIT) + "...]";
    }
}
