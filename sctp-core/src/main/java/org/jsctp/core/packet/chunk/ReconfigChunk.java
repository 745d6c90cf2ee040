package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/**
 * Re-configuration (RE-CONFIG), RFC 6525 section 3.1: stream reset, association reset and
 * add-streams requests and their responses.
 *
 * <pre>
 *  type = 130 | flags: reserved | length
 *  Re-configuration Parameter
 *  Optional Re-configuration Parameter
 * </pre>
 *
 * <p>RFC 6525 section 3.1 says a RE-CONFIG chunk holds at least one parameter and at most two.
 * That bound is part of the chunk's format, so the decoder rejects a chunk with none (too short)
 * or with more than two (too long), and the constructor refuses such lists. Which pairs may go
 * together (e.g. an Outgoing and an Incoming SSN Reset Request, or two responses) is a rule of the
 * procedure, for which RFC 6525 section 3.1 has the receiver answer with an ERROR chunk carrying a
 * Protocol Violation cause: the decoder accepts any one or two parameters, unknown types included,
 * so that the association can do so.
 *
 * @param parameters the one or two re-configuration parameters, in the order sent
 */
public record ReconfigChunk(List<Parameter> parameters) implements Chunk {

    /** Most parameters one chunk may hold (RFC 6525 section 3.1). */
    public static final int MAX_PARAMETERS = 2;

    /**
     * Checks the ranges, copies what is mutable.
     *
     * @param parameters the one or two re-configuration parameters, in the order sent
     * @throws IllegalArgumentException if a component is out of range
     */
    public ReconfigChunk {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty() || parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("a RE-CONFIG chunk holds one or two parameters, not " + parameters.size());
        }
        if (Parameters.listLength(parameters) > 0xFFFF - 4) {
            throw new IllegalArgumentException("parameters too long for one chunk");
        }
    }

    /**
     * {@return a chunk holding one parameter}
     *
     * @param parameter a RE-CONFIG request or response parameter
     */
    public static ReconfigChunk of(Parameter parameter) {
        return new ReconfigChunk(List.of(parameter));
    }

    /**
     * {@return a chunk holding two parameters, in this order}
     *
     * @param first the first RE-CONFIG parameter
     * @param second the second
     */
    public static ReconfigChunk of(Parameter first, Parameter second) {
        return new ReconfigChunk(List.of(first, second));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ReconfigChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 6525 section 3.1: the flags are reserved, set to zero and ignored on receipt.
        if (!value.hasRemaining()) {
            // RFC 6525 section 3.1: the first Re-configuration Parameter is mandatory.
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT, "no re-configuration parameter; one is required");
        }
        List<Parameter> parameters = Parameters.decodeList(value);
        if (parameters.size() > MAX_PARAMETERS) {
            // RFC 6525 section 3.1: "at most two parameters".
            throw value.fail(DecodeException.Reason.LENGTH_TOO_LONG,
                    parameters.size() + " re-configuration parameters; at most " + MAX_PARAMETERS + " are allowed");
        }
        return new ReconfigChunk(parameters);
    }

    @Override
    public int type() {
        return ChunkType.RE_CONFIG;
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
