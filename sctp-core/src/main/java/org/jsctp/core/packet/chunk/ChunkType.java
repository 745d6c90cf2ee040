package org.jsctp.core.packet.chunk;

/**
 * Chunk type numbers (IANA "Chunk Types" registry) and their names.
 */
public final class ChunkType {

    /** DATA (RFC 9260 section 3.3.1). */
    public static final int DATA = 0;                // RFC 9260 section 3.3.1
    /** INIT (RFC 9260 section 3.3.2). */
    public static final int INIT = 1;                // RFC 9260 section 3.3.2
    /** INIT ACK (RFC 9260 section 3.3.3). */
    public static final int INIT_ACK = 2;            // RFC 9260 section 3.3.3
    /** SACK (RFC 9260 section 3.3.4). */
    public static final int SACK = 3;                // RFC 9260 section 3.3.4
    /** HEARTBEAT (RFC 9260 section 3.3.5). */
    public static final int HEARTBEAT = 4;           // RFC 9260 section 3.3.5
    /** HEARTBEAT ACK (RFC 9260 section 3.3.6). */
    public static final int HEARTBEAT_ACK = 5;       // RFC 9260 section 3.3.6
    /** ABORT (RFC 9260 section 3.3.7). */
    public static final int ABORT = 6;               // RFC 9260 section 3.3.7
    /** SHUTDOWN (RFC 9260 section 3.3.8). */
    public static final int SHUTDOWN = 7;            // RFC 9260 section 3.3.8
    /** SHUTDOWN ACK (RFC 9260 section 3.3.9). */
    public static final int SHUTDOWN_ACK = 8;        // RFC 9260 section 3.3.9
    /** ERROR (RFC 9260 section 3.3.10). */
    public static final int ERROR = 9;               // RFC 9260 section 3.3.10
    /** COOKIE ECHO (RFC 9260 section 3.3.11). */
    public static final int COOKIE_ECHO = 10;        // RFC 9260 section 3.3.11
    /** COOKIE ACK (RFC 9260 section 3.3.12). */
    public static final int COOKIE_ACK = 11;         // RFC 9260 section 3.3.12
    /** ECNE (RFC 9260 appendix A). */
    public static final int ECNE = 12;               // RFC 9260 appendix A
    /** CWR (RFC 9260 appendix A). */
    public static final int CWR = 13;                // RFC 9260 appendix A
    /** SHUTDOWN COMPLETE (RFC 9260 section 3.3.13). */
    public static final int SHUTDOWN_COMPLETE = 14;  // RFC 9260 section 3.3.13
    /** AUTH (RFC 4895 section 4.1). */
    public static final int AUTH = 15;               // RFC 4895 section 4.1
    /** NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2). */
    public static final int NR_SACK = 16;            // draft-tuexen-tsvwg-sctp-multipath section 4.2
    /** I-DATA (RFC 8260 section 2.1). */
    public static final int I_DATA = 64;             // RFC 8260 section 2.1
    /** ASCONF-ACK (RFC 5061 section 4.1.2). */
    public static final int ASCONF_ACK = 128;        // RFC 5061 section 4.1.2
    /** RE-CONFIG (RFC 6525 section 3.1). */
    public static final int RE_CONFIG = 130;         // RFC 6525 section 3.1
    /** PAD (RFC 4820 section 3). */
    public static final int PAD = 132;               // RFC 4820 section 3
    /** FORWARD TSN (RFC 3758 section 3.2). */
    public static final int FORWARD_TSN = 192;       // RFC 3758 section 3.2
    /** ASCONF (RFC 5061 section 4.1.1). */
    public static final int ASCONF = 193;            // RFC 5061 section 4.1.1
    /** I-FORWARD-TSN (RFC 8260 section 2.3). */
    public static final int I_FORWARD_TSN = 194;     // RFC 8260 section 2.3

    private ChunkType() {
    }

    /**
     * {@return the chunk's name as the RFCs write it, or "chunk type N" for unknown types}
     *
     * @param type a chunk type, 0..255
     */
    public static String name(int type) {
        return switch (type) {
            case DATA -> "DATA";
            case INIT -> "INIT";
            case INIT_ACK -> "INIT ACK";
            case SACK -> "SACK";
            case HEARTBEAT -> "HEARTBEAT";
            case HEARTBEAT_ACK -> "HEARTBEAT ACK";
            case ABORT -> "ABORT";
            case SHUTDOWN -> "SHUTDOWN";
            case SHUTDOWN_ACK -> "SHUTDOWN ACK";
            case ERROR -> "ERROR";
            case COOKIE_ECHO -> "COOKIE ECHO";
            case COOKIE_ACK -> "COOKIE ACK";
            case ECNE -> "ECNE";
            case CWR -> "CWR";
            case SHUTDOWN_COMPLETE -> "SHUTDOWN COMPLETE";
            case AUTH -> "AUTH";
            case NR_SACK -> "NR-SACK";
            case I_DATA -> "I-DATA";
            case ASCONF_ACK -> "ASCONF-ACK";
            case RE_CONFIG -> "RE-CONFIG";
            case PAD -> "PAD";
            case FORWARD_TSN -> "FORWARD TSN";
            case ASCONF -> "ASCONF";
            case I_FORWARD_TSN -> "I-FORWARD-TSN";
            default -> "chunk type " + type;
        };
    }

    /** The element names of all 256 chunk types, built once: the decoder names every chunk it reads. */
    private static final String[] ELEMENT_NAMES = new String[256];

    static {
        for (int t = 0; t < ELEMENT_NAMES.length; t++) {
            ELEMENT_NAMES[t] = name(t) + " chunk";
        }
    }

    /**
     * {@return the element name used in decode errors, e.g. "INIT chunk"}
     *
     * @param type a chunk type, 0..255
     */
    public static String elementName(int type) {
        return type >= 0 && type < ELEMENT_NAMES.length ? ELEMENT_NAMES[type] : name(type) + " chunk";
    }
}
