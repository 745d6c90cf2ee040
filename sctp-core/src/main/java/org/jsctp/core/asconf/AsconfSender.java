package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.CorrelatedParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.timer.Timer;

/**
 * The ASCONF sender of RFC 5061 section 5.1: queues the user's requests, sends them bundled in
 * one ASCONF at a time (section 5.1.1 rule R1), retransmits it on the T-4 RTO timer (rules B1 to
 * B5) and applies the peer's answers (rules A5 to A8) to our {@link LocalAddressBook}.
 *
 * <p>Sans-IO: {@link #poll} hands out the ASCONF to send, {@link #onT4Expiry} the retransmission;
 * the caller sends them (with AUTH, RFC 5061 section 4.1.1) toward the peer.
 */
public final class AsconfSender {

    /** Whether {@link #request} took the request, or why not. */
    public enum RequestStatus {
        /** Queued; it goes in the next ASCONF. */
        QUEUED,
        /** Add of an address the peer knows or that is already being added; Delete of one already being deleted. */
        REFUSED_DUPLICATE,
        /** Delete or Set Primary of an address that is not (and is not becoming) part of the association. */
        REFUSED_UNKNOWN_ADDRESS,
        /** RFC 5061 section 5.3 rule D5: the delete would leave the association without an address of ours. */
        REFUSED_LAST_ADDRESS,
        /** The wildcard, a multicast or the broadcast address: not an address of ours to announce (section 4.2.1). */
        REFUSED_INVALID_ADDRESS,
        /** RFC 5061 section 5.1 rule A9 and section 5.3 rules D3a, D3b: the peer does not understand this request. */
        REFUSED_NOT_SUPPORTED_BY_PEER,
        /** The queue holds its limit of requests. */
        REFUSED_QUEUE_FULL,
        /** No address of ours is known to the peer, so no ASCONF can name one (section 4.1.1). */
        REFUSED_NO_ADDRESS_KNOWN_TO_PEER
    }

    /** What {@link #onAsconfAck} did with an ASCONF-ACK. */
    public enum AckKind {
        /** The answer to the outstanding ASCONF: its results are in {@link AckOutcome#results()}. */
        PROCESSED,
        /** An old or repeated answer: ignored. */
        DISCARDED,
        /**
         * Its serial number is ahead of every ASCONF sent: the caller aborts the association with
         * Association Aborted Due to Illegal ASCONF-ACK (RFC 5061 section 4.3.4).
         */
        ILLEGAL
    }

    /**
     * The outcome of an ASCONF-ACK.
     *
     * @param kind what was done with it
     * @param results each request's result, in request order; empty unless processed
     */
    public record AckOutcome(AckKind kind, List<AsconfResult> results) {
        /**
         * Copies what is mutable.
         *
         * @param kind what was done with it
         * @param results each request's result, in request order; empty unless processed
         */
        public AckOutcome {
            results = List.copyOf(results);
        }
    }

    /**
     * The outcome of a T-4 RTO expiry.
     *
     * @param retransmission the ASCONF to send again, or null when the association failed
     * @param abandoned the requests that will never be answered because the association failed
     *     (RFC 5061 section 5.1: the retransmissions count toward Association.Max.Retrans)
     */
    public record T4Outcome(AsconfChunk retransmission, List<AsconfResult> abandoned) {
        /**
         * Copies what is mutable.
         *
         * @param retransmission the ASCONF to send again, or null when the association failed
         * @param abandoned the requests that will never be answered because the association failed
         *     (RFC 5061 section 5.1: the retransmissions count toward Association.Max.Retrans)
         */
        public T4Outcome {
            abandoned = List.copyOf(abandoned);
        }

        /** {@return whether Association.Max.Retrans was exceeded: the association is to be closed} */
        public boolean associationFailed() {
            return retransmission == null;
        }
    }

    /** The ASCONF in flight and the requests it carries, by correlation ID. */
    private record Outstanding(AsconfChunk chunk, List<Sent> requests) {
    }

    /** One request as sent, with its correlation ID. */
    record Sent(int correlationId, AsconfRequest request) {
    }

    private final LocalAddressBook local;
    private final Timer t4;
    private final ErrorCounting errors;
    private final int maxChunkBytes;
    private final int maxQueued;
    private final Deque<AsconfRequest> queue = new ArrayDeque<>();
    private AsconfSerial nextSerial;
    private int nextCorrelationId = 1;
    private Outstanding outstanding;
    private boolean peerRefusesAddDelete;
    private boolean peerRefusesSetPrimary;
    private boolean peerRefusesAsconf;

