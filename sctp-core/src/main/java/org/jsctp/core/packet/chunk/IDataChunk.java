package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Tsn;

/**
 * Interleavable Payload Data (I-DATA), RFC 8260 section 2.1: one fragment of a user message,
 * identified by a message identifier and a fragment sequence number so that fragments of
 * different messages may be interleaved.
 *
 * <pre>
 *  type = 64 | flags: reserved, I, U, B, E | length
 *  TSN (32) | Stream Identifier (16) | Reserved (16)
 *  Message Identifier (32)
 *  PPID (32) if B is set, else Fragment Sequence Number (32)
 *  User Data (length - 20 bytes)
 * </pre>
 *
 * <p>The fourth word holds the PPID in the first fragment of a message (B set) and the FSN in
 * every other fragment. Fragments are numbered from 0, so the first fragment's FSN is 0 without
 * being sent, and later fragments do not repeat the PPID. This record keeps both components and
 * ties them to the B bit: with {@code beginning} the FSN must be 0, without it the PPID must be 0.
 * {@link #firstFragment} and {@link #laterFragment} build the two kinds.
 *
 * @param immediate the I bit: the receiver should SACK without delay (RFC 7053 section 4.1)
 * @param unordered the U bit: deliver as soon as complete, ignoring the MID order
 * @param beginning the B bit: first fragment of a message
 * @param ending the E bit: last fragment of a message
 * @param mid the message identifier, shared by all fragments of a message
 * @param ppid the payload protocol identifier; carried only by the first fragment, 0 in others
 * @param fsn the fragment's number within its message; always 0 in the first fragment
 * @param tsn the Transmission Sequence Number (RFC 8260 section 2.1)
 * @param streamId the stream identifier, 0..65535
 * @param userData the payload, at least one byte
 */
public record IDataChunk(boolean immediate, boolean unordered, boolean beginning, boolean ending,
                         Tsn tsn, int streamId, Mid mid, int ppid, Fsn fsn, Bytes userData) implements Chunk {

    /** The flag bits, at the same positions as in DATA (RFC 8260 section 2.1). */
    public static final int FLAG_ENDING = 0x01;
    /** The B bit: the first fragment of a user message (RFC 8260 section 2.1). */
    public static final int FLAG_BEGINNING = 0x02;
    /** The U bit: an unordered user message (RFC 9260 section 6.6). */
    public static final int FLAG_UNORDERED = 0x04;
    /** The I bit: the sender asks for an immediate SACK (RFC 7053 section 3). */
    public static final int FLAG_IMMEDIATE = 0x08;
    /** Fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 16;

    private static final Fsn FIRST_FSN = new Fsn(0);

    /**
     * Rejects null, checks the ranges.
     *
     * @param immediate the I bit: the receiver should SACK without delay (RFC 7053 section 4.1)
     * @param unordered the U bit: deliver as soon as complete, ignoring the MID order
     * @param beginning the B bit: first fragment of a message
     * @param ending the E bit: last fragment of a message
     * @param mid the message identifier, shared by all fragments of a message
     * @param ppid the payload protocol identifier; carried only by the first fragment, 0 in others
     * @param fsn the fragment's number within its message; always 0 in the first fragment
     * @throws IllegalArgumentException if a component is out of range
     * @param tsn the Transmission Sequence Number (RFC 8260 section 2.1)
     * @param streamId the stream identifier, 0..65535
     * @param userData the payload, at least one byte
     */
    public IDataChunk {
        Objects.requireNonNull(tsn, "tsn");
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(fsn, "fsn");
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        if (beginning && fsn.value() != 0) {
            throw new IllegalArgumentException("the first fragment's FSN is 0 implicitly, not " + fsn);
        }
        if (!beginning && ppid != 0) {
            throw new IllegalArgumentException("only the first fragment (B set) carries a PPID");
        }
        if (userData.length() > 0xFFFF - 4 - FIXED_VALUE_LENGTH) {
            throw new IllegalArgumentException("user data too long for one chunk: " + userData.length());
        }
    }

    /**
     * {@return the first fragment of a message (B set): it carries the PPID, its FSN is 0}
     *
     * @param immediate the I bit (RFC 7053)
     * @param unordered the U bit
     * @param ending the E bit: the message is this one fragment
     * @param tsn the TSN
     * @param streamId the stream identifier
     * @param mid the message identifier
     * @param ppid the payload protocol identifier
     * @param userData the fragment's payload
     */
    public static IDataChunk firstFragment(boolean immediate, boolean unordered, boolean ending, Tsn tsn,
                                           int streamId, Mid mid, int ppid, Bytes userData) {
        return new IDataChunk(immediate, unordered, true, ending, tsn, streamId, mid, ppid, FIRST_FSN, userData);
    }

    /**
     * {@return a later fragment of a message (B clear): it carries the FSN, no PPID}
     *
     * @param immediate the I bit (RFC 7053)
     * @param unordered the U bit
     * @param ending the E bit: the message's last fragment
     * @param tsn the TSN
     * @param streamId the stream identifier
     * @param mid the message identifier
     * @param fsn the fragment sequence number, after 0
     * @param userData the fragment's payload
     */
    public static IDataChunk laterFragment(boolean immediate, boolean unordered, boolean ending, Tsn tsn,
                                           int streamId, Mid mid, Fsn fsn, Bytes userData) {
        return new IDataChunk(immediate, unordered, false, ending, tsn, streamId, mid, 0, fsn, userData);
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static IDataChunk decode(int flags, WireReader value) throws DecodeException {
        Tsn tsn = new Tsn(value.readU32());
        int streamId = value.readU16();
        value.skip(2); // RFC 8260 section 2.1: Reserved, ignored by the receiver
        Mid mid = new Mid(value.readU32());
        int ppidOrFsn = value.readU32();
        // As for DATA (RFC 9260 section 6.2), a chunk without user data is the association's to
        // answer with ABORT (No User Data), so it decodes.
        Bytes userData = value.readRemaining();
        boolean immediate = (flags & FLAG_IMMEDIATE) != 0;
        boolean unordered = (flags & FLAG_UNORDERED) != 0;
        boolean ending = (flags & FLAG_ENDING) != 0;
        // RFC 8260 section 2.1: with B set the word is the PPID, otherwise the FSN.
        if ((flags & FLAG_BEGINNING) != 0) {
            return firstFragment(immediate, unordered, ending, tsn, streamId, mid, ppidOrFsn, userData);
        }
        return laterFragment(immediate, unordered, ending, tsn, streamId, mid, new Fsn(ppidOrFsn), userData);
    }

    @Override
    public int type() {
        return ChunkType.I_DATA;
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
        WireWriter.writeU32(out, tsn.value());
        WireWriter.writeU16(out, streamId);
        WireWriter.writeU16(out, 0);
        WireWriter.writeU32(out, mid.value());
        WireWriter.writeU32(out, beginning ? ppid : fsn.value());
        userData.writeTo(out);
    }
}
