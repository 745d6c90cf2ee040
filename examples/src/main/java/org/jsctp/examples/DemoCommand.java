package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo}: an echo server and a client in one process over loopback UDP (RFC 6951): the
 * client sends a few messages on several streams, prints the echoes and the endpoints' counters,
 * and shuts the association down gracefully. With {@code --codec} it walks one association's
 * packets through the wire-format codec instead.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Echo messages between a server and a client in this process over loopback UDP.",
                "Messages go out on several streams; exits 1 if an echo is missing or wrong."})
final class DemoCommand implements Callable<Integer> {

    private static final int ECHO_PORT = 7;
    private static final int CLIENT_PORT = 5000;
    private static final int STREAMS = 3;

    @Option(names = "--messages", defaultValue = "6", description = "messages to send (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--codec", description = "walk one association's packets through the codec instead")
    boolean codec;

    @Option(names = "--hex", description = "with --codec: also print every packet as hex")
    boolean hex;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (codec) {
            return CodecWalk.run(out, hex);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        BlockingQueue<ReceivedMessage> echoes = new LinkedBlockingQueue<>();
        // whole messages on both sides, joined when they arrive in pieces
        MessageJoiner serverJoiner = new MessageJoiner(AssociationConfig.defaults().maxMessageBytes());
        MessageJoiner clientJoiner = new MessageJoiner(AssociationConfig.defaults().maxMessageBytes());
        UdpSctpEndpoint server = UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0).sctpPort(ECHO_PORT)
                .listener((association, event) -> {
                    ReceivedMessage r = serverJoiner.onEvent(association, event);
                    if (r != null) {
                        association.send(OutgoingMessage.of(r.streamId(), r.ppid(), r.unordered(), r.payload()));
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0).sctpPort(CLIENT_PORT)
                .listener((association, event) -> {
                    ReceivedMessage r = clientJoiner.onEvent(association, event);
                    if (r != null) {
                        echoes.add(r);
                    }
                }).bind().get(10, TimeUnit.SECONDS);
        int failures = 0;
        try {
            InetSocketAddress to = new InetSocketAddress(loopback, server.localUdpPort());
            out.printf("echo server on UDP %s, SCTP port %d (%s)%n", to, ECHO_PORT, server.transportType());
            SctpUdpAssociation a = client.connect(to, ECHO_PORT).get(10, TimeUnit.SECONDS);
            out.printf("association up: client UDP port %d -> %s%n", client.localUdpPort(), a.remoteAddress());
            for (int i = 0; i < messages; i++) {
                String text = "message " + i + " on stream " + (i % STREAMS);
                a.send(OutgoingMessage.of(i % STREAMS, 0, false, Bytes.wrap(text.getBytes(StandardCharsets.UTF_8))));
            }
            for (int i = 0; i < messages; i++) {
                ReceivedMessage echo = echoes.poll(10, TimeUnit.SECONDS);
                if (echo == null) {
                    out.printf("no echo for %d of %d messages%n", messages - i, messages);
                    failures++;
                    break;
                }
                String text = new String(echo.payload().toByteArray(), StandardCharsets.UTF_8);
                out.printf("echo on stream %d (SSN %d, TSN %d): %s%n", echo.streamId(), echo.sequenceNumber(),
                        echo.firstTsn() & 0xFFFF_FFFFL, text);
                if (!text.endsWith("on stream " + echo.streamId())) {
                    failures++;
                }
            }
            a.shutdown().get(10, TimeUnit.SECONDS);
            out.printf("association shut down gracefully; client counters: %s%n", client.counters());
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
            server.close().get(10, TimeUnit.SECONDS);
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
