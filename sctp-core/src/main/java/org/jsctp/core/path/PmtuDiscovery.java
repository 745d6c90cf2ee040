package org.jsctp.core.path;

import java.util.List;
import java.util.Optional;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.timer.Timer;

/**
 * Datagram Packetization Layer Path MTU Discovery (RFC 8899) for one {@link Path}, without
 * ICMP: over UDP in Java no Packet Too Big message reaches us, so the PLPMTU is learned only from
 * acknowledged probes (RFC 8899 section 4.4, "black hole" operation). Sans-IO: the caller passes
 * the time, the random source, and sends the probe packets it is handed.
 *
 * <h2>States (RFC 8899 section 5.2)</h2>
 * <ul>
 *   <li>{@link PmtuState#DISABLED}: configured off; the path keeps its configured MTU.</li>
 *   <li>{@link PmtuState#BASE}: the path MTU is BASE_PLPMTU while a probe of that size is sent;
 *       its acknowledgement moves to SEARCHING, MAX_PROBES failures to ERROR.</li>
 *   <li>{@link PmtuState#SEARCHING}: {@link PmtuSearch} picks sizes; each acknowledged probe
 *       raises the path MTU to its size at once; MAX_PROBES unanswered probes of a size make it
 *       the upper bound. When the search has nothing left: SEARCH_COMPLETE.</li>
 *   <li>{@link PmtuState#SEARCH_COMPLETE}: after PMTU_RAISE_TIMER the smallest size that failed
 *       is probed again, and only if it now gets through does a new search start from it
 *       (section 5.1.1); every CONFIRMATION_TIMER, if data was acknowledged since, a probe of
 *       the current PLPMTU confirms it still gets through.</li>
 *   <li>{@link PmtuState#ERROR}: not even BASE_PLPMTU got through: MIN_PLPMTU is used and
 *       BASE_PLPMTU is probed again every PROBE_TIMER.</li>
 * </ul>
 *
 * <h2>Black holes (RFC 8899 sections 4.3 and 5.2)</h2>
 * A path that stops carrying packets of the current PLPMTU while smaller ones still pass is
 * detected two ways, both falling back to BASE (PLPMTU = BASE_PLPMTU) and searching again:
 * MAX_PROBES unanswered confirmation probes of the current PLPMTU, or
 * {@link #BLACK_HOLE_T3_EXPIRIES} consecutive T3-rtx expiries while the PLPMTU is above
 * BASE_PLPMTU with no new data acknowledged in between (full-size packets keep getting lost). A
 * false alarm (plain congestion loss) costs only a new search.
 *
 * <h2>Probes (RFC 8899 sections 4.1 and 6.2.1.1)</h2>
 * One probe is outstanding at a time, so probing adds at most one packet per PROBE_TIMER or per
 * round trip; probes are not congestion controlled, carry no DATA, and neither their loss nor
 * their acknowledgement touches the path's error counter or RTO (loss of a probe is not a path
 * failure). Their acknowledgements are told apart by {@link PmtuProbeInfo}.
 *
 * <p>Not thread-safe; time is the caller's clock in nanoseconds, which must not go backwards.
 */
public final class PmtuDiscovery {

    /** Consecutive T3-rtx expiries above BASE_PLPMTU taken as a black hole (RFC 8899 section 4.3). */
    public static final int BLACK_HOLE_T3_EXPIRIES = 2;

    private final Path path;
    private final PmtuConfig config;
    private final int max;

    private PmtuState state;
    private PmtuSearch search;
    private boolean started;
    /** The size to probe next, or 0 when none is planned. */
    private int candidate;
    /** When the next probe may go, or {@link Timer#NEVER}. */
    private long nextProbeAtNanos = Timer.NEVER;
    /** PROBE_COUNT of RFC 8899 section 5.1.3: consecutive unanswered probes of {@link #candidate}. */
    private int probeCount;
    /** The probe awaiting its acknowledgement, or null. */
    private PmtuProbeInfo outstanding;
    private long probeExpiresAtNanos = Timer.NEVER;
    private long raiseAtNanos = Timer.NEVER;
    private long confirmAtNanos = Timer.NEVER;
    /** Whether new data was acknowledged since the PLPMTU was last confirmed: data flows. */
    private boolean dataAckedSinceConfirmation;
    private int t3Expiries;
    /** The smallest size the last search found unsupported, or 0. */
    private int lastFailedSize;
    /** Whether the probe planned re-checks {@link #lastFailedSize} after PMTU_RAISE_TIMER. */
    private boolean raiseCheck;
    /** The latest time the caller gave, for events that come without one. */
    private long lastNowNanos = Long.MIN_VALUE;

