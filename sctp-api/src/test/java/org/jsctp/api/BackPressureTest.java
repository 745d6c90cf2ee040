package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that does not read closes the sender's window (its unread messages count against
 * a_rwnd, RFC 9260 section 6.2); the sender's bounded buffer then fills and sends wait; reading
 * lets everything through, intact and in order.
 */
class BackPressureTest {

    /** User data of a full DATA chunk: the 1452-byte packet less the common and DATA chunk headers. */
    private static final int FULL_CHUNK = 1452 - 12 - 16;
    /** Two full chunks: the window closes exactly, without a small remainder the sender would not fill. */
    private static final int MESSAGE = 2 * FULL_CHUNK;
    private static final int RECEIVE_BUFFER = 6 * MESSAGE;
    private static final int SEND_BUFFER = 2 * MESSAGE;
    private static final int COUNT = 20;

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aReceiverThatDoesNotReadStopsTheSenderAndReadingLetsEverythingThroughInOrder() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.RECEIVE_BUFFER, RECEIVE_BUFFER)
                .build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.SEND_BUFFER, SEND_BUFFER)
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.BUFFERED_AMOUNT_LOW)).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);

        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            sends.add(a.sendAsync(SctpMessage.wrap(Loopback.pattern(i, MESSAGE))));
        }
        Eventually.until("the receiver's window is shut and sends wait", () ->
                a.statistics().peerReceiverWindow() == 0 && sends.stream().anyMatch(f -> !f.isDone()));

        assertThat(a.trySend(SctpMessage.wrap(new byte[MESSAGE]))).as("trySend with a full buffer").isFalse();
        assertThat(sends.get(COUNT - 1)).as("the last sendAsync waits").isNotDone();
        assertThat(a.statistics().bufferedAmount()).isGreaterThanOrEqualTo(SEND_BUFFER);
        // Before the window shut, the first messages may each have been acknowledged before the
        // next was queued (the buffered amount falling to 0 raises the event): those are history.
        while (a.pollNotification() != null) {
            // drop
        }
        a.setOption(SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD, 2048L);
        assertThat(a.pollNotification()).as("nothing was acknowledged down to the threshold yet").isNull();

        for (int i = 0; i < COUNT; i++) {
            SctpReceivedMessage m = b.receive(Loopback.TIMEOUT);
            assertThat(m.toByteArray()).as("message %d", i).isEqualTo(Loopback.pattern(i, MESSAGE));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        SctpNotification low = a.receiveNotification(Loopback.TIMEOUT);
        assertThat(low).isInstanceOfSatisfying(SctpNotification.BufferedAmountLow.class, n -> {
            assertThat(n.threshold()).isEqualTo(2048);
            assertThat(n.bufferedAmount()).isLessThanOrEqualTo(2048);
            assertThat(n.association()).isSameAs(a);
        });
        assertThat(b.poll()).as("nothing more than what was sent").isNull();
    }

    @Test
    void aBlockedSendThatTimesOutSendsNothingAndLaterSendsStillArriveInOrder() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.RECEIVE_BUFFER, RECEIVE_BUFFER)
                .build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.SEND_BUFFER, SEND_BUFFER).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            sends.add(a.sendAsync(SctpMessage.wrap(Loopback.pattern(i, MESSAGE))));
        }
        Eventually.until("the receiver's window is shut and sends wait", () ->
                a.statistics().peerReceiverWindow() == 0 && sends.stream().anyMatch(f -> !f.isDone()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        a.send(SctpMessage.wrap(new byte[MESSAGE]), java.time.Duration.ofMillis(50)))
                .isInstanceOf(SctpTimeoutException.class).hasMessageContaining("the message was not sent");
        CompletableFuture<Void> after = a.sendAsync(SctpMessage.wrap(Loopback.pattern(COUNT, MESSAGE)));
        for (int i = 0; i <= COUNT; i++) {
            assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).as("message %d", i)
                    .isEqualTo(Loopback.pattern(i, MESSAGE));
        }
        after.get(20, TimeUnit.SECONDS);
        assertThat(b.poll()).as("the timed-out message was not sent").isNull();
    }

    @Test
    void sendAsyncBeyondThePendingLimitFailsFastWithATypedException() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.RECEIVE_BUFFER, RECEIVE_BUFFER)
                .build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.SEND_BUFFER, SEND_BUFFER)
                .pendingSendLimit(4).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(a.sendAsync(SctpMessage.wrap(new byte[MESSAGE])));
        }
        Eventually.until("a send fails for the pending limit", () -> sends.stream().anyMatch(
                CompletableFuture::isCompletedExceptionally));
        CompletableFuture<Void> failed = sends.stream().filter(CompletableFuture::isCompletedExceptionally)
                .findFirst().orElseThrow();
        assertThat(failed).failsWithin(1, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(SctpSendBufferFullException.class)
                .withMessageContaining("4 messages already wait");
    }
}
