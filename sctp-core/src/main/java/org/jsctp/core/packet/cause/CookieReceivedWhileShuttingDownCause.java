package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Cookie Received While Shutting Down, RFC 9260 section 3.3.10.10: a COOKIE ECHO arrived while the
 * association was in SHUTDOWN-ACK-SENT; the header alone.
 *
 * <pre>
 *  Cause Code = 10 | Cause Length = 4
 * </pre>
 */
public record CookieReceivedWhileShuttingDownCause() implements ErrorCause {

    /** The only instance: the error cause has no fields. */
    public static final CookieReceivedWhileShuttingDownCause INSTANCE = new CookieReceivedWhileShuttingDownCause();

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CookieReceivedWhileShuttingDownCause decode(WireReader value) throws DecodeException {
        value.expectEnd(); // RFC 9260 section 3.3.10.10: the header alone, Cause Length 4
        return INSTANCE;
    }

    @Override
    public int code() {
        return CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
