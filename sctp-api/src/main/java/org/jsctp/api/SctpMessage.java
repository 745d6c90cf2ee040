package org.jsctp.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A message to send: its payload and how to send it (stream, payload protocol identifier,
 * ordered or not), as the {@code sctp_sndinfo} of RFC 6458 section 5.3.4 describes. Immutable;
 * the {@code with...} methods return changed copies that share the payload.
 *
 * <p>The payload is either copied ({@link #of(byte[])}) or shared ({@link #wrap(byte[])},
 * {@link #wrap(byte[], int, int)}): a shared array must not be changed until the message has been
 * acknowledged by the peer (or handed back in a
 * {@link SctpNotification.SendFailed} notification), because the stack sends and may resend
 * straight from it.
 *
 * <p>Stream, payload protocol identifier and unordered flag not set on the message are taken from
 * the association's {@link SctpOptions#DEFAULT_SEND_PARAM} (RFC 6458 section 8.1.10) when it is
 * sent; unset, they read as stream 0, PPID 0 and ordered.
 */
public final class SctpMessage {

    private final byte[] array;
    private final int offset;
    private final int length;
    private final int stream;
    private final int ppid;
    private final boolean ppidSet;
    private final Boolean unordered;
    private final Object context;
    private final SctpPrPolicy prPolicy;

    private SctpMessage(byte[] array, int offset, int length, int stream, int ppid, boolean ppidSet, Boolean unordered,
                        Object context) {
        this(array, offset, length, stream, ppid, ppidSet, unordered, context, null);
    }

    private SctpMessage(byte[] array, int offset, int length, int stream, int ppid, boolean ppidSet, Boolean unordered,
                        Object context, SctpPrPolicy prPolicy) {
        this.array = array;
        this.offset = offset;
        this.length = length;
        this.stream = stream;
        this.ppid = ppid;
        this.ppidSet = ppidSet;
        this.unordered = unordered;
        this.context = context;
        this.prPolicy = prPolicy;
    }

    /**
     * {@return a message with a copy of {@code payload}}
     *
     * @throws IllegalArgumentException if the payload is empty (RFC 9260 section 6.2: a DATA chunk
     *     carries at least one byte)
     * @param payload at least one byte; copied
     */
    public static SctpMessage of(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return wrap(payload.clone(), 0, payload.length);
    }

    /**
     * {@return a message sharing {@code payload}, which must not change until the message is acknowledged}
     *
     * @param payload at least one byte; not copied
     */
    public static SctpMessage wrap(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return wrap(payload, 0, payload.length);
    }

    /**
     * {@return a message sharing {@code length} bytes of {@code payload} from {@code offset}; they must not
     * change until the message is acknowledged}
     *
     * @throws IllegalArgumentException if the range is empty or outside the array
     * @param payload the array; not copied
     * @param offset where the message starts in it
     * @param length the message's length, at least 1
     */
    public static SctpMessage wrap(byte[] payload, int offset, int length) {
        Objects.requireNonNull(payload, "payload");
        if (offset < 0 || length < 0 || offset > payload.length - length) {
            throw new IllegalArgumentException("payload range " + offset + "+" + length + " is outside the "
                    + payload.length + "-byte array");
        }
        if (length == 0) {
            throw new IllegalArgumentException("an SCTP message needs at least one byte of payload "
                    + "(RFC 9260 section 6.2: DATA chunks without user data are not allowed)");
        }
        return new SctpMessage(payload, offset, length, -1, 0, false, null, null);
    }

    /**
     * {@return this message on stream {@code stream}, 0..65535; it must also be below the association's
     * number of outbound streams, which is checked when it is sent}
     *
     * @param stream the stream identifier
     */
    public SctpMessage withStream(int stream) {
        if (stream < 0 || stream > 0xFFFF) {
            throw new IllegalArgumentException("stream must be in 0..65535: " + stream);
        }
        return new SctpMessage(array, offset, length, stream, ppid, ppidSet, unordered, context, prPolicy);
    }

    /**
     * {@return this message with payload protocol identifier {@code ppid} (any 32-bit value; RFC 9260 section 3.3.1)}
     *
     * @param ppid the payload protocol identifier
     */
    public SctpMessage withPpid(int ppid) {
        return new SctpMessage(array, offset, length, stream, ppid, true, unordered, context, prPolicy);
    }

    /** {@return this message sent unordered: delivered as soon as it is complete (the U bit, RFC 9260 section 6.6)} */
    public SctpMessage unordered() {
        return withUnordered(true);
    }

    /**
     * {@return this message sent ordered ({@code false}) or unordered ({@code true})}
     *
     * @param unordered true for unordered delivery
     */
    public SctpMessage withUnordered(boolean unordered) {
        return new SctpMessage(array, offset, length, stream, ppid, ppidSet, unordered, context, prPolicy);
    }

    /**
     * {@return this message with an object of the caller's, handed back with it in a
     * {@link SctpNotification.SendFailed} notification (the snd_context of RFC 6458); never sent}
     *
     * @param context any object, or null
     */
    public SctpMessage withContext(Object context) {
        return new SctpMessage(array, offset, length, stream, ppid, ppidSet, unordered, context, prPolicy);
    }

    /**
     * {@return this message with its own PR-SCTP policy (the {@code sctp_prinfo} of RFC 7496 section 4.1),
     * instead of the association's {@link SctpOptions#DEFAULT_PRINFO}; {@link SctpPrPolicy#NONE}
     * makes it reliable whatever the default}
     *
     * @param policy the policy
     */
    public SctpMessage withPrPolicy(SctpPrPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new SctpMessage(array, offset, length, stream, ppid, ppidSet, unordered, context, policy);
    }

    /** {@return the message's own PR-SCTP policy, or null when the association's default applies} */
    public SctpPrPolicy prPolicy() {
        return prPolicy;
    }

    /** {@return the stream, 0 unless set} */
    public int stream() {
        return Math.max(stream, 0);
    }

    /** {@return the payload protocol identifier, 0 unless set} */
    public int ppid() {
        return ppid;
    }

    /** {@return whether the message goes unordered; false unless set} */
    public boolean isUnordered() {
        return unordered != null && unordered;
    }

    /** {@return the caller's context object, or null} */
    public Object context() {
        return context;
    }

    /** {@return payload length in bytes, at least 1} */
    public int length() {
        return length;
    }

    /** {@return a read-only view of the payload (no copy)} */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
    }

    /** {@return a copy of the payload} */
    public byte[] toByteArray() {
        byte[] copy = new byte[length];
        System.arraycopy(array, offset, copy, 0, length);
        return copy;
    }

    boolean hasStream() {
        return stream >= 0;
    }

    boolean hasPpid() {
        return ppidSet;
    }

    boolean hasUnordered() {
        return unordered != null;
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SctpMessage[" + length + " bytes, stream " + stream() + ", ppid " + Integer.toUnsignedString(ppid)
                + (isUnordered() ? ", unordered" : "") + "]";
    }
}
