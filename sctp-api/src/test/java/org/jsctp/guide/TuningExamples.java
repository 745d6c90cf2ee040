package org.jsctp.guide;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.DelayedAckParameters;
import org.jsctp.api.PathMtuParameters;
import org.jsctp.api.RtoInfo;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpOptions;

/** The examples of the tuning part (docs/guide/tuning.md). */
final class TuningExamples {

    private TuningExamples() {
    }

    /** A client tuned for a long fat path, connected; returns the options as the association reads them. */
    static List<Object> tuned() throws Exception {
        // tag::tuning[]
        SctpEndpoint.Builder client = SctpEndpoint.builder()
                .option(SctpOptions.SEND_BUFFER, 16 << 20)          // at most one buffer per round trip:
                .option(SctpOptions.RECEIVE_BUFFER, 16 << 20)       // 16 MiB / 100 ms is about 160 MB/s
                .option(SctpOptions.NODELAY, true)                  // no Nagle: small messages leave at once
                .option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(1452)) // a path known to carry 1452
                .option(SctpOptions.RTO_INFO, new RtoInfo(
                        Duration.ofMillis(500),                     // RTO.Initial
                        Duration.ofMillis(100),                     // RTO.Min: 1 s by default (RFC 9260)
                        Duration.ofSeconds(10)))                    // RTO.Max
                .option(SctpOptions.DELAYED_ACK_TIME, new DelayedAckParameters(Duration.ofMillis(50), 2));
        // end::tuning[]
        try (Peers p = Peers.connect(SctpEndpoint.builder(), client)) {
            SctpAssociation a = p.client();
            a.send(SctpMessage.of(new byte[4000]));
            p.server().receive(Duration.ofSeconds(10));
            return List.of(a.getOption(SctpOptions.SEND_BUFFER), a.getOption(SctpOptions.NODELAY),
                    a.getOption(SctpOptions.RTO_INFO).min(), a.pathStatistics().get(0).mtu());
        }
    }

    /** Two endpoints on one shared event loop group; returns the message count exchanged. */
    static int sharedEventLoops() throws Exception {
        // tag::event-loops[]
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory()); // yours to shut down
        try (SctpEndpoint first = SctpEndpoint.builder().udpPort(0).eventLoopGroup(group).build();
             SctpEndpoint second = SctpEndpoint.builder().udpPort(0).eventLoopGroup(group).sctpPort(5001).build()) {
            // each endpoint runs on one loop of the group: its socket, timers and every association
            // end::event-loops[]
            second.listen();
            SctpAssociation a = first.connect(ApiTour.udpAddressOf(second), 5001);
            SctpAssociation b = second.accept(Duration.ofSeconds(10));
            for (int i = 0; i < 10; i++) {
                a.send(SctpMessage.of(new byte[100]));
            }
            int n = 0;
            while (n < 10 && b.receive(Duration.ofSeconds(10)) != null) {
                n++;
            }
            return n;
            // tag::event-loops[]
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly(); // after the endpoints closed
        }
        // end::event-loops[]
    }
}
