package org.jsctp.transport;

import org.jsctp.core.assoc.AssociationEvent;

/**
 * Receives what the associations of a {@link UdpSctpEndpoint} report: communication up or lost,
 * received messages, peer shutdown, shutdown complete, remote errors.
 *
 * <p>It is called on the endpoint's event loop, after the core has finished processing the input
 * that produced the event, so the association's state is consistent when it is read. The listener
 * must not block. It may call the association's methods; those run as separate event-loop tasks
 * after the current one, so events are never delivered re-entrantly. An exception thrown by the
 * listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface AssociationListener {

    /** A listener that ignores every event. */
    AssociationListener IGNORE = (association, event) -> {
    };

    /**
     * One event of one association.
     *
     * @param association the handle of the association the event belongs to
     * @param event what happened; a {@link AssociationEvent.MessageReceived}'s payload stays valid
     *     for as long as the listener keeps it (the transport never reuses the bytes). A large
     *     message may come as several {@code MessageReceived} pieces, the last one
     *     {@link org.jsctp.core.rx.ReceivedMessage#complete() complete}
     */
    void onEvent(SctpUdpAssociation association, AssociationEvent event);

    /**
     * Called on the event loop after every input (datagram, timer, user call) that reached
     * {@code association}, once its packets are sent and its events delivered, with
     * {@link SctpUdpAssociation#state()} and {@link SctpUdpAssociation#sendBufferAvailable()}
     * brought up to date: the moment to notice progress such as room in the send buffer. Must be
     * cheap and must not block. Does nothing by default.
     *
     * @param association the association the input reached
     */
    default void onInputProcessed(SctpUdpAssociation association) {
    }
}
