package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Add Outgoing Streams Request, RFC 6525 section 4.5: the sender adds outgoing streams and tells
 * the peer, which takes them as new incoming streams.
 *
 * <pre>
 *  type = 17 | length = 12
 *  Re-configuration Request Sequence Number (32)
 *  Number of new streams (16) | Reserved (16)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (32-bit unsigned)
 * @param newStreams how many outgoing streams to add (16-bit)
 * @param reserved the reserved field: sent as zero, ignored on receipt, kept so a received
 *     parameter re-encodes exactly (16-bit)
 */
public record AddOutgoingStreamsRequestParameter(int requestSequenceNumber, int newStreams, int reserved)
        implements ReconfigRequestParameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 8;

    /**
     * Checks the 16-bit fields.
     *
     * @param requestSequenceNumber this request's number (32-bit unsigned)
     * @param newStreams how many outgoing streams to add (16-bit)
     * @param reserved the reserved field: sent as zero, ignored on receipt, kept so a received
     *     parameter re-encodes exactly (16-bit)
     */
    public AddOutgoingStreamsRequestParameter {
        ValueLimits.u16(newStreams, "number of new streams");
        ValueLimits.u16(reserved, "reserved field");
    }

    /**
     * A request for {@code newStreams} streams, with the reserved field zero.
     *
     * @param requestSequenceNumber this request's number (32-bit unsigned)
     * @param newStreams how many outgoing streams to add (16-bit)
     */
    public AddOutgoingStreamsRequestParameter(int requestSequenceNumber, int newStreams) {
        this(requestSequenceNumber, newStreams, 0);
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AddOutgoingStreamsRequestParameter decode(WireReader value) throws DecodeException {
        int request = value.readU32();
        int newStreams = value.readU16();
        // RFC 6525 section 4.5: the reserved field is ignored by the receiver, whatever it holds.
        int reserved = value.readU16();
        value.expectEnd();
        return new AddOutgoingStreamsRequestParameter(request, newStreams, reserved);
    }

    @Override
    public int type() {
        return ParameterType.ADD_OUTGOING_STREAMS_REQUEST;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, requestSequenceNumber);
        WireWriter.writeU16(out, newStreams);
        WireWriter.writeU16(out, reserved);
    }
}
