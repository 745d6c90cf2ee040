package org.jsctp.core.path;

/** The states of the PLPMTUD state machine, RFC 8899 section 5.2. */
public enum PmtuState {
    /** PLPMTUD is off: the path MTU is fixed by configuration. */
    DISABLED,
    /** Confirming BASE_PLPMTU, at the start and after a black hole. */
    BASE,
    /** Probing for a larger PLPMTU with the search algorithm. */
    SEARCHING,
    /** The search found its PLPMTU; waiting for PMTU_RAISE_TIMER, confirming now and then. */
    SEARCH_COMPLETE,
    /** Not even BASE_PLPMTU was confirmed: MIN_PLPMTU is used while BASE_PLPMTU is probed again. */
    ERROR
}
