package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.cause.NoUserDataCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 data (D) test purposes, checked against RFC 9260 sections 6.1 to 6.3 and 6.9. */
class DataConformanceTest extends ConformanceTestBase {

    /** The most user data one packet holds: the path MTU less the common and DATA chunk headers. */
    private static final int FULL = AssociationConfig.defaults().pathMtu() - CommonHeader.LENGTH - 16;

    @Test
    @DisplayName("sctp-d-v-8-1: a message that fits one packet goes out as one DATA chunk with B and E set")
    void aMessageThatFitsIsSentUnfragmented() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        Bytes message = TesterAssociation.bytes(FULL, 1);
        EndpointUnderTest.send(e.ours(), message);
        DataChunk d = a.expect(DataChunk.class);
        assertThat(d.beginning() && d.ending()).isTrue();
        assertThat(d.userData()).isEqualTo(message);
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-2: a message larger than a packet is fragmented into full DATA chunks of one SSN")
    void aLargerMessageIsFragmented() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        Bytes message = TesterAssociation.bytes(2000, 3);
        EndpointUnderTest.send(e.ours(), message);
        DataChunk first = a.expect(DataChunk.class);
        DataChunk last = a.expect(DataChunk.class);
        // RFC 9260 section 6.9: B then E, consecutive TSNs, the same stream and SSN, the first packet full.
        assertThat(first.beginning() && !first.ending()).isTrue();
        assertThat(!last.beginning() && last.ending()).isTrue();
        assertThat(last.tsn()).isEqualTo(first.tsn().next());
        assertThat(last.ssn()).isEqualTo(first.ssn());
        assertThat(first.userData().length()).isEqualTo(FULL);
        assertThat(joined(first, last)).isEqualTo(message);
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-3: a message in first, middle and last fragments is acknowledged fragment by fragment and delivered whole")
    void aFragmentedMessageIsDeliveredWhole() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk first = a.fragment(0, true, false, bytes(100, 1));
        DataChunk middle = a.fragment(0, false, false, bytes(100, 2));
        DataChunk last = a.fragment(0, false, true, bytes(100, 3));
        for (DataChunk d : List.of(first, middle, last)) {
            a.send(d);
            assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
            if (d != last) {
                assertThat(sut.messagesFrom(tester)).isEmpty();
            }
        }
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(joined(first, middle, last));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-4: a TSN the SACK acknowledged is not sent again; only the unacknowledged one is retransmitted")
    void anAcknowledgedTsnIsNotRetransmitted() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("first"));
        a.expect(DataChunk.class);
        a.send(a.sack());
        EndpointUnderTest.send(e.ours(), bytes("second"));
        DataChunk second = a.expect(DataChunk.class);
        assertThat(a.expect(DataChunk.class)).isEqualTo(second); // T3-rtx: the second alone
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-i-8-5: unacknowledged DATA is retransmitted when T3-rtx expires")
    void unacknowledgedDataIsRetransmittedOnT3Expiry() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("lost on the way"));
        DataChunk d = a.expect(DataChunk.class);
        assertThat(a.expect(DataChunk.class)).isEqualTo(d);
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-o-8-6: a duplicate DATA chunk is acknowledged at once and reported once in the SACK")
    void aDuplicateIsReportedInTheSack() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk one = a.data("one");
        a.send(one);
        assertThat(a.expect(SackChunk.class).duplicateTsns()).isEmpty();
        DataChunk two = a.data("two");
        a.send(two);
        assertThat(a.expect(SackChunk.class).duplicateTsns()).isEmpty();

        a.send(two);
        SackChunk dup = a.expect(SackChunk.class); // RFC 9260 section 6.2: at once, with the duplicate
        assertThat(dup.cumulativeTsnAck()).isEqualTo(two.tsn());
        assertThat(dup.duplicateTsns()).containsExactly(two.tsn());

        DataChunk three = a.data("three");
        a.send(three);
        SackChunk next = a.expect(SackChunk.class);
        assertThat(next.cumulativeTsnAck()).isEqualTo(three.tsn());
        assertThat(next.duplicateTsns()).isEmpty();
        assertThat(sut.awaitMessagesFrom(tester, 3)).hasSize(3);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-o-8-7: with a zero window one DATA chunk probes it, retransmitted by T3-rtx; the rest waits for the window")
    void aZeroWindowIsProbedWithOneChunk() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes(FULL, 1));
        a.expect(DataChunk.class);
        a.send(a.sack(0));
        tester.expectNothingBeforeMarker(); // and the closed window is known before our user sends

        EndpointUnderTest.send(e.ours(), bytes(FULL, 2));
        EndpointUnderTest.send(e.ours(), bytes(FULL, 3));
        DataChunk probe = a.expect(DataChunk.class); // RFC 9260 section 6.1 rule A
        assertThat(a.expect(DataChunk.class)).isEqualTo(probe);

        a.send(a.sack());
        DataChunk third = a.expect(DataChunk.class);
        assertThat(third.tsn()).isEqualTo(probe.tsn().next());
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-o-8-8: a zero window is probed with a fragment; when it opens the fragments go out in order")
    void aZeroWindowIsProbedWithAFragment() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        TesterAssociation a = Handshakes.accept(tester, init, Handshakes.initAck(init, 1500));
        SctpUdpAssociation ours = await(up);
        Bytes message = bytes(3000, 7);
        EndpointUnderTest.send(ours, message);

        DataChunk first = a.expect(DataChunk.class); // only this one fits a 1500-byte window
        a.send(a.sack(0));
        DataChunk probe = a.expect(DataChunk.class);
        assertThat(probe.tsn()).isEqualTo(first.tsn().next());
        assertThat(a.expect(DataChunk.class)).isEqualTo(probe); // T3-rtx
        a.send(SackChunk.of(first.tsn(), 0)); // the probe not acknowledged, the window still closed
        assertThat(a.expect(DataChunk.class)).isEqualTo(probe);

        a.send(SackChunk.of(first.tsn(), 1500)); // open, the probe not acknowledged: it goes again at once
        assertThat(a.expect(DataChunk.class)).isEqualTo(probe);
        a.send(a.sack(1500));
        DataChunk last = a.expect(DataChunk.class);
        assertThat(last.ending()).isTrue();
        assertThat(joined(first, probe, last)).isEqualTo(message);
        a.send(a.sack(1500));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-10: a SACK from another of the peer's addresses acknowledges the data")
    void aSackFromAnotherPeerAddressIsAccepted() {
        start();
        Established e = passiveMultiHomedAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("acknowledged from the second address"));
        a.expect(DataChunk.class); // to the primary, the INIT's source
        a.sendFromSecond(a.sack()); // RFC 9260 section 6.4: a SACK may come from any peer address
        sut.event(tester, AssociationEvent.SenderDry.class); // everything sent is acknowledged
        shutDownFromTester(a, e.ours());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-9: retransmissions go out before new data waiting for room")
    void retransmissionsGoBeforeNewData() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        TesterAssociation a = Handshakes.accept(tester, init, Handshakes.initAck(init, 1500));
        SctpUdpAssociation ours = await(up);

        EndpointUnderTest.send(ours, bytes(1000, 1));
        DataChunk first = a.expect(DataChunk.class);
        EndpointUnderTest.send(ours, bytes(1000, 2)); // waits: the window has 500 bytes left
        assertThat(a.expect(DataChunk.class)).isEqualTo(first); // RFC 9260 section 6.1: the retransmission first

        a.send(a.sack(1500));
        assertThat(a.expect(DataChunk.class).tsn()).isEqualTo(first.tsn().next());
        a.send(a.sack(1500));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-i-8-11: a DATA chunk without user data ends the association with ABORT (No User Data)")
    void anEmptyDataChunkIsAborted() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        DataChunk empty = a.data(0, Bytes.empty());
        a.send(empty);
        AbortChunk abort = a.expect(AbortChunk.class); // RFC 9260 section 6.2
        assertThat(abort.causes()).containsExactly(new NoUserDataCause(empty.tsn()));
        assertThat(sut.event(tester, AssociationEvent.CommunicationLost.class)).isNotNull();
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-o-8-12: a SACK older than the cumulative ack point is discarded")
    void anOutdatedSackIsDiscarded() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("first"));
        DataChunk first = a.expect(DataChunk.class);
        a.send(a.sack());
        EndpointUnderTest.send(e.ours(), bytes("second"));
        DataChunk second = a.expect(DataChunk.class);

        // RFC 9260 section 6.2.1 (D): below the cumulative ack point, so its gap block is not taken either.
        a.send(new SackChunk(first.tsn().previous(), Handshakes.WINDOW, List.of(new GapAckBlock(2, 2)), List.of()));
        assertThat(a.expect(DataChunk.class)).isEqualTo(second); // T3-rtx: the second was not acknowledged
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-13: a message as large as our largest message is received and delivered whole")
    void aMessageOfTheMaximumSizeIsReceived() {
        start(ConformanceConfig.standard().maxMessageBytes(4000).build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk[] fragments = new DataChunk[4];
        for (int i = 0; i < 4; i++) {
            fragments[i] = a.fragment(0, i == 0, i == 3, bytes(1000, i));
            a.send(fragments[i]);
        }
        SackChunk sack = a.expect(SackChunk.class);
        while (!sack.cumulativeTsnAck().equals(fragments[3].tsn())) { // every second packet is acknowledged
            sack = a.expect(SackChunk.class);
        }
        ReceivedMessage m = sut.awaitMessagesFrom(tester, 1).get(0);
        assertThat(m.payload()).isEqualTo(joined(fragments));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-d-v-8-14: a message as large as our largest message is sent; one byte more is refused")
    void aMessageOfTheMaximumSizeIsSent() {
        start(ConformanceConfig.standard().maxMessageBytes(4000).build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        Bytes message = bytes(4000, 5);
        EndpointUnderTest.send(e.ours(), message);
        DataChunk[] fragments = {a.expect(DataChunk.class), a.expect(DataChunk.class), a.expect(DataChunk.class)};
        assertThat(fragments[2].ending()).isTrue();
        assertThat(joined(fragments)).isEqualTo(message);
        a.send(a.sack());

        assertThat(await(e.ours().send(OutgoingMessage.of(0, 0, false, bytes(4001, 5)))))
                .isEqualTo(SendQueue.OfferResult.TOO_LARGE);

        sut.assertStillServesFreshAssociation();
    }

    private static Bytes joined(DataChunk... fragments) {
        int length = 0;
        for (DataChunk d : fragments) {
            length += d.userData().length();
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        for (DataChunk d : fragments) {
            d.userData().writeTo(b);
        }
        return Bytes.wrap(b.array());
    }
}
