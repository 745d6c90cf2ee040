package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;

/**
 * The tester side of a conformance test: a UDP socket on loopback that sends crafted SCTP packets
 * (RFC 6951 encapsulation: the SCTP packet is the UDP payload) to the endpoint under test and
 * decodes, one by one, the packets the endpoint sends back.
 *
 * <p>Every receive is bounded by {@link #PATIENCE}, long enough for a loaded machine; only
 * {@link #expectNothingFor} waits for the full time, and it is used where the protocol says the
 * endpoint is silent. Where possible a test proves silence with {@link #expectNothingBeforeMarker}
 * instead, which does not wait at all.
 */
final class Tester implements AutoCloseable {

    /** How long any expected packet may take to arrive. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    /** The SCTP port the tester uses unless a test picks another. */
    static final int SCTP_PORT = 6000;
    /** The SCTP port of the marker packets: no association ever uses it. */
    static final int MARKER_PORT = 65000;

    /** The tester's second address once it has one: Linux routes all of 127.0.0.0/8 to the loopback interface. */
    static final String SECOND_HOST = "127.0.0.2";

    private final DatagramSocket socket;
    /** The socket on {@link #SECOND_HOST}, or null while the tester has one address. */
    private DatagramSocket second;
    private final InetSocketAddress target;
    private final int sctpPort;
    private final int peerSctpPort;
    private final PacketDecoder decoder = PacketDecoder.strict();
    private final List<String> transcript = new ArrayList<>();
    private int markers;
    private boolean tolerateCrossedRetransmissions;

