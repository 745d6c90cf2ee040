package org.jsctp.core.path;

import java.util.Optional;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;

/**
 * Our Sender-Specific Heartbeat Info (RFC 9260 section 3.3.5): what we put in a HEARTBEAT so that
 * its HEARTBEAT ACK can be matched to the path and the probe it answers.
 *
 * <p>RFC 9260 section 8.3 asks for the send time and the destination; section 5.4 adds a 64-bit
 * random nonce and a path indicator so that an address cannot be confirmed blindly. The layout is
 * ours alone (the peer echoes it without looking) and is 24 bytes, big-endian:
 *
 * <pre>
 *  0..3    magic 0x4A534842 ("JSHB"), which also versions the layout
 *  4..7    path id
 *  8..15   nonce
 *  16..23  send time, nanoseconds on the association's clock
 * </pre>
 *
 * <p>The content is only a claim until {@link Path#onHeartbeatAck} finds the nonce and send time
 * among those it remembers; the association may use {@link #read} to pick the path to hand an
 * acknowledgement to.
 *
 * @param pathId the path the heartbeat was sent on; not negative
 * @param nonce the random nonce
 * @param sentAtNanos when the heartbeat was sent
 */
public record HeartbeatInfo(int pathId, long nonce, long sentAtNanos) {

    /** Length of our Heartbeat Info value. */
    public static final int LENGTH = 24;

    private static final int MAGIC = 0x4A534842;

    /**
     * Checks the ranges.
     *
     * @param pathId the path the heartbeat was sent on; not negative
     * @param nonce the random nonce
     * @param sentAtNanos when the heartbeat was sent
     * @throws IllegalArgumentException if a component is out of range
     */
    public HeartbeatInfo {
        if (pathId < 0) {
            throw new IllegalArgumentException("path ids are not negative: " + pathId);
        }
    }

    /** {@return the Heartbeat Info parameter carrying this information} */
    public HeartbeatInfoParameter toParameter() {
        byte[] b = new byte[LENGTH];
        putInt(b, 0, MAGIC);
        putInt(b, 4, pathId);
        putLong(b, 8, nonce);
        putLong(b, 16, sentAtNanos);
        return new HeartbeatInfoParameter(Bytes.wrap(b));
    }

    /**
     * {@return our information from a Heartbeat Info parameter, or empty if it is not in our layout}
     *
     * @param parameter a Heartbeat Info parameter
     */
    public static Optional<HeartbeatInfo> parse(HeartbeatInfoParameter parameter) {
        Bytes b = parameter.info();
        if (b.length() != LENGTH || getInt(b, 0) != MAGIC) {
            return Optional.empty();
        }
        int pathId = getInt(b, 4);
        if (pathId < 0) {
            return Optional.empty();
        }
        return Optional.of(new HeartbeatInfo(pathId, getLong(b, 8), getLong(b, 16)));
    }

    /**
     * {@return our information from the first Heartbeat Info parameter of a HEARTBEAT ACK, or empty if it
     * has none or it is not in our layout}
     *
     * @param ack the HEARTBEAT ACK
     */
    public static Optional<HeartbeatInfo> read(HeartbeatAckChunk ack) {
        Optional<HeartbeatInfoParameter> parameter = ack.info();
        return parameter.isPresent() ? parse(parameter.get()) : Optional.empty();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static int getInt(Bytes b, int at) {
        return b.getUnsigned(at) << 24 | b.getUnsigned(at + 1) << 16 | b.getUnsigned(at + 2) << 8 | b.getUnsigned(at + 3);
    }

    private static long getLong(Bytes b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xFFFF_FFFFL);
    }
}
