package org.jsctp.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Endpoints on 127.0.0.1 with ephemeral UDP ports for one test, all closed at its end. */
final class Loopback implements AutoCloseable {

    /** The longest a test waits for anything; reached only when something is broken. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<AutoCloseable> open = new ArrayList<>();

    static InetAddress host() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    SctpEndpoint.Builder endpoint() {
        return SctpEndpoint.builder().localAddress(host()).udpPort(0);
    }

    SctpMultiEndpoint.Builder multiEndpoint() {
        return SctpMultiEndpoint.builder().localAddress(host()).udpPort(0);
    }

    <T extends AutoCloseable> T adopt(T endpoint) {
        open.add(endpoint);
        return endpoint;
    }

    /** A listening one-to-one endpoint on SCTP port 7. */
    SctpEndpoint server() throws Exception {
        SctpEndpoint s = adopt(endpoint().sctpPort(7).build());
        s.listen();
        return s;
    }

    SctpEndpoint client() throws Exception {
        return adopt(endpoint().build());
    }

    static InetSocketAddress addressOf(SctpEndpoint e) {
        return new InetSocketAddress(host(), e.localAddress().getPort());
    }

    static InetSocketAddress addressOf(SctpMultiEndpoint e) {
        return new InetSocketAddress(host(), e.localAddress().getPort());
    }

    static byte[] pattern(int id, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        return b;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
