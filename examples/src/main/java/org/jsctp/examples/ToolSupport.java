package org.jsctp.examples;

import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the tools share: argument checks with clear errors, binding, and running a server until stopped. */
final class ToolSupport {

    private ToolSupport() {
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

    /** Resolves {@code host}, turning failure into a usage-style error that names it. */
    static InetAddress resolve(CommandSpec spec, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "unknown host: " + host);
        }
    }

    /** Serves until interrupted, or for {@code seconds} when positive, then closes the endpoint. */
    static void serveUntilStopped(UdpSctpEndpoint server, long seconds) throws Exception {
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
    }
}
