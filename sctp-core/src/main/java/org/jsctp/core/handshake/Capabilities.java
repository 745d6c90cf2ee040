package org.jsctp.core.handshake;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.auth.AuthParameters;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.ForwardTsnSupportedParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;

/**
 * The optional protocol extensions one side offers in its INIT or INIT ACK, and what two sides
 * have in common. An extension is used only when both offer it.
 *
 * @param forwardTsn PR-SCTP (RFC 3758 section 3.1: Forward-TSN-Supported parameter, and FORWARD
 *     TSN in Supported Extensions)
 * @param interleaving I-DATA (RFC 8260 section 2.2: I-DATA in Supported Extensions; with
 *     PR-SCTP it brings I-FORWARD-TSN)
 * @param streamReconfig RE-CONFIG (RFC 6525 section 3.1, in Supported Extensions)
 * @param zeroChecksumMethod zero checksum (RFC 9653 section 4): the Error Detection Method
 *     Identifier (EDMID) announced in a Zero Checksum Acceptable parameter, or
 *     {@link #NO_ZERO_CHECKSUM} for none. In what {@link #commonWith} returns it is the EDMID both
 *     sides announced, which is what lets this side send zero checksums (RFC 9653 section 5.2)
 * @param auth AUTH (RFC 4895 section 6.1: RANDOM and HMAC-ALGO parameters, AUTH in Supported
 *     Extensions); how it is used is {@code AssociationConfig.auth()}
 */
