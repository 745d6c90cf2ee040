package org.jsctp.core.packet.param;

/**
 * Parameter type numbers (IANA "Chunk Parameter Types" registry) and their names.
 *
 * <p>The same numbering serves INIT, INIT ACK, HEARTBEAT, ASCONF, ASCONF-ACK and RE-CONFIG.
 */
public final class ParameterType {

    /** Heartbeat Info (RFC 9260 section 3.3.5). */
    public static final int HEARTBEAT_INFO = 0x0001; // RFC 9260 section 3.3.5
    /** IPv4 Address (RFC 9260 section 3.3.2.1). */
    public static final int IPV4_ADDRESS = 0x0005; // RFC 9260 section 3.3.2.1
    /** IPv6 Address (RFC 9260 section 3.3.2.1). */
    public static final int IPV6_ADDRESS = 0x0006; // RFC 9260 section 3.3.2.1
    /** State Cookie (RFC 9260 section 3.3.3.1). */
    public static final int STATE_COOKIE = 0x0007; // RFC 9260 section 3.3.3.1
    /** Unrecognized Parameter (RFC 9260 section 3.3.3.1). */
    public static final int UNRECOGNIZED_PARAMETER = 0x0008; // RFC 9260 section 3.3.3.1
    /** Cookie Preservative (RFC 9260 section 3.3.2.1). */
    public static final int COOKIE_PRESERVATIVE = 0x0009; // RFC 9260 section 3.3.2.1
    /** Host Name Address (RFC 9260 section 3.3.2.1). */
    public static final int HOST_NAME_ADDRESS = 0x000B; // RFC 9260 section 3.3.2.1
    /** Supported Address Types (RFC 9260 section 3.3.2.1). */
    public static final int SUPPORTED_ADDRESS_TYPES = 0x000C; // RFC 9260 section 3.3.2.1
    /** Outgoing SSN Reset Request (RFC 6525 section 4.1). */
    public static final int OUTGOING_SSN_RESET_REQUEST = 0x000D; // RFC 6525 section 4.1
    /** Incoming SSN Reset Request (RFC 6525 section 4.2). */
    public static final int INCOMING_SSN_RESET_REQUEST = 0x000E; // RFC 6525 section 4.2
    /** SSN/TSN Reset Request (RFC 6525 section 4.3). */
    public static final int SSN_TSN_RESET_REQUEST = 0x000F; // RFC 6525 section 4.3
    /** Re-configuration Response (RFC 6525 section 4.4). */
    public static final int RECONFIGURATION_RESPONSE = 0x0010; // RFC 6525 section 4.4
    /** Add Outgoing Streams Request (RFC 6525 section 4.5). */
    public static final int ADD_OUTGOING_STREAMS_REQUEST = 0x0011; // RFC 6525 section 4.5
    /** Add Incoming Streams Request (RFC 6525 section 4.6). */
    public static final int ADD_INCOMING_STREAMS_REQUEST = 0x0012; // RFC 6525 section 4.6
    /** ECN Capable (RFC 9260 appendix A). */
    public static final int ECN_CAPABLE = 0x8000; // RFC 9260 appendix A
    /** Zero Checksum Acceptable (RFC 9653 section 4). */
    public static final int ZERO_CHECKSUM_ACCEPTABLE = 0x8001; // RFC 9653 section 4
    /** Random (RFC 4895 section 3.1). */
    public static final int RANDOM = 0x8002; // RFC 4895 section 3.1
    /** Chunk List (RFC 4895 section 3.2). */
    public static final int CHUNK_LIST = 0x8003; // RFC 4895 section 3.2
    /** Requested HMAC Algorithm (RFC 4895 section 3.3). */
    public static final int REQUESTED_HMAC_ALGORITHM = 0x8004; // RFC 4895 section 3.3
    /** Padding (RFC 4820 section 4). */
    public static final int PADDING = 0x8005; // RFC 4820 section 4
    /** Supported Extensions (RFC 5061 section 4.2.7). */
    public static final int SUPPORTED_EXTENSIONS = 0x8008; // RFC 5061 section 4.2.7
    /** Forward-TSN-Supported (RFC 3758 section 3.1). */
    public static final int FORWARD_TSN_SUPPORTED = 0xC000; // RFC 3758 section 3.1
    /** Add IP Address (RFC 5061 section 4.2.1). */
    public static final int ADD_IP_ADDRESS = 0xC001; // RFC 5061 section 4.2.1
    /** Delete IP Address (RFC 5061 section 4.2.2). */
    public static final int DELETE_IP_ADDRESS = 0xC002; // RFC 5061 section 4.2.2
    /** Error Cause Indication (RFC 5061 section 4.2.3). */
    public static final int ERROR_CAUSE_INDICATION = 0xC003; // RFC 5061 section 4.2.3
    /** Set Primary Address (RFC 5061 section 4.2.4). */
    public static final int SET_PRIMARY_ADDRESS = 0xC004; // RFC 5061 section 4.2.4
    /** Success Indication (RFC 5061 section 4.2.5). */
    public static final int SUCCESS_INDICATION = 0xC005; // RFC 5061 section 4.2.5
    /** Adaptation Layer Indication (RFC 5061 section 4.2.6). */
    public static final int ADAPTATION_LAYER_INDICATION = 0xC006; // RFC 5061 section 4.2.6
    // The values draft-ietf-tsvwg-natsupp asks IANA for, and those FreeBSD/usrsctp use (SCTP_HAS_NAT_SUPPORT,
    // SCTP_NAT_VTAGS).
    /** Disable Restart (draft-ietf-tsvwg-natsupp section 5.3.1). */
    public static final int DISABLE_RESTART = 0xC007; // draft-ietf-tsvwg-natsupp section 5.3.1
    /** VTags (draft-ietf-tsvwg-natsupp section 5.3.2). */
    public static final int VTAGS = 0xC008; // draft-ietf-tsvwg-natsupp section 5.3.2

