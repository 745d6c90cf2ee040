package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --zero-checksum} (RFC 9653) on every tool of the examples jar. */
class ZeroChecksumToolsTest {


    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency", "decode"})
    void everyToolTakesTheFlag(String tool) {
        CommandLine.Model.CommandSpec spec = new CommandLine(new Main()).getSubcommands().get(tool).getCommandSpec();
        assertThat(spec.findOption("--zero-checksum")).isNotNull();
        assertThat(spec.findOption("--zero-checksum-edmid")).isNotNull();
    }

    @Test
    void theDemoWithTheFlagSendsAndReceivesZeroChecksums() {
        assertThat(run("demo", "--zero-checksum")).isZero();
        assertThat(out.toString()).containsPattern("zero checksum \\(RFC 9653\\): packets sent [1-9]\\d*, received [1-9]")
                .contains("association shut down gracefully");
    }

    @Test
    void theDemoWithoutTheFlagUsesCrc32c() {
        assertThat(run("demo")).isZero();
        assertThat(out.toString()).doesNotContain("zero checksum");
    }

    @Test
    void decodeTakesAZeroChecksumOnlyWithTheFlag() {
        String cookieAckWithZeroChecksum = "1388 0007 00000000 00000000 0b000004";
        assertThat(run("decode", cookieAckWithZeroChecksum)).isEqualTo(1);
        assertThat(run("decode", "--zero-checksum", cookieAckWithZeroChecksum)).isZero();
        assertThat(out.toString()).contains("CookieAckChunk");
    }

    @Test
    void theEchoServerWithTheFlagAnswersAZeroChecksumPeerWithZeroChecksums() throws Exception {
        StringWriter serverOut = new StringWriter();
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "echo-server", "0", "--seconds", "20", "--zero-checksum"));
        int port = ServerOutput.udpPort(serverOut);
        LinkedBlockingQueue<ReceivedMessage> echoes = new LinkedBlockingQueue<>();
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(5000).associationConfig(AssociationConfig.builder()
                        .zeroChecksum(ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS).build())
                .listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m) {
                        echoes.add(m.message());
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        try {
            SctpUdpAssociation a = client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 7)
                    .get(10, TimeUnit.SECONDS);
            a.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("cafe"))).get(10, TimeUnit.SECONDS);
            ReceivedMessage echo = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(echo).isNotNull();
            assertThat(echo.payload()).isEqualTo(Bytes.fromHex("cafe"));
            assertThat(client.counters().zeroChecksumReceived()).as("the server tool sent zero checksums").isPositive();
            assertThat(client.counters().zeroChecksumSent()).isPositive();
            a.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
        }
        assertThat(server.isCompletedExceptionally()).isFalse();
    }


    @Test
    void theReservedEdmidIsAUsageError() {
        assertThat(run("demo", "--zero-checksum", "--zero-checksum-edmid", "0")).isNotZero();
        assertThat(err.toString()).contains("--zero-checksum-edmid must be 1..4294967295");
    }
}
