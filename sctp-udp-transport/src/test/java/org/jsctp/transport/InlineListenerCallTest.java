package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener that calls its association back while that association's events are handed out (an
 * echo server's send, an abort on a bad request) is served at once, inside the drain in progress,
 * rather than as a task of its own: the call's future is complete when the call returns, and what
 * it queued reaches the peer. A call on another association still runs as a task. So is a call
 * from a plain task of the event loop (issue 6: a request sent from a timer task, as the latency
 * client does), unless an earlier call of the same association still waits as a task: calls keep
 * their order.
 */
class InlineListenerCallTest {

    private static final long T = Endpoints.TIMEOUT_S;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void anEchoSentFromTheListenerIsTakenAtOnceAndReachesThePeerInOrder() throws Exception {
        List<Boolean> doneOnReturn = new CopyOnWriteArrayList<>();
        AssociationListener echo = (a, e) -> {
            if (e instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage r = m.message();
                doneOnReturn.add(a.send(OutgoingMessage.of(r.streamId(), r.ppid(), false, r.payload())).isDone());
            }
        };
        UdpSctpEndpoint server = endpoints.bind(7, echo);
        EventRecorder clientEvents = new EventRecorder();
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        SctpUdpAssociation a = client.connect(Endpoints.addressOf(server, host()), 7).get(T, TimeUnit.SECONDS);
        int count = 200;
        for (int i = 0; i < count; i++) {
            a.send(OutgoingMessage.of(i % 3, i, false, Bytes.wrap(payload(i))));
        }
        clientEvents.whenMessages(count).get(T, TimeUnit.SECONDS);
        List<ReceivedMessage> echoed = clientEvents.messages();
        assertThat(echoed).hasSize(count);
        for (int stream = 0; stream < 3; stream++) {
            int s = stream;
            List<Integer> ppids = echoed.stream().filter(m -> m.streamId() == s).map(ReceivedMessage::ppid).toList();
            assertThat(ppids).as("stream %d in order", s).isSorted();
        }
        assertThat(echoed).allSatisfy(m -> assertThat(m.payload().toByteArray()).isEqualTo(payload(m.ppid())));
        assertThat(doneOnReturn).hasSize(count).containsOnly(true);
    }

    @Test
    void aCallOnAnotherAssociationRunsAsATaskAndStillArrives() throws Exception {
        List<SctpUdpAssociation> serverSide = new CopyOnWriteArrayList<>();
        List<Boolean> doneOnReturn = new CopyOnWriteArrayList<>();
        AssociationListener relay = (a, e) -> {
            if (e instanceof AssociationEvent.CommunicationUp) {
                serverSide.add(a);
            } else if (e instanceof AssociationEvent.MessageReceived m) {
                SctpUdpAssociation other = serverSide.stream().filter(x -> x != a).findFirst().orElseThrow();
                doneOnReturn.add(other.send(OutgoingMessage.of(0, 1, false, m.message().payload())).isDone());
            }
        };
        UdpSctpEndpoint server = endpoints.bind(7, relay);
        EventRecorder first = new EventRecorder();
        EventRecorder second = new EventRecorder();
        SctpUdpAssociation one = endpoints.bind(5001, first).connect(Endpoints.addressOf(server, host()), 7)
                .get(T, TimeUnit.SECONDS);
        endpoints.bind(5002, second).connect(Endpoints.addressOf(server, host()), 7).get(T, TimeUnit.SECONDS);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        while (serverSide.size() < 2) {
            assertThat(System.nanoTime() - giveUp).as("both associations up at the server").isNegative();
            // look again in 1 ms: a spinning look would take a CPU from the stack under test
            LockSupport.parkNanos(1_000_000);
        }
        one.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(payload(7))));
        second.whenMessages(1).get(T, TimeUnit.SECONDS);
        assertThat(second.messages().get(0).payload().toByteArray()).isEqualTo(payload(7));
        assertThat(doneOnReturn).containsExactly(false);
    }

    @Test
    void anAbortFromTheListenerClosesTheAssociationAndTellsThePeer() throws Exception {
        List<AssociationState> stateAfterAbort = new CopyOnWriteArrayList<>();
        AssociationListener aborting = (a, e) -> {
            if (e instanceof AssociationEvent.MessageReceived) {
                a.abort("no thanks");
                stateAfterAbort.add(a.call((core, now) -> core.state()).join()); // inline, so join cannot block
            }
        };
        UdpSctpEndpoint server = endpoints.bind(7, aborting);
        EventRecorder clientEvents = new EventRecorder();
        SctpUdpAssociation a = endpoints.bind(5001, clientEvents).connect(Endpoints.addressOf(server, host()), 7)
                .get(T, TimeUnit.SECONDS);
        a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(payload(1))));
        a.closeFuture().get(T, TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(clientEvents.saw(AssociationEvent.CommunicationLost.class)).isTrue();
        assertThat(stateAfterAbort).containsExactly(AssociationState.CLOSED);
        assertThat(server.associations()).isEmpty();
    }

    @Test
    void aCallFromAPlainEventLoopTaskIsTakenAtOnceAndReachesThePeer() throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        SctpUdpAssociation a = clientAssociationTo(serverEvents);
        boolean doneOnReturn = a.eventLoop()
                .submit(() -> a.send(OutgoingMessage.of(0, 5, false, Bytes.wrap(payload(5)))).isDone())
                .get(T, TimeUnit.SECONDS);
        assertThat(doneOnReturn).isTrue();
        serverEvents.whenMessages(1).get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.messages().get(0).payload().toByteArray()).isEqualTo(payload(5));
    }

    @Test
    void aCallFromTheLoopQueuesBehindAnEarlierCallOfTheSameAssociationThatWaitsAsATask() throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        SctpUdpAssociation a = clientAssociationTo(serverEvents);
        CountDownLatch firstQueued = new CountDownLatch(1);
        var second = a.eventLoop().submit(() -> {
            firstQueued.await(); // holds the loop while this thread's first call is queued behind us
            return a.send(OutgoingMessage.of(0, 2, false, Bytes.wrap(payload(2)))).isDone();
        });
        a.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(payload(1)))); // from this thread: a task of the loop
        firstQueued.countDown();
        assertThat(second.get(T, TimeUnit.SECONDS)).as("the second call waited for the first").isFalse();
        serverEvents.whenMessages(2).get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.messages()).extracting(ReceivedMessage::ppid).containsExactly(1, 2);
    }

    /** A client's association with a server whose events go to {@code serverEvents}. */
    private SctpUdpAssociation clientAssociationTo(EventRecorder serverEvents) throws Exception {
        UdpSctpEndpoint server = endpoints.bind(7, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, new EventRecorder());
        return client.connect(Endpoints.addressOf(server, host()), 7).get(T, TimeUnit.SECONDS);
    }

    private static byte[] payload(int i) {
        byte[] b = new byte[100 + i % 50];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        return b;
    }

    private static InetAddress host() throws Exception {
        return InetAddress.getByName("127.0.0.1");
    }
}
