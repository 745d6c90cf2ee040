package org.jsctp.guide;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PathMtuParameters;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPathStatistics;

/**
 * The examples of the guide's extensions part about paths: multi-homing with the PF threshold,
 * ASCONF, PLPMTUD or a fixed MTU, NR-SACK and CMT (docs/guide/extensions.md). Multi-homing uses
 * 127.0.0.1 and 127.0.0.2, both on Linux's loopback.
 */
final class PathExtensions {

    private PathExtensions() {
    }

    /** What the multi-homing example observed. */
    record MultihomingOutcome(List<InetAddress> peerAddresses, InetAddress primary, List<SctpPathStatistics> paths,
                              int pfThreshold, byte[] delivered) {
    }

    static MultihomingOutcome multihoming() throws Exception {
        // tag::multihoming[]
        InetAddress a1 = InetAddress.getByName("127.0.0.1");
        InetAddress a2 = InetAddress.getByName("127.0.0.2");
        SctpEndpoint.Builder server = SctpEndpoint.builder().localAddresses(a1, a2); // one UDP port on both
        SctpEndpoint.Builder client = SctpEndpoint.builder().localAddresses(a1, a2)
                .option(SctpOptions.PEER_ADDR_THLDS, 1); // a path with 2 errors is Potentially Failed (RFC 7829)
        // end::multihoming[]
        try (Peers p = Peers.connectMultihomed(server, client)) {
            // tag::multihoming-paths[]
            SctpAssociation a = p.client();
            System.out.println("peer " + a.peerAddresses() + ", primary " + a.primaryAddress());
            a.setPrimary(a2);                                   // new data goes to 127.0.0.2 from now on
            a.send(SctpMessage.of(new byte[] {42}));
            for (SctpPathStatistics path : a.pathStatistics()) {
                System.out.println(path.address() + " " + path.state() + " srtt " + path.srtt() + " rto " + path.rto());
            }
            // end::multihoming-paths[]
            byte[] got = p.server().receive(java.time.Duration.ofSeconds(10)).toByteArray();
            return new MultihomingOutcome(a.peerAddresses(), a.primaryAddress(), a.pathStatistics(),
                    a.getOption(SctpOptions.PEER_ADDR_THLDS), got);
        }
    }

    /** What the ASCONF example observed: the server's view of the client's addresses after each step. */
    record AsconfOutcome(List<List<InetAddress>> serverSawPeerAddresses, List<InetAddress> serverSawPrimary,
                         byte[] deliveredOverTheNewAddress) {
    }

    static AsconfOutcome asconf() throws Exception {
        // tag::asconf[]
        InetAddress a1 = InetAddress.getByName("127.0.0.1");
        InetAddress a2 = InetAddress.getByName("127.0.0.2");
        SctpEndpoint.Builder server = SctpEndpoint.builder().localAddresses(a1, a2)
                .option(SctpOptions.ASCONF_ENABLED, true);      // turns AUTH on too (RFC 5061 section 4.1.1)
        SctpEndpoint.Builder client = SctpEndpoint.builder().localAddresses(a1) // one address to start with
                .option(SctpOptions.ASCONF_ENABLED, true);
        // end::asconf[]
        List<List<InetAddress>> seen = new ArrayList<>();
        List<InetAddress> primaries = new ArrayList<>();
        try (Peers p = Peers.connectMultihomed(server, client)) {
            SctpAssociation b = p.server();
            seen.add(b.peerAddresses());
            // tag::asconf-requests[]
            SctpAssociation a = p.client();
            a.bindAddress(a2).get(10, TimeUnit.SECONDS);    // a socket on 127.0.0.2, then ASCONF Add IP Address
            // end::asconf-requests[]
            Wait.until("the server added 127.0.0.2", () -> b.peerAddresses().contains(a2));
            seen.add(b.peerAddresses());
            // tag::asconf-requests[]
            a.setPeerPrimary(a2).get(10, TimeUnit.SECONDS); // ASCONF Set Primary Address: the peer sends there
            // end::asconf-requests[]
            Wait.until("the server's primary is 127.0.0.2", () -> a2.equals(b.primaryAddress()));
            primaries.add(b.primaryAddress());
            b.send(SctpMessage.of(new byte[] {7}));
            byte[] got = a.receive(java.time.Duration.ofSeconds(10)).toByteArray();
            // tag::asconf-requests[]
            a.setPeerPrimary(a1).get(10, TimeUnit.SECONDS);
            a.unbindAddress(a2).get(10, TimeUnit.SECONDS);  // ASCONF Delete IP Address, then the socket closes
            // end::asconf-requests[]
            Wait.until("the server dropped 127.0.0.2", () -> b.peerAddresses().equals(List.of(a1)));
            seen.add(b.peerAddresses());
            primaries.add(b.primaryAddress());
            return new AsconfOutcome(seen, primaries, got);
        }
    }

