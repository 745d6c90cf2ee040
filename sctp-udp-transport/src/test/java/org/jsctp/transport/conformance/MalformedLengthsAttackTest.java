package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Malformed lengths end to end (RFC 9260 sections 3.2, 3.2.1, 6.8): chunk lengths 0, 1, 3 and
 * past the packet, parameter lengths that are too short, run past their chunk or leave no room
 * for padding in INIT and INIT ACK, truncated packets and bad padding, each with a correct
 * CRC32C so they get past the checksum. The endpoint drops each without an answer (a packet that
 * does not decode cannot be trusted for a reply address or tag), logs nothing above DEBUG for any
 * of them, and an established association and a fresh one keep working.
 */
class MalformedLengthsAttackTest extends ConformanceTestBase {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger jsctp = (Logger) LoggerFactory.getLogger("org.jsctp");

    @BeforeEach
    void captureLogs() {
        log.start();
        jsctp.addAppender(log);
    }

    @AfterEach
    void releaseLogs() {
        jsctp.detachAppender(log);
    }

    @Test
    @DisplayName("bad chunk and parameter lengths, truncated packets: dropped silently, nothing logged above DEBUG, the endpoint keeps serving")
    void malformedLengthsAreDroppedSilently() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        long undecodableBefore = sut.endpoint().counters().undecodable();
        List<byte[]> bad = malformed(a.endpointTag());
        for (byte[] datagram : bad) {
            tester.sendBytes(datagram);
        }
        tester.expectNothingBeforeMarker();
        assertThat(sut.endpoint().counters().undecodable() - undecodableBefore).isEqualTo(bad.size());
        assertAlive(a);
        assertThat(sut.endpoint().associations()).hasSize(1);
        assertThat(log.list.stream().filter(ev -> ev.getLevel().isGreaterOrEqual(Level.INFO)).map(ILoggingEvent::getFormattedMessage))
                .as("log lines above DEBUG for %d malformed packets", bad.size()).isEmpty();

