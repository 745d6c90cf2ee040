package org.jsctp.core.cc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.core.seq.SerialUnwrapper;
import org.jsctp.core.seq.Tsn;

/**
 * A tiny virtual-time bulk transfer over one path, to watch a controller's window over time.
 *
 * <p>The sender always has data; every packet carries one chunk of one MTU. The path has a fixed
 * RTT and no serialization delay, the receiver acknowledges every packet at once, and chosen
 * first transmissions are lost. The sender does what the association will do: counts its flight
 * size, gives each chunk below the highest newly acknowledged TSN a miss indication (RFC 9260
 * section 7.2.4), fast-retransmits at the third, and calls the controller in the documented order.
 * TSNs are unwrapped to 64 bits as the core does, so a flow may start anywhere, also just below
 * the 2^32 wrap. No wall clock is involved: time is a number the simulation advances.
 */
final class AckClockedFlow {

    /** The window after the SACKs of one round trip. */
    record Round(int index, long cwnd, long ssthresh, boolean inFastRecovery) {
    }

    private static final class Chunk {
        final int size;
        boolean gapAcked;
        boolean marked;
        boolean fastRetransmitted;
        int misses;

        Chunk(int size) {
            this.size = size;
        }
    }

    private record Event(long time, long order, boolean isSack, long tsn, long cumAck, long[] above) {
    }

    private final RenoCongestionController cc;
    private final int mtu;
    private final long rttNanos;
    private final long rtoNanos;
    private final SerialUnwrapper unwrapper;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private final TreeMap<Long, Chunk> outstanding = new TreeMap<>();
    private final TreeSet<Long> receivedAbove = new TreeSet<>();
    private final Set<Long> dropOnce = new TreeSet<>();
    private final TreeMap<Long, long[]> lossPlans = new TreeMap<>();
    private final List<Round> rounds = new ArrayList<>();
    private long order;
    private long nextTsn;
    private long senderCumAck;
    private long receiverCumAck;
    private long flight;
    private int reductions;
    private int fastRetransmitCalls;
    private long cwndBeforeLastReduction = -1;
    private int lastReductionRound = -1;
    private int lastRecoveryExitRound = -1;

    /**
     * @param cc the controller under test
     * @param initialTsn the first TSN of the flow
     * @param rttNanos the fixed round-trip time
     */
    AckClockedFlow(RenoCongestionController cc, int initialTsn, long rttNanos) {
        this.cc = cc;
        this.mtu = cc.mtu();
        this.rttNanos = rttNanos;
        this.rtoNanos = 3 * rttNanos; // never reached between sends of a busy flow
        this.unwrapper = new SerialUnwrapper(initialTsn);
        this.nextTsn = unwrapper.unwrap(initialTsn);
        this.senderCumAck = nextTsn - 1;
        this.receiverCumAck = nextTsn - 1;
    }

    /**
     * Loses the first transmissions of the first new chunk sent in round {@code round} and of the
     * chunks {@code offsets} TSNs after it.
     */
    AckClockedFlow losing(int round, long... offsets) {
        lossPlans.put(round * rttNanos, offsets.clone());
        return this;
    }

    /** Another loss, like {@link #losing}, in a later round. */
    AckClockedFlow losingAlso(int round, long... offsets) {
        return losing(round, offsets);
    }

    /** Runs the flow for {@code roundTrips} RTTs and returns the window after each. */
    List<Round> run(int roundTrips) {
        transmitOpportunity(0);
        record(0);
        long end = roundTrips * rttNanos;
        while (!events.isEmpty() && events.peek().time <= end) {
            Event e = events.poll();
            if (e.isSack) {
                onSack(e);
            } else {
                onArrival(e);
            }
            cc.checkInvariants();
            if (e.isSack && (events.isEmpty() || events.peek().time != e.time)) {
                record((int) (e.time / rttNanos));
            }
        }
        if (events.isEmpty()) {
            throw new AssertionError("the flow stalled at " + cc);
        }
        return rounds;
    }

    int reductions() {
        return reductions;
    }

    int fastRetransmitCalls() {
        return fastRetransmitCalls;
    }

    long cwndBeforeLastReduction() {
        return cwndBeforeLastReduction;
    }

    int lastReductionRound() {
        return lastReductionRound;
    }

    int lastRecoveryExitRound() {
        return lastRecoveryExitRound;
    }

    private void record(int round) {
        Round r = new Round(round, cc.cwnd(), cc.ssthresh(), cc.inFastRecovery());
        if (!rounds.isEmpty() && rounds.get(rounds.size() - 1).index == round) {
            rounds.set(rounds.size() - 1, r);
        } else {
            rounds.add(r);
        }
    }

