package org.jsctp.core.handshake;

import java.util.Arrays;
import org.jsctp.core.env.RandomSource;

/**
 * The endpoint's secret keys for State Cookie MACs (RFC 9260 section 5.1.3), rotated.
 *
 * <p>A new secret replaces the current one every rotation interval; the one it replaces is still
 * accepted until the next rotation, so a cookie made just before a rotation stays verifiable for
 * its whole life as long as the interval is at least the longest cookie life span (enforced by
 * {@link StateCookieSealer}). Each secret has a generation number that cookies carry, so the
 * verifier picks the right key without trying both.
 */
public final class CookieSecrets {

    /** Secret size: the HMAC-SHA256 block-size rule of RFC 2104 is met by 32 random bytes. */
    public static final int SECRET_LENGTH = 32;

    private final RandomSource random;
    private final long rotationIntervalNanos;
    private byte[] current;
    private byte[] previous;
    private int generation;
    private long currentSinceNanos;

    /**
     * Secrets drawn from {@code random}, the first valid from {@code nowNanos}; a cookie sealed with the
     * previous secret still opens after one rotation.
     *
     * @param random the source of the secrets
     * @param nowNanos the current time
     * @param rotationIntervalNanos how long a secret is current, positive
     * @throws IllegalArgumentException if the interval is not positive
     */
    public CookieSecrets(RandomSource random, long nowNanos, long rotationIntervalNanos) {
        if (rotationIntervalNanos <= 0) {
            throw new IllegalArgumentException("rotation interval must be positive: " + rotationIntervalNanos);
        }
        this.random = random;
        this.rotationIntervalNanos = rotationIntervalNanos;
        this.current = fresh();
        this.currentSinceNanos = nowNanos;
    }

    /**
     * Replaces the current secret when it is older than the rotation interval.
     *
     * @param nowNanos the current time
     */
    public void rotateIfDue(long nowNanos) {
        if (nowNanos - currentSinceNanos >= rotationIntervalNanos) {
            if (previous != null) {
                Arrays.fill(previous, (byte) 0);
            }
            previous = current;
            current = fresh();
            generation++;
            currentSinceNanos = nowNanos;
        }
    }

    /**
     * {@return how long a secret is current, in nanoseconds}
     */
    public long rotationIntervalNanos() {
        return rotationIntervalNanos;
    }

    /** Generation number of the current secret. */
    int generation() {
        return generation;
    }

    /** The current secret. */
    byte[] current() {
        return current;
    }

    /** The secret of {@code cookieGeneration} if it is the current or the previous one, else null. */
    byte[] forGeneration(int cookieGeneration) {
        if (cookieGeneration == generation) {
            return current;
        }
        if (cookieGeneration == generation - 1) {
            return previous;
        }
        return null;
    }

    private byte[] fresh() {
        byte[] secret = new byte[SECRET_LENGTH];
        random.nextBytes(secret);
        return secret;
    }
}
