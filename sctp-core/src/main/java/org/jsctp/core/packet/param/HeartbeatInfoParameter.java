package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Heartbeat Info, RFC 9260 section 3.3.5: what the sender of a HEARTBEAT wants echoed back,
 * opaque to the receiver.
 *
 * <pre>
 *  type = 1 | length
 *  Sender-Specific Heartbeat Info (length - 4 bytes)
 * </pre>
 *
 * @param info the sender-specific bytes, returned unchanged in the HEARTBEAT ACK
 */
public record HeartbeatInfoParameter(Bytes info) implements Parameter {

    /**
     * Checks that the value fits the 16-bit length field.
     *
     * @param info the sender-specific bytes, returned unchanged in the HEARTBEAT ACK
     */
    public HeartbeatInfoParameter {
        ValueLimits.valueLength(info.length(), "Heartbeat Info");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static HeartbeatInfoParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.5: the content is defined by the sender only, so any length,
        // including none, is kept as it came.
        return new HeartbeatInfoParameter(value.readRemaining());
    }

    @Override
    public int type() {
        return ParameterType.HEARTBEAT_INFO;
    }

    @Override
    public int valueLength() {
        return info.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        info.writeTo(out);
    }
}
