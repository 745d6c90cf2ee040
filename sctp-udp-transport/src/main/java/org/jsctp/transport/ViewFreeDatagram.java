package org.jsctp.transport;

import io.netty.buffer.ByteBuf;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * Tells whether a received datagram holds only chunks whose decoded form keeps no view of the
 * bytes it was decoded from, so that it may be decoded from a reused scratch array instead of a
 * fresh copy (issue 6: no garbage per message; on a bulk sender every SACK-only datagram).
 *
 * <p>Only SACK (RFC 9260 section 3.3.4) and NR-SACK chunks qualify: their decoders copy every
 * field into numbers and records ({@code Tsn}, {@code GapAckBlock}) and keep no {@code Bytes} of
 * the input; such a packet has no AUTH chunk either, so the decoded packet's AUTH bytes are
 * empty. Anything else (DATA, whose payload the user receives as a view, AUTH, cookies, unknown
 * chunks) is copied as before. The walk is a pre-check only: the decoder still checks every
 * length, and a datagram the walk cannot follow is simply not called view-free.
 */
final class ViewFreeDatagram {

    private static final int CHUNK_HEADER = 4;

    private ViewFreeDatagram() {
    }

    /** Whether the readable bytes of {@code datagram} are a packet of SACK and NR-SACK chunks only. */
    static boolean holdsOnlyViewFreeChunks(ByteBuf datagram) {
        int at = datagram.readerIndex() + CommonHeader.LENGTH;
        int end = datagram.writerIndex();
        if (at >= end) {
            return false; // no chunk, or too short for a header: the decoder reports it
        }
        while (at < end) {
            if (end - at < CHUNK_HEADER) {
                return false;
            }
            int type = datagram.getUnsignedByte(at);
            int length = datagram.getUnsignedShort(at + 2);
            if (type != ChunkType.SACK && type != ChunkType.NR_SACK) {
                return false;
            }
            if (length < CHUNK_HEADER) {
                return false;
            }
            at += (length + 3) & ~3; // RFC 9260 section 3.2: chunks are padded to 4 bytes
        }
        return true;
    }
}
