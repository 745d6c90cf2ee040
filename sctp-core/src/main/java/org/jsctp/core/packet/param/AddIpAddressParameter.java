package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Add IP Address, RFC 5061 section 4.2.1: an ASCONF request to add an address to the
 * association.
 *
 * <pre>
 *  type = 0xC001 | length = 8 + address parameter length
 *  ASCONF-Request Correlation ID (32)
 *  Address Parameter: a whole IPv4 (8 bytes) or IPv6 (20 bytes) Address parameter
 * </pre>
 *
 * @param correlationId the ID the ASCONF-ACK's answer to this request will carry
 * @param address the address concerned
 */
public record AddIpAddressParameter(int correlationId, AddressParameter address) implements CorrelatedParameter {

    /**
     * Rejects null.
     *
     * @param correlationId the ID the ASCONF-ACK's answer to this request will carry
     * @param address the address concerned
     */
    public AddIpAddressParameter {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AddIpAddressParameter decode(WireReader value) throws DecodeException {
        int correlationId = value.readU32();
        AddressParameter address = NestedAddress.read(value);
        // RFC 5061 section 4.2.1: the address parameter is the last field.
        value.expectEnd();
        return new AddIpAddressParameter(correlationId, address);
    }

    @Override
    public int type() {
        return ParameterType.ADD_IP_ADDRESS;
    }

    @Override
    public int valueLength() {
        return 4 + address.unpaddedLength();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, correlationId);
        // Address parameters are 8 or 20 bytes: no padding to leave out.
        address.encodeUnpadded(out);
    }
}
