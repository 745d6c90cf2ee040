package org.jsctp.core.cmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.core.seq.Tsn;

/**
 * Split Fast Retransmit (SFR), draft-tuexen-tsvwg-sctp-multipath section 3.1.
 *
 * <p>RFC 9260 section 7.2.4 counts a missing report for every outstanding TSN below the highest
 * TSN a SACK newly acknowledges. With CMT, data sent on a fast path overtakes data sent on a slow
 * one, so that rule reports the slow path's chunks missing although they are only still on their
 * way, and three such SACKs make a spurious fast retransmission (with a needless cwnd cut).
 *
 * <p>SFR applies the rule per destination: for each path, the highest TSN this SACK newly
 * acknowledges among the chunks last sent on that path; an outstanding chunk gets a missing
 * report only if its own path had chunks newly acknowledged and its TSN is below that path's
 * highest. Data on one path overtaking data on another says nothing any more.
 *
 * <p>RFC 9260 section 7.2.4's Fast Recovery exception (while in Fast Recovery with the
 * cumulative TSN ack advancing, report every missing TSN) is not applied here; usrsctp applies
 * the per-path test even then, and a sender that wants the exception adds it on top.
 *
 * <p>Pure and stateless: the counting of reports towards three stays with the sender.
 */
public final class SplitFastRetransmit {

    private SplitFastRetransmit() {
    }

    /**
     * {@return for each path with chunks newly acknowledged by the SACK, the highest such TSN (section 3.1:
     * "highest TSN newly acknowledged" kept per destination)}
     *
     * @param sack the SACK, digested
     */
    public static Map<Integer, Tsn> highestNewlyAckedPerPath(SackDigest sack) {
        Map<Integer, Tsn> highest = new HashMap<>();
        for (SentChunk c : sack.newlyAcked()) {
            highest.merge(c.pathId(), c.tsn(), (a, b) -> b.isAfter(a) ? b : a);
        }
        return highest;
    }

    /**
     * {@return the missing reports of this SACK, one indication each, in the order of
     * {@link SackDigest#stillOutstanding()}: the outstanding chunks whose TSN lies below the
     * highest TSN newly acknowledged on the path they were last sent on (section 3.1)}
     *
     * @param sack the SACK, digested
     */
    public static List<MissingReport> missingReports(SackDigest sack) {
        Map<Integer, Tsn> highest = highestNewlyAckedPerPath(sack);
        List<MissingReport> reports = new ArrayList<>();
        for (SentChunk c : sack.stillOutstanding()) {
            Tsn pathHighest = highest.get(c.pathId());
            // Section 3.1: no new acknowledgement on its own path, no report.
            if (pathHighest != null && c.tsn().isBefore(pathHighest)) {
                reports.add(new MissingReport(c.tsn(), c.pathId(), 1));
            }
        }
        return reports;
    }
}
