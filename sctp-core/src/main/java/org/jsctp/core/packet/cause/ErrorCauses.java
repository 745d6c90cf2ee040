package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Decodes and encodes error cause lists (RFC 9260 section 3.3.10), as carried by ABORT, ERROR
 * and the Error Cause Indication parameter: the dispatch from cause code to each cause's own
 * {@code decode}.
 */
public final class ErrorCauses {

    private ErrorCauses() {
    }

    /**
     * Decodes causes filling the rest of {@code in}; the last may lack its padding.
     *
     * @param in the reader, at the first cause
     * @return the causes, in order
     * @throws DecodeException if a cause is malformed
     */
    public static List<ErrorCause> decodeList(WireReader in) throws DecodeException {
        return Tlv.readList(in, CauseCode::elementName, ErrorCauses::decodeValue);
    }

    /**
     * Decodes one cause's value, bounded by {@code value}, as its code says.
     *
     * @param code the cause code, 0..65535
     * @param value the cause value, without padding
     * @return the cause; an {@link UnknownCause} for a code not decoded here
     * @throws DecodeException if the value is malformed
     */
    public static ErrorCause decodeValue(int code, WireReader value) throws DecodeException {
        return switch (code) {
            case CauseCode.INVALID_STREAM_IDENTIFIER -> InvalidStreamIdentifierCause.decode(value);
            case CauseCode.MISSING_MANDATORY_PARAMETER -> MissingMandatoryParameterCause.decode(value);
            case CauseCode.STALE_COOKIE -> StaleCookieCause.decode(value);
            case CauseCode.OUT_OF_RESOURCE -> OutOfResourceCause.decode(value);
            case CauseCode.UNRESOLVABLE_ADDRESS -> UnresolvableAddressCause.decode(value);
            case CauseCode.UNRECOGNIZED_CHUNK_TYPE -> UnrecognizedChunkTypeCause.decode(value);
            case CauseCode.INVALID_MANDATORY_PARAMETER -> InvalidMandatoryParameterCause.decode(value);
            case CauseCode.UNRECOGNIZED_PARAMETERS -> UnrecognizedParametersCause.decode(value);
            case CauseCode.NO_USER_DATA -> NoUserDataCause.decode(value);
            case CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN -> CookieReceivedWhileShuttingDownCause.decode(value);
            case CauseCode.RESTART_WITH_NEW_ADDRESSES -> RestartWithNewAddressesCause.decode(value);
            case CauseCode.USER_INITIATED_ABORT -> UserInitiatedAbortCause.decode(value);
            case CauseCode.PROTOCOL_VIOLATION -> ProtocolViolationCause.decode(value);
            case CauseCode.UNSUPPORTED_HMAC_IDENTIFIER -> UnsupportedHmacIdentifierCause.decode(value);
            case CauseCode.DELETE_LAST_REMAINING_ADDRESS -> DeleteLastRemainingAddressCause.decode(value);
            case CauseCode.RESOURCE_SHORTAGE -> ResourceShortageCause.decode(value);
            case CauseCode.DELETE_SOURCE_ADDRESS -> DeleteSourceAddressCause.decode(value);
            case CauseCode.ILLEGAL_ASCONF_ACK -> IllegalAsconfAckCause.decode(value);
            case CauseCode.NO_AUTHORIZATION -> NoAuthorizationCause.decode(value);
            case CauseCode.COLLIDING_NAT_TABLE_ENTRY -> CollidingNatTableEntryCause.decode(value);
            case CauseCode.MISSING_NAT_TABLE_ENTRY -> MissingNatTableEntryCause.decode(value);
            case CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT -> RestartWithNewEncapsulationPortCause.decode(value);
            case CauseCode.PORT_NUMBER_COLLISION -> PortNumberCollisionCause.decode(value);
            default -> new UnknownCause(code, value.readRemaining());
        };
    }

    /**
     * {@return encoded size of {@code causes} inside a chunk or parameter (last one unpadded)}
     *
     * @param causes the causes
     */
    public static int listLength(List<? extends ErrorCause> causes) {
        return Tlv.listLength(causes);
    }

    /**
     * Writes {@code causes}, padding all but the last.
     *
     * @param out the buffer, with room for {@link #listLength} bytes
     * @param causes the causes
     */
    public static void encodeList(ByteBuffer out, List<? extends ErrorCause> causes) {
        Tlv.writeList(out, causes);
    }
}
