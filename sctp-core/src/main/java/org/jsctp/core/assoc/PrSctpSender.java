package org.jsctp.core.assoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.OutstandingData;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;

/**
 * The sending side of PR-SCTP (RFC 3758 section 3.5) with the policies of RFC 7496: decides when a
 * message is abandoned, releases it from the send queue and the retransmission queue, reports it
 * to the user, and builds the FORWARD TSN (or I-FORWARD-TSN, RFC 8260 section 2.3.1) that moves
 * the peer past it.
 *
 * <p>When a message is abandoned:
 * <ul>
 *   <li>timed reliability: an unsent message whose lifetime expired, at the next transmission
 *       opportunity; a sent one when one of its chunks is due for retransmission after its
 *       lifetime expired (RFC 3758 section 3.5 A1);</li>
 *   <li>limited retransmissions: when one of its chunks is due for a retransmission beyond the
 *       number allowed (RFC 7496 section 3.1);</li>
 *   <li>priority: when the send buffer has no room for a new message, messages of lower
 *       priority (a larger value; RFC 7496 section 4.2) are abandoned, lowest priority and newest
 *       first, if that makes enough room: unsent ones, then sent and unacknowledged ones (the
 *       buffer counts data in flight, as FreeBSD's does); reliable messages rank above every
 *       priority (section 3.2).</li>
 * </ul>
 * A message is abandoned whole: every chunk held (A2), and the fragments not yet produced. Its
 * SSN or MID, once given to a fragment, stays consumed and is named in the FORWARD TSN (C3). A
 * sent message is abandoned only when the peer supports FORWARD TSN (RFC 3758 section 3.3);
 * unsent messages have no TSN or SSN yet and can always be released.
 */
final class PrSctpSender {

    /** Where abandoned messages are reported (the association turns them into SendFailed events). */
    interface Sink {
        void abandoned(OutgoingMessage message, boolean sent, String reason);
    }

    /** What was sent of one partially reliable message: enough to name it in a FORWARD TSN. */
    private static final class Sent {
        final OutgoingMessage message;
        final int streamId;
        final boolean unordered;
        /** SSN (DATA) or MID (I-DATA). */
        final int sequence;
        Tsn lastTsn;

        Sent(OutgoingMessage message, int streamId, boolean unordered, int sequence, Tsn lastTsn) {
            this.message = message;
            this.streamId = streamId;
            this.unordered = unordered;
            this.sequence = sequence;
            this.lastTsn = lastTsn;
        }
    }

    private final SendQueue queue;
    private final OutstandingData outstanding;
    private final boolean forwardTsnSupported;
    private final boolean interleaved;
    private final AssociationCounters counters;
    private final Sink sink;
    /** Partially reliable messages with chunks held in the retransmission queue, by message. */
    private final IdentityHashMap<OutgoingMessage, Sent> sent = new IdentityHashMap<>(4); // grows if used
    /**
     * The same in the order of their first TSN, so a SACK forgets what it passed from the front
     * without walking them all; an entry may outlive its index entry (abandoned) until then.
     */
    private final ArrayDeque<Sent> sentOrder = new ArrayDeque<>(4);
    /** Abandoned messages the peer has not moved past yet. */
    private final List<Sent> abandoned = new ArrayList<>();
    private boolean forwardTsnDue;

    PrSctpSender(SendQueue queue, OutstandingData outstanding, boolean forwardTsnSupported, boolean interleaved,
                 AssociationCounters counters, Sink sink) {
        this.queue = queue;
        this.outstanding = outstanding;
        this.forwardTsnSupported = forwardTsnSupported;
        this.interleaved = interleaved;
        this.counters = counters;
        this.sink = sink;
    }

    /**
     * A fragment of a message got its TSN and is sent for the first time, as {@code chunk} (made
     * straight from the send queue): the stream, U bit and SSN or MID are the chunk's; {@code tsn}
     * is its 32-bit TSN. A reliable message costs nothing here (no {@link Tsn} made, issue 6).
     */
    void onChunkSent(OutgoingMessage m, Chunk chunk, int tsn) {
        if (!forwardTsnSupported || m.policy() == PrPolicy.Kind.NONE) {
            return; // a reliable message is never abandoned, nor a sent one without FORWARD TSN
        }
        Sent s = sent.get(m);
        if (s == null) {
            Sent created = chunk instanceof IDataChunk idata
                    ? new Sent(m, idata.streamId(), idata.unordered(), idata.mid().value(), new Tsn(tsn))
                    : sentOf(m, (DataChunk) chunk, tsn);
            sent.put(m, created);
            sentOrder.addLast(created);
        } else {
            s.lastTsn = new Tsn(tsn);
        }
    }

    private static Sent sentOf(OutgoingMessage m, DataChunk data, int tsn) {
        return new Sent(m, data.streamId(), data.unordered(), data.ssnValue(), new Tsn(tsn));
    }