        sut.assertStillServesFreshAssociation();
        shutDownFromTester(a, e.ours());
    }

    @Test
    @DisplayName("padding that is not zero is ignored (RFC 9260 section 3.2): the DATA it pads is acknowledged and delivered")
    void nonZeroPaddingIsIgnored() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk d = TesterAssociation.immediately(a.data(0, TesterAssociation.bytes("odd")));
        byte[] chunk = chunkBytesOf(tester.encode(a.endpointTag(), d));
        chunk[chunk.length - 1] = (byte) 0xFF; // the one padding byte after 19 bytes of chunk
        tester.sendBytes(Crafted.packet(tester.sctpPort(), EndpointUnderTest.SCTP_PORT, a.endpointTag(), chunk));
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1)).singleElement()
                .satisfies(m -> assertThat(m.payload()).isEqualTo(d.userData()));
        shutDownFromTester(a, e.ours());
    }

    @Test
    @DisplayName("INIT ACKs with bad parameter lengths are dropped; T1-init retransmits the INIT and the setup completes")
    void initAcksWithBadParameterLengthsAreDropped() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        for (byte[] params : badParameters()) {
            byte[] chunk = chunk(ChunkType.INIT_ACK, 0, concat(fixedInitFields(0x0BAD_0001), params));
            tester.sendBytes(Crafted.packet(tester.sctpPort(), EndpointUnderTest.SCTP_PORT, init.initiateTag(), chunk));
        }
        // None is answered: the next packet is T1-init's INIT again, never an ABORT or a COOKIE ECHO.
        assertThat(Handshakes.expectInit(tester)).isEqualTo(init);
        Handshakes.accept(tester, init, Handshakes.initAck(init));
        await(up);
        sut.assertStillServesFreshAssociation();
    }

    /** The chunks of an encoded packet: everything after its 12-byte common header. */
    private static byte[] chunkBytesOf(byte[] packet) {
        return Arrays.copyOfRange(packet, 12, packet.length);
    }

    /** Datagrams with a correct checksum and a length field that does not fit. */
    private List<byte[]> malformed(int tag) {
        int from = tester.sctpPort();
        int to = EndpointUnderTest.SCTP_PORT;
        List<byte[]> out = new ArrayList<>();
        byte[] data = dataValue();
        for (int length : new int[] {0, 1, 2, 3}) {
            out.add(Crafted.packet(from, to, tag, withLength(chunk(ChunkType.DATA, 3, data), length)));
            out.add(Crafted.packet(from, to, 0, withLength(chunk(ChunkType.INIT, 0, fixedInitFields(0x1234)), length)));
        }
        // Past the end of the packet, by a little and by a lot; and a second chunk that does so.
        byte[] ok = chunk(ChunkType.DATA, 3, data);
        out.add(Crafted.packet(from, to, tag, withLength(ok.clone(), ok.length + 4)));
        out.add(Crafted.packet(from, to, tag, withLength(ok.clone(), 0xFFFF)));
        out.add(Crafted.packet(from, to, tag, concat(ok, withLength(chunk(ChunkType.SACK, 0, new byte[12]), 200))));
        // Shorter than the chunk's fixed fields (a DATA with 11 bytes of value, a SACK with 8).
        out.add(Crafted.packet(from, to, tag, chunk(ChunkType.DATA, 3, Arrays.copyOf(data, 11))));
        out.add(Crafted.packet(from, to, tag, chunk(ChunkType.SACK, 0, new byte[8])));
        // A SACK claiming more gap blocks than it carries.
        byte[] sack = new byte[12];
        ByteBuffer.wrap(sack).putInt(0).putInt(65536).putShort((short) 100).putShort((short) 0);
        out.add(Crafted.packet(from, to, tag, chunk(ChunkType.SACK, 0, sack)));
        // INITs whose parameters have bad lengths.
        for (byte[] params : badParameters()) {
            out.add(Crafted.packet(from, to, 0, chunk(ChunkType.INIT, 0, concat(fixedInitFields(0x5678), params))));
        }
        // Truncated packets: within the common header, and a header with a chunk header cut short.
        byte[] whole = Crafted.packet(from, to, tag, ok);
        for (int cut : new int[] {1, 4, 8, 11, 13, 15}) {
            out.add(withChecksum(Arrays.copyOf(whole, cut)));
        }
        return out;
    }

    /** Parameter lists whose lengths are wrong: 0, 3, past the chunk, and odd with the chunk ending before the padding. */
    private static List<byte[]> badParameters() {
        return List.of(
                parameter(ParameterType.COOKIE_PRESERVATIVE, 0, new byte[4]),
                parameter(ParameterType.COOKIE_PRESERVATIVE, 3, new byte[4]),
                parameter(ParameterType.STATE_COOKIE, 64, new byte[8]),
                parameter(ParameterType.IPV4_ADDRESS, 0xFFFF, new byte[4]),
                concat(parameter(ParameterType.SUPPORTED_ADDRESS_TYPES, 6, new byte[] {0, 5, 0, 0}),
                        parameter(ParameterType.COOKIE_PRESERVATIVE, 2, new byte[0])));
    }

    private static byte[] parameter(int type, int length, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(4 + value.length);
        b.putShort((short) type).putShort((short) length).put(value);
        return b.array();
    }

    private static byte[] fixedInitFields(int tag) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putInt(tag).putInt(65536).putShort((short) 4).putShort((short) 4).putInt(tag * 7);
        return b.array();
    }

    private static byte[] dataValue() {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putInt(1).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0xDA7A);
        return b.array();
    }

    /** A chunk with its true length and padding. */
    private static byte[] chunk(int type, int flags, byte[] value) {
        int length = 4 + value.length;
        ByteBuffer b = ByteBuffer.allocate((length + 3) & ~3);
        b.put((byte) type).put((byte) flags).putShort((short) length).put(value);
        return b.array();
    }

    private static byte[] withLength(byte[] chunk, int length) {
        ByteBuffer.wrap(chunk).putShort(2, (short) length);
        return chunk;
    }

    private static byte[] withChecksum(byte[] datagram) {
        if (datagram.length >= 12) {
            ByteBuffer.wrap(datagram).putInt(8, 0);
            ByteBuffer.wrap(datagram).putInt(8, Crc32c.compute(datagram, 0, datagram.length));
        }
        return datagram;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
