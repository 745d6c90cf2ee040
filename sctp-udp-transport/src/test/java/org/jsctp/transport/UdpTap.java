package org.jsctp.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.packet.Crc32c;

/**
 * A capture on the wire for tests: a UDP relay between two SCTP-over-UDP endpoints on loopback
 * that records every datagram it forwards. Side A talks to {@link #portForA()}, side B to
 * {@link #portForB()}; each datagram from one side leaves towards the other from the socket the
 * other side talks to, so both see the relay as their peer (RFC 6951 port learning included).
 */
final class UdpTap implements AutoCloseable {

    /** A datagram the relay forwarded: from A to B or the other way. */
    record Datagram(boolean fromA, byte[] bytes) {
        int checksum() {
            return ByteBuffer.wrap(bytes).getInt(Crc32c.CHECKSUM_OFFSET);
        }

        boolean zeroChecksum() {
            return checksum() == 0;
        }

        boolean correctCrc32c() {
            return checksum() == Crc32c.compute(bytes, 0, bytes.length);
        }

        /** Whether the packet holds a chunk of {@code type}, walking the chunk headers (RFC 9260 section 3.2). */
        boolean hasChunk(int type) {
            int at = 12;
            while (at + 4 <= bytes.length) {
                int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
                if ((bytes[at] & 0xFF) == type) {
                    return true;
                }
                if (length < 4) {
                    return false;
                }
                at += (length + 3) & ~3;
            }
            return false;
        }

        /** The type of the packet's first chunk (RFC 9260 section 3.2). */
        int firstChunkType() {
            return bytes.length > 12 ? bytes[12] & 0xFF : -1;
        }
    }

    private final DatagramSocket facingA;
    private final DatagramSocket facingB;
    private final InetSocketAddress b;
    private volatile InetSocketAddress a;
    private final List<Datagram> seen = new ArrayList<>();
    private final Thread fromA;
    private final Thread fromB;
    private java.util.function.Predicate<Datagram> drop = d -> false;
    private int dropsLeft;
    private int dropped;

    /**
     * @param host the loopback address
     * @param b side B's UDP address; side A is learned from its first datagram
     */
    UdpTap(InetAddress host, InetSocketAddress b) throws SocketException {
        this(host, null, b);
    }

    /**
     * @param host the loopback address
     * @param a side A's UDP address, or null to learn it from its first datagram
     * @param b side B's UDP address
     */
    UdpTap(InetAddress host, InetSocketAddress a, InetSocketAddress b) throws SocketException {
        this.a = a;
        this.facingA = new DatagramSocket(new InetSocketAddress(host, 0));
        this.facingB = new DatagramSocket(new InetSocketAddress(host, 0));
        this.b = b;
        this.fromA = start(() -> relay(facingA, true), "udp-tap-from-a");
        this.fromB = start(() -> relay(facingB, false), "udp-tap-from-b");
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Side A's peer address: side A sends here. */
    int portForA() {
        return facingA.getLocalPort();
    }

    /** Side B's peer address: side B sends here. */
    int portForB() {
        return facingB.getLocalPort();
    }

    /**
     * Drops the next {@code count} datagrams that {@code which} accepts instead of forwarding them
     * (a scripted loss, to make gaps); dropped ones are not in {@link #seen()}.
     */
    synchronized void dropNext(int count, java.util.function.Predicate<Datagram> which) {
        this.drop = which;
        this.dropsLeft = count;
    }

    /** How many datagrams {@link #dropNext} dropped so far. */
    synchronized int dropped() {
        return dropped;
    }

    /** Every datagram forwarded so far, in order. */
    synchronized List<Datagram> seen() {
        return List.copyOf(seen);
    }

    private void relay(DatagramSocket in, boolean isFromA) {
        byte[] buf = new byte[65_536];
        while (!in.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                in.receive(p);
                byte[] bytes = Arrays.copyOf(p.getData(), p.getLength());
                InetSocketAddress to;
                if (isFromA) {
                    a = (InetSocketAddress) p.getSocketAddress();
                    to = b;
                } else {
                    to = a;
                    if (to == null) {
                        continue; // nothing from A yet: nowhere to forward
                    }
                }
                synchronized (this) {
                    Datagram d = new Datagram(isFromA, bytes);
                    if (dropsLeft > 0 && drop.test(d)) {
                        dropsLeft--;
                        dropped++;
                        continue;
                    }
                    seen.add(d);
                }
                (isFromA ? facingB : facingA).send(new DatagramPacket(bytes, bytes.length, to));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        facingA.close();
        facingB.close();
        fromA.join();
        fromB.join();
    }
}
