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
     * {@return the chunks of one probe packet: HEARTBEAT then PAD, {@code info.probedSize()} bytes in all}
     *
     * @throws IllegalArgumentException if the size is not a multiple of 4 or below {@link #OVERHEAD}
     * @param info the probe, with its PROBED_SIZE
     */
    public static List<Chunk> chunks(PmtuProbeInfo info) {
        return chunks(info, 0);
    }

    /**
     * As {@link #chunks(PmtuProbeInfo)} for a packet the sender will add {@code addedBytes} to
     * (an AUTH chunk, RFC 4895 section 6.2, when the peer listed HEARTBEAT or PAD): the PAD chunk
     * is that much shorter, so the packet on the wire is still exactly the probed size.
     *
     * @throws IllegalArgumentException if the size is not a multiple of 4, or leaves no room for
     *     the HEARTBEAT, the PAD chunk header and {@code addedBytes}
     * @param info the probe, with its PROBED_SIZE
     * @param addedBytes what the sender adds, 0 or more
     * @return the HEARTBEAT and PAD chunks
     */
    public static List<Chunk> chunks(PmtuProbeInfo info, int addedBytes) {
        int size = info.probedSize();
        if (addedBytes < 0 || addedBytes % 4 != 0) {
            throw new IllegalArgumentException("added bytes must be a non-negative multiple of 4: " + addedBytes);
        }
        if (size < OVERHEAD + addedBytes || size % 4 != 0) {
            throw new IllegalArgumentException("a probe is a multiple of 4 of at least " + (OVERHEAD + addedBytes)
                    + " bytes: " + size);
        }
        return List.of(HeartbeatChunk.of(info.toParameter()), PadChunk.ofLength(size - OVERHEAD - addedBytes));
    }
}
