package org.jsctp.api;

/**
 * Receives an association's messages and notifications as they arrive, instead of
 * {@code receive} and {@code pollNotification}. Set it with {@link SctpAssociation#setListener},
 * {@link SctpMultiEndpoint#setListener}, or on an endpoint's builder so every association has it
 * from the start.
 *
 * <p>Its methods are called on the endpoint's event loop, one call at a time, in the order things
 * arrived. They must not block: the same thread runs every association of the endpoint, and the
 * blocking methods of this API refuse to run on it ({@link IllegalStateException}). Use the
 * non-blocking and asynchronous methods ({@code sendAsync}, {@code trySend}, ...) instead. A
 * message's bytes count against the receive window until {@link #onMessage} returns. An exception
 * thrown by the listener is logged and otherwise ignored.
 */
public interface SctpListener {

    /**
     * A message arrived. Does nothing by default.
     *
     * @param message the message, with the association it arrived on
     */
    default void onMessage(SctpReceivedMessage message) {
    }

    /**
     * A notification of a subscribed kind arrived. Does nothing by default.
     *
     * @param notification the notification
     */
    default void onNotification(SctpNotification notification) {
    }
}
