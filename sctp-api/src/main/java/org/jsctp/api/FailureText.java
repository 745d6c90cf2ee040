package org.jsctp.api;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for what ended an association, from the core's reason and the peer's error causes, e.g.
 * "association to 127.0.0.1:9899 (SCTP port 7) aborted by peer: cause 'User-Initiated Abort: bye'"
 * or "could not connect to 127.0.0.1:9899 (SCTP port 7): no answer after 8 INIT retransmissions".
 */
final class FailureText {

    private static final String PEER_ABORT = "aborted by the peer";
    private static final String USER_ABORT = "aborted by the user: ";
    private static final Pattern NO_ANSWER = Pattern.compile("(INIT|COOKIE ECHO) was retransmitted (\\d+) times without answer");

    private FailureText() {
    }

    /** "127.0.0.1:9899 (SCTP port 7)", with brackets around an IPv6 address. */
    static String peer(InetSocketAddress remote, int sctpPort) {
        String host = remote.getAddress() instanceof Inet6Address ? "[" + remote.getAddress().getHostAddress() + "]"
                : remote.getAddress().getHostAddress();
        return host + ":" + remote.getPort() + " (SCTP port " + sctpPort + ")";
    }

    /** An established association ended without a graceful shutdown. */
    static String lost(InetSocketAddress remote, int sctpPort, String reason, List<SctpErrorCause> causes) {
        String to = "association to " + peer(remote, sctpPort);
        if (reason.startsWith(PEER_ABORT)) {
            return to + " aborted by peer" + causes(causes);
        }
        if (reason.startsWith(USER_ABORT)) {
            return to + " aborted here: " + reason.substring(USER_ABORT.length());
        }
        return to + " lost: " + reason;
    }

    /** The association could not be set up. */
    static String connect(InetSocketAddress remote, int sctpPort, String reason, List<SctpErrorCause> causes) {
        String to = "could not connect to " + peer(remote, sctpPort) + ": ";
        Matcher m = NO_ANSWER.matcher(reason);
        if (m.find()) {
            return to + "no answer after " + m.group(2) + " " + m.group(1) + " retransmissions";
        }
        if (reason.startsWith(PEER_ABORT)) {
            return to + "refused by peer" + causes(causes);
        }
        return to + reason;
    }

    private static String causes(List<SctpErrorCause> causes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < causes.size(); i++) {
            b.append(i == 0 ? ": " : ", ").append("cause '").append(causes.get(i).text()).append('\'');
        }
        return b.toString();
    }
}
