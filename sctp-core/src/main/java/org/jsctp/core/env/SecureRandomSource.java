package org.jsctp.core.env;

import java.security.SecureRandom;

/** Randomness for production use: the JDK's {@link SecureRandom}, as RFC 4086 asks of tags and secrets. */
public final class SecureRandomSource implements RandomSource {

    private final SecureRandom random;

    /**
     * A source over a new {@link SecureRandom}.
     */
    public SecureRandomSource() {
        this(new SecureRandom());
    }

    /**
     * A source over {@code random}.
     *
     * @param random the generator to draw from
     */
    public SecureRandomSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }
}
