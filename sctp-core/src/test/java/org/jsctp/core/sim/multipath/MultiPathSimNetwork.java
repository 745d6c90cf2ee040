package org.jsctp.core.sim.multipath;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jsctp.core.sim.ChunkWalk;
import org.jsctp.core.sim.LinkProfile;
import org.jsctp.core.sim.RateQueue;
import org.jsctp.core.sim.VirtualTime;

/**
 * A virtual-clock network between two {@link MultiHomedSimHost}s where every (source,
 * destination) address pair is a link of its own, with its own {@link LinkProfile} (delay, jitter,
 * loss, and a serialization rate with a tail-drop queue) and a kill switch. Datagrams to an
 * address of neither host are dropped. {@link VirtualTime} runs it: the clock jumps to the next
 * arrival or timer deadline, and a run gives up after a bounded number of steps.
 */
public final class MultiPathSimNetwork {

    /** One direction between two addresses. */
    public final class Link {
        private LinkProfile profile;
        private boolean down;
        private Predicate<byte[]> dropWhich = p -> false;
        private long delivered;
        private long dropped;
        private final RateQueue rateQueue = new RateQueue();
        private long deliveredBytes;

        private Link(LinkProfile profile) {
            this.profile = profile;
        }

        public void setProfile(LinkProfile profile) {
            this.profile = profile;
        }

        /** Drops every packet (true) or none (false) from now on. */
        public void setDown(boolean down) {
            this.down = down;
        }

        /** Drops the packets for which {@code which} holds, from now on; it sees every packet sent on the link. */
        public void drop(Predicate<byte[]> which) {
            this.dropWhich = which;
        }

        public long delivered() {
            return delivered;
        }

        public long dropped() {
            return dropped;
        }

        /** Bytes of the datagrams delivered. */
        public long deliveredBytes() {
            return deliveredBytes;
        }
    }

    private final MultiHomedSimHost a;
    private final MultiHomedSimHost b;
    private final LinkProfile defaultProfile;
    private final Map<List<InetAddress>, Link> links = new HashMap<>();
    private final SplittableRandom random;
    private final VirtualTime time;
    private long strayDatagrams;

    public MultiPathSimNetwork(MultiHomedSimHost a, MultiHomedSimHost b, LinkProfile profile, long seed) {
        this.a = a;
        this.b = b;
        this.defaultProfile = profile;
        this.random = new SplittableRandom(seed);
        this.time = new VirtualTime(List.of(a, b));
    }

    public long now() {
        return time.now();
    }

    /** The link from address {@code from} to address {@code to}. */
    public Link link(InetAddress from, InetAddress to) {
        return links.computeIfAbsent(List.of(from, to), k -> new Link(defaultProfile));
    }

    /** Takes the network between {@code x} and {@code y} down (both directions) or up again. */
    public void setDown(InetAddress x, InetAddress y, boolean down) {
        link(x, y).setDown(down);
        link(y, x).setDown(down);
    }

    /** Datagrams to an address no host has. */
    public long strayDatagrams() {
        return strayDatagrams;
    }

    /** Runs until {@code done} holds or virtual time passes {@code untilNanos}; fails after {@code maxSteps} steps. */
    public boolean runUntil(BooleanSupplier done, long untilNanos, long maxSteps) {
        return runUntil(done, () -> { }, untilNanos, maxSteps);
    }

    /** As {@link #runUntil(BooleanSupplier, long, long)}, calling {@code application} before each step. */
    public boolean runUntil(BooleanSupplier done, Runnable application, long untilNanos, long maxSteps) {
        return time.runUntil(done, () -> beforeStep(application), untilNanos, maxSteps);
    }

    /** Runs for {@code nanos} of virtual time. */
    public void advance(long nanos, long maxSteps) {
        time.advance(nanos, () -> beforeStep(() -> { }), maxSteps);
    }

    /** The application acts, the links take what the hosts sent, and the invariants hold. */
    private void beforeStep(Runnable application) {
        application.run();
        for (MultiHomedSimHost.Datagram d : a.drainOutbox()) {
            send(d);
        }
        for (MultiHomedSimHost.Datagram d : b.drainOutbox()) {
            send(d);
        }
        a.checkInvariants();
        b.checkInvariants();
    }

    private void send(MultiHomedSimHost.Datagram d) {
        MultiHomedSimHost to = a.addresses().contains(d.to()) ? a : b.addresses().contains(d.to()) ? b : null;
        if (to == null) {
            strayDatagrams++;
            return;
        }
        // The link is the network between the real interfaces: the destination's /24 decides it
        // when the source is overridden, so find it by the destination and the sender's address on it.
        Link link = link(d.from(), d.to());
        Link real = link(realSource(d), d.to());
        boolean scripted = real.dropWhich.test(d.bytes()) | (link != real && link.dropWhich.test(d.bytes()));
        if (scripted || link.down || real.down || random.nextDouble() < real.profile.lossRate()) {
            real.dropped++;
            return;
        }
        int length = d.bytes().length;
        long departure = real.rateQueue.enqueue(time, length, real.profile);
        if (departure == RateQueue.DROPPED) {
            real.dropped++;
            return;
        }
        real.delivered++;
        real.deliveredBytes += length;
        long jitter = real.profile.jitterNanos() > 0 ? (long) (random.nextDouble() * real.profile.jitterNanos()) : 0;
        time.at(departure + real.profile.delayNanos() + jitter, () -> to.receive(d, time.now()));
    }

    /** Whether an SCTP packet carries a DATA (type 0) or I-DATA (type 64) chunk. */
    public static boolean carriesData(byte[] packet) {
        return ChunkWalk.carries(packet, type -> type == 0 || type == 64);
    }

    /** The sender's own address on the destination's /24 (the real interface, whatever the packet claims). */
    private InetAddress realSource(MultiHomedSimHost.Datagram d) {
        MultiHomedSimHost from = a.addresses().contains(d.to()) ? b : a;
        byte[] t = d.to().getAddress();
        for (InetAddress x : from.addresses()) {
            byte[] l = x.getAddress();
            if (l.length == t.length && java.util.Arrays.equals(l, 0, l.length - 1, t, 0, t.length - 1)) {
                return x;
            }
        }
        return d.from();
    }
}
