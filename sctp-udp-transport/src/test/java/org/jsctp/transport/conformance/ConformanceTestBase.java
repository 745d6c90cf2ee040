package org.jsctp.transport.conformance;

import java.time.Duration;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.AfterEach;

/**
 * What every conformance test class shares: the endpoint under test and the tester aimed at it,
 * started by the test with the settings it needs, and closed after it.
 */
abstract class ConformanceTestBase {

    /** The one bounded wait for silence the suite allows itself, where the protocol says silence. */
    static final Duration SILENCE = Duration.ofMillis(150);

    EndpointUnderTest sut;
    Tester tester;

    void start() {
        start(ConformanceConfig.standard().build());
    }

    void start(AssociationConfig config) {
        sut = EndpointUnderTest.start(config);
        tester = sut.newTester(Tester.SCTP_PORT);
        tester.tolerateCrossedRetransmissions(config.rtoMinNanos() >= ConformanceConfig.standard().build().rtoMinNanos());
    }

    /** The tester shuts the association down (SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE) and ours closes. */
    static void shutDownFromTester(TesterAssociation a, SctpUdpAssociation ours) {
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        EndpointUnderTest.await(ours.closeFuture());
    }

    @AfterEach
    void stop() {
        if (sut != null) {
            sut.close();
        }
        if (tester != null) {
            tester.close();
        }
    }
}
