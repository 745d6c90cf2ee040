package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** Which received datagrams may be decoded from the handler's reused scratch array (issue 6). */
class ViewFreeDatagramTest {

    private static boolean viewFree(List<Chunk> chunks) {
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(CommonHeader.of(1, 2, 3), chunks));
        ByteBuf buf = Unpooled.buffer(bytes.length + 8);
        try {
            buf.writeZero(5).readerIndex(5); // the datagram need not start at index 0
            buf.writeBytes(bytes);
            return ViewFreeDatagram.holdsOnlyViewFreeChunks(buf);
        } finally {
            buf.release();
        }
    }

    private static DataChunk data() {
        return new DataChunk(false, false, true, true, new Tsn(1), 0, new Ssn(0), 0, Bytes.fromHex("010203"));
    }

    @Test
    void sackOnlyDatagramsAreViewFree() {
        assertThat(viewFree(List.of(SackChunk.of(new Tsn(7), 65536)))).isTrue();
        assertThat(viewFree(List.of(new SackChunk(new Tsn(7), 100, List.of(new GapAckBlock(2, 3)), List.of(new Tsn(5))),
                SackChunk.of(new Tsn(8), 100)))).isTrue();
    }

    @Test
    void datagramsWithAnyOtherChunkGetTheirOwnArray() {
        assertThat(viewFree(List.of(data()))).as("DATA: the user's payload views the array").isFalse();
        assertThat(viewFree(List.of(SackChunk.of(new Tsn(7), 100), data()))).isFalse();
        assertThat(viewFree(List.of(SackChunk.of(new Tsn(7), 100), CookieAckChunk.INSTANCE))).isFalse();
        assertThat(viewFree(List.of())).as("no chunk at all").isFalse();
    }

    @Test
    void aDatagramTheWalkCannotFollowIsNotViewFree() {
        ByteBuf buf = Unpooled.buffer();
        try {
            buf.writeZero(CommonHeader.LENGTH);
            buf.writeByte(3).writeByte(0).writeShort(2); // a SACK header whose length is below 4
            assertThat(ViewFreeDatagram.holdsOnlyViewFreeChunks(buf)).isFalse();
            buf.clear().writeZero(CommonHeader.LENGTH).writeByte(3).writeByte(0); // a chunk header cut short
            assertThat(ViewFreeDatagram.holdsOnlyViewFreeChunks(buf)).isFalse();
            buf.clear().writeZero(4); // shorter than the common header
            assertThat(ViewFreeDatagram.holdsOnlyViewFreeChunks(buf)).isFalse();
        } finally {
            buf.release();
        }
    }
}
