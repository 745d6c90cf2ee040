package org.jsctp.core.packet;

import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * An SCTP packet (RFC 9260 section 3): the common header and its chunks, in order.
 *
 * <p>An immutable value (equal packets have equal header fields, chunks, {@link #zeroChecksum()}
 * and {@link #fromFirstAuth()}). The common header's four fields are held inline and a packet of
 * exactly one chunk (a DATA packet, a SACK) holds that chunk rather than a list, so that a decode
 * makes neither a {@link CommonHeader} nor a list per packet (issue 6). The per-packet paths read
 * {@link #verificationTag()}, {@link #chunkCount()} and {@link #chunk(int)}; {@link #header()}
 * and, for a one-chunk packet, {@link #chunks()} make their object when asked.
 */
public final class SctpPacket {

    private final int sourcePort;
    private final int destinationPort;
    private final int verificationTag;
    private final int checksum;
    /**
     * The packet's one chunk (a {@link Chunk}), or every chunk as an immutable {@code List<Chunk>}
     * for a packet of none or several: one field rather than two keeps the object at 40 bytes.
     */
    private final Object chunkOrList;
    private final boolean zeroChecksum;
    private final Bytes fromFirstAuth;

    /**
     * A packet as received or built; copies the chunks.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     * @param zeroChecksum whether the packet arrived with a zero checksum that the decoder accepted
     *     without verifying it (RFC 9653 section 5.3, {@link DecoderOptions#acceptZeroChecksum()});
     *     false for packets whose CRC32C was checked and for packets built to be sent. The receiver
     *     still decides per association whether to take such a packet
     * @param fromFirstAuth the received bytes from the first byte of the packet's first AUTH chunk
     *     to the packet's end (RFC 4895 section 6.3 computes the HMAC over them), sharing the
     *     received array; empty (or null) when the packet has no AUTH chunk or was not received
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks, boolean zeroChecksum, Bytes fromFirstAuth) {
        this(header.sourcePort(), header.destinationPort(), header.verificationTag(), header.checksum(),
                List.copyOf(chunks), zeroChecksum, fromFirstAuth);
    }

    /**
     * A packet as received or built, without AUTH bytes.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     * @param zeroChecksum whether it arrived with an unverified zero checksum
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks, boolean zeroChecksum) {
        this(header, chunks, zeroChecksum, Bytes.empty());
    }

    /**
     * A packet with a verified (or to be computed) CRC32C.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks) {
        this(header, chunks, false);
    }

    /** Every chunk, already an immutable list (the decoder's, or a copy); one alone is kept without it. */
    private SctpPacket(int sourcePort, int destinationPort, int verificationTag, int checksum,
                       List<Chunk> immutableChunks, boolean zeroChecksum, Bytes fromFirstAuth) {
        this(sourcePort, destinationPort, verificationTag, checksum,
                immutableChunks.size() == 1 ? immutableChunks.get(0) : immutableChunks, zeroChecksum, fromFirstAuth);
    }

    /** {@code chunkOrList}: a {@link Chunk}, or an immutable list of none or several. */
    private SctpPacket(int sourcePort, int destinationPort, int verificationTag, int checksum, Object chunkOrList,
                       boolean zeroChecksum, Bytes fromFirstAuth) {
        if (sourcePort < 0 || sourcePort > 0xFFFF || destinationPort < 0 || destinationPort > 0xFFFF) {
            throw new IllegalArgumentException("ports are 16-bit values: " + sourcePort + ", " + destinationPort);
        }
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.verificationTag = verificationTag;
        this.checksum = checksum;
        this.chunkOrList = chunkOrList;
        this.zeroChecksum = zeroChecksum;
        this.fromFirstAuth = fromFirstAuth == null ? Bytes.empty() : fromFirstAuth;
    }

    /** The decoder's packet of exactly one chunk, {@code only}: no list (issue 6). */
    static SctpPacket ofOneChunk(int sourcePort, int destinationPort, int verificationTag, int checksum, Chunk only,
                                 boolean zeroChecksum, Bytes fromFirstAuth) {
        return new SctpPacket(sourcePort, destinationPort, verificationTag, checksum, (Object) Objects.requireNonNull(only),
                zeroChecksum, fromFirstAuth);
    }

    /** The decoder's packet of no chunk or several, {@code chunks} immutable (not copied). */
    static SctpPacket ofChunks(int sourcePort, int destinationPort, int verificationTag, int checksum,
                               List<Chunk> chunks, boolean zeroChecksum, Bytes fromFirstAuth) {
        return new SctpPacket(sourcePort, destinationPort, verificationTag, checksum, chunks, zeroChecksum,
                fromFirstAuth);
    }

    /**
     * {@return the common header, a new object on each call; the per-packet paths read
     * {@link #sourcePort()}, {@link #destinationPort()}, {@link #verificationTag()} and
     * {@link #checksum()} instead}
     */
    public CommonHeader header() {
        return new CommonHeader(sourcePort, destinationPort, verificationTag, checksum);
    }

    /** {@return the sender's SCTP port, 0..65535 (RFC 9260 section 3.1)} */
    public int sourcePort() {
        return sourcePort;
    }

    /** {@return the receiver's SCTP port, 0..65535 (RFC 9260 section 3.1)} */
    public int destinationPort() {
        return destinationPort;
    }

    /** {@return the Verification Tag (RFC 9260 section 8.5)} */
    public int verificationTag() {
        return verificationTag;
    }

    /** {@return the checksum field as received (CRC32C, or 0 under RFC 9653); 0 for a packet built to be sent} */
    public int checksum() {
        return checksum;
    }

    /**
     * {@return the chunks, in order, an immutable list; for a packet of one chunk a new list on
     * each call (the per-packet paths use {@link #chunkCount()} and {@link #chunk(int)} instead)}
     */
    @SuppressWarnings("unchecked")
    public List<Chunk> chunks() {
        return chunkOrList instanceof Chunk only ? List.of(only) : (List<Chunk>) chunkOrList;
    }

    /** {@return how many chunks the packet holds} */
    public int chunkCount() {
        return chunkOrList instanceof Chunk ? 1 : ((List<?>) chunkOrList).size();
    }

    /**
     * {@return chunk {@code index} of the packet, in order, without making a list}
     *
     * @param index 0 for the first chunk, up to {@link #chunkCount()} - 1
     * @throws IndexOutOfBoundsException if there is no such chunk
     */
    public Chunk chunk(int index) {
        if (!(chunkOrList instanceof Chunk only)) {
            return (Chunk) ((List<?>) chunkOrList).get(index);
        }
        if (index != 0) {
            throw new IndexOutOfBoundsException("chunk " + index + " of a packet of one chunk");
        }
        return only;
    }

    /** {@return the first chunk, or null for a packet of no chunks} */
    public Chunk firstChunk() {
        return chunkCount() == 0 ? null : chunk(0);
    }

    /**
     * {@return whether the packet arrived with a zero checksum that the decoder accepted without
     * verifying it (RFC 9653 section 5.3, {@link DecoderOptions#acceptZeroChecksum()}); false for
     * packets whose CRC32C was checked and for packets built to be sent. The receiver still decides
     * per association whether to take such a packet}
     */
    public boolean zeroChecksum() {
        return zeroChecksum;
    }

    /**
     * {@return the received bytes from the first byte of the packet's first AUTH chunk to the
     * packet's end (RFC 4895 section 6.3 computes the HMAC over them), sharing the received array;
     * empty when the packet has no AUTH chunk or was not received}
     */
    public Bytes fromFirstAuth() {
        return fromFirstAuth;
    }

    /**
     * The same packet without its first chunk, e.g. the chunks bundled after a COOKIE ECHO for the
     * association it creates (RFC 9260 section 5.1); the AUTH bytes stay, as long as the first
     * chunk was not the AUTH chunk itself.
     *
     * @return the rest of the packet
     */
    public SctpPacket afterFirstChunk() {
        int count = chunkCount();
        List<Chunk> rest = count <= 1 ? List.of() : List.copyOf(chunks().subList(1, count));
        return new SctpPacket(sourcePort, destinationPort, verificationTag, checksum, rest, zeroChecksum,
                firstChunk() instanceof AuthChunk ? Bytes.empty() : fromFirstAuth);
    }

    /**
     * Size on the wire: header plus every chunk with its padding.
     *
     * @return the encoded length in bytes
     */
    public int encodedLength() {
        int total = CommonHeader.LENGTH;
        int count = chunkCount();
        for (int i = 0; i < count; i++) { // indexed: no list or iterator (issue 6)
            total += chunk(i).encodedLength();
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SctpPacket other)) {
            return false;
        }
        if (sourcePort != other.sourcePort || destinationPort != other.destinationPort
                || verificationTag != other.verificationTag || checksum != other.checksum
                || zeroChecksum != other.zeroChecksum || chunkCount() != other.chunkCount()
                || !fromFirstAuth.equals(other.fromFirstAuth)) {
            return false;
        }
        int count = chunkCount();
        for (int i = 0; i < count; i++) {
            if (!chunk(i).equals(other.chunk(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(sourcePort);
        h = 31 * h + Integer.hashCode(destinationPort);
        h = 31 * h + Integer.hashCode(verificationTag);
        h = 31 * h + Integer.hashCode(checksum);
        int listHash = 1; // as List.hashCode, without making the list
        int count = chunkCount();
        for (int i = 0; i < count; i++) {
            listHash = 31 * listHash + chunk(i).hashCode();
        }
        h = 31 * h + listHash;
        h = 31 * h + Boolean.hashCode(zeroChecksum);
        return 31 * h + fromFirstAuth.hashCode();
    }

    @Override
    public String toString() {
        return "SctpPacket[header=" + header() + ", chunks=" + chunks() + ", zeroChecksum=" + zeroChecksum
                + ", fromFirstAuth=" + fromFirstAuth + "]";
    }
}
