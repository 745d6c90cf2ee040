package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import org.jsctp.core.packet.cause.OutOfResourceCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's limits set on {@code UdpSctpEndpoint.Builder}, over UDP: answers to
 * out-of-the-blue packets (RFC 9260 section 8.4) and the number of associations.
 */
class EndpointLimitsTest extends ConformanceTestBase {

    @Test
    void outOfTheBluePacketsBeyondTheAnswerLimitGoUnanswered() {
        start(ConformanceConfig.standard().build(), b -> b.outOfTheBlueAnswersPerSecond(3));
        for (int i = 1; i <= 3; i++) {
            tester.send(0x0B0B_0000 + i, outOfTheBlueData());
        }
        for (int i = 1; i <= 3; i++) {
            Received r = tester.next();
            assertThat(r.single(AbortChunk.class).reflectedTag()).isTrue(); // RFC 9260 section 8.4 rule 8
            assertThat(r.tag()).isEqualTo(0x0B0B_0000 + i);
        }

        for (int i = 4; i <= 10; i++) {
            tester.send(0x0B0B_0000 + i, outOfTheBlueData()); // within the same second: no answer
        }
        // An INIT is not out of the blue and is answered whatever the limit; datagrams are handled
        // in order, so an ABORT for the packets above would come before its INIT ACK.
        Handshakes.connect(tester);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    void aCookieEchoBeyondTheAssociationLimitIsAbortedWithOutOfResource() {
        start(ConformanceConfig.standard().build(), b -> b.maxAssociations(1));
        TesterAssociation first = Handshakes.connect(tester); // the one association allowed

        try (Tester second = sut.newTester(Tester.SCTP_PORT + 1)) {
            InitChunk init = Handshakes.init();
            second.send(0, init);
            InitAckChunk ack = Handshakes.expectInitAck(second, init); // no state kept yet: answered
            second.send(ack.initiateTag(), new CookieEchoChunk(Handshakes.cookieOf(ack)));

            Received r = second.next();
            assertThat(r.single(AbortChunk.class).causes()).containsExactly(OutOfResourceCause.INSTANCE);
            assertThat(r.tag()).isEqualTo(init.initiateTag());
        }
        assertAlive(first);
    }

    private static DataChunk outOfTheBlueData() {
        return new DataChunk(false, false, true, true, new Tsn(1), 0, new Ssn(0), 0, bytes("who?"));
    }
}
