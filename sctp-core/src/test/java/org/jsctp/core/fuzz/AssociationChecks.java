package org.jsctp.core.fuzz;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;

/**
 * The invariant every fuzzer checks after each input step: the association's own consistency
 * check holds, and what it holds in memory stays within the configured limits (the send buffer
 * for data accepted but not acknowledged, the receive buffer for data in reassembly).
 */
final class AssociationChecks {

    private AssociationChecks() {
    }

    /**
     * Checks one association after its events were taken (so nothing delivered waits unread).
     *
     * @throws IllegalStateException or {@link AssertionError} naming what does not hold
     */
    static void check(Association a) {
        a.checkInvariants();
        AssociationConfig c = a.config();
        if (a.bufferedAmount() < 0 || a.bufferedAmount() > c.sendBufferBytes()) {
            throw new AssertionError("send side holds " + a.bufferedAmount() + " bytes, limit " + c.sendBufferBytes());
        }
        if (a.receivedBufferedAmount() < 0 || a.receivedBufferedAmount() > c.receiveBufferBytes()) {
            throw new AssertionError("receive side holds " + a.receivedBufferedAmount() + " bytes, limit "
                    + c.receiveBufferBytes());
        }
    }
}
