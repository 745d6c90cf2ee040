package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.auth.AuthNegotiation;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.InvalidMandatoryParameterCause;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.HostNameAddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The connecting side of the handshake (RFC 9260 section 5.1 steps A, C and E, and 5.2.6): INIT
 * and T1-init in COOKIE-WAIT, COOKIE ECHO and T1-cookie in COOKIE-ECHOED, and the restart after a
 * Stale Cookie error. It tells the association what happened; the association changes what lies
 * beyond the handshake.
 */
final class Handshake {

    /** What an input did to the handshake. */
    enum Step {
        /** Nothing changed, or only a retransmission went out. */
        NONE,
        /** The INIT ACK was accepted: the peer's side is known and the COOKIE ECHO is out. */
        COOKIE_ECHOED,
        /** The COOKIE ACK arrived: the association is up. */
        ESTABLISHED,
        /** The attempt failed; {@link #failure()} says why. */
        FAILED
    }

    private final Tcb tcb;
    private final Timer t1Init;
    private final Timer t1Cookie;
    private InitChunk sentInit;
    private CookieEchoChunk sentCookieEcho;
    private long cookieEchoSentAtNanos;
    private int staleCookieRetries;
    private String failure;

    Handshake(Tcb tcb) {
        this.tcb = tcb;
        AssociationConfig c = tcb.config;
        // RFC 9260 section 5.1 (A) and (C): T1 starts at RTO.Initial, backs off per section 6.3.3,
        // and gives up after Max.Init.Retransmits retransmissions.
        this.t1Init = tcb.timers.add(new Timer("T1-init", c.rtoInitialNanos(), c.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, c.maxInitRetransmits()));
        this.t1Cookie = tcb.timers.add(new Timer("T1-cookie", c.rtoInitialNanos(), c.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, c.maxInitRetransmits()));
    }

    /** Step A: send INIT and wait in COOKIE-WAIT. */
    void start(long nowNanos) {
        tcb.initiator = true;
        AssociationConfig c = tcb.config;
        List<Parameter> parameters = new ArrayList<>(c.capabilities().toParameters());
        parameters.addAll(tcb.auth.initParameters()); // RFC 4895 section 6.1: RANDOM, CHUNKS, HMAC-ALGO
        parameters.addAll(AdaptationLayer.parameters(c)); // RFC 5061 section 4.2.6
        sentInit = new InitChunk(tcb.localTag, c.receiveBufferBytes(), c.outboundStreams(), c.maxInboundStreams(),
                tcb.localInitialTsn, withAddresses(parameters, AddressParameters.forInit(c)));
        tcb.state = AssociationState.COOKIE_WAIT;
        tcb.send(0, sentInit); // RFC 9260 section 8.5.1 (A): an INIT carries verification tag 0
        t1Init.start(nowNanos);
    }

    /** The capability parameters followed by our address parameters (RFC 9260 section 5.1.2). */
    private static List<Parameter> withAddresses(List<Parameter> capabilities, List<Parameter> addresses) {
        List<Parameter> all = new ArrayList<>(capabilities.size() + addresses.size());
        all.addAll(capabilities);
        all.addAll(addresses);
        return all;
    }

    /**
     * Starts the handshake over from COOKIE-WAIT with a new verification tag and initial TSN: an
     * SCTP-aware NAT reported that our tag and ports collide with another association
     * (draft-ietf-tsvwg-natsupp section 6.2). T1-init starts afresh.
     */
    void restartWithNewTag(long nowNanos) {
        t1Init.stop();
        tcb.localTag = tcb.random.nextNonZeroInt();
        tcb.localInitialTsn = new Tsn(tcb.random.nextInt());
        start(nowNanos);
    }

    /** Why the attempt failed, after {@link Step#FAILED}. */
    String failure() {
        return failure;
    }

