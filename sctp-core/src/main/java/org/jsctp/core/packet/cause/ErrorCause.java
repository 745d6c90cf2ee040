package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.WireElement;
import org.jsctp.core.packet.WireWriter;

/**
 * An error cause (RFC 9260 section 3.3.10) carried in ABORT, ERROR or an ASCONF-ACK's Error
 * Cause Indication: an immutable value with its own {@code decode} and encoding.
 */
public interface ErrorCause extends WireElement {

    /** {@return the 16-bit cause code, one of {@link CauseCode}'s constants or an unknown code} */
    int code();

    /** {@return a short human-readable description, for logs and user-facing error messages} */
    default String describe() {
        return CauseCode.name(code());
    }

    @Override
    default void encodeHeader(ByteBuffer out, int valueLength) {
        WireWriter.writeU16(out, code());
        WireWriter.writeU16(out, 4 + valueLength);
    }
}
