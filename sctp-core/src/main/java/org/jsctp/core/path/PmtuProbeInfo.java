package org.jsctp.core.path;

import java.util.Optional;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;

/**
 * The Heartbeat Information of a PLPMTUD probe (RFC 8899 section 6.2.1.1): like
 * {@link HeartbeatInfo}, but with its own magic so that the acknowledgement of a probe is never
 * taken for that of a reachability heartbeat (a lost probe is not a path failure, RFC 8899
 * section 4.1), and carrying the size probed. 28 bytes, big-endian:
 *
 * <pre>
 *  0..3    magic 0x4A53504D ("JSPM")
 *  4..7    path id
 *  8..11   probed size: the whole SCTP packet, PAD chunk included
 *  12..19  nonce
 *  20..27  send time, nanoseconds on the association's clock
 * </pre>
 *
 * @param pathId the path probed
 * @param probedSize PROBED_SIZE
 * @param nonce a random nonce, so that only a real acknowledgement confirms a size
 * @param sentAtNanos when the probe was sent
 */
public record PmtuProbeInfo(int pathId, int probedSize, long nonce, long sentAtNanos) {

    /** Length of the information value. */
    public static final int LENGTH = 28;

    private static final int MAGIC = 0x4A53504D;

    /**
     * Checks the ranges.
     *
     * @param pathId the path probed
     * @param probedSize PROBED_SIZE
     * @param nonce a random nonce, so that only a real acknowledgement confirms a size
     * @param sentAtNanos when the probe was sent
     * @throws IllegalArgumentException if a component is out of range
     */
    public PmtuProbeInfo {
        if (pathId < 0 || probedSize < 0) {
            throw new IllegalArgumentException("path id and size are not negative: " + pathId + ", " + probedSize);
        }
    }

    /**
     * {@return the probe in our Heartbeat Info layout, {@link #LENGTH} bytes}
     */
    public HeartbeatInfoParameter toParameter() {
        byte[] b = new byte[LENGTH];
        putInt(b, 0, MAGIC);
        putInt(b, 4, pathId);
        putInt(b, 8, probedSize);
        putInt(b, 12, (int) (nonce >>> 32));
        putInt(b, 16, (int) nonce);
        putInt(b, 20, (int) (sentAtNanos >>> 32));
        putInt(b, 24, (int) sentAtNanos);
        return new HeartbeatInfoParameter(Bytes.wrap(b));
    }

    /**
     * {@return the probe information in a HEARTBEAT ACK, or empty if it acknowledges no probe of ours}
     *
     * @param ack the HEARTBEAT ACK
     */
    public static Optional<PmtuProbeInfo> read(HeartbeatAckChunk ack) {
        Optional<HeartbeatInfoParameter> p = ack.info();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        Bytes b = p.get().info();
        if (b.length() != LENGTH || getInt(b, 0) != MAGIC) {
            return Optional.empty();
        }
        int pathId = getInt(b, 4);
        int size = getInt(b, 8);
        if (pathId < 0 || size < 0) {
            return Optional.empty();
        }
        long nonce = (long) getInt(b, 12) << 32 | (getInt(b, 16) & 0xFFFF_FFFFL);
        long sentAt = (long) getInt(b, 20) << 32 | (getInt(b, 24) & 0xFFFF_FFFFL);
        return Optional.of(new PmtuProbeInfo(pathId, size, nonce, sentAt));
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(Bytes b, int at) {
        return b.getUnsigned(at) << 24 | b.getUnsigned(at + 1) << 16 | b.getUnsigned(at + 2) << 8 | b.getUnsigned(at + 3);
    }
}
