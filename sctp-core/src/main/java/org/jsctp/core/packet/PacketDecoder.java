package org.jsctp.core.packet;

import java.util.List;
import java.util.zip.CRC32C;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.Chunks;

/**
 * Decodes an SCTP packet, as received in a UDP datagram (RFC 6951), into its header and chunks.
 *
 * <p>Decoding is total: any byte sequence either decodes or fails with a {@link DecodeException}
 * that says what and where. Payloads, cookies and other opaque fields of the result share the
 * input array, which the caller must therefore leave unchanged while the packet is in use.
 *
 * <p>A decoder keeps scratch state between decodes (its readers and checksum state, so that a
 * decode allocates only what the packet keeps: issue 6), so one decoder serves one thread at a
 * time, as the transport's one decoder per event loop does. Nothing of that state reaches the
 * decoded packet.
 */
public final class PacketDecoder {

    private final DecoderOptions options;
    private final WireReader packetReader = WireReader.unbound();
    private final WireReader chunkValueReader = WireReader.unbound();
    private final CRC32C crc = new CRC32C();

    /**
     * A decoder with these options; it keeps scratch state, so one per thread.
     *
     * @param options what to check (e.g. {@link DecoderOptions#STRICT})
     */
    public PacketDecoder(DecoderOptions options) {
        this.options = options;
    }

    /** {@return a decoder that verifies every checksum (RFC 9260 section 6.8)} */
    public static PacketDecoder strict() {
        return new PacketDecoder(DecoderOptions.STRICT);
    }

    /**
     * {@return what this decoder checks}
     */
    public DecoderOptions options() {
        return options;
    }

    /**
     * Decodes the whole array as one packet.
     *
     * @param packet the UDP payload
     * @return the packet
     * @throws DecodeException if the packet is malformed or its checksum is wrong
     */
    public SctpPacket decode(byte[] packet) throws DecodeException {
        return decode(packet, 0, packet.length);
    }

    /**
     * Decodes {@code length} bytes of {@code packet} from {@code offset}; error offsets count from {@code offset}'s array start.
     *
     * @param packet the array holding the UDP payload
     * @param offset where the packet starts
     * @param length the packet's length
     * @return the packet
     * @throws DecodeException if the packet is malformed or its checksum is wrong
     */
    public SctpPacket decode(byte[] packet, int offset, int length) throws DecodeException {
        WireReader in = packetReader.reset(packet, offset, length, "SCTP packet");
        if (length < CommonHeader.LENGTH) {
            throw in.fail(DecodeException.Reason.TRUNCATED,
                    length + " bytes, too few for the 12-byte common header");
        }
        // RFC 9260 section 3.1: the common header's fields, kept inline in the packet (no
        // CommonHeader per decode, issue 6).
        int sourcePort = in.readU16();
        int destinationPort = in.readU16();
        int tag = in.readU32();
        int checksum = in.readU32();
        boolean zeroChecksum = verifyChecksum(checksum, packet, offset, length);
        if (!in.hasRemaining()) {
            return SctpPacket.ofChunks(sourcePort, destinationPort, tag, checksum, List.of(), zeroChecksum,
                    Bytes.empty());
        }
        Chunk first = Chunks.decodeNext(in, chunkValueReader);
        if (!in.hasRemaining()) { // one chunk (a DATA packet, a SACK): the packet keeps it, no list
            Bytes auth = first instanceof AuthChunk ? fromFirstAuth(packet, offset, length) : Bytes.empty();
            return SctpPacket.ofOneChunk(sourcePort, destinationPort, tag, checksum, first, zeroChecksum, auth);
        }
        List<Chunk> chunks = List.copyOf(Chunks.decodeListAfter(first, in, chunkValueReader));
        return SctpPacket.ofChunks(sourcePort, destinationPort, tag, checksum, chunks, zeroChecksum,
                hasAuth(chunks) ? fromFirstAuth(packet, offset, length) : Bytes.empty());
    }

    private static boolean hasAuth(List<Chunk> chunks) {
        for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet
            if (chunks.get(i) instanceof AuthChunk) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 4895 section 6.3: the HMAC of an AUTH chunk covers the bytes as received from that
     * chunk on. Only for packets that hold one is the chunk walked again to find it; the bytes
     * are shared, not copied.
     */
    private static Bytes fromFirstAuth(byte[] packet, int offset, int length) {
        int end = offset + length;
        int at = offset + CommonHeader.LENGTH;
        while (at + 4 <= end) {
            int type = packet[at] & 0xFF;
            int chunkLength = (packet[at + 2] & 0xFF) << 8 | (packet[at + 3] & 0xFF);
            if (type == ChunkType.AUTH) {
                return Bytes.wrap(packet, at, end - at);
            }
            if (chunkLength < 4) {
                return Bytes.empty(); // cannot happen after a successful decode; kept total anyway
            }
            at += Tlv.padded(chunkLength); // lengths were checked by decoding
        }
        return Bytes.empty();
    }

    /**
     * Reads the common header alone, e.g. to find the association before decoding chunks.
     *
     * @param in the reader, at the packet's start
     * @return the header
     * @throws DecodeException if fewer than 12 bytes remain
     */
    public static CommonHeader decodeHeader(WireReader in) throws DecodeException {
        int sourcePort = in.readU16();
        int destinationPort = in.readU16();
        int tag = in.readU32();
        int checksum = in.readU32();
        return new CommonHeader(sourcePort, destinationPort, tag, checksum);
    }

    private static boolean startsWithCrcOnlyChunk(byte[] packet, int offset, int length) {
        if (length <= CommonHeader.LENGTH) {
            return false;
        }
        int type = packet[offset + CommonHeader.LENGTH] & 0xFF;
        return type == ChunkType.INIT || type == ChunkType.COOKIE_ECHO;
    }

    /** Checks the checksum; returns whether it was a zero accepted without verification. */
    private boolean verifyChecksum(int received, byte[] packet, int offset, int length) throws DecodeException {
        if (!options.verifyChecksum()) {
            return false;
        }
        if (received == 0 && options.acceptZeroChecksum()
                && !(startsWithCrcOnlyChunk(packet, offset, length) && Crc32c.compute(crc, packet, offset, length) == 0)) {
            // RFC 9653 section 5.3: a zero checksum is accepted once announced; the packet says so,
            // for the association to check it announced. An INIT or COOKIE ECHO always carries
            // CRC32C (section 5.2), so for those rare packets a CRC32C that happens to be 0 is told
            // apart; for others such a packet (one in 2^32) is taken for a zero-checksum one.
            return true;
        }
        int expected = Crc32c.compute(crc, packet, offset, length);
        if (expected != received) {
            throw new DecodeException(DecodeException.Reason.BAD_CHECKSUM, "SCTP packet", offset + Crc32c.CHECKSUM_OFFSET,
                    String.format("checksum 0x%08x, computed 0x%08x", received, expected));
        }
        return false;
    }
}
