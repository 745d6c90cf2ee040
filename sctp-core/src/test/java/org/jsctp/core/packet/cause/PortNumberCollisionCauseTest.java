package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.junit.jupiter.api.Test;

class PortNumberCollisionCauseTest {

    @Test
    void decodesATruncatedInitFromTheValue() throws DecodeException {
        PortNumberCollisionCause cause = PortNumberCollisionCause.decode(WireReader.of(hex("0100 0014 12345678"), "v"));
        assertThat(cause.chunk()).isEqualTo(Bytes.fromHex("0100001412345678"));
        assertThat(cause.describe()).isEqualTo("Port Number Collision: INIT");
    }

    @Test
    void encodesCode0x00b2WithTheCopiedChunk() {
        PortNumberCollisionCause cause =
                PortNumberCollisionCause.of(new UnknownChunk(ChunkType.INIT, 0, Bytes.empty()));
        assertThat(CodecAssertions.encode(cause)).isEqualTo(hex("00b2 0008 0100 0004"));
    }

    @Test
    void roundTripsThroughItsOwnDecode() throws DecodeException {
        Bytes largest = Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH]);
        for (Bytes chunk : new Bytes[] {Bytes.empty(), Bytes.fromHex("01"), largest}) {
            PortNumberCollisionCause cause = new PortNumberCollisionCause(chunk);
            byte[] wire = CodecAssertions.encode(cause);
            assertThat(PortNumberCollisionCause.decode(WireReader.of(wire, 4, cause.valueLength(), "v")))
                    .isEqualTo(cause);
        }
    }

    @Test
    void isDispatchedByItsCode() {
        assertThat(decodeOne("00b2 0004")).isInstanceOf(PortNumberCollisionCause.class);
    }
}
