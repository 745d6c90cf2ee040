package org.jsctp.core.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A virtual-clock network between two {@link SimHost}s: per-direction delay, jitter (and so
 * reordering), random loss, duplication, a rate limit with a bounded queue, an MTU, and scripted
 * drops ("drop the next N packets that match"). {@link VirtualTime} runs it: the clock jumps to
 * the next packet arrival or timer deadline, so a test of minutes of protocol time runs in
 * milliseconds, and a run gives up after a bounded number of steps, which catches livelock.
 */
public final class SimNetwork {

    /** One direction of the link. */
    public final class Direction {
        private final SimHost to;
        private LinkProfile profile;
        private final RateQueue rateQueue = new RateQueue();
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
            long departure = rateQueue.enqueue(time, bytes.length, profile);
            if (departure == RateQueue.DROPPED) {
                dropped++;
                return;
            }
            int copies = random.nextDouble() < profile.duplicateRate() ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long jitter = profile.jitterNanos() > 0 ? (long) (random.nextDouble() * profile.jitterNanos()) : 0;
                byte[] copy = bytes.clone();
                time.at(departure + profile.delayNanos() + jitter, () -> deliver(copy));
            }
        }

        private void deliver(byte[] bytes) {
            delivered++;
            if (tracer != null) {
                tracer.delivered(time.now(), to, bytes);
            }
            to.receive(bytes, time.now());
        }
    }

    private final SimHost a;
    private final SimHost b;
    private final Direction aToB;
    private final Direction bToA;
    private final SplittableRandom random;
    private final VirtualTime time;
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
        this.time = new VirtualTime(List.of(a, b));
    }

    public long now() {
        return time.now();
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
        return time.runUntil(done, () -> beforeStep(application), untilNanos, maxSteps);
    }

    /** Runs for {@code nanos} of virtual time. */
    public void advance(long nanos, long maxSteps) {
        time.advance(nanos, () -> beforeStep(() -> { }), maxSteps);
    }

    /** The application acts, the links take what the hosts sent, and (every so often) the invariants hold. */
    private void beforeStep(Runnable application) {
        application.run();
        for (byte[] p : a.drainOutbox()) {
            aToB.send(p);
        }
        for (byte[] p : b.drainOutbox()) {
            bToA.send(p);
        }
        if (time.steps() % invariantCheckInterval == 0) {
            a.checkInvariants();
            b.checkInvariants();
        }
    }
}
