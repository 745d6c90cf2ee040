package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import org.jsctp.core.packet.chunk.DataChunk;
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
