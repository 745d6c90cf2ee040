package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieCheck;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.handshake.CookieSecrets;
import org.jsctp.core.handshake.StateCookieSealer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.cause.InvalidMandatoryParameterCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.ForwardTsnSupportedParameter;
import org.jsctp.core.packet.param.HostNameAddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.packet.param.UnrecognizedParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class InitResponderTest {

    private static final long S = 1_000_000_000L;
    private final AssociationConfig config = AssociationConfig.builder().outboundStreams(10).maxInboundStreams(20).build();
    private final StateCookieSealer sealer = new StateCookieSealer(new CookieSecrets(new SeededRandomSource(1), 0, 600 * S), 600 * S);
    private final InitResponder responder = new InitResponder(config, sealer, new SeededRandomSource(2), 120 * S);

    private static InitChunk init(int outbound, int inbound, List<Parameter> parameters) {
        return new InitChunk(0xABCD, 65536, outbound, inbound, new Tsn(77), parameters);
    }

    private CookieContents contentsOf(InitAckChunk ack, long now) {
        Bytes cookie = ack.parameters().stream().filter(p -> p instanceof StateCookieParameter)
                .map(p -> ((StateCookieParameter) p).cookie()).findFirst().orElseThrow();
        CookieCheck check = sealer.open(cookie, now);
        assertThat(check).isInstanceOf(CookieCheck.Valid.class);
        return CookieContents.decode(((CookieCheck.Valid) check).contents()).orElseThrow();
    }

    @Test
    void anInitIsAnsweredWithAnInitAckCarryingEverythingInTheCookie() {
        InitResponse r = responder.respond(init(30, 5, List.of(ForwardTsnSupportedParameter.INSTANCE)), 7, 5000, S);
        assertThat(r.accepted()).isTrue();
        assertThat(r.verificationTag()).isEqualTo(0xABCD);
        InitAckChunk ack = (InitAckChunk) r.chunks().get(0);
        assertThat(ack.initiateTag()).isNotZero();
        CookieContents c = contentsOf(ack, S);
        assertThat(c.localTag()).isEqualTo(ack.initiateTag());
        assertThat(c.peerTag()).isEqualTo(0xABCD);
        assertThat(c.localInitialTsn()).isEqualTo(ack.initialTsn());
        assertThat(c.peerInitialTsn()).isEqualTo(new Tsn(77));
        assertThat(c.peerReceiverWindow()).isEqualTo(65536);
        // RFC 9260 section 5.1.1: min(our outbound, peer inbound) and min(our inbound, peer outbound)
        assertThat(c.outboundStreams()).isEqualTo(5);
        assertThat(c.inboundStreams()).isEqualTo(20);
        assertThat(c.localPort()).isEqualTo(7);
        assertThat(c.peerPort()).isEqualTo(5000);
        assertThat(c.capabilities()).isEqualTo(new Capabilities(true, false, false));
    }

    @Test
    void zeroStreamsAreAnsweredWithAnAbort() {
        InitResponse r = responder.respond(init(0, 5, List.of()), 7, 5000, S);
        assertThat(r.accepted()).isFalse();
        assertThat(r.chunks()).containsExactly(new AbortChunk(false, false, List.of(InvalidMandatoryParameterCause.INSTANCE)));
        assertThat(r.verificationTag()).isEqualTo(0xABCD);
    }

    @Test
    void unknownParametersAreHandledByTheirActionBits() {
        UnknownParameter skipReport = new UnknownParameter(0xC123, Bytes.fromHex("01"));
        UnknownParameter skip = new UnknownParameter(0x8123, Bytes.fromHex("02"));
        InitResponse r = responder.respond(init(1, 1, List.of(skip, skipReport)), 7, 5000, S);
        InitAckChunk ack = (InitAckChunk) r.chunks().get(0);
        assertThat(ack.parameters()).contains(UnrecognizedParameter.of(skipReport))
                .doesNotContain(UnrecognizedParameter.of(skip));

    }

    @Test
    void stopParametersEndParameterProcessingButTheInitIsStillAnswered() {
        // RFC 9260 sections 3.2.1 and 3.2.2: 00 and 01 stop at the parameter, not at the INIT.
        UnknownParameter before = new UnknownParameter(0xC123, Bytes.fromHex("01"));
        UnknownParameter stop = new UnknownParameter(0x0123, Bytes.fromHex("02"));
        UnknownParameter stopAndReport = new UnknownParameter(0x4123, Bytes.fromHex("03"));
        UnknownParameter after = new UnknownParameter(0xC124, Bytes.fromHex("04"));

        InitAckChunk silent = (InitAckChunk) responder.respond(init(1, 1, List.of(before, stop, after)), 7, 5000, S)
                .chunks().get(0);
        assertThat(silent.parameters()).contains(UnrecognizedParameter.of(before))
                .doesNotContain(UnrecognizedParameter.of(stop), UnrecognizedParameter.of(after));

        InitAckChunk reported = (InitAckChunk) responder.respond(init(1, 1, List.of(before, stopAndReport, after)), 7,
                5000, S).chunks().get(0);
        assertThat(reported.parameters()).contains(UnrecognizedParameter.of(before), UnrecognizedParameter.of(stopAndReport))
                .doesNotContain(UnrecognizedParameter.of(after));
    }

    @Test
    void aHostNameAddressIsAnsweredWithAnAbortQuotingIt() {
        HostNameAddressParameter hostName = HostNameAddressParameter.of("example.invalid");
        InitResponse r = responder.respond(init(1, 1, List.of(hostName)), 7, 5000, S);
        assertThat(r.accepted()).isFalse();
        assertThat(r.chunks()).containsExactly(AbortChunk.of(UnresolvableAddressCause.of(hostName)));
        assertThat(r.verificationTag()).isEqualTo(0xABCD);
    }

    @Test
    void theInitAckOffersNoMoreOutboundStreamsThanTheInitAccepts() {
        InitAckChunk ack = (InitAckChunk) responder.respond(init(5, 2, List.of()), 7, 5000, S).chunks().get(0);
        assertThat(ack.outboundStreams()).isEqualTo(2); // RFC 9260 section 3.3.3
    }

    @Test
    void aCookiePreservativeExtendsTheCookieLifeUpToTheLimit() {
        InitResponse r = responder.respond(init(1, 1, List.of(new CookiePreservativeParameter(30_000))), 7, 5000, 0);
        InitAckChunk ack = (InitAckChunk) r.chunks().get(0);
        Bytes cookie = ((StateCookieParameter) ack.parameters().get(0)).cookie();
        assertThat(sealer.open(cookie, 89 * S)).isInstanceOf(CookieCheck.Valid.class);
        assertThat(sealer.open(cookie, 91 * S)).isInstanceOf(CookieCheck.Stale.class);

        InitResponse greedy = responder.respond(init(1, 1, List.of(new CookiePreservativeParameter(3_600_000))), 7, 5000, 0);
        Bytes capped = ((StateCookieParameter) ((InitAckChunk) greedy.chunks().get(0)).parameters().get(0)).cookie();
        assertThat(sealer.open(capped, 121 * S)).isInstanceOf(CookieCheck.Stale.class);
    }

    @Test
    void eachInitGetsItsOwnTagsSoNoStateIsShared() {
        InitAckChunk a = (InitAckChunk) responder.respond(init(1, 1, List.of()), 7, 5000, S).chunks().get(0);
        InitAckChunk b = (InitAckChunk) responder.respond(init(1, 1, List.of()), 7, 5000, S).chunks().get(0);
        assertThat(a.initiateTag()).isNotEqualTo(b.initiateTag());
    }

    @Test
    void theTagOfANewAssociationIsNotOneAnotherAssociationAlreadyHas() {
        List<Integer> asked = new java.util.ArrayList<>();
        InitResponse r = responder.respond(init(10, 10, List.of()), 7, 5000, S, null, tag -> {
            asked.add(tag);
            return asked.size() <= 2; // the first two draws are taken
        });
        InitAckChunk ack = (InitAckChunk) r.chunks().get(0);
        assertThat(asked).hasSize(3).doesNotHaveDuplicates();
        assertThat(ack.initiateTag()).isEqualTo(asked.get(2));
        assertThat(contentsOf(ack, S).localTag()).isEqualTo(asked.get(2));
    }
}
