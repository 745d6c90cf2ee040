package org.jsctp.api;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.jsctp.core.assoc.AddressRequestStatus;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.LocalAddressRequest;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * One association's ASCONF requests (RFC 5061) as futures: each completes when the core reports
 * the peer's answer ({@link AssociationEvent.LocalAddressChange}), or fails with an
 * {@link SctpAddressReconfigException} when the request could not be made, the peer refused it, or
 * the association ended. Several may be pending; the core answers them in order (section 5.1).
 */
final class AddressRequests {

    private record Pending(InetAddress address, LocalAddressRequest kind, CompletableFuture<Void> future) {
    }

    private final SctpAssociation association;
    /** Touched on the event loop only. */
    private final List<Pending> pending = new ArrayList<>();

    AddressRequests(SctpAssociation association) {
        this.association = association;
    }

    /** Runs {@code call} on the event loop; the future ends with the peer's answer. */
    CompletableFuture<Void> request(SctpUdpAssociation t, InetAddress address, LocalAddressRequest kind,
                                    BiFunction<Association, Long, AddressRequestStatus> call) {
        if (address == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("address must not be null"));
        }
        if (t == null) {
            return CompletableFuture.failedFuture(new SctpAddressReconfigException(association + " is not up",
                    association, List.of()));
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        t.call((core, now) -> {
            if (core.state() == AssociationState.CLOSED) {
                return AddressRequestStatus.NOT_ESTABLISHED;
            }
            AddressRequestStatus s = call.apply(core, now);
            if (s.isQueued()) {
                pending.add(new Pending(address, kind, result));
            }
            return s;
        }).whenComplete((s, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else if (!s.isQueued()) {
                result.completeExceptionally(new SctpAddressReconfigException(text(s, address), association,
                        List.of()));
            }
        });
        return result;
    }

    /** The core's answer to one request: its future ends. */
    void onResult(AssociationEvent.LocalAddressChange c) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.kind == c.request() && p.address.equals(c.address())) {
                pending.remove(i);
                if (c.success()) {
                    p.future.complete(null);
                } else {
                    p.future.completeExceptionally(new SctpAddressReconfigException(association + ": the peer refused "
                            + describe(c.request()) + " " + c.address().getHostAddress() + " (RFC 5061 section 4.3)",
                            association, CoreTypes.causes(c.causes())));
                }
                return;
            }
        }
    }

    /** The association ended: every pending request fails with {@code failure}. */
    void fail(SctpException failure) {
        List<Pending> all = List.copyOf(pending);
        pending.clear();
        for (Pending p : all) {
            p.future.completeExceptionally(failure);
        }
    }

    private static String describe(LocalAddressRequest kind) {
        return switch (kind) {
            case ADD -> "adding";
            case DELETE -> "deleting";
            case SET_PEER_PRIMARY -> "making its primary";
        };
    }

    private String text(AddressRequestStatus s, InetAddress address) {
        String a = address.getHostAddress();
        return switch (s) {
            case NOT_NEGOTIATED -> association + ": ASCONF was not negotiated (both sides must offer it, with AUTH, "
                    + "RFC 5061 section 4.1.1)";
            case NOT_ESTABLISHED -> association + " is not established";
            case DUPLICATE -> association + ": " + a + " is already part of the association or being changed";
            case UNKNOWN_ADDRESS -> association + ": " + a + " is not one of our addresses in the association";
            case LAST_ADDRESS -> association + ": " + a + " is our last address (RFC 5061 section 5.3 rule D5)";
            case INVALID_ADDRESS -> association + ": " + a + " cannot be announced (RFC 5061 section 4.2.1)";
            case NOT_SUPPORTED_BY_PEER -> association + ": the peer does not support this request (RFC 5061 section 5.1 A9)";
            case QUEUE_FULL -> association + ": too many address requests are waiting";
            case NO_ADDRESS_KNOWN_TO_PEER -> association + ": no address of ours is known to the peer to name in an "
                    + "ASCONF (RFC 5061 section 4.1.1); bind the endpoint to two or more addresses";
            case QUEUED -> association + ": queued";
        };
    }
}
