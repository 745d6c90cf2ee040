package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Incoming SSN Reset Request, RFC 6525 section 4.2: the sender asks the peer to reset some (or
 * all) of the peer's outgoing streams, which are the sender's incoming ones.
 *
 * <pre>
 *  type = 14 | length = 8 + 2 * N
 *  Re-configuration Request Sequence Number (32)
 *  Stream Number 1 (16) | ... | Stream Number N (16)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (32-bit unsigned)
 * @param streams the streams to reset, each a 16-bit number; empty means every stream
 */
public record IncomingSsnResetRequestParameter(int requestSequenceNumber, List<Integer> streams)
        implements ReconfigRequestParameter {

    /** The request sequence number before the stream list. */
    public static final int FIXED_VALUE_LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param requestSequenceNumber this request's number (32-bit unsigned)
     * @param streams the streams to reset, each a 16-bit number; empty means every stream
     */
    public IncomingSsnResetRequestParameter {
        streams = FieldLists.checkedU16List(streams, "stream number");
        ValueLimits.valueLength(FIXED_VALUE_LENGTH + 2 * streams.size(), "Incoming SSN Reset Request");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static IncomingSsnResetRequestParameter decode(WireReader value) throws DecodeException {
        int request = value.readU32();
        // RFC 6525 section 4.2: 16-bit stream numbers fill the rest; none means all streams.
        List<Integer> streams = FieldLists.readU16List(value, "stream numbers");
        return new IncomingSsnResetRequestParameter(request, streams);
    }

    @Override
    public int type() {
        return ParameterType.INCOMING_SSN_RESET_REQUEST;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + 2 * streams.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, requestSequenceNumber);
        FieldLists.writeU16List(out, streams);
    }
}
