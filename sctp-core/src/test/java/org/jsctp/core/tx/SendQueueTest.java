package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.junit.jupiter.api.Test;

class SendQueueTest {

    private static final boolean DATA = false;
    private static final boolean IDATA = true;
    private static final long NOW = 1_000L;

    private static Bytes payload(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return Bytes.wrap(b);
    }

    private static OutgoingMessage ordered(int stream, int size) {
        return OutgoingMessage.of(stream, 51, false, payload(size, stream));
    }

    private static OutgoingMessage unordered(int stream, int size) {
        return OutgoingMessage.of(stream, 53, true, payload(size, stream));
    }

    private static OutgoingMessage expiring(int stream, int size, long expiresAt) {
        return new OutgoingMessage(stream, 51, false, payload(size, stream), expiresAt, OutgoingMessage.UNLIMITED, "ctx");
    }

    private static SendQueue fcfs() {
        return new SendQueue(16, 100_000, new FcfsScheduler());
    }

    private static SendQueue roundRobin() {
        return new SendQueue(16, 100_000, new RoundRobinScheduler());
    }

    private static void offer(SendQueue q, OutgoingMessage m) {
        assertThat(q.offer(m, NOW)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        q.checkInvariants();
    }

    private static OutgoingFragment produce(SendQueue q, int max, boolean interleaved) {
        OutgoingFragment f = q.produce(NOW, max, interleaved);
        q.checkInvariants();
        return f;
    }

    private static List<OutgoingFragment> drain(SendQueue q, int max, boolean interleaved) {
        List<OutgoingFragment> out = new ArrayList<>();
        for (OutgoingFragment f; (f = produce(q, max, interleaved)) != null; ) {
            out.add(f);
        }
        return out;
    }

    private static List<Integer> sizes(List<OutgoingFragment> fragments) {
        List<Integer> sizes = new ArrayList<>();
        for (OutgoingFragment f : fragments) {
            sizes.add(f.payload().length());
        }
        return sizes;
    }

    private static List<Integer> streams(List<OutgoingFragment> fragments) {
        List<Integer> ids = new ArrayList<>();
        for (OutgoingFragment f : fragments) {
            ids.add(f.streamId());
        }
        return ids;
    }

    private static List<Integer> ssns(List<OutgoingFragment> fragments) {
        List<Integer> ssns = new ArrayList<>();
        for (OutgoingFragment f : fragments) {
            ssns.add(f.ssn().value());
        }
        return ssns;
    }

    @Test
    void anEmptyQueueProducesNothing() {
        SendQueue q = fcfs();
        assertThat(q.produce(NOW, 1000, DATA)).isNull();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.bufferedBytes()).isZero();
        q.checkInvariants();
    }

