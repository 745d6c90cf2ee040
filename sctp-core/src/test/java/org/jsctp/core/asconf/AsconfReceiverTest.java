package org.jsctp.core.asconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.asconf.AsconfSenderTest.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.DeleteLastRemainingAddressCause;
import org.jsctp.core.packet.cause.DeleteSourceAddressCause;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.NoAuthorizationCause;
import org.jsctp.core.packet.cause.ResourceShortageCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.DeleteIpAddressParameter;
import org.jsctp.core.packet.param.ErrorCauseIndicationParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SetPrimaryAddressParameter;
import org.jsctp.core.packet.param.SuccessIndicationParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.AsconfSerial;
import org.junit.jupiter.api.Test;

/** The ASCONF receiver of RFC 5061 section 5.2 against an in-memory book of the peer's addresses. */
class AsconfReceiverTest {

    private static final InetAddress P1 = ip("192.0.2.1");
    private static final InetAddress P2 = ip("192.0.2.2");
    private static final InetAddress P3 = ip("192.0.2.3");
    private static final int INITIAL_TSN = 5000;

    private InMemoryPeerAddressBook book = new InMemoryPeerAddressBook(100, List.of(P1));
    private AsconfReceiver receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 8, 1200, 4);

    @Test
    void anAddedAddressBecomesAnUnconfirmedPathAndSuccessIsSilent() {
        AsconfAckChunk ack = receive(INITIAL_TSN, P1, add(1, P2)).orElseThrow();

        assertThat(ack.serialNumber()).isEqualTo(INITIAL_TSN);
        assertThat(ack.parameters()).as("rule A8 at the sender: silence is success").isEmpty();
        assertThat(book.addresses()).containsExactly(P1, P2);
        assertThat(book.isUnconfirmed(P2)).as("rule D1: verified by HEARTBEAT first").isTrue();
        assertThat(receiver.peerSerialNumber()).as("rule V5").isEqualTo(new AsconfSerial(INITIAL_TSN));
    }

    @Test
    void vtagsForTheNatFunctionsOnThePathChangeNothingAndSucceedSilently() {
        // draft-ietf-tsvwg-natsupp section 6.4: the tags were for the NAT functions the ASCONF passed.
        AsconfAckChunk ack = receive(INITIAL_TSN, P1, new org.jsctp.core.packet.param.VtagsParameter(3, 0x1111, 0x2222),
                add(4, P2)).orElseThrow();

        assertThat(ack.parameters()).isEmpty();
        assertThat(book.addresses()).containsExactly(P1, P2);
    }

    @Test
    void addingAnAddressAlreadyThereSucceedsWithoutChange() {
        receive(INITIAL_TSN, P1, add(1, P1)).orElseThrow();

        assertThat(book.addresses()).containsExactly(P1);
        assertThat(book.isUnconfirmed(P1)).isFalse();
    }

    @Test
    void deleteRemovesTheAddress() {
        receive(INITIAL_TSN, P1, add(1, P2));

        AsconfAckChunk ack = receive(INITIAL_TSN + 1, P1, delete(2, P2)).orElseThrow();

        assertThat(ack.parameters()).isEmpty();
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void theLastRemainingAddressIsNotDeleted() {
        DeleteIpAddressParameter request = delete(7, P1);

        AsconfAckChunk ack = receive(INITIAL_TSN, ip("198.51.100.9"), request).orElseThrow();

        assertThat(ack.parameters()).containsExactly(
                new ErrorCauseIndicationParameter(7, List.of(DeleteLastRemainingAddressCause.of(request))));
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void theSourceAddressOfThePacketIsNotDeleted() {
        book = new InMemoryPeerAddressBook(100, List.of(P1, P2));
        receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 8, 1200, 4);
        DeleteIpAddressParameter request = delete(3, P2);

        AsconfAckChunk ack = receive(INITIAL_TSN, P2, request).orElseThrow();

        assertThat(ack.parameters()).containsExactly(
                new ErrorCauseIndicationParameter(3, List.of(DeleteSourceAddressCause.of(request))));
        assertThat(book.addresses()).containsExactly(P1, P2);
    }

    @Test
    void deletingAnAddressNotInTheAssociationSucceedsWithoutChange() {
        AsconfAckChunk ack = receive(INITIAL_TSN, P1, delete(3, P3)).orElseThrow();

        assertThat(ack.parameters()).isEmpty();
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void setPrimaryOfAKnownAddressMakesItPrimaryAndOfAnUnknownOneIsAnError() {
        receive(INITIAL_TSN, P1, add(1, P2), setPrimary(2, P2)).orElseThrow();
        assertThat(book.primary()).as("processed in order, rule V1").isEqualTo(P2);

        SetPrimaryAddressParameter unknown = setPrimary(3, P3);
        AsconfAckChunk ack = receive(INITIAL_TSN + 1, P1, unknown).orElseThrow();

        assertThat(ack.parameters()).containsExactly(new ErrorCauseIndicationParameter(3,
                List.of(UnresolvableAddressCause.of(AddressParameter.of(P3)))));
        assertThat(book.primary()).isEqualTo(P2);
    }

    @Test
    void anAddBeyondMaxPeerAddressesIsRefusedForResourceShortage() {
        receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 2, 1200, 4);
        AddIpAddressParameter third = add(2, P3);

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, add(1, P2), third).orElseThrow();

        assertThat(ack.parameters()).containsExactly(
                new ErrorCauseIndicationParameter(2, List.of(ResourceShortageCause.of(third))));
        assertThat(book.addresses()).containsExactly(P1, P2);
    }

    @Test
    void theBookMayRefuseForLackOfResourcesOrByPolicy() {
        book = new InMemoryPeerAddressBook(1, List.of(P1));
        book.refuse(P3);
        receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 8, 1200, 4);
        AddIpAddressParameter full = add(1, P2);
        AddIpAddressParameter refused = add(2, P3);

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, full, refused).orElseThrow();

        assertThat(ack.parameters()).containsExactly(
                new ErrorCauseIndicationParameter(1, List.of(ResourceShortageCause.of(full))),
                new ErrorCauseIndicationParameter(2, List.of(NoAuthorizationCause.of(refused))));
    }

    @Test
    void multicastAndBroadcastAddressesAreNotAdded() {
        AsconfAckChunk ack = receive(INITIAL_TSN, P1, add(1, ip("224.0.0.5")), add(2, ip("255.255.255.255")))
                .orElseThrow();

        assertThat(ack.parameters()).extracting(p -> ((ErrorCauseIndicationParameter) p).correlationId())
                .containsExactly(1, 2);
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void afterAnErrorEachSuccessIsSaid() {
        AddIpAddressParameter refused = add(2, ip("224.0.0.5"));

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, add(1, P2), refused, add(3, P3)).orElseThrow();

        // #1 silent (success before the first error), #2 the error, #3 said explicitly (rule A7).
        assertThat(ack.parameters()).hasSize(2);
        assertThat(ack.parameters().get(0)).isInstanceOf(ErrorCauseIndicationParameter.class);
        assertThat(ack.parameters().get(1)).isEqualTo(new SuccessIndicationParameter(3));
        assertThat(book.addresses()).containsExactly(P1, P2, P3);
    }

    @Test
    void theWildcardAddsTheSourceMakesItPrimaryOrKeepsItAlone() {
        InetAddress any = ip("0.0.0.0");
        receive(INITIAL_TSN, P2, add(1, any)).orElseThrow();
        assertThat(book.addresses()).as("section 4.2.1").containsExactly(P1, P2);

        receive(INITIAL_TSN + 1, P2, setPrimary(2, any)).orElseThrow();
        assertThat(book.primary()).as("section 4.2.4").isEqualTo(P2);

        receive(INITIAL_TSN + 2, P3, add(3, any), delete(4, any)).orElseThrow();
        assertThat(book.addresses()).as("section 4.2.2: all but the source").containsExactly(P3);
        assertThat(book.primary()).isEqualTo(P3);
    }

    @Test
    void aWildcardWithoutAUsableSourceIsAnError() {
        AddIpAddressParameter v6Wildcard = add(1, ip("::"));

        AsconfAckChunk ack = receive(INITIAL_TSN, P2, v6Wildcard).orElseThrow();
        AsconfAckChunk noSource = receive(INITIAL_TSN + 1, null, add(2, ip("0.0.0.0"))).orElseThrow();

        assertThat(ack.parameters()).singleElement().isInstanceOf(ErrorCauseIndicationParameter.class);
        assertThat(noSource.parameters()).singleElement().isInstanceOf(ErrorCauseIndicationParameter.class);
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void aReplayedAsconfGetsTheCachedAckAndChangesNothing() {
        AsconfChunk first = asconf(INITIAL_TSN, add(1, P2), setPrimary(2, P2));
        AsconfAckChunk ack = receiver.onAsconf(first, P1, true).orElseThrow();
        book.setPrimary(P1);
        book.remove(P2);

        Optional<AsconfAckChunk> again = receiver.onAsconf(first, P1, true);

        assertThat(again).as("rule C3").contains(ack);
        assertThat(book.addresses()).as("nothing performed again").containsExactly(P1);
        assertThat(book.primary()).isEqualTo(P1);
    }

    @Test
    void anOlderAsconfBeyondTheCacheGetsNoAnswer() {
        for (int i = 0; i < 6; i++) {
            receive(INITIAL_TSN + i, P1, setPrimary(i, P1)).orElseThrow();
        }

        assertThat(receive(INITIAL_TSN, P1, add(9, P3))).isEmpty();
        assertThat(receive(INITIAL_TSN + 2, P1, add(9, P3))).as("cached: the last 4").isPresent();
        assertThat(book.addresses()).containsExactly(P1);
    }

    @Test
    void anAsconfAheadOfTheNextSerialIsDiscarded() {
        assertThat(receive(INITIAL_TSN + 1, P1, add(1, P2))).as("rule C4").isEmpty();
        assertThat(receive(INITIAL_TSN - 1000, P1, add(1, P2))).isEmpty();

        assertThat(book.addresses()).containsExactly(P1);
        assertThat(receiver.peerSerialNumber()).isEqualTo(new AsconfSerial(INITIAL_TSN - 1));
    }

    @Test
    void anUnauthenticatedAsconfIsDiscardedWithoutStateChangeOrReply() {
        Optional<AsconfAckChunk> reply = receiver.onAsconf(asconf(INITIAL_TSN, add(1, P2)), P1, false);

        assertThat(reply).isEmpty();
        assertThat(book.addresses()).containsExactly(P1);
        assertThat(receiver.peerSerialNumber()).as("the serial was not consumed").isEqualTo(new AsconfSerial(INITIAL_TSN - 1));
        assertThat(receive(INITIAL_TSN, P1, add(1, P2))).isPresent();
    }

    @Test
    void serialNumbersWrap() {
        receiver = new AsconfReceiver(book, new AsconfSerial(-1), 8, 1200, 4);

        assertThat(receive(-1, P1, add(1, P2))).isPresent();
        assertThat(receive(0, P1, add(2, P3))).isPresent();
        assertThat(receive(-1, P1, add(1, P2))).as("before the wrap: the cached answer").isPresent();
        assertThat(receive(2, P1, add(3, ip("192.0.2.4")))).isEmpty();
        assertThat(book.addresses()).containsExactly(P1, P2, P3);
    }

    @Test
    void unknownParametersAreTreatedByTheirHighBits() {
        Parameter skipReport = new UnknownParameter(0xC0F0, Bytes.wrap(new byte[] {0, 0, 0, 9}));
        Parameter skipSilently = new UnknownParameter(0x80F0, Bytes.wrap(new byte[] {0, 0, 0, 8}));
        Parameter stop = new UnknownParameter(0x00F0, Bytes.wrap(new byte[] {0, 0, 0, 7}));

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, skipReport, skipSilently, add(1, P2), stop, add(2, P3))
                .orElseThrow();

        assertThat(ack.parameters()).containsExactly(
                new ErrorCauseIndicationParameter(9, List.of(UnrecognizedParametersCause.of(List.of(skipReport)))),
                new SuccessIndicationParameter(1),
                new ErrorCauseIndicationParameter(7, List.of(UnrecognizedParametersCause.of(List.of(stop)))));
        assertThat(book.addresses()).as("processing stopped before the last add").containsExactly(P1, P2);
    }

    @Test
    void theAckStaysWithinItsBudgetAndWhatIsLeftCountsAsFailed() {
        receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 1000, 64, 4);
        List<Parameter> requests = new ArrayList<>();
        requests.add(add(0, ip("224.0.0.1"))); // an error: later successes are said
        for (int i = 1; i < 40; i++) {
            requests.add(add(i, ip("10.9.0." + i)));
        }

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, requests.toArray(Parameter[]::new)).orElseThrow();

        assertThat(ack.encodedLength()).isLessThanOrEqualTo(64);
        assertThat(ack.parameters().get(0)).isInstanceOf(ErrorCauseIndicationParameter.class);
        int answered = ack.parameters().size();
        assertThat(book.size()).as("exactly the requests answered were performed").isEqualTo(1 + answered - 1);
    }

    @Test
    void aFirstRequestTooLargeForTheBudgetIsAnsweredAsAFailure() {
        receiver = new AsconfReceiver(book, new AsconfSerial(INITIAL_TSN), 1000, 64, 4);
        Parameter huge = new UnknownParameter(0xC0F0, Bytes.wrap(new byte[200]));

        AsconfAckChunk ack = receive(INITIAL_TSN, P1, huge, add(1, P2)).orElseThrow();

        assertThat(ack.parameters()).containsExactly(new ErrorCauseIndicationParameter(0, List.<ErrorCause>of()));
        assertThat(book.addresses()).containsExactly(P1);
    }

    private Optional<AsconfAckChunk> receive(int serial, InetAddress source, Parameter... requests) {
        return receiver.onAsconf(asconf(serial, requests), source, true);
    }

    private static AsconfChunk asconf(int serial, Parameter... requests) {
        return new AsconfChunk(serial, ip("198.51.100.1"), List.of(requests));
    }

    private static AddIpAddressParameter add(int id, InetAddress a) {
        return new AddIpAddressParameter(id, AddressParameter.of(a));
    }

    private static DeleteIpAddressParameter delete(int id, InetAddress a) {
        return new DeleteIpAddressParameter(id, AddressParameter.of(a));
    }

    private static SetPrimaryAddressParameter setPrimary(int id, InetAddress a) {
        return new SetPrimaryAddressParameter(id, AddressParameter.of(a));
    }
}
