package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.jsctp.core.auth.AuthNegotiation;
import org.jsctp.core.auth.AuthParameters;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.handshake.StateCookieSealer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.cause.InvalidMandatoryParameterCause;
import org.jsctp.core.packet.cause.RestartWithNewAddressesCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.HostNameAddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.RandomParameter;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.packet.param.UnrecognizedParameter;
import org.jsctp.core.seq.Tsn;

/**
 * Answers an INIT without keeping any state (RFC 9260 section 5.1 step B): checks it, chooses our
 * verification tag and initial TSN, negotiates stream counts and extensions, and seals all of it
 * into the State Cookie of the INIT ACK.
 */
public final class InitResponder {

    private final AssociationConfig config;
    private final StateCookieSealer sealer;
    private final RandomSource random;
    private final long maxCookieLifeNanos;

    /**
     * A responder to the INITs of an endpoint's peers (RFC 9260 section 5.1 step B).
     *
     * @param maxCookieLifeNanos the longest cookie life a peer's Cookie Preservative may obtain
     *     (at least the configured Valid.Cookie.Life)
     * @param config the settings the INIT ACK announces
     * @param sealer seals the State Cookie
     * @param random for our tag and initial TSN
     */
    public InitResponder(AssociationConfig config, StateCookieSealer sealer, RandomSource random,
                         long maxCookieLifeNanos) {
        this.config = config;
        this.sealer = sealer;
        this.random = random;
        this.maxCookieLifeNanos = Math.max(maxCookieLifeNanos, config.validCookieLifeNanos());
    }

    /**
     * Answers an INIT for which no association exists (RFC 9260 section 5.1 step B).
     *
     * @param init the INIT received
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @return the INIT ACK to send, or the ABORT or error that refuses the INIT
     */
    public InitResponse respond(InitChunk init, int localPort, int peerPort, long nowNanos) {
        return respond(init, localPort, peerPort, nowNanos, null);
    }

    /**
     * Answers {@code init}, received from {@code peerPort} for our {@code localPort}, while
     * {@code existing} (possibly null) is an association with the same peer. In COOKIE-WAIT and
     * COOKIE-ECHOED the INIT ACK repeats our own INIT's tag and initial TSN (RFC 9260 section
     * 5.2.1); in the other states it has fresh ones and the cookie carries the existing tags as
     * tie-tags (section 5.2.2), so that a restart can be told from a stale cookie.
     *
     * @param init the INIT received
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @param existing the association with the same peer, or null
     * @return the INIT ACK to send, or the ABORT or error that refuses the INIT
     */
    public InitResponse respond(InitChunk init, int localPort, int peerPort, long nowNanos, Association existing) {
        return respond(init, localPort, peerPort, nowNanos, existing, tag -> false);
    }

    /**
     * As {@link #respond(InitChunk, int, int, long, Association)}, choosing a fresh verification
     * tag that {@code tagInUse} does not report as taken by another association of the endpoint
     * (the cookie is stateless, so a clash found only at COOKIE ECHO could not be undone).
     *
     * @param init the INIT
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @param existing an association with the same peer, or null
     * @param tagInUse whether a verification tag is taken
     * @return the INIT ACK, or why none is sent
     */
    public InitResponse respond(InitChunk init, int localPort, int peerPort, long nowNanos, Association existing,
                                IntPredicate tagInUse) {
        return respond(init, localPort, peerPort, nowNanos, existing, tagInUse, null);
    }

