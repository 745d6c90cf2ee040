package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;

/**
 * Restart of an Association with New Addresses, RFC 9260 section 3.3.10.11: an INIT for an
 * existing association added addresses, and the restart is refused (RFC 9260 section 5.2).
 *
 * <pre>
 *  Cause Code = 11 | Cause Length
 *  New Address TLVs: exact copies of the new address parameters of the INIT (Cause Length - 4)
 * </pre>
 *
 * <p>The TLVs are kept byte for byte (see {@link Echoed}).
 *
 * @param addresses the copied address parameters, each padded but the last, at least 4 bytes
 */
public record RestartWithNewAddressesCause(Bytes addresses) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param addresses the copied address parameters, each padded but the last, at least 4 bytes
     */
    public RestartWithNewAddressesCause {
        Echoed.check(addresses, Tlv.HEADER_LENGTH, "new address TLVs");
    }

    /**
     * {@return the cause listing {@code addresses}, copied as they sit in a chunk}
     *
     * @param addresses the new address parameters
     */
    public static RestartWithNewAddressesCause of(List<? extends Parameter> addresses) {
        return new RestartWithNewAddressesCause(Echoed.encode(addresses));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static RestartWithNewAddressesCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.11: the new addresses are listed, so at least one TLV
        return new RestartWithNewAddressesCause(Echoed.read(value, Tlv.HEADER_LENGTH, "new address TLVs"));
    }

    @Override
    public int code() {
        return CauseCode.RESTART_WITH_NEW_ADDRESSES;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.parameters(addresses));
    }

    @Override
    public int valueLength() {
        return addresses.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        addresses.writeTo(out);
    }
}
