package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import io.netty.channel.EventLoop;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latency [options] ADDRESS}: request/response round-trip times against an echo server
 * (ours, {@code echo-server}, or usrsctp's {@code echo_server}; SCTP port 7 by default).
 *
 * <p>One request is outstanding at a time: message i goes out at its slot of the rate (or at once
 * when the reply to message i-1 came after that slot), and the next waits for its reply. The
 * request is sent by a task scheduled on the endpoint's event loop for its slot, as an
 * application built on the event loop sends; a round trip runs from just before that send call to
 * the reply's arrival in the association listener on the same loop (System.nanoTime both), so
 * neither the timer's wake-up nor this thread's after the reply is counted.
 * bench/usrsctp/fair_latency.c measures usrsctp the same way: its main thread sleeps until the
 * slot and calls usrsctp_sendv itself, and the reply is timed in usrsctp's receive callback. With
 * {@code --send-from-caller} this thread sends instead, and the hand-over of every request to the
 * event loop (a wake-up of the loop) counts too.
 *
 * <p>Before the measured round trips, {@code -w} round trips at the faster rate of {@code -W} are
 * not counted: they get the JIT to compile the paths of both ends (a few hundred round trips leave
 * them interpreted, which reads as hundreds of microseconds). The warm-up is paced too, so that
 * the event loops go idle between requests as they do later: back-to-back warm-up traffic trains
 * the JIT on a loop that never waits, and the first idle waits of the measured phase then
 * deoptimise the event loop's code, so the measurement would include its recompilation.
 *
 * <p>Every reply is checked against its request (same bytes), so a lost, reordered or corrupted
 * reply is an error, not a sample.
 *
 * <p>The result is printed as the stable one-line format of {@link LatencySummary} followed by a
 * table for people.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = {"Measure request/response round-trip times against an echo server (ours or usrsctp's).",
                "Prints min, p50, p90, p99, p99.9 and max in microseconds: one line for scripts, then a table."})
