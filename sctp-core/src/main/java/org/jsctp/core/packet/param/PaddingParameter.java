package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Padding, RFC 4820 section 4: filler that makes an INIT larger, for path MTU probing.
 *
 * <pre>
 *  type = 0x8005 | length
 *  Padding Data (length - 4 bytes)
 * </pre>
 *
 * @param padding the filler bytes; the sender sets them to zero and the receiver ignores them, but
 *     they are kept as received so the parameter re-encodes exactly
 */
public record PaddingParameter(Bytes padding) implements Parameter {

    /**
     * Checks that the value fits the 16-bit length field.
     *
     * @param padding the filler bytes; the sender sets them to zero and the receiver ignores them, but
     *     they are kept as received so the parameter re-encodes exactly
     */
    public PaddingParameter {
        ValueLimits.valueLength(padding.length(), "Padding");
    }

    /**
     * {@return a parameter of {@code count} zero bytes of padding data}
     *
     * @param count the padding bytes, 0 or more
     */
    public static PaddingParameter zeros(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative padding: " + count);
        }
        return new PaddingParameter(Bytes.wrap(new byte[count]));
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static PaddingParameter decode(WireReader value) throws DecodeException {
        // RFC 4820 section 4: the padding's content is ignored on receipt, whatever it is.
        return new PaddingParameter(value.readRemaining());
    }

    @Override
    public int type() {
        return ParameterType.PADDING;
    }

    @Override
    public int valueLength() {
        return padding.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        padding.writeTo(out);
    }
}
