package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With manual read credit, messages delivered to the listener keep the receive window shut until
 * the application reports them read; reads reported one by one open it again (RFC 9260 section 6.2).
 */
class ReadCreditTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int BUFFER = 16 * 1024;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void unreadMessagesHoldTheWindowShutAndReportedReadsLetTheRestThrough() throws Exception {
        AtomicBoolean reading = new AtomicBoolean();
        EventRecorder serverEvents = new EventRecorder().forwardTo((a, e) -> {
            if (reading.get() && e instanceof AssociationEvent.MessageReceived m) {
                a.onUserRead(m.message().payload().length());
            }
        });
        InetAddress host = InetAddress.getByName("127.0.0.1");
        UdpSctpEndpoint server = endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(7)
                .associationConfig(AssociationConfig.builder().receiveBufferBytes(BUFFER).build())
                .manualReadCredit(true).listener(serverEvents).bind().get(T, TimeUnit.SECONDS));
        UdpSctpEndpoint client = endpoints.bind(5001, AssociationListener.IGNORE);
        SctpUdpAssociation a = client.connect(Endpoints.addressOf(server, host), 7).get(T, TimeUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])));
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        while (a.call((core, now) -> core.statistics().peerReceiverWindow()).get(T, TimeUnit.SECONDS) >= BUFFER / 8) {
            assertThat(System.nanoTime() - giveUp).as("the window shuts").isNegative();
            Thread.onSpinWait();
        }
        int delivered = serverEvents.messages().size();
        assertThat(delivered).isLessThan(40);

        reading.set(true);
        SctpUdpAssociation s = server.associations().get(0);
        s.onUserRead(delivered * 1000L); // what arrived before reading started
        serverEvents.whenMessages(40).get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.messages()).hasSize(40);
    }
}
