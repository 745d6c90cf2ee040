package org.jsctp.core.env;

/**
 * Where the core gets its randomness: verification tags, initial TSNs, cookie secrets, heartbeat
 * nonces. Injected, so that a run with a seeded source is reproducible bit for bit; in production
 * it is {@link SecureRandomSource}.
 */
public interface RandomSource {

    /**
     * Fills {@code bytes} with random bytes.
     *
     * @param bytes the array to fill
     */
    void nextBytes(byte[] bytes);

    /** {@return a random 32-bit value} */
    int nextInt();

    /** {@return a random 32-bit value other than zero, as verification tags must be (RFC 9260 section 5.3.1)} */
    default int nextNonZeroInt() {
        int v;
        do {
            v = nextInt();
        } while (v == 0);
        return v;
    }
}
