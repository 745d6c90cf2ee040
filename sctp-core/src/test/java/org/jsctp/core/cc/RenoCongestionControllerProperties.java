package org.jsctp.core.cc;

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
import org.jsctp.core.seq.Tsn;

class RenoCongestionControllerProperties {

    // ---- the controller against a plain model of RFC 9260 section 7.2

    /** One event the association could report, in the order generated. */
    interface Op {
    }

    record Sack(boolean advanced, int bytes, int flightBefore, int flightAfter, int cumStep) implements Op {
    }

    record FastRetransmit(int exitAhead) implements Op {
    }

    record Timeout() implements Op {
    }

    record Send(int bytes, long dtNanos) implements Op {
    }

    record Begin(long dtNanos, long rtoNanos) implements Op {
    }

    record MtuChange(int mtu) implements Op {
    }

    record Ask(int flight) implements Op {
    }

    /**
     * The rules of RFC 9260 section 7.2 written out plainly, with TSNs on a 64-bit line (no
     * serial arithmetic) and idle time counted from the last send (no moving reference point).
     */
    static final class Model {
        final int maxBurst;
        final int l;
        long mtu;
        long cwnd;
        long ssthresh;
        long pba;
        Long exitPoint;
        boolean onePacket;
        Long lastSend;
        long idleNanosApplied;
        int burst;

        Model(RenoConfig config, long ssthresh) {
            this.maxBurst = config.maxBurst();
            this.l = config.slowStartIncreaseLimit();
            this.mtu = config.mtu();
            this.cwnd = config.initialCwnd() > 0 ? config.initialCwnd()
                    : Math.min(4 * mtu, Math.max(2 * mtu, config.initialWindowFloor()));
            this.ssthresh = ssthresh;
        }

        void sack(long cum, boolean advanced, long bytes, long before, long after) {
            if (bytes > 0) {
                onePacket = false;
            }
            if (exitPoint != null && cum >= exitPoint) {
                exitPoint = null;
            }
            if (advanced && bytes > 0) {
                boolean full = before >= cwnd;
                if (cwnd <= ssthresh) {
                    if (full && exitPoint == null) {
                        cwnd += Math.min(bytes, l * mtu);
                    }
                } else {
                    pba += bytes;
                    if (pba >= cwnd && full) {
                        pba -= cwnd;
                        cwnd += mtu;
                    } else if (pba >= cwnd) {
                        pba = cwnd;
                    }
                }
            }
            if (after == 0) {
                pba = 0;
            }
        }

        boolean fastRetransmit(long exit) {
            if (exitPoint != null) {
                return false;
            }
            ssthresh = Math.max(cwnd / 2, 4 * mtu);
            cwnd = ssthresh;
            pba = 0;
            exitPoint = exit;
            return true;
        }

        void timeout() {
            ssthresh = Math.max(cwnd / 2, 4 * mtu);
            cwnd = mtu;
            pba = 0;
            onePacket = true;
            exitPoint = null;
        }

        void send(long now) {
            burst++;
            lastSend = now;
            idleNanosApplied = 0;
        }

        void begin(long now, long rto) {
            burst = 0;
            if (lastSend == null || now < lastSend) {
                return;
            }
            // the RTO may differ between calls: whole RTOs of the idle time not yet accounted for
            long unaccounted = now - lastSend - idleNanosApplied;
            long periods = unaccounted >= rto ? unaccounted / rto : 0;
            idleNanosApplied += periods * rto;
            for (long i = 0; i < periods; i++) {
                long next = Math.max(cwnd / 2, 4 * mtu);
                if (next < cwnd) {
                    cwnd = next;
                }
            }
        }

        SendPermit ask(long flight) {
            if (onePacket && flight > 0) {
                return SendPermit.ONE_PACKET_AFTER_TIMEOUT;
            }
            if (flight >= cwnd) {
                return SendPermit.CWND_FULL;
            }
            if (maxBurst > 0 && burst >= maxBurst) {
                return SendPermit.BURST_LIMIT;
            }
            return SendPermit.ALLOWED;
        }
    }

    @Property(tries = 400)
    void followsThePlainRulesOverRandomEventSequences(@ForAll("ops") List<Op> ops, @ForAll("configs") RenoConfig config,
                                                      @ForAll @IntRange(min = 1, max = 1 << 20) int ssthresh,
                                                      @ForAll("firstTsns") int firstTsn) {
        RenoCongestionController cc = new RenoCongestionController(config, ssthresh);
        Model model = new Model(config, ssthresh);
        long cum = Integer.toUnsignedLong(firstTsn); // unwrapped; the controller sees only the low 32 bits
        long now = 0;
        for (Op op : ops) {
            if (op instanceof Sack s) {
                cum += s.advanced() ? 1 + s.cumStep() : 0;
                cc.onSack(now, new Tsn((int) cum), s.advanced(), s.bytes(), s.flightBefore(), s.flightAfter());
                model.sack(cum, s.advanced(), s.bytes(), s.flightBefore(), s.flightAfter());
            } else if (op instanceof FastRetransmit f) {
                long exit = cum + f.exitAhead();
                boolean entered = cc.onFastRetransmit(now, new Tsn((int) exit));
                same(entered ? 1 : 0, model.fastRetransmit(exit) ? 1 : 0, "fast retransmit result", op, cc);
            } else if (op instanceof Timeout) {
                cc.onRetransmissionTimeout(now);
                model.timeout();
            } else if (op instanceof Send s) {
                now += s.dtNanos();
                cc.onDataSent(now, s.bytes());
                model.send(now);
            } else if (op instanceof Begin b) {
                now += b.dtNanos();
                cc.beginTransmission(now, b.rtoNanos());
                model.begin(now, b.rtoNanos());
            } else if (op instanceof MtuChange m) {
                cc.onMtuChange(m.mtu());
                model.mtu = m.mtu();
            } else if (op instanceof Ask a) {
                SendPermit expected = model.ask(a.flight());
                if (cc.mayTransmit(a.flight()) != expected) {
                    throw new AssertionError("permit for flight " + a.flight() + ": expected " + expected + " in " + cc);
                }
            }
            cc.checkInvariants();
            same(cc.cwnd(), model.cwnd, "cwnd", op, cc);
            same(cc.ssthresh(), model.ssthresh, "ssthresh", op, cc);
            same(cc.partialBytesAcked(), model.pba, "partial_bytes_acked", op, cc);
            same(cc.inFastRecovery() ? 1 : 0, model.exitPoint != null ? 1 : 0, "fast recovery", op, cc);
            same(cc.mtu(), model.mtu, "mtu", op, cc);
        }
    }

