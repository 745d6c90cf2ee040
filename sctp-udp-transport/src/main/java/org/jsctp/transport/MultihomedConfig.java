package org.jsctp.transport;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.assoc.AssociationConfig;

/** How the endpoint's bound addresses reach the core's association settings. */
final class MultihomedConfig {

    private MultihomedConfig() {
    }

    /**
     * {@code config} with {@code locals} as its local addresses when there are two or more (RFC
     * 9260 section 5.1.2: they are listed in INIT and INIT ACK), or when ASCONF is offered and there
     * is one (not the wildcard); otherwise the association lists no address and the peer uses the
     * packets' source address.
     */
    static AssociationConfig withLocalAddresses(AssociationConfig config, List<InetAddress> locals) {
        if (locals.size() == 1 && config.asconfSupported() && locals.get(0) != null
                && !locals.get(0).isAnyLocalAddress()) {
            // RFC 5061 section 4.1.1: an ASCONF names an address of ours the peer knows, so with
            // ASCONF offered even a single bound address is listed, to be able to add others later.
            return config.toBuilder().localAddresses(locals).build();
        }
        if (locals.size() < 2) {
            return config;
        }
        return config.toBuilder().localAddresses(locals).build();
    }
}
