package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.CookieCheck;
import org.jsctp.core.handshake.CookieCheckMode;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.handshake.CookieSecrets;
import org.jsctp.core.handshake.StateCookieSealer;
import org.jsctp.core.handshake.UsedCookies;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.CookieReceivedWhileShuttingDownCause;
import org.jsctp.core.packet.cause.OutOfResourceCause;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;

/**
 * An SCTP endpoint on one port: it starts associations, answers INITs without keeping state,
 * turns valid COOKIE ECHOs into associations, and applies the out-of-the-blue rules of RFC 9260
 * section 8.4 to every other packet that no association claims.
 *
 * <p>The caller (the transport) first offers a packet to the association its addresses, ports
 * and verification tag select, or for a packet with an ASCONF the association of the ASCONF's
 * Address Parameter ({@link org.jsctp.core.asconf.AsconfLookup}, RFC 5061 section 5.2); only
 * packets without one come here.
 */
public final class Endpoint {

    /** What the endpoint made of a packet no association claimed. */
    public sealed interface Outcome {
        /**
         * A reply to send (INIT ACK, ABORT, ERROR or SHUTDOWN COMPLETE).
         *
         * @param packet the reply, addressed to the packet's source
         */
        record Reply(OutgoingPacket packet) implements Outcome {
        }

        /**
         * A valid COOKIE ECHO created this association; the caller registers it and then hands it
         * the packet's chunks after the COOKIE ECHO, if any (bundled DATA, RFC 9260 section 5.1).
         *
         * @param association the new association, ESTABLISHED
         */
        record Accepted(Association association) implements Outcome {
        }

        /**
         * An existing association handled the packet; collect its output.
         *
         * @param association the association that handled it
         */
        record Answered(Association association) implements Outcome {
        }

        /**
         * The peer restarted (RFC 9260 section 5.2.4 case A): {@code association} goes on under a new
         * verification tag; the caller re-keys it from {@code previousLocalTag}.
         *
         * @param association the restarted association
         * @param previousLocalTag its Verification Tag before the restart
         */
        record Restarted(Association association, int previousLocalTag) implements Outcome {
        }

        /**
         * Nothing to do; {@code why} is for logs and counters.
         *
         * @param why the reason
         */
        record Discarded(String why) implements Outcome {
        }
    }

    /**
     * How many used cookies' tag pairs are remembered at most ({@link UsedCookies}): about 3 MiB
     * when full, reached only by a peer completing that many handshakes within one cookie life.
     */
    public static final int USED_COOKIES_HELD = 32_768;

    private final EndpointConfig config;
    private final RandomSource random;
    private final StateCookieSealer sealer;
    private final InitResponder initResponder;
    private final UsedCookies usedCookies;
    private final AnswerRateLimit outOfTheBlueAnswers;
    /** The source of the packet being handled, or null (see {@link #handlePacket(SctpPacket, InetAddress, long, AssociationDirectory)}). */
    private InetAddress source;

    /**
     * {@return the endpoint's settings}
     */
    public EndpointConfig config() {
        return config;
    }

    /**
     * An endpoint that verifies every State Cookie's MAC.
     *
     * @param config the endpoint's settings
     * @param random for tags, initial TSNs and cookie secrets
     * @param nowNanos the current time
     */
    public Endpoint(EndpointConfig config, RandomSource random, long nowNanos) {
        this(config, random, nowNanos, CookieCheckMode.VERIFY_MAC);
    }

    /**
     * An endpoint whose State Cookie MAC check is {@code cookieCheck}. <strong>Anything but
     * {@link CookieCheckMode#VERIFY_MAC} is for fuzzing only</strong>: it lets any peer create
     * associations from cookies it made up (see {@link CookieCheckMode}).
     *
     * @param config the endpoint's settings
     * @param random for tags, initial TSNs and cookie secrets
     * @param nowNanos the current time
     * @param cookieCheck how State Cookie MACs are checked
     */
    public Endpoint(EndpointConfig config, RandomSource random, long nowNanos, CookieCheckMode cookieCheck) {
        this.config = config;
        this.random = random;
        this.sealer = new StateCookieSealer(new CookieSecrets(random, nowNanos, config.cookieSecretRotationNanos()),
                config.maxCookieLifeNanos(), cookieCheck);
        this.initResponder = new InitResponder(config.association(), sealer, random, config.maxCookieLifeNanos());
        this.usedCookies = new UsedCookies(USED_COOKIES_HELD);
        this.outOfTheBlueAnswers = new AnswerRateLimit(config.outOfTheBlueAnswersPerSecond(), nowNanos);
    }

