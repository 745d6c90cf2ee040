package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;

/**
 * Unrecognized Parameters, RFC 9260 section 3.3.10.8: parameters of an INIT ACK the receiver did
 * not understand, reported in an ERROR bundled with the COOKIE ECHO.
 *
 * <pre>
 *  Cause Code = 8 | Cause Length
 *  Unrecognized Parameters: the parameters complete with their headers (Cause Length - 4 bytes)
 * </pre>
 *
 * <p>The parameters are kept byte for byte (see {@link Echoed}); they can be decoded with
 * {@code Parameters.decodeList} if needed.
 *
 * @param parameters the copied parameters, each padded but the last, at least 4 bytes
 */
public record UnrecognizedParametersCause(Bytes parameters) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param parameters the copied parameters, each padded but the last, at least 4 bytes
     */
    public UnrecognizedParametersCause {
        Echoed.check(parameters, Tlv.HEADER_LENGTH, "unrecognized parameters");
    }

    /**
     * {@return the cause reporting {@code parameters}, copied as they sit in a chunk}
     *
     * @param parameters the parameters not understood
     */
    public static UnrecognizedParametersCause of(List<? extends Parameter> parameters) {
        return new UnrecognizedParametersCause(Echoed.encode(parameters));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UnrecognizedParametersCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.8: at least one complete parameter TLV
        return new UnrecognizedParametersCause(Echoed.read(value, Tlv.HEADER_LENGTH, "unrecognized parameters"));
    }

    @Override
    public int code() {
        return CauseCode.UNRECOGNIZED_PARAMETERS;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.parameters(parameters));
    }

    @Override
    public int valueLength() {
        return parameters.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        parameters.writeTo(out);
    }
}
