package org.jsctp.core.packet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.RandomAccess;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * Encodes SCTP packets into caller-supplied buffers and fills in the checksum.
 */
public final class PacketEncoder {

    private PacketEncoder() {
    }

    /**
     * {@return size on the wire of a packet holding {@code chunks}}
     *
     * @param chunks the chunks
     */
    public static int encodedLength(List<? extends Chunk> chunks) {
        int total = CommonHeader.LENGTH;
        if (chunks instanceof RandomAccess) {
            for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet (issue 6)
                total += chunks.get(i).encodedLength();
            }
        } else {
            for (Chunk c : chunks) {
                total += c.encodedLength();
            }
        }
        return total;
    }

    /**
     * Writes the packet at the buffer's position and advances it; returns the bytes written.
     * The checksum is CRC32C, or zero when {@code zeroChecksum} (allowed only towards a peer that
     * announced Zero Checksum Acceptable, RFC 9653 section 5.2).
     *
     * @param out a big-endian buffer with room for {@link #encodedLength} bytes
     * @param sourcePort our SCTP port
     * @param destinationPort the peer's SCTP port
     * @param verificationTag the tag the peer expects
     * @param chunks the chunks, in order
     * @param zeroChecksum whether to leave the checksum zero (RFC 9653)
     * @return the bytes written
     */
    public static int encode(ByteBuffer out, int sourcePort, int destinationPort, int verificationTag,
                             List<? extends Chunk> chunks, boolean zeroChecksum) {
        if (out.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("SCTP is big-endian: pass a big-endian buffer");
        }
        int start = out.position();
        WireWriter.writeU16(out, sourcePort);
        WireWriter.writeU16(out, destinationPort);
        WireWriter.writeU32(out, verificationTag);
        WireWriter.writeU32(out, 0);
        if (chunks instanceof RandomAccess) {
            for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet (issue 6)
                chunks.get(i).encode(out);
            }
        } else {
            for (Chunk c : chunks) {
                c.encode(out);
            }
        }
        int length = out.position() - start;
        if (!zeroChecksum) {
            out.putInt(start + Crc32c.CHECKSUM_OFFSET, Crc32c.compute(out, start, length));
        }
        return length;
    }

    /**
     * Writes {@code packet} with a fresh CRC32C checksum.
     *
     * @param out a big-endian buffer with room for the packet
     * @param packet the packet
     * @return the bytes written
     */
    public static int encode(ByteBuffer out, SctpPacket packet) {
        if (out.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("SCTP is big-endian: pass a big-endian buffer");
        }
        int start = out.position();
        WireWriter.writeU16(out, packet.sourcePort());
        WireWriter.writeU16(out, packet.destinationPort());
        WireWriter.writeU32(out, packet.verificationTag());
        WireWriter.writeU32(out, 0);
        int count = packet.chunkCount();
        for (int i = 0; i < count; i++) { // the packet's own accessors: no header or list made (issue 6)
            packet.chunk(i).encode(out);
        }
        int length = out.position() - start;
        out.putInt(start + Crc32c.CHECKSUM_OFFSET, Crc32c.compute(out, start, length));
        return length;
    }

    /**
     * Encodes {@code packet} into a new array of exactly its size, with a fresh checksum.
     *
     * @param packet the packet
     * @return the encoded packet
     */
    public static byte[] toByteArray(SctpPacket packet) {
        byte[] bytes = new byte[packet.encodedLength()];
        encode(ByteBuffer.wrap(bytes), packet);
        return bytes;
    }
}
