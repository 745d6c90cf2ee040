package org.jsctp.core.asconf;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.param.CorrelatedParameter;
import org.jsctp.core.packet.param.ErrorCauseIndicationParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SuccessIndicationParameter;

/**
 * Ties the responses of an ASCONF-ACK to the requests of the ASCONF by correlation ID (RFC 5061
 * section 5.1 rule A6) and decides each request's result (rules A7 and A8).
 */
final class AckCorrelation {

    private AckCorrelation() {
    }

    /**
     * Rules A6 to A8: each request's result. A request without a response succeeded when no error
     * precedes it; after the first error, only an explicit Success Indication is a success.
     */
    static List<AsconfResult> results(List<AsconfSender.Sent> requests, List<Parameter> responses) {
        List<AsconfResult> results = new ArrayList<>(requests.size());
        int firstError = Integer.MAX_VALUE;
        List<List<ErrorCause>> errorsOf = new ArrayList<>(requests.size());
        boolean[] explicitSuccess = new boolean[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            errorsOf.add(null);
        }
        for (Parameter p : responses) {
            int index = indexOf(requests, p);
            if (index < 0) {
                continue; // no request of ours has this correlation ID: nothing to apply
            }
            if (p instanceof ErrorCauseIndicationParameter e) {
                errorsOf.set(index, e.causes());
                firstError = Math.min(firstError, index);
            } else if (p instanceof SuccessIndicationParameter) {
                explicitSuccess[index] = true;
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            AsconfRequest r = requests.get(i).request();
            if (errorsOf.get(i) != null) {
                results.add(AsconfResult.failed(r, errorsOf.get(i)));
            } else if (explicitSuccess[i] || i < firstError) {
                results.add(AsconfResult.succeeded(r));
            } else {
                results.add(AsconfResult.failed(r, List.of())); // rule A7: after a failure, silence is failure
            }
        }
        return results;
    }

    private static int indexOf(List<AsconfSender.Sent> requests, Parameter response) {
        if (!(response instanceof ErrorCauseIndicationParameter) && !(response instanceof SuccessIndicationParameter)) {
            return -1;
        }
        int id = ((CorrelatedParameter) response).correlationId();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).correlationId() == id) {
                return i;
            }
        }
        return -1;
    }
}
