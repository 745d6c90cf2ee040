package org.jsctp.guide;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.jsctp.api.InitParameters;
import org.jsctp.api.RtoInfo;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpConnectException;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPathStatistics;
import org.jsctp.api.SctpStatistics;

/** The examples of the troubleshooting part (docs/guide/troubleshooting.md). */
final class TroubleshootingExamples {

    private TroubleshootingExamples() {
    }

    /** Prints an association's statistics after some traffic; returns them. */
    static SctpStatistics statistics() throws Exception {
        try (Peers p = Peers.connect(SctpEndpoint.builder(), SctpEndpoint.builder().option(SctpOptions.NODELAY, true))) {
            SctpAssociation association = p.client();
            for (int i = 0; i < 10; i++) {
                association.send(SctpMessage.of(new byte[3000]));
                p.server().receive(Duration.ofSeconds(10));
            }
            // tag::statistics[]
            SctpStatistics s = association.statistics();   // a snapshot (SCTP_STATUS, sctp_paddrinfo)
            System.out.printf("%s: %d packets out, %d in; %d DATA chunks (%d bytes) out, %d in; "
                            + "%d T3 and %d fast retransmissions; %d duplicate TSNs; peer window %d; buffered %d%n",
                    s.state(), s.packetsSent(), s.packetsReceived(), s.dataChunksSent(), s.bytesSent(),
                    s.dataChunksReceived(), s.t3Retransmissions(), s.fastRetransmissions(), s.duplicateTsns(),
                    s.peerReceiverWindow(), s.bufferedAmount());
            for (SctpPathStatistics path : s.paths()) {
                System.out.printf("  %s %s srtt=%s rto=%s cwnd=%d ssthresh=%d mtu=%d (%s)%n", path.address(),
                        path.state(), path.srtt(), path.rto(), path.cwnd(), path.ssthresh(), path.mtu(),
                        path.mtuState());
            }
            // end::statistics[]
            return s;
        }
    }

    /**
     * A client that sends its INIT to a UDP port where nobody listens: the connect fails after
     * the INIT retransmissions with a "no answer" {@link SctpConnectException}. Returns its message.
     */
    static String wrongRemoteUdpPort(int deadUdpPort) throws Exception {
        // tag::wrong-port[]
        try (SctpEndpoint client = SctpEndpoint.builder().udpPort(0)
                .option(SctpOptions.INIT_MSG, new InitParameters(10, 10, 2, Duration.ZERO)) // 2 INIT retransmissions
                .option(SctpOptions.RTO_INFO, new RtoInfo(Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofMillis(200)))                                      // give up within a second
                .build()) {
            client.connect(new InetSocketAddress("127.0.0.1", deadUdpPort), 7);
            throw new AssertionError("connected to a port where nobody listens");
        } catch (SctpConnectException e) {
            System.out.println(e.getMessage()); // nothing came back: check the peer's UDP port and firewalls
            return e.getMessage();
        }
        // end::wrong-port[]
    }
}
