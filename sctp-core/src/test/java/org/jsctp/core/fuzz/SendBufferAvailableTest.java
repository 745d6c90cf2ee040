package org.jsctp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * {@code sendBufferAvailable()} says what {@code send} accepts, also with data in flight: after
 * data in flight began to count against the send buffer (a fuzz finding), the figure still gave
 * only the queue's room, so a sender filling the buffer by it was refused over and over (the long
 * transfer of the transport's soak test spun on its event loop).
 */
class SendBufferAvailableTest {

    private static final int BUFFER = 64 * 1024; // EstablishedPair's send buffer

    @Test
    void theRoomReportedIsExactlyWhatSendAcceptsWithDataInFlight() {
        EstablishedPair pair = new EstablishedPair(7, false);
        long now = pair.net.now();
        // Sent at once (in flight, unacknowledged while the network does not run).
        assertThat(pair.target.send(message(20_000), now)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(pair.target.send(message(20_000), now)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(pair.target.bufferedAmount()).isEqualTo(40_000);
        assertThat(pair.target.sendBufferAvailable()).isEqualTo(BUFFER - 40_000);

        int room = (int) pair.target.sendBufferAvailable();
        assertThat(pair.target.send(message(room + 1), now)).isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        assertThat(pair.target.send(message(room), now)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(pair.target.sendBufferAvailable()).isZero();
        assertThat(pair.target.send(message(1), now)).isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
    }

    private static OutgoingMessage message(int length) {
        return OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[length]));
    }
}
