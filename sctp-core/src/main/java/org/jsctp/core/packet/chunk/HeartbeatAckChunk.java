package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/**
 * Heartbeat Acknowledgement (HEARTBEAT ACK), RFC 9260 section 3.3.6: the answer to a HEARTBEAT,
 * echoing its TLVs.
 *
 * <pre>
 *  type = 5 | flags: reserved | length
 *  Heartbeat Information TLV copied from the HEARTBEAT
 *  [further TLVs copied from the HEARTBEAT]
 * </pre>
 *
 * @param parameters the TLVs in wire order, as the HEARTBEAT carried them; never empty
 */
public record HeartbeatAckChunk(List<Parameter> parameters) implements Chunk {

    /**
     * Checks the ranges.
     *
     * @param parameters the TLVs in wire order, as the HEARTBEAT carried them; never empty
     */
    public HeartbeatAckChunk {
        parameters = HeartbeatChunk.checkParameters(parameters);
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static HeartbeatAckChunk decode(int flags, WireReader value) throws DecodeException {
        return new HeartbeatAckChunk(HeartbeatChunk.decodeParameters(value));
    }

    /** {@return the echoed Heartbeat Information parameter, if present} */
    public Optional<HeartbeatInfoParameter> info() {
        return HeartbeatChunk.findInfo(parameters);
    }

    @Override
    public int type() {
        return ChunkType.HEARTBEAT_ACK;
    }

    @Override
    public int valueLength() {
        return Parameters.listLength(parameters);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        Parameters.encodeList(out, parameters);
    }
}
