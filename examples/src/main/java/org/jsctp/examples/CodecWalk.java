package org.jsctp.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.ForwardTsnSupportedParameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.SupportedAddressTypesParameter;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * The packets of one whole association — handshake, messages on three streams with their SACKs,
 * graceful shutdown — built, encoded with their CRC32C, decoded again and printed: what
 * {@code demo --codec} shows.
 */
final class CodecWalk {

    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;

    private CodecWalk() {
    }

    private record Step(String direction, int verificationTag, List<Chunk> chunks) {
    }

    /** Prints the walk; returns 0, or 1 if a packet did not decode back to what was sent. */
    static int run(PrintWriter out, boolean hex) {
        int clientTag = 0x1A2B3C4D;
        int serverTag = 0x5E6F7081;
        Tsn clientTsn = new Tsn(1000);
        Tsn serverTsn = new Tsn(-3); // wraps past 2^32 during the demo
        Bytes cookie = Bytes.wrap("demo state cookie: a MAC-protected TCB would go here".getBytes(StandardCharsets.US_ASCII));

        List<Step> steps = new ArrayList<>();
        steps.add(new Step("client -> server", 0, List.of(new InitChunk(clientTag, 131072, 10, 10, clientTsn, List.of(
                new SupportedAddressTypesParameter(List.of(ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS)),
                ForwardTsnSupportedParameter.INSTANCE,
                new SupportedExtensionsParameter(List.of(ChunkType.FORWARD_TSN, ChunkType.RE_CONFIG, ChunkType.I_DATA)))))));
        steps.add(new Step("server -> client", clientTag, List.of(new InitAckChunk(serverTag, 131072, 10, 10, serverTsn,
                List.of(new StateCookieParameter(cookie), ForwardTsnSupportedParameter.INSTANCE)))));
        // RFC 9260 section 5.1: DATA may be bundled behind the COOKIE ECHO.
        steps.add(new Step("client -> server", serverTag, List.of(new CookieEchoChunk(cookie),
                message(clientTsn, 0, 0, "hello on stream 0"))));
        steps.add(new Step("server -> client", clientTag, List.of(CookieAckChunk.INSTANCE,
                SackChunk.of(clientTsn, 131072), message(serverTsn, 0, 0, "hello on stream 0"))));
        steps.add(new Step("client -> server", serverTag, List.of(SackChunk.of(serverTsn, 131072),
                message(clientTsn.plus(1), 1, 0, "and on stream 1"), message(clientTsn.plus(2), 2, 0, "and on stream 2"))));
        steps.add(new Step("server -> client", clientTag, List.of(SackChunk.of(clientTsn.plus(2), 131072),
                message(serverTsn.plus(1), 1, 0, "and on stream 1"), message(serverTsn.plus(2), 2, 0, "and on stream 2"),
                message(serverTsn.plus(3), 2, 1, "past the TSN wrap"))));
        steps.add(new Step("client -> server", serverTag, List.of(new ShutdownChunk(serverTsn.plus(3)))));
        steps.add(new Step("server -> client", clientTag, List.of(ShutdownAckChunk.INSTANCE)));
        steps.add(new Step("client -> server", serverTag, List.of(new ShutdownCompleteChunk(false))));

        PacketDecoder decoder = PacketDecoder.strict();
        int failures = 0;
        int n = 0;
        for (Step step : steps) {
            boolean fromClient = step.direction().startsWith("client");
            SctpPacket sent = new SctpPacket(CommonHeader.of(fromClient ? CLIENT_PORT : SERVER_PORT,
                    fromClient ? SERVER_PORT : CLIENT_PORT, step.verificationTag()), step.chunks());
            byte[] wire = PacketEncoder.toByteArray(sent);
            n++;
            try {
                SctpPacket received = decoder.decode(wire);
                boolean same = received.chunks().equals(sent.chunks());
                out.printf("#%d %s, %d bytes, vtag 0x%08x, crc32c 0x%08x%s%n", n, step.direction(), wire.length,
                        received.header().verificationTag(), received.header().checksum(),
                        same ? "" : "  MISMATCH after decoding");
                for (Chunk c : received.chunks()) {
                    out.println("    " + c);
                }
                if (hex) {
                    out.println("    hex: " + Bytes.wrap(wire).toHex());
                }
                if (!same) {
                    failures++;
                }
            } catch (DecodeException e) {
                out.printf("#%d %s: does not decode: %s%n", n, step.direction(), e.getMessage());
                failures++;
            }
        }
        out.printf("%d packets encoded and decoded, %d mismatches.%n", n, failures);
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private static DataChunk message(Tsn tsn, int stream, int ssn, String text) {
        return new DataChunk(false, false, true, true, tsn, stream, new Ssn(ssn), 0,
                Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
