package org.jsctp.core.asconf;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.param.ErrorCauseIndicationParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SuccessIndicationParameter;

/**
 * Collects the responses of one ASCONF-ACK (RFC 5061 section 5.2 rules V1 to V4) within a byte
 * budget.
 *
 * <p>Successes are silent until the first error: the sender takes a request without a response
 * as done when no error precedes it (section 5.1 rules A7 and A8). After an error each success is
 * said with a Success Indication, since silence then means failure.
 *
 * <p>The budget keeps the ASCONF-ACK within one packet whatever the ASCONF asked: before a
 * request is performed, the receiver checks that its largest possible response still fits
 * ({@link #fits}); when it does not, processing stops there. Only responses can fill the budget,
 * and responses exist only once an error has been reported, so the requests left unprocessed
 * count as failed at the sender (rule A7). Should the very first request not fit, it gets an
 * Error Cause Indication without causes so that rule A7 still applies.
 */
final class AsconfAckBuilder {

    /** Chunk header and serial number. */
    private static final int HEADER = 8;
    /** Parameter header and correlation ID. */
    private static final int INDICATION = 8;

    private final int maxBytes;
    private final List<Parameter> responses = new ArrayList<>();
    private int length = HEADER;
    private boolean errorReported;

    AsconfAckBuilder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether an error response for a request of {@code requestLength} bytes (unpadded) still fits. */
    boolean fits(int requestLength) {
        return length + worstCase(requestLength) <= maxBytes;
    }

    /** The request that does not fit: processing stops, and the sender must see a failure. */
    void overflow(int correlationId) {
        if (!errorReported) {
            error(correlationId, List.of());
        }
    }

    void success(int correlationId) {
        if (errorReported) {
            add(new SuccessIndicationParameter(correlationId));
        }
    }

    void error(int correlationId, List<ErrorCause> causes) {
        errorReported = true;
        add(new ErrorCauseIndicationParameter(correlationId, causes));
    }

    AsconfAckChunk build(int serialNumber) {
        return new AsconfAckChunk(serialNumber, responses);
    }

    private void add(Parameter p) {
        responses.add(p);
        length += p.encodedLength();
    }

    /** An Error Cause Indication holding one cause that copies the request (RFC 5061 section 4.3). */
    private static int worstCase(int requestLength) {
        return INDICATION + Tlv.padded(Tlv.HEADER_LENGTH + requestLength);
    }
}
