package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Requested HMAC Algorithm (HMAC-ALGO), RFC 4895 section 3.3: the HMAC algorithms the sender
 * accepts for AUTH chunks, most preferred first.
 *
 * <pre>
 *  type = 0x8004 | length = 4 + 2 * N
 *  HMAC Identifier 1 (16) | HMAC Identifier 2 (16) | ... | HMAC Identifier N (16)
 * </pre>
 *
 * <p>RFC 4895 requires SHA-1 in every list; that, like the choice of algorithm, is the
 * association's check, so any list of 16-bit identifiers decodes.
 *
 * @param hmacIds the HMAC identifiers, each a 16-bit value, e.g. {@link #HMAC_SHA_1}
 */
public record RequestedHmacAlgorithmParameter(List<Integer> hmacIds) implements Parameter {

    /** HMAC identifier of SHA-1 (RFC 4895 section 3.3). */
    public static final int HMAC_SHA_1 = 1;
    /** HMAC identifier of SHA-256 (RFC 4895 section 3.3). */
    public static final int HMAC_SHA_256 = 3;

    /**
     * Checks the ranges.
     *
     * @param hmacIds the HMAC identifiers, each a 16-bit value, e.g. {@link #HMAC_SHA_1}
     */
    public RequestedHmacAlgorithmParameter {
        hmacIds = FieldLists.checkedU16List(hmacIds, "HMAC identifier");
        ValueLimits.valueLength(2 * hmacIds.size(), "Requested HMAC Algorithm");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static RequestedHmacAlgorithmParameter decode(WireReader value) throws DecodeException {
        // RFC 4895 section 3.3: a list of 16-bit identifiers; an odd length cannot be one.
        return new RequestedHmacAlgorithmParameter(FieldLists.readU16List(value, "HMAC identifiers"));
    }

    @Override
    public int type() {
        return ParameterType.REQUESTED_HMAC_ALGORITHM;
    }

    @Override
    public int valueLength() {
        return 2 * hmacIds.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        FieldLists.writeU16List(out, hmacIds);
    }
}
