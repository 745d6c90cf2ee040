package org.jsctp.core.cmt;

/**
 * The Delayed Ack for CMT (DAC) hint in the flags of a SACK or NR-SACK chunk
 * (draft-tuexen-tsvwg-sctp-multipath section 3.3): how many DATA packets the SACK acknowledges.
 *
 * <p>The count sits in the two high bits of the chunk flags (bits 6 and 7), as usrsctp puts it:
 * one packet sets 0x40, two (a delayed SACK) set 0x80, which usrsctp names SCTP_SACK_CMT_DAC.
 * A receiver that does not do DAC leaves the bits zero, which reads as count 0, "no hint"; so does
 * usrsctp 0.9.5 with its default sysctl sctp_cmt_use_dac = 0, and every NR-SACK of the golden
 * capture nrsack-cmt.pcapng has flags 0. The other flag bits (NR-SACK's A bit, 0x01) are
 * left alone.
 */
public final class DacFlags {

    /** The largest count two bits carry. */
    public static final int MAX_PACKET_COUNT = 3;
    /** The flag bits the count occupies. */
    public static final int MASK = 0xC0;
    private static final int SHIFT = 6;

    private DacFlags() {
    }

    /**
     * The flag bits that carry {@code packetCount}, capped at {@link #MAX_PACKET_COUNT}.
     *
     * @param packetCount DATA packets received since the last SACK, not negative
     * @return the bits to OR into the chunk flags
     */
    public static int encode(int packetCount) {
        if (packetCount < 0) {
            throw new IllegalArgumentException("packet count must not be negative: " + packetCount);
        }
        return Math.min(packetCount, MAX_PACKET_COUNT) << SHIFT;
    }

    /**
     * {@return the packet count in a SACK's or NR-SACK's chunk flags, 0 when the sender of the SACK gave
     * none}
     *
     * @param chunkFlags the SACK's chunk flags byte
     */
    public static int packetCount(int chunkFlags) {
        return (chunkFlags & MASK) >>> SHIFT;
    }
}
