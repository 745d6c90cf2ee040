package org.jsctp.core.tx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link OutstandingData#applySack} made of one SACK (RFC 9260 section 6.2.1): the same
 * figures as a {@link SackResult}, in one object per {@link OutstandingData} that every SACK
 * refills, so the sender's SACK path makes no garbage (issue 6).
 *
 * <p>Valid until the next SACK given to the same {@link OutstandingData}: whoever needs any of it
 * later copies it ({@link #toResult} does). Unless {@link #outcome()} is {@link
 * SackResult.Outcome#ACCEPTED} every other figure is zero, false or empty.
 */
public final class SackOutcome {

    /** A list that grew past this (a SACK acking many messages at once) is not kept. */
    private static final int MESSAGES_KEPT = 64;

    SackResult.Outcome outcome = SackResult.Outcome.STALE;
    boolean cumulativeAckAdvanced;
    long newlyAckedBytes;
    final PathAcks paths = new PathAcks(new long[1], new int[1]);
    long rttSampleNanos = -1;
    boolean fastRetransmitNeeded;
    long peerReceiverWindow;
    private ArrayList<Object> ackedMessages = new ArrayList<>(4);
    private List<Object> ackedMessagesView = Collections.unmodifiableList(ackedMessages);
    int renegedChunks;

    SackOutcome() {
    }

    /** Back to "nothing acknowledged" for {@code pathsUsed} paths, before a SACK is applied. */
    void reset(SackResult.Outcome to, int pathsUsed) {
        outcome = to;
        cumulativeAckAdvanced = false;
        newlyAckedBytes = 0;
        paths.reset(pathsUsed);
        rttSampleNanos = -1;
        fastRetransmitNeeded = false;
        peerReceiverWindow = 0;
        forgetAckedMessages();
        renegedChunks = 0;
    }

    void addAckedMessage(Object message) {
        ackedMessages.add(message);
    }

    /**
     * Drops the references to the acknowledged messages once they are handled, so an idle
     * association does not keep the user's last messages alive until its next SACK.
     */
    public void forgetAckedMessages() {
        if (ackedMessages.size() > MESSAGES_KEPT) {
            ackedMessages = new ArrayList<>(4);
            ackedMessagesView = Collections.unmodifiableList(ackedMessages);
        } else {
            ackedMessages.clear();
        }
    }

    /** {@return an immutable copy, for a caller that keeps the result past the next SACK} */
    public SackResult toResult() {
        return new SackResult(outcome, cumulativeAckAdvanced, newlyAckedBytes, paths.copy(), rttSampleNanos,
                fastRetransmitNeeded, peerReceiverWindow,
                ackedMessages.isEmpty() ? List.of() : new ArrayList<>(ackedMessages), renegedChunks);
    }

    /** {@return whether the SACK was applied, stale, or a protocol violation} */
    public SackResult.Outcome outcome() {
        return outcome;
    }

    /** {@return whether the Cumulative TSN Ack Point moved forward} */
    public boolean cumulativeAckAdvanced() {
        return cumulativeAckAdvanced;
    }

    /** {@return payload bytes newly acknowledged, cumulatively or by Gap Ack Blocks, over all paths} */
    public long newlyAckedBytes() {
        return newlyAckedBytes;
    }

    /** {@return the same per path, and the chunks reneged per path; refilled by the next SACK} */
    public PathAcks paths() {
        return paths;
    }

    /** {@return an RTT measurement allowed by Karn's rule (section 6.3.1 C5), or -1} */
    public long rttSampleNanos() {
        return rttSampleNanos;
    }

    /** {@return whether this SACK marked TSNs for Fast Retransmit (section 7.2.4)} */
    public boolean fastRetransmitNeeded() {
        return fastRetransmitNeeded;
    }

    /** {@return the SACK's a_rwnd as an unsigned value} */
    public long peerReceiverWindow() {
        return peerReceiverWindow;
    }

    /**
     * {@return messages whose every fragment is now cumulatively acknowledged, in TSN order; a
     * view refilled by the next SACK}
     */
    public List<Object> ackedMessages() {
        return ackedMessagesView;
    }

    /** {@return chunks acked by a Gap Ack Block earlier that this SACK no longer acks} */
    public int renegedChunks() {
        return renegedChunks;
    }

    /** {@return whether the SACK was applied} */
    public boolean isAccepted() {
        return outcome == SackResult.Outcome.ACCEPTED;
    }

    /** {@return whether the SACK was dropped as out of order} */
    public boolean isStale() {
        return outcome == SackResult.Outcome.STALE;
    }

    /** {@return whether the SACK acknowledged TSNs never sent} */
    public boolean isProtocolViolation() {
        return outcome == SackResult.Outcome.PROTOCOL_VIOLATION;
    }

    /** {@return whether {@link #rttSampleNanos()} holds a measurement} */
    public boolean hasRttSample() {
        return rttSampleNanos >= 0;
    }
}
