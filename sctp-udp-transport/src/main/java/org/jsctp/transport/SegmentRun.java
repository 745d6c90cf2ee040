package org.jsctp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * Packets of one length to one destination, encoded back to back into one buffer so that one
 * {@code sendmsg} with UDP generic segmentation offload (Linux {@code UDP_SEGMENT}) sends them
 * all: the kernel cuts the buffer into datagrams of {@link #segmentLength()} bytes, of which only
 * the last may be shorter. A bulk transfer sends runs of full-size packets, so one system call
 * and one trip through the channel carry many datagrams instead of one; so does the receiver's
 * train of SACKs, one for every second packet of a read batch, all of one length while no gap is
 * reported.
 *
 * <p>Buffer ownership: the run owns its buffer until {@link #take()} hands it over (or
 * {@link #discard()} releases it). Used on the event loop only.
 */
final class SegmentRun {

    /** The most segments one send may carry (Linux's {@code UDP_MAX_SEGMENTS} is 64 or more). */
    static final int MAX_SEGMENTS = 64;

    /** The most bytes of UDP payload one send may carry: 65535 less the IPv4 and UDP headers. */
    static final int MAX_BYTES = 65_507;

    private ByteBuf buffer;
    private InetSocketAddress destination;
    private int segmentLength;
    private int segments;
    private boolean closed;

    /** Whether a packet of {@code length} bytes to {@code to} may join this run. */
    boolean accepts(int length, InetSocketAddress to) {
        return buffer != null && !closed && length <= segmentLength && segments < MAX_SEGMENTS
                && buffer.writerIndex() + length <= buffer.maxCapacity() && to.equals(destination);
    }

    boolean isEmpty() {
        return buffer == null;
    }

    /** Starts a run for packets of {@code length} bytes to {@code to}; the run must be empty. */
    void start(ByteBufAllocator alloc, int length, InetSocketAddress to) {
        int room = Math.min(MAX_SEGMENTS, MAX_BYTES / length) * length;
        buffer = alloc.ioBuffer(Math.min(room, 16 * length), room);
        destination = to;
        segmentLength = length;
        segments = 0;
        closed = false;
    }

    /**
     * The buffer to encode the next packet of {@code length} bytes into, at its writer index; the
     * caller advances the writer index by what it wrote and then calls {@link #added(int)}.
     */
    ByteBuf buffer() {
        return buffer;
    }

    /** A packet of {@code length} bytes was appended; a shorter one must be the run's last. */
    void added(int length) {
        segments++;
        if (length < segmentLength) {
            closed = true;
        }
    }

    int segments() {
        return segments;
    }

    int segmentLength() {
        return segmentLength;
    }

    InetSocketAddress destination() {
        return destination;
    }

    /** Hands the buffer over to the caller and empties the run. */
    ByteBuf take() {
        ByteBuf b = buffer;
        buffer = null;
        destination = null;
        return b;
    }

    /** Releases the buffer, if any, and empties the run. */
    void discard() {
        if (buffer != null) {
            take().release();
        }
    }
}
