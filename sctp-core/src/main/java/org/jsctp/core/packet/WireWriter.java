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

    public static void writeU8(ByteBuffer out, int value) {
        out.put((byte) value);
    }

    public static void writeU16(ByteBuffer out, int value) {
        out.putShort((short) value);
    }

    public static void writeU32(ByteBuffer out, int value) {
        out.putInt(value);
    }

    /** Writes {@code count} zero bytes. */
    public static void writeZeros(ByteBuffer out, int count) {
        for (int i = 0; i < count; i++) {
            out.put((byte) 0);
        }
    }
}
