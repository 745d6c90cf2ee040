package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.auth.AuthControl;
import org.jsctp.core.auth.AuthIndication;
import org.jsctp.core.auth.AuthNegotiation;
import org.jsctp.core.auth.AuthParameters;
import org.jsctp.core.auth.AuthStatistics;
import org.jsctp.core.auth.HmacAlgorithm;
import org.jsctp.core.auth.PacketAuthenticator;
import org.jsctp.core.auth.SharedKeys;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.UnsupportedHmacIdentifierCause;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.param.Parameter;

/**
 * AUTH (RFC 4895) for one association: our RANDOM, CHUNKS and HMAC-ALGO (section 6.1), what the
 * peer announced, the endpoint-pair shared keys, an AUTH chunk put before the first chunk of each
 * packet that the peer wants authenticated (section 6.2), and the check of received packets
 * (section 6.3): chunks we listed count only after a valid AUTH chunk in the same packet.
 */
final class ChunkAuthentication implements AuthControl {

    /**
     * What the check of a received packet found.
     *
     * @param authIndex index of the first AUTH chunk, or -1
     * @param valid whether that AUTH chunk is valid
     */
    record Verdict(int authIndex, boolean valid) {
        static final Verdict NONE = new Verdict(-1, false);
    }

    private final Tcb tcb;
    private final AuthConfig config;
    private final boolean offered;
    private final SharedKeys keys;
    private AuthParameters local;
    private AuthParameters peer;
    private PacketAuthenticator authenticator;
    /** The key the peer used last (RFC 6458 SCTP_AUTH_NEW_KEY reports a change); 0 at first. */
    private int peerKeyId;
    private long packetsSent;
    private long packetsReceived;
    private long rejected;
    private long discarded;

    ChunkAuthentication(Tcb tcb) {
        this.tcb = tcb;
        this.config = tcb.config.auth();
        this.offered = tcb.config.capabilities().auth();
        this.keys = new SharedKeys(config);
    }

    /** Whether both sides use AUTH. */
    boolean inUse() {
        return authenticator != null;
    }

    /** Our AUTH parameters, made on first use with 32 bytes of the injected randomness; null if not offered. */
    AuthParameters local() {
        if (offered && local == null) {
            byte[] random = new byte[32];
            tcb.random.nextBytes(random);
            local = AuthParameters.local(config, random);
        }
        return local;
    }

    /** The parameters our INIT carries (RFC 4895 section 6.1), none when AUTH is not offered. */
    List<Parameter> initParameters() {
        return offered ? local().toParameters() : List.of();
    }

    /**
     * Judges the peer's INIT ACK parameters (RFC 4895 section 6.1) and starts using AUTH when
     * both sides offer it.
     */
    AuthNegotiation negotiate(List<Parameter> peerParameters) {
        if (!offered) {
            return new AuthNegotiation.NotUsed();
        }
        AuthNegotiation n = AuthNegotiation.of(config, peerParameters);
        if (n instanceof AuthNegotiation.Use use) {
            start(use.peer(), use.sendAlgorithm());
        }
        return n;
    }

    /** Takes both sides' parameters from a verified cookie (RFC 4895 section 6.3). */
    void adopt(CookieContents cookie) {
        if (!offered || cookie.localAuth() == null || cookie.peerAuth() == null) {
            authenticator = null;
            peer = null;
            return;
        }
        local = cookie.localAuth();
        AuthNegotiation n = AuthNegotiation.of(config, cookie.peerAuth().toParameters());
        if (n instanceof AuthNegotiation.Use use) {
            start(use.peer(), use.sendAlgorithm());
        }
    }

    private void start(AuthParameters peerParameters, HmacAlgorithm sendAlgorithm) {
        peer = peerParameters;
        authenticator = new PacketAuthenticator(local(), peer, keys, sendAlgorithm);
        peerKeyId = 0;
    }

    /** On entering ESTABLISHED: RFC 6458 section 6.1.8 SCTP_AUTH_NO_AUTH when we offered AUTH in vain. */
    void onEstablished() {
        if (offered && !inUse()) {
            tcb.emit(new AssociationEvent.Authentication(keys.activeKeyId(), AuthIndication.NO_AUTH));
        }
    }

    /**
     * Whether the peer listed {@code chunkType} in its CHUNKS parameter (RFC 4895 section 3.2): it
     * authenticates such chunks and accepts them only authenticated. False when AUTH is not in use.
     */
    boolean peerRequires(int chunkType) {
        return inUse() && peer.requires(chunkType);
    }

    /**
     * Whether chunk {@code index} of a packet was covered by a valid AUTH chunk before it (RFC 4895
     * section 6.3; RFC 5061 sections 4.1.1 and 4.1.2 for ASCONF and ASCONF-ACK).
     */
    static boolean covered(int index, Verdict verdict) {
        return verdict.valid() && verdict.authIndex() >= 0 && index > verdict.authIndex();
    }

    /** Bytes to keep free in a packet for an AUTH chunk: when the peer wants any chunk authenticated. */
    int overhead() {
        return inUse() && peer.requiresAny() ? authenticator.authChunkLength() : 0;
    }

