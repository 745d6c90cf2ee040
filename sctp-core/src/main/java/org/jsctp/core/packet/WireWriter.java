package org.jsctp.core.packet;

import java.nio.ByteBuffer;

/**
 * Small helpers for writing unsigned big-endian fields to a {@link ByteBuffer}.
 *
 * <p>Encoders write into a caller-supplied buffer; each element knows its encoded size up front,
 * so the caller sizes the buffer once and a write that does not fit is a programming error
 * ({@link java.nio.BufferOverflowException}).
 */
public final class WireWriter {

    private WireWriter() {
    }

    /**
     * Writes the low 8 bits of {@code value}.
     *
     * @param out the buffer
     * @param value 0..255
     */
    public static void writeU8(ByteBuffer out, int value) {
        out.put((byte) value);
    }

    /**
     * Writes the low 16 bits of {@code value}, big-endian.
     *
     * @param out the buffer
     * @param value 0..65535
     */
    public static void writeU16(ByteBuffer out, int value) {
        out.putShort((short) value);
    }

    /**
     * Writes {@code value}'s 32 bits, big-endian.
     *
     * @param out the buffer
     * @param value any value; unsigned fields as their two's-complement {@code int}
     */
    public static void writeU32(ByteBuffer out, int value) {
        out.putInt(value);
    }

    /**
     * Writes {@code count} zero bytes.
     *
     * @param out the buffer
     * @param count 0 or more
     */
    public static void writeZeros(ByteBuffer out, int count) {
        for (int i = 0; i < count; i++) {
            out.put((byte) 0);
        }
    }
}
