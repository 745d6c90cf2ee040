package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
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
        start(config, b -> b);
    }

    void start(AssociationConfig config, UnaryOperator<UdpSctpEndpoint.Builder> settings) {
        sut = EndpointUnderTest.start(config, settings);
        tester = sut.newTester(Tester.SCTP_PORT);
        tester.tolerateCrossedRetransmissions(config.rtoMinNanos() >= ConformanceConfig.standard().build().rtoMinNanos());
    }

    /** An association both sides see as established: the tester's view and ours. */
    record Established(TesterAssociation tester, SctpUdpAssociation ours) {
    }

    /** Our endpoint connects to the tester, which answers with a plain INIT ACK. */
    Established activeAssociation() {
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        TesterAssociation a = Handshakes.accept(tester);
        return new Established(a, EndpointUnderTest.await(up));
    }

    /**
     * The tester made multi-homed ({@link Tester#addSecondAddress()}) connects to our endpoint
     * with an INIT listing both its addresses (RFC 9260 section 5.1.2), and our endpoint confirms
     * the second ({@link #confirmSecondAddress}).
     */
    Established passiveMultiHomedAssociation() {
        tester.addSecondAddress();
        TesterAssociation a = Handshakes.connect(tester, Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS,
                bothTesterAddresses()));
        Established e = new Established(a, sut.associationWith(tester));
        confirmSecondAddress(a);
        return e;
    }

    /** The tester's two addresses as IPv4 Address parameters, for its INIT or INIT ACK. */
    List<Parameter> bothTesterAddresses() {
        return List.of(AddressParameter.of(tester.address().getAddress()),
                AddressParameter.of(tester.secondAddress().getAddress()));
    }

    /**
     * Our endpoint confirms the tester's second address, learnt from an INIT or INIT ACK (RFC 9260
     * section 5.4): its HEARTBEAT arrives there and the HEARTBEAT ACK goes back from there.
     */
    void confirmSecondAddress(TesterAssociation a) {
        HeartbeatChunk hb = a.nextOnSecond().single(HeartbeatChunk.class);
        a.sendFromSecond(hb.ack());
        sut.awaitPeerAddress(tester, tester.secondAddress().getAddress(), PeerAddressState.CONFIRMED);
    }

    /** The tester connects to our endpoint with a plain INIT. */
    Established passiveAssociation() {
        TesterAssociation a = Handshakes.connect(tester);
        return new Established(a, sut.associationWith(tester));
    }

    /**
     * The association still answers: a HEARTBEAT from the tester gets, as the endpoint's next
     * packet, a HEARTBEAT ACK echoing its information unchanged (RFC 9260 section 8.3).
     */
    static void assertAlive(TesterAssociation a) {
        HeartbeatChunk hb = HeartbeatChunk.of(new HeartbeatInfoParameter(TesterAssociation.bytes("still alive?")));
        a.send(hb);
        assertThat(a.expect(HeartbeatAckChunk.class).info()).isEqualTo(hb.info());
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
