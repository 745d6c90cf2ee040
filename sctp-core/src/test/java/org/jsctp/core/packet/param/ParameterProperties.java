package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/** Round trips of random valid parameters of every type, and decoding of random bytes. */
class ParameterProperties {

    /** The generator behind these properties reaches every parameter type the codec knows. */
    @Example
    void anyParameterGeneratesEveryKnownTypeAndUnknownOnes() {
        Set<Class<?>> seen = ParameterArbitraries.anyParameter().sampleStream().limit(5000)
                .map(Object::getClass).collect(Collectors.toSet());
        Set<Integer> knownTypes = ParameterArbitraries.anyParameter().sampleStream().limit(5000)
                .map(Parameter::type).filter(t -> !ParameterType.name(t).startsWith("parameter type"))
                .collect(Collectors.toSet());
        assertThat(seen).contains(UnknownParameter.class);
        assertThat(knownTypes).containsAll(knownType().sampleStream().limit(2000).collect(Collectors.toSet()));
        assertThat(knownTypes).hasSize(30);
    }

    @Property(tries = 200)
    void everyParameterRoundTrips(@ForAll("anyParameter") Parameter parameter) {
        CodecAssertions.roundTrip(parameter);
    }

    @Property(tries = 200)
    void initParametersRoundTrip(@ForAll("initParameter") Parameter parameter) {
        CodecAssertions.roundTrip(parameter);
    }

    @Property(tries = 200)
    void asconfParametersRoundTrip(@ForAll("asconfParameter") Parameter parameter) {
        CodecAssertions.roundTrip(parameter);
    }

    @Property(tries = 200)
    void reconfigParametersRoundTrip(@ForAll("reconfigParameter") Parameter parameter) {
        CodecAssertions.roundTrip(parameter);
    }

    @Property(tries = 200)
    void addressParametersRoundTripThroughTheirFactory(@ForAll("address") AddressParameter parameter) {
        assertThat(AddressParameter.of(parameter.address())).isEqualTo(parameter);
        CodecAssertions.roundTrip(parameter);
    }

    @Property(tries = 200)
    void listsOfParametersRoundTripWithTheLastOneUnpadded(@ForAll("parameterList") List<Parameter> parameters) {
        int length = Parameters.listLength(parameters);
        ByteBuffer out = ByteBuffer.allocate(length);
        Parameters.encodeList(out, parameters);
        assertThat(out.position()).isEqualTo(length);
        assertThat(CodecAssertions.decodeParameters(out.array())).isEqualTo(parameters);
    }

    @Property(tries = 200)
    void encodedLengthIsTheAnnouncedLength(@ForAll("anyParameter") Parameter parameter) {
        byte[] bytes = CodecAssertions.encode(parameter);
        assertThat(bytes).hasSize(parameter.encodedLength());
    }

    /**
     * Every known type's decoder either rejects random value bytes cleanly or decodes them into a
     * parameter that re-encodes to exactly those bytes. (Error Cause Indication is left out of the
     * second half: padding between its nested causes is re-encoded as zeros.)
     */
    @Property(tries = 200)
    void randomValueBytesAreRejectedOrReencodedExactly(@ForAll("knownType") int type,
                                                       @ForAll("valueBytes") byte[] value) {
        Parameter decoded;
        try {
            decoded = Parameters.decodeValue(type, WireReader.of(value, "random value"));
        } catch (DecodeException rejected) {
            assertThat(rejected.reason()).isNotNull();
            return;
        }
        assertThat(decoded.type()).isEqualTo(type);
        if (type != ParameterType.ERROR_CAUSE_INDICATION) {
            ByteBuffer out = ByteBuffer.allocate(decoded.valueLength());
            decoded.encodeValue(out);
            assertThat(out.array()).isEqualTo(value);
        }
    }