    /**
     * As {@link #respond(InitChunk, int, int, long, Association, IntPredicate)}, for an INIT from
     * {@code source}: the cookie carries the peer's addresses (RFC 9260 section 5.1.2, the source
     * and the INIT's address parameters), and the INIT ACK lists our configured addresses.
     *
     * @param init the INIT received
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @param existing an association with the same peer, or null
     * @param tagInUse whether a verification tag is taken
     * @param source the INIT's source address, or null if unknown (no addresses are kept)
     * @return the INIT ACK, or why none is sent
     */
    public InitResponse respond(InitChunk init, int localPort, int peerPort, long nowNanos, Association existing,
                                IntPredicate tagInUse, InetAddress source) {
        boolean collision = existing != null && (existing.state() == AssociationState.COOKIE_WAIT
                || existing.state() == AssociationState.COOKIE_ECHOED);
        int localTieTag = existing == null ? 0 : existing.localTag();
        int peerTieTag = existing == null ? 0 : existing.peerTag();
        int peerTag = init.initiateTag();
        // RFC 9260 section 3.3.2: zero streams in either direction is an error answered with ABORT.
        if (init.outboundStreams() == 0 || init.inboundStreams() == 0) {
            return InitResponse.refuse(new AbortChunk(false, false, List.of(InvalidMandatoryParameterCause.INSTANCE)),
                    peerTag, "INIT announces zero streams");
        }
        List<Parameter> unrecognized = new ArrayList<>(0);
        List<Parameter> processed = new ArrayList<>(init.parameters().size());
        long cookieLife = config.validCookieLifeNanos();
        for (Parameter p : init.parameters()) {
            processed.add(p);
            if (p instanceof HostNameAddressParameter hostName) {
                // RFC 9260 section 3.3.2.1: the Host Name Address is deprecated; the receiver of an INIT
                // carrying one answers with ABORT, here with the Unresolvable Address cause quoting it.
                return InitResponse.refuse(AbortChunk.of(UnresolvableAddressCause.of(hostName)), peerTag,
                        "INIT has a Host Name Address");
            }
            if (p instanceof UnknownParameter u) {
                // RFC 9260 section 3.2.1: the two high bits of the type say what to do. 00 and 01 stop
                // the processing of further parameters, not of the INIT: it is still answered, and what
                // is to be reported goes into the INIT ACK (section 3.2.2).
                if (u.action().reports()) {
                    unrecognized.add(UnrecognizedParameter.of(u));
                }
                if (!u.action().continues()) {
                    break;
                }
            } else if (p instanceof CookiePreservativeParameter c) {
                // RFC 9260 section 5.1.3: we may honour a request for a longer cookie life.
                long extended = cookieLife + c.lifeSpanIncrementMillis() * 1_000_000L;
                cookieLife = Math.min(extended, maxCookieLifeNanos);
            }
        }
        List<InetAddress> peerAddresses = AddressParameters.peerAddresses(source, init.parameters(),
                CookieContents.MAX_ADDRESSES);
        if (existing != null && !collision) {
            // RFC 9260 section 5.2.2: an INIT for an association past the handshake (a restart)
            // that adds addresses is refused with an ABORT, the INIT's Initiate Tag as its tag,
            // listing the addresses added; the association is left as it is.
            List<Parameter> added = AddressParameters.addedTo(existing.peerAddresses(), peerAddresses);
            if (!added.isEmpty()) {
                return InitResponse.refuse(AbortChunk.of(RestartWithNewAddressesCause.of(added)), peerTag,
                        "INIT of a restart adds addresses to the association");
            }
        }
        Capabilities common = config.capabilities().commonWith(Capabilities.offeredIn(processed));
        // RFC 4895 section 6.1: our AUTH parameters (in a collision, those of our own INIT, as its tag)
        // and the peer's, both sealed into the cookie (section 6.3); or a refusal.
        AuthParameters localAuth = null;
        AuthParameters peerAuth = null;
        if (config.capabilities().auth()) {
            AuthNegotiation n = AuthNegotiation.of(config.auth(), processed);
            if (n instanceof AuthNegotiation.Refuse refusal) {
                return InitResponse.refuse(AbortChunk.of(refusal.cause()), peerTag, "INIT: " + refusal.reason());
            }
            localAuth = collision ? existing.localAuthParameters() : null;
            if (localAuth == null) {
                byte[] randomBytes = new byte[RandomParameter.RECOMMENDED_LENGTH];
                random.nextBytes(randomBytes);
                localAuth = AuthParameters.local(config.auth(), randomBytes);
            }
            peerAuth = n instanceof AuthNegotiation.Use use ? use.peer() : null;
        }
        common = common.withAuth(peerAuth != null);
        int localTag = collision ? existing.localTag() : freshTag(tagInUse);
        Tsn localInitialTsn = collision ? existing.localInitialTsn() : new Tsn(random.nextInt());
        // RFC 9260 section 5.1.1: each side sends on at most as many streams as the other accepts.
        int outbound = Math.min(config.outboundStreams(), init.inboundStreams());
        int inbound = Math.min(config.maxInboundStreams(), init.outboundStreams());
        CookieContents contents = new CookieContents(localTag, peerTag, localInitialTsn, init.initialTsn(),
                init.advertisedReceiverWindowCredit(), outbound, inbound, localPort, peerPort, localTieTag, peerTieTag,
                common, peerAddresses,
                localAuth, peerAuth, AdaptationLayer.in(init.parameters()));
        Bytes cookie = sealer.seal(contents.encode(), nowNanos, cookieLife);

        List<Parameter> parameters = new ArrayList<>(4 + unrecognized.size());
        parameters.add(new StateCookieParameter(cookie));
        parameters.addAll(config.capabilities().toParameters());
        parameters.addAll(AddressParameters.forInitAck(config, init.parameters())); // RFC 9260 section 5.1.2
        if (localAuth != null) {
            parameters.addAll(localAuth.toParameters());
        }
        parameters.addAll(AdaptationLayer.parameters(config)); // RFC 5061 section 4.2.6
        parameters.addAll(unrecognized);
        // RFC 9260 section 3.3.3: the INIT ACK's OS must not exceed the MIS of the INIT.
        InitAckChunk initAck = new InitAckChunk(localTag, config.receiveBufferBytes(), outbound,
                config.maxInboundStreams(), localInitialTsn, parameters);
        return InitResponse.accept(initAck, peerTag);
    }

    /** A random non-zero tag not in use; a few draws suffice unless nearly all 2^32 are taken. */
    private int freshTag(IntPredicate tagInUse) {
        int tag = random.nextNonZeroInt();
        for (int attempt = 0; attempt < 16 && tagInUse.test(tag); attempt++) {
            tag = random.nextNonZeroInt();
        }
        return tag;
    }
}
