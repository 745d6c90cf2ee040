package org.jsctp.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpReceivedMessage;

/**
 * The first echo of the guide (docs/guide/getting-started.md): an echo server and a client in one
 * program, over SCTP in UDP on the loopback. Run it with {@code java GettingStartedEcho [UDP_PORT]}
 * (default 9899, the port of RFC 6951 section 5.1); it prints what came back.
 */
public final class GettingStartedEcho {

    private GettingStartedEcho() {
    }

    public static void main(String[] args) throws Exception {
        int udpPort = args.length > 0 ? Integer.parseInt(args[0]) : 9899;
        System.out.println(echo(udpPort, "hello, SCTP"));
    }

    /** Sends {@code text} to an echo server on {@code udpPort} (0: any free port) and returns the echo. */
    // tag::echo[]
    static String echo(int udpPort, String text) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(loopback).udpPort(udpPort).sctpPort(7).build();
             SctpEndpoint client = SctpEndpoint.builder().localAddress(loopback).udpPort(0).build()) {
            server.listen();
            new Thread(() -> {                                  // the server: echo on the same stream
                try {
                    SctpAssociation peer = server.accept();
                    for (SctpReceivedMessage m; (m = peer.receive()) != null; ) { // null: peer shut down
                        peer.send(SctpMessage.of(m.toByteArray()).withStream(m.stream()));
                    }
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }).start();
            InetSocketAddress serverUdp = new InetSocketAddress(loopback, server.localAddress().getPort());
            SctpAssociation association = client.connect(serverUdp, 7); // SCTP port 7 at that UDP address
            association.send(SctpMessage.of(text.getBytes(UTF_8)).withStream(1));
            SctpReceivedMessage echo = association.receive();
            association.shutdown();
            return new String(echo.toByteArray(), UTF_8) + " (stream " + echo.stream() + ")";
        }
    }
    // end::echo[]
}
