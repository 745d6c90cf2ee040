package org.jsctp.examples;

import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = PORT.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the server did not report its port: " + out);
    }
}
