package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * A long transfer (issue 5): one association moves tens of megabytes (gigabytes with the soak
 * switch) of messages of 1 B to 16 KiB on two ordered streams, the send buffer kept full from the
 * event loop. Every message arrives once, intact, in order on its stream; afterwards no thread or
 * ByteBuf is left.
 */
class LongTransferSoakTest {

    private static final long BYTES = Long.getLong("jsctp.transfer.mb", Soak.pick(32, 4096)) * 1024L * 1024;
    private static final int MAX_MESSAGE = 16 * 1024;
    private static final long T = Long.getLong("jsctp.transfer.timeout", Soak.pick(300, 3600));

    @Test
    void everyMessageArrivesOnceIntactInOrder() throws Exception {
        Set<Thread> threadsBefore = JvmResources.liveThreads();
        InetAddress host = InetAddress.getByName("127.0.0.1");
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(4L * 1024 * 1024).build();
        Messages messages = new Messages(BYTES);
        Checker checker = new Checker(messages);
        Pump pump = new Pump(messages);
        try (LeakWatch leaks = new LeakWatch(); Endpoints endpoints = new Endpoints()) {
            UdpSctpEndpoint server = endpoints.bind(host, 5000, checker, TransportType.AUTO, config);
            UdpSctpEndpoint client = endpoints.bind(host, 5001, pump, TransportType.AUTO, config);
            SctpUdpAssociation c = client.connect(Endpoints.addressOf(server, host), 5000).get(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            pump.start(c);
            try {
                checker.done().get(T, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("transfer stalled: " + pump.next + " of " + messages.count() + " offered, "
                        + checker.received + " received, send buffer available " + c.sendBufferAvailable()
                        + ", state " + c.state() + "; sender " + c.call((core, now) -> core.statistics() + " rwnd="
                        + core.peerReceiverWindow() + " cwnd=" + core.cwnd() + " buffered=" + core.bufferedAmount()
                        + " deadline in " + (core.nextDeadline() - now) / 1_000_000 + " ms").get(5, TimeUnit.SECONDS)
                        + "; receiver " + server.associations().get(0).call((core, now) -> core.statistics()
                        + " receivedBuffered=" + core.receivedBufferedAmount()).get(5, TimeUnit.SECONDS), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("LongTransferSoakTest: %d messages, %d MB in %.1f s (%.1f MB/s, leak detection PARANOID)%n",
                    messages.count(), checker.bytes() / 1_000_000, seconds, checker.bytes() / seconds / 1e6);
            assertThat(checker.problems()).isEmpty();
            assertThat(checker.bytes()).isEqualTo(messages.totalBytes());
            c.shutdown().get(30, TimeUnit.SECONDS);
            endpoints.close();
            assertThat(leaks.leaksAfterGc()).isEmpty();
        }
        assertThat(JvmResources.threadsLeftSince(threadsBefore, 30_000)).isEmpty();
    }

    /** The messages: seeded sizes, stream by parity, a sequence number and bytes derived from it. */
    private static final class Messages {
        private final int[] sizes;
        private final long totalBytes;

        Messages(long bytes) {
            SplittableRandom random = new SplittableRandom(42);
            int[] s = new int[1024];
            long total = 0;
            int n = 0;
            while (total < bytes) {
                if (n == s.length) {
                    s = java.util.Arrays.copyOf(s, 2 * n);
                }
                int size = random.nextInt(8) == 0 ? 1 + random.nextInt(16) : 8 + random.nextInt(MAX_MESSAGE - 7);
                s[n++] = Math.max(size, 8);
                total += s[n - 1];
            }
            this.sizes = java.util.Arrays.copyOf(s, n);
            this.totalBytes = total;
        }

        int count() {
            return sizes.length;
        }

        long totalBytes() {
            return totalBytes;
        }

        OutgoingMessage message(int seq) {
            return OutgoingMessage.of(seq % 2, 0, false, Bytes.wrap(payload(seq)));
        }

        int size(int seq) {
            return sizes[seq];
        }

        byte[] payload(int seq) {
            byte[] b = new byte[sizes[seq]];
            ByteBuffer.wrap(b).putInt(seq).putInt(sizes[seq]);
            for (int i = 8; i < b.length; i++) {
                b[i] = (byte) (seq * 131 + i);
            }
            return b;
        }
    }

    /** Keeps the client's send buffer full, on the event loop, whenever an input leaves room. */
    private static final class Pump implements AssociationListener {
        private final Messages messages;
        private volatile SctpUdpAssociation association;
        private volatile int next; // written on the event loop only
        private boolean scheduled; // event loop only

        Pump(Messages messages) {
            this.messages = messages;
        }

        void start(SctpUdpAssociation a) {
            association = a;
            a.call(this::fill);
        }

        @Override
        public void onEvent(SctpUdpAssociation a, AssociationEvent e) {
        }

        @Override
        public void onInputProcessed(SctpUdpAssociation a) {
            if (a == association && !scheduled && next < messages.count()
                    && a.sendBufferAvailable() >= Math.max(messages.size(next), 256 * 1024)) {
                scheduled = true;
                a.call(this::fill);
            }
        }

        private Void fill(Association core, long now) {
            scheduled = false;
            while (next < messages.count() && core.sendBufferAvailable() >= messages.size(next)) {
                if (core.send(messages.message(next), now) != SendQueue.OfferResult.ACCEPTED) {
                    break;
                }
                next++;
            }
            return null;
        }
    }

    /** Checks every message on arrival; joins pieces of a message delivered partially. */
    private static final class Checker implements AssociationListener {
        private final Messages messages;
        private final Map<Integer, Integer> nextOnStream = new HashMap<>();
        private final Map<Integer, ByteArrayOutputStream> pieces = new HashMap<>();
        private final StringBuilder problems = new StringBuilder();
        private final AtomicLong bytes = new AtomicLong();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile int received;

        Checker(Messages messages) {
            this.messages = messages;
        }

        @Override
        public synchronized void onEvent(SctpUdpAssociation a, AssociationEvent e) {
            if (!(e instanceof AssociationEvent.MessageReceived m)) {
                return;
            }
            ReceivedMessage r = m.message();
            byte[] payload = r.payload().toByteArray();
            if (!r.complete() || pieces.containsKey(r.streamId())) {
                pieces.computeIfAbsent(r.streamId(), k -> new ByteArrayOutputStream()).writeBytes(payload);
                if (!r.complete()) {
                    return;
                }
                payload = pieces.remove(r.streamId()).toByteArray();
            }
            int seq = ByteBuffer.wrap(payload).getInt();
            int expected = nextOnStream.getOrDefault(r.streamId(), r.streamId());
            if (seq != expected || seq >= messages.count() || !java.util.Arrays.equals(payload, messages.payload(seq))) {
                if (problems.length() < 2000) {
                    problems.append("stream ").append(r.streamId()).append(": got message ").append(seq)
                            .append(" (").append(payload.length).append(" B), expected ").append(expected).append('\n');
                }
            }
            nextOnStream.put(r.streamId(), seq + 2);
            bytes.addAndGet(payload.length);
            if (++received == messages.count()) {
                done.complete(null);
            }
        }

        CompletableFuture<Void> done() {
            return done;
        }

        synchronized String problems() {
            return problems.toString();
        }

        long bytes() {
            return bytes.get();
        }
    }
}
