package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.timer.Timer;

class PathProperties {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int OPS = 12;

    /** Seeded randomness that remembers its last 64-bit draw (two ints, high half first): the jitter word. */
    static final class RecordingRandom implements RandomSource {
        private final SeededRandomSource random;
        private int previous;
        private int last;

        RecordingRandom(long seed) {
            this.random = new SeededRandomSource(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }

        @Override
        public int nextInt() {
            previous = last;
            last = random.nextInt();
            return last;
        }

        long lastWord() {
            return (long) previous << 32 | (last & 0xFFFF_FFFFL);
        }
    }

    /** RFC 9260 section 8.3's jitter, uniform in [-RTO/2, RTO/2): floor(rto * word / 2^64), in exact arithmetic. */
    static long jitter(long rto, long word) {
        return BigInteger.valueOf(rto).multiply(BigInteger.valueOf(word)).shiftRight(64).longValueExact();
    }

    /** One heartbeat the path sent, as the model remembers it. */
    static final class Sent {
        final int index;
        final HeartbeatChunk chunk;
        final HeartbeatInfo info;
        boolean acked;

        Sent(int index, HeartbeatChunk chunk) {
            this.index = index;
            this.chunk = chunk;
            this.info = HeartbeatInfo.parse(chunk.info().orElseThrow()).orElseThrow();
        }
    }

    /**
     * RFC 9260 sections 5.4, 8.2 and 8.3 written out plainly: a list of every heartbeat sent
     * (remembered if among the last {@code remembered} and not yet acknowledged), the error
     * counter, confirmation, and the deadline of the newest heartbeat.
     */
    static final class Model {
        final int pmr;
        final int remembered;
        final List<Sent> sent = new ArrayList<>();
        boolean confirmed;
        int errors;
        long timeoutAt = Timer.NEVER;
        boolean requested;
        boolean enabled = true;
        long lastSent;
        long jitterWord;

        Model(int pmr, int remembered, boolean confirmed) {
            this.pmr = pmr;
            this.remembered = remembered;
            this.confirmed = confirmed;
        }

        boolean inactive() {
            return errors > pmr;
        }

        boolean isRemembered(Sent s) {
            return !s.acked && s.index >= sent.size() - remembered;
        }

        int rememberedCount() {
            int n = 0;
            for (Sent s : sent) {
                n += isRemembered(s) ? 1 : 0;
            }
            return n;
        }

        PathEvent countError() {
            if (errors > pmr) {
                return PathEvent.NONE;
            }
            errors++;
            return errors > pmr ? PathEvent.BECAME_INACTIVE : PathEvent.NONE;
        }

        PathEvent clearErrors() {
            boolean was = inactive();
            errors = 0;
            return was ? PathEvent.BECAME_ACTIVE : PathEvent.NONE;
        }
    }

    /** Drives a path with random events and checks it against the model after each one. */
    static final class Run {
        final Path path;
        final Model model;
        final RecordingRandom random;
        final long interval;
        long now;
        int confirmationsByNonce;

        Run(long seed, int pmr, int remembered, long interval, boolean confirmedByHandshake, long start) {
            PathConfig config = new PathConfig(S, 100 * MS, 8 * S, pmr, interval, 1452, remembered);
            this.path = new Path(1, "peer", config);
            this.model = new Model(pmr, remembered, confirmedByHandshake);
            this.random = new RecordingRandom(seed);
            this.interval = interval;
            this.now = start;
            if (confirmedByHandshake) {
                path.confirm();
            }
            path.start(now, random);
            model.lastSent = now;
            model.jitterWord = random.lastWord();
            check();
        }

        void apply(int code) {
            int op = code % OPS;
            int arg = code / OPS;
            switch (op) {
                case 0, 1 -> now += (long) arg * 37 * MS; // 0 .. ~3 s
                case 2, 3 -> tick();
                case 4 -> {
                    if (model.confirmed) {
                        path.onDataSent(now);
                        model.lastSent = now;
                    }
                }
                case 5 -> {
                    if (model.confirmed) {
                        assertThat(path.onNewDataAcked()).isEqualTo(model.clearErrors());
                    }
                }
                case 6 -> assertThat(path.onRetransmissionTimeout()).isEqualTo(model.countError());
                case 7 -> ackRight(arg);
                case 8 -> ackForged(arg);
                case 9 -> {
                    path.requestHeartbeat(now);
                    model.requested = true;
                }
                case 10 -> {
                    model.enabled = arg % 2 == 0;
                    path.setHeartbeatEnabled(model.enabled);
                }
                default -> jumpToDeadline(arg % 3 == 0 ? 1 : 0);
            }
            check();
        }