public record Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig, int zeroChecksumMethod,
                           boolean auth) {

    /**
     * No zero checksum: RFC 9653 section 8 reserves EDMID 0, so it never names a method and can
     * stand for "not announced".
     */
    public static final int NO_ZERO_CHECKSUM = ZeroChecksumAcceptableParameter.EDMID_RESERVED;

    /** No extension at all: the base protocol of RFC 9260. */
    public static final Capabilities NONE = new Capabilities(false, false, false, NO_ZERO_CHECKSUM);

    /**
     * Capabilities without AUTH.
     *
     * @param forwardTsn PR-SCTP offered
     * @param interleaving I-DATA offered
     * @param streamReconfig RE-CONFIG offered
     * @param zeroChecksumMethod the EDMID, or {@link #NO_ZERO_CHECKSUM}
     */
    public Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig, int zeroChecksumMethod) {
        this(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, false);
    }

    /**
     * Capabilities without zero checksum.
     *
     * @param forwardTsn PR-SCTP offered
     * @param interleaving I-DATA offered
     * @param streamReconfig RE-CONFIG offered
     */
    public Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig) {
        this(forwardTsn, interleaving, streamReconfig, NO_ZERO_CHECKSUM);
    }

    /**
     * These capabilities with PR-SCTP offered or not.
     *
     * @param value whether PR-SCTP is offered
     * @return the changed capabilities
     */
    public Capabilities withForwardTsn(boolean value) {
        return new Capabilities(value, interleaving, streamReconfig, zeroChecksumMethod, auth);
    }

    /**
     * These capabilities with I-DATA offered or not.
     *
     * @param value whether I-DATA is offered
     * @return the changed capabilities
     */
    public Capabilities withInterleaving(boolean value) {
        return new Capabilities(forwardTsn, value, streamReconfig, zeroChecksumMethod, auth);
    }

    /**
     * These capabilities with RE-CONFIG offered or not.
     *
     * @param value whether RE-CONFIG is offered
     * @return the changed capabilities
     */
    public Capabilities withStreamReconfig(boolean value) {
        return new Capabilities(forwardTsn, interleaving, value, zeroChecksumMethod, auth);
    }

    /**
     * These capabilities announcing zero checksum acceptable with error detection method
     * {@code edmid} (RFC 9653 section 4), or not announcing it ({@link #NO_ZERO_CHECKSUM}).
     *
     * @param edmid the EDMID, e.g. {@link ZeroChecksumAcceptableParameter#EDMID_SCTP_OVER_DTLS}, or
     *     {@link #NO_ZERO_CHECKSUM}
     * @return the changed capabilities
     */
    public Capabilities withZeroChecksum(int edmid) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, edmid, auth);
    }

    /**
     * These capabilities with AUTH offered or not (RFC 4895).
     *
     * @param value whether AUTH is offered
     * @return the changed capabilities
     */
    public Capabilities withAuth(boolean value) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, value);
    }

    /**
     * Whether a Zero Checksum Acceptable parameter is (to be) announced.
     *
     * @return whether {@link #zeroChecksumMethod()} names a method
     */
    public boolean zeroChecksum() {
        return zeroChecksumMethod != NO_ZERO_CHECKSUM;
    }

    /**
     * What both {@code this} and {@code peer} offer. Zero checksum counts only when the peer
     * announced the same EDMID as we do (RFC 9653 section 5.2: a sender uses zero only for the
     * method it uses and the peer announced).
     *
     * @param peer what the peer offered
     * @return the extensions in common
     */
    public Capabilities commonWith(Capabilities peer) {
        int zeroChecksumCommon = zeroChecksum() && zeroChecksumMethod == peer.zeroChecksumMethod
                ? zeroChecksumMethod : NO_ZERO_CHECKSUM;
        return new Capabilities(forwardTsn && peer.forwardTsn, interleaving && peer.interleaving,
                streamReconfig && peer.streamReconfig, zeroChecksumCommon, auth && peer.auth);
    }

    /**
     * Reads what a peer offers from its INIT or INIT ACK parameters.
     *
     * @param parameters the chunk's parameters
     * @return the peer's offer
     */
    public static Capabilities offeredIn(List<Parameter> parameters) {
        boolean forwardTsnParameter = false;
        List<Integer> extensions = List.of();
        int zeroChecksumMethod = NO_ZERO_CHECKSUM;
        for (Parameter p : parameters) {
            if (p instanceof ForwardTsnSupportedParameter) {
                forwardTsnParameter = true;
            } else if (p instanceof SupportedExtensionsParameter s) {
                extensions = s.chunkTypes();
            } else if (p instanceof ZeroChecksumAcceptableParameter z && zeroChecksumMethod == NO_ZERO_CHECKSUM) {
                // RFC 9653 section 4: one method per announcement; should a peer repeat the
                // parameter, the first one counts.
                zeroChecksumMethod = z.errorDetectionMethod();
            }
        }
        // RFC 3758 section 3.1 announces PR-SCTP with its own parameter; usrsctp also lists
        // FORWARD TSN among the supported extensions. Either suffices.
        boolean forwardTsn = forwardTsnParameter || extensions.contains(ChunkType.FORWARD_TSN);
        // RFC 4895 section 6.1: a side that uses AUTH sends RANDOM and HMAC-ALGO; whether they are
        // acceptable is the association's to judge (AuthNegotiation).
        boolean auth = AuthParameters.in(parameters).isPresent();
        return new Capabilities(forwardTsn, extensions.contains(ChunkType.I_DATA), extensions.contains(ChunkType.RE_CONFIG),
                zeroChecksumMethod, auth);
    }

    /**
     * The parameters that announce these capabilities in our INIT or INIT ACK.
     *
     * @return the parameters, possibly none
     */
    public List<Parameter> toParameters() {
        List<Parameter> out = new ArrayList<>(3);
        List<Integer> extensions = new ArrayList<>(4);
        if (forwardTsn) {
            out.add(ForwardTsnSupportedParameter.INSTANCE);
            extensions.add(ChunkType.FORWARD_TSN);
            if (interleaving) {
                extensions.add(ChunkType.I_FORWARD_TSN);
            }
        }
        if (interleaving) {
            extensions.add(ChunkType.I_DATA);
        }
        if (streamReconfig) {
            extensions.add(ChunkType.RE_CONFIG);
        }
        if (auth) {
            extensions.add(ChunkType.AUTH); // RFC 4895 section 6.1 (its parameters are per association)
        }
        if (!extensions.isEmpty()) {
            out.add(new SupportedExtensionsParameter(extensions));
        }
        if (zeroChecksum()) {
            // RFC 9653 section 5.1: announced in the INIT or INIT ACK, never in another chunk.
            out.add(new ZeroChecksumAcceptableParameter(zeroChecksumMethod));
        }
        return out;
    }
}
