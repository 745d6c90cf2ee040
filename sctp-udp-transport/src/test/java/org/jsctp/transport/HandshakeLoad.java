package org.jsctp.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.seq.Tsn;

/**
 * A lightweight handshake load generator for the setup-rate benchmark: many client associations
 * on one UDP socket and one thread, told apart by their SCTP source ports (the server names a peer
 * by address and SCTP port, RFC 9260 section 1.3), so that what is measured is the server and not
 * 10,000 client endpoints. Each client sends an INIT, answers the INIT ACK with a COOKIE ECHO of its
 * State Cookie (RFC 9260 section 5.1) and counts as set up on the COOKIE ACK; nothing else of an
 * association is kept. {@link #abortAll()} ends them with an ABORT each (section 9.1).
 *
 * <p>Packets are parsed by offset, not decoded, to keep the generator cheap; a handshake step
 * without an answer for {@link #RETRY_NANOS} is sent again (a datagram dropped by a full socket
 * buffer). Single-threaded; not a test.
 */
final class HandshakeLoad implements AutoCloseable {

    /** How long a handshake step waits for its answer before it is sent again. */
    static final long RETRY_NANOS = 500_000_000L;

    private static final int CHUNK_INIT_ACK = 2;
    private static final int CHUNK_COOKIE_ACK = 11;
    private static final int PARAM_STATE_COOKIE = 7;
    private static final int IDLE = 0;
    private static final int COOKIE_WAIT = 1;
    private static final int COOKIE_ECHOED = 2;
    private static final int ESTABLISHED = 3;

    private final DatagramChannel channel;
    private final Selector selector;
    private final int serverSctpPort;
    private final int firstPort;
    private final int[] state;
    private final int[] peerTag;
    private final byte[][] cookie;
    private final long[] sentAt;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536);
    private final ByteBuffer out = ByteBuffer.allocateDirect(65536);
    private long retransmissions;
    private int established;

    /**
     * @param server the server's UDP address
     * @param serverSctpPort the server's SCTP port
     * @param count how many client associations (SCTP source ports {@code firstPort} onwards)
     * @param firstPort the first client's SCTP port
     */
    HandshakeLoad(InetSocketAddress server, int serverSctpPort, int count, int firstPort) throws IOException {
        if (firstPort < 1 || firstPort + count - 1 > 65535) {
            throw new IllegalArgumentException("not enough SCTP ports from " + firstPort + " for " + count);
        }
        this.serverSctpPort = serverSctpPort;
        this.firstPort = firstPort;
        this.state = new int[count];
        this.peerTag = new int[count];
        this.cookie = new byte[count][];
        this.sentAt = new long[count];
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 8 * 1024 * 1024);
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        channel.connect(server);
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    /** How many client associations the generator has. */
    int size() {
        return state.length;
    }

    /** How many handshake steps were sent again since the generator was made. */
    long retransmissions() {
        return retransmissions;
    }

    /**
     * Sets every client up, at most {@code window} handshakes in flight; returns when all are
     * established (the COOKIE ACK arrived).
     */
    void connectAll(int window) throws IOException {
        Arrays.fill(state, IDLE);
        int next = 0;
        int inFlight = 0;
        established = 0;
        long lastScan = System.nanoTime();
        while (established < state.length) {
            while (inFlight < window && next < state.length) {
                sendInit(next++);
                inFlight++;
            }
            int before = established;
            int read = receive();
            inFlight -= established - before;
            if (read == 0 && (inFlight >= window || next == state.length)) {
                selector.select(RETRY_NANOS / 4_000_000); // wait for answers instead of spinning
                selector.selectedKeys().clear();
            }
            long now = System.nanoTime();
            if (now - lastScan > RETRY_NANOS / 4) {
                lastScan = now;
                retry(next, now);
            }
        }
    }

    /** Ends every established client with an ABORT (RFC 9260 section 9.1). */
    void abortAll() throws IOException {
        List<Chunk> abort = List.of(new AbortChunk(false, false, List.of()));
        for (int i = 0; i < state.length; i++) {
            if (state[i] == ESTABLISHED) {
                send(i, peerTag[i], abort);
                state[i] = IDLE;
            }
        }
    }

    private void sendInit(int i) throws IOException {
        state[i] = COOKIE_WAIT;
        sentAt[i] = System.nanoTime();
        // Our tag names the client: i + 1 is never 0 and tells the answer's client at once.
        send(i, 0, List.of(new InitChunk(i + 1, 1 << 20, 10, 10, new Tsn(i), List.of())));
    }

    private void sendCookieEcho(int i) throws IOException {
        state[i] = COOKIE_ECHOED;
        sentAt[i] = System.nanoTime();
        send(i, peerTag[i], List.of(new CookieEchoChunk(Bytes.wrap(cookie[i]))));
    }

    private void send(int i, int tag, List<Chunk> chunks) throws IOException {
        out.clear();
        PacketEncoder.encode(out, firstPort + i, serverSctpPort, tag, chunks, false);
        out.flip();
        while (channel.write(out) == 0) {
            Thread.onSpinWait(); // the socket's send buffer is full for a moment
        }
    }

    /** Reads what is queued (up to a batch); returns how many datagrams it read. */
    private int receive() throws IOException {
        int read = 0;
        for (; read < 256; read++) {
            in.clear();
            if (channel.read(in) <= 0) {
                break;
            }
            in.flip();
            onPacket(in);
        }
        return read;
    }

    private void onPacket(ByteBuffer p) throws IOException {
        if (p.remaining() < 16) {
            return;
        }
        int i = p.getInt(4) - 1; // the verification tag is our Initiate Tag
        if (i < 0 || i >= state.length || (p.getShort(2) & 0xFFFF) != firstPort + i) {
            return;
        }
        int type = p.get(12) & 0xFF;
        if (type == CHUNK_INIT_ACK && state[i] == COOKIE_WAIT) {
            peerTag[i] = p.getInt(16);
            cookie[i] = stateCookie(p, 12 + (p.getShort(14) & 0xFFFF));
            if (cookie[i] != null) {
                sendCookieEcho(i);
            }
        } else if (type == CHUNK_COOKIE_ACK && state[i] == COOKIE_ECHOED) {
            state[i] = ESTABLISHED;
            cookie[i] = null;
            established++;
        }
    }

    /** The State Cookie parameter's value among the INIT ACK's parameters, or null. */
    private static byte[] stateCookie(ByteBuffer p, int chunkEnd) {
        int at = 12 + 20;
        while (at + 4 <= Math.min(chunkEnd, p.limit())) {
            int type = p.getShort(at) & 0xFFFF;
            int length = p.getShort(at + 2) & 0xFFFF;
            if (length < 4) {
                return null;
            }
            if (type == PARAM_STATE_COOKIE) {
                byte[] value = new byte[length - 4];
                p.get(at + 4, value);
                return value;
            }
            at += (length + 3) & ~3;
        }
        return null;
    }

    private void retry(int started, long now) throws IOException {
        for (int i = 0; i < started; i++) {
            if ((state[i] == COOKIE_WAIT || state[i] == COOKIE_ECHOED) && now - sentAt[i] > RETRY_NANOS) {
                retransmissions++;
                if (state[i] == COOKIE_WAIT) {
                    sendInit(i);
                } else {
                    sendCookieEcho(i);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
