package org.jsctp.core.packet.golden;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;

/**
 * Mutation fuzzing seeded by the golden usrsctp packets: real packets of every chunk type with a
 * few bytes changed, lengths rewritten or the end cut off still decode or fail with a
 * {@link DecodeException} only. The checksum is not verified so the mutations reach the chunk,
 * parameter and cause decoders.
 */
class GoldenMutationProperties {

    private static final List<byte[]> SEEDS = seeds();
    private static final PacketDecoder DECODER = new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM);

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (GoldenCaptures.Capture c : GoldenCaptures.all()) {
            for (Pcapng.UdpDatagram d : c.packets()) {
                out.add(d.payload());
            }
        }
        return out;
    }

    private static void decodeCleanly(byte[] packet) {
        try {
            DECODER.decode(packet);
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    @Property(tries = 3000)
    void goldenPacketsWithChangedBytesDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                                         @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 65535) Integer> positions,
                                                         @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 255) Integer> values) {
        byte[] packet = SEEDS.get(seed % SEEDS.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            packet[positions.get(i) % packet.length] = (byte) (int) values.get(i);
        }
        decodeCleanly(packet);
    }

    /** Rewrites one 16-bit field at an even offset past the common header: hits chunk, parameter and cause lengths. */
    @Property(tries = 3000)
    void goldenPacketsWithARewrittenLengthFieldDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                                                  @ForAll @IntRange(min = 0, max = 65535) int position,
                                                                  @ForAll @IntRange(min = 0, max = 65535) int value) {
        byte[] packet = SEEDS.get(seed % SEEDS.size()).clone();
        int words = (packet.length - 12) / 2;
        if (words <= 0) {
            return;
        }
        int at = 12 + 2 * (position % words);
        packet[at] = (byte) (value >> 8);
        packet[at + 1] = (byte) value;
        decodeCleanly(packet);
    }

    @Property(tries = 1000)
    void truncatedGoldenPacketsDecodeOrFailCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                                   @ForAll @IntRange(min = 0, max = 65535) int cut) {
        byte[] full = SEEDS.get(seed % SEEDS.size());
        byte[] packet = java.util.Arrays.copyOf(full, cut % (full.length + 1));
        decodeCleanly(packet);
    }
}
