package org.jsctp.core.cmt;

/**
 * The data receiver's side of DAC (draft-tuexen-tsvwg-sctp-multipath section 3.3): counts the
 * packets with DATA received since the last SACK, so the next SACK can say how many it
 * acknowledges ({@link DacFlags}). With delayed SACKs (RFC 9260 section 6.2: at least every
 * second packet) the count is 1 or 2.
 */
public final class DacReceiverCounter {

    private int packetsSinceSack;

    /** A counter at zero: no DATA packet since the last SACK. */
    public DacReceiverCounter() {
    }

    /** Reports a received packet that carried at least one DATA or I-DATA chunk. */
    public void onDataPacket() {
        if (packetsSinceSack < Integer.MAX_VALUE) {
            packetsSinceSack++;
        }
    }

    /** {@return packets with DATA received since the last SACK} */
    public int packetsSinceSack() {
        return packetsSinceSack;
    }

    /**
     * The DAC flag bits of the SACK about to be sent, and starts counting afresh for the next.
     *
     * @return the bits to OR into the SACK's (or NR-SACK's) chunk flags
     */
    public int takeSackFlags() {
        int flags = DacFlags.encode(packetsSinceSack);
        packetsSinceSack = 0;
        return flags;
    }
}
