package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.path.HeartbeatInfo;
import org.jsctp.core.path.HeartbeatOutcome;
import org.jsctp.core.path.HeartbeatTimeout;
import org.jsctp.core.path.Path;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PathEvent;
import org.jsctp.core.path.PmtuDiscovery;
import org.jsctp.core.path.PathSet;
import org.jsctp.core.path.PathState;
import org.jsctp.core.timer.Timer;

/**
 * Path supervision of RFC 9260 section 8: the single owner of the association's paths, one per
 * peer address ({@link PathSet}). It confirms the addresses the handshake proved (section 5.4),
 * probes the others and the idle ones with HEARTBEAT and counts unanswered ones as errors
 * (sections 8.1 and 8.3), keeps the Potentially Failed state of RFC 7829 on multi-homed
 * associations, picks where data goes (section 6.4) and tells the user when a path changes
 * state (SCTP_PEER_ADDR_CHANGE of RFC 6458 section 6.1.2). An association given no addresses has
 * one anonymous path, and behaves as a single-homed one always did.
 */
final class PathSupervisor {

    /** The most peer addresses an association keeps (further addresses the peer lists are ignored). */
    static final int MAX_PATHS = 16;

    private final Tcb tcb;
    private final ErrorCounter errors;
    private final AssociationLifecycle lifecycle;
    private final PathSet paths;
    private int potentiallyFailedThreshold;
    private boolean started;
    /** The time of the last start or heartbeat round, to start a path learnt while running. */
    private long lastNowNanos;
    /** Where INIT and COOKIE ECHO go during the handshake: the primary, then the next address at each timeout. */
    private int handshakePath;
    /** RFC 8899 PLPMTUD, one per path and indexed by path id: each sets its path's MTU from acknowledged probes. */
    private final List<PmtuDiscovery> pmtuds = new ArrayList<>();

    /**
     * @param peerAddresses the user's peer addresses (confirmed, RFC 9260 section 5.4 rule 1; the
     *     first is the primary), or none for one anonymous path
     */
    PathSupervisor(Tcb tcb, ErrorCounter errors, AssociationLifecycle lifecycle, List<InetAddress> peerAddresses) {
        this.tcb = tcb;
        this.errors = errors;
        this.lifecycle = lifecycle;
        AssociationConfig c = tcb.config;
        this.paths = new PathSet(new PathConfig(c.rtoInitialNanos(), c.rtoMinNanos(), c.rtoMaxNanos(),
                c.pathMaxRetransmits(), c.heartbeatIntervalNanos(), c.pathMtu(), PathConfig.DEFAULT_REMEMBERED_HEARTBEATS),
                MAX_PATHS);
        this.potentiallyFailedThreshold = c.potentiallyFailedMaxRetransmits();
        if (peerAddresses.isEmpty()) {
            paths.addAnonymous();
        } else {
            for (InetAddress a : peerAddresses) {
                Path p = paths.add(a);
                if (p != null) {
                    p.confirm(); // RFC 9260 section 5.4 rule 1: the user's addresses are confirmed
                }
            }
        }
        refresh();
    }

    /** The primary path (RFC 9260 section 6.4). */
    Path primary() {
        return paths.primary();
    }

    /** Where new data goes now (RFC 9260 sections 6.4 and 6.4.1, RFC 7829 section 5.1). */
    Path dataPath() {
        return paths.dataPath();
    }

    /** Where a retransmission of a chunk last sent on path {@code lastPathId} goes (RFC 9260 section 6.4). */
    Path retransmissionPath(int lastPathId) {
        return paths.retransmissionPath(lastPathId >= 0 && lastPathId < paths.size() ? paths.get(lastPathId) : null);
    }

    /** The path set (read-only use). */
    PathSet set() {
        return paths;
    }

    /** The peer address of a path, or null for the anonymous path. */
    static InetAddress addressOf(Path p) {
        return PathSet.addressOf(p);
    }

