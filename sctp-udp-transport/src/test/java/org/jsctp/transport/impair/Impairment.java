package org.jsctp.transport.impair;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the relay does to the datagrams of one direction. Rates are probabilities per datagram
 * (0..1), times nanoseconds; every decision comes from the relay's seeded random source, so a
 * seed replays the same fates for the same sequence of datagrams.
 *
 * @param loss independent random loss
 * @param burstStart probability, while not in a loss burst, that one starts with this datagram
 *     (Gilbert model: every datagram of a burst is lost)
 * @param burstLength mean length of a loss burst in datagrams (geometric), at least 1
 * @param reorder probability that a datagram is held back by {@code reorderDelayNanos} more than
 *     the others, so later ones overtake it
 * @param reorderDelayNanos the extra delay of a reordered datagram
 * @param duplicate probability that a datagram is delivered twice (the copy gets its own delay)
 * @param delayNanos fixed one-way delay
 * @param jitterNanos extra delay drawn uniformly from 0..jitter per datagram (this reorders too)
 * @param corrupt probability that a delivered copy has {@code corruptBits} random bits flipped
 *     (the receiver's CRC32C must catch it)
 * @param corruptBits bits flipped in a corrupted copy, at least 1
 * @param rateBytesPerSecond bottleneck rate, 0 for none: datagrams leave one after another at this
 *     rate, queued for at most {@code queueNanos}; datagrams that would wait longer are dropped
 * @param queueNanos the bottleneck queue's limit, as waiting time
 */
public record Impairment(double loss, double burstStart, double burstLength, double reorder, long reorderDelayNanos,
                         double duplicate, long delayNanos, long jitterNanos, double corrupt, int corruptBits,
                         long rateBytesPerSecond, long queueNanos) {

    /** Nothing at all: every datagram passes at once, unchanged. */
    public static final Impairment NONE = new Impairment(0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0);

    public Impairment {
        requireProbability("loss", loss);
        requireProbability("burstStart", burstStart);
        requireProbability("reorder", reorder);
        requireProbability("duplicate", duplicate);
        requireProbability("corrupt", corrupt);
        if (!(burstLength >= 1)) {
            throw new IllegalArgumentException("burstLength must be at least 1: " + burstLength);
        }
        if (reorderDelayNanos < 0 || delayNanos < 0 || jitterNanos < 0 || rateBytesPerSecond < 0 || queueNanos < 0) {
            throw new IllegalArgumentException("delays, rate and queue must not be negative");
        }
        if (corruptBits < 1) {
            throw new IllegalArgumentException("corruptBits must be at least 1: " + corruptBits);
        }
    }

    public Impairment withLoss(double p) {
        return new Impairment(p, burstStart, burstLength, reorder, reorderDelayNanos, duplicate, delayNanos, jitterNanos,
                corrupt, corruptBits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withBurstLoss(double start, double meanLength) {
        return new Impairment(loss, start, meanLength, reorder, reorderDelayNanos, duplicate, delayNanos, jitterNanos,
                corrupt, corruptBits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withReorder(double p, long extraDelayNanos) {
        return new Impairment(loss, burstStart, burstLength, p, extraDelayNanos, duplicate, delayNanos, jitterNanos,
                corrupt, corruptBits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withDuplicate(double p) {
        return new Impairment(loss, burstStart, burstLength, reorder, reorderDelayNanos, p, delayNanos, jitterNanos,
                corrupt, corruptBits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withDelay(long fixedNanos, long jitter) {
        return new Impairment(loss, burstStart, burstLength, reorder, reorderDelayNanos, duplicate, fixedNanos, jitter,
                corrupt, corruptBits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withCorrupt(double p, int bits) {
        return new Impairment(loss, burstStart, burstLength, reorder, reorderDelayNanos, duplicate, delayNanos, jitterNanos,
                p, bits, rateBytesPerSecond, queueNanos);
    }

    public Impairment withRate(long bytesPerSecond, long queueLimitNanos) {
        return new Impairment(loss, burstStart, burstLength, reorder, reorderDelayNanos, duplicate, delayNanos, jitterNanos,
                corrupt, corruptBits, bytesPerSecond, queueLimitNanos);
    }

    /**
     * Parses {@code key=value} pairs separated by commas, starting from {@link #NONE}: {@code
     * loss=0.1}, {@code burst=0.01/4} (start probability / mean length), {@code reorder=0.02/10ms},
     * {@code dup=0.01}, {@code delay=5ms}, {@code jitter=1ms}, {@code corrupt=0.001/1} (probability /
     * bits), {@code rate=1000000/50ms} (bytes per second / queue limit). Times take ns, us, ms or s.
     * An empty string is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the part that does not parse
     */
    public static Impairment parse(String spec) {
        Impairment i = NONE;
        if (spec == null || spec.isBlank()) {
            return i;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + part + "'");
            }
            String[] v = kv[1].split("/", 2);
            try {
                i = switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "loss" -> i.withLoss(Double.parseDouble(v[0]));
                    case "burst" -> i.withBurstLoss(Double.parseDouble(v[0]), v.length > 1 ? Double.parseDouble(v[1]) : 2);
                    case "reorder" -> i.withReorder(Double.parseDouble(v[0]),
                            v.length > 1 ? nanos(v[1]) : TimeUnit.MILLISECONDS.toNanos(5));
                    case "dup" -> i.withDuplicate(Double.parseDouble(v[0]));
                    case "delay" -> i.withDelay(nanos(v[0]), i.jitterNanos);
                    case "jitter" -> i.withDelay(i.delayNanos, nanos(v[0]));
                    case "corrupt" -> i.withCorrupt(Double.parseDouble(v[0]), v.length > 1 ? Integer.parseInt(v[1]) : 1);
                    case "rate" -> i.withRate(Long.parseLong(v[0]),
                            v.length > 1 ? nanos(v[1]) : TimeUnit.MILLISECONDS.toNanos(50));
                    default -> throw new IllegalArgumentException("unknown impairment '" + kv[0] + "'");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value in '" + part + "': " + e.getMessage(), e);
            }
        }
        return i;
    }

    /** A time such as {@code 5ms}, {@code 200us}, {@code 1s} or {@code 1500ns}; a bare number is milliseconds. */
    static long nanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0]) && !(u[0].equals("s") && (t.endsWith("ns") || t.endsWith("us") || t.endsWith("ms")))) {
                return Math.round(Double.parseDouble(t.substring(0, t.length() - u[0].length())) * Long.parseLong(u[1]));
            }
        }
        return Math.round(Double.parseDouble(t) * 1_000_000);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss=%.4f,burst=%.4f/%.1f,reorder=%.4f/%dus,dup=%.4f,delay=%dus,jitter=%dus,"
                        + "corrupt=%.4f/%d,rate=%d/%dus", loss, burstStart, burstLength, reorder, reorderDelayNanos / 1000,
                duplicate, delayNanos / 1000, jitterNanos / 1000, corrupt, corruptBits, rateBytesPerSecond,
                queueNanos / 1000);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in 0..1: " + p);
        }
    }
}