    /**
     * How the transport must decode the packets it routes here and to this endpoint's
     * associations: zero checksums are accepted without a check only when we announce Zero
     * Checksum Acceptable (RFC 9653 section 5.3); every packet taken that way is marked
     * ({@link SctpPacket#zeroChecksum()}), and only an association that announced it takes it.
     *
     * @return {@link DecoderOptions#ACCEPT_ZERO_CHECKSUM} or {@link DecoderOptions#STRICT}
     */
    public DecoderOptions decoderOptions() {
        return config.association().capabilities().zeroChecksum()
                ? DecoderOptions.ACCEPT_ZERO_CHECKSUM : DecoderOptions.STRICT;
    }

    /**
     * Starts an association to {@code peerPort} (RFC 9260 section 5.1 step A).
     *
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @return the association, in COOKIE-WAIT with its INIT queued
     */
    public Association connect(int peerPort, long nowNanos) {
        return Association.connect(config.association(), random, config.localPort(), peerPort, nowNanos);
    }

    /**
     * Starts an association to a multi-homed peer (RFC 9260 section 5.1 step A), see
     * {@link Association#connect(AssociationConfig, RandomSource, int, int, List, long)}.
     *
     * @param peerAddresses the peer's literal addresses, the first the initial primary; empty for
     *     one anonymous path
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @return the association, in COOKIE-WAIT with its INIT queued
     */
    public Association connect(int peerPort, List<InetAddress> peerAddresses, long nowNanos) {
        return Association.connect(config.association(), random, config.localPort(), peerPort, peerAddresses, nowNanos);
    }

    /**
     * Handles a packet the transport routes to the endpoint, as
     * {@link #handlePacket(SctpPacket, long, AssociationDirectory)}, knowing its source address:
     * an INIT's source goes into the State Cookie with the INIT's address parameters, so the
     * association a COOKIE ECHO creates has a path per peer address (RFC 9260 section 5.1.2),
     * the source's confirmed (section 5.4 rule 2).
     *
     * @param source the packet's source address, or null if unknown
     * @param directory the existing associations
     * @param packet the packet
     * @param nowNanos the current time
     * @return what to send back and any association created
     */
    public Outcome handlePacket(SctpPacket packet, InetAddress source, long nowNanos, AssociationDirectory directory) {
        InetAddress previous = this.source;
        this.source = source;
        try {
            return handlePacket(packet, nowNanos, directory);
        } finally {
            this.source = previous;
        }
    }

    /**
     * Handles a packet the transport routes to the endpoint: INITs, COOKIE ECHOs (which may
     * belong to an existing association, RFC 9260 section 5.2.4) and out-of-the-blue packets.
     *
     * @param directory the existing associations
     * @param packet the packet
     * @param nowNanos the current time
     * @return what to send back and any association created
     */
    public Outcome handlePacket(SctpPacket packet, long nowNanos, AssociationDirectory directory) {
        if (packet.destinationPort() != config.localPort()) {
            return new Outcome.Discarded("for SCTP port " + packet.destinationPort());
        }
        int chunkCount = packet.chunkCount(); // the packet's own accessors: no list for one chunk (issue 6)
        if (chunkCount == 0) {
            return new Outcome.Discarded("no chunks");
        }
        if (packet.zeroChecksum()) {
            // RFC 9653 section 5.2: INIT and COOKIE ECHO always carry CRC32C, and a packet of no
            // association has no announcement to vouch for its zero checksum; section 5.3 lets us
            // process such out-of-the-blue packets, and we do not (no answer to unchecked bytes).
            return new Outcome.Discarded("zero checksum on a packet of no association (RFC 9653 section 5.3)");
        }
        CommonHeader h = packet.header(); // not per message: INIT, COOKIE ECHO, out of the blue
        Chunk first = packet.firstChunk();
        // RFC 9260 section 8.4 rule 2: a packet with an ABORT is discarded, wherever it stands.
        for (int i = 0; i < chunkCount; i++) {
            if (packet.chunk(i) instanceof AbortChunk) {
                return new Outcome.Discarded("out-of-the-blue ABORT");
            }
        }
        if (first instanceof InitChunk init) {
            return onInit(h, init, chunkCount, nowNanos, directory.findByPeer(h.sourcePort()), directory);
        }
        if (first instanceof CookieEchoChunk echo) {
            return onCookieEcho(h, echo, nowNanos, directory);
        }
        Association owner = directory.findByPeer(h.sourcePort());
        if (owner != null && owner.state() != AssociationState.CLOSED
                && !(first instanceof ShutdownAckChunk && isHandshaking(owner))) {
            // RFC 9260 section 8.5: the packet comes from the peer of an association (its addresses
            // and ports) without that association's tag, so it is silently discarded; section 8.4
            // is for packets of no association. Section 8.5.1 (E): a SHUTDOWN ACK during the
            // handshake is the exception, treated as out of the blue.
            return new Outcome.Discarded("verification tag does not match the association with this peer");
        }
        if (first instanceof ShutdownAckChunk) {
            // RFC 9260 section 8.4 rule 5: answer with SHUTDOWN COMPLETE, T bit set, the packet's tag.
            return answerOutOfTheBlue(h, new ShutdownCompleteChunk(true), nowNanos);
        }
        for (int i = 0; i < chunkCount; i++) {
            Chunk c = packet.chunk(i);
            // RFC 9260 section 8.4 rules 6 and 7: no answer to these.
            if (c instanceof ShutdownCompleteChunk || c instanceof CookieAckChunk
                    || (c instanceof ErrorChunk e && e.causes().stream().anyMatch(x -> x instanceof StaleCookieCause))) {
                return new Outcome.Discarded("out-of-the-blue " + c.getClass().getSimpleName());
            }
        }
        // RFC 9260 section 8.4 rule 8: ABORT with the T bit, carrying the packet's own tag.
        return answerOutOfTheBlue(h, new AbortChunk(true, false, List.of()), nowNanos);
    }

