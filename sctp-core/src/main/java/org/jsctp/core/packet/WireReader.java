package org.jsctp.core.packet;

import java.util.Objects;

/**
 * A bounded, forward-only reader of big-endian fields from a byte array.
 *
 * <p>Every read is checked against the reader's limit and fails with a {@link DecodeException}
 * naming the element being read, so a decoder built on it can never read past the element it
 * decodes, whatever its length fields claim. Offsets in errors are absolute: counted from the
 * start of the array, which is the start of the packet for the packet decoder.
 */
public final class WireReader {

    // Not final: a decoder may re-point one reader at each element in turn (see #splitInto)
    // instead of allocating a reader per element (issue 6, garbage per message).
    private byte[] array;
    private int limit;
    private String element;
    private int position;

    private WireReader(byte[] array, int position, int limit, String element) {
        this.array = array;
        this.position = position;
        this.limit = limit;
        this.element = element;
    }

    /**
     * {@return a reader over {@code length} bytes of {@code array} from {@code offset}}
     *
     * @param array the bytes, not copied
     * @param offset where the element starts; error offsets count from the array start
     * @param length the element's length
     * @param element the element's name, for errors
     */
    public static WireReader of(byte[] array, int offset, int length, String element) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return new WireReader(array, offset, offset + length, element);
    }

    /**
     * {@return a reader to be pointed at its input later ({@link #reset} or {@link #splitInto}), for a
     * decoder that reuses one reader across decodes} Until then it has nothing to read.
     */
    public static WireReader unbound() {
        return new WireReader(new byte[0], 0, 0, "nothing");
    }

    /**
     * Re-points this reader at {@code length} bytes of {@code array} from {@code offset}, as
     * {@link #of(byte[], int, int, String)} would make a new one; returns this reader.
     *
     * @param array the bytes, not copied
     * @param offset where the element starts
     * @param length the element's length
     * @param element the element's name, for errors
     * @return this reader
     */
    public WireReader reset(byte[] array, int offset, int length, String element) {
        Objects.checkFromIndexSize(offset, length, array.length);
        this.array = array;
        this.position = offset;
        this.limit = offset + length;
        this.element = element;
        return this;
    }

    /**
     * {@return a reader over the whole array}
     *
     * @param array the bytes, not copied
     * @param element the element's name, for errors
     */
    public static WireReader of(byte[] array, String element) {
        return of(array, 0, array.length, element);
    }

    /** {@return the element this reader decodes, as used in error messages} */
    public String element() {
        return element;
    }

    /** {@return absolute offset of the next byte to be read} */
    public int position() {
        return position;
    }

    /** {@return bytes left before the limit} */
    public int remaining() {
        return limit - position;
    }

    /**
     * {@return whether any byte is left to read}
     */
    public boolean hasRemaining() {
        return position < limit;
    }

    /**
     * Fails unless at least {@code count} bytes remain.
     *
     * @param count bytes needed
     * @throws DecodeException ({@code LENGTH_OVERRUN}) if fewer remain
     */
    public void require(int count) throws DecodeException {
        if (count < 0 || count > limit - position) {
            throw fail(DecodeException.Reason.TRUNCATED,
                    "needs " + count + " more bytes, " + (limit - position) + " remain");
        }
    }

    /**
     * Reads an unsigned byte.
     *
     * @return the byte, 0..255
     * @throws DecodeException if no byte remains
     */
    public int readU8() throws DecodeException {
        require(1);
        return array[position++] & 0xFF;
    }

    /**
     * Reads an unsigned 16-bit field.
     *
     * @return the field, 0..65535
     * @throws DecodeException if fewer than 2 bytes remain
     */
    public int readU16() throws DecodeException {
        require(2);
        int v = ((array[position] & 0xFF) << 8) | (array[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    /**
     * Reads 32 bits; unsigned fields come back as their two's-complement {@code int}.
     *
     * @return the 32 bits
     * @throws DecodeException if fewer than 4 bytes remain
     */
    public int readU32() throws DecodeException {
        require(4);
        int v = ((array[position] & 0xFF) << 24) | ((array[position + 1] & 0xFF) << 16)
                | ((array[position + 2] & 0xFF) << 8) | (array[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    /**
     * {@return the next {@code count} bytes, shared with the input array (no copy)}
     *
     * @param count 0 or more
     * @throws DecodeException if fewer remain
     */
    public Bytes readBytes(int count) throws DecodeException {
        require(count);
        Bytes b = Bytes.wrap(array, position, count);
        position += count;
        return b;
    }

    /** {@return all bytes up to the limit, shared with the input array} */
    public Bytes readRemaining() {
        Bytes b = Bytes.wrap(array, position, limit - position);
        position = limit;
        return b;
    }

    /**
     * {@return a copy of the next {@code count} bytes, for fields such as addresses that are kept as arrays}
     *
     * @param count 0 or more
     * @throws DecodeException if fewer remain
     */
    public byte[] readArray(int count) throws DecodeException {
        require(count);
        byte[] copy = new byte[count];
        System.arraycopy(array, position, copy, 0, count);
        position += count;
        return copy;
    }

    /**
     * Skips {@code count} bytes.
     *
     * @param count 0 or more
     * @throws DecodeException if fewer remain
     */
    public void skip(int count) throws DecodeException {
        require(count);
        position += count;
    }

    /**
     * Splits off a reader for the next {@code count} bytes, named {@code childElement}, and skips them here.
     *
     * @param count the child's length
     * @param childElement the child's name, for errors
     * @return the child reader
     * @throws DecodeException if fewer than {@code count} bytes remain
     */
    public WireReader split(int count, String childElement) throws DecodeException {
        require(count);
        WireReader child = new WireReader(array, position, position + count, childElement);
        position += count;
        return child;
    }

    /**
     * As {@link #split}, but re-points {@code child} (not this reader) at the next {@code count}
     * bytes instead of making a new reader: for a decoder that is done with the child before it
     * splits the next element off. Returns {@code child}.
     *
     * @param child the reader to re-point
     * @param count the child's length
     * @param childElement the child's name, for errors
     * @return {@code child}
     * @throws DecodeException if fewer than {@code count} bytes remain
     */
    public WireReader splitInto(WireReader child, int count, String childElement) throws DecodeException {
        require(count);
        child.array = array;
        child.position = position;
        child.limit = position + count;
        child.element = childElement;
        position += count;
        return child;
    }

    /**
     * Looks at the unsigned 16-bit field {@code ahead} bytes past the position without consuming it.
     *
     * @param ahead bytes past the position
     * @return the field, 0..65535
     * @throws DecodeException if the field is past the end
     */
    public int peekU16(int ahead) throws DecodeException {
        require(ahead + 2);
        int p = position + ahead;
        return ((array[p] & 0xFF) << 8) | (array[p + 1] & 0xFF);
    }

    /**
     * Looks at the unsigned byte {@code ahead} bytes past the position without consuming it.
     *
     * @param ahead bytes past the position
     * @return the byte, 0..255
     * @throws DecodeException if the byte is past the end
     */
    public int peekU8(int ahead) throws DecodeException {
        require(ahead + 1);
        return array[position + ahead] & 0xFF;
    }

    /**
     * Fails unless every byte has been consumed: for fixed-size elements whose length field claims more.
     *
     * @throws DecodeException ({@code LENGTH_TOO_LONG}) if bytes remain
     */
    public void expectEnd() throws DecodeException {
        if (position != limit) {
            throw fail(DecodeException.Reason.LENGTH_TOO_LONG, (limit - position) + " unexpected trailing bytes");
        }
    }

    /**
     * {@return an error at absolute offset {@code offset} of this reader's element, e.g. where a field started}
     *
     * @param offset the absolute offset
     * @param reason what kind of problem
     * @param detail what was wrong
     */
    public DecodeException failAt(int offset, DecodeException.Reason reason, String detail) {
        return new DecodeException(reason, element, offset, detail);
    }

    /**
     * {@return an error at the current position of this reader's element}
     *
     * @param reason what kind of problem
     * @param detail what was wrong
     */
    public DecodeException fail(DecodeException.Reason reason, String detail) {
        return new DecodeException(reason, element, position, detail);
    }
}
