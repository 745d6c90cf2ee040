package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multi-homing against usrsctp 0.9.5 (RFC 9260 section 6.4): both sides bound to 127.0.0.1 and
 * 127.0.0.2 inside a network namespace of the test's own ({@link NetNamespace}, since usrsctp
 * binds only addresses present on an interface), our side a child JVM there
 * ({@link MultihomedPeerMain}), usrsctp our scriptable peer ({@code usrsctp_peer.c} with
 * {@code usrsctp_bindx} / {@code usrsctp_connectx}). Skipped without root or usrsctp.
 */
class UsrsctpMultihomingInteropTest {

    private static final Path LOGS = Path.of("target", "usrsctp-multihoming");
    private static final String BOTH = "127.0.0.1,127.0.0.2";
    private static final Map<String, String> BIND_BOTH = Map.of("USRSCTP_PEER_BIND", BOTH);
    /** Both addresses, and path timers short enough that usrsctp, too, fails over within the test. */
    private static final Map<String, String> BIND_BOTH_QUICK = Map.of("USRSCTP_PEER_BIND", BOTH,
            "USRSCTP_PEER_RTO", "200,100,400", "USRSCTP_PEER_PATH_MAX_RXT", "2", "USRSCTP_PEER_HB_INTERVAL", "300");

    private static UsrsctpPeer ours(NetNamespace ns, String log, String... args) throws Exception {
        return UsrsctpFixture.ourPeerIn(ns, LOGS.resolve(log), args);
    }

    @Test
    void usrsctpConnectsToBothOfOurAddressesAndEachSideSeesTwoPeerAddresses() throws Exception {
        UsrsctpPeer.binary();
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer us = ours(ns, "setup-ours.log", "listen", "9901", "5001", BOTH)) {
            us.await("READY");
            try (UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("setup-usrsctp.log"), BIND_BOTH,
                    "connect", "9902", "9901", BOTH, "5001")) {
                them.await("READY");
                us.await("UP");
                them.command("paddrs");
                them.command("laddrs");
                String theirView = them.await("PADDRS");
                assertThat(theirView).contains(" 127.0.0.1=ACTIVE").contains(" 127.0.0.2=ACTIVE");
                assertThat(them.await("LADDRS")).contains("127.0.0.1").contains("127.0.0.2");
                // 127.0.0.2 came in the INIT: a path, but unconfirmed until a heartbeat answers (RFC 9260 5.4)
                us.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=CONFIRMED");
                us.command("paddrs");
                String ourView = us.await("PADDRS");
                assertThat(ourView.split(" ")).hasSize(3).contains("127.0.0.1=ACTIVE", "127.0.0.2=ACTIVE");
                assertThat(us.await("PRIMARY")).isIn("PRIMARY 127.0.0.1", "PRIMARY 127.0.0.2");
                them.quit();
            }
            us.quit();
        }
    }

    @Test
    void whenThePrimaryAddressDiesMidTransferEveryMessageReachesUsrsctpOnceInOrder() throws Exception {
        UsrsctpPeer.binary();
        int total = 300;
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("failover-usrsctp.log"), BIND_BOTH_QUICK,
                     "listen", "9902", "9901", "5001")) {
            them.await("READY");
            // 127.0.0.2 first, so it is our primary, and it is the one that dies: usrsctp sends every packet
            // from its wildcard socket with the source the kernel picks, 127.0.0.1 in the namespace, and our
            // answers that go to the source (HEARTBEAT ACK, RFC 9260 section 8.3) must still get through.
            try (UsrsctpPeer us = ours(ns, "failover-ours.log", "connect", "9901", "5002", BOTH, "9902",
                    "127.0.0.2,127.0.0.1", "5001")) {
                us.await("UP");
                us.command("paddrs");
                assertThat(us.await("PRIMARY")).isEqualTo("PRIMARY 127.0.0.2");
                assertThat(us.await("PADDRS")).contains("127.0.0.1=ACTIVE", "127.0.0.2=ACTIVE");
                us.command("send 50 1000");
                them.awaitLines(l -> l.startsWith("MSG "), 50);

                us.command("drop 127.0.0.2"); // our 127.0.0.2 and the way to theirs: gone, mid-transfer
                us.command("send 250 1000");
                List<String> messages = them.awaitLines(l -> l.startsWith("MSG "), total);
                us.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=");

                List<String> expected = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    expected.add("MSG stream=0 ppid=" + i + " len=1000 eor=1");
                }
                assertThat(messages).containsExactlyElementsOf(expected);
                String change = us.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=");
                assertThat(change).matches(".*state=(POTENTIALLY_FAILED|UNREACHABLE)");
                us.quit(); // a graceful shutdown over what is left: usrsctp's answers to our dead address fail over too
            }
            them.await("EVENT ASSOC_CHANGE SHUTDOWN_COMP");
            assertThat(them.lines().stream().filter(l -> l.startsWith("MSG ")).count()).isEqualTo(total);
            them.quit();
        }
    }
}
