package org.jsctp.core.auth;

/**
 * AUTH on one association, for statistics and tests.
 *
 * @param inUse whether both sides agreed to use AUTH (RFC 4895 section 6.1)
 * @param sendAlgorithm the HMAC algorithm of our AUTH chunks, or null when not in use
 * @param activeKeyId the Shared Key Identifier we send with
 * @param authenticatedPacketsSent packets we sent with an AUTH chunk
 * @param authenticatedPacketsReceived packets received whose AUTH chunk was valid
 * @param rejectedAuthChunks AUTH chunks received and rejected: unknown key, unsupported HMAC,
 *     wrong HMAC length or mismatch (RFC 4895 section 6.3)
 * @param discardedChunks chunks discarded because they needed and lacked a valid AUTH chunk
 */
public record AuthStatistics(boolean inUse, HmacAlgorithm sendAlgorithm, int activeKeyId, long authenticatedPacketsSent,
                             long authenticatedPacketsReceived, long rejectedAuthChunks, long discardedChunks) {
}
