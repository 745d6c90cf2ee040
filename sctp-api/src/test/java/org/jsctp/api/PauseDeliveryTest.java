package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SctpAssociation#pauseDelivery()}: a listener's messages wait in the association while
 * delivery is paused, uncredited, so the receive window shuts and the sender is flow-controlled
 * (RFC 9260 section 6.2); each {@link SctpAssociation#resumeDelivery()} hands over what the
 * listener lets through before pausing again, in order.
 */
class PauseDeliveryTest {

    private static final int FULL_CHUNK = 1452 - 12 - 16;
    /** Two full chunks: the window closes exactly (see BackPressureTest). */
    private static final int MESSAGE = 2 * FULL_CHUNK;
    private static final int COUNT = 20;

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aPausedListenerShutsTheWindowAndEachResumeDeliversOneMessage() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.RECEIVE_BUFFER, 6 * MESSAGE)
                .build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.SEND_BUFFER, 2 * MESSAGE).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);

        BlockingQueue<SctpReceivedMessage> got = new LinkedBlockingQueue<>();
        b.pauseDelivery();
        b.setListener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                b.pauseDelivery(); // in the callback: before the next message
                got.add(m);
            }
        });

        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            sends.add(a.sendAsync(SctpMessage.wrap(Loopback.pattern(i, MESSAGE))));
        }
        Eventually.until("the paused receiver's window is shut and sends wait", () ->
                a.statistics().peerReceiverWindow() == 0 && sends.stream().anyMatch(f -> !f.isDone()));
        assertThat(got).as("nothing delivered while paused").isEmpty();

        for (int i = 0; i < COUNT; i++) {
            b.resumeDelivery().get(20, TimeUnit.SECONDS);
            SctpReceivedMessage m = got.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("message %d", i).isNotNull();
            assertThat(m.toByteArray()).as("message %d", i).isEqualTo(Loopback.pattern(i, MESSAGE));
            assertThat(got).as("one message per resume").isEmpty();
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(b.poll()).isNull();
    }
}
