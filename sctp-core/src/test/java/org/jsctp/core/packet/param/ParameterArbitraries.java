package org.jsctp.core.packet.param;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.CauseArbitraries;
import org.jsctp.core.seq.Tsn;

/**
 * jqwik generators of valid parameters, for property tests of parameters and of the chunks that
 * carry them. {@link #anyParameter()} covers every parameter type the codec knows plus unknown
 * ones; the other public factories give one type each, or the subsets a chunk may carry.
 */
public final class ParameterArbitraries {

    private ParameterArbitraries() {
    }

    /** Any parameter the codec knows, or an unknown one. */
    public static Arbitrary<Parameter> anyParameter() {
        return Arbitraries.oneOf(List.of(
                heartbeatInfo(), ipv4Address(), ipv6Address(), stateCookie(), unrecognizedParameter(),
                cookiePreservative(), hostNameAddress(), supportedAddressTypes(),
                outgoingSsnResetRequest(), incomingSsnResetRequest(), ssnTsnResetRequest(),
                reconfigurationResponse(), addOutgoingStreamsRequest(), addIncomingStreamsRequest(),
                ecnCapable(), zeroChecksumAcceptable(), random(), chunkList(), requestedHmacAlgorithm(),
                padding(), supportedExtensions(), forwardTsnSupported(), addIpAddress(), deleteIpAddress(),
                errorCauseIndication(), setPrimaryAddress(), successIndication(),
                adaptationLayerIndication(), disableRestart(), vtags(), unknownParameter()));
    }

    /** A parameter of a type no RFC assigns, with random bytes. */
    public static Arbitrary<Parameter> unknownParameter() {
        Arbitrary<Integer> type = Arbitraries.oneOf(Arbitraries.integers().between(0x7000, 0x7FFF),
                Arbitraries.integers().between(0xF000, 0xFFFF));
        Arbitrary<byte[]> value = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return type.flatMap(t -> value.map(v -> new UnknownParameter(t, Bytes.wrap(v))));
    }

    // ---- subsets for the chunks that carry parameters -------------------------------------

    /** A parameter an INIT or INIT ACK may carry (RFC 9260 section 3.3.2 and the extensions). */
    public static Arbitrary<Parameter> initParameter() {
        return Arbitraries.oneOf(List.of(
                ipv4Address(), ipv6Address(), cookiePreservative(), hostNameAddress(), supportedAddressTypes(),
                ecnCapable(), zeroChecksumAcceptable(), random(), chunkList(), requestedHmacAlgorithm(),
                padding(), supportedExtensions(), forwardTsnSupported(), adaptationLayerIndication(),
                disableRestart(), unknownParameter()));
    }

    /** A parameter only an INIT ACK carries: the State Cookie or an Unrecognized Parameter report. */
    public static Arbitrary<Parameter> initAckOnlyParameter() {
        return Arbitraries.oneOf(stateCookie(), unrecognizedParameter());
    }

    /** A request parameter of an ASCONF chunk (RFC 5061 section 4.1.1, natsupp VTags). */
    public static Arbitrary<Parameter> asconfParameter() {
        return Arbitraries.oneOf(List.of(addIpAddress(), deleteIpAddress(), setPrimaryAddress(),
                adaptationLayerIndication(), vtags(), disableRestart()));
    }

    /** A response parameter of an ASCONF-ACK chunk (RFC 5061 section 4.1.2). */
    public static Arbitrary<Parameter> asconfAckParameter() {
        return Arbitraries.oneOf(errorCauseIndication(), successIndication());
    }

    /** A request or response parameter of a RE-CONFIG chunk (RFC 6525 section 4). */
    public static Arbitrary<Parameter> reconfigParameter() {
        return Arbitraries.oneOf(List.of(outgoingSsnResetRequest(), incomingSsnResetRequest(),
                ssnTsnResetRequest(), reconfigurationResponse(), addOutgoingStreamsRequest(),
                addIncomingStreamsRequest()));
    }

