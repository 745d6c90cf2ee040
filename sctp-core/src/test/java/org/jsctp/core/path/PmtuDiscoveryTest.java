package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.PadChunk;
import org.junit.jupiter.api.Test;

/** The PLPMTUD state machine of RFC 8899 section 5.2 on one path, driven by hand. */
class PmtuDiscoveryTest {

    private static final long S = 1_000_000_000L;
    private final SeededRandomSource random = new SeededRandomSource(7);
    private long now = 1000 * S;

    private Path path(int mtu) {
        PathConfig d = PathConfig.defaults();
        Path p = new Path(0, "peer", new PathConfig(d.rtoInitialNanos(), d.rtoMinNanos(), d.rtoMaxNanos(),
                d.pathMaxRetransmits(), d.heartbeatIntervalNanos(), mtu, d.rememberedHeartbeats()));
        p.confirm();
        p.start(now, random);
        return p;
    }

    private static HeartbeatAckChunk answer(List<Chunk> probe) {
        return ((HeartbeatChunk) probe.get(0)).ack();
    }

    private static byte[] encode(List<Chunk> chunks) {
        ByteBuffer out = ByteBuffer.allocate(70_000);
        int n = PacketEncoder.encode(out, 5000, 7, 0x1234, chunks, false);
        byte[] b = new byte[n];
        out.flip().get(b);
        return b;
    }

    /** Runs probes against a path that carries packets up to {@code pathMtu}; returns the sizes probed. */
    private List<Integer> converge(PmtuDiscovery d, int pathMtu) {
        List<Integer> probed = new java.util.ArrayList<>();
        for (int i = 0; i < 1000 && (i == 0 || d.state() != PmtuState.SEARCH_COMPLETE); i++) {
            Optional<List<Chunk>> probe = d.poll(now, random);
            if (probe.isPresent()) {
                int size = encode(probe.get()).length;
                probed.add(size);
                if (size <= pathMtu) {
                    now += 50_000_000L;
                    assertThat(d.onHeartbeatAck(answer(probe.get()), now)).isTrue();
                    continue;
                }
            }
            now = Math.max(now, d.nextDeadline());
            d.checkInvariants();
        }
        return probed;
    }

    @Test
    void aProbePacketIsExactlyTheProbedSizeAndDecodesWithItsPadChunk() {
        for (int size : new int[] {1200, 1452, 4000, 9000, 65504}) {
            List<Chunk> chunks = PmtuProbe.chunks(new PmtuProbeInfo(3, size, 42L, 99L));
            byte[] wire = encode(chunks);
            assertThat(wire).hasSize(size);
            SctpPacket decoded = decode(wire);
            assertThat(decoded.chunks()).hasSize(2);
            assertThat(decoded.chunks().get(1)).isInstanceOf(PadChunk.class);
            HeartbeatAckChunk ack = ((HeartbeatChunk) decoded.chunks().get(0)).ack();
            assertThat(PmtuProbeInfo.read(ack)).contains(new PmtuProbeInfo(3, size, 42L, 99L));
            assertThat(HeartbeatInfo.read(ack)).as("not taken for a reachability heartbeat").isEmpty();
        }
    }

