package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Resource exhaustion by a peer that follows the wire format but not the protocol's intent:
 * never-finished messages on every stream, fragments of one byte, DATA ignoring our window, a
 * window kept shut forever, and the largest stream counts. Memory stays within the configured
 * receive budget, the association stays consistent and keeps accepting what can make progress.
 */
class ResourceExhaustionTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int BUDGET = 64 * 1024;

    @Test
    @DisplayName("never-finished messages on every stream: the reassembly budget holds, the next in-sequence message still arrives")
    void partialMessagesOnManyStreamsStayWithinTheBudget() {
        Association a = accepted(16, 16, AttackedPair.defaults().build());
        Tsn first = a.peerInitialTsn();
        // 3 MB of first fragments (SSN 1 on streams 1..15, so none can be delivered while SSN 0 is
        // missing), each with a missing TSN after it where the rest of its message would go.
        for (int i = 0; i < 3_000; i++) {
            DataChunk d = new DataChunk(false, false, true, false, first.plus(100 + 2 * i), 1 + i % 15, new Ssn(1 + i / 15), 0,
                    Bytes.wrap(new byte[1000]));
            feed(a, d);
            assertThat(a.receivedBufferedAmount()).isLessThanOrEqualTo(BUDGET);
            a.checkInvariants();
        }
        assertThat(a.statistics().dataChunksReceived()).isEqualTo(3_000); // counted, most dropped for want of room
        assertThat(a.receivedBufferedAmount()).isGreaterThan(BUDGET / 2);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);

        // The lowest missing TSN is always taken, so a whole message in sequence still gets through.
        feed(a, new DataChunk(true, false, true, true, first, 0, new Ssn(0), 0, Bytes.fromHex("c0ffee")));
        assertThat(delivered(a)).containsExactly(Bytes.fromHex("c0ffee"));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        a.checkInvariants();
    }

    @Test
    @DisplayName("a flood of 1-byte fragments is bounded by the per-entry charge, not by its user bytes")
    void tinyFragmentsAreChargedPerEntry() {
        Association a = accepted(16, 16, AttackedPair.defaults().build());
        Tsn first = a.peerInitialTsn();
        long before = InitFloodTest.retainedHeap();
        for (int i = 0; i < 60_000; i++) { // within the 65535 TSNs a SACK can describe
            feed(a, new DataChunk(false, false, i == 0, false, first.plus(1 + i), 1, new Ssn(1), 0, Bytes.wrap(new byte[1])));
        }
        long growth = InitFloodTest.retainedHeap() - before;
        System.out.printf("ResourceExhaustionTest: 60,000 one-byte fragments held %d bytes of budget, %d KiB of heap%n",
                a.receivedBufferedAmount(), growth >> 10);
        assertThat(a.receivedBufferedAmount()).isLessThanOrEqualTo(BUDGET);
        assertThat(growth).as("retained heap for the fragments held").isLessThan(4L << 20);
        a.checkInvariants();
    }

    @Test
    @DisplayName("DATA sent into a shut window is dropped beyond it; all of it is delivered once the user reads")
    void dataIgnoringOurWindowIsDroppedAndTheRestDelivered() {
        Association a = accepted(16, 16, AttackedPair.defaults().build());
        Tsn first = a.peerInitialTsn();
        // The user reads nothing (events are not taken): the window shuts after 64 KiB.
        int count = 200;
        for (int i = 0; i < count; i++) {
            feed(a, new DataChunk(false, false, true, true, first.plus(i), 0, new Ssn(i), 0, Bytes.wrap(new byte[1000])),
                    false);
            // RFC 9260 section 6.2: while the window is above 0 a chunk is taken whole, so the
            // window can be overrun by at most one chunk; at 0, everything new is dropped.
            assertThat(a.receivedBufferedAmount()).isLessThanOrEqualTo(BUDGET + 1000);
        }
        List<SackChunk> sacks = drainSacks(a);
        assertThat(sacks).isNotEmpty();
        SackChunk last = sacks.get(sacks.size() - 1);
        assertThat(last.advertisedReceiverWindowCredit()).isZero();
        int kept = last.cumulativeTsnAck().value() - first.value() + 1;
        assertThat(kept).isLessThan(count);
        // Each DATA dropped for want of room gets a SACK at once (section 6.2), not every second one.
        for (int i = 0; i < 2; i++) {
            feed(a, new DataChunk(false, false, true, true, first.plus(count + i), 0, new Ssn(count + i), 0,
                    Bytes.wrap(new byte[1000])), false);
            assertThat(drainSacks(a)).singleElement()
                    .satisfies(sack -> assertThat(sack.advertisedReceiverWindowCredit()).isZero());
        }

        // The user reads; the peer retransmits what was dropped; every message arrives once, in order.
        List<Bytes> got = new ArrayList<>(delivered(a));
        for (int round = 0; got.size() < count && round < 50; round++) {
            for (int i = got.size(); i < count; i++) {
                feed(a, new DataChunk(false, false, true, true, first.plus(i), 0, new Ssn(i), 0,
                        Bytes.wrap(new byte[1000])), false);
            }
            got.addAll(delivered(a));
        }
        assertThat(got).hasSize(count);
        a.checkInvariants();
    }

    @Test
    @DisplayName("a peer keeping a_rwnd at 0 forever gets zero-window probes at RTO pace, never a busy loop")
    void aWindowShutForeverIsProbedAtRtoPace() {
        AttackedPair p = new AttackedPair();
        p.client.setReading(false); // the client's user never reads: its window shuts and stays shut
        for (int i = 0; i < 100; i++) {
            p.target.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[2000])), p.net.now());
        }
        long sentBefore = p.target.statistics().packetsSent();
        // Ten virtual minutes; runUntil fails on a livelock (more steps than allowed).
        p.net.advance(600 * S, 20_000);
        long packets = p.target.statistics().packetsSent() - sentBefore;
        System.out.printf("ResourceExhaustionTest: %d packets in 600 s against a shut window%n", packets);
        assertThat(p.peer.receivedBufferedAmount()).as("what the client holds unread").isGreaterThan(BUDGET - 2000);
        // The window's fill, then one probe per RTO (backing off to its 2 s maximum) and a heartbeat now and then.
        assertThat(packets).isLessThan(100 + 600 / 2 + 300);
        assertThat(p.target.state()).as("target (%s) / peer (%s)", AttackedPair.lostReason(p.server),
                AttackedPair.lostReason(p.client)).isEqualTo(AssociationState.ESTABLISHED);

        p.client.setReading(true);
        p.net.runUntil(() -> p.client.events().stream()
                .filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count() == 100, p.net.now() + 60 * S,
                50_000);
        assertThat(p.client.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived)).hasSize(100);
        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
    }

    @Test
    @DisplayName("65535 streams each way cost about what 10 do until they are used")
    void memoryGrowsWithStreamsUsedNotWithTheirCount() {
        AssociationConfig big = AttackedPair.defaults().outboundStreams(65535).maxInboundStreams(65535).build();
        int count = 50;
        long few = retainedPerAssociation(count, 10, big);
        long many = retainedPerAssociation(count, 65535, big);
        System.out.printf("ResourceExhaustionTest: retained heap per association: %d B with 10/10 streams, %d B with 65535/65535%n",
                few, many);
        assertThat(many - few).as("extra bytes per association for 65535 streams each way").isLessThan(64 * 1024);

        // Use 2,000 of the streams each way: memory follows.
        Association a = accepted(65535, 65535, big);
        long before = InitFloodTest.retainedHeap();
        for (int s = 0; s < 2_000; s++) {
            feed(a, new DataChunk(false, false, true, true, a.peerInitialTsn().plus(s), s * 32, new Ssn(0), 0,
                    Bytes.fromHex("01")));
            a.send(OutgoingMessage.of(s * 32, 0, false, Bytes.fromHex("02")), 0);
        }
        long used = InitFloodTest.retainedHeap() - before;
        System.out.printf("ResourceExhaustionTest: after using 2,000 streams each way: %d KiB more%n", used >> 10);
        a.checkInvariants();
    }

    // ---- helpers ----

    /** An ESTABLISHED association as a valid COOKIE ECHO creates it, with the given stream counts. */
    private static Association accepted(int outbound, int inbound, AssociationConfig config) {
        CookieContents c = new CookieContents(0x1000_0001, 0x2000_0002, new Tsn(1000), new Tsn(-5), 1 << 20,
                outbound, inbound, 7, 5000, 0, 0, new Capabilities(true, false, false));
        Association a = Association.fromCookie(config, new SeededRandomSource(9), c, 0);
        while (a.pollTransmit() != null) {
            // the COOKIE ACK
        }
        while (a.pollEvent() != null) {
            // CommunicationUp
        }
        return a;
    }

    private static long retainedPerAssociation(int count, int streams, AssociationConfig config) {
        List<Association> held = new ArrayList<>();
        long before = InitFloodTest.retainedHeap();
        for (int i = 0; i < count; i++) {
            held.add(accepted(streams, streams, config));
        }
        long after = InitFloodTest.retainedHeap();
        assertThat(held).hasSize(count);
        return (after - before) / count;
    }

    private final List<OutgoingPacket> sent = new ArrayList<>();

    private void feed(Association a, DataChunk d) {
        feed(a, d, true);
    }

    /** Hands {@code d} to {@code a} from its peer; keeps what {@code a} sends for {@link #drainSacks}, or drops it. */
    private void feed(Association a, DataChunk d, boolean discardOutput) {
        a.handlePacket(new SctpPacket(CommonHeader.of(5000, 7, a.localTag()), List.of(d)), 0);
        for (OutgoingPacket o; (o = a.pollTransmit()) != null; ) {
            if (!discardOutput) {
                sent.add(o);
            }
        }
    }

    private List<SackChunk> drainSacks(Association a) {
        List<SackChunk> sacks = new ArrayList<>();
        for (OutgoingPacket o : sent) {
            o.chunks().stream().filter(SackChunk.class::isInstance).map(SackChunk.class::cast).forEach(sacks::add);
        }
        sent.clear();
        return sacks;
    }

    /** The user takes its events: the payloads of the messages delivered. */
    private static List<Bytes> delivered(Association a) {
        List<Bytes> got = new ArrayList<>();
        for (AssociationEvent e; (e = a.pollEvent()) != null; ) {
            if (e instanceof AssociationEvent.MessageReceived m) {
                got.add(m.message().payload());
            }
        }
        return got;
    }
}
