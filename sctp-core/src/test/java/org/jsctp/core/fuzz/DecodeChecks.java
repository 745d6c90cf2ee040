package org.jsctp.core.fuzz;

import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;

/**
 * The decoder's promises, checked on one input: decoding is total (a {@link DecodeException} is
 * the only failure), and a decoded packet re-encodes (with a fresh checksum) to bytes that decode
 * strictly to an equal packet. Re-encoding need not give the received bytes back (reserved flag
 * bits are sent as zero, RFC 9260 section 3.2), but it must not change what the packet means.
 */
final class DecodeChecks {

    private DecodeChecks() {
    }

    /** Returns the decoded packet, or null when the input does not decode. */
    static SctpPacket decodeOrFailCleanly(PacketDecoder decoder, byte[] input) {
        SctpPacket packet;
        try {
            packet = decoder.decode(input);
        } catch (DecodeException expected) {
            return null; // the only permitted failure
        }
        byte[] reencoded = PacketEncoder.toByteArray(packet);
        if (reencoded.length != packet.encodedLength()) {
            throw new AssertionError("encoded " + reencoded.length + " bytes, announced " + packet.encodedLength());
        }
        SctpPacket again;
        try {
            again = PacketDecoder.strict().decode(reencoded);
        } catch (DecodeException e) {
            throw new AssertionError("re-encoded packet does not decode: " + e.getMessage() + "; packet " + packet, e);
        }
        // The checksum field is recomputed by the encoder; everything else must survive.
        CommonHeader h = packet.header();
        CommonHeader g = again.header();
        if (h.sourcePort() != g.sourcePort() || h.destinationPort() != g.destinationPort()
                || h.verificationTag() != g.verificationTag() || !again.chunks().equals(packet.chunks())) {
            throw new AssertionError("re-encoded packet decodes differently:\n  first  " + packet + "\n  second " + again);
        }
        return packet;
    }
}
