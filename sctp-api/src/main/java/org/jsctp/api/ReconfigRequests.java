package org.jsctp.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.ReconfigRequestStatus;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * One association's stream reconfiguration requests (RFC 6525) as futures, and the core's
 * reconfiguration events as notifications (RFC 6525 sections 6.1.1-6.1.3). The core allows one
 * request at a time, so one future is pending at most; it completes with the notification of the
 * outcome, whatever it is.
 */
final class ReconfigRequests {

    /** The request waiting for its outcome: the notification type that ends it. */
    private record Pending(Class<? extends SctpNotification> type, SctpStreamDirection direction,
                           CompletableFuture<SctpNotification> future) {
    }

    private final SctpAssociation association;
    /** Touched on the event loop only. */
    private Pending pending;

    ReconfigRequests(SctpAssociation association) {
        this.association = association;
    }

    /** Runs {@code call} on the event loop; the future ends with the notification of type {@code type}. */
    @SuppressWarnings("unchecked")
    <N extends SctpNotification> CompletableFuture<N> request(SctpUdpAssociation t, Class<N> type,
            SctpStreamDirection direction, BiFunction<Association, Long, ReconfigRequestStatus> call) {
        if (t == null) {
            return CompletableFuture.failedFuture(new SctpReconfigException(association + " is not up", association));
        }
        CompletableFuture<SctpNotification> result = new CompletableFuture<>();
        t.call((core, now) -> {
            if (core.state() == AssociationState.CLOSED) {
                return ReconfigRequestStatus.NOT_ESTABLISHED;
            }
            ReconfigRequestStatus s = call.apply(core, now);
            if (s == ReconfigRequestStatus.STARTED) {
                pending = new Pending(type, direction, result);
            }
            return s;
        }).whenComplete((s, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else if (s != ReconfigRequestStatus.STARTED) {
                result.completeExceptionally(new SctpReconfigException(text(s), association));
            }
        });
        return (CompletableFuture<N>) (CompletableFuture<?>) result;
    }

    /** The notification for a core event, or null when it is no reconfiguration event. */
    SctpNotification toNotification(AssociationEvent e) {
        SctpNotification n;
        if (e instanceof AssociationEvent.StreamReset r) {
            n = new SctpNotification.StreamReset(association, r.streams(),
                    r.incoming() ? SctpStreamDirection.INCOMING : SctpStreamDirection.OUTGOING, result(r.outcome()));
        } else if (e instanceof AssociationEvent.AssociationReset r) {
            n = new SctpNotification.AssociationReset(association, r.localTsn().unsigned(), r.remoteTsn().unsigned(),
                    result(r.outcome()));
        } else if (e instanceof AssociationEvent.StreamChange c) {
            n = new SctpNotification.StreamChange(association, c.outboundStreams(), c.inboundStreams(),
                    result(c.outcome()));
        } else {
            return null;
        }
        return n;
    }

    /** Ends the pending request {@code n} answers, if any; called once the association's state reflects it. */
    void complete(SctpNotification n) {
        Pending p = pending;
        if (p != null && p.type.isInstance(n) && (!(n instanceof SctpNotification.StreamReset r)
                || r.direction() == p.direction)) {
            pending = null;
            p.future.complete(n);
        }
    }

    /** The association ended: the pending request fails with {@code failure}. */
    void fail(SctpException failure) {
        Pending p = pending;
        pending = null;
        if (p != null) {
            p.future.completeExceptionally(failure);
        }
    }

    private String text(ReconfigRequestStatus s) {
        return switch (s) {
            case NOT_NEGOTIATED -> association + ": the peer does not support stream reconfiguration (RE-CONFIG, "
                    + "RFC 6525 section 3.1)";
            case NOT_ESTABLISHED -> association + " is not established";
            case ALREADY_IN_PROGRESS -> association + " has a stream reconfiguration request outstanding; one at a "
                    + "time (RFC 6525 section 5.1.1)";
            case INVALID_STREAM -> association + ": no such stream";
            case INVALID_STREAM_COUNT -> association + ": stream counts must stay within 1..65535 and add at least one";
            default -> association + ": " + s;
        };
    }

    private static SctpReconfigResult result(AssociationEvent.ReconfigOutcome o) {
        return switch (o) {
            case PERFORMED -> SctpReconfigResult.PERFORMED;
            case DENIED -> SctpReconfigResult.DENIED;
            default -> SctpReconfigResult.FAILED;
        };
    }
}
