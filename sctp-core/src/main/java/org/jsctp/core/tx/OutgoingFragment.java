package org.jsctp.core.tx;

import java.util.Objects;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * One fragment of a user message, cut by {@link SendQueue#produce} and ready to become a DATA
 * chunk (RFC 9260 section 3.3.1) or an I-DATA chunk (RFC 8260 section 2.1) once the association
 * gives it a TSN.
 *
 * <p>Exactly one numbering is present: {@code ssn} for DATA ({@code interleaved == false}), or
 * {@code mid} and {@code fsn} for I-DATA ({@code interleaved == true}); the others are null.
 *
 * @param streamId the outbound stream
 * @param unordered the U bit
 * @param beginning the B bit: first fragment of the message
 * @param ending the E bit: last fragment of the message
 * @param interleaved whether this fragment is for I-DATA (true) or DATA (false)
 * @param ppid the message's payload protocol identifier
 * @param ssn the stream sequence number (DATA only; 0 for unordered messages)
 * @param mid the message identifier (I-DATA only)
 * @param fsn the fragment sequence number, 0 for the first fragment (I-DATA only)
 * @param payload this fragment's bytes: a slice of the message payload, not a copy
 * @param message the message the fragment belongs to (for PR-SCTP and send-failed notifications)
 */
public record OutgoingFragment(int streamId, boolean unordered, boolean beginning, boolean ending,
                               boolean interleaved, int ppid, Ssn ssn, Mid mid, Fsn fsn, Bytes payload,
                               OutgoingMessage message) {

    /**
     * Rejects null, checks the ranges.
     *
     * @param streamId the outbound stream
     * @param unordered the U bit
     * @param beginning the B bit: first fragment of the message
     * @param ending the E bit: last fragment of the message
     * @param interleaved whether this fragment is for I-DATA (true) or DATA (false)
     * @param ppid the message's payload protocol identifier
     * @param ssn the stream sequence number (DATA only; 0 for unordered messages)
     * @param mid the message identifier (I-DATA only)
     * @param fsn the fragment sequence number, 0 for the first fragment (I-DATA only)
     * @param payload this fragment's bytes: a slice of the message payload, not a copy
     * @param message the message the fragment belongs to (for PR-SCTP and send-failed notifications)
     * @throws IllegalArgumentException if a component is out of range
     */
    public OutgoingFragment {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(message, "message");
        if (interleaved ? (mid == null || fsn == null || ssn != null) : (ssn == null || mid != null || fsn != null)) {
            throw new IllegalArgumentException("DATA fragments carry an SSN only, I-DATA fragments a MID and FSN only");
        }
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("a fragment carries at least one byte (RFC 9260 section 6.2)");
        }
    }

    /**
     * {@return the DATA chunk for this fragment with the TSN the association assigned}
     *
     * @param tsn the TSN assigned
     * @param immediate whether to set the I bit (RFC 7053)
     */
    public DataChunk toDataChunk(Tsn tsn, boolean immediate) {
        if (interleaved) {
            throw new IllegalStateException("an I-DATA fragment cannot become a DATA chunk");
        }
        return new DataChunk(immediate, unordered, beginning, ending, tsn, streamId, ssn, ppid, payload);
    }

    /**
     * {@return the I-DATA chunk for this fragment with the TSN the association assigned}
     *
     * @param tsn the TSN assigned
     * @param immediate whether to set the I bit (RFC 7053)
     */
    public IDataChunk toIDataChunk(Tsn tsn, boolean immediate) {
        if (!interleaved) {
            throw new IllegalStateException("a DATA fragment cannot become an I-DATA chunk");
        }
        // RFC 8260 section 2.1: the first fragment carries the PPID, the others their FSN.
        if (beginning) {
            return IDataChunk.firstFragment(immediate, unordered, ending, tsn, streamId, mid, ppid, payload);
        }
        return IDataChunk.laterFragment(immediate, unordered, ending, tsn, streamId, mid, fsn, payload);
    }
}
