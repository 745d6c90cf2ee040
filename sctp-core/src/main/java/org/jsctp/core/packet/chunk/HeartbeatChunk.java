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
 * Heartbeat Request (HEARTBEAT), RFC 9260 section 3.3.5: probes a destination address.
 *
 * <pre>
 *  type = 4 | flags: reserved | length
 *  Heartbeat Information TLV (type 1, length, sender-specific information)
 *  [further TLVs, which the answer copies unchanged]
 * </pre>
 *
 * <p>The value is kept as the parameter list it is, not as the Heartbeat Information alone:
 * RFC 9260 section 8.3 has the receiver copy the Heartbeat Information "together with any other
 * received TLVs" unchanged into the HEARTBEAT ACK, which {@link #ack()} does.
 *
 * @param parameters the TLVs in wire order, the Heartbeat Information among them; never empty
 */
public record HeartbeatChunk(List<Parameter> parameters) implements Chunk {

    /**
     * Checks the ranges.
     *
     * @param parameters the TLVs in wire order, the Heartbeat Information among them; never empty
     */
    public HeartbeatChunk {
        parameters = checkParameters(parameters);
    }

    /**
     * {@return a HEARTBEAT carrying just {@code info}}
     *
     * @param info the sender-specific information, echoed by the HEARTBEAT ACK
     */
    public static HeartbeatChunk of(HeartbeatInfoParameter info) {
        return new HeartbeatChunk(List.of(info));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static HeartbeatChunk decode(int flags, WireReader value) throws DecodeException {
        return new HeartbeatChunk(decodeParameters(value));
    }

    /** {@return the Heartbeat Information parameter, if the sender included one} */
    public Optional<HeartbeatInfoParameter> info() {
        return findInfo(parameters);
    }

    /** {@return the HEARTBEAT ACK answering this request: the same TLVs, unchanged (RFC 9260 section 8.3)} */
    public HeartbeatAckChunk ack() {
        return new HeartbeatAckChunk(parameters);
    }

    @Override
    public int type() {
        return ChunkType.HEARTBEAT;
    }

    @Override
    public int valueLength() {
        return Parameters.listLength(parameters);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        Parameters.encodeList(out, parameters);
    }

    /** Shared with HEARTBEAT ACK: the mandatory TLV list, at least one parameter. */
    static List<Parameter> decodeParameters(WireReader value) throws DecodeException {
        // RFC 9260 sections 3.3.5 and 3.3.6: the Heartbeat Information TLV is mandatory, so a
        // chunk with no TLV at all is shorter than its minimum length of 8.
        if (!value.hasRemaining()) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT, "no Heartbeat Information parameter");
        }
        return Parameters.decodeList(value);
    }

    /** Shared with HEARTBEAT ACK: a non-empty defensive copy that fits the chunk length. */
    static List<Parameter> checkParameters(List<? extends Parameter> parameters) {
        List<Parameter> copy = List.copyOf(parameters);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a heartbeat carries at least the Heartbeat Information parameter");
        }
        int length = Parameters.listLength(copy);
        if (length > 0xFFFF - 4) {
            throw new IllegalArgumentException("parameters too long for one chunk: " + length + " bytes");
        }
        return copy;
    }

    static Optional<HeartbeatInfoParameter> findInfo(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (p instanceof HeartbeatInfoParameter info) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }
}
