package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationStatistics;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tsctp [options] [ADDRESS]}: the throughput tool, with usrsctp tsctp's option letters
 * and output lines. Without an address it is the server: it receives and counts, and when an
 * association ends prints usrsctp's CSV line (message length, messages, receive calls, bytes,
 * seconds, bytes per second, notifications). With an address it sends -n messages of -l bytes
 * (or for -T seconds) and prints how long that took, including the acknowledgement of the last
 * message, and the throughput.
 */
@Command(name = "tsctp", mixinStandardHelpOptions = true,
        description = {"Measure SCTP throughput over UDP encapsulation, as usrsctp's tsctp does.",
                "Server without ADDRESS, client with it."})
final class TsctpCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "the server to send to; none: be the server")
    String address;

    @Option(names = "-E", defaultValue = "9899", description = "local UDP encapsulation port (default ${DEFAULT-VALUE})")
    int localUdpPort;

    @Option(names = "-U", defaultValue = "9899", description = "remote UDP encapsulation port (default ${DEFAULT-VALUE})")
    int remoteUdpPort;

    @Option(names = "-l", defaultValue = "1024", description = "message length (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "-n", defaultValue = "1024", description = "number of messages sent (0 means until -T ends) (default ${DEFAULT-VALUE})")
    long messages;

    @Option(names = "-T", defaultValue = "0", description = "time to send messages, in seconds (sets -n to 0)")
    long runtime;

    @Option(names = "-p", defaultValue = "5001", description = "SCTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "-u", description = "send unordered messages")
    boolean unordered;

    @Option(names = "-D", description = "turn Nagle's algorithm off")
    boolean noDelay;

    @Option(names = "-f", defaultValue = "0", description = "fragmentation point (0: the path MTU; accepted for compatibility)")
    int fragmentationPoint;

    @Option(names = "-S", defaultValue = "0", description = "send buffer in bytes (0: default)")
    int sendBuffer;

    @Option(names = "-R", defaultValue = "0", description = "receive buffer in bytes (0: default)")
    int receiveBuffer;

    @Option(names = "-v", description = "verbose: the server prints its port; logs at INFO")
    boolean verbose;

    @Option(names = "-V", description = "very verbose: as -v, and logs at DEBUG (per packet)")
    boolean veryVerbose;

    @Option(names = "--rto-min", defaultValue = "0", paramLabel = "MS",
            description = "RTO.Min in milliseconds (0: RFC 9260's 1000); a low-RTT path recovers lost retransmissions sooner")
    long rtoMinMillis;

    @Option(names = "--rto-initial", defaultValue = "0", paramLabel = "MS",
            description = "RTO.Initial in milliseconds (0: RFC 9260's 1000, or RTO.Min if that is higher)")
    long rtoInitialMillis;

    @Option(names = "--detect-lost-retransmissions",
            description = "fast retransmit a lost fast retransmission again instead of waiting for T3-rtx "
                    + "(beyond RFC 9260 section 7.2.4 (5); helps on lossy paths)")
    boolean detectLostRetransmissions;

    @Option(names = "--prr",
            description = "in Fast Recovery, retransmit in proportion to the data SACKs report delivered "
                    + "(RFC 6937's proportional rate reduction), so a burst of losses larger than one SACK "
                    + "reports recovers without T3-rtx")
    boolean proportionalRateReduction;

    @Option(names = "--stats", description = "client: print the association's retransmission statistics at the end")
    boolean stats;

    @Option(names = "--no-offload", description = "no UDP segmentation offload: one datagram per system call, so a "
            + "capture on this host shows each packet as the peer receives it (with offload, trains of packets "
            + "appear as one large datagram)")
    boolean noOffload;

    @Option(names = "--seconds", defaultValue = "0", description = "server: stop after this many seconds (0: run until interrupted)")
    long serverSeconds;

    @Option(names = "-P", defaultValue = "0",
            description = "partial reliability policy to use (0=none (default), 1=ttl, 2=rtx, 3=buf)")
    int prPolicy;

    @Option(names = "-t", defaultValue = "0",
            description = "based on -P the time to live (ms), number of retransmissions, or priority for messages")
    long prValue;

    @picocli.CommandLine.Mixin
    PrOption pr = new PrOption();

    @picocli.CommandLine.Mixin
    ExtensionOptions extensions = new ExtensionOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        verbose |= veryVerbose;
        Verbosity.apply(veryVerbose ? 2 : verbose ? 1 : 0);
        ToolSupport.check(spec, localUdpPort, "-E", true);
        ToolSupport.check(spec, remoteUdpPort, "-U", false);
        ToolSupport.check(spec, port, "-p", false);
        if (length < 1 || length > 1 << 24) {
            throw new ParameterException(spec.commandLine(), "-l must be 1.." + (1 << 24) + ", got " + length);
        }
        if (runtime > 0) {
            messages = 0; // as in usrsctp's tsctp, -T means "for this long"
        }
        AssociationConfig.Builder config = AssociationConfig.defaults().toBuilder().noDelay(noDelay)
                .defaultPrPolicy(policy());
        extensions.check(spec);
        extensions.apply(config, spec);
        if (sendBuffer > 0) {
            config.sendBufferBytes(Math.max(sendBuffer, 1500));
        }
        if (receiveBuffer > 0) {
            config.receiveBufferBytes(Math.max(receiveBuffer, 1500));
        }
        if (rtoMinMillis < 0 || rtoInitialMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--rto-min and --rto-initial must not be negative");
        }
        AssociationConfig base = config.build();
        long rtoMin = rtoMinMillis > 0 ? TimeUnit.MILLISECONDS.toNanos(rtoMinMillis) : base.rtoMinNanos();
        long rtoInitial = rtoInitialMillis > 0 ? TimeUnit.MILLISECONDS.toNanos(rtoInitialMillis)
                : Math.max(base.rtoInitialNanos(), rtoMin);
        if (rtoMin > rtoInitial || rtoInitial > base.rtoMaxNanos()) {
            throw new ParameterException(spec.commandLine(), "need --rto-min <= --rto-initial <= RTO.Max ("
                    + TimeUnit.NANOSECONDS.toMillis(base.rtoMaxNanos()) + " ms)");
        }
        config.rtoMinNanos(rtoMin).rtoInitialNanos(rtoInitial).lostRetransmissionDetection(detectLostRetransmissions)
                .proportionalRateReduction(proportionalRateReduction);
        AssociationConfig built = config.build();
        return address == null ? serve(built) : send(built);
    }

    /** The PR-SCTP policy of -P/-t (usrsctp tsctp's numbering: 1 TTL, 2 RTX, 3 BUF, i.e. priority) or --pr. */
    private PrPolicy policy() {
        if (prPolicy != 0 && pr.policy != null) {
            throw new ParameterException(spec.commandLine(), "give the PR-SCTP policy with -P/-t or with --pr, not both");
        }
        try {
            return switch (prPolicy) {
                case 0 -> pr.policy(spec);
                case 1 -> PrPolicy.ttl(prValue);
                case 2 -> PrPolicy.rtx((int) Math.min(prValue, Integer.MAX_VALUE));
                case 3 -> PrPolicy.prio((int) Math.min(prValue, Integer.MAX_VALUE));
                default -> throw new ParameterException(spec.commandLine(), "-P must be 0..3, got " + prPolicy);
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "-t " + prValue + " for -P " + prPolicy + ": "
                    + e.getMessage());
        }
    }

    /**
     * Counts what one association brings. A large message may arrive in pieces (partial
     * delivery): each piece is a receive call and its bytes count, but the message counts once,
     * when its last piece comes, and its length is that of all its pieces.
     */
    private static final class Tally {
        long firstNanos = -1;
        long lastLength;
        long messages;
        long receiveCalls;
        long bytes;
        long currentLength;
        long notifications;
    }

    private int serve(AssociationConfig config) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<SctpUdpAssociation, Tally> tallies = new ConcurrentHashMap<>();
        AssociationListener listener = (association, event) -> {
            Tally t = tallies.computeIfAbsent(association, a -> new Tally());
            if (event instanceof AssociationEvent.MessageReceived m) {
                if (t.firstNanos < 0) {
                    t.firstNanos = System.nanoTime();
                }
                int length = m.message().payload().length();
                t.receiveCalls++;
                t.bytes += length;
                t.currentLength += length;
                if (m.message().complete()) {
                    t.lastLength = t.currentLength;
                    t.currentLength = 0;
                    t.messages++;
                }
            } else if (event instanceof AssociationEvent.ShutdownComplete
                    || event instanceof AssociationEvent.CommunicationLost) {
                tallies.remove(association);
                double seconds = t.firstNanos < 0 ? 0 : (System.nanoTime() - t.firstNanos) / 1e9;
                double rate = seconds > 0 ? t.bytes / seconds : 0;
                synchronized (out) {
                    out.println(String.format(Locale.ROOT, "%d, %d, %d, %d, %f, %f, %d", t.lastLength, t.messages,
                            t.receiveCalls, t.bytes, seconds, rate, t.notifications + 1));
                    out.flush();
                }
            } else {
                t.notifications++;
            }
        };
        extensions.refuseConnectOnly(spec);
        UdpSctpEndpoint server = ToolSupport.bind(spec, extensions.apply(UdpSctpEndpoint.builder().udpPort(localUdpPort).segmentationOffload(!noOffload).sctpPort(port)
                .associationConfig(config).listener(extensions.listener(listener, spec)), spec), localUdpPort);
        if (verbose) {
            out.printf("tsctp server: SCTP port %d on UDP port %d%n", port, server.localUdpPort());
            out.flush();
        }
        ToolSupport.serveUntilStopped(server, serverSeconds);
        return 0;
    }

    /** What one batch of offers on the event loop achieved. */
    private record Batch(long accepted, SendQueue.OfferResult last) {
    }

    private int send(AssociationConfig config) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InetAddress peer = ToolSupport.resolve(spec, address);
        Semaphore room = new Semaphore(0);
        AssociationListener listener = (association, event) -> {
            if (event instanceof AssociationEvent.BufferedAmountLow) {
                room.release(); // the send buffer is half empty again: time for the next batch
            }
        };
        int sctpPort = ThreadLocalRandom.current().nextInt(49152, 65536);
        UdpSctpEndpoint client = ToolSupport.bind(spec, extensions.apply(UdpSctpEndpoint.builder().udpPort(localUdpPort).segmentationOffload(!noOffload)
                .sctpPort(sctpPort).remoteUdpPort(remoteUdpPort).associationConfig(config).listener(extensions.listener(listener, spec)), spec), localUdpPort);
        try {
            SctpUdpAssociation a;
            try {
                a = client.connect(extensions.peers(new InetSocketAddress(peer, remoteUdpPort), spec), port, null)
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("tsctp: " + e.getCause().getMessage());
                return 1;
            }
            Bytes payload = Bytes.wrap(new byte[length]);
            long sendBuffer = config.sendBufferBytes();
            long start = System.nanoTime();
            long deadline = runtime > 0 ? start + TimeUnit.SECONDS.toNanos(runtime) : Long.MAX_VALUE;
            long sent = 0;
            while ((messages == 0 || sent < messages) && System.nanoTime() < deadline) {
                long wanted = messages == 0 ? Long.MAX_VALUE : messages - sent;
                // One event-loop task fills the send buffer with as many messages as it takes, so a
                // message costs no thread hand-over; the next batch waits for the buffer to drain to
                // half (the buffered-amount-low event), never for it to run dry.
                Batch b = a.call((core, now) -> {
                    core.setBufferedAmountLowThreshold(sendBuffer / 2);
                    long accepted = 0;
                    SendQueue.OfferResult last = SendQueue.OfferResult.ACCEPTED;
                    while (accepted < wanted && System.nanoTime() < deadline) {
                        last = core.send(OutgoingMessage.of(0, 0, unordered, payload), now);
                        if (last != SendQueue.OfferResult.ACCEPTED) {
                            break;
                        }
                        accepted++;
                    }
                    return new Batch(accepted, last);
                }).get(60, TimeUnit.SECONDS);
                sent += b.accepted();
                if (b.last() == SendQueue.OfferResult.REFUSED_BUFFER_FULL) {
                    room.tryAcquire(1, TimeUnit.SECONDS); // back-pressure; a missed event costs a second at most
                    room.drainPermits();
                } else if (b.last() != SendQueue.OfferResult.ACCEPTED) {
                    spec.commandLine().getErr().println("tsctp: message refused: " + b.last());
                    return 1;
                }
            }
            a.shutdown().get(600, TimeUnit.SECONDS); // graceful: returns once every message is acknowledged
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(String.format(Locale.ROOT, "Sending of %d messages of length %d took %f seconds.", sent, length,
                    seconds));
            out.println(String.format(Locale.ROOT, "Throughput was %f Byte/sec.", sent * (double) length / seconds));
            if (stats) {
                AssociationStatistics st = a.call((core, now) -> core.statistics()).get(10, TimeUnit.SECONDS);
                out.println(String.format(Locale.ROOT, "Statistics: packets sent %d, received %d; DATA chunks sent %d; "
                                + "retransmitted chunks %d after timeout, %d fast; T3-rtx expiries %d; SACKs received %d; "
                                + "rto %d ms", st.packetsSent(), st.packetsReceived(), st.dataChunksSent(),
                        st.t3Retransmissions(), st.fastRetransmissions(), st.t3Expiries(), st.sacksReceived(),
                        st.paths().isEmpty() ? 0 : TimeUnit.NANOSECONDS.toMillis(st.paths().get(0).rtoNanos())));
            }
            out.flush();
            return 0;
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
        }
    }
}
