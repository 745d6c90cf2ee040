package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Supported Address Types, RFC 9260 section 3.3.2.1: the address parameter types an INIT's
 * sender can use.
 *
 * <pre>
 *  type = 12 | length
 *  Address Type #1 (16) | Address Type #2 (16) | ...
 * </pre>
 *
 * @param addressTypes parameter types of address parameters, e.g. 5 (IPv4), 6 (IPv6), 11 (host
 *     name); each a 16-bit value
 */
public record SupportedAddressTypesParameter(List<Integer> addressTypes) implements Parameter {

    /**
     * Checks the ranges.
     *
     * @param addressTypes parameter types of address parameters, e.g. 5 (IPv4), 6 (IPv6), 11 (host
     *     name); each a 16-bit value
     */
    public SupportedAddressTypesParameter {
        addressTypes = FieldLists.checkedU16List(addressTypes, "address type");
        ValueLimits.valueLength(2 * addressTypes.size(), "Supported Address Types");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static SupportedAddressTypesParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.2.1: a list of 16-bit types filling the value; an odd length
        // cannot be one.
        return new SupportedAddressTypesParameter(FieldLists.readU16List(value, "address types"));
    }

    /**
     * {@return whether {@code parameterType} (e.g. {@link ParameterType#IPV6_ADDRESS}) is listed}
     *
     * @param parameterType an address parameter type
     */
    public boolean supports(int parameterType) {
        return addressTypes.contains(parameterType);
    }

    @Override
    public int type() {
        return ParameterType.SUPPORTED_ADDRESS_TYPES;
    }

    @Override
    public int valueLength() {
        return 2 * addressTypes.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        FieldLists.writeU16List(out, addressTypes);
    }
}