    /** What the path MTU example observed: the probing client's path and the fixed one's. */
    record MtuOutcome(SctpPathStatistics probing, SctpPathStatistics fixed) {
    }

    static MtuOutcome pathMtu() throws Exception {
        // tag::pmtud[]
        SctpEndpoint.Builder probing = SctpEndpoint.builder() // the default: RFC 8899 probing from 1200 bytes
                .option(SctpOptions.PATH_MTU, new PathMtuParameters(true, 9000)); // ... up to at most 9000
        SctpEndpoint.Builder fixed = SctpEndpoint.builder()
                .option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(1280)); // no probes, packets up to 1280
        // end::pmtud[]
        SctpPathStatistics probingPath;
        SctpPathStatistics fixedPath;
        try (Peers p = Peers.connect(SctpEndpoint.builder(), probing)) {
            // tag::pmtud-state[]
            SctpPathStatistics path = p.client().pathStatistics().get(0);
            System.out.println("MTU " + path.mtu() + " (" + path.mtuState() + ")"); // BASE, SEARCHING, then SEARCH_COMPLETE
            // end::pmtud-state[]
            probingPath = path;
        }
        try (Peers p = Peers.connect(SctpEndpoint.builder(), fixed)) {
            fixedPath = p.client().pathStatistics().get(0);
        }
        return new MtuOutcome(probingPath, fixedPath);
    }

    /** NR-SACK on both sides; returns how many messages arrived and the option as read back. */
    static Object[] nrSack() throws Exception {
        // tag::nr-sack[]
        SctpEndpoint.Builder server = SctpEndpoint.builder().option(SctpOptions.NR_SACK_SUPPORTED, true);
        SctpEndpoint.Builder client = SctpEndpoint.builder().option(SctpOptions.NR_SACK_SUPPORTED, true);
        // end::nr-sack[]
        try (Peers p = Peers.connect(server, client)) {
            for (int i = 0; i < 20; i++) {
                p.client().send(SctpMessage.of(new byte[3000]).withStream(i % 3));
            }
            int n = 0;
            while (n < 20 && p.server().receive(java.time.Duration.ofSeconds(10)) != null) {
                n++;
            }
            return new Object[] {n, p.client().getOption(SctpOptions.NR_SACK_SUPPORTED)};
        }
    }

    /** CMT between two multi-homed endpoints; returns the client's paths after a transfer. */
    static List<SctpPathStatistics> cmt() throws Exception {
        InetAddress a1 = InetAddress.getByName("127.0.0.1");
        InetAddress a2 = InetAddress.getByName("127.0.0.2");
        // tag::cmt[]
        SctpEndpoint.Builder server = SctpEndpoint.builder().localAddresses(a1, a2)
                .option(SctpOptions.NR_SACK_SUPPORTED, true)    // CMT runs only over NR-SACK
                .option(SctpOptions.CMT_ENABLED, true);
        SctpEndpoint.Builder client = SctpEndpoint.builder().localAddresses(a1, a2)
                .option(SctpOptions.NR_SACK_SUPPORTED, true)
                .option(SctpOptions.CMT_ENABLED, true);
        // end::cmt[]
        try (Peers p = Peers.connectMultihomed(server, client)) {
            SctpAssociation a = p.client();
            for (int i = 0; i < 200; i++) {
                a.send(SctpMessage.of(new byte[1000]));
            }
            for (int i = 0; i < 200; i++) {
                p.server().receive(java.time.Duration.ofSeconds(10));
            }
            // tag::cmt-paths[]
            for (SctpPathStatistics path : a.pathStatistics()) {   // new data spread over both paths
                System.out.println(path.address() + ": " + path.dataPacketsSent() + " DATA packets, cwnd " + path.cwnd());
            }
            // end::cmt-paths[]
            return a.pathStatistics();
        }
    }
}
