package org.jsctp.core.asconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jsctp.core.asconf.AsconfSender.AckKind;
import org.jsctp.core.asconf.AsconfSender.AckOutcome;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.timer.Timer;
import org.junit.jupiter.api.Test;

/**
 * Random address changes over a link that loses and duplicates ASCONF and ASCONF-ACK chunks, in
 * virtual time, for many seeds: whatever happens, once the sender has its answer both sides agree
 * on our addresses and the peer never loses its last one of ours; each retransmission is the
 * ASCONF unchanged (RFC 5061 sections 5.1, 5.2 and 5.3).
 */
class AsconfLossyExchangeTest {

    private static final long RTO = 1_000_000_000L;
    private static final List<InetAddress> POOL = List.of(
            AsconfSenderTest.ip("10.0.0.1"), AsconfSenderTest.ip("10.0.0.2"), AsconfSenderTest.ip("10.0.0.3"),
            AsconfSenderTest.ip("10.0.0.4"), AsconfSenderTest.ip("2001:db8::1"), AsconfSenderTest.ip("2001:db8::2"));

    @Test
    void bothSidesAgreeAfterEveryAnsweredAsconfWhateverIsLost() {
        for (long seed = 0; seed < 300; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        int initial = random.nextInt(); // any Initial TSN, the wrap included
        InMemoryLocalAddressBook ours = new InMemoryLocalAddressBook(List.of(POOL.get(0)));
        InMemoryPeerAddressBook theirs = new InMemoryPeerAddressBook(16, List.of(POOL.get(0)));
        Timer t4 = new Timer("T-4 RTO", RTO, 60 * RTO, Timer.Backoff.EXPONENTIAL, false, -1);
        AsconfSender sender = new AsconfSender(ours, new AsconfSerial(initial), t4, ErrorCounting.limitedTo(1000),
                1200, 8);
        AsconfReceiver receiver = new AsconfReceiver(theirs, new AsconfSerial(initial), 16, 1200, 4);
        long now = 0;
        int answered = 0;
        for (int step = 0; step < 60; step++) {
            InetAddress a = POOL.get(random.nextInt(POOL.size()));
            switch (random.nextInt(3)) {
                case 0 -> sender.request(new AsconfRequest.AddAddress(a));
                case 1 -> sender.request(new AsconfRequest.DeleteAddress(a));
                default -> sender.request(new AsconfRequest.SetPrimary(a));
            }
            Optional<AsconfChunk> sent = sender.poll(now, RTO, 60 * RTO);
            AsconfChunk inFlight = sent.orElse(null);
            while (inFlight != null) {
                AsconfAckChunk ack = null;
                if (random.nextInt(4) != 0) { // the ASCONF arrives, perhaps twice
                    ack = receiver.onAsconf(roundTrip(inFlight), POOL.get(0), true).orElse(null);
                    if (random.nextInt(5) == 0) {
                        ack = receiver.onAsconf(roundTrip(inFlight), POOL.get(0), true).orElse(ack);
                    }
                }
                if (ack != null && random.nextInt(4) != 0) { // the ASCONF-ACK arrives
                    AckOutcome outcome = sender.onAsconfAck(roundTrip(ack));
                    assertThat(outcome.kind()).as("seed %d", seed).isEqualTo(AckKind.PROCESSED);
                    answered++;
                    assertThat(new HashSet<>(ours.knownToPeer())).as("seed %d step %d", seed, step)
                            .isEqualTo(new HashSet<>(theirs.addresses()));
                    assertThat(theirs.size()).isPositive();
                    inFlight = null;
                } else {
                    now = t4.deadline();
                    assertThat(t4.expire(now)).isEqualTo(Timer.Expiry.STOPPED);
                    AsconfSender.T4Outcome retry = sender.onT4Expiry(now);
                    assertThat(retry.associationFailed()).isFalse();
                    assertThat(retry.retransmission()).isEqualTo(inFlight);
                }
            }
        }
        assertThat(answered).as("seed %d made progress", seed).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Chunk> T roundTrip(T chunk) {
        return (T) CodecAssertions.decodeChunk(CodecAssertions.encode(chunk));
    }
}
