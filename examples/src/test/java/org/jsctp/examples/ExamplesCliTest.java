package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ExamplesCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void demoEchoesMessagesOnSeveralStreamsOverLoopbackUdpAndShutsDown() {
        assertThat(run("demo", "--messages", "9")).isZero();
        assertThat(out.toString())
                .contains("echo on stream 0 (SSN 0", "echo on stream 1 (SSN 2", "message 8 on stream 2")
                .contains("association shut down gracefully");
    }

    @Test
    void demoWalksAWholeAssociationThroughTheCodecWithoutMismatch() {
        assertThat(run("demo", "--codec")).isZero();
        assertThat(out.toString())
                .contains("InitChunk[", "InitAckChunk[", "CookieEchoChunk[", "CookieAckChunk[", "ShutdownCompleteChunk[")
                .contains("9 packets encoded and decoded, 0 mismatches.");
    }

    @Test
    void demoHexOutputDecodesWithTheDecodeSubcommand() {
        assertThat(run("demo", "--codec", "--hex")).isZero();
        String firstHex = out.toString().lines().filter(l -> l.trim().startsWith("hex: ")).findFirst().orElseThrow()
                .trim().substring("hex: ".length());
        out.getBuffer().setLength(0);
        assertThat(run("decode", firstHex)).isZero();
        assertThat(out.toString()).contains("InitChunk[");
    }

    @Test
    void decodeReportsWhereAPacketIsMalformedAndExitsNonZero() {
        // common header, then a chunk whose length (2) is below its 4-byte header; checksum skipped
        assertThat(run("decode", "--no-checksum", "1388 0007 00000000 00000000 0b000002")).isEqualTo(1);
        assertThat(err.toString()).contains("malformed packet: COOKIE ACK chunk at offset 12");
    }

    @Test
    void decodeRejectsABadChecksum() {
        assertThat(run("decode", "1388 0007 00000000 00000000 0b000004")).isEqualTo(1);
        assertThat(err.toString()).contains("checksum");
    }

    @Test
    void decodeSaysWhenInputIsNotHex() {
        assertThat(run("decode", "zz")).isEqualTo(1);
        assertThat(err.toString()).contains("not hexadecimal");
    }

    @Test
    void unknownSubcommandsAreAnErrorAndHelpWorks() {
        assertThat(run("no-such-tool")).isNotZero();
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "decode");
    }

    @Test
    void minusVRaisesTheStacksLogLevel() {
        ch.qos.logback.classic.Logger stack = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.jsctp");
        try {
            run("client", "no.such.host.invalid", "7", "-vv");
            assertThat(stack.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
            run("client", "no.such.host.invalid", "7", "-v");
            assertThat(stack.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
        } finally {
            Verbosity.apply(0);
        }
        assertThat(stack.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
    }
}
