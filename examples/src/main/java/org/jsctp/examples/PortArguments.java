package org.jsctp.examples;

import java.net.BindException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of port arguments and binding, with the clear errors the tools promise. */
final class PortArguments {

    private PortArguments() {
    }

    /** Fails with a usage error unless {@code port} is a valid port (0 allowed when {@code zeroAllowed}). */
    static void check(CommandSpec spec, int port, String name, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    name + " must be " + (zeroAllowed ? "0.." : "1..") + "65535, got " + port);
        }
    }

    /** Binds the endpoint, turning "port in use" into a usage-style error that names the port. */
    static UdpSctpEndpoint bind(CommandSpec spec, UdpSctpEndpoint.Builder builder, int udpPort) throws Exception {
        try {
            return builder.bind().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BindException) {
                throw new ParameterException(spec.commandLine(), "UDP port " + udpPort + " is in use");
            }
            throw e;
        }
    }
}
