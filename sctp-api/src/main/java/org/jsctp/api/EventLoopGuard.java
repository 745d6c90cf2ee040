package org.jsctp.api;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

/**
 * Refuses blocking calls on an endpoint's event-loop threads: every association of the endpoint,
 * every listener call and many future callbacks run there, so a call waiting on it for the event
 * loop would never return.
 */
final class EventLoopGuard {

    private final EventLoopGroup group;

    EventLoopGuard(EventLoopGroup group) {
        this.group = group;
    }

    /**
     * Throws if the caller runs on one of the group's threads.
     *
     * @param call the blocking method, e.g. "SctpAssociation.receive()"
     * @param instead what to use there, e.g. "receiveAsync() or poll()"
     */
    void refuseBlocking(String call, String instead) {
        if (isEventLoop()) {
            throw new IllegalStateException(call + " blocks and was called on the endpoint's event-loop thread '"
                    + Thread.currentThread().getName() + "' (from a listener or a future's callback?), which runs "
                    + "every association of the endpoint and would wait for itself; use " + instead + " there");
        }
    }

    boolean isEventLoop() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
