package org.jsctp.core.assoc;

import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.packet.param.AdaptationLayerIndicationParameter;
import org.jsctp.core.packet.param.Parameter;

/**
 * The Adaptation Layer Indication of RFC 5061 section 4.2.6: an opaque 32-bit code point each side
 * may announce in its INIT or INIT ACK for the layer above SCTP; SCTP only carries it, and the
 * user hears of the peer's (SCTP_ADAPTATION_INDICATION, RFC 6458 section 6.1.6) when the
 * association comes up.
 */
final class AdaptationLayer {

    private AdaptationLayer() {
    }

    /** Our parameter for an INIT or INIT ACK: none unless the configuration names a code point. */
    static List<Parameter> parameters(AssociationConfig config) {
        OptionalInt ours = config.adaptationIndication();
        return ours.isPresent() ? List.of(new AdaptationLayerIndicationParameter(ours.getAsInt())) : List.of();
    }

    /** The peer's code point in its INIT or INIT ACK parameters; the first if it sent several. */
    static OptionalInt in(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (p instanceof AdaptationLayerIndicationParameter a) {
                return OptionalInt.of(a.adaptationCodePoint());
            }
        }
        return OptionalInt.empty();
    }
}
