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

    private Crc32c() {
    }

    /** The checksum field value (as a big-endian int) for the packet in {@code packet[offset, offset+length)}. */
    public static int compute(byte[] packet, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(packet, offset, CHECKSUM_OFFSET);
        crc.update(ZEROS, 0, 4);
        crc.update(packet, offset + CHECKSUM_OFFSET + 4, length - CHECKSUM_OFFSET - 4);
        return Integer.reverseBytes((int) crc.getValue());
    }

    /**
     * The checksum field value for the packet in {@code buffer[offset, offset+length)}, heap or
     * direct; the buffer's position and limit are left as they were.
     */
    public static int compute(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buffer.duplicate();
        view.limit(offset + CHECKSUM_OFFSET).position(offset);
        crc.update(view);
        crc.update(ZEROS, 0, 4);
        view.limit(offset + length).position(offset + CHECKSUM_OFFSET + 4);
        crc.update(view);
        return Integer.reverseBytes((int) crc.getValue());
    }
}
