package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.CookieCheckMode;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The fuzzing-only cookie switch ({@link CookieCheckMode}): an endpoint verifies the cookie MAC
 * unless it is built for fuzzing, and no production code builds one that way.
 */
class CookieCheckModeTest {

    private static final int PORT = 7;
    private static final int PEER_PORT = 5000;
    private static final int PEER_TAG = 0x0BADCAFE;

    private final AssociationConfig config = AssociationConfig.defaults();

    @Test
    void anEndpointBuiltTheUsualWayDiscardsACookieWithAChangedMac() {
        Endpoint endpoint = new Endpoint(EndpointConfig.of(PORT, config), new SeededRandomSource(1), 0);
        assertThat(echoTamperedCookie(endpoint)).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void anEndpointBuiltToVerifyDiscardsACookieWithAChangedMac() {
        Endpoint endpoint = new Endpoint(EndpointConfig.of(PORT, config), new SeededRandomSource(1), 0,
                CookieCheckMode.VERIFY_MAC);
        assertThat(echoTamperedCookie(endpoint)).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void onlyAFuzzingEndpointAcceptsACookieWithAChangedMac() {
        Endpoint endpoint = new Endpoint(EndpointConfig.of(PORT, config), new SeededRandomSource(1), 0,
                CookieCheckMode.FUZZING_SKIP_MAC);
        assertThat(echoTamperedCookie(endpoint)).isInstanceOf(Endpoint.Outcome.Accepted.class);
    }

    /**
     * The fuzzing switches are named only where they are defined, in every module's main code;
     * the one exception is the examples' offline {@code decode} command, which decodes hex a
     * person typed (with {@code --no-checksum}), never traffic.
     */
    @Test
    void productionCodeNeverSelectsAFuzzingSwitch() throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(f);
                String name = f.getFileName().toString();
                if ((text.contains("FUZZING_SKIP_MAC") && !name.equals("CookieCheckMode.java"))
                        || (text.contains("FUZZING_SKIP_CHECKSUM") && !name.equals("DecoderOptions.java")
                                && !name.equals("DecodeCommand.java"))) {
                    uses.add(f.toString());
                }
            }
        }
        assertThat(uses).isEmpty();
    }

    /** INIT, then a COOKIE ECHO of the INIT ACK's cookie with one byte of its MAC changed. */
    private static Endpoint.Outcome echoTamperedCookie(Endpoint endpoint) {
        AssociationDirectory none = new AssociationDirectory() {
            @Override
            public Association find(int localTag, int peerPort) {
                return null;
            }

            @Override
            public Association findByPeer(int peerPort) {
                return null;
            }

            @Override
            public int size() {
                return 0;
            }
        };
        InitChunk init = new InitChunk(PEER_TAG, 100_000, 10, 10, new Tsn(1), List.of());
        Endpoint.Outcome reply = endpoint.handlePacket(new SctpPacket(CommonHeader.of(PEER_PORT, PORT, 0), List.of(init)),
                0, none);
        OutgoingPacket initAck = ((Endpoint.Outcome.Reply) reply).packet();
        InitAckChunk ack = (InitAckChunk) initAck.chunks().get(0);
        byte[] cookie = ack.parameters().stream().filter(p -> p instanceof StateCookieParameter)
                .map(p -> ((StateCookieParameter) p).cookie()).findFirst().orElseThrow().toByteArray();
        cookie[cookie.length - 1] ^= 1; // the last byte belongs to the MAC
        SctpPacket echo = new SctpPacket(CommonHeader.of(PEER_PORT, PORT, ack.initiateTag()),
                List.of(new CookieEchoChunk(Bytes.wrap(cookie))));
        return endpoint.handlePacket(echo, 1_000_000, none);
    }
}
