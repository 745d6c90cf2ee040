package org.jsctp.core.packet.param;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * An address of an endpoint as INIT, INIT ACK and the ASCONF parameters carry it: an IPv4 Address
 * or IPv6 Address parameter (RFC 9260 section 3.3.2.1, RFC 5061 section 4.2).
 *
 * <p>Only the address bytes travel on the wire: an {@link InetAddress}'s host name and IPv6 scope
 * are not encoded, and equality compares the address bytes alone.
 */
public sealed interface AddressParameter extends Parameter permits Ipv4AddressParameter, Ipv6AddressParameter {

    /** {@return the address carried} */
    InetAddress address();

    /**
     * {@return the parameter that carries {@code address}: IPv4 for an {@link Inet4Address}, IPv6 otherwise}
     *
     * @param address an IPv4 or IPv6 address
     */
    static AddressParameter of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet4Address v4) {
            return new Ipv4AddressParameter(v4);
        }
        if (address instanceof Inet6Address v6) {
            return new Ipv6AddressParameter(v6);
        }
        throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
    }

    /**
     * Reads a whole IPv4 or IPv6 Address parameter nested in another element (header, value and
     * padding) at the reader's position; any other parameter type is an error.
     *
     * @param in the reader, at the nested parameter's header
     * @return the address parameter
     * @throws DecodeException if it is not a well-formed IPv4 or IPv6 Address parameter
     */
    static AddressParameter readNested(WireReader in) throws DecodeException {
        return NestedAddress.read(in);
    }

    /**
     * {@return whether {@code type} is the type of an address parameter (IPv4 or IPv6)}
     *
     * @param type a parameter type
     */
    static boolean isAddressType(int type) {
        return type == ParameterType.IPV4_ADDRESS || type == ParameterType.IPV6_ADDRESS;
    }
}
