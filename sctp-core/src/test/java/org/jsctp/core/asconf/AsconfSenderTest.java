package org.jsctp.core.asconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.asconf.AsconfSender.AckKind;
import org.jsctp.core.asconf.AsconfSender.AckOutcome;
import org.jsctp.core.asconf.AsconfSender.RequestStatus;
import org.jsctp.core.asconf.AsconfSender.T4Outcome;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.ResourceShortageCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.CorrelatedParameter;
import org.jsctp.core.packet.param.DeleteIpAddressParameter;
import org.jsctp.core.packet.param.ErrorCauseIndicationParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SetPrimaryAddressParameter;
import org.jsctp.core.packet.param.SuccessIndicationParameter;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.timer.Timer;
import org.junit.jupiter.api.Test;

/** The ASCONF sender of RFC 5061 section 5.1 against an in-memory book of our addresses. */
class AsconfSenderTest {

    private static final long MS = 1_000_000L;
    private static final long RTO = 1000 * MS;
    private static final long RTO_MAX = 60_000 * MS;
    private static final InetAddress A1 = ip("10.0.0.1");
    private static final InetAddress A2 = ip("10.0.0.2");
    private static final InetAddress A3 = ip("10.0.0.3");

    private final InMemoryLocalAddressBook local = new InMemoryLocalAddressBook(List.of(A1));
    private final Timer t4 = new Timer("T-4 RTO", RTO, RTO_MAX, Timer.Backoff.EXPONENTIAL, false, -1);
    private final ErrorCounting errors = ErrorCounting.limitedTo(3);
    private AsconfSender sender = new AsconfSender(local, new AsconfSerial(100), t4, errors, 1200, 16);

    @Test
    void aQueuedAddGoesInAnAsconfNamingAnAddressThePeerKnows() {
        assertThat(sender.request(new AsconfRequest.AddAddress(A2))).isEqualTo(RequestStatus.QUEUED);

        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();

        assertThat(chunk.serialNumber()).as("rule A2: the first serial is the initial one").isEqualTo(100);
        assertThat(chunk.address()).as("section 4.1.1").isEqualTo(A1);
        assertThat(chunk.parameters()).singleElement().isInstanceOf(AddIpAddressParameter.class);
        assertThat(((AddIpAddressParameter) chunk.parameters().get(0)).address().address()).isEqualTo(A2);
        assertThat(t4.isRunning()).as("rule A4").isTrue();
        assertThat(t4.deadline()).isEqualTo(RTO);
    }

    @Test
    void anAddedAddressIsUsableOnlyOnceAcknowledged() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        assertThat(local.isUsableAsSource(A2)).as("rule D1").isFalse();

