package org.jsctp.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code echo-server [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]}: the counterpart of usrsctp's
 * {@code echo_server}. It serves SCTP port 7 over UDP encapsulation and sends every message back
 * on the stream it came on, with the same PPID.
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = {"Echo every SCTP message (port 7) back on its stream, as usrsctp's echo_server does.",
                "Runs until interrupted (or for --seconds)."})
final class EchoServerCommand implements Callable<Integer> {

    static final int ECHO_SCTP_PORT = 7;

    @Parameters(index = "0", arity = "0..1", defaultValue = "9899", paramLabel = "LOCAL_UDP_PORT",
            description = "UDP port to serve on (default ${DEFAULT-VALUE})")
    int localUdpPort;

    @Parameters(index = "1", arity = "0..1", defaultValue = "0", paramLabel = "REMOTE_UDP_PORT",
            description = "UDP port to send to until the peer's is known; 0 (default): answer to the port the peer sends from")
    int remoteUdpPort;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: run until interrupted)")
    long seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PortArguments.check(spec, localUdpPort, "LOCAL_UDP_PORT", true);
        PortArguments.check(spec, remoteUdpPort, "REMOTE_UDP_PORT", true);
        PrintWriter out = spec.commandLine().getOut();
        UdpSctpEndpoint.Builder b = UdpSctpEndpoint.builder().udpPort(localUdpPort).sctpPort(ECHO_SCTP_PORT)
                .listener((association, event) -> {
                    if (event instanceof AssociationEvent.MessageReceived m) {
                        ReceivedMessage r = m.message();
                        association.send(OutgoingMessage.of(r.streamId(), r.ppid(), r.unordered(), r.payload()));
                    }
                });
        if (remoteUdpPort != 0) {
            b.remoteUdpPort(remoteUdpPort);
        }
        UdpSctpEndpoint server = PortArguments.bind(spec, b, localUdpPort);
        out.printf("echo server: SCTP port %d on UDP port %d%n", ECHO_SCTP_PORT, server.localUdpPort());
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        try {
            if (seconds > 0) {
                forever.await(seconds, TimeUnit.SECONDS);
            } else {
                forever.await();
            }
        } finally {
            server.close().get(10, TimeUnit.SECONDS);
        }
        return 0;
    }
}
