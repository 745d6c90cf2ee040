package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 retransmission timer (RT) test purposes, checked against RFC 9260 sections 6.3.2
 * and 6.3.3. The suite checks what is retransmitted and how often, not when: the doubling of the
 * RTO up to RTO.Max is a timing property, proved on the core's virtual clock instead
 * ({@code tx/RtoEstimatorTest}, {@code sim/TransferTest}).
 */
class RetransmissionTimerConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-rt-i-11-1: each T3-rtx expiry retransmits the unacknowledged DATA, unchanged (our endpoint as client)")
    void eachT3ExpiryRetransmitsTheDataAsClient() {
        start(ConformanceConfig.fastTimers().build());
        expectFiveRetransmissions(activeAssociation());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-rt-i-11-2: each T3-rtx expiry retransmits the unacknowledged DATA, unchanged (our endpoint as server)")
    void eachT3ExpiryRetransmitsTheDataAsServer() {
        start(ConformanceConfig.fastTimers().build());
        expectFiveRetransmissions(passiveAssociation());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-rt-i-11-3: T3-rtx retransmissions alternate between the peer's addresses")
    void retransmissionsAlternateBetweenThePeersAddresses() {
        start(ConformanceConfig.fastTimers().build());
        Established e = passiveMultiHomedAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("retransmit me elsewhere"));
        DataChunk d = dataAt(a, false); // to the primary
        // RFC 9260 section 6.4: a retransmission goes to an active address other than the last one.
        assertThat(dataAt(a, true)).isEqualTo(d);
        assertThat(dataAt(a, false)).isEqualTo(d);
        assertThat(dataAt(a, true)).isEqualTo(d);
        a.sendFromSecond(a.sack());
        sut.event(tester, AssociationEvent.SenderDry.class);

        sut.assertStillServesFreshAssociation();
    }

    /**
     * The next DATA chunk at the tester's first or second address; HEARTBEATs there are answered:
     * a path whose T3-rtx expired is Potentially Failed and heartbeated once per RTO (RFC 7829
     * section 5.1), here every 100 to 200 ms.
     */
    private static DataChunk dataAt(TesterAssociation a, boolean second) {
        while (true) {
            Received r = second ? a.nextOnSecond() : a.next();
            if (r.chunks().size() == 1 && r.chunks().get(0) instanceof HeartbeatChunk hb) {
                if (second) {
                    a.sendFromSecond(hb.ack());
                } else {
                    a.send(hb.ack());
                }
                continue;
            }
            return r.single(DataChunk.class);
        }
    }

    /** One message, sent and then retransmitted five times with nothing in between; then acknowledged. */
    private static void expectFiveRetransmissions(Established e) {
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("retransmit me"));
        DataChunk d = a.expect(DataChunk.class);
        for (int i = 0; i < 5; i++) {
            assertThat(a.expect(DataChunk.class)).isEqualTo(d);
        }
        a.send(a.sack());
    }
}
