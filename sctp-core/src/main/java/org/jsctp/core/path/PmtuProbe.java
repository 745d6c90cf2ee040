package org.jsctp.core.path;

import java.util.List;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.PadChunk;

/**
 * Builds the probe packet of RFC 8899 section 6.2.1.1: a HEARTBEAT chunk whose information marks
 * it as a probe ({@link PmtuProbeInfo}) and a PAD chunk (RFC 4820) that makes the whole SCTP
 * packet, common header included, exactly the probed size. The packet carries no DATA, so a lost
 * probe loses no user data.
 */
public final class PmtuProbe {

    /** Common header, HEARTBEAT chunk with our information, and the PAD chunk header. */
    public static final int OVERHEAD = CommonHeader.LENGTH + 4 + 4 + PmtuProbeInfo.LENGTH + 4;

    private PmtuProbe() {
    }

    /**
     * The chunks of one probe packet: HEARTBEAT then PAD, {@code info.probedSize()} bytes in all.
     *
     * @throws IllegalArgumentException if the size is not a multiple of 4 or below {@link #OVERHEAD}
     */
    public static List<Chunk> chunks(PmtuProbeInfo info) {
        int size = info.probedSize();
        if (size < OVERHEAD || size % 4 != 0) {
            throw new IllegalArgumentException("a probe is a multiple of 4 of at least " + OVERHEAD + " bytes: " + size);
        }
        return List.of(HeartbeatChunk.of(info.toParameter()), PadChunk.ofLength(size - OVERHEAD));
    }
}
