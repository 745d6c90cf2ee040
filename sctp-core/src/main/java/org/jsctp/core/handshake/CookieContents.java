package org.jsctp.core.handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsctp.core.auth.AuthParameters;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.seq.Tsn;

/**
 * What an endpoint seals into the State Cookie of its INIT ACK so that, when the COOKIE ECHO
 * comes back, it can build the association without having kept any state (RFC 9260 sections
 * 5.1.3 and 5.1.5): both verification tags and initial TSNs, the negotiated stream counts, the
 * peer's window, both sides' ports, the tie-tags (section 5.2.2) and the negotiated extensions (with the zero checksum EDMID
 * both sides announced, RFC 9653), and the peer's addresses (RFC 9260 section 5.1.2: the INIT's
 * source first, then its address parameters), so the association gets a path for each, and both
 * sides' AUTH parameters (RFC 4895 section 6.3), so an AUTH chunk bundled after the COOKIE ECHO
 * can be checked, and the peer's Adaptation Layer Indication (RFC 5061 section 4.2.6), so the
 * user hears of it when the association comes up.
 *
 * <p>The encoding is private to this endpoint (the MAC of {@link StateCookieSealer} protects it);
 * it starts with a version byte so a later release can change it.
 *
 * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
 * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
 * @param localInitialTsn our Initial TSN
 * @param peerInitialTsn the peer's Initial TSN
 * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
 * @param outboundStreams the negotiated outbound streams, 1..65535
 * @param inboundStreams the negotiated inbound streams, 1..65535
 * @param localPort our SCTP port
 * @param peerPort the peer's SCTP port
 * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
 * @param peerTieTag the peer's tie-tag, 0 for none
 * @param capabilities the extensions both sides support
 * @param peerAddresses the peer's addresses, at most {@link #MAX_ADDRESSES}; may be empty
 * @param localAuth our AUTH parameters, or null without AUTH
 * @param peerAuth the peer's AUTH parameters, or null without AUTH
 * @param peerAdaptationIndication the peer's Adaptation Code Point, or empty
 */
