package org.jsctp.core.tx;

/**
 * Round-robin scheduling per packet (RFC 8260 section 3.3): like {@link RoundRobinScheduler},
 * but streams take turns packet by packet, and a packet carries new data of one stream only.
 *
 * <p>The first grant of a packet takes the next stream of the ring; every further grant of the
 * same packet returns that stream again, until the association reports the packet done through
 * {@link #packetCompleted()}. When the stream runs out of data before the packet is full,
 * {@link #closesPacket()} tells the association to send the packet as it is rather than fill it
 * with another stream's data.
 *
 * <p>With DATA a message that spans packets is continued without a scheduling decision (RFC
 * 9260 section 6.9). A packet that begins with such a rest is not a turn: it closes when the
 * message ends, and the next packet is the next stream's turn; otherwise a stream whose
 * messages each spill into the next packet would keep the turn for ever. Memory grows with the
 * number of active streams only.
 */
public final class RoundRobinPerPacketScheduler implements StreamScheduler {

    private static final int NONE = -1;

    private final RoundRobinScheduler ring = new RoundRobinScheduler();
    /** The stream the packet being assembled belongs to, or {@link #NONE} before its first grant. */
    private int packetStream = NONE;
    /** Whether the packet should take no more new data: its stream ran out, or its rest-of-message ended. */
    private boolean closeRequested;
    /** Whether the packet began with the rest of a DATA message rather than with a turn. */
    private boolean continuation;

    /** A scheduler with no active stream. */
    public RoundRobinPerPacketScheduler() {
    }

    @Override
    public void streamActivated(int streamId, long headOrder, int headBytes) {
        ring.streamActivated(streamId, headOrder, headBytes);
    }

    @Override
    public void headChanged(int streamId, long headOrder, int headBytes) {
        ring.headChanged(streamId, headOrder, headBytes);
    }

    @Override
    public void streamDeactivated(int streamId) {
        ring.streamDeactivated(streamId);
        if (streamId == packetStream) {
            packetStream = NONE;
            closeRequested = true;
        }
    }

    @Override
    public int select() {
        if (packetStream == NONE) {
            packetStream = ring.select(); // a new packet: the next stream's turn
        }
        return packetStream;
    }

    @Override
    public int peek() {
        return packetStream != NONE ? packetStream : ring.peek();
    }

    @Override
    public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        if (packetStream == NONE && !closeRequested) {
            // With DATA the queue continues a started message without asking: the packet is that
            // stream's until the message ends, but it is not the stream's turn.
            packetStream = streamId;
            continuation = true;
        }
        if (continuation && endOfMessage && streamId == packetStream) {
            packetStream = NONE;
            closeRequested = true;
        }
    }

    @Override
    public void packetCompleted() {
        packetStream = NONE;
        closeRequested = false;
        continuation = false;
    }

    @Override
    public boolean closesPacket() {
        return closeRequested; // RFC 8260 section 3.3: bundle chunks of the same stream only
    }

    @Override
    public void clear() {
        ring.clear();
        packetCompleted();
    }

    @Override
    public int activeStreamCount() {
        return ring.activeStreamCount();
    }

    @Override
    public void checkInvariants() {
        ring.checkInvariants();
        if (packetStream != NONE && closeRequested) {
            throw new IllegalStateException("packet stream " + packetStream + " both current and drained");
        }
    }

    @Override
    public String toString() {
        return "RoundRobinPerPacketScheduler[packet stream " + packetStream + ", " + ring + "]";
    }
}