    /**
     * Section 8.4 asks for these answers with a SHOULD, not a MUST, so they go out within
     * {@link EndpointConfig#outOfTheBlueAnswersPerSecond}: each is no larger than the packet
     * that asked for it, but a spoofed flood would otherwise be reflected one for one.
     */
    private Outcome answerOutOfTheBlue(CommonHeader h, Chunk answer, long nowNanos) {
        if (!outOfTheBlueAnswers.tryAcquire(nowNanos)) {
            return new Outcome.Discarded("out of the blue, not answered: more than "
                    + config.outOfTheBlueAnswersPerSecond() + " answers per second");
        }
        return reply(h, h.verificationTag(), answer);
    }

    private Outcome onInit(CommonHeader h, InitChunk init, int chunkCount, long nowNanos, Association existing,
                           AssociationDirectory directory) {
        // RFC 9260 section 8.5.1 (A): an INIT must carry tag 0; section 6.10: and travel alone.
        if (h.verificationTag() != 0) {
            return new Outcome.Discarded("INIT with a non-zero verification tag");
        }
        if (chunkCount != 1) {
            return new Outcome.Discarded("INIT bundled with other chunks");
        }
        if (existing != null && existing.state() == AssociationState.CLOSED) {
            existing = null;
        }
        if (existing != null && existing.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            // RFC 9260 section 9.2: our SHUTDOWN COMPLETE was probably lost; repeat the SHUTDOWN ACK.
            return reply(h, existing.peerTag(), ShutdownAckChunk.INSTANCE);
        }
        InitResponse r = initResponder.respond(init, config.localPort(), h.sourcePort(), nowNanos, existing,
                directory::localTagInUse, source);
        if (r.chunks().isEmpty()) {
            return new Outcome.Discarded(r.reason());
        }
        return new Outcome.Reply(new OutgoingPacket(config.localPort(), h.sourcePort(), r.verificationTag(), r.chunks()));
    }

