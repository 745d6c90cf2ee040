import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Locale;

/**
 * The physical limit for the performance comparison (issue 6): how fast plain UDP datagrams of a
 * given size move between two processes on loopback. The receiver counts what arrives; the
 * sender sends as fast as the socket takes it. Run with the JDK's single-file launcher:
 *
 * <pre>
 *   java bench/udp/UdpBlaster.java receive PORT SECONDS
 *   java bench/udp/UdpBlaster.java send HOST PORT LENGTH SECONDS
 * </pre>
 *
 * The receiver prints one line, {@code udp goodput LENGTH bytes: X Byte/sec (N datagrams)}, for
 * the interval from its first to its last datagram; it stops after SECONDS without traffic
 * following traffic, or SECONDS in all if nothing came.
 */
public final class UdpBlaster {

    private static final int BUFFER = 4 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("receive")) {
            receive(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 5 && args[0].equals("send")) {
            send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: UdpBlaster receive PORT SECONDS | send HOST PORT LENGTH SECONDS");
            System.exit(2);
        }
    }

    private static void receive(int port, int idleSeconds) throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER);
            ch.bind(new InetSocketAddress("127.0.0.1", port));
            ch.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocateDirect(65536);
            long first = 0;
            long last = 0;
            long bytes = 0;
            long datagrams = 0;
            long length = 0;
            long started = System.nanoTime();
            long idleNanos = idleSeconds * 1_000_000_000L;
            while (true) {
                buf.clear();
                if (ch.receive(buf) != null) {
                    long now = System.nanoTime();
                    if (datagrams++ == 0) {
                        first = now;
                    }
                    last = now;
                    length = buf.position();
                    bytes += length;
                    continue;
                }
                long now = System.nanoTime();
                if (datagrams > 0 ? now - last > idleNanos / 4 + 200_000_000L : now - started > idleNanos) {
                    break;
                }
                Thread.onSpinWait();
            }
            // The first datagram opens the interval, so it is not counted in the rate.
            double seconds = (last - first) / 1e9;
            double rate = seconds > 0 ? (bytes - length) / seconds : 0;
            System.out.println(String.format(Locale.ROOT, "udp goodput %d bytes: %f Byte/sec (%d datagrams)",
                    length, rate, datagrams));
        }
    }

    private static void send(String host, int port, int length, int seconds) throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER);
            ch.connect(new InetSocketAddress(host, port));
            ByteBuffer payload = ByteBuffer.allocateDirect(length);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long sent = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 64; i++) {
                    payload.clear();
                    ch.write(payload);
                    sent++;
                }
            }
            System.out.println(String.format(Locale.ROOT, "udp sent %d datagrams of %d bytes", sent, length));
        }
    }
}
