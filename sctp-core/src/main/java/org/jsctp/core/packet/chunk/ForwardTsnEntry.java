package org.jsctp.core.packet.chunk;

import java.util.Objects;
import org.jsctp.core.seq.Ssn;

/**
 * One stream entry of a FORWARD TSN chunk (RFC 3758 section 3.2): the largest stream sequence
 * number being skipped on an ordered stream.
 *
 * <pre>
 *  Stream-N (16) | Stream Sequence-N (16)
 * </pre>
 *
 * @param streamId the stream the skipped messages belong to
 * @param ssn the largest SSN among the skipped messages of that stream
 */
public record ForwardTsnEntry(int streamId, Ssn ssn) {

    /** Bytes one entry takes on the wire. */
    public static final int LENGTH = 4;

    /**
     * Rejects null, checks the ranges.
     *
     * @param streamId the stream the skipped messages belong to
     * @param ssn the largest SSN among the skipped messages of that stream
     * @throws IllegalArgumentException if a component is out of range
     */
    public ForwardTsnEntry {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        Objects.requireNonNull(ssn, "ssn");
    }
}
