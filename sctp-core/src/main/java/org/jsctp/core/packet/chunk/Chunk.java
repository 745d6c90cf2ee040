package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.WireElement;
import org.jsctp.core.packet.WireWriter;

/**
 * One chunk of an SCTP packet (RFC 9260 section 3.2): an immutable value with its own
 * {@code decode} and encoding. Implementations keep the flags their definition gives meaning to;
 * reserved flag bits are ignored on receipt and sent as zero.
 */
public interface Chunk extends WireElement {

    /** {@return the chunk type, one of {@link ChunkType}'s constants or an unknown type} */
    int type();

    /** {@return the chunk flags byte as sent} */
    default int flags() {
        return 0;
    }

    @Override
    default void encodeHeader(ByteBuffer out, int valueLength) {
        WireWriter.writeU8(out, type());
        WireWriter.writeU8(out, flags());
        WireWriter.writeU16(out, 4 + valueLength);
    }
}
