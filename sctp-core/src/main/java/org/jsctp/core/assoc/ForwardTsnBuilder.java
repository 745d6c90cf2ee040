package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * Builds the FORWARD TSN (RFC 3758 section 3.2) or I-FORWARD-TSN (RFC 8260 section 2.3.1) for a
 * set of abandoned messages so that it fits the room left in a packet. The chunk names, per
 * stream, the highest SSN of the ordered messages it skips (RFC 3758 section 3.5 C3; for I-DATA
 * the highest MID per stream and kind). When those entries would not fit, the chunk carries a
 * lower New Cumulative TSN than the Advanced.Peer.Ack.Point, as section 3.5 allows: the highest
 * last TSN of an abandoned message whose entries, with those of every message before it, fit.
 * The rest follows in the next FORWARD TSN, once the peer acknowledged this one.
 */
final class ForwardTsnBuilder {

    /** One abandoned message as the chunk names it. */
    record Skipped(int streamId, boolean unordered, int sequence, Tsn lastTsn) {
    }

    /** Chunk header and New Cumulative TSN, before the entries. */
    private static final int FIXED_BYTES = 4 + 4;

    private ForwardTsnBuilder() {
    }

    /**
     * The chunk to send.
     *
     * @param point the Advanced.Peer.Ack.Point (RFC 3758 section 3.5 C1), after the cumulative ack
     * @param cumulativeAck the peer's Cumulative TSN Ack
     * @param abandoned the abandoned messages the peer has not moved past
     * @param interleaved I-FORWARD-TSN rather than FORWARD TSN
     * @param room the bytes the chunk may take in its packet
     * @return the FORWARD TSN or I-FORWARD-TSN, within {@code room} for any room of a real packet
     */
    static Chunk build(Tsn point, Tsn cumulativeAck, List<Skipped> abandoned, boolean interleaved, int room) {
        int entryBytes = interleaved ? IForwardTsnEntry.LENGTH : ForwardTsnEntry.LENGTH;
        int maxEntries = Math.min(interleaved ? IForwardTsnChunk.MAX_ENTRIES : ForwardTsnChunk.MAX_ENTRIES,
                Math.max(0, (room - FIXED_BYTES) / entryBytes));
        List<Skipped> covered = new ArrayList<>(abandoned.size());
        for (Skipped s : abandoned) {
            if (s.lastTsn().isAtOrBefore(point)) {
                covered.add(s);
            }
        }
        Tsn newCumulative = point;
        if (entries(covered, interleaved).size() > maxEntries) {
            // RFC 3758 section 3.5: a lower New Cumulative TSN whose entries fit. Walk the messages in
            // TSN order; each one's last TSN may be it as long as the streams named so far fit.
            covered.sort(Comparator.comparingLong(s -> cumulativeAck.distanceTo(s.lastTsn())));
            Map<Long, Skipped> streams = new HashMap<>();
            Tsn best = null;
            for (Skipped s : covered) {
                if (interleaved || !s.unordered()) {
                    streams.putIfAbsent(key(s, interleaved), s);
                }
                if (streams.size() > maxEntries) {
                    break;
                }
                best = s.lastTsn();
            }
            if (best == null) {
                best = covered.get(0).lastTsn(); // cannot happen for any real packet size: one entry always fits
            }
            newCumulative = best;
            Tsn limit = best;
            covered.removeIf(s -> s.lastTsn().isAfter(limit));
        }
        if (interleaved) {
            List<IForwardTsnEntry> out = new ArrayList<>();
            for (Skipped s : entries(covered, true)) {
                out.add(new IForwardTsnEntry(s.streamId(), s.unordered(), new Mid(s.sequence())));
            }
            return new IForwardTsnChunk(newCumulative, limit(out, maxEntries));
        }
        List<ForwardTsnEntry> out = new ArrayList<>();
        for (Skipped s : entries(covered, false)) {
            out.add(new ForwardTsnEntry(s.streamId(), new Ssn(s.sequence())));
        }
        return new ForwardTsnChunk(newCumulative, limit(out, maxEntries));
    }

    /** The message with the highest SSN (MID) per stream (and kind), sorted by stream. */
    private static List<Skipped> entries(List<Skipped> covered, boolean interleaved) {
        Map<Long, Skipped> highest = new HashMap<>();
        for (Skipped s : covered) {
            if (!interleaved && s.unordered()) {
                continue; // RFC 3758 section 3.2: unordered messages need no entry
            }
            highest.merge(key(s, interleaved), s, (a, b) -> isAfter(b.sequence(), a.sequence(), interleaved) ? b : a);
        }
        List<Skipped> out = new ArrayList<>(highest.values());
        out.sort(Comparator.comparingInt(Skipped::streamId).thenComparing(Skipped::unordered));
        return out;
    }

    private static long key(Skipped s, boolean interleaved) {
        return ((long) s.streamId() << 1) | (interleaved && s.unordered() ? 1 : 0);
    }

    private static boolean isAfter(int a, int b, boolean interleaved) {
        return interleaved ? new Mid(a).isAfter(new Mid(b)) : new Ssn(a).isAfter(new Ssn(b));
    }

    private static <T> List<T> limit(List<T> entries, int max) {
        return entries.size() <= max ? entries : entries.subList(0, max);
    }
}
