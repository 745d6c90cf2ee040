package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Adaptation Layer Indication, RFC 5061 section 4.2.6: the sender of an INIT or INIT ACK tells
 * the peer's upper layer which adaptation layer it uses.
 *
 * <pre>
 *  type = 0xC006 | length = 8
 *  Adaptation Code Point (32)
 * </pre>
 *
 * @param adaptationCodePoint the 32-bit code point, opaque to SCTP and passed to the user
 */
public record AdaptationLayerIndicationParameter(int adaptationCodePoint) implements Parameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AdaptationLayerIndicationParameter decode(WireReader value) throws DecodeException {
        int codePoint = value.readU32();
        // RFC 5061 section 4.2.6: the length is exactly 8.
        value.expectEnd();
        return new AdaptationLayerIndicationParameter(codePoint);
    }

    @Override
    public int type() {
        return ParameterType.ADAPTATION_LAYER_INDICATION;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, adaptationCodePoint);
    }
}