    // ---- receiver

    private void onArrival(Event e) {
        long tsn = e.tsn;
        if (tsn > receiverCumAck) {
            receivedAbove.add(tsn);
            while (receivedAbove.remove(receiverCumAck + 1)) {
                receiverCumAck++;
            }
        }
        long[] above = new long[receivedAbove.size()];
        int i = 0;
        for (long t : receivedAbove) {
            above[i++] = t;
        }
        schedule(e.time + rttNanos / 2, true, 0, receiverCumAck, above);
    }

    // ---- sender

    private void onSack(Event e) {
        long now = e.time;
        long flightBefore = flight;
        long newlyAcked = 0;
        boolean advanced = e.cumAck > senderCumAck;
        long highestNewlyAcked = Long.MIN_VALUE;
        for (Iterator<Map.Entry<Long, Chunk>> it = outstanding.headMap(e.cumAck, true).entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Chunk> entry = it.next();
            Chunk c = entry.getValue();
            if (!c.gapAcked) {
                newlyAcked += c.size;
                highestNewlyAcked = Math.max(highestNewlyAcked, entry.getKey());
                if (!c.marked) {
                    flight -= c.size;
                }
            }
            it.remove();
        }
        senderCumAck = Math.max(senderCumAck, e.cumAck);
        for (long tsn : e.above) {
            Chunk c = outstanding.get(tsn);
            if (c != null && !c.gapAcked) {
                c.gapAcked = true;
                newlyAcked += c.size;
                highestNewlyAcked = Math.max(highestNewlyAcked, tsn);
                if (!c.marked) {
                    flight -= c.size;
                }
            }
        }
        boolean newlyMarked = false;
        // RFC 9260 section 7.2.4: a miss indication for each chunk below the highest newly acked TSN
        for (Map.Entry<Long, Chunk> entry : outstanding.headMap(highestNewlyAcked, false).entrySet()) {
            Chunk c = entry.getValue();
            if (!c.gapAcked && !c.fastRetransmitted && ++c.misses >= 3) {
                c.marked = true;
                c.fastRetransmitted = true;
                flight -= c.size;
                newlyMarked = true;
            }
        }
        boolean wasInRecovery = cc.inFastRecovery();
        cc.onSack(now, tsn(senderCumAck), advanced, newlyAcked, flightBefore, flight);
        if (wasInRecovery && !cc.inFastRecovery()) {
            lastRecoveryExitRound = (int) (now / rttNanos);
        }
        if (newlyMarked) {
            fastRetransmitCalls++;
            long before = cc.cwnd();
            if (cc.onFastRetransmit(now, tsn(nextTsn - 1))) {
                reductions++;
                cwndBeforeLastReduction = before;
                lastReductionRound = (int) (now / rttNanos);
                Long first = firstMarked();
                transmit(now, first, outstanding.get(first)); // RFC 9260 section 7.2.4 step 3, cwnd aside
            }
        }
        transmitOpportunity(now);
    }

    private void transmitOpportunity(long now) {
        cc.beginTransmission(now, rtoNanos);
        while (cc.mayTransmit(flight).isAllowed()) {
            Long marked = firstMarked();
            if (marked != null) {
                transmit(now, marked, outstanding.get(marked)); // RFC 9260 section 6.1 rule C: retransmissions first
            } else {
                long tsn = nextTsn++;
                if (!lossPlans.isEmpty() && now >= lossPlans.firstKey()) {
                    dropOnce.add(tsn);
                    for (long offset : lossPlans.pollFirstEntry().getValue()) {
                        dropOnce.add(tsn + offset);
                    }
                }
                Chunk c = new Chunk(mtu);
                outstanding.put(tsn, c);
                transmit(now, tsn, c);
            }
        }
    }

    private Long firstMarked() {
        for (Map.Entry<Long, Chunk> entry : outstanding.entrySet()) {
            if (entry.getValue().marked) {
                return entry.getKey();
            }
        }
        return null;
    }

    private void transmit(long now, long tsn, Chunk c) {
        c.marked = false;
        flight += c.size;
        cc.onDataSent(now, c.size);
        if (!dropOnce.remove(tsn)) {
            schedule(now + rttNanos / 2, false, tsn, 0, null);
        }
    }

    private void schedule(long time, boolean isSack, long tsn, long cumAck, long[] above) {
        events.add(new Event(time, order++, isSack, tsn, cumAck, above));
    }

    private static Tsn tsn(long unwrapped) {
        return new Tsn((int) unwrapped);
    }
}
