package org.jsctp.core.tx;

/**
 * Chooses which outbound stream the {@link SendQueue} takes its next fragment from (the stream
 * schedulers of RFC 8260 section 3).
 *
 * <p>The queue owns the messages; the scheduler only sees stream events and answers
 * {@link #select()}. A stream is <em>active</em> while it has at least one queued message. The
 * queue reports, in this order for each change:
 * <ol>
 *   <li>{@link #streamActivated} when a stream goes from no message to one;</li>
 *   <li>{@link #produced} after every fragment, with its size and whether it ended its message;</li>
 *   <li>{@link #headChanged} when a stream's first message was finished or abandoned and another one
 *       takes its place;</li>
 *   <li>{@link #streamDeactivated} when a stream's last message was finished, abandoned or cleared.</li>
 * </ol>
 *
 * <p>{@link #select()} is a scheduling decision: it grants the chosen stream one fragment. With
 * DATA chunks the queue asks only at message boundaries, because all fragments of a message must
 * get consecutive TSNs (RFC 9260 section 6.9), so the grant extends to the whole message; with
 * I-DATA it asks before every fragment (RFC 8260 section 3). Schedulers that need more than this
 * (per-stream priorities or weights, RFC 8260 sections 3.4 to 3.6) take that configuration through
 * their own methods; one that works per packet (RFC 8260 section 3.3) hears of packet boundaries
 * through {@link #packetCompleted()}.
 *
 * <p>Implementations are sans-IO and single-threaded like the queue, and keep per-stream state
 * lazily: an association may have 65535 streams of which only a few ever carry data.
 */
public interface StreamScheduler {

    /**
     * Stream {@code streamId} has a first message now, after having none.
     *
     * @param headOrder the queue-wide offer sequence number of that message: earlier offers have
     *                  smaller numbers, across all streams
     * @param headBytes the message's payload length
     * @param streamId the stream
     */
    void streamActivated(int streamId, long headOrder, int headBytes);

    /**
     * The stream's first message was finished or abandoned; the next one, offered later, is now
     * first. The stream stays active.
     *
     * @param streamId the stream
     * @param headOrder the offer sequence number of the new first message
     * @param headBytes its payload length
     */
    void headChanged(int streamId, long headOrder, int headBytes);

    /**
     * The stream has no more queued messages.
     *
     * @param streamId the stream
     */
    void streamDeactivated(int streamId);

    /**
     * {@return the stream to take the next fragment from; called only while at least one stream is active,
     * and must return an active stream}
     */
    int select();

    /**
     * {@return the stream {@link #select()} would return now, without changing any state; called only
     * while at least one stream is active}
     */
    int peek();

    /**
     * A fragment of {@code payloadBytes} bytes was taken from the stream; {@code endOfMessage} when it
     * was the message's last fragment. Called before the head change or deactivation it causes.
     *
     * @param streamId the stream
     * @param payloadBytes the fragment's payload length
     * @param endOfMessage whether it was the message's last fragment
     */
    void produced(int streamId, int payloadBytes, boolean endOfMessage);

    /** Forgets every stream: the queue was cleared. */
    void clear();

    /** The association finished assembling a packet; for per-packet schedulers. Does nothing by default. */
    default void packetCompleted() {
    }

    /**
     * Whether the packet being assembled should take no more new data, although there is some:
     * a per-packet scheduler (RFC 8260 section 3.3) bundles chunks of one stream only, and that
     * stream ran out. False by default.
     *
     * @return true to close the packet before the next fragment
     */
    default boolean closesPacket() {
        return false;
    }

    /**
     * Sets the scheduler parameter of one stream (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260 section
     * 4.3.2): a priority for {@link PriorityScheduler}, a weight for {@link WeightedFairScheduler}.
     * May be called for any stream at any time, active or not; the value outlives
     * {@link #clear()}. Schedulers without per-stream parameters ignore it (the default).
     *
     * @param streamId the outbound stream, 0..65535
     * @param value the parameter, 0..65535; its meaning depends on the scheduler
     * @throws IllegalArgumentException if the scheduler cannot use the value
     */
    default void setStreamValue(int streamId, int value) {
    }

    /** Checks internal consistency; throws {@link IllegalStateException}. Does nothing by default. */
    default void checkInvariants() {
    }

    /** {@return number of streams the scheduler currently regards as active; lets the queue check its view} */
    int activeStreamCount();
}
