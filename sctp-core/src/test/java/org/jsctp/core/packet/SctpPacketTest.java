package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * {@link SctpPacket} as a class with the header inline and a lone chunk without a list (issue 6):
 * the same value as the packet built from a header and a list, whichever way it was made.
 */
class SctpPacketTest {

    private static final CommonHeader HEADER = CommonHeader.of(5000, 5001, 0x11223344);
    private static final DataChunk DATA = new DataChunk(false, false, true, true, new Tsn(9), 1, new Ssn(2), 51,
            Bytes.fromHex("0102030405"));
    private static final SackChunk SACK = SackChunk.of(new Tsn(-2), 65536);
    private static final AuthChunk AUTH = new AuthChunk(1, AuthChunk.HMAC_SHA_1, Bytes.fromHex("00".repeat(20)));

    /** Encodes with a CRC32C and decodes again: the packet as a receiver holds it. */
    private static SctpPacket roundTrip(SctpPacket packet) throws DecodeException {
        return PacketDecoder.strict().decode(PacketEncoder.toByteArray(packet));
    }

    /** The list-built packet the decoder should have made for {@code bytes}. */
    private static SctpPacket expectedFor(byte[] bytes, List<Chunk> chunks, Bytes fromFirstAuth) {
        return new SctpPacket(new CommonHeader(HEADER.sourcePort(), HEADER.destinationPort(), HEADER.verificationTag(),
                Crc32c.compute(bytes, 0, bytes.length)), chunks, false, fromFirstAuth);
    }

    @Test
    void aDecodedOneChunkPacketEqualsTheListBuiltOne() throws DecodeException {
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(HEADER, List.of(DATA)));
        SctpPacket decoded = PacketDecoder.strict().decode(bytes);
        SctpPacket expected = expectedFor(bytes, List.of(DATA), Bytes.empty());