        /** What the association does on a wake-up. */
        void tick() {
            HeartbeatTimeout t = path.checkHeartbeatTimeout(now);
            if (model.timeoutAt != Timer.NEVER && now >= model.timeoutAt) {
                model.timeoutAt = Timer.NEVER;
                PathEvent e = model.countError();
                assertThat(t.unanswered()).isTrue();
                assertThat(t.event()).isEqualTo(e);
            } else {
                assertThat(t).isEqualTo(HeartbeatTimeout.NONE);
            }
            boolean due = path.heartbeatDue(now);
            boolean probing = !model.confirmed && !model.inactive();
            boolean outstanding = model.timeoutAt != Timer.NEVER;
            if (model.requested) {
                assertThat(due).as("a requested heartbeat is due").isTrue();
            } else if (outstanding) {
                assertThat(due).as("never while one is within its RTO").isFalse();
            } else if (probing) {
                assertThat(due).as("an unconfirmed path is probed once per RTO").isTrue();
            } else {
                long rto = path.rto().rtoNanos();
                long period = interval + rto + jitter(rto, model.jitterWord);
                assertThat(period).as("HB.interval + RTO +/- RTO/2").isBetween(interval + rto / 2, interval + rto + rto / 2);
                boolean idleRuleApplies = !model.confirmed || model.enabled;
                assertThat(due).as("idle heartbeat due at %d, last sent %d, period %d", now, model.lastSent, period)
                        .isEqualTo(idleRuleApplies && now >= model.lastSent + period);
            }
            if (due) {
                long rtoAtSend = path.rto().rtoNanos();
                HeartbeatChunk hb = path.heartbeatToSend(now, random);
                model.sent.add(new Sent(model.sent.size(), hb));
                model.timeoutAt = now + rtoAtSend;
                model.requested = false;
                model.lastSent = now;
                model.jitterWord = random.lastWord();
            }
            assertThat(path.nextHeartbeatDeadline()).as("nothing left to do until a later time").isGreaterThan(now);
        }

        /** Jumps to the path's deadline, or {@code early} nanoseconds before it, and wakes up. */
        void jumpToDeadline(long early) {
            long next = path.nextHeartbeatDeadline();
            if (next != Timer.NEVER && next - early > now) {
                now = next - early;
            }
            tick();
        }

        void ackRight(int arg) {
            if (model.sent.isEmpty()) {
                return;
            }
            // mostly recent heartbeats, sometimes old, forgotten or already acknowledged ones (replays)
            Sent s = model.sent.get(model.sent.size() - 1 - arg % Math.min(model.sent.size(), 8));
            now += arg % 5 * 20 * MS;
            boolean expectAccept = model.isRemembered(s);
            HeartbeatOutcome o = path.onHeartbeatAck(s.chunk.ack(), now);
            if (!expectAccept) {
                assertThat(o.verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
                return;
            }
            assertThat(o.verdict()).isEqualTo(HeartbeatOutcome.Verdict.ACCEPTED);
            assertThat(o.rttNanos()).isEqualTo(now - s.info.sentAtNanos());
            assertThat(path.rto().hasMeasurement()).isTrue();
            s.acked = true;
            if (s.index == model.sent.size() - 1) {
                model.timeoutAt = Timer.NEVER;
            }
            assertThat(o.event()).isEqualTo(model.clearErrors());
            assertThat(o.newlyConfirmed()).isEqualTo(!model.confirmed);
            if (!model.confirmed) {
                confirmationsByNonce++;
            }
            model.confirmed = true;
        }

        /** Acknowledgements an attacker (or a confused peer) could make up: never accepted. */
        void ackForged(int arg) {
            HeartbeatInfo base = model.sent.isEmpty() ? new HeartbeatInfo(1, 77, now)
                    : model.sent.get(arg % model.sent.size()).info;
            HeartbeatAckChunk forged;
            HeartbeatOutcome.Verdict expected;
            switch (arg % 4) {
                case 0 -> {
                    forged = ack(new HeartbeatInfo(1, base.nonce() + 1 + arg, base.sentAtNanos()));
                    expected = HeartbeatOutcome.Verdict.UNKNOWN_NONCE;
                }
                case 1 -> {
                    forged = ack(new HeartbeatInfo(1, base.nonce(), base.sentAtNanos() + 1 + arg));
                    expected = HeartbeatOutcome.Verdict.UNKNOWN_NONCE;
                }
                case 2 -> {
                    forged = ack(new HeartbeatInfo(2 + arg, base.nonce(), base.sentAtNanos()));
                    expected = HeartbeatOutcome.Verdict.OTHER_PATH;
                }
                default -> {
                    byte[] b = base.toParameter().info().toByteArray();
                    b[arg % b.length] ^= (byte) (1 << (arg % 8));
                    forged = new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(b, 0, b.length - arg % 2))));
                    expected = null; // a flipped bit lands in the magic, the id, the nonce or the time
                }
            }
            HeartbeatOutcome o = path.onHeartbeatAck(forged, now);
            assertThat(o.accepted()).as("forged %s", forged).isFalse();
            if (expected != null) {
                assertThat(o.verdict()).isEqualTo(expected);
            }
        }

