package org.jsctp.core.auth;

import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.RandomParameter;

/**
 * What a side that offers AUTH makes of the peer's INIT or INIT ACK parameters (RFC 4895 section
 * 6.1): use AUTH, go on without it, or refuse the association.
 */
public sealed interface AuthNegotiation {

    /**
     * Both sides use AUTH.
     *
     * @param peer the peer's parameters
     * @param sendAlgorithm the first algorithm of the peer's list that we implement
     */
    record Use(AuthParameters peer, HmacAlgorithm sendAlgorithm) implements AuthNegotiation {
    }

    /** The peer does not offer AUTH and we do not require it: the association goes on without. */
    record NotUsed() implements AuthNegotiation {
    }

    /**
     * The association must not be set up; {@code cause} goes into the ABORT.
     *
     * @param reason for logs and the user
     * @param cause the error cause of the ABORT
     */
    record Refuse(String reason, ErrorCause cause) implements AuthNegotiation {
    }

    /**
     * Judges the peer's parameters.
     *
     * @param config our AUTH configuration (we offer AUTH)
     * @param peerParameters the peer's INIT or INIT ACK parameters
     * @return the outcome
     */
    static AuthNegotiation of(AuthConfig config, List<Parameter> peerParameters) {
        Optional<AuthParameters> found = AuthParameters.in(peerParameters);
        if (found.isEmpty()) {
            if (config.required()) {
                // The peer lacks RANDOM and HMAC-ALGO, without which AUTH cannot be used.
                return new Refuse("the peer does not support AUTH (RFC 4895), which is required",
                        MissingMandatoryParameterCause.of(ParameterType.RANDOM, ParameterType.REQUESTED_HMAC_ALGORITHM));
            }
            return new NotUsed();
        }
        AuthParameters peer = found.get();
        if (peer.random().random().length() != RandomParameter.RECOMMENDED_LENGTH) {
            // RFC 4895 section 6.1: a Random Number of another length than 32 bytes aborts the
            // association, with a Protocol Violation cause.
            String why = "RANDOM of " + peer.random().random().length() + " bytes, not 32 (RFC 4895 section 6.1)";
            return new Refuse(why, ProtocolViolationCause.of(why));
        }
        List<Integer> ids = peer.hmacs().hmacIds();
        if (!ids.contains(HmacAlgorithm.SHA_1.id())) {
            // RFC 4895 section 3.3: SHA-1 is mandatory, so a list without it is not a valid offer.
            String why = "HMAC-ALGO without SHA-1 (RFC 4895 section 3.3)";
            return new Refuse(why, ProtocolViolationCause.of(why));
        }
        for (int id : ids) {
            HmacAlgorithm a = HmacAlgorithm.byId(id);
            if (a != null && config.hmacPreference().contains(a)) {
                return new Use(peer, a); // section 6.1: the first listed that we support (and allow)
            }
        }
        return new Use(peer, HmacAlgorithm.SHA_1); // listed by the peer, and always in our list
    }
}
