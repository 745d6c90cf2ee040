package org.jsctp.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one endpoint's datagrams. Updated on the event loop, readable from any thread; each
 * value is exact, but values read one after another may belong to slightly different moments.
 */
public final class TransportCounters {

    private final AtomicLong datagramsReceived = new AtomicLong();
    private final AtomicLong datagramsSent = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong ioErrors = new AtomicLong();
    private final AtomicLong segmentedSends = new AtomicLong();
    private final AtomicLong zeroChecksumSent = new AtomicLong();
    private final AtomicLong zeroChecksumReceived = new AtomicLong();

    TransportCounters() {
    }

    /** Datagrams read from the socket, decodable or not. */
    public long datagramsReceived() {
        return datagramsReceived.get();
    }

    /** Datagrams handed to the socket for sending. */
    public long datagramsSent() {
        return datagramsSent.get();
    }

    /**
     * Sends that carried several datagrams at once with UDP segmentation offload; each of their
     * datagrams also counts in {@link #datagramsSent()}.
     */
    public long segmentedSends() {
        return segmentedSends.get();
    }

    /** Datagrams dropped because they do not decode as an SCTP packet (bad checksum, malformed chunks). */
    public long undecodable() {
        return undecodable.get();
    }

    /**
     * Decoded packets no association claimed and the endpoint discarded (out-of-the-blue packets
     * without an answer, forged or mismatched cookies, INITs while closing).
     */
    public long discarded() {
        return discarded.get();
    }

    /** Errors the channel reported: failed writes, failed reads, exceptions raised while handling a packet. */
    public long ioErrors() {
        return ioErrors.get();
    }

    /**
     * Datagrams sent with a zero checksum instead of CRC32C (RFC 9653 section 5.2); each also
     * counts in {@link #datagramsSent()}.
     *
     * @return the count so far
     */
    public long zeroChecksumSent() {
        return zeroChecksumSent.get();
    }

    /**
     * Datagrams received with a zero checksum that the decoder accepted unverified because the
     * endpoint announces zero checksum (RFC 9653 section 5.3); the association or the endpoint may
     * still drop them. With the option off they count as {@link #undecodable()}.
     *
     * @return the count so far
     */
    public long zeroChecksumReceived() {
        return zeroChecksumReceived.get();
    }

    void onZeroChecksumSent() {
        zeroChecksumSent.incrementAndGet();
    }

    void onZeroChecksumReceived() {
        zeroChecksumReceived.incrementAndGet();
    }

    void onReceived() {
        datagramsReceived.incrementAndGet();
    }

    void onSegmentedSend() {
        segmentedSends.incrementAndGet();
    }

    void onSent() {
        datagramsSent.incrementAndGet();
    }

    void onUndecodable() {
        undecodable.incrementAndGet();
    }

    void onDiscarded() {
        discarded.incrementAndGet();
    }

    void onIoError() {
        ioErrors.incrementAndGet();
    }

    @Override
    public String toString() {
        return "TransportCounters[received=" + datagramsReceived() + ", sent=" + datagramsSent() + ", undecodable="
                + undecodable() + ", discarded=" + discarded() + ", ioErrors=" + ioErrors() + ", zeroChecksumSent="
                + zeroChecksumSent() + ", zeroChecksumReceived=" + zeroChecksumReceived() + "]";
    }
}
