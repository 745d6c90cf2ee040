package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath section 3) with NR-SACK against
 * usrsctp 0.9.5 with CMT on (its cmt_on_off sysctl and the SCTP_CMT_ON_OFF socket option,
 * USRSCTP_PEER_CMT=1 of {@code usrsctp_peer.c}; NR-SACK by USRSCTP_PEER_NRSACK=1): both sides
 * bound to 127.0.0.1 and 127.0.0.2 inside a network namespace of the test's own ({@link
 * NetNamespace}), our side a child JVM there ({@link MultihomedPeerMain} with CMT). Messages both
 * ways arrive once and in order, our DATA goes to both of usrsctp's addresses, and usrsctp's DATA
 * arrives on both of ours. Skipped without root or usrsctp.
 */
class UsrsctpCmtInteropTest {

    private static final Path LOGS = Path.of("target", "usrsctp-cmt");
    private static final String BOTH = "127.0.0.1,127.0.0.2";
    private static final Map<String, String> CMT = Map.of("USRSCTP_PEER_BIND", BOTH, "USRSCTP_PEER_NRSACK", "1",
            "USRSCTP_PEER_CMT", "1", "USRSCTP_PEER_RTO", "200,100,400", "USRSCTP_PEER_HB_INTERVAL", "300");
    private static final int MESSAGES = 400;
    private static final Pattern PATH = Pattern.compile("(\\S+)=sent:(\\d+),received:(\\d+)");

    private static UsrsctpPeer ours(NetNamespace ns, String log, String... args) throws Exception {
        List<String> command = new ArrayList<>(ns.exec(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dio.netty.leakDetection.level=PARANOID",
                "-Djsctp.cmt=true", MultihomedPeerMain.class.getName()));
        command.addAll(List.of(args));
        return UsrsctpPeer.spawn(LOGS.resolve(log), command, Map.of());
    }

    /** PATHDATA nrsack=true A=sent:S,received:R ...: per address {S, R}; NR-SACK must be negotiated. */
    private static Map<String, long[]> pathData(String line) {
        assertThat(line).startsWith("PATHDATA nrsack=true");
        Map<String, long[]> out = new java.util.HashMap<>();
        Matcher m = PATH.matcher(line);
        while (m.find()) {
            out.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        return out;
    }

    @Test
    void withCmtAndNrSackBothWaysEveryMessageArrivesOnceInOrderAndBothPathsCarryData() throws Exception {
        UsrsctpPeer.binary();
        try (NetNamespace ns = NetNamespace.create();
             UsrsctpPeer them = UsrsctpPeer.startIn(ns.name, LOGS.resolve("cmt-usrsctp.log"), CMT,
                     "listen", "9902", "9901", "5001")) {
            them.await("READY");
            try (UsrsctpPeer us = ours(ns, "cmt-ours.log", "connect", "9901", "5002", BOTH, "9902", BOTH, "5001")) {
                us.await("UP");
                them.await("ACCEPTED");
                // usrsctp confirms our second address with a heartbeat (RFC 9260 section 5.4) before
                // its CMT sends DATA there.
                them.await("EVENT PEER_ADDR_CHANGE addr=127.0.0.2 state=ADDR_CONFIRMED");

                us.command("send " + MESSAGES + " 1000");
                List<String> got = them.awaitLines(l -> l.startsWith("MSG "), MESSAGES);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    expected.add("MSG stream=0 ppid=" + i + " len=1000 eor=1");
                }
                assertThat(got).containsExactlyElementsOf(expected); // once each, in order

                us.command("pathdata"); // after our transfer, before theirs
                Map<String, long[]> afterOurs = pathData(us.await("PATHDATA"));

                for (int i = 0; i < MESSAGES; i++) {
                    them.command("send 0 " + i + " 1000");
                }
                us.command("await-received " + MESSAGES);
                assertThat(us.await("RECEIVED")).isEqualTo("RECEIVED count=" + MESSAGES + " inorder=true");
                us.command("pathdata");
                String last = us.awaitLines(l -> l.startsWith("PATHDATA"), 2).get(1);
                Map<String, long[]> afterTheirs = pathData(last);

                assertThat(afterOurs.keySet()).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
                for (String address : afterOurs.keySet()) {
                    // Our CMT sent DATA to both of usrsctp's addresses ...
                    assertThat(afterOurs.get(address)[0]).as("our DATA packets to %s: %s", address, last)
                            .isGreaterThan(MESSAGES / 10);
                    // ... and usrsctp's CMT sent its DATA to both of ours: what arrived on each of our
                    // addresses while it sent (a heartbeat or two besides; without CMT one gets nothing).
                    long arrived = afterTheirs.get(address)[1] - afterOurs.get(address)[1];
                    assertThat(arrived).as("datagrams arriving on our %s while usrsctp sent: %s", address, last)
                            .isGreaterThan(MESSAGES / 10);
                }
                us.quit();
            }
            them.await("EVENT ASSOC_CHANGE SHUTDOWN_COMP");
            them.quit();
        }
    }
}
