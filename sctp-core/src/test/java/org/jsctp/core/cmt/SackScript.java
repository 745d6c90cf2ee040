package org.jsctp.core.cmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsctp.core.seq.Tsn;

/**
 * A test model of a multi-path sender's outstanding data: chunks are sent on paths, SACKs say
 * which arrived, and each SACK comes out as the {@link SackDigest} the sender would build. It
 * also counts missing reports towards fast retransmit (three, RFC 9260 section 7.2.4).
 */
final class SackScript {

    static final int CHUNK_BYTES = 1000;

    private final Map<Integer, SentChunk> sent = new LinkedHashMap<>();
    private final Set<Integer> acked = new TreeSet<>();
    private final Map<Integer, Integer> misses = new HashMap<>();
    private final int tsnBase;

    SackScript() {
        this(0);
    }

    /** Numbers given to the methods are offsets from {@code tsnBase} (which may be near the wrap). */
    SackScript(int tsnBase) {
        this.tsnBase = tsnBase;
    }

    Tsn tsn(int n) {
        return new Tsn(tsnBase + n);
    }

    /** Sends TSN {@code n} on {@code pathId} (first transmission). */
    SackScript send(int n, int pathId) {
        sent.put(n, SentChunk.of(tsn(n), pathId, CHUNK_BYTES));
        return this;
    }

    /** Retransmits TSN {@code n} on {@code pathId}: its miss count starts again. */
    SackScript retransmit(int n, int pathId) {
        sent.put(n, new SentChunk(tsn(n), pathId, CHUNK_BYTES, true));
        misses.remove(n);
        return this;
    }

    /** A SACK reporting that {@code arrived} are now received, with no DAC hint. */
    SackDigest sack(int... arrived) {
        return sackWithDac(0, arrived);
    }

    /** A SACK reporting that {@code arrived} are now received, saying it acknowledges {@code dacPackets}. */
    SackDigest sackWithDac(int dacPackets, int... arrived) {
        List<SentChunk> newly = new ArrayList<>();
        for (int n : arrived) {
            if (!sent.containsKey(n)) {
                throw new IllegalArgumentException("TSN offset " + n + " was never sent");
            }
            if (acked.add(n)) {
                newly.add(sent.get(n));
            }
        }
        List<SentChunk> outstanding = new ArrayList<>();
        for (Map.Entry<Integer, SentChunk> e : sent.entrySet()) {
            if (!acked.contains(e.getKey())) {
                outstanding.add(e.getValue());
            }
        }
        return new SackDigest(newly, outstanding, dacPackets);
    }

    /** Adds the reports to the miss counts; returns the TSN offsets now at three or more. */
    Set<Integer> count(List<MissingReport> reports) {
        for (MissingReport r : reports) {
            misses.merge(r.tsn().value() - tsnBase, r.count(), Integer::sum);
        }
        return marked();
    }

    Set<Integer> marked() {
        Set<Integer> marked = new TreeSet<>();
        misses.forEach((n, c) -> {
            if (c >= 3) {
                marked.add(n);
            }
        });
        return marked;
    }

    int misses(int n) {
        return misses.getOrDefault(n, 0);
    }

    /**
     * RFC 9260 section 7.2.4's rule without SFR, for comparison: a report for every outstanding
     * TSN below the highest TSN the SACK newly acknowledges, whatever its path.
     */
    static List<MissingReport> withoutSplit(SackDigest sack) {
        Tsn highest = null;
        for (SentChunk c : sack.newlyAcked()) {
            if (highest == null || c.tsn().isAfter(highest)) {
                highest = c.tsn();
            }
        }
        List<MissingReport> reports = new ArrayList<>();
        for (SentChunk c : sack.stillOutstanding()) {
            if (highest != null && c.tsn().isBefore(highest)) {
                reports.add(new MissingReport(c.tsn(), c.pathId(), 1));
            }
        }
        return reports;
    }
}
