package org.jsctp.core.sim.multipath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.core.assoc.AddressRequestStatus;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.LocalAddressRequest;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.DeleteSourceAddressCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.sim.ChunkWalk;
import org.jsctp.core.sim.LinkProfile;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * ASCONF (RFC 5061) wired into associations, in virtual time: a client adds, uses, deletes its
 * addresses and sets the server's primary on a live association, with AUTH (RFC 4895) on both
 * sides as section 4.1.1 requires; replayed, unauthenticated and badly authenticated ASCONFs are
 * discarded; T-4 retransmits under loss; refused deletions carry the right causes.
 */
class AsconfSimTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int CHUNK_ASCONF = 0xC1;
    private static final int CHUNK_ASCONF_ACK = 0x80;
    private static final InetAddress C1 = ip("10.0.1.1");
    private static final InetAddress C2 = ip("10.0.2.1");
    private static final InetAddress C3 = ip("10.0.3.1");
    private static final InetAddress S1 = ip("10.0.1.2");
    private static final InetAddress S2 = ip("10.0.2.2");

    private MultiHomedSimHost client;
    private MultiHomedSimHost server;
    private MultiPathSimNetwork net;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static AssociationConfig config(List<InetAddress> locals, boolean asconf) {
        return AssociationConfig.builder().localAddresses(locals).pathMaxRetransmits(5).associationMaxRetransmits(10)
                .plpmtudEnabled(false).auth(AuthConfig.DEFAULTS).asconfSupported(asconf).build();
    }

    /** A client with host addresses C1, C2 (listing {@code clientLocals} in its INIT) and a server on S1 (and S2). */
    private Association establish(List<InetAddress> clientLocals, boolean clientAsconf, boolean serverAsconf) {
        return establish(clientLocals, clientAsconf, serverAsconf, List.of(S1));
    }

    private Association establish(List<InetAddress> clientLocals, boolean clientAsconf, boolean serverAsconf,
                                  List<InetAddress> serverAddresses) {
        client = new MultiHomedSimHost("client", new Endpoint(EndpointConfig.of(5000, config(clientLocals, clientAsconf)),
                new SeededRandomSource(1), 0), List.of(C1, C2));
        server = new MultiHomedSimHost("server", new Endpoint(EndpointConfig.of(7, config(serverAddresses,
                serverAsconf)), new SeededRandomSource(2), 0), serverAddresses);
        net = new MultiPathSimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association a = client.connect(7, List.of(S1), 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && serverAssoc() != null
                && serverAssoc().state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    private Association serverAssoc() {
        return server.associations().isEmpty() ? null : server.associations().get(0);
    }

    private static List<AssociationEvent.LocalAddressChange> results(MultiHomedSimHost host) {
        List<AssociationEvent.LocalAddressChange> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.LocalAddressChange c) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<AssociationEvent.PeerAddressChange> peerChanges(MultiHomedSimHost host) {
        List<AssociationEvent.PeerAddressChange> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.PeerAddressChange c) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<ReceivedMessage> received(MultiHomedSimHost host) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message());
            }
        }
        return out;
    }

    private boolean answered(InetAddress address, LocalAddressRequest request) {
        return results(client).stream().anyMatch(r -> r.address().equals(address) && r.request() == request);
    }

    private static Bytes payload(int id) {
        byte[] b = new byte[600];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        return Bytes.wrap(b);
    }

    private static SctpPacket decode(byte[] bytes) {
        try {
            return PacketDecoder.strict().decode(bytes);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** Records, on every link from {@code from}, the packets holding a chunk of {@code type}; drops those {@code drop} picks. */
    private List<byte[]> watch(List<InetAddress> from, InetAddress to, int type, Predicate<byte[]> drop) {
        List<byte[]> seen = new ArrayList<>();
        for (InetAddress f : from) {
            net.link(f, to).drop(p -> {
                if (!ChunkWalk.carries(p, type)) {
                    return false;
                }
                seen.add(p.clone());
                return drop.test(p);
            });
        }
        return seen;
    }

    @Test
    void asconfIsNegotiatedOnlyWhenBothOfferItWithAuth() {
        Association a = establish(List.of(C1), true, true);
        assertThat(a.asconfNegotiated()).isTrue();
        assertThat(serverAssoc().asconfNegotiated()).isTrue();

        Association b = establish(List.of(C1), true, false);
        assertThat(b.asconfNegotiated()).isFalse();
        assertThat(b.addLocalAddress(C2, net.now())).isEqualTo(AddressRequestStatus.NOT_NEGOTIATED);
    }

    @Test
    void anAddedAddressCarriesPacketsOnlyAfterTheAckAndThenBecomesThePeersPrimary() {
        Association a = establish(List.of(C1), true, true);
        assertThat(serverAssoc().peerAddresses()).containsExactly(C1);

        assertThat(a.addLocalAddress(C2, net.now())).isEqualTo(AddressRequestStatus.QUEUED);
        assertThat(a.usableLocalAddresses()).containsExactly(C1); // RFC 5061 section 5.3 rule D1
        assertThat(net.runUntil(() -> answered(C2, LocalAddressRequest.ADD), net.now() + 5 * S, 10_000)).isTrue();

        assertThat(results(client)).containsExactly(new AssociationEvent.LocalAddressChange(C2, LocalAddressRequest.ADD,
                true, List.of()));
        assertThat(a.usableLocalAddresses()).containsExactly(C1, C2); // rule D2
        assertThat(serverAssoc().peerAddresses()).containsExactly(C1, C2);
        assertThat(net.runUntil(() -> peerChanges(server).contains(new AssociationEvent.PeerAddressChange(C2,
                PeerAddressState.CONFIRMED)), net.now() + 5 * S, 10_000)).isTrue();
        assertThat(peerChanges(server)).contains(new AssociationEvent.PeerAddressChange(C2, PeerAddressState.ADDED));

        assertThat(a.requestPeerPrimary(C2, net.now())).isEqualTo(AddressRequestStatus.QUEUED);
        assertThat(net.runUntil(() -> answered(C2, LocalAddressRequest.SET_PEER_PRIMARY), net.now() + 5 * S,
                10_000)).isTrue();
        assertThat(serverAssoc().primaryAddress()).isEqualTo(C2);
        assertThat(peerChanges(server)).contains(new AssociationEvent.PeerAddressChange(C2,
                PeerAddressState.MADE_PRIMARY));

        long toC2Before = net.link(S1, C2).delivered();
        for (int i = 0; i < 20; i++) {
            serverAssoc().send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        assertThat(net.runUntil(() -> received(client).size() == 20, net.now() + 20 * S, 100_000)).isTrue();
        assertThat(net.link(S1, C2).delivered() - toC2Before).isGreaterThanOrEqualTo(20 * 600 / 1500);
    }

    @Test
    void deletingTheAddressDataGoesToMidTransferLosesAndDuplicatesNothing() {
        // Two networks: once C1 is gone, the client reaches the server on 10.0.2.0/24 only.
        Association a = establish(List.of(C1, C2), true, true, List.of(S1, S2));
        Association s = serverAssoc();
        assertThat(s.peerAddresses()).containsExactly(C1, C2);
        int count = 200;
        for (int i = 0; i < count; i++) {
            s.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> received(client).size() >= 40, net.now() + 20 * S, 100_000);
        assertThat(received(client).size()).isLessThan(count);
        assertThat(s.primaryAddress()).isEqualTo(C1);

        assertThat(a.deleteLocalAddress(C1, net.now())).isEqualTo(AddressRequestStatus.QUEUED);
        assertThat(a.usableLocalAddresses()).containsExactly(C2); // rule D4: no longer a source
        assertThat(net.runUntil(() -> answered(C1, LocalAddressRequest.DELETE), net.now() + 5 * S, 100_000)).isTrue();
        net.setDown(C1, S1, true); // the address is gone: whatever still goes there is lost
        assertThat(net.runUntil(() -> received(client).size() == count, net.now() + 60 * S, 1_000_000)).isTrue();

        assertThat(results(client)).contains(new AssociationEvent.LocalAddressChange(C1, LocalAddressRequest.DELETE,
                true, List.of()));
        assertThat(s.peerAddresses()).containsExactly(C2);
        assertThat(s.primaryAddress()).isEqualTo(C2);
        assertThat(peerChanges(server)).contains(new AssociationEvent.PeerAddressChange(C1, PeerAddressState.REMOVED));
        List<ReceivedMessage> got = received(client);
        assertThat(got).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(got.get(i).payload()).isEqualTo(payload(i));
        }
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void aReplayedAsconfGetsTheSameAckAndChangesNothing() {
        Association a = establish(List.of(C1), true, true);
        List<byte[]> asconfs = watch(List.of(C1, C2), S1, CHUNK_ASCONF, p -> false);
        List<byte[]> acks = watch(List.of(S1), C1, CHUNK_ASCONF_ACK, p -> false);
        a.addLocalAddress(C2, net.now());
        assertThat(net.runUntil(() -> answered(C2, LocalAddressRequest.ADD), net.now() + 5 * S, 10_000)).isTrue();
        net.advance(2 * S, 100_000);
        assertThat(asconfs).hasSize(1);
        assertThat(acks).hasSize(1);
        int eventsBefore = server.events().size();
        List<InetAddress> peersBefore = serverAssoc().peerAddresses();

        server.drainOutbox();
        server.receive(new MultiHomedSimHost.Datagram(C1, S1, asconfs.get(0)), net.now());
        List<MultiHomedSimHost.Datagram> replies = server.drainOutbox();

        assertThat(replies).hasSize(1);
        assertThat(asconfAck(replies.get(0).bytes())).isEqualTo(asconfAck(acks.get(0)));
        assertThat(server.events()).hasSize(eventsBefore);
        assertThat(serverAssoc().peerAddresses()).isEqualTo(peersBefore);
    }

    private static AsconfAckChunk asconfAck(byte[] packet) {
        return decode(packet).chunks().stream().filter(c -> c instanceof AsconfAckChunk).map(c -> (AsconfAckChunk) c)
                .findFirst().orElseThrow();
    }

    @Test
    void anAsconfWithoutAuthOrWithABadHmacIsDiscardedWithoutReplyOrChange() {
        Association a = establish(List.of(C1), true, true);
        List<byte[]> asconfs = watch(List.of(C1, C2), S1, CHUNK_ASCONF, p -> true); // captured, never delivered
        a.addLocalAddress(C2, net.now());
        net.advance(100 * MS, 10_000);
        assertThat(asconfs).isNotEmpty();
        SctpPacket genuine = decode(asconfs.get(0));
        AuthChunk auth = (AuthChunk) genuine.chunks().stream().filter(c -> c instanceof AuthChunk).findFirst()
                .orElseThrow();
        AsconfChunk asconf = (AsconfChunk) genuine.chunks().stream().filter(c -> c instanceof AsconfChunk)
                .findFirst().orElseThrow();
        // The serial number the server expects, with a request of its own: it would be performed if accepted.
        AsconfChunk forged = new AsconfChunk(asconf.serialNumber(), asconf.address(),
                List.of(new AddIpAddressParameter(77, AddressParameter.of(C3))));
        byte[] wrongHmac = new byte[auth.hmac().length()];
        List<List<Chunk>> variants = List.of(List.of(forged),
                List.of(new AuthChunk(auth.sharedKeyId(), auth.hmacId(), Bytes.wrap(wrongHmac)), forged));
        int eventsBefore = server.events().size();
        for (List<Chunk> chunks : variants) {
            server.drainOutbox();
            server.receive(new MultiHomedSimHost.Datagram(C1, S1,
                    PacketEncoder.toByteArray(new SctpPacket(genuine.header(), chunks))), net.now());
            assertThat(server.drainOutbox()).isEmpty();
        }
        assertThat(server.events()).hasSize(eventsBefore);
        assertThat(serverAssoc().peerAddresses()).containsExactly(C1);
        assertThat(serverAssoc().state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void aLostAsconfIsRetransmittedOnT4WithTheSameSerialNumber() {
        Association a = establish(List.of(C1), true, true);
        int[] dropped = {0};
        List<byte[]> asconfs = watch(List.of(C1, C2), S1, CHUNK_ASCONF, p -> dropped[0]++ < 2);
        a.addLocalAddress(C2, net.now());
        assertThat(net.runUntil(() -> answered(C2, LocalAddressRequest.ADD), net.now() + 30 * S, 100_000)).isTrue();

        assertThat(asconfs).hasSize(3);
        List<Integer> serials = asconfs.stream().map(p -> decode(p).chunks().stream()
                .filter(c -> c instanceof AsconfChunk).map(c -> ((AsconfChunk) c).serialNumber()).findFirst()
                .orElseThrow()).toList();
        assertThat(serials).containsOnly(serials.get(0));
        assertThat(results(client)).containsExactly(new AssociationEvent.LocalAddressChange(C2, LocalAddressRequest.ADD,
                true, List.of()));
        assertThat(serverAssoc().peerAddresses()).containsExactly(C1, C2);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void deletingTheLastAddressIsRefusedAndDeletingTheSourceAddressIsAnsweredWithItsCause() {
        Association single = establish(List.of(C1), true, true);
        assertThat(single.deleteLocalAddress(C1, net.now())).isEqualTo(AddressRequestStatus.LAST_ADDRESS); // rule D5

        Association a = establish(List.of(C1, C2), true, true);
        client.overrideSource(C2); // every packet claims C2: the ASCONF deleting C2 comes from C2
        assertThat(a.deleteLocalAddress(C2, net.now())).isEqualTo(AddressRequestStatus.QUEUED);
        assertThat(net.runUntil(() -> answered(C2, LocalAddressRequest.DELETE), net.now() + 5 * S, 10_000)).isTrue();

        AssociationEvent.LocalAddressChange r = results(client).get(0);
        assertThat(r.success()).isFalse();
        assertThat(r.causes()).singleElement().isInstanceOf(DeleteSourceAddressCause.class); // RFC 5061 section 4.3.3
        assertThat(serverAssoc().peerAddresses()).containsExactly(C1, C2);
        assertThat(a.usableLocalAddresses()).containsExactly(C1, C2); // refused: a source again
    }
}