final class LatencyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the echo server's address")
    String address;

    @Option(names = "-E", defaultValue = "0", description = "local UDP encapsulation port (default ${DEFAULT-VALUE}: any)")
    int localUdpPort;

    @Option(names = "-U", defaultValue = "9899", description = "remote UDP encapsulation port (default ${DEFAULT-VALUE})")
    int remoteUdpPort;

    @Option(names = "-p", defaultValue = "7", description = "the echo server's SCTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "-l", defaultValue = "100", description = "message length in bytes (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "-n", defaultValue = "2000", description = "round trips measured, at the rate of -r (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "-w", defaultValue = "10000",
            description = "warm-up round trips before those, at the rate of -W, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "-W", defaultValue = "2000", description = "warm-up requests per second (default ${DEFAULT-VALUE})")
    int warmupRate;

    @Option(names = "-r", defaultValue = "100", description = "requests per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "-u", description = "send unordered messages")
    boolean unordered;

    @Option(names = "--nagle", description = {"keep Nagle's algorithm on (off by default: a request would wait for the",
            "acknowledgement of the one before, which a peer that does not bundle its SACK with the reply delays by",
            "its delayed-SACK timer, 200 ms)"})
    boolean nagle;

    @Option(names = "--send-from-caller",
            description = "send from the measuring thread, counting the hand-over to the event loop, not from an event-loop task")
    boolean sendFromCaller;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds to wait for each reply (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Mixin
    PrOption pr = new PrOption();

    @Mixin
    ExtensionOptions extensions = new ExtensionOptions();


    @Spec
    CommandSpec spec;

    /** What the listener hands this thread: the latest reply and when it arrived. */
    private volatile long requestSentNanos;
    private volatile long replyRoundTripNanos;
    private volatile ReceivedMessage reply;
    private final Semaphore replies = new Semaphore(0);

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        ToolSupport.check(spec, localUdpPort, "-E", true);
        ToolSupport.check(spec, remoteUdpPort, "-U", false);
        ToolSupport.check(spec, port, "-p", false);
        int maxLength = AssociationConfig.defaults().maxMessageBytes();
        require(length >= 1 && length <= maxLength, "-l must be 1.." + maxLength + ", got " + length);
        require(count >= 1, "-n must be at least 1, got " + count);
        require(warmup >= 0, "-w must not be negative, got " + warmup);
        require(rate >= 1 && rate <= 1_000_000, "-r must be 1..1000000, got " + rate);
        require(warmupRate >= 1 && warmupRate <= 1_000_000, "-W must be 1..1000000, got " + warmupRate);
        require(timeoutSeconds >= 1, "--timeout must be at least 1, got " + timeoutSeconds);
        extensions.check(spec);
        InetAddress peer = ToolSupport.resolve(spec, address);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AssociationConfig config = extensions.apply(pr.apply(AssociationConfig.defaults().toBuilder().noDelay(!nagle),
                spec), spec).build();
        MessageJoiner joiner = new MessageJoiner(maxLength);
        int sctpPort = ThreadLocalRandom.current().nextInt(49152, 65536);
        UdpSctpEndpoint endpoint = ToolSupport.bind(spec, extensions.apply(UdpSctpEndpoint.builder().udpPort(localUdpPort)
                .sctpPort(sctpPort).remoteUdpPort(remoteUdpPort).associationConfig(config)
                .listener(extensions.listener((association, event) -> {
                    ReceivedMessage whole = joiner.onEvent(association, event);
                    if (whole != null) {
                        replyRoundTripNanos = System.nanoTime() - requestSentNanos;
                        reply = whole;
                        replies.release();
                    }
                }, spec)), spec), localUdpPort);
        try {
            SctpUdpAssociation a;
            try {
                a = endpoint.connect(extensions.peers(new InetSocketAddress(peer, remoteUdpPort), spec), port, null)
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                err.println("latency: " + e.getCause().getMessage());
                return 1;
            }
            long[] samples = new long[count];
            String failure = measure(endpoint.eventLoop(), a, samples);
            if (failure != null) {
                err.println("latency: " + failure);
                a.abort("latency measurement failed").get(10, TimeUnit.SECONDS);
                return 1;
            }
            a.shutdown().get(60, TimeUnit.SECONDS);
            LatencySummary summary = new LatencySummary(samples, length);
            out.println(summary.line());
            summary.table().forEach(out::println);
            out.flush();
            return 0;
        } finally {
            endpoint.close().get(10, TimeUnit.SECONDS);
        }
    }

    /** Runs the warm-up and measured round trips; returns null, or why it stopped. */
    private String measure(EventLoop loop, SctpUdpAssociation a, long[] samples) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / (warmup > 0 ? warmupRate : rate);
        long slot = System.nanoTime();
        int total = warmup + count;
        for (int i = 0; i < total; i++) {
            if (i == warmup) {
                interval = TimeUnit.SECONDS.toNanos(1) / rate; // the measured round trips start now
                slot = System.nanoTime();
            }
            byte[] request = request(i);
            OutgoingMessage message = OutgoingMessage.of(0, 0, unordered, Bytes.wrap(request));
            CompletableFuture<SendQueue.OfferResult> sent = new CompletableFuture<>();
            if (sendFromCaller) {
                awaitSlot(slot);
                requestSentNanos = System.nanoTime();
                a.send(message).whenComplete(LatencyCommand.into(sent));
            } else {
                long delay = Math.max(0, slot - System.nanoTime());
                loop.schedule(() -> {
                    requestSentNanos = System.nanoTime();
                    a.send(message).whenComplete(LatencyCommand.into(sent));
                }, delay, TimeUnit.NANOSECONDS);
            }
            if (!replies.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
                return "no reply to message " + i + " within " + timeoutSeconds + " s ("
                        + (sent.isDone() ? "send: " + sent.getNow(null) : "send not done") + ")";
            }
            long roundTrip = replyRoundTripNanos;
            if (!reply.payload().equals(Bytes.wrap(request))) {
                return "the reply to message " + i + " is not its request (" + reply.payload().length() + " bytes)";
            }
            if (i >= warmup) {
                samples[i - warmup] = roundTrip;
            }
            // The next slot of the rate, or now when this round trip overran it: never a burst.
            slot = Math.max(slot + interval, System.nanoTime());
        }
        return null;
    }

    private static <T> BiConsumer<T, Throwable> into(CompletableFuture<T> target) {
        return (value, failure) -> {
            if (failure != null) {
                target.completeExceptionally(failure);
            } else {
                target.complete(value);
            }
        };
    }

    /** Request {@code i}: its number in the first bytes (as many as fit), zeros after. */
    private byte[] request(int i) {
        byte[] b = new byte[length];
        byte[] number = ByteBuffer.allocate(Integer.BYTES).putInt(i).array();
        System.arraycopy(number, 0, b, 0, Math.min(number.length, length));
        return b;
    }

    private static void awaitSlot(long slot) {
        for (long left; (left = slot - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
