package org.jsctp.core.assoc;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.SupportedAddressTypesParameter;

/**
 * The address parameters of INIT and INIT ACK (RFC 9260 section 5.1.2): which of our addresses we
 * list, and which peer addresses we take from the peer's chunk and the packet's source.
 */
final class AddressParameters {

    private AddressParameters() {
    }

    /**
     * Our addresses for an INIT: the configured {@link AssociationConfig#localAddresses()}, none
     * when that list is empty (the peer then uses the packet's source, section 5.1.2).
     */
    static List<Parameter> forInit(AssociationConfig config) {
        List<Parameter> out = new ArrayList<>(config.localAddresses().size());
        for (InetAddress a : config.localAddresses()) {
            out.add(AddressParameter.of(a));
        }
        return out;
    }

    /**
     * Our addresses for the INIT ACK answering {@code initParameters}: as {@link #forInit}, less
     * the address types the INIT's Supported Address Types parameter leaves out (RFC 9260 section
     * 3.3.2.1: the receiver uses only the types the sender supports).
     */
    static List<Parameter> forInitAck(AssociationConfig config, List<Parameter> initParameters) {
        SupportedAddressTypesParameter supported = null;
        for (Parameter p : initParameters) {
            if (p instanceof SupportedAddressTypesParameter s) {
                supported = s;
            }
        }
        List<Parameter> out = new ArrayList<>(config.localAddresses().size());
        for (InetAddress a : config.localAddresses()) {
            int type = a instanceof Inet4Address ? ParameterType.IPV4_ADDRESS : ParameterType.IPV6_ADDRESS;
            if (supported == null || supported.supports(type)) {
                out.add(AddressParameter.of(a));
            }
        }
        return out;
    }

    /**
     * The peer's addresses an INIT or INIT ACK gives (RFC 9260 section 5.1.2): the packet's
     * source first, then each IPv4 and IPv6 Address parameter, each once; none when the source is
     * unknown (the association then keeps one anonymous path). Addresses no peer can have
     * (wildcard, multicast) are left out; at most {@code max} are taken.
     */
    static List<InetAddress> peerAddresses(InetAddress source, List<Parameter> parameters, int max) {
        if (source == null) {
            return List.of();
        }
        Set<InetAddress> out = new LinkedHashSet<>();
        out.add(source);
        for (Parameter p : parameters) {
            if (out.size() >= max) {
                break;
            }
            if (p instanceof AddressParameter a && usable(a.address())) {
                out.add(a.address());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The addresses of an INIT ({@link #peerAddresses}) that {@code known} are not among, as
     * address parameters (for the Restart of an Association with New Addresses cause, RFC 9260
     * section 3.3.10.11). Nothing for an association of one anonymous path (no address known);
     * an INIT of unknown source has no addresses, so nothing either.
     *
     * @param known the association's peer addresses
     * @param offered the INIT's peer addresses
     * @return the addresses added, in the INIT's order; empty if none
     */
    static List<Parameter> addedTo(List<InetAddress> known, List<InetAddress> offered) {
        if (known.isEmpty()) {
            return List.of();
        }
        List<Parameter> added = new ArrayList<>(0);
        for (InetAddress a : offered) {
            if (!known.contains(a)) {
                added.add(AddressParameter.of(a));
            }
        }
        return added;
    }

    private static boolean usable(InetAddress a) {
        return (a instanceof Inet4Address || a instanceof Inet6Address) && !a.isAnyLocalAddress()
                && !a.isMulticastAddress();
    }
}
