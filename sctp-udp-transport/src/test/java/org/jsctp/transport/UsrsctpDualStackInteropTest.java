package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Multi-homing across both address families against usrsctp 0.9.5 (RFC 9260 sections 5.1.2 and
 * 6.4): each side bound to 127.0.0.1 and ::1 inside a network namespace of the test's own, so one
 * association has an IPv4 and an IPv6 path. usrsctp is our peer program on an AF_INET6 socket
 * (which takes IPv4 addresses too) with {@code usrsctp_bindx} of both families; its UDP
 * encapsulation has a socket of each family on its UDP port. Our side is a child JVM there
 * ({@link MultihomedPeerMain}). Skipped without root, usrsctp, or IPv6 in the namespace.
 */
class UsrsctpDualStackInteropTest {

    private static final Path LOGS = Path.of("target", "usrsctp-dualstack");
    private static final String BOTH = "127.0.0.1,::1";
    /** How Java writes ::1 (InetAddress.getHostAddress), the form our peer program prints. */
    private static final String V6 = "0:0:0:0:0:0:0:1";
    private static final Map<String, String> BIND_BOTH = Map.of("USRSCTP_PEER_BIND", BOTH);
    /** Both addresses, and path timers short enough that usrsctp, too, fails over within the test. */
    private static final Map<String, String> BIND_BOTH_QUICK = Map.of("USRSCTP_PEER_BIND", BOTH,
            "USRSCTP_PEER_RTO", "200,100,400", "USRSCTP_PEER_PATH_MAX_RXT", "2", "USRSCTP_PEER_HB_INTERVAL", "300");

    private static NetNamespace dualStackNamespace() throws Exception {
        UsrsctpPeer.binary();
        NetNamespace ns = NetNamespace.create();
        if (!ns.hasIpv6Loopback()) {
            ns.close();
            Assumptions.abort("the network namespace's lo has no ::1 (IPv6 disabled on this host)");
        }
        return ns;
    }

    private static UsrsctpPeer ours(NetNamespace ns, String log, String... args) throws Exception {
        return UsrsctpFixture.ourPeerIn(ns, LOGS.resolve(log), args);
    }

    @Test
    void usrsctpConnectsToOurIpv4AndIpv6AddressesAndEachSideListsBothFamilies() throws Exception {
        try (NetNamespace ns = dualStackNamespace();
             UsrsctpPeer us = ours(ns, "setup-ours.log", "listen", "21901", "5001", BOTH)) {
            us.await("READY");
            try (UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("setup-usrsctp.log"), BIND_BOTH,
                    "connect", "21902", "21901", BOTH, "5001")) {
                them.await("READY");
                us.await("UP");
                // ::1 came in the INIT as an IPv6 Address parameter: confirmed once a heartbeat answers (RFC 9260 5.4)
                us.await("EVENT PEER_ADDR_CHANGE addr=" + V6 + " state=CONFIRMED");
                them.command("paddrs");
                them.command("laddrs");
                assertThat(them.await("PADDRS")).contains(" 127.0.0.1=ACTIVE").contains(" ::1=ACTIVE");
                assertThat(them.await("LADDRS").split(" ")).contains("127.0.0.1", "::1");
                us.command("paddrs");
                String ourView = us.await("PADDRS");
                assertThat(ourView.split(" ")).hasSize(3).contains("127.0.0.1=ACTIVE", V6 + "=ACTIVE");
                us.command("send 20 1000");
                List<String> messages = them.awaitLines(l -> l.startsWith("MSG "), 20);
                assertThat(messages).containsExactlyElementsOf(expected(0, 20));
                them.quit();
            }
            us.quit();
        }
    }

    @Test
    void whenTheIpv4PathDiesMidTransferEveryMessageReachesUsrsctpOnceInOrderOverIpv6() throws Exception {
        int total = 300;
        try (NetNamespace ns = dualStackNamespace();
             UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("failover-usrsctp.log"), BIND_BOTH_QUICK,
                     "listen", "21902", "21901", "5001")) {
            them.await("READY");
            // 127.0.0.1 first, so the IPv4 path is our primary: it is the one that dies.
            try (UsrsctpPeer us = ours(ns, "failover-ours.log", "connect", "21901", "5002", BOTH, "21902",
                    "127.0.0.1,::1", "5001")) {
                us.await("UP"); // both addresses were ours to give (connectx): no confirmation needed
                us.command("paddrs");
                assertThat(us.await("PRIMARY")).isEqualTo("PRIMARY 127.0.0.1");
                assertThat(us.await("PADDRS")).contains("127.0.0.1=ACTIVE", V6 + "=ACTIVE");
                them.command("paddrs");
                assertThat(them.await("PADDRS")).contains(" 127.0.0.1=ACTIVE").contains(" ::1=");
                us.command("send 50 1000");
                them.awaitLines(l -> l.startsWith("MSG "), 50);

                // IPv4 gone, mid-transfer: our 127.0.0.1 socket and the way to theirs (the harness's filter)
                us.command("drop 127.0.0.1");
                us.command("send 250 1000");
                List<String> messages = them.awaitLines(l -> l.startsWith("MSG "), total);
                assertThat(messages).containsExactlyElementsOf(expected(0, total));
                String change = us.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.1 state=");
                assertThat(change).matches(".*state=(POTENTIALLY_FAILED|UNREACHABLE)");
                us.command("paddrs");
                assertThat(us.awaitLines(l -> l.startsWith("PADDRS"), 2).get(1)).contains(V6 + "=ACTIVE");
                us.quit(); // a graceful shutdown over the IPv6 path
            }
            them.await("EVENT ASSOC_CHANGE SHUTDOWN_COMP");
            assertThat(them.lines().stream().filter(l -> l.startsWith("MSG ")).count()).isEqualTo(total);
            them.quit();
        }
    }

    private static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("MSG stream=0 ppid=" + i + " len=1000 eor=1");
        }
        return out;
    }
}
