package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Host Name Address, RFC 9260 section 3.3.2.1: a host name offered instead of addresses.
 *
 * <pre>
 *  type = 11 | length
 *  Host Name (length - 4 bytes), including at least one NUL terminator
 * </pre>
 *
 * <p>RFC 9260 deprecates this parameter: an INIT or INIT ACK carrying it is answered with ABORT
 * and an Unresolvable Address error cause that quotes it. So it is recognised, never resolved:
 * the name's bytes are kept exactly as received (the decoder accepts any bytes, terminated or not,
 * so the association can quote them back) and {@link #hostName()} only reads them.
 *
 * @param encodedName the host name bytes as on the wire, terminator(s) included
 */
public record HostNameAddressParameter(Bytes encodedName) implements Parameter {

    /**
     * Checks that the value fits the 16-bit length field.
     *
     * @param encodedName the host name bytes as on the wire, terminator(s) included
     */
    public HostNameAddressParameter {
        ValueLimits.valueLength(encodedName.length(), "Host Name Address");
    }

    /**
     * {@return the parameter for {@code hostName}: its US-ASCII bytes followed by one NUL terminator}
     *
     * @param hostName the host name, US-ASCII
     */
    public static HostNameAddressParameter of(String hostName) {
        byte[] ascii = hostName.getBytes(StandardCharsets.US_ASCII);
        byte[] terminated = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, terminated, 0, ascii.length);
        return new HostNameAddressParameter(Bytes.wrap(terminated));
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static HostNameAddressParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 sections 3.3.2.1 and 5.1.2: the name is never looked up, only reported back,
        // so its bytes are kept whatever they hold.
        return new HostNameAddressParameter(value.readRemaining());
    }

    /** {@return the host name: the bytes before the first NUL (all of them if none), read as US-ASCII} */
    public String hostName() {
        int end = 0;
        while (end < encodedName.length() && encodedName.getUnsigned(end) != 0) {
            end++;
        }
        return new String(encodedName.slice(0, end).toByteArray(), StandardCharsets.US_ASCII);
    }

    @Override
    public int type() {
        return ParameterType.HOST_NAME_ADDRESS;
    }

    @Override
    public int valueLength() {
        return encodedName.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        encodedName.writeTo(out);
    }
}
