package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ASCONF (RFC 5061) against usrsctp 0.9.5, with AUTH (HMAC-SHA-1, the only one usrsctp 0.9.5
 * offers) as section 4.1.1 requires, in a network namespace of the test's own where 127.0.0.2
 * exists ({@link NetNamespace}). Our side is a child JVM there ({@link MultihomedPeerMain} with
 * {@code MULTIHOMED_PEER_ASCONF=1}); usrsctp is {@code usrsctp_peer.c} with
 * {@code USRSCTP_PEER_ASCONF=1}. Skipped without root or usrsctp.
 */
class UsrsctpAsconfInteropTest {

    private static final Path LOGS = Path.of("target", "usrsctp-asconf");
    private static final String BOTH = "127.0.0.1,127.0.0.2";

    private static UsrsctpPeer ours(NetNamespace ns, String log, String... args) throws Exception {
        List<String> command = new ArrayList<>(ns.exec(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dio.netty.leakDetection.level=PARANOID",
                MultihomedPeerMain.class.getName()));
        command.addAll(List.of(args));
        return UsrsctpPeer.spawn(LOGS.resolve(log), command, Map.of("MULTIHOMED_PEER_ASCONF", "1"));
    }

    /** The {@code n}th line (1-based) that starts with {@code prefix}. */
    private static String nth(UsrsctpPeer peer, String prefix, int n) throws InterruptedException {
        return peer.awaitLines(l -> l.startsWith(prefix), n).get(n - 1);
    }

    @Test
    void usrsctpAcknowledgesOurDeleteAddAndSetPrimaryAndTheTransferGoesOn() throws Exception {
        UsrsctpPeer.binary();
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("ours-usrsctp.log"),
                     Map.of("USRSCTP_PEER_BIND", BOTH, "USRSCTP_PEER_ASCONF", "1"), "listen", "9912", "9911", "5011")) {
            them.await("READY");
            try (UsrsctpPeer us = ours(ns, "ours-ours.log", "connect", "9911", "5012", BOTH, "9912", BOTH, "5011")) {
                us.await("UP");
                them.await("ACCEPTED");
                them.command("paddrs");
                assertThat(nth(them, "PADDRS", 1)).contains(" 127.0.0.1=").contains(" 127.0.0.2=");

                // Delete 127.0.0.1 (RFC 5061 section 4.2.2): usrsctp acknowledges it and drops the path.
                us.command("del 127.0.0.1");
                us.await("QUEUED del");
                assertThat(us.await("ASCONF DELETE addr=127.0.0.1")).endsWith("success=true");
                us.command("laddrs");
                assertThat(nth(us, "LADDRS", 1)).isEqualTo("LADDRS 127.0.0.2");
                them.command("paddrs");
                String after = nth(them, "PADDRS", 2);
                assertThat(after).contains(" 127.0.0.2=").doesNotContain("127.0.0.1=");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.1 state=ADDR_REMOVED");

                us.command("send 50 1000"); // the transfer goes on over 127.0.0.2
                them.awaitLines(l -> l.startsWith("MSG "), 50);

                // Add it back (section 4.2.1), then make it usrsctp's primary (section 4.2.4).
                us.command("add 127.0.0.1");
                assertThat(us.await("ASCONF ADD addr=127.0.0.1")).endsWith("success=true");
                them.command("paddrs");
                assertThat(nth(them, "PADDRS", 3)).contains(" 127.0.0.1=").contains(" 127.0.0.2=");
                us.command("peer-primary 127.0.0.1");
                assertThat(us.await("ASCONF SET_PEER_PRIMARY addr=127.0.0.1")).endsWith("success=true");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.1 state=ADDR_ADDED");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.1 state=ADDR_MADE_PRIM");

                us.command("send 50 1000");
                List<String> messages = them.awaitLines(l -> l.startsWith("MSG "), 100);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    expected.add("MSG stream=0 ppid=" + i + " len=1000 eor=1");
                }
                assertThat(messages).containsExactlyElementsOf(expected);
                us.quit();
            }
            them.await("EVENT ASSOC_CHANGE SHUTDOWN_COMP");
            them.quit();
        }
    }

    @Test
    void startingOn127001OnlyWeAdd127002MakeItUsrsctpsPrimaryAndDelete127001WhileTheTransferGoesOn()
            throws Exception {
        UsrsctpPeer.binary();
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("grow-usrsctp.log"),
                     Map.of("USRSCTP_PEER_BIND", BOTH, "USRSCTP_PEER_ASCONF", "1"), "listen", "9932", "9931", "5031")) {
            them.await("READY");
            try (UsrsctpPeer us = ours(ns, "grow-ours.log", "connect", "9931", "5032", "127.0.0.1", "9932", BOTH,
                    "5031")) {
                us.await("UP");
                them.await("ACCEPTED");
                them.command("paddrs");
                assertThat(nth(them, "PADDRS", 1)).contains(" 127.0.0.1=").doesNotContain("127.0.0.2=");

                us.command("add 127.0.0.2"); // our endpoint opens a socket on it, then asks usrsctp
                assertThat(us.await("ASCONF ADD addr=127.0.0.2")).endsWith("success=true");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=ADDR_ADDED");
                them.command("paddrs");
                assertThat(nth(them, "PADDRS", 2)).contains(" 127.0.0.1=").contains(" 127.0.0.2=");
                us.command("peer-primary 127.0.0.2");
                assertThat(us.await("ASCONF SET_PEER_PRIMARY addr=127.0.0.2")).endsWith("success=true");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=ADDR_MADE_PRIM");

                us.command("send 30 1000");
                them.awaitLines(l -> l.startsWith("MSG "), 30);
                us.command("del 127.0.0.1");
                assertThat(us.await("ASCONF DELETE addr=127.0.0.1")).endsWith("success=true");
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.1 state=ADDR_REMOVED");
                us.command("send 30 1000");
                List<String> messages = them.awaitLines(l -> l.startsWith("MSG "), 60);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    expected.add("MSG stream=0 ppid=" + i + " len=1000 eor=1");
                }
                assertThat(messages).containsExactlyElementsOf(expected);
                them.command("paddrs");
                assertThat(nth(them, "PADDRS", 3)).contains(" 127.0.0.2=").doesNotContain("127.0.0.1=");
                us.quit();
            }
            them.await("EVENT ASSOC_CHANGE SHUTDOWN_COMP");
            them.quit();
        }
    }

    @Test
    void whenUsrsctpBindsAnotherAddressOnTheLiveAssociationWeSeeItAdded() throws Exception {
        UsrsctpPeer.binary();
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer us = ours(ns, "theirs-ours.log", "listen", "9921", "5021", BOTH)) {
            us.await("READY");
            try (UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("theirs-usrsctp.log"),
                    Map.of("USRSCTP_PEER_BIND", "127.0.0.1", "USRSCTP_PEER_ASCONF", "1"), "connect", "9922", "9921",
                    "127.0.0.1", "5021")) {
                them.await("READY");
                us.await("UP");
                them.command("bindx-add 127.0.0.2");
                them.await("OK bindx-add");
                us.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=ADDED");
                us.command("paddrs");
                assertThat(us.await("PADDRS")).contains("127.0.0.1=").contains("127.0.0.2=");
                them.quit();
            }
            us.quit();
        }
    }
}
