package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * Base-protocol chunks exactly as usrsctp 0.9.5 sent them (the captures in test resources
 * golden/, see its README): each decodes to the expected chunk and re-encodes to the same bytes,
 * padding included.
 */
class CoreChunkGoldenTest {

    private static <T extends Chunk> T reencodes(String chunkHex, Class<T> type) {
        Chunk c = CodecAssertions.decodeChunk(hex(chunkHex));
        assertThat(c).isInstanceOf(type);
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex(chunkHex));
        return type.cast(c);
    }

    @Test
    void initFromBaseCapture() {
        // base.pcapng frame 1: Supported Address Types (IPv4) only
        InitChunk init = reencodes("0100001adfb32c7e0002000000030800151eccd2000c000600050000", InitChunk.class);
        assertThat(init.initiateTag()).isEqualTo(0xDFB32C7E);
        assertThat(init.advertisedReceiverWindowCredit()).isEqualTo(0x20000);
        assertThat(init.outboundStreams()).isEqualTo(3);
        assertThat(init.inboundStreams()).isEqualTo(2048);
        assertThat(init.initialTsn()).isEqualTo(new Tsn(0x151ECCD2));
        assertThat(init.parameters()).hasSize(1);
    }

    @Test
    void initWithExtensionsAndAddressesFromNrSackCapture() {
        InitChunk init = reencodes("010000345fc0a75400020000000408004bdf5e948008000510000000000c000600050000"
                + "000500087f000002000500087f000001", InitChunk.class);
        assertThat(init.parameters()).hasSize(4);
    }

    @Test
    void initAckWithStateCookieFromEcnCapture() {
        InitAckChunk ack = reencodes("020000d85d5fe1ea0002000001000800a206538180000004000700c04b414d452d42534420312e"
                + "3100000000711e0b6b0000000013b40b000000000060ea0000000000000000000021a490845d5fe1ea7f00000100000000"
                + "0000000000000000050000007f0000010000000000000000000000000500000000000000f8441388010000000101010000"
                + "0000000100001e8490a4210002000000040800b625927480000004000c000600050000020000d85d5fe1ea000200000100"
                + "0800a2065381800000045df3396efa0f3df59f5b4803d0843f97ae08a097", InitAckChunk.class);
        assertThat(ack.initiateTag()).isEqualTo(0x5D5FE1EA);
        assertThat(ack.outboundStreams()).isEqualTo(256);
        assertThat(ack.parameters()).hasSize(2);
    }

    @Test
    void sackWithGapBlocksFromIForwardTsnCapture() {
        SackChunk sack = reencodes("0300001c2e04db070001ec60000300000002000500070008000a000a", SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(new Tsn(0x2E04DB07));
        assertThat(sack.advertisedReceiverWindowCredit()).isEqualTo(0x1EC60);
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(2, 5), new GapAckBlock(7, 8),
                new GapAckBlock(10, 10));
        assertThat(sack.duplicateTsns()).isEmpty();
    }

    @Test
    void nrSackFromNrSackCapture() {
        NrSackChunk nr = reencodes("100000144bdf5e960001ebef0000000000000000", NrSackChunk.class);
        assertThat(nr.cumulativeTsnAck()).isEqualTo(new Tsn(0x4BDF5E96));
        assertThat(nr.allNonRenegable()).isFalse();
    }

    @Test
    void heartbeatAndItsAckFromAsconfCapture() {
        String info = "000100286b1e0b6bf1a80c00cdf8ea996c6bfb0a021000007f000002000000000000000000000000";
        HeartbeatChunk hb = reencodes("0400002c" + info, HeartbeatChunk.class);
        HeartbeatAckChunk ack = reencodes("0500002c" + info, HeartbeatAckChunk.class);
        assertThat(hb.info()).isPresent();
        assertThat(hb.ack()).isEqualTo(ack);
    }

    @Test
    void abortWithUserInitiatedCauseFromAbortCapture() {
        // a 37-byte cause whose padding is the chunk's
        AbortChunk abort = reencodes("06000029000c0025757372736374702d706565723a2041555448206e6f74206e65676f7469"
                + "61746564000000", AbortChunk.class);
        assertThat(abort.reflectedTag()).isFalse();
        assertThat(abort.causes()).hasSize(1);
    }

    @Test
    void shutdownSequenceFromBaseCapture() {
        assertThat(reencodes("070000081d1e3310", ShutdownChunk.class).cumulativeTsnAck())
                .isEqualTo(new Tsn(0x1D1E3310));
        assertThat(reencodes("08000004", ShutdownAckChunk.class)).isEqualTo(ShutdownAckChunk.INSTANCE);
        assertThat(reencodes("0e000004", ShutdownCompleteChunk.class).reflectedTag()).isFalse();
    }

    @Test
    void cookieEchoFromBaseCaptureKeepsTheCookie() {
        String cookie = "4b414d452d42534420312e3100000000581e0b6b0000000097b804000000000060ea000000000000000000007e2c"
                + "b3df467805bd7f000001000000000000000000000000050000007f0000010000000000000000000000000500000000000000"
                + "faff13880100000001010100000000000100001adfb32c7e0002000000030800151eccd2000c0006000500000200"
                + "00cc467805bd00020000010008001d1e32fd406821cb3ed9920dc2333d27fc1441f97c7fa886";
        CookieEchoChunk echo = reencodes("0a0000b8" + cookie, CookieEchoChunk.class);
        assertThat(echo.cookie().toHex()).isEqualTo(cookie);
        assertThat(echo.cookie().length()).isEqualTo(180);
    }
}
