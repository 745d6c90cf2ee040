package org.jsctp.core.cmt;

import java.util.Objects;
import org.jsctp.core.seq.Tsn;

/**
 * One SACK's missing indications for one outstanding chunk (RFC 9260 section 7.2.4): the sender
 * adds {@code count} to the chunk's miss counter and fast retransmits it at three.
 *
 * @param tsn the chunk reported missing
 * @param pathId the path it was last sent on
 * @param count the indications this SACK gives it: 1, or more by DAC ({@link DelayedAckForCmt})
 */
public record MissingReport(Tsn tsn, int pathId, int count) {

    /**
     * Rejects null, checks the ranges.
     *
     * @param tsn the chunk reported missing
     * @param pathId the path it was last sent on
     * @param count the indications this SACK gives it: 1, or more by DAC ({@link DelayedAckForCmt})
     * @throws IllegalArgumentException if a component is out of range
     */
    public MissingReport {
        Objects.requireNonNull(tsn, "tsn");
        if (count < 1) {
            throw new IllegalArgumentException("a missing report counts at least one: " + count);
        }
    }

    /**
     * {@return this report with another count}
     *
     * @param newCount the number of indications
     */
    public MissingReport withCount(int newCount) {
        return new MissingReport(tsn, pathId, newCount);
    }
}
