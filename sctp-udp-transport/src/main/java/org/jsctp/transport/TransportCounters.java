package org.jsctp.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint's datagrams. Updated on the event loops, readable from any thread; a
 * value read while datagrams flow may miss the latest few, and values read one after another may
 * belong to slightly different moments.
 *
 * <p>An endpoint with several event loops shares one set of counters between them: each counter is
 * a {@link LongAdder}, so loops on different cores do not contend for one cache line per datagram
 * (as one {@code AtomicLong} per counter would make them).
 */
public final class TransportCounters {

    private final LongAdder datagramsReceived = new LongAdder();
    private final LongAdder datagramsSent = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder segmentedSends = new LongAdder();
    private final LongAdder handedOver = new LongAdder();
    private final LongAdder zeroChecksumSent = new LongAdder();
    private final LongAdder zeroChecksumReceived = new LongAdder();

    TransportCounters() {
    }

    /** {@return datagrams read from the socket, decodable or not} */
    public long datagramsReceived() {
        return datagramsReceived.sum();
    }

    /** {@return datagrams handed to the socket for sending} */
    public long datagramsSent() {
        return datagramsSent.sum();
    }

    /**
     * Sends that carried several datagrams at once with UDP segmentation offload; each of their
     * datagrams also counts in {@link #datagramsSent()}.
     *
     * @return how many such sends there were
     */
    public long segmentedSends() {
        return segmentedSends.sum();
    }

    /** {@return datagrams dropped because they do not decode as an SCTP packet (bad checksum, malformed chunks)} */
    public long undecodable() {
        return undecodable.sum();
    }

    /**
     * {@return decoded packets no association claimed and the endpoint discarded (out-of-the-blue packets
     * without an answer, forged or mismatched cookies, INITs while closing)}
     */
    public long discarded() {
        return discarded.sum();
    }

    /** {@return errors the channel reported: failed writes, failed reads, exceptions raised while handling a packet} */
    public long ioErrors() {
        return ioErrors.sum();
    }

    /**
     * {@return packets that arrived on one event loop's socket for an association another loop owns and
     * were handed to that loop (with several event loops; the kernel's SO_REUSEPORT hashing
     * normally sends each peer's datagrams to the owner's socket)}
     */
    public long handedOver() {
        return handedOver.sum();
    }

    void onHandedOver() {
        handedOver.increment();
    }

    /**
     * Datagrams sent with a zero checksum instead of CRC32C (RFC 9653 section 5.2); each also
     * counts in {@link #datagramsSent()}.
     *
     * @return the count so far
     */
    public long zeroChecksumSent() {
        return zeroChecksumSent.sum();
    }

    /**
     * Datagrams received with a zero checksum that the decoder accepted unverified because the
     * endpoint announces zero checksum (RFC 9653 section 5.3); the association or the endpoint may
     * still drop them. With the option off they count as {@link #undecodable()}.
     *
     * @return the count so far
     */
    public long zeroChecksumReceived() {
        return zeroChecksumReceived.sum();
    }

    void onZeroChecksumSent() {
        zeroChecksumSent.increment();
    }

    void onZeroChecksumReceived() {
        zeroChecksumReceived.increment();
    }

    void onReceived() {
        datagramsReceived.increment();
    }

    void onSegmentedSend() {
        segmentedSends.increment();
    }

    void onSent() {
        datagramsSent.increment();
    }

    void onUndecodable() {
        undecodable.increment();
    }

    void onDiscarded() {
        discarded.increment();
    }

    void onIoError() {
        ioErrors.increment();
    }

    @Override
    public String toString() {
        return "TransportCounters[received=" + datagramsReceived() + ", sent=" + datagramsSent() + ", undecodable="
                + undecodable() + ", discarded=" + discarded() + ", ioErrors=" + ioErrors() + ", handedOver=" + handedOver()
                + ", zeroChecksumSent=" + zeroChecksumSent() + ", zeroChecksumReceived=" + zeroChecksumReceived() + "]";
    }
}
