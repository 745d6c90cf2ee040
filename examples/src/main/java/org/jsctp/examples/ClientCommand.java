package org.jsctp.examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code client REMOTE_ADDR REMOTE_PORT LOCAL_PORT LOCAL_UDP_PORT REMOTE_UDP_PORT}: the
 * counterpart of usrsctp's {@code client}. Each line of standard input goes out as one message;
 * each message received is printed once complete (one that arrives in pieces is joined); at the end of input, once every line has been answered (or
 * after --wait seconds; with no input at all, once the peer closes, as a daytime server does),
 * the association is shut down gracefully.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Send each line of standard input as a message and print what comes back.",
                "As usrsctp's client does, over UDP encapsulation; shuts down gracefully at the end of input."})
final class ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REMOTE_ADDR", description = "the peer's address")
    String remoteAddress;

    @Parameters(index = "1", paramLabel = "REMOTE_PORT", description = "the peer's SCTP port")
    int remotePort;

    @Parameters(index = "2", arity = "0..1", defaultValue = "0", paramLabel = "LOCAL_PORT",
            description = "our SCTP port (0, the default: any)")
    int localPort;

    @Parameters(index = "3", arity = "0..1", defaultValue = "0", paramLabel = "LOCAL_UDP_PORT",
            description = "our UDP port (0, the default: any)")
    int localUdpPort;

    @Parameters(index = "4", arity = "0..1", defaultValue = "9899", paramLabel = "REMOTE_UDP_PORT",
            description = "the peer's UDP port (default ${DEFAULT-VALUE})")
    int remoteUdpPort;

    @Option(names = "--wait", defaultValue = "5", description = "seconds to wait for answers after the input ends (default ${DEFAULT-VALUE})")
    long waitSeconds;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Mixin
    PrOption pr = new PrOption();

    @Mixin
    ExtensionOptions extensions = new ExtensionOptions();

    @Option(names = "--reset-after", defaultValue = "0", paramLabel = "K",
            description = "reset our outgoing streams (RFC 6525) after K messages were sent, and print the outcome")
    int resetAfter;

    @Option(names = "--add-streams", defaultValue = "0", paramLabel = "K",
            description = "add K outgoing streams (RFC 6525) once connected, and print the outcome")
    int addStreams;


    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        ToolSupport.check(spec, remotePort, "REMOTE_PORT", false);
        ToolSupport.check(spec, localPort, "LOCAL_PORT", true);
        ToolSupport.check(spec, localUdpPort, "LOCAL_UDP_PORT", true);
        ToolSupport.check(spec, remoteUdpPort, "REMOTE_UDP_PORT", false);
        if (resetAfter < 0 || addStreams < 0 || addStreams > 65534) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reset-after must not be negative and --add-streams must be 0..65534");
        }
        extensions.check(spec);
        ReconfigActions actions = new ReconfigActions();
        InetAddress peer = ToolSupport.resolve(spec, remoteAddress);
        PrintWriter out = spec.commandLine().getOut();
        Semaphore answers = new Semaphore(0);
        CountDownLatch peerClosing = new CountDownLatch(1);
        int sctpPort = localPort != 0 ? localPort : ThreadLocalRandom.current().nextInt(49152, 65536);
        MessageJoiner joiner = new MessageJoiner(AssociationConfig.defaults().maxMessageBytes());
        UdpSctpEndpoint endpoint = ToolSupport.bind(spec, extensions.apply(UdpSctpEndpoint.builder().udpPort(localUdpPort)
                .sctpPort(sctpPort).remoteUdpPort(remoteUdpPort)
                .associationConfig(extensions.apply(pr.apply(AssociationConfig.defaults().toBuilder(), spec), spec).build())
                .listener(extensions.listener((association, event) -> {
                    actions.onEvent(event);
                    ReceivedMessage whole = joiner.onEvent(association, event);
                    if (whole != null) {
                        String text = new String(whole.payload().toByteArray(), StandardCharsets.UTF_8);
                        synchronized (out) {
                            out.println(text.endsWith("\n") ? text.stripTrailing() : text); // one line per message
                            out.flush();
                        }
                        answers.release();
                    } else if (event instanceof AssociationEvent.PeerShutdown
                            || event instanceof AssociationEvent.ShutdownComplete
                            || event instanceof AssociationEvent.CommunicationLost) {
                        peerClosing.countDown();
                    }
                }, spec)), spec), localUdpPort);
        try {
            SctpUdpAssociation a;
            try {
                a = endpoint.connect(extensions.peers(new InetSocketAddress(peer, remoteUdpPort), spec), remotePort, null)
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("client: " + e.getCause().getMessage());
                return 1;
            }
            if (addStreams > 0) {
                println(out, actions.addOutgoing(a, addStreams, waitSeconds));
            }
            int sent = 0;
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(line.getBytes(StandardCharsets.UTF_8))))
                        .get(60, TimeUnit.SECONDS);
                sent++;
                if (sent == resetAfter) {
                    println(out, actions.resetOutgoing(a, waitSeconds));
                }
            }
            if (sent > 0) {
                answers.tryAcquire(sent, waitSeconds, TimeUnit.SECONDS);
            } else {
                // Nothing to answer: a server that talks first (daytime) says its piece and closes.
                peerClosing.await(waitSeconds, TimeUnit.SECONDS);
            }
            a.shutdown().get(60, TimeUnit.SECONDS);
            return 0;
        } finally {
            endpoint.close().get(10, TimeUnit.SECONDS);
        }
    }

    private static void println(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
