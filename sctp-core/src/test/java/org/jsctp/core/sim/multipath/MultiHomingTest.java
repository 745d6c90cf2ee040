package org.jsctp.core.sim.multipath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.path.PathState;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.sim.ChunkWalk;
import org.jsctp.core.sim.LinkProfile;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * Multi-homing in virtual time (RFC 9260 sections 5.1.2, 5.4, 6.4, 6.4.1, 8.2 and 8.3, RFC 7829):
 * two hosts with two addresses each, one network per /24, every address pair its own link.
 */
class MultiHomingTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final InetAddress C1 = ip("10.0.1.1");
    private static final InetAddress C2 = ip("10.0.2.1");
    private static final InetAddress S1 = ip("10.0.1.2");
    private static final InetAddress S2 = ip("10.0.2.2");

    private final MultiHomedSimHost client = host("client", 5000, List.of(C1, C2), 1, 5);
    private final MultiHomedSimHost server = host("server", 7, List.of(S1, S2), 2, 5);
    private final MultiPathSimNetwork net = new MultiPathSimNetwork(client, server,
            LinkProfile.perfect().withDelay(10 * MS), 3);
    /** DATA datagrams sent to each server address (packets whose first chunk after a SACK is DATA). */
    private final List<MultiHomedSimHost.Datagram> sentByClient = new ArrayList<>();

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: nothing is resolved
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static MultiHomedSimHost host(String name, int port, List<InetAddress> addresses, long seed, int pmr) {
        return host(name, port, addresses, seed, pmr, AssociationConfig.PRIMARY_SWITCHOVER_OFF);
    }

    private static MultiHomedSimHost host(String name, int port, List<InetAddress> addresses, long seed, int pmr,
                                          int psmr) {
        // A fixed MTU: the packet counts below would otherwise include PLPMTUD probes.
        return host(name, port, addresses, seed, pmr, psmr, false);
    }

    private static MultiHomedSimHost host(String name, int port, List<InetAddress> addresses, long seed, int pmr,
                                          int psmr, boolean plpmtud) {
        AssociationConfig config = AssociationConfig.builder().localAddresses(addresses).pathMaxRetransmits(pmr)
                .associationMaxRetransmits(10).primarySwitchoverMaxRetransmits(psmr)
                .plpmtudEnabled(plpmtud).build();
        return new MultiHomedSimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0),
                addresses);
    }

    private static Bytes payload(int id) {
        byte[] b = new byte[800];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        return Bytes.wrap(b);
    }

    private List<ReceivedMessage> received() {
        List<ReceivedMessage> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : server.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message());
            }
        }
        return out;
    }

    private List<AssociationEvent.PeerAddressChange> addressChanges(MultiHomedSimHost host) {
        List<AssociationEvent.PeerAddressChange> out = new ArrayList<>();
        for (MultiHomedSimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.PeerAddressChange c) {
                out.add(c);
            }
        }
        return out;
    }

    private Association established(List<InetAddress> peerAddresses) {
        Association a = client.connect(7, peerAddresses, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty()
                && server.associations().get(0).state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    private static PathStatistics path(Association a, InetAddress address) {
        return a.pathStatistics().stream().filter(p -> address.equals(p.address())).findFirst().orElseThrow();
    }

    /** Every message arrived once, in order per stream. */
    private void assertDeliveredOnceInOrder(int count, int streams) {
        List<ReceivedMessage> got = received();
        assertThat(got).hasSize(count);
        for (int s = 0; s < streams; s++) {
            int stream = s;
            List<ReceivedMessage> onStream = got.stream().filter(m -> m.streamId() == stream).toList();
            assertThat(onStream).hasSize(count / streams);
            for (int k = 0; k < onStream.size(); k++) {
                assertThat(onStream.get(k).payload()).isEqualTo(payload(stream + streams * k));
            }
        }
    }

    @Test
    void bothSidesLearnEachOthersAddressesFromInitAndInitAck() {
        Association a = established(List.of(S1));
        Association server0 = server.associations().get(0);
        assertThat(a.peerAddresses()).containsExactly(S1, S2);
        assertThat(a.primaryAddress()).isEqualTo(S1);
        assertThat(server0.peerAddresses()).containsExactly(C1, C2); // the INIT's source first
        assertThat(server0.primaryAddress()).isEqualTo(C1);
        assertThat(path(server0, C1).state()).isEqualTo(PathState.ACTIVE); // where the INIT ACK went (5.4 rule 2)
    }

    @Test
    void anUnreachablePrimaryAtSetupIsBypassedByRetransmittingTheInitToTheNextAddress() {
        net.setDown(C1, S1, true);
        Association a = client.connect(7, List.of(S1, S2), 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 30 * S, 10_000)).isTrue();
        assertThat(a.primaryAddress()).isEqualTo(S1); // the primary stays; data fails over as usual
        Association server0 = server.associations().get(0);
        assertThat(server0.primaryAddress()).isEqualTo(C2); // the INIT came from C2
        for (int i = 0; i < 10; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> received().size() == 10, net.now() + 60 * S, 100_000);
        assertDeliveredOnceInOrder(10, 1);
    }

    @Test
    void unconfirmedLearntAddressesGetNoDataUntilAHeartbeatAckConfirmsThem() {
        Association a = established(List.of(S1)); // S2 only learnt from the INIT ACK
        assertThat(path(a, S2).state()).isEqualTo(PathState.UNCONFIRMED);
        net.setDown(C1, S1, true); // the only confirmed path dies: nothing may go to S2 until confirmed
        net.setDown(C2, S2, true); // ... and the probe of S2 is lost at first
        for (int i = 0; i < 20; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        boolean[] dataWhileUnconfirmed = {false};
        net.link(C2, S2).drop(p -> {
            dataWhileUnconfirmed[0] |= MultiPathSimNetwork.carriesData(p) && path(a, S2).state() == PathState.UNCONFIRMED;
            return false;
        });
        Runnable watch = () -> { };
        net.runUntil(() -> false, watch, net.now() + 3 * S, 100_000);
        assertThat(received()).isEmpty();
        net.setDown(C2, S2, false);
        net.runUntil(() -> received().size() == 20, watch, net.now() + 120 * S, 200_000);
        assertThat(addressChanges(client)).contains(new AssociationEvent.PeerAddressChange(S2, PeerAddressState.CONFIRMED));
        assertDeliveredOnceInOrder(20, 1);
        assertThat(dataWhileUnconfirmed[0]).isFalse();
    }

    @Test
    void aPathThatDiesMidTransferFailsOverWithoutLosingOrDuplicatingAMessage() {
        Association a = established(List.of(S1, S2));
        int total = 300;
        int[] next = {0};
        Runnable app = () -> {
            while (next[0] < total && a.sendBufferAvailable() > 4000) {
                a.send(OutgoingMessage.of(next[0] % 3, 0, false, payload(next[0])), net.now());
                next[0]++;
                if (next[0] == 100) {
                    net.setDown(C1, S1, true); // the primary dies with data in flight
                }
            }
        };
        assertThat(net.runUntil(() -> received().size() == total, app, 600 * S, 1_000_000)).isTrue();
        assertDeliveredOnceInOrder(total, 3);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(a.primaryAddress()).isEqualTo(S1);
        assertThat(path(a, S1).state()).isIn(PathState.POTENTIALLY_FAILED, PathState.INACTIVE);
        assertThat(net.link(C2, S2).delivered()).isGreaterThan(100); // the rest went the other way
        // RFC 9260 section 8.2: nothing sent to the dead path is acknowledged, so it is never
        // reported available again while it stays dead.
        List<PeerAddressState> s1 = addressChanges(client).stream().filter(c -> c.address().equals(S1))
                .map(AssociationEvent.PeerAddressChange::state).toList();
        assertThat(s1).contains(PeerAddressState.POTENTIALLY_FAILED);
        assertThat(s1.subList(s1.indexOf(PeerAddressState.POTENTIALLY_FAILED), s1.size()))
                .doesNotContain(PeerAddressState.AVAILABLE);
    }

    @Test
    void quickFailoverMovesNewDataAfterPotentiallyFailedMaxRetransTimeouts() {
        for (int pfmr : new int[] {0, 2}) {
            MultiHomedSimHost c = host("client", 5000, List.of(C1, C2), 11, 5);
            MultiHomedSimHost s = host("server", 7, List.of(S1, S2), 12, 5);
            MultiPathSimNetwork n = new MultiPathSimNetwork(c, s, LinkProfile.perfect().withDelay(10 * MS), 4);
            Association a = c.connect(7, List.of(S1, S2), 0);
            n.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
            a.setPotentiallyFailedThreshold(pfmr);
            n.setDown(C1, S1, true);
            long[] t3AtPf = {-1};
            int[] dataToPfPath = {0};
            n.link(C1, S1).drop(p -> {
                if (MultiPathSimNetwork.carriesData(p) && path(a, S1).state() == PathState.POTENTIALLY_FAILED) {
                    dataToPfPath[0]++;
                }
                return false;
            });
            int[] sent = {0};
            Runnable app = () -> {
                if (sent[0] < 200 && a.sendBufferAvailable() > 4000) {
                    a.send(OutgoingMessage.of(0, 0, false, payload(sent[0]++)), n.now());
                }
                if (t3AtPf[0] < 0 && path(a, S1).state() == PathState.POTENTIALLY_FAILED) {
                    t3AtPf[0] = a.statistics().t3Expiries();
                }
            };
            n.runUntil(() -> t3AtPf[0] >= 0 && sent[0] == 200 && a.bufferedAmount() == 0, app, 600 * S, 1_000_000);
            // RFC 7829 section 5.1: Potentially Failed once the error counter exceeds PFMR, i.e.
            // after PFMR + 1 timeouts, long before Path.Max.Retrans (5) would make it inactive.
            assertThat(t3AtPf[0]).as("T3 expiries when PF with PFMR=%d", pfmr).isEqualTo(pfmr + 1);
            assertThat(c.events()).extracting(MultiHomedSimHost.Event::event)
                    .contains(new AssociationEvent.PeerAddressChange(S1, PeerAddressState.POTENTIALLY_FAILED));
            // RFC 7829 section 5.1: no DATA to the PF path while S2 is active, and so no more timeouts.
            assertThat(dataToPfPath[0]).isZero();
            assertThat(a.statistics().t3Expiries()).isEqualTo(pfmr + 1);
            assertThat(n.link(C1, S1).dropped()).isGreaterThan(pfmr + 1); // heartbeats kept probing it
        }
    }

    @Test
    void aRecoveredPrimaryIsHeardFromAgainAndCarriesDataAgain() {
        Association a = established(List.of(S1, S2));
        net.setDown(C1, S1, true);
        int[] sent = {0};
        Runnable app = () -> {
            if (sent[0] < 50 && a.sendBufferAvailable() > 4000) {
                a.send(OutgoingMessage.of(0, 0, false, payload(sent[0]++)), net.now());
            }
        };
        net.runUntil(() -> received().size() == 50, app, 300 * S, 500_000);
        assertThat(path(a, S1).state()).isNotEqualTo(PathState.ACTIVE);
        net.setDown(C1, S1, false);
        // RFC 7829 section 5.1: heartbeats to the PF path, once per RTO, bring it back.
        net.runUntil(() -> path(a, S1).state() == PathState.ACTIVE, net.now() + 120 * S, 100_000);
        assertThat(addressChanges(client)).contains(new AssociationEvent.PeerAddressChange(S1, PeerAddressState.AVAILABLE));
        long before = net.link(C1, S1).delivered();
        for (int i = 50; i < 100; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> received().size() == 100, net.now() + 60 * S, 100_000);
        assertDeliveredOnceInOrder(100, 1);
        assertThat(net.link(C1, S1).delivered() - before).isGreaterThan(20); // the primary carries data again
    }

    @Test
    void withPrimarySwitchoverTheAlternateStaysPrimaryAfterTheOldPrimaryRecovers() {
        MultiHomedSimHost c = host("client", 5000, List.of(C1, C2), 31, 5, 1); // PSMR 1 (RFC 7829 section 6)
        MultiHomedSimHost s = host("server", 7, List.of(S1, S2), 32, 5);
        MultiPathSimNetwork n = new MultiPathSimNetwork(c, s, LinkProfile.perfect().withDelay(10 * MS), 6);
        Association a = c.connect(7, List.of(S1, S2), 0);
        n.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        n.setDown(C1, S1, true);
        a.send(OutgoingMessage.of(0, 0, false, payload(0)), n.now());
        n.runUntil(() -> S2.equals(a.primaryAddress()), n.now() + 120 * S, 100_000);
        assertThat(a.primaryAddress()).isEqualTo(S2);
        // The error counter (a T3 expiry, then unanswered heartbeats to the PF path) exceeded PSMR 1.
        assertThat(a.statistics().t3Expiries()).isPositive();
        assertThat(c.events()).extracting(MultiHomedSimHost.Event::event)
                .contains(new AssociationEvent.PeerAddressChange(S2, PeerAddressState.MADE_PRIMARY));
        n.setDown(C1, S1, false);
        n.runUntil(() -> path(a, S1).state() == PathState.ACTIVE, n.now() + 120 * S, 100_000);
        long before = n.link(C1, S1).delivered();
        for (int i = 1; i < 20; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), n.now());
        }
        n.runUntil(() -> a.bufferedAmount() == 0, n.now() + 60 * S, 100_000);
        assertThat(a.bufferedAmount()).isZero();
        assertThat(a.primaryAddress()).isEqualTo(S2); // no switch back
        assertThat(n.link(C1, S1).delivered() - before).isLessThan(3); // a heartbeat at most
    }

    @Test
    void setPrimaryMovesDataToTheNewPrimaryAndTellsTheUser() {
        Association a = established(List.of(S1, S2));
        a.setPrimary(S2);
        assertThat(a.primaryAddress()).isEqualTo(S2);
        long before = net.link(C1, S1).delivered();
        for (int i = 0; i < 30; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> received().size() == 30, net.now() + 60 * S, 100_000);
        assertThat(addressChanges(client)).contains(new AssociationEvent.PeerAddressChange(S2, PeerAddressState.MADE_PRIMARY));
        assertDeliveredOnceInOrder(30, 1);
        assertThat(net.link(C2, S2).delivered()).isGreaterThan(30);
        assertThat(net.link(C1, S1).delivered() - before).isLessThan(3); // a heartbeat at most
        assertThatThrownBy(() -> a.setPrimary(ip("192.0.2.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packetsFromAnUnknownSourceWithAValidTagAreProcessed() {
        Association a = established(List.of(S1, S2));
        server.overrideSource(ip("10.0.9.9")); // like usrsctp: all paths' packets from one socket
        for (int i = 0; i < 40; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> a.bufferedAmount() == 0 && received().size() == 40, net.now() + 60 * S, 100_000);
        assertDeliveredOnceInOrder(40, 1);
        assertThat(a.bufferedAmount()).isZero(); // the SACKs from 10.0.9.9 were taken
        assertThat(a.peerAddresses()).doesNotContain(ip("10.0.9.9"));
    }

    @Test
    void whenEveryPathIsDownTheAssociationFailsOnlyAfterAssociationMaxRetrans() {
        MultiHomedSimHost c = host("client", 5000, List.of(C1, C2), 21, 1); // Path.Max.Retrans 1
        MultiHomedSimHost s = host("server", 7, List.of(S1, S2), 22, 1);
        MultiPathSimNetwork n = new MultiPathSimNetwork(c, s, LinkProfile.perfect().withDelay(10 * MS), 5);
        Association a = c.connect(7, List.of(S1, S2), 0);
        n.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        n.setDown(C1, S1, true);
        n.setDown(C2, S2, true);
        a.send(OutgoingMessage.of(0, 0, false, payload(0)), n.now());
        n.runUntil(() -> path(a, S1).state() == PathState.INACTIVE && path(a, S2).state() == PathState.INACTIVE,
                n.now() + 3600 * S, 1_000_000);
        // RFC 9260 section 8.2: every path inactive, yet the association lives on (section 8.1 decides).
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        n.runUntil(() -> a.state() == AssociationState.CLOSED, n.now() + 3600 * S, 1_000_000);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
        List<AssociationEvent.PeerAddressChange> changes = new ArrayList<>();
        for (MultiHomedSimHost.Event e : c.events()) {
            if (e.event() instanceof AssociationEvent.PeerAddressChange p) {
                changes.add(p);
            }
        }
        assertThat(changes).contains(new AssociationEvent.PeerAddressChange(S1, PeerAddressState.UNREACHABLE),
                new AssociationEvent.PeerAddressChange(S2, PeerAddressState.UNREACHABLE));
        assertThat(c.events()).extracting(MultiHomedSimHost.Event::event).last()
                .isInstanceOf(AssociationEvent.CommunicationLost.class);
    }

    @Test
    void eachPathHasItsOwnStatisticsAndCongestionWindow() {
        Association a = established(List.of(S1, S2));
        for (int i = 0; i < 30; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> received().size() == 30, net.now() + 60 * S, 100_000);
        List<PathStatistics> stats = a.pathStatistics();
        assertThat(stats).extracting(PathStatistics::address).containsExactly(S1, S2);
        assertThat(stats.get(0).cwnd()).isGreaterThan(0);
        assertThat(stats.get(1).cwnd()).isZero(); // never carried data: no window yet
        assertThat(stats.get(0).srttNanos()).isBetween(20 * MS, 250 * MS); // 20 ms, plus a delayed SACK at times
    }

    @Test
    void everyIdlePathIsHeartbeatedAndEachAnswerReturnsOnThePathItAnswers() {
        Association a = established(List.of(S1, S2));
        // The server's HEARTBEAT ACKs on each network: misrouted to its primary C1, all would be on the first.
        int[] heartbeatAcks = new int[2];
        net.link(S1, C1).drop(p -> {
            heartbeatAcks[0] += ChunkWalk.carries(p, 5) ? 1 : 0;
            return false;
        });
        net.link(S2, C2).drop(p -> {
            heartbeatAcks[1] += ChunkWalk.carries(p, 5) ? 1 : 0;
            return false;
        });
        net.advance(10 * 60 * S, 200_000);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        // RFC 9260 section 8.3: about one heartbeat per HB.interval + RTO on each idle path, and
        // section 6.4: each answered on the network it came in on.
        assertThat(heartbeatAcks[0]).isBetween(10, 25);
        assertThat(heartbeatAcks[1]).isBetween(10, 25);
        assertThat(addressChanges(client)).isEmpty();
    }

    @Test
    void plpmtudProbesOnTheOtherPathDoNotDrawTheSacksThere() {
        // RFC 9260 section 6.4: a SACK answers DATA. The client probes every path (RFC 8899), so
        // HEARTBEATs keep arriving from C1 while its DATA comes from C2; the SACKs stay on C2.
        MultiHomedSimHost c = host("client", 5000, List.of(C1, C2), 41, 5, AssociationConfig.PRIMARY_SWITCHOVER_OFF, true);
        MultiHomedSimHost s = host("server", 7, List.of(S1, S2), 42, 5, AssociationConfig.PRIMARY_SWITCHOVER_OFF, true);
        MultiPathSimNetwork n = new MultiPathSimNetwork(c, s, LinkProfile.perfect().withDelay(10 * MS), 5);
        Association a = c.connect(7, List.of(S1, S2), 0);
        assertThat(n.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        a.setPrimary(S2);
        int[] sacksOnS1 = {0};
        n.link(S1, C1).drop(p -> {
            sacksOnS1[0] += ChunkWalk.carries(p, 3) ? 1 : 0;
            return false;
        });
        for (int i = 0; i < 40; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), n.now());
        }
        assertThat(n.runUntil(() -> a.bufferedAmount() == 0, n.now() + 60 * S, 100_000)).isTrue();
        assertThat(n.link(C1, S1).delivered()).isPositive(); // probes and heartbeats did go that way
        assertThat(sacksOnS1[0]).isZero();
    }

    @Test
    void sacksGoBackToWhereTheDataCameFrom() {
        Association a = established(List.of(S1, S2));
        a.setPrimary(S2);
        int[] sacksOnS1 = {0};
        net.link(S1, C1).drop(p -> {
            sacksOnS1[0] += ChunkWalk.carries(p, 3) ? 1 : 0;
            return false;
        });
        for (int i = 0; i < 40; i++) {
            a.send(OutgoingMessage.of(0, 0, false, payload(i)), net.now());
        }
        net.runUntil(() -> a.bufferedAmount() == 0, net.now() + 60 * S, 100_000);
        assertThat(received()).hasSize(40);
        assertThat(sacksOnS1[0]).isZero(); // the server's primary is C1, yet its SACKs follow the DATA
    }
}
