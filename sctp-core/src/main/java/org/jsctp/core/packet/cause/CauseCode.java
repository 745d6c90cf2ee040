package org.jsctp.core.packet.cause;

/**
 * Error cause codes (IANA "Error Cause Codes" registry) and their names.
 */
public final class CauseCode {

    /** Invalid Stream Identifier (RFC 9260 section 3.3.10.1). */
    public static final int INVALID_STREAM_IDENTIFIER = 1; // RFC 9260 section 3.3.10.1
    /** Missing Mandatory Parameter (RFC 9260 section 3.3.10.2). */
    public static final int MISSING_MANDATORY_PARAMETER = 2; // RFC 9260 section 3.3.10.2
    /** Stale Cookie Error (RFC 9260 section 3.3.10.3). */
    public static final int STALE_COOKIE = 3; // RFC 9260 section 3.3.10.3
    /** Out of Resource (RFC 9260 section 3.3.10.4). */
    public static final int OUT_OF_RESOURCE = 4; // RFC 9260 section 3.3.10.4
    /** Unresolvable Address (RFC 9260 section 3.3.10.5). */
    public static final int UNRESOLVABLE_ADDRESS = 5; // RFC 9260 section 3.3.10.5
    /** Unrecognized Chunk Type (RFC 9260 section 3.3.10.6). */
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6; // RFC 9260 section 3.3.10.6
    /** Invalid Mandatory Parameter (RFC 9260 section 3.3.10.7). */
    public static final int INVALID_MANDATORY_PARAMETER = 7; // RFC 9260 section 3.3.10.7
    /** Unrecognized Parameters (RFC 9260 section 3.3.10.8). */
    public static final int UNRECOGNIZED_PARAMETERS = 8; // RFC 9260 section 3.3.10.8
    /** No User Data (RFC 9260 section 3.3.10.9). */
    public static final int NO_USER_DATA = 9; // RFC 9260 section 3.3.10.9
    /** Cookie Received While Shutting Down (RFC 9260 section 3.3.10.10). */
    public static final int COOKIE_RECEIVED_WHILE_SHUTTING_DOWN = 10; // RFC 9260 section 3.3.10.10
    /** Restart of an Association with New Addresses (RFC 9260 section 3.3.10.11). */
    public static final int RESTART_WITH_NEW_ADDRESSES = 11; // RFC 9260 section 3.3.10.11
    /** User-Initiated Abort (RFC 9260 section 3.3.10.12). */
    public static final int USER_INITIATED_ABORT = 12; // RFC 9260 section 3.3.10.12
    /** Protocol Violation (RFC 9260 section 3.3.10.13). */
    public static final int PROTOCOL_VIOLATION = 13; // RFC 9260 section 3.3.10.13
    /** Code 14, from draft-tuexen-tsvwg-sctp-udp-encaps-cons (which updates RFC 6951). */
    public static final int RESTART_WITH_NEW_ENCAPSULATION_PORT = 14;
    /** Request to Delete Last Remaining IP Address (RFC 5061 section 4.3.1). */
    public static final int DELETE_LAST_REMAINING_ADDRESS = 0x00A0; // RFC 5061 section 4.3.1
    /** Operation Refused Due to Resource Shortage (RFC 5061 section 4.3.2). */
    public static final int RESOURCE_SHORTAGE = 0x00A1; // RFC 5061 section 4.3.2
    /** Request to Delete Source IP Address (RFC 5061 section 4.3.3). */
    public static final int DELETE_SOURCE_ADDRESS = 0x00A2; // RFC 5061 section 4.3.3
    /** Association Aborted Due to Illegal ASCONF-ACK (RFC 5061 section 4.3.4). */
    public static final int ILLEGAL_ASCONF_ACK = 0x00A3; // RFC 5061 section 4.3.4
    /** Request Refused - No Authorization (RFC 5061 section 4.3.5). */
    public static final int NO_AUTHORIZATION = 0x00A4; // RFC 5061 section 4.3.5
    /** 0x00B0, "VTag and Port Number Collision" in draft-ietf-tsvwg-natsupp section 5.2.1. */
    public static final int COLLIDING_NAT_TABLE_ENTRY = 0x00B0;
    /** 0x00B1, "Missing State" in draft-ietf-tsvwg-natsupp section 5.2.2. */
    public static final int MISSING_NAT_TABLE_ENTRY = 0x00B1;
    /** 0x00B2, "Port Number Collision" in draft-ietf-tsvwg-natsupp section 5.2.3. */
    public static final int PORT_NUMBER_COLLISION = 0x00B2;
    /** 0x0105 (261), RFC 4895 sections 4.1 and 6.3; the code is hexadecimal in the RFC. */
    public static final int UNSUPPORTED_HMAC_IDENTIFIER = 0x0105;

    private CauseCode() {
    }

    /**
     * {@return the cause's name as the RFCs write it, or "error cause N" for unknown codes}
     *
     * @param code a cause code, 0..65535
     */
    public static String name(int code) {
        return switch (code) {
            case INVALID_STREAM_IDENTIFIER -> "Invalid Stream Identifier";
            case MISSING_MANDATORY_PARAMETER -> "Missing Mandatory Parameter";
            case STALE_COOKIE -> "Stale Cookie Error";
            case OUT_OF_RESOURCE -> "Out of Resource";
            case UNRESOLVABLE_ADDRESS -> "Unresolvable Address";
            case UNRECOGNIZED_CHUNK_TYPE -> "Unrecognized Chunk Type";
            case INVALID_MANDATORY_PARAMETER -> "Invalid Mandatory Parameter";
            case UNRECOGNIZED_PARAMETERS -> "Unrecognized Parameters";
            case NO_USER_DATA -> "No User Data";
            case COOKIE_RECEIVED_WHILE_SHUTTING_DOWN -> "Cookie Received While Shutting Down";
            case RESTART_WITH_NEW_ADDRESSES -> "Restart of an Association with New Addresses";
            case USER_INITIATED_ABORT -> "User-Initiated Abort";
            case PROTOCOL_VIOLATION -> "Protocol Violation";
            case RESTART_WITH_NEW_ENCAPSULATION_PORT -> "Restart of an Association with New Encapsulation Port";
            case DELETE_LAST_REMAINING_ADDRESS -> "Request to Delete Last Remaining IP Address";
            case RESOURCE_SHORTAGE -> "Operation Refused Due to Resource Shortage";
            case DELETE_SOURCE_ADDRESS -> "Request to Delete Source IP Address";
            case ILLEGAL_ASCONF_ACK -> "Association Aborted Due to Illegal ASCONF-ACK";
            case NO_AUTHORIZATION -> "Request Refused - No Authorization";
            case COLLIDING_NAT_TABLE_ENTRY -> "VTag and Port Number Collision";
            case MISSING_NAT_TABLE_ENTRY -> "Missing State";
            case PORT_NUMBER_COLLISION -> "Port Number Collision";
            case UNSUPPORTED_HMAC_IDENTIFIER -> "Unsupported HMAC Identifier";
            default -> "error cause " + code;
        };
    }

    /**
     * {@return the element name used in decode errors, e.g. "Stale Cookie Error cause"}
     *
     * @param code a cause code, 0..65535
     */
    public static String elementName(int code) {
        return name(code) + " cause";
    }
}
