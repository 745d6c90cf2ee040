package org.jsctp.core.cmt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsctp.core.seq.Tsn;

/**
 * Cwnd Update for Changeover (CUC), draft-tuexen-tsvwg-sctp-multipath section 3.2.
 *
 * <p>RFC 9260 section 7.2.1 lets a path's cwnd grow in slow start only when the SACK advances the
 * association's cumulative TSN ack. With CMT, a loss on one path holds the cumulative ack back
 * while every other path keeps delivering, so no path's cwnd grows until the loss is repaired,
 * although the other paths' data arrives in sequence.
 *
 * <p>CUC keeps a pseudo-cumulative TSN ack per destination: the lowest TSN still unacknowledged
 * among the chunks last sent on that path. When a SACK acknowledges it, the path's
 * pseudo-cumulative ack advanced and the path's cwnd may grow by the bytes newly acknowledged on
 * it, whatever the association's cumulative ack did.
 *
 * <p>As in CUC's second version (what usrsctp implements), first transmissions and
 * retransmissions have a pseudo-cumulative ack each: a retransmission on a path (below all the
 * path's new data, since it repairs an old loss) would otherwise hold that path back until it is
 * acknowledged. Either advancing lets the path grow.
 *
 * <p>Pure and stateless: the pseudo-cumulative acks are derived from the chunks unacknowledged
 * before the SACK ({@link SackDigest}: newly acknowledged plus still outstanding).
 */
public final class CwndUpdateForChangeover {

    private CwndUpdateForChangeover() {
    }

    /**
     * {@return for every path with chunks newly acknowledged or still outstanding in {@code sack}, in
     * order of path identifier, whether its cwnd may grow and by how many acknowledged bytes}
     *
     * @param sack the SACK, digested
     */
    public static Map<Integer, PathCwndUpdate> updates(SackDigest sack) {
        Map<Integer, Tsn> pseudoCumAck = new HashMap<>();
        Map<Integer, Tsn> rtxPseudoCumAck = new HashMap<>();
        lowestPerPath(sack.newlyAcked(), pseudoCumAck, rtxPseudoCumAck);
        lowestPerPath(sack.stillOutstanding(), pseudoCumAck, rtxPseudoCumAck);

        Map<Integer, Long> ackedBytes = new HashMap<>();
        Set<Integer> advanced = new HashSet<>();
        for (SentChunk c : sack.newlyAcked()) {
            ackedBytes.merge(c.pathId(), (long) c.bytes(), Long::sum);
            Map<Integer, Tsn> tracker = c.retransmitted() ? rtxPseudoCumAck : pseudoCumAck;
            // Section 3.2: acknowledging the path's pseudo-cumulative TSN ack advances it.
            if (c.tsn().equals(tracker.get(c.pathId()))) {
                advanced.add(c.pathId());
            }
        }

        Map<Integer, PathCwndUpdate> updates = new TreeMap<>();
        for (SentChunk c : sack.stillOutstanding()) {
            updates.put(c.pathId(), PathCwndUpdate.none(c.pathId()));
        }
        for (Map.Entry<Integer, Long> e : ackedBytes.entrySet()) {
            int path = e.getKey();
            updates.put(path, new PathCwndUpdate(path, advanced.contains(path), e.getValue()));
        }
        return updates;
    }

    /**
     * {@return {@link #updates} for one path: {@link PathCwndUpdate#none} when the SACK does not concern it}
     *
     * @param sack the SACK, digested
     * @param pathId the path
     */
    public static PathCwndUpdate update(SackDigest sack, int pathId) {
        return updates(sack).getOrDefault(pathId, PathCwndUpdate.none(pathId));
    }

    private static void lowestPerPath(List<SentChunk> chunks, Map<Integer, Tsn> firstTransmissions,
                                      Map<Integer, Tsn> retransmissions) {
        for (SentChunk c : chunks) {
            Map<Integer, Tsn> tracker = c.retransmitted() ? retransmissions : firstTransmissions;
            tracker.merge(c.pathId(), c.tsn(), (a, b) -> b.isBefore(a) ? b : a);
        }
    }
}
