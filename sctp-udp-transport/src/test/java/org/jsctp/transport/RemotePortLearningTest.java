package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6951 section 5.4: the remote UDP port follows the packets that pass the verification tag
 * check. A relay in the middle plays a NAT that rebinds the client's mapping to a new port.
 */
class RemotePortLearningTest {

    private static final long T = Endpoints.TIMEOUT_S;

    private final Endpoints endpoints = new Endpoints();
    private Relay relay;

    @AfterEach
    void closeAll() throws Exception {
        endpoints.close();
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void theServerFollowsTheClientToItsNewPort() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        relay = new Relay(host, Endpoints.addressOf(server, host));

        SctpUdpAssociation c = client.connect(relay.front(), 5000).get(T, TimeUnit.SECONDS);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();
        assertThat(s.remoteAddress().getPort()).isEqualTo(relay.firstBackPort());

        relay.rebind(); // the old mapping is gone: anything still sent to it is lost
        var first = serverEvents.when(AssociationEvent.MessageReceived.class);
        c.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[] {1}))).get(T, TimeUnit.SECONDS);
        first.get(T, TimeUnit.SECONDS);
        assertThat(s.remoteAddress().getPort()).isEqualTo(relay.secondBackPort());

        var reply = clientEvents.when(AssociationEvent.MessageReceived.class);
        s.send(OutgoingMessage.of(0, 2, false, Bytes.wrap(new byte[] {2}))).get(T, TimeUnit.SECONDS);
        assertThat(((AssociationEvent.MessageReceived) reply.get(T, TimeUnit.SECONDS).event()).message().ppid())
                .isEqualTo(2);

        c.shutdown().get(T, TimeUnit.SECONDS);
        serverEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(server.associations()).isEmpty();
    }

    /** Forwards client datagrams to the server from one back socket, later from another; replies go back. */
    private static final class Relay implements AutoCloseable {
        private final DatagramSocket front;
        private final DatagramSocket back1;
        private final DatagramSocket back2;
        private final InetSocketAddress server;
        private volatile DatagramSocket current;
        private volatile SocketAddress client;

        Relay(InetAddress host, InetSocketAddress server) throws IOException {
            this.server = server;
            this.front = new DatagramSocket(0, host);
            this.back1 = new DatagramSocket(0, host);
            this.back2 = new DatagramSocket(0, host);
            this.current = back1;
            pump(front, true);
            pump(back1, false);
            pump(back2, false);
        }

        InetSocketAddress front() {
            return (InetSocketAddress) front.getLocalSocketAddress();
        }

        int firstBackPort() {
            return back1.getLocalPort();
        }

        int secondBackPort() {
            return back2.getLocalPort();
        }

        void rebind() {
            current = back2;
            back1.close();
        }

        private void pump(DatagramSocket from, boolean towardsServer) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65535];
                try {
                    while (true) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        from.receive(p);
                        if (towardsServer) {
                            client = p.getSocketAddress();
                            current.send(new DatagramPacket(p.getData(), p.getLength(), server));
                        } else if (client != null) {
                            front.send(new DatagramPacket(p.getData(), p.getLength(), client));
                        }
                    }
                } catch (IOException closed) {
                    // socket closed: the relay ends
                }
            }, "relay-" + from.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            front.close();
            back1.close();
            back2.close();
        }
    }
}
