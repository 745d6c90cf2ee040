package org.jsctp.core.packet.param;

import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Reads an address parameter nested in another element: the ASCONF chunk's Address Parameter
 * (RFC 5061 section 4.1.1) and the one inside the Add IP Address, Delete IP Address and Set
 * Primary Address parameters (sections 4.2.1, 4.2.2 and 4.2.4). It is a whole IPv4 or IPv6
 * Address parameter, header included.
 */
final class NestedAddress {

    private NestedAddress() {
    }

    /** Reads one nested address parameter, header, value and any padding, at the reader's position. */
    static AddressParameter read(WireReader in) throws DecodeException {
        return Tlv.readOne(in, ParameterType::elementName, NestedAddress::decodeAddress, true);
    }

    private static AddressParameter decodeAddress(int type, WireReader value) throws DecodeException {
        // RFC 5061 sections 4.1.1 and 4.2.1: only an IPv4 or IPv6 Address parameter (RFC 9260
        // section 3.3.2.1) may stand here; a Host Name Address in particular never does.
        if (!AddressParameter.isAddressType(type)) {
            throw value.failAt(value.position() - Tlv.HEADER_LENGTH, DecodeException.Reason.INVALID_VALUE,
                    "nested " + ParameterType.name(type) + " is not an IPv4 or IPv6 Address parameter");
        }
        return (AddressParameter) Parameters.decodeValue(type, value);
    }
}
