package org.jsctp.core.env;

import java.util.SplittableRandom;

/**
 * Deterministic randomness from a seed: for tests, simulations and fuzzing, where a run must be
 * reproducible. Never for traffic: its values are predictable.
 */
public final class SeededRandomSource implements RandomSource {

    private final SplittableRandom random;

    /**
     * A source whose values follow from {@code seed} alone.
     *
     * @param seed the seed
     */
    public SeededRandomSource(long seed) {
        this.random = new SplittableRandom(seed);
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
