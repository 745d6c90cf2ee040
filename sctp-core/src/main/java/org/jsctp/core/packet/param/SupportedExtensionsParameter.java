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

    public SupportedExtensionsParameter {
        chunkTypes = FieldLists.checkedU8List(chunkTypes, "chunk type");
        ValueLimits.valueLength(chunkTypes.size(), "Supported Extensions");
    }

    public static SupportedExtensionsParameter decode(WireReader value) throws DecodeException {
        // RFC 5061 section 4.2.7: one chunk type per byte of value.
        return new SupportedExtensionsParameter(FieldLists.readU8List(value));
    }

    /** Whether {@code chunkType} is listed as supported. */
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
