package org.jsctp.core.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where lengths and padding of type-length-value elements are checked.
 *
 * <p>Chunks (8-bit type, 8-bit flags, 16-bit length), parameters and error causes (16-bit type,
 * 16-bit length) all count their 4-byte header in the length field and pad to a multiple of four
 * bytes with padding not counted in the length (RFC 9260 sections 3.2, 3.2.1 and 3.3.10). Inside
 * a chunk or parameter, the padding of the last nested element is left out of the enclosing
 * length (RFC 9260 section 3.2, Chunk Length), so a list may end without it.
 */
public final class Tlv {

    /** Size of every chunk, parameter and error cause header. */
    public static final int HEADER_LENGTH = 4;

    private Tlv() {
    }

    /**
     * {@return {@code length} rounded up to a multiple of four}
     *
     * @param length a length in bytes, 0 or more
     */
    public static int padded(int length) {
        return (length + 3) & ~3;
    }

    /**
     * {@return number of zero bytes that pad {@code length} to a multiple of four}
     *
     * @param length a length in bytes, 0 or more
     */
    public static int padding(int length) {
        return (-length) & 3;
    }

    /**
     * Decodes one element's value, given its 16-bit type and a reader bounded to the value.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    public interface ValueDecoder<T> {
        /**
         * Decodes a value.
         *
         * @param type the element's type
         * @param value a reader bounded to the value, without padding
         * @return the element
         * @throws DecodeException if the value is malformed
         */
        T decode(int type, WireReader value) throws DecodeException;
    }

    /** Names an element by its type for error messages, e.g. "State Cookie parameter". */
    @FunctionalInterface
    public interface Namer {
        /**
         * Names an element.
         *
         * @param type the element's type
         * @return e.g. "State Cookie parameter"
         */
        String name(int type);
    }

    /**
     * Reads a sequence of 16-bit type, 16-bit length elements (parameters or error causes) that
     * fills the rest of {@code in}. The last element's padding may be missing (see class notes);
     * any other element whose padding does not fit is an error.
     *
     * @param <T> the element type
     * @param in the reader, at the first element
     * @param namer names elements in errors
     * @param decoder decodes each value
     * @return the elements, in order
     * @throws DecodeException if an element is malformed or its padding is missing
     */
    public static <T> List<T> readList(WireReader in, Namer namer, ValueDecoder<T> decoder) throws DecodeException {
        // Every element takes at least 4 bytes, so the list cannot be longer than this.
        List<T> out = new ArrayList<>(Math.min(in.remaining() / HEADER_LENGTH, 16));
        while (in.hasRemaining()) {
            out.add(readOne(in, namer, decoder, true));
        }
        return out;
    }

    /**
     * Reads one 16-bit type, 16-bit length element at the reader's position, with its padding,
     * and advances past it. At the end of {@code in} the padding may be missing when
     * {@code lastMayBeUnpadded} (see class notes).
     *
     * @param <T> the element type
     * @param in the reader, at the element's header
     * @param namer names the element in errors
     * @param decoder decodes the value
     * @param lastMayBeUnpadded whether the padding may be missing at the end of {@code in}
     * @return the element
     * @throws DecodeException if the element is malformed or its padding is missing
     */
    public static <T> T readOne(WireReader in, Namer namer, ValueDecoder<T> decoder, boolean lastMayBeUnpadded)
            throws DecodeException {
        int start = in.position();
        if (in.remaining() < HEADER_LENGTH) {
            throw new DecodeException(DecodeException.Reason.TRUNCATED, in.element(), start,
                    in.remaining() + " bytes left, too few for a 4-byte element header");
        }
        int type = in.readU16();
        int length = in.readU16();
        String name = namer.name(type);
        if (length < HEADER_LENGTH) {
            throw new DecodeException(DecodeException.Reason.LENGTH_TOO_SHORT, name, start,
                    "length " + length + " is below the 4-byte header");
        }
        if (length - HEADER_LENGTH > in.remaining()) {
            throw new DecodeException(DecodeException.Reason.LENGTH_OVERRUN, name, start,
                    "length " + length + " runs past the end of " + in.element() + " ("
                            + (in.remaining() + HEADER_LENGTH) + " bytes left)");
        }
        WireReader value = in.split(length - HEADER_LENGTH, name);
        T element = decoder.decode(type, value);
        skipPadding(in, length, name, start, lastMayBeUnpadded);
        return element;
    }

    /**
     * Skips the padding after an element of {@code length} bytes starting at {@code start}. At the
     * end of the enclosing element the padding may be missing when {@code lastMayBeUnpadded}.
     *
     * @param in the reader, just after the element
     * @param length the element's length, without padding
     * @param name the element's name, for errors
     * @param start the element's offset, for errors
     * @param lastMayBeUnpadded whether the padding may be missing at the end of {@code in}
     * @throws DecodeException if the padding is missing or not zero where that is checked
     */
    public static void skipPadding(WireReader in, int length, String name, int start, boolean lastMayBeUnpadded)
            throws DecodeException {
        int pad = padding(length);
        if (pad == 0) {
            return;
        }
        if (in.remaining() >= pad) {
            in.skip(pad); // RFC 9260 section 3.2: the receiver ignores the padding bytes' values
        } else if (!(lastMayBeUnpadded && !in.hasRemaining())) {
            throw new DecodeException(DecodeException.Reason.MISSING_PADDING, name, start,
                    "length " + length + " needs " + pad + " padding bytes, " + in.remaining() + " remain");
        }
    }

    /**
     * {@return encoded size of a list whose last element goes unpadded (see class notes)}
     *
     * @param elements the elements
     */
    public static int listLength(List<? extends WireElement> elements) {
        int total = 0;
        int n = elements.size();
        for (int i = 0; i < n; i++) {
            WireElement e = elements.get(i);
            total += i == n - 1 ? e.unpaddedLength() : e.encodedLength();
        }
        return total;
    }

    /**
     * Writes a list, padding every element but the last (see class notes).
     *
     * @param out a big-endian buffer with room for {@link #listLength} bytes
     * @param elements the elements
     */
    public static void writeList(ByteBuffer out, List<? extends WireElement> elements) {
        int n = elements.size();
        for (int i = 0; i < n; i++) {
            WireElement e = elements.get(i);
            if (i == n - 1) {
                e.encodeUnpadded(out);
            } else {
                e.encode(out);
            }
        }
    }
}
