package org.jsctp.core.path;

import java.util.Optional;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.tx.RtoEstimator;

/**
 * One destination transport address of the peer (RFC 9260 sections 5.4, 6.3, 8.2 and 8.3): its
 * RTO, its error counter against Path.Max.Retrans, whether it is confirmed, its MTU, and the
 * heartbeats that probe it.
 *
 * <p>The association holds one path per peer address and identifies them by small non-negative
 * {@link #id()}s (the same identifiers it gives {@code OutstandingData}). The {@link #address()}
 * is opaque here: the transport interprets it.
 *
 * <h2>Reachability (RFC 9260 section 8.2)</h2>
 * Each T3-rtx expiry ({@link #onRetransmissionTimeout()}) and each heartbeat unanswered for an
 * RTO ({@link #checkHeartbeatTimeout}) increments the error counter; when it exceeds
 * Path.Max.Retrans the path becomes {@link PathState#INACTIVE}, and it stops counting there
 * (section 8.3). An accepted HEARTBEAT ACK, or new data acknowledged that was last sent on the
 * path ({@link #onNewDataAcked()}), clears the counter and makes an inactive path reachable
 * again. Methods that can change reachability return what changed, so the association can tell
 * the user.
 *
 * <h2>Confirmation (RFC 9260 section 5.4)</h2>
 * A path starts unconfirmed. The association calls {@link #confirm()} for an address the
 * handshake proved (the one the INIT ACK went to, for the COOKIE ECHO receiver; those the user
 * gave, for the INIT sender); any other address is confirmed only by a HEARTBEAT ACK carrying a
 * nonce this path sent. No DATA may be sent to an unconfirmed path: {@link #onDataSent} refuses.
 *
 * <h2>When to heartbeat (RFC 9260 sections 5.4 and 8.3)</h2>
 * Nothing is sent before {@link #start} (the association reaches ESTABLISHED) or after
 * {@link #stop()} (SHUTDOWN or SHUTDOWN ACK sent), except a heartbeat the user asked for with
 * {@link #requestHeartbeat}. While started, a heartbeat is due
 * <ul>
 *   <li>on an unconfirmed, reachable path: one probe per RTO, the RTO backing off with each
 *       unanswered probe (section 5.4);</li>
 *   <li>otherwise, when the path has been idle, with no DATA or heartbeat sent to it, for
 *       HB.interval + RTO + jitter, the jitter drawn uniformly from [-RTO/2, +RTO/2) at each
 *       heartbeat (section 8.3), and the RTO backed off while heartbeats go unanswered. A
 *       confirmed path does this only while heartbeats are enabled
 *       ({@link #setHeartbeatEnabled}); an unconfirmed path that became inactive is probed at this
 *       slower rate regardless (section 5.4);</li>
 *   <li>never while the last heartbeat is still within its RTO.</li>
 * </ul>
 *
 * <h2>What the association does</h2>
 * After every input it takes the earliest of its own timers and every path's
 * {@link #nextHeartbeatDeadline()} as its next wake-up (a deadline may lie in the past: wake at
 * once). On every wake-up, for each path, in this order:
 * <pre>
 *   HeartbeatTimeout t = path.checkHeartbeatTimeout(now);  // counts an unanswered heartbeat
 *   ... t.unanswered(): overall error count (section 8.1); t.event(): tell the user, re-route
 *   if (path.heartbeatDue(now)) bundle path.heartbeatToSend(now, random) into a packet to path.address()
 * </pre>
 * It calls {@link #onDataSent} whenever it sends DATA (first transmissions, as section 8.3's idle
 * rule counts them) to the path, and hands each received HEARTBEAT ACK to the path whose id
 * {@link HeartbeatInfo#read} finds in it ({@link #onHeartbeatAck}). A received HEARTBEAT is
 * answered with {@link HeartbeatChunk#ack()}, which echoes its TLVs unchanged.
 *
 * <p>Not thread-safe; time is the caller's clock in nanoseconds, which must not go backwards.
 */
public final class Path {

    /** Packets with DATA sent to the path (statistics). */
    private long dataPacketsSent;

    private final int id;
    private final Object address;
    private final RtoEstimator rto;
    private final long rtoMaxNanos;
    private final int pathMaxRetransmits;
    /** Runs for an RTO after each heartbeat: expiry means the heartbeat went unanswered (section 8.3). */
    private final Timer heartbeatTimer;
    private final SentHeartbeats sent;

