package org.jsctp.core.path;

import org.jsctp.core.env.RandomSource;

/** A random source whose every 64-bit draw (two {@code nextInt}s, high half first) is {@code word}. */
final class ConstantRandom implements RandomSource {

    private final long word;
    private boolean high = true;

    ConstantRandom(long word) {
        this.word = word;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) nextInt();
        }
    }

    @Override
    public int nextInt() {
        int v = high ? (int) (word >>> 32) : (int) word;
        high = !high;
        return v;
    }
}