    @Test
    void aSmallMessageIsOneFragmentWithBothFlagsAndItsFields() {
        SendQueue q = fcfs();
        OutgoingMessage m = ordered(3, 10);
        offer(q, m);
        OutgoingFragment f = produce(q, 1000, DATA);
        assertThat(f.streamId()).isEqualTo(3);
        assertThat(f.beginning()).isTrue();
        assertThat(f.ending()).isTrue();
        assertThat(f.unordered()).isFalse();
        assertThat(f.interleaved()).isFalse();
        assertThat(f.ppid()).isEqualTo(51);
        assertThat(f.ssn()).isEqualTo(new Ssn(0));
        assertThat(f.mid()).isNull();
        assertThat(f.fsn()).isNull();
        assertThat(f.payload()).isEqualTo(m.payload());
        assertThat(f.message()).isSameAs(m);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aMessageOfAnExactMultipleIsCutIntoFullFragments() {
        SendQueue q = fcfs();
        offer(q, ordered(0, 300));
        List<OutgoingFragment> fs = drain(q, 100, DATA);
        assertThat(sizes(fs)).containsExactly(100, 100, 100);
        assertThat(fs.get(0).beginning()).isTrue();
        assertThat(fs.get(0).ending()).isFalse();
        assertThat(fs.get(1).beginning()).isFalse();
        assertThat(fs.get(1).ending()).isFalse();
        assertThat(fs.get(2).beginning()).isFalse();
        assertThat(fs.get(2).ending()).isTrue();
    }

    @Test
    void oneByteMoreOrLessThanAMultipleChangesOnlyTheLastFragment() {
        SendQueue q = fcfs();
        offer(q, ordered(0, 301));
        offer(q, ordered(1, 299));
        offer(q, ordered(2, 100));
        offer(q, ordered(3, 101));
        assertThat(sizes(drain(q, 100, DATA))).containsExactly(100, 100, 100, 1, 100, 100, 99, 100, 100, 1);
    }

    @Test
    void fragmentsAreSlicesOfThePayloadThatReassembleToIt() {
        SendQueue q = fcfs();
        OutgoingMessage m = ordered(0, 250);
        offer(q, m);
        byte[] joined = new byte[250];
        int at = 0;
        for (OutgoingFragment f : drain(q, 64, DATA)) {
            assertThat(f.ssn()).isEqualTo(new Ssn(0)); // RFC 9260 section 6.9: the same SSN in each fragment
            f.payload().copyTo(joined, at);
            at += f.payload().length();
        }
        assertThat(Bytes.wrap(joined)).isEqualTo(m.payload());
    }

    @Test
    void theFragmentSizeMayChangeBetweenCalls() {
        SendQueue q = fcfs();
        offer(q, ordered(0, 1000));
        assertThat(produce(q, 300, DATA).payload().length()).isEqualTo(300);
        assertThat(produce(q, 50, DATA).payload().length()).isEqualTo(50);
        assertThat(produce(q, 1, DATA).payload().length()).isEqualTo(1);
        OutgoingFragment last = produce(q, 5000, DATA);
        assertThat(last.payload().length()).isEqualTo(649);
        assertThat(last.ending()).isTrue();
    }

    @Test
    void aFragmentIsNeverLargerThanOneChunkCanCarry() {
        SendQueue q = new SendQueue(1, 200_000, new FcfsScheduler());
        offer(q, ordered(0, 140_000));
        assertThat(produce(q, Integer.MAX_VALUE, DATA).payload().length()).isEqualTo(SendQueue.MAX_DATA_FRAGMENT);
        assertThat(SendQueue.MAX_DATA_FRAGMENT).isEqualTo(65_519);
        q.clear();
        offer(q, ordered(0, 140_000));
        assertThat(produce(q, Integer.MAX_VALUE, IDATA).payload().length()).isEqualTo(SendQueue.MAX_IDATA_FRAGMENT);
        assertThat(SendQueue.MAX_IDATA_FRAGMENT).isEqualTo(65_515);
    }

    @Test
    void maxPayloadBelowOneIsAProgrammingError() {
        SendQueue q = fcfs();
        offer(q, ordered(0, 10));
        assertThatThrownBy(() -> q.produce(NOW, 0, DATA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withDataAStartedMessageIsFinishedBeforeTheSchedulerChoosesAgain() {
        SendQueue q = roundRobin();
        offer(q, ordered(1, 300));
        offer(q, ordered(2, 300));
        List<OutgoingFragment> fs = drain(q, 100, DATA);
        assertThat(streams(fs)).containsExactly(1, 1, 1, 2, 2, 2);
    }

    @Test
    void withDataAStartedMessageIsFinishedEvenWhenAnOlderStreamBecomesActive() {
        SendQueue q = roundRobin();
        offer(q, ordered(1, 300));
        produce(q, 100, DATA);
        offer(q, ordered(2, 100));
        assertThat(streams(drain(q, 100, DATA))).containsExactly(1, 1, 2);
    }

    @Test
    void withIDataTheSchedulerMaySwitchStreamsBetweenFragments() {
        SendQueue q = roundRobin();
        offer(q, ordered(1, 300));
        offer(q, ordered(2, 200));
        List<OutgoingFragment> fs = drain(q, 100, IDATA);
        assertThat(streams(fs)).containsExactly(1, 2, 1, 2, 1);
        assertThat(fs.get(0).fsn()).isEqualTo(new Fsn(0));
        assertThat(fs.get(2).fsn()).isEqualTo(new Fsn(1));
        assertThat(fs.get(4).fsn()).isEqualTo(new Fsn(2));
        assertThat(fs.get(4).ending()).isTrue();
        assertThat(fs.get(3).ending()).isTrue();
    }

    @Test
    void switchingBetweenDataAndIDataMidMessageIsAProgrammingError() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 300));
        produce(q, 100, DATA);
        assertThatThrownBy(() -> q.produce(NOW, 100, IDATA)).isInstanceOf(IllegalStateException.class);
        produce(q, 100, DATA);
        produce(q, 100, DATA);
        offer(q, ordered(1, 10));
        assertThat(produce(q, 100, IDATA).mid()).isEqualTo(new Mid(0));
    }

    @Test
    void orderedMessagesTakeConsecutiveSsnsPerStreamStartingAtZero() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 10));
        offer(q, ordered(2, 10));
        offer(q, ordered(1, 10));
        offer(q, ordered(1, 10));
        offer(q, ordered(2, 10));
        List<OutgoingFragment> fs = drain(q, 100, DATA);
        assertThat(streams(fs)).containsExactly(1, 2, 1, 1, 2);
        assertThat(ssns(fs)).containsExactly(0, 0, 1, 2, 1);
    }

    @Test
    void theSsnWrapsFrom65535ToZero() {
        SendQueue q = new SendQueue(1, 1_000_000, new FcfsScheduler());
        for (int i = 0; i <= 65_536; i++) {
            offer(q, ordered(0, 1));
            OutgoingFragment f = q.produce(NOW, 100, DATA);
            assertThat(f.ssn().value()).isEqualTo(i & 0xFFFF);
        }
        q.checkInvariants();
    }

    @Test
    void theSsnWrapsFromTheHookedStartToo() {
        SendQueue q = fcfs();
        q.setNextSequenceNumbers(4, 65_534, 0, 0);
        for (int i = 0; i < 4; i++) {
            offer(q, ordered(4, 10));
        }
        assertThat(ssns(drain(q, 100, DATA))).containsExactly(65_534, 65_535, 0, 1);
    }

    @Test
    void unorderedDataCarriesSsnZeroAndDoesNotAdvanceTheStreamsSsn() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 10));
        offer(q, unordered(1, 10));
        offer(q, unordered(1, 10));
        offer(q, ordered(1, 10));
        List<OutgoingFragment> fs = drain(q, 100, DATA);
        assertThat(ssns(fs)).containsExactly(0, 0, 0, 1);
        assertThat(fs.get(1).unordered()).isTrue();
        assertThat(fs.get(1).ppid()).isEqualTo(53);
        assertThat(fs.get(3).unordered()).isFalse();
    }

    @Test
    void orderedAndUnorderedMidsAreSeparateCountersPerStream() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 10));
        offer(q, unordered(1, 10));
        offer(q, ordered(2, 10));
        offer(q, ordered(1, 10));
        offer(q, unordered(1, 10));
        offer(q, unordered(2, 10));
        List<Long> mids = new ArrayList<>();
        for (OutgoingFragment f : drain(q, 100, IDATA)) {
            assertThat(f.ssn()).isNull();
            mids.add(f.mid().unsigned());
        }
        assertThat(mids).containsExactly(0L, 0L, 0L, 1L, 1L, 0L);
    }

    @Test
    void theMidWrapsAt2To32() {
        SendQueue q = fcfs();
        q.setNextSequenceNumbers(0, 0, -1, -2);
        offer(q, ordered(0, 10));
        offer(q, ordered(0, 10));
        offer(q, unordered(0, 10));
        offer(q, unordered(0, 10));
        offer(q, unordered(0, 10));
        List<Long> mids = new ArrayList<>();
        for (OutgoingFragment f : drain(q, 100, IDATA)) {
            mids.add(f.mid().unsigned());
        }
        assertThat(mids).containsExactly(0xFFFF_FFFFL, 0L, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0L);
    }

    @Test
    void theFsnStartsAtZeroForEachMessageAndTheMidIsSharedByItsFragments() {
        SendQueue q = fcfs();
        offer(q, ordered(0, 250));
        offer(q, ordered(0, 150));
        List<OutgoingFragment> fs = drain(q, 100, IDATA);
        List<String> ids = new ArrayList<>();
        for (OutgoingFragment f : fs) {
            ids.add(f.mid() + "/" + f.fsn());
        }
        assertThat(ids).containsExactly("0/0", "0/1", "0/2", "1/0", "1/1");
    }

    @Test
    void theSsnIsTakenWhenTheFirstFragmentIsProducedSoAnAbandonedMessageLeavesNoHole() {
        SendQueue q = fcfs();
        offer(q, expiring(0, 10, 500));
        offer(q, ordered(0, 10));
        assertThat(q.abandonExpired(600)).hasSize(1);
        q.checkInvariants();
        assertThat(produce(q, 100, DATA).ssn()).isEqualTo(new Ssn(0));
    }

    @Test
    void aStreamAtOrAboveTheOutboundCountIsRefused() {
        SendQueue q = new SendQueue(4, 1000, new FcfsScheduler());
        assertThat(q.offer(ordered(4, 10), NOW)).isEqualTo(SendQueue.OfferResult.INVALID_STREAM);
        assertThat(q.offer(ordered(65_535, 10), NOW)).isEqualTo(SendQueue.OfferResult.INVALID_STREAM);
        assertThat(q.offer(ordered(3, 10), NOW)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        q.checkInvariants();
    }

    @Test
    void anEmptyMessageIsRefused() {
        SendQueue q = fcfs();
        assertThat(q.offer(OutgoingMessage.of(0, 0, false, Bytes.empty()), NOW))
                .isEqualTo(SendQueue.OfferResult.EMPTY_MESSAGE);
        assertThat(q.isEmpty()).isTrue();
        q.checkInvariants();
    }

    @Test
    void aMessageAboveTheMaximumSizeIsRefused() {
        SendQueue q = new SendQueue(1, 10_000, 500, new FcfsScheduler());
        assertThat(q.offer(ordered(0, 501), NOW)).isEqualTo(SendQueue.OfferResult.TOO_LARGE);
        assertThat(q.offer(ordered(0, 500), NOW)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        q.checkInvariants();
    }

    @Test
    void aFullBufferRefusesUntilFragmentsHaveBeenProduced() {
        SendQueue q = new SendQueue(2, 1000, new FcfsScheduler());
        offer(q, ordered(0, 600));
        assertThat(q.offer(ordered(1, 401), NOW)).isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        assertThat(q.queuedMessages()).isEqualTo(1);
        assertThat(q.bufferedBytes()).isEqualTo(600);
        assertThat(q.availableBytes()).isEqualTo(400);
        offer(q, ordered(1, 400));
        assertThat(q.offer(ordered(1, 1), NOW)).isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        produce(q, 100, DATA);
        assertThat(q.bufferedBytes()).isEqualTo(900);
        assertThat(q.offer(ordered(1, 101), NOW)).isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        offer(q, ordered(1, 100));
        assertThat(q.bufferedBytes()).isEqualTo(1000);
        assertThat(q.queuedMessages()).isEqualTo(3);
        drain(q, 100, DATA);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void constructorArgumentsAreChecked() {
        assertThatThrownBy(() -> new SendQueue(0, 10, new FcfsScheduler())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendQueue(65_536, 10, new FcfsScheduler()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendQueue(1, 10, 11, new FcfsScheduler()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendQueue(1, 10, 0, new FcfsScheduler()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SendQueue(65_535, 10, new FcfsScheduler()).outboundStreams()).isEqualTo(65_535);
    }

    @Test
    void theHighestStreamOfSixtyFiveThousandWorksWithoutPreparingTheOthers() {
        SendQueue q = new SendQueue(65_535, 10_000, new RoundRobinScheduler());
        offer(q, ordered(65_534, 10));
        offer(q, ordered(0, 10));
        assertThat(streams(drain(q, 100, DATA))).containsExactly(65_534, 0);
    }

    @Test
    void fcfsSendsMessagesInOfferOrderAcrossStreams() {
        SendQueue q = fcfs();
        int[] order = {3, 1, 3, 2, 1, 1};
        for (int s : order) {
            offer(q, ordered(s, 150));
        }
        List<Integer> starts = new ArrayList<>();
        for (OutgoingFragment f : drain(q, 100, IDATA)) {
            if (f.beginning()) {
                starts.add(f.streamId());
            }
        }
        assertThat(starts).containsExactly(3, 1, 3, 2, 1, 1);
    }

    @Test
    void roundRobinGivesEachActiveStreamOneMessageInTurnWithData() {
        SendQueue q = roundRobin();
        int[] order = {1, 1, 1, 2, 2, 3};
        for (int s : order) {
            offer(q, ordered(s, 150));
        }
        List<Integer> starts = new ArrayList<>();
        for (OutgoingFragment f : drain(q, 100, DATA)) {
            if (f.beginning()) {
                starts.add(f.streamId());
            }
        }
        assertThat(starts).containsExactly(1, 2, 3, 1, 2, 1);
    }

    @Test
    void roundRobinGivesEachActiveStreamOneFragmentInTurnWithIData() {
        SendQueue q = roundRobin();
        offer(q, ordered(1, 250));
        offer(q, ordered(2, 100));
        offer(q, ordered(2, 100));
        offer(q, ordered(3, 50));
        assertThat(streams(drain(q, 100, IDATA))).containsExactly(1, 2, 3, 1, 2, 1);
    }

    @Test
    void roundRobinLetsANewlyActiveStreamWaitForItsTurn() {
        SendQueue q = roundRobin();
        offer(q, ordered(1, 10));
        offer(q, ordered(1, 10));
        offer(q, ordered(2, 10));
        offer(q, ordered(2, 10));
        assertThat(produce(q, 100, DATA).streamId()).isEqualTo(1);
        offer(q, ordered(3, 10));
        assertThat(streams(drain(q, 100, DATA))).containsExactly(2, 1, 3, 2);
    }

    @Test
    void expiredMessagesThatHaveNotStartedAreAbandonedInOfferOrder() {
        SendQueue q = fcfs();
        OutgoingMessage a = expiring(1, 300, 500);
        OutgoingMessage b = expiring(2, 10, 900);
        OutgoingMessage c = expiring(1, 10, 400);
        OutgoingMessage d = expiring(2, 10, 450);
        OutgoingMessage keep = ordered(2, 10);
        offer(q, a);
        offer(q, b);
        offer(q, c);
        offer(q, d);
        offer(q, keep);
        produce(q, 100, DATA); // a has started
        assertThat(q.abandonExpired(399)).isEmpty();
        q.checkInvariants();
        List<OutgoingMessage> gone = q.abandonExpired(600);
        q.checkInvariants();
        assertThat(gone).containsExactly(c, d);
        assertThat(gone.get(0).context()).isEqualTo("ctx");
        assertThat(q.queuedMessages()).isEqualTo(3);
        assertThat(q.bufferedBytes()).isEqualTo(200 + 10 + 10);
        List<OutgoingFragment> rest = drain(q, 100, DATA);
        assertThat(rest).extracting(OutgoingFragment::message).containsExactly(a, a, b, keep);
        assertThat(rest.get(2).ssn()).isEqualTo(new Ssn(0));
        assertThat(rest.get(3).ssn()).isEqualTo(new Ssn(1));
    }

    @Test
    void aMessageExpiresWhenItsDeadlineIsReachedAndNeverWithoutOne() {
        SendQueue q = fcfs();
        OutgoingMessage m = expiring(0, 10, 500);
        offer(q, m);
        offer(q, ordered(0, 10));
        assertThat(q.abandonExpired(499)).isEmpty();
        assertThat(q.abandonExpired(500)).containsExactly(m);
        assertThat(q.abandonExpired(Long.MAX_VALUE)).isEmpty();
        assertThat(q.queuedMessages()).isEqualTo(1);
        q.checkInvariants();
    }

    @Test
    void abandoningTheLastMessagesOfAStreamDeactivatesIt() {
        SendQueue q = roundRobin();
        offer(q, expiring(1, 10, 100));
        offer(q, ordered(2, 10));
        assertThat(q.abandonExpired(100)).hasSize(1);
        q.checkInvariants();
        assertThat(streams(drain(q, 100, DATA))).containsExactly(2);
    }

    @Test
    void clearReturnsEverythingUnsentInOfferOrderIncludingAPartlySentMessage() {
        SendQueue q = roundRobin();
        OutgoingMessage a = ordered(1, 300);
        OutgoingMessage b = ordered(2, 10);
        OutgoingMessage c = ordered(1, 10);
        offer(q, a);
        offer(q, b);
        offer(q, c);
        produce(q, 100, DATA);
        assertThat(q.clear()).containsExactly(a, b, c);
        q.checkInvariants();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.produce(NOW, 100, DATA)).isNull();
        offer(q, ordered(1, 10));
        assertThat(produce(q, 100, DATA).ssn()).isEqualTo(new Ssn(1)); // numbering is kept
        assertThat(q.clear()).isEmpty();
    }

    @Test
    void resetStreamsSetsTheGivenStreamsNumberingBackToZero() {
        SendQueue q = fcfs();
        for (int s = 1; s <= 3; s++) {
            offer(q, ordered(s, 10));
            offer(q, ordered(s, 10));
        }
        drain(q, 100, DATA);
        q.resetStreams(new int[] {1, 3, 7});
        q.checkInvariants();
        for (int s = 1; s <= 3; s++) {
            offer(q, ordered(s, 10));
        }
        assertThat(ssns(drain(q, 100, DATA))).containsExactly(0, 2, 0);
    }

    @Test
    void resetStreamsWithNoIdsResetsEveryStreamIncludingMids() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 10));
        offer(q, unordered(2, 10));
        drain(q, 100, IDATA);
        q.resetStreams(new int[0]);
        offer(q, ordered(1, 10));
        offer(q, unordered(2, 10));
        for (OutgoingFragment f : drain(q, 100, IDATA)) {
            assertThat(f.mid()).isEqualTo(new Mid(0));
        }
    }

    @Test
    void aStreamWithAPartlyProducedMessageCannotBeReset() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 300));
        produce(q, 100, DATA);
        assertThat(q.hasPartialMessage(1)).isTrue();
        assertThatThrownBy(() -> q.resetStreams(new int[] {1})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> q.resetStreams(new int[0])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> q.resetStreams(new int[] {16})).isInstanceOf(IllegalArgumentException.class);
        q.resetStreams(new int[] {2});
        q.checkInvariants();
    }

    @Test
    void aPausedStreamFinishesItsStartedMessageButStartsNoOther() {
        SendQueue q = roundRobin();
        OutgoingMessage a = ordered(1, 300);
        offer(q, a);
        offer(q, ordered(1, 10));
        offer(q, ordered(2, 10));
        assertThat(produce(q, 100, IDATA).message()).isSameAs(a);
        q.pauseStreams(new int[] {1, 5});
        q.checkInvariants();
        assertThat(q.isPaused(1)).isTrue();
        assertThat(q.isPaused(5)).isTrue();
        offer(q, ordered(5, 10));
        List<OutgoingFragment> fs = drain(q, 100, IDATA);
        assertThat(streams(fs)).containsExactly(2, 1, 1);
        assertThat(fs.get(2).ending()).isTrue();
        assertThat(q.hasPartialMessage(1)).isFalse();
        assertThat(q.isEmpty()).isFalse();
        assertThat(q.queuedMessages()).isEqualTo(2);
        q.resetStreams(new int[] {1, 5});
        q.resumeStreams(new int[] {1, 5});
        q.checkInvariants();
        assertThat(q.isPaused(1)).isFalse();
        List<OutgoingFragment> rest = drain(q, 100, IDATA);
        assertThat(streams(rest)).containsExactly(1, 5);
        assertThat(rest.get(0).mid()).isEqualTo(new Mid(0));
    }

    @Test
    void pausingWithDataKeepsTheCurrentMessageGoing() {
        SendQueue q = fcfs();
        offer(q, ordered(1, 300));
        produce(q, 100, DATA);
        q.pauseStreams(new int[] {1});
        assertThat(sizes(drain(q, 100, DATA))).containsExactly(100, 100);
    }

    @Test
    void abandonRemainderDropsTheUnsentRestOfAPartlySentMessage() {
        SendQueue q = roundRobin();
        OutgoingMessage a = ordered(1, 300);
        OutgoingMessage b = ordered(2, 10);
        offer(q, a);
        offer(q, b);
        assertThat(q.abandonRemainder(a)).isFalse(); // not started
        produce(q, 100, DATA);
        assertThat(q.abandonRemainder(b)).isFalse();
        assertThat(q.abandonRemainder(ordered(1, 300))).isFalse(); // an equal but different message
        assertThat(q.abandonRemainder(a)).isTrue();
        q.checkInvariants();
        assertThat(q.bufferedBytes()).isEqualTo(10);
        assertThat(q.abandonRemainder(a)).isFalse();
        assertThat(drain(q, 100, DATA)).extracting(OutgoingFragment::message).containsExactly(b);
    }

    @Test
    void aSchedulerChoosingAnIdleStreamIsCaught() {
        StreamScheduler broken = new StreamScheduler() {
            private int active;

            @Override
            public void streamActivated(int streamId, long headOrder, int headBytes) {
                active++;
            }

            @Override
            public void headChanged(int streamId, long headOrder, int headBytes) {
            }

            @Override
            public void streamDeactivated(int streamId) {
                active--;
            }

            @Override
            public int select() {
                return 7;
            }

            @Override
            public int peek() {
                return 7;
            }

            @Override
            public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
            }

            @Override
            public void clear() {
                active = 0;
            }

            @Override
            public int activeStreamCount() {
                return active;
            }
        };
        SendQueue q = new SendQueue(4, 1000, broken);
        offer(q, ordered(1, 10));
        assertThatThrownBy(() -> q.produce(NOW, 100, DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stream 7");
    }
}
