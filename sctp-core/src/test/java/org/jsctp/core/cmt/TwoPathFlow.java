package org.jsctp.core.cmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.seq.Tsn;

/**
 * A virtual-time bulk transfer over several paths with the CMT algorithms, to watch what they do
 * for a sender as a whole: per-path Reno controllers (package cc), {@link CmtScheduler} for new
 * data and retransmissions, SFR and DAC or RFC 9260's rule for missing reports, CUC or the
 * cumulative ack for cwnd growth.
 *
 * <p>Every packet carries one chunk of one MTU; each path has a fixed one-way delay and delivers
 * in order; the receiver answers every packet with a SACK on the path it came from (RFC 9260
 * section 6.4), which reports everything received so far. Chosen TSNs are lost every time they
 * are sent. A chunk is fast retransmitted at most once (RFC 9260 section 7.2.4 (5)); T3-rtx is not
 * modelled, so a chunk lost twice stays missing. Time is a number the simulation advances.
 */
final class TwoPathFlow {

    static final int MTU = 1200;
    private static final long RTO = 1_000_000_000L;

    enum LossRule { SPLIT_FAST_RETRANSMIT, RFC9260 }

    enum CwndRule { CUC, CUMULATIVE_ACK }

    private static final class Chunk {
        int path;
        boolean retransmitted;
        boolean marked;
        boolean fastRetransmitted;
        int misses;
    }

    private record Event(long time, long order, boolean isSack, long tsn, int path, long cumAck, int arrivals) {
    }

    private final long[] oneWayNanos;
    private final RenoCongestionController[] cc;
    private final long[] flight;
    private final int[] reductions;
    private final LossRule lossRule;
    private final CwndRule cwndRule;
    private final CmtScheduler scheduler = new CmtScheduler();
    private final Set<Long> lost = new HashSet<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    /** Sent and not acknowledged (in flight or marked for retransmission), by TSN. */
    private final TreeMap<Long, Chunk> unacked = new TreeMap<>();
    private final TreeSet<Long> received = new TreeSet<>();
    /** Arrival order at the receiver: a SACK reports the first {@code arrivals} of these. */
    private final List<Long> arrivalLog = new ArrayList<>();
    private int arrivalsProcessed;
    private long receiverCumAck = -1;
    private long senderCumAck = -1;
    private long nextTsn;
    private long order;
    private int fastRetransmits;
    private long endOfSending;

    TwoPathFlow(long[] oneWayNanos, LossRule lossRule, CwndRule cwndRule, long initialSsthresh) {
        this.oneWayNanos = oneWayNanos.clone();
        this.lossRule = lossRule;
        this.cwndRule = cwndRule;
        int paths = oneWayNanos.length;
        this.cc = new RenoCongestionController[paths];
        this.flight = new long[paths];
        this.reductions = new int[paths];
        for (int p = 0; p < paths; p++) {
            cc[p] = new RenoCongestionController(RenoConfig.defaults(MTU), initialSsthresh);
        }
    }

    /** Every transmission of {@code tsn} is lost. */
    TwoPathFlow losing(long tsn) {
        lost.add(tsn);
        return this;
    }

    /** Sends until {@code durationNanos}, then lets everything in flight arrive. */
    TwoPathFlow run(long durationNanos) {
        endOfSending = durationNanos;
        transmit(0);
        while (!events.isEmpty()) {
            Event e = events.poll();
            if (e.isSack) {
                onSack(e);
            } else {
                onArrival(e);
            }
        }
        return this;
    }

    int fastRetransmits() {
        return fastRetransmits;
    }

    int reductions(int path) {
        return reductions[path];
    }

    long cwnd(int path) {
        return cc[path].cwnd();
    }

    long cumulativeAck() {
        return senderCumAck;
    }

