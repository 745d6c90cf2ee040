package org.jsctp.examples;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a server tool started by a test prints. */
final class ServerOutput {

    private static final Pattern PORT = Pattern.compile("on UDP port (\\d+)");

    private ServerOutput() {
    }

    /**
     * The UDP port a server tool reports once it is bound ("... on UDP port N"), polling its output
     * for up to 10 s.
     *
     * @param out the server's standard output
     * @return the port
     * @throws AssertionError if the server reports none in time
     */
    static int udpPort(StringWriter out) {
        return Poll.first(() -> {
            Matcher m = PORT.matcher(out.toString());
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.<Integer>empty();
        }, Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("the server did not report its port: " + out));
    }
}