    private long probesSent;
    private long probesAcked;
    private long blackHoles;

    /**
     * PLPMTUD (RFC 8899) for one path, not started yet.
     *
     * @param path the path whose MTU this sets ({@link Path#setMtu}); its current MTU is the
     *     configured path MTU, the MAX_PLPMTU unless {@link PmtuConfig#maxPlpmtu()} says otherwise
     * @param config the RFC 8899 constants; disabled leaves the path's MTU alone for good
     */
    public PmtuDiscovery(Path path, PmtuConfig config) {
        if (path == null || config == null) {
            throw new IllegalArgumentException("path and config must not be null");
        }
        this.path = path;
        this.config = config;
        this.max = Math.min(config.effectiveMax(path.mtu()), PathConfig.MAX_MTU & ~3);
        this.state = config.enabled() ? PmtuState.BASE : PmtuState.DISABLED;
        if (config.enabled()) {
            path.setMtu(config.basePlpmtu()); // RFC 8899 section 5.2: start at BASE_PLPMTU
        }
    }

    /** {@return the state of RFC 8899 section 5.2.} */
    public PmtuState state() {
        return state;
    }

    /** {@return the PLPMTU: the largest SCTP packet to send on the path (the path's MTU)} */
    public int plpmtu() {
        return path.mtu();
    }

    /** {@return MAX_PLPMTU} */
    public int maxPlpmtu() {
        return max;
    }

    /** {@return PROBED_SIZE of the probe outstanding, or 0} */
    public int probedSize() {
        return outstanding == null ? 0 : outstanding.probedSize();
    }

    /**
     * {@return how many probes were sent so far}
     */
    public long probesSent() {
        return probesSent;
    }

    /**
     * {@return how many probes were acknowledged so far}
     */
    public long probesAcked() {
        return probesAcked;
    }

    /** {@return how often a black hole made the PLPMTU fall back to BASE_PLPMTU} */
    public long blackHoles() {
        return blackHoles;
    }

    /**
     * Starts probing: the path's association is established. Idempotent.
     *
     * @param nowNanos the current time
     */
    public void start(long nowNanos) {
        if (state == PmtuState.DISABLED || started) {
            return;
        }
        started = true;
        lastNowNanos = Math.max(lastNowNanos, nowNanos);
        if (state == PmtuState.BASE) {
            planProbe(config.basePlpmtu(), nowNanos);
        }
    }

    /** Stops probing (the association shuts down); acknowledgements are ignored from now on. */
    public void stop() {
        started = false;
        outstanding = null;
        probeExpiresAtNanos = Timer.NEVER;
        nextProbeAtNanos = Timer.NEVER;
    }

    /**
     * Runs the timers and returns the probe packet to send now, if one is due: the chunks of a
     * packet to send on its own to the path's address. Call on every wake-up.
     *
     * @param nowNanos the current time
     * @param random for the probe's nonce
     * @return the probe packet's chunks, or empty
     */
    public Optional<List<Chunk>> poll(long nowNanos, RandomSource random) {
        return poll(nowNanos, random, 0);
    }

