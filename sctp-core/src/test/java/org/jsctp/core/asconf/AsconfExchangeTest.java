package org.jsctp.core.asconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.asconf.AsconfSenderTest.ip;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.asconf.AsconfSender.AckKind;
import org.jsctp.core.asconf.AsconfSender.AckOutcome;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.cause.DeleteLastRemainingAddressCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.timer.Timer;
import org.junit.jupiter.api.Test;

/**
 * A sender and a receiver talking through the codec: our address book on one side, the peer's
 * view of it on the other, and both agree after each exchange, lost chunks included.
 */
class AsconfExchangeTest {

    private static final long RTO = 1_000_000_000L;
    private static final InetAddress A1 = ip("10.0.0.1");
    private static final InetAddress A2 = ip("10.0.0.2");
    private static final InetAddress A3 = ip("10.0.0.3");
    private static final int OUR_INITIAL_TSN = 0xFFFF_FFFE; // the serial wraps during the test

    private final InMemoryLocalAddressBook ours = new InMemoryLocalAddressBook(List.of(A1));
    private final InMemoryPeerAddressBook theirView = new InMemoryPeerAddressBook(16, List.of(A1));
    private final Timer t4 = new Timer("T-4 RTO", RTO, 60 * RTO, Timer.Backoff.EXPONENTIAL, false, -1);
    private final AsconfSender sender = new AsconfSender(ours, new AsconfSerial(OUR_INITIAL_TSN), t4,
            ErrorCounting.limitedTo(10), 1200, 16);
    private final AsconfReceiver receiver = new AsconfReceiver(theirView, new AsconfSerial(OUR_INITIAL_TSN), 16,
            1200, 4);

    @Test
    void addSetPrimaryAndDeleteLeaveBothSidesAgreeing() {
        sender.request(new AsconfRequest.AddAddress(A2));
        sender.request(new AsconfRequest.SetPrimary(A2));
        AckOutcome first = exchange(A1);
        assertThat(first.results()).allSatisfy(r -> assertThat(r.success()).isTrue());
        assertThat(theirView.primary()).isEqualTo(A2);

        sender.request(new AsconfRequest.AddAddress(A3));
        sender.request(new AsconfRequest.DeleteAddress(A1));
        exchange(A2);
        sender.request(new AsconfRequest.DeleteAddress(A2));
        exchange(A3);

        assertThat(ours.knownToPeer()).containsExactly(A3);
        assertThat(theirView.addresses()).containsExactlyElementsOf(ours.knownToPeer());
        assertThat(sender.nextSerial()).as("three ASCONFs across the wrap").isEqualTo(new AsconfSerial(1));
    }

    @Test
    void aLostAckIsRecoveredByTheRetransmissionAndTheCachedAnswer() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk asconf = sender.poll(0, RTO, 60 * RTO).orElseThrow();
        receiver.onAsconf(roundTrip(asconf), A1, true).orElseThrow(); // the ASCONF-ACK is lost
        theirView.remove(A2); // were it processed again, A2 would come back

        t4.expire(RTO);
        AsconfChunk again = sender.onT4Expiry(RTO).retransmission();
        AsconfAckChunk cached = receiver.onAsconf(roundTrip(again), A1, true).orElseThrow();
        AckOutcome outcome = sender.onAsconfAck(roundTrip(cached));

        assertThat(outcome.kind()).isEqualTo(AckKind.PROCESSED);
        assertThat(theirView.addresses()).as("the replay changed nothing").containsExactly(A1);
        assertThat(ours.knownToPeer()).containsExactly(A1, A2);
    }

    @Test
    void theReceiverRefusesWhatTheSenderCouldNotKnowWasTheLastAddress() {
        InMemoryLocalAddressBook confused = new InMemoryLocalAddressBook(List.of(A1, A2));
        AsconfSender s = new AsconfSender(confused, new AsconfSerial(OUR_INITIAL_TSN), t4, ErrorCounting.limitedTo(10),
                1200, 16);
        s.request(new AsconfRequest.DeleteAddress(A2));
        AsconfChunk asconf = s.poll(0, RTO, 60 * RTO).orElseThrow();

        AsconfAckChunk ack = receiver.onAsconf(roundTrip(asconf), A1, true).orElseThrow();
        AckOutcome outcome = s.onAsconfAck(roundTrip(ack));

        // The peer's view holds only A1, so deleting A2 is a no-op success there.
        assertThat(outcome.results()).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
        s.request(new AsconfRequest.AddAddress(A3));
        s.request(new AsconfRequest.DeleteAddress(A1));
        theirView.refuse(A3);
        AsconfChunk second = s.poll(1, RTO, 60 * RTO).orElseThrow();
        AckOutcome refused = s.onAsconfAck(roundTrip(receiver.onAsconf(roundTrip(second), A3, true).orElseThrow()));
        assertThat(refused.results()).extracting(AsconfResult::success).containsExactly(false, false);
        assertThat(refused.results().get(1).causes()).singleElement().isInstanceOf(DeleteLastRemainingAddressCause.class);
        assertThat(confused.isUsableAsSource(A1)).as("the refused delete gives A1 back").isTrue();
    }

    private AckOutcome exchange(InetAddress source) {
        AsconfChunk asconf = sender.poll(0, RTO, 60 * RTO).orElseThrow();
        AsconfAckChunk ack = receiver.onAsconf(roundTrip(asconf), source, true).orElseThrow();
        AckOutcome outcome = sender.onAsconfAck(roundTrip(ack));
        assertThat(outcome.kind()).isEqualTo(AckKind.PROCESSED);
        return outcome;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Chunk> T roundTrip(T chunk) {
        return (T) CodecAssertions.decodeChunk(CodecAssertions.encode(chunk));
    }
}
