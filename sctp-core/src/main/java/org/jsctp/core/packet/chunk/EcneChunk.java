package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Explicit Congestion Notification Echo (ECNE), RFC 9260 appendix A: tells the data sender a
 * packet arrived with the CE codepoint set.
 *
 * <pre>
 *  type = 12 | flags: reserved | length = 8 (RFC 9260) or 12 (usrsctp)
 *  Lowest TSN Number (32)
 *  [Number of CE-marked packets since the last CWR (32)]
 * </pre>
 *
 * <p>RFC 9260 defines the 8-byte chunk. usrsctp (after draft-stewart-tsvwg-sctpecn) sends a
 * 12-byte one that also counts the marked packets, and accepts both; so does this codec, and it
 * writes back the form it read.
 *
 * @param lowestTsn the lowest TSN of the packet that arrived with CE set
 * @param packetsSinceCwr the count of CE-marked packets since the last CWR (32-bit unsigned), in
 *     the 12-byte form only
 */
public record EcneChunk(Tsn lowestTsn, OptionalInt packetsSinceCwr) implements Chunk {

    /** Value length of the RFC 9260 form. */
    public static final int VALUE_LENGTH = 4;
    /** Value length of the form with the packet count. */
    public static final int EXTENDED_VALUE_LENGTH = 8;

    /**
     * Rejects null.
     *
     * @param lowestTsn the lowest TSN of the packet that arrived with CE set
     * @param packetsSinceCwr the count of CE-marked packets since the last CWR (32-bit unsigned), in
     *     the 12-byte form only
     */
    public EcneChunk {
        Objects.requireNonNull(lowestTsn, "lowestTsn");
        Objects.requireNonNull(packetsSinceCwr, "packetsSinceCwr");
    }

    /**
     * {@return the RFC 9260 chunk, without a packet count}
     *
     * @param lowestTsn the lowest TSN received with the CE codepoint
     */
    public static EcneChunk of(Tsn lowestTsn) {
        return new EcneChunk(lowestTsn, OptionalInt.empty());
    }

    /**
     * {@return the chunk with a packet count}
     *
     * @param lowestTsn the lowest TSN received with the CE codepoint
     * @param packetsSinceCwr CE-marked packets since the last CWR
     */
    public static EcneChunk of(Tsn lowestTsn, int packetsSinceCwr) {
        return new EcneChunk(lowestTsn, OptionalInt.of(packetsSinceCwr));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static EcneChunk decode(int flags, WireReader value) throws DecodeException {
        Tsn lowestTsn = new Tsn(value.readU32());
        if (!value.hasRemaining()) {
            return of(lowestTsn); // RFC 9260 appendix A
        }
        int packetsSinceCwr = value.readU32(); // usrsctp's 12-byte form
        value.expectEnd();
        return of(lowestTsn, packetsSinceCwr);
    }

    @Override
    public int type() {
        return ChunkType.ECNE;
    }

    @Override
    public int valueLength() {
        return packetsSinceCwr.isPresent() ? EXTENDED_VALUE_LENGTH : VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, lowestTsn.value());
        if (packetsSinceCwr.isPresent()) {
            WireWriter.writeU32(out, packetsSinceCwr.getAsInt());
        }
    }
}
