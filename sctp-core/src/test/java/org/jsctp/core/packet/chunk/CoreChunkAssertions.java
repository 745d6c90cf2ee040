package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/** Helpers for the tests of the base-protocol chunks: malformed values and hand-built chunks. */
final class CoreChunkAssertions {

    private CoreChunkAssertions() {
    }

    /** Decodes {@code valueHex} as the value of a chunk of {@code type} and expects {@code reason}. */
    static DecodeException assertValueFails(int type, int flags, String valueHex, DecodeException.Reason reason) {
        byte[] value = hex(valueHex);
        DecodeException[] caught = new DecodeException[1];
        assertThatThrownBy(() -> Chunks.decodeValue(type, flags, WireReader.of(value, ChunkType.elementName(type))))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason);
                    caught[0] = e;
                });
        return caught[0];
    }

    /** A whole chunk (header, value, padding) of {@code type} and {@code flags} around {@code valueHex}. */
    static byte[] chunk(int type, int flags, String valueHex) {
        byte[] value = hex(valueHex);
        int length = Tlv.HEADER_LENGTH + value.length;
        ByteBuffer out = ByteBuffer.allocate(Tlv.padded(length));
        out.put((byte) type).put((byte) flags).putShort((short) length).put(value);
        return out.array();
    }
}
