package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * Manual read credit: messages handed out by pollEvent keep the receive window closed until the
 * application says it read them (RFC 9260 section 6.2); and Nagle switched off on a live association.
 */
class ReadCreditTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int BUFFER = 16 * 1024;

    private final AssociationConfig config = AssociationConfig.builder().receiveBufferBytes(BUFFER).plpmtudEnabled(false).build();
    private final SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
    private final SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);

    private long received() {
        return server.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    private Association established() {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty(),
                10 * S, 10_000)).isTrue();
        return a;
    }

    @Test
    void messagesHandedOutButNotReadKeepTheWindowShutUntilTheReadIsCredited() {
        Association a = established();
        Association b = server.associations().get(0);
        b.setManualReadCredit(true);
        for (int i = 0; i < 64; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[1000])), net.now());
        }
        net.advance(5 * S, 100_000);
        long handedOut = received();
        assertThat(handedOut).isLessThan(64).isGreaterThan(0);
        assertThat(a.statistics().peerReceiverWindow()).isLessThan(BUFFER / 8); // nearly shut: too small to be worth a message

        b.onUserRead(handedOut * 1000, net.now());
        net.runUntil(() -> received() > handedOut, net.now() + 10 * S, 100_000);
        assertThat(received()).isGreaterThan(handedOut);
    }

    @Test
    void readCreditIsRefusedUnlessManualCreditIsOn() {
        Association a = established();
        assertThat(a.isManualReadCredit()).isFalse();
        assertThatThrownBy(() -> a.onUserRead(10, net.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void switchingNagleOffOnALiveAssociationSendsEachSmallMessageInItsOwnPacket() {
        Association a = established();
        assertThat(burstOfSmallMessagesDelivered(a)).as("Nagle: one goes, four wait for its SACK").isEqualTo(1);
        net.runUntil(() -> a.bufferedAmount() == 0, net.now() + 10 * S, 10_000);

        a.setNoDelay(true);
        assertThat(a.noDelay()).isTrue();
        assertThat(burstOfSmallMessagesDelivered(a)).isEqualTo(5);
    }

    /** Sends five small messages at once; returns the packets that arrive before any SACK can come back. */
    private long burstOfSmallMessagesDelivered(Association a) {
        long before = net.aToB().delivered();
        for (int i = 0; i < 5; i++) {
            a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[10])), net.now());
        }
        net.advance(15 * MS, 10_000); // one-way delay 10 ms: the burst arrived, no SACK is back yet
        return net.aToB().delivered() - before;
    }
}
