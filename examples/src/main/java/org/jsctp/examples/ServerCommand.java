package org.jsctp.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the example servers share: usrsctp's {@code [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]} arguments
 * (local UDP port 9899 by default; without a remote UDP port, answers go to the port the peer
 * sends from), binding with clear errors, and running until interrupted or for --seconds.
 */
abstract class ServerCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = "9899", paramLabel = "LOCAL_UDP_PORT",
            description = "UDP port to serve on (default ${DEFAULT-VALUE})")
    int localUdpPort;

    @Parameters(index = "1", arity = "0..1", defaultValue = "0", paramLabel = "REMOTE_UDP_PORT",
            description = "UDP port to send to until the peer's is known; 0 (default): answer to the port the peer sends from")
    int remoteUdpPort;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: run until interrupted)")
    long seconds;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Mixin
    ExtensionOptions extensions = new ExtensionOptions();

    @Spec
    CommandSpec spec;

    /** The SCTP port the service listens on. */
    abstract int sctpPort();

    /** The name printed when the server is up. */
    abstract String serviceName();

    /** What the service does with each association's events. */
    abstract AssociationListener service();

    /** The associations' configuration; servers that send apply their {@code --pr} policy here. */
    AssociationConfig associationConfig() {
        return AssociationConfig.defaults();
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        ToolSupport.check(spec, localUdpPort, "LOCAL_UDP_PORT", true);
        ToolSupport.check(spec, remoteUdpPort, "REMOTE_UDP_PORT", true);
        extensions.check(spec);
        extensions.refuseConnectOnly(spec);
        PrintWriter out = spec.commandLine().getOut();
        UdpSctpEndpoint.Builder b = UdpSctpEndpoint.builder().udpPort(localUdpPort).sctpPort(sctpPort())
                .associationConfig(extensions.apply(associationConfig().toBuilder(), spec).build())
                .listener(extensions.listener(service(), spec));
        extensions.apply(b, spec);
        if (remoteUdpPort != 0) {
            b.remoteUdpPort(remoteUdpPort);
        }
        UdpSctpEndpoint server = ToolSupport.bind(spec, b, localUdpPort);
        out.printf("%s: SCTP port %d on UDP port %d%n", serviceName(), sctpPort(), server.localUdpPort());
        out.flush();
        ToolSupport.serveUntilStopped(server, seconds);
        return 0;
    }
}