    /**
     * A sender with nothing queued or outstanding.
     *
     * @param local our addresses
     * @param initialSerial the first serial number: our Initial TSN (RFC 5061 section 5.1 rule A2)
     * @param t4 the T-4 RTO timer, registered with the association's timers; exponential backoff,
     *     not restarting by itself (rule B3, B5)
     * @param errors the association's error counter (rules A5, B2)
     * @param maxChunkBytes the largest ASCONF chunk, header included: what fits in a packet to the
     *     peer beside the common header and AUTH (section 5.1.1)
     * @param maxQueued the most requests waiting to be sent
     */
    public AsconfSender(LocalAddressBook local, AsconfSerial initialSerial, Timer t4, ErrorCounting errors,
                        int maxChunkBytes, int maxQueued) {
        this.local = Objects.requireNonNull(local, "local");
        this.nextSerial = Objects.requireNonNull(initialSerial, "initialSerial");
        this.t4 = Objects.requireNonNull(t4, "t4");
        this.errors = Objects.requireNonNull(errors, "errors");
        // The largest single request (IPv6 Address Parameter, Add IP Address of an IPv6 address)
        // must fit: 4 + 4 + 20 + 28.
        if (maxChunkBytes < 56 || maxChunkBytes > 0xFFFF) {
            throw new IllegalArgumentException("maxChunkBytes must be in 56..65535: " + maxChunkBytes);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be at least 1: " + maxQueued);
        }
        this.maxChunkBytes = maxChunkBytes;
        this.maxQueued = maxQueued;
    }

    /**
     * Queues a request for the next ASCONF, after checking it against RFC 5061 section 5.3.
     *
     * @param request the change to ask for
     * @return {@link RequestStatus#QUEUED}, or why it was not taken
     */
    public RequestStatus request(AsconfRequest request) {
        InetAddress a = request.address();
        if (peerRefusesAsconf || (request instanceof AsconfRequest.SetPrimary ? peerRefusesSetPrimary
                : peerRefusesAddDelete)) {
            return RequestStatus.REFUSED_NOT_SUPPORTED_BY_PEER;
        }
        if (queue.size() >= maxQueued) {
            return RequestStatus.REFUSED_QUEUE_FULL;
        }
        if (local.knownToPeer().isEmpty()) {
            return RequestStatus.REFUSED_NO_ADDRESS_KNOWN_TO_PEER;
        }
        if (request instanceof AsconfRequest.RestoreNatState) {
            // draft-ietf-tsvwg-natsupp section 6.4: one restoring ASCONF at a time is enough.
            if (pending(AsconfRequest.RestoreNatState.class, a)) {
                return RequestStatus.REFUSED_DUPLICATE;
            }
            queue.add(request);
            return RequestStatus.QUEUED;
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isBroadcast(a)) {
            // RFC 5061 section 4.2.1: never a multicast or broadcast address. The wildcard has a
            // meaning for the receiver (the packet's source) that our caller cannot mean here.
            return RequestStatus.REFUSED_INVALID_ADDRESS;
        }
        boolean known = local.knownToPeer().contains(a) && !pending(AsconfRequest.DeleteAddress.class, a);
        boolean becoming = pending(AsconfRequest.AddAddress.class, a);
        if (request instanceof AsconfRequest.AddAddress) {
            if (known || becoming) {
                return RequestStatus.REFUSED_DUPLICATE;
            }
        } else if (request instanceof AsconfRequest.DeleteAddress) {
            if (pending(AsconfRequest.DeleteAddress.class, a)) {
                return RequestStatus.REFUSED_DUPLICATE;
            }
            if (!known && !becoming) {
                return RequestStatus.REFUSED_UNKNOWN_ADDRESS;
            }
            // RFC 5061 section 5.3 rule D5: never delete our last address; an Add queued before
            // the Delete counts (it precedes it in the ASCONF).
            if (addressesAfterPending() <= 1) {
                return RequestStatus.REFUSED_LAST_ADDRESS;
            }
            // RFC 5061 section 5.3 rule D4: not a source for new packets from now on.
            local.stopUsingAsSource(a);
        } else if (!known && !becoming) {
            // Set Primary, RFC 5061 section 4.2.4: of an address the peer knows, or that an Add
            // queued before it brings in.
            return RequestStatus.REFUSED_UNKNOWN_ADDRESS;
        }
        queue.add(request);
        return RequestStatus.QUEUED;
    }

