package org.jsctp.transport.conformance;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.jsctp.core.seq.Tsn;

/**
 * Chunks and datagrams our codec would refuse to build: the tester needs them to see how the
 * endpoint handles what RFC 9260 forbids. A chunk of any type, flags and value is sent as an
 * {@link UnknownChunk}, which encodes whatever it is given.
 */
final class Crafted {

    private Crafted() {
    }

    /** A chunk of {@code type} with exactly {@code value} after its header (padded as usual). */
    static UnknownChunk chunk(int type, int flags, Bytes value) {
        return new UnknownChunk(type, flags, value);
    }

    /** An INIT with the given fixed fields and no parameters, whatever their values. */
    static UnknownChunk init(int initiateTag, int window, int outbound, int inbound, Tsn initialTsn) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putInt(initiateTag).putInt(window).putShort((short) outbound).putShort((short) inbound)
                .putInt(initialTsn.value());
        return chunk(ChunkType.INIT, 0, Bytes.wrap(b.array()));
    }

    /** {@code datagram} with one bit of its CRC32C flipped. */
    static byte[] withBadChecksum(byte[] datagram) {
        byte[] copy = datagram.clone();
        copy[Crc32c.CHECKSUM_OFFSET + 3] ^= 1;
        return copy;
    }

    /** A packet header followed by {@code chunkBytes} as they are, with a correct CRC32C. */
    static byte[] packet(int sourcePort, int destinationPort, int tag, byte[] chunkBytes) {
        ByteBuffer b = ByteBuffer.allocate(12 + chunkBytes.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putInt(tag).putInt(0).put(chunkBytes);
        byte[] packet = b.array();
        ByteBuffer.wrap(packet).putInt(Crc32c.CHECKSUM_OFFSET, Crc32c.compute(packet, 0, packet.length));
        return packet;
    }
}