    /**
     * Learns a peer address from an INIT or INIT ACK address parameter or a packet's source (RFC
     * 9260 section 5.1.2); it stays unconfirmed until a heartbeat confirms it (section 5.4).
     * Ignored on an anonymous association and beyond {@link #MAX_PATHS}.
     */
    Path learn(InetAddress address) {
        if (address == null || paths.isAnonymous()) {
            return null;
        }
        int before = paths.size();
        Path p = paths.add(address);
        if (p != null && paths.size() > before) {
            p.setHeartbeatInterval(paths.primary().heartbeatIntervalNanos());
            for (Path q : paths.all()) {
                notePathEvent(q, applyThreshold(q)); // a second path turns RFC 7829 on for all
            }
            if (started && !p.isStarted()) {
                p.start(lastNowNanos, tcb.random);
                pmtud(p).start(lastNowNanos);
            }
        }
        refresh();
        return p;
    }

    /**
     * A packet arrived from {@code source}: replies go back there when it is a known peer address
     * (RFC 9260 section 6.4); an unknown source is accepted (the tag vouched for it) and replied to
     * on the primary path.
     */
    void onPacketFrom(InetAddress source) {
        Path p = paths.find(source);
        // RFC 9260 section 5.4: only HEARTBEAT ACK (and a few others) may go to an unconfirmed address.
        tcb.replyTo = p != null && p.isConfirmed() ? addressOf(p) : null;
        tcb.heartbeatReplyTo = p == null ? null : addressOf(p);
        tcb.packetSource = source;
    }

    /**
     * The packet being handled carried DATA (or what counts as DATA for SACKs): a SACK replies to
     * DATA (RFC 9260 section 6.4), so later (delayed) SACKs go to its source when that is an active
     * path; HEARTBEATs and PLPMTUD probes the peer sends on other paths do not move them.
     */
    void onDataReceived() {
        Path p = paths.find(tcb.replyTo);
        if (p != null && p.state() == PathState.ACTIVE) {
            tcb.sackTo = tcb.replyTo;
        }
    }

    /** The packet has been handled: replies go to the data path again. */
    void afterPacket() {
        tcb.replyTo = null;
        tcb.heartbeatReplyTo = null;
        tcb.packetSource = null;
    }

    /**
     * Learns the peer addresses of an INIT ACK (RFC 9260 section 5.1.2: its address parameters
     * and the packet's source), unconfirmed unless the user gave them (section 5.4).
     */
    void learnFromInitAck(List<Parameter> parameters) {
        for (InetAddress a : AddressParameters.peerAddresses(tcb.packetSource, parameters, MAX_PATHS)) {
            learn(a);
        }
    }

