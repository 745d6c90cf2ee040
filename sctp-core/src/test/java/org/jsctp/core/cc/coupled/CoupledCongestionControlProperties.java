package org.jsctp.core.cc.coupled;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.cc.CongestionController;
import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.cc.WindowCoupling;
import org.jsctp.core.cmt.CmtCongestionControl;
import org.jsctp.core.seq.Tsn;

/**
 * RFC 6356 section 2's goals for every coupled variant: (1) the association's window grows no
 * faster than one Reno flow's on its best path, (2) no path grows faster than Reno on it; and
 * with one path every variant is Reno.
 */
class CoupledCongestionControlProperties {

    private static final long MS = 1_000_000L;

    /** Some paths of an association: windows, thresholds and RTTs. */
    record Paths(long[] cwnd, long[] ssthresh, long[] srttNanos) {
    }

    private static WindowCoupling rule(CmtCongestionControl variant, CoupledPaths paths, int pathId) {
        return switch (variant) {
            case RP_V1 -> new ResourcePoolingV1(paths);
            case RP_V2 -> new ResourcePoolingV2(paths, pathId);
            case LIA -> new LinkedIncreases(paths);
            case UNCOUPLED -> WindowCoupling.NONE;
        };
    }

    /**
     * Congestion avoidance: in one RTT of its own, path i has a window's worth acknowledged and
     * grows once, by incr_i; the association's rate sum_i cwnd_i / rtt_i then grows at
     * sum_i incr_i / rtt_i^2 per unit of time, one Reno flow's on the best path at MTU / rtt_min^2.
     * Each increase may be rounded up by one byte.
     */
    @Property(tries = 600)
    void theCoupledIncreaseInCongestionAvoidanceIsNoMoreThanOneRenoFlowsOnTheBestPath(
            @ForAll("paths") Paths p, @ForAll @IntRange(min = 500, max = 9000) int mtu,
            @ForAll("coupled") CmtCongestionControl variant) {
        PathTable t = PathTable.of(p.cwnd(), p.ssthresh(), p.srttNanos());
        double rttMin = shortestRtt(p);
        double rateIncrease = 0;
        for (int i = 0; i < p.cwnd().length; i++) {
            long incr = rule(variant, t.paths, i).congestionAvoidanceIncrease(p.cwnd()[i], p.ssthresh()[i], mtu, mtu);
            assertThat(incr).as("path %d of %s", i, p).isBetween(1L, (long) mtu); // goal 2, and progress
            double rtt = p.srttNanos()[i];
            rateIncrease += (incr - 1) * (rttMin / rtt) * (rttMin / rtt);
        }
        assertThat(rateIncrease).as("%s: growth of the rate in MTU/rtt_min^2", variant).isLessThanOrEqualTo(mtu * 1.000001);
    }

    /** As above for slow start, where the resource pooling variants share one flow's increase; LIA leaves it Reno's. */
    @Property(tries = 600)
    void theResourcePoolingIncreaseInSlowStartIsNoMoreThanOneRenoFlowsOnTheBestPath(
            @ForAll("paths") Paths p, @ForAll @IntRange(min = 1, max = 18_000) int acked,
            @ForAll("resourcePooling") CmtCongestionControl variant) {
        PathTable t = PathTable.of(p.cwnd(), p.ssthresh(), p.srttNanos());
        double rttMin = shortestRtt(p);
        double rateIncrease = 0;
        for (int i = 0; i < p.cwnd().length; i++) {
            long incr = rule(variant, t.paths, i).slowStartIncrease(p.cwnd()[i], p.ssthresh()[i], acked, 1500);
            assertThat(incr).isBetween(0L, (long) acked);
            double rtt = p.srttNanos()[i];
            rateIncrease += Math.max(0, incr - 1) * (rttMin / rtt) * (rttMin / rtt);
        }
        assertThat(rateIncrease).isLessThanOrEqualTo(acked * 1.000001);
    }

    /**
     * A loss with resource pooling takes half of the association's window from the path, so what
     * the path keeps is never more than Reno's halving of its own window would leave it (RFC 9260
     * section 7.2.3), and never less than one MTU.
     */
    @Property(tries = 400)
    void aLossWithResourcePoolingLeavesThePathNoMoreThanRenosHalving(
            @ForAll("paths") Paths p, @ForAll @IntRange(min = 500, max = 9000) int mtu,
            @ForAll("resourcePooling") CmtCongestionControl variant) {
        PathTable t = PathTable.of(p.cwnd(), p.ssthresh(), p.srttNanos());
        for (int i = 0; i < p.cwnd().length; i++) {
            long cwnd = p.cwnd()[i];
            long reno = Math.max(cwnd / 2, 4L * mtu);
            long s = rule(variant, t.paths, i).ssthreshAfterLoss(cwnd, p.ssthresh()[i], reno, mtu);
            assertThat(s).as("path %d", i).isBetween((long) mtu, reno);
        }
    }

