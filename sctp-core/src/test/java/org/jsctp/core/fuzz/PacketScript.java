package org.jsctp.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input format of {@link AssociationFuzzTest}: what the fuzzer's bytes mean, and a writer
 * for seed inputs. Plain framing rather than Jazzer's FuzzedDataProvider, whose split of an input
 * into bytes taken from the front and numbers from the back makes seeds hard to write by
 * program; libFuzzer mutates this format just as well.
 *
 * <pre>
 *  flags (8): bit 0 = the fuzzed host connects first (it is the client), other bits ignored
 *  then records until the input ends:
 *  op (8): high nibble = {@link Op} (modulo its count), low nibble = {@link #CLOCK_STEPS_NANOS} index
 *  length (16, big-endian), then that many bytes (fewer if the input ends first)
 * </pre>
 *
 * The clock steps are fixed so that inputs reproduce exactly and the fuzzer reaches every timer
 * (delayed SACK, T3-rtx, T1, heartbeats, cookie life) without searching for durations.
 */
final class PacketScript {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** How far the clock moves before a record's operation, by the low nibble of its op byte. */
    static final long[] CLOCK_STEPS_NANOS = {
        0, MS, 10 * MS, 200 * MS, S, 3 * S, 30 * S, 61 * S, 600 * S, 0, MS, 0, 0, 0, 0, 0,
    };

    /** What a record asks the harness to do. */
    enum Op {
        /** The record's bytes arrive as a packet from the network. */
        PACKET,
        /** The user sends a message: stream (8), flags (8: bit 0 unordered, bit 1 large), payload. */
        SEND,
        /** The user shuts the association down gracefully. */
        SHUTDOWN,
        /** The user aborts the association. */
        ABORT,
        /** The clock jumps to the association's next deadline, and its timers run. */
        TIMERS
    }

    /** One step of a script. */
    record Step(Op op, long clockStepNanos, byte[] bytes) {
    }

    private PacketScript() {
    }

    /** Whether the input asks the fuzzed host to connect first. */
    static boolean connectsFirst(byte[] input) {
        return input.length > 0 && (input[0] & 1) != 0;
    }

    /** The steps an input describes; total: any bytes are a script. */
    static List<Step> steps(byte[] input) {
        List<Step> out = new ArrayList<>();
        int at = 1;
        while (at < input.length) {
            int op = input[at] & 0xFF;
            int length = at + 2 < input.length ? ((input[at + 1] & 0xFF) << 8) | (input[at + 2] & 0xFF) : 0;
            int start = Math.min(at + 3, input.length);
            int end = (int) Math.min((long) start + length, input.length);
            Op[] ops = Op.values();
            out.add(new Step(ops[(op >> 4) % ops.length], CLOCK_STEPS_NANOS[op & 0x0F], Arrays.copyOfRange(input, start, end)));
            at = end;
        }
        return out;
    }

    /** Builds a script, for seed inputs and regression tests. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer(boolean connectFirst) {
            out.write(connectFirst ? 1 : 0);
        }

        /** Appends a record; {@code clockStep} indexes {@link #CLOCK_STEPS_NANOS}. */
        Writer add(Op op, int clockStep, byte[] bytes) {
            if (clockStep < 0 || clockStep > 15 || bytes.length > 0xFFFF) {
                throw new IllegalArgumentException("clock step " + clockStep + ", " + bytes.length + " bytes");
            }
            out.write((op.ordinal() << 4) | clockStep);
            out.write(bytes.length >> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
