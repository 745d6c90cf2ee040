package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.ErrorCauses;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.Chunks;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/** Shared checks for codec tests: encode, check the announced size, decode, compare. */
public final class CodecAssertions {

    private CodecAssertions() {
    }

    /** Encodes {@code element} with padding and checks the bytes written match {@link WireElement#encodedLength()}. */
    public static byte[] encode(WireElement element) {
        ByteBuffer out = ByteBuffer.allocate(element.encodedLength() + 8);
        element.encode(out);
        assertThat(out.position()).as("bytes written by %s", element).isEqualTo(element.encodedLength());
        assertThat(out.position() % 4).as("padded to a multiple of 4").isZero();
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        int lengthField = ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        assertThat(lengthField).as("length field").isEqualTo(element.unpaddedLength());
        return bytes;
    }

    /** Encodes a chunk, decodes it again and checks the result equals the original. */
    public static <T extends Chunk> T roundTrip(T chunk) {
        byte[] bytes = encode(chunk);
        Chunk decoded = decodeChunk(bytes);
        assertThat(decoded).isEqualTo(chunk);
        assertThat(encode(decoded)).as("re-encoded bytes").isEqualTo(bytes);
        @SuppressWarnings("unchecked")
        T t = (T) decoded;
        return t;
    }

    /** Encodes a parameter, decodes it again and checks the result equals the original. */
    public static <T extends Parameter> T roundTrip(T parameter) {
        byte[] bytes = encode(parameter);
        List<Parameter> decoded = decodeParameters(bytes);
        assertThat(decoded).containsExactly(parameter);
        assertThat(encode(decoded.get(0))).as("re-encoded bytes").isEqualTo(bytes);
        @SuppressWarnings("unchecked")
        T t = (T) decoded.get(0);
        return t;
    }

    /** Encodes an error cause, decodes it again and checks the result equals the original. */
    public static <T extends ErrorCause> T roundTrip(T cause) {
        byte[] bytes = encode(cause);
        List<ErrorCause> decoded = decodeCauses(bytes);
        assertThat(decoded).containsExactly(cause);
        assertThat(encode(decoded.get(0))).as("re-encoded bytes").isEqualTo(bytes);
        @SuppressWarnings("unchecked")
        T t = (T) decoded.get(0);
        return t;
    }

    /** Decodes exactly one chunk filling {@code bytes}. */
    public static Chunk decodeChunk(byte[] bytes) {
        try {
            WireReader in = WireReader.of(bytes, "test input");
            Chunk c = Chunks.decodeNext(in);
            assertThat(in.remaining()).as("bytes left after the chunk").isZero();
            return c;
        } catch (DecodeException e) {
            throw new AssertionError("decode failed: " + e.getMessage(), e);
        }
    }

    public static List<Parameter> decodeParameters(byte[] bytes) {
        try {
            return Parameters.decodeList(WireReader.of(bytes, "test input"));
        } catch (DecodeException e) {
            throw new AssertionError("decode failed: " + e.getMessage(), e);
        }
    }

    public static List<ErrorCause> decodeCauses(byte[] bytes) {
        try {
            return ErrorCauses.decodeList(WireReader.of(bytes, "test input"));
        } catch (DecodeException e) {
            throw new AssertionError("decode failed: " + e.getMessage(), e);
        }
    }

    /** Hex digits (spaces allowed) to bytes, for hand-written wire vectors in tests. */
    public static byte[] hex(String digits) {
        return java.util.HexFormat.of().parseHex(digits.replace(" ", "").replace("\n", ""));
    }
}
