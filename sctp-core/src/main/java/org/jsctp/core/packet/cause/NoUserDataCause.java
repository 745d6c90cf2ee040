package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * No User Data, RFC 9260 section 3.3.10.9: a DATA chunk arrived with no user data.
 *
 * <pre>
 *  Cause Code = 9 | Cause Length = 8
 *  TSN value (32)
 * </pre>
 *
 * @param tsn the TSN of the empty DATA chunk
 */
public record NoUserDataCause(Tsn tsn) implements ErrorCause {

    /** Length in bytes of the error cause's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Rejects null.
     *
     * @param tsn the TSN of the empty DATA chunk
     */
    public NoUserDataCause {
        Objects.requireNonNull(tsn, "tsn");
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static NoUserDataCause decode(WireReader value) throws DecodeException {
        Tsn tsn = new Tsn(value.readU32());
        value.expectEnd(); // RFC 9260 section 3.3.10.9: Cause Length is 8
        return new NoUserDataCause(tsn);
    }

    @Override
    public int code() {
        return CauseCode.NO_USER_DATA;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), "TSN " + tsn);
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, tsn.value());
    }
}
