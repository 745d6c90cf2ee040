package org.jsctp.core.asconf;

import java.util.List;
import org.jsctp.core.packet.cause.ErrorCause;

/**
 * What became of one request: done, or refused with the peer's reasons (RFC 5061 section 5.1
 * rules A6 to A8), or never answered because the association failed.
 *
 * @param request the request
 * @param success whether the peer performed it
 * @param causes the peer's error causes when it refused (possibly none), empty on success
 */
public record AsconfResult(AsconfRequest request, boolean success, List<ErrorCause> causes) {

    /**
     * Copies what is mutable.
     *
     * @param request the request
     * @param success whether the peer performed it
     * @param causes the peer's error causes when it refused (possibly none), empty on success
     */
    public AsconfResult {
        causes = List.copyOf(causes);
    }

    static AsconfResult succeeded(AsconfRequest request) {
        return new AsconfResult(request, true, List.of());
    }

    static AsconfResult failed(AsconfRequest request, List<ErrorCause> causes) {
        return new AsconfResult(request, false, causes);
    }
}
