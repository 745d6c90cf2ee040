package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.cause.ErrorCause;

/**
 * The steps of an association's life that its parts trigger but the {@link Association} hub
 * performs, because they touch every part: starting data transfer (RFC 9260 section 5.1),
 * entering ESTABLISHED (section 5.1 steps C and E) and closing (sections 8.1, 9.1 and 10.1).
 */
interface AssociationLifecycle {

    /** Creates the data halves from the TCB's TSNs and stream counts (RFC 9260 section 5.1). */
    void startDataTransfer();

    /** Enters ESTABLISHED: the path is confirmed and heartbeats start; the user is told. */
    void established(long nowNanos);

    /** Acts on what a handshake step led to (RFC 9260 sections 5.1 and 5.2.6). */
    void onHandshakeStep(Handshake.Step step, long nowNanos);

    /** Closes the association: timers stop and the user hears of every undelivered message. */
    void close(String reason, List<ErrorCause> causes);
}
