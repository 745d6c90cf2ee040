package org.jsctp.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.ReconfigRequestStatus;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * The client's stream reconfiguration requests ({@code --reset-after}, {@code --add-streams}):
 * one at a time, each waiting for its outcome event, which is printed as one line.
 */
final class ReconfigActions {

    private volatile CompletableFuture<AssociationEvent> outcome;

    /** Called by the association listener with every event; completes the request waiting for it. */
    void onEvent(AssociationEvent event) {
        CompletableFuture<AssociationEvent> f = outcome;
        if (f != null && (event instanceof AssociationEvent.StreamReset r && !r.incoming()
                || event instanceof AssociationEvent.StreamChange)) {
            f.complete(event);
        }
    }

    /**
     * Resets all our outbound streams (RFC 6525 section 5.1.2) and waits for the outcome.
     *
     * @param a the association
     * @param seconds how long to wait
     * @return the line to print
     * @throws Exception if the event loop call fails
     */
    String resetOutgoing(SctpUdpAssociation a, long seconds) throws Exception {
        return run(a, seconds, (core, now) -> core.resetStreams(new int[0], now));
    }

    /**
     * Adds {@code count} outbound streams (RFC 6525 section 5.1.5) and waits for the outcome.
     *
     * @param a the association
     * @param count streams to add
     * @param seconds how long to wait
     * @return the line to print
     * @throws Exception if the event loop call fails
     */
    String addOutgoing(SctpUdpAssociation a, int count, long seconds) throws Exception {
        return run(a, seconds, (core, now) -> core.addStreams(count, 0, now));
    }

    private String run(SctpUdpAssociation a, long seconds,
                       BiFunction<Association, Long, ReconfigRequestStatus> call) throws Exception {
        CompletableFuture<AssociationEvent> f = new CompletableFuture<>();
        outcome = f;
        ReconfigRequestStatus s = a.call((core, now) -> call.apply(core, now)).get(seconds, TimeUnit.SECONDS);
        if (s != ReconfigRequestStatus.STARTED) {
            return "reconfiguration not started: " + s.name().toLowerCase().replace('_', ' ');
        }
        try {
            return describe(f.get(seconds, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return "reconfiguration: no answer within " + seconds + " s";
        } finally {
            outcome = null;
        }
    }

    /**
     * The printed line of an outcome event, e.g. {@code stream reset: outgoing streams all: performed}.
     *
     * @param e a StreamReset or StreamChange event
     * @return the line
     */
    static String describe(AssociationEvent e) {
        if (e instanceof AssociationEvent.StreamReset r) {
            return "stream reset: " + (r.incoming() ? "incoming" : "outgoing") + " streams "
                    + (r.streams().isEmpty() ? "all" : r.streams().toString()) + ": " + word(r.outcome());
        }
        AssociationEvent.StreamChange c = (AssociationEvent.StreamChange) e;
        return "stream change: outbound " + c.outboundStreams() + ", inbound " + c.inboundStreams() + ": "
                + word(c.outcome());
    }

    private static String word(AssociationEvent.ReconfigOutcome o) {
        return o.name().toLowerCase();
    }
}
