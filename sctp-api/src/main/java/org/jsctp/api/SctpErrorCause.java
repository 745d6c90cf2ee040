package org.jsctp.api;

/**
 * An error cause a peer sent in an ABORT or ERROR chunk (RFC 9260 section 3.3.10).
 *
 * @param code the 16-bit cause code, e.g. 12 for User-Initiated Abort
 * @param name the cause's name as the RFCs write it, e.g. "User-Initiated Abort"
 * @param text a readable description with the cause's details, e.g. "User-Initiated Abort: bye"
 */
public record SctpErrorCause(int code, String name, String text) {

    @Override
    public String toString() {
        return text;
    }
}