    private ParameterType() {
    }

    /**
     * {@return the parameter's name as the RFCs write it, or "parameter type N" for unknown types}
     *
     * @param type a parameter type, 0..65535
     */
    public static String name(int type) {
        return switch (type) {
            case HEARTBEAT_INFO -> "Heartbeat Info";
            case IPV4_ADDRESS -> "IPv4 Address";
            case IPV6_ADDRESS -> "IPv6 Address";
            case STATE_COOKIE -> "State Cookie";
            case UNRECOGNIZED_PARAMETER -> "Unrecognized Parameter";
            case COOKIE_PRESERVATIVE -> "Cookie Preservative";
            case HOST_NAME_ADDRESS -> "Host Name Address";
            case SUPPORTED_ADDRESS_TYPES -> "Supported Address Types";
            case OUTGOING_SSN_RESET_REQUEST -> "Outgoing SSN Reset Request";
            case INCOMING_SSN_RESET_REQUEST -> "Incoming SSN Reset Request";
            case SSN_TSN_RESET_REQUEST -> "SSN/TSN Reset Request";
            case RECONFIGURATION_RESPONSE -> "Re-configuration Response";
            case ADD_OUTGOING_STREAMS_REQUEST -> "Add Outgoing Streams Request";
            case ADD_INCOMING_STREAMS_REQUEST -> "Add Incoming Streams Request";
            case ECN_CAPABLE -> "ECN Capable";
            case ZERO_CHECKSUM_ACCEPTABLE -> "Zero Checksum Acceptable";
            case RANDOM -> "Random";
            case CHUNK_LIST -> "Chunk List";
            case REQUESTED_HMAC_ALGORITHM -> "Requested HMAC Algorithm";
            case PADDING -> "Padding";
            case SUPPORTED_EXTENSIONS -> "Supported Extensions";
            case FORWARD_TSN_SUPPORTED -> "Forward-TSN-Supported";
            case ADD_IP_ADDRESS -> "Add IP Address";
            case DELETE_IP_ADDRESS -> "Delete IP Address";
            case ERROR_CAUSE_INDICATION -> "Error Cause Indication";
            case SET_PRIMARY_ADDRESS -> "Set Primary Address";
            case SUCCESS_INDICATION -> "Success Indication";
            case ADAPTATION_LAYER_INDICATION -> "Adaptation Layer Indication";
            case DISABLE_RESTART -> "Disable Restart";
            case VTAGS -> "VTags";
            default -> "parameter type " + type;
        };
    }

    /**
     * {@return the element name used in decode errors, e.g. "State Cookie parameter"}
     *
     * @param type a parameter type, 0..65535
     */
    public static String elementName(int type) {
        return name(type) + " parameter";
    }
}
