package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/** Round trips of random valid causes, and totality of the cause decoders on random bytes. */
class CauseProperties {

    /** Every code with a class, plus the undispatched ones and a few unassigned neighbours. */
    private static final List<Integer> CODES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0x69,
            0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xB0, 0xB1, 0xB2, 0x0105, 0xFFFF);

    @Property(tries = 200)
    void invalidStreamIdentifierRoundTrips(@ForAll("invalidStreamIdentifier") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void missingMandatoryParameterRoundTrips(@ForAll("missingMandatoryParameter") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void staleCookieRoundTrips(@ForAll("staleCookie") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void unresolvableAddressRoundTrips(@ForAll("unresolvableAddress") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void unrecognizedChunkTypeRoundTrips(@ForAll("unrecognizedChunkType") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void invalidMandatoryParameterRoundTrips(@ForAll("invalidMandatoryParameter") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void unrecognizedParametersRoundTrip(@ForAll("unrecognizedParameters") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void noUserDataRoundTrips(@ForAll("noUserData") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void restartWithNewAddressesRoundTrips(@ForAll("restartWithNewAddresses") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void userInitiatedAbortRoundTrips(@ForAll("userInitiatedAbort") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void protocolViolationRoundTrips(@ForAll("protocolViolation") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void unsupportedHmacIdentifierRoundTrips(@ForAll("unsupportedHmacIdentifier") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void asconfRefusalsRoundTrip(@ForAll("asconfRefusal") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void natCausesRoundTrip(@ForAll("natCause") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void headerOnlyCausesRoundTrip(@ForAll("headerOnly") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void unknownCausesRoundTrip(@ForAll("unknown") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void encapsulationCausesRoundTrip(@ForAll("encapsulation") ErrorCause cause) {
        CodecAssertions.roundTrip(cause);
    }

    @Property(tries = 200)
    void textConveniencesSurviveUtf8(@ForAll("text") String text) {
        assertThat(UserInitiatedAbortCause.of(text).reasonText()).isEqualTo(text);
        assertThat(ProtocolViolationCause.of(text).informationText()).isEqualTo(text);
    }

    @Property(tries = 200)
    void causeListsRoundTripWithTheLastCauseUnpadded(@ForAll("causeLists") List<ErrorCause> causes)
            throws DecodeException {
        ByteBuffer out = ByteBuffer.allocate(ErrorCauses.listLength(causes));
        ErrorCauses.encodeList(out, causes);
        assertThat(out.hasRemaining()).isFalse();
        assertThat(ErrorCauses.decodeList(WireReader.of(out.array(), "list"))).isEqualTo(causes);
    }

    @Property(tries = 200)
    void decodingAnyValueEitherFailsCleanlyOrKeepsEveryByte(@ForAll("code") int code,
            @ForAll @Size(max = 80) byte[] value) {
        ErrorCause cause;
        try {
            cause = ErrorCauses.decodeValue(code, WireReader.of(value, "value"));
        } catch (DecodeException e) {
            assertThat(e.reason()).isNotNull();
            return;
        }
        assertThat(cause.code()).isEqualTo(code);
        assertThat(cause.valueLength()).isEqualTo(value.length);
        assertThat(cause.describe()).isNotEmpty();
        ByteBuffer out = ByteBuffer.allocate(value.length);
        cause.encodeValue(out);
        if (code != CauseCode.INVALID_STREAM_IDENTIFIER) { // its reserved bits are re-sent as zero
            assertThat(out.array()).isEqualTo(value);
        }
    }

    @Property(tries = 200)
    void descriptionsNameTheCauseAndHoldNoControlCharacters(@ForAll("causes") ErrorCause cause) {
        String text = cause.describe();
        assertThat(text).startsWith(CauseCode.name(cause.code()));
        assertThat(text.codePoints().noneMatch(Character::isISOControl)).isTrue();
    }

    @Provide
    Arbitrary<ErrorCause> causes() {
        return CauseArbitraries.anyCause();
    }

    @Provide
    Arbitrary<List<ErrorCause>> causeLists() {
        return CauseArbitraries.anyCause().list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Integer> code() {
        return Arbitraries.oneOf(List.of(Arbitraries.of(CODES), Arbitraries.integers().between(0, 0xFFFF)));
    }

    @Provide
    Arbitrary<String> text() {
        return CauseArbitraries.text();
    }

    @Provide
    Arbitrary<ErrorCause> invalidStreamIdentifier() {
        return CauseArbitraries.invalidStreamIdentifier().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> missingMandatoryParameter() {
        return CauseArbitraries.missingMandatoryParameter().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> staleCookie() {
        return CauseArbitraries.staleCookie().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> unresolvableAddress() {
        return CauseArbitraries.unresolvableAddress().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> unrecognizedChunkType() {
        return CauseArbitraries.unrecognizedChunkType().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> invalidMandatoryParameter() {
        return CauseArbitraries.invalidMandatoryParameter().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> unrecognizedParameters() {
        return CauseArbitraries.unrecognizedParameters().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> noUserData() {
        return CauseArbitraries.noUserData().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> restartWithNewAddresses() {
        return CauseArbitraries.restartWithNewAddresses().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> userInitiatedAbort() {
        return CauseArbitraries.userInitiatedAbort().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> protocolViolation() {
        return CauseArbitraries.protocolViolation().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> unsupportedHmacIdentifier() {
        return CauseArbitraries.unsupportedHmacIdentifier().map(c -> c);
    }

    @Provide
    Arbitrary<ErrorCause> asconfRefusal() {
        return Arbitraries.oneOf(List.of(CauseArbitraries.deleteLastRemainingAddress(),
                CauseArbitraries.resourceShortage(), CauseArbitraries.deleteSourceAddress(),
                CauseArbitraries.noAuthorization()));
    }

    @Provide
    Arbitrary<ErrorCause> natCause() {
        return Arbitraries.oneOf(List.of(CauseArbitraries.collidingNatTableEntry(),
                CauseArbitraries.missingNatTableEntry()));
    }

    @Provide
    Arbitrary<ErrorCause> headerOnly() {
        return Arbitraries.oneOf(List.of(CauseArbitraries.outOfResource(),
                CauseArbitraries.cookieReceivedWhileShuttingDown(), CauseArbitraries.illegalAsconfAck()));
    }

    @Provide
    Arbitrary<ErrorCause> unknown() {
        return CauseArbitraries.unknownCause();
    }

    @Provide
    Arbitrary<ErrorCause> encapsulation() {
        return Arbitraries.oneOf(CauseArbitraries.portNumberCollision(), CauseArbitraries.restartWithNewEncapsulationPort());
    }
}
