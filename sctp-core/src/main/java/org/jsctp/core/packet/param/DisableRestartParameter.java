package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Disable Restart, draft-ietf-tsvwg-natsupp section 5.3.1: the sender asks that its association
 * never be restarted, since behind a NAT function an INIT from another host with the same ports
 * could otherwise restart it. Sent in INIT and INIT ACK, and in ASCONF when adding an address.
 *
 * <pre>
 *  type = 0xC007 | length = 4
 * </pre>
 *
 * <p>The type number is the one the draft suggests and FreeBSD/usrsctp use (SCTP_HAS_NAT_SUPPORT).
 */
public record DisableRestartParameter() implements Parameter {

    /** The only instance: the parameter has no fields. */
    public static final DisableRestartParameter INSTANCE = new DisableRestartParameter();

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static DisableRestartParameter decode(WireReader value) throws DecodeException {
        // draft-ietf-tsvwg-natsupp section 5.3.1: the length is 4, the header alone; value bytes
        // make the parameter malformed.
        value.expectEnd();
        return INSTANCE;
    }

    @Override
    public int type() {
        return ParameterType.DISABLE_RESTART;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
