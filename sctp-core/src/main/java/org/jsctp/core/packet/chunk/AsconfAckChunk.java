package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/**
 * Address Configuration Acknowledgment (ASCONF-ACK), RFC 5061 section 4.1.2: the answer to the
 * ASCONF with the same serial number.
 *
 * <pre>
 *  type = 0x80 | flags: reserved | length
 *  Serial Number (32)
 *  ASCONF Parameter Response #1 .. #N (Success Indication, Error Cause Indication, ...)
 * </pre>
 *
 * <p>The response list may be empty: a request without a response succeeded, so an ASCONF-ACK of
 * the serial number alone reports complete success (RFC 5061 section 4.1.2).
 *
 * @param serialNumber the serial number of the ASCONF acknowledged, copied from it
 * @param parameters the responses in order; unknown types are kept for RFC 9260 section 3.2.1
 */
public record AsconfAckChunk(int serialNumber, List<Parameter> parameters) implements Chunk {

    /** The serial number alone. */
    public static final int MIN_VALUE_LENGTH = 4;

    /**
     * Checks the ranges, copies what is mutable.
     *
     * @param serialNumber the serial number of the ASCONF acknowledged, copied from it
     * @param parameters the responses in order; unknown types are kept for RFC 9260 section 3.2.1
     * @throws IllegalArgumentException if a component is out of range
     */
    public AsconfAckChunk {
        parameters = List.copyOf(parameters);
        long length = (long) MIN_VALUE_LENGTH + Parameters.listLength(parameters);
        if (length > 0xFFFF - 4) {
            throw new IllegalArgumentException("parameters too long for one chunk: " + length + " bytes");
        }
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AsconfAckChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 5061 section 4.1.2: the flags are reserved, set to zero and ignored on receipt.
        int serialNumber = value.readU32();
        // RFC 5061 section 4.1.2: zero or more responses fill the rest of the chunk.
        List<Parameter> parameters = Parameters.decodeList(value);
        return new AsconfAckChunk(serialNumber, parameters);
    }

    @Override
    public int type() {
        return ChunkType.ASCONF_ACK;
    }

    @Override
    public int valueLength() {
        return MIN_VALUE_LENGTH + Parameters.listLength(parameters);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, serialNumber);
        Parameters.encodeList(out, parameters);
    }
}
