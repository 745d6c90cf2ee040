package org.jsctp.core.packet.param;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * IPv4 Address, RFC 9260 section 3.3.2.1: one IPv4 address of the sending endpoint.
 *
 * <pre>
 *  type = 5 | length = 8
 *  IPv4 Address (32)
 * </pre>
 *
 * @param address the IPv4 address
 */
public record Ipv4AddressParameter(Inet4Address address) implements AddressParameter {

    /** Size of the value: one IPv4 address. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Rejects null.
     *
     * @param address the IPv4 address
     */
    public Ipv4AddressParameter {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static Ipv4AddressParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.2.1: the value is exactly one 32-bit address.
        byte[] raw = value.readArray(VALUE_LENGTH);
        value.expectEnd();
        try {
            // getByAddress on raw bytes builds the address without any name lookup.
            return new Ipv4AddressParameter((Inet4Address) InetAddress.getByAddress(raw));
        } catch (UnknownHostException e) {
            throw value.fail(DecodeException.Reason.INVALID_VALUE, "not an IPv4 address");
        }
    }

    @Override
    public int type() {
        return ParameterType.IPV4_ADDRESS;
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
