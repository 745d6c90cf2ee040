package org.jsctp.transport.impair;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The relay as a program, for bench scripts that put it between two processes:
 *
 * <pre>
 *   java -cp TEST_CLASSPATH org.jsctp.transport.impair.ImpairmentRelayMain \
 *       --listen PORT_A --forward HOST:PORT_B [--b-port PORT] [--a HOST:PORT] [--seed N] \
 *       [--both SPEC] [--a2b SPEC] [--b2a SPEC] [--rebind-every-a N] [--rebind-every-b N] \
 *       [--seconds N] [--stats-every SECONDS]
 * </pre>
 *
 * SPEC is {@link Impairment#parse}'s syntax, e.g. {@code loss=0.1,delay=5ms}. It prints {@code
 * relay listening A=PORT B=PORT} once bound, and the counters at exit (after {@code --seconds},
 * or when terminated) and every {@code --stats-every} seconds, on standard output.
 */
public final class ImpairmentRelayMain {

    private ImpairmentRelayMain() {
    }

    public static void main(String[] args) throws Exception {
        ImpairmentRelay.Builder b = ImpairmentRelay.builder();
        long seconds = 0;
        long statsEvery = 0;
        Impairment both = null;
        Impairment a2b = null;
        Impairment b2a = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                usage(System.out);
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value after " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--listen" -> b.portFacingA(Integer.parseInt(v));
                case "--b-port" -> b.portFacingB(Integer.parseInt(v));
                case "--forward" -> b.forwardTo(address(v));
                case "--a" -> b.sideA(address(v));
                case "--bind" -> b.bindAddress(InetAddress.getByName(v));
                case "--seed" -> b.seed(Long.parseLong(v));
                case "--both" -> both = Impairment.parse(v);
                case "--a2b" -> a2b = Impairment.parse(v);
                case "--b2a" -> b2a = Impairment.parse(v);
                case "--rebind-every-a" -> b.rebindEvery(Side.A, Long.parseLong(v));
                case "--rebind-every-b" -> b.rebindEvery(Side.B, Long.parseLong(v));
                case "--seconds" -> seconds = Long.parseLong(v);
                case "--stats-every" -> statsEvery = Long.parseLong(v);
                default -> fail("unknown option " + flag);
            }
        }
        b.impair(Side.A, a2b != null ? a2b : both != null ? both : Impairment.NONE);
        b.impair(Side.B, b2a != null ? b2a : both != null ? both : Impairment.NONE);
        ImpairmentRelay relay;
        try {
            relay = b.start();
        } catch (IllegalStateException e) {
            fail(e.getMessage());
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            System.out.println("relay " + relay.describe());
            System.out.flush();
            relay.close();
        }));
        System.out.println("relay listening A=" + relay.portFacing(Side.A) + " B=" + relay.portFacing(Side.B) + " a2b="
                + relay.impairment(Side.A) + " b2a=" + relay.impairment(Side.B));
        System.out.flush();
        long deadline = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long wait = statsEvery > 0 ? Math.min(left, TimeUnit.SECONDS.toNanos(statsEvery)) : left;
            if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (statsEvery > 0) {
                System.out.println("relay " + relay.describe());
                System.out.flush();
            }
        }
        System.exit(0); // the shutdown hook prints the counters and closes the relay
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            fail("expected HOST:PORT, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void usage(PrintStream out) {
        out.println("usage: ImpairmentRelayMain --listen PORT_A --forward HOST:PORT_B [--b-port PORT] [--a HOST:PORT]"
                + " [--bind ADDR] [--seed N] [--both SPEC] [--a2b SPEC] [--b2a SPEC] [--rebind-every-a N]"
                + " [--rebind-every-b N] [--seconds N] [--stats-every SECONDS]");
        out.println("SPEC: comma-separated loss=P, burst=P/LEN, reorder=P/TIME, dup=P, delay=TIME, jitter=TIME,"
                + " corrupt=P/BITS, rate=BYTES_PER_S/QUEUE_TIME (TIME: 5ms, 200us, 1s)");
    }

    private static void fail(String why) {
        System.err.println("relay: " + why);
        usage(System.err);
        System.exit(2);
    }
}