    private int errorCount;
    /**
     * PotentiallyFailed.Max.Retrans of RFC 7829 section 5.1; {@link Integer#MAX_VALUE} (the
     * default) keeps the path out of the Potentially Failed state.
     */
    private int potentiallyFailedThreshold = Integer.MAX_VALUE;
    private boolean confirmed;
    private int mtu;
    private long heartbeatIntervalNanos;
    private boolean heartbeatEnabled = true;
    private boolean started;
    /** Last DATA or heartbeat sent, or the start; {@link Long#MIN_VALUE} before any. */
    private long lastSentNanos = Long.MIN_VALUE;
    /** Random word scaling the current heartbeat period's jitter, see {@link #jitterNanos()}. */
    private long jitterWord;
    /** Since when a probe of an unconfirmed path is due (start, or the last probe's timeout). */
    private long probeReadyAtNanos = Timer.NEVER;
    /** When the user asked for a heartbeat, or {@link Timer#NEVER} when no request is pending. */
    private long requestedAtNanos = Timer.NEVER;

    /**
     * A new, unconfirmed, reachable path whose heartbeats are enabled but not yet started.
     *
     * @param id the association's identifier for the path; not negative
     * @param address the peer's transport address, opaque to the core; not null
     * @param config RTO bounds, Path.Max.Retrans, HB.interval, MTU and the heartbeat memory bound
     */
    public Path(int id, Object address, PathConfig config) {
        if (id < 0) {
            throw new IllegalArgumentException("path ids are not negative: " + id);
        }
        if (address == null || config == null) {
            throw new IllegalArgumentException("address and config must not be null");
        }
        this.id = id;
        this.address = address;
        this.rto = new RtoEstimator(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos(),
                RtoEstimator.DEFAULT_GRANULARITY_NANOS);
        this.rtoMaxNanos = config.rtoMaxNanos();
        this.pathMaxRetransmits = config.pathMaxRetransmits();
        this.heartbeatTimer = new Timer("HEARTBEAT-" + id, config.rtoInitialNanos(), config.rtoMaxNanos(),
                Timer.Backoff.NONE, false, -1);
        this.sent = new SentHeartbeats(config.rememberedHeartbeats());
        this.mtu = config.mtu();
        this.heartbeatIntervalNanos = config.heartbeatIntervalNanos();
    }

    // ---- identity and plain state

    /** {@return the association's identifier for this path} */
    public int id() {
        return id;
    }

    /** {@return the peer's transport address, as the association was given it} */
    public Object address() {
        return address;
    }

    /**
     * {@return the path's RTO estimator (RFC 9260 section 6.3.1)} The association feeds it the RTT
     * measurements it takes from acknowledged DATA; this path feeds it heartbeat RTTs and backs it
     * off on timeouts.
     */
    public RtoEstimator rto() {
        return rto;
    }

    /** {@return the path's state: {@link PathState#INACTIVE} if unreachable, else UNCONFIRMED or ACTIVE} */
    public PathState state() {
        if (errorCount > pathMaxRetransmits) {
            return PathState.INACTIVE;
        }
        if (confirmed && errorCount > potentiallyFailedThreshold) {
            return PathState.POTENTIALLY_FAILED; // RFC 7829 section 5.1 step 2
        }
        return confirmed ? PathState.ACTIVE : PathState.UNCONFIRMED;
    }

