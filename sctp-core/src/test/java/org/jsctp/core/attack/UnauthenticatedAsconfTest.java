package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.AddressParameter;
import org.junit.jupiter.api.Test;

/**
 * An attacker on the path injects ASCONF and ASCONF-ACK chunks with the right tag but without
 * AUTH: with ASCONF negotiated they are discarded unanswered (RFC 5061 sections 4.1.1 and
 * 4.1.2), without it they are unknown chunks reported as usual (RFC 9260 section 3.2).
 */
class UnauthenticatedAsconfTest {

    private static AssociationConfig asconf() {
        // RFC 5061 section 4.1.1: ASCONF is negotiated only together with AUTH.
        return AttackedPair.defaults().asconfSupported(true).auth(org.jsctp.core.auth.AuthConfig.DEFAULTS).build();
    }

    @Test
    void withAsconfNegotiatedAnUnauthenticatedAsconfIsDiscardedUnanswered() {
        AttackedPair pair = new AttackedPair(asconf(), asconf(), 3);
        assertThat(pair.target.capabilities().asconf()).isTrue();
        AsconfChunk addAttacker = new AsconfChunk(pair.peer.localInitialTsn().value(), ip("192.0.2.1"),
                List.of(new AddIpAddressParameter(1, AddressParameter.of(ip("203.0.113.66")))));

        List<SctpPacket> answers = pair.inject(pair.target.localTag(), addAttacker);

        assertThat(answers).isEmpty();
        assertThat(pair.transfersBothWays()).isTrue();
    }

    @Test
    void withAsconfNegotiatedAnUnauthenticatedIllegalAckDoesNotAbort() {
        AttackedPair pair = new AttackedPair(asconf(), asconf(), 4);

        List<SctpPacket> answers = pair.inject(pair.target.localTag(),
                new AsconfAckChunk(pair.target.localInitialTsn().value() + 5, List.of()));

        assertThat(answers).isEmpty();
        assertThat(pair.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(pair.transfersBothWays()).isTrue();
    }

    @Test
    void withoutAsconfTheChunkIsReportedAsUnrecognized() {
        AttackedPair pair = new AttackedPair();
        AsconfChunk chunk = new AsconfChunk(1, ip("192.0.2.1"), List.of());

        List<SctpPacket> answers = pair.inject(pair.target.localTag(), chunk);

        assertThat(answers).singleElement().satisfies(p -> assertThat(p.chunks()).singleElement()
                .isInstanceOfSatisfying(ErrorChunk.class, e -> assertThat(e.causes()).singleElement()
                        .isInstanceOf(UnrecognizedChunkTypeCause.class)));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