        static HeartbeatAckChunk ack(HeartbeatInfo info) {
            return new HeartbeatAckChunk(List.of(info.toParameter()));
        }

        void check() {
            path.checkInvariants();
            assertThat(path.isConfirmed()).isEqualTo(model.confirmed);
            assertThat(path.errorCount()).isEqualTo(model.errors);
            assertThat(path.state()).isEqualTo(model.inactive() ? PathState.INACTIVE
                    : model.confirmed ? PathState.ACTIVE : PathState.UNCONFIRMED);
            assertThat(path.heartbeatOutstanding()).isEqualTo(model.timeoutAt != Timer.NEVER);
            assertThat(path.lastSentNanos()).isEqualTo(model.lastSent);
            assertThat(path.rememberedHeartbeats()).isEqualTo(model.rememberedCount());
            assertThat(path.rememberedHeartbeats()).isLessThanOrEqualTo(model.remembered);
        }
    }

    /** Random sends, timeouts, right, replayed, forgotten and forged acknowledgements: the path matches the model. */
    @Property(tries = 400)
    void behavesLikeTheModel(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 999) Integer> codes,
                             @ForAll long seed,
                             @ForAll @IntRange(min = 0, max = 3) int pmr,
                             @ForAll @IntRange(min = 1, max = 5) int remembered,
                             @ForAll @LongRange(min = 0, max = 3_000_000_000L) long interval,
                             @ForAll boolean confirmedByHandshake,
                             @ForAll @LongRange(min = -(1L << 50), max = 1L << 50) long start) {
        Run run = new Run(seed, pmr, remembered, interval, confirmedByHandshake, start);
        for (int code : codes) {
            run.apply(code);
        }
    }

    /** Without an acknowledgement carrying a nonce it sent, an unconfirmed path never becomes confirmed. */
    @Property(tries = 300)
    void neverConfirmedWithoutTheRightNonce(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 999) Integer> codes,
                                            @ForAll long seed,
                                            @ForAll @IntRange(min = 0, max = 3) int pmr) {
        Run run = new Run(seed, pmr, 4, 500 * MS, false, 0);
        for (int code : codes) {
            int op = code % OPS;
            if (op == 7 || op == 4 || op == 5) {
                code += 1; // no genuine acknowledgements (and no DATA, which needs confirmation)
            }
            run.apply(code);
            assertThat(run.path.isConfirmed()).isFalse();
            assertThat(run.path.state()).isNotEqualTo(PathState.ACTIVE);
        }
    }

    /** Driven only by its own deadlines, the path confirms once its probe is answered, and only then. */
    @Property(tries = 200)
    void confirmationComesOnlyFromAnAcceptedNonce(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 999) Integer> codes,
                                                  @ForAll long seed) {
        Run run = new Run(seed, 2, 3, S, false, 5 * S);
        for (int code : codes) {
            run.apply(code);
            assertThat(run.path.isConfirmed()).isEqualTo(run.confirmationsByNonce > 0);
        }
        assertThat(run.confirmationsByNonce).isLessThanOrEqualTo(1);
    }
}
