package org.jsctp.core.packet;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The SCTP checksum (RFC 9260 section 6.8 and appendix A): CRC32C over the whole packet with the
 * checksum field taken as zero.
 *
 * <p>The JDK's {@link CRC32C} is hardware-accelerated. SCTP transmits the CRC's four bytes least
 * significant first (appendix A's reflected algorithm), so read as a big-endian field the
 * checksum is the byte-reversed CRC value.
 */
public final class Crc32c {

    /** Offset of the checksum field in the common header. */
    public static final int CHECKSUM_OFFSET = 8;
    private static final byte[] ZEROS = new byte[4];
    /**
     * One CRC32C state per thread, reset before each use, so checksumming a packet allocates
     * nothing (issue 6: no garbage per message). Callers that own a state pass it instead.
     */
    private static final ThreadLocal<CRC32C> PER_THREAD = ThreadLocal.withInitial(CRC32C::new);

    private Crc32c() {
    }

    /**
     * {@return the checksum field value (as a big-endian int) for the packet in {@code packet[offset, offset+length)}.}
     *
     * @param packet the array holding the packet, its checksum field included
     * @param offset where the packet starts
     * @param length the packet's length
     */
    public static int compute(byte[] packet, int offset, int length) {
        return compute(PER_THREAD.get(), packet, offset, length);
    }

    /**
     * As {@link #compute(byte[], int, int)}, with the caller's {@code crc} state (reset first).
     *
     * @param crc a CRC32C to reuse
     * @param packet the array holding the packet, its checksum field included
     * @param offset where the packet starts
     * @param length the packet's length
     * @return the checksum field value, big-endian
     */
    public static int compute(CRC32C crc, byte[] packet, int offset, int length) {
        crc.reset();
        crc.update(packet, offset, CHECKSUM_OFFSET);
        crc.update(ZEROS, 0, 4);
        crc.update(packet, offset + CHECKSUM_OFFSET + 4, length - CHECKSUM_OFFSET - 4);
        return Integer.reverseBytes((int) crc.getValue());
    }

    /**
     * {@return the checksum field value for the packet in {@code buffer[offset, offset+length)}, heap or
     * direct; the buffer's position and limit are left as they were.}
     *
     * @param buffer the buffer holding the packet, its checksum field included
     * @param offset where the packet starts (absolute)
     * @param length the packet's length
     */
    public static int compute(ByteBuffer buffer, int offset, int length) {
        if (buffer.hasArray()) {
            return compute(buffer.array(), buffer.arrayOffset() + offset, length);
        }
        // A direct (or read-only) buffer: moved over its ranges in place and put back as it was,
        // rather than through a duplicate per packet.
        CRC32C crc = PER_THREAD.get();
        crc.reset();
        int position = buffer.position();
        int limit = buffer.limit();
        try {
            buffer.limit(offset + CHECKSUM_OFFSET).position(offset);
            crc.update(buffer);
            crc.update(ZEROS, 0, 4);
            buffer.limit(offset + length).position(offset + CHECKSUM_OFFSET + 4);
            crc.update(buffer);
        } finally {
            buffer.limit(limit).position(position);
        }
        return Integer.reverseBytes((int) crc.getValue());
    }
}