        assertThat(decoded).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(decoded);
        assertThat(decoded.toString()).isEqualTo(expected.toString());
        assertThat(decoded.chunkCount()).isEqualTo(1);
        assertThat(decoded.chunk(0)).isEqualTo(DATA);
        assertThat(decoded.firstChunk()).isEqualTo(DATA);
        assertThat(decoded.chunks()).containsExactly(DATA);
        assertThat(decoded.header()).isEqualTo(expected.header());
        assertThat(decoded.encodedLength()).isEqualTo(bytes.length);
    }

    @Test
    void decodedPacketsOfSeveralChunksEqualTheListBuiltOnes() throws DecodeException {
        List<List<Chunk>> cases = List.of(List.of(SACK, DATA), List.of(SACK, DATA, CookieAckChunk.INSTANCE, DATA));
        for (List<Chunk> chunks : cases) {
            byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(HEADER, chunks));
            SctpPacket decoded = PacketDecoder.strict().decode(bytes);
            SctpPacket expected = expectedFor(bytes, chunks, Bytes.empty());

            assertThat(decoded).as("%s", chunks).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(decoded.chunkCount()).isEqualTo(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                assertThat(decoded.chunk(i)).isEqualTo(chunks.get(i));
            }
            assertThat(decoded.chunks()).isEqualTo(chunks);
            assertThat(decoded.firstChunk()).isEqualTo(chunks.get(0));
        }
    }

    @Test
    void aPacketWithoutChunksDecodesToAnEmptyOne() throws DecodeException {
        SctpPacket decoded = roundTrip(new SctpPacket(HEADER, List.of()));
        assertThat(decoded.chunkCount()).isZero();
        assertThat(decoded.chunks()).isEmpty();
        assertThat(decoded.firstChunk()).isNull();
        assertThatThrownBy(() -> decoded.chunk(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theHeaderFieldsAreReadWithoutAHeaderObject() throws DecodeException {
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(HEADER, List.of(SACK)));
        SctpPacket decoded = PacketDecoder.strict().decode(bytes);
        assertThat(decoded.sourcePort()).isEqualTo(5000);
        assertThat(decoded.destinationPort()).isEqualTo(5001);
        assertThat(decoded.verificationTag()).isEqualTo(0x11223344);
        assertThat(decoded.checksum()).isEqualTo(Crc32c.compute(bytes, 0, bytes.length));
        assertThat(decoded.header()).isEqualTo(new CommonHeader(5000, 5001, 0x11223344, decoded.checksum()));
    }

    @Test
    void theChunkListOfAOneChunkPacketIsImmutableAndEqualOnEveryCall() throws DecodeException {
        SctpPacket decoded = roundTrip(new SctpPacket(HEADER, List.of(DATA)));
        List<Chunk> chunks = decoded.chunks();
        assertThatThrownBy(() -> chunks.add(SACK)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> chunks.set(0, SACK)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(decoded.chunks()).isEqualTo(chunks).containsExactly(DATA);
        assertThatThrownBy(() -> decoded.chunk(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theListConstructorCopiesTheChunks() {
        List<Chunk> mutable = new ArrayList<>(List.of(DATA, SACK));
        SctpPacket packet = new SctpPacket(HEADER, mutable);
        mutable.clear();
        assertThat(packet.chunks()).containsExactly(DATA, SACK);
        assertThatThrownBy(() -> packet.chunks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void packetsDifferingInAnyComponentAreNotEqual() {
        SctpPacket base = new SctpPacket(HEADER, List.of(DATA), false, Bytes.empty());
        assertThat(base).isNotEqualTo(new SctpPacket(CommonHeader.of(5000, 5001, 1), List.of(DATA)))
                .isNotEqualTo(new SctpPacket(new CommonHeader(5000, 5001, 0x11223344, 7), List.of(DATA)))
                .isNotEqualTo(new SctpPacket(CommonHeader.of(5002, 5001, 0x11223344), List.of(DATA)))
                .isNotEqualTo(new SctpPacket(CommonHeader.of(5000, 5002, 0x11223344), List.of(DATA)))
                .isNotEqualTo(new SctpPacket(HEADER, List.of(SACK)))
                .isNotEqualTo(new SctpPacket(HEADER, List.of(DATA, DATA)))
                .isNotEqualTo(new SctpPacket(HEADER, List.of(DATA), true))
                .isNotEqualTo(new SctpPacket(HEADER, List.of(DATA), false, Bytes.fromHex("0f")))
                .isEqualTo(new SctpPacket(HEADER, List.of(DATA), false, null));
    }

    @Test
    void aLoneAuthChunkKeepsItsBytesAndTheRestOfItsPacketDropsThem() throws DecodeException {
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(HEADER, List.of(AUTH)));
        SctpPacket decoded = PacketDecoder.strict().decode(bytes);
        assertThat(decoded.fromFirstAuth()).isEqualTo(Bytes.wrap(bytes, 12, bytes.length - 12));
        assertThat(decoded).isEqualTo(expectedFor(bytes, List.of(AUTH), Bytes.wrap(bytes, 12, bytes.length - 12)));

        SctpPacket rest = decoded.afterFirstChunk();
        assertThat(rest.chunkCount()).isZero();
        assertThat(rest.fromFirstAuth().isEmpty()).as("RFC 4895 section 6.3: the AUTH chunk went").isTrue();
    }

    @Test
    void afterFirstChunkKeepsTheAuthBytesUnlessTheFirstChunkWasTheAuthChunk() throws DecodeException {
        // A COOKIE ECHO stand-in, then AUTH and DATA: the rest keeps the AUTH bytes (RFC 4895 section 6.3).
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(HEADER, List.of(CookieAckChunk.INSTANCE, AUTH, DATA)));
        SctpPacket decoded = PacketDecoder.strict().decode(bytes);
        Bytes fromAuth = Bytes.wrap(bytes, 16, bytes.length - 16);
        assertThat(decoded.fromFirstAuth()).isEqualTo(fromAuth);

        SctpPacket rest = decoded.afterFirstChunk();
        assertThat(rest.chunks()).containsExactly(AUTH, DATA);
        assertThat(rest.fromFirstAuth()).isEqualTo(fromAuth);
        assertThat(rest.verificationTag()).isEqualTo(decoded.verificationTag());
        assertThat(rest.checksum()).isEqualTo(decoded.checksum());

        SctpPacket afterAuth = rest.afterFirstChunk();
        assertThat(afterAuth.chunks()).containsExactly(DATA);
        assertThat(afterAuth.fromFirstAuth().isEmpty()).isTrue();
        assertThat(afterAuth.afterFirstChunk().chunks()).isEmpty();
    }

    @Test
    void theHeaderObjectIsMadeWhenAsked() {
        SctpPacket packet = new SctpPacket(HEADER, List.of(DATA));
        assertThat(packet.header()).isEqualTo(HEADER).isNotSameAs(packet.header());
    }
}
