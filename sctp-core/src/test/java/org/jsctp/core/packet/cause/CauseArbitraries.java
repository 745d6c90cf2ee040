package org.jsctp.core.packet.cause;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.Tsn;

/**
 * jqwik generators of valid error causes, for property tests of causes and of the chunks that
 * carry them. Copied TLVs are built from {@link UnknownParameter}s, so they have real headers.
 */
public final class CauseArbitraries {

    private static final int MAX_BYTES = 64;

    private CauseArbitraries() {
    }

    /**
     * Any error cause the codec knows, or an unknown one.
     */
    public static Arbitrary<ErrorCause> anyCause() {
        List<Arbitrary<? extends ErrorCause>> all = List.of(invalidStreamIdentifier(), missingMandatoryParameter(),
                staleCookie(), outOfResource(), unresolvableAddress(), unrecognizedChunkType(),
                invalidMandatoryParameter(), unrecognizedParameters(), noUserData(),
                cookieReceivedWhileShuttingDown(), restartWithNewAddresses(), userInitiatedAbort(),
                protocolViolation(), unsupportedHmacIdentifier(), deleteLastRemainingAddress(), resourceShortage(),
                deleteSourceAddress(), illegalAsconfAck(), noAuthorization(), collidingNatTableEntry(),
                missingNatTableEntry(), portNumberCollision(), restartWithNewEncapsulationPort(), unknownCause());
        return Arbitraries.oneOf(all);
    }

    /** A cause with a code no RFC assigns, with random bytes. */
    public static Arbitrary<ErrorCause> unknownCause() {
        Arbitrary<Integer> code = Arbitraries.integers().between(0x1000, 0xFFFF);
        return Combinators.combine(code, bytes(0)).as((c, v) -> new UnknownCause(c, v));
    }

    public static Arbitrary<InvalidStreamIdentifierCause> invalidStreamIdentifier() {
        return u16().map(InvalidStreamIdentifierCause::new);
    }

    public static Arbitrary<MissingMandatoryParameterCause> missingMandatoryParameter() {
        return u16().list().ofMaxSize(12).map(MissingMandatoryParameterCause::new);
    }

    public static Arbitrary<StaleCookieCause> staleCookie() {
        return Arbitraries.integers().map(StaleCookieCause::new);
    }

    public static Arbitrary<OutOfResourceCause> outOfResource() {
        return Arbitraries.just(OutOfResourceCause.INSTANCE);
    }

    public static Arbitrary<UnresolvableAddressCause> unresolvableAddress() {
        return parameter().map(UnresolvableAddressCause::of);
    }

    public static Arbitrary<UnrecognizedChunkTypeCause> unrecognizedChunkType() {
        return bytes(4).map(UnrecognizedChunkTypeCause::new);
    }

    public static Arbitrary<InvalidMandatoryParameterCause> invalidMandatoryParameter() {
        return Arbitraries.oneOf(List.of(Arbitraries.just(InvalidMandatoryParameterCause.INSTANCE),
                parameter().map(InvalidMandatoryParameterCause::of)));
    }

    public static Arbitrary<UnrecognizedParametersCause> unrecognizedParameters() {
        return parameters().map(UnrecognizedParametersCause::of);
    }

    public static Arbitrary<NoUserDataCause> noUserData() {
        return Arbitraries.integers().map(t -> new NoUserDataCause(new Tsn(t)));
    }

    public static Arbitrary<CookieReceivedWhileShuttingDownCause> cookieReceivedWhileShuttingDown() {
        return Arbitraries.just(CookieReceivedWhileShuttingDownCause.INSTANCE);
    }

    public static Arbitrary<RestartWithNewAddressesCause> restartWithNewAddresses() {
        return parameters().map(RestartWithNewAddressesCause::of);
    }

    public static Arbitrary<UserInitiatedAbortCause> userInitiatedAbort() {
        return Arbitraries.oneOf(List.of(bytes(0).map(UserInitiatedAbortCause::new),
                text().map(UserInitiatedAbortCause::of)));
    }

    public static Arbitrary<ProtocolViolationCause> protocolViolation() {
        return Arbitraries.oneOf(List.of(bytes(0).map(ProtocolViolationCause::new),
                text().map(ProtocolViolationCause::of)));
    }

    public static Arbitrary<UnsupportedHmacIdentifierCause> unsupportedHmacIdentifier() {
        return u16().map(UnsupportedHmacIdentifierCause::new);
    }

    public static Arbitrary<DeleteLastRemainingAddressCause> deleteLastRemainingAddress() {
        return parameter().map(DeleteLastRemainingAddressCause::of);
    }

    public static Arbitrary<ResourceShortageCause> resourceShortage() {
        return parameter().map(ResourceShortageCause::of);
    }

    public static Arbitrary<DeleteSourceAddressCause> deleteSourceAddress() {
        return parameter().map(DeleteSourceAddressCause::of);
    }

    public static Arbitrary<IllegalAsconfAckCause> illegalAsconfAck() {
        return Arbitraries.just(IllegalAsconfAckCause.INSTANCE);
    }

    public static Arbitrary<NoAuthorizationCause> noAuthorization() {
        return parameter().map(NoAuthorizationCause::of);
    }

    public static Arbitrary<CollidingNatTableEntryCause> collidingNatTableEntry() {
        return bytes(0).map(CollidingNatTableEntryCause::new);
    }

    public static Arbitrary<MissingNatTableEntryCause> missingNatTableEntry() {
        return bytes(0).map(MissingNatTableEntryCause::new);
    }

    public static Arbitrary<PortNumberCollisionCause> portNumberCollision() {
        return bytes(0).map(PortNumberCollisionCause::new);
    }

    public static Arbitrary<RestartWithNewEncapsulationPortCause> restartWithNewEncapsulationPort() {
        return Combinators.combine(u16(), u16()).as(RestartWithNewEncapsulationPortCause::new);
    }

    /** One parameter of any type, with a random value: what the causes copy. */
    public static Arbitrary<Parameter> parameter() {
        return Combinators.combine(u16(), bytes(0)).as((t, v) -> new UnknownParameter(t, v));
    }

    /** One to four parameters. */
    public static Arbitrary<List<Parameter>> parameters() {
        return parameter().list().ofMinSize(1).ofMaxSize(4);
    }

    /** Text without unpaired surrogates, so it survives UTF-8 unchanged. */
    public static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(40);
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<Bytes> bytes(int minSize) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(minSize).ofMaxSize(MAX_BYTES).map(Bytes::wrap);
    }
}
