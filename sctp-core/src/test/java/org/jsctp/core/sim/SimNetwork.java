package org.jsctp.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A virtual-clock network between two {@link SimHost}s: per-direction delay, jitter (and so
 * reordering), random loss, duplication, a rate limit with a bounded queue, an MTU, and scripted
 * drops ("drop the next N packets that match"). The driver jumps virtual time to the next packet
 * arrival or timer deadline, so a test of minutes of protocol time runs in milliseconds, and it
 * gives up after a bounded number of steps, which catches livelock.
 */
public final class SimNetwork {

    /** A packet on its way to {@code to}, or (with {@code to} null) the end of its serialization on {@code link}. */
    private record InFlight(long arrivalNanos, long sequence, SimHost to, Direction link, byte[] bytes) {
    }

    /** One direction of the link. */
    public final class Direction {
        private final SimHost to;
        private LinkProfile profile;
        private long busyUntilNanos;
        private long queuedBytes;
        private Predicate<byte[]> scriptedDrop = p -> false;
        private int scriptedDropsLeft;
        private long delivered;
        private long dropped;

        private Direction(SimHost to, LinkProfile profile) {
            this.to = to;
            this.profile = profile;
        }

        public void setProfile(LinkProfile profile) {
            this.profile = profile;
        }

        /** Drops the next {@code count} packets for which {@code which} holds. */
        public void dropNext(int count, Predicate<byte[]> which) {
            this.scriptedDrop = which;
            this.scriptedDropsLeft = count;
        }

        public long delivered() {
            return delivered;
        }

        public long dropped() {
            return dropped;
        }

        private void send(byte[] bytes) {
            if (scriptedDropsLeft > 0 && scriptedDrop.test(bytes)) {
                scriptedDropsLeft--;
                dropped++;
                return;
            }
            if (bytes.length > profile.mtu() || random.nextDouble() < profile.lossRate()) {
                dropped++;
                return;
            }
            long departure = now;
            if (profile.bitsPerSecond() > 0) {
                if (queuedBytes + bytes.length > profile.queueLimitBytes()) {
                    dropped++;
                    return;
                }
                long start = Math.max(now, busyUntilNanos);
                long serialization = bytes.length * 8L * 1_000_000_000L / profile.bitsPerSecond();
                busyUntilNanos = start + serialization;
                departure = busyUntilNanos;
                queuedBytes += bytes.length;
            }
            int copies = random.nextDouble() < profile.duplicateRate() ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long jitter = profile.jitterNanos() > 0 ? (long) (random.nextDouble() * profile.jitterNanos()) : 0;
                queue.add(new InFlight(departure + profile.delayNanos() + jitter, sequence++, to, this, bytes.clone()));
            }
            if (profile.bitsPerSecond() > 0) {
                queue.add(new InFlight(departure, sequence++, null, this, bytes)); // frees its queue space
            }
        }
    }

    private final SimHost a;
    private final SimHost b;
    private final Direction aToB;
    private final Direction bToA;
    private final SplittableRandom random;
    private final PriorityQueue<InFlight> queue = new PriorityQueue<>((x, y) -> x.arrivalNanos != y.arrivalNanos
            ? Long.compare(x.arrivalNanos, y.arrivalNanos) : Long.compare(x.sequence, y.sequence));
    private long now;
    private long sequence;
    private long steps;
    private Tracer tracer;

    /** Sees every packet delivered, for debugging a test. */
    public interface Tracer {
        void delivered(long nowNanos, SimHost to, byte[] packet);
    }

    public void setTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    private int invariantCheckInterval = 1;

    /**
     * Checks the hosts' invariants every {@code steps} steps instead of after every one: the checks
     * walk every chunk held, which a long fat path with ten thousand packets in flight cannot pay
     * per packet.
     */
    public void setInvariantCheckInterval(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("interval must be at least 1: " + steps);
        }
        this.invariantCheckInterval = steps;
    }

    public SimNetwork(SimHost a, SimHost b, LinkProfile profile, long seed) {
        this.a = a;
        this.b = b;
        this.aToB = new Direction(b, profile);
        this.bToA = new Direction(a, profile);
        this.random = new SplittableRandom(seed);
    }

    public long now() {
        return now;
    }

    public Direction aToB() {
        return aToB;
    }

    public Direction bToA() {
        return bToA;
    }

    /**
     * Runs until {@code done} holds, virtual time passes {@code untilNanos}, or nothing is left to
     * happen; fails on more than {@code maxSteps} steps (livelock). Returns whether {@code done} held.
     */
    public boolean runUntil(BooleanSupplier done, long untilNanos, long maxSteps) {
        return runUntil(done, () -> { }, untilNanos, maxSteps);
    }

    /**
     * As {@link #runUntil(BooleanSupplier, long, long)}, calling {@code application} before each
     * step, as an application would act between events (e.g. keep a send buffer filled).
     */
    public boolean runUntil(BooleanSupplier done, Runnable application, long untilNanos, long maxSteps) {
        long limit = steps + maxSteps;
        while (true) {
            application.run();
            flush();
            if (steps % invariantCheckInterval == 0) {
                a.checkInvariants();
                b.checkInvariants();
            }
            if (done.getAsBoolean()) {
                return true;
            }
            long next = Math.min(queue.isEmpty() ? Long.MAX_VALUE : queue.peek().arrivalNanos,
                    Math.min(a.nextDeadline(), b.nextDeadline()));
            if (next == Long.MAX_VALUE || next > untilNanos) {
                now = Math.max(now, Math.min(untilNanos, next));
                return done.getAsBoolean();
            }
            if (++steps > limit) {
                throw new AssertionError("no progress after " + maxSteps + " steps at t=" + now + " ns: livelock?");
            }
            now = Math.max(now, next);
            List<InFlight> arriving = new ArrayList<>();
            while (!queue.isEmpty() && queue.peek().arrivalNanos <= now) {
                arriving.add(queue.poll());
            }
            for (InFlight f : arriving) {
                if (f.to == null) {
                    f.link.queuedBytes -= f.bytes.length;
                } else {
                    f.link.delivered++;
                    if (tracer != null) {
                        tracer.delivered(now, f.to, f.bytes);
                    }
                    f.to.receive(f.bytes, now);
                }
            }
            a.handleTimeout(now);
            b.handleTimeout(now);
        }
    }

    /** Runs for {@code nanos} of virtual time. */
    public void advance(long nanos, long maxSteps) {
        long until = now + nanos;
        runUntil(() -> false, until, maxSteps);
        now = Math.max(now, until);
    }

    private void flush() {
        for (byte[] p : a.drainOutbox()) {
            aToB.send(p);
        }
        for (byte[] p : b.drainOutbox()) {
            bToA.send(p);
        }
    }
}
