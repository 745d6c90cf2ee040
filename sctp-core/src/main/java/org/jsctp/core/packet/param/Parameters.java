package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Decodes and encodes parameter lists (RFC 9260 section 3.2.1): the dispatch from parameter type
 * to each parameter's own {@code decode}.
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * Decodes parameters filling the rest of {@code in}; the last may lack its padding.
     *
     * @param in the reader, at the first parameter
     * @return the parameters, in order
     * @throws DecodeException if a parameter is malformed
     */
    public static List<Parameter> decodeList(WireReader in) throws DecodeException {
        return Tlv.readList(in, ParameterType::elementName, Parameters::decodeValue);
    }

    /**
     * Decodes one parameter's value, bounded by {@code value}, as its type says.
     *
     * @param type the parameter type, 0..65535
     * @param value the parameter value, without padding
     * @return the parameter; an {@link UnknownParameter} for a type not decoded here
     * @throws DecodeException if the value is malformed
     */
    public static Parameter decodeValue(int type, WireReader value) throws DecodeException {
        return switch (type) {
            case ParameterType.HEARTBEAT_INFO -> HeartbeatInfoParameter.decode(value);
            case ParameterType.IPV4_ADDRESS -> Ipv4AddressParameter.decode(value);
            case ParameterType.IPV6_ADDRESS -> Ipv6AddressParameter.decode(value);
            case ParameterType.STATE_COOKIE -> StateCookieParameter.decode(value);
            case ParameterType.UNRECOGNIZED_PARAMETER -> UnrecognizedParameter.decode(value);
            case ParameterType.COOKIE_PRESERVATIVE -> CookiePreservativeParameter.decode(value);
            case ParameterType.HOST_NAME_ADDRESS -> HostNameAddressParameter.decode(value);
            case ParameterType.SUPPORTED_ADDRESS_TYPES -> SupportedAddressTypesParameter.decode(value);
            case ParameterType.OUTGOING_SSN_RESET_REQUEST -> OutgoingSsnResetRequestParameter.decode(value);
            case ParameterType.INCOMING_SSN_RESET_REQUEST -> IncomingSsnResetRequestParameter.decode(value);
            case ParameterType.SSN_TSN_RESET_REQUEST -> SsnTsnResetRequestParameter.decode(value);
            case ParameterType.RECONFIGURATION_RESPONSE -> ReconfigurationResponseParameter.decode(value);
            case ParameterType.ADD_OUTGOING_STREAMS_REQUEST -> AddOutgoingStreamsRequestParameter.decode(value);
            case ParameterType.ADD_INCOMING_STREAMS_REQUEST -> AddIncomingStreamsRequestParameter.decode(value);
            case ParameterType.ECN_CAPABLE -> EcnCapableParameter.decode(value);
            case ParameterType.ZERO_CHECKSUM_ACCEPTABLE -> ZeroChecksumAcceptableParameter.decode(value);
            case ParameterType.RANDOM -> RandomParameter.decode(value);
            case ParameterType.CHUNK_LIST -> ChunkListParameter.decode(value);
            case ParameterType.REQUESTED_HMAC_ALGORITHM -> RequestedHmacAlgorithmParameter.decode(value);
            case ParameterType.PADDING -> PaddingParameter.decode(value);
            case ParameterType.SUPPORTED_EXTENSIONS -> SupportedExtensionsParameter.decode(value);
            case ParameterType.FORWARD_TSN_SUPPORTED -> ForwardTsnSupportedParameter.decode(value);
            case ParameterType.ADD_IP_ADDRESS -> AddIpAddressParameter.decode(value);
            case ParameterType.DELETE_IP_ADDRESS -> DeleteIpAddressParameter.decode(value);
            case ParameterType.ERROR_CAUSE_INDICATION -> ErrorCauseIndicationParameter.decode(value);
            case ParameterType.SET_PRIMARY_ADDRESS -> SetPrimaryAddressParameter.decode(value);
            case ParameterType.SUCCESS_INDICATION -> SuccessIndicationParameter.decode(value);
            case ParameterType.ADAPTATION_LAYER_INDICATION -> AdaptationLayerIndicationParameter.decode(value);
            case ParameterType.DISABLE_RESTART -> DisableRestartParameter.decode(value);
            case ParameterType.VTAGS -> VtagsParameter.decode(value);
            default -> new UnknownParameter(type, value.readRemaining());
        };
    }

    /**
     * {@return encoded size of {@code parameters} inside a chunk or parameter (last one unpadded)}
     *
     * @param parameters the parameters
     */
    public static int listLength(List<? extends Parameter> parameters) {
        return Tlv.listLength(parameters);
    }

    /**
     * Writes {@code parameters}, padding all but the last.
     *
     * @param out the buffer, with room for {@link #listLength} bytes
     * @param parameters the parameters
     */
    public static void encodeList(ByteBuffer out, List<? extends Parameter> parameters) {
        Tlv.writeList(out, parameters);
    }
}
