package org.jsctp.api;

/**
 * How messages are sent when they do not say ({@link SctpOptions#DEFAULT_SEND_PARAM}, RFC 6458
 * section 8.1.31 SCTP_DEFAULT_SNDINFO).
 *
 * @param stream the stream, 0..65535
 * @param ppid the payload protocol identifier
 * @param unordered whether to send unordered
 * @param context the context object handed back with send-failed notifications, or null
 */
public record DefaultSendParameters(int stream, int ppid, boolean unordered, Object context) {

    /** Stream 0, PPID 0, ordered, no context. */
    public static final DefaultSendParameters NONE = new DefaultSendParameters(0, 0, false, null);
}
