package org.jsctp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * Every finding of the fuzzers, as a named test (docs/FUZZING.md). Each Jazzer finding also
 * stays in its target's inputs directory, named {@code regression-*}, so the regression mode of
 * every build replays it; the test here says what went wrong and checks the fix.
 */
class FuzzFindingsTest {

    private static final String ASSOCIATION_INPUTS = "/org/jsctp/core/fuzz/AssociationFuzzTestInputs/endpointAndAssociation/";

    /**
     * AssociationFuzzTest, MAC check off: a COOKIE ECHO whose cookie claims zero inbound streams
     * made {@code Association.fromCookie} throw IllegalArgumentException out of
     * {@code Endpoint.handlePacket}. Our endpoint never seals such contents; they are now
     * refused as not ours ({@link CookieContents#decode}).
     */
    @Test
    void aCookieClaimingZeroStreamsIsDiscardedInsteadOfThrowing() {
        byte[] input = resource(ASSOCIATION_INPUTS + "regression-cookie-with-zero-inbound-streams");
        assertThatCode(() -> FuzzedEndpoint.run(input)).doesNotThrowAnyException();

        CookieContents zeroInbound = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 8, 0, 7, 5000, 0, 0,
                Capabilities.NONE);
        CookieContents zeroOutbound = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 0, 8, 7, 5000, 0, 0,
                Capabilities.NONE);
        CookieContents zeroTag = new CookieContents(0, 2, new Tsn(3), new Tsn(4), 5000, 8, 8, 7, 5000, 0, 0,
                Capabilities.NONE);
        assertThat(CookieContents.decode(zeroInbound.encode())).isEmpty();
        assertThat(CookieContents.decode(zeroOutbound.encode())).isEmpty();
        assertThat(CookieContents.decode(zeroTag.encode())).isEmpty();
    }

    /**
     * AssociationFuzzTest: data in flight did not count against the send buffer, so with a peer
     * slow to acknowledge, the queued plus unacknowledged bytes exceeded
     * {@code AssociationConfig.sendBufferBytes}, which the documentation promises as the bound.
     * {@code send} now refuses (back-pressure) once queued plus in-flight bytes would exceed it.
     */
    @Test
    void dataInFlightCountsAgainstTheSendBuffer() {
        byte[] input = resource(ASSOCIATION_INPUTS + "regression-send-buffer-exceeded-by-data-in-flight");
        assertThatCode(() -> FuzzedEndpoint.run(input)).doesNotThrowAnyException();
    }

    /**
     * AssociationFuzzTest, MAC check off: a cookie naming a zero checksum method (RFC 9653) that
     * this endpoint does not announce made the association send zero checksums, which a peer
     * expecting CRC32C drops. An association made from a cookie now uses only what this endpoint
     * offers as well ({@code Tcb}: the cookie's capabilities in common with the configuration's).
     */
    @Test
    void aCookieNamingAZeroChecksumWeDoNotAnnounceGetsNone() {
        byte[] input = resource(ASSOCIATION_INPUTS + "regression-cookie-claiming-zero-checksum-we-do-not-announce");
        assertThatCode(() -> FuzzedEndpoint.run(input)).doesNotThrowAnyException();

        CookieContents claimsZeroChecksum = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 8, 8, 7, 5000, 0, 0,
                Capabilities.NONE.withZeroChecksum(1));
        AssociationConfig withoutZeroChecksum = AssociationConfig.builder().build();
        assertThat(withoutZeroChecksum.capabilities().zeroChecksum()).isFalse();
        Association a = Association.fromCookie(withoutZeroChecksum, new SeededRandomSource(1), claimsZeroChecksum, 0);
        assertThat(a.capabilities().zeroChecksum()).isFalse();
    }

    /**
     * AssociationFuzzTest (in CI): chunks marked for retransmission were left out of the send
     * buffer's count (it used the flight size), so offers were accepted that overfilled
     * {@code sendBufferBytes} once those chunks went out again. The count is now every byte held
     * for the peer ({@code OutstandingData.bytesHeld}); replaying the input checks the bound after
     * every step ({@code AssociationChecks}).
     */
    @Test
    void chunksMarkedForRetransmissionCountAgainstTheSendBuffer() {
        byte[] input = resource(ASSOCIATION_INPUTS + "regression-send-buffer-exceeded-by-chunks-marked-for-retransmission");
        assertThatCode(() -> FuzzedEndpoint.run(input)).doesNotThrowAnyException();
    }

    private static byte[] resource(String path) {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing regression input " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
