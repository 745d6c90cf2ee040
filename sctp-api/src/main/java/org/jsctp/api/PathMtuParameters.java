package org.jsctp.api;

/**
 * Path MTU settings ({@link SctpOptions#PATH_MTU}): RFC 6458 section 8.1.12 {@code spp_pathmtu}
 * with the {@code SPP_PMTUD_ENABLE} / {@code SPP_PMTUD_DISABLE} flags of {@code sctp_paddrparams}.
 * Sizes are SCTP packets, i.e. UDP payloads (IP and UDP headers excluded).
 *
 * @param discovery true for {@code SPP_PMTUD_ENABLE}: Packetization Layer Path MTU Discovery
 *     (RFC 8899) finds the MTU by probing, from 1200 bytes up to {@code pathMtu}; false for
 *     {@code SPP_PMTUD_DISABLE}: {@code pathMtu} is used as it is, and no probes are sent
 * @param pathMtu with discovery, the largest size probed (MAX_PLPMTU), 1200..65535, or 0 for as
 *     large as the local interface carries; without, the fixed MTU, 1232..65535
 */
public record PathMtuParameters(boolean discovery, int pathMtu) {

    /** {@return discovery up to the local interface's MTU} */
    public static PathMtuParameters discover() {
        return new PathMtuParameters(true, 0);
    }

    /**
     * {@return no discovery: every packet up to {@code bytes}}
     *
     * @param bytes the fixed path MTU in bytes (the largest SCTP packet, UDP payload)
     */
    public static PathMtuParameters fixed(int bytes) {
        return new PathMtuParameters(false, bytes);
    }
}
