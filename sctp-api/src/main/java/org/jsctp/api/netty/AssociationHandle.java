package org.jsctp.api.netty;

import com.sun.nio.sctp.Association;
import org.jsctp.api.SctpAssociation;

/**
 * The {@link com.sun.nio.sctp.Association} a {@link UdpSctpChannel} returns from
 * {@code association()}: its id and stream counts (RFC 9260 section 5.1), and through
 * {@link #sctpAssociation()} our own association with every extension.
 */
public final class AssociationHandle extends Association {

    private final SctpAssociation association;

    AssociationHandle(SctpAssociation association) {
        super(association.id(), association.inboundStreams(), association.outboundStreams());
        this.association = association;
    }

    /** {@return our association behind it: statistics, stream reset, AUTH keys and the rest of {@code sctp-api}} */
    public SctpAssociation sctpAssociation() {
        return association;
    }

    @Override
    public String toString() {
        return "AssociationHandle[" + association + "]";
    }
}
