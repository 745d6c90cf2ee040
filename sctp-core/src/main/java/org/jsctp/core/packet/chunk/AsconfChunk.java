package org.jsctp.core.packet.chunk;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/**
 * Address Configuration Change (ASCONF), RFC 5061 section 4.1.1: requests to add or delete
 * addresses of the association or to change the peer's primary path.
 *
 * <pre>
 *  type = 0xC1 | flags: reserved | length
 *  Serial Number (32)
 *  Address Parameter: type 5, length 8, IPv4 address (32)
 *                  or type 6, length 20, IPv6 address (128)
 *  ASCONF Parameter #1 .. #N (Add IP Address, Delete IP Address, Set Primary Address, ...)
 * </pre>
 *
 * <p>The mandatory Address Parameter names one of the sender's addresses, which lets the receiver
 * find the association; it is kept here as the address it carries, and written back as the IPv4
 * or IPv6 Address parameter of RFC 9260 section 3.3.2.1 that matches the address family. An IPv6
 * address is encoded without a scope, and an IPv4-mapped IPv6 address stays an IPv6 parameter.
 *
 * <p>RFC 5061 section 4.1.1 expects one or more requests; an ASCONF carrying none has nothing to
 * apply and is acknowledged like any other, so the decoder does not reject it.
 *
 * @param serialNumber the 32-bit serial number, compared with serial arithmetic (RFC 5061 section 3)
 * @param address the sender's address from the Address Parameter: an {@link Inet4Address} or {@link Inet6Address}
 * @param parameters the ASCONF request parameters in order; unknown types are kept for RFC 9260 section 3.2.1
 */
public record AsconfChunk(int serialNumber, InetAddress address, List<Parameter> parameters) implements Chunk {

    /** Serial number and the IPv4 Address parameter: the smallest value. */
    public static final int MIN_VALUE_LENGTH = 4 + 8;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param serialNumber the 32-bit serial number, compared with serial arithmetic (RFC 5061 section 3)
     * @param address the sender's address from the Address Parameter: an {@link Inet4Address} or {@link Inet6Address}
     * @param parameters the ASCONF request parameters in order; unknown types are kept for RFC 9260 section 3.2.1
     * @throws IllegalArgumentException if a component is out of range
     */
    public AsconfChunk {
        Objects.requireNonNull(address, "address");
        if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
        }
        parameters = List.copyOf(parameters);
        long length = 4L + AddressParameter.of(address).encodedLength() + Parameters.listLength(parameters);
        if (length > 0xFFFF - 4) {
            throw new IllegalArgumentException("parameters too long for one chunk: " + length + " bytes");
        }
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AsconfChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 5061 section 4.1.1: the flags are reserved, set to zero and ignored on receipt.
        int serialNumber = value.readU32();
        // RFC 5061 section 4.1.1: the Address Parameter is mandatory and comes first.
        InetAddress address = AddressParameter.readNested(value).address();
        List<Parameter> parameters = Parameters.decodeList(value);
        return new AsconfChunk(serialNumber, address, parameters);
    }

    @Override
    public int type() {
        return ChunkType.ASCONF;
    }

    /** {@return the Address Parameter as it goes on the wire} */
    public AddressParameter addressParameter() {
        return AddressParameter.of(address);
    }

    @Override
    public int valueLength() {
        return 4 + addressParameter().encodedLength() + Parameters.listLength(parameters);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, serialNumber);
        addressParameter().encode(out); // 8 or 20 bytes: never padded
        Parameters.encodeList(out, parameters);
    }
}