    /** Step C: the INIT ACK in COOKIE-WAIT. */
    Step onInitAck(InitAckChunk initAck, long nowNanos) {
        if (tcb.state != AssociationState.COOKIE_WAIT) {
            return Step.NONE; // RFC 9260 section 5.2.3: an unexpected INIT ACK is discarded
        }
        // RFC 9260 section 3.3.3: a zero tag or stream count ends the attempt. The ABORT for a zero
        // tag can only reflect our own tag, with the T bit; the cause is Invalid Mandatory Parameter
        // (section 3.3.10.7).
        if (initAck.initiateTag() == 0) {
            tcb.send(tcb.localTag, new AbortChunk(true, false, List.of(InvalidMandatoryParameterCause.INSTANCE)));
            return fail("peer's INIT ACK has Initiate Tag 0");
        }
        if (initAck.outboundStreams() == 0 || initAck.inboundStreams() == 0) {
            tcb.send(initAck.initiateTag(), AbortChunk.of(InvalidMandatoryParameterCause.INSTANCE));
            return fail("peer's INIT ACK announces zero streams");
        }
        Bytes cookie = null;
        List<UnknownParameter> toReport = new ArrayList<>(0);
        for (Parameter p : initAck.parameters()) {
            if (p instanceof StateCookieParameter c) {
                cookie = c.cookie();
            } else if (p instanceof HostNameAddressParameter hostName) {
                // RFC 9260 section 3.3.2.1: the Host Name Address is deprecated; an INIT ACK carrying
                // one is answered with ABORT, here with the Unresolvable Address cause quoting it.
                tcb.send(initAck.initiateTag(), AbortChunk.of(UnresolvableAddressCause.of(hostName)));
                return fail("peer's INIT ACK has a Host Name Address");
            } else if (p instanceof UnknownParameter u) {
                if (u.action().reports()) {
                    toReport.add(u); // RFC 9260 section 3.2.2: reported in an ERROR with the COOKIE ECHO
                }
                if (!u.action().continues()) {
                    break; // RFC 9260 section 3.2.1: 00 and 01 stop the processing of further parameters
                }
            }
        }
        tcb.peerAdaptationIndication = AdaptationLayer.in(initAck.parameters()); // RFC 5061 section 4.2.6
        if (cookie == null) {
            // RFC 9260 section 5.1 (C) and 3.3.10.2: the State Cookie is mandatory.
            tcb.send(initAck.initiateTag(),
                    AbortChunk.of(new MissingMandatoryParameterCause(List.of(ParameterType.STATE_COOKIE))));
            return fail("peer's INIT ACK has no State Cookie");
        }
        if (tcb.auth.negotiate(initAck.parameters()) instanceof AuthNegotiation.Refuse refusal) {
            // RFC 4895 section 6.1 (and a required AUTH the peer lacks): the association is aborted.
            tcb.send(initAck.initiateTag(), AbortChunk.of(refusal.cause()));
            return fail("peer's INIT ACK: " + refusal.reason());
        }
        t1Init.stop();
        AssociationConfig c = tcb.config;
        tcb.peerTag = initAck.initiateTag();
        tcb.peerInitialTsn = initAck.initialTsn();
        tcb.peerReceiverWindow = initAck.advertisedReceiverWindowCredit();
        // RFC 9260 section 5.1.1: send on no more streams than the peer accepts, and so on.
        tcb.outboundStreams = Math.min(c.outboundStreams(), initAck.inboundStreams());
        tcb.inboundStreams = Math.min(c.maxInboundStreams(), initAck.outboundStreams());
        tcb.capabilities = c.capabilities().commonWith(Capabilities.offeredIn(initAck.parameters()))
                .withAuth(tcb.auth.inUse());
        sentCookieEcho = new CookieEchoChunk(cookie);
        tcb.state = AssociationState.COOKIE_ECHOED;
        if (toReport.isEmpty()) {
            tcb.sendToPeer(sentCookieEcho);
        } else {
            // RFC 9260 section 3.2.2 and 6.10: COOKIE ECHO first, the ERROR bundled after it.
            tcb.sendToPeer(List.<Chunk>of(sentCookieEcho, ErrorChunk.of(UnrecognizedParametersCause.of(toReport))));
        }
        t1Cookie.start(nowNanos);
        cookieEchoSentAtNanos = nowNanos;
        return Step.COOKIE_ECHOED;
    }

