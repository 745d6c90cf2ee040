package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpListener;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpReceivedMessage;
import org.jsctp.api.SctpStatistics;
import org.jsctp.api.SctpTimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo}: an echo server and a client in one process over loopback UDP (RFC 6951), written
 * against the socket-like API ({@code org.jsctp.api}): the client sends a few messages on several
 * streams, prints the echoes, shuts the association down gracefully and prints its statistics. With {@code --codec} it walks one association's
 * packets through the wire-format codec instead.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Echo messages between a server and a client in this process over loopback UDP.",
                "Messages go out on several streams; exits 1 if an echo is missing or wrong."})
final class DemoCommand implements Callable<Integer> {

    private static final int ECHO_PORT = 7;
    private static final int CLIENT_PORT = 5000;
    private static final int STREAMS = 3;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Option(names = "--messages", defaultValue = "6", description = "messages to send (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--codec", description = "walk one association's packets through the codec instead")
    boolean codec;

    @Option(names = "--hex", description = "with --codec: also print every packet as hex")
    boolean hex;

    @picocli.CommandLine.Mixin
    PrOption pr = new PrOption();

    @picocli.CommandLine.Mixin
    ExtensionOptions extensions = new ExtensionOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (codec) {
            return CodecWalk.run(out, hex);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        extensions.check(spec);
        extensions.refuseConnectOnly(spec); // both ends are ours: --bind gives their addresses
        SctpEndpoint server;
        var serverBuilder = SctpEndpoint.builder().localAddress(loopback).udpPort(0).sctpPort(ECHO_PORT)
                .option(SctpOptions.ENABLE_STREAM_RESET, extensions.reconfig.enabled)
                .listener(new SctpListener() {
                    @Override
                    public void onMessage(SctpReceivedMessage m) { // on the event loop: answer without blocking
                        m.association().sendAsync(SctpMessage.wrap(m.toByteArray()).withStream(m.stream())
                                .withPpid(m.ppid()).withUnordered(m.isUnordered()));
                    }
                });
        server = extensions.apply(serverBuilder, spec).build();
        server.listen();
        var clientBuilder = SctpEndpoint.builder().localAddress(loopback).udpPort(0).sctpPort(CLIENT_PORT)
                .option(SctpOptions.DEFAULT_PRINFO, pr.apiPolicy(spec));
        SctpEndpoint client = extensions.apply(clientBuilder, spec).build();
        int failures = 0;
        try {
            InetSocketAddress to = new InetSocketAddress(loopback, server.localAddress().getPort());
            out.printf("echo server on UDP %s, SCTP port %d (%s)%n", to, ECHO_PORT, server.transportType());
            SctpAssociation a = server.localAddresses().size() > 1 ? client.connect(server.localAddresses(), ECHO_PORT)
                    : client.connect(to, ECHO_PORT);
            extensions.onConnected(a, out, spec);
            out.printf("association up: client UDP port %d -> %s%n", client.localAddress().getPort(),
                    a.remoteAddress());
            for (int i = 0; i < messages; i++) {
                String text = "message " + i + " on stream " + (i % STREAMS);
                a.send(SctpMessage.wrap(text.getBytes(StandardCharsets.UTF_8)).withStream(i % STREAMS));
            }
            for (int i = 0; i < messages; i++) {
                SctpReceivedMessage echo;
                try {
                    echo = a.receive(WAIT);
                } catch (SctpTimeoutException e) {
                    echo = null;
                }
                if (echo == null) {
                    out.printf("no echo for %d of %d messages%n", messages - i, messages);
                    failures++;
                    break;
                }
                String text = new String(echo.toByteArray(), StandardCharsets.UTF_8);
                out.printf("echo on stream %d (SSN %d, TSN %d): %s%n", echo.stream(), echo.ssn(), echo.tsn(), text);
                if (!text.endsWith("on stream " + echo.stream())) {
                    failures++;
                }
            }
            if (extensions.reconfig.enabled) {
                // --reconfig: the server accepts stream resets; reset the client's streams once (RFC 6525).
                org.jsctp.api.SctpNotification.StreamReset r = a.resetStreams()
                        .get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                out.printf("stream reset: outgoing streams all: %s%n", r.result().name().toLowerCase());
            }
            a.shutdown();
            SctpStatistics stats = a.statistics();
            out.printf("association shut down gracefully; client counters: datagrams sent=%d, received=%d%n",
                    stats.packetsSent(), stats.packetsReceived());
            out.println("association statistics (client side):");
            StatisticsText.lines(stats).forEach(out::println);
        } finally {
            client.close();
            server.close();
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