    /**
     * {@return the next ASCONF to send, if requests are queued and none is outstanding (RFC 5061 section
     * 5.1.1 rule R1, section 5.1 rule A3); it starts the T-4 RTO timer from {@code rtoNanos}, the
     * RTO of the destination (rule A4)}
     *
     * @param nowNanos the current time
     * @param rtoNanos the RTO of the ASCONF's destination
     * @param rtoMaxNanos RTO.Max, the T-4 back-off cap
     */
    public Optional<AsconfChunk> poll(long nowNanos, long rtoNanos, long rtoMaxNanos) {
        if (outstanding != null || queue.isEmpty() || peerRefusesAsconf || local.knownToPeer().isEmpty()) {
            return Optional.empty(); // no address to name (section 4.1.1): the requests wait
        }
        InetAddress source = addressParameterSource();
        int length = 4 + 4 + AddressParameter.of(source).encodedLength();
        List<Parameter> parameters = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        // RFC 5061 section 5.1 rule A1 and section 5.1.1: as many requests as fit in one packet,
        // in the order the user made them.
        while (!queue.isEmpty()) {
            int id = nextCorrelationId;
            CorrelatedParameter p = queue.peekFirst().toParameter(id);
            if (length + p.encodedLength() > maxChunkBytes) {
                break;
            }
            length += p.encodedLength();
            parameters.add(p);
            sent.add(new Sent(id, queue.pollFirst()));
            nextCorrelationId++;
        }
        // RFC 5061 section 5.1 rule A2: one serial number per new ASCONF, incremented after use.
        AsconfChunk chunk = new AsconfChunk(nextSerial.value(), source, parameters);
        nextSerial = nextSerial.next();
        outstanding = new Outstanding(chunk, sent);
        t4.setDuration(rtoNanos, Math.max(rtoNanos, rtoMaxNanos));
        t4.start(nowNanos);
        return Optional.of(chunk);
    }

    /**
     * {@return whether {@code timer} is this sender's T-4 RTO timer}
     *
     * @param timer a timer that expired
     */
    public boolean owns(Timer timer) {
        return timer == t4;
    }

    /**
     * The T-4 RTO timer expired (RFC 5061 section 5.1 rules B1 to B5): the error is counted
     * toward Association.Max.Retrans; below it the same ASCONF, serial number and all, goes again
     * and the timer restarts with its backed-off duration; beyond it the association has failed.
     *
     * @param nowNanos the current time
     * @return the ASCONF to retransmit, or the requests abandoned when the association failed
     */
    public T4Outcome onT4Expiry(long nowNanos) {
        if (outstanding == null) {
            return new T4Outcome(null, List.of());
        }
        if (errors.countExceedsLimit()) {
            List<AsconfResult> abandoned = new ArrayList<>();
            for (Sent s : outstanding.requests()) {
                abandoned.add(AsconfResult.failed(s.request(), List.of()));
            }
            for (AsconfRequest r : queue) {
                abandoned.add(AsconfResult.failed(r, List.of()));
            }
            outstanding = null;
            queue.clear();
            t4.stop();
            return new T4Outcome(null, abandoned);
        }
        // Rule B4: the same chunk, nothing added. Rule B3: the duration has doubled on expiry.
        t4.restart(nowNanos);
        return new T4Outcome(outstanding.chunk(), List.of());
    }

    /**
     * Processes an ASCONF-ACK (RFC 5061 section 5.1 rules A5 to A8, section 4.3.4).
     *
     * @param ack the ASCONF-ACK received
     * @return what it answered, or why it was ignored or fatal
     */
    public AckOutcome onAsconfAck(AsconfAckChunk ack) {
        AsconfSerial serial = new AsconfSerial(ack.serialNumber());
        if (outstanding == null || serial.value() != outstanding.chunk().serialNumber()) {
            AsconfSerial lastSent = nextSerial.previous();
            // RFC 5061 section 4.3.4: an answer to an ASCONF never sent is illegal; an answer to
            // an older one (a duplicate) is ignored.
            return new AckOutcome(serial.isAfter(lastSent) ? AckKind.ILLEGAL : AckKind.DISCARDED, List.of());
        }
        // Rule A5: stop T-4 and clear the error counter.
        t4.stop();
        errors.clear();
        List<AsconfResult> results = AckCorrelation.results(outstanding.requests(), ack.parameters());
        outstanding = null;
        for (AsconfResult r : results) {
            apply(r);
        }
        return new AckOutcome(AckKind.PROCESSED, results);
    }

