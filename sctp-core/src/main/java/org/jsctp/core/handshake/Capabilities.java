package org.jsctp.core.handshake;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.auth.AuthParameters;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.DisableRestartParameter;
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
 * @param asconf dynamic address reconfiguration (RFC 5061 section 4.2.7: ASCONF and ASCONF-ACK
 *     both in Supported Extensions). ASCONF chunks must be authenticated (section 4.1.1), so it
 *     is only usable together with AUTH (RFC 4895)
 * @param nrSack NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2: NR-SACK, chunk type 0x10,
 *     in Supported Extensions)
 * @param disableRestart the Disable Restart parameter (draft-ietf-tsvwg-natsupp section 5.3.1) is
 *     (to be) sent. Unlike the other flags, in what {@link #commonWith} returns it is set when
 *     <em>either</em> side sent it: then neither side accepts a restart of the association
 * @param auth AUTH (RFC 4895 section 6.1: RANDOM and HMAC-ALGO parameters, AUTH in Supported
 *     Extensions); how it is used is {@code AssociationConfig.auth()}
 */
public record Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig, int zeroChecksumMethod,
                           boolean asconf, boolean nrSack, boolean disableRestart, boolean auth) {

    /**
     * No zero checksum: RFC 9653 section 8 reserves EDMID 0, so it never names a method and can
     * stand for "not announced".
     */
    public static final int NO_ZERO_CHECKSUM = ZeroChecksumAcceptableParameter.EDMID_RESERVED;

    /** No extension at all: the base protocol of RFC 9260. */
    public static final Capabilities NONE = new Capabilities(false, false, false, NO_ZERO_CHECKSUM);

    /**
     * Capabilities without ASCONF, NR-SACK and Disable Restart.
     *
     * @param forwardTsn PR-SCTP offered
     * @param interleaving I-DATA offered
     * @param streamReconfig RE-CONFIG offered
     * @param zeroChecksumMethod the EDMID announced, or {@link #NO_ZERO_CHECKSUM}
     */
    public Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig, int zeroChecksumMethod) {
        this(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, false, false, false, false);
    }

    /**
     * Capabilities without ASCONF and AUTH.
     *
     * @param forwardTsn PR-SCTP offered
     * @param interleaving I-DATA offered
     * @param streamReconfig RE-CONFIG offered
     * @param zeroChecksumMethod the EDMID announced, or {@link #NO_ZERO_CHECKSUM}
     * @param nrSack NR-SACK offered
     * @param disableRestart Disable Restart sent
     */
    public Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig, int zeroChecksumMethod,
                        boolean nrSack, boolean disableRestart) {
        this(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, false, nrSack, disableRestart, false);
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
        return new Capabilities(value, interleaving, streamReconfig, zeroChecksumMethod, asconf, nrSack, disableRestart, auth);
    }

    /**
     * These capabilities with I-DATA offered or not.
     *
     * @param value whether I-DATA is offered
     * @return the changed capabilities
     */
    public Capabilities withInterleaving(boolean value) {
        return new Capabilities(forwardTsn, value, streamReconfig, zeroChecksumMethod, asconf, nrSack, disableRestart, auth);
    }

    /**
     * These capabilities with RE-CONFIG offered or not.
     *
     * @param value whether RE-CONFIG is offered
     * @return the changed capabilities
     */
    public Capabilities withStreamReconfig(boolean value) {
        return new Capabilities(forwardTsn, interleaving, value, zeroChecksumMethod, asconf, nrSack, disableRestart, auth);
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
        return new Capabilities(forwardTsn, interleaving, streamReconfig, edmid, asconf, nrSack, disableRestart, auth);
    }

    /**
     * These capabilities with ASCONF (RFC 5061) offered or not.
     *
     * @param value whether ASCONF and ASCONF-ACK are offered
     * @return the changed capabilities
     */
    public Capabilities withAsconf(boolean value) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, value, nrSack, disableRestart, auth);
    }

    /**
     * These capabilities with NR-SACK offered or not (draft-tuexen-tsvwg-sctp-multipath section
     * 4.2).
     *
     * @param value whether NR-SACK is offered
     * @return the changed capabilities
     */
    public Capabilities withNrSack(boolean value) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, asconf, value, disableRestart, auth);
    }

    /**
     * These capabilities sending the Disable Restart parameter or not (draft-ietf-tsvwg-natsupp
     * section 5.3.1).
     *
     * @param value whether Disable Restart is sent
     * @return the changed capabilities
     */
    public Capabilities withDisableRestart(boolean value) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, asconf, nrSack, value, auth);
    }

    /**
     * These capabilities with AUTH offered or not (RFC 4895).
     *
     * @param value whether AUTH is offered
     * @return the changed capabilities
     */
    public Capabilities withAuth(boolean value) {
        return new Capabilities(forwardTsn, interleaving, streamReconfig, zeroChecksumMethod, asconf, nrSack, disableRestart, value);
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
        // draft-ietf-tsvwg-natsupp section 6.1: a restart is refused when either side sent Disable
        // Restart, so this one flag is the union, not the intersection.
        return new Capabilities(forwardTsn && peer.forwardTsn, interleaving && peer.interleaving,
                streamReconfig && peer.streamReconfig, zeroChecksumCommon,
                asconf && peer.asconf && auth && peer.auth, // RFC 5061 section 4.1.1: never without AUTH
                nrSack && peer.nrSack,
                disableRestart || peer.disableRestart, auth && peer.auth);
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
        boolean disableRestart = false;
        for (Parameter p : parameters) {
            if (p instanceof DisableRestartParameter) {
                disableRestart = true;
            }
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
        // RFC 5061 section 4.2.7: an ASCONF endpoint lists both ASCONF and ASCONF-ACK.
        // RFC 4895 section 6.1: a side that uses AUTH sends RANDOM and HMAC-ALGO; whether they are
        // acceptable is the association's to judge (AuthNegotiation).
        java.util.Optional<AuthParameters> authParameters = AuthParameters.in(parameters);
        boolean auth = authParameters.isPresent();
        // RFC 5061 section 4.1.1: ASCONF and ASCONF-ACK travel authenticated, so a peer offers
        // ASCONF only with AUTH, listing both in its CHUNKS parameter (section 4.2.7 for the rest).
        boolean asconf = extensions.contains(ChunkType.ASCONF) && extensions.contains(ChunkType.ASCONF_ACK)
                && authParameters.filter(a -> a.requires(ChunkType.ASCONF) && a.requires(ChunkType.ASCONF_ACK))
                .isPresent();
        return new Capabilities(forwardTsn, extensions.contains(ChunkType.I_DATA), extensions.contains(ChunkType.RE_CONFIG),
                zeroChecksumMethod, asconf, extensions.contains(ChunkType.NR_SACK), disableRestart, auth);
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
        if (asconf) {
            extensions.add(ChunkType.ASCONF); // RFC 5061 section 4.2.7: both chunk types
            extensions.add(ChunkType.ASCONF_ACK);
        }
        if (auth) {
            extensions.add(ChunkType.AUTH); // RFC 4895 section 6.1 (its parameters are per association)
        }
        if (nrSack) {
            extensions.add(ChunkType.NR_SACK);
        }
        if (!extensions.isEmpty()) {
            out.add(new SupportedExtensionsParameter(extensions));
        }
        if (zeroChecksum()) {
            // RFC 9653 section 5.1: announced in the INIT or INIT ACK, never in another chunk.
            out.add(new ZeroChecksumAcceptableParameter(zeroChecksumMethod));
        }
        if (disableRestart) {
            out.add(DisableRestartParameter.INSTANCE); // draft-ietf-tsvwg-natsupp sections 5.3.1 and 6.1
        }
        return out;
    }
}
