package org.jsctp.guide;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;

/**
 * The scaffolding of the extension examples: a server and a client endpoint on the loopback with
 * free UDP ports, built from the examples' builders, and one association between them, seen from
 * both sides. Public API only, as an application would write it.
 */
// tag::peers[]
record Peers(SctpEndpoint serverEndpoint, SctpEndpoint clientEndpoint, SctpAssociation client, SctpAssociation server)
        implements AutoCloseable {

    static final int SCTP_PORT = 5001;

    /** Builds both endpoints (the server's on SCTP port 5001, listening), connects and accepts. */
    static Peers connect(SctpEndpoint.Builder serverBuilder, SctpEndpoint.Builder clientBuilder) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SctpEndpoint serverEndpoint = serverBuilder.localAddress(loopback).udpPort(0).sctpPort(SCTP_PORT).build();
        SctpEndpoint clientEndpoint = clientBuilder.localAddress(loopback).udpPort(0).build();
        serverEndpoint.listen();
        SctpAssociation client = clientEndpoint.connect(ApiTour.udpAddressOf(serverEndpoint), SCTP_PORT);
        return new Peers(serverEndpoint, clientEndpoint, client, serverEndpoint.accept(Duration.ofSeconds(10)));
    }

    /** As {@link #connect}, for multi-homed endpoints: each builder says its local addresses. */
    static Peers connectMultihomed(SctpEndpoint.Builder serverBuilder, SctpEndpoint.Builder clientBuilder)
            throws IOException {
        SctpEndpoint serverEndpoint = serverBuilder.udpPort(0).sctpPort(SCTP_PORT).build();
        SctpEndpoint clientEndpoint = clientBuilder.udpPort(0).build();
        serverEndpoint.listen();
        // every address of the server, each with its UDP port; the first becomes the primary path
        SctpAssociation client = clientEndpoint.connect(serverEndpoint.localAddresses(), SCTP_PORT);
        return new Peers(serverEndpoint, clientEndpoint, client, serverEndpoint.accept(Duration.ofSeconds(10)));
    }

    @Override
    public void close() throws IOException {
        clientEndpoint.close(); // shuts its associations down gracefully
        serverEndpoint.close();
    }
}
// end::peers[]