    /** A cheap comparison: these run hundreds of thousands of times per property. */
    private static void same(long actual, long expected, String what, Op op, RenoCongestionController cc) {
        if (actual != expected) {
            throw new AssertionError(what + " after " + op + ": expected " + expected + " but was " + actual + " in " + cc);
        }
    }

    /** Any TSN, and often one just below 2^32 so that the sequence wraps. */
    @Provide
    Arbitrary<Integer> firstTsns() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers()), Tuple.of(1, Arbitraries.integers().between(-3000, -1)));
    }

    @Provide
    Arbitrary<RenoConfig> configs() {
        return Combinators.combine(
                Arbitraries.integers().between(500, 9000),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs().between(1, 40000))),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 3)).as((mtu, initial, burst, l) ->
                new RenoConfig(mtu, initial, burst, l, RenoConfig.DEFAULT_INITIAL_WINDOW_FLOOR));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> flights = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(6, Arbitraries.integers().between(1, 150_000)));
        Arbitrary<Op> sack = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(6, Arbitraries.integers().between(1, 20_000))),
                flights, flights, Arbitraries.integers().between(0, 40)).as(Sack::new);
        Arbitrary<Op> fastRetransmit = Arbitraries.integers().between(0, 200).map(FastRetransmit::new);
        Arbitrary<Op> timeout = Arbitraries.just(new Timeout());
        Arbitrary<Op> send = Combinators.combine(Arbitraries.integers().between(1, 9000),
                Arbitraries.longs().between(0, 50_000_000L)).as(Send::new);
        Arbitrary<Op> begin = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 50_000_000L)),
                        Tuple.of(1, Arbitraries.longs().between(0, 10_000_000_000L))),
                Arbitraries.longs().between(1_000_000L, 3_000_000_000L)).as(Begin::new);
        Arbitrary<Op> mtu = Arbitraries.integers().between(500, 9000).map(MtuChange::new);
        Arbitrary<Op> ask = Arbitraries.integers().between(0, 150_000).map(Ask::new);
        return Arbitraries.frequencyOf(
                Tuple.of(30, sack), Tuple.of(3, fastRetransmit), Tuple.of(1, timeout), Tuple.of(15, send),
                Tuple.of(8, begin), Tuple.of(1, mtu), Tuple.of(12, ask)).list().ofMaxSize(300);
    }

    // ---- a bulk flow in virtual time with one loss: the Reno saw-tooth

    @Property(tries = 80)
    void aBulkFlowWithOneLossHasTheRenoShape(@ForAll int initialTsn, @ForAll @IntRange(min = 500, max = 9000) int mtu,
                                             @ForAll @IntRange(min = 4, max = 100) int ssthreshMtus,
                                             @ForAll @IntRange(min = 2, max = 14) int lossRound,
                                             @ForAll @LongRange(min = 1_000_000L, max = 1_000_000_000L) long rttNanos) {
        long ssthresh = (long) ssthreshMtus * mtu;
        RenoCongestionController cc = new RenoCongestionController(RenoConfig.defaults(mtu), ssthresh);
        AckClockedFlow flow = new AckClockedFlow(cc, initialTsn, rttNanos - rttNanos % 2).losing(lossRound);
        List<AckClockedFlow.Round> rounds = flow.run(lossRound + 14);

        assertThat(flow.reductions()).isEqualTo(1);
        int reduced = flow.lastReductionRound();
        assertThat(reduced).isBetween(lossRound + 1, lossRound + 2);
        for (int k = 0; k + 1 < reduced; k++) {
            long before = rounds.get(k).cwnd();
            long after = rounds.get(k + 1).cwnd();
            if (after <= ssthresh) {
                assertThat(after).as("slow start doubles, round %d", k + 1).isGreaterThanOrEqualTo(2 * before);
            } else if (before > ssthresh) {
                assertThat(after - before).as("congestion avoidance, round %d", k + 1).isBetween((long) mtu, 2L * mtu);
            }
        }
        long halved = Math.max(flow.cwndBeforeLastReduction() / 2, 4L * mtu);
        assertThat(rounds.get(reduced).cwnd()).isEqualTo(halved);
        assertThat(rounds.get(reduced).ssthresh()).isEqualTo(halved);
        int exit = flow.lastRecoveryExitRound();
        assertThat(exit).isBetween(reduced + 1, reduced + 2);
        for (int k = reduced; k < exit; k++) {
            assertThat(rounds.get(k).cwnd()).as("no change during recovery, round %d", k).isEqualTo(halved);
        }
        for (int k = exit; k + 1 < rounds.size(); k++) {
            long growth = rounds.get(k + 1).cwnd() - rounds.get(k).cwnd();
            assertThat(growth).as("linear after recovery, round %d", k + 1).isBetween((long) mtu, 2L * mtu);
        }
    }
}
