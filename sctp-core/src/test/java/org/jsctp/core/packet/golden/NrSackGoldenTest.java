package org.jsctp.core.packet.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.junit.jupiter.api.Test;

/**
 * The NR-SACKs usrsctp 0.9.5 sent in the golden capture nrsack-cmt.pcapng
 * (draft-tuexen-tsvwg-sctp-multipath section 4.2) against our codec and against the form our
 * receiver sends (flags zero, every out-of-order TSN in NR Gap Ack Blocks, no Gap Ack Blocks).
 */
class NrSackGoldenTest {

    private static final PacketDecoder DECODER = new PacketDecoder(DecoderOptions.STRICT);

    private static List<Chunk> chunks() throws DecodeException {
        List<Chunk> out = new ArrayList<>();
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("nrsack-cmt.pcapng").packets()) {
            SctpPacket p = DECODER.decode(d.payload());
            out.addAll(p.chunks());
        }
        return out;
    }

    private static byte[] encode(Chunk c) {
        ByteBuffer b = ByteBuffer.allocate(c.encodedLength());
        c.encode(b);
        return b.array();
    }

    /** The raw bytes of every NR-SACK chunk of the capture, found without the codec. */
    private static List<byte[]> rawNrSacks() {
        List<byte[]> out = new ArrayList<>();
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("nrsack-cmt.pcapng").packets()) {
            for (GoldenCaptures.RawChunk c : GoldenCaptures.walk("nrsack", d.payload())) {
                if (c.type() == ChunkType.NR_SACK) {
                    out.add(Arrays.copyOfRange(d.payload(), c.offset(), c.paddedEnd()));
                }
            }
        }
        return out;
    }

    @Test
    void bothSidesOfferNrSackInSupportedExtensions() throws DecodeException {
        List<Chunk> all = chunks();
        InitChunk init = all.stream().filter(InitChunk.class::isInstance).map(InitChunk.class::cast).findFirst().orElseThrow();
        InitAckChunk initAck = all.stream().filter(InitAckChunk.class::isInstance).map(InitAckChunk.class::cast)
                .findFirst().orElseThrow();
        assertThat(Capabilities.offeredIn(init.parameters()).nrSack()).isTrue();
        assertThat(Capabilities.offeredIn(initAck.parameters()).nrSack()).isTrue();
        Capabilities ours = new Capabilities(false, false, false).withNrSack(true);
        assertThat(ours.commonWith(Capabilities.offeredIn(init.parameters())).nrSack()).isTrue();
    }

    @Test
    void everyNrSackDecodesAndReEncodesToTheSameBytesInTheFormOurReceiverSends() throws DecodeException {
        List<byte[]> raw = rawNrSacks();
        List<NrSackChunk> decoded = chunks().stream().filter(NrSackChunk.class::isInstance).map(NrSackChunk.class::cast)
                .toList();
        assertThat(raw).hasSize(64); // README: 16:64
        assertThat(decoded).hasSize(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            NrSackChunk n = decoded.get(i);
            assertThat(encode(n)).as("NR-SACK %d", i).isEqualTo(raw.get(i));
            assertThat(n.flags()).isZero();
            assertThat(n.gapAckBlocks()).isEmpty();
            // What our receiver builds for the same state (NrSackRules.toNrSack): the same bytes.
            NrSackChunk ours = new NrSackChunk(false, n.cumulativeTsnAck(), n.advertisedReceiverWindowCredit(),
                    List.of(), n.nrGapAckBlocks(), n.duplicateTsns());
            assertThat(encode(ours)).isEqualTo(raw.get(i));
        }
    }
}
