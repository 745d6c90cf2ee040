package org.jsctp.transport.impair;

/** The two sides of the relay; datagrams from one are forwarded to the other. */
public enum Side {
    /** The side whose address the relay learns from its first datagram (typically the client). */
    A,
    /** The side whose address is configured (typically the server). */
    B;

    /** The other side. */
    public Side other() {
        return this == A ? B : A;
    }

    /** The direction of datagrams that come from this side. */
    public String directionFrom() {
        return this == A ? "A->B" : "B->A";
    }
}
