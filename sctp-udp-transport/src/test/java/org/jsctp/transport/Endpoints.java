package org.jsctp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;

/** Creates endpoints on ephemeral ports for a test and closes them all at its end. */
final class Endpoints implements AutoCloseable {

    static final long TIMEOUT_S = 20;

    private final List<UdpSctpEndpoint> open = new ArrayList<>();

    /** An endpoint on {@code host}, an ephemeral UDP port, with {@code config}. */
    UdpSctpEndpoint bind(InetAddress host, int sctpPort, AssociationListener listener, TransportType type,
                         AssociationConfig config) throws Exception {
        UdpSctpEndpoint e = UdpSctpEndpoint.builder()
                .bindAddress(host)
                .udpPort(0)
                .sctpPort(sctpPort)
                .associationConfig(config)
                .transportType(type)
                .listener(listener)
                .bind()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        open.add(e);
        return e;
    }

    /** An endpoint on 127.0.0.1 with default settings. */
    UdpSctpEndpoint bind(int sctpPort, AssociationListener listener) throws Exception {
        return bind(InetAddress.getByName("127.0.0.1"), sctpPort, listener, TransportType.AUTO,
                AssociationConfig.defaults());
    }

    /** Closes {@code e} with the others at the end. */
    UdpSctpEndpoint adopt(UdpSctpEndpoint e) {
        open.add(e);
        return e;
    }

    /** The endpoints opened so far, in order. */
    List<UdpSctpEndpoint> opened() {
        return List.copyOf(open);
    }

    static InetSocketAddress addressOf(UdpSctpEndpoint e, InetAddress host) {
        return new InetSocketAddress(host, e.localUdpPort());
    }

    @Override
    public void close() throws Exception {
        for (UdpSctpEndpoint e : open) {
            e.close().get(TIMEOUT_S, TimeUnit.SECONDS);
        }
    }
}
