package org.jsctp.core.packet;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * An SCTP packet (RFC 9260 section 3): the common header and its chunks, in order.
 *
 * @param header the common header
 * @param chunks the chunks, in order
 * @param zeroChecksum whether the packet arrived with a zero checksum that the decoder accepted
 *     without verifying it (RFC 9653 section 5.3, {@link DecoderOptions#acceptZeroChecksum()});
 *     false for packets whose CRC32C was checked and for packets built to be sent. The receiver
 *     still decides per association whether to take such a packet
 * @param fromFirstAuth the received bytes from the first byte of the packet's first AUTH chunk
 *     to the packet's end (RFC 4895 section 6.3 computes the HMAC over them), sharing the
 *     received array; empty when the packet has no AUTH chunk or was not received
 */
public record SctpPacket(CommonHeader header, List<Chunk> chunks, boolean zeroChecksum, Bytes fromFirstAuth) {

    /**
     * Copies the chunks.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     * @param zeroChecksum whether the packet arrived with a zero checksum that the decoder accepted
     *     without verifying it (RFC 9653 section 5.3, {@link DecoderOptions#acceptZeroChecksum()});
     *     false for packets whose CRC32C was checked and for packets built to be sent. The receiver
     *     still decides per association whether to take such a packet
     * @param fromFirstAuth the received bytes from the first byte of the packet's first AUTH chunk
     *     to the packet's end (RFC 4895 section 6.3 computes the HMAC over them), sharing the
     *     received array; empty when the packet has no AUTH chunk or was not received
     */
    public SctpPacket {
        chunks = List.copyOf(chunks);
        if (fromFirstAuth == null) {
            fromFirstAuth = Bytes.empty();
        }
    }

    /**
     * A packet as received or built, without AUTH bytes.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     * @param zeroChecksum whether it arrived with an unverified zero checksum
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks, boolean zeroChecksum) {
        this(header, chunks, zeroChecksum, Bytes.empty());
    }

    /**
     * The same packet without its first chunk, e.g. the chunks bundled after a COOKIE ECHO for the
     * association it creates (RFC 9260 section 5.1); the AUTH bytes stay, as long as the first
     * chunk was not the AUTH chunk itself.
     *
     * @return the rest of the packet
     */
    public SctpPacket afterFirstChunk() {
        boolean firstIsAuth = !chunks.isEmpty() && chunks.get(0) instanceof org.jsctp.core.packet.chunk.AuthChunk;
        return new SctpPacket(header, chunks.subList(Math.min(1, chunks.size()), chunks.size()), zeroChecksum,
                firstIsAuth ? Bytes.empty() : fromFirstAuth);
    }

    /**
     * A packet with a verified (or to be computed) CRC32C.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks) {
        this(header, chunks, false);
    }

    /**
     * Size on the wire: header plus every chunk with its padding.
     *
     * @return the encoded length in bytes
     */
    public int encodedLength() {
        int total = CommonHeader.LENGTH;
        for (Chunk c : chunks) {
            total += c.encodedLength();
        }
        return total;
    }
}
