package org.jsctp.api.netty;

import com.sun.nio.sctp.Association;
import com.sun.nio.sctp.AssociationChangeNotification;
import com.sun.nio.sctp.PeerAddressChangeNotification;
import com.sun.nio.sctp.SendFailedNotification;
import com.sun.nio.sctp.ShutdownNotification;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.jsctp.api.SctpNotification;

/**
 * The user events a channel fires for our notifications, in the shapes Netty SCTP applications
 * handle in {@code userEventTriggered}: the four {@code com.sun.nio.sctp} notification types
 * (what Netty's {@code SctpNotificationHandler} fires for kernel SCTP), and for the kinds the
 * JDK has no type for (remote error, sender dry, stream reset, authentication, ...) our own
 * {@link SctpNotification} as it is.
 */
final class NotificationEvents {

    private NotificationEvents() {
    }

    /** The event for {@code n}. */
    static Object toEvent(SctpNotification n, Association association) {
        if (n instanceof SctpNotification.AssociationChange c) {
            return new AssocChange(association, switch (c.change()) { // RFC 6458 section 6.1.1
                case COMM_UP -> AssociationChangeNotification.AssocChangeEvent.COMM_UP;
                case COMM_LOST -> AssociationChangeNotification.AssocChangeEvent.COMM_LOST;
                case RESTART -> AssociationChangeNotification.AssocChangeEvent.RESTART;
                case SHUTDOWN_COMP -> AssociationChangeNotification.AssocChangeEvent.SHUTDOWN;
                case CANT_STR_ASSOC -> AssociationChangeNotification.AssocChangeEvent.CANT_START;
            });
        }
        if (n instanceof SctpNotification.PeerAddressChange p) {
            return new PeerAddressChange(association, p.address(), switch (p.state()) { // section 6.1.2
                case AVAILABLE -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_AVAILABLE;
                case UNREACHABLE -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_UNREACHABLE;
                case REMOVED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_REMOVED;
                case ADDED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_ADDED;
                case MADE_PRIMARY -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_MADE_PRIMARY;
                case CONFIRMED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_CONFIRMED;
                default -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_UNREACHABLE; // Potentially Failed
            });
        }
        if (n instanceof SctpNotification.SendFailed f) { // section 6.1.4
            return new SendFailed(association, f.message().stream(), f.message().payload());
        }
        if (n instanceof SctpNotification.Shutdown) { // section 6.1.5
            return new Shutdown(association);
        }
        return n;
    }

    /** SCTP_ASSOC_CHANGE. */
    static final class AssocChange extends AssociationChangeNotification {
        private final Association association;
        private final AssocChangeEvent event;

        AssocChange(Association association, AssocChangeEvent event) {
            this.association = association;
            this.event = event;
        }

        @Override
        public Association association() {
            return association;
        }

        @Override
        public AssocChangeEvent event() {
            return event;
        }

        @Override
        public String toString() {
            return "AssociationChangeNotification[" + event + "]";
        }
    }

    /** SCTP_PEER_ADDR_CHANGE. */
    static final class PeerAddressChange extends PeerAddressChangeNotification {
        private final Association association;
        private final SocketAddress address;
        private final AddressChangeEvent event;

        PeerAddressChange(Association association, SocketAddress address, AddressChangeEvent event) {
            this.association = association;
            this.address = address;
            this.event = event;
        }

        @Override
        public SocketAddress address() {
            return address;
        }

        @Override
        public Association association() {
            return association;
        }

        @Override
        public AddressChangeEvent event() {
            return event;
        }

        @Override
        public String toString() {
            return "PeerAddressChangeNotification[" + address + " " + event + "]";
        }
    }

    /** SCTP_SEND_FAILED: the message's bytes, its stream; no kernel error code (0). */
    static final class SendFailed extends SendFailedNotification {
        private final Association association;
        private final int stream;
        private final ByteBuffer buffer;

        SendFailed(Association association, int stream, ByteBuffer buffer) {
            this.association = association;
            this.stream = stream;
            this.buffer = buffer;
        }

        @Override
        public Association association() {
            return association;
        }

        @Override
        public SocketAddress address() {
            return null;
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public int errorCode() {
            return 0;
        }

        @Override
        public int streamNumber() {
            return stream;
        }

        @Override
        public String toString() {
            return "SendFailedNotification[stream " + stream + ", " + buffer.remaining() + " bytes]";
        }
    }

    /** SCTP_SHUTDOWN_EVENT. */
    static final class Shutdown extends ShutdownNotification {
        private final Association association;

        Shutdown(Association association) {
            this.association = association;
        }

        @Override
        public Association association() {
            return association;
        }

        @Override
        public String toString() {
            return "ShutdownNotification";
        }
    }
}
