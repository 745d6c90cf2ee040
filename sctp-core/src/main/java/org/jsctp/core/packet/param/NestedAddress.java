package org.jsctp.core.packet.param;

import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Reads the address parameter nested in the Add IP Address, Delete IP Address and Set Primary
 * Address parameters (RFC 5061 sections 4.2.1, 4.2.2 and 4.2.4): a whole IPv4 or IPv6 Address
 * parameter, header included, after the correlation ID.
 */
final class NestedAddress {

    private NestedAddress() {
    }

    /** Reads one nested address parameter, header, value and any padding, at the reader's position. */
    static AddressParameter read(WireReader in) throws DecodeException {
        int start = in.position();
        if (in.remaining() < Tlv.HEADER_LENGTH) {
            throw in.fail(DecodeException.Reason.TRUNCATED,
                    in.remaining() + " bytes left, too few for the address parameter's header");
        }
        int type = in.readU16();
        int length = in.readU16();
        String name = ParameterType.elementName(type);
        if (length < Tlv.HEADER_LENGTH) {
            throw new DecodeException(DecodeException.Reason.LENGTH_TOO_SHORT, name, start,
                    "length " + length + " is below the 4-byte header");
        }
        if (length - Tlv.HEADER_LENGTH > in.remaining()) {
            throw new DecodeException(DecodeException.Reason.LENGTH_OVERRUN, name, start,
                    "length " + length + " runs past the end of " + in.element());
        }
        // RFC 5061 section 4.2.1: the Address Parameter is an IPv4 or IPv6 Address parameter
        // (RFC 9260 section 3.3.2.1); no other parameter may stand in its place.
        if (!AddressParameter.isAddressType(type)) {
            throw new DecodeException(DecodeException.Reason.INVALID_VALUE, in.element(), start,
                    "nested " + name + " is not an IPv4 or IPv6 Address parameter");
        }
        WireReader value = in.split(length - Tlv.HEADER_LENGTH, name);
        AddressParameter address = (AddressParameter) Parameters.decodeValue(type, value);
        Tlv.skipPadding(in, length, name, start, true);
        return address;
    }
}
