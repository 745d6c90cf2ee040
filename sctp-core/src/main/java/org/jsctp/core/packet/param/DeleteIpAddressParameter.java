package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Delete IP Address, RFC 5061 section 4.2.2: an ASCONF request to remove an address from
 * the association.
 *
 * <pre>
 *  type = 0xC002 | length = 8 + address parameter length
 *  ASCONF-Request Correlation ID (32)
 *  Address Parameter: a whole IPv4 (8 bytes) or IPv6 (20 bytes) Address parameter
 * </pre>
 *
 * @param correlationId the ID the ASCONF-ACK's answer to this request will carry
 * @param address the address concerned
 */
public record DeleteIpAddressParameter(int correlationId, AddressParameter address) implements CorrelatedParameter {

    /**
     * Rejects null.
     *
     * @param correlationId the ID the ASCONF-ACK's answer to this request will carry
     * @param address the address concerned
     */
    public DeleteIpAddressParameter {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static DeleteIpAddressParameter decode(WireReader value) throws DecodeException {
        int correlationId = value.readU32();
        AddressParameter address = NestedAddress.read(value);
        // RFC 5061 section 4.2.2: the address parameter is the last field.
        value.expectEnd();
        return new DeleteIpAddressParameter(correlationId, address);
    }

    @Override
    public int type() {
        return ParameterType.DELETE_IP_ADDRESS;
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
