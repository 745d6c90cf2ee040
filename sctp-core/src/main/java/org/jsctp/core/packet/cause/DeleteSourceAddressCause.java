package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;

/**
 * Request to Delete Source IP Address, RFC 5061 section 4.3.3: a Delete IP Address request named
 * the source address of the packet that carried it (RFC 5061 section 5.3).
 *
 * <pre>
 *  Cause Code = 0x00A2 | Cause Length
 *  TLV-Copied-From-ASCONF: the refused ASCONF request parameter (Cause Length - 4 bytes)
 * </pre>
 *
 * <p>The copied parameter is kept byte for byte (see {@link Echoed}).
 *
 * @param asconfParameter the refused ASCONF request parameter, header included (4 bytes or more)
 */
public record DeleteSourceAddressCause(Bytes asconfParameter) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param asconfParameter the refused ASCONF request parameter, header included (4 bytes or more)
     */
    public DeleteSourceAddressCause {
        Echoed.check(asconfParameter, Tlv.HEADER_LENGTH, "copied ASCONF parameter");
    }

    /**
     * {@return the cause refusing {@code request}, copied with its header}
     *
     * @param request the refused ASCONF request parameter
     */
    public static DeleteSourceAddressCause of(Parameter request) {
        return new DeleteSourceAddressCause(Echoed.encode(request));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static DeleteSourceAddressCause decode(WireReader value) throws DecodeException {
        // RFC 5061 section 4.3.3: a copy of a whole TLV, so at least its 4-byte header
        return new DeleteSourceAddressCause(Echoed.read(value, Tlv.HEADER_LENGTH, "copied ASCONF parameter"));
    }

    @Override
    public int code() {
        return CauseCode.DELETE_SOURCE_ADDRESS;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.parameters(asconfParameter));
    }

    @Override
    public int valueLength() {
        return asconfParameter.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        asconfParameter.writeTo(out);
    }
}
