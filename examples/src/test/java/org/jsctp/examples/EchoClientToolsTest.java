package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import org.junit.jupiter.api.Test;

/** The echo-server and client subcommands against endpoints of ours over loopback UDP. */
class EchoClientToolsTest {


    @Test
    void theEchoServerEchoesOnTheStreamAMessageCameOn() throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(
                () -> Main.run(writer, new PrintWriter(new StringWriter(), true), "echo-server", "0", "--seconds", "20"));
        int port = ServerOutput.udpPort(out);
        LinkedBlockingQueue<ReceivedMessage> echoes = new LinkedBlockingQueue<>();
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(5000).listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m) {
                        echoes.add(m.message());
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        try {
            SctpUdpAssociation a = client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 7)
                    .get(10, TimeUnit.SECONDS);
            a.send(OutgoingMessage.of(3, 77, false, Bytes.fromHex("cafe"))).get(10, TimeUnit.SECONDS);
            ReceivedMessage echo = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(echo).isNotNull();
            assertThat(echo.payload()).isEqualTo(Bytes.fromHex("cafe"));
            assertThat(echo.streamId()).isEqualTo(3);
            assertThat(echo.ppid()).isEqualTo(77);
            a.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
        }
        assertThat(server.isCompletedExceptionally()).isFalse();
    }

    @Test
    void theEchoServerJoinsAMessageThatArrivesInPiecesAndEchoesItWhole() throws Exception {
        AssociationListener echo = new EchoServerCommand().service();
        int[] pieces = {0};
        UdpSctpEndpoint server = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(7).associationConfig(AssociationConfig.builder().receiveBufferBytes(64 * 1024).build())
                .listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m && !m.message().complete()) {
                        pieces[0]++;
                    }
                    echo.onEvent(a, e);
                }).bind().get(10, TimeUnit.SECONDS);
        LinkedBlockingQueue<ReceivedMessage> echoes = new LinkedBlockingQueue<>();
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(5000).listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m) {
                        echoes.add(m.message());
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        try {
            SctpUdpAssociation a = client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.localUdpPort()), 7).get(10, TimeUnit.SECONDS);
            byte[] big = new byte[256 * 1024];
            new Random(5).nextBytes(big);
            a.send(OutgoingMessage.of(2, 9, false, Bytes.wrap(big))).get(10, TimeUnit.SECONDS);
            ReceivedMessage back = echoes.poll(30, TimeUnit.SECONDS);
            assertThat(back).isNotNull();
            assertThat(back.complete()).as("the echo is one whole message").isTrue();
            assertThat(back.payload()).isEqualTo(Bytes.wrap(big));
            assertThat(back.streamId()).isEqualTo(2);
            assertThat(pieces[0]).as("the server received it in pieces").isPositive();
            a.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
            server.close().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theChargenServerSendsRotatingLinesOfPrintableCharacters() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "chargen-server", "0", "--seconds", "20"));
        int port = ServerOutput.udpPort(out);
        LinkedBlockingQueue<ReceivedMessage> lines = new LinkedBlockingQueue<>();
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(5002).listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m) {
                        lines.add(m.message());
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        try {
            SctpUdpAssociation a = client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 19)
                    .get(10, TimeUnit.SECONDS);
            String first = null;
            for (int i = 0; i < 200; i++) { // more than one batch: the next comes once the first is acknowledged
                ReceivedMessage m = lines.poll(10, TimeUnit.SECONDS);
                assertThat(m).as("line %d", i).isNotNull();
                String line = new String(m.payload().toByteArray(), StandardCharsets.US_ASCII);
                assertThat(line).hasSize(74).endsWith("\r\n");
                assertThat(line.chars().limit(72)).allMatch(c -> c > ' ' && c < 127);
                if (first == null) {
                    first = line;
                } else if (i == 1) {
                    assertThat(line.charAt(0)).isEqualTo(first.charAt(1)); // each line starts one further
                }
            }
            a.abort("enough").get(10, TimeUnit.SECONDS);
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theClientSendsEachInputLineAndPrintsTheEchoes() throws Exception {
        UdpSctpEndpoint echo = UdpSctpEndpoint.builder().bindAddress(InetAddress.getLoopbackAddress()).udpPort(0)
                .sctpPort(7).listener((a, e) -> {
                    if (e instanceof AssociationEvent.MessageReceived m) {
                        ReceivedMessage r = m.message();
                        a.send(OutgoingMessage.of(r.streamId(), r.ppid(), r.unordered(), r.payload()));
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream("first line\nsecond line\n".getBytes(StandardCharsets.UTF_8)));
            int rc = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "client",
                    "127.0.0.1", "7", "0", "0", Integer.toString(echo.localUdpPort()));
            assertThat(rc).isZero();
        } finally {
            System.setIn(stdin);
            echo.close().get(10, TimeUnit.SECONDS);
        }
        assertThat(out.toString().lines()).containsExactly("first line", "second line");
    }

    @Test
    void badArgumentsAreRefusedWithAClearMessage() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "client", "no.such.host.invalid", "7")).isNotZero();
        assertThat(err.toString()).contains("unknown host: no.such.host.invalid");
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "echo-server", "70000")).isNotZero();
        assertThat(err.toString()).contains("LOCAL_UDP_PORT must be 0..65535, got 70000");
    }

}
