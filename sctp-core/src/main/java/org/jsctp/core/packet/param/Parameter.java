package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.WireElement;
import org.jsctp.core.packet.WireWriter;

/**
 * A variable-length parameter (RFC 9260 section 3.2.1): an immutable value with its own
 * {@code decode} and encoding.
 */
public interface Parameter extends WireElement {

    /** {@return the 16-bit parameter type, one of {@link ParameterType}'s constants or an unknown type} */
    int type();

    @Override
    default void encodeHeader(ByteBuffer out, int valueLength) {
        WireWriter.writeU16(out, type());
        WireWriter.writeU16(out, 4 + valueLength);
    }
}