    /**
     * Before chunks are chosen for a packet: drops expired unsent messages, and abandons the sent
     * messages whose chunks are due for retransmission though their policy says no more.
     */
    void beforeTransmission(long nowNanos) {
        List<OutgoingMessage> expiredUnsent = queue.abandonExpired(nowNanos);
        for (int i = 0; i < expiredUnsent.size(); i++) { // indexed: no iterator per packet when none expired (issue 6)
            report(expiredUnsent.get(i), false, "its lifetime expired before it was sent (PR-SCTP timed reliability, RFC 7496)");
        }
        if (!forwardTsnSupported || sent.isEmpty() || !outstanding.hasRetransmissionsPending()) {
            return;
        }
        Set<Object> victims = Collections.newSetFromMap(new IdentityHashMap<>());
        outstanding.forEachMarkedForRetransmission((message, transmissions) -> {
            if (message instanceof OutgoingMessage m && m.isPartiallyReliable()) {
                boolean expired = m.isExpiredAt(nowNanos);
                boolean exhausted = m.maxRetransmissions() != OutgoingMessage.UNLIMITED
                        && transmissions > m.maxRetransmissions();
                if (expired || exhausted) {
                    victims.add(m);
                }
            }
        });
        if (!victims.isEmpty()) {
            abandonSent(victims, null, nowNanos);
        }
    }

    /**
     * The priority policy (RFC 7496 section 3.2): makes {@code needed} bytes of room for
     * {@code incoming} by abandoning messages of lower priority, lowest priority and newest first:
     * unsent ones, and when those are not enough, sent ones not yet acknowledged as well (as
     * FreeBSD does: the buffer counts data in flight too; RFC 3758 section 3.5 then covers them
     * with a FORWARD TSN), the latter only when the peer supports PR-SCTP. Abandons nothing and
     * returns false when all of them would not free enough.
     */
    boolean makeRoom(OutgoingMessage incoming, long needed) {
        PrPolicy.Kind kind = incoming.policy();
        if (kind != PrPolicy.Kind.NONE && kind != PrPolicy.Kind.PRIO) {
            return false;
        }
        int rank = kind == PrPolicy.Kind.PRIO ? incoming.priority() : -1; // reliable ranks above all
        if (!queue.hasSeenPriorityMessages()) {
            return false; // nothing to abandon: no walk over a full queue per refused offer
        }
        List<OutgoingMessage> unsent = byPriority(queue.unsentMessages(
                m -> m.policy() == PrPolicy.Kind.PRIO && m.priority() > rank));
        long freed = 0;
        int takeUnsent = 0;
        while (takeUnsent < unsent.size() && freed < needed) {
            freed += unsent.get(takeUnsent++).payload().length();
        }
        List<OutgoingMessage> inFlight = new ArrayList<>();
        if (freed < needed && forwardTsnSupported) {
            List<OutgoingMessage> candidates = new ArrayList<>();
            for (Sent s : sentOrder) {
                if (sent.get(s.message) == s && s.message.policy() == PrPolicy.Kind.PRIO && s.message.priority() > rank) {
                    candidates.add(s.message);
                }
            }
            for (OutgoingMessage m : byPriority(candidates)) {
                if (freed >= needed) {
                    break;
                }
                long bytes = outstanding.bytesHeldOf(m) + queue.remainderBytes(m);
                if (bytes > 0) {
                    inFlight.add(m);
                    freed += bytes;
                }
            }
        }
        if (freed < needed) {
            return false;
        }
        for (OutgoingMessage m : unsent.subList(0, takeUnsent)) {
            if (queue.removeUnsent(m)) {
                report(m, false, "abandoned to make room for a message of higher priority (PR-SCTP priority policy, "
                        + "RFC 7496)");
            }
        }
        if (!inFlight.isEmpty()) {
            Set<Object> victims = Collections.newSetFromMap(new IdentityHashMap<>());
            victims.addAll(inFlight);
            abandonSent(victims, "it was in flight when a message of higher priority needed its room (PR-SCTP "
                    + "priority policy, RFC 7496)");
        }
        return true;
    }

    /** {@code messages} in the order the priority policy abandons them: lowest priority, then newest, first. */
    private static List<OutgoingMessage> byPriority(List<OutgoingMessage> messages) {
        List<OutgoingMessage> out = new ArrayList<>(messages);
        Collections.reverse(out); // newest first among equals (the sort is stable)
        out.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return out;
    }

