package org.jsctp.core.packet;

/**
 * How strictly {@link PacketDecoder} checks a packet's checksum.
 *
 * @param acceptZeroChecksum accept a checksum field of zero without verifying it, as RFC 9653
 *     allows once this endpoint has announced the Zero Checksum Acceptable parameter; non-zero
 *     checksums are still verified
 * @param verifyChecksum verify CRC32C at all; {@code false} is for fuzzing only, so that
 *     generated packets reach the chunk decoders
 */
public record DecoderOptions(boolean acceptZeroChecksum, boolean verifyChecksum) {

    /** RFC 9260 behaviour: every packet's CRC32C must match. */
    public static final DecoderOptions STRICT = new DecoderOptions(false, true);

    /** RFC 9653 behaviour for an endpoint that announced Zero Checksum Acceptable. */
    public static final DecoderOptions ACCEPT_ZERO_CHECKSUM = new DecoderOptions(true, true);

    /** No checksum check at all: for fuzzing the chunk decoders, never for traffic. */
    public static final DecoderOptions FUZZING_SKIP_CHECKSUM = new DecoderOptions(false, false);
}
