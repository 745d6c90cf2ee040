package org.jsctp.transport;

/**
 * The size of the load and soak tests: the CI variant by default; {@code -Djsctp.soak=true}
 * (Maven profile {@code soak}) makes them run longer and bigger.
 */
final class Soak {

    private Soak() {
    }

    /** Whether the long soak variant runs. */
    static boolean enabled() {
        return Boolean.getBoolean("jsctp.soak");
    }

    /** {@code ci} normally, {@code soak} with the soak switch. */
    static int pick(int ci, int soak) {
        return enabled() ? soak : ci;
    }
}
