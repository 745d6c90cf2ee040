package org.jsctp.core.packet;

import java.nio.ByteBuffer;

/**
 * A type-length-value element of the wire format: a chunk, a parameter or an error cause.
 *
 * <p>Every element knows its size before it is written, so packets can be packed to an MTU
 * without trial encoding. Buffers passed in must be big-endian (the {@link ByteBuffer} default).
 */
public interface WireElement {

    /** {@return length of the value: what follows the 4-byte header, without padding} */
    int valueLength();

    /**
     * Writes exactly {@link #valueLength()} bytes of value at the buffer's position.
     *
     * @param out a big-endian buffer with room for the value
     */
    void encodeValue(ByteBuffer out);

    /**
     * Writes the 4-byte header for a value of {@code valueLength} bytes.
     *
     * @param out a big-endian buffer with room for 4 bytes
     * @param valueLength the value's length in bytes, without padding
     */
    void encodeHeader(ByteBuffer out, int valueLength);

    /** {@return header plus value: what the element's length field says} */
    default int unpaddedLength() {
        return Tlv.HEADER_LENGTH + valueLength();
    }

    /** {@return header, value and padding to a multiple of four} */
    default int encodedLength() {
        return Tlv.padded(unpaddedLength());
    }

    /**
     * Writes header and value, without the trailing padding; returns the bytes written.
     *
     * @param out a big-endian buffer with room for the element
     * @return the bytes written: 4 plus {@link #valueLength()}
     */
    default int encodeUnpadded(ByteBuffer out) {
        int valueLength = valueLength();
        int start = out.position();
        encodeHeader(out, valueLength);
        encodeValue(out);
        assert out.position() - start == Tlv.HEADER_LENGTH + valueLength
                : getClass().getSimpleName() + " wrote " + (out.position() - start - Tlv.HEADER_LENGTH)
                        + " value bytes, announced " + valueLength;
        return Tlv.HEADER_LENGTH + valueLength;
    }

    /** {@return header and value, without padding, as a fresh run of bytes: how error causes quote an element} */
    default Bytes toUnpaddedBytes() {
        ByteBuffer out = ByteBuffer.allocate(unpaddedLength());
        encodeUnpadded(out);
        return Bytes.wrap(out.array());
    }

    /**
     * Writes header, value and zero padding; returns the bytes written.
     *
     * @param out a big-endian buffer with room for the padded element
     * @return the bytes written, a multiple of four
     */
    default int encode(ByteBuffer out) {
        int unpadded = encodeUnpadded(out);
        int pad = Tlv.padding(unpadded);
        WireWriter.writeZeros(out, pad);
        return unpadded + pad;
    }
}
