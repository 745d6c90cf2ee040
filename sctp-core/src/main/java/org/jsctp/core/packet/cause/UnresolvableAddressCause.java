package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;

/**
 * Unresolvable Address, RFC 9260 section 3.3.10.5: the sender cannot resolve an address it was
 * given, typically a Host Name Address.
 *
 * <pre>
 *  Cause Code = 5 | Cause Length
 *  Unresolvable Address: the complete TLV of the address (Cause Length - 4 bytes)
 * </pre>
 *
 * <p>The TLV is kept byte for byte (see {@link Echoed}). usrsctp also sends this cause in an
 * ASCONF-ACK with the whole ASCONF request parameter here instead of the bare address.
 *
 * @param address the address parameter as sent, header included, at least 4 bytes
 */
public record UnresolvableAddressCause(Bytes address) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param address the address parameter as sent, header included, at least 4 bytes
     */
    public UnresolvableAddressCause {
        Echoed.check(address, Tlv.HEADER_LENGTH, "unresolvable address TLV");
    }

    /**
     * {@return the cause reporting {@code address}, copied with its header}
     *
     * @param address the address parameter that could not be resolved
     */
    public static UnresolvableAddressCause of(Parameter address) {
        return new UnresolvableAddressCause(Echoed.encode(address));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UnresolvableAddressCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.5: a complete TLV, so at least its 4-byte header
        return new UnresolvableAddressCause(Echoed.read(value, Tlv.HEADER_LENGTH, "unresolvable address TLV"));
    }

    @Override
    public int code() {
        return CauseCode.UNRESOLVABLE_ADDRESS;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.parameters(address));
    }

    @Override
    public int valueLength() {
        return address.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        address.writeTo(out);
    }
}