    /** Step E: the COOKIE ACK in COOKIE-ECHOED. */
    Step onCookieAck() {
        if (tcb.state != AssociationState.COOKIE_ECHOED) {
            return Step.NONE; // RFC 9260 section 5.2.5: discarded in any other state
        }
        stop();
        tcb.state = AssociationState.ESTABLISHED;
        return Step.ESTABLISHED;
    }

    /**
     * RFC 9260 section 5.2.6: our cookie reached the peer too late. Start over with a new INIT
     * asking for a longer cookie life: the round trip just measured plus one second, no more.
     */
    Step onStaleCookie(long nowNanos) {
        if (tcb.state != AssociationState.COOKIE_ECHOED) {
            return Step.NONE;
        }
        t1Cookie.stop();
        if (++staleCookieRetries > tcb.config.maxInitRetransmits()) {
            return fail("the peer found our State Cookie stale " + staleCookieRetries + " times");
        }
        long rttMillis = Math.max(0, (nowNanos - cookieEchoSentAtNanos) / 1_000_000L);
        List<Parameter> parameters = new ArrayList<>(sentInit.parameters().size() + 1);
        for (Parameter p : sentInit.parameters()) {
            if (!(p instanceof CookiePreservativeParameter)) {
                parameters.add(p);
            }
        }
        parameters.add(new CookiePreservativeParameter(rttMillis + 1000));
        sentInit = new InitChunk(sentInit.initiateTag(), sentInit.advertisedReceiverWindowCredit(),
                sentInit.outboundStreams(), sentInit.inboundStreams(), sentInit.initialTsn(), parameters);
        tcb.state = AssociationState.COOKIE_WAIT;
        tcb.send(0, sentInit);
        t1Init.start(nowNanos);
        return Step.NONE;
    }

    /** Handles an expiry of {@code timer} if it is one of T1-init and T1-cookie; returns false otherwise. */
    boolean owns(Timer timer) {
        return timer == t1Init || timer == t1Cookie;
    }

    /** RFC 9260 section 5.1 and 6.3.3: retransmit and back off, or give up after Max.Init.Retransmits. */
    Step onT1Expiry(Timer timer, Timer.Expiry expiry) {
        boolean init = timer == t1Init;
        if (expiry == Timer.Expiry.RESTARTED) {
            tcb.send(init ? 0 : tcb.peerTag, init ? sentInit : sentCookieEcho);
        } else if (expiry == Timer.Expiry.LIMIT_REACHED) {
            return fail((init ? "INIT" : "COOKIE ECHO") + " was retransmitted " + tcb.config.maxInitRetransmits()
                    + " times without answer");
        }
        return Step.NONE;
    }

    /**
     * The handshake ended (our COOKIE ECHO acknowledged, an accepted cookie, an abort): its timers
     * stop, and the INIT and COOKIE ECHO kept for their retransmission (RFC 9260 section 5.1) are
     * dropped. The COOKIE ECHO's cookie views the datagram of the peer's INIT ACK, so keeping it
     * kept that whole array for the association's life (issue 6: about 1 KiB per idle association).
     */
    void stop() {
        t1Init.stop();
        t1Cookie.stop();
        sentInit = null;
        sentCookieEcho = null;
    }

    void checkInvariants() {
        if (t1Init.isRunning() && tcb.state != AssociationState.COOKIE_WAIT) {
            throw new IllegalStateException("T1-init runs in " + tcb.state);
        }
        if (t1Cookie.isRunning() && tcb.state != AssociationState.COOKIE_ECHOED) {
            throw new IllegalStateException("T1-cookie runs in " + tcb.state);
        }
    }

    private Step fail(String why) {
        stop();
        failure = why;
        return Step.FAILED;
    }
}
