package org.jsctp.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;

/**
 * Coverage-guided fuzzing of the packet decoder (docs/FUZZING.md): whatever bytes arrive, only a
 * {@link org.jsctp.core.packet.DecodeException} may come out, and whatever decodes re-encodes to
 * a packet that decodes to an equal one.
 *
 * <p>In a normal build Jazzer runs each target on its seed corpus (the golden usrsctp packets
 * in {@code PacketDecoderFuzzTestInputs/<method>/}); with {@code JAZZER_FUZZ=1} (the
 * {@code -Pfuzz} profile) it fuzzes one target for a bounded time.
 */
class PacketDecoderFuzzTest {

    private static final PacketDecoder STRICT = PacketDecoder.strict();
    private static final PacketDecoder SKIP_CHECKSUM = new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM);

    /** Verifying the CRC32C as traffic is: almost every input stops at the checksum. */
    @FuzzTest(maxDuration = "20s")
    void strictDecode(byte[] input) {
        DecodeChecks.decodeOrFailCleanly(STRICT, input);
    }

    /** Without the checksum check, so mutated packets reach the chunk, parameter and cause decoders. */
    @FuzzTest(maxDuration = "20s")
    void skipChecksumDecode(byte[] input) {
        DecodeChecks.decodeOrFailCleanly(SKIP_CHECKSUM, input);
    }
}