    private void transmit(long now) {
        if (now > endOfSending) {
            return;
        }
        for (RenoCongestionController c : cc) {
            c.beginTransmission(now, RTO);
        }
        // Retransmissions first (RFC 9260 section 6.1 rule C), to the path the policy names.
        for (var e : unacked.entrySet()) {
            Chunk c = e.getValue();
            if (!c.marked) {
                continue;
            }
            int path = scheduler.pathForRetransmission(views(Set.of()), c.path).getAsInt();
            if (!cc[path].mayTransmit(flight[path]).isAllowed()) {
                break;
            }
            c.marked = false;
            c.retransmitted = true;
            c.path = path;
            send(now, e.getKey(), path);
        }
        Set<Integer> blocked = new HashSet<>();
        while (true) {
            OptionalInt chosen = scheduler.nextPathForNewData(views(blocked));
            if (chosen.isEmpty()) {
                return;
            }
            int p = chosen.getAsInt();
            if (!cc[p].mayTransmit(flight[p]).isAllowed()) {
                blocked.add(p);
                continue;
            }
            Chunk c = new Chunk();
            c.path = p;
            long tsn = nextTsn++;
            unacked.put(tsn, c);
            send(now, tsn, p);
        }
    }

    private void send(long now, long tsn, int path) {
        flight[path] += MTU;
        cc[path].onDataSent(now, MTU);
        if (!lost.contains(tsn)) {
            events.add(new Event(now + oneWayNanos[path], order++, false, tsn, path, 0, 0));
        }
    }

    private List<CmtPathSnapshot> views(Set<Integer> blocked) {
        List<CmtPathSnapshot> views = new ArrayList<>();
        for (int p = 0; p < cc.length; p++) {
            long f = blocked.contains(p) ? Math.max(flight[p], cc[p].cwnd()) : flight[p];
            views.add(CmtPathSnapshot.active(p, cc[p].cwnd(), f, cc[p].ssthresh(), MTU));
        }
        return views;
    }

    private void onArrival(Event e) {
        received.add(e.tsn);
        arrivalLog.add(e.tsn);
        while (received.contains(receiverCumAck + 1)) {
            receiverCumAck++;
        }
        events.add(new Event(e.time + oneWayNanos[e.path], order++, true, 0, e.path, receiverCumAck,
                arrivalLog.size()));
    }

    private void onSack(Event e) {
        long now = e.time;
        if (e.arrivals <= arrivalsProcessed) {
            return; // overtaken by a later SACK on a faster path: reports nothing new
        }
        List<SentChunk> newlyAcked = new ArrayList<>();
        long[] flightBefore = flight.clone();
        for (long tsn : arrivalLog.subList(arrivalsProcessed, e.arrivals)) {
            Chunk c = unacked.remove(tsn);
            if (c == null) {
                continue;
            }
            newlyAcked.add(new SentChunk(tsnOf(tsn), c.path, MTU, c.retransmitted));
            if (!c.marked) {
                flight[c.path] -= MTU;
            }
        }
        arrivalsProcessed = e.arrivals;
        List<SentChunk> outstanding = new ArrayList<>();
        unacked.forEach((tsn, c) -> {
            if (!c.marked) {
                outstanding.add(new SentChunk(tsnOf(tsn), c.path, MTU, c.retransmitted));
            }
        });
        SackDigest sack = SackDigest.of(newlyAcked, outstanding);
        boolean cumAdvanced = e.cumAck > senderCumAck;
        senderCumAck = Math.max(senderCumAck, e.cumAck);
        for (int p = 0; p < cc.length; p++) {
            PathCwndUpdate u = CwndUpdateForChangeover.update(sack, p);
            boolean mayGrow = cwndRule == CwndRule.CUC ? u.mayIncrease() : cumAdvanced;
            cc[p].onSack(now, tsnOf(senderCumAck), mayGrow, u.ackedBytes(), flightBefore[p], flight[p]);
        }
        List<MissingReport> reports = lossRule == LossRule.SPLIT_FAST_RETRANSMIT
                ? DelayedAckForCmt.missingReports(sack) : SackScript.withoutSplit(sack);
        for (MissingReport r : reports) {
            Chunk c = unacked.get(Integer.toUnsignedLong(r.tsn().value()));
            c.misses += r.count();
            if (c.misses >= 3 && !c.fastRetransmitted) {
                c.fastRetransmitted = true;
                c.marked = true;
                flight[c.path] -= MTU;
                fastRetransmits++;
                if (cc[c.path].onFastRetransmit(now, tsnOf(nextTsn - 1))) {
                    reductions[c.path]++;
                }
            }
        }
        transmit(now);
    }

    private static Tsn tsnOf(long tsn) {
        return new Tsn((int) tsn);
    }
}