public record CookieContents(int localTag, int peerTag, Tsn localInitialTsn, Tsn peerInitialTsn,
                             int peerReceiverWindow, int outboundStreams, int inboundStreams,
                             int localPort, int peerPort, int localTieTag, int peerTieTag,
                             Capabilities capabilities, List<InetAddress> peerAddresses,
                             AuthParameters localAuth, AuthParameters peerAuth,
                             OptionalInt peerAdaptationIndication) {

    /**
     * Version 2 added the zero checksum EDMID (RFC 9653) after the capability bits; version 3 the
     * peer addresses after it (a count, then per address its length, 4 or 16, and its bytes). The
     * capability bits: 1 PR-SCTP, 2 I-DATA, 4 RE-CONFIG, 8 ASCONF, 16 NR-SACK, 64 AUTH, 32 Disable Restart
     * sent by either side; version 4 the AUTH parameters of both sides after the addresses (RFC
     * 4895 section 6.3: a length-prefixed block each, length 0 for none); version 5 the peer's
     * Adaptation Code Point after them (RFC 5061 section 4.2.6: a byte 0 for none, or 1 and the
     * 32-bit code point).
     */
    private static final int VERSION = 5;
    private static final int LENGTH = 1 + 4 * 5 + 2 * 4 + 4 * 2 + 1 + 4;
    /** The most peer addresses a cookie carries. */
    public static final int MAX_ADDRESSES = 16;

    /**
     * Copies the addresses; at most {@link #MAX_ADDRESSES}.
     *
     * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
     * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
     * @param localInitialTsn our Initial TSN
     * @param peerInitialTsn the peer's Initial TSN
     * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
     * @param outboundStreams the negotiated outbound streams, 1..65535
     * @param inboundStreams the negotiated inbound streams, 1..65535
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
     * @param peerTieTag the peer's tie-tag, 0 for none
     * @param capabilities the extensions both sides support
     * @param peerAddresses the peer's addresses, at most {@link #MAX_ADDRESSES}; may be empty
     * @param localAuth our AUTH parameters, or null without AUTH
     * @param peerAuth the peer's AUTH parameters, or null without AUTH
     * @param peerAdaptationIndication the peer's Adaptation Code Point, or empty
     */
    public CookieContents {
        peerAddresses = List.copyOf(peerAddresses);
        Objects.requireNonNull(peerAdaptationIndication, "peerAdaptationIndication (OptionalInt.empty() for none)");
        if (peerAddresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " peer addresses: " + peerAddresses.size());
        }
    }

    /**
     * Contents without peer addresses (the association keeps one anonymous path).
     *
     * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
     * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
     * @param localInitialTsn our Initial TSN
     * @param peerInitialTsn the peer's Initial TSN
     * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
     * @param outboundStreams the negotiated outbound streams, 1..65535
     * @param inboundStreams the negotiated inbound streams, 1..65535
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
     * @param peerTieTag the peer's tie-tag, 0 for none
     * @param capabilities the extensions both sides support
     */
    public CookieContents(int localTag, int peerTag, Tsn localInitialTsn, Tsn peerInitialTsn,
                          int peerReceiverWindow, int outboundStreams, int inboundStreams,
                          int localPort, int peerPort, int localTieTag, int peerTieTag,
                          Capabilities capabilities) {
        this(localTag, peerTag, localInitialTsn, peerInitialTsn, peerReceiverWindow, outboundStreams, inboundStreams,
                localPort, peerPort, localTieTag, peerTieTag, capabilities, List.of(), null, null, OptionalInt.empty());
    }

    /**
     * Contents without AUTH.
     *
     * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
     * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
     * @param localInitialTsn our Initial TSN
     * @param peerInitialTsn the peer's Initial TSN
     * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
     * @param outboundStreams the negotiated outbound streams, 1..65535
     * @param inboundStreams the negotiated inbound streams, 1..65535
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
     * @param peerTieTag the peer's tie-tag, 0 for none
     * @param capabilities the extensions both sides support
     * @param peerAddresses the peer's addresses, at most {@link #MAX_ADDRESSES}; may be empty
     */
    public CookieContents(int localTag, int peerTag, Tsn localInitialTsn, Tsn peerInitialTsn,
                          int peerReceiverWindow, int outboundStreams, int inboundStreams,
                          int localPort, int peerPort, int localTieTag, int peerTieTag,
                          Capabilities capabilities, List<InetAddress> peerAddresses) {
        this(localTag, peerTag, localInitialTsn, peerInitialTsn, peerReceiverWindow, outboundStreams, inboundStreams,
                localPort, peerPort, localTieTag, peerTieTag, capabilities, peerAddresses, null, null, OptionalInt.empty());
    }

    /**
     * Contents without peer addresses.
     *
     * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
     * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
     * @param localInitialTsn our Initial TSN
     * @param peerInitialTsn the peer's Initial TSN
     * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
     * @param outboundStreams the negotiated outbound streams, 1..65535
     * @param inboundStreams the negotiated inbound streams, 1..65535
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
     * @param peerTieTag the peer's tie-tag, 0 for none
     * @param capabilities the extensions both sides support
     * @param localAuth our AUTH parameters, or null without AUTH
     * @param peerAuth the peer's AUTH parameters, or null without AUTH
     */
    public CookieContents(int localTag, int peerTag, Tsn localInitialTsn, Tsn peerInitialTsn,
                          int peerReceiverWindow, int outboundStreams, int inboundStreams,
                          int localPort, int peerPort, int localTieTag, int peerTieTag,
                          Capabilities capabilities, AuthParameters localAuth, AuthParameters peerAuth) {
        this(localTag, peerTag, localInitialTsn, peerInitialTsn, peerReceiverWindow, outboundStreams, inboundStreams,
                localPort, peerPort, localTieTag, peerTieTag, capabilities, List.of(), localAuth, peerAuth,
                OptionalInt.empty());
    }

    /**
     * Contents without an Adaptation Layer Indication of the peer.
     *
     * @param localTag our Verification Tag (the INIT ACK's Initiate Tag)
     * @param peerTag the peer's Verification Tag (its INIT's Initiate Tag)
     * @param localInitialTsn our Initial TSN
     * @param peerInitialTsn the peer's Initial TSN
     * @param peerReceiverWindow the peer's a_rwnd from its INIT, in bytes (32-bit unsigned)
     * @param outboundStreams the negotiated outbound streams, 1..65535
     * @param inboundStreams the negotiated inbound streams, 1..65535
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param localTieTag our tie-tag (RFC 9260 section 5.2.2), 0 for none
     * @param peerTieTag the peer's tie-tag, 0 for none
     * @param capabilities the extensions both sides support
     * @param peerAddresses the peer's addresses, at most {@link #MAX_ADDRESSES}; may be empty
     * @param localAuth our AUTH parameters, or null without AUTH
     * @param peerAuth the peer's AUTH parameters, or null without AUTH
     */
    public CookieContents(int localTag, int peerTag, Tsn localInitialTsn, Tsn peerInitialTsn,
                          int peerReceiverWindow, int outboundStreams, int inboundStreams,
                          int localPort, int peerPort, int localTieTag, int peerTieTag,
                          Capabilities capabilities, List<InetAddress> peerAddresses,
                          AuthParameters localAuth, AuthParameters peerAuth) {
        this(localTag, peerTag, localInitialTsn, peerInitialTsn, peerReceiverWindow, outboundStreams, inboundStreams,
                localPort, peerPort, localTieTag, peerTieTag, capabilities, peerAddresses, localAuth, peerAuth,
                OptionalInt.empty());
    }

    /** {@return the bytes to seal} */
    public Bytes encode() {
        int addressBytes = 1;
        for (InetAddress a : peerAddresses) {
            addressBytes += 1 + a.getAddress().length;
        }
        // AUTH (RFC 4895 section 6.3): both sides' RANDOM, CHUNKS and HMAC-ALGO, so that an AUTH
        // chunk bundled after the COOKIE ECHO can be checked; a length-prefixed block each.
        Bytes local = localAuth == null ? Bytes.empty() : localAuth.encode();
        Bytes peer = peerAuth == null ? Bytes.empty() : peerAuth.encode();
        int authLength = 2 + local.length() + 2 + peer.length();
        int adaptationLength = peerAdaptationIndication.isPresent() ? 5 : 1;
        ByteBuffer b = ByteBuffer.allocate(LENGTH + addressBytes + authLength + adaptationLength);
        b.put((byte) VERSION);
        b.putInt(localTag).putInt(peerTag).putInt(localInitialTsn.value()).putInt(peerInitialTsn.value());
        b.putInt(peerReceiverWindow);
        b.putShort((short) outboundStreams).putShort((short) inboundStreams);
        b.putShort((short) localPort).putShort((short) peerPort);
        b.putInt(localTieTag).putInt(peerTieTag);
        b.put((byte) ((capabilities.forwardTsn() ? 1 : 0) | (capabilities.interleaving() ? 2 : 0)
                | (capabilities.streamReconfig() ? 4 : 0) | (capabilities.asconf() ? 8 : 0)
                | (capabilities.nrSack() ? 16 : 0) | (capabilities.disableRestart() ? 32 : 0)
                | (capabilities.auth() ? 64 : 0)));
        b.putInt(capabilities.zeroChecksumMethod());
        b.put((byte) peerAddresses.size());
        for (InetAddress a : peerAddresses) {
            byte[] raw = a.getAddress();
            b.put((byte) raw.length).put(raw);
        }
        b.putShort((short) local.length());
        local.writeTo(b);
        b.putShort((short) peer.length());
        peer.writeTo(b);
        if (peerAdaptationIndication.isPresent()) {
            b.put((byte) 1).putInt(peerAdaptationIndication.getAsInt());
        } else {
            b.put((byte) 0);
        }
        return Bytes.wrap(b.array());
    }

    /**
     * Reads contents that a {@link StateCookieSealer} of this endpoint has verified; empty if they
     * are not in the layout this version writes (a cookie from an older release, say) or hold
     * values this endpoint never seals (zero streams or tags).
     *
     * @param sealed the verified contents, as {@link StateCookieSealer#open} returns them
     * @return the contents, or empty
     */
    public static Optional<CookieContents> decode(Bytes sealed) {
        if (sealed.length() < LENGTH + 1) {
            return Optional.empty(); // an older layout (version 2 had no addresses) or not ours
        }
        ByteBuffer b = sealed.asReadOnlyBuffer();
        try {
            if (b.get() != VERSION) {
                return Optional.empty();
            }
            int localTag = b.getInt();
            int peerTag = b.getInt();
            Tsn localTsn = new Tsn(b.getInt());
            Tsn peerTsn = new Tsn(b.getInt());
            int window = b.getInt();
            int outbound = b.getShort() & 0xFFFF;
            int inbound = b.getShort() & 0xFFFF;
            int localPort = b.getShort() & 0xFFFF;
            int peerPort = b.getShort() & 0xFFFF;
            int localTie = b.getInt();
            int peerTie = b.getInt();
            int caps = b.get();
            int zeroChecksumMethod = b.getInt();
            int addressCount = b.get() & 0xFF;
            if (addressCount > MAX_ADDRESSES) {
                return Optional.empty();
            }
            List<InetAddress> addresses = new ArrayList<>(addressCount);
            for (int i = 0; i < addressCount; i++) {
                int len = b.get() & 0xFF;
                if (len != 4 && len != 16) {
                    return Optional.empty();
                }
                byte[] raw = new byte[len];
                b.get(raw);
                addresses.add(InetAddress.getByAddress(raw)); // a literal: no name is resolved
            }
            Optional<AuthParameters[]> auth = decodeAuth(b);
            if (auth.isEmpty()) {
                return Optional.empty();
            }
            int adaptationPresent = b.get();
            if (adaptationPresent != 0 && adaptationPresent != 1) {
                return Optional.empty();
            }
            OptionalInt adaptation = adaptationPresent == 1 ? OptionalInt.of(b.getInt()) : OptionalInt.empty();
            if (b.hasRemaining()) {
                return Optional.empty();
            }
            // Defence in depth, found by fuzzing with the MAC check off: this endpoint never seals
            // zero streams (RFC 9260 section 3.3.2 makes them an error) or a zero tag (section
            // 5.3.1), so contents that say so are not ours, whatever vouched for them.
            if (outbound == 0 || inbound == 0 || localTag == 0 || peerTag == 0) {
                return Optional.empty();
            }
            return Optional.of(new CookieContents(localTag, peerTag, localTsn, peerTsn, window, outbound, inbound,
                    localPort, peerPort, localTie, peerTie,
                    new Capabilities((caps & 1) != 0, (caps & 2) != 0, (caps & 4) != 0, zeroChecksumMethod,
                            (caps & 8) != 0, (caps & 16) != 0, (caps & 32) != 0, (caps & 64) != 0),
                    addresses, auth.get()[0], auth.get()[1], adaptation));
        } catch (BufferUnderflowException | UnknownHostException e) {
            return Optional.empty(); // truncated address list (or an address length Java refuses)
        }
    }

    /** The two AUTH blocks of {@link #encode()}: each absent (length 0) or a valid parameter list. */
    private static Optional<AuthParameters[]> decodeAuth(ByteBuffer b) {
        AuthParameters[] out = new AuthParameters[2];
        for (int i = 0; i < 2; i++) {
            int length = b.getShort() & 0xFFFF;
            if (length > b.remaining()) {
                return Optional.empty();
            }
            if (length > 0) {
                byte[] block = new byte[length];
                b.get(block);
                Optional<AuthParameters> p = AuthParameters.decode(Bytes.wrap(block));
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                out[i] = p.get();
            }
        }
        return Optional.of(out);
    }
}
