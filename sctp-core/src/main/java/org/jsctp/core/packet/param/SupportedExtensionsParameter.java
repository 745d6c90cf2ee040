package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Supported Extensions, RFC 5061 section 4.2.7: the extension chunk types the sender of an INIT
 * or INIT ACK supports.
 *
 * <pre>
 *  type = 0x8008 | length = 4 + N
 *  CHUNK TYPE 1 (8) | CHUNK TYPE 2 (8) | ... | CHUNK TYPE N (8)
 * </pre>
 *
 * @param chunkTypes the supported chunk types, each an 8-bit value; may be empty
 */
public record SupportedExtensionsParameter(List<Integer> chunkTypes) implements Parameter {

    /**
     * Checks the ranges.
     *
     * @param chunkTypes the supported chunk types, each an 8-bit value; may be empty
     */
    public SupportedExtensionsParameter {
        chunkTypes = FieldLists.checkedU8List(chunkTypes, "chunk type");
        ValueLimits.valueLength(chunkTypes.size(), "Supported Extensions");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static SupportedExtensionsParameter decode(WireReader value) throws DecodeException {
        // RFC 5061 section 4.2.7: one chunk type per byte of value.
        return new SupportedExtensionsParameter(FieldLists.readU8List(value));
    }

    /**
     * {@return whether {@code chunkType} is listed as supported}
     *
     * @param chunkType a chunk type, 0..255
     */
    public boolean supports(int chunkType) {
        return chunkTypes.contains(chunkType);
    }

    @Override
    public int type() {
        return ParameterType.SUPPORTED_EXTENSIONS;
    }

    @Override
    public int valueLength() {
        return chunkTypes.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        FieldLists.writeU8List(out, chunkTypes);
    }
}
