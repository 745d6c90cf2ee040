package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Unrecognized Parameter, RFC 9260 section 3.3.3.1: an INIT ACK's report of one INIT parameter
 * its sender did not understand, copied whole.
 *
 * <pre>
 *  type = 8 | length
 *  Unrecognized Parameter: the reported parameter's type, length and value (length - 4 bytes)
 * </pre>
 *
 * <p>The reported parameter is kept as raw bytes, exactly as copied by the peer: it is never
 * decoded, since its type is one the reporter did not know and its bytes are only of interest to
 * the endpoint that first sent them.
 *
 * @param reported the unrecognized parameter's bytes, starting with its 4-byte header
 */
public record UnrecognizedParameter(Bytes reported) implements Parameter {

    /**
     * Checks the ranges.
     *
     * @param reported the unrecognized parameter's bytes, starting with its 4-byte header
     * @throws IllegalArgumentException if a component is out of range
     */
    public UnrecognizedParameter {
        if (reported.length() < Tlv.HEADER_LENGTH) {
            throw new IllegalArgumentException("a reported parameter has at least a 4-byte header: "
                    + reported.length() + " bytes");
        }
        ValueLimits.valueLength(reported.length(), "Unrecognized Parameter");
    }

    /**
     * {@return the report of {@code unknown}, as an INIT ACK sends it back}
     *
     * @param unknown the parameter not understood
     */
    public static UnrecognizedParameter of(UnknownParameter unknown) {
        return new UnrecognizedParameter(unknown.toReportBytes());
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UnrecognizedParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.3.1: the value is a copy of a whole parameter, so it holds at least
        // that parameter's type and length fields.
        if (value.remaining() < Tlv.HEADER_LENGTH) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    value.remaining() + " bytes cannot hold the reported parameter's 4-byte header");
        }
        return new UnrecognizedParameter(value.readRemaining());
    }

    /** {@return the type of the parameter reported as unrecognized} */
    public int reportedType() {
        return (reported.getUnsigned(0) << 8) | reported.getUnsigned(1);
    }

    @Override
    public int type() {
        return ParameterType.UNRECOGNIZED_PARAMETER;
    }

    @Override
    public int valueLength() {
        return reported.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        reported.writeTo(out);
    }
}
