package org.jsctp.core.assoc;

/**
 * Where {@link Association#transmitNext(TransmitSink)} hands the association's next queued packet:
 * an I/O layer that encodes it at once (issue 6: no object per packet on this path).
 *
 * <p>The contract: the {@link PacketToSend} and its chunk list are the association's reused view,
 * valid only until {@link #transmit} returns; the sink reads them (typically encodes the packet
 * into a buffer of its own) and keeps neither. It must not call back into the association during
 * the call (no user calls, inputs, polls or takes): the association is between two outputs. A sink
 * that needs a packet beyond the call takes {@link Association#pollTransmit()} instead, whose
 * record may be kept.
 */
@FunctionalInterface
public interface TransmitSink {

    /**
     * Takes one packet to send, for the duration of the call.
     *
     * @param packet the packet; valid, and unchanged, only until this method returns
     */
    void transmit(PacketToSend packet);
}
