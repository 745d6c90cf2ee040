package org.jsctp.core.packet;

/**
 * What a receiver does with a chunk or parameter type it does not recognise, as encoded in the
 * two highest bits of the type (RFC 9260 sections 3.2 and 3.2.1).
 */
public enum UnrecognizedAction {
    /** 00: stop processing the packet (chunk) or the chunk (parameter) and discard it. */
    STOP,
    /** 01: as {@link #STOP}, and report it in an ERROR chunk or INIT ACK. */
    STOP_AND_REPORT,
    /** 10: skip it and continue. */
    SKIP,
    /** 11: skip it, continue, and report it. */
    SKIP_AND_REPORT;

    /**
     * {@return the action of an 8-bit chunk type}
     *
     * @param type a chunk type, 0..255; its two high bits choose the action (RFC 9260 section 3.2)
     */
    public static UnrecognizedAction ofChunkType(int type) {
        return values()[(type >> 6) & 3];
    }

    /**
     * {@return the action of a 16-bit parameter type}
     *
     * @param type a parameter type, 0..65535; its two high bits choose the action (RFC 9260 section 3.2.1)
     */
    public static UnrecognizedAction ofParameterType(int type) {
        return values()[(type >> 14) & 3];
    }

    /** {@return whether the rest of the packet (or chunk) is still processed} */
    public boolean continues() {
        return this == SKIP || this == SKIP_AND_REPORT;
    }

    /** {@return whether the sender is told} */
    public boolean reports() {
        return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
    }
}
