package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * Payload Data (DATA), RFC 9260 section 3.3.1: one fragment of a user message.
 *
 * <pre>
 *  type = 0 | flags: reserved, I, U, B, E | length
 *  TSN (32) | Stream Identifier S (16) | Stream Sequence Number n (16)
 *  Payload Protocol Identifier (32) | User Data (length - 16 bytes)
 * </pre>
 *
 * @param immediate the I bit: the receiver should SACK without delay (RFC 7053 section 4.1)
 * @param unordered the U bit: deliver as soon as complete, ignoring the SSN
 * @param beginning the B bit: first fragment of a message
 * @param ending the E bit: last fragment of a message
 * @param tsnValue the Transmission Sequence Number's 32 bits (RFC 9260 section 3.3.1; {@link #tsn()}
 *     gives it typed), kept as an {@code int} so a chunk costs no sequence-number objects
 * @param streamId the stream identifier, 0..65535
 * @param ssnValue the stream sequence number, 0..65535, meaningless when unordered ({@link #ssn()}
 *     gives it typed)
 * @param ppid the payload protocol identifier, any 32-bit value
 * @param userData the payload, at least one byte
 */
public record DataChunk(boolean immediate, boolean unordered, boolean beginning, boolean ending,
                        int tsnValue, int streamId, int ssnValue, int ppid, Bytes userData) implements Chunk {

    /** The E bit: the last fragment of a user message (RFC 9260 section 3.3.1). */
    public static final int FLAG_ENDING = 0x01;
    /** The B bit: the first fragment of a user message (RFC 9260 section 3.3.1). */
    public static final int FLAG_BEGINNING = 0x02;
    /** The U bit: an unordered user message (RFC 9260 section 6.6). */
    public static final int FLAG_UNORDERED = 0x04;
    /** The I bit: the sender asks for an immediate SACK (RFC 7053 section 3). */
    public static final int FLAG_IMMEDIATE = 0x08;
    /** Fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 12;

    /**
     * Checks the ranges.
     *
     * @param immediate the I bit: the receiver should SACK without delay (RFC 7053 section 4.1)
     * @param unordered the U bit: deliver as soon as complete, ignoring the SSN
     * @param beginning the B bit: first fragment of a message
     * @param ending the E bit: last fragment of a message
     * @param tsnValue the Transmission Sequence Number's 32 bits (RFC 9260 section 3.3.1)
     * @param streamId the stream identifier, 0..65535
     * @param ssnValue the stream sequence number, 0..65535 (meaningless when unordered)
     * @param ppid the payload protocol identifier, any 32-bit value
     * @param userData the payload, at least one byte
     * @throws IllegalArgumentException if a component is out of range
     */
    public DataChunk {
        if (ssnValue < 0 || ssnValue > 0xFFFF) {
            throw new IllegalArgumentException("stream sequence number is a 16-bit value: " + ssnValue);
        }
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        if (userData.length() > 0xFFFF - 4 - FIXED_VALUE_LENGTH) {
            throw new IllegalArgumentException("user data too long for one chunk: " + userData.length());
        }
    }

    /**
     * A chunk with typed sequence numbers.
     *
     * @param immediate the I bit (RFC 7053 section 4.1)
     * @param unordered the U bit
     * @param beginning the B bit
     * @param ending the E bit
     * @param tsn the Transmission Sequence Number
     * @param streamId the stream identifier, 0..65535
     * @param ssn the stream sequence number
     * @param ppid the payload protocol identifier, any 32-bit value
     * @param userData the payload, at least one byte
     * @throws IllegalArgumentException if the stream identifier is out of range or the payload too long
     */
    public DataChunk(boolean immediate, boolean unordered, boolean beginning, boolean ending, Tsn tsn, int streamId,
                     Ssn ssn, int ppid, Bytes userData) {
        this(immediate, unordered, beginning, ending, tsn.value(), streamId, ssn.value(), ppid, userData);
    }

    /** {@return the Transmission Sequence Number (RFC 9260 section 3.3.1), typed} */
    public Tsn tsn() {
        return new Tsn(tsnValue);
    }

    /** {@return the Stream Sequence Number n (RFC 9260 section 3.3.1), typed} */
    public Ssn ssn() {
        return new Ssn(ssnValue);
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static DataChunk decode(int flags, WireReader value) throws DecodeException {
        int tsn = value.readU32();
        int streamId = value.readU16();
        int ssn = value.readU16();
        int ppid = value.readU32();
        // RFC 9260 section 6.2: a DATA chunk with no user data is answered with ABORT (No User
        // Data); that is the association's decision, so an empty chunk decodes.
        Bytes userData = value.readRemaining();
        return new DataChunk((flags & FLAG_IMMEDIATE) != 0, (flags & FLAG_UNORDERED) != 0,
                (flags & FLAG_BEGINNING) != 0, (flags & FLAG_ENDING) != 0, tsn, streamId, ssn, ppid, userData);
    }

    @Override
    public int type() {
        return ChunkType.DATA;
    }

    @Override
    public int flags() {
        return (immediate ? FLAG_IMMEDIATE : 0) | (unordered ? FLAG_UNORDERED : 0)
                | (beginning ? FLAG_BEGINNING : 0) | (ending ? FLAG_ENDING : 0);
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + userData.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, tsnValue);
        WireWriter.writeU16(out, streamId);
        WireWriter.writeU16(out, ssnValue);
        WireWriter.writeU32(out, ppid);
        userData.writeTo(out);
    }

    @Override
    public String toString() {
        return "DataChunk[immediate=" + immediate + ", unordered=" + unordered + ", beginning=" + beginning
                + ", ending=" + ending + ", tsn=" + tsn() + ", streamId=" + streamId + ", ssn=" + ssn()
                + ", ppid=" + ppid + ", userData=" + userData + "]";
    }
}
