package org.jsctp.api;

import org.jsctp.core.cmt.CmtActivation;
import org.jsctp.core.handshake.Capabilities;

/**
 * The extensions an association uses: those both sides offered in INIT and INIT ACK (RFC 9260
 * section 5.1 with the Supported Extensions parameter of RFC 5061 section 4.2.7 and the parameters
 * of each extension), as opposed to what {@link SctpAssociation#getOption} says this side offers.
 *
 * @param partialReliability PR-SCTP (RFC 3758): FORWARD TSN or I-FORWARD-TSN may skip abandoned data
 * @param interleaving user message interleaving (RFC 8260): I-DATA instead of DATA
 * @param streamReconfig stream reconfiguration (RFC 6525): RE-CONFIG requests can be made and are answered
 * @param auth AUTH (RFC 4895): chunks are authenticated as both sides asked
 * @param asconf ASCONF (RFC 5061): addresses can be added and deleted and the peer's primary set
 * @param nrSack NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4): acknowledgements are NR-SACKs
 * @param cmt concurrent multipath transfer runs (draft-tuexen-tsvwg-sctp-multipath section 3):
 *     {@link SctpOptions#CMT_ENABLED} is on here and NR-SACK was negotiated
 * @param zeroChecksum zero checksum (RFC 9653): the peer accepts packets without CRC32C from us
 * @param disableRestart Disable Restart (draft-ietf-tsvwg-natsupp section 5.3.1): a restart of the
 *     association is refused
 */
public record SctpNegotiatedExtensions(boolean partialReliability, boolean interleaving, boolean streamReconfig,
                                       boolean auth, boolean asconf, boolean nrSack, boolean cmt,
                                       boolean zeroChecksum, boolean disableRestart) {

    /** None: the base protocol of RFC 9260, also what an association not yet set up reports. */
    public static final SctpNegotiatedExtensions NONE =
            new SctpNegotiatedExtensions(false, false, false, false, false, false, false, false, false);

    static SctpNegotiatedExtensions of(Capabilities c, boolean cmtEnabled) {
        return new SctpNegotiatedExtensions(c.forwardTsn(), c.interleaving(), c.streamReconfig(), c.auth(),
                c.asconf(), c.nrSack(), CmtActivation.isActive(cmtEnabled, c.nrSack()),
                c.zeroChecksumMethod() != Capabilities.NO_ZERO_CHECKSUM, c.disableRestart());
    }
}
