package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.packet.param.PaddingParameter;
import org.jsctp.core.timer.Timer;
import org.junit.jupiter.api.Test;

class PathTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long INTERVAL = 30 * S;
    private static final int PMR = 2;

    /** RTO.Initial 1 s, RTO.Min 100 ms, RTO.Max 60 s, Path.Max.Retrans 2, HB.interval 30 s, 4 nonces. */
    private static final PathConfig CONFIG = new PathConfig(S, 100 * MS, 60 * S, PMR, INTERVAL, 1452, 4);

    /** Jitter words: the least (-RTO/2), none, and the greatest (just under +RTO/2). */
    private static final RandomSource LOWEST_JITTER = new ConstantRandom(Long.MIN_VALUE);
    private static final RandomSource NO_JITTER = new ConstantRandom(0);
    private static final RandomSource HIGHEST_JITTER = new ConstantRandom(Long.MAX_VALUE);

    private final RandomSource random = new SeededRandomSource(42);

    private static Path unconfirmed() {
        return new Path(0, "peer:5000", CONFIG);
    }

    private static Path confirmedStartedAt(long now, RandomSource random) {
        Path p = unconfirmed();
        p.confirm();
        p.start(now, random);
        p.checkInvariants();
        return p;
    }

    /** Sends a heartbeat and checks the path's invariants. */
    private HeartbeatChunk send(Path p, long now) {
        HeartbeatChunk hb = p.heartbeatToSend(now, random);
        p.checkInvariants();
        return hb;
    }

    private static HeartbeatOutcome ack(Path p, HeartbeatChunk hb, long now) {
        HeartbeatOutcome o = p.onHeartbeatAck(hb.ack(), now);
        p.checkInvariants();
        return o;
    }

    private static HeartbeatAckChunk ackWithInfo(int pathId, long nonce, long sentAt) {
        return new HeartbeatAckChunk(List.of(new HeartbeatInfo(pathId, nonce, sentAt).toParameter()));
    }

    private static HeartbeatInfo infoOf(HeartbeatChunk hb) {
        return HeartbeatInfo.parse(hb.info().orElseThrow()).orElseThrow();
    }

    // ---- construction, confirmation, plain state

    @Test
    void aNewPathIsUnconfirmedReachableAndNotStarted() {
        Path p = unconfirmed();
        p.checkInvariants();
        assertThat(p.state()).isEqualTo(PathState.UNCONFIRMED);
        assertThat(p.isConfirmed()).isFalse();
        assertThat(p.errorCount()).isZero();
        assertThat(p.isStarted()).isFalse();
        assertThat(p.id()).isZero();
        assertThat(p.address()).isEqualTo("peer:5000");
        assertThat(p.mtu()).isEqualTo(1452);
        assertThat(p.rto().rtoNanos()).isEqualTo(S);
        assertThat(p.lastSentNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(Timer.NEVER);
    }

    @Test
    void confirmingByTheHandshakeMakesThePathActive() {
        Path p = unconfirmed();
        p.confirm();
        p.confirm();
        p.checkInvariants();
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(p.isConfirmed()).isTrue();
    }

    @Test
    void invalidConstructionIsRefused() {
        assertThatThrownBy(() -> new Path(-1, "a", CONFIG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Path(0, null, CONFIG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Path(0, "a", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, 2 * S, 60 * S, 5, INTERVAL, 1452, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, S, 60 * S, -1, INTERVAL, 1452, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, S, 60 * S, 5, -1, 1452, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, S, 60 * S, 5, INTERVAL, 100, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, S, 60 * S, 5, INTERVAL, 1452, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathConfig(S, S, 60 * S, 5, INTERVAL, 1452, 65))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreThoseOfRfc9260Section16() {
        PathConfig d = PathConfig.defaults();
        assertThat(d.rtoInitialNanos()).isEqualTo(S);
        assertThat(d.rtoMinNanos()).isEqualTo(S);
        assertThat(d.rtoMaxNanos()).isEqualTo(60 * S);
        assertThat(d.pathMaxRetransmits()).isEqualTo(5);
        assertThat(d.heartbeatIntervalNanos()).isEqualTo(30 * S);
    }

    @Test
    void theMtuIsFixedUntilSetAndMustBeSane() {
        Path p = unconfirmed();
        p.setMtu(1200);
        assertThat(p.mtu()).isEqualTo(1200);
        assertThatThrownBy(() -> p.setMtu(PathConfig.MIN_MTU - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setMtu(PathConfig.MAX_MTU + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.mtu()).isEqualTo(1200);
        p.checkInvariants();
    }

    @Test
    void dataMayNotBeSentOnAnUnconfirmedPath() {
        Path p = unconfirmed();
        assertThatThrownBy(() -> p.onDataSent(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("5.4");
        assertThatThrownBy(p::onNewDataAcked).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startingTwiceIsAProgrammingError() {
        Path p = confirmedStartedAt(0, random);
        assertThatThrownBy(() -> p.start(1, random)).isInstanceOf(IllegalStateException.class);
    }

    // ---- idle heartbeats (RFC 9260 section 8.3)

    @Test
    void nothingIsHeartbeatedBeforeTheAssociationStartsThePath() {
        Path p = unconfirmed();
        p.confirm();
        assertThat(p.heartbeatDue(1000 * S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(Timer.NEVER);
    }

    @Test
    void anIdlePathIsHeartbeatedAfterTheIntervalPlusRtoLessHalfAnRtoAtTheLowestJitter() {
        long start = 5 * S;
        Path p = confirmedStartedAt(start, LOWEST_JITTER);
        long due = start + INTERVAL + S / 2;
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(due);
        assertThat(p.heartbeatDue(due - 1)).isFalse();
        assertThat(p.heartbeatDue(due)).isTrue();
    }

    @Test
    void anIdlePathIsHeartbeatedJustBeforeTheIntervalPlusOneAndAHalfRtoAtTheHighestJitter() {
        Path p = confirmedStartedAt(0, HIGHEST_JITTER);
        long due = INTERVAL + 3 * S / 2 - 1;
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(due);
        assertThat(p.heartbeatDue(due - 1)).isFalse();
        assertThat(p.heartbeatDue(due)).isTrue();
    }

    @Test
    void withoutJitterTheIdlePeriodIsTheIntervalPlusOneRto() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(INTERVAL + S);
    }

    @Test
    void eachHeartbeatDrawsANewJitterWithinHalfAnRto() {
        Path p = confirmedStartedAt(0, random);
        long now = 0;
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < 500; i++) {
            long deadline = p.nextHeartbeatDeadline();
            long period = deadline - p.lastSentNanos();
            long rtoNanos = p.rto().rtoNanos();
            assertThat(period).isBetween(INTERVAL + rtoNanos / 2, INTERVAL + rtoNanos * 3 / 2 - 1);
            earliest = Math.min(earliest, period);
            latest = Math.max(latest, period);
            now = deadline;
            assertThat(p.heartbeatDue(now)).isTrue();
            HeartbeatChunk hb = send(p, now);
            assertThat(ack(p, hb, now + 100 * MS).accepted()).isTrue(); // keeps the RTO at RTO.Min-ish
        }
        // the draws spread over most of the +/- 50% range, they are not one fixed value
        long rtoNanos = p.rto().rtoNanos();
        assertThat(latest - earliest).isGreaterThan(rtoNanos * 8 / 10);
    }

    @Test
    void sendingDataPostponesTheIdleHeartbeat() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.onDataSent(20 * S);
        assertThat(p.lastSentNanos()).isEqualTo(20 * S);
        assertThat(p.heartbeatDue(INTERVAL + S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(20 * S + INTERVAL + S);
        assertThat(p.heartbeatDue(20 * S + INTERVAL + S)).isTrue();
    }

    @Test
    void theNextIdleHeartbeatIsMeasuredFromTheLastHeartbeat() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        long t = INTERVAL + S;
        HeartbeatChunk hb = p.heartbeatToSend(t, NO_JITTER);
        p.checkInvariants();
        assertThat(p.lastSentNanos()).isEqualTo(t);
        ack(p, hb, t + 200 * MS); // RTO becomes 600 ms
        assertThat(p.rto().rtoNanos()).isEqualTo(600 * MS);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(t + INTERVAL + 600 * MS);
    }

    @Test
    void noHeartbeatIsDueWhileTheLastOneIsWithinItsRto() {
        Path p = unconfirmed();
        p.confirm();
        p.setHeartbeatInterval(0);
        p.start(0, NO_JITTER);
        assertThat(p.heartbeatDue(S)).isTrue();
        send(p, S);
        assertThat(p.heartbeatOutstanding()).isTrue();
        assertThat(p.heartbeatDue(S + S / 2)).isFalse();
        assertThat(p.heartbeatDue(10 * S)).isFalse(); // the timeout was not handled yet
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(2 * S);
    }

    @Test
    void disabledHeartbeatsSendNothingOnAnIdleConfirmedPath() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.setHeartbeatEnabled(false);
        assertThat(p.isHeartbeatEnabled()).isFalse();
        assertThat(p.heartbeatDue(1000 * S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(Timer.NEVER);
        p.setHeartbeatEnabled(true);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(INTERVAL + S);
    }

    @Test
    void changingTheIntervalAppliesToTheCurrentPeriod() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.setHeartbeatInterval(5 * S);
        assertThat(p.heartbeatIntervalNanos()).isEqualTo(5 * S);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(6 * S);
        assertThatThrownBy(() -> p.setHeartbeatInterval(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestedHeartbeatIsDueAtOnceEvenBeforeStartAndIsSatisfiedBySendingOne() {
        Path p = unconfirmed();
        p.confirm();
        p.requestHeartbeat(7 * S);
        p.requestHeartbeat(8 * S);
        assertThat(p.heartbeatDue(8 * S)).isTrue();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(7 * S);
        send(p, 8 * S);
        assertThat(p.heartbeatDue(8 * S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(9 * S); // only its timeout remains
    }

    @Test
    void aRequestedHeartbeatGoesOutEvenWhileAnotherIsOutstandingOrHeartbeatsAreDisabled() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.setHeartbeatEnabled(false);
        send(p, S);
        p.requestHeartbeat(S + 1);
        assertThat(p.heartbeatDue(S + 1)).isTrue();
    }

    @Test
    void stoppingEndsHeartbeatsButStillAcceptsTheirAcknowledgements() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        HeartbeatChunk hb = send(p, S);
        p.requestHeartbeat(S);
        p.stop();
        p.checkInvariants();
        assertThat(p.isStarted()).isFalse();
        assertThat(p.heartbeatDue(1000 * S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(Timer.NEVER);
        assertThat(p.checkHeartbeatTimeout(1000 * S)).isEqualTo(HeartbeatTimeout.NONE);
        assertThat(p.errorCount()).isZero();
        assertThat(ack(p, hb, 1000 * S).accepted()).isTrue();
    }

    // ---- unanswered heartbeats and path failure (RFC 9260 sections 8.2 and 8.3)

    @Test
    void anUnansweredHeartbeatCountsAnErrorAndBacksOffTheRto() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        long t = INTERVAL + S;
        p.heartbeatToSend(t, NO_JITTER);
        assertThat(p.checkHeartbeatTimeout(t + S - 1)).isEqualTo(HeartbeatTimeout.NONE);
        HeartbeatTimeout timeout = p.checkHeartbeatTimeout(t + S);
        p.checkInvariants();
        assertThat(timeout).isEqualTo(HeartbeatTimeout.UNANSWERED);
        assertThat(timeout.unanswered()).isTrue();
        assertThat(timeout.event()).isEqualTo(PathEvent.NONE);
        assertThat(p.errorCount()).isEqualTo(1);
        assertThat(p.rto().rtoNanos()).isEqualTo(2 * S);
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(p.checkHeartbeatTimeout(t + 5 * S)).isEqualTo(HeartbeatTimeout.NONE); // counted once
        // the next heartbeat of the idle path uses the backed-off RTO
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(t + INTERVAL + 2 * S);
    }

    @Test
    void errorsBeyondPathMaxRetransMakeThePathInactiveAndThenStopCounting() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        List<HeartbeatTimeout> timeouts = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < PMR + 3; i++) {
            now = p.nextHeartbeatDeadline();
            assertThat(p.heartbeatDue(now)).as("heartbeats continue, round %d", i).isTrue();
            p.heartbeatToSend(now, NO_JITTER);
            now = p.nextHeartbeatDeadline();
            timeouts.add(p.checkHeartbeatTimeout(now));
            p.checkInvariants();
        }
        assertThat(timeouts).containsExactly(HeartbeatTimeout.UNANSWERED, HeartbeatTimeout.UNANSWERED,
                HeartbeatTimeout.UNANSWERED_BECAME_INACTIVE, HeartbeatTimeout.UNANSWERED, HeartbeatTimeout.UNANSWERED);
        assertThat(timeouts.get(PMR).event()).isEqualTo(PathEvent.BECAME_INACTIVE);
        assertThat(p.state()).isEqualTo(PathState.INACTIVE);
        assertThat(p.errorCount()).isEqualTo(PMR + 1);
    }

    @Test
    void aHeartbeatAckMakesAnInactivePathActiveAgain() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        for (int i = 0; i <= PMR; i++) {
            p.onRetransmissionTimeout();
        }
        assertThat(p.state()).isEqualTo(PathState.INACTIVE);
        long now = p.nextHeartbeatDeadline();
        assertThat(p.heartbeatDue(now)).isTrue();
        HeartbeatChunk hb = send(p, now);
        HeartbeatOutcome o = ack(p, hb, now + 50 * MS);
        assertThat(o.accepted()).isTrue();
        assertThat(o.event()).isEqualTo(PathEvent.BECAME_ACTIVE);
        assertThat(o.newlyConfirmed()).isFalse();
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(p.errorCount()).isZero();
    }

    @Test
    void aHeartbeatAckClearsErrorsOfAnActivePathWithoutAnEvent() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.onRetransmissionTimeout();
        HeartbeatChunk hb = send(p, S);
        HeartbeatOutcome o = ack(p, hb, 2 * S);
        assertThat(o.event()).isEqualTo(PathEvent.NONE);
        assertThat(p.errorCount()).isZero();
    }

    @Test
    void retransmissionTimeoutsCountErrorsBackOffAndNewlyAckedDataRecovers() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.NONE);
        assertThat(p.rto().rtoNanos()).isEqualTo(2 * S);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.NONE);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.BECAME_INACTIVE);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.NONE);
        p.checkInvariants();
        assertThat(p.errorCount()).isEqualTo(PMR + 1);
        assertThat(p.rto().rtoNanos()).isEqualTo(16 * S);
        assertThat(p.onNewDataAcked()).isEqualTo(PathEvent.BECAME_ACTIVE);
        assertThat(p.onNewDataAcked()).isEqualTo(PathEvent.NONE);
        assertThat(p.errorCount()).isZero();
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        p.checkInvariants();
    }

    @Test
    void withPathMaxRetransZeroTheFirstErrorFailsThePath() {
        Path p = new Path(3, "x", new PathConfig(S, S, 60 * S, 0, INTERVAL, 1452, 4));
        p.confirm();
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.BECAME_INACTIVE);
        p.checkInvariants();
    }

    // ---- acknowledgements: RTT, nonces, confirmation (RFC 9260 sections 5.4 and 8.3)

    @Test
    void aHeartbeatAckFeedsItsRoundTripTimeToTheRtoEstimator() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        HeartbeatChunk hb = send(p, 10 * S);
        HeartbeatOutcome o = ack(p, hb, 10 * S + 200 * MS);
        assertThat(o.rttNanos()).isEqualTo(200 * MS);
        assertThat(p.rto().hasMeasurement()).isTrue();
        assertThat(p.rto().srttNanos()).isEqualTo(200 * MS);
        assertThat(p.rto().rtoNanos()).isEqualTo(600 * MS); // 200 + 4 * 100 (RFC 9260 section 6.3.1 C2)
        assertThat(p.heartbeatOutstanding()).isFalse();
        assertThat(p.checkHeartbeatTimeout(20 * S)).isEqualTo(HeartbeatTimeout.NONE);
    }

    @Test
    void theHeartbeatCarriesThePathIdANonceAndTheSendTime() {
        Path p = new Path(7, "y", CONFIG);
        HeartbeatChunk hb = p.heartbeatToSend(-3 * S, new ConstantRandom(0x0123_4567_89AB_CDEFL));
        assertThat(hb.parameters()).hasSize(1);
        HeartbeatInfo info = infoOf(hb);
        assertThat(info).isEqualTo(new HeartbeatInfo(7, 0x0123_4567_89AB_CDEFL, -3 * S));
        assertThat(hb.info().orElseThrow().info().length()).isEqualTo(HeartbeatInfo.LENGTH);
    }

    @Test
    void anUnconfirmedPathIsConfirmedOnlyByTheNonceItSent() {
        Path p = unconfirmed();
        p.start(0, random);
        HeartbeatChunk hb = send(p, 0);
        HeartbeatInfo info = infoOf(hb);
        HeartbeatOutcome forged = p.onHeartbeatAck(ackWithInfo(0, info.nonce() ^ 1, info.sentAtNanos()), 10 * MS);
        p.checkInvariants();
        assertThat(forged.verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
        assertThat(forged.accepted()).isFalse();
        assertThat(p.isConfirmed()).isFalse();
        assertThat(p.rto().hasMeasurement()).isFalse();

        HeartbeatOutcome right = ack(p, hb, 20 * MS);
        assertThat(right.verdict()).isEqualTo(HeartbeatOutcome.Verdict.ACCEPTED);
        assertThat(right.newlyConfirmed()).isTrue();
        assertThat(p.isConfirmed()).isTrue();
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
    }

    @Test
    void theRightNonceWithAnotherSendTimeIsIgnored() {
        Path p = unconfirmed();
        HeartbeatChunk hb = send(p, S);
        HeartbeatInfo info = infoOf(hb);
        HeartbeatOutcome o = p.onHeartbeatAck(ackWithInfo(0, info.nonce(), info.sentAtNanos() - S), 2 * S);
        assertThat(o.verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
        assertThat(p.isConfirmed()).isFalse();
        assertThat(ack(p, hb, 2 * S).accepted()).isTrue(); // the genuine one still counts
    }

    @Test
    void aReplayedAckIsIgnored() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        HeartbeatChunk hb = send(p, S);
        assertThat(ack(p, hb, S + 100 * MS).accepted()).isTrue();
        p.onRetransmissionTimeout();
        long rtoBefore = p.rto().rtoNanos();
        HeartbeatOutcome replay = ack(p, hb, 5 * S);
        assertThat(replay.verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
        assertThat(p.errorCount()).isEqualTo(1);
        assertThat(p.rto().rtoNanos()).isEqualTo(rtoBefore);
    }

    @Test
    void anAckForAnotherPathIsIgnoredEvenWithTheSameNonce() {
        Path zero = new Path(0, "a", CONFIG);
        Path one = new Path(1, "b", CONFIG);
        HeartbeatChunk toZero = zero.heartbeatToSend(S, new SeededRandomSource(9));
        HeartbeatChunk toOne = one.heartbeatToSend(S, new SeededRandomSource(9));
        assertThat(infoOf(toZero).nonce()).isEqualTo(infoOf(toOne).nonce());
        HeartbeatOutcome o = ack(one, toZero, 2 * S);
        assertThat(o.verdict()).isEqualTo(HeartbeatOutcome.Verdict.OTHER_PATH);
        assertThat(one.isConfirmed()).isFalse();
        assertThat(one.heartbeatOutstanding()).isTrue();
        assertThat(ack(one, toOne, 2 * S).newlyConfirmed()).isTrue();
    }

    @Test
    void acksWithoutOurHeartbeatInfoAreMalformed() {
        Path p = unconfirmed();
        HeartbeatChunk hb = send(p, S);
        byte[] good = hb.info().orElseThrow().info().toByteArray();

        List<HeartbeatAckChunk> bad = new ArrayList<>();
        bad.add(new HeartbeatAckChunk(List.of(PaddingParameter.zeros(8)))); // no Heartbeat Info at all
        bad.add(new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.empty()))));
        bad.add(new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(good, 0, 23)))));
        byte[] longer = new byte[25];
        System.arraycopy(good, 0, longer, 0, 24);
        bad.add(new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(longer)))));
        byte[] badMagic = good.clone();
        badMagic[0] ^= 1;
        bad.add(new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(badMagic)))));
        byte[] negativeId = good.clone();
        negativeId[4] = (byte) 0x80;
        bad.add(new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(negativeId)))));

        for (HeartbeatAckChunk a : bad) {
            HeartbeatOutcome o = p.onHeartbeatAck(a, 2 * S);
            p.checkInvariants();
            assertThat(o.verdict()).as("%s", a).isEqualTo(HeartbeatOutcome.Verdict.MALFORMED);
        }
        assertThat(p.isConfirmed()).isFalse();
        assertThat(ack(p, hb, 2 * S).accepted()).isTrue();
    }

    @Test
    void onlyTheLastFewNoncesAreRemembered() {
        Path p = unconfirmed();
        List<HeartbeatChunk> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.requestHeartbeat(i * S);
            sent.add(send(p, i * S));
            assertThat(p.rememberedHeartbeats()).isLessThanOrEqualTo(4);
        }
        assertThat(p.rememberedHeartbeats()).isEqualTo(4);
        assertThat(ack(p, sent.get(0), 6 * S).verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
        assertThat(ack(p, sent.get(1), 6 * S).verdict()).isEqualTo(HeartbeatOutcome.Verdict.UNKNOWN_NONCE);
        assertThat(p.isConfirmed()).isFalse();
        HeartbeatOutcome third = ack(p, sent.get(2), 6 * S);
        assertThat(third.accepted()).isTrue();
        assertThat(third.rttNanos()).isEqualTo(4 * S);
        assertThat(p.rememberedHeartbeats()).isEqualTo(3);
    }

    @Test
    void aLateAckAfterTheTimeoutStillClearsTheErrors() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        HeartbeatChunk hb = send(p, S);
        assertThat(p.checkHeartbeatTimeout(2 * S)).isEqualTo(HeartbeatTimeout.UNANSWERED);
        assertThat(p.errorCount()).isEqualTo(1);
        HeartbeatOutcome o = ack(p, hb, 3 * S);
        assertThat(o.accepted()).isTrue();
        assertThat(o.rttNanos()).isEqualTo(2 * S);
        assertThat(p.errorCount()).isZero();
    }

    @Test
    void anAckOfAnOlderHeartbeatLeavesTheNewestOneTimed() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        HeartbeatChunk first = send(p, S);
        p.requestHeartbeat(S + 10 * MS);
        send(p, S + 10 * MS);
        assertThat(ack(p, first, S + 100 * MS).accepted()).isTrue();
        assertThat(p.heartbeatOutstanding()).isTrue();
        // the RTO used for the newest heartbeat was the 1 s of the time it was sent
        assertThat(p.checkHeartbeatTimeout(2 * S + 10 * MS)).isEqualTo(HeartbeatTimeout.UNANSWERED);
        assertThat(p.errorCount()).isEqualTo(1);
    }

    @Test
    void theAnswerToAHeartbeatEchoesItsTlvsUnchanged() {
        HeartbeatChunk hb = new HeartbeatChunk(List.of(new HeartbeatInfo(2, 5, 6).toParameter(), PaddingParameter.zeros(4)));
        HeartbeatAckChunk answer = hb.ack();
        assertThat(answer.parameters()).isEqualTo(hb.parameters());
    }

    // ---- probing unconfirmed paths (RFC 9260 section 5.4)

    @Test
    void anUnconfirmedPathIsProbedOncePerRtoWithBackoffUntilItFails() {
        Path p = unconfirmed();
        p.setHeartbeatEnabled(false); // does not stop the verification of an address
        p.start(0, NO_JITTER);
        List<Long> probes = new ArrayList<>();
        List<HeartbeatTimeout> timeouts = new ArrayList<>();
        long now = 0;
        for (int i = 0; i <= PMR; i++) {
            now = p.nextHeartbeatDeadline();
            assertThat(p.heartbeatDue(now)).isTrue();
            p.heartbeatToSend(now, NO_JITTER);
            probes.add(now);
            assertThat(p.heartbeatDue(now + p.rto().rtoNanos() - 1)).isFalse();
            now = p.nextHeartbeatDeadline();
            timeouts.add(p.checkHeartbeatTimeout(now));
            p.checkInvariants();
        }
        assertThat(probes).containsExactly(0L, S, 3 * S); // RTO 1 s, then 2 s, then 4 s
        assertThat(timeouts).containsExactly(HeartbeatTimeout.UNANSWERED, HeartbeatTimeout.UNANSWERED,
                HeartbeatTimeout.UNANSWERED_BECAME_INACTIVE);
        assertThat(now).isEqualTo(7 * S);
        assertThat(p.state()).isEqualTo(PathState.INACTIVE);
        assertThat(p.isConfirmed()).isFalse();
        // inactive: probed at the heartbeat rate, with the backed-off RTO of 8 s
        assertThat(p.heartbeatDue(7 * S)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(3 * S + INTERVAL + 8 * S);
    }

    @Test
    void aProbeAnsweredLateConfirmsAndRevivesAnInactiveUnconfirmedPath() {
        Path p = unconfirmed();
        p.start(0, NO_JITTER);
        HeartbeatChunk first = send(p, 0);
        for (int i = 0; i <= PMR; i++) {
            p.checkHeartbeatTimeout(p.nextHeartbeatDeadline());
            if (i < PMR) {
                p.heartbeatToSend(p.nextHeartbeatDeadline(), random);
            }
        }
        assertThat(p.state()).isEqualTo(PathState.INACTIVE);
        HeartbeatOutcome o = ack(p, first, 10 * S);
        assertThat(o.accepted()).isTrue();
        assertThat(o.newlyConfirmed()).isTrue();
        assertThat(o.event()).isEqualTo(PathEvent.BECAME_ACTIVE);
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
    }

    @Test
    void aConfirmedPathIsNoLongerProbed() {
        Path p = unconfirmed();
        p.start(0, NO_JITTER);
        assertThat(p.heartbeatDue(0)).isTrue();
        p.confirm();
        assertThat(p.heartbeatDue(0)).isFalse();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(INTERVAL + S);
    }

    // ---- the clock

    @Test
    void negativeClockValuesWork() {
        long start = -100 * S;
        Path p = confirmedStartedAt(start, NO_JITTER);
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(start + INTERVAL + S);
        HeartbeatChunk hb = send(p, start + INTERVAL + S);
        assertThat(ack(p, hb, start + INTERVAL + S + 300 * MS).rttNanos()).isEqualTo(300 * MS);
    }

    @Test
    void deadlinesNearTheEndOfTheClockSaturateInsteadOfWrapping() {
        Path p = unconfirmed();
        p.confirm();
        p.setHeartbeatInterval(Long.MAX_VALUE / 2);
        p.start(Long.MAX_VALUE / 2 + 1, HIGHEST_JITTER);
        p.checkInvariants();
        assertThat(p.nextHeartbeatDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.heartbeatDue(Long.MAX_VALUE - 1)).isFalse();
    }

    // ---- Potentially Failed (RFC 7829 section 5.1)

    @Test
    void aPathBecomesPotentiallyFailedWhenErrorsExceedTheThresholdAndInactiveBeyondPathMaxRetrans() {
        Path p = confirmedStartedAt(0, random);
        assertThat(p.setPotentiallyFailedThreshold(0)).isEqualTo(PathEvent.NONE);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.BECAME_POTENTIALLY_FAILED);
        assertThat(p.state()).isEqualTo(PathState.POTENTIALLY_FAILED);
        p.checkInvariants();
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.NONE);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.BECAME_INACTIVE); // PMR 2 exceeded
        assertThat(p.onNewDataAcked()).isEqualTo(PathEvent.BECAME_ACTIVE);
    }

    @Test
    void thePotentiallyFailedStateIsOffByDefaultAndForUnconfirmedPaths() {
        Path p = confirmedStartedAt(0, random);
        assertThat(p.onRetransmissionTimeout()).isEqualTo(PathEvent.NONE);
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(p.setPotentiallyFailedThreshold(0)).isEqualTo(PathEvent.BECAME_POTENTIALLY_FAILED);
        assertThat(p.setPotentiallyFailedThreshold(Integer.MAX_VALUE)).isEqualTo(PathEvent.BECAME_ACTIVE);
        Path u = unconfirmed();
        u.setPotentiallyFailedThreshold(0);
        u.onRetransmissionTimeout();
        assertThat(u.state()).isEqualTo(PathState.UNCONFIRMED);
        assertThatThrownBy(() -> p.setPotentiallyFailedThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPotentiallyFailedPathIsHeartbeatedOncePerRtoWithoutBackoffAndAnAckMakesItActive() {
        Path p = confirmedStartedAt(0, NO_JITTER);
        p.setPotentiallyFailedThreshold(0);
        p.onRetransmissionTimeout(); // PF; the T3 expiry backed the RTO off once (RFC 9260 6.3.3 E2)
        long rto = p.rto().rtoNanos();
        assertThat(p.heartbeatDue(S)).isTrue(); // at once, not after HB.interval
        HeartbeatChunk first = send(p, S);
        assertThat(p.heartbeatDue(S + rto - 1)).isFalse();
        assertThat(p.checkHeartbeatTimeout(S + rto)).isEqualTo(HeartbeatTimeout.UNANSWERED);
        assertThat(p.rto().rtoNanos()).isEqualTo(rto); // RFC 7829 section 5.1: no backoff while PF
        assertThat(p.heartbeatDue(S + rto)).isTrue();
        assertThat(p.nextHeartbeatDeadline()).isLessThanOrEqualTo(S + rto);
        HeartbeatChunk second = send(p, S + rto);
        HeartbeatOutcome o = ack(p, second, S + rto + 10 * MS);
        assertThat(o.event()).isEqualTo(PathEvent.BECAME_ACTIVE);
        assertThat(p.state()).isEqualTo(PathState.ACTIVE);
        assertThat(ack(p, first, S + rto + 20 * MS).accepted()).isTrue(); // a late answer is still ours
    }
}
