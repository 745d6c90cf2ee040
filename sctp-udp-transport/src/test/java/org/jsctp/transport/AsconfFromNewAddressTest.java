package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsctp.core.assoc.AddressRequestStatus;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.LocalAddressRequest;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 5061 section 5.2 rules L1 to L4 over UDP: a single-homed peer on 127.0.0.1 sends an ASCONF
 * adding 127.0.0.2 from 127.0.0.2, an address the association does not know, so the normal lookup
 * (L1) finds nothing; the endpoint finds the association by the ASCONF's Address Parameter (L2),
 * checks the tag (L4) and answers at the new address. The peer is a core {@link Association} on
 * two plain UDP sockets, one per address, the test choosing which socket each packet leaves from.
 */
class AsconfFromNewAddressTest {

    private static final long PATIENCE_MS = 10_000;
    private static final int SERVER_PORT = 7;
    private static final int PEER_PORT = 5000;

    private final EventRecorder events = new EventRecorder();
    private final PacketDecoder decoder = PacketDecoder.strict();
    private Endpoints endpoints;
    private InetSocketAddress server;
    private DatagramSocket first;
    private DatagramSocket second;
    private Association peer;

    private static AssociationConfig asconfWithAuth(List<InetAddress> locals) {
        // RFC 5061 section 4.1.1: ASCONF only with AUTH.
        return AssociationConfig.defaults().toBuilder().localAddresses(locals).asconfSupported(true)
                .auth(AuthConfig.DEFAULTS).plpmtudEnabled(false).build();
    }

    @BeforeEach
    void establish() throws Exception {
        InetAddress loopback1 = InetAddress.getByName("127.0.0.1");
        endpoints = new Endpoints();
        UdpSctpEndpoint e = endpoints.bind(loopback1, SERVER_PORT, events, TransportType.AUTO,
                asconfWithAuth(List.of()));
        server = Endpoints.addressOf(e, loopback1);
        first = new DatagramSocket(new InetSocketAddress(loopback1, 0));
        second = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        peer = Association.connect(asconfWithAuth(List.of(loopback1)), new SeededRandomSource(11), PEER_PORT,
                SERVER_PORT, System.nanoTime());
        sendAll(first);
        while (peer.state() != AssociationState.ESTABLISHED) {
            receive(first, p -> true);
            sendAll(first);
        }
        events.when(AssociationEvent.CommunicationUp.class).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertThat(peer.asconfNegotiated()).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        first.close();
        second.close();
        endpoints.close();
    }

    @Test
    void anAsconfFromTheAddressItAddsFindsItsAssociationByItsAddressParameter() throws Exception {
        InetAddress added = InetAddress.getByName("127.0.0.2");
        OutgoingPacket asconf = addAddress(added);
        send(second, asconf, asconf.verificationTag());

        SctpPacket answer = receive(second, AsconfFromNewAddressTest::isAckOrAbort);
        assertThat(answer.chunks()).anyMatch(c -> c instanceof AsconfAckChunk); // rule C5: to its source, its UDP port
        assertThat(localChanges()).singleElement().satisfies(c -> {
            assertThat(c.address()).isEqualTo(added);
            assertThat(c.request()).isEqualTo(LocalAddressRequest.ADD);
            assertThat(c.success()).isTrue();
        });
        events.when(r -> r.event() instanceof AssociationEvent.PeerAddressChange ch && ch.address().equals(added)
                && ch.state() == PeerAddressState.ADDED).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void anAsconfFoundByItsAddressParameterButCarryingAnotherTagIsSilentlyDiscarded() throws Exception {
        OutgoingPacket asconf = addAddress(InetAddress.getByName("127.0.0.2"));
        send(second, asconf, peer.peerTag() + 1); // rule L4: not the association's tag
        send(second, asconf, peer.peerTag());

        // Had the first been answered (an ABORT, as out of the blue), its answer would come first.
        SctpPacket answer = receive(second, AsconfFromNewAddressTest::isAckOrAbort);
        assertThat(answer.chunks()).noneMatch(c -> c instanceof AbortChunk).anyMatch(c -> c instanceof AsconfAckChunk);
        assertThat(peer.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void anAsconfWhoseAddressParameterNamesNoAssociationIsOutOfTheBlue() throws Exception {
        OutgoingPacket asconf = addAddress(InetAddress.getByName("127.0.0.2"));
        List<Chunk> elsewhere = new ArrayList<>();
        for (Chunk c : asconf.chunks()) {
            elsewhere.add(c instanceof AsconfChunk a
                    ? new AsconfChunk(a.serialNumber(), InetAddress.getByName("127.0.0.9"), a.parameters()) : c);
        }
        send(second, new OutgoingPacket(asconf.sourcePort(), asconf.destinationPort(), asconf.verificationTag(),
                elsewhere, false, null), peer.peerTag());

        // Rule L3: RFC 9260 section 8.4 rule 8, an ABORT with the T bit and the packet's own tag.
        SctpPacket answer = receive(second, AsconfFromNewAddressTest::isAckOrAbort);
        assertThat(answer.verificationTag()).isEqualTo(peer.peerTag());
        assertThat(answer.firstChunk()).isInstanceOfSatisfying(AbortChunk.class,
                a -> assertThat(a.reflectedTag()).isTrue());
    }

    private static boolean isAckOrAbort(SctpPacket p) {
        return p.chunks().stream().anyMatch(c -> c instanceof AsconfAckChunk || c instanceof AbortChunk);
    }

    /** Asks the peer to add {@code address} and takes the ASCONF it queues (AUTH and ASCONF). */
    private OutgoingPacket addAddress(InetAddress address) {
        assertThat(peer.addLocalAddress(address, System.nanoTime())).isEqualTo(AddressRequestStatus.QUEUED);
        OutgoingPacket p = peer.pollTransmit();
        assertThat(p).isNotNull();
        assertThat(p.chunks()).anyMatch(c -> c instanceof AsconfChunk a && a.address().getHostAddress()
                .equals("127.0.0.1")); // the sender's address already in the association
        return p;
    }

    private List<AssociationEvent.LocalAddressChange> localChanges() {
        List<AssociationEvent.LocalAddressChange> out = new ArrayList<>();
        for (AssociationEvent e; (e = peer.pollEvent()) != null; ) {
            if (e instanceof AssociationEvent.LocalAddressChange c) {
                out.add(c);
            }
        }
        return out;
    }

    private void sendAll(DatagramSocket from) throws IOException {
        for (OutgoingPacket p; (p = peer.pollTransmit()) != null; ) {
            send(from, p, p.verificationTag());
        }
    }

    private void send(DatagramSocket from, OutgoingPacket p, int tag) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
        PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), tag, p.chunks(), p.zeroChecksum());
        from.send(new DatagramPacket(b.array(), b.position(), server));
    }

    /**
     * Hands the peer every packet that arrives on {@code on} (answering on the first socket), up
     * to and including the first that {@code wanted} accepts, and returns that one.
     */
    private SctpPacket receive(DatagramSocket on, Predicate<SctpPacket> wanted) throws IOException, DecodeException {
        on.setSoTimeout((int) PATIENCE_MS);
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket d = new DatagramPacket(buffer, buffer.length);
            try {
                on.receive(d);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("nothing wanted arrived at " + on.getLocalSocketAddress(), e);
            }
            SctpPacket p = decoder.decode(Arrays.copyOf(d.getData(), d.getLength()));
            peer.handlePacket(p, d.getAddress(), System.nanoTime());
            sendAll(first);
            if (wanted.test(p)) {
                return p;
            }
        }
    }
}
