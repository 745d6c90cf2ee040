package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Outgoing SSN Reset Request, RFC 6525 section 4.1: the sender resets the sequence numbers of
 * some (or all) of its outgoing streams.
 *
 * <pre>
 *  type = 13 | length = 16 + 2 * N
 *  Re-configuration Request Sequence Number (32)
 *  Re-configuration Response Sequence Number (32)
 *  Sender's Last Assigned TSN (32)
 *  Stream Number 1 (16) | ... | Stream Number N (16)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (32-bit unsigned)
 * @param responseSequenceNumber the number of the peer's Incoming SSN Reset Request this answers,
 *     if any (32-bit unsigned)
 * @param senderLastAssignedTsn the last TSN the sender assigned before the reset
 * @param streams the streams to reset, each a 16-bit number; empty means every stream
 */
public record OutgoingSsnResetRequestParameter(int requestSequenceNumber, int responseSequenceNumber,
                                               Tsn senderLastAssignedTsn, List<Integer> streams)
        implements ReconfigRequestParameter {

    /** The three 32-bit fields before the stream list. */
    public static final int FIXED_VALUE_LENGTH = 12;

    /**
     * Rejects null, checks the ranges.
     *
     * @param requestSequenceNumber this request's number (32-bit unsigned)
     * @param responseSequenceNumber the number of the peer's Incoming SSN Reset Request this answers,
     *     if any (32-bit unsigned)
     * @param senderLastAssignedTsn the last TSN the sender assigned before the reset
     * @param streams the streams to reset, each a 16-bit number; empty means every stream
     */
    public OutgoingSsnResetRequestParameter {
        Objects.requireNonNull(senderLastAssignedTsn, "senderLastAssignedTsn");
        streams = FieldLists.checkedU16List(streams, "stream number");
        ValueLimits.valueLength(FIXED_VALUE_LENGTH + 2 * streams.size(), "Outgoing SSN Reset Request");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static OutgoingSsnResetRequestParameter decode(WireReader value) throws DecodeException {
        int request = value.readU32();
        int response = value.readU32();
        Tsn lastTsn = new Tsn(value.readU32());
        // RFC 6525 section 4.1: 16-bit stream numbers fill the rest; none means all streams.
        List<Integer> streams = FieldLists.readU16List(value, "stream numbers");
        return new OutgoingSsnResetRequestParameter(request, response, lastTsn, streams);
    }

    @Override
    public int type() {
        return ParameterType.OUTGOING_SSN_RESET_REQUEST;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + 2 * streams.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, requestSequenceNumber);
        WireWriter.writeU32(out, responseSequenceNumber);
        WireWriter.writeU32(out, senderLastAssignedTsn.value());
        FieldLists.writeU16List(out, streams);
    }
}