    // ---- one path: every variant is Reno

    interface Op {
    }

    record Sack(boolean advanced, int bytes, int flightBefore, int flightAfter, int cumStep) implements Op {
    }

    record FastRetransmit(int exitAhead) implements Op {
    }

    record Timeout() implements Op {
    }

    record MtuChange(int mtu) implements Op {
    }

    record Begin(long dtNanos) implements Op {
    }

    @Property(tries = 300)
    void withOnePathEveryVariantIsReno(@ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 1200, max = 9000) int mtu,
                                       @ForAll @LongRange(min = 5_000, max = 1_000_000) long ssthresh,
                                       @ForAll("coupled") CmtCongestionControl variant,
                                       @ForAll @LongRange(min = 0, max = 500) long srttMillis) {
        RenoConfig config = RenoConfig.defaults(mtu);
        RenoCongestionController reno = new RenoCongestionController(config, ssthresh);
        CongestionController coupled = CoupledControllers.create(variant, new CoupledPaths(p -> srttMillis * MS), 0,
                config, ssthresh, 1);
        int cum = 0;
        long now = 0;
        for (Op op : ops) {
            now += MS;
            if (op instanceof Sack s) {
                cum += s.advanced() ? s.cumStep() : 0;
                for (CongestionController c : List.of(reno, coupled)) {
                    c.onSack(now, cum, s.advanced(), s.bytes(), s.flightBefore(), s.flightAfter());
                }
            } else if (op instanceof FastRetransmit f) {
                boolean a = reno.onFastRetransmit(now, new Tsn(cum + f.exitAhead()));
                assertThat(coupled.onFastRetransmit(now, new Tsn(cum + f.exitAhead()))).isEqualTo(a);
            } else if (op instanceof Timeout) {
                reno.onRetransmissionTimeout(now);
                coupled.onRetransmissionTimeout(now);
            } else if (op instanceof MtuChange m) {
                reno.onMtuChange(m.mtu());
                coupled.onMtuChange(m.mtu());
            } else if (op instanceof Begin b) {
                now += b.dtNanos();
                reno.beginTransmission(now, 200 * MS);
                coupled.beginTransmission(now, 200 * MS);
            }
            assertThat(coupled.cwnd()).as("cwnd after %s", op).isEqualTo(reno.cwnd());
            assertThat(coupled.ssthresh()).as("ssthresh after %s", op).isEqualTo(reno.ssthresh());
            assertThat(((RenoCongestionController) coupled).partialBytesAcked()).isEqualTo(reno.partialBytesAcked());
            assertThat(coupled.inFastRecovery()).isEqualTo(reno.inFastRecovery());
            coupled.checkInvariants();
        }
    }

    // ---- generators

    /** The shortest of the paths' smoothed RTTs: the best path's, one Reno flow's reference. */
    private static double shortestRtt(Paths p) {
        double rttMin = Double.MAX_VALUE;
        for (long r : p.srttNanos()) {
            rttMin = Math.min(rttMin, r);
        }
        return rttMin;
    }

    @Provide
    Arbitrary<CmtCongestionControl> coupled() {
        return Arbitraries.of(CmtCongestionControl.RP_V1, CmtCongestionControl.RP_V2, CmtCongestionControl.LIA);
    }

    @Provide
    Arbitrary<CmtCongestionControl> resourcePooling() {
        return Arbitraries.of(CmtCongestionControl.RP_V1, CmtCongestionControl.RP_V2);
    }

    @Provide
    Arbitrary<Paths> paths() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> Combinators.combine(
                Arbitraries.longs().between(1_000, 50_000_000).array(long[].class).ofSize(n),
                Arbitraries.longs().between(1_000, 50_000_000).array(long[].class).ofSize(n),
                Arbitraries.longs().between(MS / 10, 2_000 * MS).array(long[].class).ofSize(n))
                .as(Paths::new));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> sack = Combinators.combine(Arbitraries.integers().between(0, 9).map(x -> x > 0),
                Arbitraries.integers().between(0, 20_000), Arbitraries.integers().between(0, 150_000),
                Arbitraries.integers().between(0, 150_000), Arbitraries.integers().between(1, 20))
                .as(Sack::new);
        Arbitrary<Op> fast = Arbitraries.integers().between(0, 100).map(FastRetransmit::new);
        Arbitrary<Op> timeout = Arbitraries.just(new Timeout());
        Arbitrary<Op> mtu = Arbitraries.integers().between(1200, 9000).map(MtuChange::new);
        Arbitrary<Op> begin = Arbitraries.longs().between(0, 2_000 * MS).map(Begin::new);
        return Arbitraries.frequencyOf(
                Tuple.of(30, sack), Tuple.of(3, fast), Tuple.of(1, timeout),
                Tuple.of(1, mtu), Tuple.of(2, begin))
                .list().ofMaxSize(120);
    }
}
