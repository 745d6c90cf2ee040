package org.jsctp.core.cmt;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.seq.Tsn;

/**
 * The data sender's side of Delayed Ack for CMT (DAC), draft-tuexen-tsvwg-sctp-multipath section
 * 3.3.
 *
 * <p>With SFR, a path's chunk is reported missing once per SACK that newly acknowledges later
 * data on that path. A receiver that delays its SACKs acknowledges two packets per SACK, so a
 * loss collects reports half as fast as without delayed SACKs and fast retransmit comes late
 * or not at all (a path with a small window may never see three SACKs). DAC lets the sender
 * count one report per acknowledged packet instead, where that is safe:
 *
 * <ul>
 *   <li>only when the SACK says how many packets it acknowledges ({@link SackDigest#dacPacketCount()}
 *       at least 2; 0, no hint, and 1 leave every report at one indication);</li>
 *   <li>only when every chunk the SACK newly acknowledges was last sent on one and the same path
 *       (acknowledgements of several paths cannot be assigned to packets of the reported chunk's
 *       path);</li>
 *   <li>only for a chunk below the lowest TSN the SACK newly acknowledges, so each of the
 *       acknowledged packets carried data sent after it; a chunk between newly acknowledged TSNs
 *       gets one indication.</li>
 * </ul>
 *
 * <p>The lowest newly acknowledged TSN counts the SACK's cumulative and gap acknowledgements
 * alike: a cumulatively acknowledged chunk below the reported one came in one of the packets
 * acknowledged and did not follow it.
 */
public final class DelayedAckForCmt {

    private DelayedAckForCmt() {
    }

    /**
     * The reports of {@code sfrReports} with the counts DAC allows for this SACK.
     *
     * @param sack the SACK
     * @param sfrReports its reports as {@link SplitFastRetransmit#missingReports} made them
     * @return the same reports in the same order, some with a count above one
     */
    public static List<MissingReport> apply(SackDigest sack, List<MissingReport> sfrReports) {
        int packets = sack.dacPacketCount();
        if (packets < 2 || sfrReports.isEmpty() || !allOnOnePath(sack.newlyAcked())) {
            return sfrReports;
        }
        Tsn lowest = lowestTsn(sack.newlyAcked());
        List<MissingReport> adjusted = new ArrayList<>(sfrReports.size());
        for (MissingReport r : sfrReports) {
            adjusted.add(r.tsn().isBefore(lowest) ? r.withCount(packets) : r);
        }
        return adjusted;
    }

    /**
     * {@return SFR's reports with DAC applied: what the sender counts for this SACK}
     *
     * @param sack the SACK, digested
     */
    public static List<MissingReport> missingReports(SackDigest sack) {
        return apply(sack, SplitFastRetransmit.missingReports(sack));
    }

    private static boolean allOnOnePath(List<SentChunk> chunks) {
        if (chunks.isEmpty()) {
            return false;
        }
        int path = chunks.get(0).pathId();
        for (SentChunk c : chunks) {
            if (c.pathId() != path) {
                return false;
            }
        }
        return true;
    }

    private static Tsn lowestTsn(List<SentChunk> chunks) {
        Tsn lowest = chunks.get(0).tsn();
        for (SentChunk c : chunks) {
            if (c.tsn().isBefore(lowest)) {
                lowest = c.tsn();
            }
        }
        return lowest;
    }
}
