package org.jsctp.core.packet.param;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * IPv6 Address, RFC 9260 section 3.3.2.1: one IPv6 address of the sending endpoint.
 *
 * <pre>
 *  type = 6 | length = 20
 *  IPv6 Address (128)
 * </pre>
 *
 * <p>An IPv4-mapped IPv6 address stays an {@link Inet6Address} here, so it re-encodes as the
 * IPv6 parameter it came in.
 *
 * @param address the IPv6 address
 */
public record Ipv6AddressParameter(Inet6Address address) implements AddressParameter {

    /** Size of the value: one IPv6 address. */
    public static final int VALUE_LENGTH = 16;

    /**
     * Rejects null.
     *
     * @param address the IPv6 address
     */
    public Ipv6AddressParameter {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static Ipv6AddressParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.2.1: the value is exactly one 128-bit address.
        byte[] raw = value.readArray(VALUE_LENGTH);
        value.expectEnd();
        try {
            // Inet6Address.getByAddress keeps mapped IPv4 addresses as IPv6 (InetAddress's would
            // not) and, given raw bytes, does no name lookup. No scope: the wire carries none.
            return new Ipv6AddressParameter(Inet6Address.getByAddress(null, raw, -1));
        } catch (UnknownHostException e) {
            throw value.fail(DecodeException.Reason.INVALID_VALUE, "not an IPv6 address");
        }
    }

    @Override
    public int type() {
        return ParameterType.IPV6_ADDRESS;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        out.put(address.getAddress());
    }
}