    /**
     * Bytes the AUTH chunk adds to a packet holding chunks of these types (RFC 4895 section 6.2:
     * one goes in when the peer listed any of them); 0 when none is listed or AUTH is not in use.
     */
    int overheadFor(int... chunkTypes) {
        if (!inUse()) {
            return 0;
        }
        for (int type : chunkTypes) {
            if (peer.requires(type)) {
                return authenticator.authChunkLength();
            }
        }
        return 0;
    }

    /**
     * RFC 4895 section 6.2: the chunks of a packet to send, with an AUTH chunk placed before the
     * first one the peer listed (after a COOKIE ECHO, which is never listed: the peer has no
     * association yet); unchanged when none needs it.
     */
    List<Chunk> protect(List<Chunk> chunks) {
        if (!inUse()) {
            return chunks;
        }
        for (int i = 0; i < chunks.size(); i++) {
            int type = chunks.get(i).type();
            if (peer.requires(type) && type != org.jsctp.core.packet.chunk.ChunkType.COOKIE_ECHO) {
                List<Chunk> covered = chunks.subList(i, chunks.size());
                List<Chunk> out = new ArrayList<>(chunks.size() + 1);
                out.addAll(chunks.subList(0, i));
                out.add(authenticator.sign(covered));
                out.addAll(covered);
                packetsSent++;
                return out;
            }
        }
        return chunks;
    }

    /**
     * RFC 4895 section 6.3: checks the first AUTH chunk of a received packet. An unknown key, an
     * HMAC Identifier we did not list (answered with an ERROR), a wrong HMAC length or a mismatch
     * make it invalid, and with it every chunk after it.
     */
    Verdict check(SctpPacket packet) {
        if (!inUse()) {
            return Verdict.NONE;
        }
        int count = packet.chunkCount();
        for (int i = 0; i < count; i++) { // the packet's own accessor: no list (issue 6)
            if (packet.chunk(i) instanceof AuthChunk auth) {
                PacketAuthenticator.Check c = authenticator.verify(auth, packet.fromFirstAuth());
                switch (c) {
                    case VALID -> {
                        packetsReceived++;
                        if (auth.sharedKeyId() != peerKeyId) {
                            peerKeyId = auth.sharedKeyId();
                            tcb.emit(new AssociationEvent.Authentication(peerKeyId, AuthIndication.NEW_KEY));
                        }
                    }
                    case UNSUPPORTED_HMAC -> tcb.sendToPeer(ErrorChunk.of(new UnsupportedHmacIdentifierCause(auth.hmacId())));
                    case UNKNOWN_KEY -> tcb.emit(new AssociationEvent.Authentication(auth.sharedKeyId(),
                            AuthIndication.UNKNOWN_KEY));
                    default -> {
                    }
                }
                if (c != PacketAuthenticator.Check.VALID) {
                    rejected++;
                }
                return new Verdict(i, c == PacketAuthenticator.Check.VALID);
            }
        }
        return Verdict.NONE;
    }

    /**
     * Whether chunk {@code index} of a packet is processed (RFC 4895 section 6.3): not an AUTH
     * chunk (checked already), not after an invalid AUTH chunk, and, if we listed its type, after
     * a valid one. Everything is processed while AUTH is not in use.
     */
    boolean admits(Chunk chunk, int index, Verdict verdict) {
        if (!inUse()) {
            return true;
        }
        if (chunk instanceof AuthChunk) {
            return false;
        }
        boolean covered = verdict.authIndex() >= 0 && index > verdict.authIndex();
        if (covered && !verdict.valid()) {
            discarded++;
            return false;
        }
        if (local.requires(chunk.type()) && !covered) {
            discarded++;
            return false; // silently: a listed chunk without AUTH before it
        }
        return true;
    }

    @Override
    public void setKey(int keyId, Bytes key) {
        keys.set(keyId, key);
        if (authenticator != null) {
            authenticator.forget(keyId);
        }
    }

    @Override
    public void activateKey(int keyId) {
        keys.activate(keyId);
    }

    @Override
    public void deactivateKey(int keyId) {
        keys.deactivate(keyId);
        // RFC 6458 section 8.3.4: FREE_KEY once the stack no longer uses it; ours computes every HMAC
        // when a packet is built and keeps none, so that is now.
        tcb.emit(new AssociationEvent.Authentication(keyId, AuthIndication.FREE_KEY));
    }

    @Override
    public void deleteKey(int keyId) {
        keys.delete(keyId);
        if (authenticator != null) {
            authenticator.forget(keyId);
        }
    }

    @Override
    public int activeKeyId() {
        return keys.activeKeyId();
    }

    @Override
    public List<Integer> keyIds() {
        return keys.keyIds();
    }

    /** The association shared key of {@code keyId}, for tests; null when AUTH is not in use. */
    byte[] associationKey(int keyId) {
        return authenticator == null ? null : authenticator.associationKey(keyId);
    }

    @Override
    public AuthStatistics statistics() {
        return new AuthStatistics(inUse(), inUse() ? authenticator.sendAlgorithm() : null, keys.activeKeyId(),
                packetsSent, packetsReceived, rejected, discarded);
    }
}
