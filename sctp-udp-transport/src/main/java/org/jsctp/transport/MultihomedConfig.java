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
     * 9260 section 5.1.2: they are listed in INIT and INIT ACK); with one or none the association
     * lists no address and the peer uses the packets' source address.
     */
    static AssociationConfig withLocalAddresses(AssociationConfig config, List<InetAddress> locals) {
        if (locals.size() < 2) {
            return config;
        }
        return config.toBuilder().localAddresses(locals).build();
    }
}
