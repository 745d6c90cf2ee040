package org.jsctp.core.asconf;

/**
 * The association's error counter of RFC 9260 section 8.1, which T-4 RTO expiries count toward
 * (RFC 5061 section 5.1 rule B2) and an ASCONF-ACK clears (rule A5). The association's own
 * counter implements it once wired; {@link #limitedTo} makes a stand-alone one.
 */
public interface ErrorCounting {

    /** {@return counts one error; true when the count now exceeds Association.Max.Retrans} */
    boolean countExceedsLimit();

    /** An acknowledgement clears the counter. */
    void clear();

    /**
     * {@return a counter of its own that allows {@code maxRetransmits} consecutive errors}
     *
     * @param maxRetransmits the limit, 0 or more
     */
    static ErrorCounting limitedTo(int maxRetransmits) {
        if (maxRetransmits < 0) {
            throw new IllegalArgumentException("negative limit: " + maxRetransmits);
        }
        return new ErrorCounting() {
            private int count;

            @Override
            public boolean countExceedsLimit() {
                return ++count > maxRetransmits;
            }

            @Override
            public void clear() {
                count = 0;
            }
        };
    }
}