    /**
     * As {@link #poll(long, RandomSource)} for a sender that adds {@code addedBytes} to the probe
     * packet (see {@link PmtuProbe#chunks(PmtuProbeInfo, int)}), so it still has the probed size.
     *
     * @param nowNanos the current time
     * @param random for the probe's nonce
     * @param addedBytes what the sender adds, e.g. an AUTH chunk's size
     * @return the probe packet's chunks, or empty
     */
    public Optional<List<Chunk>> poll(long nowNanos, RandomSource random, int addedBytes) {
        if (!started) {
            return Optional.empty();
        }
        lastNowNanos = Math.max(lastNowNanos, nowNanos);
        if (outstanding != null && nowNanos >= probeExpiresAtNanos) {
            onProbeTimeout(nowNanos);
        }
        if (state == PmtuState.SEARCH_COMPLETE && outstanding == null && candidate == 0) {
            if (nowNanos >= raiseAtNanos && plpmtu() < max) {
                // RFC 8899 section 5.2: PMTU_RAISE_TIMER expired, search for a larger PLPMTU. Ours
                // first re-probes the smallest size that failed: only if the path now carries it
                // does a whole new search follow, so a stable path costs MAX_PROBES probes per period.
                state = PmtuState.SEARCHING;
                if (lastFailedSize > plpmtu()) {
                    search = null;
                    raiseCheck = true;
                    planProbe(lastFailedSize, nowNanos);
                } else {
                    search = new PmtuSearch(plpmtu(), max);
                    planNextSearchProbe(nowNanos);
                }
            } else if (nowNanos >= confirmAtNanos) {
                confirmAtNanos = nowNanos + config.confirmationTimerNanos();
                if (dataAckedSinceConfirmation) {
                    planProbe(plpmtu(), nowNanos); // confirm the PLPMTU while data flows (section 5.1.1)
                }
            }
        }
        if (outstanding != null || candidate == 0 || nowNanos < nextProbeAtNanos) {
            return Optional.empty();
        }
        long nonce = (long) random.nextInt() << 32 | (random.nextInt() & 0xFFFF_FFFFL);
        outstanding = new PmtuProbeInfo(path.id(), candidate, nonce, nowNanos);
        probeExpiresAtNanos = nowNanos + config.probeTimerNanos();
        nextProbeAtNanos = Timer.NEVER;
        probesSent++;
        return Optional.of(PmtuProbe.chunks(outstanding, addedBytes));
    }

