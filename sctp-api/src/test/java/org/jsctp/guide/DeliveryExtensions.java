package org.jsctp.guide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.NotificationKind;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPrPolicy;
import org.jsctp.api.SctpPrStatistics;
import org.jsctp.api.SctpReconfigResult;
import org.jsctp.api.SctpStreamScheduler;

/**
 * The examples of the guide's extensions part that change how messages are delivered: PR-SCTP,
 * stream reconfiguration, I-DATA with stream schedulers (docs/guide/extensions.md).
 */
final class DeliveryExtensions {

    private DeliveryExtensions() {
    }

    /** What the PR-SCTP example observed. */
    record PrOutcome(SctpNotification.SendFailed failed, byte[] delivered, SctpPrStatistics abandoned) {
    }

    static PrOutcome prSctp() throws Exception {
        // tag::pr-sctp[]
        SctpEndpoint.Builder client = SctpEndpoint.builder()
                // what this endpoint sends lives at most 500 ms unless a message says otherwise (RFC 7496)
                .option(SctpOptions.DEFAULT_PRINFO, SctpPrPolicy.ttl(500))
                .option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.SEND_FAILED));
        // end::pr-sctp[]
        try (Peers p = Peers.connect(SctpEndpoint.builder(), client)) {
            SctpAssociation a = p.client();
            // tag::pr-sctp-send[]
            a.send(SctpMessage.of(new byte[1000]).withPrPolicy(SctpPrPolicy.ttl(0)) // expired before it leaves
                    .withContext("frame 17"));                                     // handed back with it
            a.send(SctpMessage.of(new byte[1000]).withPrPolicy(SctpPrPolicy.rtx(2))); // at most 2 retransmissions
            a.send(SctpMessage.of(new byte[] {9}).withPrPolicy(SctpPrPolicy.NONE));  // fully reliable

            SctpNotification n = a.receiveNotification(Duration.ofSeconds(10));
            if (n instanceof SctpNotification.SendFailed f && f.abandoned()) {
                System.out.println("gave up " + f.message().context() + (f.sent() ? " (partly sent)" : " (unsent)"));
            }
            SctpPrStatistics abandoned = a.statistics().abandoned();          // per policy, sent and unsent
            // end::pr-sctp-send[]
            p.server().receive(Duration.ofSeconds(10));
            byte[] last = p.server().receive(Duration.ofSeconds(10)).toByteArray();
            return new PrOutcome((SctpNotification.SendFailed) n, last, abandoned);
        }
    }

    /** What the stream reconfiguration example observed. */
    record ReconfigOutcome(SctpNotification.StreamReset reset, SctpNotification.StreamReset peerTold,
                           SctpNotification.StreamChange added, int outboundStreams, long newStreamSsn) {
    }

    static ReconfigOutcome streamReconfiguration() throws Exception {
        // tag::reconfig[]
        SctpEndpoint.Builder server = SctpEndpoint.builder()
                .option(SctpOptions.ENABLE_STREAM_RESET, true); // perform the peer's requests (else: denied)
        // end::reconfig[]
        server.option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.STREAM_RESET));
        try (Peers p = Peers.connect(server, SctpEndpoint.builder())) {
            SctpAssociation a = p.client();
            a.send(SctpMessage.of(new byte[] {1}).withStream(1));
            // tag::reconfig-requests[]
            SctpNotification.StreamReset reset = a.resetStreams(1).get(10, TimeUnit.SECONDS); // outgoing stream 1
            System.out.println("reset of " + reset.streams() + ": " + reset.result());      // PERFORMED
            a.send(SctpMessage.of(new byte[] {2}).withStream(1)); // SSN 0 again: the peer's stream restarted

            int before = a.outboundStreams();
            SctpNotification.StreamChange change = a.addStreams(2, 0).get(10, TimeUnit.SECONDS); // 2 outgoing
            if (change.result() == SctpReconfigResult.PERFORMED) {
                a.send(SctpMessage.of(new byte[] {3}).withStream(before + 1)); // the last new stream
            }
            // end::reconfig-requests[]
            p.server().receive(Duration.ofSeconds(10));
            long ssnAfterReset = p.server().receive(Duration.ofSeconds(10)).ssn();
            SctpNotification.StreamReset told = (SctpNotification.StreamReset) p.server()
                    .receiveNotification(Duration.ofSeconds(10));
            long newStream = p.server().receive(Duration.ofSeconds(10)).stream();
            if (newStream != before + 1) {
                throw new AssertionError("the message on the new stream came on " + newStream);
            }
            return new ReconfigOutcome(reset, told, change, a.outboundStreams(), ssnAfterReset);
        }
    }

    /** What the interleaving example observed: negotiated, and the order the server received streams in. */
    record InterleavingOutcome(boolean clientInterleaving, boolean serverInterleaving, List<Integer> arrivalStreams,
                               int priorityOfStream1) {
    }

    static InterleavingOutcome interleaving() throws Exception {
        // tag::idata[]
        SctpEndpoint.Builder server = SctpEndpoint.builder()
                .option(SctpOptions.INTERLEAVING_SUPPORTED, true);       // offer I-DATA (RFC 8260)
        SctpEndpoint.Builder client = SctpEndpoint.builder()
                .option(SctpOptions.INTERLEAVING_SUPPORTED, true)
                .option(SctpOptions.STREAM_SCHEDULER, SctpStreamScheduler.PRIO);
        // end::idata[]
        try (Peers p = Peers.connect(server, client)) {
            SctpAssociation a = p.client();
            // tag::idata-send[]
            boolean used = a.isInterleaving();                 // both sides offered it
            a.setStreamSchedulerValue(1, 0);                   // PRIO: lower value first
            a.setStreamSchedulerValue(2, 5);
            a.send(SctpMessage.of(new byte[1_000_000]).withStream(2)); // a bulk transfer on stream 2 ...
            a.send(SctpMessage.of(new byte[100]).withStream(1));     // ... does not hold up stream 1
            // end::idata-send[]
            List<Integer> arrivals = new ArrayList<>();
            arrivals.add(p.server().receive(Duration.ofSeconds(10)).stream());
            arrivals.add(p.server().receive(Duration.ofSeconds(10)).stream());
            return new InterleavingOutcome(used, p.server().isInterleaving(), arrivals, a.getStreamSchedulerValue(1));
        }
    }
}
