package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.packet.param.ParameterType;

/**
 * Missing Mandatory Parameter, RFC 9260 section 3.3.10.2: an INIT or INIT ACK lacked mandatory
 * parameters.
 *
 * <pre>
 *  Cause Code = 2 | Cause Length = 8 + N * 2
 *  Number of missing params = N (32)
 *  Missing Param Type #1 (16) | Missing Param Type #2 (16) | ... | Missing Param Type #N (16)
 * </pre>
 *
 * <p>The count is not stored: it is the size of {@link #parameterTypes()}.
 *
 * @param parameterTypes the types of the missing parameters, in the order sent
 */
public record MissingMandatoryParameterCause(List<Integer> parameterTypes) implements ErrorCause {

    /** The 32-bit count before the list. */
    public static final int FIXED_VALUE_LENGTH = 4;
    /** Most types one cause can list: its 16-bit length counts the header and the count. */
    public static final int MAX_TYPES = (Echoed.MAX_VALUE_LENGTH - FIXED_VALUE_LENGTH) / 2;

    /**
     * Checks the ranges, copies what is mutable.
     *
     * @param parameterTypes the types of the missing parameters, in the order sent
     * @throws IllegalArgumentException if a component is out of range
     */
    public MissingMandatoryParameterCause {
        parameterTypes = List.copyOf(parameterTypes);
        if (parameterTypes.size() > MAX_TYPES) {
            throw new IllegalArgumentException("too many parameter types for one cause: " + parameterTypes.size());
        }
        for (int type : parameterTypes) {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("parameter type is a 16-bit value: " + type);
            }
        }
    }

    /**
     * {@return the cause listing the missing {@code parameterTypes}}
     *
     * @param parameterTypes the missing parameters' types, each 0..65535
     * @throws IllegalArgumentException if a type is out of range
     */
    public static MissingMandatoryParameterCause of(int... parameterTypes) {
        List<Integer> types = new ArrayList<>(parameterTypes.length);
        for (int type : parameterTypes) {
            types.add(type);
        }
        return new MissingMandatoryParameterCause(types);
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static MissingMandatoryParameterCause decode(WireReader value) throws DecodeException {
        long count = Integer.toUnsignedLong(value.readU32());
        // RFC 9260 section 3.3.10.2: the rest is exactly N 16-bit types, so the count must match
        // the bytes present; the list is sized by those bytes, never by the count alone.
        if (value.remaining() % 2 != 0) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    "parameter types take 2 bytes each, " + value.remaining() + " bytes present");
        }
        int present = value.remaining() / 2;
        if (count > present) {
            throw value.fail(DecodeException.Reason.TRUNCATED,
                    "count says " + count + " missing parameters, only " + present + " types present");
        }
        if (count < present) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_LONG,
                    "count says " + count + " missing parameters, " + present + " types present");
        }
        List<Integer> types = new ArrayList<>(present);
        for (int i = 0; i < present; i++) {
            types.add(value.readU16());
        }
        return new MissingMandatoryParameterCause(types);
    }

    @Override
    public int code() {
        return CauseCode.MISSING_MANDATORY_PARAMETER;
    }

    @Override
    public String describe() {
        String listed = parameterTypes.stream().limit(CauseText.MAX_LISTED)
                .map(ParameterType::name).collect(Collectors.joining(", "));
        return CauseText.describe(code(), parameterTypes.size() > CauseText.MAX_LISTED ? listed + ", ..." : listed);
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + 2 * parameterTypes.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, parameterTypes.size());
        for (int type : parameterTypes) {
            WireWriter.writeU16(out, type);
        }
    }
}