    /**
     * Takes a HEARTBEAT ACK if it answers a probe: returns true for any acknowledgement in the
     * probe layout (acted on only if it matches the probe outstanding), false for anything else,
     * which is then the path's ({@link Path#onHeartbeatAck}).
     *
     * @param ack the HEARTBEAT ACK received
     * @param nowNanos the current time
     * @return whether the acknowledgement was a probe's
     */
    public boolean onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        Optional<PmtuProbeInfo> info = PmtuProbeInfo.read(ack);
        if (info.isEmpty()) {
            return false;
        }
        if (!started || !info.get().equals(outstanding)) {
            return true; // a late, replayed or forged probe acknowledgement: ignored
        }
        int size = outstanding.probedSize();
        outstanding = null;
        probeExpiresAtNanos = Timer.NEVER;
        probeCount = 0;
        candidate = 0;
        probesAcked++;
        dataAckedSinceConfirmation = false;
        switch (state) {
            case BASE, ERROR -> {
                // RFC 8899 section 5.2: BASE_PLPMTU confirmed, search for a larger size
                path.setMtu(size);
                state = PmtuState.SEARCHING;
                search = new PmtuSearch(size, Math.max(size, max));
                planNextSearchProbe(nowNanos);
            }
            case SEARCHING -> {
                path.setMtu(Math.max(size, plpmtu())); // RFC 8899 section 5.3.1: PROBED_SIZE becomes the PLPMTU
                if (raiseCheck) {
                    raiseCheck = false; // the path grew: search on from here
                    search = new PmtuSearch(plpmtu(), max);
                }
                search.succeeded(size);
                planNextSearchProbe(nowNanos);
            }
            case SEARCH_COMPLETE -> confirmAtNanos = nowNanos + config.confirmationTimerNanos();
            case DISABLED -> throw new IllegalStateException("no probes when disabled");
        }
        return true;
    }

    /**
     * T3-rtx expired on the path: counts toward black-hole detection (RFC 8899 section 4.3). A
     * fall back to BASE plans its probe for the next {@link #poll}.
     */
    public void onRetransmissionTimeout() {
        if (!started || plpmtu() <= config.basePlpmtu()
                || (state != PmtuState.SEARCHING && state != PmtuState.SEARCH_COMPLETE)) {
            return;
        }
        if (++t3Expiries >= BLACK_HOLE_T3_EXPIRIES) {
            enterBase(lastNowNanos);
        }
    }

    /** New data was acknowledged on the path: packets of the PLPMTU get through. */
    public void onNewDataAcked() {
        t3Expiries = 0;
        dataAckedSinceConfirmation = true;
    }

    /** {@return when {@link #poll} next has work, or {@link Timer#NEVER}} */
    public long nextDeadline() {
        if (!started) {
            return Timer.NEVER;
        }
        long next = outstanding != null ? probeExpiresAtNanos : candidate != 0 ? nextProbeAtNanos : Timer.NEVER;
        if (state == PmtuState.SEARCH_COMPLETE && outstanding == null && candidate == 0) {
            next = Math.min(next, plpmtu() < max ? Math.min(raiseAtNanos, confirmAtNanos) : confirmAtNanos);
        }
        return next;
    }

    private void onProbeTimeout(long nowNanos) {
        int size = outstanding.probedSize();
        outstanding = null;
        probeExpiresAtNanos = Timer.NEVER;
        if (++probeCount < config.maxProbes()) {
            planProbe(size, nowNanos); // RFC 8899 section 5.3.1: probe the same size again
            return;
        }
        probeCount = 0;
        candidate = 0;
        switch (state) {
            case BASE, ERROR -> {
                // RFC 8899 section 5.2: BASE_PLPMTU not confirmed: ERROR, use MIN_PLPMTU, keep trying
                state = PmtuState.ERROR;
                path.setMtu(config.minPlpmtu());
                planProbe(config.basePlpmtu(), nowNanos + config.probeTimerNanos());
            }
            case SEARCHING -> {
                if (raiseCheck) {
                    raiseCheck = false; // still unsupported: nothing larger to look for
                    completeSearch(nowNanos);
                    return;
                }
                search.failed(size);
                planNextSearchProbe(nowNanos);
            }
            case SEARCH_COMPLETE -> enterBase(nowNanos); // the PLPMTU is no longer confirmed: black hole
            case DISABLED -> throw new IllegalStateException("no probes when disabled");
        }
    }

    private void planNextSearchProbe(long nowNanos) {
        int next = search.next();
        if (next != 0) {
            planProbe(next, nowNanos);
            return;
        }
        lastFailedSize = search.failed();
        completeSearch(nowNanos);
    }

    private void completeSearch(long nowNanos) {
        state = PmtuState.SEARCH_COMPLETE; // RFC 8899 section 5.2
        candidate = 0;
        raiseAtNanos = nowNanos + config.pmtuRaiseTimerNanos();
        confirmAtNanos = nowNanos + config.confirmationTimerNanos();
    }

    private void planProbe(int size, long atNanos) {
        candidate = size;
        nextProbeAtNanos = atNanos;
    }

    /** RFC 8899 sections 4.3 and 5.2: a black hole; fall back to BASE_PLPMTU and search again. */
    private void enterBase(long nowNanos) {
        blackHoles++;
        state = PmtuState.BASE;
        path.setMtu(config.basePlpmtu());
        outstanding = null;
        probeExpiresAtNanos = Timer.NEVER;
        probeCount = 0;
        t3Expiries = 0;
        search = null;
        raiseCheck = false;
        lastFailedSize = 0;
        planProbe(config.basePlpmtu(), nowNanos);
    }

    /** Checks internal consistency, for tests and the association's invariant checks. */
    public void checkInvariants() {
        if (state == PmtuState.DISABLED && (started || outstanding != null)) {
            throw new IllegalStateException("disabled PLPMTUD is probing");
        }
        if (state != PmtuState.DISABLED && state != PmtuState.ERROR && plpmtu() < config.basePlpmtu()) {
            throw new IllegalStateException("PLPMTU " + plpmtu() + " below BASE_PLPMTU in " + state);
        }
        if (state != PmtuState.DISABLED && plpmtu() > Math.max(max, config.basePlpmtu())) {
            throw new IllegalStateException("PLPMTU " + plpmtu() + " above MAX_PLPMTU " + max);
        }
        if (outstanding != null && probeExpiresAtNanos == Timer.NEVER) {
            throw new IllegalStateException("a probe outstanding without its PROBE_TIMER");
        }
        if (probeCount < 0 || probeCount >= config.maxProbes()) {
            throw new IllegalStateException("PROBE_COUNT " + probeCount + " outside 0.." + (config.maxProbes() - 1));
        }
    }

    @Override
    public String toString() {
        return "PLPMTUD[path " + path.id() + " " + state + " plpmtu=" + plpmtu() + " max=" + max
                + (outstanding == null ? "" : " probing " + outstanding.probedSize()) + "]";
    }
}