    /**
     * RFC 5061 section 5.1 rule A9: the peer answered an ASCONF with an ERROR reporting the chunk
     * type unrecognized. No further ASCONF is sent; what was outstanding and queued failed.
     *
     * @return the results of the failed requests
     */
    public List<AsconfResult> onAsconfNotSupported() {
        peerRefusesAsconf = true;
        t4.stop();
        List<AsconfResult> failed = new ArrayList<>();
        if (outstanding != null) {
            for (Sent s : outstanding.requests()) {
                failed.add(AsconfResult.failed(s.request(), List.of()));
            }
            outstanding = null;
        }
        for (AsconfRequest r : queue) {
            failed.add(AsconfResult.failed(r, List.of()));
        }
        queue.clear();
        for (AsconfResult r : failed) {
            apply(r);
        }
        return failed;
    }

    /** {@return whether an ASCONF awaits its ASCONF-ACK} */
    public boolean hasOutstanding() {
        return outstanding != null;
    }

    /**
     * Requests waiting for the next ASCONF.
     *
     * @return the number of requests waiting
     */
    public int queued() {
        return queue.size();
    }

    /** {@return the serial number the next new ASCONF will carry} */
    public AsconfSerial nextSerial() {
        return nextSerial;
    }

    /** RFC 5061 section 5.3: what an answered request changes about our addresses. */
    private void apply(AsconfResult r) {
        InetAddress a = r.request().address();
        if (r.request() instanceof AsconfRequest.AddAddress && r.success()) {
            local.added(a); // rule D2
        } else if (r.request() instanceof AsconfRequest.DeleteAddress) {
            if (r.success()) {
                local.deleted(a);
            } else {
                local.deletionRefused(a);
            }
        }
        // A Set Primary changes nothing of ours: the peer chooses its destination.
        if (!r.success() && reportsUnrecognized(r.causes())) {
            // RFC 5061 section 5.3 rules D3a and D3b: the peer does not understand this kind.
            if (r.request() instanceof AsconfRequest.SetPrimary) {
                peerRefusesSetPrimary = true;
            } else if (!(r.request() instanceof AsconfRequest.RestoreNatState)) {
                peerRefusesAddDelete = true;
            }
        }
    }

    private static boolean reportsUnrecognized(List<ErrorCause> causes) {
        return causes.stream().anyMatch(c -> c instanceof UnrecognizedParametersCause);
    }

    /**
     * RFC 5061 section 4.1.1: the ASCONF's Address Parameter is an address of ours the peer knows;
     * one still usable as a source is preferred over one being deleted.
     */
    private InetAddress addressParameterSource() {
        List<InetAddress> known = local.knownToPeer();
        for (InetAddress a : known) {
            if (!pending(AsconfRequest.DeleteAddress.class, a)) {
                return a;
            }
        }
        return known.get(0);
    }

    /** Whether a request of {@code kind} for {@code address} is queued or outstanding. */
    private boolean pending(Class<? extends AsconfRequest> kind, InetAddress address) {
        for (AsconfRequest r : queue) {
            if (kind.isInstance(r) && r.address().equals(address)) {
                return true;
            }
        }
        if (outstanding != null) {
            for (Sent s : outstanding.requests()) {
                if (kind.isInstance(s.request()) && s.request().address().equals(address)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Our addresses once every queued and outstanding Add and Delete is done. */
    private int addressesAfterPending() {
        int count = 0;
        for (InetAddress a : local.knownToPeer()) {
            if (!pending(AsconfRequest.DeleteAddress.class, a)) {
                count++;
            }
        }
        List<AsconfRequest> all = new ArrayList<>(queue);
        if (outstanding != null) {
            outstanding.requests().forEach(s -> all.add(s.request()));
        }
        for (AsconfRequest r : all) {
            if (r instanceof AsconfRequest.AddAddress) {
                count++;
            }
        }
        return count;
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xFF;
    }
}
