package org.jsctp.core.fuzz;

/**
 * One step of {@link ConnectionFuzzProperties}: a user call on one side, or something the network
 * does to the packets in one direction ({@code fromClient} says which side or direction).
 */
sealed interface ConnectionOp {

    /** The side sends a message of {@code size} bytes on {@code stream}. */
    record Send(boolean fromClient, int stream, int size, boolean unordered) implements ConnectionOp {
    }

    /** The next {@code count} packets of the direction arrive. */
    record Deliver(boolean fromClient, int count) implements ConnectionOp {
    }

    /** The next packet of the direction is lost. */
    record Drop(boolean fromClient) implements ConnectionOp {
    }

    /** The next packet of the direction arrives twice. */
    record Duplicate(boolean fromClient) implements ConnectionOp {
    }

    /** The second packet of the direction overtakes the first. */
    record Reorder(boolean fromClient) implements ConnectionOp {
    }

    /** A packet the direction carried earlier (chosen by {@code age} from the history) arrives again. */
    record Redeliver(boolean fromClient, int age) implements ConnectionOp {
    }

    /** The clock jumps by {@code nanos}; due timers run on both sides. */
    record TimeJump(long nanos) implements ConnectionOp {
    }

    /** The side starts a graceful shutdown. */
    record Shutdown(boolean fromClient) implements ConnectionOp {
    }

    /** The side aborts. */
    record Abort(boolean fromClient) implements ConnectionOp {
    }
}
