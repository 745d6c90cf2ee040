package org.jsctp.transport;

import org.jsctp.core.assoc.Association;

/**
 * Work on an association's core, run on the endpoint's event loop by
 * {@link SctpUdpAssociation#call(CoreCall)}: for layers built on the transport (such as the
 * socket-like API) that need more of the core than the transport's own methods offer.
 *
 * @param <T> what the call returns
 */
@FunctionalInterface
public interface CoreCall<T> {

    /**
     * Runs on the event loop. The core may be read and driven; what it queues to send is sent, and
     * its events are delivered, when the call returns.
     *
     * @param core the association's sans-IO core
     * @param nowNanos the current {@code System.nanoTime()}
     * @return the call's result, completing {@link SctpUdpAssociation#call}'s future
     */
    T apply(Association core, long nowNanos);
}
