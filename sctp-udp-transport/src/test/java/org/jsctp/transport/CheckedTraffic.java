package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.impair.MessageLedger;

/** Sends self-checking messages (see {@link MessageLedger}) on an association: several streams, the last one unordered. */
final class CheckedTraffic {

    static final int STREAMS = 4;

    private CheckedTraffic() {
    }

    /**
     * Queues {@code count} messages of {@link MessageLedger#HEADER}..{@code maxLength} bytes,
     * round-robin over {@link #STREAMS} streams with the last one unordered, and checks each offer
     * was accepted (the send buffer must be large enough for all of them).
     */
    static void send(SctpUdpAssociation a, MessageLedger ledger, int count, int maxLength) throws Exception {
        List<CompletableFuture<SendQueue.OfferResult>> offers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int stream = i % STREAMS;
            MessageLedger.Sent m = ledger.next(stream, stream == STREAMS - 1, ledger.randomLength(maxLength));
            offers.add(a.send(OutgoingMessage.of(m.streamId(), 0x4a53, m.unordered(), Bytes.wrap(m.payload()))));
        }
        for (CompletableFuture<SendQueue.OfferResult> offer : offers) {
            assertThat(offer.get(Endpoints.TIMEOUT_S, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
    }

    /** Every message arrived exactly once, intact, in order on the ordered streams. */
    static void assertAllDelivered(MessageLedger ledger) {
        assertThat(ledger.problems()).as("problems").isEmpty();
        assertThat(ledger.missing()).as("missing messages").isEmpty();
        assertThat(ledger.receivedCount()).isEqualTo(ledger.sentCount());
    }
}