    // ---- one type each -------------------------------------------------------------------

    public static Arbitrary<HeartbeatInfoParameter> heartbeatInfo() {
        return bytes(0, 64).map(HeartbeatInfoParameter::new);
    }

    public static Arbitrary<Inet4Address> inet4Address() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> (Inet4Address) address(b));
    }

    public static Arbitrary<Inet6Address> inet6Address() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(ParameterArbitraries::inet6);
    }

    public static Arbitrary<Ipv4AddressParameter> ipv4Address() {
        return inet4Address().map(Ipv4AddressParameter::new);
    }

    public static Arbitrary<Ipv6AddressParameter> ipv6Address() {
        return inet6Address().map(Ipv6AddressParameter::new);
    }

    public static Arbitrary<AddressParameter> addressParameter() {
        return Arbitraries.oneOf(ipv4Address(), ipv6Address());
    }

    public static Arbitrary<StateCookieParameter> stateCookie() {
        return bytes(0, 128).map(StateCookieParameter::new);
    }

    public static Arbitrary<UnrecognizedParameter> unrecognizedParameter() {
        Arbitrary<UnrecognizedParameter> ofUnknown =
                unknownParameter().map(p -> UnrecognizedParameter.of((UnknownParameter) p));
        return Arbitraries.oneOf(ofUnknown, bytes(4, 40).map(UnrecognizedParameter::new));
    }

    public static Arbitrary<CookiePreservativeParameter> cookiePreservative() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(CookiePreservativeParameter::new);
    }

    public static Arbitrary<HostNameAddressParameter> hostNameAddress() {
        Arbitrary<HostNameAddressParameter> named = Arbitraries.strings().ofMaxLength(40)
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-.").map(HostNameAddressParameter::of);
        return Arbitraries.oneOf(named, bytes(0, 40).map(HostNameAddressParameter::new));
    }

    public static Arbitrary<SupportedAddressTypesParameter> supportedAddressTypes() {
        return u16s(8).map(SupportedAddressTypesParameter::new);
    }

    public static Arbitrary<OutgoingSsnResetRequestParameter> outgoingSsnResetRequest() {
        return Combinators.combine(anyInt(), anyInt(), tsn(), u16s(16))
                .as(OutgoingSsnResetRequestParameter::new);
    }

    public static Arbitrary<IncomingSsnResetRequestParameter> incomingSsnResetRequest() {
        return Combinators.combine(anyInt(), u16s(16)).as(IncomingSsnResetRequestParameter::new);
    }

    public static Arbitrary<SsnTsnResetRequestParameter> ssnTsnResetRequest() {
        return anyInt().map(SsnTsnResetRequestParameter::new);
    }

    public static Arbitrary<ReconfigurationResponseParameter> reconfigurationResponse() {
        Arbitrary<Integer> result = Arbitraries.oneOf(Arbitraries.integers().between(0, 6), anyInt());
        Arbitrary<ReconfigurationResponseParameter> shortForm =
                Combinators.combine(anyInt(), result).as(ReconfigurationResponseParameter::new);
        Arbitrary<ReconfigurationResponseParameter> withTsns =
                Combinators.combine(anyInt(), result, tsn(), tsn()).as(ReconfigurationResponseParameter::new);
        return Arbitraries.oneOf(shortForm, withTsns);
    }

    public static Arbitrary<AddOutgoingStreamsRequestParameter> addOutgoingStreamsRequest() {
        return Combinators.combine(anyInt(), u16(), reserved()).as(AddOutgoingStreamsRequestParameter::new);
    }

    public static Arbitrary<AddIncomingStreamsRequestParameter> addIncomingStreamsRequest() {
        return Combinators.combine(anyInt(), u16(), reserved()).as(AddIncomingStreamsRequestParameter::new);
    }

    public static Arbitrary<EcnCapableParameter> ecnCapable() {
        return Arbitraries.just(EcnCapableParameter.INSTANCE);
    }

    public static Arbitrary<ZeroChecksumAcceptableParameter> zeroChecksumAcceptable() {
        return Arbitraries.oneOf(Arbitraries.just(ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS), anyInt())
                .map(ZeroChecksumAcceptableParameter::new);
    }

    public static Arbitrary<RandomParameter> random() {
        return Arbitraries.oneOf(bytes(RandomParameter.RECOMMENDED_LENGTH, RandomParameter.RECOMMENDED_LENGTH),
                bytes(1, 64)).map(RandomParameter::new);
    }

    public static Arbitrary<ChunkListParameter> chunkList() {
        return u8s(16).map(ChunkListParameter::new);
    }

    public static Arbitrary<RequestedHmacAlgorithmParameter> requestedHmacAlgorithm() {
        return u16s(8).map(RequestedHmacAlgorithmParameter::new);
    }

    public static Arbitrary<PaddingParameter> padding() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 64).map(PaddingParameter::zeros),
                bytes(0, 64).map(PaddingParameter::new));
    }

    public static Arbitrary<SupportedExtensionsParameter> supportedExtensions() {
        return u8s(16).map(SupportedExtensionsParameter::new);
    }

    public static Arbitrary<ForwardTsnSupportedParameter> forwardTsnSupported() {
        return Arbitraries.just(ForwardTsnSupportedParameter.INSTANCE);
    }

    public static Arbitrary<AddIpAddressParameter> addIpAddress() {
        return Combinators.combine(anyInt(), addressParameter()).as(AddIpAddressParameter::new);
    }

    public static Arbitrary<DeleteIpAddressParameter> deleteIpAddress() {
        return Combinators.combine(anyInt(), addressParameter()).as(DeleteIpAddressParameter::new);
    }

    public static Arbitrary<ErrorCauseIndicationParameter> errorCauseIndication() {
        return Combinators.combine(anyInt(), CauseArbitraries.anyCause().list().ofMaxSize(4))
                .as(ErrorCauseIndicationParameter::new);
    }

    public static Arbitrary<SetPrimaryAddressParameter> setPrimaryAddress() {
        return Combinators.combine(anyInt(), addressParameter()).as(SetPrimaryAddressParameter::new);
    }

    public static Arbitrary<SuccessIndicationParameter> successIndication() {
        return anyInt().map(SuccessIndicationParameter::new);
    }

    public static Arbitrary<AdaptationLayerIndicationParameter> adaptationLayerIndication() {
        return anyInt().map(AdaptationLayerIndicationParameter::new);
    }

    public static Arbitrary<DisableRestartParameter> disableRestart() {
        return Arbitraries.just(DisableRestartParameter.INSTANCE);
    }

    public static Arbitrary<VtagsParameter> vtags() {
        return Combinators.combine(anyInt(), anyInt(), anyInt()).as(VtagsParameter::new);
    }

    // ---- field generators ----------------------------------------------------------------

    private static Arbitrary<Integer> anyInt() {
        return Arbitraries.integers();
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<Integer> reserved() {
        return Arbitraries.oneOf(Arbitraries.just(0), u16());
    }

    private static Arbitrary<List<Integer>> u16s(int maxSize) {
        return u16().list().ofMaxSize(maxSize);
    }

    private static Arbitrary<List<Integer>> u8s(int maxSize) {
        return Arbitraries.integers().between(0, 0xFF).list().ofMaxSize(maxSize);
    }

    private static Arbitrary<Tsn> tsn() {
        return Arbitraries.integers().map(Tsn::new);
    }

    private static Arbitrary<Bytes> bytes(int minSize, int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(minSize).ofMaxSize(maxSize).map(Bytes::wrap);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Inet6Address inet6(byte[] raw) {
        try {
            return Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
