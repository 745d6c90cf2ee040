package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Re-configuration Response, RFC 6525 section 4.4: the answer to one RE-CONFIG request.
 *
 * <pre>
 *  type = 16 | length = 12, or 20 with the TSNs
 *  Re-configuration Response Sequence Number (32)
 *  Result (32)
 *  Sender's Next TSN (32, optional)
 *  Receiver's Next TSN (32, optional)
 * </pre>
 *
 * <p>The two TSNs answer an SSN/TSN Reset Request; they are present together or not at all, so
 * both components are {@code null} or neither is.
 *
 * @param responseSequenceNumber the request sequence number of the request answered (32-bit
 *     unsigned)
 * @param result one of the {@code RESULT_} codes; other values are kept as received (32-bit
 *     unsigned)
 * @param senderNextTsn the next TSN the responder will send, or {@code null}
 * @param receiverNextTsn the next TSN the responder expects to receive, or {@code null}
 */
public record ReconfigurationResponseParameter(int responseSequenceNumber, int result, Tsn senderNextTsn,
                                               Tsn receiverNextTsn) implements Parameter {

    /** Success - Nothing to do. */
    public static final int RESULT_SUCCESS_NOTHING_TO_DO = 0;
    /** Success - Performed. */
    public static final int RESULT_SUCCESS_PERFORMED = 1;
    /** Denied. */
    public static final int RESULT_DENIED = 2;
    /** Error - Wrong SSN. */
    public static final int RESULT_ERROR_WRONG_SSN = 3;
    /** Error - Request already in progress. */
    public static final int RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS = 4;
    /** Error - Bad Sequence Number. */
    public static final int RESULT_ERROR_BAD_SEQUENCE_NUMBER = 5;
    /** In progress. */
    public static final int RESULT_IN_PROGRESS = 6;

    /** Value length without the optional TSNs. */
    public static final int SHORT_VALUE_LENGTH = 8;
    /** Value length with both optional TSNs. */
    public static final int LONG_VALUE_LENGTH = 16;

    /**
     * Checks the ranges.
     *
     * @param responseSequenceNumber the request sequence number of the request answered (32-bit
     *     unsigned)
     * @param result one of the {@code RESULT_} codes; other values are kept as received (32-bit
     *     unsigned)
     * @param senderNextTsn the next TSN the responder will send, or {@code null}
     * @param receiverNextTsn the next TSN the responder expects to receive, or {@code null}
     * @throws IllegalArgumentException if a component is out of range
     */
    public ReconfigurationResponseParameter {
        if ((senderNextTsn == null) != (receiverNextTsn == null)) {
            throw new IllegalArgumentException("the sender's and receiver's next TSN come together or not at all");
        }
    }

    /**
     * A response without the optional TSNs.
     *
     * @param responseSequenceNumber the request sequence number of the request answered (32-bit
     *     unsigned)
     * @param result one of the {@code RESULT_} codes; other values are kept as received (32-bit
     *     unsigned)
     */
    public ReconfigurationResponseParameter(int responseSequenceNumber, int result) {
        this(responseSequenceNumber, result, null, null);
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ReconfigurationResponseParameter decode(WireReader value) throws DecodeException {
        int response = value.readU32();
        int result = value.readU32();
        if (!value.hasRemaining()) {
            return new ReconfigurationResponseParameter(response, result);
        }
        // RFC 6525 section 4.4: the optional fields are two TSNs, both or neither; one alone
        // (a parameter length of 16) is not a valid layout.
        if (value.remaining() < 2 * 4) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    value.remaining() + " bytes after the result: the optional TSNs take 8");
        }
        Tsn senderNext = new Tsn(value.readU32());
        Tsn receiverNext = new Tsn(value.readU32());
        value.expectEnd();
        return new ReconfigurationResponseParameter(response, result, senderNext, receiverNext);
    }

    /** {@return whether the optional sender's and receiver's next TSNs are present} */
    public boolean hasNextTsns() {
        return senderNextTsn != null;
    }

    /**
     * {@return the RFC 6525 section 4.4 name of {@code result}, or "result N" for codes it does not define}
     *
     * @param result a result code
     */
    public static String resultName(int result) {
        return switch (result) {
            case RESULT_SUCCESS_NOTHING_TO_DO -> "Success - Nothing to do";
            case RESULT_SUCCESS_PERFORMED -> "Success - Performed";
            case RESULT_DENIED -> "Denied";
            case RESULT_ERROR_WRONG_SSN -> "Error - Wrong SSN";
            case RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS -> "Error - Request already in progress";
            case RESULT_ERROR_BAD_SEQUENCE_NUMBER -> "Error - Bad Sequence Number";
            case RESULT_IN_PROGRESS -> "In progress";
            default -> "result " + Integer.toUnsignedString(result);
        };
    }

    /** {@return whether the result is one of the two success codes} */
    public boolean isSuccess() {
        return result == RESULT_SUCCESS_NOTHING_TO_DO || result == RESULT_SUCCESS_PERFORMED;
    }

    @Override
    public int type() {
        return ParameterType.RECONFIGURATION_RESPONSE;
    }

    @Override
    public int valueLength() {
        return hasNextTsns() ? LONG_VALUE_LENGTH : SHORT_VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, responseSequenceNumber);
        WireWriter.writeU32(out, result);
        if (hasNextTsns()) {
            WireWriter.writeU32(out, senderNextTsn.value());
            WireWriter.writeU32(out, receiverNextTsn.value());
        }
    }
}