    @Property(tries = 200)
    void randomParameterListsNeverEscapeAsRuntimeExceptions(@ForAll("listBytes") byte[] bytes) {
        decodesOrRejects(() -> Parameters.decodeList(WireReader.of(bytes, "random list")));
    }

    /** A valid encoding cut short anywhere before the end of its value is rejected, never misread. */
    @Property(tries = 200)
    void truncatedParametersAreRejected(@ForAll("anyParameter") Parameter parameter,
                                        @ForAll("fraction") double cut) {
        byte[] full = CodecAssertions.encode(parameter);
        int keep = 1 + (int) (cut * (parameter.unpaddedLength() - 1));
        byte[] truncated = Arrays.copyOf(full, keep);
        assertThatThrownBy(() -> Parameters.decodeList(WireReader.of(truncated, "truncated")))
                .isInstanceOf(DecodeException.class);
    }

    private interface Decoding {
        Object run() throws DecodeException;
    }

    private static void decodesOrRejects(Decoding decoding) {
        try {
            decoding.run();
        } catch (DecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<Parameter> anyParameter() {
        return ParameterArbitraries.anyParameter();
    }

    @Provide
    Arbitrary<Parameter> initParameter() {
        return Arbitraries.oneOf(ParameterArbitraries.initParameter(), ParameterArbitraries.initAckOnlyParameter());
    }

    @Provide
    Arbitrary<Parameter> asconfParameter() {
        return Arbitraries.oneOf(ParameterArbitraries.asconfParameter(), ParameterArbitraries.asconfAckParameter());
    }

    @Provide
    Arbitrary<Parameter> reconfigParameter() {
        return ParameterArbitraries.reconfigParameter();
    }

    @Provide
    Arbitrary<AddressParameter> address() {
        return ParameterArbitraries.addressParameter();
    }

    @Provide
    Arbitrary<List<Parameter>> parameterList() {
        return ParameterArbitraries.anyParameter().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> knownType() {
        return Arbitraries.of(ParameterType.HEARTBEAT_INFO, ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS,
                ParameterType.STATE_COOKIE, ParameterType.UNRECOGNIZED_PARAMETER, ParameterType.COOKIE_PRESERVATIVE,
                ParameterType.HOST_NAME_ADDRESS, ParameterType.SUPPORTED_ADDRESS_TYPES,
                ParameterType.OUTGOING_SSN_RESET_REQUEST, ParameterType.INCOMING_SSN_RESET_REQUEST,
                ParameterType.SSN_TSN_RESET_REQUEST, ParameterType.RECONFIGURATION_RESPONSE,
                ParameterType.ADD_OUTGOING_STREAMS_REQUEST, ParameterType.ADD_INCOMING_STREAMS_REQUEST,
                ParameterType.ECN_CAPABLE, ParameterType.ZERO_CHECKSUM_ACCEPTABLE, ParameterType.RANDOM,
                ParameterType.CHUNK_LIST, ParameterType.REQUESTED_HMAC_ALGORITHM, ParameterType.PADDING,
                ParameterType.SUPPORTED_EXTENSIONS, ParameterType.FORWARD_TSN_SUPPORTED,
                ParameterType.ADD_IP_ADDRESS, ParameterType.DELETE_IP_ADDRESS,
                ParameterType.ERROR_CAUSE_INDICATION, ParameterType.SET_PRIMARY_ADDRESS,
                ParameterType.SUCCESS_INDICATION, ParameterType.ADAPTATION_LAYER_INDICATION,
                ParameterType.DISABLE_RESTART, ParameterType.VTAGS);
    }

    @Provide
    Arbitrary<byte[]> valueBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<byte[]> listBytes() {
        // Bias the length fields towards small values so that nested structures are reached.
        Arbitrary<Byte> small = Arbitraries.bytes().between((byte) 0, (byte) 24);
        return Arbitraries.oneOf(Arbitraries.bytes(), small).array(byte[].class).ofMaxSize(64);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }
}
