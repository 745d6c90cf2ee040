package org.jsctp.core.sim.multipath;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.jsctp.core.cmt.CmtBufferSplitting;
import org.jsctp.core.cmt.CmtCongestionControl;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.sim.LinkProfile;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent multipath transfer in virtual time (draft-tuexen-tsvwg-sctp-multipath section 3):
 * two hosts with two addresses each, one network per /24 (C1-S1 and C2-S2), every address pair its
 * own link.
 */
class CmtSimTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final InetAddress C1 = ip("10.0.1.1");
    private static final InetAddress C2 = ip("10.0.2.1");
    private static final InetAddress S1 = ip("10.0.1.2");
    private static final InetAddress S2 = ip("10.0.2.2");
    private static final int MESSAGE = 1000;
    /** 8 Mbit/s: 1 MB/s per path. */
    private static final long RATE_BITS = 8_000_000L;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Two hosts and their network. */
    private static final class Setup {
        final MultiHomedSimHost client;
        final MultiHomedSimHost server;
        final MultiPathSimNetwork net;
        final Association assoc;

        Setup(boolean cmt, LinkProfile profile, long seed) {
            this(cmt, profile, seed, CmtCongestionControl.UNCOUPLED);
        }

        Setup(boolean cmt, LinkProfile profile, long seed, CmtCongestionControl coupling) {
            this(cmt, profile, seed, coupling, CmtBufferSplitting.NONE, 4 << 20, 1 << 20);
        }

        Setup(boolean cmt, LinkProfile profile, long seed, CmtCongestionControl coupling,
              CmtBufferSplitting splitting, int receiveBufferBytes, long sendBufferBytes) {
            client = host("client", 5000, List.of(C1, C2), seed, cmt, coupling, splitting, receiveBufferBytes,
                    sendBufferBytes);
            server = host("server", 7, List.of(S1, S2), seed + 1, cmt, coupling, splitting, receiveBufferBytes,
                    sendBufferBytes);
            net = new MultiPathSimNetwork(client, server, profile, seed + 2);
            assoc = client.connect(7, List.of(S1, S2), 0);
            assertThat(net.runUntil(() -> assoc.state() == AssociationState.ESTABLISHED
                    && !server.associations().isEmpty() && bothPathsActive(), 30 * S, 100_000)).isTrue();
        }

        boolean bothPathsActive() {
            return assoc.pathStatistics().stream()
                    .allMatch(p -> p.state() == org.jsctp.core.path.PathState.ACTIVE);
        }

        List<ReceivedMessage> received() {
            List<ReceivedMessage> out = new ArrayList<>();
            for (MultiHomedSimHost.Event e : server.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    out.add(m.message());
                }
            }
            return out;
        }

        long receivedCount() {
            long n = 0;
            for (MultiHomedSimHost.Event e : server.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived) {
                    n++;
                }
            }
            return n;
        }

        PathStatistics path(InetAddress address) {
            return assoc.pathStatistics().stream().filter(p -> address.equals(p.address())).findFirst().orElseThrow();
        }
    }

    private static MultiHomedSimHost host(String name, int port, List<InetAddress> addresses, long seed, boolean cmt,
                                          CmtCongestionControl coupling, CmtBufferSplitting splitting,
                                          int receiveBufferBytes, long sendBufferBytes) {
        AssociationConfig config = AssociationConfig.builder().localAddresses(addresses).pathMaxRetransmits(5)
                .associationMaxRetransmits(10).plpmtudEnabled(false).nrSackSupported(true).cmtEnabled(cmt)
                .cmtCongestionControl(coupling).cmtBufferSplitting(splitting).receiveBufferBytes(receiveBufferBytes)
                .sendBufferBytes(sendBufferBytes).build();
        return new MultiHomedSimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0),
                addresses);
    }

    private static Bytes payload(int id) {
        byte[] b = new byte[MESSAGE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        b[0] = (byte) (id >>> 24);
        b[1] = (byte) (id >>> 16);
        b[2] = (byte) (id >>> 8);
        b[3] = (byte) id;
        return Bytes.wrap(b);
    }

    /** Keeps the send buffer full (up to {@code limit} messages, on {@code streams} streams). */
    private static Runnable feeder(Setup s, int[] sent, int limit, int streams) {
        return () -> {
            while (sent[0] < limit && s.assoc.sendBufferAvailable() >= MESSAGE) {
                s.assoc.send(OutgoingMessage.of(sent[0] % streams, 0, false, payload(sent[0])), s.net.now());
                sent[0]++;
            }
        };
    }

    /** Every message arrived once, in order per stream. */
    private static void assertDeliveredOnceInOrder(Setup s, int count, int streams) {
        List<ReceivedMessage> got = s.received();
        assertThat(got).hasSize(count);
        for (int st = 0; st < streams; st++) {
            int stream = st;
            List<ReceivedMessage> onStream = got.stream().filter(m -> m.streamId() == stream).toList();
            assertThat(onStream).hasSize(count / streams);
            for (int k = 0; k < onStream.size(); k++) {
                assertThat(onStream.get(k).payload()).isEqualTo(payload(stream + streams * k));
            }
        }
    }

    /** Messages delivered in 4 s of virtual time after 2 s of warm-up, with the send buffer kept full. */
    private static long goodput(boolean cmt) {
        LinkProfile link = LinkProfile.perfect().withDelay(20 * MS).withRate(RATE_BITS, 100_000);
        Setup s = new Setup(cmt, link, 11);
        int[] sent = {0};
        Runnable app = feeder(s, sent, Integer.MAX_VALUE, 1);
        s.net.runUntil(() -> false, app, s.net.now() + 2 * S, 5_000_000);
        long before = s.receivedCount();
        s.net.runUntil(() -> false, app, s.net.now() + 4 * S, 5_000_000);
        return s.receivedCount() - before;
    }

    @Test
    void cmtOnTwoEqualPathsCarriesAboutTwiceWhatOnePathCarries() {
        long single = goodput(false);
        long cmt = goodput(true);
        // 4 s at 1 MB/s of 1000-byte messages (each in a 1048-byte packet): a path carries ~3800.
        assertThat(single).as("single path").isBetween(3000L, 4000L);
        assertThat((double) cmt / single).as("CMT over single path, %d vs %d", cmt, single).isBetween(1.5, 2.1);
    }

    @Test
    void cmtSpreadsNewDataOverBothPaths() {
        Setup s = new Setup(true, LinkProfile.perfect().withDelay(10 * MS), 21);
        int[] sent = {0};
        s.net.runUntil(() -> s.receivedCount() == 2000, feeder(s, sent, 2000, 1), s.net.now() + 60 * S, 2_000_000);
        assertDeliveredOnceInOrder(s, 2000, 1);
        assertThat(s.path(S1).dataPacketsSent()).isGreaterThan(300);
        assertThat(s.path(S2).dataPacketsSent()).isGreaterThan(300);
    }

    @Test
    void withoutCmtOnlyThePrimaryCarriesData() {
        Setup s = new Setup(false, LinkProfile.perfect().withDelay(10 * MS), 22);
        int[] sent = {0};
        s.net.runUntil(() -> s.receivedCount() == 500, feeder(s, sent, 500, 1), s.net.now() + 60 * S, 2_000_000);
        assertDeliveredOnceInOrder(s, 500, 1);
        assertThat(s.path(S2).dataPacketsSent()).isZero();
    }

    @Test
    void aPathDyingMidTransferLosesAndDuplicatesNothing() {
        Setup s = new Setup(true, LinkProfile.perfect().withDelay(10 * MS), 31);
        int[] sent = {0};
        Runnable app = feeder(s, sent, 3000, 2);
        s.net.runUntil(() -> s.receivedCount() >= 1000, app, s.net.now() + 60 * S, 2_000_000);
        long onS2 = s.path(S2).dataPacketsSent();
        s.net.setDown(C2, S2, true);
        s.net.runUntil(() -> s.receivedCount() == 3000 && s.assoc.bufferedAmount() == 0, app, s.net.now() + 600 * S,
                5_000_000);
        assertDeliveredOnceInOrder(s, 3000, 2);
        assertThat(onS2).isPositive(); // CMT used the path before it died
        assertThat(s.path(S2).state()).isNotEqualTo(org.jsctp.core.path.PathState.ACTIVE);
    }

    @Test
    void pathsOfDifferentRttCauseFewSpuriousFastRetransmits() {
        // Rate-limited with a queue that never overflows: nothing is lost.
        LinkProfile fast = LinkProfile.perfect().withDelay(5 * MS).withRate(RATE_BITS, Long.MAX_VALUE);
        Setup s = new Setup(true, fast, 41);
        s.net.link(C2, S2).setProfile(fast.withDelay(40 * MS));
        s.net.link(S2, C2).setProfile(fast.withDelay(40 * MS));
        int[] sent = {0};
        s.net.runUntil(() -> s.receivedCount() == 3000, feeder(s, sent, 3000, 1), s.net.now() + 120 * S, 5_000_000);
        assertDeliveredOnceInOrder(s, 3000, 1);
        assertThat(s.net.link(C1, S1).dropped() + s.net.link(C2, S2).dropped()).isZero();
        assertThat(s.path(S1).dataPacketsSent()).isGreaterThan(500);
        assertThat(s.path(S2).dataPacketsSent()).isGreaterThan(500);
        // Nothing is lost, so every fast retransmission would be spurious: SFR keeps the fast
        // path's acknowledgements from reporting the slow path's chunks missing.
        assertThat(s.assoc.statistics().fastRetransmissions()).as("fast retransmissions").isLessThanOrEqualTo(3);
    }

    @Test
    void theReceiverSaysInEachNrSackHowManyPacketsItAcknowledges() {
        for (boolean cmt : new boolean[] {true, false}) {
            Setup s = new Setup(cmt, LinkProfile.perfect().withDelay(10 * MS), 51);
            List<Integer> flags = new ArrayList<>();
            for (InetAddress from : List.of(S1, S2)) {
                for (InetAddress to : List.of(C1, C2)) {
                    s.net.link(from, to).drop(p -> {
                        flags.addAll(nrSackFlags(p));
                        return false;
                    });
                }
            }
            int[] sent = {0};
            s.net.runUntil(() -> s.receivedCount() == 300, feeder(s, sent, 300, 1), s.net.now() + 60 * S, 1_000_000);
            assertThat(flags).as("NR-SACK flags, cmt=%s", cmt).isNotEmpty();
            if (cmt) {
                // DAC (draft section 3.3): 0x40 for one packet, 0x80 for two, in every NR-SACK
                // that acknowledges DATA packets (a window update acknowledges none).
                assertThat(flags).allMatch(f -> f == 0 || f == 0x40 || f == 0x80);
                assertThat(flags).contains(0x80);
            } else {
                assertThat(flags).containsOnly(0); // as usrsctp sends them without DAC
            }
        }
    }

    /** The flags of each NR-SACK chunk (type 16) in an SCTP packet. */
    private static List<Integer> nrSackFlags(byte[] packet) {
        List<Integer> out = new ArrayList<>();
        int at = 12;
        while (at + 4 <= packet.length) {
            int length = ((packet[at + 2] & 0xFF) << 8) | (packet[at + 3] & 0xFF);
            if ((packet[at] & 0xFF) == 16) {
                out.add(packet[at + 1] & 0xFF);
            }
            if (length < 4) {
                break;
            }
            at += (length + 3) & ~3;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 202, 303, 404, 505})
    void everyMessageIsDeliveredOnceInOrderUnderRandomLoss(long seed) {
        LinkProfile lossy = LinkProfile.perfect().withDelay(10 * MS).withJitter(2 * MS).withLoss(0.03);
        Setup s = new Setup(true, lossy, seed);
        int[] sent = {0};
        s.net.runUntil(() -> s.receivedCount() == 1200 && s.assoc.bufferedAmount() == 0, feeder(s, sent, 1200, 3),
                s.net.now() + 600 * S, 5_000_000);
        assertDeliveredOnceInOrder(s, 1200, 3);
    }

    // ------------------------------------------------ coupled congestion control (CmtCongestionControl)

    /**
     * What a transfer showed of the association's window, the sum of both paths' cwnd sampled every
     * 10 ms: its mean over the transfer and its sum over the first 100 ms.
     */
    private record WindowTrace(long meanAggregateCwnd, long firstTenSamples, long fastRetransmissions) {
    }

    /**
     * Moves {@code count} messages on {@code streams} streams with the coupling given, sampling
     * the aggregate cwnd every 10 ms of virtual time, and checks every message arrived once, in order.
     */
    private static WindowTrace transfer(boolean cmt, CmtCongestionControl coupling, LinkProfile link, long seed,
                                        int count, int streams) {
        Setup s = new Setup(cmt, link, seed, coupling);
        int[] sent = {0};
        Runnable app = feeder(s, sent, count, streams);
        long sum = 0;
        long samples = 0;
        long early = 0;
        long end = s.net.now() + 600 * S;
        while (!(s.receivedCount() == count && s.assoc.bufferedAmount() == 0) && s.net.now() < end) {
            s.net.runUntil(() -> s.receivedCount() == count && s.assoc.bufferedAmount() == 0, app,
                    s.net.now() + 10 * MS, 5_000_000);
            long aggregate = s.path(S1).cwnd() + s.path(S2).cwnd();
            sum += aggregate;
            early += samples < 10 ? aggregate : 0;
            samples++;
        }
        assertDeliveredOnceInOrder(s, count, streams);
        return new WindowTrace(sum / Math.max(1, samples), early, s.assoc.statistics().fastRetransmissions());
    }

    /**
     * Under random loss the paths keep reducing their windows; coupled, their increases between
     * losses add up to about one flow's (RFC 6356 section 2, goal 1; the RP papers' TCP
     * friendliness), so the association runs with a smaller window than two independent Reno
     * flows, and still delivers every message once and in order.
     */
    @ParameterizedTest
    @EnumSource(value = CmtCongestionControl.class, names = {"RP_V1", "RP_V2", "LIA"})
    void coupledCongestionControlKeepsTheAggregateWindowBelowUncoupledUnderLoss(CmtCongestionControl coupling) {
        LinkProfile lossy = LinkProfile.perfect().withDelay(10 * MS).withLoss(0.01);
        WindowTrace uncoupled = transfer(true, CmtCongestionControl.UNCOUPLED, lossy, 61, 4000, 2);
        WindowTrace coupled = transfer(true, coupling, lossy, 61, 4000, 2);
        assertThat(coupled.meanAggregateCwnd())
                .as("%s mean aggregate cwnd %d vs uncoupled %d", coupling, coupled.meanAggregateCwnd(),
                        uncoupled.meanAggregateCwnd())
                .isLessThan(uncoupled.meanAggregateCwnd() * 9 / 10);
        assertThat(coupled.fastRetransmissions()).as("losses were repaired").isPositive();
    }

    /**
     * Without loss both paths stay in slow start. Resource pooling divides the initial window
     * among the paths and gives each its share of one flow's slow-start increase, so the
     * association opens about as one flow would; LIA leaves slow start as Reno's on each path
     * (RFC 6356 section 3), exactly as uncoupled.
     */
    @Test
    void inSlowStartResourcePoolingOpensTheAssociationAsOneFlowAndLiaAsReno() {
        LinkProfile link = LinkProfile.perfect().withDelay(10 * MS);
        long uncoupled = transfer(true, CmtCongestionControl.UNCOUPLED, link, 71, 3000, 1).firstTenSamples();
        long rpV1 = transfer(true, CmtCongestionControl.RP_V1, link, 71, 3000, 1).firstTenSamples();
        long rpV2 = transfer(true, CmtCongestionControl.RP_V2, link, 71, 3000, 1).firstTenSamples();
        long lia = transfer(true, CmtCongestionControl.LIA, link, 71, 3000, 1).firstTenSamples();
        assertThat(rpV1).as("RPv1 %d vs uncoupled %d", rpV1, uncoupled).isLessThan(uncoupled / 2);
        assertThat(rpV2).as("RPv2 %d vs uncoupled %d", rpV2, uncoupled).isLessThan(uncoupled / 2);
        assertThat(lia).isEqualTo(uncoupled);
    }

    /** The coupling is a CMT option: without CMT (one path carries the data) it changes nothing. */
    @ParameterizedTest
    @EnumSource(value = CmtCongestionControl.class, names = {"RP_V1", "RP_V2", "LIA"})
    void withoutCmtTheCouplingChangesNothing(CmtCongestionControl coupling) {
        LinkProfile lossy = LinkProfile.perfect().withDelay(10 * MS).withLoss(0.02);
        assertThat(transfer(false, coupling, lossy, 81, 800, 1))
                .isEqualTo(transfer(false, CmtCongestionControl.UNCOUPLED, lossy, 81, 800, 1));
    }

    @ParameterizedTest
    @CsvSource({"RP_V1, 111", "RP_V1, 222", "RP_V2, 111", "RP_V2, 222", "LIA, 111", "LIA, 222"})
    void everyMessageIsDeliveredOnceInOrderUnderRandomLossWithCoupledCongestionControl(
            CmtCongestionControl coupling, long seed) {
        LinkProfile lossy = LinkProfile.perfect().withDelay(10 * MS).withJitter(2 * MS).withLoss(0.03);
        transfer(true, coupling, lossy, seed, 1200, 3); // asserts once and in order
    }

    /** A buffer of 64 KiB, split between two active paths: 32 KiB each. */
    private static final int SMALL_BUFFER = 64 * 1024;
    /** The one-way delay to the slow path's address, 20 times the fast path's. */
    private static final long SLOW_DELAY = 100 * MS;
    /** Messages moved: enough for the slow path's window to open past its share. */
    private static final int COUNT = 12_000;

    /**
     * Moves {@link #COUNT} messages with {@code splitting}, the send buffer or the receiver's
     * buffer (the peer's window) {@link #SMALL_BUFFER}, over a fast path (5 ms each way) and a slow one (100
     * ms to S2, 5 ms back), checks every message arrived once and in order and both paths carried
     * data, and returns the most DATA payload bytes sent to S2 within any 100 ms. With no loss
     * nothing sent to S2 can be acknowledged before it arrives there, 100 ms later, so all of
     * those bytes were in flight on the slow path together: a lower bound of its largest flight size.
     */
    private static long mostSentToTheSlowPathWithinItsOneWayDelay(CmtBufferSplitting splitting,
                                                                  boolean smallSendBuffer) {
        LinkProfile fast = LinkProfile.perfect().withDelay(5 * MS);
        Setup s = new Setup(true, fast, 91, CmtCongestionControl.UNCOUPLED, splitting,
                smallSendBuffer ? 4 << 20 : SMALL_BUFFER, smallSendBuffer ? SMALL_BUFFER : 1 << 20);
        s.net.link(C2, S2).setProfile(fast.withDelay(SLOW_DELAY));
        List<long[]> sends = new ArrayList<>(); // {time, DATA payload bytes}
        s.net.link(C2, S2).drop(p -> {
            long bytes = dataPayloadBytes(p);
            if (bytes > 0) {
                sends.add(new long[] {s.net.now(), bytes});
            }
            return false;
        });
        int[] sent = {0};
        s.net.runUntil(() -> s.receivedCount() == COUNT, feeder(s, sent, COUNT, 1), s.net.now() + 120 * S, 5_000_000);
        assertDeliveredOnceInOrder(s, COUNT, 1);
        assertThat(s.path(S1).dataPacketsSent()).isGreaterThan(100);
        assertThat(s.path(S2).dataPacketsSent()).isGreaterThan(100);
        long most = 0;
        long inWindow = 0;
        int first = 0;
        for (long[] send : sends) {
            inWindow += send[1];
            while (sends.get(first)[0] <= send[0] - SLOW_DELAY) {
                inWindow -= sends.get(first++)[1];
            }
            most = Math.max(most, inWindow);
        }
        return most;
    }

    /** The payload bytes of the DATA chunks (type 0) in an SCTP packet. */
    private static long dataPayloadBytes(byte[] packet) {
        long bytes = 0;
        int at = 12;
        while (at + 4 <= packet.length) {
            int length = ((packet[at + 2] & 0xFF) << 8) | (packet[at + 3] & 0xFF);
            if ((packet[at] & 0xFF) == 0) {
                bytes += length - 16;
            }
            if (length < 4) {
                break;
            }
            at += (length + 3) & ~3;
        }
        return bytes;
    }

    /**
     * FreeBSD's {@code sctp_buffer_splitting}: with the send buffer (bit 0x1) or the peer's window
     * (bit 0x2) split between the two paths, the slow path never holds more than half of it, and
     * every message still arrives once and in order.
     */
    @ParameterizedTest
    @CsvSource({"SEND, true", "RECEIVE, false", "BOTH, true", "BOTH, false"})
    void withBufferSplittingASlowPathNeverHoldsMoreThanItsShare(CmtBufferSplitting splitting,
                                                                boolean smallSendBuffer) {
        long most = mostSentToTheSlowPathWithinItsOneWayDelay(splitting, smallSendBuffer);
        assertThat(most).isLessThanOrEqualTo(SMALL_BUFFER / 2);
    }

    /** Without splitting the slow path keeps more than half the small buffer in flight: what splitting prevents. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void withoutBufferSplittingTheSlowPathTakesMoreThanItsShare(boolean smallSendBuffer) {
        long most = mostSentToTheSlowPathWithinItsOneWayDelay(CmtBufferSplitting.NONE, smallSendBuffer);
        assertThat(most).isGreaterThan(SMALL_BUFFER / 2);
    }
}
