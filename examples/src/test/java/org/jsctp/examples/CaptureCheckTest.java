package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What we put on the wire, as an independent decoder sees it: a capture of a tsctp run between
 * our tools (fragmented and unfragmented messages, handshake, SACKs, shutdown) decodes in tshark
 * as SCTP over UDP with no malformed packet and no checksum error. The tools run with
 * {@code --no-offload}: with UDP segmentation offload a capture on the sending host shows a train
 * of packets as one large datagram, which the kernel cuts up only on its way to the receiver.
 */
class CaptureCheckTest {

    private static final Path DUMPCAP = Path.of("/usr/bin/dumpcap");
    private static final Path TSHARK = Path.of("/usr/bin/tshark");

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aCaptureOfOurTrafficDecodesInTsharkWithoutMalformedPacketsOrBadChecksums() throws Exception {
        boolean present = Files.isExecutable(DUMPCAP) && Files.isExecutable(TSHARK);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("dumpcap/tshark missing under CI: install tshark");
        }
        Assumptions.assumeTrue(present, "tshark is not installed");
        int server = freeUdpPort();
        int client = freeUdpPort();
        Path dir = Files.createDirectories(Path.of("target", "interop"));
        Path capture = dir.resolve("tsctp-capture.pcapng");
        Files.deleteIfExists(capture);
        Path dumpcapLog = dir.resolve("dumpcap.log");
        Process dumpcap = new ProcessBuilder(DUMPCAP.toString(), "-i", "lo", "-f",
                "udp port " + server + " or udp port " + client, "-w", capture.toString(), "-a", "duration:60")
                .redirectErrorStream(true).redirectOutput(dumpcapLog.toFile()).start();
        try {
            Poll.until(() -> logShows(dumpcapLog, "Capturing on"), Duration.ofSeconds(20));
            Assumptions.assumeTrue(Files.readString(dumpcapLog).contains("Capturing on"),
                    "dumpcap cannot capture here: " + Files.readString(dumpcapLog));

            StringWriter serverOut = new StringWriter();
            CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                    new PrintWriter(new StringWriter(), true), "tsctp", "-E", Integer.toString(server), "-U",
                    Integer.toString(client), "-v", "--no-offload", "--seconds", "30"));
            ServerOutput.udpPort(serverOut);
            for (String length : new String[] {"100", "5000"}) {
                assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                        "tsctp", "--no-offload", "-E", Integer.toString(client), "-U", Integer.toString(server), "-n", "200",
                        "-l", length,
                        "127.0.0.1")).isZero();
            }
        } finally {
            dumpcap.destroy(); // SIGTERM: dumpcap finishes the file
            dumpcap.waitFor(10, TimeUnit.SECONDS);
        }
        Process tshark = new ProcessBuilder(TSHARK.toString(), "-r", capture.toString(), "-d", "udp.port==" + server + ",sctp",
                "-d", "udp.port==" + client + ",sctp", "-o", "sctp.checksum:CRC-32C", "-V")
                .redirectErrorStream(true).start();
        String decoded = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dir.resolve("tsctp-capture.txt"), decoded);
        assertThat(decoded).contains("Stream Control Transmission Protocol", "INIT_ACK chunk", "COOKIE_ECHO chunk",
                "DATA chunk", "SACK chunk", "SHUTDOWN_COMPLETE chunk");
        assertThat(decoded).doesNotContain("Malformed").doesNotContainIgnoringCase("incorrect")
                .doesNotContain("[Checksum Status: Bad]");
        assertThat(decoded).contains("[Checksum Status: Good]");
    }

    private static boolean logShows(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // dumpcap has not opened it yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