    private static SctpPacket decode(byte[] wire) {
        try {
            return PacketDecoder.strict().decode(wire);
        } catch (org.jsctp.core.packet.DecodeException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void probeSizesMustBeMultiplesOfFourAboveTheOverhead() {
        assertThatThrownBy(() -> PmtuProbe.chunks(new PmtuProbeInfo(0, 1202, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PmtuProbe.chunks(new PmtuProbeInfo(0, PmtuProbe.OVERHEAD - 4, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsAtBaseAndClimbsToTheLargestSizeThePathCarries() {
        Path p = path(16384);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        assertThat(d.state()).isEqualTo(PmtuState.BASE);
        assertThat(p.mtu()).isEqualTo(PmtuConfig.DEFAULT_BASE_PLPMTU);
        d.start(now);
        List<Integer> probed = converge(d, 1500);
        assertThat(probed).startsWith(1200, 1280, 1400, 1452, 1472, 4000);
        assertThat(d.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(p.mtu()).isBetween(1500 - PmtuSearch.GRANULARITY, 1500);
        assertThat(d.maxPlpmtu()).isEqualTo(16384);
    }

    @Test
    void lostProbesAreNoPathFailure() {
        Path p = path(16384);
        long rto = p.rto().rtoNanos();
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        converge(d, 1200); // every probe above 1200 is lost, many times MAX_PROBES
        assertThat(d.probesSent() - d.probesAcked()).isGreaterThan(10);
        assertThat(p.errorCount()).isZero();
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(p.rto().rtoNanos()).isEqualTo(rto);
        assertThat(p.mtu()).isEqualTo(1200);
    }

    @Test
    void baseNotConfirmedIsTheErrorStateAtMinPlpmtuAndBaseIsProbedAgain() {
        Path p = path(1452);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults().withMinPlpmtu(1024));
        d.start(now);
        for (int i = 0; i < PmtuConfig.DEFAULT_MAX_PROBES; i++) {
            assertThat(d.poll(now, random)).isPresent();
            now = d.nextDeadline();
        }
        d.poll(now, random);
        assertThat(d.state()).isEqualTo(PmtuState.ERROR);
        assertThat(p.mtu()).isEqualTo(1024);
        now = d.nextDeadline();
        Optional<List<Chunk>> again = d.poll(now, random);
        assertThat(again).isPresent();
        assertThat(encode(again.get())).hasSize(1200);
        d.onHeartbeatAck(answer(again.get()), now);
        assertThat(d.state()).isEqualTo(PmtuState.SEARCHING);
        assertThat(p.mtu()).isEqualTo(1200);
    }

    @Test
    void repeatedRetransmissionTimeoutsAboveBaseAreABlackHole() {
        Path p = path(9000);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        converge(d, 9000);
        assertThat(p.mtu()).isEqualTo(9000);
        d.onRetransmissionTimeout();
        d.onNewDataAcked(); // acknowledged in between: not a black hole
        d.onRetransmissionTimeout();
        assertThat(p.mtu()).isEqualTo(9000);
        d.onRetransmissionTimeout();
        assertThat(d.state()).isEqualTo(PmtuState.BASE);
        assertThat(p.mtu()).isEqualTo(1200);
        assertThat(d.blackHoles()).isEqualTo(1);
        assertThat(converge(d, 1500)).first().isEqualTo(1200);
        assertThat(p.mtu()).isBetween(1500 - PmtuSearch.GRANULARITY, 1500);
    }

    @Test
    void failedConfirmationOfTheCurrentSizeFallsBackToBase() {
        Path p = path(9000);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        converge(d, 9000);
        d.onNewDataAcked(); // data flows, so the PLPMTU is confirmed now and then
        now = d.nextDeadline();
        Optional<List<Chunk>> confirm = d.poll(now, random);
        assertThat(confirm).isPresent();
        assertThat(encode(confirm.get())).hasSize(9000);
        for (int i = 0; i < PmtuConfig.DEFAULT_MAX_PROBES; i++) {
            now = d.nextDeadline();
            d.poll(now, random);
        }
        assertThat(d.blackHoles()).isEqualTo(1);
        assertThat(p.mtu()).isEqualTo(1200);
    }

    @Test
    void afterThePmtuRaiseTimerOnlyTheSizeThatFailedIsProbedUnlessThePathGrew() {
        Path p = path(16384);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        converge(d, 1500);
        int found = p.mtu();
        now += PmtuConfig.DEFAULT_PMTU_RAISE_TIMER_NANOS;
        List<Integer> recheck = converge(d, 1500);
        assertThat(recheck).hasSize(PmtuConfig.DEFAULT_MAX_PROBES)
                .allSatisfy(n -> assertThat(n).isEqualTo(recheck.get(0)).isGreaterThan(found));
        assertThat(d.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(p.mtu()).isEqualTo(found);
        now += PmtuConfig.DEFAULT_PMTU_RAISE_TIMER_NANOS;
        List<Integer> grown = converge(d, 9000); // the path now carries jumbo frames
        assertThat(grown).first().isEqualTo(recheck.get(0));
        assertThat(p.mtu()).isBetween(9000 - PmtuSearch.GRANULARITY, 9000);
    }

    @Test
    void anIdleAssociationSendsNoConfirmationProbes() {
        Path p = path(1452);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        converge(d, 1500);
        long sent = d.probesSent();
        now += 10 * PmtuConfig.DEFAULT_CONFIRMATION_TIMER_NANOS;
        for (int i = 0; i < 20; i++) {
            assertThat(d.poll(now, random)).isEmpty();
            now = Math.max(now, d.nextDeadline());
        }
        assertThat(d.probesSent()).isEqualTo(sent);
    }

    @Test
    void anAcknowledgementOfAnotherProbeOrWithAnotherNonceIsIgnored() {
        Path p = path(9000);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.defaults());
        d.start(now);
        List<Chunk> probe = d.poll(now, random).orElseThrow();
        PmtuProbeInfo real = PmtuProbeInfo.read(answer(probe)).orElseThrow();
        HeartbeatAckChunk forged = new HeartbeatAckChunk(List.of(new PmtuProbeInfo(0, 1200, real.nonce() + 1,
                real.sentAtNanos()).toParameter()));
        assertThat(d.onHeartbeatAck(forged, now)).isTrue();
        assertThat(d.state()).isEqualTo(PmtuState.BASE);
        assertThat(d.onHeartbeatAck(new HeartbeatAckChunk(List.of(new HeartbeatInfo(0, 1, 2).toParameter())), now))
                .as("a reachability heartbeat's answer is the path's").isFalse();
        assertThat(d.onHeartbeatAck(answer(probe), now)).isTrue();
        assertThat(d.state()).isEqualTo(PmtuState.SEARCHING);
    }

    @Test
    void disabledLeavesTheMtuAloneAndNeverProbes() {
        Path p = path(1452);
        PmtuDiscovery d = new PmtuDiscovery(p, PmtuConfig.disabled());
        d.start(now);
        assertThat(d.state()).isEqualTo(PmtuState.DISABLED);
        assertThat(d.poll(now, random)).isEmpty();
        assertThat(d.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.mtu()).isEqualTo(1452);
    }

    @Test
    void theSearchRefinesBetweenTheLastSuccessAndTheFirstFailure() {
        PmtuSearch s = new PmtuSearch(1200, 9000);
        assertThat(s.next()).isEqualTo(1280);
        s.succeeded(1280);
        s.succeeded(1400);
        s.succeeded(1452);
        s.succeeded(1472);
        assertThat(s.next()).isEqualTo(4000);
        s.failed(4000);
        assertThat(s.next()).isEqualTo(2736);
        assertThat(new PmtuSearch(8972, 9000).next()).as("MAX_PLPMTU after the steps").isEqualTo(9000);
        assertThat(new PmtuSearch(9000, 9000).next()).isZero();
    }

    @Test
    void configRejectsOutOfRangeConstants() {
        assertThatThrownBy(() -> PmtuConfig.defaults().withProbeTimerNanos(S / 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROBE_TIMER");
        assertThatThrownBy(() -> PmtuConfig.defaults().withMinPlpmtu(1300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PmtuConfig.defaults().withMaxPlpmtu(1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PmtuConfig.defaults().withBasePlpmtu(1202))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
