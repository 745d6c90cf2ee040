package org.jsctp.transport.impair;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides the fate of each datagram of one direction: lost, or delivered once or twice, each
 * copy with its delay and maybe with bits flipped. No I/O and no clock: the same seed and the same
 * sequence of datagrams give the same fates, so it is tested on its own.
 */
final class Impairer {

    /** One copy to deliver {@code delayNanos} after the datagram arrived. */
    record Delivery(byte[] bytes, long delayNanos) {
    }

    private final Impairment impairment;
    private final SplittableRandom random;
    private final DirectionCounters counters;
    private boolean inBurst;

    Impairer(Impairment impairment, long seed, DirectionCounters counters) {
        this.impairment = impairment;
        this.random = new SplittableRandom(seed);
        this.counters = counters;
    }

    Impairment impairment() {
        return impairment;
    }

    /** The copies of {@code datagram} to deliver, none if it is lost. {@code datagram} is not changed. */
    List<Delivery> fates(byte[] datagram) {
        counters.received.incrementAndGet();
        if (burstLoss()) {
            counters.burstLost.incrementAndGet();
            return List.of();
        }
        if (chance(impairment.loss())) {
            counters.lost.incrementAndGet();
            return List.of();
        }
        int copies = chance(impairment.duplicate()) ? 2 : 1;
        if (copies == 2) {
            counters.duplicated.incrementAndGet();
        }
        List<Delivery> out = new ArrayList<>(copies);
        for (int c = 0; c < copies; c++) {
            long delay = impairment.delayNanos();
            if (impairment.jitterNanos() > 0) {
                delay += random.nextLong(impairment.jitterNanos() + 1);
            }
            if (chance(impairment.reorder())) {
                counters.reordered.incrementAndGet();
                delay += impairment.reorderDelayNanos();
            }
            byte[] bytes = datagram;
            if (datagram.length > 0 && chance(impairment.corrupt())) {
                counters.corrupted.incrementAndGet();
                bytes = flipBits(datagram);
            }
            out.add(new Delivery(bytes, delay));
        }
        return out;
    }

    /** Gilbert model: a burst starts with probability burstStart and ends with 1 / burstLength per datagram. */
    private boolean burstLoss() {
        if (impairment.burstStart() <= 0) {
            return false;
        }
        if (inBurst) {
            inBurst = !chance(1 / impairment.burstLength()); // the burst ends with this datagram, which passes
            return inBurst;
        }
        inBurst = chance(impairment.burstStart());
        return inBurst;
    }

    private byte[] flipBits(byte[] datagram) {
        byte[] copy = datagram.clone();
        int bits = Math.min(impairment.corruptBits(), copy.length * 8);
        BitSet flipped = new BitSet(copy.length * 8);
        while (flipped.cardinality() < bits) { // distinct bits, so two flips never cancel out
            int bit = random.nextInt(copy.length * 8);
            if (!flipped.get(bit)) {
                flipped.set(bit);
                copy[bit >>> 3] ^= (byte) (1 << (bit & 7));
            }
        }
        return copy;
    }

    private boolean chance(double p) {
        return p > 0 && (p >= 1 || random.nextDouble() < p);
    }
}
