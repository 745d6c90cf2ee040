package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsctp.api.SctpNotification.AssociationChange;
import org.jsctp.api.SctpNotification.AssociationChange.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications are delivered only for the kinds subscribed (RFC 6458 section 6.2.1: none by default). */
class NotificationTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    /** Every notification waiting until the association closed and its queue ended. */
    private static List<SctpNotification> allUntilClosed(SctpAssociation a) throws Exception {
        List<SctpNotification> all = new ArrayList<>();
        for (SctpNotification n; (n = a.receiveNotification(Loopback.TIMEOUT)) != null; ) {
            all.add(n);
        }
        return all;
    }

    @Test
    void commUpPeerShutdownAndShutdownCompleteReachOnlyTheSubscribers() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.ASSOCIATION_CHANGE, NotificationKind.SHUTDOWN))
                .build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint()
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.ASSOCIATION_CHANGE)).build());
        SctpEndpoint silent = net.client(); // subscribes to nothing

        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        a.send(SctpMessage.of(new byte[] {1})); // raises SENDER_DRY once acknowledged: not subscribed
        assertThat(b.receive(Loopback.TIMEOUT)).isNotNull();
        a.shutdown();

        assertThat(allUntilClosed(a)).extracting(n -> ((AssociationChange) n).change())
                .containsExactly(Change.COMM_UP, Change.SHUTDOWN_COMP);
        List<SctpNotification> atServer = allUntilClosed(b);
        assertThat(atServer).extracting(SctpNotification::kind).containsExactly(NotificationKind.ASSOCIATION_CHANGE,
                NotificationKind.SHUTDOWN, NotificationKind.ASSOCIATION_CHANGE);
        assertThat(((AssociationChange) atServer.get(0)).outboundStreams()).isEqualTo(10);
        assertThat(((AssociationChange) atServer.get(2)).change()).isEqualTo(Change.SHUTDOWN_COMP);
        assertThat(atServer).allSatisfy(n -> assertThat(n.association()).isSameAs(b));

        SctpAssociation c = silent.connect(Loopback.addressOf(server), 7);
        c.shutdown();
        assertThat(allUntilClosed(c)).isEmpty();
    }

    /** RFC 6458 sections 6.1.6 and 8.1.10 (RFC 5061 section 4.2.6): each side hears of the other's code point. */
    @Test
    void adaptationIndicationsAreExchangedAndReachTheSubscribersRightAfterCommUp() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .option(SctpOptions.ADAPTATION_LAYER, java.util.OptionalInt.of(0xCAFE_BABE))
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.ASSOCIATION_CHANGE,
                        NotificationKind.ADAPTATION_INDICATION)).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint()
                .option(SctpOptions.ADAPTATION_LAYER, java.util.OptionalInt.of(7))
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.ASSOCIATION_CHANGE,
                        NotificationKind.ADAPTATION_INDICATION)).build());

        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.ADAPTATION_LAYER)).hasValue(7);
        a.shutdown();
        List<SctpNotification> atClient = allUntilClosed(a);
        assertThat(atClient.get(0)).isInstanceOfSatisfying(AssociationChange.class,
                c -> assertThat(c.change()).isEqualTo(Change.COMM_UP));
        assertThat(atClient.get(1)).isEqualTo(new SctpNotification.AdaptationIndication(a, 0xCAFE_BABE));
        assertThat(allUntilClosed(b)).contains(new SctpNotification.AdaptationIndication(b, 7));
        assertThat(OptionMapping.read(SctpOptions.ADAPTATION_LAYER, org.jsctp.core.assoc.AssociationConfig.defaults()))
                .isEqualTo(java.util.OptionalInt.empty()); // none by default
    }

    @Test
    void commLostCarriesThePeersAbortReason() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        a.subscribe(NotificationKind.ASSOCIATION_CHANGE);
        server.accept(Loopback.TIMEOUT).abort("bye");
        SctpNotification n = a.receiveNotification(Loopback.TIMEOUT);
        assertThat(n).isInstanceOfSatisfying(AssociationChange.class, c -> {
            assertThat(c.change()).isEqualTo(Change.COMM_LOST);
            assertThat(c.reason()).contains("aborted by peer: cause 'User-Initiated Abort: bye'");
            assertThat(c.causes()).singleElement().satisfies(cause -> {
                assertThat(cause.code()).isEqualTo(12);
                assertThat(cause.name()).isEqualTo("User-Initiated Abort");
            });
        });
    }

    @Test
    void aListenerGetsTheSubscribedNotificationsAndSendFailedHandsBackTheUnsentMessages() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.RECEIVE_BUFFER, 4096).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        List<SctpNotification> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.setListener(new SctpListener() {
            @Override
            public void onNotification(SctpNotification n) {
                seen.add(n);
            }
        });
        a.setOption(SctpOptions.EVENTS, EnumSet.of(NotificationKind.SEND_FAILED));
        List<SctpMessage> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // far more than the receiver's window: most stay queued here
            SctpMessage m = SctpMessage.of(Loopback.pattern(i, 1000)).withContext("message " + i);
            sent.add(m);
            a.sendAsync(m);
        }
        Eventually.until("most is queued or in flight", () -> a.statistics().bufferedAmount() > 10_000);
        a.abort("giving up").get();

        assertThat(seen).allSatisfy(n -> assertThat(n).isInstanceOf(SctpNotification.SendFailed.class));
        List<SctpNotification.SendFailed> failed = seen.stream().map(n -> (SctpNotification.SendFailed) n).toList();
        assertThat(failed).isNotEmpty().allSatisfy(f -> assertThat(sent).contains(f.message()));
        assertThat(failed).anySatisfy(f -> assertThat(f.sent()).isFalse());
        assertThat(failed).extracting(f -> f.message().context()).doesNotHaveDuplicates();
        assertThat(failed.get(0).reason()).contains("giving up");
    }
}