    /**
     * Sets PotentiallyFailed.Max.Retrans (RFC 7829 section 5.1): once the error counter exceeds
     * it (and not Path.Max.Retrans) a confirmed path is {@link PathState#POTENTIALLY_FAILED}.
     * {@link Integer#MAX_VALUE} turns the state off (the default; single-homed associations keep
     * it off). A value at or above Path.Max.Retrans never takes effect either.
     *
     * @param threshold 0 or more
     * @return the reachability change the new threshold causes at once
     */
    public PathEvent setPotentiallyFailedThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("PotentiallyFailed.Max.Retrans must not be negative: " + threshold);
        }
        PathState before = state();
        this.potentiallyFailedThreshold = threshold;
        PathState after = state();
        if (before == after) {
            return PathEvent.NONE;
        }
        return after == PathState.POTENTIALLY_FAILED ? PathEvent.BECAME_POTENTIALLY_FAILED : PathEvent.BECAME_ACTIVE;
    }

    /**
     * PotentiallyFailed.Max.Retrans, {@link Integer#MAX_VALUE} when the state is off.
     *
     * @return the error count beyond which the path is Potentially Failed (RFC 7829)
     */
    public int potentiallyFailedThreshold() {
        return potentiallyFailedThreshold;
    }

    /** {@return whether the address is confirmed (RFC 9260 section 5.4), reachable or not} */
    public boolean isConfirmed() {
        return confirmed;
    }

    /** {@return the error counter of RFC 9260 section 8.2, 0..Path.Max.Retrans + 1} */
    public int errorCount() {
        return errorCount;
    }

    /**
     * Path.Max.Retrans.
     *
     * @return the error count beyond which the path is inactive (RFC 9260 section 8.2)
     */
    public int pathMaxRetransmits() {
        return pathMaxRetransmits;
    }

    /** {@return the largest SCTP packet to send on this path} */
    public int mtu() {
        return mtu;
    }

    /**
     * Sets the MTU (fixed for now; path MTU discovery will call this).
     *
     * @param mtu the path MTU in bytes
     */
    public void setMtu(int mtu) {
        PathConfig.checkMtu(mtu);
        this.mtu = mtu;
    }

    /** {@return when DATA or a heartbeat was last sent on the path (or it was started); {@link Long#MIN_VALUE} before any} */
    public long lastSentNanos() {
        return lastSentNanos;
    }

    /**
     * Confirms the path because the handshake proved the address (RFC 9260 section 5.4 rules 1
     * and 2). Idempotent. Probing stops; idle heartbeats follow {@link #setHeartbeatEnabled}.
     */
    public void confirm() {
        confirmed = true;
    }

    // ---- events from the association

    /**
     * DATA (or another chunk that can measure the RTT, such as INIT or COOKIE ECHO) was sent on
     * the path: it is not idle (RFC 9260 section 8.3).
     *
     * @throws IllegalStateException if the path is unconfirmed (section 5.4 forbids it)
     * @param nowNanos the current time
     */
    public void onDataSent(long nowNanos) {
        if (!confirmed) {
            throw new IllegalStateException("RFC 9260 section 5.4: no DATA to unconfirmed path " + id);
        }
        lastSentNanos = Math.max(lastSentNanos, nowNanos);
        dataPacketsSent++;
    }

    /** {@return packets with DATA sent to this path so far ({@link #onDataSent} calls): where CMT spread the data} */
    public long dataPacketsSent() {
        return dataPacketsSent;
    }

    /**
     * A SACK newly acknowledged DATA last sent on this path: the error counter is cleared and an
     * inactive path becomes active (RFC 9260 section 8.2). Section 8.2 lets the association skip
     * this call when the last chunk sent was a retransmission to an alternate address.
     *
     * @return {@link PathEvent#BECAME_ACTIVE} if the path was inactive
     * @throws IllegalStateException if the path is unconfirmed (it cannot have carried DATA)
     */
    public PathEvent onNewDataAcked() {
        if (!confirmed) {
            throw new IllegalStateException("unconfirmed path " + id + " carried no DATA to acknowledge");
        }
        return clearErrors();
    }

    /**
     * The T3-rtx timer of this path expired: the RTO backs off (RFC 9260 section 6.3.3 E2) and the
     * error counter is incremented (section 8.2). The association handles the overall error count
     * (section 8.1) and the retransmission itself.
     *
     * @return {@link PathEvent#BECAME_INACTIVE} if the counter now exceeds Path.Max.Retrans
     */
    public PathEvent onRetransmissionTimeout() {
        rto.backOff();
        return countError();
    }

    // ---- heartbeat control (RFC 9260 section 8.3 A to D)

    /**
     * Starts probing and heartbeating: the association reached ESTABLISHED (RFC 9260 sections 5.4
     * and 8.3). The path counts as having been active just now, and the first period's jitter is
     * drawn from {@code random}.
     *
     * @throws IllegalStateException if already started
     * @param nowNanos the current time
     * @param random for the heartbeat jitter
     */
    public void start(long nowNanos, RandomSource random) {
        if (started) {
            throw new IllegalStateException("path " + id + " already started");
        }
        started = true;
        lastSentNanos = Math.max(lastSentNanos, nowNanos);
        probeReadyAtNanos = nowNanos;
        jitterWord = nextLong(random);
    }

    /**
     * Stops all heartbeats, pending request included, and stops timing the outstanding one
     * (RFC 9260 section 8.3: heartbeats end once SHUTDOWN or SHUTDOWN ACK is sent). Acknowledgements
     * of earlier heartbeats are still accepted.
     */
    public void stop() {
        started = false;
        heartbeatTimer.stop();
        requestedAtNanos = Timer.NEVER;
    }

    /** {@return whether {@link #start} was called and {@link #stop()} was not since} */
    public boolean isStarted() {
        return started;
    }

    /**
     * Turns idle heartbeats of a confirmed path on or off (RFC 9260 section 8.3 A and C). Probing
     * of unconfirmed paths and requested heartbeats are not affected.
     *
     * @param enabled whether idle heartbeats are sent
     */
    public void setHeartbeatEnabled(boolean enabled) {
        this.heartbeatEnabled = enabled;
    }

    /** {@return whether idle heartbeats are enabled} */
    public boolean isHeartbeatEnabled() {
        return heartbeatEnabled;
    }

    /**
     * Changes HB.interval (RFC 9260 section 8.3 B); the current period is measured with the new value.
     *
     * @param intervalNanos HB.interval in nanoseconds
     */
    public void setHeartbeatInterval(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("HB.interval must not be negative: " + intervalNanos);
        }
        this.heartbeatIntervalNanos = intervalNanos;
    }

    /** {@return HB.interval} */
    public long heartbeatIntervalNanos() {
        return heartbeatIntervalNanos;
    }

    /**
     * The user asks for a heartbeat on this path now (RFC 9260 section 8.3 D): one is due until
     * {@link #heartbeatToSend} sends it. Repeated requests before that make one heartbeat.
     *
     * @param nowNanos the current time
     */
    public void requestHeartbeat(long nowNanos) {
        requestedAtNanos = Math.min(requestedAtNanos, nowNanos);
    }

    // ---- heartbeats

    /**
     * Handles the end of the last heartbeat's RTO. If it passed unanswered (RFC 9260 section
     * 8.3), the RTO backs off and the error counter is incremented, unless the path is already
     * inactive (section 8.2); on an unconfirmed path the next probe becomes due (section 5.4).
     * Call this before {@link #heartbeatDue} on every wake-up.
     *
     * @param nowNanos the current time
     * @return whether a heartbeat timed out, and what that did to the path
     */
    public HeartbeatTimeout checkHeartbeatTimeout(long nowNanos) {
        long deadline = heartbeatTimer.deadline();
        if (heartbeatTimer.expire(nowNanos) == Timer.Expiry.NOT_DUE) {
            return HeartbeatTimeout.NONE;
        }
        boolean wasPotentiallyFailed = state() == PathState.POTENTIALLY_FAILED;
        probeReadyAtNanos = deadline; // RFC 9260 section 5.4: the next probe may go in this RTO
        PathEvent e = countError();
        if (!wasPotentiallyFailed || state() != PathState.POTENTIALLY_FAILED) {
            // RFC 9260 section 8.3: exponential backoff of the RTO while heartbeats go unanswered;
            // RFC 7829 section 5.1 step 3: not for the heartbeats of a path that stays Potentially Failed.
            rto.backOff();
        }
        if (e == PathEvent.BECAME_INACTIVE) {
            return HeartbeatTimeout.UNANSWERED_BECAME_INACTIVE;
        }
        return e == PathEvent.BECAME_POTENTIALLY_FAILED
                ? HeartbeatTimeout.UNANSWERED_BECAME_POTENTIALLY_FAILED
                : HeartbeatTimeout.UNANSWERED;
    }

    /**
     * {@return whether a heartbeat should be sent on this path now (see the class documentation for the
     * rules)} Does not change anything; call {@link #checkHeartbeatTimeout} first.
     *
     * @param nowNanos the current time
     */
    public boolean heartbeatDue(long nowNanos) {
        if (requestedAtNanos != Timer.NEVER) {
            return true; // RFC 9260 section 8.3 D: the user asked
        }
        if (!started || heartbeatTimer.isRunning()) {
            return false; // not established, or the last heartbeat is still within its RTO
        }
        if (probing()) {
            return true; // RFC 9260 section 5.4: one probe per RTO on an unconfirmed reachable path
        }
        if (state() == PathState.POTENTIALLY_FAILED) {
            return true; // RFC 7829 section 5.1 step 3: one heartbeat per RTO to a Potentially Failed path
        }
        return idleHeartbeats() && nowNanos >= idleDeadline();
    }

    /**
     * Builds the next HEARTBEAT for this path and records it: a fresh 64-bit nonce and the send
     * time in our {@link HeartbeatInfo}, remembered (the oldest forgotten beyond the configured
     * bound) so that the acknowledgement can be checked; the path counts as active now, the next
     * period's jitter is drawn, the heartbeat is timed for one RTO, and a pending request is
     * satisfied. The caller sends it to {@link #address()} (RFC 9260 section 5.4 allows a
     * heartbeat with a nonce to an unconfirmed address).
     *
     * @param nowNanos the current time
     * @param random for the nonce and the jitter
     * @return the HEARTBEAT to send
     */
    public HeartbeatChunk heartbeatToSend(long nowNanos, RandomSource random) {
        long nonce = nextLong(random);
        jitterWord = nextLong(random);
        sent.record(nonce, nowNanos);
        lastSentNanos = Math.max(lastSentNanos, nowNanos);
        requestedAtNanos = Timer.NEVER;
        heartbeatTimer.setDuration(rto.rtoNanos(), rtoMaxNanos);
        heartbeatTimer.start(nowNanos);
        return HeartbeatChunk.of(new HeartbeatInfo(id, nonce, nowNanos).toParameter());
    }

    /**
     * Handles a HEARTBEAT ACK. It is accepted only if its Heartbeat Info is in our layout, names
     * this path, and carries a nonce and send time this path sent and still remembers (RFC 9260
     * section 5.4: the nonce guards against blind confirmation); the nonce is then forgotten, so a
     * replay is ignored. Accepting it measures the RTT into the RTO estimator, clears the error
     * counter and makes the path reachable (section 8.3), confirms the path (section 5.4), and
     * stops timing the heartbeat if it was the last one sent.
     *
     * @param ack the HEARTBEAT ACK received
     * @param nowNanos the current time
     * @return whether it was accepted, and what it changed
     */
    public HeartbeatOutcome onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        Optional<HeartbeatInfo> read = HeartbeatInfo.read(ack);
        if (read.isEmpty()) {
            return HeartbeatOutcome.IGNORED_MALFORMED;
        }
        HeartbeatInfo info = read.get();
        if (info.pathId() != id) {
            return HeartbeatOutcome.IGNORED_OTHER_PATH;
        }
        SentHeartbeats.Match match = sent.take(info.nonce(), info.sentAtNanos());
        if (match == SentHeartbeats.Match.NOT_FOUND) {
            return HeartbeatOutcome.IGNORED_UNKNOWN_NONCE;
        }
        if (match == SentHeartbeats.Match.FOUND_NEWEST) {
            heartbeatTimer.stop();
        }
        // RFC 9260 section 8.3: the time we put in (and remembered) gives an RTT measurement.
        long rtt = Math.max(0, nowNanos - info.sentAtNanos());
        rto.onRttMeasurement(rtt);
        PathEvent event = clearErrors();
        boolean newlyConfirmed = !confirmed;
        confirmed = true; // RFC 9260 section 5.4: the nonce sent to this address came back
        return new HeartbeatOutcome(HeartbeatOutcome.Verdict.ACCEPTED, event, newlyConfirmed, rtt);
    }

    /**
     * {@return the earliest time this path needs {@link #checkHeartbeatTimeout} and {@link #heartbeatDue}
     * called, or {@link Timer#NEVER}} It may lie in the past (a heartbeat is due already). It can
     * move when anything happens to the path, so the association reads it again after every input.
     */
    public long nextHeartbeatDeadline() {
        long next = Math.min(heartbeatTimer.deadline(), requestedAtNanos);
        if (started && !heartbeatTimer.isRunning()) {
            if (probing()) {
                next = Math.min(next, probeReadyAtNanos);
            } else if (state() == PathState.POTENTIALLY_FAILED) {
                next = Math.min(next, lastSentNanos); // RFC 7829 section 5.1 step 3: due now
            } else if (idleHeartbeats()) {
                next = Math.min(next, idleDeadline());
            }
        }
        return next;
    }

    /** {@return whether the last heartbeat sent is still within its RTO, unanswered} */
    public boolean heartbeatOutstanding() {
        return heartbeatTimer.isRunning();
    }

    /** {@return how many unacknowledged heartbeats are remembered (at most the configured bound)} */
    public int rememberedHeartbeats() {
        return sent.size();
    }

    // ---- internals

    /** Unconfirmed and reachable: probed once per RTO (RFC 9260 section 5.4). */
    private boolean probing() {
        return !confirmed && errorCount <= pathMaxRetransmits;
    }

    /** Whether the idle rule applies: confirmed with heartbeats enabled, or unconfirmed and inactive. */
    private boolean idleHeartbeats() {
        return confirmed ? heartbeatEnabled : !probing();
    }

    /**
     * RFC 9260 section 8.3: an idle path is heartbeated once per RTO + HB.interval, with jitter of
     * +/- 50% of the RTO; the current (possibly backed-off) RTO is used.
     */
    private long idleDeadline() {
        long rtoNanos = rto.rtoNanos();
        return saturatingAdd(saturatingAdd(lastSentNanos, heartbeatIntervalNanos), rtoNanos + jitterNanos(rtoNanos));
    }

    /**
     * The current period's jitter for this RTO: the high 64 bits of rto * word, i.e. rto * word / 2^64,
     * which for a uniform 64-bit word is uniform in [-rto/2, rto/2) and cannot overflow.
     */
    private long jitterNanos(long rtoNanos) {
        return Math.multiplyHigh(rtoNanos, jitterWord);
    }

    private PathEvent countError() {
        if (errorCount > pathMaxRetransmits) {
            return PathEvent.NONE; // RFC 9260 section 8.3: inactive, the counter stops increasing
        }
        PathState before = state();
        errorCount++;
        // RFC 9260 section 8.2: exceeding Path.Max.Retrans makes the address inactive
        if (errorCount > pathMaxRetransmits) {
            return PathEvent.BECAME_INACTIVE;
        }
        // RFC 7829 section 5.1 step 2: exceeding PotentiallyFailed.Max.Retrans makes it Potentially Failed
        return state() == PathState.POTENTIALLY_FAILED && before != PathState.POTENTIALLY_FAILED
                ? PathEvent.BECAME_POTENTIALLY_FAILED : PathEvent.NONE;
    }

    private PathEvent clearErrors() {
        PathState before = state();
        errorCount = 0; // RFC 9260 section 8.2: clear the error counter, mark active
        // RFC 7829 section 5.1 step 5: a Potentially Failed path heard from is active again too.
        return before == PathState.INACTIVE || before == PathState.POTENTIALLY_FAILED
                ? PathEvent.BECAME_ACTIVE : PathEvent.NONE;
    }

    private static long nextLong(RandomSource random) {
        return (long) random.nextInt() << 32 | (random.nextInt() & 0xFFFF_FFFFL);
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return b > 0 && sum < a ? Long.MAX_VALUE : sum; // b is never negative here
    }

    /** Checks internal consistency; for tests and the association's invariant checks. */
    public void checkInvariants() {
        if (errorCount < 0 || errorCount > pathMaxRetransmits + 1) {
            throw new IllegalStateException("error counter " + errorCount + " outside 0.." + (pathMaxRetransmits + 1));
        }
        if (heartbeatTimer.isRunning() && !sent.newestOutstanding()) {
            throw new IllegalStateException("timing a heartbeat that is not remembered");
        }
        sent.checkInvariants();
        if (sent.size() > sent.capacity()) {
            throw new IllegalStateException("remembers " + sent.size() + " heartbeats, bound " + sent.capacity());
        }
        if (mtu < PathConfig.MIN_MTU || mtu > PathConfig.MAX_MTU) {
            throw new IllegalStateException("mtu " + mtu + " out of range");
        }
        if (started && (lastSentNanos == Long.MIN_VALUE || probeReadyAtNanos == Timer.NEVER)) {
            throw new IllegalStateException("started without a start time");
        }
        if (rto.rtoNanos() > rtoMaxNanos) {
            throw new IllegalStateException("RTO " + rto.rtoNanos() + " above RTO.Max " + rtoMaxNanos);
        }
        if (state() == PathState.POTENTIALLY_FAILED && (!confirmed || errorCount <= potentiallyFailedThreshold)) {
            throw new IllegalStateException("potentially failed without the errors for it");
        }
    }

    @Override
    public String toString() {
        return "Path[" + id + " " + address + " " + state() + (confirmed ? "" : " unconfirmed") + " errors="
                + errorCount + "/" + pathMaxRetransmits + " rto=" + rto.rtoNanos() + " " + heartbeatTimer + "]";
    }
}
