package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * The tester's side of one association with the endpoint under test: both verification tags and
 * both TSN sequences. It builds the chunks the tester sends (DATA with its next TSN and SSN, SACK
 * and SHUTDOWN acknowledging what the endpoint sent) and checks that every packet the endpoint
 * sends on the association carries the tester's tag and the association's ports (RFC 9260
 * section 8.5).
 */
final class TesterAssociation {

    private final Tester tester;
    private final int testerTag;
    private final int endpointTag;
    private final Tsn endpointInitialTsn;
    private final Map<Integer, Integer> nextSsn = new HashMap<>();
    private Tsn nextTsn;
    private Tsn endpointCumulativeTsn;
    private Tsn acknowledgedThrough;

    /**
     * @param testerTag the tag the tester announced: the endpoint must send with it
     * @param endpointTag the tag the endpoint announced: the tester sends with it
     * @param testerInitialTsn the TSN of the tester's first DATA
     * @param endpointInitialTsn the TSN of the endpoint's first DATA
     */
    TesterAssociation(Tester tester, int testerTag, int endpointTag, Tsn testerInitialTsn, Tsn endpointInitialTsn) {
        this.tester = tester;
        this.testerTag = testerTag;
        this.endpointTag = endpointTag;
        this.nextTsn = testerInitialTsn;
        this.endpointInitialTsn = endpointInitialTsn;
        this.endpointCumulativeTsn = endpointInitialTsn.previous();
    }

    Tester tester() {
        return tester;
    }

    int endpointTag() {
        return endpointTag;
    }

    Tsn endpointInitialTsn() {
        return endpointInitialTsn;
    }

    /** The TSN the tester's next new DATA chunk gets. */
    Tsn nextTsn() {
        return nextTsn;
    }

    /** The last TSN the endpoint sent in sequence, as far as the tester has seen. */
    Tsn endpointCumulativeTsn() {
        return endpointCumulativeTsn;
    }

    /** Sends one packet with the endpoint's tag. */
    void send(Chunk... chunks) {
        noteAcknowledgements(chunks);
        tester.send(endpointTag, chunks);
    }

    /** What the tester's SACKs and SHUTDOWNs among {@code chunks} acknowledge. */
    private void noteAcknowledgements(Chunk... chunks) {
        for (Chunk c : chunks) {
            if (c instanceof SackChunk sack) {
                noteAcknowledged(sack.cumulativeTsnAck());
            } else if (c instanceof ShutdownChunk shutdown) {
                noteAcknowledged(shutdown.cumulativeTsnAck());
            }
        }
    }

    /** Sends one packet with the endpoint's tag from the tester's second address. */
    void sendFromSecond(Chunk... chunks) {
        noteAcknowledgements(chunks);
        tester.sendFromSecond(endpointTag, chunks);
    }

    /** The next packet the endpoint sends to the tester's second address; it must belong to this association. */
    Received nextOnSecond() {
        return check(tester.nextOnSecond());
    }

    /** A complete ordered message on stream 0 with the next TSN and SSN. */
    DataChunk data(String text) {
        return data(0, bytes(text));
    }

    /** A complete ordered message on {@code stream} with the next TSN and SSN. */
    DataChunk data(int stream, Bytes payload) {
        return fragment(stream, true, true, payload);
    }

    /**
     * One fragment of an ordered message on {@code stream}, with the next TSN; the fragments of a
     * message share the stream's SSN, which moves on after the ending fragment.
     */
    DataChunk fragment(int stream, boolean beginning, boolean ending, Bytes payload) {
        int ssn = nextSsn.getOrDefault(stream, 0);
        DataChunk d = new DataChunk(false, false, beginning, ending, nextTsn, stream, new Ssn(ssn), 0, payload);
        nextTsn = nextTsn.next();
        if (ending) {
            nextSsn.put(stream, (ssn + 1) & 0xFFFF);
        }
        return d;
    }

    /** The same chunk with the I bit: the endpoint should SACK it at once (RFC 9260 section 3.3.1). */
    static DataChunk immediately(DataChunk d) {
        return new DataChunk(true, d.unordered(), d.beginning(), d.ending(), d.tsn(), d.streamId(), d.ssn(), d.ppid(),
                d.userData());
    }

    /** A SACK for everything the endpoint sent in sequence so far, with the tester's usual window. */
    SackChunk sack() {
        return sack(Handshakes.WINDOW);
    }

    /** A SACK for everything the endpoint sent in sequence so far, announcing {@code window}. */
    SackChunk sack(int window) {
        return SackChunk.of(endpointCumulativeTsn, window);
    }

    /** A SHUTDOWN acknowledging everything the endpoint sent in sequence so far. */
    ShutdownChunk shutdown() {
        return new ShutdownChunk(endpointCumulativeTsn);
    }

    /**
     * The next packet the endpoint sends; it must belong to this association. Where the tester
     * {@linkplain Tester#toleratesCrossedRetransmissions() tolerates it}, a packet of DATA the
     * tester had already acknowledged is skipped: a retransmission that crossed the tester's SACK
     * because the machine was slow, not a reaction to anything.
     */
    Received next() {
        Received r = tester.next();
        while (tester.toleratesCrossedRetransmissions() && isCrossedRetransmission(r)) {
            r = tester.next();
        }
        return check(r);
    }

    /** Checks that {@code r} belongs to this association and notes the DATA it carries. */
    Received check(Received r) {
        assertThat(r.tag()).as("verification tag of %s", r).isEqualTo(testerTag);
        assertThat(r.header().sourcePort()).as("source port of %s", r).isEqualTo(tester.peerSctpPort());
        assertThat(r.header().destinationPort()).as("destination port of %s", r).isEqualTo(tester.sctpPort());
        for (Chunk c : r.chunks()) {
            if (c instanceof DataChunk d) {
                noteData(d);
            }
        }
        return r;
    }

    /** The next packet, on this association, with exactly one chunk, a {@code type}. */
    <T extends Chunk> T expect(Class<T> type) {
        return next().single(type);
    }

    static Bytes bytes(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    static Bytes bytes(int length, int fill) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (fill + i);
        }
        return Bytes.wrap(b);
    }

    private boolean isCrossedRetransmission(Received r) {
        return acknowledgedThrough != null && r.tag() == testerTag && !r.chunks().isEmpty()
                && r.chunks().stream().allMatch(c -> c instanceof DataChunk d && d.tsn().isAtOrBefore(acknowledgedThrough));
    }

    private void noteAcknowledged(Tsn cumulative) {
        if (acknowledgedThrough == null || cumulative.isAfter(acknowledgedThrough)) {
            acknowledgedThrough = cumulative;
        }
    }

    private void noteData(DataChunk d) {
        if (d.tsn().equals(endpointCumulativeTsn.next())) {
            endpointCumulativeTsn = d.tsn();
        }
    }
}
