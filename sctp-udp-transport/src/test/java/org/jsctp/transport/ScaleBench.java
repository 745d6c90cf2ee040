package org.jsctp.transport;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationStatistics;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * The scale benchmark of issue 6 (run by {@code bench/scale.sh}; a benchmark, not a test):
 *
 * <pre>
 * memory N                      retained heap per idle association, N established vs none
 * setup N WINDOW ROUNDS         associations set up per second, WINDOW handshakes in flight, the
 *                               clients one {@link HandshakeLoad} (one socket, one thread)
 * setup-endpoints N WINDOW R    the same with N client endpoints of ours (one socket each)
 * throughput LOOPS CLIENTS S L [W]  aggregate goodput of CLIENTS bulk senders of L-byte messages
 *                               into one endpoint served by LOOPS event loops (SO_REUSEPORT), S
 *                               seconds; W the server's receive window per association (default:
 *                               the sockets' buffers shared out, see throughput())
 * </pre>
 *
 * Each prints one line {@code RESULT name value unit}. Server and clients share this JVM and its
 * cores; memory counts both ends of each association and halves the growth.
 */
public final class ScaleBench {

    private static final InetAddress HOST = InetAddress.getLoopbackAddress();
    private static final int SERVER_PORT = 5000;
    private static final int FIRST_CLIENT_PORT = 20_000;
    private static final int SERVER_SOCKET_BUFFER = 4 * 1024 * 1024;

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "memory" -> memory(Integer.parseInt(args[1]));
            case "setup" -> setup(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "setup-endpoints" -> setupWithEndpoints(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
            case "throughput" -> throughput(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 0);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    private static UdpSctpEndpoint server(int loops, AssociationListener listener) throws Exception {
        return server(loops, AssociationConfig.defaults(), listener);
    }

    private static UdpSctpEndpoint server(int loops, AssociationConfig config, AssociationListener listener)
            throws Exception {
        return UdpSctpEndpoint.builder().bindAddress(HOST).udpPort(0).sctpPort(SERVER_PORT).eventLoops(loops)
                .associationConfig(config).socketBufferBytes(SERVER_SOCKET_BUFFER).listener(listener).bind()
                .get(30, TimeUnit.SECONDS);
    }

    private static void memory(int n) throws Exception {
        UdpSctpEndpoint server = server(1, AssociationListener.IGNORE);
        try (ClientFleet fleet = ClientFleet.bind(HOST, n, FIRST_CLIENT_PORT, 1, AssociationConfig.defaults(),
                AssociationListener.IGNORE)) {
            long baseline = JvmResources.retainedHeapBytes();
            List<SctpUdpAssociation> up = connectAll(fleet, server, 500);
            long idle = JvmResources.retainedHeapBytes();
            System.out.println(histogram(25));
            System.out.printf("baseline %d KiB, with %d associations %d KiB%n", baseline / 1024, n, idle / 1024);
            System.out.printf("RESULT heap_per_idle_association %d B%n", (idle - baseline) / (2L * up.size()));
            shutdownAll(up);
        }
        server.close().get(60, TimeUnit.SECONDS);
    }

    /**
     * Setup rate against the server alone: the clients are a {@link HandshakeLoad} (one socket and
     * thread, one SCTP port per client), so their cost is small beside the server's. Prints the
     * wall-clock rate, the server loop's CPU time and allocation per association, and the
     * generator's CPU time per association.
     */
    private static void setup(int n, int window, int rounds) throws Exception {
        UdpSctpEndpoint server = server(1, AssociationListener.IGNORE);
        Thread loop = server.eventLoop().submit(Thread::currentThread).get();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (HandshakeLoad load = new HandshakeLoad(new InetSocketAddress(HOST, server.localUdpPort()), SERVER_PORT,
                n, Math.min(FIRST_CLIENT_PORT, 65536 - n))) {
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                long cpu = threads.getThreadCpuTime(loop.getId());
                long user = threads.getThreadUserTime(loop.getId());
                long allocated = threads.getThreadAllocatedBytes(loop.getId());
                long clientCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                load.connectAll(window);
                double seconds = (System.nanoTime() - start) / 1e9;
                long serverCpu = threads.getThreadCpuTime(loop.getId()) - cpu;
                long serverUser = threads.getThreadUserTime(loop.getId()) - user;
                long serverAllocated = threads.getThreadAllocatedBytes(loop.getId()) - allocated;
                clientCpu = threads.getCurrentThreadCpuTime() - clientCpu;
                if (r >= 0) {
                    System.out.printf("RESULT setup_rate %.0f associations/s%n", n / seconds);
                    System.out.printf("RESULT setup_server_cpu %.1f us/association%n", serverCpu / 1e3 / n);
                    System.out.printf("RESULT setup_server_system_cpu %.1f us/association%n",
                            (serverCpu - serverUser) / 1e3 / n);
                    System.out.printf("RESULT setup_server_allocation %d B/association%n", serverAllocated / n);
                    System.out.printf("RESULT setup_client_cpu %.1f us/association%n", clientCpu / 1e3 / n);
                    System.out.printf("RESULT setup_retransmissions %d%n", load.retransmissions());
                }
                if (server.associations().size() != n) {
                    throw new IllegalStateException(server.associations().size() + " associations, expected " + n);
                }
                load.abortAll();
                awaitNoAssociations(server);
            }
        }
        server.close().get(60, TimeUnit.SECONDS);
    }

    /** The former setup measurement: the clients are n endpoints of ours, one UDP socket each. */
    private static void setupWithEndpoints(int n, int window, int rounds) throws Exception {
        UdpSctpEndpoint server = server(1, AssociationListener.IGNORE);
        Thread loop = server.eventLoop().submit(Thread::currentThread).get();
        var threads = ManagementFactory.getThreadMXBean();
        try (ClientFleet fleet = ClientFleet.bind(HOST, n, FIRST_CLIENT_PORT, 1, AssociationConfig.defaults(),
                AssociationListener.IGNORE)) {
            shutdownAll(connectAll(fleet, server, window)); // warm-up
            for (int r = 0; r < rounds; r++) {
                long cpu = threads.getThreadCpuTime(loop.getId());
                long start = System.nanoTime();
                List<SctpUdpAssociation> up = connectAll(fleet, server, window);
                double seconds = (System.nanoTime() - start) / 1e9;
                long serverCpu = threads.getThreadCpuTime(loop.getId()) - cpu;
                System.out.printf("RESULT setup_rate %.0f associations/s%n", up.size() / seconds);
                System.out.printf("RESULT setup_server_cpu %.1f us/association%n", serverCpu / 1e3 / up.size());
                shutdownAll(up);
            }
        }
        server.close().get(60, TimeUnit.SECONDS);
    }

    private static void awaitNoAssociations(UdpSctpEndpoint server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.associations().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server.associations().size() + " associations left after the ABORTs");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Aggregate goodput of {@code clients} bulk senders into one endpoint. The server's receive
     * window per association is {@code window} bytes, or, when 0, its share of the socket buffers
     * (all of the loops' sockets divided by the clients, halved for the kernel's per-datagram
     * overhead): the associations' windows together then fit in what the sockets can queue, so a
     * busy or descheduled loop makes the senders wait instead of overflowing the socket, and no
     * loss, spurious T3 timeouts and RTO backoff follow (the stall of bench/scale.sh, see
     * docs/PERFORMANCE.md).
     */
    private static void throughput(int loops, int clients, int seconds, int length, int window) throws Exception {
        // One socket's share even with several loops: SO_REUSEPORT may hash most clients to one socket.
        if (seconds < 1) {
            throw new IllegalArgumentException("measure for at least 1 s, not " + seconds);
        }
        int rwnd = window > 0 ? window : Math.max(16 * 1024, SERVER_SOCKET_BUFFER / clients / 2);
        System.out.printf("server receive window %d B per association%n", rwnd);
        AtomicLong received = new AtomicLong();
        java.util.Map<Object, AtomicLong> byLoop = new java.util.concurrent.ConcurrentHashMap<>();
        AssociationConfig serverConfig = AssociationConfig.builder().receiveBufferBytes(rwnd).build();
        UdpSctpEndpoint server = server(loops, serverConfig, (a, e) -> {
            if (e instanceof AssociationEvent.MessageReceived m) {
                received.addAndGet(m.message().payload().length());
                byLoop.computeIfAbsent(a.eventLoop(), k -> new AtomicLong()).addAndGet(m.message().payload().length());
            }
        });
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(1024 * 1024).build();
        OutgoingMessage message = OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[length]));
        try (ClientFleet fleet = ClientFleet.bind(HOST, clients, FIRST_CLIENT_PORT, clientThreads(loops), config,
                new Pump(message))) {
            List<SctpUdpAssociation> up = connectAll(fleet, server, 64);
            for (SctpUdpAssociation a : up) {
                a.call((core, now) -> Pump.fill(core, now, message));
            }
            // Warm-up: the benchmark measures the steady state, after the JIT compiled the hot paths;
            // on a loaded machine that takes CPU time rather than wall time: 2 s, and until the
            // server's loops have had 1.5 s of CPU (at most 30 s).
            long warmStart = System.nanoTime();
            long warmCpu = cpuOf("jsctp-udp-");
            do {
                Thread.sleep(250);
            } while (System.nanoTime() - warmStart < 2_000_000_000L
                    || (cpuOf("jsctp-udp-") - warmCpu < 1_500_000_000L && System.nanoTime() - warmStart < 30_000_000_000L));
            System.out.printf("warm-up %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
            long before = received.get();
            java.util.Map<Object, Long> loopBefore = new java.util.HashMap<>();
            byLoop.forEach((k, v) -> loopBefore.put(k, v.get()));
            long[] cpuBefore = {cpuOf("jsctp-udp-"), cpuOf(ClientFleet.THREAD_PREFIX)};
            long start = System.nanoTime();
            StringBuilder timeline = new StringBuilder("received per 500 ms (MB):");
            long last = before;
            for (int tick = 0; tick < seconds * 2; tick++) {
                Thread.sleep(500);
                long now = received.get();
                timeline.append(String.format(" %.1f", (now - last) / 1e6));
                last = now;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double serverCpu = (cpuOf("jsctp-udp-") - cpuBefore[0]) / 1e9;
            double clientCpu = (cpuOf(ClientFleet.THREAD_PREFIX) - cpuBefore[1]) / 1e9;
            double bytesPerSecond = (received.get() - before) / wall;
            System.out.println(timeline);
            System.out.printf("CPU over %.1f s: server loops %.2f s, client loops %.2f s; load average %s%n", wall,
                    serverCpu, clientCpu, loadAverage());
            System.out.printf("RESULT throughput_%d_loops_server_cpu %.1f us/MB%n", server.eventLoopCount(),
                    serverCpu * 1e6 / Math.max(1, (received.get() - before) / 1e6));
            StringBuilder perLoop = new StringBuilder("per server loop (MB):");
            byLoop.forEach((k, v) -> perLoop.append(String.format(" %.1f", (v.get() - loopBefore.getOrDefault(k, 0L)) / 1e6)));
            System.out.println(perLoop);
            System.out.println("server " + server.counters());
            System.out.println(clientSummary(up));
            System.out.printf("RESULT throughput_%d_loops %.1f MB/s%n", server.eventLoopCount(), bytesPerSecond / 1e6);
        }
        server.close().get(60, TimeUnit.SECONDS);
    }

    /** CPU time so far of the live threads whose names start with {@code prefix}, in ns. */
    private static long cpuOf(String prefix) {
        var mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                total += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The clients get as many event loops as the server has, at least 2. */
    private static int clientThreads(int serverLoops) {
        return Math.max(2, serverLoops);
    }

    /** Loss and window figures of the client associations, for telling a stall's cause. */
    private static String clientSummary(List<SctpUdpAssociation> up) throws Exception {
        long t3 = 0;
        long fast = 0;
        long expiries = 0;
        long minRwnd = Long.MAX_VALUE;
        long minSent = Long.MAX_VALUE;
        long maxSent = 0;
        for (SctpUdpAssociation a : up) {
            AssociationStatistics s = a.call((core, now) -> core.statistics()).get(10, TimeUnit.SECONDS);
            t3 += s.t3Retransmissions();
            fast += s.fastRetransmissions();
            expiries += s.t3Expiries();
            minRwnd = Math.min(minRwnd, s.peerReceiverWindow());
            minSent = Math.min(minSent, s.userBytesSent());
            maxSent = Math.max(maxSent, s.userBytesSent());
        }
        return String.format("clients: T3 expiries %d, T3 retransmissions %d, fast retransmissions %d, "
                + "smallest peer rwnd %d, user bytes sent per association %.1f..%.1f MB", expiries, t3, fast,
                minRwnd, minSent / 1e6, maxSent / 1e6);
    }

    /** Keeps every client's send buffer full from its event loop, refilling when an input leaves room. */
    private static final class Pump implements AssociationListener {
        private final OutgoingMessage message;
        private final java.util.Set<SctpUdpAssociation> scheduled = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Pump(OutgoingMessage message) {
            this.message = message;
        }

        @Override
        public void onEvent(SctpUdpAssociation a, AssociationEvent e) {
        }

        @Override
        public void onInputProcessed(SctpUdpAssociation a) {
            if (a.state() == org.jsctp.core.assoc.AssociationState.ESTABLISHED
                    && a.sendBufferAvailable() >= 256 * 1024 && scheduled.add(a)) {
                a.call((core, now) -> {
                    scheduled.remove(a);
                    return fill(core, now, message);
                });
            }
        }

        static Void fill(Association core, long now, OutgoingMessage message) {
            while (core.state() == org.jsctp.core.assoc.AssociationState.ESTABLISHED
                    && core.sendBufferAvailable() >= message.payload().length()
                    && core.send(message, now) == SendQueue.OfferResult.ACCEPTED) {
                // keep offering
            }
            return null;
        }
    }

    private static List<SctpUdpAssociation> connectAll(ClientFleet fleet, UdpSctpEndpoint server, int window)
            throws Exception {
        List<SctpUdpAssociation> up = new ArrayList<>(fleet.size());
        for (CompletableFuture<SctpUdpAssociation> f : fleet.connectAll(
                new InetSocketAddress(HOST, server.localUdpPort()), SERVER_PORT, window)) {
            up.add(f.get(120, TimeUnit.SECONDS));
        }
        return up;
    }

    private static void shutdownAll(List<SctpUdpAssociation> all) throws Exception {
        List<CompletableFuture<Void>> closes = new ArrayList<>(all.size());
        for (SctpUdpAssociation a : all) {
            closes.add(a.shutdown());
        }
        CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    /** The top of the heap's class histogram (what {@code jcmd GC.class_histogram} prints). */
    private static String histogram(int lines) throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        String[] all = text.toString().split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            out.append(all[i]).append('\n');
        }
        return out.toString();
    }
}