    /** RFC 9260 section 5.1.5. */
    private Outcome onCookieEcho(CommonHeader h, CookieEchoChunk echo, long nowNanos, AssociationDirectory directory) {
        CookieCheck check = sealer.open(echo.cookie(), nowNanos);
        if (check instanceof CookieCheck.Forged f) {
            return new Outcome.Discarded("COOKIE ECHO: " + f.why()); // step 2: silently discarded
        }
        Bytes contentsBytes = check instanceof CookieCheck.Valid v ? v.contents() : ((CookieCheck.Stale) check).contents();
        Optional<CookieContents> decoded = CookieContents.decode(contentsBytes);
        if (decoded.isEmpty()) {
            return new Outcome.Discarded("COOKIE ECHO with contents of an unknown layout");
        }
        CookieContents contents = decoded.get();
        // Step 1: the cookie must belong to this packet's ports and tag.
        if (h.verificationTag() != contents.localTag() || h.sourcePort() != contents.peerPort()
                || h.destinationPort() != contents.localPort()) {
            return new Outcome.Discarded("COOKIE ECHO whose tag or ports do not match its cookie");
        }
        if (check instanceof CookieCheck.Stale stale) {
            // Step 3: tell the peer how stale, addressed with its tag.
            long micros = Math.min(stale.stalenessMicros(), 0xFFFF_FFFFL);
            return reply(h, contents.peerTag(), ErrorChunk.of(StaleCookieCause.ofMicros(micros)));
        }
        Association existing = directory.find(contents.localTag(), contents.peerPort());
        if (existing == null) {
            existing = directory.findByPeer(contents.peerPort());
        }
        long usableUntil = ((CookieCheck.Valid) check).createdAtNanos() + config.maxCookieLifeNanos();
        if (existing != null && existing.state() != AssociationState.CLOSED) {
            Outcome outcome = onCookieForExisting(h, contents, existing, nowNanos);
            if (!(outcome instanceof Outcome.Discarded)) {
                usedCookies.remember(contents.localTag(), contents.peerTag(), usableUntil, nowNanos);
            }
            return outcome;
        }
        if (usedCookies.wasUsed(contents.localTag(), contents.peerTag(), nowNanos)) {
            // Section 5.1.5 would accept it, no association existing: but this cookie already made
            // one, which has ended. Re-creating it with the old tags and TSNs would let stale
            // packets of the old incarnation pass as the new one's; a cookie is used once.
            return new Outcome.Discarded("COOKIE ECHO repeating a cookie already used (its association has ended)");
        }
        if (directory.size() >= config.maxAssociations()) {
            return reply(h, contents.peerTag(), AbortChunk.of(OutOfResourceCause.INSTANCE));
        }
        usedCookies.remember(contents.localTag(), contents.peerTag(), usableUntil, nowNanos);
        return new Outcome.Accepted(Association.fromCookie(config.association(), random, contents, nowNanos));
    }

    /** {@return how many used cookies are remembered now (for tests and statistics)} */
    public int usedCookiesHeld() {
        return usedCookies.size();
    }

    /** RFC 9260 section 5.2.4, table 2: a valid COOKIE ECHO while an association with the peer exists. */
    private Outcome onCookieForExisting(CommonHeader h, CookieContents cookie, Association existing, long nowNanos) {
        boolean localMatches = cookie.localTag() == existing.localTag();
        boolean peerMatches = cookie.peerTag() == existing.peerTag();
        if (localMatches && peerMatches) {
            // Case D: e.g. our COOKIE ACK was lost and the peer repeats its COOKIE ECHO.
            existing.onRepeatedCookieEcho(cookie, nowNanos);
            return new Outcome.Answered(existing);
        }
        if (localMatches) {
            // Case B: an initialization collision resolved in the peer's favour of new tags.
            existing.onCollisionCookie(cookie, nowNanos);
            return new Outcome.Answered(existing);
        }
        boolean tiesMatch = cookie.localTieTag() == existing.localTag() && cookie.peerTieTag() == existing.peerTag();
        if (!peerMatches && tiesMatch) {
            // Case A: the peer restarted.
            if (existing.capabilities().disableRestart()) {
                // draft-ietf-tsvwg-natsupp section 6.1: with Disable Restart exchanged the restart
                // is refused; the existing association lives on untouched.
                return reply(h, cookie.peerTag(), NatSupport.restartRefusal());
            }
            if (existing.state() == AssociationState.SHUTDOWN_ACK_SENT) {
                // ... but we are finishing a shutdown: say so and let it finish (section 5.2.4 A).
                return new Outcome.Reply(new OutgoingPacket(config.localPort(), h.sourcePort(), cookie.peerTag(),
                        List.of(ShutdownAckChunk.INSTANCE, ErrorChunk.of(CookieReceivedWhileShuttingDownCause.INSTANCE))));
            }
            int oldTag = existing.localTag();
            existing.restart(cookie, nowNanos);
            return new Outcome.Restarted(existing, oldTag);
        }
        if (peerMatches && cookie.localTieTag() == 0 && cookie.peerTieTag() == 0) {
            // Case C: an old cookie of an earlier attempt; silently discarded.
            return new Outcome.Discarded("COOKIE ECHO of an earlier attempt (RFC 9260 section 5.2.4 C)");
        }
        // Table 2 has no row for the rest (both tags new, tie-tags not ours): an old or forged
        // cookie while the association lives on; section 5.2.4 discards it silently.
        return new Outcome.Discarded("COOKIE ECHO matching no case of RFC 9260 section 5.2.4 table 2");
    }

    private static boolean isHandshaking(Association a) {
        return a.state() == AssociationState.COOKIE_WAIT || a.state() == AssociationState.COOKIE_ECHOED;
    }

    private Outcome reply(CommonHeader h, int tag, Chunk chunk) {
        return new Outcome.Reply(new OutgoingPacket(config.localPort(), h.sourcePort(), tag, List.of(chunk)));
    }
}