    /** A SACK was processed: forgets what the peer moved past, and asks for a FORWARD TSN if due (C2). */
    void afterSack() {
        if (sentOrder.isEmpty() && abandoned.isEmpty()) {
            return; // nothing to forget: no ack point needed (and no Tsn made per SACK, issue 6)
        }
        Tsn cum = outstanding.cumulativeTsnAcked();
        // A message is forgotten once the peer acknowledged all of it that was sent: front first,
        // so a later one whose predecessor is still in flight waits for it (harmless: it is only
        // looked up to abandon a chunk, and none of its chunks is held any more).
        while (!sentOrder.isEmpty() && sentOrder.peekFirst().lastTsn.isAtOrBefore(cum)) {
            Sent s = sentOrder.pollFirst();
            if (sent.get(s.message) == s) {
                sent.remove(s.message);
            }
        }
        if (!abandoned.isEmpty()) {
            abandoned.removeIf(s -> s.lastTsn.isAtOrBefore(cum));
            forwardTsnDue |= outstanding.advancedPeerAckPoint().isAfter(cum);
        }
    }

    /** T3-rtx expired: a FORWARD TSN that may have been lost goes again (RFC 3758 section 3.5 C5). */
    void onT3Expiry() {
        if (!abandoned.isEmpty() && outstanding.advancedPeerAckPoint().isAfter(outstanding.cumulativeTsnAcked())) {
            forwardTsnDue = true;
        }
    }

    /**
     * The FORWARD TSN (or I-FORWARD-TSN) to send now, or null: the Advanced.Peer.Ack.Point (C1)
     * with, per stream, the highest SSN of the ordered messages it skips (C3; for I-DATA the
     * highest MID per stream and kind, ordered and unordered, RFC 8260 section 2.3.1). It fits in
     * {@code room} bytes: with too many streams to name, it moves the peer only as far as the
     * entries that fit allow, and the next one goes on from there ({@link ForwardTsnBuilder}).
     */
    Chunk takeForwardTsn(int room) {
        if (!forwardTsnDue) {
            return null;
        }
        forwardTsnDue = false;
        Tsn point = outstanding.advancedPeerAckPoint();
        Tsn cum = outstanding.cumulativeTsnAcked();
        if (!point.isAfter(cum)) {
            return null;
        }
        List<ForwardTsnBuilder.Skipped> skipped = new ArrayList<>(abandoned.size());
        for (Sent s : abandoned) {
            skipped.add(new ForwardTsnBuilder.Skipped(s.streamId, s.unordered, s.sequence, s.lastTsn));
        }
        return ForwardTsnBuilder.build(point, cum, skipped, interleaved, room);
    }

    /** Whether a FORWARD TSN waits to be sent. */
    boolean isForwardTsnDue() {
        return forwardTsnDue;
    }

    /** Messages abandoned and not yet passed by the peer; for invariant checks and tests. */
    int abandonedInFlight() {
        return abandoned.size();
    }

    private void abandonSent(Set<Object> victims, String reason) {
        abandonSent(victims, reason, 0);
    }

    /** Abandons sent messages (RFC 3758 section 3.5 A1-A3); {@code reason} null: by their own policy. */
    private void abandonSent(Set<Object> victims, String reason, long nowNanos) {
        for (Object o : outstanding.abandon(victims::contains)) {
            OutgoingMessage m = (OutgoingMessage) o;
            queue.abandonRemainder(m); // RFC 3758 section 3.5 A2: the fragments not sent go too
            Sent s = sent.remove(m);
            if (s != null) {
                abandoned.add(s);
            }
            report(m, true, reason != null ? reason : m.isExpiredAt(nowNanos)
                    ? "its lifetime expired before it was acknowledged (PR-SCTP timed reliability, RFC 7496)"
                    : "it was retransmitted " + m.maxRetransmissions()
                    + " times without acknowledgement (PR-SCTP limited retransmissions, RFC 7496)");
        }
        if (outstanding.advancedPeerAckPoint().isAfter(outstanding.cumulativeTsnAcked())) {
            forwardTsnDue = true; // RFC 3758 section 3.5 C2
        }
    }

    private void report(OutgoingMessage m, boolean wasSent, String why) {
        counters.onAbandoned(m.policy(), wasSent);
        sink.abandoned(m, wasSent, "abandoned: " + why);
    }

    /** For the association's invariant checks: nothing is remembered that the peer moved past. */
    void checkInvariants() {
        Tsn cum = outstanding.cumulativeTsnAcked();
        for (Sent s : abandoned) {
            if (s.lastTsn.isAtOrBefore(cum)) {
                throw new IllegalStateException("abandoned message on stream " + s.streamId + " up to " + s.lastTsn
                        + " kept past the cumulative ack " + cum);
            }
        }
        Sent head = sentOrder.peekFirst();
        if (head != null && head.lastTsn.isAtOrBefore(cum)) {
            throw new IllegalStateException("sent message on stream " + head.streamId + " kept past the cumulative ack");
        }
        if (sent.size() > sentOrder.size()) {
            throw new IllegalStateException(sent.size() + " sent messages indexed, " + sentOrder.size() + " in order");
        }
    }
}