    /** A tester on 127.0.0.1 and a free UDP port, sending from {@code sctpPort} to the endpoint's {@code peerSctpPort}. */
    Tester(InetSocketAddress target, int sctpPort, int peerSctpPort) {
        try {
            this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.target = target;
        this.sctpPort = sctpPort;
        this.peerSctpPort = peerSctpPort;
    }

    /** Where the endpoint under test reaches this tester. */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Makes the tester multi-homed: a second socket on {@link #SECOND_HOST} at the UDP port of
     * the first, as a host with several addresses has one encapsulation port for all of them (the
     * endpoint sends to a peer address it has not heard from at the association's remote UDP port,
     * RFC 6951 section 5.4). Returns the second address.
     */
    InetSocketAddress addSecondAddress() {
        if (second == null) {
            try {
                second = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(SECOND_HOST),
                        address().getPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secondAddress();
    }

    /** The second address ({@link #addSecondAddress()}). */
    InetSocketAddress secondAddress() {
        return (InetSocketAddress) second.getLocalSocketAddress();
    }

    int sctpPort() {
        return sctpPort;
    }

    int peerSctpPort() {
        return peerSctpPort;
    }

    /**
     * Whether packets that only repeat DATA the tester already acknowledged may be skipped (see
     * {@link TesterAssociation#next()}): for endpoints whose retransmission timer is not what the
     * test is about, so a slow tester does not fail a test by being overtaken.
     */
    boolean toleratesCrossedRetransmissions() {
        return tolerateCrossedRetransmissions;
    }

    void tolerateCrossedRetransmissions(boolean tolerate) {
        this.tolerateCrossedRetransmissions = tolerate;
    }

    /** Sends one packet from our SCTP port to the endpoint's, with {@code tag} and a correct CRC32C. */
    void send(int tag, Chunk... chunks) {
        send(sctpPort, tag, List.of(chunks));
    }

    /** Sends one packet from SCTP port {@code fromPort} with {@code tag} and a correct CRC32C. */
    void send(int fromPort, int tag, List<? extends Chunk> chunks) {
        send(socket, fromPort, tag, chunks);
    }

    private void send(DatagramSocket from, int fromPort, int tag, List<? extends Chunk> chunks) {
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(chunks));
        PacketEncoder.encode(b, fromPort, peerSctpPort, tag, chunks, false);
        transcript.add("sent " + (from == socket ? "" : "from " + SECOND_HOST + " ") + "vtag=0x"
                + Integer.toHexString(tag) + " " + fromPort + "->" + peerSctpPort + ": " + Received.names(chunks));
        sendBytes(from, b.array());
    }

    /** Sends one packet, as {@link #send(int, Chunk...)}, from the second address. */
    void sendFromSecond(int tag, Chunk... chunks) {
        send(second, sctpPort, tag, List.of(chunks));
    }

    /** Sends a datagram exactly as given: malformed packets, wrong checksums. */
    void sendBytes(byte[] datagram) {
        sendBytes(socket, datagram);
    }

    private void sendBytes(DatagramSocket from, byte[] datagram) {
        try {
            from.send(new DatagramPacket(datagram, datagram.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes a packet from our SCTP port to the endpoint's, for tests that alter the bytes. */
    byte[] encode(int tag, Chunk... chunks) {
        return PacketEncoder.toByteArray(new SctpPacket(
                CommonHeader.of(sctpPort, peerSctpPort, tag), List.of(chunks)));
    }

    /** The next packet from the endpoint, within {@link #PATIENCE}. */
    Received next() {
        return receive(PATIENCE).orElseGet(() -> fail("expected a packet from the endpoint within " + PATIENCE
                + "; transcript so far:\n" + transcript()));
    }

    /** The next packet from the endpoint to the second address, within {@link #PATIENCE}. */
    Received nextOnSecond() {
        return receive(second, PATIENCE).orElseGet(() -> fail("expected a packet at " + SECOND_HOST + " within "
                + PATIENCE + "; transcript so far:\n" + transcript()));
    }

    /** The next packet, which must hold exactly one chunk, a {@code type}; returns the chunk. */
    <T extends Chunk> T expect(Class<T> type) {
        return next().single(type);
    }

    /** No packet arrives within {@code wait}; for the places where the protocol says silence, kept short. */
    void expectNothingFor(Duration wait) {
        receive(wait).ifPresent(r -> fail("expected silence for " + wait + " but got " + r + "; transcript:\n"
                + transcript()));
    }

    /**
     * Proves the endpoint answered nothing to what was sent before, without waiting: sends an
     * out-of-the-blue SHUTDOWN ACK from {@link #MARKER_PORT}, which the endpoint must answer with
     * a SHUTDOWN COMPLETE with the T bit and the marker's tag (RFC 9260 section 8.4 rule 5). The
     * endpoint handles datagrams in order on one event loop, so any answer to the earlier packets
     * would arrive before the marker's. It is also how a test orders its own packets before a
     * call of our user's, which runs as an event-loop task and could otherwise overtake them.
     */
    void expectNothingBeforeMarker() {
        int tag = 0x3A5E_0000 + ++markers;
        send(MARKER_PORT, tag, List.of(ShutdownAckChunk.INSTANCE));
        Received r = next();
        assertThat(r.chunks()).as("the endpoint's next packet, %s, must answer the marker", r)
                .containsExactly(new ShutdownCompleteChunk(true));
        assertThat(r.tag()).as("marker tag").isEqualTo(tag);
        assertThat(r.header().destinationPort()).isEqualTo(MARKER_PORT);
    }

    /** What was sent and received so far, for failure messages. */
    String transcript() {
        return String.join("\n", transcript);
    }

    private Optional<Received> receive(Duration wait) {
        return receive(socket, wait);
    }

    private Optional<Received> receive(DatagramSocket on, Duration wait) {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            on.setSoTimeout((int) Math.max(1, wait.toMillis()));
            on.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = Arrays.copyOf(buf, p.getLength());
        try {
            SctpPacket packet = decoder.decode(bytes);
            Received r = new Received(packet.header(), packet.chunks());
            transcript.add((on == socket ? "received " : "received at " + SECOND_HOST + " ") + r);
            return Optional.of(r);
        } catch (DecodeException e) {
            return fail("the endpoint sent a datagram that does not decode (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        socket.close();
        if (second != null) {
            second.close();
        }
    }
}