    /**
     * Takes the peer addresses of a State Cookie (RFC 9260 section 5.1.2): the first, the INIT's
     * source, is where the INIT ACK went, the rest are learnt unconfirmed (section 5.4 rule 2).
     */
    void learnAll(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            learn(a);
        }
    }

    /** The peer addresses, in the order they were learnt (empty for the anonymous path). */
    List<InetAddress> peerAddresses() {
        return paths.addresses();
    }

    /** Makes {@code address} the primary path (RFC 9260 section 11.1 SET PRIMARY). */
    void setPrimary(InetAddress address) {
        Path p = paths.find(address);
        if (p == null) {
            throw new IllegalArgumentException("not a peer address of this association: " + address);
        }
        if (paths.primary() != p) {
            paths.setPrimary(p);
            tcb.emit(new AssociationEvent.PeerAddressChange(address, PeerAddressState.MADE_PRIMARY));
        }
        refresh();
    }

    /** Sets HB.interval of every path (RFC 9260 section 8.3 B; RFC 6458 spp_hbinterval for the association). */
    void setHeartbeatInterval(long intervalNanos) {
        for (Path p : paths.all()) {
            p.setHeartbeatInterval(intervalNanos);
        }
    }

    /** Sets PotentiallyFailed.Max.Retrans (RFC 7829 section 5.1) for every path. */
    void setPotentiallyFailedThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("PotentiallyFailed.Max.Retrans must not be negative: " + threshold);
        }
        this.potentiallyFailedThreshold = threshold;
        for (Path p : paths.all()) {
            notePathEvent(p, applyThreshold(p));
        }
        refresh();
    }

    /** RFC 7829 applies to multi-homed associations only: a single path has nowhere to fail over to. */
    private PathEvent applyThreshold(Path p) {
        return p.setPotentiallyFailedThreshold(paths.isMultiHomed() ? potentiallyFailedThreshold : Integer.MAX_VALUE);
    }

    void start(long nowNanos) {
        lastNowNanos = nowNanos;
        if (paths.isAnonymous() && !paths.primary().isConfirmed()) {
            paths.primary().confirm(); // RFC 9260 section 5.4: the handshake confirmed the address it used
        }
        started = true;
        for (Path p : paths.all()) {
            applyThreshold(p);
            if (!p.isStarted()) {
                p.start(nowNanos, tcb.random);
                pmtud(p).start(nowNanos);
            }
        }
        refresh();
    }

    void stop() {
        started = false;
        for (Path p : paths.all()) {
            if (p.isStarted()) {
                p.stop();
            }
        }
        for (PmtuDiscovery d : pmtuds) {
            d.stop();
        }
    }

    /** RFC 9260 sections 8.1 and 8.3: heartbeat timeouts count as errors; idle paths are probed. */
    void heartbeat(long nowNanos) {
        lastNowNanos = nowNanos;
        if (tcb.state == AssociationState.CLOSED) {
            return;
        }
        Path dataPath = paths.dataPath();
        for (Path path : paths.all()) {
            if (!path.isStarted()) {
                continue;
            }
            HeartbeatTimeout t = path.checkHeartbeatTimeout(nowNanos);
            notePathEvent(path, t.event());
            // RFC 9260 section 8.1: only unanswered heartbeats of the path used for data transfer
            // count against Association.Max.Retrans.
            if (t.unanswered() && path == dataPath && path.isConfirmed() && errors.countExceedsLimit()) {
                tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("heartbeats not answered")));
                lifecycle.close("the peer stopped answering heartbeats", List.of());
                return;
            }
        }
        for (Path path : paths.all()) {
            if (path.isStarted() && path.heartbeatDue(nowNanos)) {
                tcb.sendTo(addressOf(path), List.of(path.heartbeatToSend(nowNanos, tcb.random)));
            }
            if (path.isStarted()) { // RFC 8899 section 6.2.1.1: a probe packet, per path
                pmtud(path).poll(nowNanos, tcb.random, tcb.auth.overheadFor(ChunkType.HEARTBEAT, ChunkType.PAD))
                        .ifPresent(probe -> tcb.sendTo(addressOf(path), probe));
            }
        }
        refresh();
    }

    void onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        for (int i = 0; i < pmtuds.size(); i++) {
            if (pmtuds.get(i).onHeartbeatAck(ack, nowNanos)) {
                return; // RFC 8899 section 4.1: a probe's answer is not a reachability heartbeat's
            }
        }
        Optional<HeartbeatInfo> info = HeartbeatInfo.read(ack);
        if (info.isEmpty() || info.get().pathId() < 0 || info.get().pathId() >= paths.size()) {
            return; // not ours, or for a path we do not have
        }
        Path path = paths.get(info.get().pathId());
        if (!path.isStarted()) {
            return;
        }
        HeartbeatOutcome outcome = path.onHeartbeatAck(ack, nowNanos);
        if (outcome.accepted()) {
            errors.clear(); // RFC 9260 section 8.3: an answered heartbeat clears the error counter
            if (outcome.newlyConfirmed()) {
                tcb.emit(new AssociationEvent.PeerAddressChange(addressOf(path), PeerAddressState.CONFIRMED));
            }
            notePathEvent(path, outcome.event());
            refresh();
        }
    }

    /** New data last sent on the path was acknowledged (RFC 9260 section 8.2: its error count clears). */
    void onNewDataAcked(int pathId) {
        if (pathId >= 0 && pathId < paths.size() && paths.get(pathId).isConfirmed()) {
            notePathEvent(paths.get(pathId), paths.get(pathId).onNewDataAcked());
            pmtud(paths.get(pathId)).onNewDataAcked();
            refresh();
        }
    }

    /** New data was acknowledged on the primary path (single-path callers). */
    void onNewDataAcked() {
        onNewDataAcked(paths.dataPath().id());
    }

    /** T3-rtx expired for data on the path: section 8.2, and the RTO backoff of section 6.3.3 E2. */
    void onRetransmissionTimeout(int pathId) {
        Path p = paths.get(pathId);
        notePathEvent(p, p.onRetransmissionTimeout());
        pmtud(p).onRetransmissionTimeout(); // RFC 8899 section 4.3: black-hole detection
        refresh();
    }

    /** When the next heartbeat work is due, or {@link Timer#NEVER}. */
    long nextDeadline() {
        if (tcb.state == AssociationState.CLOSED) {
            return Timer.NEVER;
        }
        long next = Timer.NEVER;
        for (int i = 0; i < paths.size(); i++) { // indexed: this runs after every input
            Path p = paths.get(i);
            if (p.isStarted()) {
                next = Math.min(next, p.nextHeartbeatDeadline());
            }
            if (i < pmtuds.size()) {
                next = Math.min(next, pmtuds.get(i).nextDeadline());
            }
        }
        return next;
    }

    /** Per-path congestion figures for statistics. */
    interface CongestionView {
        long cwnd(int pathId);

        long ssthresh(int pathId);
    }

    /** A snapshot of every path for SCTP_STATUS and SCTP_GET_PEER_ADDR_INFO (RFC 6458 sections 8.2.2 and 8.2.3). */
    List<PathStatistics> statistics(CongestionView cc) {
        List<PathStatistics> out = new ArrayList<>(paths.size());
        for (Path p : paths.all()) {
            if (paths.isRemoved(p)) {
                continue; // RFC 5061: no longer a destination of the association
            }
            out.add(new PathStatistics(p.id(), p.state(), p.rto().srttNanos(), p.rto().rtoNanos(),
                    cc.cwnd(p.id()), cc.ssthresh(p.id()), p.mtu(), pmtud(p).state(), addressOf(p),
                    p.dataPacketsSent()));
        }
        return out;
    }

    /**
     * RFC 7829 section 6, Primary Path Switchover: once the primary's error counter exceeds PSMR
     * while another path is active, that path becomes the primary for good.
     */
    private void switchPrimaryIfConfigured() {
        int psmr = tcb.config.primarySwitchoverMaxRetransmits();
        Path primary = paths.primary();
        if (psmr == AssociationConfig.PRIMARY_SWITCHOVER_OFF || primary.errorCount() <= psmr) {
            return;
        }
        Path next = paths.dataPath();
        if (next != primary && next.state() == PathState.ACTIVE) {
            paths.setPrimary(next);
            tcb.emit(new AssociationEvent.PeerAddressChange(addressOf(next), PeerAddressState.MADE_PRIMARY));
        }
    }

    /**
     * T1-init or T1-cookie expired: the INIT or COOKIE ECHO is retransmitted to the next confirmed
     * address of a multi-homed peer (RFC 9260 section 6.4: a chunk that timed out SHOULD go to a
     * different destination), so an unreachable primary does not keep the association from forming.
     */
    void onHandshakeRetransmission() {
        int n = paths.size();
        for (int i = 1; i < n; i++) {
            Path q = paths.get((handshakePath + i) % n);
            if (q.isConfirmed()) {
                handshakePath = q.id();
                break;
            }
        }
        refresh();
    }

    /** Control chunks go where data goes (RFC 9260 section 6.4); during the handshake, to its current address. */
    private void refresh() {
        switchPrimaryIfConfigured();
        if (tcb.isHandshaking() && handshakePath < paths.size()) {
            tcb.destination = addressOf(paths.get(handshakePath));
            return;
        }
        tcb.destination = addressOf(paths.dataPath());
        Path sackPath = paths.find(tcb.sackTo);
        if (sackPath != null && sackPath.state() != PathState.ACTIVE) {
            tcb.sackTo = null; // SACKs follow the data path again once that path fails
        }
    }

    private void notePathEvent(Path p, PathEvent e) {
        PeerAddressState s = switch (e) {
            case BECAME_INACTIVE -> PeerAddressState.UNREACHABLE;
            case BECAME_ACTIVE -> PeerAddressState.AVAILABLE;
            case BECAME_POTENTIALLY_FAILED -> PeerAddressState.POTENTIALLY_FAILED;
            case NONE -> null;
        };
        if (s != null) {
            tcb.emit(new AssociationEvent.PeerAddressChange(addressOf(p), s));
        }
    }

    /** The PLPMTUD state machine of a path, made when first needed (paths are added, never removed). */
    private PmtuDiscovery pmtud(Path p) {
        while (pmtuds.size() <= p.id()) {
            pmtuds.add(new PmtuDiscovery(paths.get(pmtuds.size()), tcb.config.plpmtud()));
        }
        return pmtuds.get(p.id());
    }

    /**
     * The peer added {@code address} by ASCONF (RFC 5061 section 5.2, Add IP Address): a new path,
     * unconfirmed, probed with a HEARTBEAT at once (RFC 5061 section 5.3 rule D1 seen from the
     * receiver, RFC 9260 section 5.4), and an {@link PeerAddressState#ADDED} event.
     *
     * @return the new path, or null when no path can be added (the set is full or anonymous)
     */
    Path addByAsconf(InetAddress address) {
        if (paths.isAnonymous() || paths.size() >= paths.maxPaths()) {
            return null;
        }
        Path p = learn(address);
        if (p == null) {
            return null;
        }
        tcb.emit(new AssociationEvent.PeerAddressChange(address, PeerAddressState.ADDED));
        if (p.isStarted() && !p.isConfirmed()) {
            p.requestHeartbeat(lastNowNanos); // RFC 9260 section 5.4: verify it before it carries DATA
        }
        return p;
    }

    /**
     * The peer deleted {@code address} by ASCONF (RFC 5061 section 5.2, Delete IP Address): its path
     * stops (no heartbeats, no data), the primary moves to another path when it was this one, and
     * a {@link PeerAddressState#REMOVED} event follows.
     *
     * @return the id of the removed path (data last sent on it is to be retransmitted elsewhere), or -1
     */
    int removeByAsconf(InetAddress address) {
        Path p = paths.find(address);
        if (p == null || paths.inUse() <= 1) {
            return -1;
        }
        Path primaryBefore = paths.primary();
        paths.remove(p);
        if (p.isStarted()) {
            p.stop();
        }
        pmtud(p).stop();
        tcb.emit(new AssociationEvent.PeerAddressChange(address, PeerAddressState.REMOVED));
        if (paths.primary() != primaryBefore) {
            tcb.emit(new AssociationEvent.PeerAddressChange(addressOf(paths.primary()), PeerAddressState.MADE_PRIMARY));
        }
        if (address.equals(tcb.sackTo)) {
            tcb.sackTo = null;
        }
        refresh();
        return p.id();
    }

    /** Checks the paths' consistency. */
    void checkInvariants() {
        for (PmtuDiscovery d : pmtuds) {
            d.checkInvariants();
        }
        for (Path p : paths.all()) {
            p.checkInvariants();
        }
        if (paths.primary().state() == PathState.UNCONFIRMED && paths.isAnonymous() && started) {
            throw new IllegalStateException("the anonymous path is unconfirmed after the handshake");
        }
    }
}
