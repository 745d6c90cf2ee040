package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.path.HeartbeatOutcome;
import org.jsctp.core.path.HeartbeatTimeout;
import org.jsctp.core.path.Path;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PathEvent;
import org.jsctp.core.path.PmtuDiscovery;
import org.jsctp.core.timer.Timer;

/**
 * Path supervision of RFC 9260 section 8: the single owner of the association's path(s). It
 * confirms the path the handshake used (section 5.4), probes idle paths with HEARTBEAT and counts
 * unanswered ones as errors (sections 8.1 and 8.3), and tells the user when a path becomes active
 * or inactive (section 8.2, SCTP_PEER_ADDR_CHANGE of RFC 6458 section 6.1.2). The other parts
 * reach the path through {@link #primary()} (the path data is sent on) and the event hooks.
 */
final class PathSupervisor {

    /**
     * Stands for the peer's address while an association has a single path: the transport knows
     * the address; the core needs it only once several paths are told apart (multi-homing).
     */
    private static final Object SINGLE_PATH = "single path";

    private final Tcb tcb;
    private final ErrorCounter errors;
    private final AssociationLifecycle lifecycle;
    private final Path path;
    /** RFC 8899 PLPMTUD of {@link #path}: sets its MTU from acknowledged probes. */
    private final PmtuDiscovery pmtud;

    PathSupervisor(Tcb tcb, ErrorCounter errors, AssociationLifecycle lifecycle) {
        this.tcb = tcb;
        this.errors = errors;
        this.lifecycle = lifecycle;
        AssociationConfig c = tcb.config;
        // One path for now (multi-homing adds more): it owns the RTO, the error counter and heartbeats.
        this.path = new Path(0, SINGLE_PATH, new PathConfig(c.rtoInitialNanos(), c.rtoMinNanos(), c.rtoMaxNanos(),
                c.pathMaxRetransmits(), c.heartbeatIntervalNanos(), c.pathMtu(), PathConfig.DEFAULT_REMEMBERED_HEARTBEATS));
        this.pmtud = new PmtuDiscovery(path, c.plpmtud());
    }

    /** The path data is sent on (RFC 9260 section 6.4: the primary path). */
    Path primary() {
        return path;
    }

    void start(long nowNanos) {
        if (!path.isConfirmed()) {
            path.confirm(); // RFC 9260 section 5.4: the handshake confirmed the address it used
        }
        if (!path.isStarted()) {
            path.start(nowNanos, tcb.random);
        }
        pmtud.start(nowNanos);
    }

    void stop() {
        if (path.isStarted()) {
            path.stop();
        }
        pmtud.stop();
    }

    /** RFC 9260 sections 8.1 and 8.3: heartbeat timeouts count as errors; idle paths are probed. */
    void heartbeat(long nowNanos) {
        if (!path.isStarted() || tcb.state == AssociationState.CLOSED) {
            return;
        }
        HeartbeatTimeout t = path.checkHeartbeatTimeout(nowNanos);
        notePathEvent(t.event());
        if (t.unanswered() && errors.countExceedsLimit()) {
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("heartbeats not answered")));
            lifecycle.close("the peer stopped answering heartbeats", List.of());
            return;
        }
        if (path.heartbeatDue(nowNanos)) {
            tcb.sendToPeer(path.heartbeatToSend(nowNanos, tcb.random));
        }
        pmtud.poll(nowNanos, tcb.random).ifPresent(tcb::sendToPeer); // RFC 8899 section 6.2.1.1: a probe packet
    }

    void onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        if (pmtud.onHeartbeatAck(ack, nowNanos)) {
            return; // RFC 8899 section 4.1: a probe's answer is not a reachability heartbeat's
        }
        if (!path.isStarted()) {
            return;
        }
        HeartbeatOutcome outcome = path.onHeartbeatAck(ack, nowNanos);
        if (outcome.accepted()) {
            errors.clear(); // RFC 9260 section 8.3: an answered heartbeat clears the error counter
            notePathEvent(outcome.event());
        }
    }

    /** New data was acknowledged on the path (RFC 9260 section 8.2: its error count clears). */
    void onNewDataAcked() {
        notePathEvent(path.onNewDataAcked());
        pmtud.onNewDataAcked();
    }

    /** T3-rtx expired on the path: section 8.2, and the RTO backoff of section 6.3.3 E2. */
    void onRetransmissionTimeout() {
        notePathEvent(path.onRetransmissionTimeout());
        pmtud.onRetransmissionTimeout(); // RFC 8899 section 4.3: black-hole detection
    }

    /** When the next heartbeat work is due, or {@link Timer#NEVER}. */
    long nextDeadline() {
        if (path.isStarted() && tcb.state != AssociationState.CLOSED) {
            return Math.min(path.nextHeartbeatDeadline(), pmtud.nextDeadline());
        }
        return Timer.NEVER;
    }

    /** A snapshot of the path for SCTP_STATUS (RFC 6458 section 8.2.2). */
    PathStatistics statistics(long cwnd, long ssthresh) {
        return new PathStatistics(path.id(), path.state(), path.rto().srttNanos(), path.rto().rtoNanos(),
                cwnd, ssthresh, path.mtu(), pmtud.state());
    }

    private void notePathEvent(PathEvent e) {
        if (e == PathEvent.BECAME_INACTIVE || e == PathEvent.BECAME_ACTIVE) {
            tcb.emit(new AssociationEvent.PeerAddressChange(e == PathEvent.BECAME_ACTIVE));
        }
    }
}
