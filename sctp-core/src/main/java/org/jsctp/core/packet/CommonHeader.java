package org.jsctp.core.packet;

/**
 * The SCTP common header (RFC 9260 section 3.1): source and destination port, verification tag
 * and checksum. Ports are 0..65535; the tag and checksum are 32-bit values held in an {@code int}.
 *
 * @param sourcePort the sender's SCTP port, 0..65535
 * @param destinationPort the receiver's SCTP port, 0..65535
 * @param verificationTag the Verification Tag (RFC 9260 section 8.5)
 * @param checksum the CRC32C checksum field, or 0 (RFC 9653)
 */
public record CommonHeader(int sourcePort, int destinationPort, int verificationTag, int checksum) {

    /** The header's size on the wire. */
    public static final int LENGTH = 12;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param sourcePort the sender's SCTP port, 0..65535
     * @param destinationPort the receiver's SCTP port, 0..65535
     * @param verificationTag the Verification Tag (RFC 9260 section 8.5)
     * @param checksum the CRC32C checksum field, or 0 (RFC 9653)
     */
    public CommonHeader {
        if (sourcePort < 0 || sourcePort > 0xFFFF || destinationPort < 0 || destinationPort > 0xFFFF) {
            throw new IllegalArgumentException("ports are 16-bit values: " + sourcePort + ", " + destinationPort);
        }
    }

    /**
     * {@return a header to send; the encoder fills in the checksum}
     *
     * @param sourcePort our SCTP port, 0..65535
     * @param destinationPort the peer's SCTP port, 0..65535
     * @param verificationTag the tag the peer expects
     */
    public static CommonHeader of(int sourcePort, int destinationPort, int verificationTag) {
        return new CommonHeader(sourcePort, destinationPort, verificationTag, 0);
    }

    @Override
    public String toString() {
        return "CommonHeader[" + sourcePort + " -> " + destinationPort + ", vtag=0x"
                + Integer.toHexString(verificationTag) + ", checksum=0x" + Integer.toHexString(checksum) + "]";
    }
}
