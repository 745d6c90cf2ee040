package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * Drives {@link OutstandingData} with a random, lossy network and a random receiver (which may
 * renege, report only some of its gap blocks, or have its SACKs reordered and duplicated) and
 * compares every answer with a naive model: a sorted map of chunks, a plain set of acked TSNs per
 * SACK, and the rules of RFC 9260 sections 6.2.1, 6.3.3 and 7.2.4 applied one TSN at a time.
 */
class OutstandingDataProperties {

    private static final int MAX_CHUNKS = 64;
    private static final int PATHS = 3;
    private static final byte[] ZEROS = new byte[400];

    @Provide
    Arbitrary<Integer> initialTsns() {
        // Half the runs start just below the 2^32 wrap so that it is crossed.
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-150, -1));
    }

    @Property(tries = 300)
    void agreesWithTheModelAndDrainsOnceTheReceiverGetsEverything(@ForAll long seed,
                                                                 @ForAll("initialTsns") int initialTsn,
                                                                 @ForAll @IntRange(min = 1, max = 400) int steps) {
        Harness h = new Harness(seed, initialTsn);
        for (int i = 0; i < steps; i++) {
            h.randomStep();
            h.checkAgainstModel();
        }
        h.drain();
        assertThat(h.od.isEmpty()).as("drained").isTrue();
        assertThat(h.od.bytesInFlight()).isZero();
        assertThat(h.od.hasRetransmissionsPending()).isFalse();
    }

    /**
     * The same with a window of several hundred chunks, so the ring's slot bit sets span many
     * 64-bit words and the TSN ranges a SACK scans wrap around the end of the ring.
     */
    @Property(tries = 30)
    void agreesWithTheModelWithAWindowOfManyWords(@ForAll long seed, @ForAll("initialTsns") int initialTsn) {
        Harness h = new Harness(seed, initialTsn, 300);
        for (int i = 0; i < 1500; i++) {
            h.randomStep();
            h.checkAgainstModel();
        }
        h.drain();
        assertThat(h.od.isEmpty()).as("drained: %s", h.od).isTrue();
    }

    @Property(tries = 100)
    void flightSizeNeverCountsGapAckedOrMarkedChunks(@ForAll long seed, @ForAll("initialTsns") int initialTsn) {
        Harness h = new Harness(seed, initialTsn);
        for (int i = 0; i < 200; i++) {
            h.randomStep();
            long expected = 0;
            for (MChunk c : h.model.chunks.values()) {
                if (c.state == St.FLIGHT) {
                    expected += c.bytes;
                }
            }
            assertThat(h.od.bytesInFlight()).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ model

    enum St { FLIGHT, GAP, FAST, T3, ABANDONED }

    static final class Msg {
        final int id;

        Msg(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "msg" + id;
        }
    }

    static final class MChunk {
        long k;
        int bytes;
        int path;
        St state = St.FLIGHT;
        int miss;
        boolean eligible = true;
        int tx = 1;
        Msg msg;
        boolean ending;
        long sentAt;
        DataChunk chunk;

        int encodedLength() {
            return (16 + bytes + 3) & ~3;
        }
    }

    /** What the model expects from one SACK. */
    record Expected(SackResult.Outcome outcome, boolean advanced, long newly, long[] newlyByPath, int[] renegedByPath,
                    long rtt, boolean fast, List<Object> messages, int reneged) {
    }

    /** The naive sender model; TSNs are offsets k from the Initial TSN. */
    static final class Model {
        final TreeMap<Long, MChunk> chunks = new TreeMap<>();
        long cum = -1;
        long next = 0;

        long highest() {
            return next - 1;
        }

        Expected sack(long sackCum, List<GapAckBlock> blocks, boolean fastRecovery, long now) {
            if (sackCum < cum) {
                return rejected(SackResult.Outcome.STALE);
            }
            if (sackCum > highest()) {
                return rejected(SackResult.Outcome.PROTOCOL_VIOLATION);
            }
            Set<Long> acked = new HashSet<>();
            for (GapAckBlock b : blocks) {
                if (b.start() < 1 || b.start() > b.end()) {
                    continue;
                }
                if (sackCum + b.end() > highest()) {
                    return rejected(SackResult.Outcome.PROTOCOL_VIOLATION);
                }
                for (long o = b.start(); o <= b.end(); o++) {
                    acked.add(sackCum + o);
                }
            }
            long[] byPath = new long[PATHS];
            int[] renegedByPath = new int[PATHS];
            long newly = 0;
            long rttK = -1;
            long rttSent = 0;
            List<Object> messages = new ArrayList<>();
            boolean advanced = sackCum > cum;
            // cumulative part
            while (!chunks.isEmpty() && chunks.firstKey() <= sackCum) {
                MChunk c = chunks.pollFirstEntry().getValue();
                if (c.state == St.FLIGHT || c.state == St.FAST || c.state == St.T3) {
                    newly += c.bytes;
                    byPath[c.path] += c.bytes;
                    if (c.tx == 1 && c.k > rttK) {
                        rttK = c.k;
                        rttSent = c.sentAt;
                    }
                }
                if (c.ending && c.state != St.ABANDONED) {
                    messages.add(c.msg);
                }
            }
            cum = sackCum;
            // gap part
            long htna = -1;
            long highestReported = -1;
            for (long a : acked) {
                highestReported = Math.max(highestReported, a);
            }
            for (MChunk c : chunks.values()) {
                if (acked.contains(c.k) && (c.state == St.FLIGHT || c.state == St.FAST || c.state == St.T3)) {
                    c.state = St.GAP;
                    newly += c.bytes;
                    byPath[c.path] += c.bytes;
                    htna = Math.max(htna, c.k);
                    if (c.tx == 1 && c.k > rttK) {
                        rttK = c.k;
                        rttSent = c.sentAt;
                    }
                }
            }
            long threshold = fastRecovery && advanced ? highestReported : htna;
            boolean fast = false;
            int reneged = 0;
            for (MChunk c : chunks.values()) {
                if (acked.contains(c.k)) {
                    continue;
                }
                if (c.state == St.GAP) {
                    c.state = St.FLIGHT;
                    reneged++;
                    renegedByPath[c.path]++;
                    fast |= miss(c);
                } else if (c.state == St.FLIGHT && c.k < threshold) {
                    fast |= miss(c);
                }
            }
            long rtt = rttK >= 0 && now - rttSent >= 0 ? now - rttSent : -1;
            return new Expected(SackResult.Outcome.ACCEPTED, advanced, newly, byPath, renegedByPath, rtt, fast,
                    messages, reneged);
        }

        private static boolean miss(MChunk c) {
            c.miss++;
            if (c.miss >= 3 && c.eligible) {
                c.state = St.FAST;
                c.eligible = false;
                return true;
            }
            return false;
        }

        private static Expected rejected(SackResult.Outcome outcome) {
            return new Expected(outcome, false, 0, new long[PATHS], new int[PATHS], -1, false, List.of(), 0);
        }

        List<MChunk> take(int maxBytes, boolean fastOnly, int path) {
            List<MChunk> order = new ArrayList<>();
            for (MChunk c : chunks.values()) {
                if (c.state == St.FAST) {
                    order.add(c);
                }
            }
            if (!fastOnly) {
                for (MChunk c : chunks.values()) {
                    if (c.state == St.T3) {
                        order.add(c);
                    }
                }
            }
            List<MChunk> out = new ArrayList<>();
            if (maxBytes <= 0) {
                return out;
            }
            int used = 0;
            for (MChunk c : order) {
                if (!out.isEmpty() && used + c.encodedLength() > maxBytes) {
                    break;
                }
                used += c.encodedLength();
                out.add(c);
            }
            return out;
        }

        void retransmitted(MChunk c, int path) {
            if (c.state == St.T3) {
                c.eligible = true;
            }
            c.state = St.FLIGHT;
            c.tx++;
            c.miss = 0;
            if (path >= 0) {
                c.path = path;
            }
        }

        int markT3(int path) {
            int n = 0;
            for (MChunk c : chunks.values()) {
                if ((path < 0 || c.path == path) && (c.state == St.FLIGHT || c.state == St.FAST)) {
                    c.state = St.T3;
                    c.miss = 0;
                    n++;
                }
            }
            return n;
        }

        List<Object> abandon(Set<Msg> doomed) {
            List<Object> out = new ArrayList<>();
            for (MChunk c : chunks.values()) {
                if (c.state != St.ABANDONED && doomed.contains(c.msg)) {
                    if (!out.contains(c.msg)) {
                        out.add(c.msg);
                    }
                    c.state = St.ABANDONED;
                }
            }
            return out;
        }

        long advancedPeerAckPoint() {
            long p = cum;
            while (chunks.containsKey(p + 1) && chunks.get(p + 1).state == St.ABANDONED) {
                p++;
            }
            return p;
        }
    }

    /** The receiver: a cumulative point and the TSN offsets held above it. */
    static final class Receiver {
        long cum = -1;
        final TreeSet<Long> above = new TreeSet<>();

        void deliver(long k) {
            if (k > cum) {
                above.add(k);
            }
            advance();
        }

        void forwardTo(long k) {
            if (k > cum) {
                cum = k;
                above.headSet(k, true).clear();
                advance();
            }
        }

        private void advance() {
            while (above.remove(cum + 1)) {
                cum++;
            }
        }

        List<long[]> ranges() {
            List<long[]> out = new ArrayList<>();
            for (long k : above) {
                if (!out.isEmpty() && out.get(out.size() - 1)[1] == k - 1) {
                    out.get(out.size() - 1)[1] = k;
                } else {
                    out.add(new long[] {k, k});
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ harness

    static final class Harness {
        final Random rnd;
        final int initial;
        final OutstandingData od;
        final Model model = new Model();
        final Receiver receiver = new Receiver();
        final List<SackChunk> history = new ArrayList<>();
        long now = 1_000_000;
        int nextMsg;

        final int maxChunks;

        Harness(long seed, int initial) {
            this(seed, initial, MAX_CHUNKS);
        }

        Harness(long seed, int initial, int maxChunks) {
            this.rnd = new Random(seed);
            this.initial = initial;
            this.maxChunks = maxChunks;
            this.od = new OutstandingData(new Tsn(initial), maxChunks, PATHS);
        }

        Tsn tsn(long k) {
            return new Tsn(initial + (int) k);
        }

        void randomStep() {
            now += rnd.nextInt(5_000_000);
            int r = rnd.nextInt(100);
            if (r < 25) {
                send();
            } else if (r < 55) {
                sackFromReceiver(true);
            } else if (r < 63) {
                replay();
            } else if (r < 66) {
                absurd();
            } else if (r < 71) {
                renege();
            } else if (r < 78) {
                t3();
            } else if (r < 93) {
                retransmit(rnd.nextInt(2000), rnd.nextBoolean(), rnd.nextInt(4) - 1, 0.8);
            } else if (r < 97) {
                abandon();
            } else {
                receiver.forwardTo(model.advancedPeerAckPoint());
            }
            od.checkInvariants();
        }

        void send() {
            int messages = 1 + rnd.nextInt(4);
            for (int m = 0; m < messages; m++) {
                Msg msg = new Msg(nextMsg++);
                int fragments = 1 + rnd.nextInt(3);
                int path = rnd.nextInt(PATHS);
                for (int f = 0; f < fragments; f++) {
                    long k = model.next;
                    int bytes = 1 + rnd.nextInt(300);
                    DataChunk chunk = new DataChunk(false, false, f == 0, f == fragments - 1, tsn(k), 0, new Ssn(0), 0,
                            Bytes.wrap(ZEROS, 0, bytes));
                    OutstandingData.AddResult result = od.add(tsn(k), chunk, bytes, now, msg, path);
                    if (model.chunks.size() == maxChunks) {
                        assertThat(result).isEqualTo(OutstandingData.AddResult.FULL);
                        return; // the rest of the message waits in the send queue
                    }
                    assertThat(result).isEqualTo(OutstandingData.AddResult.ADDED);
                    MChunk c = new MChunk();
                    c.k = k;
                    c.bytes = bytes;
                    c.path = path;
                    c.msg = msg;
                    c.ending = f == fragments - 1;
                    c.sentAt = now;
                    c.chunk = chunk;
                    model.chunks.put(k, c);
                    model.next++;
                    if (rnd.nextInt(10) < 7) {
                        receiver.deliver(k);
                    }
                }
            }
        }

        SackChunk receiverSack(boolean allowSubsetsAndJunk) {
            List<GapAckBlock> blocks = new ArrayList<>();
            boolean subset = allowSubsetsAndJunk && rnd.nextInt(10) < 3;
            for (long[] range : receiver.ranges()) {
                if (!subset || rnd.nextBoolean()) {
                    blocks.add(new GapAckBlock((int) (range[0] - receiver.cum), (int) (range[1] - receiver.cum)));
                }
            }
            if (allowSubsetsAndJunk && rnd.nextInt(10) == 0) {
                int x = rnd.nextInt(100);
                blocks.add(rnd.nextBoolean() ? new GapAckBlock(0, x) : new GapAckBlock(x + 1, x));
            }
            if (allowSubsetsAndJunk && rnd.nextInt(10) == 0) {
                Collections.shuffle(blocks, rnd);
            }
            return new SackChunk(tsn(receiver.cum), rnd.nextInt(100_000), blocks, List.of());
        }

        void sackFromReceiver(boolean allowSubsetsAndJunk) {
            SackChunk sack = receiverSack(allowSubsetsAndJunk);
            history.add(sack);
            apply(sack, allowSubsetsAndJunk && rnd.nextInt(4) == 0);
        }

        void replay() {
            if (history.isEmpty()) {
                return;
            }
            SackChunk old = rnd.nextBoolean() ? history.get(history.size() - 1) : history.get(rnd.nextInt(history.size()));
            apply(old, false);
        }

        void absurd() {
            long beyond = model.highest() + 1 + rnd.nextInt(50);
            SackChunk sack;
            if (rnd.nextBoolean()) {
                sack = SackChunk.of(tsn(beyond), 1000);
            } else {
                int end = (int) (beyond - receiver.cum);
                sack = new SackChunk(tsn(receiver.cum), 1000, List.of(new GapAckBlock(1, end)), List.of());
            }
            long flightBefore = od.bytesInFlight();
            SackResult r = apply(sack, false);
            assertThat(r.isProtocolViolation()).isTrue();
            assertThat(od.bytesInFlight()).isEqualTo(flightBefore);
        }

        void renege() {
            Iterator<Long> it = receiver.above.iterator();
            while (it.hasNext()) {
                it.next();
                if (rnd.nextInt(3) == 0) {
                    it.remove();
                }
            }
        }

        void t3() {
            int path = rnd.nextInt(PATHS + 1) - 1;
            int expected = model.markT3(path);
            int marked = path < 0 ? od.markAllForRetransmission() : od.markForRetransmission(path);
            assertThat(marked).isEqualTo(expected);
        }

        void retransmit(int maxBytes, boolean fastOnly, int path, double deliveryProbability) {
            List<MChunk> expected = model.take(maxBytes, fastOnly, path);
            for (MChunk c : expected) {
                // a TSN is never both acked and pending retransmission
                assertThat(c.state).isIn(St.FAST, St.T3);
                assertThat(c.k).isGreaterThan(model.cum);
            }
            List<RetransmitItem> items = path < 0 ? od.takeRetransmissions(maxBytes, fastOnly)
                    : od.takeRetransmissions(maxBytes, fastOnly, path);
            assertThat(items).hasSameSizeAs(expected);
            for (int i = 0; i < items.size(); i++) {
                MChunk c = expected.get(i);
                RetransmitItem item = items.get(i);
                assertThat(item.tsn()).isEqualTo(tsn(c.k));
                assertThat(item.chunk()).isSameAs(c.chunk);
                assertThat(item.fastRetransmit()).isEqualTo(c.state == St.FAST);
                assertThat(item.message()).isSameAs(c.msg);
                model.retransmitted(c, path);
                assertThat(item.transmissions()).isEqualTo(c.tx);
                assertThat(item.pathId()).isEqualTo(c.path);
                if (rnd.nextDouble() < deliveryProbability) {
                    receiver.deliver(c.k);
                }
            }
        }

        void abandon() {
            Set<Msg> doomed = new LinkedHashSet<>();
            for (MChunk c : model.chunks.values()) {
                if (rnd.nextInt(4) == 0) {
                    doomed.add(c.msg);
                }
            }
            List<Object> expected = model.abandon(doomed);
            assertThat(od.abandon(m -> doomed.contains(m))).containsExactlyElementsOf(expected);
        }

        SackResult apply(SackChunk sack, boolean fastRecovery) {
            long sackCum = sack.cumulativeTsnAck().value() - initial;
            Expected e = model.sack(sackCum, sack.gapAckBlocks(), fastRecovery, now);
            SackResult r = od.handleSack(sack, now, fastRecovery);
            od.checkInvariants();
            assertThat(r.outcome()).isEqualTo(e.outcome());
            assertThat(r.cumulativeAckAdvanced()).isEqualTo(e.advanced());
            assertThat(r.newlyAckedBytes()).isEqualTo(e.newly());
            for (int p = 0; p < PATHS; p++) {
                assertThat(r.paths().newlyAckedBytes(p)).isEqualTo(e.newlyByPath()[p]);
                assertThat(r.paths().renegedChunks(p)).isEqualTo(e.renegedByPath()[p]);
            }
            assertThat(r.rttSampleNanos()).isEqualTo(e.rtt());
            assertThat(r.fastRetransmitNeeded()).isEqualTo(e.fast());
            assertThat(r.ackedMessages()).containsExactlyElementsOf(e.messages());
            assertThat(r.renegedChunks()).isEqualTo(e.reneged());
            if (r.isAccepted()) {
                assertThat(r.peerReceiverWindow()).isEqualTo(Integer.toUnsignedLong(sack.advertisedReceiverWindowCredit()));
            }
            return r;
        }

        void checkAgainstModel() {
            long flight = 0;
            long[] byPath = new long[PATHS];
            boolean pending = false;
            boolean pendingFast = false;
            for (Map.Entry<Long, MChunk> entry : model.chunks.entrySet()) {
                MChunk c = entry.getValue();
                // nothing cumulatively acked remains
                assertThat(c.k).isGreaterThan(model.cum);
                if (c.state == St.FLIGHT) {
                    flight += c.bytes;
                    byPath[c.path] += c.bytes;
                }
                pending |= c.state == St.FAST || c.state == St.T3;
                pendingFast |= c.state == St.FAST;
            }
            assertThat(od.bytesInFlight()).isEqualTo(flight);
            for (int p = 0; p < PATHS; p++) {
                assertThat(od.bytesInFlight(p)).isEqualTo(byPath[p]);
            }
            assertThat(od.outstandingChunks()).isEqualTo(model.chunks.size());
            assertThat(od.cumulativeTsnAcked()).isEqualTo(tsn(model.cum));
            assertThat(od.highestTsnSent()).isEqualTo(tsn(model.highest()));
            assertThat(od.hasRetransmissionsPending()).isEqualTo(pending);
            assertThat(od.hasFastRetransmissionsPending()).isEqualTo(pendingFast);
            assertThat(od.advancedPeerAckPoint()).isEqualTo(tsn(model.advancedPeerAckPoint()));
            assertThat(od.isEmpty()).isEqualTo(model.chunks.isEmpty());
        }

        /** The network turns perfect and the receiver stops reneging: everything must get through. */
        void drain() {
            for (int round = 0; round < 20 + maxChunks && !od.isEmpty(); round++) {
                receiver.forwardTo(model.advancedPeerAckPoint());
                t3All();
                retransmit(Integer.MAX_VALUE, false, -1, 1.0);
                sackFromReceiver(false);
                checkAgainstModel();
            }
        }

        private void t3All() {
            assertThat(od.markAllForRetransmission()).isEqualTo(model.markT3(-1));
        }
    }
}
