package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;

/**
 * Invalid Mandatory Parameter, RFC 9260 section 3.3.10.7: a mandatory parameter of an INIT or
 * INIT ACK had an invalid value.
 *
 * <pre>
 *  Cause Code = 7 | Cause Length = 4
 *  [offending parameter (Cause Length - 4 bytes): usrsctp, in ASCONF-ACK only]
 * </pre>
 *
 * <p>RFC 9260 defines the header alone, which {@link #INSTANCE} is. usrsctp, however, answers an
 * ASCONF request it cannot use with this cause followed by a copy of the request parameter; such
 * causes decode too, with the copy in {@link #parameter()}, so that the ASCONF-ACK that carries
 * them is not lost.
 *
 * @param parameter the copied parameter, usually empty
 */
public record InvalidMandatoryParameterCause(Bytes parameter) implements ErrorCause {

    /** The cause as RFC 9260 section 3.3.10.7 defines it: the header alone. */
    public static final InvalidMandatoryParameterCause INSTANCE = new InvalidMandatoryParameterCause();

    /**
     * Checks the ranges.
     *
     * @param parameter the copied parameter, usually empty
     */
    public InvalidMandatoryParameterCause {
        Echoed.check(parameter, 0, "copied parameter");
    }

    /** The RFC 9260 form, with no copied parameter. */
    public InvalidMandatoryParameterCause() {
        this(Bytes.empty());
    }

    /**
     * {@return the usrsctp form, reporting {@code parameter} copied with its header}
     *
     * @param parameter the invalid parameter
     */
    public static InvalidMandatoryParameterCause of(Parameter parameter) {
        return new InvalidMandatoryParameterCause(Echoed.encode(parameter));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static InvalidMandatoryParameterCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.7 says Cause Length 4; anything after the header is kept
        // rather than rejected, as usrsctp puts the offending ASCONF parameter there.
        return value.hasRemaining() ? new InvalidMandatoryParameterCause(value.readRemaining()) : INSTANCE;
    }

    @Override
    public int code() {
        return CauseCode.INVALID_MANDATORY_PARAMETER;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.parameters(parameter));
    }

    @Override
    public int valueLength() {
        return parameter.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        parameter.writeTo(out);
    }
}
