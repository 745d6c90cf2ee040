package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Forward-TSN-Supported, RFC 3758 section 3.1: the sender of an INIT or INIT ACK supports
 * partial reliability (FORWARD TSN chunks).
 *
 * <pre>
 *  type = 0xC000 | length = 4
 * </pre>
 */
public record ForwardTsnSupportedParameter() implements Parameter {

    /** The only instance: the parameter has no fields. */
    public static final ForwardTsnSupportedParameter INSTANCE = new ForwardTsnSupportedParameter();

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ForwardTsnSupportedParameter decode(WireReader value) throws DecodeException {
        // RFC 3758 section 3.1: the parameter is its header alone; value bytes make it malformed.
        value.expectEnd();
        return INSTANCE;
    }

    @Override
    public int type() {
        return ParameterType.FORWARD_TSN_SUPPORTED;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
