package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import org.jsctp.core.assoc.AddressRequestStatus;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.LocalAddressRequest;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * {@code --set-primary ADDR} of the tools: once the association is up, an ASCONF Set Primary
 * Address (RFC 5061 section 4.2.4) asks the peer to send to ADDR, one of our addresses; a line
 * says whether it could be asked and, later, whether the peer acknowledged it.
 */
final class PeerPrimaryRequest {

    private PeerPrimaryRequest() {
    }

    /** Queues the request on the association's event loop and prints a line if it cannot be made. */
    static void start(SctpUdpAssociation association, InetAddress address, PrintWriter out) {
        association.call((core, now) -> core.requestPeerPrimary(address, now)).whenComplete((s, e) -> {
            if (e == null && s == AddressRequestStatus.QUEUED) {
                return; // the answer comes as a LocalAddressChange
            }
            synchronized (out) {
                out.println("--set-primary " + address.getHostAddress() + ": "
                        + (e != null ? e.getMessage() : text(s)));
                out.flush();
            }
        });
    }

    /** Prints the peer's answer to a Set Primary request. */
    static void report(AssociationEvent.LocalAddressChange c, PrintWriter out) {
        if (c.request() != LocalAddressRequest.SET_PEER_PRIMARY) {
            return;
        }
        synchronized (out) {
            if (c.success()) {
                out.println("set-primary: the peer acknowledged " + c.address().getHostAddress() + " as its primary");
            } else {
                StringBuilder why = new StringBuilder();
                for (ErrorCause cause : c.causes()) {
                    why.append(why.length() == 0 ? ": " : "; ").append(cause.describe());
                }
                out.println("set-primary: the peer refused " + c.address().getHostAddress() + why);
            }
            out.flush();
        }
    }

    /** The API's form (the demo): asks, waits for the peer's answer and returns the line to print. */
    static String await(org.jsctp.api.SctpAssociation association, InetAddress address) {
        try {
            association.setPeerPrimary(address).get(10, java.util.concurrent.TimeUnit.SECONDS);
            return "set-primary: the peer acknowledged " + address.getHostAddress() + " as its primary";
        } catch (java.util.concurrent.ExecutionException e) {
            return "--set-primary " + address.getHostAddress() + ": " + e.getCause().getMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            return "--set-primary " + address.getHostAddress() + ": no answer from the peer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "--set-primary " + address.getHostAddress() + ": interrupted";
        }
    }

    private static String text(AddressRequestStatus s) {
        return switch (s) {
            case NOT_NEGOTIATED -> "ASCONF was not negotiated (the peer must offer ASCONF and AUTH, RFC 5061 4.1.1)";
            case UNKNOWN_ADDRESS -> "not one of our addresses in the association (use --bind)";
            case NO_ADDRESS_KNOWN_TO_PEER -> "the peer knows no address of ours by name: --bind two or more addresses";
            default -> "refused: " + s;
        };
    }
}
