package org.jsctp.api;

/** Where Path MTU discovery (RFC 8899 section 5.2) of a path stands, in {@link SctpPathStatistics}. */
public enum SctpPathMtuState {
    /** Discovery is off: the path MTU is fixed ({@link PathMtuParameters#fixed}). */
    DISABLED,
    /** Confirming the base size (1200 bytes), at the start or after a black hole. */
    BASE,
    /** Probing for a larger size. */
    SEARCHING,
    /** The path MTU is found; it is confirmed now and then and searched again every 10 minutes. */
    SEARCH_COMPLETE,
    /** Not even the base size got through: the minimum size is used. */
    ERROR
}
