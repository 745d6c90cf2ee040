package org.jsctp.core.assoc;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;

/** Packets of the core's tests as they would be on the wire: encoded, then decoded strictly. */
final class Wire {

    private Wire() {
    }

    /** {@code p} encoded with its CRC32C and decoded again; an undecodable packet fails the test. */
    static SctpPacket onTheWire(OutgoingPacket p) {
        ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
        PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(), false);
        try {
            return PacketDecoder.strict().decode(b.array());
        } catch (DecodeException e) {
            throw new AssertionError("the core sent an undecodable packet: " + e.getMessage(), e);
        }
    }
}