        AckOutcome outcome = sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of()));

        assertThat(outcome.kind()).isEqualTo(AckKind.PROCESSED);
        assertThat(outcome.results()).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
        assertThat(local.isUsableAsSource(A2)).as("rule D2").isTrue();
        assertThat(t4.isRunning()).as("rule A5").isFalse();
    }

    @Test
    void aDeletedAddressStopsBeingASourceAtOnceAndLeavesOnTheAck() {
        local.added(A2);
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A2))).isEqualTo(RequestStatus.QUEUED);
        assertThat(local.isUsableAsSource(A2)).as("rule D4").isFalse();
        assertThat(local.knownToPeer()).as("still a destination until the ack").contains(A2);

        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        assertThat(chunk.address()).as("not the address being deleted").isEqualTo(A1);
        sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of()));

        assertThat(local.knownToPeer()).containsExactly(A1);
    }

    @Test
    void aRefusedDeleteMakesTheAddressASourceAgain() {
        local.added(A2);
        sender.request(new AsconfRequest.DeleteAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        int id = correlationId(chunk, 0);

        AckOutcome outcome = sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(),
                List.of(new ErrorCauseIndicationParameter(id, List.of()))));

        assertThat(outcome.results()).singleElement().satisfies(r -> assertThat(r.success()).isFalse());
        assertThat(local.isUsableAsSource(A2)).isTrue();
    }

    @Test
    void ourLastAddressIsNeverDeletedUnlessAnAddPrecedesTheDelete() {
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A1))).as("rule D5")
                .isEqualTo(RequestStatus.REFUSED_LAST_ADDRESS);
        assertThat(local.isUsableAsSource(A1)).isTrue();

        assertThat(sender.request(new AsconfRequest.AddAddress(A2))).isEqualTo(RequestStatus.QUEUED);
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A1))).isEqualTo(RequestStatus.QUEUED);
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();

        assertThat(chunk.parameters()).extracting(Parameter::type).containsExactly(
                new AddIpAddressParameter(0, addr(A2)).type(),
                new DeleteIpAddressParameter(0, addr(A1)).type());
        assertThat(chunk.address()).as("still known to the peer until the ack").isEqualTo(A1);
    }

    @Test
    void requestsThatMakeNoSenseAreRefusedWithTheirReason() {
        assertThat(sender.request(new AsconfRequest.AddAddress(A1))).isEqualTo(RequestStatus.REFUSED_DUPLICATE);
        local.added(A2);
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A2))).isEqualTo(RequestStatus.QUEUED);
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A2))).isEqualTo(RequestStatus.REFUSED_DUPLICATE);
        sender = new AsconfSender(local, new AsconfSerial(100), t4, errors, 1200, 16);
        assertThat(sender.request(new AsconfRequest.DeleteAddress(A3))).isEqualTo(RequestStatus.REFUSED_UNKNOWN_ADDRESS);
        assertThat(sender.request(new AsconfRequest.SetPrimary(A3))).isEqualTo(RequestStatus.REFUSED_UNKNOWN_ADDRESS);
        assertThat(sender.request(new AsconfRequest.AddAddress(ip("0.0.0.0"))))
                .isEqualTo(RequestStatus.REFUSED_INVALID_ADDRESS);
        assertThat(sender.request(new AsconfRequest.AddAddress(ip("224.0.0.1"))))
                .isEqualTo(RequestStatus.REFUSED_INVALID_ADDRESS);
        assertThat(sender.request(new AsconfRequest.AddAddress(ip("255.255.255.255"))))
                .isEqualTo(RequestStatus.REFUSED_INVALID_ADDRESS);
        assertThat(sender.queued()).isZero();

        AsconfSender none = new AsconfSender(new InMemoryLocalAddressBook(List.of()), new AsconfSerial(1), t4, errors,
                1200, 16);
        assertThat(none.request(new AsconfRequest.AddAddress(A2)))
                .isEqualTo(RequestStatus.REFUSED_NO_ADDRESS_KNOWN_TO_PEER);
    }

    @Test
    void requestsWaitWhileNoAddressOfOursIsKnownToThePeer() {
        sender.request(new AsconfRequest.AddAddress(A2));
        local.deleted(A1); // the path set lost our only address meanwhile

        assertThat(sender.poll(0, RTO, RTO_MAX)).isEmpty();
        assertThat(sender.queued()).isEqualTo(1);
        local.added(A3);
        assertThat(sender.poll(1, RTO, RTO_MAX)).hasValueSatisfying(c -> assertThat(c.address()).isEqualTo(A3));
    }

    @Test
    void setPrimaryMayFollowTheAddOfTheSameAddress() {
        sender.request(new AsconfRequest.AddAddress(A2));

        assertThat(sender.request(new AsconfRequest.SetPrimary(A2))).isEqualTo(RequestStatus.QUEUED);
        assertThat(sender.request(new AsconfRequest.AddAddress(A2))).isEqualTo(RequestStatus.REFUSED_DUPLICATE);
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        assertThat(chunk.parameters().get(1)).isInstanceOf(SetPrimaryAddressParameter.class);
    }

    @Test
    void theQueueIsBounded() {
        AsconfSender small = new AsconfSender(local, new AsconfSerial(1), t4, errors, 1200, 2);
        small.request(new AsconfRequest.AddAddress(A2));
        small.request(new AsconfRequest.AddAddress(A3));

        assertThat(small.request(new AsconfRequest.AddAddress(ip("10.0.0.4")))).isEqualTo(RequestStatus.REFUSED_QUEUE_FULL);
    }

    @Test
    void onlyOneAsconfIsOutstandingAtATime() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk first = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        sender.request(new AsconfRequest.AddAddress(A3));

        assertThat(sender.poll(1, RTO, RTO_MAX)).as("section 5.1.1 rule R1").isEmpty();
        assertThat(sender.queued()).isEqualTo(1);

        sender.onAsconfAck(new AsconfAckChunk(first.serialNumber(), List.of()));
        AsconfChunk second = sender.poll(2, RTO, RTO_MAX).orElseThrow();
        assertThat(second.serialNumber()).as("rule A2: one more per new ASCONF").isEqualTo(first.serialNumber() + 1);
        assertThat(second.address()).isEqualTo(A1);
    }

    @Test
    void severalRequestsAreBundledUpToTheChunkLimit() {
        List<InetAddress> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            InetAddress a = ip("10.0.1." + i);
            added.add(a);
            sender.request(new AsconfRequest.AddAddress(a));
        }
        // 4 + 4 + 8 (Address Parameter) + 3 * 16 = 64: three Add IP Address requests fit in 70 bytes.
        AsconfSender limited = new AsconfSender(local, new AsconfSerial(7), t4, errors, 70, 16);
        for (InetAddress a : added) {
            limited.request(new AsconfRequest.AddAddress(a));
        }

        AsconfChunk all = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        AsconfChunk first = limited.poll(0, RTO, RTO_MAX).orElseThrow();

        assertThat(all.parameters()).hasSize(10);
        assertThat(first.parameters()).hasSize(3);
        assertThat(first.encodedLength()).isLessThanOrEqualTo(70);
        assertThat(limited.queued()).isEqualTo(7);
        assertThat(all.parameters()).extracting(p -> ((CorrelatedParameter) p).correlationId())
                .as("unique correlation IDs, rule A1").doesNotHaveDuplicates();
    }

    @Test
    void perParameterResultsFollowRulesA7AndA8() {
        InetAddress a4 = ip("10.0.0.4");
        sender.request(new AsconfRequest.AddAddress(A2));
        sender.request(new AsconfRequest.AddAddress(A3));
        sender.request(new AsconfRequest.AddAddress(a4));
        sender.request(new AsconfRequest.AddAddress(ip("10.0.0.5")));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        List<ErrorCause> why = List.of(ResourceShortageCause.of(chunk.parameters().get(1)));

        // No answer for #0 (before the error: success), an error for #1, a success indication
        // for #2, nothing for #3 (after the error: failure).
        AckOutcome outcome = sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of(
                new ErrorCauseIndicationParameter(correlationId(chunk, 1), why),
                new SuccessIndicationParameter(correlationId(chunk, 2)),
                new SuccessIndicationParameter(999_999))));

        assertThat(outcome.results()).extracting(AsconfResult::success).containsExactly(true, false, true, false);
        assertThat(outcome.results().get(1).causes()).isEqualTo(why);
        assertThat(local.knownToPeer()).containsExactly(A1, A2, a4);
    }

    @Test
    void t4RetransmitsTheSameAsconfWithBackoff() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        sender.request(new AsconfRequest.AddAddress(A3));

        assertThat(t4.expire(RTO)).isEqualTo(Timer.Expiry.STOPPED);
        T4Outcome first = sender.onT4Expiry(RTO);

        assertThat(first.associationFailed()).isFalse();
        assertThat(first.retransmission()).as("rule B4: same chunk, same serial, nothing added").isEqualTo(chunk);
        assertThat(t4.deadline()).as("rule B3: the RTO doubled").isEqualTo(RTO + 2 * RTO);

        t4.expire(3 * RTO);
        sender.onT4Expiry(3 * RTO);
        assertThat(t4.deadline()).isEqualTo(3 * RTO + 4 * RTO);
    }

    @Test
    void theAssociationFailsWhenT4ExpiriesExceedAssociationMaxRetrans() {
        sender.request(new AsconfRequest.AddAddress(A2));
        sender.poll(0, RTO, RTO_MAX).orElseThrow();
        sender.request(new AsconfRequest.SetPrimary(A1));
        long now = 0;
        for (int i = 0; i < 3; i++) { // Association.Max.Retrans = 3 here
            now = t4.deadline();
            t4.expire(now);
            assertThat(sender.onT4Expiry(now).associationFailed()).isFalse();
        }

        now = t4.deadline();
        t4.expire(now);
        T4Outcome last = sender.onT4Expiry(now);

        assertThat(last.associationFailed()).isTrue();
        assertThat(last.abandoned()).extracting(AsconfResult::request)
                .containsExactly(new AsconfRequest.AddAddress(A2), new AsconfRequest.SetPrimary(A1));
        assertThat(t4.isRunning()).isFalse();
        assertThat(sender.hasOutstanding()).isFalse();
    }

    @Test
    void anAckClearsTheErrorCounter() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        for (int i = 0; i < 3; i++) {
            long now = t4.deadline();
            t4.expire(now);
            sender.onT4Expiry(now);
        }
        sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of()));

        sender.request(new AsconfRequest.AddAddress(A3));
        sender.poll(0, RTO, RTO_MAX).orElseThrow();
        long now = t4.deadline();
        t4.expire(now);

        assertThat(sender.onT4Expiry(now).associationFailed()).as("rule A5 cleared the count").isFalse();
    }

    @Test
    void acksForOtherSerialNumbersAreDiscardedOrIllegal() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();

        assertThat(sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber() - 1, List.of())).kind())
                .isEqualTo(AckKind.DISCARDED);
        assertThat(sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber() + 1, List.of())).kind())
                .as("section 4.3.4: ahead of any ASCONF sent").isEqualTo(AckKind.ILLEGAL);
        assertThat(sender.hasOutstanding()).isTrue();

        sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of()));
        assertThat(sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of())).kind())
                .as("a duplicate answer").isEqualTo(AckKind.DISCARDED);
        assertThat(sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber() + 1, List.of())).kind())
                .isEqualTo(AckKind.ILLEGAL);
    }

    @Test
    void serialNumbersWrapFrom2To32Minus1ToZero() {
        sender = new AsconfSender(local, new AsconfSerial(-1), t4, errors, 1200, 16);
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk last = sender.poll(0, RTO, RTO_MAX).orElseThrow();
        sender.onAsconfAck(new AsconfAckChunk(last.serialNumber(), List.of()));
        sender.request(new AsconfRequest.AddAddress(A3));
        AsconfChunk wrapped = sender.poll(1, RTO, RTO_MAX).orElseThrow();

        assertThat(Integer.toUnsignedLong(last.serialNumber())).isEqualTo(0xFFFF_FFFFL);
        assertThat(wrapped.serialNumber()).isZero();
        assertThat(sender.onAsconfAck(new AsconfAckChunk(-1, List.of())).kind()).isEqualTo(AckKind.DISCARDED);
        assertThat(sender.onAsconfAck(new AsconfAckChunk(1, List.of())).kind()).isEqualTo(AckKind.ILLEGAL);
        assertThat(sender.onAsconfAck(new AsconfAckChunk(0, List.of())).kind()).isEqualTo(AckKind.PROCESSED);
    }

    @Test
    void aPeerThatDoesNotUnderstandAddOrDeleteGetsNoMore() {
        sender.request(new AsconfRequest.AddAddress(A2));
        AsconfChunk chunk = sender.poll(0, RTO, RTO_MAX).orElseThrow();

        sender.onAsconfAck(new AsconfAckChunk(chunk.serialNumber(), List.of(new ErrorCauseIndicationParameter(
                correlationId(chunk, 0), List.of(UnrecognizedParametersCause.of(List.of(chunk.parameters().get(0))))))));

        assertThat(sender.request(new AsconfRequest.AddAddress(A3))).as("rule D3a")
                .isEqualTo(RequestStatus.REFUSED_NOT_SUPPORTED_BY_PEER);
        assertThat(sender.request(new AsconfRequest.SetPrimary(A1))).as("rule D3b is separate")
                .isEqualTo(RequestStatus.QUEUED);
    }

    @Test
    void aPeerThatDoesNotKnowTheAsconfChunkGetsNoMore() {
        sender.request(new AsconfRequest.AddAddress(A2));
        sender.poll(0, RTO, RTO_MAX).orElseThrow();
        sender.request(new AsconfRequest.AddAddress(A3));

        List<AsconfResult> failed = sender.onAsconfNotSupported();

        assertThat(failed).extracting(AsconfResult::success).containsExactly(false, false);
        assertThat(t4.isRunning()).as("rule A9").isFalse();
        assertThat(sender.request(new AsconfRequest.SetPrimary(A1))).isEqualTo(RequestStatus.REFUSED_NOT_SUPPORTED_BY_PEER);
        assertThat(sender.poll(5, RTO, RTO_MAX)).isEmpty();
    }

    private static int correlationId(AsconfChunk chunk, int index) {
        return ((CorrelatedParameter) chunk.parameters().get(index)).correlationId();
    }

    private static org.jsctp.core.packet.param.AddressParameter addr(InetAddress a) {
        return org.jsctp.core.packet.param.AddressParameter.of(a);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: never resolved
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
