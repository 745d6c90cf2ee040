package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.rx.ReassemblyQueue.AddResult;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random messages, fragmented at random sizes, arrive in a random permutation with duplicates
 * filtered out as the association's data tracker would; the queues must deliver every message
 * exactly once, intact, and in sequence order on each ordered stream. Messages may come in pieces
 * (partial delivery): joined, each must be the message sent, and no other message of its stream
 * may come between them.
 */
class ReassemblyQueueProperties {

    /** What the sender sent, to compare deliveries against. */
    private record Sent(int stream, boolean unordered, long sequence, int ppid, byte[] payload, long firstTsn) {
    }

    /** A chunk with the unwrapped TSN it travels under. */
    private record Wire<C>(long tsn, C chunk) {
    }

    private static int messageSize(Random rnd) {
        return rnd.nextBoolean() ? 1 + rnd.nextInt(100) : 1 + rnd.nextInt(20_000);
    }

    private static byte[] randomBytes(Random rnd, int size) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return b;
    }

    /** Fragment sizes from 1 to about 2000 bytes, but at most ~100 fragments per message. */
    private static int fragmentSize(Random rnd, int size) {
        return Math.max(1, size / 100) + rnd.nextInt(2000);
    }

    /** Arrival order: a permutation with about a tenth of the chunks repeated later. */
    private static <C> List<Wire<C>> arrivalOrder(Random rnd, List<Wire<C>> chunks) {
        List<Wire<C>> arrival = new ArrayList<>(chunks);
        Collections.shuffle(arrival, rnd);
        for (int i = 0; i < chunks.size() / 10; i++) {
            arrival.add(rnd.nextInt(arrival.size() + 1), chunks.get(rnd.nextInt(chunks.size())));
        }
        return arrival;
    }

    /** A message joined from the pieces it was delivered in. */
    private record Joined(ReceivedMessage first, byte[] payload, int pieces) {
    }

    /**
     * Joins partial deliveries into whole messages, checking the piece rules: the pieces of one
     * message carry its stream, U bit, sequence number and PPID, only the last is complete, for
     * DATA they continue each other's TSNs, and nothing else of the stream comes between them.
     */
    private static List<Joined> join(List<ReceivedMessage> delivered) {
        List<Joined> out = new ArrayList<>();
        Map<Integer, List<ReceivedMessage>> open = new HashMap<>();
        for (ReceivedMessage m : delivered) {
            List<ReceivedMessage> pieces = open.get(m.streamId());
            if (pieces != null) {
                ReceivedMessage first = pieces.get(0);
                ReceivedMessage previous = pieces.get(pieces.size() - 1);
                assertThat(m.unordered() == first.unordered() && m.sequenceNumber() == first.sequenceNumber()
                        && m.ppid() == first.ppid()).as("%s continues %s", m, first).isTrue();
                if (!m.interleaved()) {
                    assertThat(m.firstTsn()).as("DATA pieces continue each other's TSNs").isEqualTo(previous.lastTsn() + 1);
                }
                pieces.add(m);
            } else if (!m.complete()) {
                pieces = new ArrayList<>(List.of(m));
                open.put(m.streamId(), pieces);
            } else {
                out.add(new Joined(m, m.payload().toByteArray(), 1));
                continue;
            }
            if (m.complete()) {
                open.remove(m.streamId());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (ReceivedMessage piece : pieces) {
                    bytes.writeBytes(piece.payload().toByteArray());
                }
                out.add(new Joined(pieces.get(0), bytes.toByteArray(), pieces.size()));
            }
        }
        assertThat(open).as("partial deliveries left unfinished").isEmpty();
        return out;
    }

    /** Checks the deliveries against what was sent; returns how many messages came in more than one piece. */
    private static int checkDelivered(List<Sent> sent, List<ReceivedMessage> delivered, boolean interleaved,
                                      boolean expectAll) {
        int inPieces = 0;
        Map<Long, Sent> byFirstTsn = new HashMap<>();
        for (Sent s : sent) {
            byFirstTsn.put(s.firstTsn, s);
        }
        Set<Long> seen = new HashSet<>();
        Map<Integer, List<Long>> orderedDelivered = new HashMap<>();
        for (Joined j : join(delivered)) {
            ReceivedMessage m = j.first();
            inPieces += j.pieces() > 1 ? 1 : 0;
            Sent s = byFirstTsn.get(m.firstTsn());
            assertThat(s).as("delivered message %s was sent", m).isNotNull();
            assertThat(seen.add(m.firstTsn())).as("delivered once: %s", m).isTrue();
            assertThat(m.streamId()).isEqualTo(s.stream);
            assertThat(m.unordered()).isEqualTo(s.unordered);
            assertThat(m.interleaved()).isEqualTo(interleaved);
            assertThat(m.sequenceNumber()).isEqualTo(s.sequence);
            assertThat(m.ppid()).isEqualTo(s.ppid);
            assertThat(j.payload()).isEqualTo(s.payload);
            if (!s.unordered) {
                orderedDelivered.computeIfAbsent(s.stream, k -> new ArrayList<>()).add(m.firstTsn());
            }
        }
        // Per ordered stream, deliveries are a prefix of what was sent, in the order sent.
        Map<Integer, List<Long>> orderedSent = new HashMap<>();
        for (Sent s : sent) {
            if (!s.unordered) {
                orderedSent.computeIfAbsent(s.stream, k -> new ArrayList<>()).add(s.firstTsn);
            }
        }
        for (Map.Entry<Integer, List<Long>> e : orderedDelivered.entrySet()) {
            List<Long> all = orderedSent.get(e.getKey());
            assertThat(e.getValue()).isEqualTo(all.subList(0, e.getValue().size()));
        }
        if (expectAll) {
            assertThat(seen).hasSameSizeAs(sent);
        }
        return inPieces;
    }

    /** Records whether a try delivered a message in pieces, and requires that most tries did. */
    private static void expectPieces(int inPieces) {
        Statistics.label("delivered in pieces").collect(inPieces > 0);
        Statistics.label("delivered in pieces").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    /** How a test hands one chunk to its queue. */
    private interface Adder<C> {
        AddResult add(long tsn, C chunk);
    }

    /**
     * Feeds chunks to a queue whose bound is too small for them all, as a peer retransmitting what
     * was refused would: a refused chunk goes to the back of the line and the application reads
     * what is deliverable. A refusal changes no user data held and never raises the charge; the
     * charge exceeds the bound by at most the first entry waiting to be polled. Returns what was
     * delivered once every chunk was taken.
     */
    private static <C> List<ReceivedMessage> feedThroughSmallBuffer(ReassemblyQueueBase q, Adder<C> adder,
                                                                    List<Wire<C>> arrival, long maxBytes, Random rnd) {
        List<ReceivedMessage> delivered = new ArrayList<>();
        ArrayDeque<Wire<C>> pending = new ArrayDeque<>(arrival);
        Set<Long> received = new HashSet<>();
        long steps = (long) pending.size() * pending.size() + 10_000;
        while (!pending.isEmpty()) {
            assertThat(steps--).as("no progress: %s", q).isPositive();
            Wire<C> w = pending.pollFirst();
            if (received.contains(w.tsn())) {
                continue;
            }
            long bytesBefore = q.bufferedBytes();
            long chargedBefore = q.chargedBytes();
            int readyBefore = q.deliverableCount();
            AddResult r = adder.add(w.tsn(), w.chunk());
            q.checkInvariants();
            assertThat(q.chargedBytes() - q.firstReadyCharge()).isLessThanOrEqualTo(maxBytes);
            if (r == AddResult.REFUSED_BUFFER_FULL) {
                assertThat(q.bufferedBytes()).isEqualTo(bytesBefore);
                assertThat(q.chargedBytes()).isLessThanOrEqualTo(chargedBefore);
                assertThat(q.deliverableCount()).isGreaterThanOrEqualTo(readyBefore);
                pending.addLast(w); // not recorded as received: the peer retransmits it
                drain(q, delivered);
            } else {
                assertThat(r).isEqualTo(AddResult.ACCEPTED);
                received.add(w.tsn());
                if (rnd.nextInt(8) == 0) {
                    drain(q, delivered);
                }
            }
        }
        drain(q, delivered);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.partialDeliveryCount()).isZero();
        return delivered;
    }

    // ---------------------------------------------------------------------------------- DATA

    private static final class DataScenario {
        final List<Sent> sent = new ArrayList<>();
        final List<Wire<DataChunk>> chunks = new ArrayList<>();
        final int[] startSsn;
        final long firstTsn;

        DataScenario(Random rnd, int messages, boolean nearWrap, int maxSize) {
            this(rnd, messages, nearWrap, maxSize, Integer.MAX_VALUE);
        }

        DataScenario(Random rnd, int messages, boolean nearWrap, int maxSize, int maxFragment) {
            int streams = 1 + rnd.nextInt(4);
            startSsn = new int[streams];
            int[] nextSsn = new int[streams];
            if (nearWrap) {
                Arrays.fill(startSsn, 65533);
                Arrays.fill(nextSsn, 65533);
            }
            firstTsn = nearWrap ? 0xFFFF_FFFFL - rnd.nextInt(100) : rnd.nextInt(1000);
            long tsn = firstTsn;
            for (int i = 0; i < messages; i++) {
                int stream = rnd.nextInt(streams);
                boolean unordered = rnd.nextInt(3) == 0;
                int ssn = unordered ? rnd.nextInt(65536) : nextSsn[stream]++ & 0xFFFF;
                nextSsn[stream] &= 0xFFFF;
                int size = Math.min(maxSize, messageSize(rnd));
                byte[] payload = randomBytes(rnd, size);
                int ppid = rnd.nextInt();
                sent.add(new Sent(stream, unordered, ssn, ppid, payload, tsn));
                int frag = Math.min(maxFragment, fragmentSize(rnd, size));
                for (int off = 0; off < size; off += frag) {
                    int len = Math.min(frag, size - off);
                    chunks.add(new Wire<>(tsn, new DataChunk(false, unordered, off == 0, off + len == size,
                            new Tsn((int) tsn), stream, new Ssn(ssn), ppid, Bytes.wrap(payload, off, len))));
                    tsn++;
                }
            }
        }

        /** Moves every stream to its start SSN, half the SSN space at most per step (RFC 1982). */
        void prepare(DataReassemblyQueue q) {
            for (int s = 0; s < startSsn.length; s++) {
                if (startSsn[s] != 0) {
                    for (int step : new int[] {30_000, 60_000, startSsn[s] - 1}) {
                        q.forwardTsn(firstTsn - 1, List.of(new ForwardTsnEntry(s, new Ssn(step))));
                    }
                }
            }
        }
    }

    @Property(tries = 150)
    void dataMessagesAreDeliveredOnceIntactAndInSsnOrder(@ForAll long seed,
                                                         @ForAll @IntRange(min = 1, max = 20) int messages,
                                                         @ForAll boolean nearWrap) {
        Random rnd = new Random(seed);
        DataScenario sc = new DataScenario(rnd, messages, nearWrap, 20_000);
        DataReassemblyQueue q = new DataReassemblyQueue(4, 16L << 20);
        sc.prepare(q);
        q.checkInvariants();
        Set<Long> received = new HashSet<>(); // the association's duplicate filter
        List<ReceivedMessage> delivered = new ArrayList<>();
        for (Wire<DataChunk> w : arrivalOrder(rnd, sc.chunks)) {
            if (!received.add(w.tsn())) {
                continue;
            }
            assertThat(q.add(w.tsn(), w.chunk())).isEqualTo(AddResult.ACCEPTED);
            q.checkInvariants();
            if (rnd.nextInt(4) == 0) {
                drain(q, delivered);
            }
        }
        drain(q, delivered);
        checkDelivered(sc.sent, delivered, false, true);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.chargedBytes()).isZero();
        assertThat(q.heldFragmentCount()).isZero();
    }

    @Property(tries = 100)
    void aSmallDataBufferRefusesWithoutLosingDataAndDeliversEverythingIntactInOrder(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int messages,
            @ForAll @IntRange(min = 600, max = 6000) int maxBytes) {
        Random rnd = new Random(seed);
        DataScenario sc = new DataScenario(rnd, messages, false, 400);
        DataReassemblyQueue q = new DataReassemblyQueue(4, maxBytes);
        checkDelivered(sc.sent, feedThroughSmallBuffer(q, q::add, arrivalOrder(rnd, sc.chunks), maxBytes, rnd), false,
                true);
    }

    @Property(tries = 100)
    void dataMessagesLargerThanTheBufferArriveInPiecesThatJoinIntact(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int messages,
            @ForAll @IntRange(min = 600, max = 4000) int maxBytes, @ForAll @IntRange(min = 1, max = 4000) int pdPoint) {
        Random rnd = new Random(seed);
        DataScenario sc = new DataScenario(rnd, messages, false, 8_000, 50 + rnd.nextInt(350));
        DataReassemblyQueue q = new DataReassemblyQueue(4, maxBytes, Math.min(pdPoint, maxBytes));
        expectPieces(checkDelivered(sc.sent, feedThroughSmallBuffer(q, q::add, arrivalOrder(rnd, sc.chunks), maxBytes,
                rnd), false, true));
        assertThat(q.heldFragmentCount()).isZero();
    }

    @Property(tries = 100)
    void tinyDataFragmentsAreReassembled(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int messages) {
        Random rnd = new Random(seed);
        List<Sent> sent = new ArrayList<>();
        List<Wire<DataChunk>> chunks = new ArrayList<>();
        int[] nextSsn = new int[2];
        long tsn = 0xFFFF_FFF0L;
        for (int i = 0; i < messages; i++) {
            int stream = rnd.nextInt(2);
            boolean unordered = rnd.nextBoolean();
            int ssn = unordered ? 0 : nextSsn[stream]++;
            byte[] payload = randomBytes(rnd, 1 + rnd.nextInt(30));
            sent.add(new Sent(stream, unordered, ssn, 0, payload, tsn));
            for (int off = 0; off < payload.length; off++) {
                chunks.add(new Wire<>(tsn, new DataChunk(false, unordered, off == 0, off == payload.length - 1,
                        new Tsn((int) tsn), stream, new Ssn(ssn), 0, Bytes.wrap(payload, off, 1))));
                tsn++;
            }
        }
        DataReassemblyQueue q = new DataReassemblyQueue(2, 1 << 20);
        List<ReceivedMessage> delivered = new ArrayList<>();
        Set<Long> received = new HashSet<>();
        for (Wire<DataChunk> w : arrivalOrder(rnd, chunks)) {
            if (received.add(w.tsn())) {
                assertThat(q.add(w.tsn(), w.chunk())).isEqualTo(AddResult.ACCEPTED);
                q.checkInvariants();
                drain(q, delivered);
            }
        }
        checkDelivered(sent, delivered, false, true);
        assertThat(q.bufferedBytes()).isZero();
    }

    // -------------------------------------------------------------------------------- I-DATA

    private static final class IDataScenario {
        final List<Sent> sent = new ArrayList<>();
        final List<Wire<IDataChunk>> chunks = new ArrayList<>();
        final boolean nearWrap;
        final int streams;
        final long firstTsn;

        IDataScenario(Random rnd, int messages, boolean nearWrap, int maxSize) {
            this(rnd, messages, nearWrap, maxSize, Integer.MAX_VALUE);
        }

        IDataScenario(Random rnd, int messages, boolean nearWrap, int maxSize, int maxFragment) {
            this.nearWrap = nearWrap;
            streams = 1 + rnd.nextInt(4);
            long[] nextOrderedMid = new long[streams];
            long[] nextUnorderedMid = new long[streams];
            for (int s = 0; s < streams; s++) {
                nextOrderedMid[s] = nearWrap ? 0xFFFF_FFFDL : 0;
                nextUnorderedMid[s] = nearWrap ? 0xFFFF_FFFEL : rnd.nextInt(1000);
            }
            // Build each message's fragments, then give TSNs while interleaving the messages.
            List<List<IDataChunk>> perMessage = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                int stream = rnd.nextInt(streams);
                boolean unordered = rnd.nextInt(3) == 0;
                long mid;
                if (unordered) {
                    mid = nextUnorderedMid[stream];
                    nextUnorderedMid[stream] = (mid + 1) & 0xFFFF_FFFFL;
                } else {
                    mid = nextOrderedMid[stream];
                    nextOrderedMid[stream] = (mid + 1) & 0xFFFF_FFFFL;
                }
                int size = Math.min(maxSize, messageSize(rnd));
                byte[] payload = randomBytes(rnd, size);
                int ppid = rnd.nextInt();
                sent.add(new Sent(stream, unordered, mid, ppid, payload, -1)); // first TSN set below
                List<IDataChunk> frags = new ArrayList<>();
                int frag = Math.min(maxFragment, fragmentSize(rnd, size));
                long fsn = 0;
                for (int off = 0; off < size; off += frag) {
                    int len = Math.min(frag, size - off);
                    boolean e = off + len == size;
                    Bytes data = Bytes.wrap(payload, off, len);
                    frags.add(off == 0
                            ? IDataChunk.firstFragment(false, unordered, e, new Tsn(0), stream, Mid.of(mid), ppid, data)
                            : IDataChunk.laterFragment(false, unordered, e, new Tsn(0), stream, Mid.of(mid), Fsn.of(fsn),
                                    data));
                    fsn++;
                }
                perMessage.add(frags);
            }
            firstTsn = nearWrap ? 0xFFFF_FFFFL - rnd.nextInt(100) : rnd.nextInt(1000);
            long tsn = firstTsn;
            int[] nextFrag = new int[messages];
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                open.add(i);
            }
            while (!open.isEmpty()) {
                int pick = rnd.nextInt(open.size());
                int m = open.get(pick);
                IDataChunk c = perMessage.get(m).get(nextFrag[m]);
                if (nextFrag[m] == 0) {
                    Sent s = sent.get(m);
                    sent.set(m, new Sent(s.stream, s.unordered, s.sequence, s.ppid, s.payload, tsn));
                }
                chunks.add(new Wire<>(tsn, new IDataChunk(false, c.unordered(), c.beginning(), c.ending(),
                        new Tsn((int) tsn), c.streamId(), c.mid(), c.ppid(), c.fsn(), c.userData())));
                tsn++;
                if (++nextFrag[m] == perMessage.get(m).size()) {
                    open.remove(pick);
                }
            }
        }

        /** Moves every stream's ordered MID near the wrap, half the MID space at most per step. */
        void prepare(IDataReassemblyQueue q) {
            if (!nearWrap) {
                return;
            }
            for (int s = 0; s < streams; s++) {
                for (long step : new long[] {0x7000_0000L, 0xE000_0000L, 0xFFFF_FFFCL}) {
                    q.forwardTsn(List.of(new IForwardTsnEntry(s, false, Mid.of(step))));
                }
            }
        }
    }

    @Property(tries = 150)
    void iDataMessagesAreDeliveredOnceIntactAndInMidOrder(@ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 20) int messages,
                                                          @ForAll boolean nearWrap) {
        Random rnd = new Random(seed);
        IDataScenario sc = new IDataScenario(rnd, messages, nearWrap, 20_000);
        IDataReassemblyQueue q = new IDataReassemblyQueue(4, 16L << 20);
        sc.prepare(q);
        q.checkInvariants();
        Set<Long> received = new HashSet<>();
        List<ReceivedMessage> delivered = new ArrayList<>();
        for (Wire<IDataChunk> w : arrivalOrder(rnd, sc.chunks)) {
            if (!received.add(w.tsn())) {
                continue;
            }
            assertThat(q.add(w.tsn(), w.chunk())).isEqualTo(AddResult.ACCEPTED);
            q.checkInvariants();
            if (rnd.nextInt(4) == 0) {
                drain(q, delivered);
            }
        }
        drain(q, delivered);
        checkDelivered(sc.sent, delivered, true, true);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.chargedBytes()).isZero();
        assertThat(q.partialMessageCount()).isZero();
    }

    @Property(tries = 100)
    void aSmallIDataBufferRefusesWithoutLosingDataAndDeliversEverythingIntactInOrder(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int messages,
            @ForAll @IntRange(min = 600, max = 6000) int maxBytes) {
        Random rnd = new Random(seed);
        IDataScenario sc = new IDataScenario(rnd, messages, false, 400);
        IDataReassemblyQueue q = new IDataReassemblyQueue(4, maxBytes);
        checkDelivered(sc.sent, feedThroughSmallBuffer(q, q::add, arrivalOrder(rnd, sc.chunks), maxBytes, rnd), true,
                true);
    }

    @Property(tries = 100)
    void iDataMessagesLargerThanTheBufferArriveInPiecesThatJoinIntact(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int messages,
            @ForAll @IntRange(min = 600, max = 4000) int maxBytes, @ForAll @IntRange(min = 1, max = 4000) int pdPoint) {
        Random rnd = new Random(seed);
        IDataScenario sc = new IDataScenario(rnd, messages, false, 8_000, 50 + rnd.nextInt(350));
        IDataReassemblyQueue q = new IDataReassemblyQueue(4, maxBytes, Math.min(pdPoint, maxBytes));
        expectPieces(checkDelivered(sc.sent, feedThroughSmallBuffer(q, q::add, arrivalOrder(rnd, sc.chunks), maxBytes,
                rnd), true, true));
        assertThat(q.partialMessageCount()).isZero();
    }

    private static void drain(ReassemblyQueue q, List<ReceivedMessage> delivered) {
        ReceivedMessage m;
        while ((m = q.poll()) != null) {
            delivered.add(m);
            q.checkInvariants();
        }
        assertThat(q.hasDeliverable()).isFalse();
    }
}
