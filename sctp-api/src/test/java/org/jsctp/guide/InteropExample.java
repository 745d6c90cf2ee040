package org.jsctp.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpConnectException;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;

/** The Java side of the usrsctp recipe (docs/guide/interop.md): our client against usrsctp's echo_server. */
final class InteropExample {

    private InteropExample() {
    }

    /**
     * Sends {@code text} to usrsctp's {@code echo_server THEIR_UDP OUR_UDP} and returns the echo.
     *
     * @param theirUdpPort echo_server's first argument, the UDP port it listens on
     * @param ourUdpPort its second argument, the UDP port it sends to
     */
    static String echoWithUsrsctp(int theirUdpPort, int ourUdpPort, String text) throws Exception {
        // tag::usrsctp-client[]
        // against: /usr/lib/usrsctp/echo_server THEIR_UDP OUR_UDP (it sends to OUR_UDP, so bind there)
        try (SctpEndpoint client = SctpEndpoint.builder().udpPort(ourUdpPort).build()) {
            InetSocketAddress echoServer = new InetSocketAddress("127.0.0.1", theirUdpPort);
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            SctpAssociation a = null;
            while (a == null) {
                try {
                    a = client.connect(echoServer, 7);                 // echo_server is SCTP port 7
                } catch (SctpConnectException e) {                    // a just-started echo_server
                    if (System.nanoTime() - giveUp > 0) {              // refuses until it listens
                        throw e;
                    }
                }
            }
            a.send(SctpMessage.of(text.getBytes(UTF_8)).withPpid(51));
            String echo = new String(a.receive(Duration.ofSeconds(10)).toByteArray(), UTF_8);
            a.shutdown();
            return echo;
        }
        // end::usrsctp-client[]
    }
}
