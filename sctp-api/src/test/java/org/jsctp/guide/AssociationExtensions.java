package org.jsctp.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.NotificationKind;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpAuthKeys;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpStatistics;

/**
 * The examples of the guide's extensions part negotiated for a whole association: AUTH with keys,
 * zero checksum, Disable Restart for NATs, the adaptation layer indication
 * (docs/guide/extensions.md).
 */
final class AssociationExtensions {

    private AssociationExtensions() {
    }

    /** What the AUTH example observed. */
    record AuthOutcome(boolean authenticated, byte[] delivered, SctpNotification serverTold, byte[] afterRekey) {
    }

    static AuthOutcome auth() throws Exception {
        // tag::auth[]
        byte[] secret = "a secret both ends know".getBytes(UTF_8);       // the endpoint-pair shared key
        SctpEndpoint.Builder server = SctpEndpoint.builder()
                .option(SctpOptions.AUTH_REQUIRED, true)                   // refuse peers without AUTH
                .option(SctpOptions.AUTH_CHUNKS, Set.of(0))                // DATA (chunk type 0) only with AUTH
                .option(SctpOptions.AUTH_KEYS, SctpAuthKeys.of(1, secret))  // key 1, the active one
                .option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.AUTHENTICATION));
        SctpEndpoint.Builder client = SctpEndpoint.builder()
                .option(SctpOptions.AUTH_SUPPORTED, true)
                .option(SctpOptions.AUTH_CHUNKS, Set.of(0))
                .option(SctpOptions.AUTH_KEYS, SctpAuthKeys.of(1, secret));
        // end::auth[]
        try (Peers p = Peers.connect(server, client)) {
            SctpAssociation a = p.client();
            SctpAssociation b = p.server();
            // tag::auth-keys[]
            boolean authenticated = a.isAuthenticatedAsync().get(10, TimeUnit.SECONDS); // both offered it
            a.send(SctpMessage.of("signed".getBytes(UTF_8)));
            // end::auth-keys[]
            byte[] first = b.receive(Duration.ofSeconds(10)).toByteArray();
            SctpNotification told = b.receiveNotification(Duration.ofSeconds(10)); // NEW_KEY for key 1
            // tag::auth-keys[]

            byte[] next = "the next secret".getBytes(UTF_8);               // rolling over to key 2:
            b.setAuthKey(2, next).get(10, TimeUnit.SECONDS);               // 1. both ends add it
            a.setAuthKey(2, next).get(10, TimeUnit.SECONDS);
            a.activateAuthKey(2).get(10, TimeUnit.SECONDS);                // 2. the sender uses it
            a.send(SctpMessage.of("signed with key 2".getBytes(UTF_8)));
            a.deleteAuthKey(1).get(10, TimeUnit.SECONDS);                  // 3. the old one goes
            // end::auth-keys[]
            byte[] second = b.receive(Duration.ofSeconds(10)).toByteArray();
            return new AuthOutcome(authenticated, first, told, second);
        }
    }

    /** Zero checksum on both sides; returns the client's statistics after an exchange. */
    static SctpStatistics zeroChecksum() throws Exception {
        // tag::zero-checksum[]
        // Only where a lower layer protects the datagrams at least as well as CRC32C, e.g. DTLS (EDMID 1)
        SctpEndpoint.Builder server = SctpEndpoint.builder().option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, 1);
        SctpEndpoint.Builder client = SctpEndpoint.builder().option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, 1);
        // end::zero-checksum[]
        try (Peers p = Peers.connect(server, client)) {
            for (int i = 0; i < 5; i++) {
                p.client().send(SctpMessage.of(new byte[2000]));
                p.server().receive(Duration.ofSeconds(10));
            }
            // tag::zero-checksum-count[]
            SctpStatistics s = p.client().statistics();
            System.out.println(s.zeroChecksumPacketsSent() + " of " + s.packetsSent() + " packets without CRC32C");
            // end::zero-checksum-count[]
            return s;
        }
    }

    /** Disable Restart on the server; returns the option as both sides read it and whether data flowed. */
    static boolean[] disableRestart() throws Exception {
        // tag::disable-restart[]
        SctpEndpoint.Builder server = SctpEndpoint.builder()
                .option(SctpOptions.DISABLE_RESTART, true); // behind a NAT: no restart of its associations
        // end::disable-restart[]
        try (Peers p = Peers.connect(server, SctpEndpoint.builder())) {
            p.client().send(SctpMessage.of(new byte[] {1}));
            boolean flowed = p.server().receive(Duration.ofSeconds(10)) != null;
            return new boolean[] {p.server().getOption(SctpOptions.DISABLE_RESTART),
                p.client().getOption(SctpOptions.DISABLE_RESTART), flowed};
        }
    }

    /** The adaptation layer indication: the server announces one, the client is told. */
    static SctpNotification adaptation() throws Exception {
        // tag::adaptation[]
        SctpEndpoint.Builder server = SctpEndpoint.builder()
                .option(SctpOptions.ADAPTATION_LAYER, OptionalInt.of(0x0000_1234)); // sent in INIT ACK
        SctpEndpoint.Builder client = SctpEndpoint.builder()
                .option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.ADAPTATION_INDICATION));
        // end::adaptation[]
        try (Peers p = Peers.connect(server, client)) {
            // tag::adaptation-told[]
            SctpNotification n = p.client().receiveNotification(Duration.ofSeconds(10));
            if (n instanceof SctpNotification.AdaptationIndication ai) {
                System.out.printf("the peer's adaptation layer: 0x%08x%n", ai.indication());
            }
            // end::adaptation-told[]
            return n;
        }
    }
}
